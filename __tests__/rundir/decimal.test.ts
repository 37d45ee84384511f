import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fastDecimal } from '../../src/rundir/decimal.js';

const parse = (s: string) => {
  const b = Buffer.from(`,${s},`, 'latin1');
  return fastDecimal(b, 1, b.length - 1);
};

/** Deterministic pseudo-random doubles spread over many magnitudes. */
function* samples(count: number): Generator<number> {
  let x = 12345;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const mantissa = x / 2 ** 32;
    const exponent = (x % 24) - 14;
    yield (i % 2 ? -1 : 1) * mantissa * 10 ** exponent;
  }
}

describe('fastDecimal', () => {
  it('gives exactly what Number() gives for the formats Ultralytics writes', () => {
    let fast = 0;
    for (const v of samples(20_000)) {
      for (const text of [v.toPrecision(6), v.toPrecision(5), v.toExponential(4), String(v), v.toFixed(6), v.toPrecision(6).padStart(23)]) {
        const got = parse(text);
        if (Number.isNaN(got)) continue; // not on the fast path: the caller uses Number()
        fast++;
        assert.ok(Object.is(got, Number(text)), `${JSON.stringify(text)}: ${got} !== ${Number(text)}`);
      }
    }
    assert.ok(fast > 100_000, `only ${fast} values took the fast path`);
  });

  const table: [string, number][] = [
    ['0', 0],
    ['-0', -0],
    ['  1.5  ', 1.5],
    ['\t2', 2],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['007', 7],
    ['9.5438e-07', 9.5438e-7],
    ['1E-3', 0.001],
    ['-1.5e+02', -150],
    ['0e999', 0],
    ['9007199254740991', 9007199254740991],
  ];
  for (const [text, want] of table) {
    it(`reads ${JSON.stringify(text)}`, () => assert.ok(Object.is(parse(text), want), String(parse(text))));
  }

  for (const text of ['', '   ', '-', '.', 'e5', '1e', '1e+', '1.2.3', '1,5', 'nan', 'inf', '0x10', '1_000', '9007199254740992', '9007199254740993', '1e23', '1e-23', '1e99999']) {
    it(`leaves ${JSON.stringify(text)} to Number()`, () => assert.ok(Number.isNaN(parse(text))));
  }
});
