/**
 * The request pipeline shared by both protocols: match a route, record the request, pick and carry
 * out a fault, check the key and the rate limit, let the route prepare (read and check) and apply
 * (act), and write the answer. Faults hook in at the step they simulate: before the body, mid-body,
 * before acting (status, down), while stalling (delay) or after acting (lost answer, HTML page).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { kindOf, type Fault, type Faults } from './faults.js';
import { clientThere, drain, firstChunk, HTML_PAGE, readText, send, stall } from './http-io.js';
import type { HubProtocol } from './hub.js';
import type { PlatformProtocol } from './platform.js';
import { hubError, platformError, type Answer, type Exchange, type Protocol, type Route } from './routes.js';
import type { EmulatorState, FaultRecord, RequestRecord } from './state.js';

export interface DispatchDeps {
  state: EmulatorState;
  faults: Faults;
  hub: HubProtocol;
  platform: PlatformProtocol;
  now: () => number;
  log: (line: string) => void;
  /** Stops listening (dropping every connection, this one included) for `ms`. */
  goDown: (ms: number) => void;
}

type Match = { route: Route; params: Record<string, string> } | { wrongMethod: true } | undefined;

const DOCS = 'HUB-API.md or PLATFORM-API.md';

export function createDispatcher(deps: DispatchDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const routes = [...deps.hub.routes, ...deps.platform.routes];

  function match(method: string, path: string): Match {
    let wrongMethod = false;
    for (const route of routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      if (route.method === method) return { route, params: { ...m.groups } };
      wrongMethod = true;
    }
    return wrongMethod ? { wrongMethod } : undefined;
  }

  return (req, res) => new Handling(deps, req, res).run(match);
}

/** One request on its way through the pipeline. */
class Handling {
  private readonly entry: RequestRecord;
  private readonly at: number;
  private readonly x: Exchange;
  private fired?: FaultRecord;

  constructor(
    private readonly deps: DispatchDeps,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    this.entry = { method: req.method ?? 'GET', path: url.pathname, status: 0, target: 'unknown' };
    deps.state.requests.push(this.entry);
    this.at = deps.state.requests.length - 1;
    this.x = {
      req,
      params: {},
      query: url.searchParams,
      text: '',
      flag: (problem) => this.flag(problem),
      clientGone: () => !clientThere(res) || req.destroyed,
      now: deps.now,
    };
  }

  async run(match: (method: string, path: string) => Match): Promise<void> {
    const { entry, x } = this;
    try {
      const found = match(entry.method, entry.path);
      if (!found || 'wrongMethod' in found) return await this.refuseUnknown(found !== undefined);
      const { route, params } = found;
      x.params = params;
      let bodyRead = false;
      if (typeof route.target === 'function') {
        if (!(await this.readBody())) return this.finish(errorFor(route.protocol, 413, 'Body too large'));
        bodyRead = true;
        entry.target = route.target(x.text);
      } else {
        entry.target = route.target;
      }
      const fault = this.takeFault(bodyRead ? Buffer.byteLength(x.text) : contentLength(this.req));
      if (fault && (await this.failBeforeAction(fault, route, bodyRead))) return;
      if (route.body === 'text' && !bodyRead && !(await this.readBody())) {
        return this.finish(errorFor(route.protocol, 413, 'Body too large'));
      }
      const admitted = this.admit(route);
      if ('answer' in admitted) {
        await drain(this.req);
        return this.finish(admitted.answer);
      }
      const plan = await route.prepare(x);
      if (fault && 'delayMs' in fault && !(await this.stall(fault.delayMs, 'apply' in plan))) return this.done();
      const answer = 'apply' in plan ? plan.apply() : plan.answer;
      if (fault && 'reset' in fault) {
        // A file answer breaks off half-way; any other: acted, the answer is lost (after-action).
        if (fault.reset === 'mid-body') return this.finish({ ...answer, cutAfter: Math.floor(bodyLength(answer) / 2) });
        return this.destroy();
      }
      if (fault && 'html' in fault) return this.finish({ status: 200, raw: HTML_PAGE, contentType: 'text/html; charset=utf-8' });
      this.finish({ ...answer, headers: { ...admitted.headers, ...answer.headers } });
    } catch (e) {
      if (x.clientGone()) return this.done();
      this.flag(`emulator: internal error (${(e as Error).stack ?? e}); this is a bug in the emulator, not in the client`);
      this.finish(errorFor(protocolOf(entry.path), 500, 'Emulator internal error'));
    }
  }

  private flag(problem: string): void {
    const { entry } = this;
    const where = entry.target === 'unknown' ? `${entry.method} ${entry.path}` : entry.target;
    const line = `${where}: ${problem}`;
    this.deps.state.protocolErrors.push(line);
    this.deps.log(`protocol error: ${line}`);
  }

  private done(): void {
    const { method, path, status, target, fault } = this.entry;
    this.deps.log(`${method} ${path} -> ${status || 'no answer'} [${target}]${fault ? ` fault=${fault}` : ''}`);
  }

  private finish(answer: Answer): void {
    if (send(this.res, answer)) this.entry.status = answer.status;
    this.done();
  }

  private destroy(): void {
    this.req.socket.destroy();
    this.done();
  }

  private async refuseUnknown(wrongMethod: boolean): Promise<void> {
    this.flag(wrongMethod ? `no such method on this path in ${DOCS}` : `no such endpoint in ${DOCS}`);
    await drain(this.req);
    const protocol = protocolOf(this.entry.path);
    this.finish(wrongMethod ? errorFor(protocol, 405, 'Method not allowed') : errorFor(protocol, 404, 'Not found'));
  }

  /** Buffers a text body into the exchange; false (with a protocol error) when it is too large. */
  private async readBody(): Promise<boolean> {
    const { text, tooLarge } = await readText(this.req);
    if (tooLarge) this.flag('the JSON body is larger than the emulator accepts (64 MiB); send it in smaller batches');
    this.x.text = text;
    return !tooLarge;
  }

  private takeFault(bodyBytes: number | undefined): Fault | undefined {
    const { entry, deps } = this;
    const fault = deps.faults.take(entry.target, bodyBytes);
    if (!fault) return undefined;
    entry.fault = kindOf(fault);
    this.fired = { target: entry.target, kind: entry.fault, at: this.at };
    deps.state.faultsFired.push(this.fired);
    deps.log(`fault ${entry.fault} fires on ${entry.method} ${entry.path} [${entry.target}]`);
    return fault;
  }

  /** Carries out the faults that stop a request before it is acted on; true when that ended it. */
  private async failBeforeAction(fault: Fault, route: Route, bodyRead: boolean): Promise<boolean> {
    if ('reset' in fault && fault.reset !== 'after-action' && !(fault.reset === 'mid-body' && route.answersFile)) {
      if (fault.reset === 'mid-body' && !bodyRead) await firstChunk(this.req);
      this.destroy();
      return true;
    }
    if ('down' in fault) {
      this.done();
      this.deps.goDown(fault.down.ms);
      return true;
    }
    if ('status' in fault) {
      await drain(this.req);
      this.finish(faultAnswer(route.protocol, fault));
      return true;
    }
    if ('maxBodyBytes' in fault) {
      await drain(this.req);
      this.finish(errorFor(route.protocol, 413, `Request body too large (limit ${fault.maxBodyBytes} bytes)`));
      return true;
    }
    return false;
  }

  /** The key check and (Platform) the rate limit: the rate headers to send, or the refusal. */
  private admit(route: Route): { headers: Record<string, string> } | { answer: Answer } {
    if (route.auth === false) return { headers: {} };
    const { hub, platform, now } = this.deps;
    const auth = (route.protocol === 'hub' ? hub : platform).authorize(this.x);
    if ('answer' in auth) return auth;
    if (!route.rate) return { headers: {} };
    const throttled = platform.throttle(auth.key, route.rate, now());
    return throttled.answer ? { answer: throttled.answer } : { headers: throttled.headers };
  }

  /** The delay fault: true when the client is still there to be answered (recorded as applied). */
  private async stall(ms: number, acts: boolean): Promise<boolean> {
    const stillThere = await stall(this.res, ms);
    if (this.fired) this.fired.applied = stillThere && acts;
    return stillThere;
  }
}

/** The request's Content-Length, when it gives one. */
function contentLength(req: IncomingMessage): number | undefined {
  const n = Number(req.headers['content-length']);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

const bodyLength = (answer: Answer): number =>
  answer.raw !== undefined ? Buffer.byteLength(answer.raw) : Buffer.byteLength(JSON.stringify(answer.json ?? ''));

const protocolOf = (path: string): Protocol => (path.startsWith('/v1/') ? 'hub' : 'platform');

const errorFor = (protocol: Protocol, status: number, message: string): Answer =>
  protocol === 'hub' ? hubError(status, message) : platformError(status, message);

function faultAnswer(protocol: Protocol, fault: Extract<Fault, { status: number }>): Answer {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  if (fault.body === undefined) return { ...errorFor(protocol, fault.status, `Injected fault: HTTP ${fault.status}`), headers };
  return { status: fault.status, raw: fault.body, contentType: isJson(fault.body) ? 'application/json' : 'text/plain; charset=utf-8', headers };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
