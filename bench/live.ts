/**
 * Watch mode as the runner drives it, for the live benchmarks: main (watch: true) returns, the
 * fake trainer writes a run in real time, then post. Each step's wall time is measured, and the
 * watcher's own CPU time and peak RSS are read from /proc before the post stops it.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ACTION, BUILD, PLATFORM_KEY } from './paths.js';
import { tempDir } from './workspace.js';

const TRAINER = path.join(BUILD, 'examples/fake-trainer.js');

export interface WatchJob {
  dir: string;
  mainMs: number;
  trainMs: number;
  postMs: number;
  trainLog: string;
  watcher: { cpuSeconds: number; peakRssMiB: number; wallSeconds: number } | null;
  postStdout: string;
}

function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]] = m[3];
  return out;
}

function runNode(args: string[], env: NodeJS.ProcessEnv, cwd: string, stdout?: number): Promise<{ code: number | null; ms: number; out: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', stdout ?? 'pipe', 'inherit'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, ms: performance.now() - t0, out })));
}

/** utime + stime (s) and VmHWM (MiB) of a running process, from /proc; null where there is no /proc. */
function processCost(pid: number, sinceMs: number): WatchJob['watcher'] {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(f[11]) + Number(f[12])) / 100;
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuSeconds, peakRssMiB: hwm ? Number(hwm[1]) / 1024 : NaN, wallSeconds: (Date.now() - sinceMs) / 1000 };
  } catch {
    return null;
  }
}

/** Watch mode around one training (`trainer`: its arguments), or several at once (a list of them). */
export async function watchJob(url: string, trainer: string[] | string[][], inputs: Record<string, string> = {}): Promise<WatchJob> {
  const trainers = Array.isArray(trainer[0]) ? (trainer as string[][]) : [trainer as string[]];
  const dir = tempDir('watch');
  const temp = path.join(dir, '.runner-temp');
  fs.mkdirSync(temp);
  const stateFile = path.join(temp, 'state');
  fs.writeFileSync(stateFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_WORKSPACE: dir,
    GITHUB_STATE: stateFile,
    GITHUB_OUTPUT: path.join(temp, 'out'),
    RUNNER_TEMP: temp,
    INPUT_WATCH: 'true',
    INPUT_SUMMARY: 'false',
    'INPUT_API-URL': url,
    'INPUT_API-KEY': PLATFORM_KEY,
    INPUT_PROJECT: 'bench/live',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  fs.writeFileSync(env.GITHUB_OUTPUT as string, '');
  const started = Date.now();
  const main = await runNode([ACTION], env, dir);
  if (main.code !== 0) throw new Error(`watch main exited ${main.code}:\n${main.out}`);
  const state = parseCommandFile(fs.readFileSync(stateFile, 'utf8'));
  const pid = Number(state['watcher-pid']);

  const logFile = path.join(dir, 'train.log');
  const fd = fs.openSync(logFile, 'a');
  const t0 = performance.now();
  const trained = await Promise.all(trainers.map((args) => runNode([TRAINER, ...args], env, dir, fd)));
  const train = { ms: performance.now() - t0 };
  fs.closeSync(fd);
  const failed = trained.find((t) => t.code !== 0);
  if (failed) throw new Error(`the fake trainer exited ${failed.code}`);
  await new Promise((r) => setTimeout(r, 1000)); // the watcher's last tick
  const watcher = processCost(pid, started);

  const postEnv = { ...env };
  for (const [k, v] of Object.entries(state)) postEnv[`STATE_${k}`] = v;
  const post = await runNode([ACTION], postEnv, dir);
  if (post.code !== 0) throw new Error(`watch post exited ${post.code}:\n${post.out.slice(-3000)}`);
  return { dir, mainMs: main.ms, trainMs: train.ms, postMs: post.ms, trainLog: fs.readFileSync(logFile, 'utf8'), watcher, postStdout: post.out };
}
