/** Grouping under a byte budget: HUB metrics requests and Platform console chunks. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { batches } from '../../src/batches.js';
import { chunkLines } from '../../src/session/console-log.js';

it('groups in order under the byte budget and the count, never leaving an item out', () => {
  assert.deepEqual(batches([3, 3, 3, 5, 1], (n) => n, 6), [[3, 3], [3], [5, 1]]);
  assert.deepEqual(batches([9, 1], (n) => n, 4), [[9], [1]], 'an item larger than the budget goes alone');
  assert.deepEqual(batches([1, 1, 1], (n) => n, 100, 2), [[1, 1], [1]]);
  assert.deepEqual(batches([], (n: number) => n, 4), []);
});

it('chunks a long log into at most 500 lines a chunk', () => {
  const lines = Array.from({ length: 1201 }, (_, i) => `line ${i}`);
  const chunks = chunkLines(lines);
  assert.deepEqual(chunks.map((c) => c.length), [500, 500, 201]);
  assert.deepEqual(chunks.flat(), lines);
});
