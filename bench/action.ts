/**
 * Runs the bundled action as the runner does (`node dist/index.js` with INPUT_* variables and
 * GITHUB_OUTPUT pointing at a file) and reads what the benchmark needs from it: the outputs, and
 * from its debug log the time of each upload request as the transport measured it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ACTION, HUB_KEY, PLATFORM_KEY } from './paths.js';
import { expectSuccess, measure, type Measured } from './process.js';

export interface ActionRun extends Measured {
  outputs: Record<string, string>;
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]] = m[3];
  return out;
}

/** `opts.action`: another bundle to run instead of dist/index.js (the `--baseline` of the benchmark). */
export async function runAction(
  runDir: string,
  inputs: Record<string, string>,
  opts: { rss?: boolean; action?: string } = {},
): Promise<ActionRun> {
  const work = path.dirname(runDir);
  const outputFile = path.join(work, `outputs-${path.basename(runDir)}`);
  fs.writeFileSync(outputFile, '');
  fs.rmSync(path.join(runDir, '.ultralytics-sync.json'), { force: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: work,
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: outputFile,
    RUNNER_DEBUG: '1',
    'INPUT_RUN-DIR': runDir,
    INPUT_SUMMARY: 'false',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const m = expectSuccess(await measure(process.execPath, [opts.action ?? ACTION], { env, cwd: work, rss: opts.rss }), 'the action');
  const outputs = parseOutputs(fs.readFileSync(outputFile, 'utf8'));
  fs.rmSync(outputFile);
  return { ...m, outputs };
}

export const hubInputs = (url: string, model: string): Record<string, string> => ({
  backend: 'hub',
  'api-url': url,
  'api-key': HUB_KEY,
  model,
});

export const platformInputs = (url: string, project: string, name: string): Record<string, string> => ({
  backend: 'platform',
  'api-url': url,
  'api-key': PLATFORM_KEY,
  project,
  name,
});

/**
 * The upload request's duration as the action's transport logged it at debug level:
 * `::debug::POST http://…/upload → 200 in 1826 ms (try 1 of 8)`. Only a first-try success counts.
 */
export function uploadMs(run: ActionRun, method: 'POST' | 'PUT'): number {
  const re = new RegExp(`^::debug::${method} \\S+ → 2\\d\\d in (\\d+) ms \\(try 1 of \\d+\\)$`, 'm');
  const lines = run.stdout.split('\n').filter((l) => l.includes(method === 'POST' ? '/upload ' : '/_signed/'));
  const m = re.exec(lines.join('\n'));
  if (!m) throw new Error(`no first-try ${method} upload line in the action's log:\n${lines.join('\n') || run.stdout.slice(-2000)}`);
  return Number(m[1]);
}

export interface SentFile {
  sha256: string;
  bytes: number;
}

/** What the action reports it sent as the final model (its `weights` output). */
export function finalWeight(run: ActionRun): SentFile {
  const weights = JSON.parse(run.outputs.weights ?? '[]') as ({ role: string } & SentFile)[];
  const final = weights.find((w) => w.role === 'final');
  if (!final) throw new Error(`the action reported no final model: weights = ${run.outputs.weights}`);
  return { sha256: final.sha256, bytes: final.bytes };
}
