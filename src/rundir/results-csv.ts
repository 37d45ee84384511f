/**
 * Reads an Ultralytics results.csv of any era (YOLOv5, padded YOLOv8, current `%.6g` with `time`)
 * into a MetricsFile keyed by the trainer's 0-based epoch. `parseResultsCsv` is pure; only
 * `readResultsCsv` touches the disk. The header decides the columns: none are hard-coded.
 *
 * Rows are read from the bytes in one pass, without a string per line or per cell (see
 * decimal.ts), and each row's records are cloned from a per-file template, so a 10 000-row file
 * costs about what JSON.parse of the same rows would.
 */
import { fastDecimal } from './decimal.js';
import { RunDirError, errnoCode } from './errors.js';
import { cannotRead } from './readable.js';
import { readRegular } from './safe-read.js';
import type { CsvEra, EpochRow, MetricsFile } from './types.js';

const FIX_PATH = "set `metrics:` to the path of the run's results.csv (e.g. runs/detect/train/results.csv)";
/** results.csv grows by ~300 bytes an epoch; anything this big is the wrong file (counted in bytes read, not stat's size). */
export const MAX_RESULTS_BYTES = 64 * 1024 * 1024;
const BINARY_SAMPLE = 8192;
const NON_FINITE = new Set(['nan', '-nan', '+nan', 'inf', '-inf', '+inf', 'infinity', '-infinity', '+infinity']);
const YOLOV5_COLUMNS = new Set(['metrics/mAP_0.5', 'metrics/mAP_0.5:0.95']);
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

type Values = Record<string, number | null>;

/** Learning-rate columns: `lr/pg0`… (YOLOv8 on) and `x/lr0`… (YOLOv5). */
export function isLrColumn(name: string): boolean {
  return name.startsWith('lr/') || name.startsWith('x/lr');
}

export function parseResultsCsv(input: string | Buffer, path: string): MetricsFile {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (looksBinary(bytes)) {
    throw new RunDirError(
      `${path} is not a text file (it holds binary data): ` +
        '`metrics:` must point at results.csv, not at a checkpoint or an image',
      { file: path },
    );
  }
  const header = headerLine(bytes);
  if (!header) {
    throw new RunDirError(`${path} is empty: training wrote no epoch yet, or \`metrics:\` points at the wrong file`, {
      file: path,
    });
  }
  const columns = header.text.split(',').map((c) => c.trim());
  const layout = layoutOf(columns, path, header.line);
  const yolov5 = columns.some((c) => YOLOV5_COLUMNS.has(c) || c.startsWith('x/lr'));
  const reader = new RowReader(bytes, columns);

  const parsed: EpochRow[] = [];
  const skipped: MetricsFile['skipped'] = [];
  const nonFinite: MetricsFile['nonFinite'] = [];
  let sawEpochZero = false;
  let line = header.line;
  for (let pos = header.next; pos < bytes.length; pos = reader.next) {
    line++;
    const bad = reader.read(pos, line);
    if (reader.blank) continue;
    if (bad !== undefined) {
      skipped.push({ line, reason: bad });
      continue;
    }
    const epoch = reader.values[layout.epoch];
    if (!Number.isInteger(epoch) || epoch < 0) {
      skipped.push({ line, reason: `epoch '${reader.cellText(pos, layout.epoch)}' is not a whole number ≥ 0` });
      continue;
    }
    if (epoch === 0) sawEpochZero = true;
    for (const p of reader.pending) nonFinite.push(p);
    parsed.push(buildRow(reader.values, layout, epoch, line));
  }

  if (parsed.length === 0) throw noUsableRow(path, header.line, skipped);

  // RUN-DIR.md: a row with epoch 0 means 0-based; else 1-based (a `time` column always is). YOLOv5 is 0-based.
  const oneBased = !(sawEpochZero || yolov5);
  const { rows, superseded } = lastWins(parsed, oneBased ? 1 : 0);
  const era: CsvEra = yolov5 ? 'yolov5' : layout.time >= 0 ? 'current' : oneBased ? 'v8-1based' : 'v8-0based';
  const out: MetricsFile = { path, era, columns, oneBased, rows, skipped, nonFinite, superseded };
  const duplicates = duplicateColumns(columns);
  if (duplicates.length > 0) out.duplicateColumns = duplicates;
  return out;
}

/** Names that head more than one column, with their 1-based column numbers. */
function duplicateColumns(columns: string[]): { name: string; columns: number[] }[] {
  const at = new Map<string, number[]>();
  columns.forEach((name, i) => at.set(name, [...(at.get(name) ?? []), i + 1]));
  return [...at].filter(([, where]) => where.length > 1).map(([name, where]) => ({ name, columns: where }));
}

export async function readResultsCsv(path: string, confine: string | null = null): Promise<MetricsFile> {
  let bytes: Buffer;
  try {
    bytes = await readRegular(path, { what: 'metrics file', confine, maxBytes: MAX_RESULTS_BYTES, fix: FIX_PATH });
  } catch (err) {
    if (err instanceof RunDirError) throw err;
    if (errnoCode(err) === 'ENOENT') {
      throw new RunDirError(
        `metrics file not found: ${path}. Check the \`metrics\` input: ${FIX_PATH}, ` +
          'and run after training has finished its first epoch',
        { file: path, cause: err },
      );
    }
    throw cannotRead(path, 'metrics file', err);
  }
  return parseResultsCsv(bytes, path);
}

/** NUL anywhere, or more than 10 % control bytes or invalid UTF-8 in the first 8 KiB. */
function looksBinary(bytes: Buffer): boolean {
  if (bytes.includes(0)) return true;
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  if (sample.length === 0) return false;
  let odd = 0;
  for (const c of sample) if ((c < 32 && c !== 9 && c !== LF && c !== CR) || c === 0x7f) odd++;
  for (const ch of sample.toString('utf8')) if (ch === '\ufffd') odd++;
  return odd / sample.length > 0.1;
}

/** The first line that is not blank (after a UTF-8 byte order mark), and where the next one starts. */
function headerLine(bytes: Buffer): { line: number; text: string; next: number } | null {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let line = 0;
  for (let pos = bom ? 3 : 0; pos < bytes.length; ) {
    let nl = bytes.indexOf(LF, pos);
    if (nl < 0) nl = bytes.length;
    line++;
    const text = bytes.toString('utf8', pos, nl).replace(/\r$/, '');
    if (text.trim() !== '') return { line, text, next: nl + 1 };
    pos = nl + 1;
  }
  return null;
}

/** Where each kind of column sits in a row, and empty records in file order to clone per row. */
interface Layout {
  epoch: number;
  time: number;
  metricIdx: number[];
  metricNames: string[];
  metricTemplate: Values;
  lrIdx: number[];
  lrNames: string[];
  lrTemplate: Values;
}

function layoutOf(columns: string[], path: string, line: number): Layout {
  const epoch = columns.indexOf('epoch');
  if (epoch < 0) {
    const shown = columns.join(',');
    throw new RunDirError(
      `${path} has no \`epoch\` column (header: ${shown.length > 120 ? shown.slice(0, 117) + '...' : shown}), ` +
        `so it is not an Ultralytics results.csv; ${FIX_PATH}`,
      { file: path, line },
    );
  }
  const layout: Layout = {
    epoch,
    time: columns.indexOf('time'),
    metricIdx: [],
    metricNames: [],
    metricTemplate: {},
    lrIdx: [],
    lrNames: [],
    lrTemplate: {},
  };
  columns.forEach((name, i) => {
    if (i === layout.epoch || i === layout.time) return;
    const lr = isLrColumn(name);
    (lr ? layout.lrIdx : layout.metricIdx).push(i);
    (lr ? layout.lrNames : layout.metricNames).push(name);
    (lr ? layout.lrTemplate : layout.metricTemplate)[name] = null;
  });
  return layout;
}

/**
 * Reads one line at a time into `values` (NaN marks a nan/inf cell, listed in `pending`). One
 * reader serves the whole file, so a line costs no allocation unless it needs a message.
 */
class RowReader {
  readonly values: Float64Array;
  readonly pending: MetricsFile['nonFinite'] = [];
  /** Where the line after the last one read starts. */
  next = 0;
  /** The last line read was empty or only blanks. */
  blank = false;

  constructor(
    private readonly bytes: Buffer,
    private readonly columns: string[],
  ) {
    this.values = new Float64Array(columns.length);
  }

  /** Reads the line starting at `start` (line number `line`); returns why it is unusable, or undefined. */
  read(start: number, line: number): string | undefined {
    const { bytes, columns } = this;
    const n = bytes.length;
    this.pending.length = 0;
    let bad: string | undefined;
    let cells = 0;
    let p = start;
    let cellEnd = start;
    for (;;) {
      const cellStart = p;
      let c = 0;
      while (p < n && (c = bytes[p]) !== COMMA && c !== LF) p++;
      const atComma = p < n && c === COMMA;
      cellEnd = !atComma && p > cellStart && bytes[p - 1] === CR ? p - 1 : p;
      if (bad === undefined && cells < columns.length) bad = this.cell(cellStart, cellEnd, cells, line);
      cells++;
      if (!atComma) break;
      p++;
    }
    this.next = p + 1;
    this.blank = cells === 1 && bytes.toString('latin1', start, cellEnd).trim() === '';
    if (cells !== columns.length) return `has ${cells} cells, the header has ${columns.length} (a half-written line?)`;
    return bad;
  }

  /** The trimmed text of cell `index` of the line starting at `start` (for messages only). */
  cellText(start: number, index: number): string {
    const end = this.next - 1;
    return (this.bytes.toString('utf8', start, end).split(',')[index] ?? '').trim();
  }

  private cell(start: number, end: number, index: number, line: number): string | undefined {
    const fast = fastDecimal(this.bytes, start, end);
    if (!Number.isNaN(fast)) {
      this.values[index] = fast;
      return undefined;
    }
    const column = this.columns[index];
    const text = this.bytes.toString('utf8', start, end).trim();
    if (text === '') return `column ${column} is empty`;
    const v = Number(text);
    if (Number.isFinite(v)) {
      this.values[index] = v;
      return undefined;
    }
    if (!Number.isNaN(v) || NON_FINITE.has(text.toLowerCase())) {
      this.values[index] = NaN;
      this.pending.push({ line, column, text });
      return undefined;
    }
    return `column ${column} holds '${text.length > 20 ? text.slice(0, 20) + '...' : text}', not a number`;
  }
}

function buildRow(values: Float64Array, layout: Layout, epoch: number, line: number): EpochRow {
  const metrics = { ...layout.metricTemplate };
  for (let k = 0; k < layout.metricIdx.length; k++) {
    metrics[layout.metricNames[k]] = finite(values[layout.metricIdx[k]]);
  }
  const lr = { ...layout.lrTemplate };
  for (let k = 0; k < layout.lrIdx.length; k++) lr[layout.lrNames[k]] = finite(values[layout.lrIdx[k]]);
  const row: EpochRow = { epoch, line, metrics, lr };
  if (layout.time >= 0) row.time = finite(values[layout.time]);
  return row;
}

function finite(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}

/** Shifts epochs to 0-based and keeps the last row of each epoch, ascending. */
function lastWins(parsed: EpochRow[], shift: number): Pick<Required<MetricsFile>, 'rows' | 'superseded'> {
  const byEpoch = new Map<number, EpochRow>();
  const superseded: Required<MetricsFile>['superseded'] = [];
  for (const row of parsed) {
    row.epoch -= shift;
    const earlier = byEpoch.get(row.epoch);
    if (earlier) superseded.push({ line: earlier.line, epoch: row.epoch });
    byEpoch.set(row.epoch, row);
  }
  const rows = [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
  return { rows, superseded };
}

function noUsableRow(path: string, headerLine: number, skipped: MetricsFile['skipped']): RunDirError {
  const first = skipped[0];
  const why = first ? ` (line ${first.line} ${first.reason})` : '';
  return new RunDirError(
    `${path} has a header but no usable epoch row${why}: training has not finished an epoch yet, ` +
      `or the file is damaged; wait for the first epoch or ${FIX_PATH}`,
    { file: path, line: first?.line ?? headerLine },
  );
}
