/**
 * Following files while another process writes them, by polling `stat`: cheap (a few syscalls a
 * tick), reliable on every filesystem (fs.watch is not, on network and container mounts), and
 * indifferent to how the writer replaces a file (in place, or a new file renamed over it).
 */
import * as fs from 'node:fs';
import { openRegularSync } from '../rundir/safe-read.js';
import { logLines } from '../session/console-log.js';

/** What identifies one version of a file: a rewrite changes at least one of these. */
export interface Signature {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** The file's signature; null when it is missing or not a regular file (`dirs`: a directory counts too). */
export function signatureOf(file: string, opts: { dirs?: boolean } = {}): Signature | null {
  try {
    const s = fs.statSync(file);
    return s.isFile() || (opts.dirs && s.isDirectory()) ? { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino } : null;
  } catch {
    return null;
  }
}

const same = (a: Signature | null, b: Signature | null) =>
  a === b || (a !== null && b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino);

/** Tells when a file appeared or changed since the last look, and whether it has been still for a while. */
export class ChangeWatch {
  private last: Signature | null = null;
  private stillSince = 0;

  constructor(readonly file: string) {}

  /** True when the file exists and differs from the last look. */
  changed(now: number): boolean {
    const sig = signatureOf(this.file);
    if (same(sig, this.last)) return false;
    this.last = sig;
    this.stillSince = now;
    return sig !== null;
  }

  /** The file exists and has not changed for `ms` (a writer that stopped writing). */
  stillFor(ms: number, now: number): boolean {
    this.changed(now);
    return this.last !== null && now - this.stillSince >= ms;
  }

  get current(): Signature | null {
    return this.last;
  }
}

/** The most one `LineFollower.read()` reads. */
const MAX_READ_BYTES = 16 * 1024 * 1024;

/**
 * A growing text file read a line at a time: each `read()` gives the whole lines written since the
 * last one; a line without its newline yet waits. A file that shrank (rewritten, rotated) is read
 * again from its start. Lines are cut as the whole-file reader cuts them (console-log.ts), so a
 * live sync and a later sync of the whole file count the same lines.
 */
export class LineFollower {
  private offset = 0;
  private ino = -1;

  /** `confine`: the workspace; a file in it that leads out through a symlink is not read (safe-read.ts). */
  constructor(
    readonly file: string,
    private readonly confine: string | null = null,
  ) {}

  read(): string[] {
    const sig = signatureOf(this.file);
    if (!sig) return [];
    const fresh = sig.ino !== this.ino;
    if (fresh || sig.size < this.offset) this.offset = 0;
    if (sig.size === this.offset) return [];
    // The rules of every read (safe-read.ts): a regular file, opened without waiting on a FIFO; the
    // real path is checked once per file (a new inode), not every tick.
    let fd: number;
    try {
      fd = openRegularSync(this.file, { what: 'log-file', confine: fresh ? this.confine : null });
    } catch {
      return [];
    }
    this.ino = sig.ino;
    // Bounded per read, whatever stat says (a sparse or runaway file): the rest comes next tick.
    const buf = Buffer.alloc(Math.min(sig.size - this.offset, MAX_READ_BYTES));
    let got = 0;
    try {
      while (got < buf.length) {
        const n = fs.readSync(fd, buf, got, buf.length - got, this.offset + got);
        if (n === 0) break;
        got += n;
      }
    } finally {
      fs.closeSync(fd);
    }
    let end = buf.subarray(0, got).lastIndexOf(0x0a) + 1;
    if (end === 0 && got === MAX_READ_BYTES) end = got; // one line longer than a whole read: taken as it is
    if (end === 0) return [];
    this.offset += end;
    return logLines(buf.toString('utf8', 0, end));
  }

}
