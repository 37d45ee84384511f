/**
 * What already arrived, kept in the run directory (`.ultralytics-sync.json`), so that a re-run of a
 * failed job sends only what is missing: it continues the same model or run, skips acknowledged
 * epochs and log chunks, and does not re-send a file whose sha256 already arrived.
 *
 * It holds no secret: ids, epoch numbers, sizes and digests only. Writes are atomic (temp + rename).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunStatus } from '../inputs/inputs.js';
import type { WeightRole } from '../rundir/types.js';

export const STATE_FILE_NAME = '.ultralytics-sync.json';

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
}

export class StateFile {
  private constructor(
    readonly file: string,
    private state: SavedState,
    private readonly writable: boolean,
  ) {}

  /** Reads the state for `scope`; a missing file, another scope or a damaged file start empty. */
  static load(runDir: string, scope: string, opts: { writable: boolean; warn: (m: string) => void }): StateFile {
    const file = path.join(runDir, STATE_FILE_NAME);
    const empty: SavedState = { version: 1, scope, epochs: [], consoleChunks: 0, uploads: [] };
    let state = empty;
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as SavedState;
      if (parsed?.version === 1 && parsed.scope === scope && Array.isArray(parsed.epochs)) {
        state = { ...empty, ...parsed };
      } else if (parsed?.scope && parsed.scope !== scope) {
        opts.warn(`${file} belongs to another target (${parsed.scope}); starting afresh for ${scope}.`);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        opts.warn(`${file} could not be read (${(err as Error).message}); starting afresh.`);
      }
    }
    return new StateFile(file, state, opts.writable);
  }

  get saved(): Readonly<SavedState> {
    return this.state;
  }

  /** Applies a change and persists it before returning. */
  async update(change: (s: SavedState) => void): Promise<void> {
    change(this.state);
    if (!this.writable) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, JSON.stringify(this.state, null, 1) + '\n');
    await fs.promises.rename(tmp, this.file);
  }

  /** For signal handlers: persists synchronously. */
  flushSync(): void {
    if (!this.writable) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.state, null, 1) + '\n');
    fs.renameSync(tmp, this.file);
  }
}
