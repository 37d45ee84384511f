/**
 * An independent reading of the real run files in __tests__/fixtures/real/, written from
 * shared/RUN-DIR.md and the contract only: nothing here imports src/. The corpus test
 * compares src's reader and both wire backends with what this module derives.
 *
 * Deliberately plain: split lines, split cells, trim, Number(). Slow and obvious is the point.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

export type Era = 'yolov5' | 'v8-0based' | 'v8-1based' | 'current';
export type Rule = 'classic' | 'map50-95';

export interface OracleRow {
  /** 0-based trainer epoch. */
  epoch: number;
  /** Every column but `epoch` and `time`, in file order; nan/inf → null. */
  values: Record<string, number | null>;
}

export interface Oracle {
  name: string;
  dir: string;
  csv: string;
  header: string[];
  era: Era;
  oneBased: boolean;
  crlf: boolean;
  /** Number of nan/inf cells in used rows. */
  nonFinite: number;
  /** Data lines in the file (before de-duplication). */
  lines: number;
  /** Ascending by epoch; a duplicate epoch keeps the later line. */
  rows: OracleRow[];
  rule: Rule;
  best: { epoch: number; fitness: number } | null;
  /** What the final model's mAP must be on the HUB wire (`map` of the final upload). */
  hubMap: number;
  task: string;
  /** args.yaml, or YOLOv5's opt.yaml, when the run dir has one. */
  argsFile: string | null;
  args: Record<string, unknown> | null;
  source: { repo: string; path: string; commit: string; note: string };
}

export const isLrColumn = (c: string) => c.startsWith('lr/') || c.startsWith('x/lr');
const TOP1 = 'metrics/accuracy_top1';
const TOP5 = 'metrics/accuracy_top5';

/** RUN-DIR.md: YOLOv5 files name their mAPs `mAP_0.5…` and their learning rates `x/lr…`. */
function isYolov5(header: string[]): boolean {
  return header.some((c) => c.startsWith('metrics/mAP_0.5') || c.startsWith('x/lr'));
}

function cellValue(text: string): number | null | undefined {
  if (/^[+-]?(nan|inf|infinity)$/i.test(text)) return null;
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export function readOracle(dir: string): Oracle {
  const name = path.basename(dir);
  const csv = path.join(dir, 'results.csv');
  const raw = fs.readFileSync(csv, 'utf8');
  const lines = raw.split('\n');
  const crlf = lines.slice(0, -1).length > 0 && lines.slice(0, -1).every((l) => l.endsWith('\r'));
  const texts = lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l.trim() !== '');
  const header = texts[0].split(',').map((c) => c.trim());
  const epochAt = header.indexOf('epoch');
  const yolov5 = isYolov5(header);

  let nonFinite = 0;
  const parsed: { epoch: number; values: Record<string, number | null> }[] = [];
  for (const text of texts.slice(1)) {
    const cells = text.split(',').map((c) => c.trim());
    if (cells.length !== header.length) continue; // a torn last line
    const numbers = cells.map(cellValue);
    if (numbers.some((n) => n === undefined)) continue;
    const epoch = numbers[epochAt];
    if (epoch === null || epoch === undefined || !Number.isInteger(epoch) || epoch < 0) continue;
    const values: Record<string, number | null> = {};
    header.forEach((h, i) => {
      if (h === 'epoch' || h === 'time') return;
      values[h] = numbers[i] as number | null;
      if (numbers[i] === null) nonFinite++;
    });
    parsed.push({ epoch, values });
  }
  // RUN-DIR.md: a row with epoch 0 means 0-based; YOLOv5 is 0-based; otherwise 1-based.
  const zeroBased = yolov5 || parsed.some((r) => r.epoch === 0);
  const byEpoch = new Map<number, OracleRow>();
  for (const r of parsed) {
    const epoch = r.epoch - (zeroBased ? 0 : 1);
    byEpoch.set(epoch, { epoch, values: r.values });
  }
  const rows = [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
  const era: Era = yolov5 ? 'yolov5' : header.includes('time') ? 'current' : zeroBased ? 'v8-0based' : 'v8-1based';

  const rule = ruleOf(header, yolov5);
  let best: Oracle['best'] = null;
  for (const row of rows) {
    const f = fitness(row.values, header, rule);
    if (f !== null && (best === null || f >= best.fitness)) best = { epoch: row.epoch, fitness: f };
  }
  const bestRow = best ? rows.find((r) => r.epoch === best.epoch) : undefined;
  const mapCol = header.find((c) => c === 'metrics/mAP50-95(B)' || c === 'metrics/mAP_0.5:0.95' || c === 'metrics/mAP_0.5:0.95(B)');
  const hubMap = bestRow && mapCol ? (bestRow.values[mapCol] ?? 0) : 0;

  const argsFile = ['args.yaml', 'opt.yaml'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f)) ?? null;
  const args = argsFile ? (parse(fs.readFileSync(argsFile, 'utf8')) as Record<string, unknown>) : null;
  const task = typeof args?.task === 'string' ? args.task : header.includes(TOP1) ? 'classify' : guessTask(header);
  const [first, note = ''] = fs.readFileSync(path.join(dir, 'SOURCE'), 'utf8').split('\n');
  const [repo, file, commit] = first.split(' ');
  return {
    name,
    dir,
    csv,
    header,
    era,
    oneBased: !zeroBased,
    crlf,
    nonFinite,
    lines: texts.length - 1,
    rows,
    rule,
    best,
    hubMap,
    task,
    argsFile,
    args,
    source: { repo, path: file, commit, note },
  };
}

function guessTask(header: string[]): string {
  if (header.some((c) => c.endsWith('(M)'))) return 'segment';
  if (header.some((c) => c.endsWith('(P)'))) return 'pose';
  return 'detect';
}

/**
 * Without a version (the corpus has no real checkpoints): YOLOv5 is classic; otherwise the header
 * heuristic of the issue: more than three learning-rate groups, or train/rle_loss, or
 * train/angle_loss, means a release whose fitness is mAP50-95 only.
 */
function ruleOf(header: string[], yolov5: boolean): Rule {
  if (yolov5) return 'classic';
  const manyGroups = header.some((c) => /^lr\/pg([3-9]|\d\d+)$/.test(c));
  return manyGroups || header.includes('train/rle_loss') || header.includes('train/angle_loss') ? 'map50-95' : 'classic';
}

/** RUN-DIR.md's fitness of one row; null when a needed value is missing or non-finite. */
export function fitness(values: Record<string, number | null>, header: string[], rule: Rule): number | null {
  if (header.includes(TOP1) && header.includes(TOP5)) {
    const [t1, t5] = [values[TOP1], values[TOP5]];
    return t1 == null || t5 == null ? null : (t1 + t5) / 2;
  }
  const pairs: [string, string, Rule][] = [];
  for (const s of ['', '(B)', '(M)']) {
    if (header.includes(`metrics/mAP_0.5:0.95${s}`)) pairs.push([`metrics/mAP_0.5${s}`, `metrics/mAP_0.5:0.95${s}`, 'classic']);
  }
  for (const s of ['(B)', '(M)', '(P)']) {
    if (header.includes(`metrics/mAP50-95${s}`)) pairs.push([`metrics/mAP50${s}`, `metrics/mAP50-95${s}`, rule]);
  }
  if (pairs.length === 0) return null;
  let sum = 0;
  for (const [c50, c5095, r] of pairs) {
    const m5095 = values[c5095];
    if (m5095 == null) return null;
    if (r === 'map50-95') sum += m5095;
    else {
      const m50 = values[c50];
      if (m50 == null) return null;
      sum += 0.1 * m50 + 0.9 * m5095;
    }
  }
  return sum;
}

/** The base name of a POSIX or Windows path, as the issue wants `data` and `save_dir` sent. */
export function baseNameOf(p: string): string {
  const parts = p.split(/[\\/]/).filter((s) => s !== '');
  return (parts.length ? parts[parts.length - 1] : p).replace(/^[A-Za-z]:$/, '');
}

export function realFixtures(root: string): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(root, e.name))
    .sort();
}
