/**
 * The progress line of a step with several runs (a folder of past runs can hold hundreds): run k of
 * n, its epochs, and when the rest will have arrived. The estimate is the pace of the runs so far,
 * which under a rate limit is the limit's own pace: nothing is read or counted for it.
 */
export class Progress {
  private readonly started: number;

  constructor(
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** The line for run `index` (0-based), once its run directory was read. */
  line(index: number, name: string, epochs: number): string {
    const eta = index === 0 ? null : ((this.now() - this.started) / index) * (this.total - index);
    return `Run ${index + 1} of ${this.total}: ${name} (${epochs} epochs)${eta === null ? '' : `; the rest in about ${duration(eta)}`}`;
  }
}

function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
