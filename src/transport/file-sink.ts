/**
 * The file end of a download: the answer's bytes go to `<dest>.part` as they arrive, hashed on the
 * way, and the file gets its name only once it is whole. Memory stays constant whatever the size:
 * each chunk the socket delivers is written (synchronously, as file-body.ts reads) before the next
 * one is taken, so the socket's own flow control holds the sender back.
 *
 * One sink lives across all tries of a download. A try that breaks off leaves the bytes it wrote;
 * the next try asks for the rest (`Range`, with `If-Range` so a file that changed on the server
 * comes whole instead of being spliced), and the hash goes on from where it stopped. A server that
 * answers 200 instead of 206 sends the whole file again, and the sink starts over.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { basename, dirname } from 'node:path';
import type { Failure } from './attempt.js';

/** A failure the sink found in the answer (its head or its length), to end the try with. */
export class SinkError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.detail);
  }
}

/** `bytes 100-199/1000` → {start: 100, end: 199, total: 1000}; total undefined for `*`. */
export function parseContentRange(value: string | undefined): { start: number; end: number; total?: number } | undefined {
  const m = /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(value ?? '');
  if (!m) return undefined;
  const [start, end] = [Number(m[1]), Number(m[2])];
  if (end < start) return undefined;
  return { start, end, total: m[3] === '*' ? undefined : Number(m[3]) };
}

/** A validator If-Range may carry: a strong ETag (a weak one cannot validate a range), else Last-Modified. */
function validatorOf(headers: IncomingHttpHeaders): string | undefined {
  const etag = headers.etag?.trim();
  if (etag && !etag.startsWith('W/')) return etag;
  return headers['last-modified']?.trim() || undefined;
}

function contentLength(headers: IncomingHttpHeaders): number | undefined {
  const v = headers['content-length'];
  return v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined;
}

export class FileSink {
  readonly part: string;
  /** File bytes written so far (and hashed). */
  written = 0;
  /** Size of the whole file, once the server said it. */
  total?: number;
  /** Bytes a try did not fetch again because it continued at an offset. */
  resumed = 0;
  private hash: Hash = createHash('sha256');
  private validator?: string;

  constructor(readonly dest: string) {
    this.part = `${dest}.part`;
  }

  /** Headers for the next try: continue at `written` when there is something to continue and a validator. */
  rangeHeaders(): Record<string, string> {
    if (this.written === 0 || !this.validator) return {};
    return { Range: `bytes=${this.written}-`, 'If-Range': this.validator };
  }

  /** Forgets the bytes so far: the next try fetches the whole file. */
  restart(): void {
    this.written = 0;
    this.total = undefined;
    this.validator = undefined;
    this.hash = createHash('sha256');
  }

  /** Writes a 2xx answer's body into the part file; `onBytes` after each chunk. Rejects with SinkError or the socket's error. */
  async receive(answer: IncomingMessage, onBytes: (written: number) => void): Promise<void> {
    try {
      this.begin(answer.statusCode ?? 0, answer.headers);
    } catch (err) {
      answer.destroy(); // the body is not wanted: do not leave it on a kept-alive socket
      throw err;
    }
    let fd: number;
    try {
      fd = openSync(this.part, this.written > 0 ? 'r+' : 'w');
      if (this.written > 0) ftruncateSync(fd, this.written); // drop what a broken write may have left past it
    } catch (err) {
      answer.destroy();
      throw new SinkError(writeFailure(this.part, err));
    }
    try {
      await new Promise<void>((resolve, reject) => {
        answer.on('data', (chunk: Buffer) => {
          try {
            for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done, chunk.length - done, this.written + done);
          } catch (err) {
            answer.destroy();
            reject(new SinkError(writeFailure(this.part, err)));
            return;
          }
          this.hash.update(chunk);
          this.written += chunk.length;
          onBytes(this.written);
        });
        answer.once('end', resolve);
        answer.once('error', reject);
        answer.once('close', () => {
          if (!answer.complete) reject(Object.assign(new Error('connection closed before the end of the file'), { code: 'ECONNRESET' }));
        });
      });
    } finally {
      closeSync(fd);
    }
    if (this.total !== undefined && this.written !== this.total) {
      throw new SinkError({ detail: `the file ended after ${this.written} of ${this.total} bytes`, retriable: true });
    }
  }

  /** The whole file got its name: returns its sha256. */
  finish(): string {
    renameSync(this.part, this.dest);
    return this.hash.digest('hex');
  }

  /** Removes the part file (the download gave up). */
  discard(): void {
    rmSync(this.part, { force: true });
  }

  /** Where this answer's body goes: on after `written` (206 at that offset) or from the start (200). */
  private begin(status: number, headers: IncomingHttpHeaders): void {
    if (status === 206) {
      const range = parseContentRange(headers['content-range']);
      if (!range || range.start !== this.written || this.written === 0) {
        const asked = this.written;
        this.restart();
        throw new SinkError({
          detail: `the server sent ${headers['content-range'] ?? 'a 206 without Content-Range'} when byte ${asked} was asked for; fetching the whole file`,
          retriable: true,
        });
      }
      this.resumed += range.start;
      if (range.total !== undefined) this.total = range.total;
      return;
    }
    this.restart();
    this.validator = validatorOf(headers);
    this.total = contentLength(headers);
  }
}

function writeFailure(file: string, err: unknown): Failure {
  const code = (err as { code?: unknown })?.code;
  const why = typeof code === 'string' ? code : String((err as Error)?.message ?? err);
  const hint = code === 'ENOSPC' ? 'free some disk space' : 'check that the directory exists and is writable';
  return {
    detail: `cannot write ${basename(file)} in ${dirname(file)} (${why}): ${hint}`,
    retriable: false,
    code: typeof code === 'string' ? code : undefined,
  };
}
