/**
 * Temporary inputs: run directories with a generated results.csv of either format, weights files
 * of any size (written fast, or sparse), and the free-space check before writing gigabytes.
 * Everything lives under one temp directory that `removeAll` deletes.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXAMPLE_RUN } from './paths.js';
import { MiB } from './stats.js';

let root: string | undefined;

/** A fresh directory under the benchmark's temp root. */
export function tempDir(name: string): string {
  root ??= fs.mkdtempSync(path.join(os.tmpdir(), 'ul-bench-'));
  return fs.mkdtempSync(path.join(root, `${name}-`));
}

export function removeAll(): void {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  root = undefined;
}

/** Bytes free for an unprivileged writer in the temp directory. */
export function freeBytes(): number {
  const s = fs.statfsSync(os.tmpdir());
  return s.bavail * s.bsize;
}

const DETECT = [
  'train/box_loss', 'train/cls_loss', 'train/dfl_loss',
  'metrics/precision(B)', 'metrics/recall(B)', 'metrics/mAP50(B)', 'metrics/mAP50-95(B)',
  'val/box_loss', 'val/cls_loss', 'val/dfl_loss', 'lr/pg0', 'lr/pg1', 'lr/pg2',
];

/** C's `%.6g`, as Ultralytics ≥ 8.3.9 writes every cell. */
function g6(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp >= -4 && exp < 6) return String(Number(x.toPrecision(6)));
  const [mantissa, e] = x.toExponential(5).split('e');
  const n = Number(e);
  return `${mantissa.replace(/\.?0+$/, '')}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}

/** Plausible detect metrics for epoch `i` (0-based) of `n`. */
function metrics(i: number, n: number): number[] {
  const p = (i + 1) / n;
  const lr = 0.01 * (1 - p) + 1e-6;
  return [1.3 - 0.5 * p, 1.8 - 0.9 * p, 1.2 - 0.3 * p, 0.4 + 0.4 * p, 0.35 + 0.4 * p, 0.39 + 0.4 * p, 0.27 + 0.4 * p,
    1.45 - 0.4 * p, 2.0 - 0.9 * p, 1.3 - 0.3 * p, lr, lr, 0.0585 * (1 - p) + 1e-5];
}

export type CsvFormat = 'newest' | 'padded';

/**
 * A results.csv of `rows` epochs. newest: no padding, `%.6g`, a `time` column, 1-based (≥ 8.3.9).
 * padded: every cell right-aligned to 23 characters, no `time`, 1-based (8.0.16x to 8.3.8).
 */
export function resultsCsv(rows: number, format: CsvFormat): string {
  const lines: string[] = [];
  if (format === 'newest') {
    lines.push(['epoch', 'time', ...DETECT].join(','));
    for (let i = 0; i < rows; i++) lines.push([String(i + 1), g6(7.1 * (i + 1)), ...metrics(i, rows).map(g6)].join(','));
  } else {
    const pad = (s: string) => s.padStart(23);
    lines.push(['epoch', ...DETECT].map(pad).join(','));
    for (let i = 0; i < rows; i++) lines.push([String(i + 1), ...metrics(i, rows).map((v) => g6(Number(v.toPrecision(5))))].map(pad).join(','));
  }
  return lines.join('\n') + '\n';
}

export type FileKind = 'data' | 'sparse';

/**
 * data: a repeated random 16 MiB block, written at disk speed and flushed, so that no write-back
 * competes with the measurements. sparse: a hole, no blocks used.
 */
export function writeWeights(file: string, bytes: number, kind: FileKind): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (kind === 'sparse') {
    fs.writeFileSync(file, '');
    fs.truncateSync(file, bytes);
    return;
  }
  const block = Buffer.concat(Array.from({ length: 16 }, () => randomBytes(MiB)));
  const fd = fs.openSync(file, 'w');
  try {
    for (let done = 0; done < bytes; ) done += fs.writeSync(fd, block, 0, Math.min(block.length, bytes - done));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface RunDirSpec {
  rows: number;
  format?: CsvFormat;
  /** best.pt's size and kind. */
  best: { bytes: number; kind: FileKind };
}

/** A run directory: results.csv, the example's args.yaml, weights/best.pt. */
export function runDir(name: string, spec: RunDirSpec): string {
  const dir = tempDir(name);
  fs.writeFileSync(path.join(dir, 'results.csv'), resultsCsv(spec.rows, spec.format ?? 'newest'));
  fs.copyFileSync(path.join(EXAMPLE_RUN, 'args.yaml'), path.join(dir, 'args.yaml'));
  writeWeights(path.join(dir, 'weights/best.pt'), spec.best.bytes, spec.best.kind);
  return dir;
}

/** A copy of the shipped example run. */
export function exampleRun(): string {
  const dir = tempDir('example');
  fs.cpSync(EXAMPLE_RUN, dir, { recursive: true });
  return dir;
}
