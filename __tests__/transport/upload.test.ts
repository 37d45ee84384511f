import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { HttpError } from '../../src/transport/errors.js';
import { readBody, rig, sendJson, serve, sha256, tempDir, type TempDir } from './harness.js';

const MiB = 1024 * 1024;
let tmp: TempDir;
before(async () => {
  tmp = await tempDir();
});
after(() => tmp.remove());

interface Received {
  headers: IncomingMessage['headers'];
  fields: [string, string][];
  file?: { field: string; filename: string; sha256: string; bytes: number };
  /** Bytes of the whole body as they arrived. */
  bodyBytes: number;
}

/** Parses a multipart request with busboy, hashing the file part as it streams. */
function parseMultipart(req: IncomingMessage): Promise<Received> {
  return new Promise((resolve, reject) => {
    const got: Received = { headers: req.headers, fields: [], bodyBytes: 0 };
    req.on('data', (c: Buffer) => (got.bodyBytes += c.length));
    const bb = busboy({ headers: req.headers });
    bb.on('field', (name, value) => got.fields.push([name, value]));
    bb.on('file', (field, stream, info) => {
      const hash = createHash('sha256');
      let bytes = 0;
      stream.on('data', (c: Buffer) => {
        hash.update(c);
        bytes += c.length;
      });
      stream.on('end', () => (got.file = { field, filename: info.filename ?? '', sha256: hash.digest('hex'), bytes }));
    });
    bb.on('close', () => resolve(got));
    bb.on('error', reject);
    req.pipe(bb);
  });
}

/** Reads a raw body, hashing it. */
function hashBody(req: IncomingMessage): Promise<{ sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    req.on('data', (c: Buffer) => {
      hash.update(c);
      bytes += c.length;
    });
    req.on('end', () => resolve({ sha256: hash.digest('hex'), bytes }));
    req.on('error', reject);
  });
}

test('multipart upload: fields in order, file part name and filename, sha256, exact content-length, not chunked', async () => {
  const r = rig();
  const { path, data } = await tmp.file('last.pt', 3 * MiB + 123);
  let got: Received | undefined;
  const s = await serve(async (req, res) => {
    got = await parseMultipart(req);
    sendJson(res, 200, { data: { ok: true } });
  });
  try {
    const reply = await r.transport.upload<{ data: { ok: boolean } }>({
      method: 'POST',
      url: `${s.url}/v1/models/abc/upload`,
      headers: { 'x-api-key': 'a'.repeat(42) },
      file: path,
      multipart: { fields: [['epoch', '5'], ['type', 'epoch'], ['isBest', 'False']], fileField: 'last.pt', filename: 'last.pt' },
      what: 'checkpoint last.pt (epoch 5)',
    });
    assert.ok(got);
    assert.deepEqual(got.fields, [['epoch', '5'], ['type', 'epoch'], ['isBest', 'False']]);
    assert.deepEqual(got.file, { field: 'last.pt', filename: 'last.pt', sha256: sha256(data), bytes: data.length });
    assert.equal(got.headers['content-length'], String(got.bodyBytes));
    assert.equal(got.headers['transfer-encoding'], undefined);
    assert.match(String(got.headers['content-type']), /^multipart\/form-data; boundary=[0-9a-f]{32}$/);
    assert.equal(got.headers['x-api-key'], 'a'.repeat(42));
    assert.equal(reply.sha256, sha256(data));
    assert.equal(reply.bytes, data.length);
    assert.equal(reply.attempts, 1);
    assert.deepEqual(reply.body, { data: { ok: true } });
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('a connection reset mid-body is retried and the file arrives intact', async () => {
  const r = rig();
  const { path, data } = await tmp.file('best.pt', 8 * MiB);
  const received: Received[] = [];
  const s = await serve(async (req, res, n) => {
    if (n === 1) {
      req.once('data', () => req.socket.destroy());
      return;
    }
    received.push(await parseMultipart(req));
    sendJson(res, 200, {});
  });
  try {
    const reply = await r.transport.upload({
      method: 'POST',
      url: `${s.url}/v1/models/abc/upload`,
      file: path,
      multipart: { fields: [['epoch', '9'], ['type', 'final'], ['map', '0.4567']], fileField: 'best.pt', filename: 'best.pt' },
      what: 'final model best.pt',
    });
    assert.equal(reply.attempts, 2);
    assert.equal(s.count(), 2);
    assert.equal(received[0].file?.sha256, sha256(data));
    assert.equal(reply.sha256, sha256(data));
    assert.match(r.lines.join('\n'), /final model best\.pt: connection (reset \(ECONNRESET\)|closed while sending \(EPIPE\)): trying again/);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('raw PUT to a signed URL: octet-stream, exact length, no Authorization header', async () => {
  const r = rig();
  const { path, data } = await tmp.file('raw.pt', 2 * MiB + 7);
  let headers: IncomingMessage['headers'] = {};
  let body = { sha256: '', bytes: 0 };
  const s = await serve(async (req, res) => {
    headers = req.headers;
    body = await hashBody(req);
    res.writeHead(200).end();
  });
  try {
    const reply = await r.transport.upload({
      method: 'PUT',
      url: `${s.url}/bucket/models/raw.pt?X-Goog-Signature=abc123&X-Goog-Expires=600`,
      file: path,
      contentType: 'application/octet-stream',
      what: 'upload of raw.pt',
    });
    assert.equal(headers.authorization, undefined);
    assert.equal(headers['content-type'], 'application/octet-stream');
    assert.equal(headers['content-length'], String(data.length));
    assert.equal(headers['transfer-encoding'], undefined);
    assert.deepEqual(body, { sha256: sha256(data), bytes: data.length });
    assert.equal(reply.sha256, sha256(data));
    assert.equal(reply.body, '');
    assert.doesNotMatch(r.lines.join('\n'), /abc123/, 'the signature never reaches the log');
    assert.match(r.lines.join('\n'), /PUT http:\/\/127\.0\.0\.1:\d+\/bucket\/models\/raw\.pt\?… → 200/);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('the stall watchdog aborts an upload that stopped moving, and the retry goes through', async () => {
  const r = rig({ stallMs: 300 });
  const { path, data } = await tmp.file('stall.pt', 48 * MiB);
  let sent = { sha256: '', bytes: 0 };
  const s = await serve(async (req: IncomingMessage, res: ServerResponse, n: number) => {
    if (n === 1) {
      req.once('data', () => req.pause());
      return;
    }
    sent = await hashBody(req);
    res.writeHead(204).end();
  });
  try {
    const reply = await r.transport.upload({ method: 'PUT', url: `${s.url}/put`, file: path, what: 'upload of stall.pt' });
    assert.ok(reply.attempts >= 2, 'the first try stalled');
    assert.equal(reply.status, 204);
    assert.equal(sent.sha256, sha256(data));
    assert.match(r.lines.join('\n'), /upload of stall\.pt: the upload stalled: no byte moved for 0\.3 s: trying again/);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('a file rewritten while it is sent is detected and sent again', async () => {
  const r = rig();
  const { path } = await tmp.file('best.pt', 16 * MiB);
  const rewritten = Buffer.alloc(5 * MiB, 7);
  const shas: string[] = [];
  const s = await serve(async (req, res, n) => {
    if (n === 1) req.once('data', () => writeFileSync(path, rewritten));
    const got = await hashBody(req).catch(() => undefined);
    if (got) shas.push(got.sha256);
    res.writeHead(200).end();
  });
  try {
    const reply = await r.transport.upload({ method: 'PUT', url: `${s.url}/put`, file: path, what: 'upload of best.pt' });
    assert.equal(reply.attempts, 2);
    assert.equal(reply.sha256, sha256(rewritten));
    assert.equal(reply.bytes, rewritten.length);
    assert.equal(shas.at(-1), sha256(rewritten));
    assert.match(r.lines.join('\n'), /warning: upload of best\.pt: best\.pt changed while it was uploaded \(training still writing it\?\): sending it again/);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('a same-size rewrite after the whole body went out is caught by the second stat', async () => {
  const r = rig({ retry: { attempts: 2, baseMs: 100, capMs: 100, budgetMs: 60_000 } });
  const { path, data } = await tmp.file('same.pt', 64 * 1024);
  const s = await serve(async (req, res) => {
    await readBody(req);
    writeFileSync(path, Buffer.from(data).reverse());
    res.writeHead(200).end();
  });
  try {
    await assert.rejects(
      r.transport.upload({ method: 'PUT', url: `${s.url}/put`, file: path, what: 'upload of same.pt' }),
      (err: unknown) =>
        err instanceof HttpError &&
        err.code === 'UL_TORN' &&
        /^upload of same\.pt: same\.pt changed while it was uploaded \(training still writing it\?\) \(gave up after 2 tries in 0\.1 s\)$/.test(err.message),
    );
    assert.equal(s.count(), 2);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});

test('a refused upload fails at once with the reply quoted; a missing file or an http:// host is refused', async () => {
  const r = rig();
  const { path } = await tmp.file('big.pt', 1024);
  const s = await serve(async (req, res) => {
    await readBody(req);
    res.writeHead(413, { 'content-type': 'text/plain' }).end('Payload Too Large\n');
  });
  try {
    await assert.rejects(
      r.transport.upload({ method: 'PUT', url: `${s.url}/put`, file: path, what: 'upload of big.pt' }),
      /^HttpError: upload of big\.pt: HTTP 413 Payload Too Large: "Payload Too Large"$/,
    );
    assert.equal(s.count(), 1);
    await assert.rejects(
      r.transport.upload({ method: 'PUT', url: `${s.url}/put`, file: `${tmp.dir}/missing.pt`, what: 'upload of missing.pt' }),
      /^HttpError: upload of missing\.pt: cannot read missing\.pt \(ENOENT\): check the path/,
    );
    await assert.rejects(
      r.transport.upload({ method: 'PUT', url: 'http://storage.example.com/b/o', file: path, what: 'upload of big.pt' }),
      /refusing to send credentials over plain http to storage\.example\.com/,
    );
    assert.equal(s.count(), 1);
  } finally {
    r.transport.dispose();
    await s.close();
  }
});
