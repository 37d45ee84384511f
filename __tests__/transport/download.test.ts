/**
 * Transport.download against real loopback servers: the file lands whole with its sha256 after a
 * try that broke off (continued with Range, or fetched again when the server cannot continue), the
 * key stays on its origin across a redirect, a signed URL never reaches the log, and a stalled
 * answer is retried.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { HttpError } from '../../src/transport/errors.js';
import { rig, serve, sha256, tempDir, type TempDir } from './harness.js';

let tmp: TempDir;
before(async () => {
  tmp = await tempDir();
});
after(() => tmp.remove());

const KiB = 1024;

interface Seen {
  range?: string;
  ifRange?: string;
  key?: string;
}

/**
 * Serves `data` with an ETag; honours `bytes=N-` (unless `ranges` is false); request n is cut
 * after `cut(n)` body bytes when that is a number.
 */
function fileServer(data: Buffer, seen: Seen[], opts: { ranges?: boolean; cut?: (n: number) => number | undefined } = {}) {
  const etag = `"${sha256(data).slice(0, 16)}"`;
  return (req: IncomingMessage, res: ServerResponse, n: number) => {
    seen.push({ range: req.headers.range, ifRange: req.headers['if-range'] as string | undefined, key: req.headers['x-api-key'] as string | undefined });
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = opts.ranges !== false && m && req.headers['if-range'] === etag ? Number(m[1]) : 0;
    const body = data.subarray(start);
    const headers: Record<string, string | number> = { etag, 'accept-ranges': 'bytes', 'content-length': body.length };
    if (start > 0) headers['content-range'] = `bytes ${start}-${data.length - 1}/${data.length}`;
    res.writeHead(start > 0 ? 206 : 200, headers);
    const cut = opts.cut?.(n);
    if (cut === undefined) res.end(body);
    else res.write(body.subarray(0, cut), () => res.socket?.destroy());
  };
}

test('a download broken off half-way goes on with Range where it stopped; the file and its sha256 are whole', async () => {
  const r = rig();
  const data = randomBytes(700 * KiB);
  const seen: Seen[] = [];
  const s = await serve(fileServer(data, seen, { cut: (n) => (n === 1 ? 300 * KiB : undefined) }));
  const dest = join(tmp.dir, 'resumed.pt');
  try {
    const got = await r.transport.download({ url: `${s.url}/w/last.pt`, dest, what: 'download of last.pt' });
    assert.equal(got.sha256, sha256(data));
    assert.equal(got.bytes, data.length);
    assert.equal(got.attempts, 2);
    assert.deepEqual(readFileSync(dest), data);
    assert.ok(!existsSync(`${dest}.part`), 'the part file got its name');
    assert.equal(seen.length, 2);
    assert.equal(seen[0].range, undefined);
    assert.match(seen[1].range ?? '', /^bytes=\d+-$/);
    const from = Number(/\d+/.exec(seen[1].range ?? '')?.[0]);
    assert.ok(from > 0 && from <= 300 * KiB, `continued at ${from}`);
    assert.equal(got.resumedBytes, from);
    assert.match(r.lines.join('\n'), /download of last\.pt: connection (reset|closed)[^\n]*trying again/);
  } finally {
    await s.close();
  }
});

test('a server that cannot continue sends the whole file again, and the sha256 is of the file, not of the pieces', async () => {
  const r = rig();
  const data = randomBytes(500 * KiB);
  const seen: Seen[] = [];
  const s = await serve(fileServer(data, seen, { ranges: false, cut: (n) => (n === 1 ? 200 * KiB : undefined) }));
  const dest = join(tmp.dir, 'restarted.pt');
  try {
    const got = await r.transport.download({ url: `${s.url}/w/best.pt`, dest, what: 'download of best.pt' });
    assert.equal(got.sha256, sha256(data));
    assert.deepEqual(readFileSync(dest), data);
    assert.equal(got.resumedBytes, 0);
    assert.equal(seen.length, 2);
  } finally {
    await s.close();
  }
});

test('a 206 at another offset than asked is not spliced in: the next try fetches the whole file', async () => {
  const r = rig();
  const data = randomBytes(300 * KiB);
  const seen: Seen[] = [];
  const etag = '"v1"';
  const s = await serve((req, res, n) => {
    seen.push({ range: req.headers.range });
    if (n === 1) {
      res.writeHead(200, { etag, 'content-length': data.length });
      res.write(data.subarray(0, 100 * KiB), () => res.socket?.destroy());
    } else if (n === 2) {
      const start = 10; // not where the client stopped
      res.writeHead(206, { etag, 'content-length': data.length - start, 'content-range': `bytes ${start}-${data.length - 1}/${data.length}` });
      res.end(data.subarray(start));
    } else {
      res.writeHead(200, { etag, 'content-length': data.length });
      res.end(data);
    }
  });
  const dest = join(tmp.dir, 'offset.pt');
  try {
    const got = await r.transport.download({ url: `${s.url}/w/x.pt`, dest, what: 'download of x.pt' });
    assert.equal(got.sha256, sha256(data));
    assert.deepEqual(readFileSync(dest), data);
    assert.deepEqual(seen.map((x) => x.range === undefined), [true, false, true]);
    assert.match(r.lines.join('\n'), /the server sent bytes 10-\d+\/\d+ when byte 102400 was asked for; fetching the whole file/);
  } finally {
    await s.close();
  }
});

test('headers stay on their origin: a redirect to another origin drops the key; a signed URL is masked in the log', async () => {
  const r = rig();
  const data = randomBytes(64 * KiB);
  const seen: Seen[] = [];
  const storage = await serve(fileServer(data, seen));
  const signature = 'deadbeefcafe0123456789';
  const api = await serve((req, res) => {
    seen.push({ key: req.headers['x-api-key'] as string | undefined });
    res.writeHead(302, { location: `${storage.url}/bucket/yolo11n.pt?X-Goog-Signature=${signature}` });
    res.end();
  });
  const dest = join(tmp.dir, 'redirected.pt');
  try {
    const got = await r.transport.download({ url: `${api.url}/v1/w`, headers: { 'x-api-key': 'k'.repeat(42) }, dest, what: 'download of yolo11n.pt' });
    assert.equal(got.sha256, sha256(data));
    assert.equal(seen[0].key, 'k'.repeat(42), 'the key goes to its own origin');
    assert.equal(seen[1].key, undefined, 'and not to the storage origin');
    assert.ok(r.lines.some((l) => l.includes('redirected to')));
    assert.ok(!r.lines.join('\n').includes(signature), 'the signature is not in the log');
  } finally {
    await api.close();
    await storage.close();
  }
});

test('a redirect to plain http off this machine is refused, and nothing is left on disk', async () => {
  const r = rig();
  const api = await serve((_req, res) => {
    res.writeHead(302, { location: 'http://weights.example.com/yolo11n.pt' });
    res.end();
  });
  const dest = join(tmp.dir, 'refused.pt');
  try {
    await assert.rejects(
      r.transport.download({ url: `${api.url}/v1/w`, dest, what: 'download of yolo11n.pt' }),
      (err: unknown) => err instanceof HttpError && err.permanent && /a redirect to http:\/\/weights\.example\.com\/yolo11n\.pt was refused: refusing/.test(err.message),
    );
    assert.equal(api.count(), 1, 'not retried');
    assert.ok(!existsSync(dest) && !existsSync(`${dest}.part`));
  } finally {
    await api.close();
  }
});

test('an answer that stops moving is aborted by the stall watchdog and the next try completes it', async () => {
  const r = rig({ stallMs: 300 });
  const data = randomBytes(200 * KiB);
  const etag = '"s"';
  const s = await serve((req, res, n) => {
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = m ? Number(m[1]) : 0;
    const headers: Record<string, string | number> = { etag, 'content-length': data.length - start };
    if (start) headers['content-range'] = `bytes ${start}-${data.length - 1}/${data.length}`;
    res.writeHead(start ? 206 : 200, headers);
    if (n === 1) res.write(data.subarray(0, 50 * KiB)); // then nothing
    else res.end(data.subarray(start));
  });
  const dest = join(tmp.dir, 'stalled.pt');
  try {
    const got = await r.transport.download({ url: `${s.url}/w/s.pt`, dest, what: 'download of s.pt' });
    assert.equal(got.sha256, sha256(data));
    assert.equal(got.attempts, 2);
    assert.match(r.lines.join('\n'), /download of s\.pt: the download stalled: no byte moved for 0\.3 s: trying again/);
  } finally {
    await s.close();
  }
});

test('a 404 is not retried and leaves no file', async () => {
  const r = rig();
  const s = await serve((_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error": "No such object"}');
  });
  const dest = join(tmp.dir, 'missing.pt');
  try {
    await assert.rejects(
      r.transport.download({ url: `${s.url}/w/missing.pt`, dest, what: 'download of missing.pt' }),
      /^HttpError: download of missing\.pt: HTTP 404 Not Found: "No such object"$/,
    );
    assert.equal(s.count(), 1);
    assert.ok(!existsSync(dest) && !existsSync(`${dest}.part`));
  } finally {
    await s.close();
  }
});
