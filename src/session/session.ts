/**
 * The session core: one sync of one run, the same for both backends (a port of Ultralytics'
 * HUBTrainingSession, made safe to re-run).
 *
 *   check the key → open the model or run → epochs → console log → weights → complete or failed
 *
 * Every acknowledged step is recorded in the state file at once. A step that still fails after its
 * retries does not end the sync: the rest is still tried, the sync ends `partial`, and a re-run of
 * the job sends only what is missing. A rejected key or a refused model ends it at once.
 */
import type { Backend, LiveContext, Registration, Sent, UploadContext } from '../backend/backend.js';
import type { ActionInputs } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import type { RunPlan } from '../rundir/load-run.js';
import { RunDirError } from '../rundir/errors.js';
import { assertReadable, cannotRead } from '../rundir/readable.js';
import type { EpochRow, WeightFile, WeightRole } from '../rundir/types.js';
import { sha256File } from '../rundir/weights.js';
import { HttpError } from '../transport/errors.js';
import { checkLogFile, chunkLines, readLogLines, stampLine } from './console-log.js';
import { csvSize, rowPrint, startOverIfRewritten } from './rewrite.js';
import { type SavedUpload, type StateFile, StateSaveError } from './state-file.js';

export type SyncStatus = 'synced' | 'partial' | 'cancelled' | 'dry-run';

export interface FileResult {
  path: string;
  name: string;
  role: WeightRole;
  bytes: number;
  sha256: string;
  /** Upload time; 0 when skipped. */
  ms: number;
  outcome: 'uploaded' | 'already-there' | 'failed' | 'planned';
}

export interface SyncResult {
  status: SyncStatus;
  modelId: string;
  modelUrl: string;
  /** Epochs whose metrics are on the server (this run's and earlier attempts'). */
  epochsOnServer: number;
  /** Epochs sent by this run. */
  epochsSent: number;
  files: FileResult[];
  /** What was given up, each with the reason. */
  problems: string[];
}

export interface SessionContext {
  inputs: ActionInputs;
  plan: RunPlan;
  backend: Backend;
  state: StateFile;
  log: Log;
}

/** A failure that ends only the current step: a later re-run can still send it. */
function isRecoverable(err: unknown): boolean {
  return err instanceof HttpError && !err.permanent;
}

export async function syncRun(ctx: SessionContext): Promise<SyncResult> {
  const { backend, log, inputs } = ctx;
  // Platform has no key check of its own: its first event (training_started) proves the key.
  if (backend.checkKey) await log.group(`Check the ${backend.name} key`, () => (backend.checkKey as () => Promise<void>)());
  await checkReadable(ctx);
  if (inputs.dryRun) return dryRun(ctx);

  const problems: string[] = [];
  await startOverIfRewritten(ctx);
  const reg = await openRun(ctx);

  try {
    let cancelled = reg.cancelled || ctx.state.saved.cancelled === true;
    const epochsBefore = ctx.state.saved.epochs.length;
    if (!cancelled) cancelled = await step('Metrics', ctx, problems, () => sendNewEpochs(ctx));
    // Console output is not worth the run: what the server refuses for good is given up (`lost`),
    // and does not hold back the weights or the completion.
    const lost: string[] = [];
    if (!cancelled && inputs.logFile) await step('Console log', ctx, problems, () => sendConsole(ctx, lost), lost);
    const files = cancelled ? [] : await sendWeights(ctx, problems);
    if (cancelled) log.warning('The server cancelled this run: nothing more is sent.');
    else if (problems.length === 0 && ctx.state.saved.finished !== inputs.status) {
      await step('Report the run', ctx, problems, () => finish(ctx, files));
    }
    problems.push(...lost);
    return {
      status: cancelled ? 'cancelled' : problems.length ? 'partial' : 'synced',
      modelId: reg.modelId,
      modelUrl: reg.modelUrl,
      epochsOnServer: ctx.state.saved.epochs.length,
      epochsSent: ctx.state.saved.epochs.length - epochsBefore,
      files,
      problems,
    };
  } finally {
    backend.close();
  }
}

/** Every file this sync will send can be read, before anything is sent (a failure at upload would leave the run open). */
async function checkReadable(ctx: SessionContext): Promise<void> {
  for (const f of filesToSend(ctx)) await assertReadable(f.path, `weights file (${f.role})`);
  // The rules of the later read itself (workspace confinement, regular file, size cap), not only "it opens".
  if (ctx.inputs.logFile && ctx.backend.sendsConsole) {
    const file = ctx.inputs.logFile;
    await checkLogFile(file, ctx.inputs.workspace).catch((err: unknown) => {
      throw err instanceof RunDirError ? err : cannotRead(file, '`log-file`', err);
    });
  }
}

/**
 * Loads or creates the model (HUB), or registers or continues the run (Platform), recording the
 * attempt first and the answer at once, so that neither a re-run nor a later step registers twice.
 */
export async function openRun(ctx: SessionContext): Promise<Registration> {
  const { backend, log } = ctx;
  return log.group('Open the model', async () => {
    refuseAnotherModel(ctx);
    refuseAfterLostRegistration(ctx);
    const r = await backend
      .open(
        ctx.state.saved,
        () =>
          ctx.state.update((s) => {
            s.registering = { at: new Date().toISOString() };
          }),
        (change) => ctx.state.update(change),
      )
      .catch(async (err: unknown) => {
        if (err instanceof HttpError && err.ambiguous) {
          throw new Error(
            `${err.message}. The server may have registered the run before the answer was lost; it was not asked again, ` +
              'because that could register a second run. Find the run on the server and re-run with `model: <modelId>`.',
          );
        }
        await ctx.state.update((s) => delete s.registering);
        throw err;
      });
    await ctx.state
      .update((s) => {
        s.modelId = r.modelId;
        s.runId = r.runId;
        s.modelUrl = r.modelUrl;
        delete s.registering;
      })
      .catch((err: unknown) => {
        if (!(err instanceof StateSaveError)) throw err;
        // The file on disk still says "registering": a re-run would refuse, as if the server never answered.
        const gone = ctx.state.discard();
        log.error(`${r.created ? 'Registered' : 'Continuing'} ${r.modelUrl} (model ${r.modelId}), but its progress cannot be saved. To continue this run, re-run with \`model: ${r.modelId}\`.`);
        throw new Error(
          `${err.message}${gone ? '' : ` Delete ${ctx.state.file} before that.`} Nothing more was sent.`,
          { cause: err },
        );
      });
    log.info(`${r.created ? 'Registered' : 'Continuing'} ${r.modelUrl}`);
    return r;
  });
}

/**
 * `model: <id>` names another model than the one the state file's progress belongs to: continuing
 * the saved one would ignore the input, and sending to the given one would skip what "arrived"
 * on the other. Stop, and say how to do either.
 */
function refuseAnotherModel(ctx: SessionContext): void {
  const given = ctx.inputs.model;
  const saved = ctx.state.saved.modelId;
  if (given.kind !== 'id' || !saved || saved === given.id) return;
  throw new Error(
    `\`model\` names model ${given.id}, but ${ctx.state.file} records this run's progress on model ${saved}. Nothing was sent. ` +
      `To continue model ${saved}, drop \`model\` or set it to ${saved}; to send this run to model ${given.id} from the start, ` +
      `delete ${ctx.state.file} or give another \`state-file\`.`,
  );
}

/**
 * A registration whose answer was lost may have created the run: registering again could make a
 * second one. Stop, and say how to continue the first.
 */
function refuseAfterLostRegistration(ctx: SessionContext): void {
  const pending = ctx.state.saved.registering;
  if (!pending || ctx.state.saved.modelId || ctx.inputs.model.kind === 'id') return;
  throw new Error(
    `An earlier attempt (${pending.at}) asked the server to register this run but never got the answer, so the run may exist already. ` +
      'To avoid a duplicate, nothing is registered again. Find the run on the server and pass its id as `model: <modelId>` to continue it, ' +
      `or delete ${ctx.state.file} to register a new run.`,
  );
}

/**
 * Runs one step; a recoverable failure is recorded and the sync goes on. With `lost`, a server's
 * permanent refusal is recorded there and the sync goes on too (a re-run would only be refused again).
 * Returns true on cancel.
 */
async function step(
  name: string,
  ctx: SessionContext,
  problems: string[],
  fn: () => Promise<boolean | void>,
  lost?: string[],
): Promise<boolean> {
  return ctx.log.group(name, async () => {
    try {
      return (await fn()) === true;
    } catch (err) {
      if (lost && err instanceof HttpError && err.permanent) {
        lost.push(`${name}: ${err.message}`);
        ctx.log.error(`${name} not sent: ${err.message}. The server refused it for good; the rest of the run is sent without it.`);
        return false;
      }
      if (!isRecoverable(err)) throw err;
      const msg = (err as Error).message;
      problems.push(msg);
      ctx.log.error(`${msg}. It is kept in ${ctx.state.file}; re-run the job to send what is missing.`);
      return false;
    }
  });
}

/**
 * Sends the epochs of the plan that the state file does not list yet: all of them after the
 * training, or the rows that are new since the last call while it runs (`live`, quietly). Returns
 * true when the server cancelled the run.
 */
export async function sendNewEpochs(ctx: SessionContext, live?: LiveContext): Promise<boolean> {
  const arrived = ctx.state.saved.epochs.length;
  const rows = unsentRows(ctx);
  if (rows.length === 0) {
    if (!live) ctx.log.info(`All ${arrived} epochs are already on the server.`);
    return false;
  }
  if (live) ctx.log.info(`Epoch${rows.length > 1 ? 's' : ''} ${rows.map((r) => r.epoch).join(', ')} → ${ctx.backend.name}`);
  else if (arrived > 0) ctx.log.info(`${arrived} epochs arrived in an earlier attempt; sending the other ${rows.length}.`);
  const { cancelled } = await ctx.backend.sendEpochs(rows, live, (epochs) =>
    ctx.state.update((s) => {
      const all = new Set([...s.epochs, ...epochs]);
      s.epochs = [...all].sort((a, b) => a - b);
      s.rowPrints ??= {};
      for (const r of rows) if (epochs.includes(r.epoch)) s.rowPrints[String(r.epoch)] = rowPrint(r);
      s.csvBytes = csvSize(ctx) ?? s.csvBytes;
    }),
  );
  if (!live) ctx.log.info(`${ctx.state.saved.epochs.length} of ${ctx.plan.metrics.rows.length} epochs are on the server.`);
  return cancelled;
}

/** The plan's epochs that the state file does not list as arrived. */
export function unsentRows(ctx: SessionContext): EpochRow[] {
  const done = new Set(ctx.state.saved.epochs);
  return ctx.plan.metrics.rows.filter((r) => !done.has(r.epoch));
}

/** The whole log file after the training: the lines the state file does not count as sent yet. */
async function sendConsole(ctx: SessionContext, lost: string[]): Promise<void> {
  if (!ctx.backend.sendsConsole) {
    ctx.log.warning('`log-file` is sent to Ultralytics Platform only; HUB has no console log. Ignored.');
    return;
  }
  const { consoleFrom, consoleTo } = ctx.state.saved;
  const all = await readLogLines(ctx.inputs.logFile as string, ctx.inputs.workspace);
  // A log that several runs wrote: this run's window of it, as the live sync routed it.
  const lines = consoleFrom === undefined && consoleTo === undefined ? all : all.slice(consoleFrom ?? 0, consoleTo ?? all.length);
  const sent = sentLineCount(ctx, lines);
  if (sent >= lines.length) {
    ctx.log.info('The console log already arrived.');
    return;
  }
  if (ctx.state.saved.consoleLines === undefined) await ctx.state.update((s) => void (s.consoleLines = sent));
  // After a live sync (it opened the run's window of the log), the lines it had not sent yet were
  // written moments ago: stamped as the live ones are. A log sent after the training has no times.
  const now = new Date();
  const rest = consoleFrom === undefined ? lines.slice(sent) : lines.slice(sent).map((line) => stampLine(line, now));
  const chunks = await sendConsoleLines(ctx, rest, lost);
  ctx.log.info(`Sent ${lines.length - sent} log lines in ${chunks} chunk(s).`);
}

/**
 * Sends `lines`, which follow the lines already sent, in chunks numbered on from the state file's
 * last chunk; each acknowledged chunk is recorded with its line count at once. A chunk the server
 * refuses for good (a 413 body limit, a 400) is given up: its lines are counted as done, the
 * reason goes to `lost` (else to the log), and the chunks after it are still sent.
 */
export async function sendConsoleLines(ctx: SessionContext, lines: string[], lost?: string[]): Promise<number> {
  const chunks = chunkLines(lines);
  let next = 0;
  while (next < chunks.length) {
    const first = ctx.state.saved.consoleChunks + 1;
    const from = next;
    try {
      await ctx.backend.sendConsole(chunks.slice(from), first, async (chunkId) => {
        await ctx.state.update((s) => {
          s.consoleLines = (s.consoleLines ?? 0) + chunks[from + chunkId - first].length;
          s.consoleChunks = chunkId;
        });
        next = from + chunkId - first + 1;
      });
      next = chunks.length;
    } catch (err) {
      if (!refusedForGood(err)) throw err;
      const refused = chunks[next];
      const msg = `${refused.length} console line(s) given up: ${(err as Error).message}`;
      if (lost) lost.push(msg);
      ctx.log.error(`${msg}. The server refuses them for good; the lines after them are still sent.`);
      await ctx.state.update((s) => void (s.consoleLines = (s.consoleLines ?? 0) + refused.length));
      next++;
    }
  }
  return chunks.length;
}

/** A refusal of the request's content itself: sending the same bytes again cannot succeed. */
function refusedForGood(err: unknown): boolean {
  return err instanceof HttpError && err.permanent && (err.status === 400 || err.status === 413 || err.status === 422);
}

/**
 * Lines already sent. A state file from before `consoleLines` counted whole-file chunks only, and
 * cannot tell how many lines its last chunk held: the file's lines are re-chunked and counted as
 * that release would have, so lines appended since then may be taken as sent (as they were then).
 */
function sentLineCount(ctx: SessionContext, lines: string[]): number {
  const { consoleLines, consoleChunks } = ctx.state.saved;
  if (consoleLines !== undefined) return consoleLines;
  return chunkLines(lines)
    .slice(0, consoleChunks)
    .reduce((n, c) => n + c.length, 0);
}

/**
 * The files this sync uploads, in order: the checkpoint before the final model (Platform keeps one
 * weights file per model and must never get last.pt after best.pt, so it takes the final one only),
 * and the final model only for a successful training.
 */
function filesToSend(ctx: SessionContext): WeightFile[] {
  const final = ctx.inputs.status === 'success' ? ctx.plan.final : undefined;
  const checkpoint = ctx.backend.sendsCheckpoints ? ctx.plan.checkpoint : undefined;
  return [checkpoint, final].filter((f): f is WeightFile => f !== undefined);
}

async function sendWeights(ctx: SessionContext, problems: string[]): Promise<FileResult[]> {
  const wanted = filesToSend(ctx);
  const results: FileResult[] = [];
  for (const file of wanted) {
    const result = await ctx.log.group(`Upload ${file.name} (${file.role})`, () => uploadOne(ctx, file, problems));
    results.push(result);
  }
  return results;
}

/**
 * Uploads one file in its role unless the same bytes (by sha256) already arrived for that role; a
 * failure after the retries is added to `problems` and the sync goes on. `at` tells HUB which epoch
 * a live checkpoint belongs to.
 */
export async function uploadOne(ctx: SessionContext, file: WeightFile, problems: string[], at?: UploadContext): Promise<FileResult> {
  const base = { path: file.path, name: file.name, role: file.role, bytes: file.bytes };
  const save = (entry: SavedUpload) =>
    ctx.state.update((s) => {
      s.uploads = s.uploads.filter((u) => u.role !== file.role);
      s.uploads.push(entry);
    });
  try {
    const earlier = ctx.state.saved.uploads.find((u) => u.role === file.role && u.bytes === file.bytes);
    const sha256 = earlier ? await sha256File(file.path) : '';
    if (earlier && sha256 === earlier.sha256) {
      // The bytes arrived earlier; only the server's record of them may still be missing.
      if (earlier.confirmed === false && ctx.backend.confirmUpload) {
        await ctx.backend.confirmUpload(file, earlier);
        await save({ ...earlier, confirmed: true });
      }
      ctx.log.info(`${file.name} (sha256 ${sha256.slice(0, 12)}…) already arrived in an earlier attempt; not sent again.`);
      return { ...base, sha256, ms: 0, outcome: 'already-there' };
    }
    const entry = (sent: Sent & { serverPath?: string }, confirmed: boolean): SavedUpload => ({
      role: file.role,
      name: file.name,
      bytes: sent.bytes,
      sha256: sent.sha256,
      serverPath: sent.serverPath,
      confirmed,
    });
    const sent = await ctx.backend.upload(file, (stored) => save(entry(stored, false)), at);
    await save(entry(sent, true));
    return { ...base, bytes: sent.bytes, sha256: sent.sha256, ms: sent.ms, outcome: 'uploaded' };
  } catch (err) {
    if (!isRecoverable(err)) throw err;
    const msg = `Failed to upload ${file.name} (${file.role}): ${(err as Error).message}`;
    problems.push(msg);
    ctx.log.error(`${msg}. Re-run the job to send it.`);
    return { ...base, sha256: '', ms: 0, outcome: 'failed' };
  }
}

/**
 * The run directory vanished while the training ran (deleted under the watcher): nothing more can
 * be read from it, so the run registered for it is reported failed, once. The state file went with
 * the directory (unless kept elsewhere); it is not written back, so the directory is not made again.
 */
export async function reportRunDirGone(ctx: SessionContext): Promise<void> {
  const { log, state } = ctx;
  const what = state.saved.modelUrl ?? state.saved.modelId;
  log.error(
    `The run directory ${ctx.plan.runDir} was deleted while the training ran: nothing more can be read or sent from it.` +
      (what && !state.saved.finished ? ` Reporting ${what} as failed.` : ''),
  );
  if (!state.saved.modelId || state.saved.finished) return;
  try {
    await ctx.backend.finish({ status: 'failure' });
    log.info('Reported the run as failure.');
  } catch (err) {
    log.error(`Could not report the run as failed: ${(err as Error).message}`);
  }
}

async function finish(ctx: SessionContext, files: FileResult[]): Promise<void> {
  const final = files.find((f) => f.role === 'final' && f.outcome !== 'failed');
  const saved = final ? ctx.state.saved.uploads.find((u) => u.role === 'final') : undefined;
  await ctx.backend.finish({
    status: ctx.inputs.status,
    finalModel: final && saved ? { sha256: saved.sha256, bytes: saved.bytes, ms: final.ms, serverPath: saved.serverPath } : undefined,
  });
  await ctx.state.update((s) => {
    s.finished = ctx.inputs.status;
  });
  ctx.log.info(ctx.inputs.status === 'success' ? 'Reported the run as complete.' : `Reported the run as ${ctx.inputs.status}.`);
}

async function dryRun(ctx: SessionContext): Promise<SyncResult> {
  const { plan, log } = ctx;
  await log.group('Check the target', async () => log.info(await ctx.backend.inspect()));
  const files: FileResult[] = [];
  for (const file of filesToSend(ctx)) {
    files.push({ path: file.path, name: file.name, role: file.role, bytes: file.bytes, sha256: await sha256File(file.path), ms: 0, outcome: 'planned' });
  }
  const toSend = unsentRows(ctx).length;
  log.info(
    `Dry run: would send ${toSend} of ${plan.metrics.rows.length} epochs and ${files.length} file(s): ` +
      (files.map((f) => `${f.name} as ${f.role}`).join(', ') || 'none') +
      '. Nothing was uploaded.',
  );
  return {
    status: 'dry-run',
    modelId: ctx.state.saved.modelId ?? '',
    modelUrl: ctx.state.saved.modelUrl ?? '',
    epochsOnServer: ctx.state.saved.epochs.length,
    epochsSent: 0,
    files,
    problems: [],
  };
}
