/**
 * The one error type the transport throws for a request that did not succeed, and the helpers
 * that make its message readable: the server's reply quoted and cut, socket codes in words.
 */
import { STATUS_CODES } from 'node:http';

/** Codes of the failures the transport detects itself (no socket or server error behind them). */
export const OwnCodes = {
  /** The per-attempt deadline passed before the last byte of the answer. */
  deadline: 'UL_DEADLINE',
  /** An upload moved no byte for `stallMs`. */
  stall: 'UL_STALL',
  /** The file changed on disk while it was sent. */
  torn: 'UL_TORN',
  /** A 2xx answer whose body is not JSON (a proxy's HTML page). */
  notJson: 'UL_NOT_JSON',
  /** The rate-limit window stays closed for longer than the retry budget. */
  rateLimit: 'UL_RATE_LIMIT',
} as const;

export interface HttpErrorFields {
  /** Request context, e.g. `epoch_end 12`. */
  what: string;
  /** What went wrong, without the context: `HTTP 503 Service Unavailable: "busy"`. */
  detail: string;
  status?: number;
  code?: string;
  reply?: string;
  permanent: boolean;
  ambiguous: boolean;
  /** Tries made, the first included. */
  attempts?: number;
}

export class HttpError extends Error {
  readonly what: string;
  readonly detail: string;
  readonly status?: number;
  /** Socket error code (`ECONNRESET`) or one of {@link OwnCodes}. */
  readonly code?: string;
  /** Retrying cannot help (a 4xx answer, a refused redirect, an unreadable file). */
  readonly permanent: boolean;
  /** The server may have acted on the request although it failed (a non-idempotent POST). */
  readonly ambiguous: boolean;
  /** The server's reply, quoted and cut. */
  readonly reply?: string;
  readonly attempts: number;

  constructor(f: HttpErrorFields) {
    super(`${f.what}: ${f.detail}`);
    this.name = 'HttpError';
    this.what = f.what;
    this.detail = f.detail;
    this.status = f.status;
    this.code = f.code;
    this.reply = f.reply;
    this.permanent = f.permanent;
    this.ambiguous = f.ambiguous;
    this.attempts = f.attempts ?? 1;
  }
}

/** `HTTP 503 Service Unavailable: "reply"` (the reply part only when there is one). */
export function statusDetail(status: number, reply: string): string {
  const text = STATUS_CODES[status] ?? 'Unknown Status';
  return `HTTP ${status} ${text}${reply ? `: "${reply}"` : ''}`;
}

const SOCKET_WORDS: Record<string, string> = {
  ECONNRESET: 'connection reset',
  ECONNREFUSED: 'connection refused',
  ECONNABORTED: 'connection aborted',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host not found (check the URL)',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** A socket error in words: `connection reset (ECONNRESET)`. Query strings are cut from Node's text. */
export function socketDetail(code: string | undefined, message: string): string {
  if (code && SOCKET_WORDS[code]) return `${SOCKET_WORDS[code]} (${code})`;
  if (code?.startsWith('UND_ERR_')) return `connection error (${code})`;
  const text = message.replace(/\?\S*/g, '?…');
  return code && !text.includes(code) ? `${text} (${code})` : text;
}

const REPLY_FIELDS = ['error', 'message', 'detail'] as const;

/** The most telling text of a reply: a JSON `error`/`message`/`detail` field when there is one. */
function replyText(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const key of REPLY_FIELDS) {
        const v = (parsed as Record<string, unknown>)[key];
        if (typeof v === 'string' && v.trim()) return v;
        if (v && typeof v === 'object') return JSON.stringify(v);
      }
    }
  } catch {
    // Not JSON: quote the text itself.
  }
  return text;
}

/**
 * A server reply fit for one log line: the JSON error field when there is one, control characters
 * dropped, whitespace collapsed, secrets redacted, and only then cut to `max` characters with `…`
 * (a cut before the redaction would leave most of a key that the reply echoes; `redact` also takes
 * a piece of a secret the cut leaves at the end).
 */
export function quoteReply(body: string | Buffer, max = 300, redact: (text: string) => string = (t) => t): string {
  const raw = typeof body === 'string' ? body : body.toString('utf8');
  const clean = redact(replyText(raw).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim());
  return clean.length > max ? redact(`${clean.slice(0, Math.max(0, max - 1))}…`) : clean;
}

/** `0.2 s`, `2.5 s`, `41 s`: seconds for messages. */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return s >= 10 ? `${Math.round(s)} s` : `${Math.round(s * 10) / 10} s`;
}
