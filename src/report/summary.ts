/**
 * The job summary: a header with the model link, a one-row table of what was sent, one table row
 * per file, and two mermaid xycharts over the epochs: mAP50-95 (top-1 for classify) and the total
 * train loss. Each has its own y-axis, since the two differ by an order of magnitude.
 *
 * Every user string (paths, file names, server messages) is HTML-escaped and placed in HTML
 * elements, never in Markdown code spans, where entities would show literally. The charts carry
 * only numbers and fixed labels. The result stays far under the runner's 1 MiB limit: the charts
 * have at most 100 points, the list of problems at most 20 lines.
 */
import * as path from 'node:path';
import type { ActionInputs } from '../inputs/inputs.js';
import type { RunPlan } from '../rundir/load-run.js';
import { totalLoss } from '../rundir/fitness.js';
import type { FileResult, SyncResult } from '../session/session.js';
import { formatBytes, formatRate } from '../transport/progress.js';

/** Most points a chart shows; longer runs are subsampled, keeping the first, last and best epoch. */
export const MAX_POINTS = 100;
const MAX_PROBLEMS = 20;
const MAX_PROBLEM_CHARS = 500;

/**
 * Makes text safe in HTML and in Markdown: the HTML specials, the table separator `|`, and every
 * character Markdown gives a meaning inside a line (links, emphasis, code, escapes).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`\\[\]*_~!#]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

/** 0.70023 → '0.7002'; null, undefined and non-finite → 'n/a'. */
function num(v: number | null | undefined, digits = 4): string {
  return v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : String(Number(v.toFixed(digits)));
}

/** The column's name as people say it; the charts and the table use only these fixed labels. */
function metricLabel(column: string | null): string {
  if (column === 'metrics/accuracy_top1') return 'top-1 accuracy';
  return 'mAP50-95';
}

const HEADLINE: Record<SyncResult['status'], string> = {
  synced: '✅ synced',
  partial: '⚠️ partial: re-run the job to send the rest',
  cancelled: '⏹️ cancelled by the server',
  'dry-run': '🔍 dry run: nothing was uploaded',
};

const ROLE_TEXT: Record<FileResult['role'], string> = { final: 'final model', checkpoint: 'checkpoint' };

export function renderSummary({ result, plan, inputs }: { result: SyncResult; plan: RunPlan; inputs: ActionInputs }): string {
  const backend = inputs.backend === 'hub' ? 'HUB' : 'Platform';
  return [
    `## Ultralytics ${backend}: ${HEADLINE[result.status]}`,
    '',
    `**Model:** ${modelLink(result)}`,
    '',
    ...runTable(result, plan, inputs),
    '',
    ...fileTable(result.files),
    ...problemList(result.problems),
    ...charts(plan),
  ].join('\n');
}

function modelLink(result: SyncResult): string {
  if (!result.modelUrl) return result.status === 'dry-run' ? '<em>none yet (dry run)</em>' : '<em>unknown</em>';
  if (!/^https?:\/\//i.test(result.modelUrl)) return code(result.modelUrl);
  const url = escapeHtml(result.modelUrl);
  return `<a href="${url}">${url}</a>`;
}

/** One row: epochs, best epoch, final mAP, how the training ended, where the run is. */
function runTable(result: SyncResult, plan: RunPlan, inputs: ActionInputs): string[] {
  const total = plan.metrics.rows.length;
  const epochs =
    result.status === 'dry-run'
      ? `would send ${total - result.epochsOnServer} of ${total} (${result.epochsOnServer} on the server)`
      : `${result.epochsSent} now; ${result.epochsOnServer} of ${total} on the server`;
  const planned = plan.args?.values.epochs;
  const of = typeof planned === 'number' && planned > 0 ? planned : total;
  const best = plan.best
    ? `${plan.best.epoch} (${plan.best.epoch + 1}/${of} in the training log), fitness ${num(plan.best.fitness)}`
    : 'n/a (no epoch has a fitness)';
  return [
    `| Epochs sent | Best epoch (0-based) | Final ${metricLabel(plan.mapColumn)} | Training ended | Run directory |`,
    '|---|---|---|---|---|',
    `| ${epochs} | ${best} | **${num(plan.map)}** | ${inputs.status} | ${code(displayPath(plan.runDir, inputs.workspace))} |`,
  ];
}

/** Relative to the workspace when inside it (the absolute runner path says nothing). */
function displayPath(p: string, workspace: string): string {
  const rel = path.relative(workspace, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

function fileTable(files: FileResult[]): string[] {
  if (files.length === 0) return ['No weights were sent.', ''];
  return [
    '| File | Role | Size | sha256 | Time | Throughput | Outcome |',
    '|---|---|---|---|---|---|---|',
    ...files.map((f) => {
      const uploaded = f.outcome === 'uploaded';
      const time = uploaded ? formatDuration(f.ms) : '–';
      const rate = uploaded && f.ms > 0 ? formatRate((f.bytes * 1000) / f.ms) : '–';
      const sha = f.sha256 ? code(f.sha256) : '–';
      return `| ${code(f.name)} | ${ROLE_TEXT[f.role]} | ${formatBytes(f.bytes)} | ${sha} | ${time} | ${rate} | ${f.outcome} |`;
    }),
    '',
  ];
}

/** 8 ms, 950 ms, 1.5 s, 42 s, 3 min 5 s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

function problemList(problems: string[]): string[] {
  if (problems.length === 0) return [];
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => {
    const cut = p.length > MAX_PROBLEM_CHARS ? `${p.slice(0, MAX_PROBLEM_CHARS)}…` : p;
    return `- ${escapeHtml(cut)}`;
  });
  const more = problems.length > MAX_PROBLEMS ? [`- … and ${problems.length - MAX_PROBLEMS} more (see the log)`] : [];
  return ['**Not sent yet** (re-run the job to send it):', '', ...shown, ...more, ''];
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
  /** The epochs (0-based) of the points; the chart spaces them evenly from the first to the last. */
  epochs: number[];
  values: number[];
}

/** The chart series over the same subsampled epochs; a null value drops that point. */
export function chartSeries(plan: RunPlan): ChartSeries[] {
  const rows = plan.metrics.rows;
  const bestIndex = plan.best ? rows.findIndex((r) => r.epoch === plan.best?.epoch) : -1;
  const idx = subsample(rows.length, MAX_POINTS, [bestIndex]);
  const series = (title: string, label: string, value: (i: number) => number | null | undefined): ChartSeries => {
    const points = idx
      .map((i) => [rows[i].epoch, value(i)] as const)
      .filter((p): p is readonly [number, number] => typeof p[1] === 'number' && Number.isFinite(p[1]));
    return { title, label, epochs: points.map((p) => p[0]), values: points.map((p) => p[1]) };
  };
  const col = plan.mapColumn;
  const label = metricLabel(col);
  const bestText = plan.best && plan.best.map !== null ? ` (best: epoch ${plan.best.epoch}, ${num(plan.best.map)})` : '';
  return [
    ...(col ? [series(`${label} per epoch${bestText}`, label, (i) => rows[i].metrics[col])] : []),
    series('Total train loss per epoch', 'loss', (i) => totalLoss(rows[i])),
  ].filter((s) => s.values.length > 0);
}

function charts(plan: RunPlan): string[] {
  return chartSeries(plan).flatMap((s) => [mermaidChart(s), '']);
}

/** Mermaid settings: a compact chart and a line colour that reads on white. */
const CHART_INIT = '%%{init: {"xyChart": {"width": 900, "height": 320}, "themeVariables": {"xyChart": {"plotColorPalette": "#0969da"}}}}%%';

/** One mermaid `xychart-beta` line chart: a numeric epoch axis and a y-axis fitted to the values. */
export function mermaidChart(s: ChartSeries): string {
  const [lo, hi] = yRange(s.values);
  const first = s.epochs[0];
  const last = s.epochs[s.epochs.length - 1];
  return [
    '```mermaid',
    CHART_INIT,
    'xychart-beta',
    `  title "${s.title}"`,
    `  x-axis "epoch (0-based)" ${first} --> ${last === first ? first + 1 : last}`,
    `  y-axis "${s.label}" ${lo} --> ${hi}`,
    `  line [${s.values.map((v) => Number(v.toPrecision(4))).join(', ')}]`,
    '```',
  ].join('\n');
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
