/**
 * What the session core asks of a wire protocol. Two implementations: `platform` (Ultralytics
 * Platform, the default) and `hub` (legacy HUB, byte-for-byte as hub-sdk). The session decides
 * what to send and keeps the state; a backend only knows how to say it on the wire.
 */
import type { BackendName } from '../inputs/identifier.js';
import type { RunStatus } from '../inputs/inputs.js';
import type { RunPlan } from '../rundir/load-run.js';
import type { EpochRow, WeightFile } from '../rundir/types.js';
import type { SavedState, SavedUpload } from '../session/state-file.js';

export interface Registration {
  modelId: string;
  modelUrl: string;
  /** Platform only: the run this sync belongs to. */
  runId?: string;
  /** true when this call created or registered the model (not loaded, not continued). */
  created: boolean;
  /** The server asked to stop (Platform `cancelled: true`). */
  cancelled: boolean;
}

export interface Sent {
  sha256: string;
  bytes: number;
  ms: number;
}

/** What a live sync adds to the epochs it sends: the training machine's load (Platform `system`). */
export interface LiveContext {
  system?: Record<string, unknown>;
}

/** The epoch a live checkpoint belongs to, and whether best.pt changed at that epoch (HUB `isBest`). */
export interface UploadContext {
  epoch: number;
  isBest: boolean;
}

export interface Finish {
  status: RunStatus;
  /** The final model as it arrived, when it did. */
  finalModel?: Sent & { serverPath?: string };
}

export interface Backend {
  readonly name: BackendName;
  /** What this sync writes to (Platform project/name, a HUB model id or the model to create): the state file's scope. */
  readonly target: string;
  /** Whether last.pt goes up as an epoch checkpoint before the final model (HUB), or only the final model (Platform). */
  readonly sendsCheckpoints: boolean;
  /** Whether the protocol has a console log (Platform). */
  readonly sendsConsole: boolean;
  /** The file a live sync uploads as its periodic checkpoint: best.pt (Platform) or last.pt (HUB). */
  readonly liveCheckpoint: 'best.pt' | 'last.pt';
  /** Takes a newer reading of the run directory (a live sync re-reads it as the trainer writes). */
  usePlan(plan: RunPlan): void;
  /** Verifies the key before anything else is sent; a rejected key throws at once. Absent when the protocol has no key check. */
  checkKey?(): Promise<void>;
  /** dry-run: checks what can be checked without changing anything on the server. */
  inspect(): Promise<string>;
  /**
   * Loads or creates the model (HUB), or registers or continues the run (Platform). `saved` is what
   * an earlier attempt of this job recorded; `onRegistering` is called right before a request that
   * creates something, so the session can record the attempt first. `remember` saves something the
   * protocol must carry across processes (HUB's agentId); the backend calls it only from within one
   * of its own awaited calls, never beside another state write.
   */
  open(saved: SavedState, onRegistering: () => Promise<void>, remember?: (change: (s: SavedState) => void) => Promise<void>): Promise<Registration>;
  /** Sends the epochs, calling `acked` after each confirmed request. Returns true when the server cancelled. */
  sendEpochs(rows: EpochRow[], live: LiveContext | undefined, acked: (epochs: number[]) => Promise<void>): Promise<{ cancelled: boolean }>;
  /** Sends console output: `chunks[i]` is chunk `firstChunk + i`. */
  sendConsole(chunks: string[][], firstChunk: number, acked: (chunkId: number) => Promise<void>): Promise<void>;
  /**
   * Uploads one weights file in its role. `stored` is called once the bytes arrived and before the
   * server is told about them, so a re-run never sends the bytes again for a lost confirmation.
   */
  upload(
    file: WeightFile,
    stored: (sent: Sent & { serverPath?: string }) => Promise<void>,
    at?: UploadContext,
  ): Promise<Sent & { serverPath?: string }>;
  /** Tells the server about a file whose bytes arrived in an earlier attempt (Platform checkpoint_saved). */
  confirmUpload?(file: WeightFile, saved: SavedUpload): Promise<void>;
  /** Reports the run as complete or failed. */
  finish(finish: Finish): Promise<void>;
  /** Stops background work (heartbeats) and closes the transport (connections, hashing thread). Safe to call twice. */
  close(): void;
}
