/**
 * `npx tsc -p . && node build/bench/download.js [SIZE_MIB]` (default 1024): downloads a file of that
 * size from a loopback server with Transport.download, in a child process whose peak RSS is
 * measured, and prints the figures: once whole, once broken off half-way and continued (bytes
 * served in all), and curl's time for the same file when curl is installed. Figures, not a test.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, openSync, closeSync, writeSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const MiB = 1024 * 1024;
const size = Number(process.argv[2] ?? 1024) * MiB;
const dir = mkdtempSync(join(tmpdir(), 'ul-bench-download-'));
const source = join(dir, 'source.pt');

// A file of pseudo-random blocks (not compressible, not all the same block).
const fd = openSync(source, 'w');
const hash = createHash('sha256');
let block = createHash('sha256').update('seed').digest();
for (let done = 0; done < size; ) {
  const buf = Buffer.alloc(Math.min(MiB, size - done));
  for (let i = 0; i < buf.length; i += 32) {
    block = createHash('sha256').update(block).digest();
    block.copy(buf, i);
  }
  writeSync(fd, buf);
  hash.update(buf);
  done += buf.length;
}
closeSync(fd);
const expected = hash.digest('hex');

let served = 0;
let cutNext = false;
const server = createServer((req, res) => {
  const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const start = m && req.headers['if-range'] === '"bench"' ? Number(m[1]) : 0;
  const headers: Record<string, string | number> = { etag: '"bench"', 'accept-ranges': 'bytes', 'content-length': size - start };
  if (start) headers['content-range'] = `bytes ${start}-${size - 1}/${size}`;
  res.writeHead(start ? 206 : 200, headers);
  const stream = createReadStream(source, { start });
  const cut = cutNext;
  cutNext = false;
  let sent = 0;
  stream.on('data', (chunk) => {
    served += chunk.length;
    sent += chunk.length;
    if (cut && sent >= size / 2) {
      stream.destroy();
      res.socket?.destroy();
    }
  });
  stream.pipe(res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/weights/last.pt`;
const child = join(dirname(fileURLToPath(import.meta.url)), 'download-child.js');

async function download(dest: string): Promise<{ ms: number; sha256: string; attempts: number; resumedBytes: number; maxRssMiB: number }> {
  const p = spawn(process.execPath, [child, url, dest], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  p.stdout.on('data', (d) => (out += d));
  await new Promise((resolve) => p.on('close', resolve));
  return JSON.parse(out);
}

const row = (name: string, value: string) => console.log(`${name.padEnd(44)} ${value}`);
console.log(`download of ${size / MiB} MiB from loopback (node ${process.versions.node})`);
const whole = await download(join(dir, 'whole.pt'));
row('whole: time, rate', `${(whole.ms / 1000).toFixed(2)} s, ${Math.round(size / MiB / (whole.ms / 1000))} MiB/s`);
row('whole: peak RSS of the downloading process', `${whole.maxRssMiB.toFixed(1)} MiB`);
row('whole: sha256 matches the file', String(whole.sha256 === expected && statSync(join(dir, 'whole.pt')).size === size));
rmSync(join(dir, 'whole.pt'));

served = 0;
cutNext = true;
const broken = await download(join(dir, 'broken.pt'));
row('broken off at half: tries, bytes served / size', `${broken.attempts}, ${(served / size).toFixed(2)}×`);
row('broken off at half: peak RSS', `${broken.maxRssMiB.toFixed(1)} MiB`);
row('broken off at half: sha256 matches the file', String(broken.sha256 === expected));
rmSync(join(dir, 'broken.pt'));

// curl in a child process of its own, without blocking this process (which serves the file).
const t = performance.now();
const curl = spawn('curl', ['-sS', '-o', join(dir, 'curl.pt'), url], { stdio: 'ignore' });
const curlCode = await new Promise<number | null>((resolve) => {
  curl.on('error', () => resolve(null));
  curl.on('close', resolve);
});
row('curl -o, same file: time', curlCode === 0 ? `${((performance.now() - t) / 1000).toFixed(2)} s` : 'curl not available');
server.close();
server.closeAllConnections();
rmSync(dir, { recursive: true, force: true });
