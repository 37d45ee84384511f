/**
 * The sync after a live one, shared by the post step and the CLI's `watch` and `run`: the same
 * pipeline as after any training (`run` in main.ts), on the run directories the watcher followed.
 * The state files make it send only what the live sync did not: remaining epochs and log lines,
 * the final model, complete or failed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Host, Outcome } from '../host.js';
import { type ActionInputs, Inputs, type RunStatus, getInputs } from '../inputs/inputs.js';
import { run } from '../main.js';
import type { KnownRun } from '../runs/job.js';
import { stateLocation } from '../session/state-file.js';
import { trainingEnd } from '../rundir/ended.js';
import { CLOCK_SLACK_MS, runsToFollow } from './find-run.js';
import { lockHolder } from './lock.js';

/**
 * How each training ended: a `status` input goes to the sync, which validates it; it wins for one
 * run, and with several it is the command's end that each run's checkpoints refine (runs/job.ts).
 * Else each run's files and what the caller knows (`run`'s exit code, a signal), as `trainingEnd`
 * (rundir/ended.ts) reads them. A run directory deleted under the watcher (its run was reported failed) is said
 * so and fails the step; a run that another watcher still follows is left to it.
 */
export async function finalSync(host: Host, runDirs: string[], known?: RunStatus, inputs: Record<string, string> = {}): Promise<Outcome> {
  const { log } = host;
  if (runDirs.length === 0) {
    log.warning('No training wrote a run directory while the watcher ran, so there is nothing to send. Check that the training step ran.');
    return { exitCode: 0, outputs: {} };
  }
  const input = (name: string) => (inputs[name] ?? host.input(name)).trim();
  const explicit = input(Inputs.Status) !== '';
  const runs: KnownRun[] = [];
  const gone: string[] = [];
  for (const [i, dir] of runDirs.entries()) {
    if (!fs.existsSync(dir)) {
      gone.push(dir);
      continue;
    }
    // `state-file` names the first run's state only (runs/identity.ts).
    const holder = lockHolder(`${stateLocation(dir, (i === 0 && input(Inputs.StateFile)) || null, host.env).file}.lock`);
    if (holder !== null) {
      log.info(`Another watcher (pid ${holder}) still follows ${dir}: it and its own final sync send the rest; this step sends nothing for it.`);
      continue;
    }
    if (explicit) {
      runs.push({ dir });
      continue;
    }
    const { status, why } = await trainingEnd(dir, known);
    log.info(`${runDirs.length > 1 ? `${path.basename(dir)}: ` : ''}The training ended with ${status}: ${why}.`);
    runs.push({ dir, status });
  }
  const outcome: Outcome = runs.length > 0 ? await run(host, inputs, { runs, identityToFirst: true }) : { exitCode: 0, outputs: {} };
  if (gone.length === 0) return outcome;
  const error =
    `The run director${gone.length === 1 ? 'y' : 'ies'} ${gone.join(', ')} ${gone.length === 1 ? 'was' : 'were'} deleted while the training ran, so nothing more can be sent from ${gone.length === 1 ? 'it' : 'them'}. ` +
    'The watcher reported the run registered for each as failed (see its log). Keep run directories until the sync has ended.';
  return { ...outcome, exitCode: 1, error: outcome.error ? `${outcome.error} ${error}` : error };
}

/**
 * The runs to sync when the live sync named none (the watcher killed before it saw one, or the live
 * sync stopped): the `run-dir` input, else the runs whose args.yaml appeared since `startedAt`.
 */
export async function runsWithoutWatcher(host: Host, startedAt: number | undefined, why: string): Promise<string[]> {
  let inputs: ActionInputs;
  try {
    inputs = getInputs(host.input, host.env, host.log);
  } catch (err) {
    // Inputs main would have refused already: there is nothing this step could sync.
    host.log.debug(`No run to look for: ${(err as Error).message}`);
    return [];
  }
  // What the watcher would have followed, by its own rule; without main's start time, a walk of the
  // whole workspace would find every run ever trained there: none then.
  const named = inputs.runDir !== null || inputs.runDirPatterns !== null;
  const found = named || startedAt !== undefined ? await runsToFollow(inputs, (startedAt ?? -Infinity) - CLOCK_SLACK_MS) : [];
  if (found.length > 0) {
    host.log.warning(
      `The watcher named no run (${why}); syncing what it would have followed: ${found.join(', ')}.`,
    );
  }
  return found;
}
