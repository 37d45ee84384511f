/** run --: the sync's own log lines never land inside the trainer's \r progress bar. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OutputGate } from '../../src/commands/output-gate.js';

function screen(tty: boolean, holdMs = 60_000) {
  const writes: string[] = [];
  const gate = new OutputGate({ out: (t) => writes.push(t), err: (t) => writes.push(t), tty, holdMs });
  return { gate, text: () => writes.join('') };
}

describe('OutputGate', () => {
  it('writes a log line at once at a line boundary', () => {
    const { gate, text } = screen(false);
    gate.child('Ultralytics 8.4.41\n', 'out');
    gate.log('Epoch 0 → platform');
    assert.equal(text(), 'Ultralytics 8.4.41\nEpoch 0 → platform\n');
  });

  it('off a terminal, holds log lines while the trainer is mid-line and writes them after its line ends', () => {
    const { gate, text } = screen(false);
    gate.child('\r  1/3 ━━──── 40%', 'out');
    gate.log('Epoch 0 → platform');
    gate.child('\r  1/3 ━━━━━━ 100%', 'out');
    assert.equal(text(), '\r  1/3 ━━──── 40%\r  1/3 ━━━━━━ 100%');
    gate.child('\n\r  2/3 ━───── 10%', 'err'); // the line ends (on the other stream) and the next bar starts
    assert.equal(text(), '\r  1/3 ━━──── 40%\r  1/3 ━━━━━━ 100%\nEpoch 0 → platform\n\r  2/3 ━───── 10%');
  });

  it('on a terminal, clears the bar, writes the line and draws the bar again below it', () => {
    const { gate, text } = screen(true);
    gate.child('Ultralytics\n\r  1/3 ━──── 20%\r  1/3 ━━━── 60%', 'out');
    gate.log('Epoch 0 → platform');
    assert.equal(text(), 'Ultralytics\n\r  1/3 ━──── 20%\r  1/3 ━━━── 60%\r\x1b[2KEpoch 0 → platform\n  1/3 ━━━── 60%');
  });

  it('a character split across chunks stays whole', () => {
    const { gate, text } = screen(false);
    const bar = Buffer.from('━━\n');
    gate.child(bar.subarray(0, 4), 'out');
    gate.child(bar.subarray(4), 'out');
    assert.equal(text(), '━━\n');
  });

  it('when the training ends mid-line, or a line never ends, the held lines go out on a line of their own', async () => {
    const ended = screen(false);
    ended.gate.child('\r 3/3 ━━ 50%', 'out');
    ended.gate.log('Epoch 2 → platform');
    ended.gate.end();
    ended.gate.log('Reported the run as failure.');
    assert.equal(ended.text(), '\r 3/3 ━━ 50%\nEpoch 2 → platform\nReported the run as failure.\n');

    const stuck = screen(false, 30);
    stuck.gate.child('Password: ', 'out');
    stuck.gate.log('Epoch 0 → platform');
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(stuck.text(), 'Password: \nEpoch 0 → platform\n');
  });
});
