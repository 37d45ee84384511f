/**
 * The benchmark's sink: a loopback server, in a process of its own, that receives uploads as fast
 * as the socket delivers them, so that it never sets the pace for the client it measures. It only
 * counts the bytes, checks them against Content-Length, and finds the file part of a multipart
 * body from its framing (the boundary line before it, the closing boundary after it). It also
 * takes a fingerprint on the way, at almost no cost: the sha256 of the first 4 KiB of every MiB of
 * the file, which the benchmark compares with the same samples of the file on disk.
 *
 * The whole file's sha256 is checked in a separate verifying pass: in copy mode (POST
 * /_sink/mode {"copy": true}) the sink copies each body into a file in memory (/dev/shm when there
 * is one) and hashes the file part later, when the benchmark asks, after the measured process has
 * exited. The copy costs the receiving side as much CPU again as receiving (tmpfs pages are
 * allocated and filled), so timed runs do not copy: the benchmark verifies a run of each client
 * in copy mode, untimed, before the timed ones.
 *
 * It answers the few JSON requests of a final-model step with fixed answers, so that the whole
 * step runs: HUB's key check, model, heartbeat, metrics and upload; Platform's W1 events, W2 (a
 * signed URL on this server) and the W3 PUT. Nothing else is checked: the emulator does that.
 *
 *   node build/bench/sink.js      prints `listening <url>`; exits when stdin closes
 *
 * Control: GET /_sink/uploads (what arrived), POST /_sink/mode {"copy": bool}, POST
 * /_sink/verify/<n> (sha256 of upload n's file bytes, from its copy, which is then deleted),
 * POST /_sink/reset.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { SAMPLE_BYTES, SAMPLE_EVERY } from './fingerprint.js';

export interface SinkUpload {
  n: number;
  method: string;
  path: string;
  /** Body bytes received, and the Content-Length the client announced. */
  received: number;
  contentLength: number;
  /** Where the file's bytes lie in the body: the whole body for a PUT, the file part for multipart. */
  fileStart: number;
  fileBytes: number;
  /** sha256 of the first 4 KiB of every MiB of the file bytes (fingerprint.ts). */
  fingerprint: string;
  /** A problem with the framing or the length; the upload was answered with 400. */
  error?: string;
  /** Receive time: first body byte to the last; and the sink's CPU time meanwhile. */
  ms: number;
  cpuMs: number;
}

let copy = false;
const COPY_DIR = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'ul-sink-'));

const uploads: SinkUpload[] = [];
const copies = new Map<number, string>();

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch (err) {
        reject(err);
      }
    });
    req.once('error', reject);
  });
}

const HEAD_MAX = 64 * 1024;

/** The multipart body's framing: where the (one) file part's bytes start, and the closing boundary. */
function fileStartOf(head: Buffer, boundary: string): number | string {
  const fileHeader = head.indexOf('filename="');
  if (fileHeader < 0) return head.length >= HEAD_MAX ? 'no file part in the first 64 KiB' : -1;
  const end = head.indexOf('\r\n\r\n', fileHeader);
  if (end < 0) return -1;
  if (!head.subarray(0, 2 + boundary.length).equals(Buffer.from(`--${boundary}`))) return 'the body does not start with the boundary';
  return end + 4;
}

/** Receives an upload body: counts, copies, keeps the head and the last bytes for the framing. */
function receive(req: http.IncomingMessage, res: http.ServerResponse): void {
  const n = uploads.length + 1;
  const contentLength = Number(req.headers['content-length'] ?? NaN);
  const type = req.headers['content-type'] ?? '';
  const boundary = /^multipart\/form-data; boundary=(\S+)$/.exec(type)?.[1];
  const tailBytes = boundary ? `\r\n--${boundary}--\r\n`.length : 0;
  const copyFile = path.join(COPY_DIR, String(n));
  const fd = copy ? fs.openSync(copyFile, 'w') : undefined;
  const samples = createHash('sha256');
  let received = 0;
  let head: Buffer = Buffer.alloc(0);
  let last: Buffer = Buffer.alloc(0);
  let started = 0;
  let cpu = process.cpuUsage();
  /** Body offset of the first file byte, once known, and of the byte after the last. */
  let fileStart = boundary ? -1 : 0;
  let fileEnd = contentLength - tailBytes;
  let nextSample = fileStart;
  req.on('data', (chunk: Buffer) => {
    if (received === 0) {
      started = performance.now();
      cpu = process.cpuUsage();
    }
    const at = received;
    received += chunk.length;
    if (fileStart < 0 && head.length < HEAD_MAX) {
      head = Buffer.concat([head, chunk.subarray(0, HEAD_MAX - head.length)]);
      const found = boundary ? fileStartOf(head, boundary) : -1;
      if (typeof found === 'number' && found >= 0) nextSample = fileStart = found;
    }
    // The samples that overlap this chunk: [nextSample, nextSample + 4 KiB) ∩ chunk, up to the file's end.
    while (fileStart >= 0 && nextSample < received && nextSample < fileEnd) {
      const end = Math.min(nextSample + SAMPLE_BYTES - ((nextSample - fileStart) % SAMPLE_EVERY), fileEnd);
      const from = Math.max(nextSample, at);
      const to = Math.min(end, received);
      samples.update(chunk.subarray(from - at, to - at));
      nextSample = to < end ? to : fileStart + (Math.floor((nextSample - fileStart) / SAMPLE_EVERY) + 1) * SAMPLE_EVERY;
    }
    last = chunk.length >= 256 ? chunk : Buffer.concat([last, chunk]).subarray(-256);
    if (fd !== undefined) fs.writeSync(fd, chunk);
  });
  req.once('end', () => {
    if (fd !== undefined) fs.closeSync(fd);
    const u: SinkUpload = {
      n,
      method: req.method ?? '',
      path: req.url ?? '',
      received,
      contentLength,
      fileStart: 0,
      fileBytes: received,
      fingerprint: samples.digest('hex'),
      ms: performance.now() - started,
      cpuMs: ((c) => (c.user + c.system) / 1000)(process.cpuUsage(cpu)),
    };
    if (!Number.isFinite(contentLength)) u.error = 'no Content-Length (chunked?)';
    else if (received !== contentLength) u.error = `received ${received} bytes of a Content-Length of ${contentLength}`;
    else if (boundary) {
      const start = fileStartOf(head, boundary);
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      if (typeof start === 'string') u.error = start;
      else if (start < 0) u.error = 'no complete file part header';
      else if (!last.subarray(-tail.length).equals(tail)) u.error = 'the body does not end with the closing boundary';
      else {
        u.fileStart = start;
        u.fileBytes = received - start - tail.length;
      }
    } else if (req.method === 'POST') u.error = 'a POST upload that is not multipart/form-data';
    uploads.push(u);
    if (fd !== undefined) copies.set(n, copyFile);
    if (u.error) answer(res, 400, { error: u.error });
    else answer(res, 200, req.method === 'PUT' ? {} : { success: true });
  });
}

async function verify(n: number): Promise<{ sha256: string; bytes: number }> {
  const u = uploads[n - 1];
  const file = copies.get(n);
  if (!u || !file) throw new Error(`no copy of upload ${n} (started with --no-copy, or verified already)`);
  const hash = createHash('sha256');
  if (u.fileBytes > 0) {
    for await (const chunk of fs.createReadStream(file, { start: u.fileStart, end: u.fileStart + u.fileBytes - 1, highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
    }
  }
  fs.rmSync(file, { force: true });
  copies.delete(n);
  return { sha256: hash.digest('hex'), bytes: u.fileBytes };
}

let ids = 0;
const id = (prefix: string) => `${prefix}${String(++ids).padStart(20 - prefix.length, '0')}`;

async function route(req: http.IncomingMessage, res: http.ServerResponse, origin: string): Promise<void> {
  const url = req.url ?? '/';
  const method = req.method ?? 'GET';
  if (method === 'PUT' && url.startsWith('/_signed/')) return receive(req, res);
  if (method === 'POST' && /^\/v1\/models\/[^/]+\/upload$/.test(url)) return receive(req, res);
  if (url.startsWith('/_sink/')) {
    if (method === 'GET' && url === '/_sink/uploads') return answer(res, 200, uploads);
    if (method === 'POST' && url === '/_sink/mode') {
      copy = (await readJson(req)).copy === true;
      return answer(res, 200, { copy });
    }
    if (method === 'POST' && url === '/_sink/reset') {
      for (const f of copies.values()) fs.rmSync(f, { force: true });
      copies.clear();
      uploads.length = 0;
      return answer(res, 200, {});
    }
    const v = /^\/_sink\/verify\/(\d+)$/.exec(url);
    if (method === 'POST' && v) return answer(res, 200, await verify(Number(v[1])));
  }
  const body = method === 'POST' || method === 'PUT' ? await readJson(req) : {};
  // HUB (HUB-API.md): the key check, a model to load, heartbeats, metrics.
  if (method === 'POST' && url === '/v1/auth') return answer(res, 200, { success: true });
  const model = /^\/v1\/models\/([^/]+)$/.exec(url);
  if (method === 'GET' && model) return answer(res, 200, { data: { id: model[1], status: 'new' } });
  if (method === 'POST' && model) return answer(res, 200, { success: true });
  if (method === 'POST' && url.startsWith('/v1/agent/heartbeat/models/')) return answer(res, 200, { data: { agentId: 'sink-agent' } });
  // Platform (PLATFORM-API.md): W1 and W2; the W3 PUT goes to /_signed/ above.
  if (method === 'POST' && url === '/api/webhooks/training/metrics') {
    if (body.event === 'training_started') return answer(res, 200, { modelId: id('m'), runId: id('r'), modelSlug: body.name ?? 'train', cancelled: false });
    return answer(res, 200, { success: true });
  }
  if (method === 'POST' && url === '/api/webhooks/models/upload') {
    const token = randomBytes(8).toString('hex');
    const gcsPath = `models/${String(body.modelId)}/${String(body.filename)}`;
    return answer(res, 200, { uploadUrl: `${origin}/_signed/${token}?sig=${token}`, gcsPath, uploadPath: gcsPath });
  }
  answer(res, 404, { error: `the sink does not answer ${method} ${url}` });
}

const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  route(req, res, origin).catch((err: Error) => answer(res, 500, { error: err.message }));
});
server.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
process.stdout.write(`listening ${origin}\n`);

const stop = () => {
  fs.rmSync(COPY_DIR, { recursive: true, force: true });
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.stdin.on('end', stop).resume();
process.once('SIGTERM', stop);
