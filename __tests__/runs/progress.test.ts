import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Progress, rateBound } from '../../src/runs/progress.js';
import { Pacer, type RateBudget } from '../../src/transport/pacer.js';
import { SlidingWindow, rateHeaders } from '../../emulator/rate-limit.js';
import { captureLog, fakeClock } from '../transport/harness.js';

const KEY = 'https://127.0.0.1:1';

/**
 * A folder of `runs` runs of `perRun` requests each, `msPerRequest` apart, through a real Pacer
 * against a sliding window of `limit` per `windowMs` (the emulator's), all on a fake clock. Returns
 * each run's progress line, its ETA and the time the rest really took.
 */
async function folder(o: { runs: number; perRun: number; limit: number; windowMs: number; msPerRequest: number; headers?: boolean }) {
  const clock = fakeClock();
  const pacer = new Pacer({ log: captureLog().log, sleep: clock.sleep, now: clock.now });
  const server = new SlidingWindow({ limit: o.limit, windowMs: o.windowMs });
  const progress = new Progress(o.runs, clock.now, () => pacer.budget());
  const seen: { line: string; eta: number | null; at: number; windowLeft: number }[] = [];
  let refused = 0;
  for (let i = 0; i < o.runs; i++) {
    seen.push({ line: progress.line(i, `run${i}`, 10), eta: progress.eta(i), at: clock.now(), windowLeft: pacer.budget()?.remaining ?? 0 });
    for (let k = 0; k < o.perRun; k++) {
      await pacer.wait(KEY);
      if (!server.check('key', clock.now()).allowed) refused++;
      const verdict = server.record('key', clock.now());
      const headers = Object.fromEntries(Object.entries(rateHeaders(verdict)).map(([h, v]) => [h.toLowerCase(), v]));
      if (o.headers !== false) pacer.observe(KEY, headers);
      await clock.sleep(o.msPerRequest);
    }
  }
  const end = clock.now();
  return { seen: seen.map((s) => ({ ...s, truth: end - s.at })), refused };
}

test('under a window limit the ETA is what the limit allows, not the pace of the first burst (40 per 10 s, 12 runs)', async () => {
  const limit = 40;
  const windowMs = 10_000;
  const perRun = 15;
  const { seen, refused } = await folder({ runs: 12, perRun, limit, windowMs, msPerRequest: 10 });
  assert.equal(refused, 0, 'the pacer kept inside the limit');
  for (const [i, s] of seen.entries()) {
    if (i === 0) {
      assert.equal(s.eta, null);
      continue;
    }
    const requestsLeft = perRun * (12 - i);
    // Beyond what the current window still allows, every request left waits for the window.
    const waiting = requestsLeft - s.windowLeft;
    assert.ok(s.eta! >= (waiting / limit) * windowMs, `run ${i + 1}: ETA ${s.eta} ms is below ${waiting}/${limit} × ${windowMs} ms`);
    // And close to what it really took: within a window.
    assert.ok(Math.abs(s.eta! - s.truth) <= windowMs, `run ${i + 1}: ETA ${s.eta} ms, really ${s.truth} ms`);
  }
  // Run 6: the first window's burst was three runs in under half a second; the pace alone said ~1 s.
  assert.match(seen[5].line, /^Run 6 of 12: run5 \(10 epochs\); the rest in about (1[89]|2\d) s$/);
  assert.ok(seen[5].truth >= 19_000, `the rest really took ${seen[5].truth} ms`);
});

test('without a limit in the replies the estimate stays the pace of the runs so far', async () => {
  const { seen } = await folder({ runs: 4, perRun: 10, limit: 1000, windowMs: 10_000, msPerRequest: 100, headers: false });
  assert.equal(seen[1].eta, 1000 * 3);
  assert.match(seen[1].line, /the rest in about 3 s$/);
  assert.equal(seen[3].eta, 1000);
});

test('a generous limit does not raise the pace-based estimate', async () => {
  const { seen } = await folder({ runs: 4, perRun: 10, limit: 1000, windowMs: 10_000, msPerRequest: 100 });
  assert.equal(seen[1].eta, 1000 * 3, 'the 30 requests left fit in what the window still allows');
});

test('Progress with fake inputs: max of the pace and remaining/limit × window after what the window still allows', () => {
  let t = 0;
  let budget: RateBudget | null = { granted: 0, limit: 100, windowMs: 60_000, remaining: 100, resetAt: 60_000 };
  const p = new Progress(10, () => t, () => budget);
  t = 2000;
  budget = { granted: 400, limit: 100, windowMs: 60_000, remaining: 0, resetAt: 59_000 };
  // 200 requests per run so far, 8 runs left: 1600 requests at 100 per minute = 16 min; the pace says 8 s.
  assert.equal(p.eta(2), (1600 / 100) * 60_000);
  assert.match(p.line(2, 'x', 3), /the rest in about 16 min$/);
  // What the current window still allows goes first.
  budget = { ...budget, remaining: 100 };
  assert.equal(p.eta(2), (1500 / 100) * 60_000);
  // Requests that fit into the window left: the pace decides.
  budget = { granted: 20, limit: 100, windowMs: 60_000, remaining: 80, resetAt: 59_000 };
  assert.equal(p.eta(2), 8000);
  budget = null;
  assert.equal(p.eta(2), 8000);
});

test('rateBound: not before the reset once the window is used up', () => {
  const b: RateBudget = { granted: 0, limit: 40, windowMs: 10_000, remaining: 0, resetAt: 9000 };
  assert.equal(rateBound(1, b, 0), 9000);
  assert.equal(rateBound(80, b, 0), 20_000);
  assert.equal(rateBound(0, b, 0), 0);
});
