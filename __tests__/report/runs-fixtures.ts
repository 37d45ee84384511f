/**
 * Runs of a step built from real run files, for the report room's tests: each real fixture copied
 * into a temp workspace under its own name, read by loadRun, and given the SyncResult a sync of it
 * would return (the runs layer hands the report room exactly this).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getInputs } from '../../src/inputs/inputs.js';
import { terminalLog } from '../../src/log.js';
import type { RunOutcome } from '../../src/report/job.js';
import { loadRun } from '../../src/rundir/load-run.js';
import type { SyncResult } from '../../src/session/session.js';
import { ROOT } from '../e2e/harness.js';

export const REAL = path.join(ROOT, '__tests__/fixtures/real');
export const TUNES = path.join(ROOT, '__tests__/fixtures/tune');
export const MODEL_ROOT = 'https://platform.ultralytics.com/acme/helmets';

export function quietLog() {
  const lines: string[] = [];
  return { log: terminalLog({ verbose: false, write: (l) => lines.push(l) }), lines };
}

const made: string[] = [];

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ul-sync-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes every directory tempDir made (call it in `after`). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A copy of the real fixture `real` at <workspace>/runs/detect/<name>, args.yaml naming it `name`. */
export function copyRun(workspace: string, real: string, name: string, parent = 'runs/detect'): string {
  const dir = path.join(workspace, parent, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(REAL, real, 'results.csv'), path.join(dir, 'results.csv'));
  const args = path.join(REAL, real, 'args.yaml');
  const text = fs.existsSync(args) ? fs.readFileSync(args, 'utf8') : 'task: detect\n';
  fs.writeFileSync(path.join(dir, 'args.yaml'), /^name: /m.test(text) ? text.replace(/^name: .*$/m, `name: ${name}`) : `${text}name: ${name}\n`);
  return dir;
}

/** The inputs of a step in `workspace` (a Platform key, nothing sent: the tests build the result). */
export function stepInputs(workspace: string, extra: Record<string, string> = {}) {
  const values: Record<string, string> = { 'api-key': 'ul_' + 'ab'.repeat(20), 'api-url': 'http://127.0.0.1:9', 'if-no-files-found': 'ignore', ...extra };
  return getInputs((n) => values[n] ?? '', { GITHUB_WORKSPACE: workspace }, quietLog().log);
}

/** One run as the runs layer would hand it over after syncing it with `status`. */
export async function outcomeOf(runDir: string, opts: { status?: SyncResult['status']; extra?: Record<string, string>; error?: string } = {}): Promise<RunOutcome> {
  const workspace = path.resolve(runDir, '../../..');
  const inputs = stepInputs(workspace, { 'run-dir': runDir, ...opts.extra });
  const plan = await loadRun(inputs, quietLog().log);
  const name = path.basename(runDir);
  const rows = plan.metrics.rows.length;
  const result: SyncResult | null = opts.error
    ? null
    : { status: opts.status ?? 'synced', modelId: `m-${name}`, modelUrl: `${MODEL_ROOT}/${name}`, epochsOnServer: rows, epochsSent: rows, files: [], problems: [] };
  return { runDir, name, inputs, plan, result, error: opts.error ?? null };
}

/** The era's tune folder copied into a new workspace beside trial run directories named `trials`. */
export function tuneWorkspace(era: string, trials: string[]): { dir: string; tune: string; trials: string[] } {
  const dir = tempDir(`tune-${era}`);
  fs.cpSync(path.join(TUNES, era), dir, { recursive: true });
  return { dir, tune: path.join(dir, 'runs/detect/tune'), trials: trials.map((t) => copyRun(dir, 'bm-det-v11', t)) };
}
