/**
 * Training arguments as Python's `str()` spells them (Platform `trainArgs`): `True`, `None`,
 * `0.01`, `1.0`, `[640, 640]`, `{0: 'person'}`. args.yaml is parsed with integers as BigInt so that
 * `1.0` (a float) and `1` (an int) stay apart, and mappings as Maps so that keys keep their types.
 */
import { parse } from 'yaml';
import { baseName } from '../rundir/args-yaml.js';
import { pyFloatRepr } from '../transport/py-json.js';

/** Reduces local absolute paths (POSIX, `~`, Windows) to base names; others pass through. */
function localToBase(value: string): string {
  return /^(\/|~|[A-Za-z]:[\\/]|\\\\)/.test(value) ? baseName(value) : value;
}

function repr(value: unknown): string {
  if (typeof value === 'string') return `'${localToBase(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return str(value);
}

export function str(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return pyFloatRepr(value);
  if (typeof value === 'string') return localToBase(value);
  if (Array.isArray(value)) return `[${value.map(repr).join(', ')}]`;
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${repr(k)}: ${repr(v)}`).join(', ')}}`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${repr(k)}: ${repr(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** Arguments that always hold a local path: only their base name is sent, whatever the path's form. */
const PATH_ARGS = new Set(['data', 'save_dir']);

/**
 * Every argument of an args.yaml text, as `str()` spells it. `data` and `save_dir` go out as base
 * names for every path form (absolute or relative, POSIX or Windows); other values lose only an
 * absolute local path. The runner's layout never leaves the machine.
 */
export function trainArgStrings(yamlText: string): Record<string, string> {
  const doc = parse(yamlText, { intAsBigInt: true, mapAsMap: true }) as Map<unknown, unknown> | null;
  const out: Record<string, string> = {};
  for (const [k, v] of doc instanceof Map ? doc : []) {
    const key = String(k);
    out[key] = PATH_ARGS.has(key) && typeof v === 'string' ? baseName(v) : str(v);
  }
  return out;
}
