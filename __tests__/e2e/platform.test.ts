/**
 * The action end to end over the Platform protocol: `node dist/index.js` with INPUT_* variables
 * against the emulator, then the emulator's state compared with the files on disk.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { type PlatformRun, startEmulator } from '../../emulator/server.js';
import { platformName } from '../../src/backend/ci-environment.js';
import { ERA_FIXTURES, FIXTURES, PLATFORM_KEY, expectedEpochs, isLr, pick, runAction, visible } from './harness.js';
import { e2eSetup } from './setup.js';

const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY] });
const ws = e2e.ws;

const inputs = (extra: Record<string, string> = {}) => ({
  'api-key': PLATFORM_KEY,
  'api-url': e2e.emu.url,
  project: 'acme/helmets',
  ...extra,
});

const runs = (): PlatformRun[] => Object.values(e2e.emu.state.platform.runs);

/** Every epoch_end as Platform stored it equals the file's row (metrics without lr columns, plus lr). */
function assertEpochs(run: PlatformRun, csv: string): void {
  const expected = expectedEpochs(csv);
  assert.deepEqual(Object.keys(run.epochs).map(Number).sort((a, b) => a - b), [...expected.keys()].sort((a, b) => a - b));
  for (const [epoch, values] of expected) {
    const data = run.epochs[String(epoch)] as { epoch: number; metrics: Record<string, number | null> };
    assert.equal(data.epoch, epoch);
    const lr = values['lr/pg0'] ?? values['x/lr0'] ?? null;
    assert.deepEqual(data.metrics, { ...pick(values, (k) => !isLr(k)), lr }, `epoch ${epoch}`);
  }
  assert.equal(run.epochEvents, expected.size, 'an epoch was sent twice');
}

describe('Platform end to end', () => {
  for (const fixture of ERA_FIXTURES) {
    it(`registers the run and sends every epoch and best.pt for ${fixture}`, async () => {
      const csv = path.join(FIXTURES, fixture);
      const w = ws({ csv });
      const best = w.weight('best.pt', 250_000);
      const run = await runAction(w, inputs());
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(e2e.emu.state.protocolErrors, []);
      assert.equal(runs().length, 1);
      const r = runs()[0];
      assert.equal(r.project, 'acme/helmets');
      assert.equal(r.name, 'train');
      assertEpochs(r, csv);
      assert.deepEqual(r.puts.map((p) => p.sha256), [best]);
      assert.deepEqual(r.events.slice(-2), ['checkpoint_saved', 'training_complete']);
      assert.equal(run.outputs.status, 'synced');
      assert.equal(run.outputs.backend, 'platform');
      assert.equal(run.outputs['model-id'], r.modelId);
      assert.equal(run.outputs['model-url'], `${e2e.emu.url}/acme/helmets/${r.modelSlug}`);
    });
  }

  it('sends trainArgs as Python str() spells them, base names only, and the CI environment', async () => {
    const w = ws();
    const run = await runAction(w, inputs(), { GITHUB_REPOSITORY: 'acme/train', GITHUB_SHA: '0123456789abcdef0123', GITHUB_REF_NAME: 'main', RUNNER_OS: 'Linux' });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const started = runs()[0].started as { trainArgs: Record<string, string>; epochs: number; environment: Record<string, unknown> };
    assert.equal(started.trainArgs.data, 'coco8.yaml');
    assert.equal(started.trainArgs.epochs, '50');
    assert.match(started.trainArgs.lr0, /^\d+\.\d+$/);
    assert.ok(['True', 'False'].includes(started.trainArgs.amp));
    assert.ok(Object.values(started.trainArgs).every((v) => typeof v === 'string' && !v.startsWith('/')));
    assert.equal(started.epochs, 50);
    assert.equal(started.environment.gitCommit, '0123456789ab');
    assert.equal(started.environment.gitBranch, 'main');
    // The machine as the real client and the CLI name it (platform.platform()), not the runner's "Linux".
    assert.equal(started.environment.os, platformName());
    assert.equal(started.environment.hostname, os.hostname());
    assert.equal(typeof started.environment.totalDiskGb, 'number');
    assert.equal(started.environment.command, undefined, 'after the training, no training process to name');
    const complete = runs()[0].complete as { results: { bestEpoch: number; modelSize: number; metrics: Record<string, unknown> } };
    assert.equal(complete.results.modelSize, fs.statSync(path.join(w.runDir, 'weights/best.pt')).size);
    assert.equal(String(complete.results.bestEpoch), run.outputs['best-epoch']);
  });

  it('survives faults on every event and on the PUT: everything arrives once and intact', async () => {
    const w = ws();
    const best = w.weight('best.pt', 4_000_000);
    e2e.emu.faults.add('platform:training_started', { status: 503, retryAfter: 0 });
    e2e.emu.faults.add('platform:epoch_end', { status: 500 }, { after: 3 });
    e2e.emu.faults.add('platform:epoch_end', { reset: 'before' }, { after: 10 });
    e2e.emu.faults.add('platform:epoch_end', { html: true }, { after: 20 });
    e2e.emu.faults.add('platform:upload-url', { status: 502 });
    e2e.emu.faults.add('platform:put', { reset: 'mid-body' });
    e2e.emu.faults.add('platform:put', { status: 503, retryAfter: 1 });
    e2e.emu.faults.add('platform:checkpoint_saved', { status: 429, retryAfter: 1 });
    e2e.emu.faults.add('platform:training_complete', { reset: 'after-action' });
    const run = await runAction(w, inputs());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
    assert.ok(e2e.emu.state.faultsFired.length >= 9, `fired ${e2e.emu.state.faultsFired.length}`);
    assert.equal(runs().length, 1, 'registered twice');
    const r = runs()[0];
    assert.equal(Object.keys(r.epochs).length, expectedEpochs(path.join(w.runDir, 'results.csv')).size);
    assert.ok(r.puts.some((p) => p.sha256 === best));
    assert.ok(r.complete);
  });

  it('paces a 120-epoch backfill under the rate limit with zero 429s', async () => {
    const limited = await startEmulator({ platformKeys: [PLATFORM_KEY], rateLimit: { limit: 40, windowMs: 2000 } });
    try {
      const header = 'epoch,time,train/box_loss,metrics/mAP50(B),metrics/mAP50-95(B),lr/pg0';
      const rows = Array.from({ length: 120 }, (_, i) => `${i + 1},${i * 10},${(2 - i / 100).toFixed(4)},${(i / 200).toFixed(4)},${(i / 300).toFixed(4)},0.01`);
      const w = ws();
      fs.writeFileSync(path.join(w.runDir, 'results.csv'), [header, ...rows].join('\n') + '\n');
      const run = await runAction(w, { ...inputs(), 'api-url': limited.url });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(limited.state.platform.rateLimited, 0, 'a 429 was provoked');
      assert.deepEqual(limited.state.protocolErrors, []);
      assert.equal(Object.keys(Object.values(limited.state.platform.runs)[0].epochs).length, 120);
    } finally {
      await limited.close();
    }
  });

  it('reports a failed training as training_failed and passes the step', async () => {
    const w = ws();
    const run = await runAction(w, inputs({ status: 'failure' }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const r = runs()[0];
    assert.ok(r.failed);
    assert.equal(r.complete, undefined);
    assert.equal(r.puts.length, 0);
    assert.equal((r.failed as { code: string }).code, 'failure');
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('stops cleanly when the server cancels the run', async () => {
    const w = ws();
    e2e.emu.platform.cancelAfter('*', 5);
    const run = await runAction(w, inputs());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.status, 'cancelled');
    const r = runs()[0];
    assert.equal(Object.keys(r.epochs).length, 5);
    assert.equal(r.puts.length, 0);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('uses the slug Platform answers when the name is taken', async () => {
    const w = ws();
    e2e.emu.platform.takeSlug('acme/helmets', 'train');
    const run = await runAction(w, inputs());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(runs()[0].modelSlug, 'train-2');
    assert.equal(run.outputs['model-url'], `${e2e.emu.url}/acme/helmets/train-2`);
  });

  it('fails fast on a rejected key and never retries the 401', async () => {
    const w = ws();
    const other = 'ul_' + 'f'.repeat(40);
    const run = await runAction(w, inputs({ 'api-key': other }));
    assert.equal(run.code, 1);
    assert.match(run.stdout, /401/);
    assert.equal(e2e.emu.state.requests.length, 1);
    assert.ok(!visible(run.all).includes(other));
  });

  it('a re-run sends only the log lines written since the last acknowledged chunk', async () => {
    const w = ws();
    const log = path.join(w.dir, 'train.log');
    const first = Array.from({ length: 700 }, (_, i) => `line ${i}`);
    fs.writeFileSync(log, first.join('\n') + '\n');
    e2e.emu.faults.add('platform:training_complete', { status: 400 }); // the first job ends before reporting the run
    assert.equal((await runAction(w, inputs({ 'log-file': 'train.log' }))).code, 1);
    const stateFile = path.join(w.runDir, '.ultralytics-sync.json');
    assert.equal(JSON.parse(fs.readFileSync(stateFile, 'utf8')).consoleLines, 700);
    const more = Array.from({ length: 30 }, (_, i) => `more ${i}`);
    fs.appendFileSync(log, more.join('\n') + '\n');
    assert.equal((await runAction(w, inputs({ 'log-file': 'train.log' }))).code, 0);
    const chunks = runs()[0].console;
    assert.deepEqual(chunks.map((c) => c.chunkId), [1, 2, 3]);
    assert.deepEqual(chunks.flatMap((c) => c.content.split('\n')), [...first, ...more]);
    assert.equal(JSON.parse(fs.readFileSync(stateFile, 'utf8')).consoleLines, 730);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('sends a console log in chunks', async () => {
    const w = ws();
    const log = path.join(w.dir, 'train.log');
    const lines = Array.from({ length: 1200 }, (_, i) => `line ${i}: loss ${(1 / (i + 1)).toFixed(5)}`);
    fs.writeFileSync(log, lines.join('\n') + '\n');
    const run = await runAction(w, inputs({ 'log-file': 'train.log' }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const chunks = runs()[0].console;
    assert.deepEqual(chunks.map((c) => c.chunkId), chunks.map((_, i) => i + 1));
    assert.deepEqual(chunks.flatMap((c) => c.content.split('\n')), lines);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('reads the key from ULTRALYTICS_API_KEY and never shows it or a signed URL', async () => {
    const w = ws();
    const run = await runAction(w, { 'api-url': e2e.emu.url, project: 'acme/helmets' }, { ULTRALYTICS_API_KEY: PLATFORM_KEY, ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(runs().length, 1);
    const shown = visible(run.all);
    assert.ok(!shown.includes(PLATFORM_KEY), 'the key was printed');
    assert.ok(!shown.includes('X-Goog-Signature'), 'a signed URL was printed');
  });

  it('uploads last.pt with a warning when best.pt is missing', async () => {
    const w = ws({ weights: { 'last.pt': 90_000 } });
    const last = w.weight('last.pt', 90_000);
    const run = await runAction(w, inputs());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /::warning.*best\.pt/);
    assert.deepEqual(runs()[0].puts.map((p) => p.sha256), [last]);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });
});
