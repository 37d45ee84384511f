/**
 * One watcher per run directory: two `watch: true` steps in one job (or a `watch` beside a `run`)
 * would otherwise send every epoch twice. The watcher that starts following a run directory holds
 * a lock file beside its state file (`<state file>.lock`), created with O_EXCL and holding its pid
 * and start time. A lock whose process is dead, or whose pid now belongs to another process (pid
 * reuse: another start time), is stale and taken over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularSync } from '../rundir/safe-read.js';
import { alive, processStartMs } from './daemon.js';

interface LockData {
  pid: number;
  /** The holder's start time (ms since the epoch, from /proc), when known. */
  started?: number;
}

export interface Lock {
  file: string;
  release(): void;
}

/** The lock on `file`, or the pid of the live watcher that holds it. */
export function acquireLock(file: string): Lock | { heldBy: number } {
  const mine: LockData = { pid: process.pid, started: processStartMs(process.pid) };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let tries = 0; tries < 3; tries++) {
    try {
      const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o644);
      try {
        fs.writeSync(fd, JSON.stringify(mine) + '\n');
      } finally {
        fs.closeSync(fd);
      }
      return { file, release: () => releaseLock(file) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = lockHolder(file);
    if (holder !== null) return { heldBy: holder };
    fs.rmSync(file, { force: true }); // stale: taken over (O_EXCL decides between two takers)
  }
  const holder = lockHolder(file);
  return { heldBy: holder ?? 0 };
}

/**
 * The pid of the live process that holds the lock on `file`, or null when there is no lock or it is
 * stale. A lock being written (empty for a moment) counts as held by an unknown process (0).
 */
export function lockHolder(file: string): number | null {
  let text: string;
  try {
    text = readLock(file);
  } catch {
    return null; // none, or not a lock at all (a FIFO, a device, a huge file): stale, taken over
  }
  let data: LockData;
  try {
    data = JSON.parse(text) as LockData;
  } catch {
    if (text === '' && ageMs(file) < 5000) return 0;
    return null; // a damaged lock
  }
  if (!Number.isInteger(data.pid) || data.pid <= 0) return null;
  if (data.pid === process.pid) return null; // our own (a stale one from an earlier life of this pid, or this process)
  if (!alive(data.pid)) return null;
  if (data.started !== undefined) {
    const now = processStartMs(data.pid);
    // Ticks are rounded: a start a second off is another process.
    if (now !== undefined && Math.abs(now - data.started) > 1000) return null;
  }
  return data.pid;
}

function releaseLock(file: string): void {
  try {
    const data = JSON.parse(readLock(file)) as LockData;
    if (data.pid === process.pid) fs.rmSync(file, { force: true });
  } catch {
    // gone already, or not ours
  }
}

/** A lock's text: a regular file of a few bytes, read without blocking (safe-read.ts). */
function readLock(file: string): string {
  return readRegularSync(file, { what: 'watch lock', confine: null, maxBytes: 64 * 1024 }).toString('utf8');
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}
