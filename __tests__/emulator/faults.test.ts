import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Faults } from '../../emulator/faults.js';
import { startEmulator, type Emulator } from '../../emulator/server.js';
import { eventually, HUB_KEY, hubMetricsBody, jsonHeaders, PLATFORM_KEY, send, upload, type FormPart } from './helpers.js';

const hubAuth = { 'x-api-key': HUB_KEY };
const started = {
  event: 'training_started',
  data: { trainArgs: {}, epochs: 1, device: 'cpu', environment: {} },
  project: 'p',
  name: 'train',
};

let em: Emulator;
before(async () => {
  em = await startEmulator();
});
after(() => em.close());
beforeEach(() => em.reset());

const metrics = (id: string, signal?: AbortSignal) =>
  send(`${em.url}/v1/models/${id}`, { method: 'POST', headers: jsonHeaders(hubAuth), body: hubMetricsBody([0]), signal });
const webhook = (body: unknown) =>
  send(`${em.url}/api/webhooks/training/metrics`, {
    method: 'POST',
    headers: jsonHeaders({ authorization: `Bearer ${PLATFORM_KEY}` }),
    body: JSON.stringify(body),
  });
const epochUpload = (id: string, size: number): Promise<unknown> => {
  const parts: FormPart[] = [
    { name: 'epoch', value: '0' },
    { name: 'type', value: 'epoch' },
    { name: 'isBest', value: 'True' },
    { name: 'last.pt', filename: 'last.pt', data: randomBytes(size) },
  ];
  return upload(`${em.url}/v1/models/${id}/upload`, parts);
};
/** A socket-level failure: the connection was reset, refused or closed without an answer. */
const socketError = (e: unknown) => {
  assert.match(String((e as NodeJS.ErrnoException).code), /^(ECONNRESET|EPIPE|ECONNREFUSED|ABORT_ERR)$/, String(e));
  return true;
};

test('status: answers without acting, with Retry-After and the protocol-shaped body', async () => {
  const id = em.hub.addModel();
  em.faults.add('hub:metrics', { status: 503, retryAfter: 7 });
  const res = await metrics(id);
  assert.equal(res.status, 503);
  assert.equal(res.headers['retry-after'], '7');
  assert.deepEqual(res.json(), { success: false, message: 'Injected fault: HTTP 503' });
  assert.deepEqual(em.state.hub.models[id].metrics, {});
  assert.equal((await metrics(id)).status, 200, 'times defaults to 1');
  assert.deepEqual(em.state.faultsFired, [{ target: 'hub:metrics', kind: 'status', at: 0 }]);
  assert.deepEqual(em.state.requests, [
    { method: 'POST', path: `/v1/models/${id}`, status: 503, target: 'hub:metrics', fault: 'status' },
    { method: 'POST', path: `/v1/models/${id}`, status: 200, target: 'hub:metrics' },
  ]);
});

test('status: a custom body is sent as it is', async () => {
  em.faults.add('platform:training_started', { status: 500, body: 'upstream exploded' });
  const res = await webhook(started);
  assert.equal(res.status, 500);
  assert.equal(res.text, 'upstream exploded');
  assert.equal(em.state.platform.registrations, 0);
});

test('times and after count only matching requests; * matches any', async () => {
  const id = em.hub.addModel();
  em.faults.add('hub:metrics', { status: 502 }, { times: 2, after: 1 });
  const statuses = [];
  for (let i = 0; i < 4; i++) {
    statuses.push((await metrics(id)).status);
    await send(`${em.url}/v1/models/${id}`, { headers: hubAuth }); // not a match
  }
  assert.deepEqual(statuses, [200, 502, 502, 200]);
  em.faults.add('*', { status: 504 });
  assert.equal((await send(`${em.url}/v1/models/${id}`, { headers: hubAuth })).status, 504);
});

test('reset before: the socket is destroyed and nothing happens', async () => {
  const id = em.hub.addModel();
  em.faults.add('hub:metrics', { reset: 'before' });
  await assert.rejects(metrics(id), socketError);
  assert.deepEqual(em.state.hub.models[id].metrics, {});
  assert.deepEqual(em.state.requests[0], { method: 'POST', path: `/v1/models/${id}`, status: 0, target: 'hub:metrics', fault: 'reset:before' });
});

test('reset mid-body: the upload is cut off and not recorded', async () => {
  const id = em.hub.addModel();
  em.faults.add('hub:upload', { reset: 'mid-body' });
  await assert.rejects(epochUpload(id, 8 * 1024 * 1024), socketError);
  assert.deepEqual(em.state.hub.models[id].uploads, []);
  assert.equal(em.state.faultsFired[0].kind, 'reset:mid-body');
});

test('reset after-action: the action happened, the answer is lost', async () => {
  const id = em.hub.addModel();
  em.faults.add('hub:upload', { reset: 'after-action' });
  await assert.rejects(epochUpload(id, 1000), socketError);
  assert.equal(em.state.hub.models[id].uploads.length, 1);

  em.faults.add('platform:training_started', { reset: 'after-action' });
  await assert.rejects(webhook(started), socketError);
  assert.equal(em.state.platform.registrations, 1);
  assert.equal(Object.keys(em.state.platform.runs).length, 1);
});

describe('delayMs', () => {
  test('a client that gives up first: not applied', async () => {
    const id = em.hub.addModel();
    em.faults.add('hub:metrics', { delayMs: 60_000 });
    await assert.rejects(metrics(id, AbortSignal.timeout(50)), socketError);
    await eventually(async () => assert.equal(em.state.faultsFired[0]?.applied, false));
    assert.deepEqual(em.state.hub.models[id].metrics, {});
    assert.equal(em.state.requests[0].status, 0);
  });

  test('a client that waits: applied and answered', async () => {
    const id = em.hub.addModel();
    em.faults.add('hub:metrics', { delayMs: 20 });
    assert.equal((await metrics(id)).status, 200);
    assert.equal(em.state.faultsFired[0].applied, true);
    assert.deepEqual(Object.keys(em.state.hub.models[id].metrics), ['0']);
  });
});

test('html: acts, then answers 200 with an HTML page', async () => {
  em.faults.add('platform:training_started', { html: true });
  const res = await webhook(started);
  assert.equal(res.status, 200);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  assert.match(res.text, /^<!DOCTYPE html>/);
  assert.equal(em.state.platform.registrations, 1);
});

test('down: connections are refused for a while, then the same port answers again', async () => {
  em.faults.add('hub:auth', { down: { ms: 400 } });
  const check = () => send(`${em.url}/v1/auth`, { method: 'POST', headers: hubAuth, body: '' });
  await assert.rejects(check(), socketError);
  await assert.rejects(check(), (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED');
  const res = await eventually(check);
  assert.equal(res.status, 200);
  assert.deepEqual(em.state.faultsFired, [{ target: 'hub:auth', kind: 'down', at: 0 }]);
  assert.equal(em.state.hub.authChecks, 1);
});

test('rules are checked when added', () => {
  const faults = new Faults();
  assert.throws(() => faults.add('hub:nope' as 'hub:auth', { status: 500 }), /unknown fault target "hub:nope"/);
  assert.throws(() => faults.add('hub:auth', { status: 42 }), /status must be an HTTP status code/);
  assert.throws(() => faults.add('hub:auth', { reset: 'sometimes' as 'before' }), /reset must be 'before', 'mid-body' or 'after-action'/);
  assert.throws(() => faults.add('hub:auth', { html: true }, { times: 0 }), /times must be an integer >= 1/);
});

test('maxBodyBytes: a body over the limit gets 413 without acting; smaller ones pass and do not use the rule up', async () => {
  em.faults.add('platform:training_started', { maxBodyBytes: 4096 }, { times: 1 });
  const big = await webhook({ ...started, data: { ...started.data, trainArgs: { note: 'x'.repeat(10_000) } } });
  assert.equal(big.status, 413);
  assert.equal(em.state.platform.registrations, 0, 'the oversized request was acted on');
  assert.deepEqual(em.state.faultsFired.map((f) => f.kind), ['body-limit']);
  em.faults.add('platform:training_started', { maxBodyBytes: 4096 }, { times: 1 });
  const small = await webhook(started);
  assert.equal(small.status, 200);
  assert.equal(em.faults.pending().length, 1, 'a request within the limit used the rule up');
});
