/**
 * Watch mode against what real jobs do to it (issue 18, section A): a training restarted in the same
 * directory, two `watch: true` steps on one run directory, and a run directory deleted while the
 * watcher follows it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { PlatformRun } from '../../emulator/server.js';
import { type ActionRun, PLATFORM_KEY, parseOutputFile, runAction } from '../e2e/harness.js';
import { e2eSetup } from '../e2e/setup.js';
import { type WatchWorkspace, alive, mainStep, postStep, savedState, trainer, until, workspaces } from './harness.js';

const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY] });
const workspace = workspaces();

const platform = (extra: Record<string, string> = {}) => ({
  'api-key': PLATFORM_KEY,
  'api-url': e2e.emu.url,
  project: 'acme/live',
  'log-file': 'train.log',
  ...extra,
});
const runs = (): PlatformRun[] => Object.values(e2e.emu.state.platform.runs);
const epochsOf = (r: PlatformRun | undefined) => (r ? Object.keys(r.epochs).length : 0);

describe('watch mode: a training restarted in the same directory (A6)', () => {
  it('is registered live as a new run, with a warning; the first run keeps only its own epochs', async () => {
    const w = workspace();
    const main = await mainStep(w, platform());
    assert.equal(main.code, 0, main.stdout + main.stderr);
    assert.equal((await trainer(w, ['--epochs', '6', '--interval', '150']).done).code, 0);
    await until(() => epochsOf(runs()[0]) === 6, 5000, 'the first training to arrive live');
    const first = runs()[0];
    // exist_ok=True: the same directory, results.csv written again from epoch 0.
    assert.equal((await trainer(w, ['--epochs', '4', '--interval', '150']).done).code, 0);
    await until(() => runs().length === 2 && epochsOf(runs()[1]) === 4, 8000, 'the second training to arrive live as its own run');
    const post = await postStep(w, platform());
    assert.equal(post.code, 0, post.stdout + post.stderr);
    assert.match(post.stdout, /A new training wrote .*results\.csv again \(.*\): it is registered as a new run/);
    assert.equal(first.epochEvents, 6, 'the first run got epochs of the second training');
    const second = runs().find((r) => r.modelId !== first.modelId) as PlatformRun;
    assert.ok(second.complete, 'the post completed the second run');
    assert.equal(first.complete, undefined);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });
});

/** One action step of a job, with its own GITHUB_STATE file as the runner gives each step. */
function step(w: WatchWorkspace, n: number) {
  const stateFile = path.join(w.temp, `state-${n}`);
  fs.writeFileSync(stateFile, '');
  return {
    main: (inputs: Record<string, string>) => runAction(w, { watch: 'true', ...inputs }, { GITHUB_STATE: stateFile, RUNNER_TEMP: w.temp }),
    post: (inputs: Record<string, string>): Promise<ActionRun> => {
      const env: Record<string, string> = { RUNNER_TEMP: w.temp };
      for (const [k, v] of Object.entries(parseOutputFile(fs.readFileSync(stateFile, 'utf8')))) env[`STATE_${k}`] = v;
      return runAction(w, { watch: 'true', ...inputs }, env);
    },
  };
}

describe('watch mode: two watch steps on one run directory (A8)', () => {
  it('the second watcher stands aside: one run, every epoch and log line once', async () => {
    const w = workspace();
    const inputs = platform({ 'run-dir': 'runs/detect/train' });
    const a = step(w, 1);
    const b = step(w, 2);
    assert.equal((await a.main(inputs)).code, 0);
    assert.equal((await b.main(inputs)).code, 0);
    assert.equal((await trainer(w, ['--epochs', '6', '--interval', '150']).done).code, 0);
    await until(() => epochsOf(runs()[0]) === 6, 5000, 'the epochs to arrive live');
    // The runner runs post steps in reverse order.
    const postB = await b.post(inputs);
    const postA = await a.post(inputs);
    assert.equal(postB.code, 0, postB.stdout + postB.stderr);
    assert.equal(postA.code, 0, postA.stdout + postA.stderr);
    const both = postA.stdout + postB.stdout;
    assert.match(both, /Another watcher \(pid \d+\) already follows .*runs\/detect\/train: this one stands aside and sends nothing for it/);
    assert.match(postB.stdout + postA.stdout, /Another watch step followed .*: that step's post sends the rest, this one sends nothing/);
    assert.equal(runs().length, 1, 'each watcher registered its own run');
    const r = runs()[0];
    assert.equal(r.epochEvents, 6, 'epochs were sent twice');
    const lines = r.console.flatMap((c) => c.content.split('\n'));
    assert.equal(new Set(lines).size, lines.length, 'log lines were sent twice');
    assert.ok(r.complete);
    assert.equal(fs.readdirSync(w.runDir).filter((f) => f.endsWith('.lock')).length, 0, 'the lock was left behind');
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });
});

describe('watch mode: a standing-aside watcher killed (A8)', () => {
  it('its post does no final sync while the other watcher still follows the run', async () => {
    const w = workspace();
    const inputs = platform({ 'run-dir': 'runs/detect/train' });
    const a = step(w, 1);
    const b = step(w, 2);
    assert.equal((await a.main(inputs)).code, 0);
    assert.equal((await b.main(inputs)).code, 0);
    const t = trainer(w, ['--epochs', '12', '--interval', '200']);
    await until(() => epochsOf(runs()[0]) >= 2, 8000, 'epochs to arrive live');
    const logOf = (n: number) => fs.readFileSync(parseOutputFile(fs.readFileSync(path.join(w.temp, `state-${n}`), 'utf8'))['watcher-log'], 'utf8');
    const pidOf = (n: number) => Number(parseOutputFile(fs.readFileSync(path.join(w.temp, `state-${n}`), 'utf8'))['watcher-pid']);
    await until(() => /stands aside/.test(logOf(1) + logOf(2)), 5000, 'one watcher to stand aside');
    const aside = /stands aside/.test(logOf(2)) ? 2 : 1;
    process.kill(pidOf(aside), 'SIGKILL'); // its handoff never says it stood aside
    const postAside = await (aside === 2 ? b : a).post(inputs);
    assert.equal(postAside.code, 0, postAside.stdout + postAside.stderr);
    // Its handoff named the run it stood aside from before it was killed; or the lock tells.
    assert.match(postAside.stdout, /Another watch(er \(pid \d+\) still follows| step followed) .*this (step|one) sends nothing/);
    assert.equal(runs()[0].complete, undefined, 'the run was completed while the training ran');
    assert.equal((await t.done).code, 0);
    const postOther = await (aside === 2 ? a : b).post(inputs);
    assert.equal(postOther.code, 0, postOther.stdout + postOther.stderr);
    assert.equal(runs().length, 1);
    assert.equal(runs()[0].epochEvents, 12, 'epochs were sent twice');
    assert.ok(runs()[0].complete);
  });
});

describe('watch mode: the run directory is deleted while the watcher follows it (A17)', () => {
  it('says what happened (not "Input run-dir does not exist") and reports the run failed', async () => {
    const w = workspace();
    const main = await mainStep(w, platform());
    assert.equal(main.code, 0, main.stdout + main.stderr);
    const pid = Number(savedState(w)['watcher-pid']);
    const t = trainer(w, ['--epochs', '40', '--interval', '200']);
    await until(() => epochsOf(runs()[0]) >= 2, 8000, 'two epochs to arrive live');
    // The trainer is stopped first only so that it does not write into the directory while it is removed.
    t.child.kill('SIGKILL');
    await t.done;
    // The watcher may write its state file while the directory goes: retried, as a user's rm -rf would be.
    fs.rmSync(w.runDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
    await until(() => runs()[0].failed !== undefined, 8000, 'the run to be reported failed');
    // The watcher stays for the trainings that may follow; the post stops it.
    assert.ok(alive(pid));
    const post = await postStep(w, platform());
    assert.equal(post.code, 1);
    const out = post.stdout + post.stderr;
    assert.match(out, /The run directory .*runs\/detect\/train was deleted while the training ran/);
    assert.doesNotMatch(out, /Input `run-dir`/);
    assert.equal(fs.existsSync(w.runDir), false, 'the run directory was made again');
    assert.equal(runs().length, 1);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });
});
