/**
 * The comparison as the summary and the comment show it: the table with ▲/▼, the gate line, the
 * baseline curve drawn over this run's on a shared epoch grid, and the comment's body.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CiReport } from '../../src/report/ci-report.js';
import { renderComment } from '../../src/report/pr-comment.js';
import { type Comparison, compare, difference } from '../../src/report/compare.js';
import { checkGate } from '../../src/report/gate.js';
import type { RunSnapshot } from '../../src/report/snapshot.js';
import { mermaidChart, overlay } from '../../src/report/format.js';
import { comparisonSection, comparisonTable } from '../../src/report/summary.js';
import { getInputs } from '../../src/inputs/inputs.js';
import { terminalLog } from '../../src/log.js';
import type { RunPlan } from '../../src/rundir/load-run.js';
import type { SyncResult } from '../../src/session/session.js';

function snap(extra: Partial<RunSnapshot> = {}): RunSnapshot {
  return {
    name: 'train',
    bestEpoch: 46,
    epochs: 50,
    trainingSeconds: 363.5,
    map: 0.6771,
    mapLabel: 'mAP50-95',
    metrics: { 'precision(B)': 0.93, 'recall(B)': 0.87, 'mAP50(B)': 0.9077, 'mAP50-95(B)': 0.6771 },
    curves: { map: { epochs: [0, 1, 2], values: [0.2, 0.4, 0.6] }, loss: { epochs: [0, 1, 2], values: [3, 2, 1] } },
    ...extra,
  };
}

const SOURCE: Comparison['baseline'] = { source: '/ws/baseline/report.json', kind: 'report', name: 'train' };

describe('comparison', () => {
  it('has one row per metric either run has, then the best epoch, the epochs and the time', () => {
    const c = compare(
      snap(),
      snap({ bestEpoch: 40, epochs: 45, trainingSeconds: null, map: 0.65, metrics: { 'precision(B)': 0.95, 'mAP50-95(B)': 0.65, 'mAP50-95(M)': 0.5 } }),
      SOURCE,
    );
    assert.deepEqual(
      c.rows.map((r) => [r.key, r.current, r.baseline, r.delta]),
      [
        ['precision(B)', 0.93, 0.95, -0.02],
        ['recall(B)', 0.87, null, null],
        ['mAP50(B)', 0.9077, null, null],
        ['mAP50-95(B)', 0.6771, 0.65, 0.0271],
        ['mAP50-95(M)', null, 0.5, null],
        ['best-epoch', 46, 40, 6],
        ['epochs', 50, 45, 5],
        ['time', 363.5, null, null],
      ],
    );
    assert.equal(c.mapDelta, 0.0271);
  });

  it('rounds deltas to the 6 decimals results.csv has', () => {
    assert.equal(difference(0.3, 0.1), 0.2);
    assert.equal(difference(0.1, 0.3), -0.2);
    assert.equal(difference(null, 0.3), null);
  });

  it('shows this run, the baseline and the delta with ▲ for a rise and ▼ for a fall', () => {
    const c = compare(snap(), snap({ bestEpoch: 49, trainingSeconds: 300, map: 0.7, metrics: { 'precision(B)': 0.93, 'recall(B)': 0.8, 'mAP50(B)': 0.95, 'mAP50-95(B)': 0.7 } }), SOURCE);
    const table = comparisonTable(c).join('\n');
    assert.match(table, /^\| Metric \| This run \| Baseline \| Δ \|\n\|---\|---\|---\|---\|\n/);
    assert.match(table, /\| precision \(box\) \| 0\.93 \| 0\.93 \| = 0 \|/);
    assert.match(table, /\| recall \(box\) \| 0\.87 \| 0\.8 \| ▲ \+0\.07 \|/);
    assert.match(table, /\| mAP50-95 \(box\) \| 0\.6771 \| 0\.7 \| ▼ −0\.0229 \|/);
    assert.match(table, /\| best epoch \(0-based\) \| 46 \| 49 \| ▼ −3 \|/);
    assert.match(table, /\| training time \| 6 min 4 s \| 5 min 0 s \| ▲ \+1 min 4 s \|/);
  });

  it('says why a baseline was not compared, and shows the gate line with each check', () => {
    const report = {
      comparison: null,
      baselineProblem: 'x <b> does not exist',
      gate: checkGate({ minMap: 0.7, maxMapDrop: 0.01, map: 0.6771, mapLabel: 'mAP50-95' }),
    } as unknown as CiReport;
    const md = comparisonSection(report).join('\n');
    assert.match(md, /\*\*Baseline:\*\* not compared: x &#60;b&#62; does not exist/);
    assert.match(md, /\*\*Quality gate:\*\* ❌ failed: ✗ mAP50-95 0\.6771 is below min-map 0\.7; max-map-drop 0\.01 is not checked: there is no usable baseline/);
  });
});

describe('baseline overlay', () => {
  it('draws both lines on the same epochs when they match', () => {
    const chart = mermaidChart({ title: 'T', label: 'L', epochs: [0, 1, 2], values: [0.2, 0.4, 0.6], baseline: { epochs: [0, 1, 2], values: [0.1, 0.3, 0.5] } });
    assert.match(chart, /title "T · blue: this run, orange: baseline"\n {2}x-axis "epoch \(0-based\)" 0 --> 2\n {2}y-axis "L" 0\.05 --> 0\.65\n {2}line \[0\.2, 0\.4, 0\.6\]\n {2}line \[0\.1, 0\.3, 0\.5\]\n```$/);
  });

  it('puts curves of different lengths on one grid, interpolating and holding the shorter one', () => {
    const o = overlay({ epochs: [0, 2, 4], values: [0, 2, 4] }, { epochs: [0, 1, 2], values: [10, 20, 30] });
    assert.deepEqual(o.epochs, [0, 1, 2, 3, 4]);
    assert.deepEqual(o.current, [0, 1, 2, 3, 4]);
    assert.deepEqual(o.baseline, [10, 20, 30, 30, 30]);
    assert.equal(o.note, ' (ends at epoch 2)');
  });

  it('keeps at most 100 points when the runs are long', () => {
    const long = { epochs: Array.from({ length: 100 }, (_, i) => i * 3), values: Array.from({ length: 100 }, (_, i) => i) };
    const o = overlay(long, { epochs: [0, 50], values: [1, 2] });
    assert.equal(o.epochs.length, 100);
    assert.equal(o.epochs[99], 297);
    assert.equal(o.note, ' (ends at epoch 50)');
  });
});

describe('comment body', () => {
  const inputs = getInputs(
    (n) => ({ 'api-key': 'ul_' + 'ab'.repeat(20), 'api-url': 'http://127.0.0.1:9' })[n] ?? '',
    { GITHUB_WORKSPACE: '/ws' },
    terminalLog({ verbose: false, write: () => {} }),
  );
  const rows = [0, 1, 2].map((e) => ({ epoch: e, line: e + 2, metrics: { 'metrics/mAP50-95(B)': 0.2 * (e + 1), 'train/box_loss': 3 - e }, lr: {} }));
  const plan = {
    runDir: '/ws/runs/detect/train',
    metrics: { path: 'results.csv', era: 'current', columns: ['train/box_loss', 'metrics/mAP50-95(B)'], oneBased: true, rows, skipped: [], nonFinite: [] },
    args: null,
    rule: 'map50-95',
    fitness: [],
    bestSoFar: [],
    best: { epoch: 2, fitness: 0.6, map: 0.6 },
    finalEpoch: 2,
    map: 0.6,
    mapColumn: 'metrics/mAP50-95(B)',
  } as unknown as RunPlan;
  const result: SyncResult = { status: 'synced', modelId: 'm1', modelUrl: 'https://platform.ultralytics.com/acme/helmets/train', epochsOnServer: 3, epochsSent: 3, files: [], problems: [] };

  it('has the model link, the comparison, the gate, the chart with the baseline and the workflow run', () => {
    const current = snap({ map: 0.6 });
    const base = snap({ map: 0.65 });
    const comparison = compare(current, base, { source: '/ws/baseline/report.json', kind: 'report', name: 'train' });
    const report = {
      name: 'yolo11n-640',
      current,
      baseline: { source: '/ws/baseline/report.json', kind: 'report', snapshot: base },
      baselineProblem: null,
      comparison,
      gate: checkGate({ minMap: null, maxMapDrop: 0.01, map: 0.6, baselineMap: 0.65, mapLabel: 'mAP50-95' }),
      outputs: {},
    } as CiReport;
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/detector', GITHUB_RUN_ID: '123' };
    const md = renderComment(report, { inputs, plan, result, env });
    assert.match(md, /^### Ultralytics Platform: yolo11n-640 ✅ synced\n/);
    assert.match(md, /\*\*Model:\*\* <a href="https:\/\/platform\.ultralytics\.com\/acme\/helmets\/train">/);
    assert.match(md, /\*\*Baseline:\*\* <code>baseline\/report\.json<\/code> \(report JSON, run <code>train<\/code>\)/);
    assert.match(md, /\| mAP50-95 \(box\) \| 0\.6771 \| 0\.6771 \| = 0 \|/);
    assert.match(md, /\*\*Quality gate:\*\* ❌ failed: ✗ mAP50-95 dropped by 0\.05 against the baseline \(0\.65 → 0\.6\), more than max-map-drop 0\.01/);
    assert.match(md, /```mermaid\n[\s\S]*line \[0\.2, 0\.4, 0\.6\]\n {2}line \[0\.2, 0\.4, 0\.6\]\n```/);
    assert.match(md, /<sub>ultralytics-sync [^ ]+ · <a href="https:\/\/github\.com\/acme\/detector\/actions\/runs\/123">workflow run 123<\/a><\/sub>$/);
  });

  it("shows this run's metrics alone when there is no baseline", () => {
    const report = { name: 'train', current: snap(), baseline: null, baselineProblem: null, comparison: null, gate: checkGate({ minMap: null, maxMapDrop: null, map: 0.6, mapLabel: 'mAP50-95' }), outputs: {} } as CiReport;
    const md = renderComment(report, { inputs, plan, result, env: {} });
    assert.match(md, /\| Metric \| This run \|\n\|---\|---\|\n\| precision \(box\) \| 0\.93 \|/);
    assert.doesNotMatch(md, /Quality gate|Baseline/);
    assert.match(md, /<sub>ultralytics-sync [^ <]+<\/sub>$/);
  });
});
