/**
 * The pull-request workflow end to end: `node dist/index.js` with INPUT_* variables against the
 * emulator and a loopback GitHub REST server. main's run writes its report; the pull request's run
 * reads it as the baseline, syncs, comments (created, then updated on the next push, past a page of
 * 100 comments), and the gate fails the step only after everything was sent.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { type GitHubServer, startGitHubServer } from '../report/github-server.js';
import { CLI, EXAMPLE_RUN, FIXTURES, PLATFORM_KEY, ROOT, type Workspace, runAction, visible } from './harness.js';
import { e2eSetup } from './setup.js';

const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY] });
const TOKEN = 'ghs_' + 'G1tHubT0k'.repeat(4);
const PR = 42;
/** The run's name and the step's `project` (two steps with a run of this name in two projects keep two comments). */
const MARKER = '<!-- ultralytics-sync:yolo11n-640;project=acme/helmets -->';
let gh: GitHubServer;

before(async () => {
  gh = await startGitHubServer({ token: TOKEN, owner: 'acme', repo: 'detector' });
});
beforeEach(() => {
  gh.comments.clear();
  gh.requests.length = 0;
  gh.readOnly = false;
});
after(() => gh.close());

const inputs = (extra: Record<string, string> = {}) => ({
  'api-key': PLATFORM_KEY,
  'api-url': e2e.emu.url,
  project: 'acme/helmets',
  name: 'yolo11n-640',
  ...extra,
});

/** The runner's variables in a pull_request job, with the event payload written into the workspace. */
function prEnv(w: Workspace, extra: Record<string, string> = {}): Record<string, string> {
  const event = path.join(w.dir, 'event.json');
  fs.writeFileSync(event, JSON.stringify({ action: 'synchronize', number: PR, pull_request: { number: PR } }));
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/detector',
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '987',
    ...extra,
  };
}

/** main's last run: the example run, synced with a report file; returns the report's path. */
async function mainReport(): Promise<string> {
  const w = e2e.ws();
  const run = await runAction(w, inputs({ 'report-file': 'out/report.json' }), { GITHUB_SHA: 'c0ffee0123456789', GITHUB_REF_NAME: 'main' });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(run.outputs.gate, 'none');
  assert.equal(run.outputs['map-delta'], '');
  const file = path.join(w.dir, 'out/report.json');
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(report.format, 'ultralytics-sync-report');
  assert.equal(report.run.name, 'yolo11n-640');
  assert.equal(String(report.run.map), run.outputs.map);
  return file;
}

/** A pull request's workspace: a weaker run (fixtures/detect.csv) with main's report at baseline/report.json. */
function prWorkspace(report: string): Workspace {
  const w = e2e.ws({ csv: path.join(FIXTURES, 'detect.csv') });
  fs.mkdirSync(path.join(w.dir, 'baseline'));
  fs.copyFileSync(report, path.join(w.dir, 'baseline/report.json'));
  return w;
}

const errorLines = (text: string) => visible(text).split('\n').filter((l) => l.startsWith('::error::'));

describe('pull-request report end to end', () => {
  it('fails the gate after the sync, comments once, and updates the comment on the next push', async () => {
    const report = await mainReport();
    const baseMap = JSON.parse(fs.readFileSync(report, 'utf8')).run.map as number;
    gh.seed(PR, 120);
    const w = prWorkspace(report);
    const pr = inputs({ baseline: 'baseline/report.json', 'max-map-drop': '0.01', comment: 'true', 'github-token': TOKEN });
    const run = await runAction(w, pr, prEnv(w));

    assert.equal(run.code, 1, run.stdout + run.stderr);
    const prRun = Object.values(e2e.emu.state.platform.runs).find((r) => r.puts.length > 0 && r.events.includes('training_complete') && r.epochEvents === 6);
    assert.ok(prRun, 'the pull request run was synced completely before the gate failed');
    const map = Number(run.outputs.map);
    const delta = Number((map - baseMap).toFixed(6));
    assert.ok(delta < -0.01, `the fixture is weaker than main (${delta})`);
    assert.equal(run.outputs.gate, 'failed');
    assert.equal(run.outputs['map-delta'], String(delta));
    assert.equal(run.outputs.status, 'synced');
    const errors = errorLines(run.stdout);
    assert.equal(errors.length, 1, run.stdout);
    assert.match(
      errors[0],
      new RegExp(`^::error::ultralytics-sync: Quality gate failed: mAP50-95 dropped by ${-delta} against the baseline \\(${baseMap} → ${map}\\), more than max-map-drop 0\\.01\\.$`),
    );
    const comparison = JSON.parse(run.outputs.comparison);
    assert.equal(comparison.mapDelta, delta);
    assert.equal(comparison.baseline.kind, 'report');
    assert.equal(comparison.rows.find((r: { key: string }) => r.key === 'mAP50-95(B)').baseline, baseMap);

    // The summary: the comparison, the gate, and each chart with two lines.
    assert.match(run.summary, /\*\*Baseline:\*\* <code>baseline\/report\.json<\/code> \(report JSON, run <code>yolo11n-640<\/code>, from <code>main@c0ffee0<\/code>\)/);
    assert.match(run.summary, /\| mAP50-95 \(box\) \| [\d.]+ \| [\d.]+ \| ▼ −[\d.]+ \|/);
    assert.match(run.summary, /\*\*Quality gate:\*\* ❌ failed/);
    for (const chart of run.summary.match(/```mermaid[\s\S]*?```/g) ?? []) assert.equal(chart.match(/\n {2}line \[/g)?.length, 2);

    // One comment, after the 120 others, with the marker and the table; the token never printed.
    const comments = gh.comments.get(PR) ?? [];
    assert.equal(comments.length, 121);
    const ours = comments[120];
    assert.ok(ours.body.startsWith(`${MARKER}\n### Ultralytics Platform: yolo11n-640 ✅ synced`), ours.body.slice(0, 200));
    assert.match(ours.body, /\*\*Quality gate:\*\* ❌ failed/);
    assert.match(ours.body, new RegExp(`<a href="${e2e.emu.url.replace(/[.]/g, '\\.')}/acme/helmets/`));
    assert.match(ours.body, /actions\/runs\/987/);
    assert.doesNotMatch(visible(run.all), new RegExp(TOKEN));

    // The next push: the same run name, a new server slug; the comment is updated, not repeated.
    const again = await runAction(w, { ...pr, 'max-map-drop': '0.5' }, prEnv(w));
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(again.outputs.gate, 'passed');
    assert.equal((gh.comments.get(PR) ?? []).length, 121, 'no second comment');
    assert.match(ours.body, /\*\*Quality gate:\*\* ✅ passed/);
    assert.deepEqual(gh.requests.slice(-3).map((r) => r.method), ['GET', 'GET', 'PATCH'], 'read both pages, then updated');
  });

  it('passes and fails on min-map, with one line naming the metric, the threshold and the value', async () => {
    const w = e2e.ws();
    const pass = await runAction(w, inputs({ 'min-map': '0.3' }));
    assert.equal(pass.code, 0, pass.stdout + pass.stderr);
    assert.equal(pass.outputs.gate, 'passed');
    const fail = await runAction(w, inputs({ 'min-map': '0.95' }));
    assert.equal(fail.code, 1);
    assert.equal(fail.outputs.gate, 'failed');
    assert.deepEqual(errorLines(fail.stdout), [`::error::ultralytics-sync: Quality gate failed: mAP50-95 ${Number(Number(fail.outputs.map).toFixed(6))} is below min-map 0.95.`]);
    assert.equal(fail.outputs.status, 'synced', 'everything was sent before the gate failed');
  });

  it('compares with a run directory and a results.csv of another era', async () => {
    const w = e2e.ws({ csv: path.join(FIXTURES, 'detect.csv') });
    fs.cpSync(EXAMPLE_RUN, path.join(w.dir, 'main-run'), { recursive: true });
    const dir = await runAction(w, inputs({ baseline: 'main-run', 'max-map-drop': '0.5' }));
    assert.equal(dir.code, 0, dir.stdout + dir.stderr);
    assert.equal(JSON.parse(dir.outputs.comparison).baseline.kind, 'run-dir');
    assert.equal(dir.outputs.gate, 'passed');

    const old = await runAction(w, inputs({ baseline: path.join(FIXTURES, 'v8-mid-1based.csv') }));
    assert.equal(old.code, 0, old.stdout + old.stderr);
    const c = JSON.parse(old.outputs.comparison);
    assert.equal(c.baseline.kind, 'results-csv');
    assert.equal(c.rows.find((r: { key: string }) => r.key === 'epochs').baseline, 5);
    assert.equal(old.outputs.gate, 'none');
  });

  it('warns about a missing baseline and syncs anyway', async () => {
    const w = e2e.ws();
    const run = await runAction(w, inputs({ baseline: 'baseline/report.json', 'max-map-drop': '0.01' }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.status, 'synced');
    assert.equal(run.outputs.gate, 'none');
    assert.match(visible(run.stdout), /::warning::Baseline not compared: .*baseline\/report\.json does not exist/);
    assert.match(visible(run.stdout), /::warning::Quality gate: max-map-drop 0\.01 is not checked: there is no usable baseline/);
    assert.match(run.summary, /\*\*Baseline:\*\* not compared: /);
  });

  it('warns with the permission fix on a 403 and still passes', async () => {
    gh.readOnly = true;
    const w = e2e.ws();
    const run = await runAction(w, inputs({ comment: 'true', 'github-token': TOKEN, 'min-map': '0.1' }), prEnv(w));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.gate, 'passed');
    assert.match(visible(run.stdout), /::warning::The comment on pull request #42 of acme\/detector could not be posted: HTTP 403 \(Resource not accessible by integration\)\. Give the job `permissions: pull-requests: write`/);
  });

  it('does not comment outside a pull request, and says so', async () => {
    const w = e2e.ws();
    const event = path.join(w.dir, 'push.json');
    fs.writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main' }));
    const run = await runAction(w, inputs({ comment: 'true', 'github-token': TOKEN }), {
      ...prEnv(w),
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /No pull-request comment: this is a push event, not a pull request/);
    assert.equal(gh.requests.length, 0);
  });

  it('never loads @actions/github without `comment`: the bundle runs without its chunk', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-dist-'));
    try {
      // The on-demand chunk that holds @actions/github (Octokit): every other file is copied.
      const isGithubChunk = (file: string) => /[\\/]\d+\.index\.js$/.test(file) && fs.readFileSync(file, 'utf8').includes('octokit-core');
      const chunks = fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => isGithubChunk(path.join(ROOT, 'dist', f)));
      assert.equal(chunks.length, 1, 'ncc put @actions/github in a chunk of its own');
      fs.cpSync(path.join(ROOT, 'dist'), dist, { recursive: true, filter: (src) => !isGithubChunk(src) });
      const w = e2e.ws();
      const plain = await runAction(w, inputs({ baseline: path.join(FIXTURES, 'detect.csv'), 'min-map': '0.1' }), prEnv(w), { entry: path.join(dist, 'index.js') });
      assert.equal(plain.code, 0, plain.stdout + plain.stderr);
      const asked = await runAction(w, inputs({ comment: 'true', 'github-token': TOKEN }), prEnv(w), { entry: path.join(dist, 'index.js') });
      assert.equal(asked.code, 0, 'a comment that cannot load is a warning');
      assert.match(visible(asked.stdout), /::warning::The comment on pull request #42 .*could not be posted: .*Cannot find module/);
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('the CLI', () => {
  it('takes the same flags: --baseline, --max-map-drop, --report-file and the --comment switch', async () => {
    const report = await mainReport();
    const w = prWorkspace(report);
    const args = ['--run-dir', 'runs/detect/train', '--api-url', e2e.emu.url, '--project', 'acme/helmets', '--name', 'yolo11n-640'];
    const env = { ULTRALYTICS_API_KEY: PLATFORM_KEY, GITHUB_TOKEN: TOKEN, GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' };
    const run = await runAction(w, {}, { ...prEnv(w), ...env }, {
      entry: CLI,
      args: [...args, '--baseline', 'baseline/report.json', '--max-map-drop', '0.01', '--report-file', 'pr.json', '--comment', '--json'],
    });
    assert.equal(run.code, 1, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.equal(out.gate, 'failed');
    assert.match(run.stderr, /error: Quality gate failed: mAP50-95 dropped by/);
    assert.equal(JSON.parse(fs.readFileSync(path.join(w.dir, 'pr.json'), 'utf8')).gate.status, 'failed');
    assert.ok((gh.comments.get(PR) ?? [])[0]?.body.startsWith(MARKER));
  });

  it('says plainly that --comment needs the GitHub variables where they are not set', async () => {
    const w = e2e.ws();
    const run = await runAction(w, {}, { ULTRALYTICS_API_KEY: PLATFORM_KEY }, {
      entry: CLI,
      args: ['--run-dir', 'runs/detect/train', '--api-url', e2e.emu.url, '--project', 'acme/helmets', '--comment'],
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /warning: No pull-request comment: GITHUB_EVENT_NAME, GITHUB_REPOSITORY, GITHUB_EVENT_PATH are not set, so there is no pull request to comment on/);
  });
});
