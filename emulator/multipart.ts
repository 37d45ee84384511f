/**
 * Reads a multipart/form-data body with busboy, in arrival order, hashing each file part while it
 * streams and keeping none of its bytes: a 4 GiB upload costs no more memory than a small one.
 */
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { hashStream } from './http-io.js';

export type Part =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; name: string; filename: string; bytes: number; sha256: string };

/** All parts of the body, in order. Rejects on a malformed body or when the client goes away. */
export async function readMultipart(req: IncomingMessage): Promise<Part[]> {
  const parts: Part[] = [];
  const hashing: Promise<unknown>[] = [];
  const parser = busboy({ headers: req.headers, preservePath: true });
  parser.on('field', (name, value) => parts.push({ kind: 'field', name, value }));
  parser.on('file', (name, stream, info) => {
    const part: Part = { kind: 'file', name, filename: info.filename ?? '', bytes: 0, sha256: '' };
    parts.push(part);
    const hashed = hashStream(stream).then((h) => Object.assign(part, h));
    hashed.catch(() => undefined); // awaited below; a failure here also fails the parse
    hashing.push(hashed);
  });
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('close', resolve);
    parser.on('error', reject);
  });
  await Promise.all([pipeline(req, parser), parsed]);
  await Promise.all(hashing);
  return parts;
}
