/**
 * The retry rules as pure functions: which failures deserve another try, how long to wait
 * (exponential backoff with equal jitter, or what the server asked for), and which failures a
 * non-idempotent request may retry because the server cannot have acted on them.
 */
import type { RetryPolicy } from './types.js';
import { OwnCodes } from './errors.js';

/**
 * Wait before the next try after `attempt` failed tries (1 = the first failed): a uniform random
 * share (`random()` in [0, 1)) of `baseMs · 2^(attempt-1)`, capped at `capMs`.
 */
export function retryDelayMs(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>, random: () => number): number {
  // Equal jitter: half of the exponential ceiling is always waited, so a short outage cannot use up
  // the tries in near-zero waits; the random half still spreads clients apart.
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function firstValue(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() || undefined;
}

/** `Retry-After` (delay in seconds, or an HTTP date) as milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | null {
  const v = firstValue(value);
  if (v === undefined) return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Numbers above these are epoch times; a smaller number is a delay in seconds. */
const EPOCH_MS_FROM = 1e12;
const EPOCH_S_FROM = 1e9;

/**
 * `X-RateLimit-Reset` as milliseconds to wait from `now`: epoch seconds, epoch milliseconds,
 * an ISO-8601 time, or (a small number) a delay in seconds. Null when absent or unreadable.
 */
export function parseRateLimitReset(value: string | string[] | undefined, now: number): number | null {
  const v = firstValue(value);
  if (v === undefined) return null;
  if (/^\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    const at = n >= EPOCH_MS_FROM ? n : n >= EPOCH_S_FROM ? n * 1000 : now + n * 1000;
    return Math.max(0, Math.round(at - now));
  }
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const RETRIABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export function isRetriableStatus(status: number): boolean {
  return RETRIABLE_STATUSES.has(status);
}

/** Every other error status: 400, 401, 403, 404, 409, 413, 422, 501 … */
export function isPermanentStatus(status: number): boolean {
  return status >= 400 && !RETRIABLE_STATUSES.has(status);
}

const RETRIABLE_CODES = new Set<string>([
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  OwnCodes.deadline,
  OwnCodes.stall,
]);

export function isRetriableSocketError(code: string | undefined): boolean {
  return code !== undefined && (RETRIABLE_CODES.has(code) || code.startsWith('UND_ERR_'));
}

/**
 * Failures that leave no doubt the request was not acted on: nothing reached the server, it said
 * "not now" (429, 503), or it did not receive the request in time (408), as the real clients assume.
 */
const NOT_ACTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const NOT_ACTED_STATUSES = new Set([408, 429, 503]);

/** Whether a non-idempotent request may be retried after this failure. */
export function serverCannotHaveActed(f: { status?: number; code?: string }): boolean {
  return f.status !== undefined ? NOT_ACTED_STATUSES.has(f.status) : f.code !== undefined && NOT_ACTED_CODES.has(f.code);
}
