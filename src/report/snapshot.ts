/**
 * One run's final numbers, in a form that does not depend on the results.csv era: the best epoch's
 * metrics under era-free keys (`mAP50-95(B)` for both YOLOv5's `metrics/mAP_0.5:0.95` and YOLOv8's
 * `metrics/mAP50-95(B)`), the epoch counts, the training time and the two chart curves.
 *
 * This run and its baseline are both reduced to a snapshot, so a padded 1-based YOLOv8 file compares
 * with a current one, and a report JSON written months ago compares with today's run.
 */
import { totalLoss } from '../rundir/fitness.js';
import type { BestEpoch, EpochRow, MetricsFile } from '../rundir/types.js';
import { type Curve, MAX_POINTS, subsample } from './format.js';

export type MapLabel = 'mAP50-95' | 'top-1 accuracy';

export interface RunSnapshot {
  /** The run's configured name (input `name`, else args.yaml `name`), when known. */
  name: string | null;
  /** The best epoch, 0-based; null when no epoch has a fitness. */
  bestEpoch: number | null;
  /** Epochs in results.csv. */
  epochs: number;
  /** Seconds from the start of training to the last epoch (the `time` column); null without one. */
  trainingSeconds: number | null;
  /** The final mAP50-95 (classify: top-1 accuracy), as reported for the model. */
  map: number | null;
  mapLabel: MapLabel;
  /** The best epoch's metrics by era-free key (see METRIC_KEYS), in display order. */
  metrics: Record<string, number | null>;
  curves: { map?: Curve; loss?: Curve };
}

const FAMILIES = [
  ['B', 'box'],
  ['M', 'mask'],
  ['P', 'pose'],
] as const;

/** The era-free keys, in display order, each with its label and the columns that hold it (first found wins). */
export const METRIC_KEYS: { key: string; label: string; columns: string[] }[] = [
  ...FAMILIES.flatMap(([s, family]) => [
    { key: `precision(${s})`, label: `precision (${family})`, columns: [`metrics/precision(${s})`, ...(s === 'B' ? ['metrics/precision'] : [])] },
    { key: `recall(${s})`, label: `recall (${family})`, columns: [`metrics/recall(${s})`, ...(s === 'B' ? ['metrics/recall'] : [])] },
    { key: `mAP50(${s})`, label: `mAP50 (${family})`, columns: [`metrics/mAP50(${s})`, ...(s === 'B' ? ['metrics/mAP_0.5'] : [])] },
    {
      key: `mAP50-95(${s})`,
      label: `mAP50-95 (${family})`,
      columns: [`metrics/mAP50-95(${s})`, ...(s === 'B' ? ['metrics/mAP_0.5:0.95'] : [])],
    },
  ]),
  { key: 'top1', label: 'top-1 accuracy', columns: ['metrics/accuracy_top1'] },
  { key: 'top5', label: 'top-5 accuracy', columns: ['metrics/accuracy_top5'] },
];

export function mapLabelOf(mapColumn: string | null): MapLabel {
  return mapColumn === 'metrics/accuracy_top1' ? 'top-1 accuracy' : 'mAP50-95';
}

export interface SnapshotSource {
  name: string | null;
  metrics: MetricsFile;
  best: BestEpoch | null;
  /** The final mAP (the `map` input wins over the best epoch's). */
  map: number | null;
  mapColumn: string | null;
}

export function snapshotOf(src: SnapshotSource): RunSnapshot {
  const rows = src.metrics.rows;
  const bestRow = src.best ? rows.find((r) => r.epoch === src.best?.epoch) : undefined;
  const metrics: Record<string, number | null> = {};
  for (const m of METRIC_KEYS) {
    const column = m.columns.find((c) => src.metrics.columns.includes(c));
    if (column) metrics[m.key] = bestRow ? (bestRow.metrics[column] ?? null) : null;
  }
  const last = rows[rows.length - 1];
  const bestIndex = bestRow ? rows.indexOf(bestRow) : -1;
  const idx = subsample(rows.length, MAX_POINTS, [bestIndex]);
  const curves: RunSnapshot['curves'] = {};
  const mapCol = src.mapColumn;
  if (mapCol) curves.map = curve(rows, idx, (r) => r.metrics[mapCol]);
  curves.loss = curve(rows, idx, totalLoss);
  for (const k of ['map', 'loss'] as const) if (curves[k]?.values.length === 0) delete curves[k];
  return {
    name: src.name,
    bestEpoch: src.best?.epoch ?? null,
    epochs: rows.length,
    trainingSeconds: typeof last.time === 'number' ? last.time : null,
    map: src.map,
    mapLabel: mapLabelOf(src.mapColumn),
    metrics,
    curves,
  };
}

function curve(rows: EpochRow[], idx: number[], value: (r: EpochRow) => number | null | undefined): Curve {
  const epochs: number[] = [];
  const values: number[] = [];
  for (const i of idx) {
    const v = value(rows[i]);
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    epochs.push(rows[i].epoch);
    values.push(v);
  }
  return { epochs, values };
}
