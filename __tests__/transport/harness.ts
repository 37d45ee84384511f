/**
 * Shared pieces of the transport tests: a real loopback server, a fake clock whose sleep only
 * records the wait, a log that keeps its lines, and temp files with known content.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terminalLog, type Log } from '../../src/log.js';
import { Transport } from '../../src/transport/http.js';
import type { TransportOptions } from '../../src/transport/types.js';

export interface TestServer {
  url: string;
  /** Requests received so far. */
  count(): number;
  close(): Promise<void>;
}

/** A loopback server; `handler` gets the 1-based number of each request. */
export async function serve(handler: (req: IncomingMessage, res: ServerResponse, n: number) => void): Promise<TestServer> {
  let n = 0;
  const server = createServer((req, res) => handler(req, res, ++n));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => n,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Every wait asked for, in order. */
  waits: number[];
}

/** Time stands still except when something sleeps. */
export function fakeClock(start = Date.parse('2025-06-01T12:00:00Z')): FakeClock {
  let t = start;
  const waits: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      waits.push(ms);
      t += ms;
    },
    waits,
  };
}

export function captureLog(): { log: Log; lines: string[] } {
  const lines: string[] = [];
  return { log: terminalLog({ verbose: true, write: (l) => lines.push(l) }), lines };
}

export interface Rig {
  transport: Transport;
  clock: FakeClock;
  lines: string[];
}

export function rig(overrides: Partial<TransportOptions> = {}): Rig {
  const clock = fakeClock();
  const { log, lines } = captureLog();
  const transport = new Transport({
    log,
    userAgent: 'ultralytics-sync-test/0',
    timeoutMs: 5000,
    stallMs: 5000,
    retry: { attempts: 5, baseMs: 100, capMs: 2000, budgetMs: 120_000 },
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    ...overrides,
  });
  return { transport, clock, lines };
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface TempDir {
  dir: string;
  /** Writes `content` (or that many random bytes) to `name` in the directory. */
  file(name: string, content: Buffer | number): Promise<{ path: string; data: Buffer }>;
  remove(): Promise<void>;
}

export async function tempDir(): Promise<TempDir> {
  const dir = await mkdtemp(join(tmpdir(), 'transport-test-'));
  return {
    dir,
    file: async (name, content) => {
      const data = typeof content === 'number' ? randomBytes(content) : content;
      const path = join(dir, name);
      await writeFile(path, data);
      return { path, data };
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
