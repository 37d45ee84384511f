/**
 * Issue 18, B12: the post step signals a pid only while it is still our watcher. Real processes: an
 * unrelated child whose pid is handed to the post (as after pid reuse) is never signalled and the
 * post says so; the real watcher, proven by its start time and its environment, is stopped.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { terminalLog } from '../../src/log.js';
import type { Host } from '../../src/main.js';
import { runPost } from '../../src/post.js';
import { WATCHER_ENV, alive, processStartTicks, stopWatcher, watcherIdentity } from '../../src/watch/daemon.js';

const linux = fs.existsSync('/proc/self/stat');
let dir: string;
const children: ChildProcess[] = [];

/** A long-lived process of its own (not a watcher), with `env` added. */
function child(env: Record<string, string> = {}): ChildProcess {
  const c = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
  children.push(c);
  return c;
}

async function started(c: ChildProcess): Promise<number> {
  await new Promise((r) => c.once('spawn', r));
  // Its environment is the new program's once exec has run: wait for node to be up.
  for (let i = 0; i < 50 && !fs.readFileSync(`/proc/${c.pid}/cmdline`, 'utf8').includes('setInterval'); i++) await new Promise((r) => setTimeout(r, 20));
  return c.pid as number;
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-pid-'));
});
after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('B12: the post checks the pid before any signal', { skip: linux ? false : 'needs /proc (Linux) to check a process' }, () => {
  it('an unrelated process whose pid the post is given is not signalled, and the post says so', async () => {
    const other = child();
    const pid = await started(other);
    const handoffFile = path.join(dir, 'handoff.json');
    fs.writeFileSync(handoffFile, '{}');
    const lines: string[] = [];
    const host: Host = {
      input: () => '',
      env: {},
      log: terminalLog({ verbose: false, write: (l) => lines.push(l) }),
      setOutput: () => {},
      writeSummary: async () => null,
    };
    // The start time main saved for the watcher that had this pid: not this process's.
    const outcome = await runPost(host, { pid, handoffFile, startTicks: '1', logFile: path.join(dir, 'none.log') });
    assert.equal(outcome.exitCode, 0);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(alive(pid), 'the unrelated process was signalled');
    assert.equal(other.signalCode, null);
    const text = lines.join('\n');
    assert.match(text, new RegExp(`Process ${pid} is no longer the watcher .*so it was not signalled`));
    assert.doesNotMatch(text, /The watcher stopped/);
  });

  it('its start time alone, or its environment alone, tells an unrelated process from the watcher', async () => {
    const handoffFile = path.join(dir, 'w.json');
    const other = await started(child());
    assert.equal(watcherIdentity(other, { startTicks: processStartTicks(other) }), 'ours', 'same start time, nothing else known');
    assert.equal(watcherIdentity(other, { handoffFile }), 'not-ours', 'no marker in its environment');
    assert.equal(await stopWatcher(other, 1000, { startTicks: String(Number(processStartTicks(other)) + 1) }), 'not-ours');
    assert.equal(await stopWatcher(other, 1000, { handoffFile }), 'not-ours');
    assert.ok(alive(other));

    const marked = await started(child({ [WATCHER_ENV]: path.join(dir, 'another.json') }));
    assert.equal(watcherIdentity(marked, { handoffFile }), 'not-ours', 'a watcher of another handoff file');
  });

  it('the real watcher (its start time and its marker) is stopped', async () => {
    const handoffFile = path.join(dir, 'ours.json');
    const watcher = child({ [WATCHER_ENV]: handoffFile });
    const pid = await started(watcher);
    const id = { startTicks: processStartTicks(pid), handoffFile };
    assert.equal(watcherIdentity(pid, id), 'ours');
    assert.equal(await stopWatcher(pid, 5000, id), 'stopped');
    assert.equal(watcher.signalCode, 'SIGTERM');
  });
});
