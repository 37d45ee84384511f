/**
 * The job summary: a header with the model link, a one-row table of what was sent, one table row
 * per file, and two mermaid xycharts over the epochs: mAP50-95 (top-1 for classify) and the total
 * train loss. Each has its own y-axis, since the two differ by an order of magnitude.
 *
 * Every user string (paths, file names, server messages) is HTML-escaped and placed in HTML
 * elements, never in Markdown code spans, where entities would show literally. The charts carry
 * only numbers and fixed labels. The result stays far under the runner's 1 MiB limit: the charts
 * have at most 100 points, the list of problems at most 20 lines.
 *
 * With a baseline, a comparison table (this run, the baseline, the delta with ▲/▼) and the gate
 * result follow the run's table, and each chart overlays the baseline's curve.
 */
import * as path from 'node:path';
import type { ActionInputs } from '../inputs/inputs.js';
import type { RunPlan } from '../rundir/load-run.js';
import { totalLoss } from '../rundir/fitness.js';
import type { FileResult, SyncResult } from '../session/session.js';
import type { CiReport } from './ci-report.js';
import type { Comparison, ComparisonRow } from './compare.js';
import type { GateResult } from './gate.js';
import type { Curve } from './snapshot.js';
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

export function renderSummary({
  result,
  plan,
  inputs,
  report,
}: {
  result: SyncResult;
  plan: RunPlan;
  inputs: ActionInputs;
  report?: CiReport;
}): string {
  const backend = inputs.backend === 'hub' ? 'HUB' : 'Platform';
  return [
    `## Ultralytics ${backend}: ${HEADLINE[result.status]}`,
    '',
    `**Model:** ${modelLink(result)}`,
    '',
    ...runTable(result, plan, inputs),
    '',
    ...(report ? comparisonSection(report, inputs.workspace) : []),
    ...fileTable(result.files),
    ...problemList(result.problems),
    ...charts(plan, report),
  ].join('\n');
}

export function modelLink(result: SyncResult): string {
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

const BASELINE_KIND: Record<Comparison['baseline']['kind'], string> = {
  'run-dir': 'run directory',
  'results-csv': 'results.csv',
  report: 'report JSON',
};

/** The comparison with the baseline (or why there is none) and the gate's result; nothing when neither was asked for. */
export function comparisonSection(report: CiReport, workspace?: string): string[] {
  const out: string[] = [];
  if (report.comparison) {
    const b = report.comparison.baseline;
    const where = workspace ? displayPath(b.source, workspace) : b.source;
    const name = (b.name ? `, run ${code(b.name)}` : '') + (b.commit ? `, from ${code(b.commit)}` : '');
    out.push(`**Baseline:** ${code(where)} (${BASELINE_KIND[b.kind]}${name})`, '', ...comparisonTable(report.comparison), '');
  } else if (report.baselineProblem) {
    out.push(`**Baseline:** not compared: ${escapeHtml(report.baselineProblem)}`, '');
  }
  const gate = gateLine(report.gate);
  if (gate) out.push(gate, '');
  return out;
}

/** Metric | This run | Baseline | Δ, with ▲ for a rise and ▼ for a fall. */
export function comparisonTable(c: Comparison): string[] {
  return [
    '| Metric | This run | Baseline | Δ |',
    '|---|---|---|---|',
    ...c.rows.map((r) => `| ${r.label} | ${value(r, r.current)} | ${value(r, r.baseline)} | ${delta(r)} |`),
  ];
}

function value(r: ComparisonRow, v: number | null): string {
  if (v === null) return 'n/a';
  if (r.kind === 'seconds') return formatDuration(v * 1000);
  return r.kind === 'metric' ? num(v) : String(v);
}

function delta(r: ComparisonRow): string {
  if (r.delta === null) return '–';
  if (r.delta === 0) return '= 0';
  const size = Math.abs(r.delta);
  const text = r.kind === 'seconds' ? formatDuration(size * 1000) : r.kind === 'metric' ? num(size) : String(size);
  return r.delta > 0 ? `▲ +${text}` : `▼ −${text}`;
}

const GATE_HEAD: Record<GateResult['status'], string> = { passed: '✅ passed', failed: '❌ failed', none: '' };

/** One line: the gate's verdict and each check; null when no gate input was set. */
export function gateLine(gate: GateResult): string | null {
  const parts = [...gate.checks.map((c) => `${c.passed ? '✓' : '✗'} ${escapeHtml(c.text)}`), ...gate.skipped.map(escapeHtml)];
  if (parts.length === 0) return null;
  const head = GATE_HEAD[gate.status] || '➖ nothing checked';
  return `**Quality gate:** ${head}: ${parts.join('; ')}`;
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
  /** The baseline's curve of the same quantity, drawn over this one. */
  baseline?: Curve;
}

/** The chart series over the same subsampled epochs; a null value drops that point. */
export function chartSeries(plan: RunPlan, baseline?: { map?: Curve; loss?: Curve }): ChartSeries[] {
  const rows = plan.metrics.rows;
  const bestIndex = plan.best ? rows.findIndex((r) => r.epoch === plan.best?.epoch) : -1;
  const idx = subsample(rows.length, MAX_POINTS, [bestIndex]);
  const series = (title: string, label: string, value: (i: number) => number | null | undefined, base?: Curve): ChartSeries => {
    const points = idx
      .map((i) => [rows[i].epoch, value(i)] as const)
      .filter((p): p is readonly [number, number] => typeof p[1] === 'number' && Number.isFinite(p[1]));
    const s: ChartSeries = { title, label, epochs: points.map((p) => p[0]), values: points.map((p) => p[1]) };
    if (base && base.values.length > 0) s.baseline = base;
    return s;
  };
  const col = plan.mapColumn;
  const label = metricLabel(col);
  const bestText = plan.best && plan.best.map !== null ? ` (best: epoch ${plan.best.epoch}, ${num(plan.best.map)})` : '';
  return [
    ...(col ? [series(`${label} per epoch${bestText}`, label, (i) => rows[i].metrics[col], baseline?.map)] : []),
    series('Total train loss per epoch', 'loss', (i) => totalLoss(rows[i]), baseline?.loss),
  ].filter((s) => s.values.length > 0);
}

function charts(plan: RunPlan, report?: CiReport): string[] {
  const baseline = report?.comparison ? report.baseline?.snapshot.curves : undefined;
  return chartSeries(plan, baseline).flatMap((s) => [mermaidChart(s), '']);
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
    `  x-axis "epoch (0-based)" ${first} --> ${last === first ? first + 1 : last}`,
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
