/**
 * Progress lines for a long upload: `best.pt: 412.0 MiB of 1.00 GiB (40 %), 380 MiB/s`.
 * A line when 10 s passed since the last one, or when another 10 % went out (but not within
 * 1 s of the last line, so a fast upload prints a few lines, not ten).
 */
import type { Log } from '../log.js';

const EVERY_MS = 10_000;
const EVERY_SHARE = 0.1;
const MIN_GAP_MS = 1000;

const KiB = 1024;
const MiB = KiB * 1024;
const GiB = MiB * 1024;

/** `512 B`, `12.5 KiB`, `412.0 MiB`, `1.00 GiB`. */
export function formatBytes(n: number): string {
  if (n < KiB) return `${n} B`;
  if (n < MiB) return `${(n / KiB).toFixed(1)} KiB`;
  if (n < GiB) return `${(n / MiB).toFixed(1)} MiB`;
  return `${(n / GiB).toFixed(2)} GiB`;
}

/** `380 MiB/s`, `2.5 MiB/s`, `640 KiB/s`. */
export function formatRate(bytesPerSecond: number): string {
  if (bytesPerSecond >= 10 * MiB) return `${Math.round(bytesPerSecond / MiB)} MiB/s`;
  if (bytesPerSecond >= MiB) return `${(bytesPerSecond / MiB).toFixed(1)} MiB/s`;
  return `${Math.round(bytesPerSecond / KiB)} KiB/s`;
}

export class Progress {
  private readonly start: number;
  private lastAt: number;
  private lastBytes = 0;

  constructor(
    private readonly log: Log,
    private readonly name: string,
    private readonly total: number,
    private readonly now: () => number,
  ) {
    this.start = this.lastAt = now();
  }

  /** `sent`: file bytes the request has taken so far. */
  update(sent: number): void {
    const t = this.now();
    const sinceLast = t - this.lastAt;
    const byTime = sinceLast >= EVERY_MS;
    const byShare = sent - this.lastBytes >= this.total * EVERY_SHARE && sinceLast >= MIN_GAP_MS;
    if (!byTime && !byShare) return;
    this.lastAt = t;
    this.lastBytes = sent;
    const percent = this.total > 0 ? Math.floor((sent * 100) / this.total) : 100;
    const rate = sent / Math.max((t - this.start) / 1000, 0.001);
    this.log.info(`${this.name}: ${formatBytes(sent)} of ${formatBytes(this.total)} (${percent} %), ${formatRate(rate)}`);
  }
}
