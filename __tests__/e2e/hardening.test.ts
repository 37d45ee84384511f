/**
 * What a hostile tester and real trainings found (issue 18, section A), after the training: a huge
 * console line, a console chunk the server refuses, a torn best.pt, a run directory that cannot be
 * written, a disk that fills after registration, a training restarted in the same directory, and
 * files that cannot be read.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { PlatformRun } from '../../emulator/server.js';
import { ACTION, PLATFORM_KEY, type ActionRun, type Workspace, expectedEpochs, parseOutputFile, runAction, sha256 } from './harness.js';
import { e2eSetup } from './setup.js';

const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY], rateLimit: { limit: 10_000, windowMs: 60_000 } });
const ws = e2e.ws;

const inputs = (extra: Record<string, string> = {}) => ({ 'api-key': PLATFORM_KEY, 'api-url': e2e.emu.url, project: 'acme/hard', ...extra });
const runs = (): PlatformRun[] => Object.values(e2e.emu.state.platform.runs);
const consoleLines = (r: PlatformRun) => r.console.flatMap((c) => c.content.split('\n'));
const stateFile = (w: Workspace) => path.join(w.runDir, '.ultralytics-sync.json');
const isRoot = process.getuid?.() === 0;

/** Runs the action as another user (root here: nobody), so that file modes apply. */
function runAsOther(w: Workspace, inp: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const outFile = path.join(w.dir, `.out-${crypto.randomUUID()}`);
  fs.writeFileSync(outFile, '', { mode: 0o666 });
  fs.chmodSync(outFile, 0o666);
  const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: w.dir, GITHUB_WORKSPACE: w.dir, GITHUB_OUTPUT: outFile, ...env };
  for (const [k, v] of Object.entries(inp)) childEnv[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [ACTION], { cwd: w.dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], ...(isRoot ? { uid: 65534, gid: 65534 } : {}) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const outputs = parseOutputFile(fs.readFileSync(outFile, 'utf8'));
      resolve({ code, stdout, stderr, outputs, summary: '', all: stdout + stderr });
    }),
  );
}

/** Makes the workspace enterable by the other user (mkdtemp makes it 0700). */
function openToOthers(w: Workspace): void {
  fs.chmodSync(w.dir, 0o755);
}

describe('console output never blocks the run (A2)', () => {
  it('one line larger than the server takes is cut (head, tail, mark): every line, the weights and complete arrive', async () => {
    const w = ws();
    const huge = 'H' + 'x'.repeat(3_000_000) + 'T';
    const lines = [...Array.from({ length: 40 }, (_, i) => `before ${i}`), huge, ...Array.from({ length: 40 }, (_, i) => `after ${i}`)];
    fs.writeFileSync(path.join(w.dir, 'train.log'), lines.join('\n') + '\n');
    // A front end's body limit: bigger requests get 413, smaller ones pass.
    e2e.emu.faults.add('platform:console_output', { maxBodyBytes: 1024 * 1024 }, { times: 1000 });
    const run = await runAction(w, inputs({ 'log-file': 'train.log' }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.status, 'synced');
    const r = runs()[0];
    const got = consoleLines(r);
    assert.equal(got.length, lines.length, 'every line arrived, the huge one as one line');
    const cut = got[40];
    assert.ok(/^Hx+ … \d+ bytes cut … x+T$/.test(cut), `not cut to head … mark … tail: ${cut.slice(0, 40)}…${cut.slice(-40)}`);
    assert.ok(Buffer.byteLength(cut) <= 8 * 1024, `the cut line has ${Buffer.byteLength(cut)} bytes`);
    assert.deepEqual([...got.slice(0, 40), ...got.slice(41)], [...lines.slice(0, 40), ...lines.slice(41)]);
    assert.equal(r.puts.length, 1);
    assert.ok(r.complete, 'training_complete was sent');
    assert.deepEqual(e2e.emu.state.faultsFired, [], 'no request passed the body limit');
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('a console chunk refused for good (413) is given up: status partial, yet the later chunks, the weights and complete arrive', async () => {
    const w = ws();
    const best = w.weight('best.pt', 200_000);
    const lines = Array.from({ length: 1200 }, (_, i) => `line ${i}`);
    fs.writeFileSync(path.join(w.dir, 'train.log'), lines.join('\n') + '\n');
    e2e.emu.faults.add('platform:console_output', { status: 413 }); // the first chunk (lines 0-499)
    const run = await runAction(w, inputs({ 'log-file': 'train.log' }));
    assert.equal(run.outputs.status, 'partial', run.stdout);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /500 console line\(s\) given up: .*413/);
    const r = runs()[0];
    assert.equal(Object.keys(r.epochs).length, expectedEpochs(path.join(w.runDir, 'results.csv')).size);
    assert.deepEqual(consoleLines(r), lines.slice(500), 'the chunks after the refused one arrived');
    assert.deepEqual(r.console.map((c) => c.chunkId), [1, 2], 'chunk ids stay a gapless sequence');
    assert.deepEqual(r.puts.map((p) => p.sha256), [best]);
    assert.ok(r.complete, 'training_complete was sent although a chunk was refused');
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('a 413 on the weights still fails at once, and the run is not reported complete', async () => {
    const w = ws();
    e2e.emu.faults.add('platform:put', { status: 413 }, { times: 5 });
    const run = await runAction(w, inputs());
    assert.equal(run.code, 1);
    assert.match(run.stdout + run.stderr, /413/);
    assert.equal(e2e.emu.state.requests.filter((q) => q.target === 'platform:put').length, 1, 'a 413 is not retried');
    assert.equal(runs()[0].complete, undefined);
  });
});

describe('a torn best.pt is not the final model (A3)', () => {
  const torn: Record<string, () => Buffer> = {
    'an empty best.pt': () => Buffer.alloc(0),
    'a zip cut off before its end record': () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), crypto.randomBytes(50_000)]),
  };
  for (const [what, bytes] of Object.entries(torn)) {
    it(`${what}: warns and sends last.pt as the final model`, async () => {
      const w = ws({ weights: { 'last.pt': 120_000 } });
      fs.writeFileSync(path.join(w.runDir, 'weights/best.pt'), bytes());
      const last = sha256(path.join(w.runDir, 'weights/last.pt'));
      const run = await runAction(w, inputs());
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /::warning.*best\.pt is torn .*Uploading last\.pt as the final model instead/);
      const r = runs()[0];
      assert.deepEqual(r.puts.map((p) => p.sha256), [last], 'last.pt went up as the final model, best.pt did not');
      assert.ok(r.complete);
    });
  }

  it('a legacy (pre-1.6, pickle) checkpoint is whole and goes up as it is', async () => {
    const w = ws({ weights: { 'last.pt': 120_000 } });
    const best = path.join(w.runDir, 'weights/best.pt');
    fs.writeFileSync(best, Buffer.concat([Buffer.from([0x80, 0x02, 0x8a, 0x0a]), crypto.randomBytes(80_000)]));
    const run = await runAction(w, inputs());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout, /torn/);
    assert.deepEqual(runs()[0].puts.map((p) => p.sha256), [sha256(best)]);
  });
});

describe('the state file when the run directory cannot be written (A4)', () => {
  it('keeps it in the user state directory, says so, and a re-run there reads it (nothing sent twice)', async () => {
    const w = ws();
    openToOthers(w);
    const xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-xdg-'));
    fs.chmodSync(xdg, 0o777);
    try {
      fs.chmodSync(w.runDir, 0o555); // root-owned and read-only for the job's user
      const env = { XDG_STATE_HOME: xdg };
      const first = await runAsOther(w, inputs(), env);
      assert.equal(first.code, 0, first.stdout + first.stderr);
      assert.match(first.stdout, /::warning::The run directory .*train cannot be written \(EACCES\): the sync state is kept in .*ultralytics-sync\/train-[0-9a-f]{16}\.json\. A re-run on another machine cannot see it/);
      const kept = fs.readdirSync(path.join(xdg, 'ultralytics-sync'));
      assert.equal(kept.length, 1);
      assert.equal(fs.existsSync(stateFile(w)), false);
      const epochs = runs()[0].epochEvents;

      const again = await runAsOther(w, inputs(), env);
      assert.equal(again.code, 0, again.stdout + again.stderr);
      assert.equal(runs().length, 1, 'the re-run registered a second run');
      assert.equal(runs()[0].epochEvents, epochs, 'the re-run sent the epochs again');
      assert.match(again.stdout, /already arrived in an earlier attempt/);
      assert.deepEqual(e2e.emu.state.protocolErrors, []);
    } finally {
      fs.chmodSync(w.runDir, 0o755);
      fs.rmSync(xdg, { recursive: true, force: true });
    }
  });

  it('`state-file` puts it where it is told', async () => {
    const w = ws();
    const run = await runAction(w, inputs({ 'state-file': 'keep/sync-state.json' }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const saved = JSON.parse(fs.readFileSync(path.join(w.dir, 'keep/sync-state.json'), 'utf8'));
    assert.equal(saved.modelId, runs()[0].modelId);
    assert.equal(fs.existsSync(stateFile(w)), false);
  });
});

describe('the disk fills after registration (A5)', () => {
  it('prints the model id and `model: <id>`, leaves no temp file, and a re-run does not say the server never answered', { skip: !isRoot && 'needs root to mount a tmpfs' }, async (t) => {
    const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-full-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt]);
    if (mounted.status !== 0) {
      fs.rmSync(mnt, { recursive: true, force: true });
      t.skip(`cannot mount a tmpfs: ${mounted.stderr}`);
      return;
    }
    try {
      const w = ws({ weights: {} });
      const runDir = path.join(mnt, 'train');
      fs.mkdirSync(path.join(runDir, 'weights'), { recursive: true });
      for (const f of ['results.csv', 'args.yaml']) fs.copyFileSync(path.join(w.runDir, f), path.join(runDir, f));
      fs.writeFileSync(path.join(runDir, 'weights/best.pt'), crypto.randomBytes(20_000));
      // The registration answer comes late; meanwhile the disk fills.
      e2e.emu.faults.add('platform:training_started', { delayMs: 1500 });
      const pending = runAction(w, inputs({ 'run-dir': runDir }));
      const state = path.join(runDir, '.ultralytics-sync.json');
      for (let i = 0; i < 200 && !(fs.existsSync(state) && fs.readFileSync(state, 'utf8').includes('registering')); i++) await new Promise((r) => setTimeout(r, 10));
      assert.match(fs.readFileSync(state, 'utf8'), /registering/, 'the attempt was recorded before the request');
      const filler = path.join(mnt, 'filler');
      const fd = fs.openSync(filler, 'w');
      try {
        for (;;) fs.writeSync(fd, Buffer.alloc(4096));
      } catch (err) {
        assert.equal((err as NodeJS.ErrnoException).code, 'ENOSPC');
      } finally {
        fs.closeSync(fd);
      }
      const run = await pending;
      assert.equal(run.code, 1);
      const id = runs()[0].modelId;
      assert.match(run.stdout, new RegExp(`model ${id}.*re-run with \`model: ${id}\``));
      assert.match(run.stdout, /the disk is full/);
      assert.deepEqual(fs.readdirSync(runDir).filter((f) => f.endsWith('.tmp')), [], 'a temp file was left behind');

      // Nothing on disk still claims a registration whose answer never came.
      assert.ok(!fs.existsSync(state) || !fs.readFileSync(state, 'utf8').includes('registering'), 'the stale registering mark is left');

      fs.rmSync(filler);
      const cont = await runAction(w, inputs({ 'run-dir': runDir, model: id }));
      assert.equal(cont.code, 0, cont.stdout + cont.stderr);
      assert.doesNotMatch(cont.stdout, /never got the answer/);
      assert.equal(runs().length, 1, 'a second run was registered');
      assert.ok(e2e.emu.state.platform.runs[id].complete, 'continuing with model: <id> completed the first run');
    } finally {
      spawnSync('umount', [mnt]);
      fs.rmSync(mnt, { recursive: true, force: true });
    }
  });
});

describe('a training restarted in the same directory (A6)', () => {
  it('is registered as a new run with a warning; the first run is left as it was', async () => {
    const w = ws();
    const csv = path.join(w.runDir, 'results.csv');
    const first = await runAction(w, inputs());
    assert.equal(first.code, 0, first.stdout);
    const old = runs()[0];
    const oldEpochs = JSON.stringify(old.epochs);
    // exist_ok=True: the new training writes results.csv again from epoch 0, with other numbers.
    const [header, ...rows] = fs.readFileSync(csv, 'utf8').trim().split('\n');
    const newRows = rows.slice(0, 5).map((r) => r.split(',').map((c, i) => (i === 0 ? c : String(Number(c) * 0.5))).join(','));
    fs.writeFileSync(csv, [header, ...newRows].join('\n') + '\n');
    w.weight('best.pt', 200_000);
    const second = await runAction(w, inputs());
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.match(second.stdout, /::warning::A new training wrote .*results\.csv again \(.*shrank.*\): it is registered as a new run/);
    assert.equal(runs().length, 2, 'the new training has its own run');
    const fresh = runs().find((r) => r.modelId !== old.modelId) as PlatformRun;
    assert.equal(Object.keys(fresh.epochs).length, 5);
    assert.ok(fresh.complete);
    assert.equal(JSON.stringify(old.epochs), oldEpochs, 'the first run got no epoch of the second training');
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('a changed first epoch is a restart even when the file grew; a resumed training (its last epoch again) is not', async () => {
    const w = ws();
    const csv = path.join(w.runDir, 'results.csv');
    const text = fs.readFileSync(csv, 'utf8').trim();
    const [header, ...rows] = text.split('\n');
    fs.writeFileSync(csv, [header, ...rows.slice(0, 10)].join('\n') + '\n');
    assert.equal((await runAction(w, inputs({ final: 'false' }))).code, 0);
    // resume=True: the epoch it was killed in is written again (the later row wins), then on.
    const redo = rows[9].split(',').map((c, i) => (i === 0 ? c : String(Number(c) * 0.9))).join(',');
    fs.writeFileSync(csv, [header, ...rows.slice(0, 10), redo, ...rows.slice(10, 15)].join('\n') + '\n');
    const resumed = await runAction(w, inputs({ final: 'false' }));
    assert.equal(resumed.code, 0, resumed.stdout);
    assert.doesNotMatch(resumed.stdout, /A new training/);
    assert.equal(runs().length, 1, 'a resumed training is the same run');
    // A new training, longer than the first: epoch 0 differs.
    const changed = rows.map((r) => r.split(',').map((c, i) => (i === 0 ? c : String(Number(c) * 0.5))).join(','));
    fs.writeFileSync(csv, [header, ...changed].join('\n') + '\n');
    const restarted = await runAction(w, inputs({ final: 'false' }));
    assert.equal(restarted.code, 0, restarted.stdout);
    assert.match(restarted.stdout, /epoch 0 of .*results\.csv differs from the one sent/);
    assert.equal(runs().length, 2);
  });
  it('a new training with the same first epoch but other later ones is a restart, though the file grew', async () => {
    const w = ws();
    const csv = path.join(w.runDir, 'results.csv');
    const [header, ...rows] = fs.readFileSync(csv, 'utf8').trim().split('\n');
    fs.writeFileSync(csv, [header, ...rows.slice(0, 5)].join('\n') + '\n');
    assert.equal((await runAction(w, inputs({ final: 'false' }))).code, 0);
    const old = runs()[0];
    const oldEpochs = JSON.stringify(old.epochs);
    // exist_ok=True with the default seed: epoch 0 comes out the same, the epochs after it do not.
    const other = (r: string) => r.split(',').map((c, i) => (i === 0 ? c : String(Number(c) * 0.9))).join(',');
    fs.writeFileSync(csv, [header, rows[0], ...rows.slice(1).map(other)].join('\n') + '\n');
    const second = await runAction(w, inputs());
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.match(second.stdout, /::warning::A new training wrote .*results\.csv again \(epoch \d+ of .*results\.csv differs from the one sent\): it is registered as a new run/);
    assert.doesNotMatch(second.stdout, /shrank/);
    assert.equal(runs().length, 2, 'the new training has its own run');
    const fresh = runs().find((r) => r.modelId !== old.modelId) as PlatformRun;
    assert.equal(Object.keys(fresh.epochs).length, rows.length);
    assert.ok(fresh.complete);
    assert.equal(JSON.stringify(old.epochs), oldEpochs, 'the first run got no epoch of the second training');
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('a resumed training that wrote its last acknowledged epoch again stays the same run, on later syncs too', async () => {
    const w = ws();
    const csv = path.join(w.runDir, 'results.csv');
    const [header, ...rows] = fs.readFileSync(csv, 'utf8').trim().split('\n');
    fs.writeFileSync(csv, [header, ...rows.slice(0, 10)].join('\n') + '\n');
    assert.equal((await runAction(w, inputs({ final: 'false' }))).code, 0);
    // resume=True: the epoch it was killed in (the last one sent) is written again, then on.
    const redo = rows[9].split(',').map((c, i) => (i === 0 ? c : String(Number(c) * 0.9))).join(',');
    const resumed = [header, ...rows.slice(0, 10), redo];
    fs.writeFileSync(csv, [...resumed, ...rows.slice(10, 15)].join('\n') + '\n');
    const next = await runAction(w, inputs({ final: 'false' }));
    assert.equal(next.code, 0, next.stdout);
    // Epoch 9's row now differs from the one sent, and is no longer the last acknowledged one.
    fs.writeFileSync(csv, [...resumed, ...rows.slice(10)].join('\n') + '\n');
    const last = await runAction(w, inputs());
    assert.equal(last.code, 0, last.stdout + last.stderr);
    for (const r of [next, last]) assert.doesNotMatch(r.stdout, /A new training/);
    assert.equal(runs().length, 1, 'a resumed training is the same run');
    assert.equal(Object.keys(runs()[0].epochs).length, rows.length);
    assert.ok(runs()[0].complete);
  });
});

describe('files that cannot be read are found before anything is sent (A7)', () => {
  it('an unreadable best.pt: an error naming it, and nothing registered', async () => {
    const w = ws();
    openToOthers(w);
    const best = path.join(w.runDir, 'weights/best.pt');
    fs.chmodSync(best, 0o600);
    try {
      const run = isRoot ? await runAsOther(w, inputs()) : (fs.chmodSync(best, 0), await runAction(w, inputs()));
      assert.equal(run.code, 1);
      assert.match(run.stdout + run.stderr, /cannot read weights file .*best\.pt: permission denied: make it readable/);
      assert.deepEqual(runs(), [], 'the run was registered before the file was found unreadable');
      assert.equal(e2e.emu.state.requests.length, 0);
    } finally {
      fs.chmodSync(best, 0o644);
    }
  });

  it('a best.pt that is a FIFO does not hang the sync and is named', async () => {
    const w = ws();
    const best = path.join(w.runDir, 'weights/best.pt');
    fs.rmSync(best);
    spawnSync('mkfifo', [best]);
    const run = await runAction(w, inputs());
    assert.equal(run.code, 1);
    assert.match(run.stdout + run.stderr, /cannot read weights file .*best\.pt: it is not a regular file/);
    assert.deepEqual(runs(), []);
  });

  it('an unreadable results.csv: an error naming the file and the fix, not a raw EACCES', async () => {
    const w = ws();
    openToOthers(w);
    const csv = path.join(w.runDir, 'results.csv');
    fs.chmodSync(csv, 0o600);
    try {
      const run = isRoot ? await runAsOther(w, inputs()) : (fs.chmodSync(csv, 0), await runAction(w, inputs()));
      assert.equal(run.code, 1);
      assert.match(run.stdout + run.stderr, /cannot read metrics file .*results\.csv: permission denied: make it readable by the user this job runs as/);
      assert.doesNotMatch(run.stdout + run.stderr, /EACCES/);
      assert.deepEqual(runs(), []);
    } finally {
      fs.chmodSync(csv, 0o644);
    }
  });

  it('a log-file linked out of the workspace: an error naming it and the fix, before any request', async () => {
    const w = ws();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-outside-'));
    const target = path.join(outside, 'console.log');
    fs.writeFileSync(target, 'secret line\n');
    fs.symlinkSync(target, path.join(w.dir, 'train.log'));
    try {
      const run = await runAction(w, inputs({ 'log-file': 'train.log' }));
      assert.equal(run.code, 1, run.stdout);
      assert.match(run.stdout + run.stderr, /log-file .*train\.log leads outside the workspace \(to .*console\.log\) through a symbolic link, so it is not read\. Give the real path, or point `log-file` at the training's console log/);
      assert.equal(e2e.emu.state.requests.length, 0, 'a request went out before the log-file was refused');
      assert.deepEqual(runs(), []);
    } finally {
      fs.rmSync(target);
      fs.rmdirSync(outside);
    }
  });

  it('a log-file over the read cap: refused before any request', async () => {
    const w = ws();
    const log = path.join(w.dir, 'train.log');
    fs.writeFileSync(log, 'line\n');
    fs.truncateSync(log, 257 * 1024 * 1024); // sparse: no disk used
    const run = await runAction(w, inputs({ 'log-file': 'train.log' }));
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout + run.stderr, /log-file .*train\.log holds more than 256 MiB, far more than such a file ever does, so it is not read\. Point `log-file` at the training's console log/);
    assert.equal(e2e.emu.state.requests.length, 0);
    assert.deepEqual(runs(), []);
  });
});
