/**
 * Issue 18, B9 and B10: a key that a server reply echoes never leaks, not even cut; server strings
 * are untrusted. A small hostile Platform of the test's own on 127.0.0.1 answers a modelSlug with
 * newlines and runner commands, a 5 MB slug, a modelId with a newline; the CLI (the compiled
 * source, run as a process) must print no runner command, no second output line and no huge text.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Redactor, neutralize, oneLine, terminalLog } from '../../src/log.js';
import { HttpError } from '../../src/transport/errors.js';
import { Transport } from '../../src/transport/http.js';

const BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROOT = path.resolve(BUILD, '..');
const CLI = path.join(BUILD, 'src/cli.js');
const KEY = 'ul_' + '0123456789abcdef0123456789abcdef01234567';

describe('B9: redact first, then cut', () => {
  it('a reply that echoes the key, cut in the middle of it, shows no 8 characters of it', async () => {
    // The key starts at character 270 of the reply: a 300-character cut falls inside it.
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: `${'x'.repeat(265)} key ${KEY} is not allowed here` }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    const lines: string[] = [];
    const log = terminalLog({ verbose: true, write: (l) => lines.push(l) });
    log.addSecret(KEY);
    const transport = new Transport({
      log,
      userAgent: 't/0',
      timeoutMs: 5000,
      stallMs: 5000,
      retry: { attempts: 1, baseMs: 1, capMs: 1, budgetMs: 1000 },
    });
    try {
      const err = await transport.json({ method: 'POST', url, body: {}, what: 'echo', idempotent: true }).then(
        () => assert.fail('a 400 must fail'),
        (e: unknown) => e as HttpError,
      );
      assert.ok(err instanceof HttpError);
      log.error(err.message);
      const everything = [err.message, err.reply ?? '', err.detail, ...lines].join('\n');
      for (let i = 0; i + 8 <= KEY.length; i++) {
        assert.ok(!everything.includes(KEY.slice(i, i + 8)), `8 characters of the key (from ${i}) leaked: ${everything}`);
      }
      assert.match(err.message, /key \*\*\* is not/);
    } finally {
      server.close();
      server.closeAllConnections();
    }
  });

  it('the redactor takes the head of a secret at a cut mark or at the end, and its tail after a cut mark', () => {
    const r = new Redactor();
    r.add(KEY);
    assert.equal(r.redact(`reply: ${KEY.slice(0, 30)}…`), 'reply: ***…');
    assert.equal(r.redact(`ends in ${KEY.slice(0, 12)}`), 'ends in ***');
    assert.equal(r.redact(`head … (9000 bytes cut) …${KEY.slice(-20)} tail`), 'head … (9000 bytes cut) …*** tail');
    assert.equal(r.redact(`whole ${KEY} and short ${KEY.slice(0, 7)}…`), `whole *** and short ${KEY.slice(0, 7)}…`);
    assert.equal(r.redact('nothing secret here…'), 'nothing secret here…');
  });
});

describe('B10: text that cannot act on the runner', () => {
  it('neutralize: no control characters, no line that starts a runner command', () => {
    const text = neutralize('ok\r\n::error::x\n   ::add-mask::y\n\u001b[31mred\u0007 ##[error]z');
    assert.equal(text, 'ok\n> ::error::x\n>    ::add-mask::y\n[31mred ## [error]z');
    for (const line of text.split('\n')) assert.ok(!line.trimStart().startsWith('::'), line);
    assert.equal(oneLine('a\nb\r\ngate=passed'), 'a b gate=passed');
  });
});

/** A Platform that answers training_started with `started` and everything else with {}. */
async function hostilePlatform(started: unknown): Promise<{ url: string; events: string[]; close(): void }> {
  const events: string[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as { event?: string };
      events.push(body.event ?? req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body.event === 'training_started' ? started : {}));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    events,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ULTRALYTICS_API_KEY: KEY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('B10: a hostile Platform', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-hostile-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A fresh run directory (no state file from an earlier case), without weights. */
  function runDir(name: string): string {
    const run = path.join(dir, name, 'runs/detect/train');
    fs.mkdirSync(run, { recursive: true });
    for (const f of ['results.csv', 'args.yaml']) fs.copyFileSync(path.join(ROOT, 'examples/runs/detect/train', f), path.join(run, f));
    return path.join(dir, name);
  }

  const flags = (url: string, summary: string) => [
    '--api-url', url, '--project', 'acme/hostile', '--run-dir', 'runs/detect/train', '--if-no-files-found', 'ignore', '--summary-file', summary,
  ];

  it('a modelSlug with newlines and runner commands: refused; no command and no forged output line is printed', async () => {
    const slug = 'x\n::error::pwned\ngate=passed\n::add-mask::hello\r##[error]legacy';
    const server = await hostilePlatform({ modelId: 'Mdl0123456789abcdefg', runId: 'Run0123456789abcdefg', modelSlug: slug });
    try {
      const ws = runDir('newlines');
      const summary = path.join(ws, 'summary.md');
      const r = await cli(flags(server.url, summary), ws);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(server.events.includes('training_complete'), 'the sync went on');
      const outLines = r.stdout.split('\n').filter(Boolean);
      assert.ok(outLines.every((l) => /^[a-z-]+=/.test(l)), r.stdout);
      assert.deepEqual(outLines.filter((l) => l.startsWith('gate=')), ['gate=none']);
      assert.match(r.stdout, /^model-url=http:\/\/127\.0\.0\.1:\d+\/acme\/hostile\/train$/m);
      for (const line of (r.stdout + r.stderr).split('\n')) {
        assert.ok(!line.trimStart().startsWith('::'), `a runner command was printed: ${line}`);
        assert.ok(!line.includes('##['), `a legacy runner command was printed: ${line}`);
      }
      assert.match(r.stderr, /modelSlug that is not a slug \("x\?::error::pwned\?gate=passed\?::add-mask:…" \(62 characters\)\)/);
      assert.doesNotMatch(fs.readFileSync(summary, 'utf8'), /pwned/);
    } finally {
      server.close();
    }
  });

  it('a 5 MB modelSlug: refused, and neither the log nor the summary grows with it', async () => {
    const server = await hostilePlatform({ modelId: 'Mdl0123456789abcdefg', runId: 'Run0123456789abcdefg', modelSlug: 'a'.repeat(5 * 1024 * 1024) });
    try {
      const ws = runDir('huge');
      const summary = path.join(ws, 'summary.md');
      const r = await cli(flags(server.url, summary), ws);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.length + r.stderr.length < 50_000, `${r.stdout.length + r.stderr.length} characters printed`);
      assert.ok(fs.statSync(summary).size < 50_000, `a ${fs.statSync(summary).size}-byte summary`);
      assert.match(r.stdout, /^model-url=.*\/acme\/hostile\/train$/m);
    } finally {
      server.close();
    }
  });

  it('a modelId or runId that is not an id: the sync stops with a clear error, no epoch is sent under it', async () => {
    for (const [name, answer, error] of [
      ['modelid', { modelId: 'abc\n::error::x', runId: 'Run0123456789abcdefg' }, /the modelId is not a Platform model id .*Refused/],
      ['runid', { modelId: 'Mdl0123456789abcdefg', runId: '../../etc/passwd' }, /the runId is not a Platform run id .*"\.\.\/\.\.\/etc\/passwd" \(16 characters\)/],
    ] as const) {
      const server = await hostilePlatform(answer);
      try {
        const ws = runDir(name);
        const r = await cli(flags(server.url, path.join(ws, 's.md')), ws);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stderr, error);
        assert.deepEqual(server.events, ['training_started']);
        for (const line of r.stderr.split('\n')) assert.ok(!line.trimStart().startsWith('::'), line);
      } finally {
        server.close();
      }
    }
  });
});
