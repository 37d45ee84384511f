/**
 * A fast, exact parser for the decimal cells of results.csv (`0.5`, `  1.2345`, `9.5438e-07`),
 * reading bytes in place, without making a string per cell.
 *
 * It uses Clinger's fast path: when the digits form an integer below 2^53 and the power of ten
 * is at most 10^22, both are exact doubles, so one multiplication or division gives the correctly
 * rounded value, the same as `Number()`. Anything else (more digits, a far exponent, `nan`, an
 * empty or broken cell) returns NaN, and the caller falls back to `Number()` on the cell's text.
 */

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const MAX_EXACT = 2 ** 53;
const MAX_EXP_DIGITS = 4;

/** bytes[start, end) as a number, or NaN when the fast path does not apply. Surrounding spaces and tabs are allowed. */
export function fastDecimal(bytes: Uint8Array, start: number, end: number): number {
  let p = start;
  let e = end;
  while (p < e && isBlank(bytes[p])) p++;
  while (e > p && isBlank(bytes[e - 1])) e--;
  if (p === e) return NaN;

  let c = bytes[p];
  const negative = c === 0x2d; // -
  if (negative || c === 0x2b /* + */) p++;

  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  for (; p < e; p++) {
    c = bytes[p];
    if (c < 0x30 || c > 0x39) break;
    mantissa = mantissa * 10 + (c - 0x30);
    digits++;
  }
  if (p < e && c === 0x2e /* . */) {
    for (p++; p < e; p++) {
      c = bytes[p];
      if (c < 0x30 || c > 0x39) break;
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      scale--;
    }
  }
  if (digits === 0) return NaN;
  if (p < e && (c === 0x65 /* e */ || c === 0x45) /* E */) {
    p++;
    const expNegative = bytes[p] === 0x2d;
    if (expNegative || bytes[p] === 0x2b) p++;
    let exp = 0;
    let expDigits = 0;
    for (; p < e; p++) {
      c = bytes[p];
      if (c < 0x30 || c > 0x39 || expDigits === MAX_EXP_DIGITS) return NaN;
      exp = exp * 10 + (c - 0x30);
      expDigits++;
    }
    if (expDigits === 0) return NaN;
    scale += expNegative ? -exp : exp;
  }
  if (p !== e || mantissa >= MAX_EXACT) return NaN;
  if (mantissa === 0) return negative ? -0 : 0;
  if (scale > 22 || scale < -22) return NaN;
  const value = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
  return negative ? -value : value;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}
