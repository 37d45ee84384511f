import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/server.js';
import { PLATFORM_KEY, jsonHeaders, send, type Sent } from './helpers.js';

const bearer = { authorization: `Bearer ${PLATFORM_KEY}` };
const startedData = {
  trainArgs: { epochs: '3', batch: '16', amp: 'True', imgsz: '640', pretrained: 'None' },
  epochs: 3,
  device: 'cpu',
  environment: { os: 'Linux', cpuCount: 4 },
};
const epochData = (epoch: number) => ({
  epoch,
  metrics: { 'train/box_loss': 1 - epoch / 10, 'metrics/mAP50-95(B)': epoch / 10, lr: 0.01 },
  system: {},
  fitness: epoch / 10,
  best_fitness: epoch / 10,
  ...(epoch === 0 ? { modelInfo: { parameters: 2_600_000, gflops: 6.5, speedMs: 1.2 } } : {}),
});

let em: Emulator;
let clock = 1_700_000_000_000;
before(async () => {
  em = await startEmulator({ now: () => clock, rateLimit: { limit: 100, windowMs: 60_000 } });
});
after(() => em.close());
beforeEach(() => em.reset());

const webhook = (body: unknown, headers: Record<string, string> = bearer) =>
  send(em.url + '/api/webhooks/training/metrics', {
    method: 'POST',
    headers: jsonHeaders(headers),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const uploadUrl = (body: unknown) =>
  send(em.url + '/api/webhooks/models/upload', { method: 'POST', headers: jsonHeaders(bearer), body: JSON.stringify(body) });
const put = (url: string, data: Buffer, headers: Record<string, string> = { 'content-type': 'application/octet-stream' }) =>
  send(url, { method: 'PUT', headers, body: data });

async function register(name = 'train', project = 'JohnDoe/my-project') {
  const res = await webhook({ event: 'training_started', data: startedData, project, name });
  assert.equal(res.status, 200, res.text);
  return res.json() as { modelId: string; runId: string; modelSlug: string; cancelled: boolean };
}

test('a correct Platform run leaves the expected state and no protocol errors', async () => {
  const { modelId, runId, modelSlug, cancelled } = await register();
  assert.equal(modelSlug, 'train');
  assert.equal(cancelled, false);
  for (const epoch of [0, 1, 2]) {
    const res = await webhook({ event: 'epoch_end', data: epochData(epoch), modelId });
    assert.deepEqual(res.json(), { cancelled: false });
  }
  await webhook({ event: 'console_output', data: { chunkId: 1, content: 'a\nb', lineCount: 2 }, modelId });
  await webhook({ event: 'console_output', data: { chunkId: 2, content: 'c', lineCount: 1 }, modelId });

  const w2 = await uploadUrl({ filename: 'best.pt', modelId, runId });
  assert.equal(w2.status, 200);
  const { uploadUrl: signedUrl, gcsPath, uploadPath } = w2.json();
  assert.match(signedUrl, new RegExp(`^${em.url}/_signed/[0-9a-f]+\\?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=.+&X-Goog-Signature=[0-9a-f]{64}$`));
  assert.match(gcsPath, new RegExp(`^gs://emulator-models/${modelId}/[0-9a-f]+/best\\.pt$`));
  assert.equal(uploadPath, `models/${modelId}/best.pt`);

  const weights = randomBytes(300_000);
  const w3 = await put(signedUrl, weights);
  assert.equal(w3.status, 200);
  await webhook({ event: 'checkpoint_saved', data: { modelPath: gcsPath, runId, uploadPath }, modelId });
  const complete = {
    results: {
      metrics: { 'metrics/mAP50-95(B)': 0.2, fitness: 0.2 },
      bestEpoch: 2,
      bestFitness: 0.2,
      modelPath: gcsPath,
      modelSize: weights.length,
    },
    classNames: ['person'],
    plots: [],
    runId,
  };
  assert.equal((await webhook({ event: 'training_complete', data: complete, modelId })).status, 200);

  assert.deepEqual(em.state.protocolErrors, []);
  const run = em.state.platform.runs[modelId];
  assert.deepEqual(run.events, [
    'training_started', 'epoch_end', 'epoch_end', 'epoch_end', 'console_output', 'console_output', 'checkpoint_saved', 'training_complete',
  ]);
  assert.deepEqual(run.started, startedData);
  assert.deepEqual(run.epochs['1'], epochData(1));
  assert.equal(run.epochEvents, 3);
  assert.deepEqual(run.console, [
    { chunkId: 1, content: 'a\nb', lineCount: 2 },
    { chunkId: 2, content: 'c', lineCount: 1 },
  ]);
  assert.equal(run.uploadUrls, 1);
  assert.deepEqual(run.puts, [{ bytes: weights.length, sha256: sha(weights), contentType: 'application/octet-stream' }]);
  assert.deepEqual(run.checkpoints, [{ modelPath: gcsPath, runId, uploadPath }]);
  assert.deepEqual(run.complete, complete);
  assert.equal(run.failed, undefined);
  assert.equal(run.project, 'JohnDoe/my-project');
  assert.equal(em.state.platform.registrations, 1);
});

test('an epoch repeated is tolerated: stored once, counted twice', async () => {
  const { modelId } = await register();
  await webhook({ event: 'epoch_end', data: epochData(0), modelId });
  await webhook({ event: 'epoch_end', data: epochData(0), modelId });
  const run = em.state.platform.runs[modelId];
  assert.deepEqual(Object.keys(run.epochs), ['0']);
  assert.equal(run.epochEvents, 2);
  assert.deepEqual(em.state.protocolErrors, []);
});

test('model slugs increment per project, starting from names taken beforehand', async () => {
  em.platform.takeSlug('JohnDoe/my-project', 'train');
  assert.equal((await register()).modelSlug, 'train-2');
  assert.equal((await register()).modelSlug, 'train-3');
  assert.equal((await register('train', 'other')).modelSlug, 'train');
  assert.equal((await register('exp')).modelSlug, 'exp');
  assert.deepEqual(em.state.protocolErrors, []);
});

test('cancelAfter makes epoch_end answer cancelled once N epochs arrived, and flags epochs sent after', async () => {
  const { modelId } = await register();
  em.platform.cancelAfter(modelId, 2);
  assert.deepEqual((await webhook({ event: 'epoch_end', data: epochData(0), modelId })).json(), { cancelled: false });
  assert.deepEqual((await webhook({ event: 'epoch_end', data: epochData(1), modelId })).json(), { cancelled: true });
  assert.equal(em.state.platform.runs[modelId].cancelled, true);
  assert.deepEqual(em.state.protocolErrors, []);
  await webhook({ event: 'epoch_end', data: epochData(2), modelId });
  assert.match(em.state.protocolErrors.join('\n'), /^platform:epoch_end: epoch_end after an answer said cancelled: true/);
});

test("cancelAfter('*', 0) makes training_started answer cancelled", async () => {
  em.platform.cancelAfter('*', 0);
  const { modelId, cancelled } = await register();
  assert.equal(cancelled, true);
  assert.equal(em.state.platform.runs[modelId].cancelled, true);
});

test('training_failed is recorded', async () => {
  const { modelId, runId } = await register();
  const data = { error: 'CUDA out of memory', code: 'OOM', runId };
  assert.equal((await webhook({ event: 'training_failed', data, modelId })).status, 200);
  assert.deepEqual(em.state.platform.runs[modelId].failed, data);
  assert.deepEqual(em.state.protocolErrors, []);
});

test('a bad key gets 401 with the Platform error body', async () => {
  const res = await webhook({ event: 'training_started', data: startedData, project: 'p', name: 'n' }, { authorization: 'Bearer ul_nope' });
  assert.equal(res.status, 401);
  assert.deepEqual(res.json(), { error: 'Invalid API key' });
  assert.deepEqual(em.state.protocolErrors, []);
});

test('an unknown modelId is a 404', async () => {
  const res = await webhook({ event: 'epoch_end', data: epochData(0), modelId: 'NoSuchModel' });
  assert.equal(res.status, 404);
  assert.match(res.json().error, /not found/);
});

describe('signed upload URLs', () => {
  async function signed() {
    const { modelId, runId } = await register();
    return (await uploadUrl({ filename: 'best.pt', modelId, runId })).json() as { uploadUrl: string };
  }

  test('expire after 15 minutes', async () => {
    const { uploadUrl: url } = await signed();
    clock += 15 * 60 * 1000 + 1;
    const res = await put(url, Buffer.from('w'));
    assert.equal(res.status, 403);
    assert.match(res.json().error, /expired/);
    assert.deepEqual(em.state.protocolErrors, []);
  });

  test('refuse a changed signature', async () => {
    const { uploadUrl: url } = await signed();
    const res = await put(url.replace(/Signature=[0-9a-f]/, 'Signature=x'), Buffer.from('w'));
    assert.equal(res.status, 403);
    assert.match(em.state.protocolErrors.join('\n'), /^platform:put: the signed URL's X-Goog-Signature was changed/);
  });
});

describe('rate limit', () => {
  let limited: Emulator;
  before(async () => {
    limited = await startEmulator({
      now: () => clock,
      rateLimit: { limit: 5, windowMs: 1000 },
      uploadRateLimit: { limit: 2, windowMs: 1000 },
    });
  });
  after(() => limited.close());
  beforeEach(() => limited.reset());

  const hit = (path = '/api/webhooks/training/metrics', body: unknown = { event: 'epoch_end', data: epochData(0), modelId: 'x' }) =>
    send(limited.url + path, { method: 'POST', headers: jsonHeaders(bearer), body: JSON.stringify(body) });

  test('every answer carries the headers; the 6th request in the window gets 429 with Retry-After', async () => {
    const start = clock;
    const answers: Sent[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push(await hit());
      clock += 100;
    }
    assert.deepEqual(answers.map((a) => a.headers['x-ratelimit-remaining']), ['4', '3', '2', '1', '0']);
    assert.ok(answers.every((a) => a.headers['x-ratelimit-limit'] === '5'));
    assert.ok(answers.every((a) => a.headers['x-ratelimit-reset'] === new Date(start + 1000).toISOString()));

    const refused = await hit();
    assert.equal(refused.status, 429);
    assert.equal(refused.headers['retry-after'], '1');
    assert.deepEqual(refused.json(), { error: 'Rate limit exceeded', retryAfter: 1, resetAt: new Date(start + 1000).toISOString() });
    assert.equal(limited.state.platform.rateLimited, 1);

    clock = start + 1000; // the oldest request leaves the window
    const again = await hit();
    assert.equal(again.status, 404); // past the limit: the (unknown) model is looked up again
    assert.equal(again.headers['x-ratelimit-remaining'], '0');
  });

  test('W2 also counts in the upload category', async () => {
    const body = { filename: 'best.pt', modelId: 'x', runId: 'y' };
    await hit('/api/webhooks/models/upload', body);
    const second = await hit('/api/webhooks/models/upload', body);
    assert.equal(second.headers['x-ratelimit-limit'], '2');
    assert.equal(second.headers['x-ratelimit-remaining'], '0');
    assert.equal((await hit('/api/webhooks/models/upload', body)).status, 429);
    assert.equal((await hit()).status, 404, 'the default category still has room');
    clock += 1000;
  });
});

describe('deviations from PLATFORM-API.md are flagged', () => {
  type Ids = { modelId: string; runId: string; signedUrl: string; gcsPath: string };
  const cases: { name: string; run: (ids: Ids) => Promise<Sent>; error: RegExp; status?: number; count?: number }[] = [
    {
      name: 'NaN in the body',
      run: ({ modelId }) => webhook(`{"event": "epoch_end", "data": {"epoch": 0, "fitness": NaN}, "modelId": "${modelId}"}`),
      error: /^platform:epoch_end: the body holds a bare NaN, which is not JSON; PLATFORM-API.md sends null instead$/,
      status: 400,
    },
    {
      name: 'Infinity in the body',
      run: ({ modelId }) => webhook(`{"event": "epoch_end", "data": {"epoch": 0, "fitness": -Infinity}, "modelId": "${modelId}"}`),
      error: /bare -Infinity/,
      status: 400,
    },
    {
      name: 'an event without modelId',
      run: () => webhook({ event: 'epoch_end', data: epochData(0) }),
      error: /^platform:epoch_end: event epoch_end has modelId missing; PLATFORM-API.md sends the modelId training_started answered$/,
      status: 400,
    },
    {
      name: 'Authorization on the signed PUT',
      run: ({ signedUrl }) => put(signedUrl, Buffer.from('w'), { 'content-type': 'application/octet-stream', ...bearer }),
      error: /^platform:put: the signed PUT carries an Authorization header/,
    },
    {
      name: 'a chunked PUT',
      run: ({ signedUrl }) => send(signedUrl, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: 'w', chunked: true }),
      error: /^platform:put: the PUT is sent with Transfer-Encoding: chunked/,
      count: 2, // and no Content-Length
    },
    {
      name: 'a PUT with another content type',
      run: ({ signedUrl }) => put(signedUrl, Buffer.from('w'), { 'content-type': 'application/x-www-form-urlencoded' }),
      error: /^platform:put: Content-Type is 'application\/x-www-form-urlencoded'; PLATFORM-API.md sends application\/octet-stream$/,
    },
    {
      name: 'training arguments that are not strings',
      run: () => webhook({ event: 'training_started', data: { ...startedData, trainArgs: { batch: 16, amp: true } }, project: 'p', name: 'n' }),
      error: /^platform:training_started: data.trainArgs values must be strings .* got batch \(16\), amp \(true\)$/,
    },
    {
      name: 'a name that is not a slug',
      run: () => webhook({ event: 'training_started', data: startedData, project: 'p', name: 'My Run' }),
      error: /^platform:training_started: name 'My Run' is not slug-shaped/,
    },
    {
      name: 'bestFitness in camelCase',
      run: ({ modelId }) => {
        const { best_fitness, ...rest } = epochData(1);
        return webhook({ event: 'epoch_end', data: { ...rest, bestFitness: best_fitness }, modelId });
      },
      error: /^platform:epoch_end: data.bestFitness is camelCase; PLATFORM-API.md spells it best_fitness$/,
      count: 2, // and best_fitness missing
    },
    {
      name: 'modelInfo after epoch 0',
      run: ({ modelId }) => webhook({ event: 'epoch_end', data: { ...epochData(1), modelInfo: {} }, modelId }),
      error: /^platform:epoch_end: data.modelInfo is sent on epoch 1; PLATFORM-API.md sends it on epoch 0 only$/,
    },
    {
      name: 'metrics without lr',
      run: ({ modelId }) => webhook({ event: 'epoch_end', data: { ...epochData(1), metrics: { 'metrics/mAP50(B)': 0.1 } }, modelId }),
      error: /^platform:epoch_end: data.metrics has no lr/,
    },
    {
      name: 'a console chunk that skips a number',
      run: ({ modelId }) => webhook({ event: 'console_output', data: { chunkId: 2, content: 'x', lineCount: 1 }, modelId }),
      error: /^platform:console_output: chunkId 2 follows chunkId 0/,
    },
    {
      name: 'checkpoint_saved before the PUT',
      run: ({ modelId, runId, gcsPath }) => webhook({ event: 'checkpoint_saved', data: { modelPath: gcsPath, runId, uploadPath: null }, modelId }),
      error: /^platform:checkpoint_saved: data.modelPath names gs:\/\/\S+ but no PUT to its signed URL completed/,
    },
    {
      name: 'checkpoint_saved with a path W2 never gave',
      run: ({ modelId, runId }) => webhook({ event: 'checkpoint_saved', data: { modelPath: 'gs://elsewhere/best.pt', runId, uploadPath: null }, modelId }),
      error: /^platform:checkpoint_saved: data.modelPath is 'gs:\/\/elsewhere\/best.pt', not a gcsPath W2 gave this model$/,
    },
    {
      name: 'a modelSize that differs from the PUT',
      run: async ({ modelId, runId, signedUrl, gcsPath }) => {
        await put(signedUrl, Buffer.from('12345'));
        const results = { metrics: { fitness: 1 }, bestEpoch: 0, bestFitness: 1, modelPath: gcsPath, modelSize: 4 };
        return webhook({ event: 'training_complete', data: { results, classNames: null, plots: [], runId }, modelId });
      },
      error: /^platform:training_complete: data.results.modelSize is 4 but the PUT to gs:\/\/\S+ carried 5 bytes$/,
    },
    {
      name: 'a wrong runId on training_failed',
      run: ({ modelId }) => webhook({ event: 'training_failed', data: { error: 'x', code: 'y', runId: 'other' }, modelId }),
      error: /^platform:training_failed: data.runId is 'other'; training_started answered runId/,
    },
    {
      name: 'last.pt asked for after best.pt',
      run: ({ modelId, runId }) => uploadUrl({ filename: 'last.pt', modelId, runId }),
      error: /^platform:upload-url: W2 asks for last.pt after best.pt/,
    },
    {
      name: 'a request without Authorization',
      run: ({ modelId }) => webhook({ event: 'epoch_end', data: epochData(0), modelId }, {}),
      error: /^platform:epoch_end: no Authorization header/,
      status: 401,
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const { modelId, runId } = await register();
      const w2 = (await uploadUrl({ filename: 'best.pt', modelId, runId })).json();
      assert.deepEqual(em.state.protocolErrors, []);
      const res = await c.run({ modelId, runId, signedUrl: w2.uploadUrl, gcsPath: w2.gcsPath });
      const errors = em.state.protocolErrors;
      assert.ok(errors.some((e) => c.error.test(e)), `expected ${c.error} among ${JSON.stringify(errors)}`);
      assert.equal(errors.length, c.count ?? 1, JSON.stringify(errors));
      if (c.status) {
        assert.equal(res.status, c.status);
        assert.equal(typeof res.json().error, 'string');
      }
    });
  }
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
