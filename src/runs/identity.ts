/**
 * Which inputs belong to one run, and so what each run of a step is synced as. `project` applies to
 * every run; each run keeps its own name from its args.yaml. `name` and `model` (and the inputs
 * that name one run's files or figures) each name one run: with several runs after the training
 * they are an error before anything is sent; in watch mode, where the runs are not known in
 * advance, they apply to the first run, and a later run is synced under its own name.
 */
import * as path from 'node:path';
import { InputError } from '../inputs/errors.js';
import { type ActionInputs, Inputs, type RunStatus } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import { rel } from './find-runs.js';

/** Inputs that name a single run; set with several runs, they are an error. */
function singleRunInputs(inputs: ActionInputs): string[] {
  const set: [string, boolean][] = [
    [Inputs.Name, inputs.name !== null],
    [Inputs.Model, inputs.model.kind !== 'none'],
    [Inputs.Metrics, inputs.metrics !== null],
    [Inputs.Args, inputs.args !== null],
    [Inputs.Weights, inputs.weights !== null],
    [Inputs.Epoch, inputs.epoch !== null],
    [Inputs.Map, inputs.map !== null],
    [Inputs.StateFile, inputs.stateFile !== null],
  ];
  return set.filter(([, isSet]) => isSet).map(([name]) => name);
}

/** Refuses, before anything is sent, inputs that name one run when several matched. */
export function checkIdentity(inputs: ActionInputs, runDirs: string[]): void {
  if (runDirs.length < 2) return;
  const set = singleRunInputs(inputs);
  if (set.length === 0) return;
  const shown = runDirs.slice(0, 10).map((d) => rel(inputs.workspace, d));
  const more = runDirs.length > shown.length ? ` and ${runDirs.length - shown.length} more` : '';
  throw new InputError(
    set[0],
    `names one run, but \`run-dir\` matched ${runDirs.length}: ${shown.join(', ')}${more}. ` +
      `${set.map((s) => `\`${s}\``).join(', ')} cannot apply to several runs. Give each training its own name (\`name=…\` in the training command) ` +
      'and drop the input, or sync the runs one per step with one `run-dir` each.',
  );
}

/**
 * The inputs of run `index` (0: the first to start). In watch mode `name` and `model` apply to the
 * first run only; a later run is synced under its args.yaml name, with a warning.
 */
export function inputsForRun(inputs: ActionInputs, runDir: string | null, index: number, opts: { status?: RunStatus; log: Log }): ActionInputs {
  const own: ActionInputs = { ...inputs, runDir, runDirPatterns: null, status: opts.status ?? inputs.status };
  if (index === 0) return own;
  const set = singleRunInputs(inputs);
  if (set.length > 0 && runDir) {
    opts.log.warning(
      `${set.map((s) => `\`${s}\``).join(', ')} applied to the first run only; ${path.basename(runDir)} is synced under its own args.yaml name. ` +
        'Give each training its own name (`name=…` in the training command) to choose it.',
    );
  }
  return { ...own, name: null, model: { kind: 'none' }, metrics: null, args: null, weights: null, epoch: null, map: null, stateFile: null };
}
