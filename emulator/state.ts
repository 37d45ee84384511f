/**
 * The emulator's inspectable state: plain objects only, so tests can deep-compare any part of it
 * and `GET /_emulator/state` can serialise it as it is. The object is live: `clearState` empties it
 * in place, so a reference taken before a reset stays valid.
 */
import type { FaultKind } from './faults.js';

export interface RequestRecord {
  method: string;
  /** Path without the query. */
  path: string;
  /** 0 when no answer was written (socket destroyed, client gone). */
  status: number;
  target: string;
  fault?: FaultKind;
}

export interface FaultRecord {
  /** The request's own target (never `*`). */
  target: string;
  kind: FaultKind;
  /** Index of the faulted request in `state.requests`. */
  at: number;
  /** delayMs faults only: whether the client was still there to receive the (acted-on) answer. */
  applied?: boolean;
}

export interface HubModelData {
  status: 'new' | 'training' | 'trained';
  name: string;
  has_last_weights: boolean;
  has_best_weights: boolean;
  is_pretrained: boolean;
  cfg: string;
  data: string;
  weights: string;
  resume: string;
  train_args: Record<string, unknown>;
  batch_size: number;
  epochs: number;
  imgsz: number;
  patience: number;
  device: string;
  cache: string;
}

export interface HubUpload {
  type: 'epoch' | 'final';
  epoch: number;
  isBest?: boolean;
  map?: number;
  /** Field name of the file part. */
  field: string;
  filename: string;
  bytes: number;
  sha256: string;
}

/** One weights download the emulator answered (storage file or release asset). */
export interface HubDownload {
  /** `storage` (the signed URL) or `asset` (a release asset that redirects to it). */
  kind: 'storage' | 'asset';
  file: string;
  /** The Range header asked for, when there was one. */
  range?: string;
  /** The answer's status (206 for a range, 302 for an asset). */
  status: number;
}

export interface HubModel {
  id: string;
  data: HubModelData;
  /** True when made by `POST /v1/models`, false when seeded with `hub.addModel`. */
  created: boolean;
  createBody?: unknown;
  /** Epoch (string key) → the parsed inner JSON of that epoch; a repeat overwrites. */
  metrics: Record<string, Record<string, number | null>>;
  metricsRequests: number;
  uploads: HubUpload[];
  heartbeats: { agent: string; agentId: string | null }[];
  /** The agentId every heartbeat answer returns. */
  agentId: string;
}

export interface PlatformPut {
  bytes: number;
  sha256: string;
  contentType: string;
}

export interface ConsoleChunk {
  chunkId: number;
  content: string;
  lineCount: number;
}

export interface PlatformRun {
  modelId: string;
  runId: string;
  project: string;
  name: string;
  modelSlug: string;
  /** `data` of the latest training_started. */
  started: unknown;
  /** `data` of epoch_end by epoch; a repeat overwrites. */
  epochs: Record<string, unknown>;
  /** epoch_end events accepted, repeats included. */
  epochEvents: number;
  /** By chunkId: a resent chunk replaces the stored one. */
  console: ConsoleChunk[];
  /** W2 answers given for this model. */
  uploadUrls: number;
  puts: PlatformPut[];
  checkpoints: unknown[];
  complete?: unknown;
  failed?: unknown;
  /** Event names in arrival order (accepted events only). */
  events: string[];
  /** True once an answer told the client `cancelled: true`. */
  cancelled: boolean;
}

export interface EmulatorState {
  requests: RequestRecord[];
  protocolErrors: string[];
  faultsFired: FaultRecord[];
  hub: { models: Record<string, HubModel>; authChecks: number; downloads: HubDownload[] };
  platform: { runs: Record<string, PlatformRun>; registrations: number; rateLimited: number };
}

export function createState(): EmulatorState {
  return {
    requests: [],
    protocolErrors: [],
    faultsFired: [],
    hub: { models: {}, authChecks: 0, downloads: [] },
    platform: { runs: {}, registrations: 0, rateLimited: 0 },
  };
}

/** Empties the state in place: references to its arrays and records stay valid. */
export function clearState(state: EmulatorState): void {
  state.requests.length = 0;
  state.protocolErrors.length = 0;
  state.faultsFired.length = 0;
  for (const id of Object.keys(state.hub.models)) delete state.hub.models[id];
  state.hub.authChecks = 0;
  state.hub.downloads.length = 0;
  for (const id of Object.keys(state.platform.runs)) delete state.platform.runs[id];
  state.platform.registrations = 0;
  state.platform.rateLimited = 0;
}
