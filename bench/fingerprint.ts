/**
 * A file's fingerprint as the sink takes it from a body on the way: the sha256 of the first 4 KiB
 * of every MiB. It catches a wrong, shifted or truncated file at no cost to the receiving side;
 * the whole file's sha256 is checked in the sink's separate verifying pass (sink.ts).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

export const SAMPLE_EVERY = 1024 * 1024;
export const SAMPLE_BYTES = 4096;

/** The fingerprint of a whole file on disk, as the sink takes it from a body. */
export function sampleFingerprint(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(SAMPLE_BYTES);
  try {
    for (let at = 0; ; at += SAMPLE_EVERY) {
      const n = fs.readSync(fd, buf, 0, SAMPLE_BYTES, at);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

