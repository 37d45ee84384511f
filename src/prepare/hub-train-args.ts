/**
 * Prepares a training from a HUB model, as the reference session does before `model.train()`:
 * load the model, refuse a trained one, fetch the weights it starts from, and give the trainer's
 * arguments (a map, JSON values and a shell line). Watch mode and `ultralytics-sync prepare` call
 * this one function.
 *
 *   inputs → load the model (backend/hub) → plan (train-args) → weights (transport download) → args
 */
import * as os from 'node:os';
import { loadHubModel } from '../backend/hub.js';
import { InputError } from '../inputs/errors.js';
import { type ActionInputs, Inputs } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import type { Transport } from '../transport/http.js';
import { argString } from './shell-quote.js';
import { type StartKind, type TrainValue, cliValue, planTraining } from './train-args.js';
import { type DownloadedWeights, downloadWeights } from './weights.js';

export interface PrepareOptions {
  inputs: ActionInputs;
  transport: Transport;
  log: Log;
  env: NodeJS.ProcessEnv;
  /** Where downloaded weights go (the action passes RUNNER_TEMP); '' = env RUNNER_TEMP, else the system temp dir. */
  downloadDir: string;
}

export interface PreparedTraining {
  modelId: string;
  /** resume (last weights), pretrained (parent weights) or architecture (cfg). */
  start: StartKind;
  /** The arguments as the trainer's command line reads them, `model` first. */
  args: Record<string, string>;
  /** The same arguments with their JSON types (numbers, booleans), for `train-args-json`. */
  values: Record<string, TrainValue>;
  /** `key=value` words quoted for a POSIX shell. */
  argString: string;
  /** The downloaded weights file (also `args.model`), when the training starts from server weights. */
  weightsPath?: string;
  weights?: DownloadedWeights;
}

export async function prepareHubTraining(opts: PrepareOptions): Promise<PreparedTraining> {
  const { inputs, log } = opts;
  if (inputs.backend !== 'hub') {
    throw new InputError(
      Inputs.Backend,
      `is ${inputs.backend}: preparing a training from the model's server-side configuration is a HUB feature. Use \`backend: hub\` with a HUB model URL.`,
    );
  }
  if (inputs.model.kind !== 'id') {
    throw new InputError(
      Inputs.Model,
      'must name an existing HUB model to prepare its training: https://hub.ultralytics.com/models/<20-character id>, or the id alone.',
    );
  }
  const modelId = inputs.model.id;
  const model = await loadHubModel(opts.transport, inputs, modelId);
  const plan = planTraining(model, modelId);
  if (plan.skipped.length) log.warning(`HUB model ${modelId}: train_args entries left out: ${plan.skipped.join(', ')}.`);

  let weights: DownloadedWeights | undefined;
  let modelArg: string;
  if ('download' in plan.model) {
    weights = await downloadWeights({
      transport: opts.transport,
      log,
      inputs,
      modelId,
      url: plan.model.download,
      role: plan.model.role,
      downloadDir: opts.downloadDir || opts.env.RUNNER_TEMP || os.tmpdir(),
    });
    modelArg = weights.path;
  } else {
    modelArg = plan.model.name;
  }

  const values: Record<string, TrainValue> = { model: modelArg, ...plan.values };
  const args = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, cliValue(v)]));
  const line = argString(args);
  log.info(`HUB model ${modelId}: ${describeStart(plan.start)}. yolo train ${line}`);
  return { modelId, start: plan.start, args, values, argString: line, weightsPath: weights?.path, weights };
}

function describeStart(start: StartKind): string {
  if (start === 'resume') return 'resumes from its last weights';
  if (start === 'pretrained') return "trains from its parent's weights";
  return 'trains from its architecture';
}

export { prepareOutputs } from './outputs.js';
