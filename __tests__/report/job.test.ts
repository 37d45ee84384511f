/**
 * The step's report over several runs (report/job.ts), fed as the runs layer feeds it: RunOutcomes of
 * real run files with the SyncResult a sync returns. One PR comment per step on a loopback GitHub
 * server, a gate per run, outputs that never pass one run's figure off as the step's, baselines
 * matched by name (a version 1 report too), and the tune section of each era's layout.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { buildOutputs } from '../../src/report/outputs.js';
import {
  type JobContext,
  type RunOutcome,
  gateFailure,
  jobOutputs,
  prepareJobReport,
  publishJobReport,
  renderJobSummary,
} from '../../src/report/job.js';
import { parseReport, writeReport } from '../../src/report/report-file.js';
import { snapshotOf } from '../../src/report/snapshot.js';
import { renderSummary } from '../../src/report/summary.js';
import { type GitHubServer, startGitHubServer } from './github-server.js';
import { MODEL_ROOT, copyRun, outcomeOf, quietLog, removeTempDirs, stepInputs, tempDir, tuneWorkspace } from './runs-fixtures.js';

const TOKEN = 'ghs_' + 'J0bT0ken5'.repeat(4);
const PR = 7;
let gh: GitHubServer;

before(async () => {
  gh = await startGitHubServer({ token: TOKEN, owner: 'acme', repo: 'detector' });
});
beforeEach(() => {
  gh.comments.clear();
  gh.requests.length = 0;
});
after(async () => {
  await gh.close();
  removeTempDirs();
});

/** Three detect runs of different eras and figures: a (YOLOv8 CRLF), b (YOLO26), c (YOLOv5). */
const THREE: [string, string][] = [
  ['a', 'crlf-det-v80-0based'],
  ['b', 'y26-det-50ep'],
  ['c', 'v5-det-50ep'],
];

async function threeRuns(workspace = tempDir('job'), names = THREE): Promise<{ workspace: string; runs: RunOutcome[] }> {
  const runs: RunOutcome[] = [];
  for (const [name, real] of names) runs.push(await outcomeOf(copyRun(workspace, real, name)));
  return { workspace, runs };
}

function prEnv(workspace: string): NodeJS.ProcessEnv {
  const event = path.join(workspace, 'event.json');
  fs.writeFileSync(event, JSON.stringify({ number: PR, pull_request: { number: PR } }));
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/detector',
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '555',
  };
}

function context(workspace: string, extra: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}): JobContext & { lines: string[] } {
  const { log, lines } = quietLog();
  return { inputs: stepInputs(workspace, extra), env, log, lines };
}

const ours = () => (gh.comments.get(PR) ?? []).filter((c) => c.body.startsWith('<!-- ultralytics-sync:'));

describe('one pull-request comment per step', () => {
  it('holds the runs table and each run, and is updated in place on the next push', async () => {
    const { workspace, runs } = await threeRuns();
    gh.seed(PR, 3);
    const ctx = context(workspace, { comment: 'true', 'github-token': TOKEN }, prEnv(workspace));
    await publishJobReport(await prepareJobReport(runs, [], ctx), ctx);
    assert.equal(ours().length, 1, ctx.lines.join('\n'));
    const body = ours()[0].body;
    assert.ok(body.startsWith('<!-- ultralytics-sync:runs:a,b,c -->\n### Ultralytics Platform: 3 runs ✅ synced'), body.slice(0, 200));
    for (const [name] of THREE) {
      assert.match(body, new RegExp(`^\\| <a href="${MODEL_ROOT}/${name}">${name}</a> \\| detect \\| \\d+ \\|`, 'm'), `row of ${name}`);
      assert.match(body, new RegExp(`<summary><b>${name}</b>: ✅ synced</summary>`));
    }
    assert.equal(body.match(/```mermaid/g)?.length, 3, 'each run its chart');
    assert.match(body, /actions\/runs\/555/);

    // The next push: b is now partial; the same comment says so.
    runs[1] = { ...runs[1], result: { ...(runs[1].result as NonNullable<RunOutcome['result']>), status: 'partial' } };
    await publishJobReport(await prepareJobReport(runs, [], ctx), ctx);
    assert.equal(ours().length, 1, 'no second comment');
    assert.match(ours()[0].body, /<summary><b>b<\/b>: ⚠️ partial<\/summary>/);
    assert.equal(gh.requests.at(-1)?.method, 'PATCH');
    assert.equal((gh.comments.get(PR) ?? []).length, 4);
  });

  it('keeps one comment per step: two steps of a matrix each their own; a one-run step its old marker', async () => {
    const { workspace, runs } = await threeRuns();
    const ctx = context(workspace, { comment: 'true', 'github-token': TOKEN }, prEnv(workspace));
    await publishJobReport(await prepareJobReport(runs.slice(0, 2), [], ctx), ctx);
    await publishJobReport(await prepareJobReport(runs.slice(2), [], ctx), ctx);
    await publishJobReport(await prepareJobReport(runs.slice(2), [], ctx), ctx);
    const markers = ours().map((c) => c.body.split('\n')[0]);
    assert.deepEqual(markers, ['<!-- ultralytics-sync:runs:a,b -->', '<!-- ultralytics-sync:c -->']);
    assert.match(ours()[1].body, /^### Ultralytics Platform: c ✅ synced$/m, 'the one-run comment as before');
  });

  it('two steps whose runs share names keep separate comments: by project, by job, by step; a re-run updates its own in place', async () => {
    const { workspace, runs } = await threeRuns();
    // Two steps (matrix legs, say) whose runs are both named n and s, in two projects.
    const legA = [{ ...runs[0], name: 'n' }, { ...runs[1], name: 's' }];
    const legB = [{ ...runs[2], name: 'n' }, { ...runs[1], name: 's' }];
    const env = { ...prEnv(workspace), GITHUB_JOB: 'train', GITHUB_ACTION: 'sync' };
    const step = (project: string, stepEnv: NodeJS.ProcessEnv = env) => context(workspace, { comment: 'true', 'github-token': TOKEN, project }, stepEnv);
    const a = step('acme/alpha');
    const b = step('acme/beta');
    await publishJobReport(await prepareJobReport(legA, [], a), a);
    await publishJobReport(await prepareJobReport(legB, [], b), b);
    assert.equal(ours().length, 2, 'the second step did not overwrite the first');
    assert.deepEqual(
      ours().map((c) => c.body.split('\n')[0]),
      ['<!-- ultralytics-sync:runs:n,s;project=acme/alpha;job=train;step=sync -->', '<!-- ultralytics-sync:runs:n,s;project=acme/beta;job=train;step=sync -->'],
    );
    const [first, second] = ours();

    // The same step again (the next push): its own comment, updated in place.
    legA[0] = { ...legA[0], result: { ...(legA[0].result as NonNullable<RunOutcome['result']>), status: 'partial' } };
    await publishJobReport(await prepareJobReport(legA, [], a), a);
    assert.equal(ours().length, 2, 'no third comment');
    assert.equal(gh.requests.at(-1)?.method, 'PATCH');
    assert.equal(ours()[0].id, first.id);
    assert.match(ours()[0].body, /<summary><b>n<\/b>: ⚠️ partial<\/summary>/);
    assert.equal(ours()[1].body, second.body, "the other step's comment is untouched");

    // One run named train per step: two projects, then two steps of one job in one project.
    const train = [{ ...runs[2], name: 'train' }];
    await publishJobReport(await prepareJobReport(train, [], a), a);
    await publishJobReport(await prepareJobReport(train, [], b), b);
    const other = step('acme/alpha', { ...env, GITHUB_ACTION: 'sync-again' });
    await publishJobReport(await prepareJobReport(train, [], other), other);
    await publishJobReport(await prepareJobReport(train, [], other), other);
    assert.deepEqual(
      ours().slice(2).map((c) => c.body.split('\n')[0]),
      [
        '<!-- ultralytics-sync:train;project=acme/alpha;job=train;step=sync -->',
        '<!-- ultralytics-sync:train;project=acme/beta;job=train;step=sync -->',
        '<!-- ultralytics-sync:train;project=acme/alpha;job=train;step=sync-again -->',
      ],
    );
  });

  it("takes over the comment an earlier version wrote under the run names alone; the other step gets its own", async () => {
    const { workspace, runs } = await threeRuns();
    gh.seed(PR, 2);
    const legacy = gh.add(PR, '<!-- ultralytics-sync:runs:a,b -->\nold body', 'github-actions[bot]');
    const env = { ...prEnv(workspace), GITHUB_JOB: 'train', GITHUB_ACTION: 'sync' };
    const a = context(workspace, { comment: 'true', 'github-token': TOKEN, project: 'acme/alpha' }, env);
    const b = context(workspace, { comment: 'true', 'github-token': TOKEN, project: 'acme/beta' }, env);
    await publishJobReport(await prepareJobReport(runs.slice(0, 2), [], a), a);
    assert.equal(ours().length, 1, 'no second comment after the upgrade');
    assert.equal(ours()[0].id, legacy);
    assert.ok(ours()[0].body.startsWith('<!-- ultralytics-sync:runs:a,b;project=acme/alpha;job=train;step=sync -->\n### Ultralytics Platform: 2 runs'));
    await publishJobReport(await prepareJobReport(runs.slice(0, 2), [], b), b);
    await publishJobReport(await prepareJobReport(runs.slice(0, 2), [], a), a);
    assert.equal(ours().length, 2);
    assert.equal(ours()[0].id, legacy, 'the first step keeps the comment it took over');
    assert.match(ours()[1].body, /^<!-- ultralytics-sync:runs:a,b;project=acme\/beta;/);
  });
});

describe('the gate over every run', () => {
  it('fails for the one run of three below min-map, and names it', async () => {
    const { workspace, runs } = await threeRuns();
    const maps = runs.map((r) => r.plan?.map as number);
    const sorted = [...maps].sort((x, y) => x - y);
    const threshold = Number(((sorted[0] + sorted[1]) / 2).toFixed(4));
    const weakest = THREE[maps.indexOf(sorted[0])][0];
    const ctx = context(workspace, { 'min-map': String(threshold) });
    const report = await prepareJobReport(runs, [], ctx);
    const failure = gateFailure(report);
    assert.match(
      failure ?? '',
      new RegExp(`^Quality gate failed for run ${weakest} \\(1 of 3 runs\\): ${weakest}: mAP50-95 ${sorted[0]} is below min-map ${threshold}\\.$`),
    );
    const out = jobOutputs(report);
    assert.equal(out.gate, 'failed');
    assert.equal(out.status, 'synced');
    const perRun = JSON.parse(out.runs) as { name: string; gate: string }[];
    assert.deepEqual(perRun.map((r) => [r.name, r.gate]), THREE.map(([n]) => [n, n === weakest ? 'failed' : 'passed']));
    assert.match(renderJobSummary(report, ctx), new RegExp(`\\*\\*Quality gate:\\*\\* ❌ failed for ${weakest} `));
    assert.match(ctx.lines.join('\n'), new RegExp(`Run ${weakest}: Quality gate: FAIL`));
  });

  it('passes with every run above min-map', async () => {
    const { workspace, runs } = await threeRuns();
    const report = await prepareJobReport(runs, [], context(workspace, { 'min-map': '0.0001' }));
    assert.equal(gateFailure(report), null);
    assert.equal(jobOutputs(report).gate, 'passed');
  });
});

describe('outputs', () => {
  it('with several runs: the worst status, the runs list, and no scalar of one run', async () => {
    const { workspace, runs } = await threeRuns();
    runs[1] = { ...runs[1], result: { ...(runs[1].result as NonNullable<RunOutcome['result']>), status: 'partial' } };
    const ctx = context(workspace);
    let out = jobOutputs(await prepareJobReport(runs, [], ctx));
    assert.equal(out.status, 'partial');
    for (const k of ['model-id', 'model-url', 'epochs', 'best-epoch', 'map', 'weights', 'map-delta', 'comparison']) assert.equal(out[k], '', k);
    assert.equal(out.backend, 'platform');
    const list = JSON.parse(out.runs) as Record<string, unknown>[];
    assert.deepEqual(Object.keys(list[0]), ['run-dir', 'name', 'model-id', 'model-url', 'epochs', 'best-epoch', 'map', 'status', 'gate']);
    assert.deepEqual(list.map((r) => r['run-dir']), ['runs/detect/a', 'runs/detect/b', 'runs/detect/c']);
    assert.deepEqual(list.map((r) => r.map), runs.map((r) => r.plan?.map));
    assert.deepEqual(list.map((r) => r['best-epoch']), runs.map((r) => r.plan?.best?.epoch));

    runs[2] = { ...runs[2], result: null, error: 'HTTP 500 from the server after 5 attempts' };
    out = jobOutputs(await prepareJobReport(runs, [], ctx));
    assert.equal(out.status, 'partial', 'some runs arrived, one could not be synced: a re-run sends the rest');
    assert.equal((JSON.parse(out.runs) as { status: string }[])[2].status, 'failed');

    const none = runs.map((r) => ({ ...r, result: null, error: 'the key was rejected' }));
    out = jobOutputs(await prepareJobReport(none, [], ctx));
    assert.equal(out.status, 'failed', 'no run could be synced');
  });

  it('with one run: exactly the one-run outputs, plus runs', async () => {
    const { workspace, runs } = await threeRuns();
    const one = runs[0];
    const out = jobOutputs(await prepareJobReport([one], [], context(workspace)));
    const today = buildOutputs(one.result as NonNullable<RunOutcome['result']>, one.plan as NonNullable<RunOutcome['plan']>, 'platform');
    assert.deepEqual(Object.keys(out), [...Object.keys(today), 'map-delta', 'comparison', 'gate', 'runs']);
    for (const [k, v] of Object.entries(today)) assert.equal(out[k], v, k);
  });
});

describe('the summary', () => {
  it('with one run is the one-run summary', async () => {
    const { workspace, runs } = await threeRuns();
    const ctx = context(workspace);
    const report = await prepareJobReport([runs[0]], [], ctx);
    const one = runs[0];
    assert.equal(
      renderJobSummary(report, ctx),
      renderSummary({ result: one.result as NonNullable<RunOutcome['result']>, plan: one.plan as NonNullable<RunOutcome['plan']>, inputs: one.inputs, report: report.runs[0].report ?? undefined }),
    );
  });

  it('with several: the runs table first, then each run folded', async () => {
    const { workspace, runs } = await threeRuns();
    const ctx = context(workspace);
    const md = renderJobSummary(await prepareJobReport(runs, [], ctx), ctx);
    assert.match(md, /^## Ultralytics Platform: 3 runs, ✅ synced\n\n\| Run \| Task \| Epochs \| Best epoch \(0-based\) \| mAP50-95 \| Training time \| Status \| Gate \|/);
    assert.equal(md.match(/<details>/g)?.length, 3);
    const table = md.split('\n\n')[1].split('\n').slice(2);
    runs.forEach((r, i) => {
      const s = snapshotOf({ name: r.name, metrics: r.plan!.metrics, best: r.plan!.best, map: r.plan!.map, mapColumn: r.plan!.mapColumn });
      assert.ok(table[i].startsWith(`| <a href="${MODEL_ROOT}/${r.name}">${r.name}</a> | detect | ${s.epochs} | ${s.bestEpoch} | ${Number(s.map!.toFixed(4))} |`), table[i]);
    });
  });
});

describe('baselines matched by name', () => {
  it('a folder of run directories: each run against the one of its name', async () => {
    const { workspace, runs } = await threeRuns();
    // The baseline folder holds the same runs in another order of figures: c's files under the name a, and so on.
    const base = path.join(workspace, 'base');
    copyRun(base, 'v5-det-50ep', 'a', '.');
    copyRun(base, 'crlf-det-v80-0based', 'b', '.');
    copyRun(base, 'y26-det-50ep', 'c', '.');
    const report = await prepareJobReport(runs, [], context(workspace, { baseline: 'base' }));
    const byName = Object.fromEntries(runs.map((r) => [r.name, r.plan?.map as number]));
    const expected: Record<string, number> = { a: byName.c, b: byName.a, c: byName.b };
    for (const r of report.runs) {
      assert.equal(r.report?.comparison?.baseline.source, path.join(base, r.name), r.name);
      assert.equal(r.report?.comparison?.mapDelta, Number((byName[r.name] - expected[r.name]).toFixed(6)), r.name);
    }
  });

  it("a version 1 report: matched to the one run whatever its name, and by name among several", async () => {
    const { workspace, runs } = await threeRuns();
    const plan = runs[1].plan as NonNullable<RunOutcome['plan']>;
    const run = snapshotOf({ name: 'b', metrics: plan.metrics, best: plan.best, map: plan.map, mapColumn: plan.mapColumn });
    const file = path.join(workspace, 'v1.json');
    // Exactly what the version before this one wrote.
    await writeReport(file, { format: 'ultralytics-sync-report', version: 1, status: 'synced', backend: 'platform', modelId: 'm1', modelUrl: '', git: { sha: 'c0ffee0123', ref: 'main' }, run, comparison: null, gate: { status: 'none', checks: [], skipped: [] } });

    const alone = await prepareJobReport([runs[0]], [], context(workspace, { baseline: 'v1.json' }));
    assert.equal(alone.runs[0].report?.comparison?.baseline.name, 'b', 'one run against one: no name needed');
    assert.equal(alone.runs[0].report?.comparison?.baseline.commit, 'main@c0ffee0');

    const ctx = context(workspace, { baseline: 'v1.json', 'max-map-drop': '0.5' });
    const three = await prepareJobReport(runs, [], ctx);
    assert.deepEqual(three.runs.map((r) => r.report?.comparison?.mapDelta ?? null), [null, 0, null]);
    assert.deepEqual(three.runs.map((r) => r.report?.gate.status), ['none', 'passed', 'none']);
    assert.match(ctx.lines.join('\n'), /Run a: Baseline not compared: .*v1\.json has no run named "a" \(it holds b\)/);
  });

  it('the report file holds every run and reads back as the next step\'s baseline', async () => {
    const { workspace, runs } = await threeRuns();
    const ctx = context(workspace, { 'report-file': 'out/report.json' }, { GITHUB_SHA: 'abcdef0123456', GITHUB_REF_NAME: 'main' });
    await publishJobReport(await prepareJobReport(runs, [], ctx), ctx);
    const file = path.join(workspace, 'out/report.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(json.version, 2);
    assert.equal(json.run, undefined, 'no single run at the top with several');
    assert.deepEqual(json.runs.map((r: { name: string }) => r.name), ['a', 'b', 'c']);
    assert.deepEqual(parseReport(fs.readFileSync(file, 'utf8')).runs.map((r) => r.run?.map), runs.map((r) => r.plan?.map));

    // The next step trains b and a (another order): each against its own.
    const next = await prepareJobReport([runs[1], runs[0]], [], context(workspace, { baseline: 'out/report.json' }));
    assert.deepEqual(next.runs.map((r) => [r.name, r.report?.comparison?.mapDelta, r.report?.comparison?.baseline.commit]), [
      ['b', 0, 'main@abcdef0'],
      ['a', 0, 'main@abcdef0'],
    ]);
  });
});

describe('yolo tune in the summary', () => {
  it('8.1 layout: the fitness chart, the best iteration, its hyperparameters and its synced trial', async () => {
    const w = tuneWorkspace('v8.1', ['train', 'train2', 'train3']);
    const runs = await Promise.all(w.trials.map((t) => outcomeOf(t)));
    const ctx = context(w.dir, { 'report-file': 'report.json' });
    const report = await prepareJobReport(runs, [w.tune], ctx);
    const md = renderJobSummary(report, ctx);
    const section = md.slice(md.indexOf('### Tune'));
    assert.match(section, /^### Tune <code>runs\/detect\/tune<\/code>/);
    assert.match(section, /x-axis "iteration" 1 --> 3\n {2}y-axis "fitness" [\d.]+ --> [\d.]+\n {2}line \[0\.4115, 0\.4372, 0\]/);
    assert.match(section, new RegExp(`\\*\\*Best iteration:\\*\\* 2 of 3, fitness 0\\.43718 · trial <code>train2</code>: <a href="${MODEL_ROOT}/train2">its model</a>`));
    assert.match(section, /\| lr0 \| 0\.00937 \|\n\| lrf \| 0\.01 \|/);
    assert.ok(md.indexOf('### Tune') < md.indexOf('<details>'), 'the tune section before the runs');
    await publishJobReport(report, ctx);
    const tunes = parseReport(fs.readFileSync(path.join(w.dir, 'report.json'), 'utf8')).tunes;
    assert.deepEqual(tunes.map((t) => [t.dir, t.best?.iteration, t.bestTrial]), [['runs/detect/tune', 2, 'train2']]);
  });

  it('8.3 layout: the best trial is named, but its directory is gone, so it is not linked', async () => {
    const w = tuneWorkspace('v8.3', ['train2', 'train4']);
    const runs = await Promise.all(w.trials.map((t) => outcomeOf(t)));
    const ctx = context(w.dir);
    const md = renderJobSummary(await prepareJobReport(runs, [w.tune], ctx), ctx);
    assert.match(md, /\*\*Best iteration:\*\* 3 of 4, fitness 0\.54472 · trial <code>train3<\/code> \(not synced in this step\)/);
    assert.match(md, /\| close&#95;mosaic \| 9 \|/, 'an int in the CSV stays one');
  });

  it('8.3 resumed: no trial is named', async () => {
    const w = tuneWorkspace('v8.3-resumed', ['train']);
    const ctx = context(w.dir);
    const md = renderJobSummary(await prepareJobReport([await outcomeOf(w.trials[0])], [w.tune], ctx), ctx);
    assert.match(md, /\*\*Best iteration:\*\* 1 of 3, fitness 0\.54472\n/);
  });
});
