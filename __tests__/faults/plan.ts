/**
 * What one fault-suite run does, drawn from its seed: the backend, the run directory (results.csv
 * era, weight sizes, a console log), how the training ended, and 1–4 faults, each on a target the
 * run really requests, with an `after` offset so that faults also hit the middle of a run.
 */
import * as path from 'node:path';
import type { Fault, FaultTarget } from '../../emulator/server.js';
import { ERA_FIXTURES, EXAMPLE_RUN, FIXTURES, expectedEpochs } from '../e2e/harness.js';
import { Rng } from './random.js';

export type BackendName = 'hub' | 'platform';

export const FAULT_KINDS = [
  '500',
  '502',
  '503 + Retry-After',
  '429 + Retry-After',
  'reset mid-upload',
  'stall past the deadline',
  'HTML 200',
  'server down',
  '503 beyond the retry budget',
] as const;

export type FaultKindName = (typeof FAULT_KINDS)[number];

/** The action's per-request deadline and upload stall timeout in these runs, and the stall that outlasts them. */
export const REQUEST_TIMEOUT_S = 2;
export const STALL_TIMEOUT_S = 2;
const STALL_MS = 3_000;
/** Failed tries a run may plan besides a `server down` (which costs a few on its own); the action makes 8. */
const MAX_PLANNED_FAILURES = 5;
/** Longer than the action's whole retry budget (300 s): the transport gives up at once. */
const BEYOND_BUDGET_S = 600;

export interface PlannedFault {
  kind: FaultKindName;
  target: FaultTarget;
  /** A fresh object per rule: the emulator keeps it by reference, which tells which rule fired. */
  fault: Fault;
  times: number;
  after: number;
}

export interface JobPlan {
  index: number;
  seed: number;
  backend: BackendName;
  /** The results.csv copied into the workspace. */
  csv: string;
  epochs: number;
  weights: { 'best.pt': number; 'last.pt': number };
  status: 'success' | 'failure';
  /** Lines of a console log sent with `log-file` (Platform); 0: none. */
  logLines: number;
  /** HUB: create the model (`model: yolo11n.pt`) instead of using one seeded in the emulator. */
  hubCreate: boolean;
  faults: PlannedFault[];
}

const UPLOAD_TARGETS: readonly FaultTarget[] = ['hub:upload', 'platform:put'];

/** Targets whose failure leaves the run registered, so giving up there ends the sync `partial`. */
const AFTER_REGISTRATION: readonly FaultTarget[] = [
  'hub:metrics',
  'hub:upload',
  'hub:heartbeat',
  'platform:epoch_end',
  'platform:console_output',
  'platform:upload-url',
  'platform:put',
  'platform:checkpoint_saved',
  'platform:training_complete',
  'platform:training_failed',
];

const KIND_WEIGHTS: readonly (readonly [FaultKindName, number])[] = FAULT_KINDS.map((k) => [k, k === '503 beyond the retry budget' ? 0.35 : 1]);

export function drawPlan(index: number, seed: number): JobPlan {
  const rng = new Rng(seed);
  const backend: BackendName = index % 2 === 0 ? 'platform' : 'hub';
  const csv = rng.chance(0.35) ? path.join(EXAMPLE_RUN, 'results.csv') : path.join(FIXTURES, rng.pick(ERA_FIXTURES));
  const base = {
    index,
    seed,
    backend,
    csv,
    epochs: expectedEpochs(csv).size,
    weights: { 'best.pt': rng.int(150_000, 3_000_000), 'last.pt': rng.int(150_000, 3_000_000) },
    status: rng.chance(0.1) ? ('failure' as const) : ('success' as const),
    logLines: backend === 'platform' && rng.chance(0.25) ? rng.int(5, 1400) : 0,
    hubCreate: backend === 'hub' && rng.chance(0.25),
  };
  return { ...base, faults: drawFaults(rng, requestCounts(base)) };
}

/**
 * 1–4 faults, at most one of them `server down`, and at most MAX_PLANNED_FAILURES failed tries
 * planned besides it: even all stacked on one request, they stay within the action's 8 tries.
 * Exhausting the tries is the `503 beyond the retry budget` fault's job, after registration,
 * where it must end the sync `partial`.
 */
function drawFaults(rng: Rng, counts: Map<FaultTarget, number>): PlannedFault[] {
  const faults: PlannedFault[] = [];
  let failures = 0;
  for (const wanted = rng.int(1, 4); faults.length < wanted; ) {
    const f = drawFault(rng, counts);
    if (f.kind === 'server down') {
      if (faults.some((g) => g.kind === 'server down')) continue;
    } else {
      f.times = Math.min(f.times, MAX_PLANNED_FAILURES - failures);
      if (f.times === 0) break;
      failures += f.times;
    }
    faults.push(f);
  }
  return faults;
}

/** How many requests a fault-free run makes to each target (`*`: all of them). */
export function requestCounts(p: Omit<JobPlan, 'faults'>): Map<FaultTarget, number> {
  const counts = new Map<FaultTarget, number>();
  const success = p.status === 'success';
  if (p.backend === 'hub') {
    counts.set('hub:auth', 1);
    counts.set(p.hubCreate ? 'hub:create' : 'hub:get-model', 1);
    counts.set('hub:heartbeat', 1);
    counts.set('hub:metrics', 1);
    counts.set('hub:upload', success ? 2 : 1);
  } else {
    counts.set('platform:training_started', 1);
    counts.set('platform:epoch_end', p.epochs);
    if (p.logLines > 0) counts.set('platform:console_output', Math.ceil(p.logLines / 500));
    if (success) {
      counts.set('platform:upload-url', 1);
      counts.set('platform:put', 1);
      counts.set('platform:checkpoint_saved', 1);
    }
    counts.set(success ? 'platform:training_complete' : 'platform:training_failed', 1);
  }
  counts.set('*', [...counts.values()].reduce((a, b) => a + b, 0));
  return counts;
}

function drawFault(rng: Rng, counts: Map<FaultTarget, number>): PlannedFault {
  for (;;) {
    const kind = rng.weighted(KIND_WEIGHTS);
    const targets = [...counts.keys()].filter((t) => allows(kind, t));
    if (targets.length === 0) continue;
    const target = rng.pick(targets);
    const once = kind === 'stall past the deadline' || kind === 'server down' || kind === '503 beyond the retry budget';
    const times = once ? 1 : rng.weighted([[1, 7], [2, 2], [3, 1]] as const);
    return { kind, target, fault: faultOf(kind, rng), times, after: rng.int(0, (counts.get(target) as number) - 1) };
  }
}

function allows(kind: FaultKindName, target: FaultTarget): boolean {
  if (kind === 'reset mid-upload') return UPLOAD_TARGETS.includes(target);
  if (kind === '503 beyond the retry budget') return AFTER_REGISTRATION.includes(target);
  return true;
}

function faultOf(kind: FaultKindName, rng: Rng): Fault {
  switch (kind) {
    case '500':
      return { status: 500 };
    case '502':
      return { status: 502 };
    case '503 + Retry-After':
      return { status: 503, retryAfter: rng.int(0, 2) };
    case '429 + Retry-After':
      return { status: 429, retryAfter: rng.int(1, 2) };
    case 'reset mid-upload':
      return { reset: 'mid-body' };
    case 'stall past the deadline':
      return { delayMs: STALL_MS };
    case 'HTML 200':
      return { html: true };
    case 'server down':
      return { down: { ms: rng.int(300, 2_500) } };
    case '503 beyond the retry budget':
      return { status: 503, retryAfter: BEYOND_BUDGET_S };
  }
}

export function describeFault(f: PlannedFault): string {
  const times = f.times > 1 ? ` ×${f.times}` : '';
  return `${f.kind}${times} on ${f.target} after ${f.after}`;
}

export function describePlan(p: JobPlan): string {
  const extras = [
    `${p.epochs} epochs (${path.basename(p.csv)})`,
    `best.pt ${p.weights['best.pt']} B, last.pt ${p.weights['last.pt']} B`,
    p.status === 'failure' ? 'status failure' : '',
    p.logLines ? `log ${p.logLines} lines` : '',
    p.hubCreate ? 'creates the HUB model' : '',
  ].filter(Boolean);
  return `${p.backend}: ${extras.join(', ')}; faults: ${p.faults.map(describeFault).join('; ')}`;
}
