import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RunDirError } from '../../src/rundir/errors.js';
import { parseResultsCsv, readResultsCsv } from '../../src/rundir/results-csv.js';
import type { CsvEra } from '../../src/rundir/types.js';

const FIXTURES = fileURLToPath(new URL('../../../__tests__/fixtures/results/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const DETECT_METRICS = [
  'train/box_loss',
  'train/cls_loss',
  'train/dfl_loss',
  'metrics/precision(B)',
  'metrics/recall(B)',
  'metrics/mAP50(B)',
  'metrics/mAP50-95(B)',
  'val/box_loss',
  'val/cls_loss',
  'val/dfl_loss',
];
const PG3 = ['lr/pg0', 'lr/pg1', 'lr/pg2'];

interface Case {
  file: string;
  era: CsvEra;
  oneBased: boolean;
  epochs: number[];
  columns: number;
  /** First metric keys, in file order. */
  metricsStart: string[];
  metricCount: number;
  lrKeys: string[];
  /** Values of the first row. */
  first: Record<string, number>;
  firstLr: Record<string, number>;
  time?: number;
}

const cases: Case[] = [
  {
    file: 'yolov5.csv',
    era: 'yolov5',
    oneBased: false,
    epochs: range(6),
    columns: 14,
    metricsStart: ['train/box_loss', 'train/obj_loss', 'train/cls_loss', 'metrics/precision'],
    metricCount: 10,
    lrKeys: ['x/lr0', 'x/lr1', 'x/lr2'],
    first: { 'train/box_loss': 0.068415, 'metrics/mAP_0.5:0.95': 0.25456 },
    firstLr: { 'x/lr0': 5.4542e-5, 'x/lr2': 0.058533 },
  },
  {
    file: 'v8-early-0based.csv',
    era: 'v8-0based',
    oneBased: false,
    epochs: range(5),
    columns: 14,
    metricsStart: DETECT_METRICS,
    metricCount: 10,
    lrKeys: PG3,
    first: { 'train/box_loss': 1.31, 'metrics/mAP50-95(B)': 0.31047 },
    firstLr: { 'lr/pg0': 6.426e-5 },
  },
  {
    file: 'v8-mid-1based.csv',
    era: 'v8-1based',
    oneBased: true,
    epochs: range(5),
    columns: 14,
    metricsStart: DETECT_METRICS,
    metricCount: 10,
    lrKeys: PG3,
    first: { 'train/box_loss': 1.2551, 'metrics/mAP50-95(B)': 0.30237 },
    firstLr: { 'lr/pg1': 6.3617e-5 },
  },
  {
    file: 'detect.csv',
    era: 'current',
    oneBased: true,
    epochs: range(6),
    columns: 15,
    metricsStart: DETECT_METRICS,
    metricCount: 10,
    lrKeys: PG3,
    first: { 'train/box_loss': 1.29585, 'metrics/mAP50-95(B)': 0.277042 },
    firstLr: { 'lr/pg0': 5.45417e-5, 'lr/pg2': 0.0585333 },
    time: 8.68,
  },
  {
    file: 'classify.csv',
    era: 'current',
    oneBased: true,
    epochs: range(5),
    columns: 9,
    metricsStart: ['train/loss', 'metrics/accuracy_top1', 'metrics/accuracy_top5', 'val/loss'],
    metricCount: 4,
    lrKeys: PG3,
    first: { 'metrics/accuracy_top1': 0.394758, 'metrics/accuracy_top5': 0.844441 },
    firstLr: { 'lr/pg2': 0.0562 },
    time: 4.76,
  },
  {
    file: 'segment.csv',
    era: 'current',
    oneBased: true,
    epochs: range(5),
    columns: 21,
    metricsStart: ['train/box_loss', 'train/seg_loss', 'train/cls_loss', 'train/dfl_loss', 'metrics/precision(B)'],
    metricCount: 16,
    lrKeys: PG3,
    first: { 'metrics/mAP50-95(M)': 0.265285, 'val/seg_loss': 2.70363 },
    firstLr: { 'lr/pg0': 6.426e-5 },
    time: 13.72,
  },
  {
    file: 'pose.csv',
    era: 'current',
    oneBased: true,
    epochs: range(5),
    columns: 23,
    metricsStart: ['train/box_loss', 'train/pose_loss', 'train/kobj_loss', 'train/cls_loss', 'train/dfl_loss'],
    metricCount: 18,
    lrKeys: PG3,
    first: { 'train/pose_loss': 4.52556, 'metrics/mAP50-95(P)': 0.261328 },
    firstLr: { 'lr/pg2': 0.0562 },
    time: 11.34,
  },
  {
    file: 'yolo26-pose.csv',
    era: 'current',
    oneBased: true,
    epochs: range(4),
    columns: 30,
    metricsStart: ['train/box_loss', 'train/pose_loss', 'train/kobj_loss', 'train/cls_loss', 'train/dfl_loss', 'train/rle_loss'],
    metricCount: 20,
    lrKeys: range(8).map((i) => `lr/pg${i}`),
    first: { 'train/rle_loss': 0.901211, 'metrics/mAP50-95(P)': 0.304867 },
    firstLr: { 'lr/pg2': 0.0527, 'lr/pg7': 7.26272e-5 },
    time: 12.46,
  },
  {
    file: 'crlf.csv',
    era: 'current',
    oneBased: true,
    epochs: range(4),
    columns: 15,
    metricsStart: DETECT_METRICS,
    metricCount: 10,
    lrKeys: PG3,
    first: { 'train/box_loss': 1.2174, 'val/dfl_loss': 1.2248 },
    firstLr: { 'lr/pg2': 0.0527 },
    time: 8.68,
  },
];

describe('parseResultsCsv: every era', () => {
  for (const c of cases) {
    it(c.file, async () => {
      const f = await readResultsCsv(fixture(c.file));
      assert.equal(f.era, c.era);
      assert.equal(f.oneBased, c.oneBased);
      assert.deepEqual(
        f.rows.map((r) => r.epoch),
        c.epochs,
      );
      assert.equal(f.columns.length, c.columns);
      assert.equal(f.columns[0], 'epoch');
      assert.ok(f.columns.every((col) => col === col.trim() && col !== ''));
      assert.deepEqual(f.skipped, []);
      assert.deepEqual(f.nonFinite, []);
      assert.deepEqual(f.superseded, []);
      for (const row of f.rows) {
        const keys = Object.keys(row.metrics);
        assert.equal(keys.length, c.metricCount);
        assert.deepEqual(keys.slice(0, c.metricsStart.length), c.metricsStart);
        assert.ok(!keys.some((k) => k === 'epoch' || k === 'time' || k.startsWith('lr/') || k.startsWith('x/lr')));
        assert.deepEqual(Object.keys(row.lr), c.lrKeys);
        assert.equal('time' in row, c.time !== undefined);
      }
      const first = f.rows[0];
      assert.equal(first.line, 2);
      for (const [k, v] of Object.entries(c.first)) assert.equal(first.metrics[k], v, k);
      for (const [k, v] of Object.entries(c.firstLr)) assert.equal(first.lr[k], v, k);
      if (c.time !== undefined) assert.equal(first.time, c.time);
    });
  }
});

describe('parseResultsCsv: damaged and unusual files', () => {
  it('turns nan, inf and -inf into null and lists them', async () => {
    const f = await readResultsCsv(fixture('nonfinite.csv'));
    assert.equal(f.rows.length, 5);
    assert.equal(f.rows[2].metrics['train/box_loss'], null);
    assert.equal(f.rows[2].metrics['metrics/mAP50-95(B)'], null);
    assert.equal(f.rows[2].metrics['train/cls_loss'], 1.38699);
    assert.equal(f.rows[3].metrics['train/cls_loss'], null);
    assert.equal(f.rows[4].metrics['val/box_loss'], null);
    assert.deepEqual(f.nonFinite, [
      { line: 4, column: 'train/box_loss', text: 'nan' },
      { line: 4, column: 'metrics/mAP50-95(B)', text: 'nan' },
      { line: 5, column: 'train/cls_loss', text: 'inf' },
      { line: 6, column: 'val/box_loss', text: '-inf' },
    ]);
    assert.deepEqual(f.skipped, []);
  });

  it('keeps the last row of a duplicated epoch (resumed run)', async () => {
    const f = await readResultsCsv(fixture('resume-duplicate.csv'));
    assert.deepEqual(
      f.rows.map((r) => r.epoch),
      range(6),
    );
    const e3 = f.rows[3];
    assert.equal(e3.line, 6);
    assert.equal(e3.time, 9.24);
    assert.equal(e3.metrics['metrics/mAP50-95(B)'], 0.527752);
    assert.deepEqual(f.superseded, [{ line: 5, epoch: 3 }]);
    assert.deepEqual(f.skipped, []);
  });

  it('skips a half-written last line and says where', async () => {
    const f = await readResultsCsv(fixture('truncated.csv'));
    assert.deepEqual(
      f.rows.map((r) => r.epoch),
      range(4),
    );
    assert.equal(f.skipped.length, 1);
    assert.equal(f.skipped[0].line, 6);
    assert.match(f.skipped[0].reason, /has 8 cells, the header has 15/);
  });

  it('skips a bad line in the middle and keeps the rest', () => {
    const f = parseResultsCsv('epoch,time,train/loss\n1,1.5,0.9\n2,3.1,oops\n3,4.6,0.7\n', 'r.csv');
    assert.deepEqual(
      f.rows.map((r) => [r.epoch, r.line, r.metrics['train/loss']]),
      [
        [0, 2, 0.9],
        [2, 4, 0.7],
      ],
    );
    assert.deepEqual(f.skipped, [{ line: 3, reason: "column train/loss holds 'oops', not a number" }]);
  });

  it('skips an empty cell and a cut-off exponent', () => {
    const f = parseResultsCsv('epoch,a,b\n1,0.5,\n2,0.4,1.2e\n3,0.3,0.2\n', 'r.csv');
    assert.deepEqual(
      f.skipped.map((s) => s.line),
      [2, 3],
    );
    assert.match(f.skipped[0].reason, /column b is empty/);
    assert.match(f.skipped[1].reason, /column b holds '1\.2e'/);
  });

  it('skips a row whose epoch is not a whole number', () => {
    const f = parseResultsCsv('epoch,a\n1,0.5\n2.5,0.4\nnan,0.3\n', 'r.csv');
    assert.deepEqual(
      f.skipped.map((s) => s.line),
      [3, 4],
    );
    assert.match(f.skipped[0].reason, /epoch '2\.5' is not a whole number/);
  });

  it('reads exponents, keeps gaps, and ignores blank lines', () => {
    const f = parseResultsCsv('epoch,time,train/loss,lr/pg0\n\n1,2,9.5438e-07,1E-3\n2,4,-1.5e+02,0\n\n5,9,3,0\n\n', 'r.csv');
    assert.deepEqual(
      f.rows.map((r) => r.epoch),
      [0, 1, 4],
    );
    assert.equal(f.rows[0].metrics['train/loss'], 9.5438e-7);
    assert.equal(f.rows[0].lr['lr/pg0'], 0.001);
    assert.equal(f.rows[1].metrics['train/loss'], -150);
    assert.equal(f.rows[2].line, 6);
  });

  it('reads a file with epoch 0 as 0-based even with a time column', () => {
    const f = parseResultsCsv('epoch,time,a\n0,1,0.1\n1,2,0.2\n', 'r.csv');
    assert.equal(f.oneBased, false);
    assert.equal(f.era, 'current');
    assert.deepEqual(
      f.rows.map((r) => r.epoch),
      [0, 1],
    );
  });

  it('reads a file without epoch 0 and without time as 1-based', () => {
    const f = parseResultsCsv('epoch,a\n3,0.1\n4,0.2\n', 'r.csv');
    assert.equal(f.oneBased, true);
    assert.equal(f.era, 'v8-1based');
    assert.deepEqual(
      f.rows.map((r) => r.epoch),
      [2, 3],
    );
  });

  it('reads a Buffer with a UTF-8 byte order mark', () => {
    const f = parseResultsCsv(Buffer.from('\ufeffepoch,time,a\r\n1,2,0.5\r\n', 'utf8'), 'r.csv');
    assert.deepEqual(f.columns, ['epoch', 'time', 'a']);
    assert.equal(f.rows[0].metrics.a, 0.5);
  });

  it('parses 10 000 rows', () => {
    const header = 'epoch,time,' + [...DETECT_METRICS, ...PG3].join(',');
    const lines = [header];
    for (let e = 1; e <= 10_000; e++) lines.push(`${e},${e * 6.2},` + range(13).map((i) => (i + 1) / (e + 7)).join(','));
    const f = parseResultsCsv(lines.join('\n') + '\n', 'big.csv');
    assert.equal(f.rows.length, 10_000);
    assert.equal(f.rows[9_999].epoch, 9_999);
    assert.equal(f.rows[9_999].lr['lr/pg2'], 13 / 10_007);
  });
});

describe('parseResultsCsv and readResultsCsv: errors', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rundir-csv-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const rejects = (p: Promise<unknown>, re: RegExp) =>
    assert.rejects(p, (err: unknown) => err instanceof RunDirError && re.test(err.message));

  it('rejects an empty file', async () => {
    await rejects(
      readResultsCsv(fixture('empty.csv')),
      /empty\.csv is empty: training wrote no epoch yet, or `metrics:` points at the wrong file/,
    );
    assert.throws(() => parseResultsCsv(' \r\n\n  ', 'x.csv'), /x\.csv is empty/);
  });

  it('rejects a header without rows', async () => {
    await rejects(readResultsCsv(fixture('header-only.csv')), /header-only\.csv has a header but no usable epoch row/);
  });

  it('rejects a file whose every row is damaged, naming the first bad line', () => {
    assert.throws(
      () => parseResultsCsv('epoch,a,b\n1,0.5\n2,x,y\n', 'r.csv'),
      (err: unknown) =>
        err instanceof RunDirError && err.line === 2 && /no usable epoch row \(line 2 has 2 cells/.test(err.message),
    );
  });

  it('rejects a file without an epoch column', async () => {
    await rejects(
      readResultsCsv(fixture('no-epoch.csv')),
      /no-epoch\.csv has no `epoch` column \(header: step,train\/loss,val\/loss\).*set `metrics:`/,
    );
  });

  it('rejects binary files', async () => {
    const withNul = join(dir, 'best.pt');
    await writeFile(withNul, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64), Buffer.from('epoch,a\n1,2\n')]));
    await rejects(readResultsCsv(withNul), /best\.pt is not a text file \(it holds binary data\)/);

    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = 1 + ((i * 37) % 255);
    assert.throws(() => parseResultsCsv(noise, 'noise.png'), /noise\.png is not a text file/);
  });

  it('names the metrics input when the file is missing', async () => {
    await rejects(
      readResultsCsv(join(dir, 'nope', 'results.csv')),
      /metrics file not found: .*nope[\\/]results\.csv\. Check the `metrics` input/,
    );
  });

  it('rejects a directory', async () => {
    await mkdir(join(dir, 'results.csv'));
    await rejects(readResultsCsv(join(dir, 'results.csv')), /metrics file .*results\.csv is a directory, not a regular file, so it is not read\. Set `metrics:`/);
  });
});
