/**
 * The run-directory stage: from the inputs to one `RunPlan` holding everything the session sends.
 * Reads results.csv, args.yaml and the weights; picks the best epoch and the final mAP.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ActionInputs } from '../inputs/inputs.js';
import { InputError } from '../inputs/errors.js';
import type { Log } from '../log.js';
import { readTrainArgs } from './args-yaml.js';
import { type CheckpointMeta, readCheckpointMeta } from './checkpoint.js';
import { datasetNames } from './dataset-names.js';
import { RunDirError } from './errors.js';
import { findLatestRun } from './find-run.js';
import { BOX_MAP, type FitnessRule, V5_BOX_MAPS, bestEpoch, fitnessOf, fitnessRuleFor, mapColumn, runningBestFitness } from './fitness.js';
import { MAX_RESULTS_BYTES, parseResultsCsv, readResultsCsv } from './results-csv.js';
import { escapesWorkspace, isWithin, readRegular } from './safe-read.js';
import type { BestEpoch, MetricsFile, TrainArgs, WeightFile } from './types.js';
import { assignRoles, globWeights } from './weights.js';

export interface RunPlan {
  runDir: string;
  metrics: MetricsFile;
  args: TrainArgs | null;
  rule: FitnessRule;
  /** Fitness of each row, aligned with `metrics.rows`. */
  fitness: (number | null)[];
  /** Best fitness so far at each row. */
  bestSoFar: (number | null)[];
  best: BestEpoch | null;
  /** The 0-based epoch the final model belongs to. */
  finalEpoch: number;
  /** Final mAP for the job output and summary (input, else the best epoch's; classify: top-1). */
  map: number | null;
  /**
   * The final mAP the real clients put on the wire (HUB `map`): the input, else the best epoch's
   * `metrics/mAP50-95(B)` (YOLOv5: `mAP_0.5:0.95`), and 0 for a run without one (classify).
   */
  wireMap: number;
  mapColumn: string | null;
  final?: WeightFile;
  checkpoint?: WeightFile;
  /** Ultralytics version read from the checkpoint, when readable. */
  version?: string;
  /** The model's parameter count, read from the checkpoint's pickled model, when readable. */
  parameters?: number;
  /** Class names in index order: best.pt's model, else the dataset YAML's `names`; null when neither has them. */
  classNames: string[] | null;
  /** Live: the checkpoints (sizes and times) last looked at for the version, not read again until they change. */
  checkpointsSeen?: string;
}

/**
 * `live`: the trainer is still writing the run directory. results.csv is read up to its last whole
 * line (a torn line waits for the next read) and may be missing or hold no epoch yet; weights may be
 * missing. Nothing of that is an error or a warning while the training runs.
 */
export async function loadRun(inputs: ActionInputs, log: Log, opts: { live?: boolean } = {}): Promise<RunPlan> {
  const runDir = await resolveRunDir(inputs, log);
  const csv = inputs.metrics ?? path.join(runDir, 'results.csv');
  const metrics = opts.live ? await readLiveResults(csv, inputs.workspace) : await readResultsCsv(csv, inputs.workspace);
  for (const s of opts.live ? [] : metrics.skipped) {
    log.warning(`Skipped line ${s.line} of ${metrics.path}: ${s.reason}`, { file: metrics.path, startLine: s.line });
  }
  for (const d of opts.live ? [] : (metrics.duplicateColumns ?? [])) {
    const which = d.name === 'epoch' ? 'the first one is the epoch' : "the last one's values are sent";
    log.warning(
      `${metrics.path} has the column ${d.name || '(empty name)'} ${d.columns.length} times (columns ${d.columns.join(', ')}): ${which}. Check how the file was written or merged.`,
      { file: metrics.path },
    );
  }
  if (!opts.live && metrics.nonFinite.length > 0) {
    const first = metrics.nonFinite[0];
    log.warning(
      `${metrics.nonFinite.length} non-finite value(s) in ${metrics.path} (first: ${first.column} = ${first.text} on line ${first.line}); they are sent as null.`,
      { file: metrics.path, startLine: first.line },
    );
  }

  const args = await readTrainArgs(inputs.args ?? path.join(runDir, 'args.yaml'), { explicit: inputs.args !== null, confine: inputs.workspace });
  const weights = await findWeights(opts.live ? { ...inputs, ifNoFilesFound: 'ignore' } : inputs, runDir, opts.live ? quiet(log) : log);
  const meta = await firstMeta([weights.final, weights.checkpoint]);
  const derived = fromMetrics(metrics, inputs, meta?.version);
  const lastEpoch = metrics.rows.length > 0 ? metrics.rows[metrics.rows.length - 1].epoch : 0;
  if (!opts.live && inputs.epoch !== null && inputs.epoch > lastEpoch) {
    log.warning(`Input epoch ${inputs.epoch} is past the last epoch in ${metrics.path} (${lastEpoch}).`);
  }
  return {
    runDir,
    args,
    ...derived,
    final: weights.final,
    checkpoint: weights.checkpoint,
    version: meta?.version,
    parameters: meta?.parameters,
    classNames: meta?.names ?? (await datasetNames(args, [inputs.workspace, runDir], log, inputs.workspace)),
  };
}

/**
 * The live sync's reload after results.csv changed: the rows again and what follows from them; the
 * rest of the plan (args.yaml, the dataset's names, the weights) was read at the start. The version
 * (it decides the fitness rule) and the parameter count are looked for in the checkpoints until one
 * names them.
 */
export async function refreshLive(plan: RunPlan, inputs: ActionInputs): Promise<RunPlan> {
  const metrics = await readLiveResults(plan.metrics.path, inputs.workspace);
  const files = ['best.pt', 'last.pt'].map((n) => path.join(plan.runDir, 'weights', n));
  // A checkpoint that names no version (YOLOv5) is parsed again only when it changed, not every epoch.
  const seen = files.map((f) => fs.statSync(f, { throwIfNoEntry: false })).map((st) => (st ? `${st.size}:${st.mtimeMs}` : '-')).join(',');
  const look = !plan.version && seen !== plan.checkpointsSeen;
  const meta = look ? await firstMeta(files.map((f) => ({ path: f }) as WeightFile)) : null;
  const version = plan.version ?? meta?.version;
  return { ...plan, ...fromMetrics(metrics, inputs, version), version, parameters: plan.parameters ?? meta?.parameters, checkpointsSeen: seen };
}

/** What the rows decide: the fitness rule, each row's fitness, the best epoch and the final mAP. */
function fromMetrics(metrics: MetricsFile, inputs: ActionInputs, version: string | undefined) {
  const rule = fitnessRuleFor(metrics, version);
  const best = bestEpoch(metrics, rule);
  const lastEpoch = metrics.rows.length > 0 ? metrics.rows[metrics.rows.length - 1].epoch : 0;
  return {
    metrics,
    rule,
    fitness: metrics.rows.map((r) => fitnessOf(r, metrics.columns, rule)),
    bestSoFar: runningBestFitness(metrics, rule),
    best,
    finalEpoch: inputs.epoch ?? lastEpoch,
    map: inputs.map ?? best?.map ?? null,
    wireMap: inputs.map ?? boxMap(metrics, best) ?? 0,
    mapColumn: mapColumn(metrics.columns),
  };
}

/** The metadata of the first of the files that has a readable one (best.pt, else last.pt). */
async function firstMeta(files: (WeightFile | undefined)[]): Promise<CheckpointMeta | null> {
  let found: CheckpointMeta | null = null;
  for (const f of files) {
    if (!f) continue;
    const meta = await readCheckpointMeta(f.path);
    if (meta?.names) return meta;
    found ??= meta;
  }
  return found;
}

/** The best epoch's box mAP50-95 (YOLOv5: mAP_0.5:0.95, segment mAP_0.5:0.95(B)), or null when the run has none. */
function boxMap(metrics: MetricsFile, best: BestEpoch | null): number | null {
  if (!best) return null;
  const row = metrics.rows.find((r) => r.epoch === best.epoch);
  if (!row) return null;
  for (const c of [BOX_MAP, ...V5_BOX_MAPS]) if (row.metrics[c] != null) return row.metrics[c];
  return null;
}

/** A plan for a run that has not started yet: what a backend needs before any file exists. */
export function emptyPlan(runDir: string): RunPlan {
  return {
    runDir,
    metrics: { path: path.join(runDir, 'results.csv'), era: 'current', columns: [], oneBased: true, rows: [], skipped: [], nonFinite: [] },
    args: null,
    rule: 'classic',
    fitness: [],
    bestSoFar: [],
    best: null,
    finalEpoch: 0,
    map: null,
    wireMap: 0,
    mapColumn: null,
    classNames: null,
  };
}

/** results.csv as far as the trainer finished writing it: whole lines only; none yet is an empty file, not an error. */
async function readLiveResults(file: string, confine: string): Promise<MetricsFile> {
  const empty: MetricsFile = { ...emptyPlan(path.dirname(file)).metrics, path: file };
  let bytes: Buffer;
  try {
    bytes = await readRegular(file, { what: 'metrics file', confine, maxBytes: MAX_RESULTS_BYTES });
  } catch {
    return empty; // not there yet; a refused file is reported by the final sync's whole read
  }
  const whole = bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
  try {
    return parseResultsCsv(whole, file);
  } catch (err) {
    if (err instanceof RunDirError) return empty; // a header without a row yet, or nothing at all
    throw err;
  }
}

/** A log for reads that repeat every few seconds: their details only in debug output. */
function quiet(log: Log): Log {
  return { ...log, info: (m) => log.debug(m), warning: (m) => log.debug(m) };
}

async function resolveRunDir(inputs: ActionInputs, log: Log): Promise<string> {
  if (inputs.runDir) {
    if (!fs.existsSync(inputs.runDir)) {
      throw new InputError('run-dir', `(${inputs.runDir}) does not exist. Point it at the training's save_dir, e.g. runs/detect/train.`);
    }
    return inputs.runDir;
  }
  if (inputs.metrics) return path.dirname(inputs.metrics);
  const found = await findLatestRun(inputs.workspace);
  if (!found) {
    throw new InputError(
      'run-dir',
      `is not set and no runs/**/results.csv was found under ${inputs.workspace}. Set \`run-dir:\` to the training's save_dir (e.g. runs/detect/train).`,
    );
  }
  log.info(`run-dir not set: using ${path.relative(inputs.workspace, found) || '.'}, the run whose results.csv changed last.`);
  return found;
}

async function findWeights(
  inputs: ActionInputs,
  runDir: string,
  log: Log,
): Promise<{ final?: WeightFile; checkpoint?: WeightFile }> {
  const patterns = inputs.weights ?? [path.join(runDir, 'weights', '*.pt')];
  const paths = await globWeights(patterns.join('\n'));
  if (paths.length === 0) {
    const msg = `No weights matched ${patterns.join(', ')}.`;
    if (inputs.ifNoFilesFound === 'error') {
      throw new RunDirError(
        `${msg} Check \`weights:\` (default <run-dir>/weights/*.pt), or set \`if-no-files-found: warn\` to send metrics only.`,
      );
    }
    if (inputs.ifNoFilesFound === 'warn') log.warning(`${msg} Sending metrics only.`);
    else log.info(`${msg} Sending metrics only.`);
    return {};
  }
  assertInside(paths, inputs, patterns);
  const roles = await assignRoles(paths, { final: inputs.final, log });
  return { final: roles.final, checkpoint: roles.checkpoint };
}

/** Matches of patterns inside the workspace may not be links that lead out of it. */
function assertInside(files: string[], inputs: ActionInputs, patterns: string[]): void {
  for (const file of files) {
    const real = weightLeavesWorkspace(file, inputs.workspace, patterns);
    if (real !== null) {
      throw new InputError(
        'weights',
        `matched ${file}, which leads outside the workspace (${real}). Give an absolute path if you mean that file.`,
      );
    }
  }
}

/**
 * The weights' real-path rule, one check for the final sync (assertInside) and the live checkpoint
 * (watch/live.ts): a weight file in the workspace may not lead out of it through a symlink. Returns
 * the real path it leads to when it does (the file is not sent), else null. When a weights pattern
 * names a place outside the workspace the user chose it: nothing is refused.
 */
export function weightLeavesWorkspace(file: string, workspace: string, patterns: string[]): string | null {
  if (patterns.some((p) => !p.startsWith('!') && !isWithin(p, workspace))) return null;
  return escapesWorkspace(file, workspace);
}

