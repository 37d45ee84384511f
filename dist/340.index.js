export const id = 340;
export const ids = [340];
export const modules = {

/***/ 3625:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ baseName),
/* harmony export */   mc: () => (/* binding */ readTrainArgs)
/* harmony export */ });
/* unused harmony export parseTrainArgs */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9843);
/* harmony import */ var _safe_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3534);
/* harmony import */ var _yaml_safe_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5357);
/**
 * Reads the training arguments a run wrote before training started: args.yaml (YOLOv8 on) or, for a
 * YOLOv5 run, opt.yaml beside it. Values are kept as parsed; callers decide what to send.
 */





const FIX_PATH = "set `args:` to the path of the run's args.yaml (e.g. runs/detect/train/args.yaml)";
const YOLOV5_ARGS = 'opt.yaml';
/** An args.yaml is about 2 KiB. */
const MAX_BYTES = 1024 * 1024;
/**
 * `explicit`: the user named the file, so a missing file is an error. Otherwise a missing args.yaml
 * falls back to opt.yaml in the same directory, then to null.
 */
async function readTrainArgs(path, opts) {
    const confine = opts.confine ?? null;
    const text = await readIfExists(path, confine);
    if (text !== null)
        return parseTrainArgs(text, path);
    if (opts.explicit) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RunDirError */ .L(`args file not found: ${path}. Check the \`args\` input: ${FIX_PATH}, or leave it empty`, {
            file: path,
        });
    }
    const v5 = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(path), YOLOV5_ARGS);
    const v5Text = await readIfExists(v5, confine);
    return v5Text === null ? null : parseTrainArgs(v5Text, v5);
}
/** Parses the YAML text of an args file; it must be a mapping. */
function parseTrainArgs(text, path) {
    (0,_yaml_safe_js__WEBPACK_IMPORTED_MODULE_4__/* .assertShallowYaml */ .K)(text, path, `Fix the file, or ${FIX_PATH}`);
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text);
    const syntax = doc.errors[0];
    if (syntax) {
        const line = syntax.linePos?.[0].line;
        const firstLine = syntax.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RunDirError */ .L(`${path}${line === undefined ? '' : `:${line}`}: YAML syntax error: ${firstLine}. Fix the file, or ${FIX_PATH}`, { file: path, line });
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(doc.contents)) {
        const found = doc.contents === null ? 'nothing' : (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(doc.contents) ? 'a list' : 'a single value';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RunDirError */ .L(`${path} holds ${found}, not a mapping of training arguments (task: detect, epochs: 100, …); ${FIX_PATH}`, { file: path });
    }
    return { path, text, values: (0,_yaml_safe_js__WEBPACK_IMPORTED_MODULE_4__/* .yamlToJS */ .G)(doc, path, `Fix the file, or ${FIX_PATH}`) };
}
/**
 * The base name of a local POSIX or Windows path (`C:\data\coco8.yaml` → `coco8.yaml`), so that no
 * local path leaves the machine. URLs are kept whole: they are not local paths. Non-strings are
 * stringified; null and undefined become ''.
 */
function baseName(p) {
    if (p === null || p === undefined)
        return '';
    const s = String(p);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s))
        return s;
    const parts = s.split(/[\\/]+/).filter((part) => part !== '');
    const last = parts.length === 0 ? s : parts[parts.length - 1];
    return last.replace(/^[a-z]:(?=.)/i, '');
}
async function readIfExists(path, confine) {
    try {
        return (await (0,_safe_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readRegular */ .VX)(path, { what: 'args file', confine, maxBytes: MAX_BYTES, fix: FIX_PATH })).toString('utf8');
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RunDirError */ .L)
            throw err;
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errnoCode */ .U)(err) === 'ENOENT')
            return null;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RunDirError */ .L(`cannot read args file ${path}: ${(0,_safe_read_js__WEBPACK_IMPORTED_MODULE_3__/* .describeReadError */ .U)(err)}; ${FIX_PATH}`, { file: path, cause: err });
    }
}


/***/ }),

/***/ 1079:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ readCheckpointMeta),
  F: () => (/* binding */ tornCheckpoint)
});

;// CONCATENATED MODULE: ./build/src/rundir/pickle.js
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
/** A dict with keys of any plain type, in insertion order. */
class PickleDict extends Map {
}
/** What would have been an object: the global it names (when known) and the state BUILD set. */
class Opaque {
    name;
    args;
    state;
    constructor(name, 
    /** The arguments it would have been called with (REDUCE, NEWOBJ): a tensor's size sits there. */
    args) {
        this.name = name;
        this.args = args;
    }
}
const MARK = Symbol('mark');
function readPickle(buf) {
    const stack = [];
    const memo = new Map();
    let p = 0;
    const bytes = (n) => {
        if (!Number.isSafeInteger(n) || n < 0 || p + n > buf.length)
            throw new Error('bad length in pickle');
        const s = buf.subarray(p, p + n);
        p += n;
        return s;
    };
    const line = () => {
        const end = buf.indexOf(0x0a, p);
        if (end < 0)
            throw new Error('truncated pickle');
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
        if (v > BigInt(Number.MAX_SAFE_INTEGER))
            throw new Error('length too large');
        return Number(v);
    };
    const push = (v) => stack.push(v);
    const pop = () => {
        const v = stack.pop();
        if (v === undefined || v === MARK)
            throw new Error('pickle stack underflow');
        return v;
    };
    const top = () => {
        const v = stack[stack.length - 1];
        if (v === undefined || v === MARK)
            throw new Error('pickle stack underflow');
        return v;
    };
    /** Pops everything down to the last MARK (and the mark itself). */
    const popMark = () => {
        const at = stack.lastIndexOf(MARK);
        if (at < 0)
            throw new Error('pickle MARK missing');
        const items = stack.splice(at);
        items.shift();
        return items;
    };
    const setItems = (target, items) => {
        if (items.length % 2 !== 0)
            throw new Error('odd SETITEMS');
        if (!(target instanceof PickleDict))
            return; // a dict subclass being filled: not needed as data
        for (let i = 0; i < items.length; i += 2)
            target.set(items[i], items[i + 1]);
    };
    const appendItems = (target, items) => {
        if (Array.isArray(target))
            target.push(...items);
    };
    const number = (v) => (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);
    const textInt = (s) => {
        const t = s.replace(/L$/, '');
        if (t === '00')
            return false;
        if (t === '01')
            return true;
        if (!/^[+-]?\d+$/.test(t))
            throw new Error('bad INT in pickle');
        return number(BigInt(t));
    };
    while (p < buf.length) {
        const op = buf[p++];
        switch (op) {
            case 0x80: /* PROTO */
                u8();
                break;
            case 0x95: /* FRAME */
                bytes(8);
                break;
            case 0x2e: /* STOP . */ return pop();
            // constants and numbers
            case 0x4e: /* NONE N */
                push(null);
                break;
            case 0x88: /* NEWTRUE */
                push(true);
                break;
            case 0x89: /* NEWFALSE */
                push(false);
                break;
            case 0x4b: /* BININT1 K */
                push(u8());
                break;
            case 0x4d: /* BININT2 M */
                push(u16());
                break;
            case 0x4a: /* BININT J */
                push(i32());
                break;
            case 0x49: /* INT I */
            case 0x4c: /* LONG L */
                push(textInt(line()));
                break;
            case 0x8a: /* LONG1 */
                push(number(littleEndianSigned(bytes(u8()))));
                break;
            case 0x8b: /* LONG4 */
                push(number(littleEndianSigned(bytes(i32()))));
                break;
            case 0x47: /* BINFLOAT G */
                push(bytes(8).readDoubleBE(0));
                break;
            case 0x46: /* FLOAT F */
                push(Number(line()));
                break;
            // strings and bytes
            case 0x8c: /* SHORT_BINUNICODE */
                push(bytes(u8()).toString('utf8'));
                break;
            case 0x58: /* BINUNICODE X */
                push(bytes(u32()).toString('utf8'));
                break;
            case 0x8d: /* BINUNICODE8 */
                push(bytes(u64()).toString('utf8'));
                break;
            case 0x55: /* SHORT_BINSTRING U */
                push(bytes(u8()).toString('latin1'));
                break;
            case 0x54: /* BINSTRING T */
                push(bytes(i32()).toString('latin1'));
                break;
            case 0x56: /* UNICODE V */
                push(unescapeRawUnicode(line()));
                break;
            case 0x53: /* STRING S */
                push(line().replace(/^(['"])(.*)\1$/, '$2'));
                break;
            case 0x43: /* SHORT_BINBYTES C */
                bytes(u8());
                push(new Opaque('bytes'));
                break;
            case 0x42: /* BINBYTES B */
                bytes(u32());
                push(new Opaque('bytes'));
                break;
            case 0x8e: /* BINBYTES8 */
                bytes(u64());
                push(new Opaque('bytes'));
                break;
            case 0x96: /* BYTEARRAY8 */
                bytes(u64());
                push(new Opaque('bytearray'));
                break;
            case 0x97: /* NEXT_BUFFER */
                push(new Opaque('buffer'));
                break;
            case 0x98: /* READONLY_BUFFER */ break;
            // containers
            case 0x28: /* MARK ( */
                stack.push(MARK);
                break;
            case 0x7d: /* EMPTY_DICT } */
                push(new PickleDict());
                break;
            case 0x5d: /* EMPTY_LIST ] */
                push([]);
                break;
            case 0x29: /* EMPTY_TUPLE ) */
                push([]);
                break;
            case 0x8f: /* EMPTY_SET */
                push([]);
                break;
            case 0x64: /* DICT d */ {
                const d = new PickleDict();
                setItems(d, popMark());
                push(d);
                break;
            }
            case 0x6c: /* LIST l */
                push(popMark());
                break;
            case 0x74: /* TUPLE t */
                push(popMark());
                break;
            case 0x91: /* FROZENSET */
                push(popMark());
                break;
            case 0x85: /* TUPLE1 */
                push([pop()]);
                break;
            case 0x86: /* TUPLE2 */ {
                const b = pop();
                push([pop(), b]);
                break;
            }
            case 0x87: /* TUPLE3 */ {
                const c = pop();
                const b = pop();
                push([pop(), b, c]);
                break;
            }
            case 0x73: /* SETITEM s */ {
                const v = pop();
                const k = pop();
                setItems(top(), [k, v]);
                break;
            }
            case 0x75: /* SETITEMS u */ {
                const items = popMark();
                setItems(top(), items);
                break;
            }
            case 0x61: /* APPEND a */ {
                const v = pop();
                appendItems(top(), [v]);
                break;
            }
            case 0x65: /* APPENDS e */ {
                const items = popMark();
                appendItems(top(), items);
                break;
            }
            case 0x90: /* ADDITEMS */ {
                const items = popMark();
                appendItems(top(), items);
                break;
            }
            // stack and memo
            case 0x30: /* POP 0 */
                if (stack.pop() === undefined)
                    throw new Error('pickle stack underflow');
                break;
            case 0x31: /* POP_MARK 1 */
                popMark();
                break;
            case 0x32: /* DUP 2 */
                push(top());
                break;
            case 0x71: /* BINPUT q */
                memo.set(u8(), top());
                break;
            case 0x72: /* LONG_BINPUT r */
                memo.set(u32(), top());
                break;
            case 0x70: /* PUT p */
                memo.set(Number(line()), top());
                break;
            case 0x94: /* MEMOIZE */
                memo.set(memo.size, top());
                break;
            case 0x68: /* BINGET h */
                push(recall(memo, u8()));
                break;
            case 0x6a: /* LONG_BINGET j */
                push(recall(memo, u32()));
                break;
            case 0x67: /* GET g */
                push(recall(memo, Number(line())));
                break;
            // anything that would import or call code: inert placeholders
            case 0x63: /* GLOBAL c */ {
                const mod = line();
                push(new Opaque(`${mod}.${line()}`));
                break;
            }
            case 0x93: /* STACK_GLOBAL */ {
                const name = pop();
                const mod = pop();
                push(new Opaque(`${String(mod)}.${String(name)}`));
                break;
            }
            case 0x52: /* REDUCE R */ {
                const args = pop();
                push(called(pop(), args));
                break;
            }
            case 0x81: /* NEWOBJ */ {
                const args = pop();
                push(called(pop(), args));
                break;
            }
            case 0x92: /* NEWOBJ_EX */ {
                pop();
                const args = pop();
                push(called(pop(), args));
                break;
            }
            case 0x62: /* BUILD b */ {
                const state = pop();
                const obj = top();
                if (obj instanceof Opaque)
                    obj.state = state;
                break;
            }
            case 0x69: /* INST i */ {
                const mod = line();
                const name = line();
                popMark();
                push(new Opaque(`${mod}.${name}`));
                break;
            }
            case 0x6f: /* OBJ o */ {
                const items = popMark();
                push(called(items[0] ?? null));
                break;
            }
            case 0x50: /* PERSID P */
                line();
                push(new Opaque('persistent'));
                break;
            case 0x51: /* BINPERSID Q */
                pop();
                push(new Opaque('persistent'));
                break;
            case 0x82: /* EXT1 */
                u8();
                push(new Opaque('ext'));
                break;
            case 0x83: /* EXT2 */
                u16();
                push(new Opaque('ext'));
                break;
            case 0x84: /* EXT4 */
                u32();
                push(new Opaque('ext'));
                break;
            default:
                throw new Error(`unknown pickle opcode 0x${op.toString(16)}`);
        }
    }
    throw new Error('pickle without STOP');
}
/** What calling `callable` would have made: an OrderedDict (or dict) stays a dict, anything else is opaque. */
function called(callable, args) {
    const name = callable instanceof Opaque ? callable.name : '';
    if (name === 'collections.OrderedDict' || name === 'builtins.dict' || name === '__builtin__.dict')
        return new PickleDict();
    return new Opaque(name, args);
}
function recall(memo, index) {
    const v = memo.get(index);
    if (v === undefined)
        throw new Error('pickle memo miss');
    return v;
}
/** Protocol 0's UNICODE argument: raw-unicode-escape (`\uXXXX`, `\UXXXXXXXX`). */
function unescapeRawUnicode(s) {
    return s.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, u4, u8) => String.fromCodePoint(parseInt(u4 ?? u8, 16)));
}
function littleEndianSigned(b) {
    if (b.length === 0)
        return 0n;
    let v = 0n;
    for (let i = b.length - 1; i >= 0; i--)
        v = (v << 8n) | BigInt(b[i]);
    if (b[b.length - 1] & 0x80)
        v -= 1n << BigInt(8 * b.length);
    return v;
}
/** `dict[key]` for a string key, or undefined. */
function dictGet(d, key) {
    return d instanceof PickleDict ? d.get(key) : undefined;
}

// EXTERNAL MODULE: ./build/src/rundir/safe-read.js
var safe_read = __webpack_require__(3534);
;// CONCATENATED MODULE: ./build/src/rundir/checkpoint.js


const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const MAX_CENTRAL_DIR = 16 * 2 ** 20;
const MAX_PICKLE = 16 * 2 ** 20;
async function readCheckpointMeta(path) {
    let fh;
    try {
        fh = await (0,safe_read/* openRegular */.lf)(path, { what: 'checkpoint', confine: null }); // a device or FIFO is no checkpoint
        const size = (await fh.stat()).size;
        const entry = await findDataPkl(fh, size);
        if (!entry)
            return null;
        const pickle = await readStoredEntry(fh, entry, size);
        return pickle ? metaOf(readPickle(pickle)) : null;
    }
    catch {
        return null;
    }
    finally {
        await fh?.close();
    }
}
/**
 * Whether a checkpoint is whole, or torn by a training killed while saving it: null when whole,
 * else why not. A 0-byte file is torn; so is a zip (torch ≥ 1.6, `PK\x03\x04`) without its
 * end-of-central-directory record, which torch writes last. Anything else (torch's legacy pickle
 * format) is taken as whole: it has no end marker to check.
 */
async function tornCheckpoint(path) {
    // The safe reader's open: a FIFO in the weights' place is refused, never waited on.
    const fh = await (0,safe_read/* openRegular */.lf)(path, { what: 'weights file', confine: null });
    try {
        const size = (await fh.stat()).size;
        if (size === 0)
            return 'it is empty (0 bytes)';
        if (size < 4)
            return null;
        const head = await readAt(fh, 0, 4);
        if (head.readUInt32LE(0) !== LOCAL_SIG)
            return null;
        if (size < EOCD_SIZE)
            return 'it is a zip without its end record (cut off while saving)';
        const tailLen = Math.min(size, EOCD_SIZE + MAX_COMMENT);
        const tail = await readAt(fh, size - tailLen, tailLen);
        for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
            // The record's comment must end at the end of the file.
            if (tail.readUInt32LE(i) === EOCD_SIG && i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tail.length)
                return null;
        }
        return 'it is a zip without its end record (cut off while saving)';
    }
    finally {
        await fh.close();
    }
}
async function readAt(fh, position, length) {
    const buf = Buffer.alloc(length);
    for (let done = 0; done < length;) {
        const { bytesRead } = await fh.read(buf, done, length - done, position + done);
        if (bytesRead === 0)
            throw new Error('unexpected end of file');
        done += bytesRead;
    }
    return buf;
}
/** Locates the central directory from the end-of-central-directory record (zip64 when needed). */
async function findDataPkl(fh, size) {
    if (size < EOCD_SIZE)
        return null;
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
    if (eocd < 0)
        return null;
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdSize === 0xffffffff || cdOffset === 0xffffffff || tail.readUInt16LE(eocd + 10) === 0xffff) {
        const loc = eocd - 20;
        if (loc < 0 || tail.readUInt32LE(loc) !== ZIP64_LOCATOR_SIG)
            return null;
        const z64 = await readAt(fh, safeNumber(tail.readBigUInt64LE(loc + 8)), 56);
        if (z64.readUInt32LE(0) !== ZIP64_EOCD_SIG)
            return null;
        cdSize = safeNumber(z64.readBigUInt64LE(40));
        cdOffset = safeNumber(z64.readBigUInt64LE(48));
    }
    if (cdSize > MAX_CENTRAL_DIR || cdOffset + cdSize > size)
        return null;
    return findEntry(await readAt(fh, cdOffset, cdSize), (name) => name.endsWith('/data.pkl'));
}
function findEntry(cd, wanted) {
    let p = 0;
    while (p + 46 <= cd.length && cd.readUInt32LE(p) === CENTRAL_SIG) {
        const nameLen = cd.readUInt16LE(p + 28);
        const extraLen = cd.readUInt16LE(p + 30);
        const commentLen = cd.readUInt16LE(p + 32);
        const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
        if (wanted(name)) {
            const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
            return withZip64({ method: cd.readUInt16LE(p + 10), size: cd.readUInt32LE(p + 24), localOffset: cd.readUInt32LE(p + 42) }, cd.readUInt32LE(p + 20), extra);
        }
        p += 46 + nameLen + extraLen + commentLen;
    }
    return null;
}
/** Applies the zip64 extra field (id 1): it holds, in order, whichever of the 32-bit fields are 0xffffffff. */
function withZip64(entry, compressedSize, extra) {
    if (entry.size !== 0xffffffff && compressedSize !== 0xffffffff && entry.localOffset !== 0xffffffff)
        return entry;
    for (let p = 0; p + 4 <= extra.length;) {
        const id = extra.readUInt16LE(p);
        const len = extra.readUInt16LE(p + 2);
        if (id === 1) {
            let q = p + 4;
            const next = () => {
                const v = safeNumber(extra.readBigUInt64LE(q));
                q += 8;
                return v;
            };
            if (entry.size === 0xffffffff)
                entry.size = next();
            if (compressedSize === 0xffffffff)
                next();
            if (entry.localOffset === 0xffffffff)
                entry.localOffset = next();
            return entry;
        }
        p += 4 + len;
    }
    throw new Error('zip64 field missing');
}
async function readStoredEntry(fh, entry, size) {
    if (entry.method !== 0 || entry.size > MAX_PICKLE)
        return null;
    const local = await readAt(fh, entry.localOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL_SIG)
        return null;
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (start + entry.size > size)
        return null;
    return readAt(fh, start, entry.size);
}
function safeNumber(v) {
    if (v > BigInt(Number.MAX_SAFE_INTEGER))
        throw new Error('offset too large');
    return Number(v);
}
/** The checkpoint dict's version, epoch and the model's class names; a key that is absent or of another type is left out. */
function metaOf(root) {
    if (!(root instanceof PickleDict))
        return {};
    const meta = {};
    const version = root.get('version');
    if (typeof version === 'string')
        meta.version = version;
    const epoch = root.get('epoch');
    if (typeof epoch === 'number' && Number.isSafeInteger(epoch))
        meta.epoch = epoch;
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
function countParameters(model) {
    const seenModules = new Set();
    const seenParams = new Set();
    let total = 0;
    const stack = [model ?? null];
    while (stack.length > 0) {
        const m = stack.pop();
        if (!(m instanceof Opaque) || seenModules.has(m))
            continue;
        seenModules.add(m);
        if (seenModules.size > MAX_MODULES)
            return undefined;
        const state = moduleState(m);
        const params = dictGet(state, '_parameters');
        if (params instanceof PickleDict) {
            for (const p of params.values()) {
                if (!(p instanceof Opaque) || seenParams.has(p))
                    continue;
                seenParams.add(p);
                const n = checkpoint_elements(p);
                if (n === undefined)
                    return undefined;
                total += n;
            }
        }
        const children = dictGet(state, '_modules');
        if (children instanceof PickleDict)
            stack.push(...children.values());
    }
    return total > 0 && Number.isSafeInteger(total) ? total : undefined;
}
/** A Parameter's element count: the product of its tensor's size; undefined when it is not laid out as expected. */
function checkpoint_elements(param) {
    const tensor = param.name.startsWith('torch._utils._rebuild_parameter') && Array.isArray(param.args) ? param.args[0] : param;
    if (!(tensor instanceof Opaque) || !tensor.name.startsWith('torch._utils._rebuild_tensor') || !Array.isArray(tensor.args))
        return undefined;
    const size = tensor.args[2];
    if (!Array.isArray(size) || !size.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0))
        return undefined;
    return size.reduce((a, b) => a * b, 1);
}
/** An nn.Module's `__dict__` as BUILD gave it: a dict, or the first item of a (dict, slots) pair. */
function moduleState(obj) {
    if (!(obj instanceof Opaque))
        return undefined;
    const state = obj.state;
    return Array.isArray(state) ? state[0] : state;
}
/** `names` as a list in index order: a dict of 0..n-1 → str, or a list of str. */
function classNames(state) {
    const names = dictGet(state, 'names');
    if (Array.isArray(names))
        return names.every((n) => typeof n === 'string') ? names : undefined;
    if (!(names instanceof PickleDict) || names.size === 0)
        return undefined;
    const out = [];
    for (const [k, v] of names) {
        if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= names.size || typeof v !== 'string')
            return undefined;
        out[k] = v;
    }
    return out.length === names.size && !out.includes(undefined) ? out : undefined;
}


/***/ }),

/***/ 9843:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ RunDirError),
/* harmony export */   U: () => (/* binding */ errnoCode)
/* harmony export */ });
/** The one error type of the run-directory reader: a user-facing message that names the file and says how to fix it. */
class RunDirError extends Error {
    file;
    line;
    constructor(message, site = {}) {
        super(message, site.cause === undefined ? undefined : { cause: site.cause });
        this.name = 'RunDirError';
        if (site.file !== undefined)
            this.file = site.file;
        if (site.line !== undefined)
            this.line = site.line;
    }
}
/** The `code` of a Node.js system error (`ENOENT`, `EISDIR`, …), or undefined. */
function errnoCode(err) {
    const code = err?.code;
    return typeof code === 'string' ? code : undefined;
}


/***/ }),

/***/ 14:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ runningBestFitness),
/* harmony export */   N9: () => (/* binding */ BOX_MAP),
/* harmony export */   Oj: () => (/* binding */ fitnessOf),
/* harmony export */   X: () => (/* binding */ mapColumn),
/* harmony export */   e6: () => (/* binding */ V5_BOX_MAPS),
/* harmony export */   ei: () => (/* binding */ fitnessRuleFor),
/* harmony export */   gq: () => (/* binding */ totalLoss),
/* harmony export */   or: () => (/* binding */ bestEpoch)
/* harmony export */ });
/** The first release whose fitness is mAP50-95 alone (RUN-DIR.md). */
const MAP5095_SINCE = [8, 3, 198];
const V5_MAP50 = 'metrics/mAP_0.5';
const V5_MAP = 'metrics/mAP_0.5:0.95';
/** The box mAP50-95 column: what Ultralytics reports as the finished model's mAP. */
const BOX_MAP = 'metrics/mAP50-95(B)';
/** YOLOv5's spellings of the same: detect, and segment (which suffixes box and mask like YOLOv8). */
const V5_BOX_MAPS = [V5_MAP, `${V5_MAP}(B)`];
/** YOLOv5 metric suffixes: none (detect), box and mask (segment); each adds its own fitness. */
const V5_SUFFIXES = ['', '(B)', '(M)'];
const TOP1 = 'metrics/accuracy_top1';
const TOP5 = 'metrics/accuracy_top5';
/** Box, mask (segment) and keypoint (pose) metric suffixes; each adds its own fitness. */
const SUFFIXES = ['B', 'M', 'P'];
const map50 = (s) => `metrics/mAP50(${s})`;
const map5095 = (s) => `metrics/mAP50-95(${s})`;
/**
 * The fitness rule of the Ultralytics release that wrote the run.
 *
 * A known version decides: 8.3.198 and later use 'map50-95', earlier ones 'classic'.
 *
 * Without a version (no readable checkpoint) the header decides, by a heuristic with known limits:
 * - YOLO26 (8.4 on, so after 8.3.198) shows more than 3 learning-rate groups (`lr/pg3`…) or a
 *   YOLO26-only loss (`train/rle_loss` for pose, `train/angle_loss` for obb): 'map50-95'.
 * - Anything else gets 'classic'. That is right for every padded file (≤ 8.3.8) and YOLOv5, but a
 *   `time`-column file (≥ 8.3.9) straddles the change: a YOLO11 run from 8.3.198–8.4.x is misjudged
 *   as 'classic'. The two rules pick the same best epoch unless mAP50 and mAP50-95 disagree on the
 *   order of two epochs, and the reported mAP is the chosen epoch's mAP50-95 either way.
 */
function fitnessRuleFor(file, version) {
    if (file.era === 'yolov5')
        return 'classic';
    const v = version === undefined ? null : parseVersion(version);
    if (v)
        return compareVersions(v, MAP5095_SINCE) >= 0 ? 'map50-95' : 'classic';
    const lrGroups = file.columns.filter((c) => c.startsWith('lr/pg')).length;
    const yolo26Loss = file.columns.includes('train/rle_loss') || file.columns.includes('train/angle_loss');
    return lrGroups > 3 || yolo26Loss ? 'map50-95' : 'classic';
}
/** The fitness of one epoch, or null when a needed column is absent or nan. */
function fitnessOf(row, columns, rule) {
    return fitnessFunction(columns, rule)(row);
}
/** The best epoch: highest fitness, a tie going to the later epoch. Null when no row has a fitness. */
function bestEpoch(file, rule) {
    const fitness = fitnessFunction(file.columns, rule);
    const mapCol = mapColumn(file.columns);
    let best = null;
    for (const row of file.rows) {
        const f = fitness(row);
        if (f === null || (best !== null && f < best.fitness))
            continue;
        best = { epoch: row.epoch, fitness: f, map: mapCol === null ? null : (row.metrics[mapCol] ?? null) };
    }
    return best;
}
/** The best fitness so far at each row (Platform `best_fitness`); null until a row has a fitness. */
function runningBestFitness(file, rule) {
    const fitness = fitnessFunction(file.columns, rule);
    let best = null;
    return file.rows.map((row) => {
        const f = fitness(row);
        if (f !== null && (best === null || f > best))
            best = f;
        return best;
    });
}
/** The column Ultralytics reports as the final model's mAP: mAP50-95(B), top-1 for classify, YOLOv5's mAP_0.5:0.95. */
function mapColumn(columns) {
    for (const c of [BOX_MAP, TOP1, ...V5_BOX_MAPS])
        if (columns.includes(c))
            return c;
    return null;
}
/** Sum of the `train/*loss` values (for the chart); null when there is none or one is nan. */
function totalLoss(row) {
    let sum = 0;
    let found = false;
    for (const [name, value] of Object.entries(row.metrics)) {
        if (!name.startsWith('train/') || !name.endsWith('loss'))
            continue;
        if (value === null)
            return null;
        sum += value;
        found = true;
    }
    return found ? sum : null;
}
/** Picks the formula once from the header, so a whole file is scored without re-reading the columns. */
function fitnessFunction(columns, rule) {
    const has = (c) => columns.includes(c);
    const v5 = V5_SUFFIXES.filter((s) => has(V5_MAP + s));
    if (v5.length > 0)
        return sumOf(v5.map((s) => (row) => mapFitness(row, V5_MAP50 + s, V5_MAP + s, 'classic')));
    if (has(TOP1) && has(TOP5)) {
        return (row) => {
            const [t1, t5] = [row.metrics[TOP1], row.metrics[TOP5]];
            return t1 == null || t5 == null ? null : (t1 + t5) / 2;
        };
    }
    const suffixes = SUFFIXES.filter((s) => has(map5095(s)));
    if (suffixes.length === 0)
        return () => null;
    return sumOf(suffixes.map((s) => (row) => mapFitness(row, map50(s), map5095(s), rule)));
}
/** The sum of the parts' fitness (box + mask + keypoints), null when any part is null. */
function sumOf(parts) {
    return (row) => {
        let sum = 0;
        for (const part of parts) {
            const f = part(row);
            if (f === null)
                return null;
            sum += f;
        }
        return sum;
    };
}
function mapFitness(row, col50, col5095, rule) {
    const m5095 = row.metrics[col5095];
    if (m5095 == null)
        return null;
    if (rule === 'map50-95')
        return m5095;
    const m50 = row.metrics[col50];
    return m50 == null ? null : 0.1 * m50 + 0.9 * m5095;
}
/** '8.3.40' → [8, 3, 40]; a missing patch is 0; null when the string does not start with major.minor. */
function parseVersion(version) {
    const m = /^\s*v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null;
}
function compareVersions(a, b) {
    for (let i = 0; i < 3; i++)
        if (a[i] !== b[i])
            return a[i] - b[i];
    return 0;
}


/***/ }),

/***/ 8676:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ assertReadable),
/* harmony export */   U: () => (/* binding */ cannotRead)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9843);
/* harmony import */ var _safe_read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3534);


/** Throws a RunDirError naming `file` (`what`: e.g. "weights file") and how to fix it, unless it can be read. */
async function assertReadable(file, what) {
    let fh;
    try {
        fh = await (0,_safe_read_js__WEBPACK_IMPORTED_MODULE_1__/* .openRegular */ .lf)(file, { what, confine: null });
        await fh.read(Buffer.alloc(1), 0, 1, 0);
    }
    catch (err) {
        throw cannotRead(file, what, err);
    }
    finally {
        await fh?.close().catch(() => undefined);
    }
}
/** An error for a file that could not be read: which file, why in words, and what to do. */
function cannotRead(file, what, err) {
    const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errnoCode */ .U)(err);
    const why = code === 'EACCES' || code === 'EPERM'
        ? "permission denied: make it readable by the user this job runs as (e.g. chmod a+r, or sync as the user that trained)"
        : code === 'ENOENT'
            ? 'it does not exist (a link to nothing, or removed)'
            : code === 'ELOOP'
                ? 'its symbolic links loop'
                : code === 'EISDIR' || err instanceof _safe_read_js__WEBPACK_IMPORTED_MODULE_1__/* .UnsafeFileError */ .h
                    ? 'it is not a regular file'
                    : err.message;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RunDirError */ .L(`cannot read ${what} ${file}: ${why}.`, { file, cause: err });
}


/***/ }),

/***/ 2012:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ue: () => (/* binding */ MAX_RESULTS_BYTES),
  sE: () => (/* binding */ parseResultsCsv),
  Zx: () => (/* binding */ readResultsCsv)
});

// UNUSED EXPORTS: isLrColumn

;// CONCATENATED MODULE: ./build/src/rundir/decimal.js
/**
 * A fast, exact parser for the decimal cells of results.csv (`0.5`, `  1.2345`, `9.5438e-07`),
 * reading bytes in place, without making a string per cell.
 *
 * It uses Clinger's fast path: when the digits form an integer below 2^53 and the power of ten
 * is at most 10^22, both are exact doubles, so one multiplication or division gives the correctly
 * rounded value, the same as `Number()`. Anything else (more digits, a far exponent, `nan`, an
 * empty or broken cell) returns NaN, and the caller falls back to `Number()` on the cell's text.
 */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const MAX_EXACT = 2 ** 53;
const MAX_EXP_DIGITS = 4;
/** bytes[start, end) as a number, or NaN when the fast path does not apply. Surrounding spaces and tabs are allowed. */
function fastDecimal(bytes, start, end) {
    let p = start;
    let e = end;
    while (p < e && isBlank(bytes[p]))
        p++;
    while (e > p && isBlank(bytes[e - 1]))
        e--;
    if (p === e)
        return NaN;
    let c = bytes[p];
    const negative = c === 0x2d; // -
    if (negative || c === 0x2b /* + */)
        p++;
    let mantissa = 0;
    let digits = 0;
    let scale = 0;
    for (; p < e; p++) {
        c = bytes[p];
        if (c < 0x30 || c > 0x39)
            break;
        mantissa = mantissa * 10 + (c - 0x30);
        digits++;
    }
    if (p < e && c === 0x2e /* . */) {
        for (p++; p < e; p++) {
            c = bytes[p];
            if (c < 0x30 || c > 0x39)
                break;
            mantissa = mantissa * 10 + (c - 0x30);
            digits++;
            scale--;
        }
    }
    if (digits === 0)
        return NaN;
    if (p < e && (c === 0x65 /* e */ || c === 0x45) /* E */) {
        p++;
        const expNegative = bytes[p] === 0x2d;
        if (expNegative || bytes[p] === 0x2b)
            p++;
        let exp = 0;
        let expDigits = 0;
        for (; p < e; p++) {
            c = bytes[p];
            if (c < 0x30 || c > 0x39 || expDigits === MAX_EXP_DIGITS)
                return NaN;
            exp = exp * 10 + (c - 0x30);
            expDigits++;
        }
        if (expDigits === 0)
            return NaN;
        scale += expNegative ? -exp : exp;
    }
    if (p !== e || mantissa >= MAX_EXACT)
        return NaN;
    if (mantissa === 0)
        return negative ? -0 : 0;
    if (scale > 22 || scale < -22)
        return NaN;
    const value = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
    return negative ? -value : value;
}
function isBlank(c) {
    return c === 0x20 || c === 0x09;
}

// EXTERNAL MODULE: ./build/src/rundir/errors.js
var errors = __webpack_require__(9843);
// EXTERNAL MODULE: ./build/src/rundir/readable.js
var readable = __webpack_require__(8676);
// EXTERNAL MODULE: ./build/src/rundir/safe-read.js
var safe_read = __webpack_require__(3534);
;// CONCATENATED MODULE: ./build/src/rundir/results-csv.js
/**
 * Reads an Ultralytics results.csv of any era (YOLOv5, padded YOLOv8, current `%.6g` with `time`)
 * into a MetricsFile keyed by the trainer's 0-based epoch. `parseResultsCsv` is pure; only
 * `readResultsCsv` touches the disk. The header decides the columns: none are hard-coded.
 *
 * Rows are read from the bytes in one pass, without a string per line or per cell (see
 * decimal.ts), and each row's records are cloned from a per-file template, so a 10 000-row file
 * costs about what JSON.parse of the same rows would.
 */




const FIX_PATH = "set `metrics:` to the path of the run's results.csv (e.g. runs/detect/train/results.csv)";
/** results.csv grows by ~300 bytes an epoch; anything this big is the wrong file (counted in bytes read, not stat's size). */
const MAX_RESULTS_BYTES = 64 * 1024 * 1024;
const BINARY_SAMPLE = 8192;
const NON_FINITE = new Set(['nan', '-nan', '+nan', 'inf', '-inf', '+inf', 'infinity', '-infinity', '+infinity']);
const YOLOV5_COLUMNS = new Set(['metrics/mAP_0.5', 'metrics/mAP_0.5:0.95']);
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
/** Learning-rate columns: `lr/pg0`… (YOLOv8 on) and `x/lr0`… (YOLOv5). */
function isLrColumn(name) {
    return name.startsWith('lr/') || name.startsWith('x/lr');
}
function parseResultsCsv(input, path) {
    const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    if (looksBinary(bytes)) {
        throw new errors/* RunDirError */.L(`${path} is not a text file (it holds binary data): ` +
            '`metrics:` must point at results.csv, not at a checkpoint or an image', { file: path });
    }
    const header = headerLine(bytes);
    if (!header) {
        throw new errors/* RunDirError */.L(`${path} is empty: training wrote no epoch yet, or \`metrics:\` points at the wrong file`, {
            file: path,
        });
    }
    const columns = header.text.split(',').map((c) => c.trim());
    const layout = layoutOf(columns, path, header.line);
    const yolov5 = columns.some((c) => YOLOV5_COLUMNS.has(c) || c.startsWith('x/lr'));
    const reader = new RowReader(bytes, columns);
    const parsed = [];
    const skipped = [];
    const nonFinite = [];
    let sawEpochZero = false;
    let line = header.line;
    for (let pos = header.next; pos < bytes.length; pos = reader.next) {
        line++;
        const bad = reader.read(pos, line);
        if (reader.blank)
            continue;
        if (bad !== undefined) {
            skipped.push({ line, reason: bad });
            continue;
        }
        const epoch = reader.values[layout.epoch];
        if (!Number.isInteger(epoch) || epoch < 0) {
            skipped.push({ line, reason: `epoch '${reader.cellText(pos, layout.epoch)}' is not a whole number ≥ 0` });
            continue;
        }
        if (epoch === 0)
            sawEpochZero = true;
        for (const p of reader.pending)
            nonFinite.push(p);
        parsed.push(buildRow(reader.values, layout, epoch, line));
    }
    if (parsed.length === 0)
        throw noUsableRow(path, header.line, skipped);
    // RUN-DIR.md: a row with epoch 0 means 0-based; else 1-based (a `time` column always is). YOLOv5 is 0-based.
    const oneBased = !(sawEpochZero || yolov5);
    const { rows, superseded } = lastWins(parsed, oneBased ? 1 : 0);
    const era = yolov5 ? 'yolov5' : layout.time >= 0 ? 'current' : oneBased ? 'v8-1based' : 'v8-0based';
    const out = { path, era, columns, oneBased, rows, skipped, nonFinite, superseded };
    const duplicates = duplicateColumns(columns);
    if (duplicates.length > 0)
        out.duplicateColumns = duplicates;
    return out;
}
/** Names that head more than one column, with their 1-based column numbers. */
function duplicateColumns(columns) {
    const at = new Map();
    columns.forEach((name, i) => at.set(name, [...(at.get(name) ?? []), i + 1]));
    return [...at].filter(([, where]) => where.length > 1).map(([name, where]) => ({ name, columns: where }));
}
async function readResultsCsv(path, confine = null) {
    let bytes;
    try {
        bytes = await (0,safe_read/* readRegular */.VX)(path, { what: 'metrics file', confine, maxBytes: MAX_RESULTS_BYTES, fix: FIX_PATH });
    }
    catch (err) {
        if (err instanceof errors/* RunDirError */.L)
            throw err;
        if ((0,errors/* errnoCode */.U)(err) === 'ENOENT') {
            throw new errors/* RunDirError */.L(`metrics file not found: ${path}. Check the \`metrics\` input: ${FIX_PATH}, ` +
                'and run after training has finished its first epoch', { file: path, cause: err });
        }
        throw (0,readable/* cannotRead */.U)(path, 'metrics file', err);
    }
    return parseResultsCsv(bytes, path);
}
/** NUL anywhere, or more than 10 % control bytes or invalid UTF-8 in the first 8 KiB. */
function looksBinary(bytes) {
    if (bytes.includes(0))
        return true;
    const sample = bytes.subarray(0, BINARY_SAMPLE);
    if (sample.length === 0)
        return false;
    let odd = 0;
    for (const c of sample)
        if ((c < 32 && c !== 9 && c !== LF && c !== CR) || c === 0x7f)
            odd++;
    for (const ch of sample.toString('utf8'))
        if (ch === '\ufffd')
            odd++;
    return odd / sample.length > 0.1;
}
/** The first line that is not blank (after a UTF-8 byte order mark), and where the next one starts. */
function headerLine(bytes) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    let line = 0;
    for (let pos = bom ? 3 : 0; pos < bytes.length;) {
        let nl = bytes.indexOf(LF, pos);
        if (nl < 0)
            nl = bytes.length;
        line++;
        const text = bytes.toString('utf8', pos, nl).replace(/\r$/, '');
        if (text.trim() !== '')
            return { line, text, next: nl + 1 };
        pos = nl + 1;
    }
    return null;
}
function layoutOf(columns, path, line) {
    const epoch = columns.indexOf('epoch');
    if (epoch < 0) {
        const shown = columns.join(',');
        throw new errors/* RunDirError */.L(`${path} has no \`epoch\` column (header: ${shown.length > 120 ? shown.slice(0, 117) + '...' : shown}), ` +
            `so it is not an Ultralytics results.csv; ${FIX_PATH}`, { file: path, line });
    }
    const layout = {
        epoch,
        time: columns.indexOf('time'),
        metricIdx: [],
        metricNames: [],
        metricTemplate: {},
        lrIdx: [],
        lrNames: [],
        lrTemplate: {},
    };
    columns.forEach((name, i) => {
        if (i === layout.epoch || i === layout.time)
            return;
        const lr = isLrColumn(name);
        (lr ? layout.lrIdx : layout.metricIdx).push(i);
        (lr ? layout.lrNames : layout.metricNames).push(name);
        (lr ? layout.lrTemplate : layout.metricTemplate)[name] = null;
    });
    return layout;
}
/**
 * Reads one line at a time into `values` (NaN marks a nan/inf cell, listed in `pending`). One
 * reader serves the whole file, so a line costs no allocation unless it needs a message.
 */
class RowReader {
    bytes;
    columns;
    values;
    pending = [];
    /** Where the line after the last one read starts. */
    next = 0;
    /** The last line read was empty or only blanks. */
    blank = false;
    constructor(bytes, columns) {
        this.bytes = bytes;
        this.columns = columns;
        this.values = new Float64Array(columns.length);
    }
    /** Reads the line starting at `start` (line number `line`); returns why it is unusable, or undefined. */
    read(start, line) {
        const { bytes, columns } = this;
        const n = bytes.length;
        this.pending.length = 0;
        let bad;
        let cells = 0;
        let p = start;
        let cellEnd = start;
        for (;;) {
            const cellStart = p;
            let c = 0;
            while (p < n && (c = bytes[p]) !== COMMA && c !== LF)
                p++;
            const atComma = p < n && c === COMMA;
            cellEnd = !atComma && p > cellStart && bytes[p - 1] === CR ? p - 1 : p;
            if (bad === undefined && cells < columns.length)
                bad = this.cell(cellStart, cellEnd, cells, line);
            cells++;
            if (!atComma)
                break;
            p++;
        }
        this.next = p + 1;
        this.blank = cells === 1 && bytes.toString('latin1', start, cellEnd).trim() === '';
        if (cells !== columns.length)
            return `has ${cells} cells, the header has ${columns.length} (a half-written line?)`;
        return bad;
    }
    /** The trimmed text of cell `index` of the line starting at `start` (for messages only). */
    cellText(start, index) {
        const end = this.next - 1;
        return (this.bytes.toString('utf8', start, end).split(',')[index] ?? '').trim();
    }
    cell(start, end, index, line) {
        const fast = fastDecimal(this.bytes, start, end);
        if (!Number.isNaN(fast)) {
            this.values[index] = fast;
            return undefined;
        }
        const column = this.columns[index];
        const text = this.bytes.toString('utf8', start, end).trim();
        if (text === '')
            return `column ${column} is empty`;
        const v = Number(text);
        if (Number.isFinite(v)) {
            this.values[index] = v;
            return undefined;
        }
        if (!Number.isNaN(v) || NON_FINITE.has(text.toLowerCase())) {
            this.values[index] = NaN;
            this.pending.push({ line, column, text });
            return undefined;
        }
        return `column ${column} holds '${text.length > 20 ? text.slice(0, 20) + '...' : text}', not a number`;
    }
}
function buildRow(values, layout, epoch, line) {
    const metrics = { ...layout.metricTemplate };
    for (let k = 0; k < layout.metricIdx.length; k++) {
        metrics[layout.metricNames[k]] = finite(values[layout.metricIdx[k]]);
    }
    const lr = { ...layout.lrTemplate };
    for (let k = 0; k < layout.lrIdx.length; k++)
        lr[layout.lrNames[k]] = finite(values[layout.lrIdx[k]]);
    const row = { epoch, line, metrics, lr };
    if (layout.time >= 0)
        row.time = finite(values[layout.time]);
    return row;
}
function finite(v) {
    return Number.isNaN(v) ? null : v;
}
/** Shifts epochs to 0-based and keeps the last row of each epoch, ascending. */
function lastWins(parsed, shift) {
    const byEpoch = new Map();
    const superseded = [];
    for (const row of parsed) {
        row.epoch -= shift;
        const earlier = byEpoch.get(row.epoch);
        if (earlier)
            superseded.push({ line: earlier.line, epoch: row.epoch });
        byEpoch.set(row.epoch, row);
    }
    const rows = [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
    return { rows, superseded };
}
function noUsableRow(path, headerLine, skipped) {
    const first = skipped[0];
    const why = first ? ` (line ${first.line} ${first.reason})` : '';
    return new errors/* RunDirError */.L(`${path} has a header but no usable epoch row${why}: training has not finished an epoch yet, ` +
        `or the file is damaged; wait for the first epoch or ${FIX_PATH}`, { file: path, line: first?.line ?? headerLine });
}


/***/ }),

/***/ 3534:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lm: () => (/* binding */ assertConfined),
/* harmony export */   U: () => (/* binding */ describeReadError),
/* harmony export */   UO: () => (/* binding */ isWithin),
/* harmony export */   VX: () => (/* binding */ readRegular),
/* harmony export */   Wy: () => (/* binding */ readRegularSync),
/* harmony export */   h: () => (/* binding */ UnsafeFileError),
/* harmony export */   lf: () => (/* binding */ openRegular),
/* harmony export */   sh: () => (/* binding */ escapesWorkspace),
/* harmony export */   w5: () => (/* binding */ openRegularSync),
/* harmony export */   xc: () => (/* binding */ checkRegular)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9843);
/**
 * The one way the product reads a file it is given or finds in a run directory: args.yaml,
 * results.csv, the log file, the baseline, a dataset YAML, a checkpoint's metadata.
 *
 *   - The weights' real-path rule, for every file: a path inside the workspace may not be (or pass
 *     through) a symlink whose target lies outside it. A path the user gives outside the workspace
 *     is read as given: they meant that file.
 *   - Only a regular file is read: not a directory, a device (`/dev/zero`), a FIFO or a socket. The
 *     file is opened without blocking (a FIFO would wait for a writer), then checked on the open
 *     descriptor, so a swap between the check and the read changes nothing.
 *   - A read stops at the bytes actually read, past `maxBytes`: never trust `stat().size`, which a
 *     device, a growing file or /proc gets wrong.
 *
 * Refusals are UnsafeFileError (a RunDirError: the message names the file and the fix). Other
 * failures (ENOENT, EACCES) are thrown as Node's own errors, so callers keep their handling of a
 * missing file; `describeReadError` words them.
 */




class UnsafeFileError extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RunDirError */ .L {
    name = 'UnsafeFileError';
}
/** Whether `p` is `dir` or lies under it (both absolute). */
function isWithin(p, dir) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_2__.relative(dir, p);
    return rel === '' || (!rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(rel));
}
/**
 * Refuses a path inside the workspace whose real path leaves it. A path that does not exist yet
 * passes (opening it fails with ENOENT, as the caller expects).
 */
async function assertConfined(file, rule) {
    checkConfined(file, rule);
}
function checkConfined(file, rule) {
    const real = escapesWorkspace(file, rule.confine);
    if (real === null)
        return;
    throw new UnsafeFileError(`${rule.what} ${file} leads outside the workspace (to ${real}) through a symbolic link, so it is not read. ` +
        `Give the real path${rule.fix ? `, or ${rule.fix}` : ''}; a path outside the workspace is read only when you name it yourself.`, { file });
}
function notRegular(file, info, rule) {
    return new UnsafeFileError(`${rule.what} ${file} is ${kindOf(info)}, not a regular file, so it is not read.${rule.fix ? ` ${capital(rule.fix)}.` : ''}`, { file });
}
/** Never waits for a writer: a FIFO opened so is told from its descriptor and refused. */
const READ_FLAGS = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0);
/** The real path of `file` when it lies in `workspace` but its real path does not; else null. */
function escapesWorkspace(file, workspace) {
    if (workspace === null)
        return null;
    const given = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(file);
    if (!isWithin(given, node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(workspace)))
        return null;
    try {
        const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(given);
        return isWithin(real, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace)) ? null : real;
    }
    catch {
        return null;
    }
}
/** Opens `file` for reading once it passes the rules; the caller closes the handle. */
async function openRegular(file, rule) {
    checkConfined(file, rule);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, READ_FLAGS);
    try {
        const info = await handle.stat();
        if (!info.isFile())
            throw notRegular(file, info, rule);
        return handle;
    }
    catch (err) {
        await handle.close();
        throw err;
    }
}
/** The whole file, once it passes the rules; more than `maxBytes` bytes actually read is an UnsafeFileError. */
async function readRegular(file, rule) {
    const handle = await openRegular(file, rule);
    try {
        const chunks = [];
        let total = 0;
        for (;;) {
            const buf = Buffer.allocUnsafe(Math.min(1 << 20, rule.maxBytes + 1 - total));
            const { bytesRead } = await handle.read(buf, 0, buf.length, null);
            if (bytesRead === 0)
                break;
            chunks.push(buf.subarray(0, bytesRead));
            total += bytesRead;
            if (total > rule.maxBytes)
                throw tooLarge(file, rule);
        }
        return Buffer.concat(chunks, total);
    }
    finally {
        await handle.close();
    }
}
/** openRegular for the reads that must stay synchronous: the same rules; the caller closes the descriptor. */
function openRegularSync(file, rule) {
    checkConfined(file, rule);
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, READ_FLAGS);
    try {
        const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!info.isFile())
            throw notRegular(file, info, rule);
        return fd;
    }
    catch (err) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        throw err;
    }
}
/**
 * readRegular for the few reads that must stay synchronous (the state file, read while a session
 * is set up): the same rules, the same errors.
 */
function readRegularSync(file, rule) {
    const fd = openRegularSync(file, rule);
    try {
        const chunks = [];
        let total = 0;
        for (;;) {
            const buf = Buffer.allocUnsafe(Math.min(1 << 20, rule.maxBytes + 1 - total));
            const bytesRead = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buf, 0, buf.length, null);
            if (bytesRead === 0)
                break;
            chunks.push(buf.subarray(0, bytesRead));
            total += bytesRead;
            if (total > rule.maxBytes)
                throw tooLarge(file, rule);
        }
        return Buffer.concat(chunks, total);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * The rules `readRegular` applies, checked without reading the file: for the up-front check that a
 * file a sync will read later can be read (so a refusal comes before anything is sent). The size
 * cap is checked on the open descriptor's size (a regular file's, so it holds; the read still
 * counts what it actually reads). One byte is read, so a file that opens but cannot be read fails here.
 */
async function checkRegular(file, rule) {
    const handle = await openRegular(file, rule);
    try {
        if ((await handle.stat()).size > rule.maxBytes)
            throw tooLarge(file, rule);
        await handle.read(Buffer.alloc(1), 0, 1, 0);
    }
    finally {
        await handle.close();
    }
}
function tooLarge(file, rule) {
    return new UnsafeFileError(`${rule.what} ${file} holds more than ${mib(rule.maxBytes)}, far more than such a file ever does, so it is not read.${rule.fix ? ` ${capital(rule.fix)}.` : ''}`, { file });
}
/** Node's error for a file in words, with the fix for a permission problem. */
function describeReadError(err) {
    switch ((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errnoCode */ .U)(err)) {
        case 'ENOENT':
            return 'it does not exist';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied (make it readable by the user this runs as)';
        case 'EISDIR':
            return 'it is a directory';
        default:
            return err.message;
    }
}
function kindOf(info) {
    if (info.isDirectory())
        return 'a directory';
    if (info.isCharacterDevice() || info.isBlockDevice())
        return 'a device';
    if (info.isFIFO())
        return 'a pipe (FIFO)';
    if (info.isSocket())
        return 'a socket';
    return 'not a file';
}
function mib(bytes) {
    return bytes >= 2 ** 20 ? `${Math.round(bytes / 2 ** 20)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}


/***/ }),

/***/ 6503:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LF: () => (/* binding */ assignRoles),
/* harmony export */   Q3: () => (/* binding */ sha256File),
/* harmony export */   cV: () => (/* binding */ globWeights)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var _actions_glob__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2377);
/* harmony import */ var _checkpoint_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1079);
/* harmony import */ var _readable_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8676);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9843);
/**
 * Finds the weight files of a run and gives each a role: `best.pt` is the final model, `last.pt`
 * the resumable checkpoint, anything else is skipped with a reason. Also hashes a file in constant memory.
 */









const BEST = 'best.pt';
const LAST = 'last.pt';
const NARROW = 'narrow `weights:` to one run, e.g. runs/detect/train/weights/*.pt';
/** Expands newline-separated glob patterns (`!` lines exclude) to sorted absolute file paths. */
async function globWeights(patterns) {
    const globber = await _actions_glob__WEBPACK_IMPORTED_MODULE_5__/* .create */ .v(patterns, { matchDirectories: false });
    const files = await globber.glob();
    return [...new Set(files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
/**
 * `final`: the run is finished, so best.pt is the final model and last.pt the checkpoint; with no
 * best.pt (killed before the first validation) last.pt becomes the final model, as Ultralytics does.
 * Otherwise only last.pt is sent, as the checkpoint.
 */
async function assignRoles(paths, opts) {
    const { log } = opts;
    const best = paths.filter((p) => (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(p) === BEST);
    const last = paths.filter((p) => (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(p) === LAST);
    const skipped = [];
    for (const p of paths) {
        const name = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(p);
        if (name === BEST || name === LAST)
            continue;
        const why = name.endsWith('.pt')
            ? 'only best.pt (the final model) and last.pt (the checkpoint) are sent'
            : 'not a .pt checkpoint';
        log.warning(`Skipping ${p}: ${why}. To silence this, ${NARROW}`);
        skipped.push(p);
    }
    // A best.pt torn by a kill while saving is no model: treat it as missing (last.pt takes its place).
    if (opts.final && best.length > 0) {
        const torn = await tornReason(single(best, 'final model'));
        if (torn) {
            skipped.push(best[0]);
            const fallback = last.length > 0 && !(await tornReason(single(last, 'final model')));
            log.warning(`${best[0]} is torn (${torn}): the training was probably killed while saving it. ` +
                (fallback ? `Uploading ${LAST} as the final model instead.` : `It is not sent, and there is no whole ${LAST} to take its place: sending metrics only.`), { file: best[0] });
            if (!fallback)
                return { skipped };
            return { final: await weightFile(last[0], 'final'), skipped };
        }
    }
    if (opts.final && best.length === 0 && last.length > 0) {
        const only = single(last, 'final model');
        log.warning(`${BEST} not found; uploading ${LAST} as the final model (${only}). ` +
            'Training probably stopped before its first validation, or `weights:` does not match best.pt');
        return { final: await weightFile(only, 'final'), skipped };
    }
    const roles = { skipped };
    if (opts.final && best.length > 0)
        roles.final = await weightFile(single(best, 'final model'), 'final');
    if (!opts.final) {
        for (const p of best)
            log.info(`Skipping ${p}: the final model is sent only once training has finished`);
        skipped.push(...best);
    }
    if (last.length > 0) {
        const p = single(last, 'checkpoint');
        const torn = await tornReason(p);
        if (torn) {
            log.warning(`Skipping ${p}: it is torn (${torn}).`, { file: p });
            skipped.push(p);
        }
        else
            roles.checkpoint = await weightFile(p, 'checkpoint');
    }
    return roles;
}
/** Why a checkpoint is torn (checkpoint.ts), or null when it is whole; an unreadable file is an error that names it. */
async function tornReason(path) {
    try {
        return await (0,_checkpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .tornCheckpoint */ .F)(path);
    }
    catch (err) {
        throw unreadable(path, err);
    }
}
function unreadable(path, err) {
    return (0,_readable_js__WEBPACK_IMPORTED_MODULE_7__/* .cannotRead */ .U)(path, 'weights file', err);
}
/** SHA-256 of a file, hex, read as a stream. */
async function sha256File(path) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path), hash);
    return hash.digest('hex');
}
function single(paths, role) {
    if (paths.length === 1)
        return paths[0];
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .RunDirError */ .L(`\`weights\` matched ${paths.length} files for the ${role} (${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(paths[0])}): ` +
        `${paths.join(', ')}; ${NARROW}`, { file: paths[0] });
}
async function weightFile(path, role) {
    try {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path);
        if (!info.isFile()) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .RunDirError */ .L(`weights file ${path} is not a regular file (a device, a pipe or a socket), so it is not sent; ${NARROW}`, { file: path });
        }
        return { path, name: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path), role, bytes: info.size };
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .RunDirError */ .L)
            throw err;
        throw unreadable(path, err);
    }
}


/***/ }),

/***/ 5357:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ yamlToJS),
/* harmony export */   K: () => (/* binding */ assertShallowYaml)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9843);

/** Aliases a document may expand; Ultralytics writes none, a hand-edited dataset YAML a few. */
const MAX_ALIAS_COUNT = 100;
/** Flow nesting (`[[[…]]]`) deeper than this is refused before parsing: the parser runs out of memory near 20 000. */
const MAX_FLOW_DEPTH = 1000;
/**
 * Refuses YAML text whose `[`/`{` nesting goes deeper than any real file, before the parser sees
 * it. Quoted text is skipped; the count is rough elsewhere, which only matters far past the limit.
 */
function assertShallowYaml(text, file, fix) {
    let depth = 0;
    let quote = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === quote)
                quote = '';
            else if (c === '\\' && quote === '"')
                i++;
            else if (c === '\n')
                quote = '';
            continue;
        }
        if (c === '"' || c === "'")
            quote = c;
        else if (c === '[' || c === '{') {
            if (++depth > MAX_FLOW_DEPTH) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RunDirError */ .L(`${file}: its YAML nests lists or mappings more than ${MAX_FLOW_DEPTH} deep, so it was not read. ${fix}`, { file });
            }
        }
        else if ((c === ']' || c === '}') && depth > 0)
            depth--;
    }
}
/** `doc.toJS()`, refusing an alias bomb and a recursive alias. `fix` ends the message: how to fix it. */
function yamlToJS(doc, file, fix, opts = {}) {
    let value;
    try {
        value = doc.toJS({ ...opts, maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (err) {
        if (err instanceof ReferenceError || err instanceof RangeError) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RunDirError */ .L(`${file}: its YAML aliases (*name) expand too far (more than ${MAX_ALIAS_COUNT} aliases, an "alias bomb"), so it was not read. ${fix}`, { file, cause: err });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RunDirError */ .L(`${file}: the YAML cannot be read: ${err.message}. ${fix}`, { file, cause: err });
    }
    if (isCircular(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RunDirError */ .L(`${file}: a YAML alias refers to the node that holds it (like \`loop: &x [1, *x]\`), so its value never ends and it was not read. ${fix}`, { file });
    }
    return value;
}
/** Whether a value parsed from YAML contains itself. Iterative: a deep value cannot overflow the stack. */
function isCircular(root) {
    const done = new Set();
    const onPath = new Set();
    const stack = [];
    const enter = (v) => {
        if (typeof v !== 'object' || v === null || done.has(v))
            return false;
        if (onPath.has(v))
            return true;
        onPath.add(v);
        stack.push({ node: v, children: childrenOf(v), at: 0 });
        return false;
    };
    if (enter(root))
        return true;
    while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.at < top.children.length) {
            if (enter(top.children[top.at++]))
                return true;
            continue;
        }
        stack.pop();
        onPath.delete(top.node);
        done.add(top.node);
    }
    return false;
}
function childrenOf(v) {
    if (Array.isArray(v))
        return v;
    if (v instanceof Map)
        return [...v].flat();
    if (v instanceof Set)
        return [...v];
    return Object.values(v);
}


/***/ }),

/***/ 4379:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ formatRate),
/* harmony export */   ke: () => (/* binding */ Progress),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
const EVERY_MS = 10_000;
const EVERY_SHARE = 0.1;
const MIN_GAP_MS = 1000;
const KiB = 1024;
const MiB = KiB * 1024;
const GiB = MiB * 1024;
/** `512 B`, `12.5 KiB`, `412.0 MiB`, `1.00 GiB`. */
function formatBytes(n) {
    if (n < KiB)
        return `${n} B`;
    if (n < MiB)
        return `${(n / KiB).toFixed(1)} KiB`;
    if (n < GiB)
        return `${(n / MiB).toFixed(1)} MiB`;
    return `${(n / GiB).toFixed(2)} GiB`;
}
/** `380 MiB/s`, `2.5 MiB/s`, `640 KiB/s`. */
function formatRate(bytesPerSecond) {
    if (bytesPerSecond >= 10 * MiB)
        return `${Math.round(bytesPerSecond / MiB)} MiB/s`;
    if (bytesPerSecond >= MiB)
        return `${(bytesPerSecond / MiB).toFixed(1)} MiB/s`;
    return `${Math.round(bytesPerSecond / KiB)} KiB/s`;
}
class Progress {
    log;
    name;
    total;
    now;
    start;
    lastAt;
    lastBytes = 0;
    constructor(log, name, total, now) {
        this.log = log;
        this.name = name;
        this.total = total;
        this.now = now;
        this.start = this.lastAt = now();
    }
    /** `sent`: file bytes the request has taken so far. */
    update(sent) {
        const t = this.now();
        const sinceLast = t - this.lastAt;
        const byTime = sinceLast >= EVERY_MS;
        const byShare = sent - this.lastBytes >= this.total * EVERY_SHARE && sinceLast >= MIN_GAP_MS;
        if (!byTime && !byShare)
            return;
        this.lastAt = t;
        this.lastBytes = sent;
        const percent = this.total > 0 ? Math.floor((sent * 100) / this.total) : 100;
        const rate = sent / Math.max((t - this.start) / 1000, 0.001);
        this.log.info(`${this.name}: ${formatBytes(sent)} of ${formatBytes(this.total)} (${percent} %), ${formatRate(rate)}`);
    }
}


/***/ }),

/***/ 8009:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The product version, sent in the User-Agent and printed by `--version`. */
const VERSION = '0.1.0';


/***/ })

};
