/**
 * The live sync: follows a run directory while the trainer writes it and feeds what is new to the
 * session steps, as Ultralytics' trainer does from inside (HUBTrainingSession and the Platform
 * callbacks). It has no session of its own: the same `openRun`, `sendNewEpochs`, `sendConsoleLines`
 * and `uploadOne` run here and in the sync after the training, against the same state file, so the
 * final sync sends only what the live one did not.
 *
 *   wait for args.yaml → register → every tick: new results.csv rows, new log lines, a changed
 *   checkpoint at most once per interval → on stop: one last flush, state saved
 *
 * A send that fails after its retries is kept for the next tick (the state file says what arrived);
 * only a rejected key, a refused model or a lost registration answer end the live sync early.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ActionInputs } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import { loadRun } from '../rundir/load-run.js';
import type { WeightFile } from '../rundir/types.js';
import { type SessionContext, openRun, reportRunDirGone, sendConsoleLines, sendNewEpochs, unsentRows, uploadOne } from '../session/session.js';
import { startOverIfRewritten } from '../session/rewrite.js';
import { createSession } from '../session/setup.js';
import { stateLocation } from '../session/state-file.js';
import { HttpError } from '../transport/errors.js';
import { findNewRun } from './find-run.js';
import { ChangeWatch, LineFollower, signatureOf } from './follow.js';
import { acquireLock } from './lock.js';
import { SystemSampler } from './system.js';

/** How often the files are looked at: an epoch is on the server within about two ticks of its row. */
const TICK_MS = 500;
/** HUB takes metrics at most every 3 s (HUB-API.md); rows of one window go in one request. */
const HUB_METRICS_WINDOW_MS = 3000;
/** The reference flushes the console every 5 lines or 5 s. */
const CONSOLE_LINES = 5;
const CONSOLE_MS = 5000;
/** A checkpoint is sent once the trainer stopped writing it for this long. */
const CHECKPOINT_SETTLE_MS = 1000;
/** Wait between registration attempts while the server cannot be reached. */
const REGISTER_RETRY_MS = 5000;

export interface LiveOptions {
  inputs: ActionInputs;
  log: Log;
  env: NodeJS.ProcessEnv;
  /** When the watcher started: a run whose args.yaml is older is not this training's. */
  startedAt: number;
  checkpointIntervalMs: number;
  tickMs?: number;
  /** Called once the run directory is known (the post step's final sync needs it). */
  onRunDir?: (runDir: string) => void;
}

export interface LiveResult {
  /** null when the stop came before a training created its run directory. */
  runDir: string | null;
  epochsOnServer: number;
  /** The server answered `cancelled: true`. */
  cancelled: boolean;
  /** Another watcher follows this run directory: this one sent nothing, and its final sync must not run. */
  stoodAside?: boolean;
}

/** Follows the training until `stop` aborts, then flushes what is pending and returns. */
export async function followTraining(opts: LiveOptions, stop: AbortSignal): Promise<LiveResult> {
  const { log } = opts;
  const tick = opts.tickMs ?? TICK_MS;
  const runDir = await waitForRun(opts, stop, tick);
  if (!runDir) {
    log.info('Stopped before a training wrote its args.yaml: nothing to follow.');
    return { runDir: null, epochsOnServer: 0, cancelled: false };
  }
  opts.onRunDir?.(runDir);
  const lock = acquireLock(`${stateLocation(runDir, opts.inputs.stateFile, opts.env).file}.lock`);
  if ('heldBy' in lock) {
    log.warning(`Another watcher (pid ${lock.heldBy}) already follows ${runDir}: this one stands aside and sends nothing for it.`);
    await sleep(2 ** 31 - 1, stop);
    return { runDir, epochsOnServer: 0, cancelled: false, stoodAside: true };
  }
  log.info(`Following ${runDir}`);
  const inputs: ActionInputs = { ...opts.inputs, runDir };
  const ctx = await createSession(inputs, await loadRun(inputs, log, { live: true }), log, opts.env, { live: true }).catch((err: unknown) => {
    lock.release();
    throw err;
  });
  const live = new LiveRun(ctx, opts, runDir);
  try {
    if (!(await live.register(stop, tick))) return live.result();
    while (!stop.aborted && !live.cancelled && !live.gone) {
      await live.tick(false);
      await sleep(tick, stop);
    }
    if (!live.cancelled && !live.gone) await live.tick(true);
    return live.result();
  } finally {
    ctx.backend.close();
    lock.release();
  }
}

class LiveRun {
  cancelled = false;
  /** The run directory was deleted: nothing more to follow. */
  gone = false;
  private readonly csv: ChangeWatch;
  private readonly checkpoint: ChangeWatch;
  private readonly console: LineFollower | null;
  private readonly system: SystemSampler | null;
  /** Lines the state file counts as sent, still to skip in the log file (a restarted watcher). */
  private skipLines: number;
  private pending: string[] = [];
  private pendingSince = 0;
  private lastMetricsAt = 0;
  private lastCheckpointAt: number;
  private checkpointDirty = false;
  /** results.csv was written again by a new training: register it before sending more. */
  private reregister = false;

  constructor(
    private readonly ctx: SessionContext,
    private readonly opts: LiveOptions,
    private readonly runDir: string,
  ) {
    this.csv = new ChangeWatch(ctx.inputs.metrics ?? path.join(runDir, 'results.csv'));
    this.checkpoint = new ChangeWatch(path.join(runDir, 'weights', ctx.backend.liveCheckpoint));
    this.console = ctx.inputs.logFile && ctx.backend.sendsConsole ? new LineFollower(ctx.inputs.logFile) : null;
    this.system = ctx.backend.name === 'platform' ? new SystemSampler(runDir) : null;
    this.skipLines = ctx.state.saved.consoleLines ?? 0;
    // As the reference session: the first periodic checkpoint one interval after the start.
    this.lastCheckpointAt = opts.startedAt;
  }

  /** Registers the run, trying again while the server cannot be reached. False when stopped first. */
  async register(stop: AbortSignal, tick: number): Promise<boolean> {
    for (;;) {
      try {
        const reg = await openRun(this.ctx);
        this.cancelled = reg.cancelled || this.ctx.state.saved.cancelled === true;
        return !this.cancelled;
      } catch (err) {
        if (!recoverable(err)) throw err;
        this.opts.log.warning(`${(err as Error).message}; trying again in ${REGISTER_RETRY_MS / 1000} s.`);
      }
      await sleep(Math.max(REGISTER_RETRY_MS, tick), stop);
      if (stop.aborted) return false;
    }
  }

  /** One look at the files; `last`: the training ended, send everything pending. A deleted run directory ends the following. */
  async tick(last: boolean): Promise<void> {
    try {
      if (fs.existsSync(this.runDir)) return await this.look(last);
    } catch (err) {
      if (fs.existsSync(this.runDir)) throw err;
    }
    this.gone = true;
    await reportRunDirGone(this.ctx);
  }

  private async look(last: boolean): Promise<void> {
    const now = Date.now();
    if (this.csv.changed(now) || last) await this.reload();
    if (this.reregister) {
      // A new training rewrote results.csv: its own run (the state already starts afresh).
      const reg = await this.guard('registration', () => openRun(this.ctx));
      if (!reg) return;
      this.reregister = false;
      this.cancelled = reg.cancelled;
      if (this.cancelled) return;
    }
    await this.epochs(now, last);
    if (this.cancelled) return;
    await this.consoleLines(now, last);
    if (!last) await this.periodicCheckpoint(now);
  }

  result(): LiveResult {
    return { runDir: this.runDir, epochsOnServer: this.ctx.state.saved.epochs.length, cancelled: this.cancelled };
  }

  private async reload(): Promise<void> {
    const plan = await loadRun(this.ctx.inputs, this.opts.log, { live: true });
    this.ctx.plan = plan;
    this.ctx.backend.usePlan(plan);
    if (await startOverIfRewritten(this.ctx)) this.reregister = true;
  }

  private async epochs(now: number, last: boolean): Promise<void> {
    if (unsentRows(this.ctx).length === 0) return;
    if (this.ctx.backend.name === 'hub' && !last && now - this.lastMetricsAt < HUB_METRICS_WINDOW_MS) return;
    this.lastMetricsAt = now;
    const system = this.system ? await this.system.sample() : undefined;
    const cancelled = await this.guard('metrics', () => sendNewEpochs(this.ctx, { system }));
    if (cancelled === true) {
      this.cancelled = true;
      await this.ctx.state.update((s) => {
        s.cancelled = true;
      });
      this.opts.log.warning('The server cancelled this run: the live sync stops sending.');
    }
  }

  private async consoleLines(now: number, last: boolean): Promise<void> {
    if (!this.console) return;
    let lines = this.console.read();
    if (this.skipLines > 0) {
      const skip = Math.min(this.skipLines, lines.length);
      this.skipLines -= skip;
      lines = lines.slice(skip);
    }
    if (lines.length > 0 && this.pending.length === 0) this.pendingSince = now;
    this.pending.push(...lines);
    if (this.pending.length === 0) return;
    if (!last && this.pending.length < CONSOLE_LINES && now - this.pendingSince < CONSOLE_MS) return;
    const batch = this.pending;
    const sent = await this.guard('console output', () => sendConsoleLines(this.ctx, batch));
    if (sent !== undefined) this.pending = [];
  }

  /** The live checkpoint (Platform best.pt, HUB last.pt) when it changed, at most once per interval. */
  private async periodicCheckpoint(now: number): Promise<void> {
    if (this.checkpoint.changed(now)) this.checkpointDirty = true;
    if (!this.checkpointDirty || now - this.lastCheckpointAt < this.opts.checkpointIntervalMs) return;
    if (!this.checkpoint.stillFor(CHECKPOINT_SETTLE_MS, now)) return;
    const sig = signatureOf(this.checkpoint.file);
    if (!sig) return;
    const file: WeightFile = { path: this.checkpoint.file, name: path.basename(this.checkpoint.file), role: 'checkpoint', bytes: sig.size };
    const plan = this.ctx.plan;
    const epoch = plan.metrics.rows.length > 0 ? plan.metrics.rows[plan.metrics.rows.length - 1].epoch : 0;
    const problems: string[] = [];
    const sent = await this.ctx.log.group(`Upload ${file.name} (epoch ${epoch} checkpoint)`, () =>
      uploadOne(this.ctx, file, problems, { epoch, isBest: plan.best?.epoch === epoch }),
    );
    this.lastCheckpointAt = now;
    if (sent.outcome !== 'failed') this.checkpointDirty = false;
  }

  /** Runs one send; a failure that a later try can mend is logged and left for the next tick. */
  private async guard<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (err) {
      if (!recoverable(err)) throw err;
      this.opts.log.warning(`Live ${what} not sent yet (${(err as Error).message}); kept for the next try.`);
      return undefined;
    }
  }
}

/** The run directory: `run-dir` once its args.yaml exists, or the first new run under the workspace. */
async function waitForRun(opts: LiveOptions, stop: AbortSignal, tick: number): Promise<string | null> {
  const given = opts.inputs.runDir;
  let said = false;
  for (;;) {
    const dir = given ? (signatureOf(path.join(given, 'args.yaml')) ? given : null) : findNewRun(opts.inputs.workspace, opts.startedAt);
    if (dir) return dir;
    if (stop.aborted) return null; // one last look after the stop: a short training may have ended already
    if (!said) {
      opts.log.info(given ? `Waiting for ${path.join(given, 'args.yaml')} …` : `Waiting for a training to write runs/…/args.yaml under ${opts.inputs.workspace} …`);
      said = true;
    }
    await sleep(tick, stop);
  }
}

function recoverable(err: unknown): boolean {
  return err instanceof HttpError && !err.permanent && !err.ambiguous;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
