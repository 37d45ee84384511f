/**
 * The action end to end over the HUB protocol: `node dist/index.js` with INPUT_* variables against
 * the emulator, then the emulator's state compared with the files on disk.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ERA_FIXTURES, FIXTURES, HUB_KEY, expectedEpochs, hubMetrics, runAction, visible } from './harness.js';
import { e2eSetup } from './setup.js';

const e2e = e2eSetup({ hubKeys: [HUB_KEY] });
const ws = e2e.ws;

const hubInputs = (extra: Record<string, string> = {}) => ({ 'api-key': HUB_KEY, 'api-url': e2e.emu.url, ...extra });

describe('HUB end to end', () => {
  for (const fixture of ERA_FIXTURES) {
    it(`sends every epoch and both weights for ${fixture}`, async () => {
      const csv = path.join(FIXTURES, fixture);
      const w = ws({ csv });
      const best = w.weight('best.pt', 200_000);
      const last = w.weight('last.pt', 210_000);
      const id = e2e.emu.hub.addModel();
      const run = await runAction(w, hubInputs({ model: id }));
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(e2e.emu.state.protocolErrors, []);
      const model = e2e.emu.state.hub.models[id];
      const expected = expectedEpochs(csv);
      assert.deepEqual(Object.keys(model.metrics).map(Number).sort((a, b) => a - b), [...expected.keys()].sort((a, b) => a - b));
      // What on_fit_epoch_end builds: train/*, metrics/*, val/*; no learning rates, epoch or time.
      for (const [epoch, values] of expected) assert.deepEqual(model.metrics[String(epoch)], hubMetrics(values), `epoch ${epoch}`);
      for (const values of Object.values(model.metrics)) {
        for (const k of Object.keys(values)) assert.match(k, /^(train|metrics|val)\//, `epoch metric ${k}`);
      }
      assert.ok(model.metricsRequests <= 2, `metrics took ${model.metricsRequests} requests`);
      // The final map is the best epoch's box mAP50-95 (YOLOv5: mAP_0.5:0.95); a classify run has none: 0.
      const bestRow = expected.get(Number(run.outputs['best-epoch'])) as Record<string, number | null>;
      const boxMap = bestRow['metrics/mAP50-95(B)'] ?? bestRow['metrics/mAP_0.5:0.95'];
      const final = model.uploads.find((u) => u.type === 'final');
      assert.equal(final?.map, fixture === 'classify.csv' ? 0 : boxMap);
      if (fixture === 'classify.csv') assert.equal(run.outputs.map, String(bestRow['metrics/accuracy_top1']), 'the map output stays top-1');
      assert.deepEqual(
        model.uploads.map((u) => [u.type, u.field, u.sha256]),
        [
          ['epoch', 'last.pt', last],
          ['final', 'best.pt', best],
        ],
      );
      assert.equal(run.outputs.status, 'synced');
      assert.equal(run.outputs['model-id'], id);
      assert.equal(run.outputs.epochs, String(expected.size));
      assert.equal(run.outputs.backend, 'hub');
      const weights = JSON.parse(run.outputs.weights) as { role: string; sha256: string }[];
      assert.deepEqual(weights.map((x) => [x.role, x.sha256]), [['checkpoint', last], ['final', best]]);
    });
  }

  it('survives injected faults on every endpoint with everything intact', async () => {
    const w = ws();
    const best = w.weight('best.pt', 3_000_000);
    const last = w.weight('last.pt', 3_100_000);
    const id = e2e.emu.hub.addModel();
    e2e.emu.faults.add('hub:auth', { status: 503, retryAfter: 0 });
    e2e.emu.faults.add('hub:get-model', { status: 502 });
    e2e.emu.faults.add('hub:heartbeat', { status: 500 });
    e2e.emu.faults.add('hub:metrics', { reset: 'before' });
    e2e.emu.faults.add('hub:metrics', { status: 429, retryAfter: 1 });
    e2e.emu.faults.add('hub:upload', { reset: 'mid-body' });
    e2e.emu.faults.add('hub:upload', { status: 504 }, { after: 1 });
    const run = await runAction(w, hubInputs({ model: id }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
    assert.ok(e2e.emu.state.faultsFired.length >= 7, `fired ${e2e.emu.state.faultsFired.length}`);
    const model = e2e.emu.state.hub.models[id];
    const expected = expectedEpochs(path.join(w.runDir, 'results.csv'));
    for (const [epoch, values] of expected) assert.deepEqual(model.metrics[String(epoch)], hubMetrics(values));
    assert.deepEqual(
      model.uploads.map((u) => [u.type, u.sha256]),
      [
        ['epoch', last],
        ['final', best],
      ],
    );
  });

  it('fails fast on a rejected key: one auth request, no retry, no upload, key never shown', async () => {
    const w = ws();
    const id = e2e.emu.hub.addModel();
    const wrongKey = 'Zz' + '0123456789'.repeat(4);
    const run = await runAction(w, { 'api-key': wrongKey, 'api-url': e2e.emu.url, model: id });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /HUB rejected the API key/);
    assert.deepEqual(e2e.emu.state.requests.map((r) => r.path), ['/v1/auth']);
    assert.equal(e2e.emu.state.hub.models[id].uploads.length, 0);
    assert.ok(!visible(run.all).includes(wrongKey), 'the key was printed');
  });

  it('refuses a model that is already trained', async () => {
    const w = ws();
    const id = e2e.emu.hub.addModel({ status: 'trained' });
    const run = await runAction(w, hubInputs({ model: id }));
    assert.equal(run.code, 1);
    assert.match(run.stdout, /already trained/);
    assert.equal(e2e.emu.state.hub.models[id].metricsRequests, 0);
    assert.equal(e2e.emu.state.hub.models[id].uploads.length, 0);
  });

  it('creates a model from yolo11n.pt and args.yaml, sending base names only', async () => {
    const w = ws();
    const run = await runAction(w, hubInputs({ model: 'yolo11n.pt' }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
    const created = Object.values(e2e.emu.state.hub.models).filter((m) => m.created);
    assert.equal(created.length, 1);
    const body = created[0].createBody as Record<string, any>;
    assert.equal(body.meta.name, 'yolo11n.pt');
    assert.deepEqual(body.lineage, { architecture: { name: 'yolo11n' }, parent: { name: 'yolo11n.pt' } });
    assert.equal(body.dataset.name, 'coco8.yaml');
    assert.equal(typeof body.config.device, 'string');
    assert.equal(typeof body.config.cache, 'string');
    assert.ok(!JSON.stringify(body).includes('/home/'), 'a local path was sent');
    assert.equal(run.outputs['model-id'], created[0].id);
    assert.equal(run.outputs['model-url'], `${e2e.emu.url}/models/${created[0].id}`);
  });

  it('uploads last.pt as the final model when best.pt is missing, with a warning naming best.pt', async () => {
    const w = ws({ weights: { 'last.pt': 120_000 } });
    const last = w.weight('last.pt', 120_000);
    const id = e2e.emu.hub.addModel();
    const run = await runAction(w, hubInputs({ model: id }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /::warning.*best\.pt/);
    assert.deepEqual(e2e.emu.state.hub.models[id].uploads.map((u) => [u.type, u.field, u.sha256]), [['final', 'best.pt', last]]);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('fails with a fix-it message when no weights match, and sends metrics only with if-no-files-found: warn', async () => {
    const w = ws({ weights: {} });
    const id = e2e.emu.hub.addModel();
    const failed = await runAction(w, hubInputs({ model: id }));
    assert.equal(failed.code, 1);
    assert.match(failed.stdout, /No weights matched .*if-no-files-found/);
    assert.equal(e2e.emu.state.requests.length, 0, 'nothing may be sent before the files are checked');
    const warned = await runAction(w, hubInputs({ model: id, 'if-no-files-found': 'warn' }));
    assert.equal(warned.code, 0, warned.stdout);
    assert.match(warned.stdout, /::warning::No weights matched/);
    assert.ok(Object.keys(e2e.emu.state.hub.models[id].metrics).length > 0);
    assert.equal(e2e.emu.state.hub.models[id].uploads.length, 0);
  });

  it('never shows a key given inside the model URL', async () => {
    const w = ws();
    const id = e2e.emu.hub.addModel();
    const run = await runAction(w, { 'api-url': e2e.emu.url, model: `https://hub.ultralytics.com/models/${id}?api_key=${HUB_KEY}` });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, new RegExp(`::add-mask::${HUB_KEY}`));
    assert.ok(!visible(run.all).includes(HUB_KEY), 'the key was printed');
    assert.ok(!visible(run.all).includes(HUB_KEY.slice(0, 20)), 'part of the key was printed');
    assert.equal(e2e.emu.state.hub.models[id].uploads.length, 2);
  });

  it('sends heartbeats with the agentId echoed back', async () => {
    const w = ws();
    const id = e2e.emu.hub.addModel();
    const run = await runAction(w, hubInputs({ model: id }));
    assert.equal(run.code, 0);
    const beats = e2e.emu.state.hub.models[id].heartbeats;
    assert.ok(beats.length >= 1);
    assert.equal(beats[0].agentId, null);
  });
});
