/**
 * Watch mode end to end, as a runner runs it: main (watch: true) returns while a detached watcher
 * follows the fake trainer; the post stops the watcher and sends the rest. Both backends, and every
 * way a training can go wrong mid-way: a crash, a cancel, a killed watcher, an unreachable server,
 * and a re-run of the whole job.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { PlatformRun } from '../../emulator/server.js';
import { HUB_KEY, PLATFORM_KEY, expectedEpochs, hubMetrics, sha256, visible } from '../e2e/harness.js';
import { e2eSetup } from '../e2e/setup.js';
import { type WatchWorkspace, alive, mainStep, postStep, savedState, sleep, trainer, until, workspaces } from './harness.js';

const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY], hubKeys: [HUB_KEY] });
const workspace = workspaces();

const platform = (extra: Record<string, string> = {}) => ({
  'api-key': PLATFORM_KEY,
  'api-url': e2e.emu.url,
  project: 'acme/live',
  'log-file': 'train.log',
  ...extra,
});
const hub = (id: string, extra: Record<string, string> = {}) => ({ 'api-key': HUB_KEY, 'api-url': e2e.emu.url, model: id, ...extra });
const runs = (): PlatformRun[] => Object.values(e2e.emu.state.platform.runs);
const csvOf = (w: WatchWorkspace) => path.join(w.runDir, 'results.csv');
const logLinesOf = (w: WatchWorkspace) => fs.readFileSync(path.join(w.dir, 'train.log'), 'utf8').split('\n').filter((l) => l !== '');
/** Console lines without the `[YYYY-MM-DD HH:MM:SS] ` the live sync (and the post after it) puts before each. */
const unstamped = (lines: string[]) => lines.map((l) => l.replace(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] /, ''));

describe('watch mode (action): Platform', () => {
  it('sends every epoch, the log and system load live; the post sends only the final model and complete', async () => {
    const w = workspace();
    const main = await mainStep(w, platform());
    assert.equal(main.code, 0, main.stdout + main.stderr);
    assert.equal(main.outputs.status, 'watching');
    const pid = Number(savedState(w)['watcher-pid']);
    assert.ok(alive(pid), 'main returned while its watcher goes on');
    // The key reaches the watcher through its environment only, never its command line.
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    assert.ok(!cmdline.includes(PLATFORM_KEY));

    const t = trainer(w, ['--epochs', '10', '--interval', '250']);
    assert.equal((await t.done).code, 0);
    await until(() => (runs()[0] ? Object.keys(runs()[0].epochs).length === 10 : false), 5000, 'the last epoch to arrive live');
    const live = runs()[0];
    assert.equal(live.complete, undefined, 'nothing is reported complete before the post');
    const first = live.epochs['0'] as { system: Record<string, unknown> };
    assert.equal(typeof first.system.cpu, 'number');
    assert.equal(typeof first.system.ram, 'number');
    assert.ok(live.console.length > 0, 'console output went live');

    const post = await postStep(w, platform());
    assert.equal(post.code, 0, post.stdout + post.stderr);
    assert.match(post.stdout, /::group::Watcher log/);
    assert.match(post.stdout, /Following .*runs\/detect\/train/);
    assert.match(post.stdout, /training ended with success/);
    assert.ok(!alive(pid), 'the watcher was stopped');
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
    const r = runs()[0];
    assert.equal(runs().length, 1);
    assert.equal(e2e.emu.state.platform.registrations, 1);
    assert.equal(r.epochEvents, 10, 'an epoch was sent twice');
    const expected = expectedEpochs(csvOf(w));
    for (const [epoch, values] of expected) {
      const data = r.epochs[String(epoch)] as { metrics: Record<string, number | null> };
      assert.equal(data.metrics['metrics/mAP50-95(B)'], values['metrics/mAP50-95(B)'], `epoch ${epoch}`);
    }
    assert.deepEqual(unstamped(r.console.flatMap((c) => c.content.split('\n'))), logLinesOf(w));
    assert.ok(r.complete, 'training_complete');
    assert.equal(r.puts[r.puts.length - 1].sha256, sha256(path.join(w.runDir, 'weights/best.pt')));
    for (const text of [post.all, main.all, fs.readFileSync(savedState(w)['watcher-log'], 'utf8')]) {
      assert.ok(!visible(text).includes(PLATFORM_KEY), 'the key was printed');
    }
  });

  it('a crashed training is reported failed with the epochs it wrote', async () => {
    const w = workspace();
    assert.equal((await mainStep(w, platform())).code, 0);
    assert.equal((await trainer(w, ['--epochs', '10', '--interval', '150', '--crash-at', '4']).done).code, 1);
    const post = await postStep(w, platform());
    assert.equal(post.code, 0, post.stdout);
    assert.match(post.stdout, /training ended with failure/);
    const r = runs()[0];
    assert.equal(Object.keys(r.epochs).length, 4);
    assert.ok(r.failed);
    assert.equal(r.complete, undefined);
    assert.equal(r.puts.length, 0, 'a failed training uploads no final model');
  });

  it('a cancelled job (training killed) still gets its post: reported failed, epochs kept', async () => {
    const w = workspace();
    assert.equal((await mainStep(w, platform())).code, 0);
    const t = trainer(w, ['--epochs', '40', '--interval', '150']);
    await until(() => fs.existsSync(csvOf(w)) && expectedEpochs(csvOf(w)).size >= 3, 10_000, 'three epochs');
    t.child.kill('SIGTERM');
    assert.equal((await t.done).signal, 'SIGTERM');
    const written = expectedEpochs(csvOf(w)).size;
    const post = await postStep(w, platform());
    assert.equal(post.code, 0, post.stdout);
    const r = runs()[0];
    assert.equal(Object.keys(r.epochs).length, written);
    assert.ok(r.failed);
  });

  it('a watcher killed with kill -9 is caught up by the post from the state file', async () => {
    const w = workspace();
    assert.equal((await mainStep(w, platform())).code, 0);
    const pid = Number(savedState(w)['watcher-pid']);
    const t = trainer(w, ['--epochs', '8', '--interval', '200']);
    await until(() => (runs()[0] ? Object.keys(runs()[0].epochs).length >= 2 : false), 10_000, 'two epochs live');
    process.kill(pid, 'SIGKILL');
    assert.equal((await t.done).code, 0);
    const before = Object.keys(runs()[0].epochs).length;
    assert.ok(before < 8, 'the watcher was killed before the end');
    const post = await postStep(w, platform());
    assert.equal(post.code, 0, post.stdout);
    assert.match(post.stdout, /already ended/);
    const r = runs()[0];
    assert.equal(Object.keys(r.epochs).length, 8);
    // kill -9 may land after the server acted on an epoch and before its answer was saved: that one
    // epoch (and only that one) is sent again, which Platform takes as the same epoch.
    assert.ok(r.epochEvents === 8 || r.epochEvents === 9, `epochs sent ${r.epochEvents} times for 8`);
    assert.ok(r.complete);
    // Every log line arrived (a chunk in flight at the kill may come twice), and those the post sent
    // after the live sync are stamped too.
    const lines = r.console.flatMap((c) => c.content.split('\n'));
    const got = new Set(unstamped(lines));
    assert.deepEqual(logLinesOf(w).filter((l) => !got.has(l)), [], 'log lines missing');
    assert.deepEqual(lines.filter((l) => !/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] /.test(l)), [], 'a line went out without its stamp');
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('an unreachable server loses nothing: epochs wait and arrive, in order, once it is back', async () => {
    const w = workspace();
    assert.equal((await mainStep(w, platform())).code, 0);
    e2e.emu.faults.add('platform:epoch_end', { down: { ms: 4000 } }, { after: 1 });
    assert.equal((await trainer(w, ['--epochs', '10', '--interval', '200']).done).code, 0);
    const post = await postStep(w, platform());
    assert.equal(post.code, 0, post.stdout);
    assert.equal(e2e.emu.state.faultsFired.length, 1);
    const r = runs()[0];
    assert.deepEqual(Object.keys(r.epochs).map(Number).sort((a, b) => a - b), [...Array(10).keys()]);
    assert.ok(r.complete);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('faults on every live request (500, 429, HTML 200, reset upload, a checkpoint rejected for good): nothing lost, nothing twice', async () => {
    const w = workspace();
    assert.equal((await mainStep(w, platform({ 'checkpoint-interval': '1' }))).code, 0);
    e2e.emu.faults.add('platform:training_started', { status: 503, retryAfter: 0 });
    e2e.emu.faults.add('platform:epoch_end', { status: 500 });
    e2e.emu.faults.add('platform:epoch_end', { status: 429, retryAfter: 1 }, { after: 1 });
    e2e.emu.faults.add('platform:epoch_end', { html: true }, { after: 2 });
    e2e.emu.faults.add('platform:console_output', { status: 502 });
    e2e.emu.faults.add('platform:put', { reset: 'mid-body' });
    e2e.emu.faults.add('platform:upload-url', { status: 503, retryAfter: 100_000 }); // the live checkpoint is given up on, kept for later
    // An epoch every 2 s: best.pt settles (1 s) between epochs, so a live checkpoint can go up each time.
    assert.equal((await trainer(w, ['--epochs', '6', '--interval', '2000', '--weights-kb', '2048']).done).code, 0);
    const post = await postStep(w, platform({ 'checkpoint-interval': '1' }));
    assert.equal(post.code, 0, post.stdout + post.stderr);
    const fired = new Set(e2e.emu.state.faultsFired.map((f) => f.target));
    for (const t of ['platform:training_started', 'platform:epoch_end', 'platform:console_output', 'platform:put', 'platform:upload-url']) {
      assert.ok(fired.has(t), `no fault fired on ${t}: ${[...fired].join(', ')}`);
    }
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
    const r = runs()[0];
    assert.equal(runs().length, 1, 'registered twice');
    assert.deepEqual(Object.keys(r.epochs).map(Number).sort((a, b) => a - b), [...Array(6).keys()]);
    // The HTML 200 came after the server acted: that one epoch is sent again (Platform tolerates a repeat), no other.
    assert.equal(r.epochEvents, 7);
    assert.ok(r.checkpoints.length >= 2, `${r.checkpoints.length} checkpoint_saved: a live one after the one given up on, and the final`);
    assert.deepEqual(unstamped(r.console.flatMap((c) => c.content.split('\n'))), logLinesOf(w));
    assert.deepEqual(r.console.map((c) => c.chunkId), r.console.map((_, i) => i + 1));
    assert.ok(r.complete);
    assert.equal(r.puts[r.puts.length - 1].sha256, sha256(path.join(w.runDir, 'weights/best.pt')));
  });

  it('a re-run of the whole job sends nothing twice', async () => {
    const w = workspace();
    assert.equal((await mainStep(w, platform())).code, 0);
    assert.equal((await trainer(w, ['--epochs', '5', '--interval', '100']).done).code, 0);
    assert.equal((await postStep(w, platform())).code, 0);
    const requests = e2e.emu.state.requests.length;
    const r = runs()[0];
    const events = [...r.events];
    // The job again, on the same machine (a self-hosted runner keeps the run directory).
    fs.writeFileSync(w.stateFile, '');
    assert.equal((await mainStep(w, platform({ 'run-dir': 'runs/detect/train' }))).code, 0);
    const post = await postStep(w, platform({ 'run-dir': 'runs/detect/train' }));
    assert.equal(post.code, 0, post.stdout);
    assert.equal(runs().length, 1);
    assert.equal(e2e.emu.state.platform.registrations, 1);
    assert.deepEqual(runs()[0].events, events, 'something was sent again');
    assert.equal(e2e.emu.state.requests.length, requests, 'a request was made');
  });

  it('the post without a watcher (watch off) does nothing', async () => {
    const w = workspace();
    fs.writeFileSync(w.stateFile, 'post<<EOF\ntrue\nEOF\n'); // what main saves in every mode
    const post = await postStep(w, platform({ watch: 'false' }));
    assert.equal(post.code, 0, post.stdout + post.stderr);
    assert.equal(e2e.emu.state.requests.length, 0);
  });
});

describe('watch mode (action): HUB', () => {
  it('heartbeats, metrics per 3-second window, live last.pt with isBest, final model in the post', async () => {
    const w = workspace();
    const id = e2e.emu.hub.addModel();
    const main = await mainStep(w, hub(id, { 'checkpoint-interval': '1' }));
    assert.equal(main.code, 0, main.stdout + main.stderr);
    assert.deepEqual(e2e.emu.state.requests.map((r) => r.path), ['/v1/auth', `/v1/models/${id}`], 'main checks the key and the model');
    assert.equal((await trainer(w, ['--epochs', '12', '--interval', '300']).done).code, 0);
    await sleep(3500); // one more metrics window
    const model = e2e.emu.state.hub.models[id];
    assert.equal(Object.keys(model.metrics).length, 12, 'every epoch arrived live');
    assert.ok(model.metricsRequests >= 2 && model.metricsRequests < 12, `${model.metricsRequests} metrics requests for 12 epochs`);
    assert.ok(model.heartbeats.length >= 1);
    const liveUploads = model.uploads.filter((u) => u.type === 'epoch');
    assert.ok(liveUploads.length >= 1, 'last.pt went up live');
    const expected = expectedEpochs(csvOf(w));

    const post = await postStep(w, hub(id, { 'checkpoint-interval': '1' }));
    assert.equal(post.code, 0, post.stdout + post.stderr);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
    for (const [epoch, values] of expected) assert.deepEqual(model.metrics[String(epoch)], hubMetrics(values));
    const final = model.uploads.find((u) => u.type === 'final');
    assert.equal(final?.sha256, sha256(path.join(w.runDir, 'weights/best.pt')));
    const bestEpoch = Number(post.outputs['best-epoch']);
    assert.equal(final?.map, expected.get(bestEpoch)?.['metrics/mAP50-95(B)']);
  });

  it('main prepares the training from a pretrained model: train-args with its downloaded parent weights', async () => {
    const w = workspace();
    const seeded = e2e.emu.hub.addCase('pretrained');
    const main = await mainStep(w, hub(seeded.id));
    assert.equal(main.code, 0, main.stdout + main.stderr);
    const weightsPath = main.outputs['weights-path'];
    assert.ok(weightsPath.startsWith(w.temp), `weights in RUNNER_TEMP: ${weightsPath}`);
    assert.equal(sha256(weightsPath), seeded.weights?.sha256);
    assert.match(main.outputs['train-args'], new RegExp(`(^| )model=${weightsPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`));
    assert.equal(JSON.parse(main.outputs['train-args-json']).model, weightsPath);
    assert.ok(alive(Number(savedState(w)['watcher-pid'])), 'the watcher was started after the preparation');
    await postStep(w, hub(seeded.id)); // stops the watcher; no training ran
  });

  it('main refuses a trained HUB model before the training starts', async () => {
    const w = workspace();
    const id = e2e.emu.hub.addModel({ status: 'trained' });
    const main = await mainStep(w, hub(id));
    assert.equal(main.code, 1);
    assert.match(main.stdout, /already trained/);
    assert.equal(savedState(w)['watcher-pid'], undefined, 'no watcher was started');
  });
});
