/**
 * The body of one upload attempt as a stream: the multipart head (may be empty), the file read
 * from disk in large chunks and handed on in small slices, then the tail. Memory stays constant
 * whatever the file size: one read buffer and one slice in flight, pulled only as fast as the
 * request consumes them. The SHA-256 of the file bytes is computed on the way, and a file that
 * is not exactly as long as its stat said (training still writing it) fails the stream.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

const READ_CHUNK = 4 * 1024 * 1024;
/** Slices are counted as sent once the request takes them, so progress lags the socket by at most one. */
const SLICE = 64 * 1024;

/** The file on disk is no longer the file that was stat'ed before the attempt. */
export class FileChangedError extends Error {}

export interface FileBodyOptions {
  file: string;
  size: number;
  head: Buffer;
  tail: Buffer;
  /** Bytes of the file the request has taken so far; also called as the head and tail go. */
  onSent: (fileBytes: number) => void;
  /**
   * Called, before the stream errors, with a FileChangedError or the read error. The request must
   * be aborted here: once the stream closes, the HTTP client ends the request as if complete.
   */
  onFail: (err: Error) => void;
}

export interface FileBody {
  stream: Readable;
  /** SHA-256 (hex) of the file bytes, once all of them were handed on; undefined before. */
  sha256(): string | undefined;
}

export function fileBody(o: FileBodyOptions): FileBody {
  let digest: string | undefined;

  async function* parts(): AsyncGenerator<Buffer> {
    if (o.head.length > 0) yield o.head;
    o.onSent(0);
    const hash = createHash('sha256');
    let read = 0;
    let sent = 0;
    for await (const chunk of createReadStream(o.file, { highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>) {
      if (read + chunk.length > o.size) throw new FileChangedError(`grew beyond ${o.size} bytes while it was read`);
      read += chunk.length;
      hash.update(chunk);
      for (let at = 0; at < chunk.length; at += SLICE) {
        const slice = chunk.subarray(at, at + SLICE);
        yield slice;
        sent += slice.length;
        o.onSent(sent);
      }
      // Known as soon as the last byte went: the answer may come before the end-of-file read.
      if (sent === o.size) digest = hash.digest('hex');
    }
    if (read !== o.size) throw new FileChangedError(`ended after ${read} of ${o.size} bytes`);
    digest ??= hash.digest('hex');
    if (o.tail.length > 0) yield o.tail;
    o.onSent(sent);
  }

  async function* guarded(): AsyncGenerator<Buffer> {
    try {
      yield* parts();
    } catch (err) {
      o.onFail(err as Error);
      throw err;
    }
  }

  const stream = Readable.from(guarded(), { objectMode: false });
  // The failure reaches the caller through onFail; without a listener the error would be uncaught.
  stream.on('error', () => undefined);
  return { stream, sha256: () => digest };
}
