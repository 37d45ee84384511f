/**
 * The sync after a live one, shared by the post step and the CLI's `watch` and `run`: the same
 * pipeline as after any training (`run` in main.ts), on the run directories the watcher followed.
 * The state files make it send only what the live sync did not: remaining epochs and log lines,
 * the final model, complete or failed.
 */
import * as path from 'node:path';
import type { Host, Outcome } from '../host.js';
import { Inputs, type RunStatus } from '../inputs/inputs.js';
import { run } from '../main.js';
import type { KnownRun } from '../runs/job.js';
import { inferStatus } from './ended.js';

/**
 * How each training ended: a `status` input wins (the sync validates it); else a stripped
 * checkpoint (the training finished); else what the caller knows (`run`'s exit code, a signal);
 * else a failure.
 */
export async function finalSync(host: Host, runDirs: string[], known?: RunStatus, inputs: Record<string, string> = {}): Promise<Outcome> {
  if (runDirs.length === 0) {
    host.log.warning('No training wrote a run directory while the watcher ran, so there is nothing to send. Check that the training step ran.');
    return { exitCode: 0, outputs: {} };
  }
  const explicit = (inputs[Inputs.Status] ?? host.input(Inputs.Status)).trim() !== '';
  const runs: KnownRun[] = [];
  for (const dir of runDirs) {
    if (explicit) {
      runs.push({ dir });
      continue;
    }
    const inferred = await inferStatus(dir);
    const status = inferred.status === 'success' ? 'success' : (known ?? inferred.status);
    const why = inferred.status === 'success' || !known ? inferred.why : `no stripped checkpoint, and the command ended with ${known}`;
    host.log.info(`${runDirs.length > 1 ? `${path.basename(dir)}: ` : ''}The training ended with ${status}: ${why}.`);
    runs.push({ dir, status });
  }
  return run(host, inputs, { runs, identityToFirst: true });
}
