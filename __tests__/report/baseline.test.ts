/**
 * Every form of `baseline` (run directory, results.csv, report JSON, a folder holding the report)
 * read from real files, compared with this run across results.csv eras, and every unusable
 * baseline turned into a message that says what is wrong.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { type ActionInputs, getInputs } from '../../src/inputs/inputs.js';
import { terminalLog } from '../../src/log.js';
import { BaselineError, readBaseline } from '../../src/report/baseline.js';
import { prepareReport } from '../../src/report/ci-report.js';
import { compare } from '../../src/report/compare.js';
import { parseReport, writeReport } from '../../src/report/report-file.js';
import { snapshotOf } from '../../src/report/snapshot.js';
import { bestEpoch, fitnessRuleFor, mapColumn } from '../../src/rundir/fitness.js';
import { type RunPlan, loadRun } from '../../src/rundir/load-run.js';
import { readResultsCsv } from '../../src/rundir/results-csv.js';
import { EXAMPLE_RUN, FIXTURES } from '../e2e/harness.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-baseline-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * An independent reading of a results.csv for the oracle: the header's cells trimmed, the rows as
 * numbers, the best row by the classic fitness (0.1·mAP50 + 0.9·mAP50-95, the rule of every fixture
 * used here), a tie to the later row, and its 0-based epoch.
 */
function oracle(file: string, map50: string, map5095: string) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const header = lines[0].split(',').map((c) => c.trim());
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((c, i) => [header[i], Number(c.trim())])));
  const zeroBased = rows.some((r) => r.epoch === 0);
  let best = rows[0];
  for (const r of rows) if (0.1 * r[map50] + 0.9 * r[map5095] >= 0.1 * best[map50] + 0.9 * best[map5095]) best = r;
  return { best, bestEpoch: best.epoch - (zeroBased ? 0 : 1), epochs: rows.length, last: rows[rows.length - 1] };
}

function quietLog() {
  const lines: string[] = [];
  return { log: terminalLog({ verbose: false, write: (l) => lines.push(l) }), lines };
}

function inputsFor(runDir: string, extra: Record<string, string> = {}): ActionInputs {
  const values: Record<string, string> = {
    'api-key': 'ul_' + 'ab'.repeat(20),
    'api-url': 'http://127.0.0.1:9',
    'run-dir': runDir,
    'if-no-files-found': 'ignore',
    ...extra,
  };
  return getInputs((n) => values[n] ?? '', { GITHUB_WORKSPACE: tmp }, quietLog().log);
}

async function planOf(csv: string): Promise<RunPlan> {
  const dir = fs.mkdtempSync(path.join(tmp, 'run-'));
  fs.copyFileSync(csv, path.join(dir, 'results.csv'));
  return loadRun(inputsFor(dir), quietLog().log);
}

describe('baseline forms', () => {
  it('reads a run directory: results.csv, the name from args.yaml, the version from best.pt', async () => {
    const b = await readBaseline(EXAMPLE_RUN);
    assert.equal(b.kind, 'run-dir');
    const o = oracle(path.join(EXAMPLE_RUN, 'results.csv'), 'metrics/mAP50(B)', 'metrics/mAP50-95(B)');
    assert.equal(b.snapshot.name, 'train');
    assert.equal(b.snapshot.bestEpoch, o.bestEpoch);
    assert.equal(b.snapshot.epochs, o.epochs);
    assert.equal(b.snapshot.map, o.best['metrics/mAP50-95(B)']);
    assert.equal(b.snapshot.trainingSeconds, o.last.time);
    assert.deepEqual(b.snapshot.metrics, {
      'precision(B)': o.best['metrics/precision(B)'],
      'recall(B)': o.best['metrics/recall(B)'],
      'mAP50(B)': o.best['metrics/mAP50(B)'],
      'mAP50-95(B)': o.best['metrics/mAP50-95(B)'],
    });
    assert.equal(b.snapshot.curves.map?.values.length, 50);
    assert.equal(b.snapshot.curves.loss?.epochs[49], 49);
  });

  it('reads a results.csv on its own', async () => {
    const file = path.join(FIXTURES, 'detect.csv');
    const b = await readBaseline(file);
    assert.equal(b.kind, 'results-csv');
    const o = oracle(file, 'metrics/mAP50(B)', 'metrics/mAP50-95(B)');
    assert.equal(b.snapshot.bestEpoch, o.bestEpoch);
    assert.equal(b.snapshot.map, o.best['metrics/mAP50-95(B)']);
    assert.equal(b.snapshot.name, null);
  });

  it('reads back the report JSON it wrote, itself or in a folder of its own (an artifact download)', async () => {
    const plan = await planOf(path.join(EXAMPLE_RUN, 'results.csv'));
    const run = snapshotOf({ name: 'yolo11n-640', metrics: plan.metrics, best: plan.best, map: 0.6771, mapColumn: plan.mapColumn });
    const dir = fs.mkdtempSync(path.join(tmp, 'artifact-'));
    const file = path.join(dir, 'report.json');
    const gate = { status: 'none' as const, checks: [], skipped: [] };
    await writeReport(file, { format: 'ultralytics-sync-report', version: 1, status: 'synced', backend: 'platform', modelId: 'm1', modelUrl: '', git: { sha: '0123456789abcdef', ref: 'main' }, run, comparison: null, gate });
    for (const where of [file, dir]) {
      const b = await readBaseline(where);
      assert.equal(b.kind, 'report');
      assert.equal(b.source, file);
      assert.deepEqual(b.snapshot, run);
      assert.equal(b.commit, 'main@0123456');
    }
  });

  it('compares a padded 1-based YOLOv8 file with a current unpadded one, metric by metric', async () => {
    const baseFile = path.join(FIXTURES, 'v8-mid-1based.csv');
    const base = await readBaseline(baseFile);
    const plan = await planOf(path.join(FIXTURES, 'detect.csv'));
    const current = snapshotOf({ name: 'train', metrics: plan.metrics, best: plan.best, map: plan.map, mapColumn: plan.mapColumn });
    const c = compare(current, base.snapshot, { source: baseFile, kind: base.kind, name: null });
    const ob = oracle(baseFile, 'metrics/mAP50(B)', 'metrics/mAP50-95(B)');
    const oc = oracle(path.join(FIXTURES, 'detect.csv'), 'metrics/mAP50(B)', 'metrics/mAP50-95(B)');
    assert.equal(base.snapshot.bestEpoch, ob.bestEpoch, 'the 1-based file is read 0-based');
    const row = (key: string) => c.rows.find((r) => r.key === key);
    for (const [key, col] of [['precision(B)', 'metrics/precision(B)'], ['recall(B)', 'metrics/recall(B)'], ['mAP50(B)', 'metrics/mAP50(B)'], ['mAP50-95(B)', 'metrics/mAP50-95(B)']]) {
      assert.equal(row(key)?.current, oc.best[col], key);
      assert.equal(row(key)?.baseline, ob.best[col], key);
      assert.equal(row(key)?.delta, Number((oc.best[col] - ob.best[col]).toFixed(6)), key);
    }
    assert.deepEqual(row('best-epoch'), { key: 'best-epoch', label: 'best epoch (0-based)', kind: 'epoch', current: oc.bestEpoch, baseline: ob.bestEpoch, delta: oc.bestEpoch - ob.bestEpoch });
    assert.deepEqual(row('time'), { key: 'time', label: 'training time', kind: 'seconds', current: oc.last.time, baseline: null, delta: null }, 'the old file has no time column');
    assert.equal(c.mapDelta, Number((oc.best['metrics/mAP50-95(B)'] - ob.best['metrics/mAP50-95(B)']).toFixed(6)));
  });

  it("maps YOLOv5's column names onto the box metrics of a current run", async () => {
    const baseFile = path.join(FIXTURES, 'yolov5.csv');
    const base = await readBaseline(baseFile);
    const ob = oracle(baseFile, 'metrics/mAP_0.5', 'metrics/mAP_0.5:0.95');
    assert.equal(base.snapshot.bestEpoch, ob.bestEpoch);
    assert.deepEqual(base.snapshot.metrics, {
      'precision(B)': ob.best['metrics/precision'],
      'recall(B)': ob.best['metrics/recall'],
      'mAP50(B)': ob.best['metrics/mAP_0.5'],
      'mAP50-95(B)': ob.best['metrics/mAP_0.5:0.95'],
    });
  });

  it('compares the mask family of a segment run, and classify by top-1 and top-5', async () => {
    const seg = await readBaseline(path.join(FIXTURES, 'segment.csv'));
    assert.deepEqual(Object.keys(seg.snapshot.metrics), ['precision(B)', 'recall(B)', 'mAP50(B)', 'mAP50-95(B)', 'precision(M)', 'recall(M)', 'mAP50(M)', 'mAP50-95(M)']);
    const cls = await readBaseline(path.join(FIXTURES, 'classify.csv'));
    assert.deepEqual(Object.keys(cls.snapshot.metrics), ['top1', 'top5']);
    assert.equal(cls.snapshot.mapLabel, 'top-1 accuracy');
    const metrics = await readResultsCsv(path.join(FIXTURES, 'classify.csv'));
    const best = bestEpoch(metrics, fitnessRuleFor(metrics));
    assert.equal(cls.snapshot.map, best?.map);
    assert.equal(mapColumn(metrics.columns), 'metrics/accuracy_top1');
  });
});

describe('unusable baselines', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a missing path', () => path.join(tmp, 'nope'), /nope does not exist\. Download the earlier run's report or run directory there first/],
    ['an empty folder', () => fs.mkdtempSync(path.join(tmp, 'empty-')), /holds neither a results\.csv nor a report JSON/],
    ['JSON of something else', () => write('other.json', '{"hello": 1}'), /not a report this action wrote: no "format": "ultralytics-sync-report" field/],
    ['a report of a newer version', () => write('new.json', '{"format": "ultralytics-sync-report", "version": 9, "run": {}}'), /version 9 is newer than this action reads \(2\); update the action/],
    ['a report with a broken run', () => write('bad.json', '{"format": "ultralytics-sync-report", "version": 1, "run": {"epochs": "many", "metrics": {}}}'), /"run\.epochs" is not a number/],
    ['broken JSON', () => write('broken.json', '{"format": '), /invalid JSON/],
    ['a binary file', () => write('best.pt', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0])), /is not a usable results\.csv: .*not a text file/],
    ['a CSV without epochs', () => path.join(FIXTURES, 'header-only.csv'), /is not a usable results\.csv: .*no usable epoch row/],
  ];
  for (const [what, make, message] of cases) {
    it(`says what is wrong with ${what}`, async () => {
      await assert.rejects(readBaseline(make()), (err: Error) => {
        assert.ok(err instanceof BaselineError);
        assert.match(err.message, message);
        return true;
      });
    });
  }

  it('is a warning in the pipeline, and the gate skips max-map-drop', async () => {
    const plan = await planOf(path.join(FIXTURES, 'detect.csv'));
    const { log, lines } = quietLog();
    const r = await prepareReport(inputsFor(plan.runDir, { baseline: path.join(tmp, 'missing'), 'max-map-drop': '0.01' }), plan, log);
    assert.equal(r.comparison, null);
    assert.deepEqual(r.outputs, { 'map-delta': '', comparison: '', gate: 'none' });
    assert.match(lines.join('\n'), /warning: Baseline not compared: .*missing does not exist/);
    assert.match(lines.join('\n'), /warning: Quality gate: max-map-drop 0\.01 is not checked: there is no usable baseline/);
  });

  it('refuses a baseline of another task (top-1 accuracy against mAP50-95)', async () => {
    const plan = await planOf(path.join(FIXTURES, 'detect.csv'));
    const { log, lines } = quietLog();
    const r = await prepareReport(inputsFor(plan.runDir, { baseline: path.join(FIXTURES, 'classify.csv') }), plan, log);
    assert.equal(r.comparison, null);
    assert.match(lines.join('\n'), /warning: Baseline not compared: .*classify\.csv reports top-1 accuracy, this run mAP50-95/);
  });
});

describe('report file', () => {
  it('rejects a report without a run', () => {
    assert.throws(() => parseReport('{"format": "ultralytics-sync-report", "version": 1}'), /"run" is not a JSON object/);
  });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(tmp, 'f-')), name);
  fs.writeFileSync(file, content);
  return file;
}
