import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { Pacer } from '../../src/transport/pacer.js';
import { captureLog, fakeClock, rig, serve, type TestServer } from './harness.js';

function pacer() {
  const clock = fakeClock();
  const { log, lines } = captureLog();
  return { p: new Pacer({ log, sleep: clock.sleep, now: clock.now }), clock, lines };
}

test('Pacer waits for the reset (plus a margin) once Remaining reaches 0', async () => {
  const { p, clock, lines } = pacer();
  p.observe('https://a', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(clock.now() + 31_000).toISOString() });
  await p.wait('https://a');
  assert.deepEqual(clock.waits, [31_050]);
  assert.match(lines.join('\n'), /rate limit: waiting 31 s for the window to reset/);
  await p.wait('https://a');
  assert.deepEqual(clock.waits, [31_050], 'after the reset the window is open again');
});

test('Pacer does not wait while requests remain, and counts down between replies', async () => {
  const { p, clock } = pacer();
  p.observe('https://a', { 'x-ratelimit-remaining': '2', 'x-ratelimit-reset': String((clock.now() + 60_000) / 1000) });
  await p.wait('https://a');
  await p.wait('https://a');
  assert.deepEqual(clock.waits, []);
  await p.wait('https://a');
  assert.deepEqual(clock.waits, [60_050], 'the third request without a reply in between waits');
});

test('Pacer keeps windows apart per origin; a short wait is not logged; a 429 blocks', async () => {
  const { p, clock, lines } = pacer();
  p.observe('https://a', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String((clock.now() + 1000) / 1000) });
  await p.wait('https://b');
  assert.deepEqual(clock.waits, []);
  await p.wait('https://a');
  assert.deepEqual(clock.waits, [1050]);
  assert.equal(lines.length, 0);
  p.block('https://b', 12_000);
  await p.wait('https://b');
  assert.deepEqual(clock.waits, [1050, 12_050]);
});

let paced: TestServer | undefined;
after(() => paced?.close());

test('Transport paces a run of requests from the reply headers: no 429, waits only at Remaining 0', async () => {
  const r = rig();
  const windowMs = 60_000;
  const limit = 3;
  const sent: number[] = [];
  const server = await serve((_req, res) => {
    // A sliding window of `limit` requests per minute, on the fake clock the client also uses.
    const t = r.clock.now();
    while (sent.length > 0 && sent[0] <= t - windowMs) sent.shift();
    if (sent.length >= limit) {
      res.writeHead(429, { 'retry-after': '60' }).end('{"error": "Rate limit exceeded"}');
      return;
    }
    sent.push(t);
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(limit - sent.length),
      'x-ratelimit-reset': new Date(sent[0] + windowMs).toISOString(),
    });
    res.end('{}');
  });
  paced = server;
  for (let i = 0; i < 7; i++) {
    const reply = await r.transport.json({ method: 'POST', url: `${server.url}/e`, body: { i }, what: `event ${i}` });
    assert.equal(reply.attempts, 1, `event ${i} went through on the first try`);
  }
  assert.equal(server.count(), 7);
  assert.deepEqual(r.clock.waits, [60_050, 60_050]);
  r.transport.dispose();
});

test('Transport does not wait when the reply says requests remain', async () => {
  const r = rig();
  const s = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '30' });
    res.end('{"ok": true}');
  });
  try {
    for (let i = 0; i < 3; i++) await r.transport.json({ method: 'GET', url: `${s.url}/m`, what: 'read' });
    assert.deepEqual(r.clock.waits, []);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test("a 429's Retry-After wins over a later reset read from earlier replies", async () => {
  const { p, clock } = pacer();
  p.observe('https://a', { 'x-ratelimit-remaining': '95', 'x-ratelimit-reset': new Date(clock.now() + 60_000).toISOString() });
  p.block('https://a', 1_000);
  await p.wait('https://a');
  assert.deepEqual(clock.waits, [1_050]);
});

test('Pacer.budget: the limit most replies named, its window from the longest reset, Remaining less the requests since', async () => {
  const { p, clock } = pacer();
  assert.equal(p.budget(), null, 'nothing known before a reply');
  await p.wait('https://a');
  p.observe('https://a', { 'x-ratelimit-remaining': '7' });
  assert.equal(p.budget(), null, 'no limit named yet');
  const reply = (limit: number, remaining: number, resetIn: number) =>
    p.observe('https://a', { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': new Date(clock.now() + resetIn).toISOString() });
  reply(100, 99, 60_000);
  await clock.sleep(1000);
  await p.wait('https://a');
  reply(100, 98, 59_000);
  await p.wait('https://a');
  reply(10, 9, 60_000); // an upload: Platform's other category
  await p.wait('https://a');
  await p.wait('https://a');
  assert.deepEqual(p.budget(), { granted: 5, limit: 100, windowMs: 60_000, remaining: 95, resetAt: clock.now() + 59_000 });
});
