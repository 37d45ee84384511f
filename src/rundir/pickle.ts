/**
 * A pickle reader that never executes anything: it runs the opcodes of protocols 0–5 on a stack,
 * building only plain data (str, int, float, bool, None, lists, tuples, dicts). Everything that would
 * import or call code (GLOBAL, REDUCE, NEWOBJ, persistent ids for tensors, …) becomes an inert
 * `Opaque` that records the name it referred to and the state BUILD would have given it, so that an
 * object's `__dict__` (an nn.Module's `names`, `yaml`, `args`) can still be read as data.
 *
 * Checkpoints are untrusted: a malformed or unknown opcode throws, and the caller treats that as
 * "not readable". The input is bounded by the caller (the zip entry's size).
 */

export type PickleValue = null | boolean | number | bigint | string | PickleValue[] | PickleDict | Opaque;

/** A dict with keys of any plain type, in insertion order. */
export class PickleDict extends Map<PickleValue, PickleValue> {}

/** What would have been an object: the global it names (when known) and the state BUILD set. */
export class Opaque {
  state?: PickleValue;
  constructor(
    readonly name: string,
    /** The arguments it would have been called with (REDUCE, NEWOBJ): a tensor's size sits there. */
    readonly args?: PickleValue,
  ) {}
}

const MARK = Symbol('mark');
type Slot = PickleValue | typeof MARK;

export function readPickle(buf: Buffer): PickleValue {
  const stack: Slot[] = [];
  const memo = new Map<number, PickleValue>();
  let p = 0;

  const bytes = (n: number) => {
    if (!Number.isSafeInteger(n) || n < 0 || p + n > buf.length) throw new Error('bad length in pickle');
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
  const u64 = () => {
    const v = bytes(8).readBigUInt64LE(0);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('length too large');
    return Number(v);
  };
  const push = (v: PickleValue) => stack.push(v);
  const pop = (): PickleValue => {
    const v = stack.pop();
    if (v === undefined || v === MARK) throw new Error('pickle stack underflow');
    return v;
  };
  const top = (): PickleValue => {
    const v = stack[stack.length - 1];
    if (v === undefined || v === MARK) throw new Error('pickle stack underflow');
    return v;
  };
  /** Pops everything down to the last MARK (and the mark itself). */
  const popMark = (): PickleValue[] => {
    const at = stack.lastIndexOf(MARK);
    if (at < 0) throw new Error('pickle MARK missing');
    const items = stack.splice(at) as PickleValue[];
    items.shift();
    return items;
  };
  const setItems = (target: PickleValue, items: PickleValue[]) => {
    if (items.length % 2 !== 0) throw new Error('odd SETITEMS');
    if (!(target instanceof PickleDict)) return; // a dict subclass being filled: not needed as data
    for (let i = 0; i < items.length; i += 2) target.set(items[i], items[i + 1]);
  };
  const appendItems = (target: PickleValue, items: PickleValue[]) => {
    if (Array.isArray(target)) target.push(...items);
  };
  const number = (v: bigint): number | bigint => (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);
  const textInt = (s: string): PickleValue => {
    const t = s.replace(/L$/, '');
    if (t === '00') return false;
    if (t === '01') return true;
    if (!/^[+-]?\d+$/.test(t)) throw new Error('bad INT in pickle');
    return number(BigInt(t));
  };

  while (p < buf.length) {
    const op = buf[p++];
    switch (op) {
      case 0x80: /* PROTO */ u8(); break;
      case 0x95: /* FRAME */ bytes(8); break;
      case 0x2e: /* STOP . */ return pop();
      // constants and numbers
      case 0x4e: /* NONE N */ push(null); break;
      case 0x88: /* NEWTRUE */ push(true); break;
      case 0x89: /* NEWFALSE */ push(false); break;
      case 0x4b: /* BININT1 K */ push(u8()); break;
      case 0x4d: /* BININT2 M */ push(u16()); break;
      case 0x4a: /* BININT J */ push(i32()); break;
      case 0x49: /* INT I */ case 0x4c: /* LONG L */ push(textInt(line())); break;
      case 0x8a: /* LONG1 */ push(number(littleEndianSigned(bytes(u8())))); break;
      case 0x8b: /* LONG4 */ push(number(littleEndianSigned(bytes(i32())))); break;
      case 0x47: /* BINFLOAT G */ push(bytes(8).readDoubleBE(0)); break;
      case 0x46: /* FLOAT F */ push(Number(line())); break;
      // strings and bytes
      case 0x8c: /* SHORT_BINUNICODE */ push(bytes(u8()).toString('utf8')); break;
      case 0x58: /* BINUNICODE X */ push(bytes(u32()).toString('utf8')); break;
      case 0x8d: /* BINUNICODE8 */ push(bytes(u64()).toString('utf8')); break;
      case 0x55: /* SHORT_BINSTRING U */ push(bytes(u8()).toString('latin1')); break;
      case 0x54: /* BINSTRING T */ push(bytes(i32()).toString('latin1')); break;
      case 0x56: /* UNICODE V */ push(unescapeRawUnicode(line())); break;
      case 0x53: /* STRING S */ push(line().replace(/^(['"])(.*)\1$/, '$2')); break;
      case 0x43: /* SHORT_BINBYTES C */ bytes(u8()); push(new Opaque('bytes')); break;
      case 0x42: /* BINBYTES B */ bytes(u32()); push(new Opaque('bytes')); break;
      case 0x8e: /* BINBYTES8 */ bytes(u64()); push(new Opaque('bytes')); break;
      case 0x96: /* BYTEARRAY8 */ bytes(u64()); push(new Opaque('bytearray')); break;
      case 0x97: /* NEXT_BUFFER */ push(new Opaque('buffer')); break;
      case 0x98: /* READONLY_BUFFER */ break;
      // containers
      case 0x28: /* MARK ( */ stack.push(MARK); break;
      case 0x7d: /* EMPTY_DICT } */ push(new PickleDict()); break;
      case 0x5d: /* EMPTY_LIST ] */ push([]); break;
      case 0x29: /* EMPTY_TUPLE ) */ push([]); break;
      case 0x8f: /* EMPTY_SET */ push([]); break;
      case 0x64: /* DICT d */ { const d = new PickleDict(); setItems(d, popMark()); push(d); break; }
      case 0x6c: /* LIST l */ push(popMark()); break;
      case 0x74: /* TUPLE t */ push(popMark()); break;
      case 0x91: /* FROZENSET */ push(popMark()); break;
      case 0x85: /* TUPLE1 */ push([pop()]); break;
      case 0x86: /* TUPLE2 */ { const b = pop(); push([pop(), b]); break; }
      case 0x87: /* TUPLE3 */ { const c = pop(); const b = pop(); push([pop(), b, c]); break; }
      case 0x73: /* SETITEM s */ { const v = pop(); const k = pop(); setItems(top(), [k, v]); break; }
      case 0x75: /* SETITEMS u */ { const items = popMark(); setItems(top(), items); break; }
      case 0x61: /* APPEND a */ { const v = pop(); appendItems(top(), [v]); break; }
      case 0x65: /* APPENDS e */ { const items = popMark(); appendItems(top(), items); break; }
      case 0x90: /* ADDITEMS */ { const items = popMark(); appendItems(top(), items); break; }
      // stack and memo
      case 0x30: /* POP 0 */ if (stack.pop() === undefined) throw new Error('pickle stack underflow'); break;
      case 0x31: /* POP_MARK 1 */ popMark(); break;
      case 0x32: /* DUP 2 */ push(top()); break;
      case 0x71: /* BINPUT q */ memo.set(u8(), top()); break;
      case 0x72: /* LONG_BINPUT r */ memo.set(u32(), top()); break;
      case 0x70: /* PUT p */ memo.set(Number(line()), top()); break;
      case 0x94: /* MEMOIZE */ memo.set(memo.size, top()); break;
      case 0x68: /* BINGET h */ push(recall(memo, u8())); break;
      case 0x6a: /* LONG_BINGET j */ push(recall(memo, u32())); break;
      case 0x67: /* GET g */ push(recall(memo, Number(line()))); break;
      // anything that would import or call code: inert placeholders
      case 0x63: /* GLOBAL c */ { const mod = line(); push(new Opaque(`${mod}.${line()}`)); break; }
      case 0x93: /* STACK_GLOBAL */ { const name = pop(); const mod = pop(); push(new Opaque(`${String(mod)}.${String(name)}`)); break; }
      case 0x52: /* REDUCE R */ { const args = pop(); push(called(pop(), args)); break; }
      case 0x81: /* NEWOBJ */ { const args = pop(); push(called(pop(), args)); break; }
      case 0x92: /* NEWOBJ_EX */ { pop(); const args = pop(); push(called(pop(), args)); break; }
      case 0x62: /* BUILD b */ { const state = pop(); const obj = top(); if (obj instanceof Opaque) obj.state = state; break; }
      case 0x69: /* INST i */ { const mod = line(); const name = line(); popMark(); push(new Opaque(`${mod}.${name}`)); break; }
      case 0x6f: /* OBJ o */ { const items = popMark(); push(called(items[0] ?? null)); break; }
      case 0x50: /* PERSID P */ line(); push(new Opaque('persistent')); break;
      case 0x51: /* BINPERSID Q */ pop(); push(new Opaque('persistent')); break;
      case 0x82: /* EXT1 */ u8(); push(new Opaque('ext')); break;
      case 0x83: /* EXT2 */ u16(); push(new Opaque('ext')); break;
      case 0x84: /* EXT4 */ u32(); push(new Opaque('ext')); break;
      default:
        throw new Error(`unknown pickle opcode 0x${op.toString(16)}`);
    }
  }
  throw new Error('pickle without STOP');
}

/** What calling `callable` would have made: an OrderedDict (or dict) stays a dict, anything else is opaque. */
function called(callable: PickleValue, args?: PickleValue): PickleValue {
  const name = callable instanceof Opaque ? callable.name : '';
  if (name === 'collections.OrderedDict' || name === 'builtins.dict' || name === '__builtin__.dict') return new PickleDict();
  return new Opaque(name, args);
}

function recall(memo: Map<number, PickleValue>, index: number): PickleValue {
  const v = memo.get(index);
  if (v === undefined) throw new Error('pickle memo miss');
  return v;
}

/** Protocol 0's UNICODE argument: raw-unicode-escape (`\uXXXX`, `\UXXXXXXXX`). */
function unescapeRawUnicode(s: string): string {
  return s.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, u4: string, u8: string) => String.fromCodePoint(parseInt(u4 ?? u8, 16)));
}

function littleEndianSigned(b: Buffer): bigint {
  if (b.length === 0) return 0n;
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  if (b[b.length - 1] & 0x80) v -= 1n << BigInt(8 * b.length);
  return v;
}

/** `dict[key]` for a string key, or undefined. */
export function dictGet(d: PickleValue | undefined, key: string): PickleValue | undefined {
  return d instanceof PickleDict ? d.get(key) : undefined;
}
