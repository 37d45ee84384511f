/**
 * The `report-file` JSON: this run's final metrics and curves, the comparison and the gate result.
 * A later workflow passes it as its `baseline`, so main's last run can be compared without keeping
 * its run directory: a few kilobytes instead of the weights.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Comparison } from './compare.js';
import type { GateResult } from './gate.js';
import type { Curve, RunSnapshot } from './snapshot.js';

export const REPORT_FORMAT = 'ultralytics-sync-report';
export const REPORT_VERSION = 1;

export interface ReportJson {
  format: typeof REPORT_FORMAT;
  version: number;
  status: string;
  backend: string;
  modelId: string;
  modelUrl: string;
  /** Where the run was trained (GITHUB_SHA, GITHUB_REF_NAME), when known. */
  git?: { sha?: string; ref?: string };
  /** This run: the part a later workflow reads as its baseline. */
  run: RunSnapshot;
  comparison: Comparison | null;
  gate: GateResult;
}

export async function writeReport(file: string, report: ReportJson): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(report, null, 2) + '\n');
  await fs.rename(tmp, file);
}

/** Parses and checks a report; throws with what is wrong. Unknown fields are ignored. */
export function parseReport(text: string): { run: RunSnapshot; commit: string | null } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`invalid JSON (${(err as Error).message})`);
  }
  const o = record(data, 'the file');
  if (o.format !== REPORT_FORMAT) throw new Error(`no "format": "${REPORT_FORMAT}" field`);
  if (typeof o.version !== 'number' || o.version > REPORT_VERSION) {
    throw new Error(`version ${String(o.version)} is newer than this action reads (${REPORT_VERSION}); update the action`);
  }
  return { run: snapshot(record(o.run, '"run"')), commit: commitOf(o.git) };
}

/** `main@0123456` from the report's git fields; null when it has none. */
function commitOf(git: unknown): string | null {
  if (typeof git !== 'object' || git === null) return null;
  const { sha, ref } = git as { sha?: unknown; ref?: unknown };
  const short = typeof sha === 'string' && /^[0-9a-f]{7,40}$/i.test(sha) ? sha.slice(0, 7) : null;
  const name = typeof ref === 'string' && ref ? ref : null;
  return name && short ? `${name}@${short}` : (name ?? short);
}

function snapshot(r: Record<string, unknown>): RunSnapshot {
  const metrics: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(record(r.metrics, '"run.metrics"'))) metrics[k] = numberOrNull(v, `run.metrics.${k}`);
  const curves: RunSnapshot['curves'] = {};
  const c = r.curves === undefined ? {} : record(r.curves, '"run.curves"');
  for (const k of ['map', 'loss'] as const) if (c[k] !== undefined) curves[k] = curve(c[k], `run.curves.${k}`);
  const epochs = numberOrNull(r.epochs, 'run.epochs');
  if (epochs === null) throw new Error('"run.epochs" is missing');
  return {
    name: typeof r.name === 'string' ? r.name : null,
    bestEpoch: numberOrNull(r.bestEpoch, 'run.bestEpoch'),
    epochs,
    trainingSeconds: numberOrNull(r.trainingSeconds, 'run.trainingSeconds'),
    map: numberOrNull(r.map, 'run.map'),
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
