/**
 * `ultralytics-sync watch`: the live sync in the foreground, beside a training started elsewhere.
 * It stops on SIGINT/SIGTERM or when the process given by `--pid` exits, then does the final sync
 * (status: --status when given, else from the checkpoints).
 */
import { TRAINER_PID_ENV } from '../backend/trainer-command.js';
import { getInputs } from '../inputs/inputs.js';
import type { Host, Outcome } from '../main.js';
import { alive, processStartMs } from '../watch/daemon.js';
import { finalSync } from '../watch/final-sync.js';
import { followTrainings, runDirsOf } from '../watch/live.js';

/** Runs newer than this are the training's: the --pid process's start (1 s slack for the clock), else now. */
function startedAt(pid?: number): number {
  const start = pid === undefined ? undefined : processStartMs(pid);
  return start === undefined ? Date.now() : start - 1000;
}

export async function watchCommand(host: Host, opts: { pid?: number }): Promise<Outcome> {
  const inputs = getInputs(host.input, host.env, host.log);
  if (opts.pid !== undefined && !alive(opts.pid)) {
    return { exitCode: 2, outputs: {}, error: `--pid ${opts.pid}: no such process. Give the pid of the running training.` };
  }
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const poll = opts.pid === undefined ? undefined : setInterval(() => alive(opts.pid as number) || stop.abort(), 1000);
  try {
    const live = await followTrainings(
      // A training given by --pid may have written its args.yaml before this command started.
      {
        inputs,
        log: host.log,
        // The --pid process is the training: its command line is Platform's environment.command.
        env: opts.pid === undefined ? host.env : { ...host.env, [TRAINER_PID_ENV]: String(opts.pid) },
        startedAt: startedAt(opts.pid),
        checkpointIntervalMs: inputs.checkpointIntervalMs,
      },
      stop.signal,
    );
    return await finalSync(host, runDirsOf(live));
  } finally {
    clearInterval(poll);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
