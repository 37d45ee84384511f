/**
 * `npm run demo:runs`: several runs in one step, and a pull request over them, on this machine with
 * no key and no network.
 *
 * Three runs of one job (runs/detect/yolo11n, yolo11s, yolo11m: copies of the example run, its
 * metrics scaled per model by a fixed factor, so the figures differ and nothing is random) are
 * synced by one step of the bundled action (`node dist/index.js`), as the runner runs it, against
 * the emulator and a loopback GitHub REST server (the one the tests use):
 *   1. main: `run-dir: runs/detect/*` with `report-file`: one run each on the emulator, one job
 *      summary with the runs table, one report holding every run;
 *   2. a pull request: the same three runs, yolo11s made 2.5 % worse, against main's report as
 *      `baseline` (matched by name), with `comment: true`, `max-map-drop: 0.01` and `min-map: 0.45`.
 *      Its gate fails for yolo11s only, as it should.
 * Writes main's job summary and the pull request's comment, the files docs/summary.png and
 * docs/comment.png are rendered from (the commands are printed at the end).
 *
 * Exits 1 when a step does not end as expected.
 */
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGitHubServer } from '../__tests__/report/github-server.js';
import { startEmulator } from '../emulator/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLE_RUN = path.join(ROOT, 'examples/runs/detect/train');
const ACTION = path.join(ROOT, 'dist/index.js');
const TOKEN = `ghs_${crypto.randomBytes(18).toString('hex')}`;
const PR = 7;

/** Each model: its metrics' factor on main and in the pull request, and its training time's factor. */
const MODELS = [
  { name: 'yolo11n', main: 1.0, pr: 1.004, time: 1.0 },
  { name: 'yolo11s', main: 1.08, pr: 1.08 * 0.975, time: 1.7 },
  { name: 'yolo11m', main: 1.12, pr: 1.12 * 1.003, time: 2.9 },
];

/** results.csv with every `metrics/*` value × `factor` (at most 0.999) and `time` × `timeFactor`, written as Ultralytics does (%.6g). */
function scaled(csv: string, factor: number, timeFactor: number): string {
  const [header, ...rows] = csv.trim().split('\n');
  const cols = header.split(',');
  const g = (v: number) => String(Number(v.toPrecision(6)));
  return (
    [
      header,
      ...rows.map((r) =>
        r
          .split(',')
          .map((v, i) => (cols[i].startsWith('metrics/') ? g(Math.min(0.999, Number(v) * factor)) : cols[i] === 'time' ? g(Number(v) * timeFactor) : v))
          .join(','),
      ),
    ].join('\n') + '\n'
  );
}

/** The three run directories under `dir`/runs/detect, started one after another (an hour apart). */
function writeRuns(dir: string, which: 'main' | 'pr'): void {
  const csv = fs.readFileSync(path.join(EXAMPLE_RUN, 'results.csv'), 'utf8');
  const args = fs.readFileSync(path.join(EXAMPLE_RUN, 'args.yaml'), 'utf8');
  const start = Date.now() / 1000 - 4 * 3600;
  for (const [i, m] of MODELS.entries()) {
    const runDir = path.join(dir, 'runs/detect', m.name);
    fs.cpSync(EXAMPLE_RUN, runDir, { recursive: true });
    fs.writeFileSync(path.join(runDir, 'results.csv'), scaled(csv, m[which], m.time));
    fs.writeFileSync(path.join(runDir, 'args.yaml'), args.replace(/^model: .*$/m, `model: ${m.name}.pt`).replace(/^name: .*$/m, `name: ${m.name}`));
    const t = start + i * 3600;
    fs.utimesSync(path.join(runDir, 'args.yaml'), t, t);
    fs.utimesSync(path.join(runDir, 'results.csv'), t + 1800, t + 1800);
  }
}

function run(dir: string, inputs: Record<string, string>, extra: Record<string, string>): Promise<number | null> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: dir, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: path.join(dir, 'github-output.txt'), ...extra };
  fs.writeFileSync(env.GITHUB_OUTPUT, '');
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [ACTION], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line && !line.startsWith('::debug::') && !line.startsWith('::add-mask::')) console.log(`  ${line}`);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
}

async function main(): Promise<number> {
  if (!fs.existsSync(ACTION)) {
    console.error('demo:runs: dist/index.js is missing: run `npm run package` first.');
    return 1;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ultralytics-sync-runs-demo-'));
  // Six runs of 50 epochs would meet Platform's 100 requests a minute; the demo need not wait for it.
  const emulator = await startEmulator({ rateLimit: { limit: 1000, windowMs: 60_000 } });
  const github = await startGitHubServer({ token: TOKEN, owner: 'acme', repo: 'helmets' });
  try {
    const common = { 'api-key': `ul_${crypto.randomBytes(20).toString('hex')}`, 'api-url': emulator.url, project: 'acme/helmets', 'run-dir': 'runs/detect/*' };
    const summaries = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/helmets', GITHUB_RUN_ID: '1234567890' };

    console.log('▸ main: three trainings, one step, one report');
    const mainDir = path.join(dir, 'main');
    writeRuns(mainDir, 'main');
    const mainSummary = path.join(mainDir, 'summary.md');
    fs.writeFileSync(mainSummary, '');
    const mainCode = await run(mainDir, { ...common, 'report-file': 'report.json' }, {
      ...summaries,
      GITHUB_SHA: '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39',
      GITHUB_REF_NAME: 'main',
      GITHUB_STEP_SUMMARY: mainSummary,
    });
    if (mainCode !== 0) return 1;

    console.log('\n▸ pull request: compare each run with main\'s of the same name, comment, gate');
    const pr = path.join(dir, 'pr');
    writeRuns(pr, 'pr');
    fs.mkdirSync(path.join(pr, 'baseline'));
    fs.copyFileSync(path.join(mainDir, 'report.json'), path.join(pr, 'baseline/report.json'));
    const event = path.join(pr, 'event.json');
    fs.writeFileSync(event, JSON.stringify({ pull_request: { number: PR } }));
    const prSummary = path.join(pr, 'summary.md');
    fs.writeFileSync(prSummary, '');
    const gh = { ...summaries, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_API_URL: github.url, GITHUB_STEP_SUMMARY: prSummary };
    const inputs = { ...common, baseline: 'baseline/report.json', comment: 'true', 'github-token': TOKEN, 'max-map-drop': '0.01', 'min-map': '0.45' };
    const prCode = await run(pr, inputs, gh);
    const comments = github.comments.get(PR) ?? [];
    if (comments.length !== 1) {
      console.error(`demo:runs: ${comments.length} comments were posted; one was expected.`);
      return 1;
    }
    const comment = path.join(dir, 'comment.md');
    fs.writeFileSync(comment, comments[0].body);
    console.log(`\nThe pull request's step exited ${prCode} (1: the gate failed for yolo11s, after every run was synced).`);
    console.log(`Main's job summary:  ${mainSummary}`);
    console.log(`The comment:         ${comment}`);
    console.log(`Render them:         OPEN=1 node docs/render-summary.mjs ${mainSummary} docs/summary.png`);
    console.log(`                     OPEN=2 CAPTION='github-actions bot commented' node docs/render-summary.mjs ${comment} docs/comment.png`);
    return prCode === 1 ? 0 : 1;
  } finally {
    await github.close();
    await emulator.close();
  }
}

process.exitCode = await main().catch((err: Error) => {
  console.error(`demo:runs: ${err.stack ?? err.message}`);
  return 1;
});
