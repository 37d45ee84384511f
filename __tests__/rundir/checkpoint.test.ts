import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pickle2, storedZip, torchArchive, writeExampleWeights } from '../../examples/runs/make-weights.js';
import { readCheckpointMeta, tornCheckpoint } from '../../src/rundir/checkpoint.js';

const RUN = fileURLToPath(new URL('../../../examples/runs/detect/train/', import.meta.url));
const WEIGHTS = join(RUN, 'weights');

/** CPython `pickle.dumps({'date': '2025-01-01', 'version': '8.3.40', 'epoch': 12, 'train_results': {'epoch': [1, 2]}}, protocol=4)`. */
const PROTOCOL4 =
  '80049553000000000000007d94288c0464617465948c0a323032352d30312d3031948c0776657273696f6e948c06382e332e3430948c0565706f6368944b0c8c0d747261696e5f726573756c7473947d9468055d94284b014b026573752e';
/** CPython `pickle.dumps({'epoch': 2**40, 'version': 'x'}, protocol=4)`: the epoch is a LONG1. */
const LONG1 = '80049523000000000000007d94288c0565706f6368948a060000000000018c0776657273696f6e948c017894752e';
/** CPython `pickle.dumps({'epoch': 7, 'version': '8.4.1'}, protocol=0)`. */
const PROTOCOL0 = '(dp0\nVepoch\np1\nI7\nsVversion\np2\nV8.4.1\np3\ns.';

/** SHORT_BINUNICODE of a short string. */
const shortStr = (s: string) => Buffer.concat([Buffer.from([0x8c, Buffer.byteLength(s)]), Buffer.from(s)]);

describe('readCheckpointMeta', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rundir-ckpt-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const ckpt = async (name: string, pickle: Buffer, opts: { zip64?: boolean } = {}) => {
    const path = join(dir, name);
    await writeFile(path, storedZip(torchArchive('archive', pickle, Buffer.alloc(256, 7)), opts));
    return path;
  };

  it('reads the example best.pt (stripped: epoch -1)', async () => {
    assert.deepEqual(await readCheckpointMeta(join(WEIGHTS, 'best.pt')), { version: '8.3.40', epoch: -1 });
  });

  it('reads the example last.pt (epoch 49)', async () => {
    assert.deepEqual(await readCheckpointMeta(join(WEIGHTS, 'last.pt')), { version: '8.3.40', epoch: 49 });
  });

  it('the example weights are what make-weights.ts writes, byte for byte', async () => {
    const run = join(dir, 'example');
    await mkdir(join(run, 'weights'), { recursive: true });
    for (const f of ['results.csv', 'args.yaml']) await copyFile(join(RUN, f), join(run, f));
    const written = writeExampleWeights(run);
    assert.equal(written.length, 2);
    for (const name of ['best.pt', 'last.pt']) {
      assert.ok((await readFile(join(run, 'weights', name))).equals(await readFile(join(WEIGHTS, name))), name);
    }
  });

  // Checkpoints written by real Ultralytics trainings (fixtures/real-runs/SOURCE.md): the pickle
  // layouts of 8.0, 8.2 and 8.4 differ (key order, model classes, train_metrics).
  const REAL = fileURLToPath(new URL('../../../__tests__/fixtures/real-runs/', import.meta.url));
  for (const [run, version, names] of [
    ['8.0.20-classify', '8.0.20', ['circle', 'square']],
    ['8.2.103-classify', '8.2.103', ['circle', 'square']],
    ['8.4.41-classify', '8.4.41', ['circle', 'square']],
    ['8.4.41-detect', '8.4.41', ['square', 'circle']],
  ] as const) {
    it(`reads version, stripped epoch and class names from a real ${run} best.pt`, async () => {
      const meta = await readCheckpointMeta(join(REAL, run, 'weights/best.pt'));
      assert.deepEqual({ version: meta?.version, epoch: meta?.epoch, names: meta?.names }, { version, epoch: -1, names: [...names] });
    });
  }

  it('reads names from a pickled model object and orders them by index', async () => {
    // A module object as torch pickles it: GLOBAL, EMPTY_TUPLE, NEWOBJ, then BUILD with its __dict__.
    // state = {'names': {1: 'b', 0: 'a', 2: 'c'}}: int keys, out of order
    const state = Buffer.concat([
      Buffer.from([0x7d, 0x28]), shortStr('names'),
      Buffer.from([0x7d, 0x28, 0x4b, 1]), shortStr('b'), Buffer.from([0x4b, 0]), shortStr('a'), Buffer.from([0x4b, 2]), shortStr('c'),
      Buffer.from([0x75, 0x75]),
    ]);
    const pickle = Buffer.concat([
      Buffer.from([0x80, 0x02, 0x7d, 0x28]), // PROTO 2, EMPTY_DICT, MARK
      shortStr('version'), shortStr('8.4.2'), shortStr('epoch'), Buffer.from([0x4b, 0x07]),
      shortStr('model'), Buffer.from('cultralytics.nn.tasks\nDetectionModel\n', 'latin1'), Buffer.from([0x29, 0x81]),
      state, Buffer.from([0x62]), // BUILD
      Buffer.from([0x75, 0x2e]), // SETITEMS, STOP
    ]);
    const path = await ckpt('module.pt', pickle);
    assert.deepEqual(await readCheckpointMeta(path), { version: '8.4.2', epoch: 7, names: ['a', 'b', 'c'] });
  });

  it('reads a zip64 archive', async () => {
    const path = await ckpt('zip64.pt', pickle2({ epoch: 3, version: '8.4.2' }), { zip64: true });
    assert.deepEqual(await readCheckpointMeta(path), { version: '8.4.2', epoch: 3 });
  });

  it('reads CPython protocol 4 and 0 pickles (memo gets, LONG1, text opcodes)', async () => {
    const p4 = await ckpt('p4.pt', Buffer.from(PROTOCOL4, 'hex'));
    assert.deepEqual(await readCheckpointMeta(p4), { version: '8.3.40', epoch: 12 });
    const long = await ckpt('long.pt', Buffer.from(LONG1, 'hex'));
    assert.deepEqual(await readCheckpointMeta(long), { version: 'x', epoch: 2 ** 40 });
    const p0 = await ckpt('p0.pt', Buffer.from(PROTOCOL0, 'latin1'));
    assert.deepEqual(await readCheckpointMeta(p0), { version: '8.4.1', epoch: 7 });
  });

  it('ignores an `epoch` key whose value is not an int', async () => {
    const path = await ckpt('list.pt', pickle2({ train_results: { epoch: [1, 2] }, version: '8.3.1' }));
    assert.deepEqual(await readCheckpointMeta(path), { version: '8.3.1' });
  });

  it('never runs what the pickle asks for', async () => {
    const marker = join(dir, 'pwned');
    // {'version': '8.3.40', 'x': os.system('touch marker'), 'epoch': 5}, protocol 0
    const evil = `(dp0\nVversion\np1\nV8.3.40\np2\nsVx\np3\ncos\nsystem\np4\n(Vtouch ${marker}\np5\ntp6\nRp7\nsVepoch\np8\nI5\ns.`;
    const path = await ckpt('evil.pt', Buffer.from(evil, 'latin1'));
    assert.deepEqual(await readCheckpointMeta(path), { version: '8.3.40', epoch: 5 });
    assert.equal(existsSync(marker), false);
  });

  it('gives null for files that are not readable checkpoints', async () => {
    const notZip = join(dir, 'results.csv');
    await writeFile(notZip, 'epoch,time\n1,2\n');
    const empty = join(dir, 'empty.pt');
    await writeFile(empty, '');
    const noPickle = join(dir, 'nopkl.pt');
    await writeFile(noPickle, storedZip([{ name: 'archive/version', data: Buffer.from('3\n') }]));
    const truncated = await ckpt('truncated.pt', pickle2({ version: '8.3.40', epoch: 1 }).subarray(0, 12));
    const compressed = join(dir, 'deflated.pt');
    const zip = storedZip(torchArchive('archive', pickle2({ version: '8.3.40', epoch: 1 }), Buffer.alloc(8)));
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(8, central + 10); // claim DEFLATE for the first entry (data.pkl)
    await writeFile(compressed, zip);

    // BINSTRING with a negative length must not move the scanner backwards
    const loop = await ckpt('loop.pt', Buffer.from([0x80, 0x02, 0x54, 0xfb, 0xff, 0xff, 0xff, 0x2e]));

    for (const path of [notZip, empty, noPickle, truncated, compressed, loop, join(dir, 'missing.pt'), dir]) {
      assert.equal(await readCheckpointMeta(path), null, path);
    }
  });
});

describe('tornCheckpoint', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rundir-torn-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const file = async (name: string, bytes: Buffer) => {
    const p = join(dir, name);
    await writeFile(p, bytes);
    return p;
  };

  it('a whole torch zip is whole; cut anywhere before its end record, it is torn', async () => {
    const whole = storedZip(torchArchive('best', pickle2({ version: '8.3.40', epoch: -1 }), Buffer.alloc(4096, 7)));
    assert.equal(await tornCheckpoint(await file('whole.pt', whole)), null);
    for (const keep of [4, 100, whole.length - 22, whole.length - 1]) {
      assert.match(String(await tornCheckpoint(await file(`cut-${keep}.pt`, whole.subarray(0, keep)))), /zip without its end record/, `cut at ${keep}`);
    }
  });

  it('a 0-byte file is torn; a legacy pickle (pre-1.6 torch.save) is whole', async () => {
    assert.match(String(await tornCheckpoint(await file('empty.pt', Buffer.alloc(0)))), /empty/);
    assert.equal(await tornCheckpoint(await file('legacy.pt', Buffer.concat([Buffer.from([0x80, 0x02]), Buffer.alloc(1000, 1)]))), null);
  });
});
