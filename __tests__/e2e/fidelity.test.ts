/**
 * What real Ultralytics clients send, checked end to end on run directories from real trainings
 * (fixtures/real-runs, Ultralytics 8.0.20 to 8.4.41): class names and version from best.pt, the
 * HUB final map, the metrics of training_complete, base names in trainArgs, and the registration
 * retries of the real client.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { PlatformRun } from '../../emulator/server.js';
import { HUB_KEY, PLATFORM_KEY, ROOT, expectedEpochs, hubMetrics, runAction } from './harness.js';
import { e2eSetup } from './setup.js';

// Two syncs of a 50-epoch run exceed Platform's 100 per minute: pacing is tested elsewhere, not waited for here.
const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY], hubKeys: [HUB_KEY], rateLimit: { limit: 10_000, windowMs: 60_000 } });
const REAL = path.join(ROOT, '__tests__/fixtures/real-runs');

const platform = (extra: Record<string, string> = {}) => ({ 'api-key': PLATFORM_KEY, 'api-url': e2e.emu.url, project: 'acme/shapes', ...extra });
const runs = (): PlatformRun[] => Object.values(e2e.emu.state.platform.runs);

/** A workspace holding a copy of a real run: results.csv, args.yaml and its real best.pt. */
function realRun(name: string) {
  const w = e2e.ws({ csv: path.join(REAL, name, 'results.csv'), args: path.join(REAL, name, 'args.yaml'), weights: {} });
  fs.copyFileSync(path.join(REAL, name, 'weights/best.pt'), path.join(w.runDir, 'weights/best.pt'));
  return w;
}

const REAL_RUNS = [
  { name: '8.0.20-classify', version: '8.0.20', names: ['circle', 'square'], classify: true },
  { name: '8.2.103-classify', version: '8.2.103', names: ['circle', 'square'], classify: true },
  { name: '8.4.41-classify', version: '8.4.41', names: ['circle', 'square'], classify: true },
  { name: '8.4.41-detect', version: '8.4.41', names: ['square', 'circle'], classify: false },
];

describe('Platform, on real run directories', () => {
  for (const real of REAL_RUNS) {
    it(`${real.name}: class names and version from best.pt, best-epoch metrics without val/*, base names`, async () => {
      const w = realRun(real.name);
      const run = await runAction(w, platform());
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(e2e.emu.state.protocolErrors, []);
      const r = runs()[0];
      const started = r.started as { trainArgs: Record<string, string>; environment: Record<string, unknown> };
      assert.equal(started.environment.ultralyticsVersion, real.version);
      const args = fs.readFileSync(path.join(w.runDir, 'args.yaml'), 'utf8');
      const rawData = /^data: (.+)$/m.exec(args)?.[1] as string;
      assert.equal(started.trainArgs.data, path.posix.basename(rawData.replace(/\\/g, '/')));
      assert.ok(!started.trainArgs.data.includes('/'), started.trainArgs.data);
      assert.ok(!started.trainArgs.save_dir.includes('/'), started.trainArgs.save_dir);
      const complete = r.complete as { classNames: string[]; results: { bestEpoch: number; metrics: Record<string, number | null> } };
      assert.deepEqual(complete.classNames, real.names);
      const best = expectedEpochs(path.join(w.runDir, 'results.csv')).get(complete.results.bestEpoch) as Record<string, number | null>;
      const want = Object.fromEntries(Object.entries(best).filter(([k]) => k.startsWith('metrics/')));
      const { fitness, ...metrics } = complete.results.metrics;
      assert.deepEqual(metrics, want);
      assert.equal(typeof fitness, 'number');
    });
  }

  it('falls back to the dataset YAML named by args.yaml for class names, and sends null without one', async () => {
    const w = e2e.ws(); // the example run: fake checkpoints without a model
    const argsFile = path.join(w.runDir, 'args.yaml');
    fs.writeFileSync(argsFile, fs.readFileSync(argsFile, 'utf8').replace(/^data: .*$/m, 'data: datasets/coco8.yaml'));
    fs.mkdirSync(path.join(w.dir, 'datasets'));
    fs.writeFileSync(path.join(w.dir, 'datasets/coco8.yaml'), 'path: ../datasets/coco8\nnames:\n  0: person\n  1: bicycle\n  2: car\n');
    assert.equal((await runAction(w, platform())).code, 0);
    assert.deepEqual((runs()[0].complete as { classNames: unknown }).classNames, ['person', 'bicycle', 'car']);

    e2e.emu.reset();
    const bare = e2e.ws();
    const run = await runAction(bare, platform());
    assert.equal(run.code, 0, run.stdout);
    assert.equal((runs()[0].complete as { classNames: unknown }).classNames, null);
    // Random bytes, not a checkpoint: no version is named, so none is sent.
    assert.ok(!('ultralyticsVersion' in (runs()[0].started as { environment: Record<string, unknown> }).environment));
  });

  it('retries a training_started answered 408, registering once', async () => {
    const w = e2e.ws();
    e2e.emu.faults.add('platform:training_started', { status: 408 });
    const run = await runAction(w, platform());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(e2e.emu.state.faultsFired.length, 1);
    assert.equal(runs().length, 1);
    assert.ok(runs()[0].complete);
  });

  it('continues a model by id with project and name beside modelId (a server that needs them gives no 400)', async () => {
    const w = e2e.ws();
    assert.equal((await runAction(w, platform({ status: 'failure' }))).code, 0);
    const modelId = runs()[0].modelId;
    fs.rmSync(path.join(w.runDir, '.ultralytics-sync.json'));
    const run = await runAction(w, platform({ model: modelId }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
    assert.equal(runs().length, 1);
    assert.equal(e2e.emu.state.platform.registrations, 2, 'the continuation was not registered');
    assert.ok(runs()[0].complete);
  });
});

describe('HUB, on real run directories', () => {
  for (const real of REAL_RUNS) {
    it(`${real.name}: metrics without learning rates, final map = best epoch's box mAP50-95 (classify: 0)`, async () => {
      const w = realRun(real.name);
      const id = e2e.emu.hub.addModel();
      const run = await runAction(w, { 'api-key': HUB_KEY, 'api-url': e2e.emu.url, model: id });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(e2e.emu.state.protocolErrors, []);
      const model = e2e.emu.state.hub.models[id];
      const expected = expectedEpochs(path.join(w.runDir, 'results.csv'));
      for (const [epoch, values] of expected) assert.deepEqual(model.metrics[String(epoch)], hubMetrics(values));
      const bestRow = expected.get(Number(run.outputs['best-epoch'])) as Record<string, number | null>;
      const final = model.uploads.find((u) => u.type === 'final');
      assert.equal(final?.map, real.classify ? 0 : bestRow['metrics/mAP50-95(B)']);
    });
  }
});

describe('the emulator refuses what real clients never send', () => {
  it('answers 400 to HUB metrics that carry learning rates', async () => {
    const id = e2e.emu.hub.addModel();
    const res = await fetch(`${e2e.emu.url}/v1/models/${id}`, {
      method: 'POST',
      headers: { 'x-api-key': HUB_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ metrics: { '0': JSON.stringify({ 'train/box_loss': 1, 'lr/pg0': 0.01 }) }, type: 'metrics' }),
    });
    assert.equal(res.status, 400);
    assert.match(e2e.emu.state.protocolErrors.join('\n'), /lr\/pg0.*no learning rates/);
    assert.deepEqual(e2e.emu.state.hub.models[id].metrics, {});
  });
});
