/**
 * Watch mode driven the way a runner drives it: main with INPUT_* and a GITHUB_STATE file, a fake
 * trainer writing a run directory in real time (examples/fake-trainer.ts), then post with the
 * STATE_* variables the runner derives from that file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { type ActionRun, ROOT, type Workspace, parseOutputFile, runAction } from '../e2e/harness.js';

export const TRAINER = path.join(ROOT, 'build/examples/fake-trainer.js');

/** An empty workspace: the trainer creates runs/detect/train in it. */
export function emptyWorkspace(): Workspace & { temp: string; stateFile: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-watch-'));
  const temp = path.join(dir, '.runner-temp');
  fs.mkdirSync(temp);
  const stateFile = path.join(temp, 'state');
  fs.writeFileSync(stateFile, '');
  return {
    dir,
    temp,
    stateFile,
    runDir: path.join(dir, 'runs/detect/train'),
    weight: () => {
      throw new Error('the trainer writes the weights');
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export type WatchWorkspace = ReturnType<typeof emptyWorkspace>;

/** A maker of empty workspaces for one test file, all removed after its tests. */
export function workspaces(): () => WatchWorkspace {
  const made: WatchWorkspace[] = [];
  after(() => made.forEach((w) => w.remove()));
  return () => {
    const w = emptyWorkspace();
    made.push(w);
    return w;
  };
}

/** The action's main step: returns its run and how long it held the step. */
export async function mainStep(ws: WatchWorkspace, inputs: Record<string, string>): Promise<ActionRun & { ms: number }> {
  const t0 = Date.now();
  const run = await runAction(ws, { watch: 'true', ...inputs }, { GITHUB_STATE: ws.stateFile, RUNNER_TEMP: ws.temp });
  return { ...run, ms: Date.now() - t0 };
}

/** The post step, with the STATE_* variables the runner derives from main's GITHUB_STATE file. */
export async function postStep(ws: WatchWorkspace, inputs: Record<string, string>): Promise<ActionRun> {
  const state = parseOutputFile(fs.readFileSync(ws.stateFile, 'utf8'));
  const env: Record<string, string> = { RUNNER_TEMP: ws.temp };
  for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
  return runAction(ws, { watch: 'true', ...inputs }, env);
}

export function savedState(ws: WatchWorkspace): Record<string, string> {
  return parseOutputFile(fs.readFileSync(ws.stateFile, 'utf8'));
}

/** Runs the fake trainer in the workspace; resolves with its exit code (or signal) when it ends. */
export function trainer(ws: WatchWorkspace, args: string[] = [], logFile = 'train.log'): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const out = fs.openSync(path.join(ws.dir, logFile), 'a');
  const child = spawn(process.execPath, [TRAINER, ...args], { cwd: ws.dir, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, done };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` is true, polling; fails after `ms`. */
export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export { alive } from '../../src/watch/daemon.js';
