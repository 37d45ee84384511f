/**
 * Low-level request and response handling: reading or draining bodies, hashing a stream in constant
 * memory, waiting for the first body bytes or for a stall to end, and writing answers.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer } from './routes.js';

/** A request header as one string (repeated headers joined), or undefined when absent. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Largest JSON body the emulator keeps; bigger ones are drained and refused. */
export const MAX_TEXT_BODY = 64 * 1024 * 1024;

/** Reads the whole body as UTF-8; `tooLarge` when it passed `limit` (the rest is drained, not kept). */
export async function readText(req: IncomingMessage, limit = MAX_TEXT_BODY): Promise<{ text: string; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return { text: size <= limit ? Buffer.concat(chunks).toString('utf8') : '', tooLarge: size > limit };
}

/** Reads and discards the rest of a body (so the client can finish sending before it is answered). */
export async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return;
  for await (const _ of req) void _;
}

/** SHA-256 and byte count of a stream, keeping no bytes. */
export async function hashStream(stream: AsyncIterable<Buffer>): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Resolves once some body bytes arrived (or the body ended, or the client left). */
export function firstChunk(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    req.once('data', () => resolve());
    req.once('end', () => resolve());
    req.once('close', () => resolve());
    req.once('error', () => resolve());
  });
}

/** Waits `ms`; resolves true if the client is still connected then, false as soon as it leaves. */
export function stall(res: ServerResponse, ms: number): Promise<boolean> {
  if (!clientThere(res)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(clientThere(res));
    }, ms);
    res.once('close', onClose);
  });
}

export const clientThere = (res: ServerResponse): boolean => !res.destroyed && !(res.socket?.destroyed ?? true);

/** Writes an answer; returns false when the client was already gone. */
export function send(res: ServerResponse, answer: Answer): boolean {
  if (!clientThere(res)) return false;
  const body = answer.raw ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
  const type = answer.contentType ?? (answer.raw === undefined ? 'application/json' : 'text/plain; charset=utf-8');
  const headers: Record<string, string | number> = { ...answer.headers, 'content-length': Buffer.byteLength(body) };
  if (body !== '') headers['content-type'] = type;
  res.writeHead(answer.status, headers);
  if (answer.cutAfter !== undefined) {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.write(bytes.subarray(0, answer.cutAfter), () => res.socket?.destroy());
    return true;
  }
  res.end(body);
  return true;
}

export const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>' +
  '<body><h1>Bad Gateway</h1><p>The upstream server did not answer in time. Please try again.</p></body></html>\n';
