// After the watch-mode post: every epoch arrived once, the final model's bytes, training_complete.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const input = (name) => process.env[`INPUT_${name.toUpperCase()}`] ?? '';
const epochs = Number(input('epochs'));
const state = await (await fetch(`${input('emulator')}/_emulator/state`)).json();
assert.deepEqual(state.protocolErrors, []);
const runs = Object.values(state.platform.runs);
assert.equal(runs.length, 1, 'one run registered');
const run = runs[0];
assert.equal(Object.keys(run.epochs).length, epochs, 'every epoch arrived');
assert.equal(run.epochEvents, epochs, 'no epoch was sent twice');
assert.ok(run.complete, 'training_complete arrived');
const best = createHash('sha256').update(readFileSync(`${input('run-dir')}/weights/best.pt`)).digest('hex');
assert.equal(run.puts.at(-1).sha256, best, 'the final best.pt arrived intact');
console.log(`OK: ${epochs} epochs live, final best.pt ${best.slice(0, 12)}…, training_complete`);
