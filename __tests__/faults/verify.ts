/**
 * The fault suite's oracle: after a run (and its re-run, if any) the emulator's state must hold
 * every epoch exactly as in results.csv, every upload with the sha256 of the file on disk, the
 * console log whole, one registration only, and no protocol error. Repeats are tolerated only
 * where a fault made the server act without the client learning it (an HTML page, a stall).
 */
import type { EmulatorState, HubModel, PlatformRun } from '../../emulator/server.js';
import { hubMetrics, isLr, pick } from '../e2e/harness.js';
import type { JobPlan } from './plan.js';

export type ProblemKind = 'lost' | 'duplicate' | 'protocol' | 'outcome';

export interface Problem {
  kind: ProblemKind;
  text: string;
}

export interface Expected {
  plan: JobPlan;
  /** expectedEpochs() of the workspace's results.csv. */
  epochs: Map<number, Record<string, number | null>>;
  sha: { 'best.pt': string; 'last.pt': string };
  /** Platform: the project the run must be registered in. */
  project: string;
  /** Platform: the console log's lines, when one was sent. */
  logLines: string[];
  /** HUB: the model seeded in the emulator (undefined when the action creates one). */
  seededModel?: string;
}

type Values = Record<string, number | null>;

export function verify(state: EmulatorState, exp: Expected): Problem[] {
  const problems: Problem[] = state.protocolErrors.map((text) => ({ kind: 'protocol' as const, text: `protocol error: ${text}` }));
  const found = exp.plan.backend === 'platform' ? verifyPlatform(state, exp) : verifyHub(state, exp);
  return [...problems, ...found];
}

/** Requests to `target` the server acted on although the client saw a failure: repeats of them are retries, not duplicates. */
function actedUnseen(state: EmulatorState, target: string): number {
  return state.faultsFired.filter((f) => f.target === target && (f.kind === 'html' || (f.kind === 'delay' && f.applied))).length;
}

function compareEpochs(exp: Expected, stored: (epoch: number) => Values | undefined, expectedOf: (v: Values) => Values): Problem[] {
  const problems: Problem[] = [];
  const missing: number[] = [];
  for (const [epoch, values] of exp.epochs) {
    const got = stored(epoch);
    const want = expectedOf(values);
    if (got === undefined) missing.push(epoch);
    else if (!sameValues(got, want)) {
      problems.push({ kind: 'lost', text: `epoch ${epoch} arrived as ${JSON.stringify(got)}, expected ${JSON.stringify(want)}` });
    }
  }
  if (missing.length) problems.unshift({ kind: 'lost', text: `${missing.length} of ${exp.epochs.size} epochs never arrived (${epochList(missing)})` });
  return problems;
}

/** `0-3, 7, 9-12`. */
function epochList(epochs: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < epochs.length; i++) {
    let j = i;
    while (j + 1 < epochs.length && epochs[j + 1] === epochs[j] + 1) j++;
    ranges.push(i === j ? `${epochs[i]}` : `${epochs[i]}-${epochs[j]}`);
    i = j;
  }
  return ranges.join(', ');
}

function sameValues(a: Values, b: Values): boolean {
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((k) => Object.is(a[k], b[k]));
}

function verifyPlatform(state: EmulatorState, exp: Expected): Problem[] {
  const all = Object.values(state.platform.runs);
  const runs = all.filter((r) => r.project === exp.project);
  if (all.length > 1) return [{ kind: 'duplicate', text: `${all.length} runs registered (${all.map((r) => r.modelId).join(', ')}); expected one` }];
  if (runs.length === 0) return [{ kind: 'lost', text: `no run registered in ${exp.project}` }];
  const run = runs[0];
  const problems = compareEpochs(
    exp,
    (epoch) => platformEpoch(run, epoch),
    (values) => ({ ...pick(values, (k) => !isLr(k)), lr: values['lr/pg0'] ?? values['x/lr0'] ?? null }),
  );
  const extraEpochs = run.epochEvents - exp.epochs.size - actedUnseen(state, 'platform:epoch_end');
  if (extraEpochs > 0) problems.push({ kind: 'duplicate', text: `${extraEpochs} epoch_end event(s) sent again although acknowledged` });
  problems.push(...platformConsole(run, exp.logLines));
  if (exp.plan.status === 'success') problems.push(...platformFinal(state, run, exp));
  else problems.push(...platformFailed(run));
  return problems;
}

function platformEpoch(run: PlatformRun, epoch: number): Values | undefined {
  const data = run.epochs[String(epoch)] as { epoch?: number; metrics?: Values } | undefined;
  if (!data) return undefined;
  return data.epoch === epoch ? data.metrics : { wrongEpochField: data.epoch ?? null };
}

function platformConsole(run: PlatformRun, lines: string[]): Problem[] {
  if (lines.length === 0) return [];
  const ids = run.console.map((c) => c.chunkId);
  const sent = run.console.flatMap((c) => c.content.split('\n'));
  if (ids.some((id, i) => id !== i + 1)) return [{ kind: 'lost', text: `console chunks arrived as ${ids.join(',')}` }];
  if (sent.length !== lines.length || sent.some((l, i) => l !== lines[i])) {
    return [{ kind: 'lost', text: `console log arrived with ${sent.length} of ${lines.length} lines or changed` }];
  }
  return [];
}

function platformFinal(state: EmulatorState, run: PlatformRun, exp: Expected): Problem[] {
  const problems: Problem[] = [];
  if (run.puts.length === 0) problems.push({ kind: 'lost', text: 'best.pt was never uploaded' });
  run.puts.forEach((put, i) => {
    if (put.sha256 !== exp.sha['best.pt']) problems.push({ kind: 'lost', text: `PUT ${i + 1} has sha256 ${put.sha256}, best.pt is ${exp.sha['best.pt']}` });
  });
  const extraPuts = run.puts.length - 1 - actedUnseen(state, 'platform:put');
  if (extraPuts > 0) problems.push({ kind: 'duplicate', text: `best.pt was PUT ${run.puts.length} times (${extraPuts} after it had arrived intact)` });
  if (run.checkpoints.length === 0) problems.push({ kind: 'lost', text: 'checkpoint_saved never arrived' });
  if (!run.complete) problems.push({ kind: 'lost', text: 'training_complete never arrived' });
  if (run.failed) problems.push({ kind: 'outcome', text: 'a successful training was reported as training_failed' });
  return problems;
}

function platformFailed(run: PlatformRun): Problem[] {
  const problems: Problem[] = [];
  if (!run.failed) problems.push({ kind: 'lost', text: 'training_failed never arrived' });
  if (run.complete) problems.push({ kind: 'outcome', text: 'a failed training was reported as training_complete' });
  if (run.puts.length > 0) problems.push({ kind: 'outcome', text: 'a failed training uploaded a final model' });
  return problems;
}

function verifyHub(state: EmulatorState, exp: Expected): Problem[] {
  const models = Object.values(state.hub.models);
  const created = models.filter((m) => m.created);
  const wantCreated = exp.seededModel ? 0 : 1;
  if (created.length > wantCreated) return [{ kind: 'duplicate', text: `${created.length} HUB models created; expected ${wantCreated}` }];
  const model = exp.seededModel ? state.hub.models[exp.seededModel] : created[0];
  if (!model) return [{ kind: 'lost', text: 'no HUB model was created' }];
  const problems = compareEpochs(exp, (epoch) => model.metrics[String(epoch)], hubMetrics);
  const extraMetrics = model.metricsRequests - 1 - actedUnseen(state, 'hub:metrics');
  if (extraMetrics > 0) problems.push({ kind: 'duplicate', text: `metrics sent ${model.metricsRequests} times although acknowledged` });
  problems.push(...hubUploads(state, model, exp));
  return problems;
}

function hubUploads(state: EmulatorState, model: HubModel, exp: Expected): Problem[] {
  const problems: Problem[] = [];
  const roles: { type: 'epoch' | 'final'; field: 'last.pt' | 'best.pt' }[] = [{ type: 'epoch', field: 'last.pt' }];
  if (exp.plan.status === 'success') roles.push({ type: 'final', field: 'best.pt' });
  else if (model.uploads.some((u) => u.type === 'final')) problems.push({ kind: 'outcome', text: 'a failed training uploaded a final model' });
  for (const { type, field } of roles) {
    const records = model.uploads.filter((u) => u.type === type);
    if (records.length === 0) problems.push({ kind: 'lost', text: `the ${type} upload (${field}) never arrived` });
    for (const u of records) {
      if (u.field !== field || u.sha256 !== exp.sha[field]) {
        problems.push({ kind: 'lost', text: `a ${type} upload arrived as ${u.field} sha256 ${u.sha256}; expected ${field} ${exp.sha[field]}` });
      }
    }
  }
  const extra = model.uploads.length - roles.length - actedUnseen(state, 'hub:upload');
  if (extra > 0) problems.push({ kind: 'duplicate', text: `${model.uploads.length} uploads for ${roles.length} file(s): one was re-sent after it had arrived` });
  return problems;
}
