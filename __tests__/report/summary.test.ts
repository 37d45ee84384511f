/**
 * The job summary: escaping of hostile names, the chart's subsampling and values, and the size
 * bound, on plans built in memory (the end-to-end tests render it from real run directories).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ActionInputs, getInputs } from '../../src/inputs/inputs.js';
import { terminalLog } from '../../src/log.js';
import { MAX_POINTS, escapeHtml, formatDuration, mermaidChart, subsample, yRange } from '../../src/report/format.js';
import { chartSeries, renderSummary } from '../../src/report/summary.js';
import type { RunPlan } from '../../src/rundir/load-run.js';
import type { EpochRow } from '../../src/rundir/types.js';
import type { FileResult, SyncResult } from '../../src/session/session.js';

const WORKSPACE = '/work/space';
const MAP = 'metrics/mAP50-95(B)';
const COLUMNS = ['train/box_loss', 'train/cls_loss', 'train/dfl_loss', 'metrics/mAP50(B)', MAP];

function inputs(extra: Record<string, string> = {}): ActionInputs {
  const values: Record<string, string> = { 'api-key': 'ul_' + 'ab'.repeat(20), 'api-url': 'http://127.0.0.1:9', ...extra };
  return getInputs((name) => values[name] ?? '', { GITHUB_WORKSPACE: WORKSPACE }, terminalLog({ verbose: false, write: () => {} }));
}

/** A row whose losses add up to `loss` (split 50/30/20) with mAP50-95 `map`. */
function row(epoch: number, map: number | null, loss: number | null): EpochRow {
  const part = (share: number) => (loss === null ? null : loss * share);
  return {
    epoch,
    line: epoch + 2,
    metrics: { 'train/box_loss': part(0.5), 'train/cls_loss': part(0.3), 'train/dfl_loss': part(0.2), 'metrics/mAP50(B)': map, [MAP]: map },
    lr: {},
  };
}

function plan(rows: EpochRow[], opts: { runDir?: string; bestEpoch?: number } = {}): RunPlan {
  const bestRow = rows.find((r) => r.epoch === opts.bestEpoch) ?? rows[rows.length - 1];
  const best = { epoch: bestRow.epoch, fitness: bestRow.metrics[MAP], map: bestRow.metrics[MAP] };
  return {
    runDir: opts.runDir ?? `${WORKSPACE}/runs/detect/train`,
    metrics: { path: 'results.csv', era: 'current', columns: COLUMNS, oneBased: true, rows, skipped: [], nonFinite: [] },
    args: null,
    rule: 'map50-95',
    fitness: rows.map((r) => r.metrics[MAP]),
    bestSoFar: rows.map((r) => r.metrics[MAP]),
    best,
    finalEpoch: rows[rows.length - 1].epoch,
    map: best.map,
    wireMap: best.map ?? 0,
    mapColumn: MAP,
    classNames: null,
  };
}

function file(extra: Partial<FileResult> = {}): FileResult {
  return { path: `${WORKSPACE}/runs/detect/train/weights/best.pt`, name: 'best.pt', role: 'final', bytes: 5_000_000, sha256: 'f'.repeat(64), ms: 2000, outcome: 'uploaded', ...extra };
}

function result(extra: Partial<SyncResult> = {}): SyncResult {
  return { status: 'synced', modelId: 'M1', modelUrl: 'https://platform.ultralytics.com/acme/helmets/train', epochsOnServer: 3, epochsSent: 3, files: [file()], problems: [], ...extra };
}

const small = () => plan([row(0, 0.2, 3), row(1, 0.35, 2.5), row(2, 0.3, 2)], { bestEpoch: 1 });

/** The cells of a Markdown table row, split on unescaped pipes as GFM does. */
const cells = (line: string) => line.replace(/^\||\|$/g, '').split(/(?<!\\)\|/);

/** A name that tries HTML, a table break, a link, emphasis, a code span and a mermaid fence at once. */
const HOSTILE = 'x<img src=y onerror=alert(1)>|</td>[a](javascript:b)*_~`&#60;\\';

describe('summary escaping', () => {
  it('escapes HTML, pipes and Markdown in names to entities', () => {
    const out = escapeHtml(HOSTILE);
    assert.doesNotMatch(out, /[<>|`*_~[\]\\]/);
    assert.match(out, /^x&#60;img src=y onerror=alert\(1\)&#62;&#124;/);
    assert.match(out, /&#38;&#35;60;/, 'an entity in the input shows as text, not as the character');
  });

  it('keeps a hostile run-dir name and file name inside their table cells, as text', () => {
    const md = renderSummary({
      result: result({ files: [file({ name: `best${HOSTILE}.pt` })] }),
      plan: plan([row(0, 0.2, 3), row(1, 0.3, 2)], { runDir: `${WORKSPACE}/runs/${HOSTILE}` }),
      inputs: inputs(),
    });
    assert.doesNotMatch(md, /<img|<\/td>|\]\(javascript/);
    const lines = md.split('\n');
    const runRow = lines.find((l) => l.includes('onerror'));
    const fileRow = lines.find((l) => l.includes('final model'));
    assert.ok(runRow && fileRow);
    assert.equal(cells(runRow).length, 5, runRow);
    assert.equal(cells(fileRow).length, 7, fileRow);
    assert.match(runRow, /<code>runs\/x&#60;img src=y onerror=alert\(1\)&#62;&#124;&#60;\/td&#62;&#91;a&#93;/);
    assert.match(fileRow, /\| <code>bestx&#60;img/);
    assert.equal((md.match(/```/g) ?? []).length % 2, 0, 'fences stay balanced');
  });

  it('links only http(s) model URLs and escapes server problems', () => {
    const md = renderSummary({
      result: result({ status: 'partial', modelUrl: 'javascript:alert(1)', problems: ['HTTP 503 <b>down</b> | retry'] }),
      plan: small(),
      inputs: inputs(),
    });
    assert.doesNotMatch(md, /<a href/);
    assert.match(md, /\*\*Model:\*\* <code>javascript:alert\(1\)<\/code>/);
    assert.match(md, /- HTTP 503 &#60;b&#62;down&#60;\/b&#62; &#124; retry/);
    assert.match(md, /## Ultralytics Platform: ⚠️ partial: re-run the job/);
  });
});

describe('summary content', () => {
  it('has the model link, the epochs, best epoch, final mAP and one row per file', () => {
    const md = renderSummary({
      result: result({ files: [file({ role: 'checkpoint', name: 'last.pt', bytes: 1536, ms: 0, outcome: 'already-there' }), file()] }),
      plan: small(),
      inputs: inputs(),
    });
    assert.match(md, /^## Ultralytics Platform: ✅ synced$/m);
    assert.match(md, /<a href="https:\/\/platform\.ultralytics\.com\/acme\/helmets\/train">/);
    assert.match(md, /\| 3 now; 3 of 3 on the server \| 1 \(2\/3 in the training log\), fitness 0\.35 \| \*\*0\.35\*\* \| success \| <code>runs\/detect\/train<\/code> \|/);
    assert.match(md, /\| <code>last\.pt<\/code> \| checkpoint \| 1\.5 KiB \| <code>f{64}<\/code> \| – \| – \| already-there \|/);
    assert.match(md, /\| <code>best\.pt<\/code> \| final model \| 4\.8 MiB \| <code>f{64}<\/code> \| 2\.0 s \| 2\.4 MiB\/s \| uploaded \|/);
  });

  it('says what a dry run would send', () => {
    const md = renderSummary({
      result: result({ status: 'dry-run', modelUrl: '', epochsOnServer: 1, epochsSent: 0, files: [file({ ms: 0, outcome: 'planned' })] }),
      plan: small(),
      inputs: inputs({ 'dry-run': 'true' }),
    });
    assert.match(md, /🔍 dry run: nothing was uploaded/);
    assert.match(md, /\*\*Model:\*\* <em>none yet \(dry run\)<\/em>/);
    assert.match(md, /\| would send 2 of 3 \(1 on the server\) \|/);
    assert.match(md, /\| – \| – \| planned \|/);
  });

  it('names the HUB backend and top-1 accuracy for a classify run', () => {
    const p = small();
    const top1 = 'metrics/accuracy_top1';
    for (const r of p.metrics.rows) r.metrics[top1] = r.metrics[MAP];
    const md = renderSummary({ result: result(), plan: { ...p, mapColumn: top1 }, inputs: inputs({ backend: 'hub', 'api-key': 'A'.repeat(42) }) });
    assert.match(md, /^## Ultralytics HUB: /m);
    assert.match(md, /\| Final top-1 accuracy \|/);
    assert.match(md, /title "top-1 accuracy per epoch \(best: epoch 1, 0\.35\)"/);
  });
});

describe('summary chart', () => {
  it('draws mAP50-95 and the total train loss per epoch, each on its own axis', () => {
    const [map, loss] = chartSeries(small());
    assert.deepEqual(map.epochs, [0, 1, 2]);
    assert.deepEqual(map.values, [0.2, 0.35, 0.3]);
    assert.deepEqual(loss.epochs, [0, 1, 2]);
    assert.deepEqual(loss.values.map((v) => Number(v.toFixed(9))), [3, 2.5, 2]);
    const md = renderSummary({ result: result(), plan: small(), inputs: inputs() });
    const charts = md.match(/```mermaid\n[\s\S]*?\n```/g) ?? [];
    assert.equal(charts.length, 2);
    assert.match(charts[0], /\nxychart-beta\n {2}title "mAP50-95 per epoch \(best: epoch 1, 0\.35\)"\n {2}x-axis "epoch \(0-based\)" 0 --> 2\n {2}y-axis "mAP50-95" 0\.18 --> 0\.37\n {2}line \[0\.2, 0\.35, 0\.3\]\n```$/);
    assert.match(charts[1], /title "Total train loss per epoch"\n {2}x-axis "epoch \(0-based\)" 0 --> 2\n {2}y-axis "loss" 1\.9 --> 3\.1\n {2}line \[3, 2\.5, 2\]/);
  });

  it('leaves out the points whose value is nan', () => {
    const [map, loss] = chartSeries(plan([row(0, 0.1, 3), row(1, null, 2.5), row(2, 0.3, null), row(3, 0.4, 1)]));
    assert.deepEqual(map.epochs, [0, 2, 3]);
    assert.deepEqual(loss.epochs, [0, 1, 3]);
  });

  it('fits the y-axis around the values, never below 0 for non-negative data', () => {
    for (const values of [[0.48, 0.68], [2.26, 3.71], [0.001, 0.002], [5, 5], [0, 0], [-1, 2]]) {
      const [lo, hi] = yRange(values);
      assert.ok(lo <= Math.min(...values) && hi >= Math.max(...values) && lo < hi, `${values} → ${lo}..${hi}`);
      if (Math.min(...values) >= 0) assert.ok(lo >= 0);
    }
    assert.deepEqual(yRange([0.48, 0.68]), [0.46, 0.7]);
  });

  it('spells a chart as mermaid xychart-beta with a numeric epoch axis', () => {
    const text = mermaidChart({ title: 'T', label: 'L', epochs: [5, 6], values: [1.23456, 2] });
    assert.match(text, /^```mermaid\n%%\{init: .*\}%%\nxychart-beta\n/);
    assert.match(text, /x-axis "epoch \(0-based\)" 5 --> 6\n {2}y-axis "L" 1\.15 --> 2\.08\n {2}line \[1\.235, 2\]\n```$/);
  });
});

describe('subsampling', () => {
  it('keeps every point up to the limit', () => {
    assert.deepEqual(subsample(5, 100), [0, 1, 2, 3, 4]);
    assert.equal(subsample(100, 100).length, 100);
  });

  it('takes at most 100 evenly spaced points, with the first, the last and the best epoch', () => {
    for (const [count, best] of [[101, 50], [10_000, 4321], [10_000, 1], [10_000, 9998], [257, 0]]) {
      const idx = subsample(count, MAX_POINTS, [best]);
      assert.equal(idx.length, MAX_POINTS, `${count}`);
      assert.equal(idx[0], 0);
      assert.equal(idx[idx.length - 1], count - 1);
      assert.ok(idx.includes(best), `best ${best} of ${count}`);
      assert.ok(idx.every((v, i) => i === 0 || v > idx[i - 1]), 'strictly increasing');
      const stride = (count - 1) / (MAX_POINTS - 1);
      const far = idx.filter((v, i) => Math.abs(v - i * stride) > 1);
      assert.ok(far.length <= 1 && far.every((v) => v === best), `only the best epoch moves off the grid: ${far}`);
    }
  });

  it('charts the best epoch of a 10 000-epoch run', () => {
    const rows = Array.from({ length: 10_000 }, (_, e) => row(e, e === 7777 ? 0.99 : 0.5, 1 + 1 / (e + 1)));
    const [map] = chartSeries(plan(rows, { bestEpoch: 7777 }));
    assert.equal(map.values.length, MAX_POINTS);
    assert.ok(map.epochs.includes(7777));
    assert.equal(Math.max(...map.values), 0.99);
  });
});

describe('summary size', () => {
  it('stays far under 1 MiB for a 10 000-epoch run with many long problems', () => {
    const rows = Array.from({ length: 10_000 }, (_, e) => row(e, e / 20_000, 5 - e / 5000));
    const md = renderSummary({
      result: result({ status: 'partial', epochsOnServer: 10_000, epochsSent: 10_000, problems: Array.from({ length: 5000 }, (_, i) => `problem ${i} ${'x'.repeat(5000)}`) }),
      plan: plan(rows, { runDir: `${WORKSPACE}/${'d'.repeat(4000)}` }),
      inputs: inputs(),
    });
    assert.ok(md.length < 64 * 1024, `${md.length} characters`);
    assert.match(md, /- … and 4980 more \(see the log\)/);
    for (const chart of md.match(/line \[[^\]]*\]/g) ?? []) assert.equal(chart.split(',').length, MAX_POINTS);
  });
});

describe('durations', () => {
  it('reads well from milliseconds to minutes', () => {
    assert.deepEqual([8, 950, 1500, 42_400, 185_000].map(formatDuration), ['8 ms', '950 ms', '1.5 s', '42 s', '3 min 5 s']);
  });
});
