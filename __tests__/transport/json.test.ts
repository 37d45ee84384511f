import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpError } from '../../src/transport/errors.js';
import { readBody, rig, sendJson, serve } from './harness.js';

test('503 with Retry-After is retried after exactly that wait; the body is Python json.dumps text', async () => {
  const r = rig();
  const bodies: string[] = [];
  const s = await serve(async (req, res, n) => {
    bodies.push(`${req.headers['content-type']} ${(await readBody(req)).toString()}`);
    if (n === 1) sendJson(res, 503, { error: 'busy' }, { 'retry-after': '3' });
    else sendJson(res, 200, { modelId: 'm1' });
  });
  try {
    const reply = await r.transport.json<{ modelId: string }>({
      method: 'POST',
      url: `${s.url}/api/webhooks/training/metrics`,
      body: { event: 'epoch_end', data: { epoch: 1, metrics: { lr: 1e-5, 'metrics/mAP50(B)': 0.5 } } },
      what: 'epoch_end 1',
    });
    assert.equal(reply.body.modelId, 'm1');
    assert.equal(reply.attempts, 2);
    assert.deepEqual(r.clock.waits, [3000]);
    const wire = 'application/json {"event": "epoch_end", "data": {"epoch": 1, "metrics": {"lr": 1e-05, "metrics/mAP50(B)": 0.5}}}';
    assert.deepEqual(bodies, [wire, wire]);
    assert.match(r.lines.join('\n'), /epoch_end 1: HTTP 503 Service Unavailable: "busy": trying again in 3 s \(try 2 of 5\)/);
    assert.match(r.lines.join('\n'), /debug: POST http:\/\/127\.0\.0\.1:\d+\/api\/webhooks\/training\/metrics → 503 in \d+ ms \(try 1 of 5\)/);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('401 fails at once, one request, the server reply quoted', async () => {
  const r = rig();
  const s = await serve((_req, res) => sendJson(res, 401, { error: 'Invalid API key' }));
  try {
    await assert.rejects(
      r.transport.json({ method: 'POST', url: `${s.url}/v1/auth`, emptyBody: true, what: 'checking the API key' }),
      (err: unknown) => {
        assert.ok(err instanceof HttpError);
        assert.match(err.message, /^checking the API key: HTTP 401 Unauthorized: "Invalid API key"$/);
        assert.equal(err.status, 401);
        assert.equal(err.permanent, true);
        assert.equal(err.ambiguous, false);
        assert.equal(err.reply, 'Invalid API key');
        return true;
      },
    );
    assert.equal(s.count(), 1);
    assert.deepEqual(r.clock.waits, []);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('429 with an ISO X-RateLimit-Reset waits for the reset, then succeeds', async () => {
  const r = rig();
  const s = await serve((_req, res, n) => {
    if (n === 1) {
      sendJson(res, 429, { error: 'Rate limit exceeded' }, { 'x-ratelimit-reset': new Date(r.clock.now() + 20_000).toISOString() });
    } else sendJson(res, 200, { cancelled: false });
  });
  try {
    const reply = await r.transport.json({ method: 'POST', url: `${s.url}/e`, body: {}, what: 'epoch_end 7' });
    assert.equal(reply.attempts, 2);
    assert.deepEqual(r.clock.waits, [20_050]);
    assert.match(r.lines.join('\n'), /rate limit: waiting 20 s for the window to reset/);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('a Retry-After beyond the budget ends the retries; running out of tries says how many', async () => {
  const r = rig({ retry: { attempts: 5, baseMs: 100, capMs: 1000, budgetMs: 30_000 } });
  const s = await serve((req, res) => {
    if (req.url === '/slow') sendJson(res, 503, { error: 'busy' }, { 'retry-after': '20' });
    else sendJson(res, 502, { error: 'bad gateway' });
  });
  try {
    await assert.rejects(
      r.transport.json({ method: 'GET', url: `${s.url}/slow`, what: 'reading model m1' }),
      /^HttpError: reading model m1: HTTP 503 Service Unavailable: "busy" \(gave up after 2 tries in 20 s: the server asks to wait 20 s, beyond the retry budget of 30 s\)$/,
    );
    assert.equal(s.count(), 2);
    await assert.rejects(
      r.transport.json({ method: 'GET', url: `${s.url}/bad`, what: 'reading model m2', retry: { attempts: 3 } }),
      (err: unknown) =>
        err instanceof HttpError &&
        /^reading model m2: HTTP 502 Bad Gateway: "bad gateway" \(gave up after 3 tries in 0\.\d s\)$/.test(err.message) &&
        err.attempts === 3 &&
        !err.permanent,
    );
    assert.equal(s.count(), 5);
    assert.deepEqual(r.clock.waits, [20_000, 75, 150], 'Retry-After honoured, then jittered backoff doubling');
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('the per-attempt deadline ends a try whose server never answers', async () => {
  const r = rig({ timeoutMs: 200, retry: { attempts: 2, baseMs: 10, capMs: 10, budgetMs: 60_000 } });
  const s = await serve(() => undefined);
  try {
    await assert.rejects(
      r.transport.json({ method: 'POST', url: `${s.url}/e`, body: { a: 1 }, what: 'epoch_end 2' }),
      (err: unknown) =>
        err instanceof HttpError &&
        err.code === 'UL_DEADLINE' &&
        /^epoch_end 2: no complete answer within 0\.2 s \(gave up after 2 tries in 0 s\)$/.test(err.message),
    );
    assert.equal(s.count(), 2);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('an HTML page with status 200 is retried', async () => {
  const r = rig();
  const s = await serve((_req, res, n) => {
    if (n === 1) res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Proxy error</body></html>');
    else sendJson(res, 200, { data: { id: 'abc' } });
  });
  try {
    const reply = await r.transport.json<{ data: { id: string } }>({ method: 'GET', url: `${s.url}/v1/models/abc`, what: 'reading model abc' });
    assert.equal(reply.body.data.id, 'abc');
    assert.equal(reply.attempts, 2);
    assert.match(r.lines.join('\n'), /HTTP 200 OK but the answer is not JSON: "<!DOCTYPE html><html><body>Proxy error/);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('a non-idempotent request is not retried after a 500 (ambiguous) but is after a 503', async () => {
  const r = rig();
  const s = await serve((req, res, n) => {
    if (req.url === '/500') sendJson(res, 500, { error: 'oops' });
    else if (n === 2) sendJson(res, 503, { error: 'maintenance' });
    else sendJson(res, 200, { modelId: 'new' });
  });
  try {
    await assert.rejects(
      r.transport.json({ method: 'POST', url: `${s.url}/500`, body: {}, what: 'training_started', idempotent: false }),
      (err: unknown) =>
        err instanceof HttpError &&
        err.ambiguous &&
        !err.permanent &&
        /^training_started: HTTP 500 Internal Server Error: "oops" \(not retried: the request is not idempotent and the server may have acted on it\)$/.test(err.message),
    );
    assert.equal(s.count(), 1);
    const reply = await r.transport.json<{ modelId: string }>({ method: 'POST', url: `${s.url}/503`, body: {}, what: 'training_started', idempotent: false });
    assert.equal(reply.body.modelId, 'new');
    assert.equal(s.count(), 3);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('a reset connection is retried for an idempotent request, not for a non-idempotent one', async () => {
  const r = rig();
  const s = await serve((req, res, n) => {
    if (n === 1 || n === 3) req.socket.destroy();
    else sendJson(res, 200, { ok: true });
  });
  try {
    const reply = await r.transport.json({ method: 'POST', url: `${s.url}/e`, body: { x: 1 }, what: 'epoch_end 4' });
    assert.equal(reply.attempts, 2);
    await assert.rejects(
      r.transport.json({ method: 'POST', url: `${s.url}/e`, body: {}, what: 'training_started', idempotent: false }),
      (err: unknown) => err instanceof HttpError && err.ambiguous && /^training_started: connection (reset \(ECONNRESET\)|closed while sending \(EPIPE\)) \(not retried/.test(err.message),
    );
    assert.equal(s.count(), 3);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('a refused connection is retried even for a non-idempotent request', async () => {
  const r = rig({ retry: { attempts: 2, baseMs: 100, capMs: 100, budgetMs: 10_000 } });
  const s = await serve(() => undefined);
  const url = `${s.url}/e`;
  await s.close();
  try {
    await assert.rejects(
      r.transport.json({ method: 'POST', url, body: {}, what: 'training_started', idempotent: false }),
      /^HttpError: training_started: connection refused \(ECONNREFUSED\) \(gave up after 2 tries in 0\.1 s\)$/,
    );
    assert.deepEqual(r.clock.waits, [75]);
  } finally {
    r.transport.dispose();
  }
});

test('emptyBody sends content-length 0 and no content type; headers pass through', async () => {
  const r = rig();
  const seen: Record<string, unknown>[] = [];
  const s = await serve(async (req, res) => {
    seen.push({ ...req.headers, body: (await readBody(req)).length });
    sendJson(res, 200, { success: true });
  });
  try {
    const reply = await r.transport.json<{ success: boolean }>({
      method: 'POST',
      url: `${s.url}/v1/auth`,
      headers: { 'x-api-key': 'k'.repeat(42) },
      emptyBody: true,
      what: 'checking the API key',
    });
    assert.equal(reply.body.success, true);
    assert.equal(seen[0]['content-length'], '0');
    assert.equal(seen[0]['content-type'], undefined);
    assert.equal(seen[0]['transfer-encoding'], undefined);
    assert.equal(seen[0]['x-api-key'], 'k'.repeat(42));
    assert.equal(seen[0]['user-agent'], 'ultralytics-sync-test/0');
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('http:// to a non-loopback host is refused before any connection', async () => {
  const r = rig();
  await assert.rejects(
    r.transport.json({ method: 'GET', url: 'http://example.com/v1/models/x', what: 'reading model x' }),
    /refusing to send credentials over plain http to example\.com for reading model x/,
  );
  assert.equal(r.lines.filter((l) => l.includes('→')).length, 0, 'no attempt was logged');
  r.transport.dispose();
});

test('a redirect is not followed (credentials stay with the host they were meant for)', async () => {
  const r = rig();
  const s = await serve((_req, res) => res.writeHead(301, { location: '/v2/models/abc?token=secret' }).end());
  try {
    await assert.rejects(
      r.transport.json({ method: 'GET', url: `${s.url}/v1/models/abc`, what: 'reading model abc' }),
      (err: unknown) =>
        err instanceof HttpError &&
        err.permanent &&
        /^reading model abc: HTTP 301 Moved Permanently \(a redirect to http:\/\/127\.0\.0\.1:\d+\/v2\/models\/abc\?…, which is not followed: use the final URL\)$/.test(err.message),
    );
    assert.equal(s.count(), 1);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('a rate-limit window closed for longer than the whole budget fails at once instead of hanging', async () => {
  const r = rig({ retry: { attempts: 5, baseMs: 100, capMs: 1000, budgetMs: 60_000 } });
  const s = await serve((_req, res) =>
    sendJson(res, 200, {}, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.round(r.clock.now() / 1000) + 3600) }),
  );
  try {
    await r.transport.json({ method: 'POST', url: `${s.url}/e`, body: {}, what: 'epoch_end 0' });
    await assert.rejects(
      r.transport.json({ method: 'POST', url: `${s.url}/e`, body: {}, what: 'epoch_end 1' }),
      (err: unknown) =>
        err instanceof HttpError &&
        err.code === 'UL_RATE_LIMIT' &&
        /^epoch_end 1: the rate limit allows no request for 3600 s, beyond the retry budget of 60 s$/.test(err.message),
    );
    assert.equal(s.count(), 1);
    assert.deepEqual(r.clock.waits, []);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});
