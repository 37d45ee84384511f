/**
 * The emulator's prepared HUB cases and the weights it serves: the control API seeds each kind,
 * storage answers Range/If-Range as cloud storage does, a key sent there is a protocol error, a
 * release asset redirects to its storage URL, and `reset: mid-body` cuts a download half-way.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { after, before, beforeEach, test } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/server.js';
import { HUB_KEY, jsonHeaders, send } from './helpers.js';

let em: Emulator;
before(async () => {
  em = await startEmulator();
});
after(() => em.close());
beforeEach(() => em.reset());

interface Got {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** False when the connection closed before the announced end of the body. */
  complete: boolean;
}

/** A GET that keeps the body as bytes and tells a cut answer from a whole one. */
function get(url: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete: res.complete });
      res.on('end', done);
      res.on('error', done);
      res.on('aborted', done);
    });
    req.on('error', reject);
    req.end();
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const control = (path: string, body: unknown) =>
  send(`${em.url}/_emulator/${path}`, { method: 'POST', headers: jsonHeaders(), body: JSON.stringify(body) });
const model = async (id: string) => (await send(`${em.url}/v1/models/${id}`, { headers: { 'x-api-key': HUB_KEY } })).json().data;

test('POST hub/cases seeds each kind with the model data fields HUB-API.md lists', async () => {
  const made: Record<string, { id: string; weights?: { url: string; sha256: string } }> = {};
  for (const kind of ['new', 'pretrained', 'architecture', 'resumable', 'trained']) {
    const res = await control('hub/cases', { case: kind, bytes: 1000 });
    assert.equal(res.status, 200, res.text);
    made[kind] = res.json();
  }
  const fields = ['status', 'has_last_weights', 'has_best_weights', 'is_pretrained', 'cfg', 'data', 'weights', 'resume', 'train_args',
    'batch_size', 'epochs', 'imgsz', 'patience', 'device', 'cache'];
  for (const { id } of Object.values(made)) for (const f of fields) assert.ok(f in (await model(id)), `${f} of ${id}`);
  const pretrained = await model(made.pretrained.id);
  assert.equal(pretrained.is_pretrained, true);
  assert.equal(pretrained.weights, made.pretrained.weights?.url);
  assert.match(pretrained.weights, /\/_assets\/[^/]+\/yolo11n\.pt$/);
  const resumable = await model(made.resumable.id);
  assert.deepEqual([resumable.status, resumable.has_last_weights], ['training', true]);
  assert.match(resumable.resume, /\/_storage\/[0-9a-f]+\/last\.pt\?.*X-Goog-Signature=/);
  assert.equal((await model(made.trained.id)).status, 'trained');
  assert.equal((await model(made.architecture.id)).cfg, 'yolo11s.yaml');
  assert.deepEqual((await model(made.new.id)).train_args, {});
  const bad = await control('hub/cases', { case: 'finished' });
  assert.equal(bad.status, 400);
  assert.match(bad.json().error, /unknown case "finished"; use one of new, pretrained, architecture, resumable, trained/);
  assert.equal((await control('hub/cases', { case: 'new', data: { stauts: 'x' } })).status, 400);
});

test('storage serves the bytes, a Range with a matching If-Range as 206, a stale If-Range whole, past the end 416', async () => {
  const c = em.hub.addCase('resumable', { bytes: 5000 });
  const url = c.weights!.url;
  const whole = await get(url);
  assert.equal(whole.status, 200);
  assert.equal(sha(whole.body), c.weights!.sha256);
  const etag = whole.headers.etag as string;
  assert.equal(whole.headers['accept-ranges'], 'bytes');
  const part = await get(url, { range: 'bytes=1000-', 'if-range': etag });
  assert.equal(part.status, 206);
  assert.equal(part.headers['content-range'], 'bytes 1000-4999/5000');
  assert.deepEqual(part.body, whole.body.subarray(1000));
  const stale = await get(url, { range: 'bytes=1000-', 'if-range': '"other"' });
  assert.equal(stale.status, 200);
  assert.equal(stale.body.length, 5000);
  const past = await get(url, { range: 'bytes=5000-' });
  assert.equal(past.status, 416);
  assert.equal(past.headers['content-range'], 'bytes */5000');
  const forged = await get(url.replace(/X-Goog-Signature=[0-9a-f]+/, 'X-Goog-Signature=00'));
  assert.equal(forged.status, 403);
  assert.deepEqual(em.state.hub.downloads.map((d) => [d.status, d.range]), [[200, undefined], [206, 'bytes=1000-'], [200, 'bytes=1000-'], [416, 'bytes=5000-']]);
  assert.equal(em.state.protocolErrors.length, 1, 'the forged signature is flagged');
});

test('a key sent to a weights URL is a protocol error; an asset redirects to its signed storage URL', async () => {
  const c = em.hub.addCase('pretrained', { bytes: 2000 });
  const asset = await get(c.weights!.url);
  assert.equal(asset.status, 302);
  const target = asset.headers.location as string;
  assert.match(target, /\/_storage\/.*\/yolo11n\.pt\?.*X-Goog-Signature=/);
  assert.equal(sha((await get(target)).body), c.weights!.sha256);
  assert.deepEqual(em.state.protocolErrors, []);
  await get(target, { 'x-api-key': HUB_KEY });
  assert.match(em.state.protocolErrors[0], /^hub:weights: the API key was sent with a weights download; HUB-API\.md/);
});

test('reset: mid-body on hub:weights cuts the answer half-way; the next request is whole', async () => {
  const c = em.hub.addCase('resumable', { bytes: 100_000 });
  em.faults.add('hub:weights', { reset: 'mid-body' });
  const cut = await get(c.weights!.url);
  assert.equal(cut.complete, false);
  assert.ok(cut.body.length > 0 && cut.body.length <= 50_000, `${cut.body.length} bytes arrived`);
  assert.deepEqual(cut.body, (await get(c.weights!.url)).body.subarray(0, cut.body.length));
  assert.deepEqual(em.state.faultsFired.map((f) => [f.target, f.kind]), [['hub:weights', 'reset:mid-body']]);
});
