/**
 * Fitness and the best epoch, as the Ultralytics trainer computes them (RUN-DIR.md): the metric that
 * decides when best.pt is rewritten, and the mAP reported for the finished model.
 */
import type { BestEpoch, EpochRow, MetricsFile } from './types.js';

/** 'map50-95': fitness = mAP50-95 (8.3.198 on). 'classic': 0.1·mAP50 + 0.9·mAP50-95 (before 8.3.198, and YOLOv5). */
export type FitnessRule = 'map50-95' | 'classic';

/** The first release whose fitness is mAP50-95 alone (RUN-DIR.md). */
const MAP5095_SINCE: readonly [number, number, number] = [8, 3, 198];

const V5_MAP50 = 'metrics/mAP_0.5';
const V5_MAP = 'metrics/mAP_0.5:0.95';
/** The box mAP50-95 column: what Ultralytics reports as the finished model's mAP. */
export const BOX_MAP = 'metrics/mAP50-95(B)';
/** YOLOv5's spellings of the same: detect, and segment (which suffixes box and mask like YOLOv8). */
export const V5_BOX_MAPS = [V5_MAP, `${V5_MAP}(B)`];
/** YOLOv5 metric suffixes: none (detect), box and mask (segment); each adds its own fitness. */
const V5_SUFFIXES = ['', '(B)', '(M)'] as const;
const TOP1 = 'metrics/accuracy_top1';
const TOP5 = 'metrics/accuracy_top5';
/** Box, mask (segment) and keypoint (pose) metric suffixes; each adds its own fitness. */
const SUFFIXES = ['B', 'M', 'P'] as const;
const map50 = (s: string) => `metrics/mAP50(${s})`;
const map5095 = (s: string) => `metrics/mAP50-95(${s})`;

/**
 * The fitness rule of the Ultralytics release that wrote the run.
 *
 * A known version decides: 8.3.198 and later use 'map50-95', earlier ones 'classic'.
 *
 * Without a version (no readable checkpoint) the header decides, by a heuristic with known limits:
 * - YOLO26 (8.4 on, so after 8.3.198) shows more than 3 learning-rate groups (`lr/pg3`…) or a
 *   YOLO26-only loss (`train/rle_loss` for pose, `train/angle_loss` for obb): 'map50-95'.
 * - Anything else gets 'classic'. That is right for every padded file (≤ 8.3.8) and YOLOv5, but a
 *   `time`-column file (≥ 8.3.9) straddles the change: a YOLO11 run from 8.3.198–8.4.x is misjudged
 *   as 'classic'. The two rules pick the same best epoch unless mAP50 and mAP50-95 disagree on the
 *   order of two epochs, and the reported mAP is the chosen epoch's mAP50-95 either way.
 */
export function fitnessRuleFor(file: MetricsFile, version?: string): FitnessRule {
  if (file.era === 'yolov5') return 'classic';
  const v = version === undefined ? null : parseVersion(version);
  if (v) return compareVersions(v, MAP5095_SINCE) >= 0 ? 'map50-95' : 'classic';
  const lrGroups = file.columns.filter((c) => c.startsWith('lr/pg')).length;
  const yolo26Loss = file.columns.includes('train/rle_loss') || file.columns.includes('train/angle_loss');
  return lrGroups > 3 || yolo26Loss ? 'map50-95' : 'classic';
}

/** The fitness of one epoch, or null when a needed column is absent or nan. */
export function fitnessOf(row: EpochRow, columns: string[], rule: FitnessRule): number | null {
  return fitnessFunction(columns, rule)(row);
}

/** The best epoch: highest fitness, a tie going to the later epoch. Null when no row has a fitness. */
export function bestEpoch(file: MetricsFile, rule: FitnessRule): BestEpoch | null {
  const fitness = fitnessFunction(file.columns, rule);
  const mapCol = mapColumn(file.columns);
  let best: BestEpoch | null = null;
  for (const row of file.rows) {
    const f = fitness(row);
    if (f === null || (best !== null && f < (best.fitness as number))) continue;
    best = { epoch: row.epoch, fitness: f, map: mapCol === null ? null : (row.metrics[mapCol] ?? null) };
  }
  return best;
}

/** The best fitness so far at each row (Platform `best_fitness`); null until a row has a fitness. */
export function runningBestFitness(file: MetricsFile, rule: FitnessRule): (number | null)[] {
  const fitness = fitnessFunction(file.columns, rule);
  let best: number | null = null;
  return file.rows.map((row) => {
    const f = fitness(row);
    if (f !== null && (best === null || f > best)) best = f;
    return best;
  });
}

/** The column Ultralytics reports as the final model's mAP: mAP50-95(B), top-1 for classify, YOLOv5's mAP_0.5:0.95. */
export function mapColumn(columns: string[]): string | null {
  for (const c of [BOX_MAP, TOP1, ...V5_BOX_MAPS]) if (columns.includes(c)) return c;
  return null;
}

/** Sum of the `train/*loss` values (for the chart); null when there is none or one is nan. */
export function totalLoss(row: EpochRow): number | null {
  let sum = 0;
  let found = false;
  for (const [name, value] of Object.entries(row.metrics)) {
    if (!name.startsWith('train/') || !name.endsWith('loss')) continue;
    if (value === null) return null;
    sum += value;
    found = true;
  }
  return found ? sum : null;
}

type Fitness = (row: EpochRow) => number | null;

/** Picks the formula once from the header, so a whole file is scored without re-reading the columns. */
function fitnessFunction(columns: string[], rule: FitnessRule): Fitness {
  const has = (c: string) => columns.includes(c);
  const v5 = V5_SUFFIXES.filter((s) => has(V5_MAP + s));
  if (v5.length > 0) return sumOf(v5.map((s) => (row: EpochRow) => mapFitness(row, V5_MAP50 + s, V5_MAP + s, 'classic')));
  if (has(TOP1) && has(TOP5)) {
    return (row) => {
      const [t1, t5] = [row.metrics[TOP1], row.metrics[TOP5]];
      return t1 == null || t5 == null ? null : (t1 + t5) / 2;
    };
  }
  const suffixes = SUFFIXES.filter((s) => has(map5095(s)));
  if (suffixes.length === 0) return () => null;
  return sumOf(suffixes.map((s) => (row: EpochRow) => mapFitness(row, map50(s), map5095(s), rule)));
}

/** The sum of the parts' fitness (box + mask + keypoints), null when any part is null. */
function sumOf(parts: Fitness[]): Fitness {
  return (row) => {
    let sum = 0;
    for (const part of parts) {
      const f = part(row);
      if (f === null) return null;
      sum += f;
    }
    return sum;
  };
}

function mapFitness(row: EpochRow, col50: string, col5095: string, rule: FitnessRule): number | null {
  const m5095 = row.metrics[col5095];
  if (m5095 == null) return null;
  if (rule === 'map50-95') return m5095;
  const m50 = row.metrics[col50];
  return m50 == null ? null : 0.1 * m50 + 0.9 * m5095;
}

/** '8.3.40' → [8, 3, 40]; a missing patch is 0; null when the string does not start with major.minor. */
function parseVersion(version: string): [number, number, number] | null {
  const m = /^\s*v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null;
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
