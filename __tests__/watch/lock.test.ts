/** One watcher per run directory: the lock file, its stale cases, and where it and the state file live. */
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { STATE_FILE_NAME, stateLocation } from '../../src/session/state-file.js';
import { processStartMs } from '../../src/watch/daemon.js';
import { acquireLock, lockHolder } from '../../src/watch/lock.js';

describe('watch lock', () => {
  let dir: string;
  let other: ChildProcess;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-lock-'));
    other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await new Promise((r) => other.once('spawn', r));
  });
  after(() => {
    other.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const lockOf = (name: string) => path.join(dir, name);

  it('is taken once; released, it is gone', () => {
    const file = lockOf('a.lock');
    const lock = acquireLock(file);
    assert.ok('release' in lock);
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).pid, process.pid);
    lock.release();
    assert.equal(fs.existsSync(file), false);
  });

  it('a live watcher holds it: the second one is told its pid', () => {
    const file = lockOf('b.lock');
    fs.writeFileSync(file, JSON.stringify({ pid: other.pid, started: processStartMs(other.pid as number) }));
    assert.deepEqual(acquireLock(file), { heldBy: other.pid });
    assert.equal(lockHolder(file), other.pid);
  });

  it('a lock whose process is dead is stale and taken over', async () => {
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((r) => dead.once('close', r));
    const file = lockOf('c.lock');
    fs.writeFileSync(file, JSON.stringify({ pid: dead.pid }));
    const lock = acquireLock(file);
    assert.ok('release' in lock, 'a dead watcher kept the lock');
    lock.release();
  });

  it('a lock whose pid now runs another process (another start time) is stale and taken over', { skip: !fs.existsSync('/proc/self/stat') && 'needs /proc' }, () => {
    const file = lockOf('d.lock');
    fs.writeFileSync(file, JSON.stringify({ pid: other.pid, started: (processStartMs(other.pid as number) as number) - 60_000 }));
    const lock = acquireLock(file);
    assert.ok('release' in lock, 'a reused pid kept the lock');
    lock.release();
  });

  it('a lock that is not a lock (a FIFO, a link to /dev/zero) is stale and taken over at once, never read until it ends', () => {
    const fifo = lockOf('fifo.lock');
    execFileSync('mkfifo', [fifo]);
    const zero = lockOf('zero.lock');
    fs.symlinkSync('/dev/zero', zero);
    for (const file of [fifo, zero]) {
      assert.equal(lockHolder(file), null);
      const lock = acquireLock(file);
      assert.ok('release' in lock, `${file} taken over`);
      assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).pid, process.pid);
      lock.release();
    }
  });

  it('release leaves a lock that another process took', () => {
    const file = lockOf('e.lock');
    const lock = acquireLock(file);
    assert.ok('release' in lock);
    fs.writeFileSync(file, JSON.stringify({ pid: other.pid }));
    lock.release();
    assert.equal(fs.existsSync(file), true);
  });
});

describe('stateLocation', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-where-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  /** The fallback name, derived here from the documented rule: <base name>-<16 hex of sha256(real path)>.json. */
  const fallbackName = (real: string) => `${path.basename(real)}-${createHash('sha256').update(real).digest('hex').slice(0, 16)}.json`;

  it('explicit wins; a writable run directory keeps its own', () => {
    const run = path.join(dir, 'runs/detect/train');
    fs.mkdirSync(run, { recursive: true });
    const env = { XDG_STATE_HOME: path.join(dir, 'xdg'), HOME: path.join(dir, 'home') };
    assert.deepEqual(stateLocation(run, path.join(dir, 'mine.json'), env), { file: path.join(dir, 'mine.json'), fallback: false });
    assert.deepEqual(stateLocation(run, null, env), { file: path.join(run, STATE_FILE_NAME), fallback: false });
  });

  it('a state kept in the state directory earlier is found again, by the real path (XDG_STATE_HOME, else ~/.local/state)', () => {
    const run = path.join(dir, 'runs/detect/kept');
    fs.mkdirSync(run, { recursive: true });
    const link = path.join(dir, 'link-to-kept');
    fs.symlinkSync(run, link);
    const real = fs.realpathSync(run);
    for (const [env, base] of [
      [{ XDG_STATE_HOME: path.join(dir, 'xdg'), HOME: path.join(dir, 'home') }, path.join(dir, 'xdg')],
      [{ HOME: path.join(dir, 'home') }, path.join(dir, 'home/.local/state')],
      [{ HOME: path.join(dir, 'home'), XDG_STATE_HOME: 'relative/ignored' }, path.join(dir, 'home/.local/state')],
    ] as const) {
      const kept = path.join(base, 'ultralytics-sync', fallbackName(real));
      fs.mkdirSync(path.dirname(kept), { recursive: true });
      fs.writeFileSync(kept, '{}');
      assert.deepEqual(stateLocation(link, null, env), { file: kept, fallback: true });
      fs.rmSync(kept);
    }
    // Once the run directory has its own state file again, that one is used.
    fs.writeFileSync(path.join(run, STATE_FILE_NAME), '{}');
    assert.equal(stateLocation(run, null, { HOME: path.join(dir, 'home') }).file, path.join(run, STATE_FILE_NAME));
  });
});
