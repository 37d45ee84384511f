/**
 * This run against its baseline, metric by metric: the best epoch's precision, recall, mAP50 and
 * mAP50-95 of every metric family either run has (top-1 and top-5 for classify), then the best
 * epoch, the epochs trained and the training time. Pure: snapshots in, rows out.
 */
import { METRIC_KEYS, type MapLabel, type RunSnapshot } from './snapshot.js';

/** What the baseline was read from (baseline.ts reads it). */
export type BaselineKind = 'run-dir' | 'results-csv' | 'report';

export type RowKind = 'metric' | 'epoch' | 'count' | 'seconds';

export interface ComparisonRow {
  key: string;
  label: string;
  kind: RowKind;
  current: number | null;
  baseline: number | null;
  /** current − baseline; null when either is missing. */
  delta: number | null;
}

export interface Comparison {
  baseline: { source: string; kind: BaselineKind; name: string | null; commit?: string | null };
  mapLabel: MapLabel;
  /** This run's final mAP minus the baseline's, rounded to 6 decimals (the precision of results.csv). */
  mapDelta: number | null;
  rows: ComparisonRow[];
}

export function compare(current: RunSnapshot, baseline: RunSnapshot, source: Comparison['baseline']): Comparison {
  const rows: ComparisonRow[] = [];
  const add = (key: string, label: string, kind: RowKind, a: number | null, b: number | null) =>
    rows.push({ key, label, kind, current: a, baseline: b, delta: difference(a, b) });
  for (const m of METRIC_KEYS) {
    if (!(m.key in current.metrics) && !(m.key in baseline.metrics)) continue;
    add(m.key, m.label, 'metric', current.metrics[m.key] ?? null, baseline.metrics[m.key] ?? null);
  }
  add('best-epoch', 'best epoch (0-based)', 'epoch', current.bestEpoch, baseline.bestEpoch);
  add('epochs', 'epochs trained', 'count', current.epochs, baseline.epochs);
  if (current.trainingSeconds !== null || baseline.trainingSeconds !== null) {
    add('time', 'training time', 'seconds', current.trainingSeconds, baseline.trainingSeconds);
  }
  return { baseline: source, mapLabel: current.mapLabel, mapDelta: difference(current.map, baseline.map), rows };
}

/** a − b, rounded to 6 decimals so 0.3 − 0.1 reads 0.2; null when either is missing. */
export function difference(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  return Number((a - b).toFixed(6));
}
