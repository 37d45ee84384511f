/**
 * `ultralytics-sync run [flags] -- <training command>`: the form for GitLab, Jenkins and shells.
 * Starts the command with its output passed through and teed into the console log, syncs live,
 * and does the final sync with the status the exit code gives (0: success, a signal: cancelled,
 * else failure). Exits with the command's exit code, or 1 when the command succeeded but the sync
 * did not (a sync failure is never silent).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Inputs, type RunStatus, getInputs } from '../inputs/inputs.js';
import type { Host, Outcome } from '../main.js';
import { finalSync } from '../watch/final-sync.js';
import { followTraining } from '../watch/live.js';

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };

export async function runCommand(host: Host, command: string[], write: (chunk: Buffer, stream: 'out' | 'err') => void): Promise<Outcome> {
  if (command.length === 0) {
    return { exitCode: 2, outputs: {}, error: 'run needs a training command after `--`, e.g. ultralytics-sync run --project acme/helmets -- yolo train …' };
  }
  // The command's output is the console log: the `log-file` given, else a temp file.
  const extra: Record<string, string> = host.input(Inputs.LogFile).trim()
    ? {}
    : { [Inputs.LogFile]: path.join(os.tmpdir(), `ultralytics-sync-run-${randomBytes(4).toString('hex')}.log`) };
  const inputs = getInputs((n) => extra[n] ?? host.input(n), host.env, host.log);
  const tee = fs.createWriteStream(inputs.logFile as string, { flags: 'a' });

  const startedAt = Date.now();
  const child = spawn(command[0], command.slice(1), { stdio: ['inherit', 'pipe', 'pipe'] });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.stdout.on('data', (d: Buffer) => (write(d, 'out'), tee.write(d)));
  child.stderr.on('data', (d: Buffer) => (write(d, 'err'), tee.write(d)));
  const stop = new AbortController();
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
    child.on('close', (code, signal) => resolve({ code, signal }));
  }).finally(() => stop.abort());

  try {
    const live = await followTraining(
      { inputs, log: host.log, env: host.env, startedAt, checkpointIntervalMs: inputs.checkpointIntervalMs },
      stop.signal,
    ).catch((err: unknown) => {
      // The training goes on; the final sync below sends what is missing, or reports why it cannot.
      host.log.error(`The live sync stopped: ${host.log.redact((err as Error).message)}`);
      return null;
    });
    const exit = await ended;
    await new Promise((r) => tee.end(r));
    if (exit.error) return { exitCode: 127, outputs: {}, error: `could not start ${command[0]}: ${exit.error.message}` };
    const status: RunStatus = exit.signal ? 'cancelled' : exit.code === 0 ? 'success' : 'failure';
    const commandCode = exit.signal ? 128 + (SIGNALS[exit.signal] ?? 1) : (exit.code ?? 1);
    host.log.info(`${command[0]} ended: ${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`} (${status}).`);
    const outcome = live?.stoodAside ? { exitCode: 0, outputs: {} } : await finalSync(host, live?.runDir ?? null, status, extra);
    return { ...outcome, exitCode: commandCode !== 0 ? commandCode : outcome.exitCode };
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  }
}
