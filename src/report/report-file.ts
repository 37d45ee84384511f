/**
 * The `report-file` JSON: every run of the step with its final metrics and curves, its comparison and
 * its gate result, and the step's tune folders. A later workflow passes it as its `baseline`, so
 * main's last runs can be compared without keeping their run directories: a few kilobytes instead of
 * the weights; a matrix's last job gathers them with `reports`.
 *
 * Version 1 (one run: `run`, `comparison`, `gate` at the top) still reads. Version 2 adds `runs`, one
 * entry per run, and `tunes`; a one-run version 2 file also keeps version 1's top-level fields.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Comparison, ComparisonRow } from './compare.js';
import type { GateResult, GateStatus } from './gate.js';
import type { Curve } from './format.js';
import type { RunSnapshot } from './snapshot.js';

export const REPORT_FORMAT = 'ultralytics-sync-report';
export const REPORT_VERSION = 2;

/** One run of the step, as a report holds it. */
export interface ReportRunJson {
  /** The run's name (input `name`, args.yaml `name`, else its directory's name). */
  name: string;
  /** Relative to the workspace when inside it. */
  runDir: string | null;
  task: string | null;
  /** synced, partial, cancelled, dry-run, or failed. */
  status: string;
  backend: string;
  modelId: string;
  modelUrl: string;
  /** Epochs with their metrics on the server; null when the sync did not run. */
  epochs: number | null;
  error: string | null;
  /** null when the run directory could not be read. */
  run: RunSnapshot | null;
  comparison: Comparison | null;
  gate: GateResult;
}

/** A `yolo tune` folder, for the summary (rundir/tune.ts reads it). */
export interface TuneJson {
  /** Relative to the workspace when inside it. */
  dir: string;
  fitness: (number | null)[];
  best: { iteration: number; fitness: number; hyperparameters: Record<string, number | string> } | null;
  bestTrial: string | null;
}

export interface ReportJson {
  format: typeof REPORT_FORMAT;
  version: number;
  /** The step's status: the worst of its runs. */
  status: string;
  backend: string;
  /** Version 1, and a one-run version 2 file: that run's model. */
  modelId?: string;
  modelUrl?: string;
  /** Where the run was trained (GITHUB_SHA, GITHUB_REF_NAME), when known. */
  git?: { sha?: string; ref?: string };
  /** Version 1, and a one-run version 2 file: the run a later workflow reads as its baseline. */
  run?: RunSnapshot;
  comparison?: Comparison | null;
  /** The run's gate (one run), or the step's (several: failed if any failed). */
  gate: GateResult;
  /** Version 2: every run of the step, in order of start. */
  runs?: ReportRunJson[];
  tunes?: TuneJson[];
}

/** A report's runs, version 1 or 2, checked. */
export interface ParsedReport {
  runs: ReportRunJson[];
  tunes: TuneJson[];
  commit: string | null;
}

export async function writeReport(file: string, report: ReportJson): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(report, null, 2) + '\n');
  await fs.rename(tmp, file);
}

/** Parses and checks a report; throws with what is wrong. Unknown fields are ignored. */
export function parseReport(text: string): ParsedReport {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    // Node's message quotes the file's first characters: only where it breaks is told.
    const at = /at position (\d+)/.exec((err as Error).message)?.[1];
    throw new Error(at ? `invalid JSON at position ${at}` : 'invalid JSON');
  }
  const o = record(data, 'the file');
  if (o.format !== REPORT_FORMAT) throw new Error(`no "format": "${REPORT_FORMAT}" field`);
  if (typeof o.version !== 'number' || o.version > REPORT_VERSION) {
    throw new Error(`version ${String(o.version)} is newer than this action reads (${REPORT_VERSION}); update the action`);
  }
  const commit = commitOf(o.git);
  if (o.version < 2) {
    const run = snapshot(record(o.run, '"run"'), 'run');
    return {
      commit,
      tunes: [],
      runs: [
        {
          name: run.name ?? 'train',
          runDir: null,
          task: null,
          status: str(o.status) ?? 'synced',
          backend: str(o.backend) ?? '',
          modelId: str(o.modelId) ?? '',
          modelUrl: str(o.modelUrl) ?? '',
          epochs: run.epochs,
          error: null,
          run,
          comparison: o.comparison == null ? null : comparison(o.comparison, 'comparison'),
          gate: gate(o.gate, 'gate'),
        },
      ],
    };
  }
  if (!Array.isArray(o.runs)) throw new Error('"runs" is not a list');
  const runs = o.runs.map((v, i) => reportRun(record(v, `"runs[${i}]"`), `runs[${i}]`));
  const tunes = Array.isArray(o.tunes) ? o.tunes.map((v, i) => tune(record(v, `"tunes[${i}]"`), `tunes[${i}]`)) : [];
  return { runs, tunes, commit };
}

function reportRun(r: Record<string, unknown>, at: string): ReportRunJson {
  const name = str(r.name);
  if (!name) throw new Error(`"${at}.name" is missing`);
  return {
    name,
    runDir: str(r.runDir),
    task: str(r.task),
    status: str(r.status) ?? 'synced',
    backend: str(r.backend) ?? '',
    modelId: str(r.modelId) ?? '',
    modelUrl: str(r.modelUrl) ?? '',
    epochs: numberOrNull(r.epochs, `${at}.epochs`),
    error: str(r.error),
    run: r.run == null ? null : snapshot(record(r.run, `"${at}.run"`), `${at}.run`),
    comparison: r.comparison == null ? null : comparison(r.comparison, `${at}.comparison`),
    gate: gate(r.gate, `${at}.gate`),
  };
}

const GATE_STATUSES: GateStatus[] = ['passed', 'failed', 'none'];

function gate(v: unknown, at: string): GateResult {
  if (v == null) return { status: 'none', checks: [], skipped: [] };
  const g = record(v, `"${at}"`);
  const status = GATE_STATUSES.find((s) => s === g.status);
  if (!status) throw new Error(`"${at}.status" is not passed, failed or none`);
  const checks = (Array.isArray(g.checks) ? g.checks : []).map((c, i) => {
    const o = record(c, `"${at}.checks[${i}]"`);
    const input = o.input === 'max-map-drop' ? 'max-map-drop' : 'min-map';
    return {
      input,
      threshold: numberOrNull(o.threshold, `${at}.checks[${i}].threshold`) ?? 0,
      value: numberOrNull(o.value, `${at}.checks[${i}].value`),
      passed: o.passed === true,
      text: str(o.text) ?? '',
    } as GateResult['checks'][number];
  });
  const skipped = (Array.isArray(g.skipped) ? g.skipped : []).filter((s): s is string => typeof s === 'string');
  const failure = str(g.failure);
  return { status, checks, skipped, ...(failure ? { failure } : {}) };
}

const ROW_KINDS: ComparisonRow['kind'][] = ['metric', 'epoch', 'count', 'seconds'];

function comparison(v: unknown, at: string): Comparison {
  const c = record(v, `"${at}"`);
  const b = record(c.baseline, `"${at}.baseline"`);
  const kind = b.kind === 'run-dir' || b.kind === 'results-csv' ? b.kind : 'report';
  if (!Array.isArray(c.rows)) throw new Error(`"${at}.rows" is not a list`);
  const rows = c.rows.map((x, i) => {
    const r = record(x, `"${at}.rows[${i}]"`);
    const w = `${at}.rows[${i}]`;
    return {
      key: str(r.key) ?? '',
      label: str(r.label) ?? '',
      kind: ROW_KINDS.find((k) => k === r.kind) ?? 'metric',
      current: numberOrNull(r.current, `${w}.current`),
      baseline: numberOrNull(r.baseline, `${w}.baseline`),
      delta: numberOrNull(r.delta, `${w}.delta`),
    };
  });
  return {
    baseline: { source: str(b.source) ?? '', kind, name: str(b.name), commit: str(b.commit) },
    mapLabel: c.mapLabel === 'top-1 accuracy' ? 'top-1 accuracy' : 'mAP50-95',
    mapDelta: numberOrNull(c.mapDelta, `${at}.mapDelta`),
    rows,
  };
}

function tune(t: Record<string, unknown>, at: string): TuneJson {
  if (!Array.isArray(t.fitness)) throw new Error(`"${at}.fitness" is not a list`);
  const fitness = t.fitness.map((f, i) => numberOrNull(f, `${at}.fitness[${i}]`));
  let best: TuneJson['best'] = null;
  if (t.best != null) {
    const b = record(t.best, `"${at}.best"`);
    const hyperparameters: Record<string, number | string> = {};
    for (const [k, v] of Object.entries(b.hyperparameters == null ? {} : record(b.hyperparameters, `"${at}.best.hyperparameters"`))) {
      if (typeof v === 'number' || typeof v === 'string') hyperparameters[k] = v;
    }
    best = {
      iteration: numberOrNull(b.iteration, `${at}.best.iteration`) ?? 0,
      fitness: numberOrNull(b.fitness, `${at}.best.fitness`) ?? 0,
      hyperparameters,
    };
  }
  return { dir: str(t.dir) ?? '', fitness, best, bestTrial: str(t.bestTrial) };
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}

/** `main@0123456` from the report's git fields; null when it has none. */
function commitOf(git: unknown): string | null {
  if (typeof git !== 'object' || git === null) return null;
  const { sha, ref } = git as { sha?: unknown; ref?: unknown };
  const short = typeof sha === 'string' && /^[0-9a-f]{7,40}$/i.test(sha) ? sha.slice(0, 7) : null;
  const name = typeof ref === 'string' && ref ? ref : null;
  return name && short ? `${name}@${short}` : (name ?? short);
}

function snapshot(r: Record<string, unknown>, at: string): RunSnapshot {
  const metrics: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(record(r.metrics, `"${at}.metrics"`))) metrics[k] = numberOrNull(v, `${at}.metrics.${k}`);
  const curves: RunSnapshot['curves'] = {};
  const c = r.curves === undefined ? {} : record(r.curves, `"${at}.curves"`);
  for (const k of ['map', 'loss'] as const) if (c[k] !== undefined) curves[k] = curve(c[k], `${at}.curves.${k}`);
  const epochs = numberOrNull(r.epochs, `${at}.epochs`);
  if (epochs === null) throw new Error(`"${at}.epochs" is missing`);
  return {
    name: typeof r.name === 'string' ? r.name : null,
    bestEpoch: numberOrNull(r.bestEpoch, `${at}.bestEpoch`),
    epochs,
    trainingSeconds: numberOrNull(r.trainingSeconds, `${at}.trainingSeconds`),
    map: numberOrNull(r.map, `${at}.map`),
    mapLabel: r.mapLabel === 'top-1 accuracy' ? 'top-1 accuracy' : 'mAP50-95',
    metrics,
    curves,
  };
}

function curve(v: unknown, what: string): Curve {
  const c = record(v, what);
  const nums = (x: unknown, part: string) => {
    if (!Array.isArray(x) || !x.every((e) => typeof e === 'number' && Number.isFinite(e))) {
      throw new Error(`"${what}.${part}" is not a list of numbers`);
    }
    return x as number[];
  };
  const epochs = nums(c.epochs, 'epochs');
  const values = nums(c.values, 'values');
  if (epochs.length !== values.length) throw new Error(`"${what}" has ${epochs.length} epochs but ${values.length} values`);
  return { epochs, values };
}

function record(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${what} is not a JSON object`);
  return v as Record<string, unknown>;
}

function numberOrNull(v: unknown, what: string): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`"${what}" is not a number`);
  return v;
}
