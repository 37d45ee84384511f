/**
 * SHA-256 off the event loop. An upload reads its file into a ring of slices in shared memory; the
 * socket sends a slice while a worker thread hashes the very same bytes, so the hash costs the
 * sending thread nothing and the two run on two cores. A slice is reused only once the socket has
 * taken it and the worker has hashed it, so memory stays at the ring's size whatever the file's.
 *
 * The two threads share counters, not messages: the main thread publishes a slice by raising
 * WRITTEN, the worker raises HASHED after each one. A message goes only when the main thread
 * waits for the hash (it set WANTED: the worker wakes it once HASHED reaches it; whichever thread
 * clears WANTED owns the wake-up, so none is lost), and for the digest. The
 * worker is started once per transport (ahead of the first upload when asked: `warm`), kept
 * across uploads and retries, and does not keep the process alive while idle. When a worker
 * cannot be started, the slices are hashed on the main thread as they are read, as before.
 */
import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** Indexes into the control words. */
const WRITTEN = 0;
const HASHED = 1;
/** 0 while slices come, END once every slice is written (digest when hashed), ABORT. */
const STATE = 2;
/** Bumped on every change the worker must see (a slice, the end, an abort): the word it sleeps on. */
const SIGNAL = 3;
/** The HASHED count the main thread waits for; 0 when it does not wait. */
const WANTED = 4;
/** 1 while the worker sleeps (then a new slice must wake it); 0 while it hashes. */
const SLEEPING = 5;
const WORDS = 6;
/**
 * Unhashed bytes that make it worth waking a sleeping worker. A wake-up crosses cores (on a VM,
 * an interrupt to another virtual CPU), so one per slice would cost more than it saves.
 */
const WAKE_BYTES = 1024 * 1024;
const END = 1;
const ABORT = 2;

/**
 * The worker's source, as an ES module in a data: URL: nothing to bundle or find on disk, and
 * read as a module whatever flags the process was started with (`eval` source would follow
 * `--input-type`).
 */
const WORKER_SOURCE = `
import { parentPort } from 'node:worker_threads';
import { createHash } from 'node:crypto';
parentPort.on('message', ({ id, data, ctrl, lens, slice }) => {
  const c = new Int32Array(ctrl);
  const lengths = new Int32Array(lens);
  const ring = lengths.length;
  const hash = createHash('sha256');
  for (let k = 0; ; ) {
    const signal = Atomics.load(c, ${SIGNAL});
    if (k < Atomics.load(c, ${WRITTEN})) {
      const slot = k % ring;
      hash.update(new Uint8Array(data, slot * slice, lengths[slot]));
      Atomics.store(c, ${HASHED}, ++k);
      const wanted = Atomics.load(c, ${WANTED});
      if (wanted > 0 && k >= wanted && Atomics.compareExchange(c, ${WANTED}, wanted, 0) === wanted) parentPort.postMessage({ id, hashed: k });
      continue;
    }
    const state = Atomics.load(c, ${STATE});
    if (state === ${ABORT}) return parentPort.postMessage({ id });
    if (state === ${END}) return parentPort.postMessage({ id, digest: hash.digest('hex') });
    Atomics.store(c, ${SLEEPING}, 1);
    Atomics.wait(c, ${SIGNAL}, signal);
    Atomics.store(c, ${SLEEPING}, 0);
  }
});
`;

/** One file's hash: slices are published in order; `end` gives the digest of all of them. */
export interface HashJob {
  /** The ring's slices, in shared memory when a worker hashes. */
  readonly slots: Buffer[];
  /** Slice `k` (0-based, in file order) now holds `length` bytes in slot k % slots.length. */
  publish(k: number, length: number): void;
  /** Resolves once slices 0 … k-1 are hashed (at once if they are). */
  hashed(k: number): Promise<void> | undefined;
  /** Every slice is published: the hex digest. */
  end(): Promise<string>;
  /** Stops hashing; the digest is never given. */
  abort(): void;
}

class InlineJob implements HashJob {
  readonly slots: Buffer[];
  private readonly hash: Hash = createHash('sha256');

  constructor(ring: number, slice: number) {
    this.slots = Array.from({ length: ring }, () => Buffer.allocUnsafe(slice));
  }

  publish(k: number, length: number): void {
    this.hash.update(this.slots[k % this.slots.length].subarray(0, length));
  }

  hashed(): undefined {
    return undefined;
  }

  end(): Promise<string> {
    return Promise.resolve(this.hash.digest('hex'));
  }

  abort(): void {}
}

class WorkerJob implements HashJob {
  readonly slots: Buffer[];
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(4 * WORDS));
  private wake?: { resolve: () => void; reject: (err: Error) => void };
  private readonly lengths: Int32Array;
  private done = false;

  constructor(
    private readonly hasher: Hasher,
    id: number,
    worker: Worker,
    ring: number,
    private readonly sliceBytes: number,
    private readonly digest: Promise<string | undefined>,
  ) {
    const slice = sliceBytes;
    const data = new SharedArrayBuffer(ring * slice);
    const lens = new SharedArrayBuffer(ring * 4);
    this.lengths = new Int32Array(lens);
    this.slots = Array.from({ length: ring }, (_, i) => Buffer.from(data, i * slice, slice));
    worker.postMessage({ id, data, ctrl: this.ctrl.buffer, lens, slice });
  }

  publish(k: number, length: number): void {
    this.lengths[k % this.slots.length] = length;
    Atomics.store(this.ctrl, WRITTEN, k + 1);
    // A sleeping worker is woken once enough waits for it; a busy one finds the slice by itself.
    if (Atomics.load(this.ctrl, SLEEPING) === 1 && (k + 1 - Atomics.load(this.ctrl, HASHED)) * this.sliceBytes >= WAKE_BYTES) this.signal();
    else Atomics.add(this.ctrl, SIGNAL, 1);
  }

  hashed(k: number): Promise<void> | undefined {
    if (Atomics.load(this.ctrl, HASHED) >= k) return undefined;
    // Whatever was held back for a batch is needed now.
    this.signal();
    Atomics.store(this.ctrl, WANTED, k);
    // The worker may have got there meanwhile: then this thread clears WANTED, and no message comes.
    if (Atomics.load(this.ctrl, HASHED) >= k && Atomics.compareExchange(this.ctrl, WANTED, k, 0) === k) return undefined;
    return new Promise((resolve, reject) => (this.wake = { resolve, reject }));
  }

  /** The worker's answer to WANTED, or its death. */
  woken(err?: Error): void {
    const wake = this.wake;
    this.wake = undefined;
    if (err) wake?.reject(err);
    else wake?.resolve();
  }

  async end(): Promise<string> {
    this.finish(END);
    const digest = await this.digest;
    if (digest === undefined) throw new Error('the hashing thread stopped before the digest');
    return digest;
  }

  abort(): void {
    if (this.done) return;
    this.finish(ABORT);
    // The worker answers without a digest; nobody waits for it.
    this.digest.catch(() => undefined);
  }

  private finish(state: number): void {
    this.done = true;
    Atomics.store(this.ctrl, STATE, state);
    this.signal();
    this.hasher.released();
  }

  private signal(): void {
    Atomics.add(this.ctrl, SIGNAL, 1);
    Atomics.notify(this.ctrl, SIGNAL);
  }
}

export class Hasher {
  private worker?: Worker;
  /** true once a worker could not start, or when none is wanted: slices are hashed inline. */
  private failed: boolean;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (d: string | undefined) => void; reject: (e: Error) => void; job?: WorkerJob }>();
  private active = 0;

  constructor(opts: { worker: boolean } = { worker: true }) {
    this.failed = !opts.worker;
  }

  /** Starts the worker now, so that its start-up overlaps with whatever comes before the upload. */
  warm(): void {
    this.ensureWorker();
  }

  /** A job for one attempt's file, with a ring of `ring` slices of `slice` bytes. */
  job(ring: number, slice: number): HashJob {
    const worker = this.ensureWorker();
    if (!worker) return new InlineJob(ring, slice);
    const id = ++this.nextId;
    const entry: { resolve: (d: string | undefined) => void; reject: (e: Error) => void; job?: WorkerJob } = {
      resolve: () => undefined,
      reject: () => undefined,
    };
    const digest = new Promise<string | undefined>((resolve, reject) => Object.assign(entry, { resolve, reject }));
    this.pending.set(id, entry);
    if (this.active++ === 0) worker.ref();
    entry.job = new WorkerJob(this, id, worker, ring, slice, digest);
    return entry.job;
  }

  /** A job no longer needs the worker to keep the process alive (its answer may still come). */
  released(): void {
    if (--this.active === 0 && this.pending.size === 0) this.worker?.unref();
  }

  /** Ends the worker; a digest still awaited fails. */
  dispose(): void {
    const worker = this.worker;
    this.lost(new Error('the transport was closed'));
    void worker?.terminate();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), { stdout: false, stderr: false });
      worker.on('message', (m: { id: number; digest?: string; hashed?: number }) => {
        const p = this.pending.get(m.id);
        if (m.hashed !== undefined) return p?.job?.woken();
        this.pending.delete(m.id);
        p?.resolve(m.digest);
        if (this.active === 0 && this.pending.size === 0) worker.unref();
      });
      worker.on('error', (err) => this.lost(err));
      worker.on('exit', () => this.lost(new Error('the hashing thread exited')));
      worker.unref();
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  /** The worker died: every waiting digest fails (the attempt is retried); later jobs hash inline. */
  private lost(err: Error): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.failed = true;
    for (const p of this.pending.values()) {
      p.job?.woken(err);
      p.reject(err);
    }
    this.pending.clear();
  }
}
