/** The contract between backends and the HTTP layer. Backends build requests; transport delivers them. */
import type { Log } from '../log.js';
import type { Pacer } from './pacer.js';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** First backoff; doubles each try, with equal jitter (half fixed, half random). */
  baseMs: number;
  /** Largest single wait (a Retry-After beyond the budget ends the retries). */
  capMs: number;
  /** Wall-clock budget for all tries of one request, waits included. */
  budgetMs: number;
}

export interface TransportOptions {
  log: Log;
  userAgent: string;
  /** Deadline for one attempt of a JSON request (connect to last byte of the answer). */
  timeoutMs: number;
  retry: RetryPolicy;
  /** An upload or download attempt that moves no byte for this long is aborted and retried. */
  stallMs: number;
  /** Injectable for tests; defaults to setTimeout / Date.now. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Injectable for tests: the jitter source, in [0, 1); defaults to Math.random. */
  random?: () => number;
  /**
   * false: hash uploads on the main thread. For a long-lived process whose uploads are small and
   * rare (the live watcher), a hashing thread would only add its memory. Default true.
   */
  hashInWorker?: boolean;
  /** The rate-limit pacer, shared by every transport of a process; default: one of its own. */
  pacer?: Pacer;
}

export type Headers = Record<string, string>;

export interface JsonRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: Headers;
  /** Serialised as Python's json.dumps does (`", "` and `": "` separators); absent → no body. */
  body?: unknown;
  /** POST with no body but `content-length: 0` (HUB's /v1/auth). */
  emptyBody?: boolean;
  /** Context for messages, e.g. `epoch_end 12` or `metrics for epochs 0-149`. */
  what: string;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /**
   * Whether a failure after the request was sent may be retried. False for requests that are not
   * idempotent (registering a run): then only failures the server cannot have acted on are retried.
   */
  idempotent?: boolean;
}

export interface Reply<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  attempts: number;
}

export interface UploadRequest {
  method: 'POST' | 'PUT';
  url: string;
  headers?: Headers;
  what: string;
  /** Absolute path of the file to stream; reopened on every attempt. */
  file: string;
  /**
   * Multipart form: text fields in order, then one file part named `fileField` with `filename`
   * (HUB). Without it the body is the raw file with `contentType` (Platform's signed PUT).
   */
  multipart?: { fields: [string, string][]; fileField: string; filename: string };
  /** Type of a raw body; `application/octet-stream` by default. */
  contentType?: string;
  /** Deadline for one whole attempt; none by default (the stall watchdog still applies). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface UploadReply<T = unknown> extends Reply<T> {
  /** sha256 (hex) of the file bytes actually sent in the successful attempt. */
  sha256: string;
  bytes: number;
  /** Duration of the successful attempt. */
  ms: number;
}

export interface DownloadRequest {
  url: string;
  /**
   * Sent to the request URL's origin only: a redirect to another origin drops them (a signed
   * storage URL carries its own credential and must never see the API key).
   */
  headers?: Headers;
  what: string;
  /** Absolute path of the file to write; the bytes go to `<dest>.part` and are renamed once whole. */
  dest: string;
  /** Deadline for one whole attempt; none by default (the stall watchdog still applies). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface DownloadReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  attempts: number;
  /** The file written (`dest`). */
  path: string;
  /** sha256 (hex) of the whole file, hashed as it was written. */
  sha256: string;
  bytes: number;
  /** Duration from the first try to the last byte. */
  ms: number;
  /** Bytes that a later try did not fetch again because the server continued at an offset (Range). */
  resumedBytes: number;
}
