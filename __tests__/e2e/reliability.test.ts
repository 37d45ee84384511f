/**
 * Nothing lost, nothing duplicated, nothing leaked: partial syncs, re-runs from the state file,
 * continuing by model id, a lost registration answer, cancellation, and server replies in errors.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { PlatformRun } from '../../emulator/server.js';
import { HUB_KEY, PLATFORM_KEY, type Workspace, expectedEpochs, runAction, visible } from './harness.js';
import { e2eSetup } from './setup.js';

// Two syncs of a 50-epoch run exceed Platform's 100 per minute: pacing is tested elsewhere, not waited for here.
const e2e = e2eSetup({ hubKeys: [HUB_KEY], platformKeys: [PLATFORM_KEY], rateLimit: { limit: 10_000, windowMs: 60_000 } });
const ws = e2e.ws;

const platform = (extra: Record<string, string> = {}) => ({ 'api-key': PLATFORM_KEY, 'api-url': e2e.emu.url, project: 'acme/rel', ...extra });
const hub = (extra: Record<string, string> = {}) => ({ 'api-key': HUB_KEY, 'api-url': e2e.emu.url, ...extra });
const runs = (): PlatformRun[] => Object.values(e2e.emu.state.platform.runs);
const stateOf = (w: Workspace) => JSON.parse(fs.readFileSync(path.join(w.runDir, '.ultralytics-sync.json'), 'utf8'));
/** A wait longer than the whole retry budget: the transport gives up at once. */
const GIVE_UP = { status: 503, retryAfter: 100_000 };

describe('partial syncs and re-runs (Platform)', () => {
  it('ends partial when the upload keeps failing, then a re-run sends only what is missing', async () => {
    const w = ws();
    const best = w.weight('best.pt', 500_000);
    const epochs = expectedEpochs(path.join(w.runDir, 'results.csv')).size;
    e2e.emu.faults.add('platform:put', GIVE_UP);
    const first = await runAction(w, platform());
    assert.equal(first.code, 1, first.stdout);
    assert.equal(first.outputs.status, 'partial');
    assert.match(first.stdout, /::error::ultralytics-sync: Sync incomplete: .*Re-run the job/);
    const saved = stateOf(w);
    assert.equal(saved.modelId, runs()[0].modelId);
    assert.equal(saved.epochs.length, epochs);
    assert.deepEqual(saved.uploads, []);
    assert.equal(runs()[0].complete, undefined, 'reported complete although the model is missing');

    const second = await runAction(w, platform());
    assert.equal(second.code, 0, second.stdout);
    assert.equal(second.outputs.status, 'synced');
    assert.equal(runs().length, 1, 'the re-run registered a second run');
    const r = runs()[0];
    assert.equal(r.epochEvents, epochs, 'the re-run sent epochs again');
    assert.deepEqual(r.puts.map((p) => p.sha256), [best]);
    assert.ok(r.complete);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('does not send the bytes again when only checkpoint_saved was lost', async () => {
    const w = ws();
    const best = w.weight('best.pt', 300_000);
    e2e.emu.faults.add('platform:checkpoint_saved', GIVE_UP);
    const first = await runAction(w, platform());
    assert.equal(first.code, 1, first.stdout);
    assert.equal(stateOf(w).uploads[0].confirmed, false);
    const second = await runAction(w, platform());
    assert.equal(second.code, 0, second.stdout);
    const r = runs()[0];
    assert.deepEqual(r.puts.map((p) => p.sha256), [best], 'best.pt was sent twice');
    assert.equal(r.checkpoints.length, 1);
    assert.ok(r.complete);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('passes the step with fail-on-error: false, still partial', async () => {
    const w = ws();
    e2e.emu.faults.add('platform:put', GIVE_UP);
    const run = await runAction(w, platform({ 'fail-on-error': 'false' }));
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.outputs.status, 'partial');
    assert.match(run.stdout, /::warning::Sync incomplete/);
  });

  it('sends nothing on a re-run of a job that already synced', async () => {
    const w = ws();
    assert.equal((await runAction(w, platform())).code, 0);
    const requests = e2e.emu.state.requests.length;
    const again = await runAction(w, platform());
    assert.equal(again.code, 0, again.stdout);
    assert.equal(again.outputs.status, 'synced');
    assert.equal(e2e.emu.state.requests.length, requests, 'the re-run sent requests');
    assert.match(again.stdout, /already arrived in an earlier attempt; not sent again/);
  });

  it('continues a run by `model: <modelId>` without a state file, registering nothing new', async () => {
    const w = ws();
    e2e.emu.faults.add('platform:put', GIVE_UP);
    assert.equal((await runAction(w, platform())).code, 1);
    const modelId = runs()[0].modelId;
    fs.rmSync(path.join(w.runDir, '.ultralytics-sync.json'));
    const run = await runAction(w, platform({ model: modelId }));
    assert.equal(run.code, 0, run.stdout);
    assert.equal(runs().length, 1);
    assert.equal(run.outputs['model-id'], modelId);
    assert.equal(runs()[0].puts.length, 1);
    assert.ok(runs()[0].complete);
  });

  it('refuses `model: <id>` naming another model than the state file records, before anything is sent', async () => {
    const w = ws();
    e2e.emu.faults.add('platform:put', GIVE_UP);
    assert.equal((await runAction(w, platform())).code, 1);
    const modelId = runs()[0].modelId;
    const requests = e2e.emu.state.requests.length;
    const other = await runAction(w, platform({ model: 'abcdefghij0123456789' }));
    assert.equal(other.code, 1, other.stdout);
    assert.match(other.stdout, new RegExp(`::error::.*\\\`model\\\` names model abcdefghij0123456789, but .* records this run's progress on model ${modelId}\\. Nothing was sent\\.`));
    assert.match(other.stdout, /delete .*\.ultralytics-sync\.json or give another `state-file`/);
    assert.equal(e2e.emu.state.requests.length, requests, 'nothing was sent');
    // The same model as the state file's: the run is continued and completed.
    const same = await runAction(w, platform({ model: modelId }));
    assert.equal(same.code, 0, same.stdout);
    assert.equal(runs().length, 1);
    assert.ok(runs()[0].complete);
  });

  it('never registers twice when the answer to training_started is lost', async () => {
    const w = ws();
    e2e.emu.faults.add('platform:training_started', { reset: 'after-action' });
    const first = await runAction(w, platform());
    assert.equal(first.code, 1);
    assert.match(first.stdout, /may have registered the run before the answer was lost; it was not asked again/);
    assert.equal(runs().length, 1);
    const second = await runAction(w, platform());
    assert.equal(second.code, 1);
    assert.match(second.stdout, /never got the answer.*pass its id as `model: <modelId>`/);
    assert.equal(runs().length, 1, 'a second run was registered');
    const third = await runAction(w, platform({ model: runs()[0].modelId }));
    assert.equal(third.code, 0, third.stdout);
    assert.equal(runs().length, 1);
    assert.ok(runs()[0].complete);
  });
});

describe('partial syncs and re-runs (HUB)', () => {
  it('re-sends only the missing final model, and no metrics, after a partial sync', async () => {
    const w = ws();
    const best = w.weight('best.pt', 400_000);
    const last = w.weight('last.pt', 410_000);
    const id = e2e.emu.hub.addModel();
    e2e.emu.faults.add('hub:upload', GIVE_UP, { after: 1 });
    const first = await runAction(w, hub({ model: id }));
    assert.equal(first.code, 1, first.stdout);
    assert.equal(first.outputs.status, 'partial');
    const model = e2e.emu.state.hub.models[id];
    assert.deepEqual(model.uploads.map((u) => u.type), ['epoch']);
    const metricsRequests = model.metricsRequests;

    const second = await runAction(w, hub({ model: id }));
    assert.equal(second.code, 0, second.stdout);
    assert.equal(model.metricsRequests, metricsRequests, 'metrics were sent again');
    assert.deepEqual(model.uploads.map((u) => [u.type, u.sha256]), [['epoch', last], ['final', best]]);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('continues the model it created on a re-run instead of creating another', async () => {
    const w = ws();
    e2e.emu.faults.add('hub:upload', GIVE_UP, { after: 1 });
    assert.equal((await runAction(w, hub({ model: 'yolo11n.pt' }))).code, 1);
    const second = await runAction(w, hub({ model: 'yolo11n.pt' }));
    assert.equal(second.code, 0, second.stdout);
    const created = Object.values(e2e.emu.state.hub.models).filter((m) => m.created);
    assert.equal(created.length, 1, 'a second model was created');
    assert.deepEqual(created[0].uploads.map((u) => u.type), ['epoch', 'final']);
  });

  it('masks a key given in the legacy APIKEY_MODELID form', async () => {
    const w = ws();
    const id = e2e.emu.hub.addModel();
    const run = await runAction(w, { 'api-url': e2e.emu.url, model: `${HUB_KEY}_${id}` });
    assert.equal(run.code, 0, run.stdout);
    assert.ok(!visible(run.all).includes(HUB_KEY));
    assert.equal(run.outputs['model-id'], id);
  });
});

describe('cancellation and server replies', () => {
  it('stops on SIGTERM within 5 s, saving progress', async () => {
    const w = ws();
    e2e.emu.faults.add('platform:epoch_end', { delayMs: 30_000 }, { after: 3 });
    const started = Date.now();
    const run = await runAction(w, platform({ 'request-timeout': '60' }), {}, { killAfterMs: 1500 });
    const took = Date.now() - started;
    assert.equal(run.code, 143, run.stdout);
    assert.ok(took < 1500 + 5000, `took ${took} ms`);
    assert.match(run.stdout, /Cancelled: stopped and saved progress in .*\.ultralytics-sync\.json/);
    const saved = stateOf(w);
    assert.equal(saved.modelId, runs()[0].modelId);
    assert.deepEqual(saved.epochs, [0, 1, 2]);
  });

  it('quotes a server reply cut short and stripped of control characters', async () => {
    const w = ws();
    const reply = JSON.stringify({ error: '\u001b[31mbad\u0007 things ' + 'x'.repeat(3000) });
    e2e.emu.faults.add('platform:training_started', { status: 400, body: reply });
    const run = await runAction(w, platform());
    assert.equal(run.code, 1);
    const line = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    assert.match(line, /HTTP 400 Bad Request: "\[31mbad things x+…"/);
    assert.ok(line.length < 700, `error line is ${line.length} chars`);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(line));
  });
});
