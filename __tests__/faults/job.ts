/**
 * One fault-suite run: a fresh workspace, the emulator reset and armed with the plan's faults, the
 * bundled action run against it, and — when it ended `partial` or stopped after a registration
 * whose answer was lost — the re-run a user would make (faults cleared, `model: <id>` read from the
 * server when needed). Then the emulator's state is checked against the files on disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Emulator } from '../../emulator/server.js';
import { type ActionRun, HUB_KEY, PLATFORM_KEY, type Workspace, expectedEpochs, runAction, sha256, workspace } from '../e2e/harness.js';
import { waitUntilListening } from './listening.js';
import { type FaultKindName, type JobPlan, REQUEST_TIMEOUT_S, STALL_TIMEOUT_S } from './plan.js';
import { type Problem, verify } from './verify.js';

/** A run still going after this long is a hang (the worst planned faults cost well under a minute). */
const HANG_MS = 180_000;
const LOG_TAIL_LINES = 25;
/** How much longer than the Retry-After asked for a rate-limit wait may be (the pacer adds a margin). */
const WAIT_SLACK_S = 2;
const STATE_FILE = '.ultralytics-sync.json';
/** The action's message when a registration's answer was lost (it then asks for `model: <id>`). */
const AMBIGUOUS = /may have registered the run/;

export type RerunReason = 'partial' | 'lost registration answer';

export interface JobResult {
  plan: JobPlan;
  /** Wall time of the action run(s). */
  ms: number;
  rerun?: RerunReason;
  /** Faults that fired, by kind. */
  fired: Map<FaultKindName, number>;
  problems: Problem[];
  /** The last lines the action printed (of both runs when there was a re-run). */
  logTail: string;
}

interface Setup {
  inputs: Record<string, string>;
  logLines: string[];
  seededModel?: string;
}

export interface JobOptions {
  /** The bundled action to run (default dist/index.js). */
  entry?: string;
  /** Keep the workspace and the action's output. */
  keep?: boolean;
}

export async function runJob(emu: Emulator, plan: JobPlan, opts: JobOptions = {}): Promise<JobResult> {
  await waitUntilListening(emu.url);
  emu.reset();
  const ws = workspace({ csv: plan.csv, weights: plan.weights });
  try {
    const sha = { 'best.pt': sha256(path.join(ws.runDir, 'weights/best.pt')), 'last.pt': sha256(path.join(ws.runDir, 'weights/last.pt')) };
    const setup = prepare(emu, plan, ws.dir);
    for (const f of plan.faults) emu.faults.add(f.target, f.fault, { times: f.times, after: f.after });

    const started = Date.now();
    const { runs, rerun, fired, problems } = await runWithRerun(emu, plan, setup, ws, opts.entry);
    const ms = Date.now() - started;
    if (opts.keep) keepLogs(ws.dir, runs);

    const expected = { plan, epochs: expectedEpochs(path.join(ws.runDir, 'results.csv')), sha, project: projectOf(plan), logLines: setup.logLines, seededModel: setup.seededModel };
    const last = runs[runs.length - 1];
    const found = verify(emu.state, expected).map((p) => (completed(last) ? p : afterFailure(p)));
    problems.push(...found, ...checkOutputs(emu, plan, last), ...needlessWaits(emu, plan, runs));
    const logTail = rerun ? `${tail(runs[0], 12)}\n--- re-run after ${rerun} ---\n${tail(runs[1], 12)}` : tail(runs[0], LOG_TAIL_LINES);
    return { plan, ms, rerun, fired, problems, logTail };
  } finally {
    if (!opts.keep) ws.remove();
  }
}

/** The armed run, then (faults cleared) the re-run a user would make when one is allowed. */
async function runWithRerun(emu: Emulator, plan: JobPlan, setup: Setup, ws: Workspace, entry?: string) {
  const first = await run(ws, setup.inputs, entry);
  const fired = firedByKind(emu, plan);
  emu.faults.clear();
  const problems: Problem[] = [];
  const rerun = rerunReason(first);
  if (!rerun) {
    if (!completed(first)) problems.push({ kind: 'outcome', text: `the action failed: ${failure(first)}` });
    return { runs: [first], rerun, fired, problems };
  }
  const inputs = rerunInputs(emu, plan, setup, ws.runDir, rerun, problems);
  await waitUntilListening(emu.url);
  const second = await run(ws, inputs, entry);
  if (!completed(second)) problems.push({ kind: 'outcome', text: `the re-run after ${rerun} did not complete: ${failure(second)}` });
  return { runs: [first, second], rerun, fired, problems };
}

const projectOf = (plan: JobPlan) => `acme/faults-${plan.index}`;

/** The inputs of the run, the console log written into the workspace, and the seeded HUB model. */
function prepare(emu: Emulator, plan: JobPlan, dir: string): Setup {
  const inputs: Record<string, string> = {
    'api-url': emu.url,
    'request-timeout': String(REQUEST_TIMEOUT_S),
    'stall-timeout': String(STALL_TIMEOUT_S),
    status: plan.status,
  };
  if (plan.backend === 'hub') {
    const seededModel = plan.hubCreate ? undefined : emu.hub.addModel();
    Object.assign(inputs, { 'api-key': HUB_KEY, model: seededModel ?? 'yolo11n.pt' });
    return { inputs, logLines: [], seededModel };
  }
  Object.assign(inputs, { 'api-key': PLATFORM_KEY, project: projectOf(plan) });
  const logLines = Array.from({ length: plan.logLines }, (_, i) => `${i + 1}/${plan.logLines} box_loss ${(2 / (i + 1)).toFixed(5)} cls_loss 0.${i}`);
  if (logLines.length > 0) {
    fs.writeFileSync(path.join(dir, 'train.log'), logLines.join('\n') + '\n');
    inputs['log-file'] = 'train.log';
  }
  return { inputs, logLines };
}

function run(ws: Workspace, inputs: Record<string, string>, entry?: string): Promise<ActionRun> {
  return runAction(ws, inputs, {}, { entry, killAfterMs: HANG_MS, signal: 'SIGKILL' });
}

/** How often each planned rule fired: the emulator keeps a rule's fault object, so it tells the rules apart. */
function firedByKind(emu: Emulator, plan: JobPlan): Map<FaultKindName, number> {
  const pending = emu.faults.pending();
  const fired = new Map<FaultKindName, number>();
  for (const f of plan.faults) {
    const left = pending.find((r) => r.fault === f.fault)?.times ?? 0;
    if (f.times > left) fired.set(f.kind, (fired.get(f.kind) ?? 0) + f.times - left);
  }
  return fired;
}

const completed = (r: ActionRun) => r.code === 0 && r.outputs.status === 'synced';

function rerunReason(r: ActionRun): RerunReason | undefined {
  if (r.code === null || r.code === 0) return undefined;
  if (r.outputs.status === 'partial') return 'partial';
  if (AMBIGUOUS.test(r.stdout)) return 'lost registration answer';
  return undefined;
}

/**
 * The re-run's inputs. After a lost registration answer, look on the server as a user would: a
 * run or model that exists is continued by its id; when none exists, the state file is deleted
 * (as the action's message says) so that the re-run registers anew.
 */
function rerunInputs(emu: Emulator, plan: JobPlan, setup: Setup, runDir: string, reason: RerunReason, problems: Problem[]): Record<string, string> {
  if (reason === 'partial') return setup.inputs;
  const ids =
    plan.backend === 'platform'
      ? Object.values(emu.state.platform.runs).map((r) => r.modelId)
      : Object.values(emu.state.hub.models).filter((m) => m.created).map((m) => m.id);
  if (plan.backend === 'hub' && setup.seededModel) {
    problems.push({ kind: 'outcome', text: 'a lost registration answer reported for an existing HUB model (nothing is registered then)' });
  }
  if (ids.length > 1) problems.push({ kind: 'duplicate', text: `${ids.length} registrations after one lost answer` });
  if (ids.length >= 1) return { ...setup.inputs, model: ids[0] };
  fs.rmSync(path.join(runDir, STATE_FILE), { force: true });
  return setup.inputs;
}

/**
 * What is missing after a run that failed loudly was not lost silently: the failure itself is the
 * problem (reported already); the gaps are listed under it.
 */
function afterFailure(p: Problem): Problem {
  return p.kind === 'lost' ? { kind: 'outcome', text: `missing after the failure: ${p.text}` } : p;
}

/** The outputs agree with the server: the model id is the registered one. */
function checkOutputs(emu: Emulator, plan: JobPlan, r: ActionRun): Problem[] {
  if (!completed(r)) return [];
  const ids = Object.keys(plan.backend === 'hub' ? emu.state.hub.models : emu.state.platform.runs);
  if (ids.includes(r.outputs['model-id'])) return [];
  return [{ kind: 'outcome', text: `output model-id ${JSON.stringify(r.outputs['model-id'])} is not on the server (${ids.join(', ')})` }];
}

/**
 * A rate-limit wait longer than any Retry-After this run's faults asked for, while the emulator's
 * real rate limit never refused a request: the client held itself back for nothing.
 */
function needlessWaits(emu: Emulator, plan: JobPlan, runs: ActionRun[]): Problem[] {
  if (emu.state.platform.rateLimited > 0) return [];
  const asked = Math.max(0, ...plan.faults.map((f) => ('retryAfter' in f.fault && Number(f.fault.retryAfter) < 60 ? Number(f.fault.retryAfter) : 0)));
  const waits = runs.flatMap((r) => [...r.stdout.matchAll(/rate limit: waiting ([\d.]+) s/g)].map((m) => Number(m[1])));
  const longest = Math.max(0, ...waits);
  if (longest <= asked + WAIT_SLACK_S) return [];
  return [{ kind: 'outcome', text: `the action waited ${longest} s for a rate-limit window, but the server never rate-limited it and asked for at most ${asked} s (Retry-After)` }];
}

function failure(r: ActionRun): string {
  if (r.code === null) return `hung: killed after ${HANG_MS / 1000} s`;
  const error = r.stdout.split('\n').find((l) => l.startsWith('::error::'));
  return `exit ${r.code}, status ${r.outputs.status ?? '(none)'}${error ? `: ${error.slice(0, 600)}` : ''}`;
}

/** With --keep: each run's whole output next to the workspace it ran in. */
function keepLogs(dir: string, runs: ActionRun[]): void {
  runs.forEach((r, i) => fs.writeFileSync(path.join(dir, `action-${i + 1}.log`), `${r.stdout}${r.stderr}`));
}

function tail(r: ActionRun, lines: number): string {
  return `${r.stdout}${r.stderr}`
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('::add-mask::'))
    .slice(-lines)
    .join('\n');
}
