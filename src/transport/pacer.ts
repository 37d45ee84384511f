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

  constructor(private readonly opts: PacerOptions) {
    this.margin = opts.marginMs ?? DEFAULT_MARGIN_MS;
  }

  /** Reads the rate-limit headers of a reply from the window `key` (an origin). */
  observe(key: string, headers: HeaderBag): void {
    const remainingText = [headers['x-ratelimit-remaining']].flat()[0];
    const remaining = remainingText === undefined ? NaN : Number.parseInt(remainingText, 10);
    const resetIn = parseRateLimitReset(headers['x-ratelimit-reset'], this.opts.now());
    if (Number.isNaN(remaining) && resetIn === null) return;
    const w = this.window(key);
    if (!Number.isNaN(remaining)) w.remaining = remaining;
    if (resetIn !== null) w.resetAt = this.opts.now() + resetIn;
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
