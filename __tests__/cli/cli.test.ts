/**
 * The CLI as a user runs it: `node bin/ultralytics-sync.js` (the bundled dist/cli) in a temp
 * workspace against the emulator. Checks the help, --json on stdout with the log on stderr, the
 * environment key, exit codes equal to the action's, and that the key is never printed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { INPUT_DOCS, OUTPUT_DOCS } from '../../src/inputs/catalog.js';
import { PREPARE_OUTPUTS } from '../../src/prepare/outputs.js';
import { PLATFORM_KEY, ROOT, runAction, runCli, sha256, visible } from '../e2e/harness.js';
import { e2eSetup } from '../e2e/setup.js';

/** A Platform key of the right shape that the emulator does not accept. */
const REJECTED_KEY = 'ul_' + '9f8e7d6c5b'.repeat(4);

/** The outputs of a sync (the prepare outputs are set before a training only). */
const SYNC_OUTPUTS = OUTPUT_DOCS.filter((o) => !PREPARE_OUTPUTS.includes(o.name));

/** Runs the CLI in `cwd` with only PATH, HOME and `env` (no GITHUB_* variables). */
const cli = runCli;

const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY] });
const ws = e2e.ws;

const sync = (extra: string[] = []) => ['--run-dir', 'runs/detect/train', '--api-url', e2e.emu.url, '--project', 'acme/helmets', ...extra];

describe('ultralytics-sync --help', () => {
  it('documents every input flag with an example, every output and the exit codes', async () => {
    const run = await cli(['--help'], ROOT);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    for (const d of INPUT_DOCS) {
      assert.match(run.stdout, new RegExp(`^  --${d.name}\\b`, 'm'), `flag --${d.name}`);
      assert.match(run.stdout, new RegExp(`^ +e\\.g\\. --${d.name}\\b`, 'm'), `example for --${d.name}`);
    }
    for (const o of OUTPUT_DOCS) assert.match(run.stdout, new RegExp(`^  ${o.name} +${o.description.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    assert.match(run.stdout, /^Exit status .*\n {2}0 .*\n {2}1 .*a rejected key.*\n {2}2 .*unknown flag/m);
    assert.match(run.stdout, /e\.g\. --weights 'runs\/detect\/train\/weights\/\*\.pt'/, 'a glob is quoted for the shell');
    const long = run.stdout.split('\n').filter((l) => l.length > 100);
    assert.deepEqual(long, [], 'lines fit in 100 columns');
  });

  for (const command of ['watch', 'run', 'report']) {
    it(`${command} --help shows the ${command} subcommand's own help`, async () => {
      const run = await cli([command, '--help'], ROOT);
      assert.equal(run.code, 0);
      assert.match(run.stdout, new RegExp(`^ultralytics-sync ${command}: `));
      assert.match(run.stdout, new RegExp(`^  ultralytics-sync ${command} \\[flags\\]`, 'm'));
      assert.doesNotMatch(run.stdout, /^Outputs \(/m, "not the plain command's help");
      assert.deepEqual(run.stdout.split('\n').filter((l) => l.length > 100), [], 'lines fit in 100 columns');
    });
  }

  it('prints the version of package.json', async () => {
    const run = await cli(['--version'], ROOT);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${pkg.version}\n`);
  });

  it('runs from the repository root as `npx ultralytics-sync` (the package bin)', async () => {
    const child = spawn('npx', ['--no-install', 'ultralytics-sync', '--help'], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    assert.match(stdout, /^ultralytics-sync \d+\.\d+\.\d+: send an Ultralytics YOLO training run/);
  });
});

describe('ultralytics-sync against the emulator', () => {
  it('reads ULTRALYTICS_API_KEY, prints the outputs as JSON on stdout and the log on stderr', async () => {
    const w = ws();
    const best = sha256(path.join(w.runDir, 'weights/best.pt'));
    const run = await cli(sync(['--json', '--verbose']), w.dir, { ULTRALYTICS_API_KEY: PLATFORM_KEY });
    assert.equal(run.code, 0, run.stderr);
    const outputs = JSON.parse(run.stdout) as Record<string, string>;
    assert.deepEqual(Object.keys(outputs).sort(), SYNC_OUTPUTS.map((o) => o.name).sort());
    assert.equal(outputs.status, 'synced');
    assert.equal(outputs.epochs, '50');
    assert.deepEqual(
      (JSON.parse(outputs.weights) as { sha256: string; role: string }[]).map((f) => [f.role, f.sha256]),
      [['final', best]],
    );
    const runs = Object.values(e2e.emu.state.platform.runs);
    assert.equal(runs.length, 1);
    assert.equal(runs[0].modelId, outputs['model-id']);
    assert.deepEqual(runs[0].puts.map((p) => p.sha256), [best]);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
    assert.match(run.stderr, /^== Read the run directory$/m);
    assert.match(run.stderr, /debug: POST .*\/api\//, '--verbose shows the requests');
    assert.match(run.stderr, /^Status: synced\. 50 epochs on the server\./m);
    assert.doesNotMatch(run.stdout + run.stderr, new RegExp(PLATFORM_KEY));
  });

  it('prints name=value lines without --json and appends the summary to --summary-file', async () => {
    const w = ws();
    const summary = path.join(w.dir, 'summary.md');
    const run = await cli(sync(['--api-key', PLATFORM_KEY, '--summary-file', summary]), w.dir);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.deepEqual(lines.map((l) => l.split('=')[0]), SYNC_OUTPUTS.map((o) => o.name));
    assert.ok(lines.includes('status=synced'));
    assert.match(fs.readFileSync(summary, 'utf8'), /^## Ultralytics Platform: ✅ synced$/m);
    assert.doesNotMatch(run.stdout + run.stderr, new RegExp(PLATFORM_KEY), 'a key given as a flag is not printed either');
  });

  it('exits 1 on a rejected key, as the action does, and prints neither key', async () => {
    const w = ws();
    const run = await cli(sync(['--json']), w.dir, { ULTRALYTICS_API_KEY: REJECTED_KEY });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^error: .*HTTP 401\b/m);
    assert.deepEqual(JSON.parse(run.stdout), {});
    assert.doesNotMatch(run.stdout + run.stderr, new RegExp(REJECTED_KEY));

    const action = await runAction(ws(), { 'api-key': REJECTED_KEY, 'api-url': e2e.emu.url, project: 'acme/helmets' });
    assert.equal(action.code, run.code, 'the action exits the same way');
    assert.doesNotMatch(visible(action.stdout + action.stderr), new RegExp(REJECTED_KEY));
  });

  it('exits 1 on a bad input value, as the action does', async () => {
    const w = ws();
    const run = await cli(sync(['--status', 'maybe']), w.dir, { ULTRALYTICS_API_KEY: PLATFORM_KEY });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^error: .*status.*maybe/m);
    const action = await runAction(ws(), { 'api-key': PLATFORM_KEY, 'api-url': e2e.emu.url, status: 'maybe' });
    assert.equal(action.code, 1);
    assert.equal(e2e.emu.state.requests.length, 0, 'nothing was sent');
  });

  it('exits 2 on an unknown flag or a flag without its value, before sending anything', async () => {
    const w = ws();
    const unknown = await cli(['--bogus'], w.dir, { ULTRALYTICS_API_KEY: PLATFORM_KEY });
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, '');
    assert.match(unknown.stderr, /^ultralytics-sync: unknown flag --bogus\.\nRun ultralytics-sync --help for the flags\.$/m);
    const missing = await cli(['--project'], w.dir, { ULTRALYTICS_API_KEY: PLATFORM_KEY });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--project <value>' argument missing/);
    assert.equal(e2e.emu.state.requests.length, 0);
  });

  it('names the flag an unknown one is nearest to', async () => {
    const w = ws();
    for (const [args, said] of [
      [['--dryrun'], /^ultralytics-sync: unknown flag --dryrun; did you mean --dry-run\?\nRun ultralytics-sync --help/],
      [['--projet', 'acme/x'], /unknown flag --projet; did you mean --project\?/],
      [['--run_dir=runs/detect/train'], /unknown flag --run_dir; did you mean --run-dir\?/],
      [['watch', '--pdi', '12'], /unknown flag --pdi; did you mean --pid\?\nRun ultralytics-sync watch --help/],
    ] as const) {
      const run = await cli([...args], w.dir, { ULTRALYTICS_API_KEY: PLATFORM_KEY });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, said);
    }
    assert.equal(e2e.emu.state.requests.length, 0);
  });

  it('takes --dry-run alone, --dry-run true and --dry-run false, like --summary false', async () => {
    const w = ws();
    for (const [args, status] of [
      [['--dry-run'], 'dry-run'],
      [['--dry-run', 'true', '--summary', 'false'], 'dry-run'],
      [['--dry-run=yes'], 'dry-run'],
      [['--dry-run', 'false'], 'synced'],
    ] as const) {
      const run = await cli([...sync([...args, '--json']), '--run-dir', w.runDir], w.dir, { ULTRALYTICS_API_KEY: PLATFORM_KEY });
      assert.equal(run.code, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { status: string }).status, status, args.join(' '));
    }
  });

  it('points --watch on the plain command to the watch and run subcommands', async () => {
    const w = ws();
    const run = await cli([...sync(['--watch', 'true'])], w.dir, { ULTRALYTICS_API_KEY: PLATFORM_KEY });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--watch is the GitHub Action's live mode.*`ultralytics-sync watch \[flags\] \[--pid PID\]`.*`ultralytics-sync run \[flags\] -- <training command>`/);
    assert.equal(e2e.emu.state.requests.length, 0);
  });

  it('says why a Windows path cannot work', async () => {
    const w = ws();
    const run = await cli(['--run-dir', 'runs\\detect\\train', '--api-url', e2e.emu.url, '--project', 'acme/helmets'], w.dir, { ULTRALYTICS_API_KEY: PLATFORM_KEY });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /`run-dir` \(runs\\detect\\train\) is a Windows path\..*Use forward slashes/);
    assert.equal(e2e.emu.state.requests.length, 0);
  });
});
