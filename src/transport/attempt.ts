/**
 * One try of a request: what its failure means (before the retry loop decides what to do about
 * it), and the guard that ends it on time: a deadline for the whole try, a watchdog for an
 * upload that stopped moving, or a failure found while sending (the file changed).
 */
import type { Exchange } from './exchange.js';
import { OwnCodes, quoteReply, seconds, socketDetail, statusDetail } from './errors.js';
import { isRetriableSocketError, isRetriableStatus, parseRateLimitReset, parseRetryAfter } from './retry.js';
import { redactUrl } from './url-safety.js';

export interface Failure {
  /** What went wrong, without the request context. */
  detail: string;
  retriable: boolean;
  status?: number;
  code?: string;
  reply?: string;
  /** How long the server asked us to wait before the next try. */
  waitMs?: number;
}

export type Outcome<R> = { ok: R } | { failed: Failure };

/** Retry-After on any answer; X-RateLimit-Reset on a 429 (other answers carry it as information). */
function serverWait(ex: Exchange, now: number): number | undefined {
  const retryAfter = parseRetryAfter(ex.headers['retry-after'], now);
  if (retryAfter !== null) return retryAfter;
  if (ex.status === 429) return parseRateLimitReset(ex.headers['x-ratelimit-reset'], now) ?? undefined;
  return undefined;
}

function redactLocation(location: string, base: URL): string {
  try {
    return redactUrl(new URL(location, base));
  } catch {
    return 'an invalid URL';
  }
}

/** An answer outside 2xx. */
export function statusFailure(ex: Exchange, url: URL, now: number, redact?: (text: string) => string): Failure {
  const reply = quoteReply(ex.body, 300, redact);
  let detail = statusDetail(ex.status, reply);
  const location = ex.headers.location;
  if (ex.status >= 300 && ex.status < 400 && location) {
    detail += ` (a redirect to ${redactLocation(location, url)}, which is not followed: use the final URL)`;
  }
  return { detail, retriable: isRetriableStatus(ex.status), status: ex.status, reply, waitMs: serverWait(ex, now) };
}

/** A 2xx answer that should have been JSON and is not (typically a proxy's HTML page). */
export function notJsonFailure(ex: Exchange, redact?: (text: string) => string): Failure {
  const reply = quoteReply(ex.body, 120, redact);
  return {
    detail: `${statusDetail(ex.status, '')} but the answer is not JSON: "${reply}"`,
    retriable: true,
    status: ex.status,
    code: OwnCodes.notJson,
    reply,
  };
}

/** A thrown socket, DNS or TLS error. */
export function errorFailure(err: unknown): Failure {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return { detail: socketDetail(code, message), retriable: isRetriableSocketError(code), code };
}

export function deadlineFailure(ms: number): Failure {
  return { detail: `no complete answer within ${seconds(ms)}`, retriable: true, code: OwnCodes.deadline };
}

export function stallFailure(ms: number, what: 'upload' | 'download' = 'upload'): Failure {
  return { detail: `the ${what} stalled: no byte moved for ${seconds(ms)}`, retriable: true, code: OwnCodes.stall };
}

export function tornFailure(name: string): Failure {
  return { detail: `${name} changed while it was uploaded (training still writing it?)`, retriable: true, code: OwnCodes.torn };
}

export function readFailure(name: string, err: unknown): Failure {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  return { detail: `cannot read ${name} (${code ?? String(e?.message ?? err)}): check the path and that the file is readable`, retriable: false, code };
}

/** Ends a try through its AbortSignal: the first failure given wins and becomes the try's outcome. */
export class AttemptGuard {
  private readonly controller = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The failure that ended the try, if the guard ended it. */
  get failure(): Failure | undefined {
    return this.signal.aborted ? (this.signal.reason as Failure) : undefined;
  }

  fail(f: Failure): void {
    if (!this.signal.aborted) this.controller.abort(f);
  }

  /** Fails the try with `f` when `ms` have passed. */
  deadline(ms: number, f: Failure): void {
    this.timers.push(setTimeout(() => this.fail(f), ms));
  }

  /** Fails the try with `f` when the returned kick was not called for `ms`. */
  watchdog(ms: number, f: Failure): () => void {
    const timer = setTimeout(() => this.fail(f), ms);
    this.timers.push(timer);
    return () => void timer.refresh();
  }

  /** Stops the timers; `cancel` also aborts a try that is still sending (its outcome is already known). */
  dispose(cancel: boolean): void {
    for (const t of this.timers) clearTimeout(t);
    if (cancel) this.fail({ detail: 'cancelled', retriable: false });
  }
}
