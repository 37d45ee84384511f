/**
 * The step's report over all its runs: the runs layer (src/runs/) hands over one RunOutcome per run,
 * the `report` command one entry per run of the report files it gathered; both become a JobReport.
 *
 *   runs → baseline read once, matched per run by name → each run gated (ci-report.ts)
 *   → outputs, summary (runs table, tune sections, each run's details), report-file, one comment
 *
 * With one run synced in this step, the outputs, the summary and the comment are exactly the one-run
 * forms (summary.ts, pr-comment.ts). Nothing here throws on a report file that cannot be written or a
 * comment that cannot be posted: those are warnings. The gate fails the step, and only the host applies
 * it (gateFailure), after everything was sent.
 */
import * as path from 'node:path';
import type { ActionInputs } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import type { RunPlan } from '../rundir/load-run.js';
import { readTuneDir } from '../rundir/tune.js';
import type { SyncResult } from '../session/session.js';
import { BaselineError, type BaselineRun, readBaselineRuns } from './baseline.js';
import { type BaselineMatch, type CiReport, reportAgainst } from './ci-report.js';
import { postComment } from './comment.js';
import { type ChartSeries, code, displayPath, escapeHtml, formatDuration, mermaidChart, num, subsample, MAX_POINTS } from './format.js';
import type { GateResult, GateStatus } from './gate.js';
import { buildOutputs } from './outputs.js';
import { footer, renderComment, snapshotTable } from './pr-comment.js';
import { type ParsedReport, type ReportJson, type ReportRunJson, type TuneJson, REPORT_FORMAT, REPORT_VERSION, writeReport } from './report-file.js';
import { type RunSnapshot, snapshotOf } from './snapshot.js';
import { comparisonSection, renderSummary } from './summary.js';

/** One run of the step, as the runs layer hands it over, in order of start. */
export interface RunOutcome {
  /** Absolute. */
  runDir: string;
  /** Configured name: `name` input where it applies, else args.yaml `name`, else basename(runDir). */
  name: string;
  /** The inputs this run was synced with (backend, workspace, status = how the training ended, …). */
  inputs: ActionInputs;
  /** null: the run directory could not be read. */
  plan: RunPlan | null;
  /** null: not synced (see error). */
  result: SyncResult | null;
  /** User-facing, redacted; null when the sync ran (synced/partial/…). */
  error: string | null;
}

/** What the report reads of the inputs: the sync's ActionInputs, or the `report` command's few. */
export type JobInputs = Pick<
  ActionInputs,
  'workspace' | 'baseline' | 'minMap' | 'maxMapDrop' | 'reportFile' | 'comment' | 'githubToken' | 'summary' | 'dryRun' | 'requestTimeoutMs'
> &
  /** The `project` input: part of the comment's key (the `reports` command has none). */
  Partial<Pick<ActionInputs, 'project'>>;

export interface JobContext {
  inputs: JobInputs;
  env: NodeJS.ProcessEnv;
  log: Log;
}

/** A run's status in the `runs` output: the sync's, or `failed` when it could not be synced. */
export type JobRunStatus = SyncResult['status'] | 'failed';

export interface JobRun {
  name: string;
  /** Absolute for a run synced in this step; as its report file says (workspace-relative) for a gathered one. */
  runDir: string | null;
  task: string | null;
  status: JobRunStatus;
  backend: string;
  modelId: string;
  modelUrl: string;
  /** Epochs with their metrics on the server; null when the sync did not run. */
  epochs: number | null;
  error: string | null;
  /** The run against its baseline, gated; null when the run directory could not be read. */
  report: CiReport | null;
  /** The run as synced in this step; null for a run gathered from a report file. */
  outcome: RunOutcome | null;
  /** The report file a gathered run came from. */
  source: string | null;
}

export interface JobReport {
  runs: JobRun[];
  tunes: TuneJson[];
  /**
   * The worst status of the runs (failed > partial > cancelled > synced > dry-run), except that a
   * step where some runs failed and others arrived is partial: failed only when no run was synced.
   */
  status: JobRunStatus;
  /** failed if any run failed the gate, passed if any passed, else none. */
  gate: GateStatus;
  /** The runs' backend when they share one, else ''. */
  backend: string;
  /** The key of this step's pull-request comment (stepCommentKey). */
  commentKey: string;
  /**
   * The key earlier versions gave the same comment (the run names alone), when it differs: a comment
   * found by it is taken over, so an upgrade does not leave a second comment on an open pull request.
   */
  legacyCommentKey?: string;
  /** Paths in the outputs, the summary and the report file are shown relative to it. */
  workspace: string;
}

// ——— Building the report ———

/** Reads the baseline once, matches it per run by name, gates every run. */
export async function prepareJobReport(runs: RunOutcome[], tuneDirs: string[], ctx: JobContext): Promise<JobReport> {
  const baseline = await readJobBaseline(ctx);
  const readable = runs.filter((r) => r.plan !== null).length;
  const jobRuns = runs.map((o): JobRun => {
    const plan = o.plan;
    let report: CiReport | null = null;
    if (plan) {
      const name = o.name;
      const current = snapshotOf({ name, metrics: plan.metrics, best: plan.best, map: plan.map, mapColumn: plan.mapColumn });
      report = reportAgainst(name, current, matchBaseline(baseline, o.name, readable), ctx.inputs, ctx.log, runs.length > 1 ? `Run ${o.name}: ` : '');
    }
    const task = plan?.args?.values.task;
    return {
      name: o.name,
      runDir: o.runDir,
      task: typeof task === 'string' ? task : report ? taskOf(report.current) : null,
      status: o.error !== null || !o.result ? 'failed' : o.result.status,
      backend: o.inputs.backend,
      modelId: o.result?.modelId ?? '',
      modelUrl: o.result?.modelUrl ?? '',
      epochs: o.result ? o.result.epochsOnServer : null,
      error: o.error,
      report,
      outcome: o,
      source: null,
    };
  });
  const tunes: TuneJson[] = [];
  for (const dir of tuneDirs) {
    try {
      const t = await readTuneDir(dir, ctx.inputs.workspace);
      tunes.push({ dir: displayPath(t.dir, ctx.inputs.workspace), fitness: t.iterations.map((i) => i.fitness), best: t.best, bestTrial: t.bestTrial });
    } catch (err) {
      ctx.log.warning(`The tune folder ${dir} is left out of the summary: ${(err as Error).message}`);
    }
  }
  return assemble(jobRuns, tunes, ctx);
}

/**
 * The runs of report files that earlier jobs wrote (a matrix's `report-file` artifacts). Given a
 * `baseline`, `min-map` or `max-map-drop`, every run is compared and gated here; otherwise each keeps
 * the comparison and gate its own job recorded.
 */
export async function gatherJobReport(reports: { file: string; report: ParsedReport }[], ctx: JobContext): Promise<JobReport> {
  const { inputs, log } = ctx;
  const regate = inputs.baseline !== null || inputs.minMap !== null || inputs.maxMapDrop !== null;
  const baseline = regate ? await readJobBaseline(ctx) : null;
  const entries = reports.flatMap(({ file, report }) => report.runs.map((run) => ({ file, run })));
  const readable = entries.filter((e) => e.run.run !== null).length;
  const jobRuns = entries.map(({ file, run }): JobRun => {
    let report: CiReport | null = null;
    if (run.run) {
      report = regate
        ? reportAgainst(run.name, run.run, matchBaseline(baseline, run.name, readable), inputs, log, entries.length > 1 ? `Run ${run.name}: ` : '')
        : recorded(run, run.run);
    }
    const status = (['synced', 'partial', 'cancelled', 'dry-run', 'failed'] as const).find((s) => s === run.status) ?? 'failed';
    return {
      name: run.name,
      runDir: run.runDir,
      task: run.task ?? (run.run ? taskOf(run.run) : null),
      status,
      backend: run.backend,
      modelId: run.modelId,
      modelUrl: run.modelUrl,
      epochs: run.epochs,
      error: run.error,
      report,
      outcome: null,
      source: displayPath(file, inputs.workspace),
    };
  });
  return assemble(jobRuns, reports.flatMap((r) => r.report.tunes), ctx);
}

/** A gathered run as its own job reported it. */
function recorded(run: ReportRunJson, current: RunSnapshot): CiReport {
  const c = run.comparison;
  return {
    name: run.name,
    current,
    baseline: null,
    baselineProblem: null,
    comparison: c,
    gate: run.gate,
    outputs: { 'map-delta': c?.mapDelta == null ? '' : String(c.mapDelta), comparison: c ? JSON.stringify(c) : '', gate: run.gate.status },
  };
}

type BaselineFound = { runs: BaselineRun[]; source: string } | { problem: string; unreadable: boolean } | null;

async function readJobBaseline(ctx: JobContext): Promise<BaselineFound> {
  const source = ctx.inputs.baseline;
  if (!source) return null;
  try {
    return { runs: await readBaselineRuns(source, ctx.inputs.workspace), source };
  } catch (err) {
    // A baseline that does not exist is the first pull request; one that exists but cannot be used fails a max-map-drop gate.
    return { problem: (err as Error).message, unreadable: !(err instanceof BaselineError && err.missing) };
  }
}

/** The baseline run for `name`: the only one against the only run, else the one of the same name. */
function matchBaseline(found: BaselineFound, name: string, readableRuns: number): BaselineMatch {
  if (!found) return { baseline: null, problem: null };
  if ('problem' in found) return { baseline: null, problem: found.problem, unreadable: found.unreadable ? found.problem : undefined };
  if (found.runs.length === 1 && readableRuns === 1) return { baseline: found.runs[0].baseline, problem: null };
  const match = found.runs.find((b) => b.key === name);
  if (match) return { baseline: match.baseline, problem: null };
  const names = found.runs.map((b) => b.key ?? '(unnamed)').join(', ');
  return { baseline: null, problem: `${found.source} has no run named "${name}" (it holds ${names})` };
}

const RANK: Record<JobRunStatus, number> = { 'dry-run': 0, synced: 1, cancelled: 2, partial: 3, failed: 4 };

function assemble(runs: JobRun[], tunes: TuneJson[], ctx: JobContext): JobReport {
  const worst = runs.reduce<JobRunStatus>((w, r) => (RANK[r.status] > RANK[w] ? r.status : w), runs.length ? 'dry-run' : 'failed');
  // Some runs arrived, others could not be synced: the step is partial (a re-run sends the rest).
  const status = worst === 'failed' && runs.some((r) => r.status !== 'failed') ? 'partial' : worst;
  const gates = runs.map((r) => r.report?.gate.status ?? 'none');
  const gate: GateStatus = gates.includes('failed') ? 'failed' : gates.includes('passed') ? 'passed' : 'none';
  const backends = [...new Set(runs.map((r) => r.backend).filter(Boolean))];
  const only = runs.length === 1 ? runs[0] : null;
  const names = only ? (only.report?.name ?? only.name) : `runs:${runs.map((r) => r.name).sort().join(',')}`;
  const commentKey = stepCommentKey(names, ctx.inputs.project, ctx.env);
  const keys = { commentKey, ...(commentKey !== names ? { legacyCommentKey: names } : {}) };
  return { runs, tunes, status, gate, backend: backends.length === 1 ? backends[0] : '', ...keys, workspace: ctx.inputs.workspace };
}

/**
 * The key of a step's comment: the run names (the one run's name, or `runs:` and the sorted names),
 * then what tells two steps apart when their runs share names: the `project`, the job
 * (GITHUB_JOB) and the step (GITHUB_ACTION, its id), each where known:
 * `train;project=acme/a;job=train;step=sync`. Without any of them the key is the names alone, as
 * before. (Legs of one matrix share the job and the step; their `project` or run names set them apart.)
 */
function stepCommentKey(names: string, project: string | null | undefined, env: NodeJS.ProcessEnv): string {
  const esc = (v: string) => v.replace(/[%;=]/g, (c) => encodeURIComponent(c));
  const scope: [string, string | undefined][] = [
    ['project', project ?? undefined],
    ['job', env.GITHUB_JOB],
    ['step', env.GITHUB_ACTION],
  ];
  const parts = scope.filter((p): p is [string, string] => !!p[1]).map(([k, v]) => `;${k}=${esc(v)}`);
  return parts.length ? `${esc(names)}${parts.join('')}` : names;
}

/** The task from the metric families a run has, when its args.yaml does not say. */
function taskOf(s: RunSnapshot): string {
  if ('top1' in s.metrics) return 'classify';
  if ('mAP50-95(M)' in s.metrics) return 'segment';
  if ('mAP50-95(P)' in s.metrics) return 'pose';
  return 'detect';
}

// ——— Outputs ———

/** The one run synced in this step, with everything its one-run forms need. */
function single(report: JobReport): (JobRun & { outcome: RunOutcome & { plan: RunPlan; result: SyncResult }; report: CiReport }) | null {
  const [only] = report.runs;
  if (report.runs.length !== 1 || !only.outcome?.plan || !only.outcome.result || only.error !== null || !only.report) return null;
  return only as ReturnType<typeof single> & object;
}

/**
 * Step outputs: `runs` (JSON array, one object per run) and the scalars: with one run exactly as
 * before; with several, `status` (the worst), `backend`, `gate`, and every other scalar ''.
 */
export function jobOutputs(report: JobReport): Record<string, string> {
  const runs = JSON.stringify(
    report.runs.map((r) => ({
      'run-dir': r.runDir === null ? null : displayPath(r.runDir, report.workspace),
      name: r.name,
      'model-id': r.modelId,
      'model-url': r.modelUrl,
      epochs: r.epochs,
      'best-epoch': r.report?.current.bestEpoch ?? null,
      map: r.report?.current.map ?? null,
      status: r.status,
      gate: r.report?.gate.status ?? 'none',
    })),
  );
  const one = single(report);
  if (one) return { ...buildOutputs(one.outcome.result, one.outcome.plan, one.outcome.inputs.backend), ...one.report.outputs, runs };
  const out: Record<string, string> = {
    backend: report.backend,
    'model-id': '',
    'model-url': '',
    epochs: '',
    'best-epoch': '',
    map: '',
    weights: '',
    status: report.status,
    'map-delta': '',
    comparison: '',
    gate: report.gate,
    runs,
  };
  const [only] = report.runs;
  if (report.runs.length === 1 && only.report) {
    // One gathered (or failed) run: its own figures are the step's.
    const s = only.report.current;
    Object.assign(out, only.report.outputs, {
      'model-id': only.modelId,
      'model-url': only.modelUrl,
      epochs: only.epochs === null ? '' : String(only.epochs),
      'best-epoch': s.bestEpoch === null ? '' : String(s.bestEpoch),
      map: s.map === null ? '' : String(s.map),
    });
  }
  return out;
}

// ——— The gate ———

/** The gate's failure line naming the run(s), or null. Applied by the host after everything was sent. */
export function gateFailure(report: JobReport): string | null {
  const failed = report.runs.filter((r) => r.report?.gate.status === 'failed');
  if (failed.length === 0) return null;
  if (report.runs.length === 1) return failed[0].report?.gate.failure ?? 'Quality gate failed.';
  const reasons = failed.map((r) => {
    const text = (r.report?.gate.failure ?? '').replace(/^Quality gate failed: /, '').replace(/\.$/, '');
    return `${r.name}: ${text}`;
  });
  const which = failed.length === 1 ? `run ${failed[0].name} (1 of ${report.runs.length} runs)` : `${failed.length} of ${report.runs.length} runs`;
  return `Quality gate failed for ${which}: ${reasons.join('; ')}.`;
}

// ——— Summary and comment ———

/** The runner refuses a summary over 1 MiB; the details of further runs are left to the report file. */
const SUMMARY_BUDGET = 900_000;
/** GitHub refuses a comment over 65,536 characters. */
const COMMENT_BUDGET = 60_000;

const STATUS_CELL: Record<JobRunStatus, string> = {
  synced: '✅ synced',
  partial: '⚠️ partial',
  cancelled: '⏹️ cancelled',
  'dry-run': '🔍 dry run',
  failed: '❌ failed',
};

const STATUS_HEAD: Record<JobRunStatus, string> = {
  synced: '✅ synced',
  partial: '⚠️ partial: re-run the job to send the rest',
  cancelled: '⏹️ cancelled by the server',
  'dry-run': '🔍 dry run: nothing was uploaded',
  failed: '❌ not all synced',
};

const GATE_CELL: Record<GateStatus, string> = { passed: '✅ passed', failed: '❌ failed', none: '–' };

function backendName(report: JobReport): string {
  return report.backend === 'hub' ? 'HUB' : report.backend === 'platform' || report.backend === '' ? 'Platform' : escapeHtml(report.backend);
}

function linked(name: string, url: string): string {
  const text = escapeHtml(name);
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${text}</a>` : text;
}

/** Run | Task | Epochs | Best epoch | mAP50-95 (or top-1) | Training time | Status | Gate. */
function runsTable(report: JobReport): string[] {
  const labels = new Set(report.runs.map((r) => r.report?.current.mapLabel).filter(Boolean));
  const metric = labels.size === 1 ? [...labels][0] : labels.size === 0 ? 'mAP50-95' : 'mAP50-95 or top-1';
  return [
    `| Run | Task | Epochs | Best epoch (0-based) | ${metric} | Training time | Status | Gate |`,
    '|---|---|---|---|---|---|---|---|',
    ...report.runs.map((r) => {
      const s = r.report?.current;
      const map = s ? `${num(s.map)}${labels.size > 1 && s.mapLabel === 'top-1 accuracy' ? ' (top-1)' : ''}` : 'n/a';
      const time = s?.trainingSeconds == null ? '–' : formatDuration(s.trainingSeconds * 1000);
      const gate = GATE_CELL[r.report?.gate.status ?? 'none'];
      return `| ${linked(r.name, r.modelUrl)} | ${r.task ? escapeHtml(r.task) : '–'} | ${s ? s.epochs : 'n/a'} | ${s?.bestEpoch ?? 'n/a'} | ${map} | ${time} | ${STATUS_CELL[r.status]} | ${gate} |`;
    }),
  ];
}

export function renderJobSummary(report: JobReport, ctx: JobContext): string {
  const one = single(report);
  const tunes = report.tunes.flatMap((t) => tuneSection(t, report));
  if (one) {
    const text = renderSummary({ result: one.outcome.result, plan: one.outcome.plan, inputs: one.outcome.inputs, report: one.report });
    return tunes.length ? [text, '', ...tunes].join('\n') : text;
  }
  const n = report.runs.length;
  const head = [
    `## Ultralytics ${backendName(report)}: ${n} run${n === 1 ? '' : 's'}, ${STATUS_HEAD[report.status]}`,
    '',
    ...runsTable(report),
    '',
    ...gateSummary(report),
    ...tunes,
  ];
  const details = report.runs.map((r) => runDetails(r, ctx.inputs.workspace, 'summary', ctx.env));
  return [...head, ...fit(details, SUMMARY_BUDGET - head.join('\n').length, n > 1)].join('\n');
}

/** The comment's Markdown (comment.ts adds the marker): the one-run comment, or the runs table and each run's comparison. */
function renderJobComment(report: JobReport, env: NodeJS.ProcessEnv): string {
  const one = single(report);
  if (one) return renderComment(one.report, { inputs: one.outcome.inputs, plan: one.outcome.plan, result: one.outcome.result, env });
  const n = report.runs.length;
  const head = [`### Ultralytics ${backendName(report)}: ${n} run${n === 1 ? '' : 's'} ${STATUS_CELL[report.status]}`, '', ...runsTable(report), '', ...gateSummary(report)];
  const foot = `<sub>${footer(env)}</sub>`;
  const details = report.runs.map((r) => runDetails(r, report.workspace, 'comment', env));
  return [...head, ...fit(details, COMMENT_BUDGET - head.join('\n').length - foot.length, n > 1), foot].join('\n');
}

/** One line per failed gate, naming its run; nothing when no gate was asked for. */
function gateSummary(report: JobReport): string[] {
  if (report.gate === 'none' && report.runs.every((r) => !r.report || r.report.gate.skipped.length === 0)) return [];
  const failed = report.runs.filter((r) => r.report?.gate.status === 'failed').map((r) => escapeHtml(r.name));
  const text = failed.length ? `❌ failed for ${failed.join(', ')}` : report.gate === 'passed' ? '✅ passed by every run checked' : '➖ nothing checked';
  return [`**Quality gate:** ${text} (each run's checks are in its details)`, ''];
}

/** Each run's part, folded when there are several, as many as fit in `budget` characters. */
function fit(parts: { name: string; status: JobRunStatus; body: string[] }[], budget: number, fold: boolean): string[] {
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const block = fold
      ? ['<details>', `<summary><b>${escapeHtml(p.name)}</b>: ${STATUS_CELL[p.status]}</summary>`, '', ...p.body, '</details>', '']
      : [...p.body, ''];
    const size = block.join('\n').length + 1;
    if (used + size > budget) {
      out.push(`<em>${parts.length - i} more run${parts.length - i === 1 ? '' : 's'} left out to stay within GitHub's size limit: see the \`runs\` output and the report file.</em>`, '');
      break;
    }
    out.push(...block);
    used += size;
  }
  return out;
}

function runDetails(r: JobRun, workspace: string, where: 'summary' | 'comment', env: NodeJS.ProcessEnv): { name: string; status: JobRunStatus; body: string[] } {
  const o = r.outcome;
  const body: string[] = [];
  if (o?.plan && o.result && r.report) {
    body.push(
      where === 'summary'
        ? renderSummary({ result: o.result, plan: o.plan, inputs: o.inputs, report: r.report })
        : renderComment(r.report, { inputs: o.inputs, plan: o.plan, result: o.result, env }).replace(/\n<sub>[^\n]*<\/sub>$/, ''),
    );
    return { name: r.name, status: r.status, body };
  }
  const where_ = r.runDir ? ` · <code>${escapeHtml(displayPath(r.runDir, workspace))}</code>` : '';
  const from = r.source ? ` · from ${code(r.source)}` : '';
  body.push(`**Model:** ${/^https?:\/\//i.test(r.modelUrl) ? `<a href="${escapeHtml(r.modelUrl)}">${escapeHtml(r.modelUrl)}</a>` : '<em>none</em>'}${where_}${from}`, '');
  if (r.error) body.push(`**Not synced:** ${escapeHtml(r.error)}`, '');
  if (r.report) {
    if (!r.report.comparison) body.push(...snapshotTable(r.report.current), '');
    body.push(...comparisonSection(r.report, workspace));
    const chart = snapshotChart(r.report);
    if (chart) body.push(mermaidChart(chart), '');
  }
  return { name: r.name, status: r.status, body };
}

/** The mAP chart from a snapshot's curve (a gathered run has no results.csv here), with the baseline's when read. */
function snapshotChart(report: CiReport): ChartSeries | null {
  const c = report.current.curves.map;
  if (!c || c.values.length === 0) return null;
  const s: ChartSeries = { title: `${report.current.mapLabel} per epoch`, label: report.current.mapLabel, epochs: c.epochs, values: c.values };
  const b = report.comparison ? report.baseline?.snapshot.curves.map : undefined;
  if (b && b.values.length > 0) s.baseline = b;
  return s;
}

/** A `yolo tune` folder: fitness per iteration, the best iteration with its hyperparameters, and its trial's model. */
function tuneSection(t: TuneJson, report: JobReport): string[] {
  const out = [`### Tune ${code(t.dir)}`, ''];
  const points = t.fitness.map((f, i) => [i + 1, f] as const).filter((p): p is readonly [number, number] => p[1] !== null && Number.isFinite(p[1]));
  if (points.length > 0) {
    const bestIndex = t.best ? points.findIndex((p) => p[0] === t.best?.iteration) : -1;
    const idx = subsample(points.length, MAX_POINTS, [bestIndex]);
    const best = t.best ? ` (best: iteration ${t.best.iteration}, ${num(t.best.fitness)})` : '';
    out.push(
      mermaidChart({
        title: `Fitness per iteration${best}`,
        label: 'fitness',
        xLabel: 'iteration',
        epochs: idx.map((i) => points[i][0]),
        values: idx.map((i) => points[i][1]),
      }),
      '',
    );
  }
  if (!t.best) {
    out.push('No iteration has a fitness yet.', '');
    return out;
  }
  const trial = t.bestTrial;
  const run = trial ? report.runs.find((r) => r.runDir !== null && path.basename(r.runDir) === trial) : undefined;
  const trialText = !trial
    ? ''
    : run && /^https?:\/\//i.test(run.modelUrl)
      ? ` · trial ${code(trial)}: <a href="${escapeHtml(run.modelUrl)}">its model</a>`
      : ` · trial ${code(trial)} (not synced in this step)`;
  out.push(
    `**Best iteration:** ${t.best.iteration} of ${t.fitness.length}, fitness ${num(t.best.fitness, 5)}${trialText}`,
    '',
    '| Hyperparameter | Value |',
    '|---|---|',
    ...Object.entries(t.best.hyperparameters).map(([k, v]) => `| ${escapeHtml(k)} | ${typeof v === 'number' ? String(v) : escapeHtml(v)} |`),
    '',
  );
  return out;
}

// ——— Publishing ———

/** Writes report-file (every run) and the one PR comment of this step; never throws. */
export async function publishJobReport(report: JobReport, ctx: JobContext): Promise<void> {
  const { inputs, log } = ctx;
  if (inputs.reportFile) {
    try {
      await writeReport(inputs.reportFile, reportJson(report, ctx.env));
      log.info(`Report written to ${inputs.reportFile} (use it as a later run's \`baseline\`, or gather it with \`reports\`).`);
    } catch (err) {
      log.warning(`The report file ${inputs.reportFile} could not be written: ${(err as Error).message}`);
    }
  }
  if (!inputs.comment) return;
  if (inputs.dryRun) {
    log.info('Dry run: no pull-request comment is posted.');
    return;
  }
  await log.group('Comment on the pull request', () =>
    postComment({
      env: ctx.env,
      token: inputs.githubToken,
      name: report.commentKey,
      legacyName: report.legacyCommentKey,
      body: log.redact(renderJobComment(report, ctx.env)),
      log,
      timeoutMs: Math.max(60_000, inputs.requestTimeoutMs * 2),
    }),
  );
}

/** The report-file JSON: every run; a one-run report also keeps version 1's top-level fields. */
function reportJson(report: JobReport, env: NodeJS.ProcessEnv): ReportJson {
  const runs: ReportRunJson[] = report.runs.map((r) => ({
    name: r.name,
    runDir: r.runDir === null ? null : displayPath(r.runDir, report.workspace),
    task: r.task,
    status: r.status,
    backend: r.backend,
    modelId: r.modelId,
    modelUrl: r.modelUrl,
    epochs: r.epochs,
    error: r.error,
    run: r.report?.current ?? null,
    comparison: r.report?.comparison ?? null,
    gate: r.report?.gate ?? { status: 'none', checks: [], skipped: [] },
  }));
  const gate: GateResult = { status: report.gate, checks: [], skipped: [] };
  const failure = gateFailure(report);
  if (failure) gate.failure = failure;
  const base: ReportJson = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    status: report.status,
    backend: report.backend,
    git: { sha: env.GITHUB_SHA || undefined, ref: env.GITHUB_REF_NAME || undefined },
    gate,
    runs,
    tunes: report.tunes,
  };
  const [only] = runs;
  if (runs.length === 1 && only.run) {
    Object.assign(base, { modelId: only.modelId, modelUrl: only.modelUrl, run: only.run, comparison: only.comparison, gate: only.gate });
  }
  return base;
}
