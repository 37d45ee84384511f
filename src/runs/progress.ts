/**
 * The progress line of a step with several runs (a folder of past runs can hold hundreds): run k of
 * n, its epochs, and when the rest will have arrived.
 *
 * The estimate is the pace of the runs so far, but never less than the rate limit allows: under a
 * window limit the first runs go out in one burst, at a pace the limit cannot keep (40 requests per
 * 10 s: the first window's runs take a second, the next ones wait for the window). So the requests
 * still to come (the requests per run so far, from the pacer's count, times the runs left) take at
 * least `limit` per window, after those the current window still allows. Nothing is read for it.
 * While no reply named a limit, the pace alone is the estimate.
 */
import type { RateBudget } from '../transport/pacer.js';

export class Progress {
  private readonly started: number;
  /** Requests the pacer had let through when the first run began. */
  private readonly grantedAtStart: number;

  constructor(
    private readonly total: number,
    private readonly now: () => number = Date.now,
    /** The rate limit as the pacer knows it (`Pacer.budget`); null while unknown. */
    private readonly budget: () => RateBudget | null = () => null,
  ) {
    this.started = now();
    this.grantedAtStart = budget()?.granted ?? 0;
  }

  /** The line for run `index` (0-based), once its run directory was read. */
  line(index: number, name: string, epochs: number): string {
    const eta = this.eta(index);
    return `Run ${index + 1} of ${this.total}: ${name} (${epochs} epochs)${eta === null ? '' : `; the rest in about ${duration(eta)}`}`;
  }

  /** Milliseconds until runs `index`… have arrived; null before a run finished to measure by. */
  eta(index: number): number | null {
    if (index === 0) return null;
    const left = this.total - index;
    const pace = ((this.now() - this.started) / index) * left;
    const b = this.budget();
    if (!b) return pace;
    const requests = ((b.granted - this.grantedAtStart) / index) * left;
    return Math.max(pace, rateBound(requests, b, this.now()));
  }
}

/**
 * The least time `requests` more requests take under the limit: those the current window still
 * allows go at once; the others at `limit` per window, and not before the window's reset.
 */
export function rateBound(requests: number, b: RateBudget, now: number): number {
  const beyond = requests - b.remaining;
  if (beyond <= 0) return 0;
  return Math.max(b.resetAt - now, (beyond / b.limit) * b.windowMs);
}

function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
