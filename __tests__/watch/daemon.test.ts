/** The watcher's Node flags: lite mode's memory saving, without a warning at the top of its log. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { NODE_FLAGS } from '../../src/watch/daemon.js';

describe('the watcher process flags', () => {
  it('start this Node in lite mode with nothing on stderr (no "disabling flag --expose_wasm" warning)', () => {
    const run = spawnSync(process.execPath, [...NODE_FLAGS, '-e', 'console.log(JSON.stringify(process.execArgv))'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual((JSON.parse(run.stdout) as string[]).slice(0, NODE_FLAGS.length), NODE_FLAGS);
    assert.ok(NODE_FLAGS.includes('--lite-mode') && NODE_FLAGS.includes('--max-semi-space-size=1'), 'the memory saving stays');
  });
});
