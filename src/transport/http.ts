/**
 * The HTTP layer every backend talks through: JSON requests, streamed file uploads and downloads, each with
 * its retries (exponential backoff with jitter, Retry-After, rate-limit pacing, a time budget),
 * a deadline per try, for uploads a stall watchdog and torn-file detection, for downloads a stall
 * watchdog and a resume where the last try broke off. Built on
 * @actions/http-client, whose own retries are off: they skip POST, PUT and socket errors.
 */
import { stat } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import { basename } from 'node:path';
import { HttpClient } from '@actions/http-client';
import {
  AttemptGuard,
  deadlineFailure,
  errorFailure,
  notJsonFailure,
  readFailure,
  stallFailure,
  statusFailure,
  tornFailure,
  type Failure,
  type Outcome,
} from './attempt.js';
import { HttpError, OwnCodes, seconds, statusDetail } from './errors.js';
import { exchange, type Exchange } from './exchange.js';
import { FileChangedError, fileBody } from './file-body.js';
import { FileSink, SinkError } from './file-sink.js';
import { Hasher } from './hasher.js';
import { multipartFraming, type MultipartFraming } from './multipart.js';
import { Pacer } from './pacer.js';
import { Progress } from './progress.js';
import { pyJsonDumps } from './py-json.js';
import { retryDelayMs, serverCannotHaveActed } from './retry.js';
import type {
  DownloadReply,
  DownloadRequest,
  JsonRequest,
  Reply,
  RetryPolicy,
  TransportOptions,
  UploadReply,
  UploadRequest,
} from './types.js';
import { assertSafeUrl, redactUrl } from './url-safety.js';

/** Answers are read whole; none of ours comes near this. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
/** The client's idle socket timeout, a backstop only: our deadline and stall timers act first. */
const BACKSTOP_IDLE_MS = 30 * 60_000;
const EMPTY = Buffer.alloc(0);
/** Redirects one download try follows (a release asset goes to its storage URL, a short link to its file). */
const MAX_REDIRECTS = 5;
/** Query parameters that make a URL a credential in itself (signed storage URLs, tokens). */
const SIGNED_QUERY = /signature|^sig$|token|credential|^key$|^api_key$|x-amz-|x-goog-/i;

/** Whether `url` carries its own credential in its query: it must be masked, and needs no key. */
export function isSignedUrl(url: URL): boolean {
  return [...url.searchParams.keys()].some((k) => SIGNED_QUERY.test(k));
}

interface RequestContext {
  method: string;
  what: string;
  retry?: Partial<RetryPolicy>;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** The body as JSON; empty is null; undefined when it is not JSON. */
/**
 * The longest string kept from a JSON answer; a longer one is cut with `…`. Ids, slugs and signed
 * URLs are far shorter: a server string is untrusted, and a 5 MB slug must not become a 10 MB summary.
 */
const MAX_SERVER_STRING = 16 * 1024;

const capStrings = (_key: string, value: unknown): unknown =>
  typeof value === 'string' && value.length > MAX_SERVER_STRING ? `${value.slice(0, MAX_SERVER_STRING - 1)}…` : value;

function parseJson(body: Buffer): { value: unknown } | undefined {
  const text = body.toString('utf8');
  if (text.trim() === '') return { value: null };
  try {
    return { value: JSON.parse(text, capStrings) };
  } catch {
    return undefined;
  }
}

async function changedSince(file: string, before: BigIntStats): Promise<boolean> {
  try {
    const after = await stat(file, { bigint: true });
    return after.size !== before.size || after.mtimeNs !== before.mtimeNs || after.ino !== before.ino || after.dev !== before.dev;
  } catch {
    return true;
  }
}

export class Transport {
  private readonly client: HttpClient;
  private readonly pacer: Pacer;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly hasher: Hasher;

  constructor(private readonly opts: TransportOptions) {
    this.hasher = new Hasher({ worker: opts.hashInWorker ?? true });
    this.client = new HttpClient(opts.userAgent, [], {
      allowRetries: false,
      keepAlive: true,
      allowRedirects: false,
      socketTimeout: BACKSTOP_IDLE_MS,
    });
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.pacer = opts.pacer ?? new Pacer({ log: opts.log, sleep: this.sleep, now: this.now });
  }

  /** A JSON request; the answer's body parsed. Throws HttpError when it does not succeed. */
  async json<T>(req: JsonRequest): Promise<Reply<T>> {
    const url = assertSafeUrl(req.url, req.what);
    const payload = req.body === undefined ? null : pyJsonDumps(req.body);
    const headers: OutgoingHttpHeaders = { ...req.headers };
    if (payload !== null) headers['Content-Type'] = 'application/json';
    else if (req.emptyBody) headers['Content-Length'] = '0';
    const timeoutMs = req.timeoutMs ?? this.opts.timeoutMs;
    return this.withRetries(req, url, req.idempotent ?? true, (attempt) =>
      this.jsonTry<T>(req.method, url, headers, payload, timeoutMs, attempt),
    );
  }

  /** Streams a file (raw or as a multipart form) with an exact Content-Length. Throws HttpError. */
  async upload<T>(req: UploadRequest): Promise<UploadReply<T>> {
    const url = assertSafeUrl(req.url, req.what);
    const framing = req.multipart
      ? multipartFraming(req.multipart.fields, req.multipart.fileField, req.multipart.filename)
      : undefined;
    return this.withRetries(req, url, true, (attempt) => this.uploadTry<T>(req, url, framing, attempt));
  }

  /**
   * Downloads a file to `req.dest` in constant memory with its sha256. A try that breaks off is
   * continued where it stopped (Range) when the server allows it, else fetched again whole.
   * Redirects are followed (at most 5, https or loopback only); `req.headers` never leave the
   * request URL's origin, and a URL with a signature in it is masked in the log. Throws HttpError.
   */
  async download(req: DownloadRequest): Promise<DownloadReply> {
    const url = assertSafeUrl(req.url, req.what);
    this.maskSigned(url);
    const sink = new FileSink(req.dest);
    const started = this.now();
    try {
      const ok = await this.withRetries({ method: 'GET', what: req.what, retry: req.retry }, url, true, (attempt) =>
        this.downloadTry(req, url, sink, attempt),
      );
      return { ...ok, path: req.dest, sha256: sink.finish(), bytes: sink.written, ms: this.now() - started, resumedBytes: sink.resumed };
    } catch (err) {
      sink.discard();
      throw err;
    }
  }

  /**
   * Files will be uploaded: starts the hashing thread now, so that its start-up overlaps with the
   * requests that come before the first upload instead of delaying it.
   */
  prepareUploads(): void {
    this.hasher.warm();
  }

  /** Closes the kept-alive connections and the hashing thread; the transport cannot be used afterwards. */
  dispose(): void {
    this.client.dispose();
    this.hasher.dispose();
  }

  private async withRetries<R extends { status: number }>(
    ctx: RequestContext,
    url: URL,
    idempotent: boolean,
    tryOnce: (attempt: number) => Promise<Outcome<R>>,
  ): Promise<R> {
    const policy: RetryPolicy = { ...this.opts.retry, ...ctx.retry };
    const start = this.now();
    this.refuseClosedWindow(ctx.what, url, policy);
    for (let attempt = 1; ; attempt++) {
      await this.pacer.wait(url.origin);
      const tryStart = this.now();
      const outcome = await tryOnce(attempt);
      const result = 'ok' in outcome ? outcome.ok.status : (outcome.failed.status ?? outcome.failed.code ?? 'error');
      this.opts.log.debug(
        `${ctx.method} ${redactUrl(url)} → ${result} in ${this.now() - tryStart} ms (try ${attempt} of ${policy.attempts})`,
      );
      if ('ok' in outcome) return outcome.ok;

      const f = outcome.failed;
      const wait = decide(f, { what: ctx.what, attempt, idempotent, policy, spent: this.now() - start, random: this.random });
      if (wait instanceof HttpError) throw wait;
      const torn = f.code === OwnCodes.torn;
      const note = `${ctx.what}: ${f.detail}: ${torn ? 'sending it again' : 'trying again'} in ${seconds(wait)} (try ${attempt + 1} of ${policy.attempts})`;
      if (torn) this.opts.log.warning(note);
      else this.opts.log.info(note);
      // A 429 holds every request to this origin, not only this one: the pacer makes them all wait.
      if (f.status === 429) this.pacer.block(url.origin, wait);
      else await this.sleep(wait);
    }
  }

  /** A rate-limit window that stays closed for longer than the whole budget fails now instead of hanging. */
  private refuseClosedWindow(what: string, url: URL, policy: RetryPolicy): void {
    const hold = this.pacer.holdMs(url.origin);
    if (hold <= policy.budgetMs) return;
    throw new HttpError({
      what,
      detail: `the rate limit allows no request for ${seconds(hold)}, beyond the retry budget of ${seconds(policy.budgetMs)}`,
      code: OwnCodes.rateLimit,
      permanent: false,
      ambiguous: false,
      attempts: 0,
    });
  }

  private async jsonTry<T>(
    method: string,
    url: URL,
    headers: OutgoingHttpHeaders,
    payload: string | null,
    timeoutMs: number,
    attempt: number,
  ): Promise<Outcome<Reply<T>>> {
    const guard = new AttemptGuard();
    guard.deadline(timeoutMs, deadlineFailure(timeoutMs));
    try {
      const ex = await exchange(this.client, {
        method,
        url,
        headers: { ...headers, 'user-agent': this.opts.userAgent },
        body: payload,
        signal: guard.signal,
        maxAnswerBytes: MAX_ANSWER_BYTES,
      });
      this.pacer.observe(url.origin, ex.headers);
      if (!isSuccess(ex.status)) return { failed: statusFailure(ex, url, this.now(), (t) => this.opts.log.redact(t)) };
      const parsed = parseJson(ex.body);
      if (!parsed) return { failed: notJsonFailure(ex, (t) => this.opts.log.redact(t)) };
      return { ok: { status: ex.status, headers: ex.headers, body: parsed.value as T, attempts: attempt } };
    } catch (err) {
      return { failed: guard.failure ?? errorFailure(err) };
    } finally {
      guard.dispose(false);
    }
  }

  private async uploadTry<T>(
    req: UploadRequest,
    url: URL,
    framing: MultipartFraming | undefined,
    attempt: number,
  ): Promise<Outcome<UploadReply<T>>> {
    const name = basename(req.file);
    let before: BigIntStats;
    try {
      before = await stat(req.file, { bigint: true });
      if (!before.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
    } catch (err) {
      return { failed: readFailure(name, err) };
    }
    const size = Number(before.size);
    const head = framing?.head ?? EMPTY;
    const tail = framing?.tail ?? EMPTY;
    const guard = new AttemptGuard();
    const kick = guard.watchdog(this.opts.stallMs, stallFailure(this.opts.stallMs));
    if (req.timeoutMs) guard.deadline(req.timeoutMs, deadlineFailure(req.timeoutMs));
    const progress = new Progress(this.opts.log, name, size, this.now);
    const body = fileBody({
      file: req.file,
      size,
      head,
      tail,
      hasher: this.hasher,
      onSent: (sent) => {
        kick();
        progress.update(sent);
      },
      onFail: (err) => guard.fail(err instanceof FileChangedError ? tornFailure(name) : readFailure(name, err)),
    });
    const headers: OutgoingHttpHeaders = {
      ...req.headers,
      'Content-Type': framing?.contentType ?? req.contentType ?? 'application/octet-stream',
      'Content-Length': String(head.length + size + tail.length),
      'user-agent': this.opts.userAgent,
    };
    const started = this.now();
    try {
      const ex = await exchange(this.client, {
        method: req.method,
        url,
        headers,
        body,
        signal: guard.signal,
        maxAnswerBytes: MAX_ANSWER_BYTES,
        onAnswerBytes: kick,
      });
      this.pacer.observe(url.origin, ex.headers);
      if (!isSuccess(ex.status)) return { failed: statusFailure(ex, url, this.now(), (t) => this.opts.log.redact(t)) };
      const digest = body.sha256();
      if (digest === undefined) return { failed: earlyAnswerFailure(ex) };
      const sha256 = await digest.catch((err: Error) => err);
      // The hashing thread died (the next try hashes on this thread).
      if (sha256 instanceof Error) return { failed: { detail: `the sha256 of ${name} was lost: ${sha256.message}`, retriable: true } };
      if (await changedSince(req.file, before)) return { failed: tornFailure(name) };
      const reply = { status: ex.status, headers: ex.headers, body: parseLoose(ex.body) as T, attempts: attempt };
      return { ok: { ...reply, sha256, bytes: size, ms: this.now() - started } };
    } catch (err) {
      return { failed: guard.failure ?? errorFailure(err) };
    } finally {
      // An answer that came before the whole body was sent leaves the request open: abort it, so
      // the half-sent request is not kept alive for the next one.
      guard.dispose(!body.ended);
      body.close();
    }
  }

  /** One try of a download: follows redirects, then streams a 2xx answer into the sink. */
  private async downloadTry(req: DownloadRequest, first: URL, sink: FileSink, attempt: number): Promise<Outcome<Reply<null>>> {
    const guard = new AttemptGuard();
    const kick = guard.watchdog(this.opts.stallMs, stallFailure(this.opts.stallMs, 'download'));
    if (req.timeoutMs) guard.deadline(req.timeoutMs, deadlineFailure(req.timeoutMs));
    const name = basename(req.dest);
    const from = sink.written;
    if (from > 0 && Object.keys(sink.rangeHeaders()).length > 0) this.opts.log.info(`${req.what}: continuing at byte ${from}`);
    let progress: Progress | undefined;
    let url = first;
    let trusted = true;
    try {
      for (let hop = 0; ; hop++) {
        const headers: OutgoingHttpHeaders = {
          ...(trusted ? req.headers : {}),
          ...sink.rangeHeaders(),
          'user-agent': this.opts.userAgent,
        };
        const ex = await exchange(this.client, {
          method: 'GET',
          url,
          headers,
          body: null,
          signal: guard.signal,
          maxAnswerBytes: MAX_ANSWER_BYTES,
          onAnswerBytes: kick,
          sink: (answer) =>
            sink.receive(answer, (written) => {
              kick();
              if (sink.total) (progress ??= new Progress(this.opts.log, name, sink.total, this.now)).update(written);
            }),
        });
        if (url.origin === first.origin) this.pacer.observe(url.origin, ex.headers);
        const next = redirectTarget(ex, url);
        if (next && hop < MAX_REDIRECTS) {
          try {
            assertSafeUrl(next.href, req.what);
          } catch (err) {
            return { failed: { detail: `a redirect to ${redactUrl(next)} was refused: ${(err as Error).message}`, retriable: false, status: ex.status } };
          }
          this.maskSigned(next);
          this.opts.log.debug(`${req.what}: HTTP ${ex.status}, redirected to ${redactUrl(next)}`);
          if (next.origin !== url.origin) trusted = false;
          url = next;
          continue;
        }
        if (ex.status === 416 && from > 0) {
          sink.restart();
          return { failed: { detail: `the server cannot continue at byte ${from} (HTTP 416); fetching the whole file`, retriable: true, status: 416 } };
        }
        if (!isSuccess(ex.status)) return { failed: statusFailure(ex, url, this.now(), (t) => this.opts.log.redact(t)) };
        return { ok: { status: ex.status, headers: ex.headers, body: null, attempts: attempt } };
      }
    } catch (err) {
      if (err instanceof SinkError) return { failed: err.failure };
      return { failed: guard.failure ?? errorFailure(err) };
    } finally {
      guard.dispose(false);
    }
  }

  /** A URL that is a credential in itself never reaches the log, not even in a library's message. */
  private maskSigned(url: URL): void {
    if (!isSignedUrl(url)) return;
    this.opts.log.addSecret(url.href);
    for (const [k, v] of url.searchParams) if (SIGNED_QUERY.test(k)) this.opts.log.addSecret(v);
  }
}

/** 301, 302, 303, 307, 308 with a Location. */
function redirectTarget(ex: Exchange, from: URL): URL | undefined {
  const location = ex.headers.location;
  if (![301, 302, 303, 307, 308].includes(ex.status) || !location) return undefined;
  try {
    return new URL(location, from);
  } catch {
    return undefined;
  }
}

/** An upload answer: JSON when it is JSON, else the text (`''` when empty). */
function parseLoose(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') return text;
  const parsed = parseJson(body);
  return parsed ? parsed.value : text;
}

interface RetryState {
  what: string;
  /** Tries made so far, the failed one included. */
  attempt: number;
  idempotent: boolean;
  policy: RetryPolicy;
  /** Time since the first try started. */
  spent: number;
  random: () => number;
}

/** After a failed try: the wait before the next one, or the error that ends the request. */
function decide(f: Failure, s: RetryState): number | HttpError {
  const end = (suffix: string, permanent: boolean, ambiguous: boolean) =>
    new HttpError({ what: s.what, detail: f.detail + suffix, status: f.status, code: f.code, reply: f.reply, permanent, ambiguous, attempts: s.attempt });
  const notActed = serverCannotHaveActed(f);
  if (!f.retriable) return end('', true, !s.idempotent && f.status === undefined && !notActed);
  if (!s.idempotent && !notActed) {
    return end(' (not retried: the request is not idempotent and the server may have acted on it)', false, true);
  }
  const gaveUp = `gave up after ${s.attempt} ${s.attempt === 1 ? 'try' : 'tries'} in ${seconds(s.spent)}`;
  if (s.attempt >= s.policy.attempts) return end(` (${gaveUp})`, false, false);
  const left = s.policy.budgetMs - s.spent;
  const budget = seconds(s.policy.budgetMs);
  if (f.waitMs !== undefined && f.waitMs > left) {
    return end(` (${gaveUp}: the server asks to wait ${seconds(f.waitMs)}, beyond the retry budget of ${budget})`, false, false);
  }
  if (left <= 0) return end(` (${gaveUp}: the retry budget of ${budget} is spent)`, false, false);
  return f.waitMs ?? Math.min(retryDelayMs(s.attempt, s.policy, s.random), left);
}

function earlyAnswerFailure(ex: Exchange): Failure {
  return { detail: `${statusDetail(ex.status, '')} before the whole file was sent`, retriable: true, status: ex.status };
}
