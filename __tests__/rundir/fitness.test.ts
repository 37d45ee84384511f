import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type FitnessRule,
  bestEpoch,
  fitnessOf,
  fitnessRuleFor,
  mapColumn,
  runningBestFitness,
  totalLoss,
} from '../../src/rundir/fitness.js';
import { parseResultsCsv, readResultsCsv } from '../../src/rundir/results-csv.js';
import type { EpochRow, MetricsFile } from '../../src/rundir/types.js';

const FIXTURES = fileURLToPath(new URL('../../../__tests__/fixtures/results/', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../../examples/runs/detect/train/results.csv', import.meta.url));
const load = (name: string) => readResultsCsv(join(FIXTURES, name));
const close = (a: number | null | undefined, b: number) => assert.ok(a != null && Math.abs(a - b) < 1e-9, `${a} ≉ ${b}`);

const row = (metrics: Record<string, number | null>, epoch = 0): EpochRow => ({ epoch, line: epoch + 2, metrics, lr: {} });

describe('fitnessRuleFor', () => {
  it('follows a known version', async () => {
    const detect = await load('detect.csv');
    assert.equal(fitnessRuleFor(detect, '8.4.0'), 'map50-95');
    assert.equal(fitnessRuleFor(detect, '8.4.12'), 'map50-95');
    assert.equal(fitnessRuleFor(detect, '9.0.1'), 'map50-95');
    assert.equal(fitnessRuleFor(detect, '8.3.40'), 'classic');
    assert.equal(fitnessRuleFor(detect, '8.0.196'), 'classic');
  });

  it('changes rule at 8.3.198, not at 8.4', async () => {
    const detect = await load('detect.csv');
    assert.equal(fitnessRuleFor(detect, '8.3.197'), 'classic');
    assert.equal(fitnessRuleFor(detect, '8.3.198'), 'map50-95');
    assert.equal(fitnessRuleFor(detect, '8.3.247'), 'map50-95');
    assert.equal(fitnessRuleFor(detect, '8.3'), 'classic', 'a version without a patch number is 8.3.0');
    assert.equal(fitnessRuleFor(detect, '8.2.103'), 'classic');
  });

  it('reads the header when the version is unknown', async () => {
    assert.equal(fitnessRuleFor(await load('detect.csv')), 'classic');
    assert.equal(fitnessRuleFor(await load('detect.csv'), 'unknown'), 'classic');
    assert.equal(fitnessRuleFor(await load('yolo26-pose.csv')), 'map50-95');
    const obb26 = parseResultsCsv('epoch,time,train/box_loss,train/angle_loss,metrics/mAP50(B),metrics/mAP50-95(B)\n1,2,1,1,0.5,0.3\n', 'obb.csv');
    assert.equal(fitnessRuleFor(obb26), 'map50-95');
    const fourGroups = parseResultsCsv('epoch,lr/pg0,lr/pg1,lr/pg2,lr/pg3\n1,0,0,0,0\n', 'lr.csv');
    assert.equal(fitnessRuleFor(fourGroups), 'map50-95');
  });

  it('keeps the classic rule for YOLOv5 files', async () => {
    assert.equal(fitnessRuleFor(await load('yolov5.csv'), '8.4.0'), 'classic');
  });
});

describe('fitnessOf', () => {
  const box = { 'metrics/mAP50(B)': 0.8, 'metrics/mAP50-95(B)': 0.5 };
  const boxCols = Object.keys(box);
  const cases: [string, Record<string, number | null>, FitnessRule, number | null][] = [
    ['detect, classic', box, 'classic', 0.1 * 0.8 + 0.9 * 0.5],
    ['detect, map50-95', box, 'map50-95', 0.5],
    [
      'segment adds the mask fitness',
      { ...box, 'metrics/mAP50(M)': 0.7, 'metrics/mAP50-95(M)': 0.4 },
      'classic',
      0.1 * 0.8 + 0.9 * 0.5 + 0.1 * 0.7 + 0.9 * 0.4,
    ],
    ['segment, map50-95', { ...box, 'metrics/mAP50(M)': 0.7, 'metrics/mAP50-95(M)': 0.4 }, 'map50-95', 0.9],
    ['pose adds the keypoint fitness', { ...box, 'metrics/mAP50(P)': 0.6, 'metrics/mAP50-95(P)': 0.3 }, 'map50-95', 0.8],
    ['classify', { 'metrics/accuracy_top1': 0.7, 'metrics/accuracy_top5': 0.9 }, 'map50-95', 0.8],
    ['YOLOv5 is always classic', { 'metrics/mAP_0.5': 0.8, 'metrics/mAP_0.5:0.95': 0.5 }, 'map50-95', 0.53],
    ['nan mAP', { 'metrics/mAP50(B)': 0.8, 'metrics/mAP50-95(B)': null }, 'classic', null],
    ['nan mAP50 under the classic rule', { 'metrics/mAP50(B)': null, 'metrics/mAP50-95(B)': 0.5 }, 'classic', null],
    ['nan mAP50 does not matter under map50-95', { 'metrics/mAP50(B)': null, 'metrics/mAP50-95(B)': 0.5 }, 'map50-95', 0.5],
    ['nan mask mAP', { ...box, 'metrics/mAP50(M)': 0.7, 'metrics/mAP50-95(M)': null }, 'classic', null],
    ['no metric columns', { 'train/loss': 1 }, 'classic', null],
  ];
  for (const [name, metrics, rule, want] of cases) {
    it(name, () => {
      const got = fitnessOf(row(metrics), ['epoch', ...Object.keys(metrics)], rule);
      if (want === null) assert.equal(got, null);
      else close(got, want);
    });
  }

  it('is null when the columns are missing from the header', () => {
    assert.equal(fitnessOf(row(box), ['epoch', 'metrics/mAP50(B)'], 'classic'), null);
    close(fitnessOf(row(box), ['epoch', ...boxCols], 'classic'), 0.53);
  });
});

describe('bestEpoch', () => {
  const cases: [string, FitnessRule, number, number, number][] = [
    // file, rule, 0-based best epoch, fitness, map
    ['detect.csv', 'classic', 5, 0.5706218, 0.547826],
    ['v8-mid-1based.csv', 'classic', 4, 0.56999, 0.54646],
    ['segment.csv', 'classic', 4, 1.0682701, 0.560735],
    ['segment.csv', 'map50-95', 4, 1.026106, 0.560735],
    ['pose.csv', 'classic', 4, 1.0484034, 0.542444],
    ['pose.csv', 'map50-95', 3, 1.004175, 0.541369],
    ['classify.csv', 'classic', 4, 0.82045, 0.687506],
    ['yolov5.csv', 'classic', 4, 0.535033, 0.5102],
    ['nonfinite.csv', 'classic', 4, 0.5774272, 0.553215],
  ];
  for (const [file, rule, epoch, fitness, map] of cases) {
    it(`${file} (${rule})`, async () => {
      const best = bestEpoch(await load(file), rule);
      assert.equal(best?.epoch, epoch);
      close(best?.fitness, fitness);
      close(best?.map, map);
    });
  }

  it('picks the example run’s epoch 46, not the last one', async () => {
    const file = await readResultsCsv(EXAMPLE);
    assert.equal(file.rows.length, 50);
    for (const rule of ['classic', 'map50-95'] as const) {
      const best = bestEpoch(file, rule);
      assert.equal(best?.epoch, 46);
      assert.equal(best?.map, 0.6771);
    }
  });

  it('gives a tie to the later epoch', () => {
    const file = parseResultsCsv(
      'epoch,metrics/mAP50(B),metrics/mAP50-95(B)\n1,0.5,0.3\n2,0.6,0.4\n3,0.55,0.35\n4,0.6,0.4\n5,0.1,0.1\n',
      'tie.csv',
    );
    assert.equal(bestEpoch(file, 'classic')?.epoch, 3);
    assert.equal(bestEpoch(file, 'map50-95')?.epoch, 3);
  });

  it('is null when no row has a fitness', () => {
    const file = parseResultsCsv('epoch,train/loss\n1,0.5\n', 'x.csv');
    assert.equal(bestEpoch(file, 'classic'), null);
  });
});

describe('runningBestFitness', () => {
  it('is the best so far, null before the first fitness', () => {
    const file = parseResultsCsv(
      'epoch,metrics/mAP50(B),metrics/mAP50-95(B)\n1,nan,nan\n2,0.6,0.4\n3,0.5,0.3\n4,nan,0.1\n5,0.7,0.5\n',
      'r.csv',
    );
    assert.deepEqual(runningBestFitness(file, 'map50-95'), [null, 0.4, 0.4, 0.4, 0.5]);
  });

  it('matches the best epoch at the end', async () => {
    const file: MetricsFile = await readResultsCsv(EXAMPLE);
    const running = runningBestFitness(file, 'classic');
    assert.equal(running.length, 50);
    assert.equal(running[49], bestEpoch(file, 'classic')?.fitness);
    for (let i = 1; i < running.length; i++) assert.ok((running[i] as number) >= (running[i - 1] as number));
  });
});

describe('mapColumn and totalLoss', () => {
  it('names the final mAP column per task', async () => {
    assert.equal(mapColumn((await load('detect.csv')).columns), 'metrics/mAP50-95(B)');
    assert.equal(mapColumn((await load('segment.csv')).columns), 'metrics/mAP50-95(B)');
    assert.equal(mapColumn((await load('classify.csv')).columns), 'metrics/accuracy_top1');
    assert.equal(mapColumn((await load('yolov5.csv')).columns), 'metrics/mAP_0.5:0.95');
    assert.equal(mapColumn(['epoch', 'train/loss']), null);
  });

  it('sums the train losses', async () => {
    const detect = await load('detect.csv');
    close(totalLoss(detect.rows[0]), 1.29585 + 1.76736 + 1.18582);
    const classify = await load('classify.csv');
    close(totalLoss(classify.rows[0]), 1.5254);
    const nonfinite = await load('nonfinite.csv');
    assert.equal(totalLoss(nonfinite.rows[2]), null);
    assert.equal(totalLoss(row({ 'metrics/mAP50(B)': 0.5 })), null);
  });
});
