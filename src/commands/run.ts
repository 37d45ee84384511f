/**
 * `ultralytics-sync run [flags] -- <training command>`: the form for GitLab, Jenkins and shells.
 * Starts the command with its output passed through and teed into the console log, syncs live,
 * and does the final sync with the status the exit code gives (0: success, a stop signal: cancelled,
 * else failure). Exits with the command's exit code, or 1 when the command succeeded but the sync
 * did not (a sync failure is never silent).
 *
 * A training ended by SIGINT, SIGTERM or SIGHUP was stopped on purpose: `cancelled`. Any other
 * signal (SIGKILL from the OOM killer, SIGSEGV, SIGABRT, …) is a crash: `failure`, as the action's
 * post step reports an unfinished run.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TRAINER_COMMAND_ENV } from '../backend/trainer-command.js';
import { Inputs, type RunStatus, getInputs } from '../inputs/inputs.js';
import type { Host, Outcome } from '../main.js';
import { finalSync, runsWithoutWatcher } from '../watch/final-sync.js';
import { followTrainings, runDirsOf } from '../watch/live.js';

/** The signals that stop a training on purpose; any other signal is a crash. */
const CANCEL_SIGNALS: ReadonlySet<string> = new Set(['SIGINT', 'SIGTERM', 'SIGHUP']);

/** What a training's end means for the run. */
function statusOfExit(code: number | null, signal: NodeJS.Signals | null): RunStatus {
  if (signal) return CANCEL_SIGNALS.has(signal) ? 'cancelled' : 'failure';
  return code === 0 ? 'success' : 'failure';
}

/** The variables Ultralytics reads a key from: a trainer that finds one reports the training itself. */
const KEY_VARIABLES = ['ULTRALYTICS_API_KEY', 'HUB_API_KEY'] as const;

/**
 * The training command's environment: ours without the keys. This sync reports the training; an
 * Ultralytics ≥ 8.4 trainer that saw the key would report it too (a second model, every epoch and
 * upload twice), and the key has no other business in the training.
 */
function trainingEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const name of KEY_VARIABLES) delete out[name];
  return out;
}

/**
 * `write` passes the command's output on; `exited` is called once it ended (before the final
 * sync), so that log lines held back while its output was mid-line go out (output-gate.ts).
 */
export async function runCommand(
  host: Host,
  command: string[],
  write: (chunk: Buffer, stream: 'out' | 'err') => void,
  exited: () => void = () => {},
): Promise<Outcome> {
  if (command.length === 0) {
    return { exitCode: 2, outputs: {}, error: 'run needs a training command after `--`, e.g. ultralytics-sync run --project acme/helmets -- yolo train …' };
  }
  // The command's output is the console log: the `log-file` given, else a temp file.
  const extra: Record<string, string> = host.input(Inputs.LogFile).trim()
    ? {}
    : { [Inputs.LogFile]: path.join(os.tmpdir(), `ultralytics-sync-run-${randomBytes(4).toString('hex')}.log`) };
  const inputs = getInputs((n) => extra[n] ?? host.input(n), host.env, host.log);
  // The sync (not the training) learns the command line, for Platform's environment.command.
  const syncHost: Host = { ...host, env: { ...host.env, [TRAINER_COMMAND_ENV]: command.join(' ') } };
  const tee = fs.createWriteStream(inputs.logFile as string, { flags: 'a' });

  const removed = KEY_VARIABLES.filter((name) => host.env[name]);
  if (removed.length > 0) {
    host.log.info(`${removed.join(' and ')} ${removed.length === 1 ? 'is' : 'are'} not passed to ${command[0]}: this sync reports the training, and an Ultralytics trainer that saw the key would report it a second time.`);
  }
  const startedAt = Date.now();
  const child = spawn(command[0], command.slice(1), { stdio: ['inherit', 'pipe', 'pipe'], env: trainingEnv(host.env) });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.stdout.on('data', (d: Buffer) => (write(d, 'out'), tee.write(d)));
  child.stderr.on('data', (d: Buffer) => (write(d, 'err'), tee.write(d)));
  const stop = new AbortController();
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
    child.on('close', (code, signal) => resolve({ code, signal }));
  }).finally(() => {
    exited();
    stop.abort();
  });

  try {
    const live = await followTrainings(
      { inputs, log: host.log, env: syncHost.env, startedAt, checkpointIntervalMs: inputs.checkpointIntervalMs },
      stop.signal,
    ).catch((err: unknown) => {
      // The training goes on; the final sync below sends what is missing, or reports why it cannot.
      host.log.error(`The live sync stopped: ${host.log.redact((err as Error).message)}`);
      return null;
    });
    const exit = await ended;
    await new Promise((r) => tee.end(r));
    if (exit.error) return { exitCode: 127, outputs: {}, error: `could not start ${command[0]}: ${exit.error.message}` };
    const status = statusOfExit(exit.code, exit.signal);
    const commandCode = exit.signal ? 128 + (os.constants.signals[exit.signal] ?? 1) : (exit.code ?? 1);
    host.log.info(`${command[0]} ended: ${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`} (${status}).`);
    const runDirs = live ? runDirsOf(live) : await runsWithoutWatcher(host, startedAt, 'the live sync stopped');
    const outcome = await finalSync(syncHost, runDirs, status, extra);
    return { ...outcome, exitCode: commandCode !== 0 ? commandCode : outcome.exitCode };
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  }
}
