/** Console lines as the real client sends them live: stamped with the local time each was read. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stampLine } from '../../src/session/console-log.js';

describe('stampLine', () => {
  it('prefixes [YYYY-MM-DD HH:MM:SS] in local time, zero-padded', () => {
    const at = new Date(2026, 0, 2, 3, 4, 5); // local time, as the real client's datetime.now()
    assert.equal(stampLine('Overriding model.yaml nc=80 with nc=2', at), '[2026-01-02 03:04:05] Overriding model.yaml nc=80 with nc=2');
    assert.equal(stampLine('', at), '[2026-01-02 03:04:05] ');
  });

  it('uses the local clock, not UTC', () => {
    const at = new Date(Date.UTC(2026, 11, 31, 23, 59, 59));
    const local = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')} ${String(at.getHours()).padStart(2, '0')}:59:59`;
    assert.equal(stampLine('x', at), `[${local}] x`);
  });

  it('leaves a line that the trainer already stamped', () => {
    assert.equal(stampLine('[2026-12-02 01:58:11] already', new Date()), '[2026-12-02 01:58:11] already');
  });
});
