/**
 * The pull-request stage of the pipeline, after the sync:
 *
 *   this run's snapshot + the baseline (baseline.ts) → comparison (compare.ts) → gate (gate.ts)
 *   → outputs and summary (main.ts) → report-file (report-file.ts) → comment (comment.ts)
 *
 * Only the gate can fail the step, and only after everything else is done. A baseline that does
 * not exist, a report file that cannot be written and a comment that cannot be posted are warnings;
 * a baseline that exists but cannot be read fails the gate when max-map-drop is set.
 */
import type { ActionInputs } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import type { RunPlan } from '../rundir/load-run.js';
import type { SyncResult } from '../session/session.js';
import { VERSION } from '../version.js';
import { type Baseline, BaselineError, readBaseline } from './baseline.js';
import { postComment } from './comment.js';
import { type Comparison, compare } from './compare.js';
import { type GateResult, checkGate } from './gate.js';
import { writeReport } from './report-file.js';
import { type RunSnapshot, METRIC_KEYS, snapshotOf } from './snapshot.js';
import { chartSeries, comparisonSection, escapeHtml, mermaidChart, modelLink } from './summary.js';

export interface CiReport {
  /** The run's configured name: input `name`, else args.yaml `name`, else `train`. Keys the comment. */
  name: string;
  current: RunSnapshot;
  baseline: Baseline | null;
  /** Why a `baseline` that was given is not compared (already logged as a warning). */
  baselineProblem: string | null;
  comparison: Comparison | null;
  gate: GateResult;
  /** map-delta, comparison, gate. */
  outputs: Record<string, string>;
}

export async function prepareReport(inputs: ActionInputs, plan: RunPlan, log: Log): Promise<CiReport> {
  const name = runName(inputs, plan);
  const current = snapshotOf({ name, metrics: plan.metrics, best: plan.best, map: plan.map, mapColumn: plan.mapColumn });
  let baseline: Baseline | null = null;
  let baselineProblem: string | null = null;
  /** The baseline exists but cannot be read or used: fails a max-map-drop gate (a missing one does not). */
  let baselineUnreadable: string | undefined;
  if (inputs.baseline) {
    try {
      baseline = await readBaseline(inputs.baseline, inputs.workspace);
      if (baseline.snapshot.mapLabel !== current.mapLabel) {
        baselineProblem = `${baseline.source} reports ${baseline.snapshot.mapLabel}, this run ${current.mapLabel}: a run of another task is no baseline`;
        baseline = null;
      }
    } catch (err) {
      baselineProblem = (err as Error).message;
      if (!(err instanceof BaselineError && err.missing)) baselineUnreadable = baselineProblem;
    }
    if (baselineProblem) log.warning(`Baseline not compared: ${baselineProblem}.`);
  }
  const comparison = baseline
    ? compare(current, baseline.snapshot, {
        source: baseline.source,
        kind: baseline.kind,
        name: baseline.snapshot.name,
        commit: baseline.commit ?? null,
      })
    : null;
  if (comparison && baseline) {
    const d = comparison.mapDelta;
    log.info(
      `Baseline ${baseline.source} (${baseline.kind}): ${current.mapLabel} ${fmt(baseline.snapshot.map)} → ${fmt(current.map)}` +
        (d === null ? '' : ` (${d >= 0 ? '+' : ''}${d})`),
    );
  }
  const gate = checkGate({
    minMap: inputs.minMap,
    maxMapDrop: inputs.maxMapDrop,
    map: current.map,
    baselineMap: baseline ? baseline.snapshot.map : undefined,
    baselineUnreadable,
    mapLabel: current.mapLabel,
  });
  for (const c of gate.checks) log.info(`Quality gate: ${c.passed ? 'pass' : 'FAIL'}: ${c.text}.`);
  for (const s of gate.skipped) log.warning(`Quality gate: ${s}.`);
  return {
    name,
    current,
    baseline,
    baselineProblem,
    comparison,
    gate,
    outputs: {
      'map-delta': comparison?.mapDelta == null ? '' : String(comparison.mapDelta),
      comparison: comparison ? JSON.stringify(comparison) : '',
      gate: gate.status,
    },
  };
}

export interface PublishContext {
  inputs: ActionInputs;
  plan: RunPlan;
  result: SyncResult;
  env: NodeJS.ProcessEnv;
  log: Log;
}

/** Writes the report file and posts the comment, as asked; never throws. */
export async function publishReport(report: CiReport, ctx: PublishContext): Promise<void> {
  const { inputs, result, log } = ctx;
  if (inputs.reportFile) {
    try {
      await writeReport(inputs.reportFile, {
        format: 'ultralytics-sync-report',
        version: 1,
        status: result.status,
        backend: inputs.backend,
        modelId: result.modelId,
        modelUrl: result.modelUrl,
        git: { sha: ctx.env.GITHUB_SHA || undefined, ref: ctx.env.GITHUB_REF_NAME || undefined },
        run: report.current,
        comparison: report.comparison,
        gate: report.gate,
      });
      log.info(`Report written to ${inputs.reportFile} (use it as a later run's \`baseline\`).`);
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
      name: report.name,
      body: log.redact(renderComment(report, ctx)),
      log,
      timeoutMs: Math.max(60_000, inputs.requestTimeoutMs * 2),
    }),
  );
}

/**
 * The step's outcome with the gate applied: a failed gate fails the step, its one line after any
 * other error. Called last, so the gate fails the step only after everything was sent and posted.
 */
export function withGate<T extends { exitCode: number; error?: string }>(outcome: T, report: CiReport): T {
  const failure = report.gate.failure;
  if (!failure) return outcome;
  return { ...outcome, exitCode: 1, error: outcome.error ? `${outcome.error} ${failure}` : failure };
}

const STATUS: Record<SyncResult['status'], string> = {
  synced: '✅ synced',
  partial: '⚠️ partial (re-run the job to send the rest)',
  cancelled: '⏹️ cancelled by the server',
  'dry-run': '🔍 dry run',
};

/** The comment's Markdown (the marker is added by comment.ts). */
export function renderComment(report: CiReport, ctx: Pick<PublishContext, 'inputs' | 'plan' | 'result' | 'env'>): string {
  const { inputs, plan, result, env } = ctx;
  const backend = inputs.backend === 'hub' ? 'HUB' : 'Platform';
  const section = comparisonSection(report, inputs.workspace);
  const table = report.comparison ? [] : [...snapshotTable(report.current), ''];
  const chart = chartSeries(plan, report.comparison ? report.baseline?.snapshot.curves : undefined)[0];
  return [
    `### Ultralytics ${backend}: ${escapeHtml(report.name)} ${STATUS[result.status]}`,
    '',
    `**Model:** ${modelLink(result)} · **final ${report.current.mapLabel}:** ${fmt(report.current.map)}`,
    '',
    ...table,
    ...section,
    ...(chart ? [mermaidChart(chart), ''] : []),
    `<sub>${footer(env)}</sub>`,
  ].join('\n');
}

/** This run's best-epoch metrics, when there is no baseline to set them against. */
function snapshotTable(s: RunSnapshot): string[] {
  const rows = METRIC_KEYS.filter((m) => m.key in s.metrics).map((m) => `| ${m.label} | ${fmt(s.metrics[m.key])} |`);
  return ['| Metric | This run |', '|---|---|', ...rows, `| best epoch (0-based) | ${s.bestEpoch ?? 'n/a'} |`, `| epochs trained | ${s.epochs} |`];
}

/** The tool and, where known, a link to the workflow run that wrote the comment. */
function footer(env: NodeJS.ProcessEnv): string {
  const tool = `ultralytics-sync ${VERSION}`;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
  if (!server || !repo || !id || !/^https:\/\//.test(server) || !/^\d+$/.test(id)) return tool;
  const url = escapeHtml(`${server}/${repo}/actions/runs/${id}`);
  return `${tool} · <a href="${url}">workflow run ${escapeHtml(id)}</a>`;
}

/** The run name the comment is keyed by: what the user configured, never the server's slug (`train-2`). */
export function runName(inputs: ActionInputs, plan: RunPlan): string {
  const fromArgs = plan.args?.values.name;
  const configured = inputs.name ?? (typeof fromArgs === 'string' || typeof fromArgs === 'number' ? String(fromArgs) : null);
  return configured?.trim() || 'train';
}

function fmt(v: number | null | undefined): string {
  return v === null || v === undefined ? 'n/a' : String(Number(v.toFixed(4)));
}
