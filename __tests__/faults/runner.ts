/**
 * The fault suite's scheduler and report: N runs spread over C workers, each with its own
 * emulator (reset between runs), every run's plan drawn from the suite seed and its index, and
 * the figures that go into the one-line summary.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Emulator, startEmulator } from '../../emulator/server.js';
import { ACTION } from '../e2e/harness.js';
import { type JobResult, runJob } from './job.js';
import { FAULT_KINDS, describeFault, describePlan, drawPlan } from './plan.js';
import { runSeed } from './random.js';

export interface SuiteOptions {
  runs: number;
  seed: number;
  concurrency: number;
  /** Run only these indices (replay); default all of 0 … runs-1. */
  only?: number[];
  /** Keep the workspaces, with each action run's whole output in action-<n>.log (for debugging a failure). */
  keep?: boolean;
  /** Called as each run ends, in completion order. */
  onResult?: (result: JobResult, done: number, total: number) => void;
}

export interface SuiteReport {
  seed: number;
  results: JobResult[];
  wallMs: number;
}

export async function runSuite(opts: SuiteOptions): Promise<SuiteReport> {
  const indices = opts.only ?? Array.from({ length: opts.runs }, (_, i) => i);
  const results: JobResult[] = [];
  const action = snapshotAction();
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    const emu = await startEmulator();
    try {
      while (next < indices.length) {
        const index = indices[next++];
        const result = await runOne(emu, index, action.entry, opts);
        results.push(result);
        opts.onResult?.(result, results.length, indices.length);
      }
    } finally {
      await emu.close();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, indices.length)) }, worker));
  } finally {
    action.remove();
  }
  results.sort((a, b) => a.plan.index - b.plan.index);
  return { seed: opts.seed, results, wallMs: Date.now() - started };
}

/**
 * A private copy of the bundled action (dist/index.js, the chunks it loads on demand, and the
 * package.json that makes it ESM), so that a rebuild of dist/ while the suite runs cannot break
 * runs half-way.
 */
function snapshotAction(): { entry: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-faults-action-'));
  const dist = path.dirname(ACTION);
  for (const entry of fs.readdirSync(dist, { withFileTypes: true })) {
    if (entry.isFile()) fs.copyFileSync(path.join(dist, entry.name), path.join(dir, entry.name));
  }
  return { entry: path.join(dir, 'index.js'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function runOne(emu: Emulator, index: number, entry: string, opts: SuiteOptions): Promise<JobResult> {
  const plan = drawPlan(index, runSeed(opts.seed, index));
  try {
    return await runJob(emu, plan, { entry, keep: opts.keep });
  } catch (err) {
    const text = `the suite could not run it: ${(err as Error).stack ?? err}`;
    return { plan, ms: 0, fired: new Map(), problems: [{ kind: 'outcome', text }], logTail: '' };
  }
}

/** Data lost: the action (or its re-run) reported success, yet the server lacks something or holds it wrong. */
export const isLost = (r: JobResult) => r.problems.some((p) => p.kind === 'lost');
/** Every other broken rule: a disallowed failure, a re-run that did not complete, a duplicate, a protocol error, a needless wait. */
export const isFailed = (r: JobResult) => r.problems.length > 0 && !isLost(r);

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The one summary line. */
export function summaryLine(report: SuiteReport): string {
  const rs = report.results;
  const count = (backend: string) => rs.filter((r) => r.plan.backend === backend).length;
  const faults = rs.reduce((sum, r) => sum + [...r.fired.values()].reduce((a, b) => a + b, 0), 0);
  const ms = rs.map((r) => r.ms);
  return (
    `fault suite: ${rs.length} runs (${count('hub')} hub, ${count('platform')} platform), ${faults} faults injected, ` +
    `${rs.filter((r) => r.rerun).length} re-runs, data lost: ${rs.filter(isLost).length}, failures: ${rs.filter(isFailed).length}, ` +
    `median ${secs(median(ms))}, max ${secs(Math.max(0, ...ms))}`
  );
}

/** Faults fired by kind, re-runs by reason, seed and wall time. */
export function breakdown(report: SuiteReport): string {
  const fired = new Map<string, number>();
  for (const r of report.results) for (const [kind, n] of r.fired) fired.set(kind, (fired.get(kind) ?? 0) + n);
  const kinds = FAULT_KINDS.map((k) => `${k} ${fired.get(k) ?? 0}`).join(', ');
  const reruns = new Map<string, number>();
  for (const r of report.results) if (r.rerun) reruns.set(r.rerun, (reruns.get(r.rerun) ?? 0) + 1);
  const why = [...reruns].map(([reason, n]) => `${n} after ${reason}`).join(', ') || 'none';
  const slowest = [...report.results]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((r) => `run ${r.plan.index} ${secs(r.ms)} (${r.plan.faults.map(describeFault).join('; ')})`)
    .join(', ');
  return [
    `faults fired by kind: ${kinds}`,
    `re-runs: ${why}`,
    `slowest: ${slowest}`,
    `seed ${report.seed} (replay one run: --seed ${report.seed} --only <index>), wall time ${secs(report.wallMs)}`,
  ].join('\n');
}

/** Everything needed to reproduce and diagnose a run that lost data or failed. */
export function failureReport(r: JobResult, seed: number): string {
  const head = `${isLost(r) ? 'DATA LOST' : 'FAILED'}: run ${r.plan.index} (run seed ${r.plan.seed}; replay: --seed ${seed} --only ${r.plan.index})`;
  const lines = [head, `  ${describePlan(r.plan)}`, ...r.problems.map((p) => `  ${p.kind}: ${p.text}`)];
  if (r.logTail) lines.push('  last log lines:', ...r.logTail.split('\n').map((l) => `    ${l}`));
  return lines.join('\n');
}
