/** The few statistics the benchmark reports. */

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const max = (xs: number[]): number => (xs.length ? Math.max(...xs) : NaN);
export const min = (xs: number[]): number => (xs.length ? Math.min(...xs) : NaN);

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

/** `1 GiB`, `512 MiB`. */
export function sizeLabel(bytes: number): string {
  return bytes >= GiB ? `${+(bytes / GiB).toFixed(2)} GiB` : `${+(bytes / MiB).toFixed(1)} MiB`;
}

/** The p-quantile (0..1) by linear interpolation between order statistics. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * p;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}
