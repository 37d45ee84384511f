import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/server.js';
import { HUB_KEY, hubMetricsBody, jsonHeaders, send, upload, type FormPart } from './helpers.js';

const auth = { 'x-api-key': HUB_KEY };
const createBody = {
  config: { batchSize: 16, epochs: 3, imageSize: 640, patience: 100, device: 'cpu', cache: 'False' },
  dataset: { name: 'coco8.yaml' },
  lineage: { architecture: { name: 'yolo11n' }, parent: { name: 'yolo11n.pt' } },
  meta: { name: 'yolo11n.pt' },
};
const epochParts = (data: Buffer, isBest = 'True'): FormPart[] => [
  { name: 'epoch', value: '2' },
  { name: 'type', value: 'epoch' },
  { name: 'isBest', value: isBest },
  { name: 'last.pt', filename: 'last.pt', data },
];
const finalParts = (map: string, file: string): FormPart[] => [
  { name: 'epoch', value: '1' },
  { name: 'type', value: 'final' },
  { name: 'map', value: map },
  { name: file, filename: file, data: Buffer.from('w') },
];

let em: Emulator;
let dir: string;
before(async () => {
  em = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), 'emulator-hub-'));
});
after(async () => {
  await em.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => em.reset());

const post = (path: string, body: unknown, headers: Record<string, string> = auth) =>
  send(em.url + path, { method: 'POST', headers: jsonHeaders(headers), body: typeof body === 'string' ? body : JSON.stringify(body) });

test('a correct HUB session leaves the expected state and no protocol errors', async () => {
  const checked = await send(em.url + '/v1/auth', { method: 'POST', headers: auth, body: '' });
  assert.equal(checked.status, 200);
  assert.deepEqual(checked.json(), { success: true });

  const created = await post('/v1/models', createBody);
  assert.equal(created.status, 200);
  const id: string = created.json().data.id;
  assert.match(id, /^[A-Za-z0-9]{20}$/);

  const read = await send(`${em.url}/v1/models/${id}`, { headers: auth });
  assert.equal(read.json().data.id, id);
  assert.equal(read.json().data.status, 'new');
  assert.equal(read.json().data.is_pretrained, true);

  const beat1 = await post(`/v1/agent/heartbeat/models/${id}`, { agent: 'ultralytics-sync', agentId: null });
  const agentId: string = beat1.json().data.agentId;
  await post(`/v1/agent/heartbeat/models/${id}`, { agent: 'ultralytics-sync', agentId });

  assert.equal((await post(`/v1/models/${id}`, hubMetricsBody([0, 1]))).status, 200);
  assert.equal((await post(`/v1/models/${id}`, hubMetricsBody([1, 2]))).status, 200);
  const listed = await send(`${em.url}/v1/models/${id}/metrics`, { headers: auth });
  assert.deepEqual(listed.json().data.map((m: { epoch: number }) => m.epoch), [0, 1, 2]);

  const small = randomBytes(1000);
  assert.equal((await upload(`${em.url}/v1/models/${id}/upload`, epochParts(small))).status, 200);

  const bigFile = join(dir, 'best.pt');
  const big = randomBytes(20 * 1024 * 1024);
  await writeFile(bigFile, big);
  const final = await upload(`${em.url}/v1/models/${id}/upload`, [
    { name: 'epoch', value: '2' },
    { name: 'type', value: 'final' },
    { name: 'map', value: '0.4567' },
    { name: 'best.pt', filename: 'best.pt', file: bigFile },
  ]);
  assert.equal(final.status, 200);

  assert.deepEqual(em.state.protocolErrors, []);
  const model = em.state.hub.models[id];
  assert.equal(model.created, true);
  assert.deepEqual(model.createBody, createBody);
  assert.equal(model.data.status, 'trained');
  assert.equal(model.data.has_best_weights, true);
  assert.equal(model.metricsRequests, 2);
  assert.deepEqual(Object.keys(model.metrics), ['0', '1', '2']);
  assert.deepEqual(model.metrics['2'], { 'train/box_loss': 0.8, 'metrics/mAP50-95(B)': 0.2 });
  assert.deepEqual(model.heartbeats, [
    { agent: 'ultralytics-sync', agentId: null },
    { agent: 'ultralytics-sync', agentId },
  ]);
  assert.deepEqual(model.uploads, [
    { type: 'epoch', epoch: 2, isBest: true, field: 'last.pt', filename: 'last.pt', bytes: 1000, sha256: sha(small) },
    { type: 'final', epoch: 2, map: 0.4567, field: 'best.pt', filename: 'best.pt', bytes: big.length, sha256: sha(big) },
  ]);
  assert.equal(em.state.hub.authChecks, 1);
  assert.deepEqual(
    em.state.requests.map((r) => `${r.target} ${r.status}`),
    ['hub:auth 200', 'hub:create 200', 'hub:get-model 200', 'hub:heartbeat 200', 'hub:heartbeat 200',
      'hub:metrics 200', 'hub:metrics 200', 'hub:get-metrics 200', 'hub:upload 200', 'hub:upload 200'],
  );
});

test('a bad key gets 401 with the HUB message and is not a protocol error', async () => {
  const res = await send(em.url + '/v1/auth', { method: 'POST', headers: { 'x-api-key': 'x'.repeat(41) }, body: '' });
  assert.equal(res.status, 401);
  assert.deepEqual(res.json(), { success: false, message: 'Invalid API key' });
  const id = em.hub.addModel();
  assert.equal((await send(`${em.url}/v1/models/${id}`, { headers: { 'x-api-key': 'nope' } })).status, 401);
  assert.deepEqual(em.state.protocolErrors, []);
});

test('a Bearer token is accepted on HUB', async () => {
  const id = em.hub.addModel({ status: 'trained', name: 'seeded' });
  const res = await send(`${em.url}/v1/models/${id}`, { headers: { authorization: 'Bearer some-id-token' } });
  assert.equal(res.status, 200);
  assert.equal(res.json().data.status, 'trained');
  assert.equal(res.json().data.name, 'seeded');
  assert.deepEqual(em.state.protocolErrors, []);
});

test('an unknown model is a 404', async () => {
  const res = await send(`${em.url}/v1/models/${'A'.repeat(20)}`, { headers: auth });
  assert.equal(res.status, 404);
  assert.equal(res.json().success, false);
});

describe('deviations from HUB-API.md are flagged', () => {
  /** `count`: how many protocol errors the request causes in all (default 1). */
  const cases: { name: string; run: (id: string) => Promise<unknown>; error: RegExp; count?: number }[] = [
    {
      name: 'metrics as an object instead of JSON text',
      run: (id) => post(`/v1/models/${id}`, { metrics: { 0: { 'train/box_loss': 1 } }, type: 'metrics' }),
      error: /^hub:metrics: epoch 0's value is an object; HUB-API.md sends a string holding JSON text/,
    },
    {
      name: 'NaN inside the metrics text',
      run: (id) => post(`/v1/models/${id}`, { metrics: { 0: '{"train/box_loss": NaN}' }, type: 'metrics' }),
      error: /^hub:metrics: epoch 0: the metrics text holds a bare NaN, which is not JSON/,
    },
    {
      name: 'an epoch key that is not a number',
      run: (id) => post(`/v1/models/${id}`, { metrics: { first: '{}' }, type: 'metrics' }),
      error: /^hub:metrics: metrics key 'first' is not a 0-based epoch number/,
    },
    {
      name: 'isBest spelled true',
      run: (id) => upload(`${em.url}/v1/models/${id}/upload`, epochParts(Buffer.from('w'), 'true')),
      error: /^hub:upload: field isBest is 'true'; HUB-API.md spells it True or False$/,
    },
    {
      name: 'a chunked upload',
      run: (id) => upload(`${em.url}/v1/models/${id}/upload`, epochParts(Buffer.from('w')), { chunked: true }),
      error: /^hub:upload: the body is sent with transfer-encoding: chunked/,
      count: 2,
    },
    {
      name: 'an upload without content-length',
      run: (id) => upload(`${em.url}/v1/models/${id}/upload`, epochParts(Buffer.from('w')), { chunked: true }),
      error: /^hub:upload: no content-length header/,
      count: 2,
    },
    {
      name: 'fields out of order',
      run: (id) => upload(`${em.url}/v1/models/${id}/upload`, [epochParts(Buffer.from('w'))[1], ...epochParts(Buffer.from('w')).filter((p) => p.name !== 'type')]),
      error: /^hub:upload: parts arrive as type, epoch, isBest, <file>; HUB-API.md sends epoch, type, isBest, <file>/,
    },
    {
      name: 'a file part not named after its file',
      run: (id) => upload(`${em.url}/v1/models/${id}/upload`, [...epochParts(Buffer.from('w')).slice(0, 3), { name: 'file', filename: 'last.pt', data: Buffer.from('w') }]),
      error: /^hub:upload: the file part is named 'file' with filename 'last.pt'/,
    },
    {
      name: 'a final upload with a map that is not a number',
      run: (id) => upload(`${em.url}/v1/models/${id}/upload`, finalParts('nan', 'best.pt')),
      error: /^hub:upload: field map is 'nan'; HUB-API.md sends mAP50-95 as a decimal$/,
    },
    {
      name: 'a final upload of last.pt',
      run: (id) => upload(`${em.url}/v1/models/${id}/upload`, finalParts('0.5', 'last.pt')),
      error: /^hub:upload: a final upload carries 'last.pt'; HUB-API.md sends best.pt for type final$/,
    },
    {
      name: 'a local path in the create body',
      run: () => post('/v1/models', { ...createBody, dataset: { name: '/home/me/data/coco8.yaml' } }),
      error: /^hub:create: dataset.name is the local path '\/home\/me\/data\/coco8.yaml'/,
    },
    {
      name: 'a number for device in the create body',
      run: () => post('/v1/models', { ...createBody, config: { ...createBody.config, device: 0 } }),
      error: /^hub:create: config.device is 0; HUB-API.md sends a string$/,
    },
    {
      name: 'a parent that is neither {} nor {name}',
      run: () => post('/v1/models', { ...createBody, lineage: { architecture: { name: 'yolo11n' }, parent: { id: 'x' } } }),
      error: /^hub:create: lineage.parent is an object; HUB-API.md sends \{\} or \{"name"/,
    },
    {
      name: 'a request without x-api-key',
      run: (id) => send(`${em.url}/v1/models/${id}`),
      error: /^hub:get-model: no x-api-key header/,
    },
    {
      name: 'a body on the key check',
      run: () => post('/v1/auth', '{}'),
      error: /^hub:auth: the body is not empty; HUB-API.md sends none/,
    },
    {
      name: 'a heartbeat echoing an agentId the server never gave',
      run: (id) => post(`/v1/agent/heartbeat/models/${id}`, { agent: 'a', agentId: 'nope' }),
      error: /^hub:heartbeat: agentId 'nope' is not the one the last heartbeat answer returned/,
    },
    {
      name: 'an endpoint HUB does not have',
      run: () => post('/v1/nope', {}),
      error: /^POST \/v1\/nope: no such endpoint/,
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      await c.run(em.hub.addModel());
      const errors = em.state.protocolErrors;
      assert.ok(errors.some((e) => c.error.test(e)), `expected ${c.error} among ${JSON.stringify(errors)}`);
      assert.equal(errors.length, c.count ?? 1, JSON.stringify(errors));
    });
  }
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
