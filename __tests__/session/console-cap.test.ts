/** Console lines as chunks: a huge line is cut to its head and tail, and no chunk passes its byte budget. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_LINE_BYTES, capLine, chunkLines } from '../../src/session/console-log.js';

describe('console chunks', () => {
  it('cuts a line over the cap to head … N bytes cut … tail, on character boundaries', () => {
    const line = 'é'.repeat(10_000) + '→end'; // 2-byte and 3-byte characters
    const cut = capLine(line);
    assert.ok(Buffer.byteLength(cut) <= MAX_LINE_BYTES, `${Buffer.byteLength(cut)} bytes`);
    const m = /^(é+) … (\d+) bytes cut … (é*→end)$/.exec(cut);
    assert.ok(m, 'head, mark and tail, with no broken character');
    assert.equal(Buffer.byteLength(m[1]) + Number(m[2]) + Buffer.byteLength(m[3]), Buffer.byteLength(line), 'the mark counts exactly the bytes cut');
    assert.equal(capLine('short line'), 'short line');
  });

  it('keeps the line count and bounds every chunk, whatever the lines', () => {
    const lines = ['a', 'x'.repeat(5_000_000), ...Array.from({ length: 2000 }, (_, i) => `line ${i} ${'y'.repeat(i % 300)}`), 'z'.repeat(70_000)];
    const chunks = chunkLines(lines);
    assert.equal(chunks.reduce((n, c) => n + c.length, 0), lines.length);
    for (const c of chunks) {
      assert.ok(c.length <= 500);
      assert.ok(Buffer.byteLength(c.join('\n')) <= 64 * 1024, `a chunk of ${Buffer.byteLength(c.join('\n'))} bytes`);
    }
  });
});
