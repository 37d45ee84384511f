/**
 * Platform's per-key sliding-window rate limit. A request is counted only when it is let through;
 * the reset time is when the oldest counted request leaves the window.
 */

export interface RateRule {
  limit: number;
  windowMs: number;
}

export interface Verdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms when the oldest request in the window leaves it (now + window when it is empty). */
  resetAt: number;
}

export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(readonly rule: RateRule) {}

  /** The verdict for one more request now, without counting it. */
  check(key: string, now: number): Verdict {
    const inWindow = this.prune(key, now);
    const { limit, windowMs } = this.rule;
    return {
      allowed: inWindow.length < limit,
      limit,
      remaining: Math.max(0, limit - inWindow.length),
      resetAt: (inWindow[0] ?? now) + windowMs,
    };
  }

  /** Counts a request and returns the verdict after it. */
  record(key: string, now: number): Verdict {
    const inWindow = this.prune(key, now);
    inWindow.push(now);
    this.hits.set(key, inWindow);
    const { limit, windowMs } = this.rule;
    return { allowed: true, limit, remaining: Math.max(0, limit - inWindow.length), resetAt: inWindow[0] + windowMs };
  }

  clear(): void {
    this.hits.clear();
  }

  private prune(key: string, now: number): number[] {
    const inWindow = (this.hits.get(key) ?? []).filter((t) => t > now - this.rule.windowMs);
    this.hits.set(key, inWindow);
    return inWindow;
  }
}

export function rateHeaders(v: Verdict): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(v.limit),
    'X-RateLimit-Remaining': String(v.remaining),
    'X-RateLimit-Reset': new Date(v.resetAt).toISOString(),
  };
}

/** Whole seconds until the verdict's reset, rounded up, at least 1. */
export const retryAfterSeconds = (v: Verdict, now: number): number => Math.max(1, Math.ceil((v.resetAt - now) / 1000));
