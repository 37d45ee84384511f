/**
 * One run's report, after its sync: its snapshot against its baseline, and its gate.
 *
 *   this run's snapshot + the baseline (baseline.ts) → comparison (compare.ts) → gate (gate.ts)
 *
 * job.ts gathers these per run into the step's outputs, summary, report-file and comment. Only the
 * gate can fail the step, and only after everything else is done. A baseline that does not exist is
 * a warning; a baseline that exists but cannot be read fails the gate when max-map-drop is set.
 */
import * as path from 'node:path';
import type { ActionInputs } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import type { RunPlan } from '../rundir/load-run.js';
import { type Baseline, BaselineError, readBaseline } from './baseline.js';
import { type Comparison, compare } from './compare.js';
import { num } from './format.js';
import { type GateResult, checkGate, withGateFailure } from './gate.js';
import { type RunSnapshot, snapshotOf } from './snapshot.js';

export interface CiReport {
  /** The run's configured name: input `name`, else args.yaml `name`, else its directory's name. Keys the comment. */
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
    } catch (err) {
      baselineProblem = (err as Error).message;
      if (!(err instanceof BaselineError && err.missing)) baselineUnreadable = baselineProblem;
    }
  }
  return reportAgainst(name, current, { baseline, problem: baselineProblem, unreadable: baselineUnreadable }, inputs, log);
}

/**
 * The baseline found for a run, or why there is none; `unreadable` when it exists but cannot be
 * used (then a max-map-drop gate fails: the drop asked for cannot be checked).
 */
export interface BaselineMatch {
  baseline: Baseline | null;
  problem: string | null;
  unreadable?: string;
}

/** What the gate reads of the inputs. */
export type GateInputs = Pick<ActionInputs, 'minMap' | 'maxMapDrop'>;

/**
 * This run's snapshot against the baseline found for it (or the reason there is none), gated.
 * `prefix` starts every log line (`Run b: ` when the step has several runs; '' for one).
 */
export function reportAgainst(
  name: string,
  current: RunSnapshot,
  found: BaselineMatch,
  inputs: GateInputs,
  log: Log,
  prefix = '',
): CiReport {
  let { baseline, problem: baselineProblem } = found;
  if (baseline && baseline.snapshot.mapLabel !== current.mapLabel) {
    baselineProblem = `${baseline.source} reports ${baseline.snapshot.mapLabel}, this run ${current.mapLabel}: a run of another task is no baseline`;
    baseline = null;
  }
  if (baselineProblem) log.warning(`${prefix}Baseline not compared: ${baselineProblem}.`);
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
      `${prefix}Baseline ${baseline.source} (${baseline.kind}): ${current.mapLabel} ${num(baseline.snapshot.map)} → ${num(current.map)}` +
        (d === null ? '' : ` (${d >= 0 ? '+' : ''}${d})`),
    );
  }
  const gate = checkGate({
    minMap: inputs.minMap,
    maxMapDrop: inputs.maxMapDrop,
    map: current.map,
    baselineMap: baseline ? baseline.snapshot.map : undefined,
    baselineUnreadable: found.unreadable,
    mapLabel: current.mapLabel,
  });
  for (const c of gate.checks) log.info(`${prefix}Quality gate: ${c.passed ? 'pass' : 'FAIL'}: ${c.text}.`);
  for (const sk of gate.skipped) log.warning(`${prefix}Quality gate: ${sk}.`);
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

/**
 * The step's outcome with the gate applied: a failed gate fails the step, its one line after any
 * other error. Called last, so the gate fails the step only after everything was sent and posted.
 */
export function withGate<T extends { exitCode: number; error?: string }>(outcome: T, report: CiReport): T {
  return withGateFailure(outcome, report.gate.failure);
}

/** The run name the comment is keyed by: what the user configured, never the server's slug (`train-2`). */
export function runName(inputs: ActionInputs, plan: RunPlan): string {
  const fromArgs = plan.args?.values.name;
  const configured = inputs.name ?? (typeof fromArgs === 'string' || typeof fromArgs === 'number' ? String(fromArgs) : null);
  return configured?.trim() || path.basename(plan.runDir) || 'train';
}

