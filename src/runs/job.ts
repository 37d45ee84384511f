/**
 * The runs layer: every run of a step, above the per-run session.
 *
 *   find the runs (run-dir patterns, the newest run, or the runs a live sync followed)
 *   → check that the inputs fit them → sync each, one after another, through the unchanged session,
 *     sharing one rate-limit pacer → one report over all of them: outputs, summary, comment, gate
 *
 * A run that cannot be read or synced is reported and skipped: it does not stop the others, and the
 * step ends `partial`. Only what no later run could get past ends the whole step at once: a rejected
 * key, or a stop (Ctrl-C, a cancelled job), which takes effect between two requests.
 */
import * as path from 'node:path';
import { type Host, type Outcome, setOutputs, writeSummary } from '../host.js';
import type { ActionInputs, RunStatus } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import { listRuns, newestRun } from '../rundir/find-run.js';
import { findTuneDirs } from '../rundir/tune.js';
import { type RunPlan, loadRun } from '../rundir/load-run.js';
import { runName } from '../report/ci-report.js';
import { withGateFailure } from '../report/gate.js';
import { type JobReport, type RunOutcome, gateFailure, jobOutputs, prepareJobReport, publishJobReport, renderJobSummary } from '../report/job.js';
import type { SessionContext } from '../session/session.js';
import { syncRun } from '../session/session.js';
import { createPacer, createSession } from '../session/setup.js';
import { HttpError } from '../transport/errors.js';
import { type Pacer, StopRequested } from '../transport/pacer.js';
import { matchRuns, rel } from './find-runs.js';
import { trainingEnd } from '../rundir/ended.js';
import { checkIdentity, inputsForRun } from './identity.js';
import { Progress } from './progress.js';

/** A run the caller already knows (the live sync followed it), with how its training ended when known. */
export interface KnownRun {
  dir: string;
  status?: RunStatus;
}

/** A run to sync; `dir: null` lets the run directory stage find it (`metrics` given, or nothing found). */
interface PlannedRun {
  dir: string | null;
  status?: RunStatus;
}

export interface JobOptions {
  /** The runs to sync instead of those the inputs name (the sync after a live one). */
  runs?: KnownRun[];
  /** Watch mode: `name` and `model` apply to the first run; later runs keep their own names. */
  identityToFirst?: boolean;
}

/** Other runs written this recently are named in a warning when `run-dir` is left empty. */
const RECENT_MS = 24 * 3600_000;
/** After a stop, how long the request under way may take to finish before the step exits anyway. */
const STOP_GRACE_MS = 3000;

export async function syncJob(host: Host, inputs: ActionInputs, opts: JobOptions = {}): Promise<Outcome> {
  const { log } = host;
  const { runs, tuneDirs } = await findRuns(inputs, opts, log);
  if (!opts.identityToFirst) checkIdentity(inputs, runs.map((r) => r.dir).filter((d): d is string => d !== null));
  if (runs.length > 1 && !opts.identityToFirst && inputs.logFile) {
    // After the training nothing tells which lines were whose; a live sync routes them as they come.
    log.warning(
      `log-file ${inputs.logFile} holds the console of ${runs.length} runs and cannot be split between them after the training, so it is not sent. ` +
        'Sync live (watch: true, or ultralytics-sync run -- …) to send each run its own lines, or sync one run per step.',
    );
    inputs = { ...inputs, logFile: null };
  }
  const pacer = createPacer(log);
  const stopper = new Stopper(pacer, log);
  const outcomes: RunOutcome[] = [];
  try {
    const several = runs.length > 1;
    const progress = several ? new Progress(runs.length, Date.now, () => pacer.budget()) : null;
    for (const [i, known] of runs.entries()) {
      // Several runs whose end nobody saw: `status` is the job's (the command's) end, and each run's
      // own is read from its checkpoints, as the live sync reads it (rundir/ended.ts).
      if (several && known.status === undefined && known.dir) {
        const ended = await trainingEnd(known.dir, inputs.status);
        if (ended.status !== inputs.status) log.info(`${rel(inputs.workspace, known.dir)}: the training ended with ${ended.status}: ${ended.why}.`);
        known.status = ended.status;
      }
      const runInputs = inputsForRun(inputs, known.dir, i, { status: known.status, log });
      const announce = (plan: RunPlan) => progress && log.info(progress.line(i, rel(inputs.workspace, plan.runDir), plan.metrics.rows.length));
      if (!several) {
        // One run: an error ends the step with its own message, as it always did.
        outcomes.push(await syncOne(runInputs, host, pacer, stopper, announce));
        continue;
      }
      try {
        outcomes.push(await syncOne(runInputs, host, pacer, stopper, announce));
      } catch (err) {
        if (err instanceof StopRequested) throw err;
        const message = log.redact((err as Error).message);
        const failed = (dir: string, error: string): RunOutcome => ({ runDir: dir, name: path.basename(dir), inputs: runInputs, plan: null, result: null, error });
        if (!rejectsEveryRun(err)) {
          log.error(`${rel(inputs.workspace, known.dir as string)}: ${message}. It is skipped; the other runs go on.`);
          outcomes.push(failed(known.dir as string, message));
          continue;
        }
        const rest = runs.slice(i + 1).map((r) => r.dir as string);
        log.error(
          `${rel(inputs.workspace, known.dir as string)}: ${message}. ` +
            (rest.length ? `The other ${rest.length} run${rest.length === 1 ? ' is' : 's are'} not tried: ${rest.length === 1 ? 'it' : 'they'} would fail alike. ` : '') +
            'Re-run the step once that is mended: what arrived is not sent again.',
        );
        outcomes.push(failed(known.dir as string, message), ...rest.map((d) => failed(d, `not tried: ${message}`)));
        break;
      }
    }
  } catch (err) {
    if (err instanceof StopRequested) return stopper.stopped(outcomes.length, runs.length);
    throw err;
  } finally {
    stopper.dispose();
  }
  return report(host, inputs, outcomes, tuneDirs);
}

/** The runs of this step, in order of start. */
async function findRuns(inputs: ActionInputs, opts: JobOptions, log: Log): Promise<{ runs: PlannedRun[]; tuneDirs: string[] }> {
  // `yolo tune` folders beside the runs get a section of the summary: their trials are the runs.
  if (opts.runs) return { runs: opts.runs, tuneDirs: await findTuneDirs(opts.runs.map((r) => r.dir)) };
  if (inputs.runDirPatterns) {
    const found = await matchRuns(inputs.runDirPatterns, inputs.workspace);
    log.info(`run-dir matched ${found.runs.length} run${found.runs.length === 1 ? '' : 's'}: ${found.runs.map((d) => rel(inputs.workspace, d)).join(', ')}`);
    const tuneDirs = [...new Set([...found.tuneDirs, ...(await findTuneDirs(found.runs))])].sort();
    return { runs: found.runs.map((dir) => ({ dir })), tuneDirs };
  }
  if (inputs.runDir || inputs.metrics) return { runs: [{ dir: inputs.runDir }], tuneDirs: [] };
  // One walk of runs/ for the newest run and the others written lately.
  const all = await listRuns(inputs.workspace);
  const newest = newestRun(all);
  if (newest) {
    log.info(`run-dir not set: using ${rel(inputs.workspace, newest)}, the run whose results.csv changed last.`);
    warnOtherRecentRuns(inputs.workspace, newest, all, log);
  }
  return { runs: [{ dir: newest }], tuneDirs: [] };
}

/** The empty default syncs one run; other runs written lately would be lost without a word. */
function warnOtherRecentRuns(workspace: string, chosen: string, all: { dir: string; mtimeMs: number }[], log: Log): void {
  const since = Date.now() - RECENT_MS;
  const others = all.filter((r) => r.dir !== chosen && r.mtimeMs >= since).map((r) => r.dir);
  if (others.length === 0) return;
  const parents = [...new Set([chosen, ...others].map((d) => rel(workspace, path.dirname(d))))];
  log.warning(
    `run-dir is not set, so only ${rel(workspace, chosen)} is synced, but ${others.length} other run${others.length === 1 ? ' was' : 's were'} written in the last 24 hours: ` +
      `${others.map((d) => rel(workspace, d)).join(', ')}. To sync every run, set \`run-dir: ${parents.map((p) => `${p}/*`).join('\\n')}\`.`,
  );
}

/** One run through the per-run pipeline: run directory → session → backend. */
async function syncOne(inputs: ActionInputs, host: Host, pacer: Pacer, stopper: Stopper, announce: (plan: RunPlan) => void): Promise<RunOutcome> {
  const { log } = host;
  const plan = await log.group('Read the run directory', async () => {
    const p = await loadRun(inputs, log);
    announce(p);
    describePlan(p, log);
    return p;
  });
  const runDir = plan.runDir;
  const session = await createSession({ ...inputs, runDir }, plan, log, host.env, { pacer });
  stopper.current = session;
  const result = await syncRun(session);
  return { runDir, name: runName(inputs, plan), inputs: session.inputs, plan, result, error: null };
}


/** Socket codes that say the server could not be reached at all (not that it failed a request). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * What fails every run alike, so that the step stops instead of spending the retry budget on each
 * of the next hundred: a rejected key, or a server that could not be reached through every retry.
 * The runs not tried are named, and a re-run continues where this one stopped.
 */
function rejectsEveryRun(err: unknown): boolean {
  if (!(err instanceof HttpError)) return false;
  return (err.permanent && (err.status === 401 || err.status === 403)) || (err.status === undefined && UNREACHABLE.has(err.code ?? ''));
}

async function report(host: Host, inputs: ActionInputs, outcomes: RunOutcome[], tuneDirs: string[]): Promise<Outcome> {
  const { log } = host;
  const ctx = { inputs, env: host.env, log };
  const job = await prepareJobReport(outcomes, tuneDirs, ctx);
  const outputs = jobOutputs(job);
  setOutputs(host, outputs);
  if (inputs.summary) await writeSummary(host, log.redact(renderJobSummary(job, ctx)));
  await publishJobReport(job, ctx);
  return withGateFailure(conclude(job, inputs, outputs, log), gateFailure(job));
}

function conclude(job: JobReport, inputs: ActionInputs, outputs: Record<string, string>, log: Log): Outcome {
  const runs = job.runs;
  for (const r of runs) {
    const result = r.outcome?.result;
    if (!result) continue;
    const where = runs.length > 1 ? `${r.name}: ` : '';
    log.info(`${where}Status: ${result.status}. ${result.epochsOnServer} epochs on the server.${result.modelUrl ? ` ${result.modelUrl}` : ''}`);
  }
  const short = runs.filter((r) => r.status === 'partial' || r.status === 'failed');
  if (short.length === 0) return { exitCode: 0, outputs };
  const why = (r: JobReport['runs'][number]) => r.error ?? r.outcome?.result?.problems.join('; ') ?? '';
  const message =
    runs.length === 1
      ? `Sync incomplete: ${why(runs[0])}. Re-run the job to send the rest.`
      : `Sync incomplete for ${short.length} of ${runs.length} runs: ${short.map((r) => `${r.name} (${why(r)})`).join('; ')}. Re-run the job to send the rest.`;
  if (!inputs.failOnError) {
    log.warning(`${message} (fail-on-error is false, so the step passes.)`);
    return { exitCode: 0, outputs };
  }
  return { exitCode: 1, outputs, error: log.redact(message) };
}

function describePlan(p: RunPlan, log: Log): void {
  const rows = p.metrics.rows;
  log.info(
    `${p.metrics.path}: ${rows.length} epochs (${p.metrics.era} format, epochs ${rows[0].epoch}-${rows[rows.length - 1].epoch} 0-based)`,
  );
  const n = (v: number | null) => (v === null ? 'n/a' : String(Number(v.toFixed(5))));
  if (p.best) log.info(`Best epoch ${p.best.epoch}: fitness ${n(p.best.fitness)}, ${p.mapColumn ?? 'mAP'} ${n(p.map)}`);
  for (const f of [p.checkpoint, p.final]) if (f) log.info(`${f.role}: ${f.path} (${f.bytes} bytes)`);
}

/**
 * SIGINT/SIGTERM (Ctrl-C, a cancelled job): the first stops the sync before its next request, so
 * the answer under way is still recorded; if that request does not end within a moment, or on a
 * second signal, the step saves the state and exits at once. Either way a re-run continues.
 */
class Stopper {
  current: SessionContext | null = null;
  private signal: NodeJS.Signals | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly handler = (signal: NodeJS.Signals) => this.onSignal(signal);

  constructor(
    private readonly pacer: Pacer,
    private readonly log: Log,
  ) {
    process.on('SIGINT', this.handler);
    process.on('SIGTERM', this.handler);
  }

  private onSignal(signal: NodeJS.Signals): void {
    if (this.signal) return this.exitNow();
    this.signal = signal;
    this.pacer.stop(signal);
    this.log.info(`${signal}: stopping before the next request…`);
    this.timer = setTimeout(() => this.exitNow(), STOP_GRACE_MS);
    this.timer.unref();
  }

  private where(): string {
    return this.current ? this.current.state.file : 'the state file of each run';
  }

  private exitNow(): never {
    try {
      this.current?.backend.close();
      this.current?.state.flushSync();
      this.log.error(`Cancelled: stopped and saved progress in ${this.where()}. Re-run the same command to send the rest.`);
    } finally {
      process.exit(this.signal === 'SIGINT' ? 130 : 143);
    }
  }

  /** The outcome of a sync stopped between two requests. */
  stopped(done: number, total: number): Outcome {
    const at = total > 1 ? ` during run ${done + 1} of ${total}` : '';
    const message = `Cancelled: stopped and saved progress in ${this.where()}${at}. Re-run the same command to continue: what arrived is not sent again.`;
    return { exitCode: this.signal === 'SIGINT' ? 130 : 143, outputs: {}, error: message };
  }

  dispose(): void {
    clearTimeout(this.timer);
    process.off('SIGINT', this.handler);
    process.off('SIGTERM', this.handler);
  }
}
