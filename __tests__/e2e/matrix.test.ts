/**
 * A matrix of jobs, one verdict: three training jobs sync one model each to the emulator with
 * `report-file` (the bundled action, as a runner runs it); a last job gathers the three report files
 * with `reports`, through the CLI's `report` subcommand and through the action. It sends nothing to
 * Ultralytics and needs no API key, writes one summary with the runs of every job, leaves one
 * pull-request comment (updated in place) and applies one gate over all runs, naming the failing run.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type GitHubServer, startGitHubServer } from '../report/github-server.js';
import { CLI, FIXTURES, PLATFORM_KEY, type Workspace, runAction, visible } from './harness.js';
import { e2eSetup } from './setup.js';

const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY] });
const TOKEN = 'ghs_' + 'M4tr1xT0k'.repeat(4);
const PR = 31;
let gh: GitHubServer;

before(async () => {
  gh = await startGitHubServer({ token: TOKEN, owner: 'acme', repo: 'detector' });
});
after(() => gh.close());

/** The three jobs of the matrix: a model name and the results.csv its training wrote. */
const JOBS: [string, string | undefined][] = [
  ['yolo11n', undefined],
  ['yolo11s', path.join(FIXTURES, 'detect.csv')],
  ['yolo11m', path.join(FIXTURES, 'v8-mid-1based.csv')],
];

function prEnv(w: Workspace): Record<string, string> {
  const event = path.join(w.dir, 'event.json');
  fs.writeFileSync(event, JSON.stringify({ number: PR, pull_request: { number: PR } }));
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/detector',
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: 'feedface12345678',
    GITHUB_REF_NAME: 'pr-31',
  };
}

/** Runs the three training jobs; returns the last job's workspace with their reports in reports/, and each job's map. */
async function trainMatrix(): Promise<{ w: Workspace; maps: Record<string, number>; urls: Record<string, string> }> {
  const last = e2e.ws();
  fs.mkdirSync(path.join(last.dir, 'reports'));
  const maps: Record<string, number> = {};
  const urls: Record<string, string> = {};
  for (const [name, csv] of JOBS) {
    const w = e2e.ws({ csv });
    const run = await runAction(
      w,
      { 'api-key': PLATFORM_KEY, 'api-url': e2e.emu.url, project: 'acme/helmets', name, 'report-file': `out/${name}.json` },
      prEnv(w),
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    maps[name] = Number(run.outputs.map);
    urls[name] = run.outputs['model-url'];
    assert.deepEqual(JSON.parse(run.outputs.runs).map((r: { name: string }) => r.name), [name]);
    // actions/download-artifact with merge-multiple: every job's file in one folder.
    fs.copyFileSync(path.join(w.dir, `out/${name}.json`), path.join(last.dir, 'reports', `${name}.json`));
  }
  fs.writeFileSync(path.join(last.dir, 'reports', 'notes.txt'), 'not a report');
  return { w: last, maps, urls };
}

const ours = () => (gh.comments.get(PR) ?? []).filter((c) => c.body.startsWith('<!-- ultralytics-sync:'));

describe('a matrix of jobs, one verdict', () => {
  it('gathers three report files into one summary, one comment and one gate (CLI, then the action)', async () => {
    const { w, maps, urls } = await trainMatrix();
    const requestsBefore = e2e.emu.state.requests.length;
    const sorted = Object.entries(maps).sort((x, y) => x[1] - y[1]);
    const [weakest, weakestMap] = sorted[0];
    const threshold = Number(((sorted[0][1] + sorted[1][1]) / 2).toFixed(4));
    const summary = path.join(w.dir, 'summary.md');

    // The CLI, without any API key in its environment.
    const cli = await runAction(w, {}, { ...prEnv(w), GITHUB_TOKEN: TOKEN, GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' }, {
      entry: CLI,
      args: ['report', '--reports', 'reports/*.json', '--reports', '!reports/nothing.json', '--min-map', String(threshold), '--comment', '--summary-file', summary, '--json'],
    });
    assert.equal(cli.code, 1, cli.stderr);
    const out = JSON.parse(cli.stdout) as Record<string, string>;
    assert.equal(out.gate, 'failed');
    assert.equal(out.status, 'synced');
    assert.equal(out.map, '', "no one run's figure as the step's");
    const runs = JSON.parse(out.runs) as { name: string; map: number; gate: string; 'model-url': string }[];
    assert.deepEqual(runs.map((r) => r.name).sort(), JOBS.map(([n]) => n).sort());
    for (const r of runs) {
      assert.equal(r.map, maps[r.name]);
      assert.equal(r['model-url'], urls[r.name]);
      assert.equal(r.gate, r.name === weakest ? 'failed' : 'passed');
    }
    const errors = cli.stderr.split('\n').filter((l) => l.startsWith('error: '));
    assert.deepEqual(errors, [
      `error: Quality gate failed for run ${weakest} (1 of 3 runs): ${weakest}: mAP50-95 ${weakestMap} is below min-map ${threshold}.`,
    ]);
    assert.equal(e2e.emu.state.requests.length, requestsBefore, 'nothing was sent to Ultralytics');

    const md = fs.readFileSync(summary, 'utf8');
    assert.equal(md.match(/^## Ultralytics Platform: 3 runs/gm)?.length, 1, 'one summary');
    for (const [name] of JOBS) assert.match(md, new RegExp(`^\\| <a href="${urls[name].replace(/[.]/g, '\\.')}">${name}</a> \\| detect \\|`, 'm'));
    assert.match(md, new RegExp(`<summary><b>${weakest}</b>: ✅ synced</summary>`));
    assert.match(md, /from <code>reports\/yolo11s\.json<\/code>/);
    assert.match(md, new RegExp(`\\*\\*Quality gate:\\*\\* ❌ failed for ${weakest} `));

    assert.equal(ours().length, 1, 'one comment');
    assert.ok(ours()[0].body.startsWith('<!-- ultralytics-sync:runs:yolo11m,yolo11n,yolo11s -->\n### Ultralytics Platform: 3 runs'));

    // The action's `reports` input, on the next push: no key, no gate asked, so each job's own (none) stands.
    const action = await runAction(w, { reports: 'reports/*.json\n!reports/yolo11m.json', comment: 'true', 'github-token': TOKEN }, prEnv(w));
    assert.equal(action.code, 0, action.stdout + action.stderr);
    assert.equal(action.outputs.gate, 'none');
    assert.deepEqual(JSON.parse(action.outputs.runs).map((r: { name: string }) => r.name), ['yolo11n', 'yolo11s'], '`!` excludes');
    assert.match(action.summary, /^## Ultralytics Platform: 2 runs, ✅ synced$/m);
    assert.equal(ours().length, 2, 'two runs are another set: their own comment');
    const again = await runAction(w, { reports: 'reports/*.json', comment: 'true', 'github-token': TOKEN }, prEnv(w));
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(ours().length, 2, 'the three-run comment was updated in place');
    assert.doesNotMatch(ours()[0].body, /❌ failed/, 'with no gate now, the comment no longer says failed');
    assert.equal(e2e.emu.state.requests.length, requestsBefore, 'still nothing sent');
  });

  it('says what is wrong: no match, and a file that is no report (after reporting the others)', async () => {
    const w = e2e.ws();
    const none = await runAction(w, { reports: 'reports/*.json' }, {});
    assert.equal(none.code, 1);
    assert.match(visible(none.stdout), /::error::ultralytics-sync: Input `reports` \(.*reports\/\*\.json\) matched no file\. Download the training jobs' report-file artifacts there first/);

    fs.mkdirSync(path.join(w.dir, 'reports'));
    fs.writeFileSync(path.join(w.dir, 'reports/broken.json'), '{"format": "ultralytics-sync-report", "version": 2, "runs": [{"name": "x", "run": {"epochs": "many", "metrics": {}}}]}');
    const bad = await runAction(w, { reports: 'reports/*.json' }, {});
    assert.equal(bad.code, 1);
    assert.match(visible(bad.stdout), /::warning::.*broken\.json is not a report this action wrote: "runs\[0\]\.run\.epochs" is not a number\. It is left out\./);
    assert.match(visible(bad.stdout), /::error::ultralytics-sync: 1 of 1 report files could not be read/);
  });
});
