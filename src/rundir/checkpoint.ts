/**
 * Reads the Ultralytics `version` and `epoch` out of a .pt checkpoint without loading it.
 *
 * A .pt file is a zip (torch.save) of STORED entries; the metadata pickle is the entry ending
 * `/data.pkl`. Only the end of the file (the zip directory) and that one entry are read, so a
 * multi-GiB checkpoint costs a few reads. The pickle is never unpickled: its opcodes are walked to
 * find the key 'version' followed by a string and the key 'epoch' followed by an int. Checkpoints
 * are untrusted, so anything unexpected gives null; a sound pickle without those keys gives {}.
 */
import { open, type FileHandle } from 'node:fs/promises';

export interface CheckpointMeta {
  /** The Ultralytics version that wrote the file, e.g. '8.3.40'. */
  version?: string;
  /** The trainer's epoch: -1 in a stripped (finished) checkpoint. */
  epoch?: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const MAX_CENTRAL_DIR = 16 * 2 ** 20;
const MAX_PICKLE = 16 * 2 ** 20;

export async function readCheckpointMeta(path: string): Promise<CheckpointMeta | null> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(path, 'r');
    const size = (await fh.stat()).size;
    const entry = await findDataPkl(fh, size);
    if (!entry) return null;
    const pickle = await readStoredEntry(fh, entry, size);
    return pickle ? scanPickle(pickle) : null;
  } catch {
    return null;
  } finally {
    await fh?.close();
  }
}

interface ZipEntry {
  method: number;
  size: number;
  localOffset: number;
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  for (let done = 0; done < length; ) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw new Error('unexpected end of file');
    done += bytesRead;
  }
  return buf;
}

/** Locates the central directory from the end-of-central-directory record (zip64 when needed). */
async function findDataPkl(fh: FileHandle, size: number): Promise<ZipEntry | null> {
  if (size < EOCD_SIZE) return null;
  const tailLen = Math.min(size, EOCD_SIZE + MAX_COMMENT + 20);
  const tailStart = size - tailLen;
  const tail = await readAt(fh, tailStart, tailLen);
  let eocd = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdSize === 0xffffffff || cdOffset === 0xffffffff || tail.readUInt16LE(eocd + 10) === 0xffff) {
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== ZIP64_LOCATOR_SIG) return null;
    const z64 = await readAt(fh, safeNumber(tail.readBigUInt64LE(loc + 8)), 56);
    if (z64.readUInt32LE(0) !== ZIP64_EOCD_SIG) return null;
    cdSize = safeNumber(z64.readBigUInt64LE(40));
    cdOffset = safeNumber(z64.readBigUInt64LE(48));
  }
  if (cdSize > MAX_CENTRAL_DIR || cdOffset + cdSize > size) return null;
  return findEntry(await readAt(fh, cdOffset, cdSize), (name) => name.endsWith('/data.pkl'));
}

function findEntry(cd: Buffer, wanted: (name: string) => boolean): ZipEntry | null {
  let p = 0;
  while (p + 46 <= cd.length && cd.readUInt32LE(p) === CENTRAL_SIG) {
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    if (wanted(name)) {
      const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
      return withZip64(
        { method: cd.readUInt16LE(p + 10), size: cd.readUInt32LE(p + 24), localOffset: cd.readUInt32LE(p + 42) },
        cd.readUInt32LE(p + 20),
        extra,
      );
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

/** Applies the zip64 extra field (id 1): it holds, in order, whichever of the 32-bit fields are 0xffffffff. */
function withZip64(entry: ZipEntry, compressedSize: number, extra: Buffer): ZipEntry {
  if (entry.size !== 0xffffffff && compressedSize !== 0xffffffff && entry.localOffset !== 0xffffffff) return entry;
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = () => {
        const v = safeNumber(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (compressedSize === 0xffffffff) next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return entry;
    }
    p += 4 + len;
  }
  throw new Error('zip64 field missing');
}

async function readStoredEntry(fh: FileHandle, entry: ZipEntry, size: number): Promise<Buffer | null> {
  if (entry.method !== 0 || entry.size > MAX_PICKLE) return null;
  const local = await readAt(fh, entry.localOffset, 30);
  if (local.readUInt32LE(0) !== LOCAL_SIG) return null;
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + entry.size > size) return null;
  return readAt(fh, start, entry.size);
}

function safeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('offset too large');
  return Number(v);
}

/** A value the scanner saw: a string, an int, or anything else (which breaks a key/value pair). */
type Seen = { kind: 'str'; value: string } | { kind: 'int'; value: number } | { kind: 'other' };

/**
 * Walks the pickle opcodes (protocols 0–5) and records 'version' → string and 'epoch' → int pairs.
 * Nothing is constructed or called. Throws on a malformed or unknown opcode before both are found.
 */
function scanPickle(buf: Buffer): CheckpointMeta {
  const meta: CheckpointMeta = {};
  const memo = new Map<number, string>();
  let memoCount = 0;
  let prev: Seen = { kind: 'other' };
  let p = 0;
  const bytes = (n: number) => {
    if (n < 0 || p + n > buf.length) throw new Error('bad length in pickle');
    const s = buf.subarray(p, p + n);
    p += n;
    return s;
  };
  const line = () => {
    const end = buf.indexOf(0x0a, p);
    if (end < 0) throw new Error('truncated pickle');
    const s = buf.toString('latin1', p, end);
    p = end + 1;
    return s;
  };
  const u8 = () => bytes(1)[0];
  const u16 = () => bytes(2).readUInt16LE(0);
  const i32 = () => bytes(4).readInt32LE(0);
  const u32 = () => bytes(4).readUInt32LE(0);
  const u64 = () => safeNumber(bytes(8).readBigUInt64LE(0));

  while (p < buf.length) {
    const op = buf[p++];
    let seen: Seen = { kind: 'other' };
    switch (op) {
      // strings
      case 0x8c: /* SHORT_BINUNICODE */ seen = str(bytes(u8()).toString('utf8')); break;
      case 0x58: /* BINUNICODE X */ seen = str(bytes(u32()).toString('utf8')); break;
      case 0x8d: /* BINUNICODE8 */ seen = str(bytes(u64()).toString('utf8')); break;
      case 0x55: /* SHORT_BINSTRING U */ seen = str(bytes(u8()).toString('latin1')); break;
      case 0x54: /* BINSTRING T */ seen = str(bytes(i32()).toString('latin1')); break;
      case 0x56: /* UNICODE V */ seen = str(line()); break;
      case 0x53: /* STRING S */ seen = str(line().replace(/^(['"])(.*)\1$/, '$2')); break;
      // ints
      case 0x4b: /* BININT1 K */ seen = int(u8()); break;
      case 0x4d: /* BININT2 M */ seen = int(u16()); break;
      case 0x4a: /* BININT J */ seen = int(i32()); break;
      case 0x49: /* INT I */ case 0x4c: /* LONG L */ seen = int(parseInt(line(), 10)); break;
      case 0x8a: /* LONG1 */ seen = int(littleEndianSigned(bytes(u8()))); break;
      case 0x8b: /* LONG4 */ bytes(i32()); break;
      // memo: a PUT keeps the key/value pair intact, a GET of a remembered string counts as that string
      case 0x71: /* BINPUT q */ remember(u8()); continue;
      case 0x72: /* LONG_BINPUT r */ remember(u32()); continue;
      case 0x70: /* PUT p */ remember(parseInt(line(), 10)); continue;
      case 0x94: /* MEMOIZE */ remember(memoCount); continue;
      case 0x68: /* BINGET h */ seen = recall(u8()); break;
      case 0x6a: /* LONG_BINGET j */ seen = recall(u32()); break;
      case 0x67: /* GET g */ seen = recall(parseInt(line(), 10)); break;
      // other arguments, skipped
      case 0x80: /* PROTO */ case 0x82: /* EXT1 */ u8(); break;
      case 0x83: /* EXT2 */ u16(); break;
      case 0x84: /* EXT4 */ u32(); break;
      case 0x95: /* FRAME */ case 0x47: /* BINFLOAT G */ bytes(8); break;
      case 0x46: /* FLOAT F */ case 0x50: /* PERSID P */ line(); break;
      case 0x63: /* GLOBAL c */ case 0x69: /* INST i */ line(); line(); break;
      case 0x43: /* SHORT_BINBYTES C */ bytes(u8()); break;
      case 0x42: /* BINBYTES B */ bytes(u32()); break;
      case 0x8e: /* BINBYTES8 */ case 0x96: /* BYTEARRAY8 */ bytes(u64()); break;
      case 0x2e: /* STOP . */ return meta;
      default:
        if (!NO_ARG.has(op)) throw new Error(`unknown pickle opcode 0x${op.toString(16)}`);
    }
    if (prev.kind === 'str' && prev.value === 'version' && seen.kind === 'str' && meta.version === undefined) {
      meta.version = seen.value;
    }
    if (prev.kind === 'str' && prev.value === 'epoch' && seen.kind === 'int' && meta.epoch === undefined) {
      meta.epoch = seen.value;
    }
    if (meta.version !== undefined && meta.epoch !== undefined) return meta;
    prev = seen;
  }
  throw new Error('pickle without STOP');

  function str(value: string): Seen {
    return { kind: 'str', value };
  }
  function int(value: number): Seen {
    return Number.isSafeInteger(value) ? { kind: 'int', value } : { kind: 'other' };
  }
  function remember(index: number) {
    if (prev.kind === 'str') memo.set(index, prev.value);
    memoCount++;
  }
  function recall(index: number): Seen {
    const value = memo.get(index);
    return value === undefined ? { kind: 'other' } : str(value);
  }
}

/** Opcodes without an argument: MARK, POP, POP_MARK, DUP, NONE, dict/list/tuple/set builders, REDUCE, BUILD, … */
const NO_ARG = new Set([
  ...Buffer.from('(012N}e]labdsut)RoQ', 'latin1'),
  ...[0x81, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8f, 0x90, 0x91, 0x92, 0x93, 0x97, 0x98],
]);

function littleEndianSigned(b: Buffer): number {
  if (b.length === 0) return 0;
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  if (b[b.length - 1] & 0x80) v -= 1n << BigInt(8 * b.length);
  return Number(v);
}
