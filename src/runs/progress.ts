/**
 * The progress line of a step with several runs (a folder of past runs can hold hundreds): run k of
 * n, its epochs, and when the rest will have arrived. The estimate comes from the requests the runs
 * so far needed per epoch and the pace at which the server let them through, which under a rate
 * limit is the limit itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Pacer } from '../transport/pacer.js';

export class Progress {
  private readonly started: number;
  private readonly sentBefore: number;
  /** Epochs per run, counted from the results.csv rows (an estimate: the sync reads them properly). */
  private readonly epochs: number[];

  constructor(
    runDirs: string[],
    private readonly pacer: Pacer,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
    this.sentBefore = pacer.sent;
    this.epochs = runDirs.map(countRows);
  }

  /** The line before run `index` (0-based) starts. */
  line(index: number, name: string): string {
    const n = this.epochs.length;
    const eta = this.eta(index);
    return `Run ${index + 1} of ${n}: ${name} (${this.epochs[index]} epochs)${eta === null ? '' : `; the rest in about ${duration(eta)}`}`;
  }

  /** Milliseconds until every run from `index` on has arrived, or null before anything was measured. */
  eta(index: number): number | null {
    const sent = this.pacer.sent - this.sentBefore;
    const elapsed = this.now() - this.started;
    // A run costs about one request per epoch plus a few of its own (registration, files, completion).
    const units = (from: number, to: number) => this.epochs.slice(from, to).reduce((a, e) => a + e + 1, 0);
    const done = units(0, index);
    if (sent === 0 || done === 0 || elapsed <= 0) return null;
    const requestsLeft = (sent / done) * units(index, this.epochs.length);
    return requestsLeft / (sent / elapsed);
  }
}

/** Most bytes of a results.csv read for the estimate (a real one holds a few hundred bytes per epoch). */
const MAX_BYTES = 4 << 20;

function countRows(dir: string): number {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path.join(dir, 'results.csv'), fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    if (!fs.fstatSync(fd).isFile()) return 0;
    const buf = Buffer.alloc(MAX_BYTES);
    const n = fs.readSync(fd, buf, 0, MAX_BYTES, 0);
    return Math.max(0, buf.toString('utf8', 0, n).split('\n').filter((l) => l.trim()).length - 1);
  } catch {
    return 0;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
