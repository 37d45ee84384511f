import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { after, before, beforeEach, test } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/server.js';
import { HUB_KEY, jsonHeaders, PLATFORM_KEY, send } from './helpers.js';

let em: Emulator;
before(async () => {
  em = await startEmulator();
});
after(() => em.close());
beforeEach(() => em.reset());

const control = (method: string, path: string, body?: unknown) =>
  send(`${em.url}/_emulator/${path}`, { method, headers: jsonHeaders(), body: body === undefined ? undefined : JSON.stringify(body) });
const register = (name: string) =>
  send(`${em.url}/api/webhooks/training/metrics`, {
    method: 'POST',
    headers: jsonHeaders({ authorization: `Bearer ${PLATFORM_KEY}` }),
    body: JSON.stringify({ event: 'training_started', data: { trainArgs: {}, epochs: 1, device: 'cpu', environment: {} }, project: 'p', name }),
  });

test('POST hub/models seeds a model; GET state returns the state as JSON', async () => {
  const seeded = await control('POST', 'hub/models', { status: 'trained', name: 'seeded.pt' });
  const { id } = seeded.json();
  assert.match(id, /^[A-Za-z0-9]{20}$/);
  const read = await send(`${em.url}/v1/models/${id}`, { headers: { 'x-api-key': HUB_KEY } });
  assert.equal(read.json().data.status, 'trained');
  const state = (await control('GET', 'state')).json();
  assert.deepEqual(state, JSON.parse(JSON.stringify(em.state)));
  assert.equal(state.requests.length, 1, 'control requests are not recorded');
  assert.equal(state.hub.models[id].created, false);
});

test('POST hub/models refuses unknown fields', async () => {
  const res = await control('POST', 'hub/models', { stauts: 'trained' });
  assert.equal(res.status, 400);
  assert.match(res.json().error, /unknown model data field\(s\) stauts/);
});

test('POST faults adds a rule (listed by GET faults until used); bad rules get 400', async () => {
  assert.equal((await control('POST', 'faults', { target: 'hub:auth', fault: { status: 500 }, times: 1 })).status, 200);
  assert.deepEqual((await control('GET', 'faults')).json(), [{ target: 'hub:auth', fault: { status: 500 }, times: 1, after: 0 }]);
  const res = await send(`${em.url}/v1/auth`, { method: 'POST', headers: { 'x-api-key': HUB_KEY }, body: '' });
  assert.equal(res.status, 500);
  assert.deepEqual((await control('GET', 'faults')).json(), []);
  const bad = await control('POST', 'faults', { target: 'hub:auth', fault: { delayMs: -1 } });
  assert.equal(bad.status, 400);
  assert.match(bad.json().error, /delayMs must be an integer >= 0/);
});

test('POST platform/slugs and platform/cancel act like the in-process calls', async () => {
  await control('POST', 'platform/slugs', { project: 'p', slug: 'train' });
  await control('POST', 'platform/cancel', { modelId: '*', epochs: 0 });
  const res = (await register('train')).json();
  assert.equal(res.modelSlug, 'train-2');
  assert.equal(res.cancelled, true);
  assert.equal((await control('POST', 'platform/cancel', { modelId: '*' })).status, 400);
});

test('POST reset clears state and faults', async () => {
  await register('train');
  await control('POST', 'faults', { target: '*', fault: { status: 500 } });
  await control('POST', 'reset');
  assert.deepEqual(em.state.platform.runs, {});
  assert.deepEqual(em.state.requests, []);
  assert.equal((await register('train')).status, 200);
});

test('an unknown control path is a 404', async () => {
  assert.equal((await control('GET', 'nope')).status, 404);
});

test('configured keys replace the default key shapes', async () => {
  const strict = await startEmulator({ hubKeys: ['k'.repeat(42)], platformKeys: ['ul_mine'] });
  try {
    assert.equal((await send(`${strict.url}/v1/auth`, { method: 'POST', headers: { 'x-api-key': HUB_KEY }, body: '' })).status, 401);
    assert.equal((await send(`${strict.url}/v1/auth`, { method: 'POST', headers: { 'x-api-key': 'k'.repeat(42) }, body: '' })).status, 200);
    const res = await send(`${strict.url}/api/webhooks/models/upload`, {
      method: 'POST',
      headers: jsonHeaders({ authorization: 'Bearer ul_mine' }),
      body: JSON.stringify({ filename: 'best.pt', modelId: 'none', runId: 'none' }),
    });
    assert.equal(res.status, 404, 'the key was accepted; the model does not exist');
  } finally {
    await strict.close();
  }
});

test('the emulator entry prints its URL and env lines, logs requests and stops on SIGTERM', async () => {
  const main = fileURLToPath(new URL('../../emulator/main.js', import.meta.url));
  const child = spawn(process.execPath, [main, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  const listening = /^ultralytics emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(await next());
  assert.ok(listening);
  const url = listening[1];
  assert.equal(await next(), `ULTRALYTICS_PLATFORM_URL=${url}`);
  assert.equal(await next(), `ULTRALYTICS_HUB_API=${url}`);
  await send(`${url}/v1/auth`, { method: 'POST', headers: { 'x-api-key': HUB_KEY }, body: '' });
  assert.equal(await next(), 'POST /v1/auth -> 200 [hub:auth]');
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});
