/**
 * Keeps a long backfill inside the server's rate limit instead of running into 429s. Every reply
 * tells how many requests the window still allows (`X-RateLimit-Remaining`) and when it resets
 * (`X-RateLimit-Reset`); when none remain, the next request waits for the reset. Under a sliding
 * window the reset is when the oldest request leaves it, so requests go out as fast as allowed.
 *
 * One pacer serves every run of a process (several trainings, a folder of past runs): they share the
 * server's one budget. Requests that must wait are served first come, first served, so no run
 * starves another. It is also where a stop (Ctrl-C during a long sync) takes effect: between two
 * requests, never in the middle of one, so every answer that arrived is recorded.
 */
import type { Log } from '../log.js';
import { seconds } from './errors.js';
import { parseRateLimitReset } from './retry.js';

type HeaderBag = Record<string, string | string[] | undefined>;

export interface PacerOptions {
  log: Log;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Added to every wait so the request lands after the reset, not on it. */
  marginMs?: number;
}

interface Window {
  remaining?: number;
  resetAt?: number;
}

/** What the replies told of one limit (`X-RateLimit-Limit`) of a window key. */
interface Rule {
  /** How many replies named this limit: the category most requests fall into named it most. */
  replies: number;
  /**
   * The longest reset seen, as time from its reply: the reset of a window's first request is one
   * whole window away, so this approaches the window's length (no header names it).
   */
  windowMs: number;
  remaining: number;
  resetAt: number;
  /** `granted` of the key when the reply was read: requests sent since count against `remaining`. */
  grantedAt: number;
}

/**
 * The rate limit as far as the replies told it, for an estimate of how long the requests still to
 * come must take: `limit` requests per `windowMs`, `remaining` of them still allowed until `resetAt`.
 */
export interface RateBudget {
  /** Requests the pacer let through to this key since it was made. */
  granted: number;
  limit: number;
  windowMs: number;
  remaining: number;
  resetAt: number;
}

const DEFAULT_MARGIN_MS = 50;
/** Waits longer than this are worth a log line. */
const NOTEWORTHY_WAIT_MS = 2000;

/** Thrown by `wait` once `stop` was called: the sync ends before its next request. */
export class StopRequested extends Error {
  constructor(readonly signal: string) {
    super(`stopped by ${signal} before the next request`);
    this.name = 'StopRequested';
  }
}

export class Pacer {
  private readonly windows = new Map<string, Window>();
  private readonly margin: number;
  /** Waiters for a closed window, in order of arrival. */
  private queue: Promise<void> = Promise.resolve();
  private stopped: string | null = null;
  /** Requests let through, per key. */
  private readonly granted = new Map<string, number>();
  /** Per key, per limit value a reply named. */
  private readonly rules = new Map<string, Map<number, Rule>>();

  constructor(private readonly opts: PacerOptions) {
    this.margin = opts.marginMs ?? DEFAULT_MARGIN_MS;
  }

  /** Reads the rate-limit headers of a reply from the window `key` (an origin). */
  observe(key: string, headers: HeaderBag): void {
    const remainingText = [headers['x-ratelimit-remaining']].flat()[0];
    const remaining = remainingText === undefined ? NaN : Number.parseInt(remainingText, 10);
    const resetIn = parseRateLimitReset(headers['x-ratelimit-reset'], this.opts.now());
    if (Number.isNaN(remaining) && resetIn === null) return;
    const limitText = [headers['x-ratelimit-limit']].flat()[0];
    const limit = limitText === undefined ? NaN : Number.parseInt(limitText, 10);
    if (limit > 0 && !Number.isNaN(remaining) && resetIn !== null) this.learn(key, limit, remaining, resetIn);
    const w = this.window(key);
    if (!Number.isNaN(remaining)) w.remaining = remaining;
    if (resetIn !== null) w.resetAt = this.opts.now() + resetIn;
  }

  private learn(key: string, limit: number, remaining: number, resetIn: number): void {
    let byLimit = this.rules.get(key);
    if (!byLimit) this.rules.set(key, (byLimit = new Map()));
    const r = byLimit.get(limit);
    const now = this.opts.now();
    const seen = { remaining, resetAt: now + resetIn, grantedAt: this.granted.get(key) ?? 0 };
    if (r) Object.assign(r, seen, { replies: r.replies + 1, windowMs: Math.max(r.windowMs, resetIn) });
    else byLimit.set(limit, { replies: 1, windowMs: resetIn, ...seen });
  }

  /**
   * The rate limit of the key this process sent the most requests to, as the replies told it; null
   * while no reply named a limit (`X-RateLimit-Limit`, with Remaining and Reset). When replies name
   * several limits (Platform's categories: 100/min, uploads 10/min), the one most replies named.
   */
  budget(): RateBudget | null {
    let best: RateBudget | null = null;
    for (const [key, byLimit] of this.rules) {
      const granted = this.granted.get(key) ?? 0;
      if (best && granted <= best.granted) continue;
      const [limit, r] = [...byLimit].reduce((a, b) => (b[1].replies > a[1].replies ? b : a));
      if (r.windowMs <= 0) continue;
      const remaining = Math.max(0, r.remaining - (granted - r.grantedAt));
      best = { granted, limit, windowMs: r.windowMs, remaining, resetAt: r.resetAt };
    }
    return best;
  }

  /**
   * After a 429: nothing more goes to `key` for `waitMs`. The 429's own wait (Retry-After) wins over
   * a reset time read from earlier replies, which told when the oldest request leaves the window,
   * not when the server will take the next one.
   */
  block(key: string, waitMs: number): void {
    const w = this.window(key);
    w.remaining = 0;
    w.resetAt = this.opts.now() + waitMs;
  }

  /** How long the next request to `key` would have to wait. */
  holdMs(key: string): number {
    const w = this.windows.get(key);
    if (w?.remaining === undefined || w.remaining > 0 || w.resetAt === undefined) return 0;
    return this.until(w.resetAt);
  }

  /**
   * How long until `resetAt`, plus the margin. A reset already past needs no wait at all: under a
   * sliding window the oldest request has left, so a slot is free now. (Waiting a margin there
   * anyway would cost it on every request of a window's second pass, about halving the pace.)
   */
  private until(resetAt: number): number {
    const left = resetAt - this.opts.now();
    return left > 0 ? left + this.margin : 0;
  }

  /** From now on, `wait` throws `StopRequested`: the request under way finishes, no other starts. */
  stop(signal: string): void {
    this.stopped ??= signal;
  }

  get stopping(): boolean {
    return this.stopped !== null;
  }

  /** Resolves when a request to `key` may go: at once, or after the window resets. */
  async wait(key: string): Promise<void> {
    if (this.stopped) throw new StopRequested(this.stopped);
    await this.turn(key);
    this.granted.set(key, (this.granted.get(key) ?? 0) + 1);
  }

  private async turn(key: string): Promise<void> {
    const w = this.windows.get(key);
    if (w && w.remaining !== undefined && w.remaining <= 0) {
      // First come, first served: each waiter takes its turn after those before it.
      const turn = this.queue.then(() => this.waitForReset(w));
      this.queue = turn.catch(() => undefined);
      await turn;
      if (this.stopped) throw new StopRequested(this.stopped);
    } else if (w?.remaining !== undefined) w.remaining -= 1;
  }

  private async waitForReset(w: Window): Promise<void> {
    if (w.remaining === undefined || w.remaining > 0) {
      if (w.remaining !== undefined) w.remaining -= 1;
      return;
    }
    const resetAt = w.resetAt;
    const delay = w.resetAt === undefined ? 0 : this.until(w.resetAt);
    if (delay > 0) {
      if (delay > NOTEWORTHY_WAIT_MS) this.opts.log.info(`rate limit: waiting ${seconds(delay)} for the window to reset`);
      await this.opts.sleep(delay);
    }
    // The window has reset: how many requests it allows is unknown until the next reply says so.
    if (w.resetAt === resetAt) w.remaining = undefined;
  }

  private window(key: string): Window {
    let w = this.windows.get(key);
    if (!w) this.windows.set(key, (w = {}));
    return w;
  }
}
