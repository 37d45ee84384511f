/**
 * The Platform side of the emulator (PLATFORM-API.md): the training webhook (W1), signed upload
 * URLs (W2), the signed PUT they point at (W3, served here too), the key check and the per-key
 * sliding-window rate limit.
 */
import { createHmac } from 'node:crypto';
import { describe, hasMediaType, isObject, parseJson } from './checks.js';
import { hashStream, header } from './http-io.js';
import { randomHex, randomId } from './ids.js';
import {
  EVENTS,
  checkCheckpoint,
  checkComplete,
  checkConsole,
  checkEpoch,
  checkFailed,
  checkSlugs,
  checkStarted,
  type EventName,
  type RunContext,
  type SignedUpload,
} from './platform-events.js';
import { rateHeaders, retryAfterSeconds, SlidingWindow, type RateRule, type Verdict } from './rate-limit.js';
import { json, platformError, type Answer, type Exchange, type Plan, type Route } from './routes.js';
import type { EmulatorState, PlatformRun } from './state.js';

const DOC = 'PLATFORM-API.md';
const PLATFORM_KEY = /^ul_[0-9a-f]{40}$/;
const SIGNED_URL_LIFETIME_MS = 15 * 60 * 1000;
const OK = { success: true };

export interface PlatformOptions {
  keys?: string[];
  rateLimit: RateRule;
  uploadRateLimit: RateRule;
  /** The emulator's own origin, for signed URLs. */
  origin: () => string;
}

export interface PlatformProtocol {
  routes: Route[];
  authorize(x: Exchange): { key: string } | { answer: Answer };
  /** Counts the request in its categories; the rate headers for the answer, or the 429 answer. */
  throttle(key: string, categories: ('default' | 'upload')[], now: number): { headers: Record<string, string>; answer?: Answer };
  takeSlug(project: string, slug: string): void;
  cancelAfter(modelId: string, epochs: number): void;
  clear(): void;
}

/** Bookkeeping per model that is not part of the inspectable state. */
interface RunBook extends RunContext {
  /** The event that ended the run (training_complete or training_failed), if any. */
  finishedBy?: string;
  bestRequested: boolean;
}

export function createPlatform(state: EmulatorState, opts: PlatformOptions): PlatformProtocol {
  const secret = randomHex(32);
  const takenSlugs = new Map<string, Set<string>>();
  const cancelRules = new Map<string, number>();
  const signed = new Map<string, SignedUpload>();
  const books = new Map<string, RunBook>();
  const windows = { default: new SlidingWindow(opts.rateLimit), upload: new SlidingWindow(opts.uploadRateLimit) };
  const runs = () => state.platform.runs;

  function authorize(x: Exchange): { key: string } | { answer: Answer } {
    const auth = header(x.req, 'authorization');
    const key = /^Bearer (\S+)$/.exec(auth ?? '')?.[1];
    if (auth === undefined) x.flag(`no Authorization header; ${DOC} sends Authorization: Bearer <key> on every request`);
    else if (key === undefined) x.flag(`Authorization is not 'Bearer <key>'; ${DOC} sends Authorization: Bearer <key>`);
    if (key !== undefined && (opts.keys ? opts.keys.includes(key) : PLATFORM_KEY.test(key))) return { key };
    return { answer: platformError(401, 'Invalid API key') };
  }

  function throttle(key: string, categories: ('default' | 'upload')[], now: number) {
    const refused = categories.map((c) => windows[c].check(key, now)).find((v) => !v.allowed);
    if (refused) {
      state.platform.rateLimited++;
      const retryAfter = retryAfterSeconds(refused, now);
      const headers = { ...rateHeaders(refused), 'Retry-After': String(retryAfter) };
      const resetAt = new Date(refused.resetAt).toISOString();
      return { headers, answer: json(429, { error: 'Rate limit exceeded', retryAfter, resetAt }, headers) };
    }
    const verdicts = categories.map((c) => windows[c].record(key, now));
    const tightest = verdicts.reduce((a: Verdict, b) => (b.remaining < a.remaining ? b : a));
    return { headers: rateHeaders(tightest) };
  }

  function takeSlug(project: string, slug: string): void {
    const taken = takenSlugs.get(project) ?? new Set<string>();
    taken.add(slug);
    takenSlugs.set(project, taken);
  }

  function freeSlug(project: string, name: string): string {
    const taken = takenSlugs.get(project) ?? new Set<string>();
    let slug = name;
    for (let n = 2; taken.has(slug); n++) slug = `${name}-${n}`;
    takeSlug(project, slug);
    return slug;
  }

  /** Whether the run is cancelled now, by a rule for its model or for every model. */
  function cancelledAt(modelId: string, epochsDone: number): boolean {
    const rule = cancelRules.get(modelId) ?? cancelRules.get('*');
    return rule !== undefined && epochsDone >= rule;
  }

  function clear(): void {
    takenSlugs.clear();
    cancelRules.clear();
    signed.clear();
    books.clear();
    windows.default.clear();
    windows.upload.clear();
  }

  /** The parsed JSON object body, or the 400 answer. */
  function jsonBody(x: Exchange): { value: Record<string, unknown> } | Answer {
    if (!hasMediaType(header(x.req, 'content-type'), 'application/json')) {
      x.flag(`content-type is ${describe(header(x.req, 'content-type'))}; ${DOC} sends JSON as application/json`);
    }
    const parsed = parseJson(x.text, DOC);
    if (!parsed.ok) {
      x.flag(parsed.problem);
      return platformError(400, 'Invalid JSON body');
    }
    if (!isObject(parsed.value)) {
      x.flag(`the body is ${describe(parsed.value)}; ${DOC} sends a JSON object`);
      return platformError(400, 'Body must be a JSON object');
    }
    return { value: parsed.value };
  }

  /** The run a later event or W2 names by modelId, or the 400/404 answer. */
  function findRun(x: Exchange, body: Record<string, unknown>, what: string): { run: PlatformRun; book: RunBook } | Answer {
    const id = body.modelId;
    if (typeof id !== 'string') {
      x.flag(`${what} has modelId ${describe(id)}; ${DOC} sends the modelId training_started answered`);
      return platformError(400, 'modelId is required');
    }
    const run = runs()[id];
    const book = books.get(id);
    return run && book ? { run, book } : platformError(404, `Model ${id} not found`);
  }

  function prepareEvent(x: Exchange): Plan {
    const parsed = jsonBody(x);
    if ('status' in parsed) return { answer: parsed };
    const body = parsed.value;
    const { event, data } = body;
    if (!EVENTS.includes(event as EventName)) {
      x.flag(`event is ${describe(event)}; ${DOC} knows ${EVENTS.join(', ')}`);
      return { answer: platformError(400, 'Unknown event') };
    }
    if (!isObject(data)) {
      x.flag(`data is ${describe(data)}; ${DOC} sends an object`);
      return { answer: platformError(400, 'data must be an object') };
    }
    const extra = Object.keys(body).filter((k) => !['event', 'data', 'modelId', 'project', 'name'].includes(k));
    if (extra.length) x.flag(`unexpected field(s) ${extra.join(', ')}; ${DOC} sends event, data and modelId (project, name first)`);
    if (event === 'training_started' && body.modelId === undefined) return prepareRegistration(x, body, data);
    if (event !== 'training_started' && ('project' in body || 'name' in body)) {
      x.flag(`${event} carries project/name; ${DOC} sends those on the first event only`);
    }
    const found = findRun(x, body, `event ${event}`);
    if ('status' in found) return { answer: found };
    const { run, book } = found;
    const flag = x.flag;
    if (book.finishedBy && event !== book.finishedBy && event !== 'training_started') {
      flag(`${event} arrives after ${book.finishedBy}; ${DOC} ends a run with that event`);
    }
    switch (event as EventName) {
      case 'training_started':
        checkStarted(flag, data);
        // A server that continues a model by its id may still need the project and name, which 8.4
        // clients send in every body: this one refuses a continuation without them.
        if (typeof body.project !== 'string' || typeof body.name !== 'string') {
          flag(`training_started for modelId ${run.modelId} has project ${describe(body.project)} and name ${describe(body.name)}; ${DOC}: 8.4 clients send both beside modelId`);
          return { answer: platformError(400, 'project and name are required') };
        }
        return { apply: () => restart(run, book, data) };
      case 'epoch_end':
        checkEpoch(flag, data);
        if (run.cancelled) flag(`epoch_end after an answer said cancelled: true; ${DOC}: stop sending epochs`);
        return { apply: () => endEpoch(run, data) };
      case 'console_output':
        checkConsole(flag, data, book);
        return { apply: () => addConsole(run, book, data) };
      case 'checkpoint_saved':
        checkCheckpoint(flag, data, book);
        return { apply: () => record(run, 'checkpoint_saved', () => run.checkpoints.push(data)) };
      case 'training_complete':
        checkComplete(flag, data, book);
        return { apply: () => finish(run, book, 'training_complete', () => (run.complete = data)) };
      case 'training_failed':
        checkFailed(flag, data, book);
        return { apply: () => finish(run, book, 'training_failed', () => (run.failed = data)) };
    }
  }

  function prepareRegistration(x: Exchange, body: Record<string, unknown>, data: Record<string, unknown>): Plan {
    const { project, name } = body;
    if (typeof project !== 'string' || typeof name !== 'string') {
      x.flag(`training_started without modelId has project ${describe(project)} and name ${describe(name)}; ${DOC} sends both slugs`);
      return { answer: platformError(400, 'project and name are required') };
    }
    checkSlugs(x.flag, project, name);
    checkStarted(x.flag, data);
    return {
      apply: () => {
        const modelId = randomId();
        const runId = randomId();
        const modelSlug = freeSlug(project, name);
        const cancelled = cancelledAt(modelId, 0);
        runs()[modelId] = {
          modelId, runId, project, name, modelSlug,
          started: data, epochs: {}, epochEvents: 0, console: [], uploadUrls: 0, puts: [], checkpoints: [],
          events: ['training_started'], cancelled,
        };
        books.set(modelId, { runId, uploads: new Map(), lastChunkId: 0, bestRequested: false });
        state.platform.registrations++;
        return json(200, { modelId, runId, modelSlug, cancelled });
      },
    };
  }

  /** training_started for a known modelId: a new run of the same model. */
  function restart(run: PlatformRun, book: RunBook, data: unknown): Answer {
    run.runId = book.runId = randomId();
    run.started = data;
    run.events.push('training_started');
    Object.assign(book, { lastChunkId: 0, finishedBy: undefined, bestRequested: false });
    run.cancelled = cancelledAt(run.modelId, 0);
    state.platform.registrations++;
    return json(200, { modelId: run.modelId, runId: run.runId, modelSlug: run.modelSlug, cancelled: run.cancelled });
  }

  function endEpoch(run: PlatformRun, data: Record<string, unknown>): Answer {
    run.epochs[String(data.epoch)] = data;
    run.epochEvents++;
    run.events.push('epoch_end');
    if (cancelledAt(run.modelId, Object.keys(run.epochs).length)) run.cancelled = true;
    return json(200, { cancelled: run.cancelled });
  }

  function addConsole(run: PlatformRun, book: RunBook, data: Record<string, unknown>): Answer {
    const chunk = { chunkId: Number(data.chunkId), content: String(data.content), lineCount: Number(data.lineCount) };
    const at = run.console.findIndex((c) => c.chunkId === chunk.chunkId);
    if (at >= 0) run.console[at] = chunk;
    else run.console.push(chunk);
    book.lastChunkId = chunk.chunkId;
    run.events.push('console_output');
    return json(200, OK);
  }

  function record(run: PlatformRun, event: string, act: () => void): Answer {
    act();
    run.events.push(event);
    return json(200, OK);
  }

  function finish(run: PlatformRun, book: RunBook, event: string, act: () => void): Answer {
    book.finishedBy = event;
    return record(run, event, act);
  }

  function prepareUploadUrl(x: Exchange): Plan {
    const parsed = jsonBody(x);
    if ('status' in parsed) return { answer: parsed };
    const body = parsed.value;
    const { filename, runId } = body;
    if (typeof filename !== 'string' || filename === '') {
      x.flag(`filename is ${describe(filename)}; ${DOC} sends e.g. "best.pt"`);
      return { answer: platformError(400, 'filename is required') };
    }
    if (filename !== 'best.pt' && filename !== 'last.pt') x.flag(`filename is '${filename}'; ${DOC} uploads best.pt (or last.pt)`);
    const found = findRun(x, body, 'W2');
    if ('status' in found) return { answer: found };
    const { run, book } = found;
    if (runId !== book.runId) x.flag(`runId is ${describe(runId)}; training_started answered runId '${book.runId}'`);
    if (filename === 'last.pt' && book.bestRequested) {
      x.flag(`W2 asks for last.pt after best.pt; ${DOC}: never upload last.pt after best.pt`);
    }
    return {
      apply: () => {
        const upload = issueSignedUpload(run.modelId, book.runId, filename, x.now());
        book.uploads.set(upload.gcsPath, upload);
        if (filename === 'best.pt') book.bestRequested = true;
        run.uploadUrls++;
        return json(200, { uploadUrl: signedUrl(upload), gcsPath: upload.gcsPath, uploadPath: upload.uploadPath });
      },
    };
  }

  function issueSignedUpload(modelId: string, runId: string, filename: string, now: number): SignedUpload {
    const token = randomHex(16);
    const expiresAt = now + SIGNED_URL_LIFETIME_MS;
    const signature = createHmac('sha256', secret).update(`${token}\n${expiresAt}`).digest('hex');
    const upload: SignedUpload = {
      token, signature, modelId, runId, filename, expiresAt,
      gcsPath: `gs://emulator-models/${modelId}/${token}/${filename}`,
      uploadPath: `models/${modelId}/${filename}`,
    };
    signed.set(token, upload);
    return upload;
  }

  function signedUrl(u: SignedUpload): string {
    const issued = new Date(u.expiresAt - SIGNED_URL_LIFETIME_MS);
    const date = issued.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const query = new URLSearchParams({
      'X-Goog-Algorithm': 'GOOG4-RSA-SHA256',
      'X-Goog-Credential': `emulator-signer/${date.slice(0, 8)}/auto/storage/goog4_request`,
      'X-Goog-Date': date,
      'X-Goog-Expires': String(SIGNED_URL_LIFETIME_MS / 1000),
      'X-Goog-SignedHeaders': 'content-type;host',
      'X-Goog-Signature': u.signature,
    });
    return `${opts.origin()}/_signed/${u.token}?${query}`;
  }

  async function preparePut(x: Exchange): Promise<Plan> {
    const arrived = x.now();
    const contentType = header(x.req, 'content-type');
    if (header(x.req, 'content-length') === undefined) x.flag(`no Content-Length header; ${DOC} sends the PUT with one, never chunked`);
    if (/chunked/i.test(header(x.req, 'transfer-encoding') ?? '')) {
      x.flag(`the PUT is sent with Transfer-Encoding: chunked; ${DOC} sends a Content-Length instead`);
    }
    if (contentType !== 'application/octet-stream') {
      x.flag(`Content-Type is ${describe(contentType)}; ${DOC} sends application/octet-stream`);
    }
    if (header(x.req, 'authorization') !== undefined) {
      x.flag(`the signed PUT carries an Authorization header; ${DOC}: never send the key to the signed upload URL`);
    }
    const body = await hashStream(x.req as AsyncIterable<Buffer>);
    const upload = signed.get(x.params.token);
    if (!upload) return { answer: platformError(403, 'No such signed upload') };
    if (x.query.get('X-Goog-Signature') !== upload.signature) {
      x.flag(`the signed URL's X-Goog-Signature was changed; send the uploadUrl exactly as W2 returned it`);
      return { answer: platformError(403, 'Signature does not match') };
    }
    if (arrived > upload.expiresAt) return { answer: platformError(403, 'Signed URL expired') };
    return {
      apply: () => {
        upload.put = body;
        runs()[upload.modelId]?.puts.push({ ...body, contentType: contentType ?? '' });
        return { status: 200, raw: '' };
      },
    };
  }

  const eventTarget = (text: string): string => {
    const parsed = parseJson(text, DOC);
    const event = parsed.ok && isObject(parsed.value) ? parsed.value.event : /"event"\s*:\s*"(\w+)"/.exec(text)?.[1];
    return EVENTS.includes(event as EventName) ? `platform:${event}` : 'platform:webhook';
  };

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: /^\/api\/webhooks\/training\/metrics$/,
      protocol: 'platform',
      body: 'text',
      target: eventTarget,
      rate: ['default'],
      prepare: async (x) => prepareEvent(x),
    },
    {
      method: 'POST',
      pattern: /^\/api\/webhooks\/models\/upload$/,
      protocol: 'platform',
      body: 'text',
      target: 'platform:upload-url',
      rate: ['default', 'upload'],
      prepare: async (x) => prepareUploadUrl(x),
    },
    {
      method: 'PUT',
      pattern: /^\/_signed\/(?<token>[^/]+)$/,
      protocol: 'signed',
      body: 'stream',
      target: 'platform:put',
      auth: false,
      prepare: preparePut,
    },
  ];

  return {
    routes,
    authorize,
    throttle,
    takeSlug,
    cancelAfter: (modelId, epochs) => void cancelRules.set(modelId, epochs),
    clear,
  };
}
