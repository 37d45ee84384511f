/**
 * What a HUB model says about its training, as `yolo train` arguments: the port of the reference
 * session's `_set_train_args` (HUB-API.md). A resumable model (`has_last_weights`) resumes from its
 * last weights with its dataset; any other model trains with its `train_args` (the flat config
 * fields fill what they leave out) from its parent's weights when `is_pretrained`, else from its
 * architecture (`cfg`). A trained model, or one whose dataset is not ready, is refused.
 *
 * Pure: the weights are fetched elsewhere; here they are only named.
 */
import type { HubModel } from '../backend/hub.js';
import { InputError } from '../inputs/errors.js';
import { Inputs } from '../inputs/inputs.js';

export type TrainValue = string | number | boolean | (string | number | boolean)[];

/** How the training starts. */
export type StartKind = 'resume' | 'pretrained' | 'architecture';

/** Where the `model` argument comes from: a file to download, or a name the trainer resolves itself. */
export type ModelSource =
  | { download: string; role: 'last' | 'parent' }
  | { name: string };

export interface TrainingPlan {
  start: StartKind;
  model: ModelSource;
  /** Every argument but `model`, in the order they are printed. */
  values: Record<string, TrainValue>;
  /** train_args entries left out, with why (for a warning). */
  skipped: string[];
}

/** The keys in the order they are printed; anything else from train_args follows. */
const ORDER = ['data', 'epochs', 'imgsz', 'batch', 'patience', 'device', 'cache', 'resume'];
/** The flat config fields and the argument each one is. */
const CONFIG: [field: string, arg: string][] = [
  ['epochs', 'epochs'],
  ['imgsz', 'imgsz'],
  ['batch_size', 'batch'],
  ['patience', 'patience'],
  ['device', 'device'],
  ['cache', 'cache'],
];
/** Arguments the plan decides itself: train_args may not set them. */
const RESERVED = new Set(['model', 'resume', 'mode']);
const ARG_NAME = /^[a-z][a-z0-9_]*$/;

/** A model-data value as an argument value; undefined when it says "not set" (null, '', an object). */
function argValue(v: unknown): TrainValue | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.length > 0 && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x))) {
    return v as (string | number | boolean)[];
  }
  return undefined;
}

function isHttpUrl(v: string): boolean {
  return /^https?:\/\//i.test(v);
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** Refuses what cannot be trained; otherwise the arguments and where the model file comes from. */
export function planTraining(model: HubModel, id: string): TrainingPlan {
  if (model.status === 'trained') {
    throw new InputError(
      Inputs.Model,
      `names HUB model ${id}, which is already trained: its final weights exist, so there is nothing to train. ` +
        'Create a new model on HUB (it can reuse this dataset) and pass its URL, or pass another model id.',
    );
  }
  if (model.has_last_weights === true) return resumePlan(model, id);
  return freshPlan(model, id);
}

function requireData(data: unknown, id: string): string {
  const d = argValue(data);
  if (typeof d === 'string') return d;
  throw new InputError(
    Inputs.Model,
    `names HUB model ${id}, whose dataset is not ready (its \`data\` is empty): HUB may still be processing it. Wait a minute and re-run the job.`,
  );
}

function resumePlan(model: HubModel, id: string): TrainingPlan {
  const url = text(model.resume);
  if (!isHttpUrl(url)) {
    throw new InputError(
      Inputs.Model,
      `names HUB model ${id}, which has last weights to resume from, but its \`resume\` URL ${url ? `(${url.split('?')[0]})` : 'is empty and'} cannot be downloaded over https. ` +
        'Check the model on HUB; to start it over instead, create a new model.',
    );
  }
  return { start: 'resume', model: { download: url, role: 'last' }, values: { data: requireData(model.data, id), resume: true }, skipped: [] };
}

function freshPlan(model: HubModel, id: string): TrainingPlan {
  const values: Record<string, TrainValue> = {};
  const skipped: string[] = [];
  for (const [field, arg] of CONFIG) {
    const v = argValue(model[field]);
    if (v !== undefined) values[arg] = v;
  }
  const trainArgs = model.train_args;
  if (trainArgs && typeof trainArgs === 'object' && !Array.isArray(trainArgs)) {
    for (const [rawKey, raw] of Object.entries(trainArgs as Record<string, unknown>)) {
      const key = rawKey === 'batch_size' ? 'batch' : rawKey; // the reference's old spelling
      if (RESERVED.has(key)) skipped.push(`${rawKey} (set from the model's state)`);
      else if (!ARG_NAME.test(key)) skipped.push(`${JSON.stringify(rawKey)} (not an argument name)`);
      else {
        const v = argValue(raw);
        if (v !== undefined) values[key] = v;
        else if (raw !== null && raw !== '') skipped.push(`${key} (a ${Array.isArray(raw) ? 'list' : typeof raw} value)`);
      }
    }
  }
  values.data = requireData(values.data ?? model.data, id);
  return { start: model.is_pretrained === true ? 'pretrained' : 'architecture', model: modelSource(model, id), values: ordered(values), skipped };
}

function modelSource(model: HubModel, id: string): ModelSource {
  if (model.is_pretrained === true) {
    const weights = text(model.weights);
    if (isHttpUrl(weights)) return { download: weights, role: 'parent' };
    // A bare official name (yolo11n.pt): the trainer fetches it itself.
    if (/^[\w.-]+\.pt$/.test(weights)) return { name: weights };
    throw new InputError(
      Inputs.Model,
      `names HUB model ${id}, which starts from a pretrained parent, but its parent weights URL (\`weights\`) ${weights ? `(${weights.split('?')[0]}) is not https` : 'is empty'}. Check the model on HUB.`,
    );
  }
  const cfg = text(model.cfg);
  if (!cfg) {
    throw new InputError(Inputs.Model, `names HUB model ${id}, which has neither parent weights nor an architecture (\`cfg\`). Check the model on HUB.`);
  }
  return { name: /\.ya?ml$/i.test(cfg) ? cfg : `${cfg}.yaml` };
}

function ordered(values: Record<string, TrainValue>): Record<string, TrainValue> {
  const out: Record<string, TrainValue> = {};
  for (const k of ORDER) if (k in values) out[k] = values[k];
  for (const [k, v] of Object.entries(values)) if (!(k in out)) out[k] = v;
  return out;
}

/** A value as the trainer's command line reads it: Python's True/False, lists as [a,b]. */
export function cliValue(v: TrainValue): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (Array.isArray(v)) return `[${v.map(cliValue).join(',')}]`;
  return String(v);
}
