import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { datasetNames, namesOf } from '../../src/rundir/dataset-names.js';
import { terminalLog } from '../../src/log.js';

describe('namesOf (a dataset YAML`s names:)', () => {
  it('takes a list or a map of 0..n-1 in index order', () => {
    assert.deepEqual(namesOf({ names: ['a', 'b'] }), ['a', 'b']);
    assert.deepEqual(namesOf({ names: { 1: 'b', 0: 'a' } }), ['a', 'b']);
    assert.deepEqual(namesOf({ names: { 0: 7 } }), ['7']);
  });
  it('gives null for a gap, a negative index, a non-string or no names', () => {
    for (const doc of [{ names: { 0: 'a', 2: 'c' } }, { names: { '-1': 'x' } }, { names: { 0: { n: 1 } } }, { nc: 2 }, null, { names: {} }]) {
      assert.equal(namesOf(doc), null, JSON.stringify(doc));
    }
  });
});

describe('datasetNames', () => {
  const log = terminalLog({ verbose: false, write: () => {} });
  it('resolves a relative data path against each base in turn and skips URLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ds-names-'));
    try {
      writeFileSync(join(dir, 'd.yaml'), 'names: [cat, dog]\n');
      const args = (data: unknown) => ({ path: 'args.yaml', text: '', values: { data } });
      assert.deepEqual(await datasetNames(args('d.yaml'), [join(dir, 'nowhere'), dir], log), ['cat', 'dog']);
      assert.deepEqual(await datasetNames(args(join(dir, 'd.yaml')), [], log), ['cat', 'dog']);
      assert.equal(await datasetNames(args('missing.yaml'), [dir], log), null);
      assert.equal(await datasetNames(args('https://127.0.0.1:9/d.yaml'), [dir], log), null);
      assert.equal(await datasetNames(args(null), [dir], log), null);
      assert.equal(await datasetNames(null, [dir], log), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
