/**
 * Test helpers for driving the emulator over real HTTP without the product's transport: node:http
 * requests with full control of framing (content-length or chunked), a small multipart writer that
 * streams a file part from disk, and fake keys of the right shapes.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';

/** Shapes only: 42 letters and digits, `ul_` + 40 hex. Not real keys. */
export const HUB_KEY = 'TestKey0000000000000000000000000000000000'.padEnd(42, 'Z');
export const PLATFORM_KEY = 'ul_' + 'ab01'.repeat(10);

export interface Sent {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: () => any;
}

export interface RequestSpec {
  method?: string;
  headers?: Record<string, string>;
  /** A string/Buffer is sent with content-length unless `chunked`; a stream needs `length` or goes chunked. */
  body?: string | Buffer | Readable;
  length?: number;
  chunked?: boolean;
  signal?: AbortSignal;
}

/** One request with node:http; rejects on a socket error (reset, refused). */
export function send(url: string, spec: RequestSpec = {}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...spec.headers };
    const { body } = spec;
    if (spec.chunked) headers['transfer-encoding'] = 'chunked';
    else if (typeof body === 'string' || Buffer.isBuffer(body)) headers['content-length'] = Buffer.byteLength(body);
    else if (body && spec.length !== undefined) headers['content-length'] = spec.length;
    const req = httpRequest(url, { method: spec.method ?? 'GET', headers, agent: false, signal: spec.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    if (body instanceof Readable) body.pipe(req);
    else req.end(body);
  });
}

export const jsonHeaders = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...extra });

export type FormPart = { name: string; value: string } | { name: string; filename: string; file?: string; data?: Buffer };

/** A multipart/form-data body, file parts streamed from disk; returns the stream, its length and type. */
export async function multipart(parts: FormPart[]): Promise<{ body: Readable; length: number; contentType: string }> {
  const boundary = '----emulator-test-' + Math.random().toString(16).slice(2);
  const pieces: (Buffer | { file: string; size: number })[] = [];
  for (const part of parts) {
    if ('value' in part) {
      pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
      continue;
    }
    pieces.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
    );
    pieces.push(part.file ? { file: part.file, size: (await stat(part.file)).size } : (part.data ?? Buffer.alloc(0)));
    pieces.push(Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  const length = pieces.reduce((n, p) => n + (Buffer.isBuffer(p) ? p.length : p.size), 0);
  async function* generate() {
    for (const p of pieces) {
      if (Buffer.isBuffer(p)) yield p;
      else yield* createReadStream(p.file);
    }
  }
  return { body: Readable.from(generate()), length, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs a multipart form to a HUB path with the test key; `chunked` drops the content-length. */
export async function upload(url: string, parts: FormPart[], opts: { chunked?: boolean } = {}): Promise<Sent> {
  const form = await multipart(parts);
  return send(url, {
    method: 'POST',
    headers: { 'x-api-key': HUB_KEY, 'content-type': form.contentType },
    body: form.body,
    length: opts.chunked ? undefined : form.length,
    chunked: opts.chunked,
  });
}

/** The 0..n-1 epoch metrics body HUB-API.md describes (inner JSON text). */
export function hubMetricsBody(epochs: number[]): string {
  const metrics: Record<string, string> = {};
  for (const e of epochs) metrics[String(e)] = JSON.stringify({ 'train/box_loss': 1 - e / 10, 'metrics/mAP50-95(B)': e / 10 });
  return JSON.stringify({ metrics, type: 'metrics' });
}

/** Resolves once `fn` stops throwing (polling every 20 ms, up to `tries` times). */
export async function eventually<T>(fn: () => Promise<T>, tries = 100): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= tries) throw e;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
