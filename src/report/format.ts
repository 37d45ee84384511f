/**
 * The report room's leaf: formatting shared by the summary, the comment and the tune section.
 * Escaping for HTML and Markdown, numbers, durations, paths, subsampling, and mermaid line charts.
 * It imports nothing of the report room, so every other module may import it.
 */
import * as path from 'node:path';

/** A curve over epochs (0-based), at most MAX_POINTS points. */
export interface Curve {
  epochs: number[];
  values: number[];
}

/** Most points a chart shows; longer runs are subsampled, keeping the first, last and best epoch. */
export const MAX_POINTS = 100;
/**
 * Makes text safe in HTML and in Markdown: the HTML specials, the table separator `|`, and every
 * character Markdown gives a meaning inside a line (links, emphasis, code, escapes).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`\\[\]*_~!#]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

/** 0.70023 → '0.7002'; null, undefined and non-finite → 'n/a'. */
export function num(v: number | null | undefined, digits = 4): string {
  return v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : String(Number(v.toFixed(digits)));
}

/** 8 ms, 950 ms, 1.5 s, 42 s, 3 min 5 s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Relative to the workspace when inside it (the absolute runner path says nothing). */
export function displayPath(p: string, workspace: string): string {
  const rel = path.relative(workspace, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/**
 * At most `max` evenly spaced indices of `count` items, from the first to the last. Each index in
 * `keep` replaces the sampled index nearest to it, so the spacing stays even but for that one point.
 */
export function subsample(count: number, max: number, keep: number[] = []): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const picked = Array.from({ length: max }, (_, i) => Math.round((i * (count - 1)) / (max - 1)));
  for (const k of keep) {
    if (!Number.isInteger(k) || k < 0 || k >= count || picked.includes(k)) continue;
    let nearest = 1;
    for (let j = 2; j < max - 1; j++) if (Math.abs(picked[j] - k) < Math.abs(picked[nearest] - k)) nearest = j;
    picked[nearest] = k;
  }
  return picked;
}

export interface ChartSeries {
  title: string;
  /** The y-axis label. */
  label: string;
  /** The x-axis label; default `epoch (0-based)`. */
  xLabel?: string;
  /** The epochs (0-based) of the points; the chart spaces them evenly from the first to the last. */
  epochs: number[];
  values: number[];
  /** The baseline's curve of the same quantity, drawn over this one. */
  baseline?: Curve;
}

/** Mermaid settings: a compact chart and line colours that read on white (this run blue, the baseline orange). */
const CHART_INIT =
  '%%{init: {"xyChart": {"width": 900, "height": 320}, "themeVariables": {"xyChart": {"plotColorPalette": "#0969da, #bc4c00"}}}}%%';

/** One mermaid `xychart-beta` line chart: a numeric epoch axis and a y-axis fitted to the values. */
export function mermaidChart(s: ChartSeries): string {
  const o = s.baseline ? overlay(s, s.baseline) : null;
  const epochs = o ? o.epochs : s.epochs;
  const lines = o ? [o.current, o.baseline] : [s.values];
  const [lo, hi] = yRange(lines.flat());
  const first = epochs[0];
  const last = epochs[epochs.length - 1];
  const title = o ? `${s.title} · blue: this run, orange: baseline${o.note}` : s.title;
  return [
    '```mermaid',
    CHART_INIT,
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis "${s.xLabel ?? 'epoch (0-based)'}" ${first} --> ${last === first ? first + 1 : last}`,
    `  y-axis "${s.label}" ${lo} --> ${hi}`,
    ...lines.map((l) => `  line [${l.map((v) => Number(v.toPrecision(4))).join(', ')}]`),
    '```',
  ].join('\n');
}

/**
 * Both curves on one epoch grid (mermaid spaces a line's points evenly over the axis, so two lines
 * must share their epochs). Equal epochs are kept as they are; otherwise both are read off at up to
 * MAX_POINTS whole epochs by linear interpolation, a curve that ended earlier holding its last
 * value (the title says where it ended).
 */
export function overlay(s: Curve, b: Curve): { epochs: number[]; current: number[]; baseline: number[]; note: string } {
  if (s.epochs.length === b.epochs.length && s.epochs.every((e, i) => e === b.epochs[i])) {
    return { epochs: s.epochs, current: s.values, baseline: b.values, note: '' };
  }
  const first = Math.min(s.epochs[0], b.epochs[0]);
  const lastS = s.epochs[s.epochs.length - 1];
  const lastB = b.epochs[b.epochs.length - 1];
  const last = Math.max(lastS, lastB);
  const count = Math.min(MAX_POINTS, last - first + 1);
  const epochs = Array.from({ length: count }, (_, i) => (count === 1 ? first : first + Math.round((i * (last - first)) / (count - 1))));
  const note = lastB < last ? ` (ends at epoch ${lastB})` : lastS < last ? ` (this run ends at epoch ${lastS})` : '';
  return { epochs, current: epochs.map((e) => valueAt(s, e)), baseline: epochs.map((e) => valueAt(b, e)), note };
}

/** The curve's value at `epoch`: interpolated between its points, held before the first and after the last. */
function valueAt(c: Curve, epoch: number): number {
  const n = c.epochs.length;
  if (epoch <= c.epochs[0]) return c.values[0];
  if (epoch >= c.epochs[n - 1]) return c.values[n - 1];
  let i = 0;
  while (c.epochs[i + 1] < epoch) i++;
  const [e0, e1] = [c.epochs[i], c.epochs[i + 1]];
  return c.values[i] + ((c.values[i + 1] - c.values[i]) * (epoch - e0)) / (e1 - e0);
}

/** Min and max with a margin, rounded outward to 2 significant digits of the span; never below 0 for non-negative data. */
export function yRange(values: number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || Math.abs(max) || 1;
  const step = 10 ** (Math.floor(Math.log10(span)) - 1);
  const EPS = 1e-9; // 0.46 / 0.01 is 45.99999…
  let lo = Math.floor((min - span * 0.1) / step + EPS) * step;
  const hi = Math.ceil((max + span * 0.1) / step - EPS) * step;
  if (min >= 0 && lo < 0) lo = 0;
  return [Number(lo.toPrecision(6)), Number(hi.toPrecision(6))];
}
