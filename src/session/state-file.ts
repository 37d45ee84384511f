/**
 * What already arrived, kept in the run directory (`.ultralytics-sync.json`), so that a re-run of a
 * failed job sends only what is missing: it continues the same model or run, skips acknowledged
 * epochs and log chunks, and does not re-send a file whose sha256 already arrived.
 *
 * Where it lives is decided in one place, `stateLocation`: the `state-file` input, else the run
 * directory, else (a run directory that cannot be written: a read-only mount, a root-owned
 * directory) the user's state directory, keyed by the run directory's real path.
 *
 * It holds no secret: ids, epoch numbers, sizes and digests only. Writes are atomic (temp + rename);
 * a write that fails leaves no temp file behind.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunStatus } from '../inputs/inputs.js';
import { UnsafeFileError, readRegularSync } from '../rundir/safe-read.js';
import type { WeightRole } from '../rundir/types.js';

export const STATE_FILE_NAME = '.ultralytics-sync.json';

/** The largest state file read: ids, epoch numbers and digests fit in a few kilobytes. */
const MAX_STATE_BYTES = 4 * 2 ** 20;

export interface SavedUpload {
  role: WeightRole;
  name: string;
  bytes: number;
  sha256: string;
  /** Where the server keeps it (Platform gcsPath), for reporting it complete on a re-run. */
  serverPath?: string;
  /** false: the bytes arrived but the server's record of them (Platform checkpoint_saved) did not yet. */
  confirmed?: boolean;
}

export interface SavedState {
  version: 1;
  /** backend, server and target: a state saved for another target is not reused. */
  scope: string;
  modelId?: string;
  runId?: string;
  modelUrl?: string;
  /** Set before a request that registers something; cleared when its answer arrives. */
  registering?: { at: string };
  epochs: number[];
  /** The last console chunk id acknowledged. */
  consoleChunks: number;
  /** Log lines acknowledged, across all chunks (absent in state files written before live sync). */
  consoleLines?: number;
  /**
   * This run's lines of a log that several runs wrote (watch mode): line numbers [from, to) of the
   * log file. Absent: the whole log is this run's.
   */
  consoleFrom?: number;
  consoleTo?: number;
  uploads: SavedUpload[];
  /** The server answered `cancelled: true` (Platform): nothing more is sent. */
  cancelled?: boolean;
  finished?: RunStatus;
  /** HUB: the agentId of the last heartbeat answer, sent back by the next heartbeat (also the post step's). */
  agentId?: string;
  /** A digest of each acknowledged epoch's row (rewrite.ts): a changed row, but for the last acknowledged one (a resume writes it again), is a new training. */
  rowPrints?: Record<string, string>;
  /** The size of results.csv when epochs were last acknowledged: a smaller file is a new training. */
  csvBytes?: number;
}

/** Where the state of one run directory lives, and why there. */
export interface StateLocation {
  file: string;
  /** The run directory cannot be written: the file is in the user's state directory instead. */
  fallback: boolean;
  /** Why the run directory cannot be written (fallback only), e.g. `EROFS`; absent when an earlier sync kept the state there. */
  why?: string;
}

/**
 * The one decision of where the state of `runDir` lives: `explicit` (the `state-file` input) when
 * given; else `<runDir>/.ultralytics-sync.json` when the directory can be written; else
 * `$XDG_STATE_HOME` (or `~/.local/state`)`/ultralytics-sync/<name>-<hash of the real path>.json`.
 * A writable run directory without a state file whose fallback holds one (written while it was
 * read-only) keeps using the fallback, so a re-run finds what arrived.
 */
export function stateLocation(runDir: string, explicit: string | null, env: NodeJS.ProcessEnv): StateLocation {
  if (explicit) return { file: path.resolve(explicit), fallback: false };
  const inRun = path.join(runDir, STATE_FILE_NAME);
  const fallback = fallbackFile(runDir, env);
  const why = unwritable(runDir);
  if (why) return { file: fallback, fallback: true, why };
  if (!fs.existsSync(inRun) && fs.existsSync(fallback)) return { file: fallback, fallback: true };
  return { file: inRun, fallback: false };
}

function fallbackFile(runDir: string, env: NodeJS.ProcessEnv): string {
  let real: string;
  try {
    real = fs.realpathSync(runDir);
  } catch {
    real = path.resolve(runDir);
  }
  const home = env.HOME || os.homedir();
  const base = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.join(home, '.local', 'state');
  const key = createHash('sha256').update(real).digest('hex').slice(0, 16);
  const name = path.basename(real).replace(/[^A-Za-z0-9._-]/g, '_') || 'run';
  return path.join(base, 'ultralytics-sync', `${name}-${key}.json`);
}

/** Why a file cannot be created in `dir` (an errno code), or undefined when it can. */
function unwritable(dir: string): string | undefined {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : (code ?? (err as Error).message);
  }
}

/** The state could not be written: the message says where, why, and how to continue. */
export class StateSaveError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StateSaveError';
  }
}

/** The state file is no file the sync can read (a FIFO, a device, far too big): the message names it and says to delete it. */
export class StateLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StateLoadError';
  }
}

export class StateFile {
  private constructor(
    readonly file: string,
    private state: SavedState,
    private readonly writable: boolean,
    /** Make the file's directory when missing (the user's state directory; never a deleted run directory). */
    private readonly createDir: boolean,
  ) {}

  /**
   * Reads the state for `scope` from `file`; a missing file, another scope or a damaged file start
   * empty. What is no state file at all (a FIFO, a device, a directory, more than a few MiB) is a
   * StateLoadError that names it and says to delete it: it is opened without blocking and read no
   * further than the cap (safe-read.ts), so it can neither hang the process nor fill its memory.
   */
  static load(file: string, scope: string, opts: { writable: boolean; createDir?: boolean; warn: (m: string) => void }): StateFile {
    const empty: SavedState = { version: 1, scope, epochs: [], consoleChunks: 0, uploads: [] };
    let state = empty;
    let text: string;
    try {
      text = readRegularSync(file, {
        what: 'The sync state file',
        confine: null,
        maxBytes: MAX_STATE_BYTES,
        fix: `delete it (\`rm ${file}\`) and re-run: a new state file is written in its place`,
      }).toString('utf8');
    } catch (err) {
      if (err instanceof UnsafeFileError) throw new StateLoadError(err.message, { cause: err });
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        opts.warn(`${file} could not be read (${(err as Error).message}); starting afresh.`);
      }
      return new StateFile(file, state, opts.writable, opts.createDir === true);
    }
    try {
      const parsed = JSON.parse(text) as SavedState;
      if (parsed?.version === 1 && parsed.scope === scope && Array.isArray(parsed.epochs)) {
        state = { ...empty, ...parsed };
      } else if (parsed?.scope && parsed.scope !== scope) {
        opts.warn(`${file} belongs to another target (${parsed.scope}); starting afresh for ${scope}.`);
      }
    } catch (err) {
      opts.warn(`${file} could not be read (${(err as Error).message}); starting afresh.`);
    }
    return new StateFile(file, state, opts.writable, opts.createDir === true);
  }

  get saved(): Readonly<SavedState> {
    return this.state;
  }

  /**
   * Applies a change and persists it before returning; throws StateSaveError when it cannot be
   * written. Writes are serialised: a live run's steps and the console router may both change the
   * state at once, and two writes through the one temp file would race (the second rename finds no
   * file). Each write saves the state as it is then, so the last one holds every change.
   */
  async update(change: (s: SavedState) => void): Promise<void> {
    change(this.state);
    if (!this.writable) return;
    const write = this.writing.then(() => this.persist());
    this.writing = write.catch(() => undefined);
    await write;
  }

  private writing: Promise<void> = Promise.resolve();

  private async persist(): Promise<void> {
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      if (this.createDir) await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      await fs.promises.writeFile(tmp, JSON.stringify(this.state, null, 1) + '\n');
      await fs.promises.rename(tmp, this.file);
    } catch (err) {
      await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
      throw this.saveError(err);
    }
  }

  /** Forgets everything but the target (a new training in the same directory) and persists that. */
  async reset(): Promise<void> {
    const scope = this.state.scope;
    await this.update((s) => {
      for (const k of Object.keys(s)) delete (s as unknown as Record<string, unknown>)[k];
      Object.assign(s, { version: 1, scope, epochs: [], consoleChunks: 0, uploads: [] } satisfies SavedState);
    });
  }

  /** For signal handlers: persists synchronously. */
  flushSync(): void {
    if (!this.writable) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      if (this.createDir) fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(this.state, null, 1) + '\n');
      fs.renameSync(tmp, this.file);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw this.saveError(err);
    }
  }

  /**
   * Removes the file on disk (nothing is left to claim a registration whose answer was lost), for
   * when it cannot be brought up to date. True when it is gone.
   */
  discard(): boolean {
    try {
      fs.rmSync(this.file, { force: true });
      return true;
    } catch {
      return false;
    }
  }

  private saveError(err: unknown): StateSaveError {
    const why = (err as NodeJS.ErrnoException).code === 'ENOSPC' ? 'the disk is full' : (err as Error).message;
    const { modelId } = this.state;
    const next = modelId
      ? ` The run is model ${modelId}: free space and re-run with \`model: ${modelId}\` to continue it (a re-run without it cannot know what arrived).`
      : ' Free space, or set `state-file` to a writable place, and re-run.';
    return new StateSaveError(`Cannot save the sync state in ${this.file} (${why}).${next}`, { cause: err });
  }
}
