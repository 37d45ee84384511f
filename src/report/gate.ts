/**
 * The quality gate: `min-map`, an absolute floor, and `max-map-drop`, the largest allowed drop of
 * the final mAP against the baseline. Pure: it decides; the pipeline fails the step after the sync,
 * so nothing is lost when the gate fails.
 */
import type { MapLabel } from './snapshot.js';

export type GateStatus = 'passed' | 'failed' | 'none';

export interface GateCheck {
  input: 'min-map' | 'max-map-drop';
  threshold: number;
  /** The final mAP (min-map) or its drop against the baseline (max-map-drop); null when unknown. */
  value: number | null;
  passed: boolean;
  /** One sentence naming the metric, the threshold and the value. */
  text: string;
}

export interface GateResult {
  status: GateStatus;
  checks: GateCheck[];
  /** Checks that were asked for but could not be made (no baseline), each with the reason. */
  skipped: string[];
  /** One line for the failed step; set when status is failed. */
  failure?: string;
}

export interface GateInput {
  minMap: number | null;
  maxMapDrop: number | null;
  map: number | null;
  /** The baseline's final mAP; undefined when there is no usable baseline. */
  baselineMap?: number | null;
  /**
   * Why a baseline that exists could not be read or used (corrupt, unreadable, not a regular file).
   * With max-map-drop set this fails the gate: the drop the user asked to check cannot be checked.
   * A baseline that does not exist (the first pull request) is no such reason: it only skips the check.
   */
  baselineUnreadable?: string;
  mapLabel: MapLabel;
}

/** Thresholds are met at equality; the tolerance absorbs binary rounding of 6-decimal values. */
const EPS = 1e-9;

/** Six decimals: results.csv holds no more, and a drop of 0.01004 must not read as 0.01. */
const n = (v: number) => String(Number(v.toFixed(6)));

export function checkGate(g: GateInput): GateResult {
  const checks: GateCheck[] = [];
  const skipped: string[] = [];
  const label = g.mapLabel;
  if (g.minMap !== null) {
    const passed = g.map !== null && g.map >= g.minMap - EPS;
    const text =
      g.map === null
        ? `${label} is unknown (no epoch has it), so it cannot meet min-map ${n(g.minMap)}`
        : `${label} ${n(g.map)} is ${passed ? 'at or above' : 'below'} min-map ${n(g.minMap)}`;
    checks.push({ input: 'min-map', threshold: g.minMap, value: g.map, passed, text });
  }
  if (g.maxMapDrop !== null) {
    if (g.baselineUnreadable !== undefined && (g.baselineMap === undefined || g.baselineMap === null)) {
      const text = `max-map-drop ${n(g.maxMapDrop)} cannot be checked: the baseline exists but cannot be used (${g.baselineUnreadable.replace(/\.$/, '')})`;
      checks.push({ input: 'max-map-drop', threshold: g.maxMapDrop, value: null, passed: false, text });
    } else if (g.baselineMap === undefined || g.baselineMap === null) {
      skipped.push(
        g.baselineMap === undefined
          ? `max-map-drop ${n(g.maxMapDrop)} is not checked: there is no usable baseline to compare with`
          : `max-map-drop ${n(g.maxMapDrop)} is not checked: the baseline has no ${label}`,
      );
    } else {
      const drop = g.map === null ? null : Number((g.baselineMap - g.map).toFixed(6));
      const passed = drop !== null && drop <= g.maxMapDrop + EPS;
      const text =
        drop === null
          ? `${label} is unknown (no epoch has it), so its drop against the baseline (${n(g.baselineMap)}) cannot be checked against max-map-drop ${n(g.maxMapDrop)}`
          : drop > 0
            ? `${label} dropped by ${n(drop)} against the baseline (${n(g.baselineMap)} → ${n(g.map as number)}), ${passed ? 'within' : 'more than'} max-map-drop ${n(g.maxMapDrop)}`
            : `${label} ${n(g.map as number)} did not drop against the baseline (${n(g.baselineMap)}); max-map-drop ${n(g.maxMapDrop)}`;
      checks.push({ input: 'max-map-drop', threshold: g.maxMapDrop, value: drop, passed, text });
    }
  }
  if (checks.length === 0) return { status: 'none', checks, skipped };
  const failed = checks.filter((c) => !c.passed);
  if (failed.length === 0) return { status: 'passed', checks, skipped };
  return { status: 'failed', checks, skipped, failure: `Quality gate failed: ${failed.map((c) => c.text).join('; ')}.` };
}

/**
 * A step's outcome with a gate's failure line applied: the step fails, the line after any other
 * error. Called last, so the gate fails the step only after everything was sent and posted.
 */
export function withGateFailure<T extends { exitCode: number; error?: string }>(outcome: T, failure: string | null | undefined): T {
  if (!failure) return outcome;
  return { ...outcome, exitCode: 1, error: outcome.error ? `${outcome.error} ${failure}` : failure };
}
