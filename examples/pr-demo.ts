/**
 * `npm run demo:pr`: the pull-request workflow on this machine, with no key and no network.
 *
 * Starts the emulator and a loopback GitHub REST server (the one the tests use), then runs the
 * bundled action (`node dist/index.js`) twice, as the runner would:
 *   1. main: the example run (examples/runs/detect/train), with `report-file`;
 *   2. a pull request: the same run made 2.5 % worse on every metric (a deterministic rewrite of
 *      its results.csv), with main's report as `baseline`, `comment: true`, `max-map-drop: 0.01`
 *      and `min-map: 0.45`. Its gate fails, as it should.
 * Prints the pull request's outputs and writes the comment it posted to <workspace>/comment.md,
 * the file docs/comment.png is rendered from:
 *
 *   CAPTION='github-actions bot commented' node docs/render-summary.mjs <workspace>/comment.md docs/comment.png
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

/** Every `metrics/*` value × 0.975, written back as Ultralytics does (%.6g). */
function worse(csv: string): string {
  const [header, ...rows] = csv.trim().split('\n');
  const cols = header.split(',');
  return [
    header,
    ...rows.map((r) =>
      r
        .split(',')
        .map((v, i) => (cols[i].startsWith('metrics/') ? String(Number((Number(v) * 0.975).toPrecision(6))) : v))
        .join(','),
    ),
  ].join('\n') + '\n';
}

function run(dir: string, inputs: Record<string, string>, extra: Record<string, string>): Promise<{ code: number | null; outputs: string }> {
  const outputFile = path.join(dir, `output-${crypto.randomUUID()}.txt`);
  fs.writeFileSync(outputFile, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: dir, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: outputFile, ...extra };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [ACTION], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line && !line.startsWith('::debug::') && !line.startsWith('::add-mask::')) console.log(`  ${line}`);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, outputs: fs.readFileSync(outputFile, 'utf8') }));
  });
}

async function main(): Promise<number> {
  if (!fs.existsSync(ACTION)) {
    console.error('demo:pr: dist/index.js is missing: run `npm run package` first.');
    return 1;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ultralytics-sync-pr-demo-'));
  // Two runs of 50 epochs would meet Platform's 100 requests a minute; the demo need not wait for it.
  const emulator = await startEmulator({ rateLimit: { limit: 1000, windowMs: 60_000 } });
  const github = await startGitHubServer({ token: TOKEN, owner: 'acme', repo: 'helmets' });
  try {
    const common = { 'api-key': `ul_${crypto.randomBytes(20).toString('hex')}`, 'api-url': emulator.url, project: 'acme/helmets', name: 'yolo11n-640' };
    console.log('▸ main: train and keep the report');
    fs.cpSync(EXAMPLE_RUN, path.join(dir, 'main/runs/detect/train'), { recursive: true });
    const main = await run(path.join(dir, 'main'), { ...common, 'run-dir': 'runs/detect/train', 'report-file': 'report.json' }, {
      GITHUB_SHA: '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39',
      GITHUB_REF_NAME: 'main',
    });
    if (main.code !== 0) return 1;

    console.log('\n▸ pull request: compare with main, comment, gate');
    const pr = path.join(dir, 'pr');
    fs.cpSync(EXAMPLE_RUN, path.join(pr, 'runs/detect/train'), { recursive: true });
    const csv = path.join(pr, 'runs/detect/train/results.csv');
    fs.writeFileSync(csv, worse(fs.readFileSync(csv, 'utf8')));
    fs.mkdirSync(path.join(pr, 'baseline'));
    fs.copyFileSync(path.join(dir, 'main/report.json'), path.join(pr, 'baseline/report.json'));
    const event = path.join(pr, 'event.json');
    fs.writeFileSync(event, JSON.stringify({ pull_request: { number: PR } }));
    const gh = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/helmets',
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '1234567890',
      GITHUB_STEP_SUMMARY: path.join(pr, 'summary.md'),
    };
    fs.writeFileSync(gh.GITHUB_STEP_SUMMARY, '');
    const inputs = { ...common, 'run-dir': 'runs/detect/train', baseline: 'baseline/report.json', comment: 'true', 'github-token': TOKEN, 'max-map-drop': '0.01', 'min-map': '0.45' };
    const result = await run(pr, inputs, gh);
    const comment = github.comments.get(PR)?.[0];
    if (!comment) {
      console.error('demo:pr: no comment was posted.');
      return 1;
    }
    const file = path.join(dir, 'comment.md');
    fs.writeFileSync(file, comment.body);
    console.log(`\nThe pull request's step exited ${result.code} (1: the gate failed, after the sync).`);
    console.log(`Comment:      ${file}`);
    console.log(`Job summary:  ${gh.GITHUB_STEP_SUMMARY}`);
    console.log(`Render it:    CAPTION='github-actions bot commented' node docs/render-summary.mjs ${file} docs/comment.png`);
    return result.code === 1 ? 0 : 1;
  } finally {
    await github.close();
    await emulator.close();
  }
}

process.exitCode = await main().catch((err: Error) => {
  console.error(`demo:pr: ${err.stack ?? err.message}`);
  return 1;
});
