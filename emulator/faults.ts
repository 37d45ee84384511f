/**
 * Fault injection: rules that make the next matching requests fail in a chosen way (an HTTP status,
 * a reset socket, a stall, an HTML page, a server that is down). The server asks `take(target)` once
 * per request; this module only decides which rule fires, the server carries it out.
 *
 * Platform's six events share one path, so a `platform:<event>` target is known only once the
 * (small JSON) body is read: `reset: before` and `mid-body` on those fire after the body arrived,
 * still without acting. On every other target they fire before or during the body, except on the
 * weights downloads (`hub:weights`), whose `mid-body` cuts the answer's body half-way.
 */

export const FAULT_TARGETS = [
  'hub:auth',
  'hub:get-model',
  'hub:create',
  'hub:metrics',
  'hub:get-metrics',
  'hub:upload',
  'hub:heartbeat',
  'hub:weights',
  'hub:asset',
  'platform:training_started',
  'platform:epoch_end',
  'platform:console_output',
  'platform:checkpoint_saved',
  'platform:training_complete',
  'platform:training_failed',
  'platform:upload-url',
  'platform:put',
  '*',
] as const;

export type FaultTarget = (typeof FAULT_TARGETS)[number];

export type Fault =
  /** Answer this status without acting. */
  | { status: number; retryAfter?: number | string; body?: string }
  /**
   * Destroy the socket: `before` without acting, `mid-body` once part of the body arrived (no
   * action; on a download, once half the answer's body went), `after-action` after acting fully
   * (the answer is lost).
   */
  | { reset: 'before' | 'mid-body' | 'after-action' }
  /** Stall the answer; act and answer only if the client is still there afterwards. */
  | { delayMs: number }
  /** Act, then answer 200 with an HTML page instead of JSON. */
  | { html: true }
  /** Stop listening (and drop every connection) for `ms`, then listen again on the same port. */
  | { down: { ms: number } }
  /**
   * A server's body-size limit: answer 413 without acting to a request whose body is larger than
   * this many bytes (the read JSON body; else Content-Length). Smaller requests pass, and neither
   * count towards `after` nor use up `times`.
   */
  | { maxBodyBytes: number };

export type FaultKind =
  | 'status'
  | 'reset:before'
  | 'reset:mid-body'
  | 'reset:after-action'
  | 'delay'
  | 'html'
  | 'down'
  | 'body-limit';

export interface FaultOptions {
  /** How many matching requests the rule fails (default 1). */
  times?: number;
  /** How many matching requests pass untouched before the rule starts to fire (default 0). */
  after?: number;
}

export interface FaultRule {
  target: FaultTarget;
  fault: Fault;
  times: number;
  after: number;
}

export function kindOf(fault: Fault): FaultKind {
  if ('status' in fault) return 'status';
  if ('reset' in fault) return `reset:${fault.reset}`;
  if ('delayMs' in fault) return 'delay';
  if ('html' in fault) return 'html';
  if ('maxBodyBytes' in fault) return 'body-limit';
  return 'down';
}

export class Faults {
  private rules: FaultRule[] = [];

  add(target: FaultTarget, fault: Fault, opts: FaultOptions = {}): void {
    const checked = parseFault({ target, fault, times: opts.times, after: opts.after });
    this.rules.push(checked);
  }

  /**
   * The fault for one request with this target, if any. Every matching rule that still has
   * requests to skip counts this one; the first matching rule with none left fires.
   */
  take(target: string, bodyBytes?: number): Fault | undefined {
    let chosen: FaultRule | undefined;
    for (const rule of this.rules) {
      if (rule.target !== '*' && rule.target !== target) continue;
      if ('maxBodyBytes' in rule.fault && !(bodyBytes !== undefined && bodyBytes > rule.fault.maxBodyBytes)) continue;
      if (rule.after > 0) {
        rule.after--;
        continue;
      }
      chosen ??= rule;
    }
    if (!chosen) return undefined;
    chosen.times--;
    if (chosen.times <= 0) this.rules = this.rules.filter((r) => r !== chosen);
    return chosen.fault;
  }

  /** Rules not yet used up (for the control API and test diagnostics). */
  pending(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Checks a rule given as untrusted JSON (the HTTP control API) and returns it typed; throws with the reason. */
export function parseFault(input: unknown): FaultRule {
  if (!isObject(input)) throw new Error('a fault rule must be an object {target, fault, times?, after?}');
  const { target, fault, times = 1, after = 0 } = input;
  if (!FAULT_TARGETS.includes(target as FaultTarget)) {
    throw new Error(`unknown fault target ${JSON.stringify(target)}; use one of ${FAULT_TARGETS.join(', ')}`);
  }
  if (!isCount(times) || times < 1) throw new Error(`times must be an integer >= 1, got ${JSON.stringify(times)}`);
  if (!isCount(after)) throw new Error(`after must be an integer >= 0, got ${JSON.stringify(after)}`);
  return { target: target as FaultTarget, fault: checkFault(fault), times, after };
}

function checkFault(fault: unknown): Fault {
  const bad = (why: string) => new Error(`invalid fault ${JSON.stringify(fault)}: ${why}`);
  if (!isObject(fault)) throw bad('it must be an object');
  const keys = Object.keys(fault);
  if ('status' in fault) {
    const { status, retryAfter, body } = fault;
    if (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599) {
      throw bad('status must be an HTTP status code');
    }
    if (retryAfter !== undefined && typeof retryAfter !== 'number' && typeof retryAfter !== 'string') {
      throw bad('retryAfter must be a number of seconds or an HTTP date string');
    }
    if (body !== undefined && typeof body !== 'string') throw bad('body must be a string');
    if (keys.some((k) => !['status', 'retryAfter', 'body'].includes(k))) throw bad('unexpected key');
    return fault as Fault;
  }
  if (keys.length !== 1) throw bad('give exactly one of status, reset, delayMs, html, down, maxBodyBytes');
  if ('reset' in fault) {
    if (!['before', 'mid-body', 'after-action'].includes(fault.reset as string)) {
      throw bad("reset must be 'before', 'mid-body' or 'after-action'");
    }
    return fault as Fault;
  }
  if ('delayMs' in fault) {
    if (!isCount(fault.delayMs)) throw bad('delayMs must be an integer >= 0');
    return fault as Fault;
  }
  if ('html' in fault) {
    if (fault.html !== true) throw bad('html must be true');
    return fault as Fault;
  }
  if ('down' in fault) {
    if (!isObject(fault.down) || !isCount(fault.down.ms)) throw bad('down must be {ms: integer >= 0}');
    return fault as Fault;
  }
  if ('maxBodyBytes' in fault) {
    if (!isCount(fault.maxBodyBytes)) throw bad('maxBodyBytes must be an integer >= 0');
    return fault as Fault;
  }
  throw bad('give exactly one of status, reset, delayMs, html, down, maxBodyBytes');
}
