/**
 * Every run of a job, end to end against the emulator: several trainings under `run --`, globs with
 * an exclusion, a tune layout, inputs that name one run, the default's warning about other recent
 * runs, a folder of past runs of mixed eras under a rate limit, an interrupted folder sync run again,
 * and HUB creating a model per run. No mock: the real CLI, a real loopback server, temp directories.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { type PlatformRun, startEmulator } from '../../emulator/server.js';
import { CLI, EXAMPLE_RUN, HUB_KEY, PLATFORM_KEY, ROOT, expectedEpochs, runCli } from '../e2e/harness.js';
import { e2eSetup } from '../e2e/setup.js';
import { TRAINER } from '../watch/harness.js';

// Limits above what these tests send, but for the one that runs against a tight limit of its own.
const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY], hubKeys: [HUB_KEY], rateLimit: { limit: 5000, windowMs: 60_000 }, uploadRateLimit: { limit: 500, windowMs: 60_000 } });
const runs = (): PlatformRun[] => Object.values(e2e.emu.state.platform.runs);
const byName = (name: string) => runs().find((r) => r.name === name || r.modelSlug === name);
/** A run's console lines as the trainer printed them, without the live sync's time stamps. */
const consoleLines = (r: PlatformRun) => r.console.flatMap((c) => c.content.split('\n')).map((l) => l.replace(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] /, ''));

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function workspaceDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-runs-'));
  made.push(d);
  return d;
}

const REAL = path.join(ROOT, '__tests__/fixtures/real');
const ERAS = path.join(ROOT, '__tests__/fixtures/results');

/** A finished run directory at `dir`: results.csv (and args.yaml named `name`), tiny weights unless `weights: false`. */
function pastRun(dir: string, opts: { csv?: string; args?: string | null; name?: string; weights?: boolean } = {}): string {
  fs.mkdirSync(path.join(dir, 'weights'), { recursive: true });
  fs.copyFileSync(opts.csv ?? path.join(EXAMPLE_RUN, 'results.csv'), path.join(dir, 'results.csv'));
  const argsSource = opts.args === undefined ? path.join(EXAMPLE_RUN, 'args.yaml') : opts.args;
  if (argsSource) {
    const text = fs.readFileSync(argsSource, 'utf8').replace(/^name: .*$/m, `name: ${opts.name ?? path.basename(dir)}`);
    fs.writeFileSync(path.join(dir, path.basename(argsSource) === 'opt.yaml' ? 'opt.yaml' : 'args.yaml'), text);
  }
  if (opts.weights !== false) {
    fs.copyFileSync(path.join(EXAMPLE_RUN, 'weights/best.pt'), path.join(dir, 'weights/best.pt'));
    fs.copyFileSync(path.join(EXAMPLE_RUN, 'weights/last.pt'), path.join(dir, 'weights/last.pt'));
  }
  return dir;
}

const cli = (args: string[], cwd: string, env: Record<string, string> = {}) => runCli(args, cwd, { ULTRALYTICS_API_KEY: PLATFORM_KEY, ...env });
const flags = () => ['--api-url', e2e.emu.url, '--project', 'acme/multi'];
const outputsOf = (stdout: string) => Object.fromEntries(stdout.split('\n').filter((l) => /^[a-z-]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

describe('several trainings under run --', () => {
  it('three trainings in sequence: each is registered, sent live while the next waits, and completed', async () => {
    const ws = workspaceDir();
    const trainer = (name: string) => `"${process.execPath}" "${TRAINER}" --dir runs/detect/${name} --epochs 4 --interval 250`;
    // While the trainings run, note what the server had when each later training started.
    const seenAtStart: Record<string, Record<string, number>> = {};
    const poll = setInterval(() => {
      for (const next of ['b', 'c']) {
        if (seenAtStart[next] || !fs.existsSync(path.join(ws, `runs/detect/${next}/args.yaml`))) continue;
        seenAtStart[next] = Object.fromEntries(runs().map((r) => [r.name, Object.keys(r.epochs).length]));
      }
    }, 20);
    const run = await cli(['run', ...flags(), '--log-file', 'train.log', '--', 'sh', '-c', `${trainer('a')} && ${trainer('b')} && ${trainer('c')}`], ws);
    clearInterval(poll);
    assert.equal(run.code, 0, run.stderr);
    for (const name of ['a', 'b', 'c']) {
      const r = byName(name);
      assert.ok(r, `run ${name} registered`);
      assert.equal(Object.keys(r.epochs).length, 4, `${name}: every epoch`);
      assert.equal(r.epochEvents, 4, `${name}: each epoch once`);
      assert.ok(r.complete, `${name}: complete`);
      // Exactly its own training's lines: from its banner to its last line, none of another's.
      const lines = consoleLines(r);
      const dir = path.join(ws, `runs/detect/${name}`);
      assert.match(lines[0], new RegExp(`^Ultralytics 8\\.3\\.40 .*→ ${dir}, 4 epochs$`), `${name}: ${JSON.stringify(lines)}`);
      assert.equal(lines[lines.length - 1], `4 epochs completed. Results saved to ${dir}`);
      for (const other of ['a', 'b', 'c'].filter((o) => o !== name)) {
        assert.ok(!lines.some((l) => l.includes(`runs/detect/${other}`)), `${name} got a line of ${other}: ${JSON.stringify(lines)}`);
      }
    }
    // Live: epochs of an earlier run had arrived before the next training began, not after the
    // command ended. (How many depends on the machine's load; the lag is measured in bench/.)
    assert.ok((seenAtStart.b?.a ?? 0) >= 1, `a was on the server when b started: ${JSON.stringify(seenAtStart)}`);
    assert.ok((seenAtStart.c?.b ?? 0) >= 1, `b was on the server when c started: ${JSON.stringify(seenAtStart)}`);
    assert.equal(e2e.emu.state.platform.registrations, 3);
    const out = outputsOf(run.stdout);
    assert.equal(out.status, 'synced');
    assert.equal(out['model-id'], '', 'no one run figure stands for the job');
    const listed = JSON.parse(out.runs) as { name: string; status: string; epochs: number }[];
    assert.deepEqual(listed.map((r) => [r.name, r.status, r.epochs]), [['a', 'synced', 4], ['b', 'synced', 4], ['c', 'synced', 4]]);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('a run that cannot be followed live does not stop the live sync of the others; the final sync reports it', async () => {
    const ws = workspaceDir();
    const bad = path.join(ws, 'runs/detect/bad');
    fs.mkdirSync(bad, { recursive: true });
    const script = `printf 'loop: &x [1, *x]\\n' > runs/detect/bad/args.yaml && "${process.execPath}" "${TRAINER}" --dir runs/detect/good --epochs 4 --interval 150`;
    const run = await cli(['run', ...flags(), '--', 'sh', '-c', script], ws);
    assert.equal(run.code, 1, `the step is partial: one run could not be synced: ${run.stderr.slice(-2500)}`);
    assert.match(run.stderr, /runs\/detect\/bad is not followed live yet \(.*args\.yaml/);
    const good = byName('good');
    assert.ok(good?.complete, `the other run was followed and completed: ${run.stderr.slice(-2000)}`);
    assert.equal(good.epochEvents, 4);
    assert.deepEqual((JSON.parse(outputsOf(run.stdout).runs) as { name: string; status: string }[]).map((r) => r.status).sort(), ['failed', 'synced']);
  });

  it('the second of two trainings crashes: the first is complete, the second failed with its epochs', async () => {
    const ws = workspaceDir();
    const t = (name: string, extra = '') => `"${process.execPath}" "${TRAINER}" --dir runs/detect/${name} --epochs 4 --interval 60 ${extra}`;
    const run = await cli(['run', ...flags(), '--', 'sh', '-c', `${t('first')} && ${t('second', '--crash-at 2')}`], ws);
    assert.equal(run.code, 1, 'the command failed, its exit code is passed on');
    const first = byName('first');
    const second = byName('second');
    assert.ok(first?.complete && !first.failed, `first complete: ${run.stderr.slice(-3000)}`);
    assert.equal(Object.keys(first.epochs).length, 4);
    assert.equal((second?.failed as { code?: string } | undefined)?.code, 'failure');
    assert.equal(Object.keys(second?.epochs ?? {}).length, 2, 'second failed with its two epochs');
  });
});

describe('a training that fails inside a command that succeeds', () => {
  it('the first of two crashes and the script goes on (as `yolo tune` does): the first is failed, not complete, though the command exits 0', async () => {
    const ws = workspaceDir();
    const t = (name: string, extra = '') => `"${process.execPath}" "${TRAINER}" --dir runs/detect/${name} --epochs 4 --interval 60 ${extra}`;
    const run = await cli(['run', ...flags(), '--', 'sh', '-c', `${t('first', '--crash-at 2')}; ${t('second')}`], ws);
    assert.equal(run.code, 0, run.stderr);
    const first = byName('first');
    const second = byName('second');
    assert.equal((first?.failed as { code?: string } | undefined)?.code, 'failure', `first failed: ${run.stderr.slice(-3000)}`);
    assert.ok(!first?.complete, 'its unstripped checkpoint was not sent as a final model');
    assert.equal(Object.keys(first?.epochs ?? {}).length, 2);
    assert.match(run.stderr, /first: The training ended with failure: its checkpoints in weights\/ were never stripped/);
    assert.ok(second?.complete && !second.failed, 'second complete');
  });

  it('after the training, each of several runs ends as its checkpoints say: `status: failure` does not fail a finished run, nor success finish a crashed one', async () => {
    for (const status of ['failure', '']) {
      const ws = workspaceDir();
      e2e.emu.reset();
      pastRun(path.join(ws, 'runs/detect/done'));
      const crashed = pastRun(path.join(ws, 'runs/detect/crashed'), { weights: false });
      fs.copyFileSync(path.join(EXAMPLE_RUN, 'weights/last.pt'), path.join(crashed, 'weights/last.pt'));
      // An archive's weights whose epoch cannot be read tell nothing: the run takes `status`.
      const odd = pastRun(path.join(ws, 'runs/detect/odd'), { weights: false });
      fs.writeFileSync(path.join(odd, 'weights/best.pt'), 'not a checkpoint of any form');
      const run = await cli([...flags(), '--run-dir', 'runs/detect/*', ...(status ? ['--status', status] : [])], ws);
      assert.equal(run.code, 0, run.stderr);
      if (status) assert.equal((byName('odd')?.failed as { code?: string } | undefined)?.code, 'failure', 'odd takes status: failure');
      else assert.ok(byName('odd')?.complete && !byName('odd')?.failed, 'odd takes the default success');
      assert.ok(byName('done')?.complete && !byName('done')?.failed, `${status || 'no status'}: the finished run is complete`);
      assert.equal((byName('crashed')?.failed as { code?: string } | undefined)?.code, 'failure', `${status || 'no status'}: the crashed run failed`);
      assert.match(run.stdout + run.stderr, new RegExp(`runs/detect/${status ? 'done: the training ended with success' : 'crashed: the training ended with failure'}`));
    }
  });

  it('a training that keeps no checkpoint (save=False) takes the command\'s success', async () => {
    const ws = workspaceDir();
    const run = await cli(['run', ...flags(), '--if-no-files-found', 'warn', '--', 'sh', '-c', `"${process.execPath}" "${TRAINER}" --dir runs/detect/nosave --epochs 3 --interval 40 && rm -r runs/detect/nosave/weights`], ws);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /The training ended with success: no checkpoint in weights\/ tells otherwise \(none, or none with an epoch\), and the command succeeded/);
    assert.ok(byName('nosave')?.complete);
  });
});

describe('run-dir patterns after the training', () => {
  it('syncs every run a glob matches, minus the excluded ones; other folders are passed over without a word', async () => {
    const ws = workspaceDir();
    for (const n of ['train', 'train2', 'val-old']) pastRun(path.join(ws, 'runs/detect', n));
    fs.mkdirSync(path.join(ws, 'runs/detect/predict'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'runs/detect/predict/image0.jpg'), 'jpg');
    const run = await cli([...flags(), '--run-dir', 'runs/detect/*', '--run-dir', '!runs/detect/val*'], ws);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(runs().map((r) => r.name).sort(), ['train', 'train2']);
    assert.ok(runs().every((r) => r.complete));
    assert.doesNotMatch(run.stderr, /predict/, 'predict/ is no run and not worth a word');
    assert.match(run.stderr, /Run 1 of 2: runs\/detect\/train /);
    assert.match(run.stderr, /Run 2 of 2: runs\/detect\/train2 /);
  });

  it('a log-file with several runs after the training is not sent to each of them, with a warning that says how to send it', async () => {
    const ws = workspaceDir();
    for (const n of ['train', 'train2']) pastRun(path.join(ws, 'runs/detect', n));
    fs.writeFileSync(path.join(ws, 'train.log'), 'line one\nline two\n');
    const run = await cli([...flags(), '--run-dir', 'runs/detect/*', '--log-file', 'train.log'], ws);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /holds the console of 2 runs and cannot be split between them after the training, so it is not sent/);
    assert.ok(runs().every((r) => r.console.length === 0), 'no run got the whole log');
    assert.ok(runs().every((r) => r.complete));
  });

  it('a tune layout: every trial is synced, the tune folder is no run', async () => {
    const ws = workspaceDir();
    for (const n of ['train', 'train2', 'train3']) pastRun(path.join(ws, 'runs/detect', n));
    const tune = path.join(ws, 'runs/detect/tune');
    fs.mkdirSync(path.join(tune, 'weights'), { recursive: true });
    fs.writeFileSync(path.join(tune, 'tune_results.csv'), 'fitness,lr0,lrf\n0.41,0.01,0.01\n0.45,0.009,0.012\n0.43,0.011,0.009\n');
    fs.writeFileSync(
      path.join(tune, 'best_hyperparameters.yaml'),
      `# 3/3 iterations complete ✅ (12.00s)\n# Results saved to ${tune}\n# Best fitness=0.45 observed at iteration 2\n# Best fitness model is ${path.join(ws, 'runs/detect/train2')}\n\nlr0: 0.009\nlrf: 0.012\n`,
    );
    fs.copyFileSync(path.join(EXAMPLE_RUN, 'weights/best.pt'), path.join(tune, 'weights/best.pt'));
    const summary = path.join(ws, 'summary.md');
    const run = await cli([...flags(), '--run-dir', 'runs/detect/*', '--summary-file', summary], ws);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(runs().map((r) => r.name).sort(), ['train', 'train2', 'train3']);
    assert.equal(e2e.emu.state.platform.registrations, 3, 'the tune folder registered nothing');
    const md = fs.readFileSync(summary, 'utf8');
    assert.match(md, /### Tune /, 'the tune folder has its section');
    assert.match(md, /\*\*Best iteration:\*\* 2 of 3, fitness 0\.45 · trial <code>train2<\/code>: <a href="[^"]+\/acme\/multi\/train2">its model<\/a>/);
  });

  it('refuses name or model with several runs before anything is sent, naming the runs and the way out', async () => {
    const ws = workspaceDir();
    for (const n of ['n', 's']) pastRun(path.join(ws, 'runs/detect', n));
    for (const extra of [['--name', 'one'], ['--model', 'ul://acme/multi/one']]) {
      const run = await cli([...flags(), '--run-dir', 'runs/detect/*', ...extra], ws);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /matched 2: runs\/detect\/n, runs\/detect\/s/);
      assert.match(run.stderr, /name=…/);
      assert.match(run.stderr, /one per step/);
    }
    assert.equal(e2e.emu.state.requests.length, 0, 'nothing was sent');
  });

  it('the empty default syncs the newest run and names the other recent ones with the input that syncs them', async () => {
    const ws = workspaceDir();
    pastRun(path.join(ws, 'runs/detect/train'));
    const newest = pastRun(path.join(ws, 'runs/detect/train2'));
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(newest, 'results.csv'), later, later);
    const old = pastRun(path.join(ws, 'runs/classify/ancient'));
    const then = new Date(Date.now() - 3 * 24 * 3600_000);
    fs.utimesSync(path.join(old, 'results.csv'), then, then);
    const run = await cli(flags(), ws);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(runs().map((r) => r.name), ['train2']);
    assert.match(run.stderr, /only runs\/detect\/train2 is synced, but 1 other run was written in the last 24 hours: runs\/detect\/train\./);
    assert.match(run.stderr, /run-dir: runs\/detect\/\*/);
    assert.doesNotMatch(run.stderr, /ancient/);
  });
});

describe('a folder of past runs', () => {
  /** Run directories of every era: the corpus's short real runs and the era fixtures, cycled to `n`. */
  function archive(ws: string, n: number): string[] {
    const real = fs
      .readdirSync(REAL)
      .filter((d) => fs.existsSync(path.join(REAL, d, 'results.csv')) && expectedEpochs(path.join(REAL, d, 'results.csv')).size <= 10)
      .map((d) => ({ csv: path.join(REAL, d, 'results.csv'), args: ['args.yaml', 'opt.yaml'].map((a) => path.join(REAL, d, a)).find((a) => fs.existsSync(a)) ?? null }));
    const eras = ['yolov5.csv', 'v8-early-0based.csv', 'v8-mid-1based.csv', 'detect.csv', 'classify.csv', 'segment.csv', 'pose.csv', 'yolo26-pose.csv'].map((f) => ({ csv: path.join(ERAS, f), args: path.join(EXAMPLE_RUN, 'args.yaml') }));
    const sources = [...real, ...eras];
    const dirs: string[] = [];
    for (let i = 0; i < n; i++) {
      const s = sources[i % sources.length];
      dirs.push(pastRun(path.join(ws, 'archive', `run${String(i).padStart(3, '0')}`), { csv: s.csv, args: s.args, weights: false }));
    }
    return dirs;
  }

  const total = (dirs: string[]) => dirs.reduce((a, d) => a + expectedEpochs(path.join(d, 'results.csv')).size, 0);

  it('100 runs of mixed eras under a rate limit: every epoch once, no 429, a progress line per run', async () => {
    const ws = workspaceDir();
    const dirs = archive(ws, 100);
    const emu = await startEmulator({ platformKeys: [PLATFORM_KEY], rateLimit: { limit: 150, windowMs: 1500 } });
    try {
      const run = await cli(['--api-url', emu.url, '--project', 'acme/history', '--run-dir', 'archive/**', '--if-no-files-found', 'ignore', '--summary', 'false'], ws);
      assert.equal(run.code, 0, run.stderr.slice(-3000));
      const all = Object.values(emu.state.platform.runs);
      assert.equal(all.length, 100);
      assert.equal(all.reduce((a, r) => a + r.epochEvents, 0), total(dirs), 'every epoch once');
      assert.ok(all.every((r) => r.complete));
      assert.equal(emu.state.platform.rateLimited, 0, 'the pacer kept inside the limit');
      assert.match(run.stderr, /Run 100 of 100: archive\/run099 \(\d+ epochs\); the rest in about \d+ s/);
      assert.deepEqual(emu.state.protocolErrors, []);
    } finally {
      await emu.close();
    }
  });

  it('interrupted with Ctrl-C and run again: nothing twice, nothing lost; a run that arrived is not sent again', async () => {
    const ws = workspaceDir();
    const dirs = archive(ws, 12);
    const args = [CLI, ...flags(), '--run-dir', 'archive/*', '--if-no-files-found', 'ignore', '--summary', 'false'];
    const child = spawn(process.execPath, args, { cwd: ws, env: { PATH: process.env.PATH ?? '', HOME: ws, ULTRALYTICS_API_KEY: PLATFORM_KEY }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Slow the server so that the stop lands mid-folder.
    e2e.emu.faults.add('platform:epoch_end', { delayMs: 40 }, { times: 10_000 });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    while (runs().filter((r) => r.complete).length < 3) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await closed;
    assert.equal(code, 130, stderr.slice(-2000));
    assert.match(stderr, /Cancelled: stopped and saved progress in .*Re-run the same command to continue/);
    const before = runs().length;
    assert.ok(before < 12, `stopped mid-folder (${before} runs registered)`);
    e2e.emu.faults.clear();
    const again = await cli([...flags(), '--run-dir', 'archive/*', '--if-no-files-found', 'ignore', '--summary', 'false'], ws);
    assert.equal(again.code, 0, again.stderr.slice(-2000));
    assert.equal(runs().length, 12, 'each run registered once');
    assert.equal(e2e.emu.state.platform.registrations, 12);
    assert.equal(runs().reduce((a, r) => a + r.epochEvents, 0), total(dirs), 'every epoch exactly once over both invocations');
    assert.ok(runs().every((r) => r.complete));
    const third = await cli([...flags(), '--run-dir', 'archive/*', '--if-no-files-found', 'ignore', '--summary', 'false'], ws);
    assert.equal(third.code, 0);
    assert.equal(runs().reduce((a, r) => a + r.epochEvents, 0), total(dirs), 'a third invocation sends nothing');
  });

  it('a run directory that cannot be read is reported and skipped; the others arrive and the step says partial', async () => {
    const ws = workspaceDir();
    archive(ws, 3);
    fs.writeFileSync(path.join(ws, 'archive/run001/results.csv'), 'not,a\nresults,file\n');
    const run = await cli([...flags(), '--run-dir', 'archive/*', '--if-no-files-found', 'ignore'], ws);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /archive\/run001: .*skipped; the other runs go on/);
    assert.equal(runs().length, 2);
    const out = outputsOf(run.stdout);
    assert.equal(out.status, 'partial');
    assert.deepEqual((JSON.parse(out.runs) as { status: string }[]).map((r) => r.status), ['synced', 'failed', 'synced']);
  });
});

describe('runs whose files are symbolic links', () => {
  it('a run kept as links (git-annex, DVC) is a run of the glob; one whose files lead out of the workspace is reported and skipped', async () => {
    const ws = workspaceDir();
    const outside = workspaceDir();
    pastRun(path.join(ws, 'archive/plain'));
    // The data kept in a store inside the workspace, the run directory holding links to it.
    const store = pastRun(path.join(ws, '.store/linked'));
    fs.mkdirSync(path.join(ws, 'archive/linked/weights'), { recursive: true });
    for (const f of ['results.csv', 'args.yaml', 'weights/best.pt', 'weights/last.pt']) fs.symlinkSync(path.join(store, f), path.join(ws, 'archive/linked', f));
    // Links out of the workspace: never read, and not dropped without a word either.
    pastRun(path.join(outside, 'escaped'));
    fs.mkdirSync(path.join(ws, 'archive/escaped'));
    for (const f of ['results.csv', 'args.yaml']) fs.symlinkSync(path.join(outside, 'escaped', f), path.join(ws, 'archive/escaped', f));
    const run = await cli([...flags(), '--run-dir', 'archive/*'], ws);
    assert.match(run.stdout + run.stderr, /run-dir matched 3 runs/);
    assert.match(run.stderr, /archive\/escaped: .*skipped; the other runs go on/);
    assert.deepEqual(runs().map((r) => r.name).sort(), ['linked', 'plain']);
    assert.ok(byName('linked')?.complete, 'the linked run arrived whole');
    assert.equal(outputsOf(run.stdout).status, 'partial');
    assert.equal(run.code, 1);
  });
});

describe('what fails every run alike', () => {
  it('a rejected key stops the step at the first run: the others are not tried, and the outputs say so', async () => {
    const ws = workspaceDir();
    for (const n of ['a', 'b', 'c']) pastRun(path.join(ws, 'runs/detect', n));
    const run = await cli([...flags(), '--run-dir', 'runs/detect/*'], ws, { ULTRALYTICS_API_KEY: 'ul_' + 'f'.repeat(40) });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /The other 2 runs are not tried: they would fail alike/);
    assert.equal(e2e.emu.state.requests.length, 1, 'one request, not one per run');
    const out = outputsOf(run.stdout);
    assert.equal(out.status, 'failed');
    assert.deepEqual((JSON.parse(out.runs) as { status: string }[]).map((r) => r.status), ['failed', 'failed', 'failed']);
  });
});

describe('HUB with several runs', () => {
  it('two runs and no model: each creates its own model from its args.yaml', async () => {
    const ws = workspaceDir();
    for (const n of ['a', 'b']) pastRun(path.join(ws, 'runs/detect', n));
    const run = await runCli(['--api-url', e2e.emu.url, '--backend', 'hub', '--run-dir', 'runs/detect/*'], ws, { HUB_API_KEY: HUB_KEY });
    assert.equal(run.code, 0, run.stderr);
    const models = Object.values(e2e.emu.state.hub.models);
    assert.equal(models.length, 2);
    const listed = JSON.parse(outputsOf(run.stdout).runs) as { 'model-id': string }[];
    assert.deepEqual(listed.map((r) => r['model-id']).sort(), models.map((m) => (m as { id: string }).id).sort());
  });
});
