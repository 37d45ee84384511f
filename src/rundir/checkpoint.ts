/**
 * Reads the Ultralytics `version`, `epoch` and class `names` out of a .pt checkpoint without loading it.
 *
 * A .pt file is a zip (torch.save) of STORED entries; the metadata pickle is the entry ending
 * `/data.pkl`. Only the end of the file (the zip directory) and that one entry are read, so a
 * multi-GiB checkpoint costs a few reads. The pickle is never unpickled: `readPickle` runs its
 * opcodes into plain data, with inert placeholders where code would run (pickle.ts). Checkpoints
 * are untrusted, so anything unexpected gives null; a sound pickle without those keys gives {}.
 *
 * Where the values sit, in every Ultralytics release from 8.0 to 8.4 (checked on real checkpoints):
 * the top-level dict has `version` (a string) and `epoch` (an int, -1 once stripped); `model` (and
 * `ema`) is a pickled nn.Module whose BUILD state (its `__dict__`) holds `names`, a dict int → str.
 * YOLOv5 checkpoints keep `names` as a list.
 */
import type { FileHandle } from 'node:fs/promises';
import { Opaque, PickleDict, type PickleValue, dictGet, readPickle } from './pickle.js';
import { openRegular } from './safe-read.js';

export interface CheckpointMeta {
  /** The Ultralytics version that wrote the file, e.g. '8.3.40'. */
  version?: string;
  /** The trainer's epoch: -1 in a stripped (finished) checkpoint. */
  epoch?: number;
  /** The class names in index order, from the pickled model's `names`. */
  names?: string[];
  /**
   * The model's parameter count, as `sum(p.numel() for p in model.parameters())` gives it (what the
   * trainer's summary line and the real client's `modelInfo.parameters` say): each module's
   * `_parameters`, never its buffers (BatchNorm's running statistics), a shared one once.
   */
  parameters?: number;
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
    fh = await openRegular(path, { what: 'checkpoint', confine: null }); // a device or FIFO is no checkpoint
    const size = (await fh.stat()).size;
    const entry = await findDataPkl(fh, size);
    if (!entry) return null;
    const pickle = await readStoredEntry(fh, entry, size);
    return pickle ? metaOf(readPickle(pickle)) : null;
  } catch {
    return null;
  } finally {
    await fh?.close();
  }
}

/**
 * Whether a checkpoint is whole, or torn by a training killed while saving it: null when whole,
 * else why not. A 0-byte file is torn; so is a zip (torch ≥ 1.6, `PK\x03\x04`) without its
 * end-of-central-directory record, which torch writes last. Anything else (torch's legacy pickle
 * format) is taken as whole: it has no end marker to check.
 */
export async function tornCheckpoint(path: string): Promise<string | null> {
  // The safe reader's open: a FIFO in the weights' place is refused, never waited on.
  const fh = await openRegular(path, { what: 'weights file', confine: null });
  try {
    const size = (await fh.stat()).size;
    if (size === 0) return 'it is empty (0 bytes)';
    if (size < 4) return null;
    const head = await readAt(fh, 0, 4);
    if (head.readUInt32LE(0) !== LOCAL_SIG) return null;
    if (size < EOCD_SIZE) return 'it is a zip without its end record (cut off while saving)';
    const tailLen = Math.min(size, EOCD_SIZE + MAX_COMMENT);
    const tail = await readAt(fh, size - tailLen, tailLen);
    for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
      // The record's comment must end at the end of the file.
      if (tail.readUInt32LE(i) === EOCD_SIG && i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tail.length) return null;
    }
    return 'it is a zip without its end record (cut off while saving)';
  } finally {
    await fh.close();
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

/** The checkpoint dict's version, epoch and the model's class names; a key that is absent or of another type is left out. */
function metaOf(root: PickleValue): CheckpointMeta {
  if (!(root instanceof PickleDict)) return {};
  const meta: CheckpointMeta = {};
  const version = root.get('version');
  if (typeof version === 'string') meta.version = version;
  const epoch = root.get('epoch');
  if (typeof epoch === 'number' && Number.isSafeInteger(epoch)) meta.epoch = epoch;
  for (const key of ['model', 'ema']) {
    const names = classNames(moduleState(root.get(key)));
    if (names) {
      meta.names = names;
      break;
    }
  }
  // A stripped checkpoint keeps the model in `model`; one saved during training in `ema` (model: None).
  for (const key of ['model', 'ema']) {
    const parameters = countParameters(root.get(key));
    if (parameters) {
      meta.parameters = parameters;
      break;
    }
  }
  return meta;
}

/** Bounds for an untrusted module tree: no real YOLO model comes near them. */
const MAX_MODULES = 100_000;

/**
 * The elements of every parameter of a pickled nn.Module tree: the modules are found through each
 * `_modules` dict, the parameters in each `_parameters` dict (a Parameter is a REDUCE of
 * `_rebuild_parameter*` whose first argument is the tensor; the tensor a REDUCE of `_rebuild_tensor*`
 * whose third argument is its size). undefined when the tree holds no countable parameter.
 */
function countParameters(model: PickleValue | undefined): number | undefined {
  const seenModules = new Set<Opaque>();
  const seenParams = new Set<Opaque>();
  let total = 0;
  const stack: PickleValue[] = [model ?? null];
  while (stack.length > 0) {
    const m = stack.pop();
    if (!(m instanceof Opaque) || seenModules.has(m)) continue;
    seenModules.add(m);
    if (seenModules.size > MAX_MODULES) return undefined;
    const state = moduleState(m);
    const params = dictGet(state, '_parameters');
    if (params instanceof PickleDict) {
      for (const p of params.values()) {
        if (!(p instanceof Opaque) || seenParams.has(p)) continue;
        seenParams.add(p);
        const n = elements(p);
        if (n === undefined) return undefined;
        total += n;
      }
    }
    const children = dictGet(state, '_modules');
    if (children instanceof PickleDict) stack.push(...children.values());
  }
  return total > 0 && Number.isSafeInteger(total) ? total : undefined;
}

/** A Parameter's element count: the product of its tensor's size; undefined when it is not laid out as expected. */
function elements(param: Opaque): number | undefined {
  const tensor = param.name.startsWith('torch._utils._rebuild_parameter') && Array.isArray(param.args) ? param.args[0] : param;
  if (!(tensor instanceof Opaque) || !tensor.name.startsWith('torch._utils._rebuild_tensor') || !Array.isArray(tensor.args)) return undefined;
  const size = tensor.args[2];
  if (!Array.isArray(size) || !size.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) return undefined;
  return (size as number[]).reduce((a, b) => a * b, 1);
}

/** An nn.Module's `__dict__` as BUILD gave it: a dict, or the first item of a (dict, slots) pair. */
function moduleState(obj: PickleValue | undefined): PickleValue | undefined {
  if (!(obj instanceof Opaque)) return undefined;
  const state = obj.state;
  return Array.isArray(state) ? state[0] : state;
}

/** `names` as a list in index order: a dict of 0..n-1 → str, or a list of str. */
function classNames(state: PickleValue | undefined): string[] | undefined {
  const names = dictGet(state, 'names');
  if (Array.isArray(names)) return names.every((n) => typeof n === 'string') ? (names as string[]) : undefined;
  if (!(names instanceof PickleDict) || names.size === 0) return undefined;
  const out: string[] = [];
  for (const [k, v] of names) {
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= names.size || typeof v !== 'string') return undefined;
    out[k] = v;
  }
  return out.length === names.size && !out.includes(undefined as unknown as string) ? out : undefined;
}
