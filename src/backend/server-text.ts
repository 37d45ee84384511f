/**
 * What a server answers is untrusted text. The identifiers the product keeps, prints and puts in
 * outputs and URLs (`modelId`, `runId`, `modelSlug`, HUB's model id) must match the patterns the
 * protocols give them (PLATFORM-API.md, HUB-API.md, inputs/identifier.ts); anything else is
 * refused with a message that quotes the value only in a short, cleaned form. Every string of a
 * JSON answer is also capped (transport/http.ts) and every log line neutralized (log.ts).
 */
import { HUB_ID, OPAQUE_ID } from '../inputs/identifier.js';

/** Platform's model and run ids: opaque, the shape a user may also give as `model`. */
export const PLATFORM_ID = OPAQUE_ID;
/** A slug as Ultralytics' slugify writes it: a-z, 0-9 and inner `-`, at most 128 characters. */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/;
export { HUB_ID };

/** How much of a refused value a message shows. */
const SHOWN = 40;

/** A refused server value, described without letting it into the log whole: its length and a clean head. */
export function describeServerValue(value: unknown): string {
  if (typeof value !== 'string') return value === undefined ? 'nothing' : `a ${value === null ? 'null' : typeof value}`;
  const head = value.slice(0, SHOWN).replace(/[^\x20-\x7e]/g, '?');
  return `"${head}${value.length > SHOWN ? '…' : ''}" (${value.length} characters)`;
}

/** `value` when it is a string matching `pattern`; otherwise an Error naming `what` and the expected form. */
export function serverId(value: unknown, pattern: RegExp, what: string, expected: string): string {
  if (typeof value === 'string' && pattern.test(value)) return value;
  throw new Error(`${what} is not ${expected}: the server answered ${describeServerValue(value)}. Refused; check \`api-url\` points at the real server.`);
}
