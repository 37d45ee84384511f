/**
 * Small value checks shared by the HUB and Platform validators, and the wording helpers that keep
 * protocol-error sentences uniform ("field isBest is 'true'; HUB-API.md spells it True or False").
 */

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isInt = (v: unknown): v is number => Number.isInteger(v);

export const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export const isNumOrNull = (v: unknown): v is number | null =>
  v === null || (typeof v === 'number' && Number.isFinite(v));

/** A short description of a value for messages: `'true'`, `5`, `an object`, `missing`. */
export function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `'${v.length > 60 ? v.slice(0, 57) + '...' : v}'`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/** The keys of `obj` whose values fail `ok`, described, e.g. `box (a list), cls ('x')`; at most five. */
export function badEntries(obj: Record<string, unknown>, ok: (v: unknown) => boolean): string | undefined {
  const bad = Object.entries(obj).filter(([, v]) => !ok(v));
  if (bad.length === 0) return undefined;
  const shown = bad.slice(0, 5).map(([k, v]) => `${k} (${describe(v)})`);
  return shown.join(', ') + (bad.length > 5 ? ` and ${bad.length - 5} more` : '');
}

/** True when a string looks like a local absolute path (`/…`, `~…`, `C:\…`). */
export const isLocalPath = (s: string): boolean => /^(\/|~|[A-Za-z]:\\)/.test(s);

export type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

/** Parses a request body as JSON; the problem names Python's non-JSON words when they are the cause. */
export function parseJson(text: string, doc: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const word = /(?<![\w"])(-?Infinity|NaN)(?![\w"])/.exec(text)?.[1];
    if (word) {
      return { ok: false, problem: `the body holds a bare ${word}, which is not JSON; ${doc} sends null instead` };
    }
    return { ok: false, problem: `the body is not JSON (${(e as Error).message})` };
  }
}

/** True when the Content-Type header is the given media type (parameters such as charset allowed). */
export function hasMediaType(header: string | undefined, type: string): boolean {
  return (header ?? '').split(';')[0].trim().toLowerCase() === type;
}
