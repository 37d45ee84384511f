/**
 * The sync after a live one, shared by the post step and the CLI's `watch` and `run`: the same
 * pipeline as after any training (`run` in main.ts), on the run directory the watcher followed.
 * The state file makes it send only what the live sync did not: remaining epochs and log lines,
 * the final model, complete or failed.
 */
import * as fs from 'node:fs';
import { Inputs, type RunStatus } from '../inputs/inputs.js';
import { type Host, type Outcome, run } from '../main.js';
import { stateLocation } from '../session/state-file.js';
import { inferStatus } from './ended.js';
import { lockHolder } from './lock.js';

/**
 * How the training ended: a `status` input wins (the sync validates it); else what the caller knows
 * (`run`'s exit code); else the checkpoints tell.
 */
export async function finalSync(host: Host, runDir: string | null, known?: RunStatus, inputs: Record<string, string> = {}): Promise<Outcome> {
  if (!runDir) {
    host.log.warning('No training wrote a run directory while the watcher ran, so there is nothing to send. Check that the training step ran.');
    return { exitCode: 0, outputs: {} };
  }
  if (!fs.existsSync(runDir)) {
    const error =
      `The run directory ${runDir} was deleted while the training ran, so nothing more can be sent from it. ` +
      'The watcher reported the run registered for it as failed (see its log). Keep the run directory until the sync has ended.';
    return { exitCode: 1, outputs: {}, error };
  }
  const holder = lockHolder(`${stateLocation(runDir, host.input(Inputs.StateFile).trim() || null, host.env).file}.lock`);
  if (holder !== null) {
    host.log.info(`Another watcher (pid ${holder}) still follows ${runDir}: it and its own final sync send the rest; this step sends nothing.`);
    return { exitCode: 0, outputs: {} };
  }
  const overrides: Record<string, string> = { ...inputs, [Inputs.RunDir]: runDir };
  if (host.input(Inputs.Status).trim() === '') {
    let ended = known;
    if (!ended) {
      const inferred = await inferStatus(runDir);
      host.log.info(`The training ended with ${inferred.status}: ${inferred.why}.`);
      ended = inferred.status;
    }
    overrides[Inputs.Status] = ended;
  }
  return run(host, overrides);
}
