/**
 * The watch room's parts on real temp files: following a growing log, change detection, new-run
 * discovery, a torn results.csv line, the end state from checkpoints, and nvidia-smi's output.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { getInputs } from '../../src/inputs/inputs.js';
import { terminalLog } from '../../src/log.js';
import { loadRun } from '../../src/rundir/load-run.js';
import { inferStatus } from '../../src/rundir/ended.js';
import { findNewRuns } from '../../src/watch/find-run.js';
import { ChangeWatch, LineFollower } from '../../src/watch/follow.js';
import { SystemSampler, parseNvidiaSmi } from '../../src/watch/system.js';

const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-follow-'));
  dirs.push(d);
  return d;
};
const REAL = fileURLToPath(new URL('../../../__tests__/fixtures/real-runs/', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../../examples/runs/detect/train/', import.meta.url));
const quiet = terminalLog({ verbose: false, write: () => {} });

describe('LineFollower', () => {
  it('gives whole lines only, as they are written; a line without its newline waits', () => {
    const file = path.join(temp(), 'train.log');
    const f = new LineFollower(file);
    assert.deepEqual(f.read(), [], 'no file yet');
    fs.writeFileSync(file, 'one\ntw');
    assert.deepEqual(f.read(), ['one']);
    fs.appendFileSync(file, 'o\r\nthree\n');
    assert.deepEqual(f.read(), ['two', 'three']);
    assert.deepEqual(f.read(), []);
  });

  it('keeps what a progress bar showed last, as the whole-file reader does', () => {
    const file = path.join(temp(), 'train.log');
    fs.writeFileSync(file, '  1/3 10%\r  1/3 50%\r  1/3 100%\nnext\n');
    assert.deepEqual(new LineFollower(file).read(), ['  1/3 100%', 'next']);
  });

  it('starts again from the top when the file is replaced or truncated', () => {
    const file = path.join(temp(), 'train.log');
    fs.writeFileSync(file, 'a\nb\n');
    const f = new LineFollower(file);
    assert.deepEqual(f.read(), ['a', 'b']);
    fs.writeFileSync(file, 'c\n');
    assert.deepEqual(f.read(), ['c']);
  });
});

describe('ChangeWatch', () => {
  it('sees a file appear, change in place, and settle', () => {
    const file = path.join(temp(), 'last.pt');
    const w = new ChangeWatch(file);
    assert.equal(w.changed(0), false);
    fs.writeFileSync(file, 'x');
    assert.equal(w.changed(1000), true);
    assert.equal(w.changed(1100), false);
    assert.equal(w.stillFor(1000, 1500), false);
    assert.equal(w.stillFor(1000, 2100), true);
    fs.writeFileSync(file, 'xy');
    assert.equal(w.changed(2200), true);
  });
});

describe('findNewRuns', () => {
  it('finds every run whose args.yaml appeared after the start, oldest first; not an older one, nor one inside a dataset', () => {
    const ws = temp();
    const old = path.join(ws, 'runs/detect/train');
    fs.mkdirSync(old, { recursive: true });
    fs.writeFileSync(path.join(old, 'args.yaml'), 'task: detect\n');
    const start = Date.now() + 60_000;
    fs.utimesSync(path.join(old, 'args.yaml'), new Date(start - 120_000), new Date(start - 120_000));
    assert.deepEqual(findNewRuns(ws, start), []);
    const ignored = path.join(ws, 'datasets/x/runs/detect/train');
    fs.mkdirSync(ignored, { recursive: true });
    fs.writeFileSync(path.join(ignored, 'args.yaml'), 'task: detect\n');
    const fresh = path.join(ws, 'acme/helmets/train2');
    fs.mkdirSync(fresh, { recursive: true });
    fs.writeFileSync(path.join(fresh, 'args.yaml'), 'task: detect\n');
    for (const f of [path.join(ignored, 'args.yaml'), path.join(fresh, 'args.yaml')]) fs.utimesSync(f, new Date(start + 1000), new Date(start + 1000));
    assert.deepEqual(findNewRuns(ws, start), [fresh]);
    const earlier = path.join(ws, 'runs/detect/train3');
    fs.mkdirSync(earlier, { recursive: true });
    fs.writeFileSync(path.join(earlier, 'args.yaml'), 'task: detect\n');
    fs.utimesSync(path.join(earlier, 'args.yaml'), new Date(start + 500), new Date(start + 500));
    assert.deepEqual(findNewRuns(ws, start), [earlier, fresh]);
  });
});

describe('loadRun while the trainer writes', () => {
  const inputsFor = (runDir: string) =>
    getInputs((n) => ({ 'run-dir': runDir, 'api-key': 'ul_' + 'ab12'.repeat(10), project: 'a/b' })[n] ?? '', { GITHUB_WORKSPACE: path.dirname(runDir) }, quiet);

  it('reads whole rows only: a torn last line waits; no results.csv or no row yet is an empty run', async () => {
    const runDir = path.join(temp(), 'train');
    fs.mkdirSync(path.join(runDir, 'weights'), { recursive: true });
    fs.copyFileSync(path.join(EXAMPLE, 'args.yaml'), path.join(runDir, 'args.yaml'));
    const inputs = inputsFor(runDir);
    assert.equal((await loadRun(inputs, quiet, { live: true })).metrics.rows.length, 0);
    const [header, row1, row2] = fs.readFileSync(path.join(EXAMPLE, 'results.csv'), 'utf8').split('\n');
    fs.writeFileSync(path.join(runDir, 'results.csv'), header + '\n');
    assert.equal((await loadRun(inputs, quiet, { live: true })).metrics.rows.length, 0);
    // The torn row has as many cells as a whole one, its last number cut short: it must wait.
    fs.appendFileSync(path.join(runDir, 'results.csv'), row1 + '\n' + row2.slice(0, -3));
    const plan = await loadRun(inputs, quiet, { live: true });
    assert.deepEqual(plan.metrics.rows.map((r) => r.epoch), [0]);
    fs.appendFileSync(path.join(runDir, 'results.csv'), row2.slice(-3) + '\n');
    assert.deepEqual((await loadRun(inputs, quiet, { live: true })).metrics.rows.map((r) => r.epoch), [0, 1]);
  });
});

describe('inferStatus', () => {
  it('a stripped checkpoint means finished; an unstripped or no checkpoint means failed', async () => {
    assert.equal((await inferStatus(path.join(REAL, '8.4.41-detect'))).status, 'success');
    const crashed = temp();
    fs.mkdirSync(path.join(crashed, 'weights'));
    assert.equal((await inferStatus(crashed)).status, 'failure');
    fs.copyFileSync(path.join(EXAMPLE, 'weights/last.pt'), path.join(crashed, 'weights/last.pt')); // epoch 49
    const r = await inferStatus(crashed);
    assert.equal(r.status, 'failure');
    assert.match(r.why, /no stripped checkpoint/);
  });
});

describe('system load', () => {
  it('parses nvidia-smi per GPU and leaves out what it cannot read', () => {
    const gpus = parseNvidiaSmi('0, 95, 20480, 24576, 72, 285.31\n1, [N/A], 100, 24576, 40, [N/A]\n');
    assert.deepEqual(gpus, { '0': { usage: 95, memory: 83.3, temp: 72, power: 285.31 }, '1': { memory: 0.4, temp: 40 } });
    assert.deepEqual(parseNvidiaSmi(''), {});
  });

  it('samples cpu and ram as percentages and the disk in GiB; GPUs {} without nvidia-smi', async () => {
    const s = await new SystemSampler({ root: os.tmpdir() }).sample();
    assert.ok(s.ram !== undefined && s.ram > 0 && s.ram <= 100);
    assert.ok(s.cpu === undefined || (s.cpu >= 0 && s.cpu <= 100));
    const st = fs.statfsSync(os.tmpdir());
    const gib = ((st.blocks - st.bfree) * st.bsize) / 2 ** 30;
    assert.ok(s.disk?.used_gb !== undefined && Math.abs(s.disk.used_gb - gib) < 0.01, `used_gb ${s.disk?.used_gb} is GiB (${gib}), not GB`);
    assert.ok(s.gpus && typeof s.gpus === 'object');
  });

  it('sends disk and network throughput in MiB/s between two samples, from /proc as psutil counts it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-proc-'));
    try {
      fs.mkdirSync(path.join(dir, 'proc/net'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'sys/block/sda'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'sys/block/nvme0n1'), { recursive: true });
      // major minor name reads merged SECTORS-READ ms writes merged SECTORS-WRITTEN ms … (a partition is not in /sys/block)
      const diskstats = (sda: [number, number], part: [number, number], nvme: [number, number]) =>
        [
          `   8       0 sda 10 0 ${sda[0]} 5 20 0 ${sda[1]} 7 0 9 12 0 0 0 0 0 0`,
          `   8       1 sda1 10 0 ${part[0]} 5 20 0 ${part[1]} 7 0 9 12 0 0 0 0 0 0`,
          ` 259       0 nvme0n1 10 0 ${nvme[0]} 5 20 0 ${nvme[1]} 7 0 9 12`,
        ].join('\n') + '\n';
      const netdev = (lo: [number, number], eth: [number, number]) =>
        'Inter-|   Receive                                                |  Transmit\n' +
        ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n' +
        `    lo: ${lo[0]} 1 0 0 0 0 0 0 ${lo[1]} 1 0 0 0 0 0 0\n` +
        `  eth0: ${eth[0]} 1 0 0 0 0 0 0 ${eth[1]} 1 0 0 0 0 0 0\n`;
      fs.writeFileSync(path.join(dir, 'proc/diskstats'), diskstats([1000, 2000], [1000, 2000], [0, 0]));
      fs.writeFileSync(path.join(dir, 'proc/net/dev'), netdev([100, 100], [5000, 7000]));
      const sampler = new SystemSampler({ root: os.tmpdir(), proc: path.join(dir, 'proc'), sys: path.join(dir, 'sys') }, 10_000);
      // 2 s later: sda read 2048 sectors (1 MiB) and wrote 4096 (2 MiB), its partition the same (not counted
      // again), nvme0n1 read 2 MiB; lo and eth0 received 3 MiB together and sent 1 MiB.
      fs.writeFileSync(path.join(dir, 'proc/diskstats'), diskstats([3048, 6096], [3048, 6096], [4096, 0]));
      fs.writeFileSync(path.join(dir, 'proc/net/dev'), netdev([100 + 2 ** 20, 100 + 2 ** 19], [5000 + 2 * 2 ** 20, 7000 + 2 ** 19]));
      const s = await sampler.sample(12_000);
      assert.deepEqual({ read: s.disk?.read_mbs, write: s.disk?.write_mbs }, { read: 1.5, write: 1 });
      assert.deepEqual(s.network, { recv_mbs: 1.5, sent_mbs: 0.5 });
      // Counters that went back (a device removed) give 0, never a negative rate.
      fs.writeFileSync(path.join(dir, 'proc/diskstats'), diskstats([0, 0], [0, 0], [0, 0]));
      const again = await sampler.sample(13_000);
      assert.deepEqual({ read: again.disk?.read_mbs, write: again.disk?.write_mbs }, { read: 0, write: 0 });
      assert.deepEqual(again.network, { recv_mbs: 0, sent_mbs: 0 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the throughput out where there is no /proc', async () => {
    const s = await new SystemSampler({ root: os.tmpdir(), proc: path.join(os.tmpdir(), 'no-such-proc-dir') }).sample();
    assert.equal(s.network, undefined);
    assert.deepEqual(Object.keys(s.disk ?? {}), ['used_gb']);
  });
});
