/**
 * The report of a step's runs (provisional, one run as before; the report room completes it):
 * outputs, job summary, report file, comment and gate over every run the step synced.
 */
import type { ActionInputs } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import type { RunPlan } from '../rundir/load-run.js';
import type { SyncResult } from '../session/session.js';
import { type CiReport, prepareReport, publishReport } from './ci-report.js';
import { buildOutputs } from './outputs.js';
import { escapeHtml, renderSummary } from './summary.js';

/** One run of the step, as the runs layer hands it over, in order of start. */
export interface RunOutcome {
  runDir: string;
  /** Configured name: `name` input where it applies, else args.yaml `name`, else basename(runDir). */
  name: string;
  /** The inputs this run was synced with (backend, workspace, status = how the training ended, …). */
  inputs: ActionInputs;
  /** null: the run directory could not be read. */
  plan: RunPlan | null;
  /** null: not synced (see error). */
  result: SyncResult | null;
  /** User-facing, redacted; null when the sync ran (synced, partial, …). */
  error: string | null;
}

export interface JobContext {
  inputs: ActionInputs;
  env: NodeJS.ProcessEnv;
  log: Log;
}

export interface JobReport {
  runs: { outcome: RunOutcome; report: CiReport | null }[];
  tuneDirs: string[];
}

export async function prepareJobReport(runs: RunOutcome[], tuneDirs: string[], ctx: JobContext): Promise<JobReport> {
  const out: JobReport['runs'] = [];
  for (const outcome of runs) {
    out.push({ outcome, report: outcome.plan ? await prepareReport(outcome.inputs, outcome.plan, ctx.log) : null });
  }
  return { runs: out, tuneDirs };
}

type RunState = SyncResult['status'] | 'failed';
const WORST: RunState[] = ['failed', 'partial', 'cancelled', 'synced', 'dry-run'];

export function runStatus(o: RunOutcome): RunState {
  return o.error !== null || !o.result ? 'failed' : o.result.status;
}

/**
 * The step's status over its runs: the worst of them, except that a step where some runs failed and
 * others arrived is `partial` (a re-run sends the rest); `failed` only when no run could be synced.
 */
export function jobStatus(states: RunState[]): RunState | '' {
  const worst = WORST.find((s) => states.includes(s)) ?? '';
  return worst === 'failed' && states.some((s) => s !== 'failed') ? 'partial' : worst;
}

export function jobOutputs(report: JobReport): Record<string, string> {
  const runs = report.runs.map(({ outcome: o, report: r }) => ({
    'run-dir': o.runDir,
    name: o.name,
    'model-id': o.result?.modelId ?? '',
    'model-url': o.result?.modelUrl ?? '',
    epochs: o.result?.epochsOnServer ?? 0,
    'best-epoch': o.plan?.best?.epoch ?? null,
    map: o.plan?.map ?? null,
    status: runStatus(o),
    gate: r?.gate.status ?? 'none',
  }));
  const one = report.runs.length === 1 ? report.runs[0] : null;
  if (one?.outcome.result && one.outcome.plan && one.report) {
    return { ...buildOutputs(one.outcome.result, one.outcome.plan, one.outcome.inputs.backend), ...one.report.outputs, runs: JSON.stringify(runs) };
  }
  return {
    backend: report.runs[0]?.outcome.inputs.backend ?? '',
    status: jobStatus(runs.map((r) => r.status)),
    runs: JSON.stringify(runs),
  };
}

export function renderJobSummary(report: JobReport, _ctx: JobContext): string {
  const parts = report.runs
    .filter((r) => r.outcome.result && r.outcome.plan)
    .map((r) =>
      renderSummary({ result: r.outcome.result as SyncResult, plan: r.outcome.plan as RunPlan, inputs: r.outcome.inputs, report: r.report ?? undefined }),
    );
  if (report.runs.length === 1) return parts[0] ?? '';
  const rows = report.runs.map((r) => `| ${escapeHtml(r.outcome.name)} | ${r.outcome.result?.epochsOnServer ?? 0} | ${runStatus(r.outcome)} |`);
  return ['## Runs', '', '| Run | Epochs | Status |', '|---|---|---|', ...rows, '', ...parts.map((p) => `<details><summary>run</summary>\n\n${p}\n</details>\n`)].join('\n');
}

export async function publishJobReport(report: JobReport, ctx: JobContext): Promise<void> {
  for (const { outcome, report: r } of report.runs) {
    if (r && outcome.plan && outcome.result) {
      await publishReport(r, { inputs: outcome.inputs, plan: outcome.plan, result: outcome.result, env: ctx.env, log: ctx.log });
    }
  }
}

export function gateFailure(report: JobReport): string | null {
  const failed = report.runs.filter((r) => r.report?.gate.failure);
  if (failed.length === 0) return null;
  if (report.runs.length === 1) return failed[0].report?.gate.failure ?? null;
  return failed.map((r) => `${r.outcome.name}: ${r.report?.gate.failure}`).join(' ');
}
