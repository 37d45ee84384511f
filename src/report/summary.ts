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
import type { ActionInputs } from '../inputs/inputs.js';
import type { RunPlan } from '../rundir/load-run.js';
import { totalLoss } from '../rundir/fitness.js';
import type { FileResult, SyncResult } from '../session/session.js';
import type { CiReport } from './ci-report.js';
import type { Comparison, ComparisonRow } from './compare.js';
import type { GateResult } from './gate.js';
import { type ChartSeries, type Curve, MAX_POINTS, code, displayPath, escapeHtml, formatDuration, mermaidChart, num, subsample } from './format.js';
import { formatBytes, formatRate } from '../transport/progress.js';

const MAX_PROBLEMS = 20;
const MAX_PROBLEM_CHARS = 500;

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

function problemList(problems: string[]): string[] {
  if (problems.length === 0) return [];
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => {
    const cut = p.length > MAX_PROBLEM_CHARS ? `${p.slice(0, MAX_PROBLEM_CHARS)}…` : p;
    return `- ${escapeHtml(cut)}`;
  });
  const more = problems.length > MAX_PROBLEMS ? [`- … and ${problems.length - MAX_PROBLEMS} more (see the log)`] : [];
  return ['**Not sent yet** (re-run the job to send it):', '', ...shown, ...more, ''];
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

