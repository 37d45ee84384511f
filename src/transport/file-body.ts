/**
 * The body of one upload attempt, written straight into the request: the multipart head (may be
 * empty), the file, then the tail. Memory stays constant whatever the file size: the file is read
 * into a small ring of slices that are reused, each one only once the socket has taken its bytes
 * and the hash has taken them too, so nothing waits for the garbage collector. The SHA-256 of the
 * file bytes is computed from the same slices on another thread (hasher.ts) while this one sends,
 * and a file that is not exactly as long as its stat said (training still writing it) fails the
 * attempt.
 *
 * Reads are synchronous, as curl's are: a slice comes from the page cache in microseconds, and the
 * socket's buffers keep the connection busy meanwhile. The process has nothing else to do while
 * it uploads.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { StreamedBody } from './exchange.js';
import type { Hasher, HashJob } from './hasher.js';

/**
 * Large enough to keep syscalls and hand-overs between the threads few (each wake-up of the other
 * thread crosses cores), small enough that a slice is still in the CPU's cache when it is hashed.
 * Measured on 2 cores against 256 KiB × 16 and 512 KiB × 8: the least CPU per GiB and the fastest.
 */
const SLICE_BYTES = 1024 * 1024;
/** Slices in the ring: 8 MiB shared by the socket (on top of what the kernel buffers) and the hash. */
const RING = 8;

/** The file on disk is no longer the file that was stat'ed before the attempt. */
export class FileChangedError extends Error {}

export interface FileBodyOptions {
  file: string;
  size: number;
  head: Buffer;
  tail: Buffer;
  hasher: Hasher;
  /** File bytes the socket has taken so far; also called once the head and the tail went. */
  onSent: (fileBytes: number) => void;
  /** A FileChangedError or the read error; the caller aborts the request (it is never ended). */
  onFail: (err: Error) => void;
}

export interface FileBody extends StreamedBody {
  /** SHA-256 (hex) of the file bytes, once every one was handed to the socket; undefined before. */
  sha256(): Promise<string> | undefined;
  /** True once the whole body was written and the request ended. */
  readonly ended: boolean;
  /** Stops sending and closes the file (never ends the request). Safe to call more than once. */
  close(): void;
}

export function fileBody(o: FileBodyOptions): FileBody {
  return new FileSender(o);
}

class FileSender implements FileBody {
  ended = false;
  private fd?: number;
  private req?: Writable;
  private stopped = false;
  private readonly job: HashJob;
  private digest?: Promise<string>;
  /** File bytes read (and handed to the socket), and slices read. */
  private read = 0;
  private slices = 0;
  private inFlight = 0;
  /** Slots the socket still holds. */
  private readonly busy: boolean[];
  private waitingForHash = false;

  constructor(private readonly o: FileBodyOptions) {
    const slice = Math.max(1, Math.min(SLICE_BYTES, o.size));
    const ring = Math.max(1, Math.min(RING, Math.ceil(o.size / slice)));
    this.job = o.hasher.job(ring, slice);
    this.busy = new Array<boolean>(ring).fill(false);
  }

  sha256(): Promise<string> | undefined {
    return this.digest;
  }

  writeTo(req: Writable): void {
    this.req = req;
    this.guarded(() => {
      this.fd = openSync(this.o.file, 'r');
      if (this.o.head.length > 0) req.write(this.o.head);
      this.o.onSent(0);
      this.pump();
    });
  }

  close(): void {
    this.stopped = true;
    this.closeFile();
    if (!this.digest) this.job.abort();
  }

  /**
   * Reads and writes slices while the ring has one the socket gave back and the hash is done
   * with; then waits for the socket (its write callback) or the hash (a promise), whichever
   * holds the next slot.
   */
  private pump(): void {
    const { size } = this.o;
    const ring = this.job.slots.length;
    while (!this.stopped && !this.waitingForHash && this.read < size) {
      const k = this.slices;
      const slot = k % ring;
      if (this.busy[slot]) return;
      // Waiting for the hash frees half the ring at once, so that a wake-up is rare.
      const hashed = k >= ring ? this.job.hashed(Math.min(k - ring + 1 + (ring >> 1), k)) : undefined;
      if (hashed) {
        this.waitingForHash = true;
        hashed.then(
          () => {
            this.waitingForHash = false;
            if (!this.stopped) this.guarded(() => this.pump());
          },
          (err: Error) => this.guarded(() => { throw err; }),
        );
        return;
      }
      const buf = this.job.slots[slot];
      const n = readSync(this.fd!, buf, 0, Math.min(buf.length, size - this.read), this.read);
      if (n === 0) throw new FileChangedError(`ended after ${this.read} of ${size} bytes`);
      this.job.publish(k, n);
      this.slices++;
      this.read += n;
      const upTo = this.read;
      this.busy[slot] = true;
      this.inFlight++;
      this.req!.write(buf.subarray(0, n), (err) => this.taken(slot, upTo, err));
    }
    if (this.read === size && this.inFlight === 0 && !this.ended) this.finish();
  }

  /** The socket took a slice (or the request failed: the exchange reports that). */
  private taken(slot: number, upTo: number, err: Error | null | undefined): void {
    this.inFlight--;
    if (this.stopped) return;
    if (err) return this.close();
    this.busy[slot] = false;
    this.o.onSent(upTo);
    this.guarded(() => this.pump());
  }

  /** Every file byte went: refuse a file that grew meanwhile, then send the tail. */
  private finish(): void {
    if (readSync(this.fd!, Buffer.alloc(1), 0, 1, this.o.size) > 0) {
      throw new FileChangedError(`grew beyond ${this.o.size} bytes while it was read`);
    }
    this.closeFile();
    this.digest = this.job.end();
    // Read by the transport once the answer is in; a hash that failed meanwhile fails the attempt there.
    this.digest.catch(() => undefined);
    this.ended = true;
    this.req!.end(this.o.tail, () => this.o.onSent(this.o.size));
  }

  private closeFile(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private guarded(step: () => void): void {
    try {
      step();
    } catch (err) {
      if (this.stopped) return;
      this.close();
      this.o.onFail(err as Error);
    }
  }
}
