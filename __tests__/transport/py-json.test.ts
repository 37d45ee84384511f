import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pyFloatRepr, pyJsonDumps } from '../../src/transport/py-json.js';

// Expected texts are what CPython 3 prints for json.dumps(...) / repr(float) of the same values.
const dumps: [string, unknown, string][] = [
  ['brief example', { a: 1, b: [1e-5, 0.5] }, '{"a": 1, "b": [1e-05, 0.5]}'],
  [
    'float forms',
    [9.5438e-7, 1.5e16, 9.5e15, 2 ** 53, 0.0001, 5e-324, 1e300, -1e-7, 0.1 + 0.2, 123.456, 1e22, 1e16, 12345678901234567890, 0.00012],
    '[9.5438e-07, 1.5e+16, 9500000000000000.0, 9007199254740992.0, 0.0001, 5e-324, 1e+300, -1e-07, 0.30000000000000004, 123.456, 1e+22, 1e+16, 1.2345678901234567e+19, 0.00012]',
  ],
  [
    'ensure_ascii and escapes',
    'h\u00e9llo \u2603 \u{1F600} \x00\x1f\x7f\t\n\r\b\f/"\\',
    '"h\\u00e9llo \\u2603 \\ud83d\\ude00 \\u0000\\u001f\\u007f\\t\\n\\r\\b\\f/\\"\\\\"',
  ],
  [
    'HUB metrics: JSON text inside JSON',
    { metrics: { '0': pyJsonDumps({ 'train/box_loss': 1.2, 'metrics/mAP50-95(B)': 0.1 }) }, type: 'metrics' },
    '{"metrics": {"0": "{\\"train/box_loss\\": 1.2, \\"metrics/mAP50-95(B)\\": 0.1}"}, "type": "metrics"}',
  ],
  [
    'constants and empty containers',
    { x: null, y: true, z: false, e: {}, l: [], n: [null, { k: [] }] },
    '{"x": null, "y": true, "z": false, "e": {}, "l": [], "n": [null, {"k": []}]}',
  ],
  ['non-ASCII keys', { '\u00fcber': 'caf\u00e9' }, '{"\\u00fcber": "caf\\u00e9"}'],
  ['non-finite numbers become null', { nan: NaN, inf: Infinity, list: [-Infinity, 1] }, '{"nan": null, "inf": null, "list": [null, 1]}'],
  ['undefined members are left out, as JSON.stringify does', { a: undefined, b: 2, c: [undefined] }, '{"b": 2, "c": [null]}'],
  ['BigInt and negative integers', { big: 12345678901234567890n, neg: -42 }, '{"big": 12345678901234567890, "neg": -42}'],
];

for (const [name, value, expected] of dumps) {
  test(`pyJsonDumps: ${name}`, () => {
    assert.equal(pyJsonDumps(value), expected);
  });
}

test('pyFloatRepr spells floats as repr(float) does', () => {
  const cases: [number, string][] = [
    [1, '1.0'],
    [0.01, '0.01'],
    [1e-5, '1e-05'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [-0, '-0.0'],
    [100, '100.0'],
    [1e16, '1e+16'],
    [123456789.123, '123456789.123'],
  ];
  for (const [n, text] of cases) assert.equal(pyFloatRepr(n), text, `repr(${n})`);
});
