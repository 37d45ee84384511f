import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isPermanentStatus,
  isRetriableSocketError,
  isRetriableStatus,
  parseRateLimitReset,
  parseRetryAfter,
  retryDelayMs,
  serverCannotHaveActed,
} from '../../src/transport/retry.js';

const NOW = Date.parse('2025-06-01T12:00:00Z');

test('retryDelayMs: equal jitter over an exponential ceiling, capped', () => {
  const policy = { baseMs: 1000, capMs: 5000 };
  assert.equal(retryDelayMs(1, policy, () => 0), 500, 'at least half the ceiling');
  assert.equal(retryDelayMs(1, policy, () => 0.999), 1000);
  assert.equal(retryDelayMs(2, policy, () => 0.5), 1500);
  assert.equal(retryDelayMs(3, policy, () => 0.5), 3000);
  assert.equal(retryDelayMs(4, policy, () => 0.5), 3750, 'ceiling 8000 capped at 5000');
  assert.equal(retryDelayMs(30, policy, () => 1), 5000);
  assert.equal(retryDelayMs(3, policy, () => 0), 2000);
});

test('parseRetryAfter: seconds or an HTTP date', () => {
  assert.equal(parseRetryAfter('12', NOW), 12_000);
  assert.equal(parseRetryAfter(' 1.5 ', NOW), 1500);
  assert.equal(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW), 30_000);
  assert.equal(parseRetryAfter(new Date(NOW - 30_000).toUTCString(), NOW), 0, 'a date in the past means now');
  assert.equal(parseRetryAfter(['7', '9'], NOW), 7000);
  assert.equal(parseRetryAfter(undefined, NOW), null);
  assert.equal(parseRetryAfter('soon', NOW), null);
});

test('parseRateLimitReset: ISO-8601, epoch seconds, epoch milliseconds, small delays', () => {
  assert.equal(parseRateLimitReset(new Date(NOW + 31_000).toISOString(), NOW), 31_000);
  assert.equal(parseRateLimitReset(String((NOW + 12_000) / 1000), NOW), 12_000);
  assert.equal(parseRateLimitReset(String(NOW + 4_500), NOW), 4_500);
  assert.equal(parseRateLimitReset('20', NOW), 20_000);
  assert.equal(parseRateLimitReset(String((NOW - 5000) / 1000), NOW), 0);
  assert.equal(parseRateLimitReset('', NOW), null);
  assert.equal(parseRateLimitReset('tomorrow', NOW), null);
});

test('statuses: retriable, permanent, neither', () => {
  for (const s of [408, 429, 500, 502, 503, 504]) {
    assert.ok(isRetriableStatus(s), `${s} retriable`);
    assert.ok(!isPermanentStatus(s), `${s} not permanent`);
  }
  for (const s of [400, 401, 403, 404, 409, 413, 422, 501]) {
    assert.ok(isPermanentStatus(s), `${s} permanent`);
    assert.ok(!isRetriableStatus(s), `${s} not retriable`);
  }
  assert.ok(!isPermanentStatus(200) && !isRetriableStatus(200));
});

test('socket errors: transient network failures and our own timeouts are retried, TLS failures are not', () => {
  for (const c of ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UL_DEADLINE', 'UL_STALL']) {
    assert.ok(isRetriableSocketError(c), c);
  }
  for (const c of ['CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'EACCES', undefined]) {
    assert.ok(!isRetriableSocketError(c), String(c));
  }
});

test('serverCannotHaveActed: refused connections, DNS failures, 429 and 503 only', () => {
  assert.ok(serverCannotHaveActed({ code: 'ECONNREFUSED' }));
  assert.ok(serverCannotHaveActed({ code: 'EAI_AGAIN' }));
  assert.ok(serverCannotHaveActed({ status: 429 }));
  assert.ok(serverCannotHaveActed({ status: 503 }));
  assert.ok(!serverCannotHaveActed({ code: 'ECONNRESET' }));
  assert.ok(!serverCannotHaveActed({ code: 'UL_DEADLINE' }));
  assert.ok(!serverCannotHaveActed({ status: 500 }));
  assert.ok(!serverCannotHaveActed({ status: 200, code: 'UL_NOT_JSON' }));
});
