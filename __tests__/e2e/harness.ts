/**
 * End-to-end harness: a real workspace in a temp directory, the bundled action run as
 * `node dist/index.js` with INPUT_* variables (as the runner does), and its outputs, summary and
 * logs collected for assertions against the emulator's state.
 */
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ACTION = path.join(ROOT, 'dist/index.js');
export const CLI = path.join(ROOT, 'bin/ultralytics-sync.js');
export const EXAMPLE_RUN = path.join(ROOT, 'examples/runs/detect/train');
export const FIXTURES = path.join(ROOT, '__tests__/fixtures/results');

/** Keys of the right shapes. Tests grep every output for them. */
export const PLATFORM_KEY = 'ul_' + 'a1b2c3d4e5'.repeat(4);
export const HUB_KEY = 'Hk' + 'q7Wz3Rt9Lm'.repeat(4);

export interface Workspace {
  dir: string;
  runDir: string;
  /** Writes a weights file of `bytes` pseudo-random bytes; returns its sha256. */
  weight(name: string, bytes: number): string;
  remove(): void;
}

/** A workspace holding a copy of a run directory at runs/detect/train. */
export function workspace(opts: { csv?: string; args?: string | null; weights?: Record<string, number> } = {}): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-e2e-'));
  const runDir = path.join(dir, 'runs/detect/train');
  fs.mkdirSync(path.join(runDir, 'weights'), { recursive: true });
  fs.copyFileSync(opts.csv ?? path.join(EXAMPLE_RUN, 'results.csv'), path.join(runDir, 'results.csv'));
  if (opts.args !== null) fs.copyFileSync(opts.args ?? path.join(EXAMPLE_RUN, 'args.yaml'), path.join(runDir, 'args.yaml'));
  const ws: Workspace = {
    dir,
    runDir,
    weight(name, bytes) {
      const file = path.join(runDir, 'weights', name);
      const buf = crypto.randomBytes(Math.min(bytes, 1 << 20));
      const fd = fs.openSync(file, 'w');
      for (let done = 0; done < bytes; done += buf.length) fs.writeSync(fd, buf, 0, Math.min(buf.length, bytes - done));
      fs.closeSync(fd);
      return sha256(file);
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
  for (const [name, bytes] of Object.entries(opts.weights ?? { 'best.pt': 300_000, 'last.pt': 310_000 })) ws.weight(name, bytes);
  return ws;
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Everything the process printed or wrote (for secret greps). */
  all: string;
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]] = m[3];
  return out;
}

/** Runs the bundled action in `ws` with these inputs and extra environment. */
export async function runAction(
  ws: Workspace,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  opts: { entry?: string; args?: string[]; killAfterMs?: number; signal?: NodeJS.Signals } = {},
): Promise<ActionRun> {
  const outFile = path.join(ws.dir, `.out-${crypto.randomUUID()}`);
  const summaryFile = path.join(ws.dir, `.summary-${crypto.randomUUID()}`);
  fs.writeFileSync(outFile, '');
  fs.writeFileSync(summaryFile, '');
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: ws.dir,
    GITHUB_WORKSPACE: ws.dir,
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...env,
  };
  for (const [k, v] of Object.entries(inputs)) childEnv[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [opts.entry ?? ACTION, ...(opts.args ?? [])], {
    cwd: ws.dir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const killer = opts.killAfterMs === undefined ? undefined : setTimeout(() => child.kill(opts.signal ?? 'SIGTERM'), opts.killAfterMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(killer);
  const outputs = parseOutputFile(fs.readFileSync(outFile, 'utf8'));
  const summary = fs.readFileSync(summaryFile, 'utf8');
  const stateFile = path.join(ws.runDir, '.ultralytics-sync.json');
  const state = fs.existsSync(stateFile) ? fs.readFileSync(stateFile, 'utf8') : '';
  return { code, stdout, stderr, outputs, summary, all: [stdout, stderr, JSON.stringify(outputs), summary, state].join('\n') };
}

/** Lines of output without the runner's own `::add-mask::` commands (the runner consumes those). */
export function visible(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

/**
 * A small, independent reading of a well-formed results.csv, as the oracle the server's state is
 * compared with: trainer epoch (0-based) → every column but `epoch` and `time`, nan/inf → null.
 * Lines with the wrong number of cells are skipped; a later duplicate epoch wins.
 */
export function expectedEpochs(csvFile: string): Map<number, Record<string, number | null>> {
  const lines = fs.readFileSync(csvFile, 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const header = lines[0].split(',').map((c) => c.trim());
  const rows = lines
    .slice(1)
    .map((l) => l.split(',').map((c) => c.trim()))
    .filter((cells) => cells.length === header.length && cells.every((c) => c !== '' && !Number.isNaN(Number(c)) || /^-?(nan|inf)$/i.test(c)));
  const epochCol = header.indexOf('epoch');
  const zeroBased = rows.some((r) => Number(r[epochCol]) === 0);
  const out = new Map<number, Record<string, number | null>>();
  for (const cells of rows) {
    const values: Record<string, number | null> = {};
    header.forEach((h, i) => {
      if (h === 'epoch' || h === 'time') return;
      const n = Number(cells[i]);
      values[h] = Number.isFinite(n) ? n : null;
    });
    out.set(Number(cells[epochCol]) - (zeroBased ? 0 : 1), values);
  }
  return out;
}

/** Only the entries of `values` whose key passes `keep`. */
export function pick(values: Record<string, number | null>, keep: (k: string) => boolean): Record<string, number | null> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => keep(k)));
}

export const isLr = (k: string) => k.startsWith('lr/') || k.startsWith('x/lr');

/** An epoch's metrics as HUB gets them: the row without its learning-rate columns (HUB-API.md). */
export const hubMetrics = (values: Record<string, number | null>) => pick(values, (k) => !isLr(k));

/** The fixtures every era test runs (the error cases are tested elsewhere). */
export const ERA_FIXTURES = [
  'yolov5.csv',
  'v8-early-0based.csv',
  'v8-mid-1based.csv',
  'detect.csv',
  'classify.csv',
  'segment.csv',
  'pose.csv',
  'yolo26-pose.csv',
  'crlf.csv',
  'nonfinite.csv',
  'resume-duplicate.csv',
  'truncated.csv',
];

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI (`node bin/ultralytics-sync.js`) in `cwd` with only PATH, HOME and `env` (no GITHUB_* variables). */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
