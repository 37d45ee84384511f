/**
 * The live sync: follows every run directory that trainings create while it runs (one after
 * another, or several at once on several GPUs) and feeds what is new to the session steps, as
 * Ultralytics' trainer does from inside (HUBTrainingSession and the Platform callbacks). It has no
 * session of its own: for each run the same `openRun`, `sendNewEpochs`, `sendConsoleLines` and
 * `uploadOne` run here and in the sync after the training, against the same state file, so the
 * final sync sends only what the live one did not.
 *
 *   every tick: new log lines → the runs training now (console-router.ts); a new args.yaml → a new
 *   run: register it → per run: new results.csv rows, its log lines, a changed checkpoint at most
 *   once per interval, and whether it finished (checkpoint stripped) → on stop: one last flush
 *
 * Each run ticks on its own, so one run's long upload does not hold another's epochs; all share one
 * rate-limit pacer. A send that fails after its retries is kept for the next tick (the state file
 * says what arrived); a rejected key, a refused model or a lost registration answer end that run's
 * live sync, and the final sync reports it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ActionInputs } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import { readCheckpointMeta } from '../rundir/checkpoint.js';
import { loadRun, refreshLive, weightLeavesWorkspace } from '../rundir/load-run.js';
import type { WeightFile } from '../rundir/types.js';
import { orderByStart } from '../runs/find-runs.js';
import { inputsForRun } from '../runs/identity.js';
import { stampLine } from '../session/console-log.js';
import { startOverIfRewritten } from '../session/rewrite.js';
import { type SessionContext, openRun, reportRunDirGone, sendConsoleLines, sendNewEpochs, unsentRows, uploadOne } from '../session/session.js';
import { createPacer, createSession } from '../session/setup.js';
import { stateLocation } from '../session/state-file.js';
import { HttpError } from '../transport/errors.js';
import type { Pacer } from '../transport/pacer.js';
import { ConsoleRouter, type RouteHandle } from './console-router.js';
import { CLOCK_SLACK_MS, runsToFollow } from './find-run.js';
import { ChangeWatch, signatureOf } from './follow.js';
import { type Lock, acquireLock } from './lock.js';
import { SystemSampler } from './system.js';

/** How often the files are looked at: an epoch is on the server within about two ticks of its row. */
const TICK_MS = 500;
/**
 * New runs are looked for (a walk of the workspace) this often, or less often when a look costs more
 * than DISCOVER_SHARE of the time between looks (a large workspace); and at every tick for a while
 * after a folder holding a known run changed (the next training of a sequence or a tune).
 */
const LOOK_MS = 2000;
const DISCOVER_SHARE = 0.05;
const EAGER_MS = 5000;
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
  /**
   * Called each time a run is found, with every run followed so far and those another watcher
   * follows (the post step's final sync needs them).
   */
  onRuns?: (runDirs: string[], aside: string[]) => void;
}

export interface LiveRunResult {
  runDir: string;
  epochsOnServer: number;
  /** The server answered `cancelled: true`. */
  cancelled: boolean;
}

export interface LiveResult {
  /** In order of start; empty when the stop came before any training wrote its args.yaml. */
  runs: LiveRunResult[];
  /** Runs found that could not be followed live (their final sync still sends them). */
  unstarted: string[];
  /** Runs another watcher follows (two watch steps): this one sent nothing for them and must not sync them. */
  aside: string[];
}

/** Every run the final sync sends, in order of start: those followed live and those that could not be. */
export function runDirsOf(result: Pick<LiveResult, 'unstarted'> & { runs: { runDir: string }[] }): string[] {
  return orderByStart([...result.runs.map((r) => r.runDir), ...result.unstarted]);
}

/** Follows the trainings until `stop` aborts, then flushes what is pending and returns. */
export async function followTrainings(opts: LiveOptions, stop: AbortSignal): Promise<LiveResult> {
  const { log } = opts;
  const tick = opts.tickMs ?? TICK_MS;
  const pacer = createPacer(log);
  // HUB has no console log: nothing to read for it.
  const router = new ConsoleRouter(opts.inputs.backend === 'platform' ? opts.inputs.logFile : null, opts.inputs.workspace);
  const runs: LiveRun[] = [];
  const aside: string[] = [];
  const unstarted = new Set<string>();
  let nextLook = 0;
  const parents = new ParentWatch();
  log.info(
    opts.inputs.runDir
      ? `Waiting for ${path.join(opts.inputs.runDir, 'args.yaml')} …`
      : `Waiting for trainings to write runs/…/args.yaml under ${opts.inputs.workspace} …`,
  );
  try {
    for (;;) {
      const now = Date.now();
      // The log, ended runs, then new runs: a new run claims the banner its trainer printed just
      // before its args.yaml, and a finished run's share of the log ends where the new one's begins.
      router.read();
      await Promise.all(runs.map((r) => r.checkFinished(now)));
      if (parents.changed(now, EAGER_MS) || now >= nextLook || runs.length === 0 || stop.aborted) {
        const dirs = await runsToFollow(opts.inputs, opts.startedAt - CLOCK_SLACK_MS);
        nextLook = now + Math.max(LOOK_MS, (Date.now() - now) / DISCOVER_SHARE);
        for (const dir of dirs) {
          if (runs.some((r) => r.runDir === dir) || aside.includes(dir)) continue;
          // A run that cannot be started yet (its args.yaml caught mid-write, a file refused) does
          // not end the others: it is tried again at the next look, and the final sync sends it.
          const run = await LiveRun.start(dir, runs.length, { opts, pacer, router }).catch((err: unknown) => {
            if (!unstarted.has(dir)) log.warning(`${dir} is not followed live yet (${log.redact((err as Error).message)}); it is tried again, and the final sync sends it in any case.`);
            unstarted.add(dir);
            return undefined;
          });
          if (run === undefined) continue;
          unstarted.delete(dir);
          if (run) runs.push(run);
          else aside.push(dir);
          parents.add(path.dirname(dir));
          opts.onRuns?.(runDirsOf({ runs, unstarted: [...unstarted] }), aside);
        }
      }
      for (const r of runs) r.kick(now);
      // One more look after the stop: a short training may have ended already.
      if (stop.aborted) break;
      await sleep(tick, stop);
    }
    if (runs.length === 0 && unstarted.size === 0) log.info('Stopped before a training wrote its args.yaml: nothing to follow.');
    else if (runs.length === 0) log.info(`Stopped before ${[...unstarted].join(', ')} could be followed live: the final sync sends ${unstarted.size === 1 ? 'it' : 'them'}.`);
    await Promise.all(runs.map((r) => r.idle()));
    router.read();
    router.flush();
    await Promise.all(runs.map((r) => r.flush()));
    return { runs: runs.map((r) => r.result()), unstarted: [...unstarted], aside };
  } finally {
    for (const r of runs) r.close();
  }
}

/**
 * The folders that hold the runs followed so far: a new training of a sequence or a tune creates its
 * run directory beside the last one, which changes the folder's mtime. A stat a tick each.
 */
class ParentWatch {
  private readonly mtimes = new Map<string, number>();
  private eagerUntil = 0;

  add(dir: string): void {
    if (!this.mtimes.has(dir)) this.mtimes.set(dir, signatureOf(dir, { dirs: true })?.mtimeMs ?? 0);
  }

  /** True while a folder changed within the last `eagerMs` (its new run may not have its args.yaml yet). */
  changed(now: number, eagerMs: number): boolean {
    for (const [dir, before] of this.mtimes) {
      const m = signatureOf(dir, { dirs: true })?.mtimeMs ?? 0;
      if (m !== before) {
        this.mtimes.set(dir, m);
        this.eagerUntil = now + eagerMs;
      }
    }
    return now < this.eagerUntil;
  }
}

interface Shared {
  opts: LiveOptions;
  pacer: Pacer;
  router: ConsoleRouter;
}

/** One run followed live: its own session, state file, registration and ticks. */
class LiveRun {
  cancelled = false;
  finished = false;
  /** The run directory was deleted: nothing more to follow (its run was reported failed). */
  gone = false;
  /** Its live sync ended early (a rejected key, a refused model, a lost registration answer). */
  private stopped = false;
  /** results.csv was written again by a new training: register it before sending more. */
  private reregister = false;
  private registered = false;
  private nextRegisterAt = 0;
  private busy: Promise<void> | null = null;
  private readonly csv: ChangeWatch;
  private readonly checkpoint: ChangeWatch;
  private readonly last: ChangeWatch;
  private readonly system: SystemSampler | null;
  private route: RouteHandle | null = null;
  private pending: string[] = [];
  private pendingSince = 0;
  private lastMetricsAt = 0;
  private lastCheckpointAt: number;
  private checkpointDirty = false;
  /** The version of last.pt last read for the strip (a checkpoint is read once per change). */
  private checkedLast: unknown = null;

  private constructor(
    private readonly ctx: SessionContext,
    private readonly shared: Shared,
    readonly runDir: string,
    private readonly lock: Lock,
  ) {
    this.csv = new ChangeWatch(ctx.inputs.metrics ?? path.join(runDir, 'results.csv'));
    this.checkpoint = new ChangeWatch(path.join(runDir, 'weights', ctx.backend.liveCheckpoint));
    this.last = new ChangeWatch(path.join(runDir, 'weights', 'last.pt'));
    this.system = ctx.backend.name === 'platform' ? new SystemSampler() : null;
    // As the reference session: the first periodic checkpoint one interval after the start.
    this.lastCheckpointAt = shared.opts.startedAt;
  }

  /** Starts following `runDir`; null when another watcher follows it already (two watch steps on one run). */
  static async start(runDir: string, index: number, shared: Shared): Promise<LiveRun | null> {
    const { log, env } = shared.opts;
    const inputs = inputsForRun(shared.opts.inputs, runDir, index, { log });
    const lock = acquireLock(`${stateLocation(runDir, inputs.stateFile, env).file}.lock`);
    if ('heldBy' in lock) {
      log.warning(`Another watcher (pid ${lock.heldBy}) already follows ${runDir}: this one stands aside and sends nothing for it.`);
      return null;
    }
    const ctx = await loadRun(inputs, log, { live: true })
      .then((plan) => createSession(inputs, plan, log, env, { live: true, pacer: shared.pacer }))
      .catch((err: unknown) => {
        lock.release();
        throw err;
      });
    log.info(`Following ${runDir}`);
    const run = new LiveRun(ctx, shared, runDir, lock);
    const saved = ctx.state.saved;
    run.route = await shared.router.add(
      { from: saved.consoleFrom, to: saved.consoleTo, sent: saved.consoleLines ?? 0 },
      signatureOf(path.join(runDir, 'args.yaml'))?.mtimeMs ?? Date.now(),
      (lines) => run.receive(lines),
      (to) =>
        void ctx.state.update((s) => void (s.consoleTo = to)).catch((err: unknown) => log.warning(`${runDir}: ${(err as Error).message}`)),
    );
    const { from } = run.route.window;
    if (saved.consoleFrom !== from) await ctx.state.update((s) => void (s.consoleFrom = from));
    return run;
  }

  /** Starts a tick unless one is still running (a long upload): the next kick tries again. */
  kick(now: number): void {
    if (this.busy || this.stopped || this.cancelled || this.gone) return;
    this.busy = this.tick(now, false)
      .catch((err: unknown) => this.stop(err))
      .finally(() => {
        this.busy = null;
      });
  }

  async idle(): Promise<void> {
    await this.busy;
  }

  /** The training ended: send everything pending. */
  async flush(): Promise<void> {
    if (this.stopped || this.cancelled || this.gone) return;
    await this.tick(Date.now(), true).catch((err: unknown) => this.stop(err));
  }

  close(): void {
    this.route?.remove();
    this.ctx.backend.close();
    this.lock.release();
  }

  result(): LiveRunResult {
    return { runDir: this.runDir, epochsOnServer: this.ctx.state.saved.epochs.length, cancelled: this.cancelled };
  }

  private receive(lines: string[]): void {
    if (!this.ctx.inputs.logFile) return;
    const now = new Date();
    if (lines.length > 0 && this.pending.length === 0) this.pendingSince = now.getTime();
    // Stamped as the real client stamps them, with the time they were read.
    this.pending.push(...lines.map((line) => stampLine(line, now)));
  }

  private stop(err: unknown): void {
    this.stopped = true;
    const message = this.shared.opts.log.redact((err as Error).message);
    this.shared.opts.log.error(`The live sync of ${this.runDir} stopped: ${message}. The final sync still sends what is missing.`);
  }

  /** One look at the run's files; `last`: the training ended, send everything pending. A deleted run directory ends the following. */
  private async tick(now: number, last: boolean): Promise<void> {
    try {
      if (fs.existsSync(this.runDir)) return await this.look(now, last);
    } catch (err) {
      if (fs.existsSync(this.runDir)) throw err;
    }
    this.gone = true;
    this.route?.remove();
    await reportRunDirGone(this.ctx);
  }

  private async look(now: number, last: boolean): Promise<void> {
    if (!this.registered && !(await this.register(now, last))) return;
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

  /** Registers the run; while the server cannot be reached, tries again every few seconds. */
  private async register(now: number, last: boolean): Promise<boolean> {
    if (!last && now < this.nextRegisterAt) return false;
    try {
      const reg = await openRun(this.ctx);
      this.registered = true;
      this.cancelled = reg.cancelled || this.ctx.state.saved.cancelled === true;
      return !this.cancelled;
    } catch (err) {
      if (!recoverable(err)) throw err;
      this.shared.opts.log.warning(`${(err as Error).message}; trying again in ${REGISTER_RETRY_MS / 1000} s.`);
      this.nextRegisterAt = now + REGISTER_RETRY_MS;
      return false;
    }
  }

  private async reload(): Promise<void> {
    const plan = await refreshLive(this.ctx.plan, this.ctx.inputs);
    this.ctx.plan = plan;
    this.ctx.backend.usePlan(plan);
    if (await startOverIfRewritten(this.ctx)) {
      // A new training: a new run, with its own share of the log from here on.
      this.reregister = true;
      this.finished = false;
      this.pending = [];
      const from = this.route?.restart();
      if (from !== undefined) await this.ctx.state.update((s) => void (s.consoleFrom = from));
    }
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
      this.shared.opts.log.warning(`The server cancelled ${this.runDir}: the live sync stops sending it.`);
    }
  }

  private async consoleLines(now: number, last: boolean): Promise<void> {
    if (this.pending.length === 0) return;
    if (!last && this.pending.length < CONSOLE_LINES && now - this.pendingSince < CONSOLE_MS) return;
    const batch = this.pending;
    this.pending = [];
    const sent = await this.guard('console output', () => sendConsoleLines(this.ctx, batch));
    if (sent === undefined) this.pending = [...batch, ...this.pending];
  }

  /** The live checkpoint (Platform best.pt, HUB last.pt) when it changed, at most once per interval. */
  private async periodicCheckpoint(now: number): Promise<void> {
    if (this.checkpoint.changed(now)) this.checkpointDirty = true;
    if (!this.checkpointDirty || now - this.lastCheckpointAt < this.shared.opts.checkpointIntervalMs) return;
    if (!this.checkpoint.stillFor(CHECKPOINT_SETTLE_MS, now)) return;
    const sig = this.checkpoint.current; // just looked at by stillFor
    if (!sig) return;
    // The final sync's rule for weights, live too: a checkpoint that leads out of the workspace
    // through a symlink is not sent (once per change of it, with a warning; the training goes on).
    const inputs = this.ctx.inputs;
    const real = weightLeavesWorkspace(this.checkpoint.file, inputs.workspace, inputs.weights ?? [this.checkpoint.file]);
    if (real !== null) {
      this.checkpointDirty = false;
      this.shared.opts.log.warning(
        `Live checkpoint ${this.checkpoint.file} leads outside the workspace (to ${real}) through a symbolic link, so it is not uploaded; the training goes on. ` +
          'Let the training write its weights inside the workspace (a real file, not a link), or name them with an absolute `weights:` path if you mean that file.',
      );
      return;
    }
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

  /**
   * A finished training strips last.pt (epoch -1) before best.pt. Once seen, the run's share of the
   * log ends where the next run starts, and its final sync reports it complete.
   */
  async checkFinished(now: number): Promise<void> {
    if (this.finished) return;
    this.last.changed(now);
    const sig = this.last.current;
    if (!sig || sig === this.checkedLast) return;
    const meta = await readCheckpointMeta(this.last.file);
    // A checkpoint caught mid-write does not parse: it is read again on the next tick.
    if (meta) this.checkedLast = sig;
    if (meta?.epoch !== -1) return;
    this.finished = true;
    this.route?.finished(sig.mtimeMs);
    this.shared.opts.log.info(`${this.runDir}: the training finished (weights/last.pt stripped).`);
  }

  /** Runs one send; a failure that a later try can mend is logged and left for the next tick. */
  private async guard<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (err) {
      if (!recoverable(err)) throw err;
      this.shared.opts.log.warning(`Live ${what} of ${path.basename(this.runDir)} not sent yet (${(err as Error).message}); kept for the next try.`);
      return undefined;
    }
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
