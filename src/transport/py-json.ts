/**
 * JSON text as Python's `json.dumps(value)` writes it with its defaults: `", "` and `": "`
 * separators, every non-ASCII character escaped as \uXXXX, floats in `repr()` form (`1e-05`,
 * `1.5e+16`). The servers are tuned to the Python clients, so our bodies match them byte for byte.
 *
 * JavaScript cannot tell `1` from `1.0`: safe integers are written as integers, every other
 * number as Python writes a float. Non-finite numbers become `null` (Python's `NaN` is not JSON).
 */

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A string literal with `ensure_ascii`: everything outside printable ASCII as \uXXXX (UTF-16 units). */
export function pyJsonString(s: string): string {
  return `"${s.replace(/[\\"]|[^ -~]/g, (ch) => SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

/**
 * Python's `repr(float(n))`: the shortest digits that round-trip, in fixed notation when the
 * decimal exponent is in [-4, 16) (with `.0` when integral), otherwise `d.ddde±XX`.
 */
export function pyFloatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const sign = n < 0 ? '-' : '';
  const [mantissa, expText] = Math.abs(n).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fraction = digits.slice(exp + 1) || '0';
  return `${sign}${whole}.${fraction}`;
}

function pyNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  return Number.isSafeInteger(n) ? String(n) : pyFloatRepr(n);
}

/** Values JSON leaves out of objects (and writes as null in arrays), as JSON.stringify does. */
function isSkipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function encode(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return encode((value as { toJSON: () => unknown }).toJSON());
  }
  if (value === null || isSkipped(value)) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return pyNumber(value);
    case 'bigint':
      return value.toString();
    case 'string':
      return pyJsonString(value);
  }
  if (Array.isArray(value)) return `[${value.map(encode).join(', ')}]`;
  const members = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => !isSkipped(v))
    .map(([k, v]) => `${pyJsonString(k)}: ${encode(v)}`);
  return `{${members.join(', ')}}`;
}

/** `json.dumps(value)` as Python writes it; see the module comment for numbers. */
export function pyJsonDumps(value: unknown): string {
  return encode(value);
}
