/**
 * Writes the fake checkpoints of the example run, `detect/train/weights/{best,last}.pt`.
 *
 * Each is laid out like torch.save: a zip of STORED entries (`best/data.pkl`, `best/data/0`,
 * `best/version`, …, data aligned to 64 bytes), whose data.pkl is a protocol-2 pickle of the
 * Ultralytics checkpoint dict (`date`, `version`, `epoch`, `train_args`, `train_metrics`,
 * `train_results`, …) made of plain data only: no classes, no tensors, nothing to execute.
 * `best.pt` is stripped (`epoch: -1`) like a finished run's; `last.pt` holds `epoch: 49`.
 * Deterministic (fixed timestamps and contents). Run from the repository root:
 *   npx tsc -p . && node build/examples/runs/make-weights.js
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { bestEpoch, fitnessOf, fitnessRuleFor } from '../../src/rundir/fitness.js';
import { parseResultsCsv } from '../../src/rundir/results-csv.js';

export type PickleValue = null | boolean | number | string | PickleValue[] | { [key: string]: PickleValue };

// ---- pickle, protocol 2 ----

/** Pickles plain data the way CPython's protocol 2 does (BINPUT after each string and container). */
export function pickle2(value: PickleValue): Buffer {
  const out: Buffer[] = [Buffer.from([0x80, 2])];
  let memo = 0;
  const op = (...bytes: number[]) => out.push(Buffer.from(bytes));
  const put = () => {
    if (memo < 256) op(0x71 /* BINPUT */, memo++);
    else {
      const b = Buffer.alloc(5);
      b[0] = 0x72; // LONG_BINPUT
      b.writeUInt32LE(memo++, 1);
      out.push(b);
    }
  };
  const write = (v: PickleValue): void => {
    if (v === null) op(0x4e /* NONE */);
    else if (v === true) op(0x88 /* NEWTRUE */);
    else if (v === false) op(0x89 /* NEWFALSE */);
    else if (typeof v === 'number') writeNumber(v);
    else if (typeof v === 'string') {
      const s = Buffer.from(v, 'utf8');
      const head = Buffer.alloc(5);
      head[0] = 0x58; // BINUNICODE
      head.writeUInt32LE(s.length, 1);
      out.push(head, s);
      put();
    } else if (Array.isArray(v)) {
      op(0x5d /* EMPTY_LIST */);
      put();
      items(v, (x) => write(x), 0x61 /* APPEND */, 0x65 /* APPENDS */);
    } else {
      op(0x7d /* EMPTY_DICT */);
      put();
      items(Object.entries(v), ([k, x]) => (write(k), write(x)), 0x73 /* SETITEM */, 0x75 /* SETITEMS */);
    }
  };
  const items = <T>(list: T[], each: (x: T) => void, one: number, many: number) => {
    if (list.length === 0) return;
    if (list.length === 1) return each(list[0]), op(one);
    op(0x28 /* MARK */);
    list.forEach(each);
    op(many);
  };
  const writeNumber = (n: number) => {
    if (Number.isInteger(n) && n >= 0 && n < 256) return op(0x4b /* BININT1 */, n);
    if (Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31) {
      const b = Buffer.alloc(5);
      b[0] = 0x4a; // BININT
      b.writeInt32LE(n, 1);
      return out.push(b);
    }
    const b = Buffer.alloc(9);
    b[0] = 0x47; // BINFLOAT, big-endian
    b.writeDoubleBE(n, 1);
    out.push(b);
  };
  write(value);
  op(0x2e /* STOP */);
  return Buffer.concat(out);
}

// ---- zip of STORED entries ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** 1980-01-01 00:00:00 in MS-DOS time and date fields. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const ALIGN = 64;

/**
 * A zip of STORED entries with each entry's data aligned to 64 bytes, as torch.save writes it.
 * `zip64` forces the zip64 end records and central-directory fields (torch uses them for big files).
 */
export function storedZip(entries: ZipEntry[], opts: { zip64?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const pad = (ALIGN - ((offset + 30 + nameBuf.length + 4) % ALIGN)) % ALIGN;
    const extra = Buffer.alloc(4 + pad);
    extra.writeUInt16LE(0x4246, 0); // 'FB': padding, as PyTorch writes it
    extra.writeUInt16LE(pad, 2);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 8); // STORED
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(extra.length, 28);
    parts.push(local, nameBuf, extra, data);
    central.push(centralEntry(nameBuf, crc, data.length, offset, opts.zip64 ?? false));
    offset += 30 + nameBuf.length + extra.length + data.length;
  }
  const cd = Buffer.concat(central);
  parts.push(cd, ...endRecords(entries.length, cd.length, offset, opts.zip64 ?? false));
  return Buffer.concat(parts);
}

function centralEntry(name: Buffer, crc: number, size: number, offset: number, zip64: boolean): Buffer {
  const extra = Buffer.alloc(zip64 ? 28 : 0);
  if (zip64) {
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(size), 4);
    extra.writeBigUInt64LE(BigInt(size), 12);
    extra.writeBigUInt64LE(BigInt(offset), 20);
  }
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(zip64 ? 45 : 20, 4);
  h.writeUInt16LE(zip64 ? 45 : 20, 6);
  h.writeUInt16LE(0, 10); // STORED
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(crc, 16);
  h.writeUInt32LE(zip64 ? 0xffffffff : size, 20);
  h.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  h.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
  return Buffer.concat([h, name, extra]);
}

function endRecords(count: number, cdSize: number, cdOffset: number, zip64: boolean): Buffer[] {
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(zip64 ? 0xffff : count, 8);
  eocd.writeUInt16LE(zip64 ? 0xffff : count, 10);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : cdSize, 12);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : cdOffset, 16);
  if (!zip64) return [eocd];
  const rec = Buffer.alloc(56);
  rec.writeUInt32LE(0x06064b50, 0);
  rec.writeBigUInt64LE(44n, 4);
  rec.writeUInt16LE(45, 12);
  rec.writeUInt16LE(45, 14);
  rec.writeBigUInt64LE(BigInt(count), 24);
  rec.writeBigUInt64LE(BigInt(count), 32);
  rec.writeBigUInt64LE(BigInt(cdSize), 40);
  rec.writeBigUInt64LE(BigInt(cdOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
  locator.writeUInt32LE(1, 16);
  return [rec, locator, eocd];
}

// ---- the example checkpoints ----

const VERSION = '8.3.40';
/** Size of the filler `data/0` entry: keeps each file at tens of KB. */
const STORAGE_BYTES = 24 * 1024;

/** The entries torch.save writes for an archive named `archive` (the file's stem). */
export function torchArchive(archive: string, pickle: Buffer, storage: Buffer): ZipEntry[] {
  const text = (s: string) => Buffer.from(s, 'utf8');
  return [
    { name: `${archive}/data.pkl`, data: pickle },
    { name: `${archive}/.format_version`, data: text('1') },
    { name: `${archive}/.storage_alignment`, data: text('64') },
    { name: `${archive}/byteorder`, data: text('little') },
    { name: `${archive}/data/0`, data: storage },
    { name: `${archive}/version`, data: text('3\n') },
    { name: `${archive}/.data/serialization_id`, data: text('1126557936021730441100286436094318526094') },
  ];
}

/** Deterministic bytes standing in for a half-precision weight tensor. */
function fakeStorage(bytes: number, seed: number): Buffer {
  const b = Buffer.alloc(bytes);
  let x = seed >>> 0;
  for (let i = 0; i < bytes; i += 2) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    b.writeUInt16LE(0x2c00 + (x >>> 22), i); // small positive float16 values
  }
  return b;
}

/** Writes `<runDir>/weights/{best,last}.pt` from the run's results.csv and args.yaml; returns the paths. */
export function writeExampleWeights(runDir: string): string[] {
  const csvPath = join(runDir, 'results.csv');
  const csv = readFileSync(csvPath, 'utf8');
  const file = parseResultsCsv(csv, csvPath);
  const rule = fitnessRuleFor(file, VERSION);
  const best = bestEpoch(file, rule);
  const bestRow = file.rows.find((r) => r.epoch === best?.epoch);
  if (!best || !bestRow) throw new Error(`${csvPath}: no best epoch`);
  const lastRow = file.rows[file.rows.length - 1];

  const [header, ...lines] = csv.trim().split('\n');
  const columns = header.split(',');
  const trainResults = Object.fromEntries(columns.map((c, i) => [c, lines.map((l) => Number(l.split(',')[i]))]));
  const trainArgs = parse(readFileSync(join(runDir, 'args.yaml'), 'utf8')) as { [key: string]: PickleValue };
  const validation = (row: typeof bestRow) =>
    Object.fromEntries(Object.entries(row.metrics).filter(([k]) => k.startsWith('metrics/') || k.startsWith('val/')));

  const checkpoint = (epoch: number, row: typeof bestRow): PickleValue => ({
    date: '2024-11-30T14:05:12.345678',
    version: VERSION,
    license: 'AGPL-3.0 License (https://ultralytics.com/license)',
    docs: 'https://docs.ultralytics.com',
    epoch,
    best_fitness: best.fitness,
    model: null,
    ema: null,
    updates: null,
    optimizer: null,
    train_args: trainArgs,
    train_metrics: { ...validation(row), fitness: fitnessOf(row, file.columns, rule) },
    train_results: trainResults,
  });

  const weights = join(runDir, 'weights');
  const outputs: [string, PickleValue, number][] = [
    ['best', checkpoint(-1, bestRow), 1],
    ['last', checkpoint(lastRow.epoch, lastRow), 2],
  ];
  return outputs.map(([stem, ckpt, seed]) => {
    const path = join(weights, `${stem}.pt`);
    writeFileSync(path, storedZip(torchArchive(stem, pickle2(ckpt), fakeStorage(STORAGE_BYTES, seed))));
    return path;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const path of writeExampleWeights(process.argv[2] ?? join('examples', 'runs', 'detect', 'train'))) {
    console.log(`wrote ${path}`);
  }
}
