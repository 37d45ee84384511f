export const id = 771;
export const ids = [771];
export const modules = {

/***/ 7516:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/** A bad input value: the message names the input and says how to fix it. */
class InputError extends Error {
    input;
    constructor(input, detail) {
        super(`Input \`${input}\` ${detail}`);
        this.input = input;
        this.name = 'InputError';
    }
}


/***/ }),

/***/ 8855:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G0: () => (/* binding */ Inputs),
  GP: () => (/* binding */ getInputs)
});

// UNUSED EXPORTS: HUB_API_DEFAULT, HUB_WEB_DEFAULT, PLATFORM_DEFAULT, resolveInWorkspace

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/transport/url-safety.js
var url_safety = __webpack_require__(1917);
// EXTERNAL MODULE: ./build/src/inputs/errors.js
var errors = __webpack_require__(7516);
;// CONCATENATED MODULE: ./build/src/inputs/identifier.js
/**
 * The `model` input and the key: what they name, and which backend they imply.
 *
 * HUB forms (HUB-API.md): `https://hub.ultralytics.com/models/ID[/][?api_key=KEY]`, a bare 20-char
 * `ID`, legacy `APIKEY_MODELID`, or a local `*.pt` / `*.yaml` name meaning "create a new model".
 * Platform forms (PLATFORM-API.md): `ul://owner/project/model`,
 * `https://platform.ultralytics.com/owner/project/model`, or an existing `modelId` to continue.
 */

const HUB_ID = /^[A-Za-z0-9]{20}$/;
const HUB_KEY = /^[A-Za-z0-9]{42}$/;
const PLATFORM_KEY = /^ul_[0-9a-f]{40}$/;
const OPAQUE_ID = /^[A-Za-z0-9_-]{8,64}$/;
function keyBackend(key) {
    if (key.startsWith('ul_'))
        return 'platform';
    if (key.length === 42)
        return 'hub';
    return null;
}
/** Throws a fix-it error when the key cannot be a key of that backend. Never quotes the key. */
function checkKeyShape(key, backend) {
    if (backend === 'platform' && !PLATFORM_KEY.test(key)) {
        throw new errors/* InputError */.d('api-key', `is not an Ultralytics Platform key (expected "ul_" followed by 40 hex characters, got ${describeShape(key)}). ` +
            'Create one at https://platform.ultralytics.com/settings (API keys), store it as a repository secret and pass it as `api-key: ${{ secrets.ULTRALYTICS_API_KEY }}`.');
    }
    if (backend === 'hub' && !HUB_KEY.test(key)) {
        throw new errors/* InputError */.d('api-key', `is not an Ultralytics HUB key (expected 42 letters and digits, got ${describeShape(key)}). ` +
            'For Ultralytics Platform keys (ul_…) use `backend: platform` or leave `backend: auto`.');
    }
}
function describeShape(key) {
    const prefix = key.startsWith('ul_') ? 'a "ul_" key of ' : '';
    return `${prefix}${key.length} characters`;
}
/** Parses the `model` input. Keys found inside it are returned so the caller can mask them at once. */
function parseModelRef(raw) {
    const text = raw.trim();
    if (!text)
        return { kind: 'none' };
    if (/\.(pt|ya?ml)$/i.test(text) && !/^[a-z]+:\/\//i.test(text)) {
        const filename = text.split(/[\\/]/).pop();
        return { kind: 'create', filename };
    }
    if (text.startsWith('ul://')) {
        return platformPath(text.slice('ul://'.length).split('/'), raw);
    }
    if (/^https?:\/\//i.test(text))
        return parseUrl(text);
    const legacy = /^([A-Za-z0-9]{42})_([A-Za-z0-9]{20})$/.exec(text);
    if (legacy)
        return { kind: 'id', id: legacy[2], key: legacy[1], form: 'hub-legacy' };
    if (HUB_ID.test(text) || OPAQUE_ID.test(text))
        return { kind: 'id', id: text, form: 'bare' };
    throw badModel();
}
function parseUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw badModel();
    }
    const parts = url.pathname.split('/').filter(Boolean);
    const key = url.searchParams.get('api_key') ?? undefined;
    if (parts.length === 2 && parts[0] === 'models' && HUB_ID.test(parts[1])) {
        return { kind: 'id', id: parts[1], key, form: 'hub-url' };
    }
    if (url.hostname.startsWith('hub.'))
        throw badModel();
    return platformPath(parts, text);
}
function platformPath(parts, raw) {
    const clean = parts.map((p) => decodeURIComponent(p)).filter(Boolean);
    if (clean.length !== 3) {
        throw new errors/* InputError */.d('model', `"${raw}" is not a Platform model path: expected ul://owner/project/model or https://platform.ultralytics.com/owner/project/model.`);
    }
    return { kind: 'path', project: `${clean[0]}/${clean[1]}`, name: clean[2] };
}
function badModel() {
    return new errors/* InputError */.d('model', 'is not a model this action understands. Use one of: ul://owner/project/model, ' +
        'https://platform.ultralytics.com/owner/project/model, a HUB model URL https://hub.ultralytics.com/models/<20-char id>, ' +
        'a bare model id, or a weights/config name such as yolo11n.pt to create a new model.');
}
/** The backend the model form implies, if any. */
function modelBackend(ref) {
    switch (ref.kind) {
        case 'path':
            return 'platform';
        case 'id':
            if (ref.form === 'hub-url' || ref.form === 'hub-legacy')
                return 'hub';
            return HUB_ID.test(ref.id) ? 'hub' : 'platform';
        default:
            return null;
    }
}

;// CONCATENATED MODULE: ./build/src/inputs/inputs.js
/**
 * Reads and validates every input once, into one typed object. Nothing else reads inputs.
 *
 * The action reads them through @actions/core, the CLI through its flags; both give the same
 * `InputSource`, and both fall back to the same environment variables.
 */




/** The input names, as in action.yml. */
const Inputs = {
    RunDir: 'run-dir',
    Weights: 'weights',
    Metrics: 'metrics',
    Args: 'args',
    Model: 'model',
    ApiKey: 'api-key',
    Backend: 'backend',
    ApiUrl: 'api-url',
    Project: 'project',
    Name: 'name',
    Epoch: 'epoch',
    Final: 'final',
    Map: 'map',
    Status: 'status',
    LogFile: 'log-file',
    IfNoFilesFound: 'if-no-files-found',
    FailOnError: 'fail-on-error',
    DryRun: 'dry-run',
    Summary: 'summary',
    Baseline: 'baseline',
    MinMap: 'min-map',
    MaxMapDrop: 'max-map-drop',
    ReportFile: 'report-file',
    Comment: 'comment',
    GithubToken: 'github-token',
    StallTimeout: 'stall-timeout',
    RequestTimeout: 'request-timeout',
    Watch: 'watch',
    CheckpointInterval: 'checkpoint-interval',
};
const HUB_API_DEFAULT = 'https://api.ultralytics.com';
const HUB_WEB_DEFAULT = 'https://hub.ultralytics.com';
const PLATFORM_DEFAULT = 'https://platform.ultralytics.com';
const HUB_SHUTDOWN_HOST = 'api.ultralytics.com';
function getInputs(get, env, log) {
    const read = (name) => get(name).trim();
    const workspace = external_node_path_.resolve(env.GITHUB_WORKSPACE || process.cwd());
    // Secrets first, before anything could print them.
    const keyInput = read(Inputs.ApiKey);
    log.addSecret(keyInput);
    log.addSecret(env.ULTRALYTICS_API_KEY);
    log.addSecret(env.HUB_API_KEY);
    const model = parseModelRef(read(Inputs.Model));
    if (model.kind === 'id')
        log.addSecret(model.key);
    const githubToken = read(Inputs.GithubToken) || env.GITHUB_TOKEN || '';
    log.addSecret(githubToken);
    const project = read(Inputs.Project) || null;
    const { backend, backendReason, apiKey } = chooseBackend(read(Inputs.Backend), keyInput, model, project, env);
    checkKeyShape(apiKey, backend);
    if (model.kind === 'create' && backend === 'platform') {
        throw new errors/* InputError */.d(Inputs.Model, `"${model.filename}" asks to create a HUB model; on Ultralytics Platform a run is registered by \`project\` and \`name\` instead. Remove \`model\` or use ul://owner/project/model.`);
    }
    const apiUrl = chooseApiUrl(read(Inputs.ApiUrl), backend, env);
    if (backend === 'hub' && new URL(apiUrl).hostname === HUB_SHUTDOWN_HOST) {
        throw new errors/* InputError */.d(Inputs.Backend, 'selects Ultralytics HUB, which shut down on 2026-07-31. Move to Ultralytics Platform: create a `ul_…` API key at ' +
            'https://platform.ultralytics.com/settings, pass it as `api-key`, and set `project` (or use `backend: platform`). ' +
            'A HUB model id cannot be continued on Platform; the run is registered anew there.');
    }
    const runDir = optionalPath(read(Inputs.RunDir), Inputs.RunDir, workspace);
    return {
        workspace,
        runDir,
        weights: weightPatterns(read(Inputs.Weights), workspace),
        metrics: optionalPath(read(Inputs.Metrics), Inputs.Metrics, workspace),
        args: optionalPath(read(Inputs.Args), Inputs.Args, workspace),
        model,
        apiKey,
        backend,
        backendReason,
        apiUrl,
        webUrl: backend === 'hub' ? hubWebUrl(apiUrl, env) : apiUrl,
        project,
        name: read(Inputs.Name) || null,
        epoch: wholeNumber(read(Inputs.Epoch), Inputs.Epoch),
        final: bool(read(Inputs.Final), Inputs.Final, true),
        map: fraction(read(Inputs.Map), Inputs.Map),
        status: runStatus(read(Inputs.Status)),
        logFile: optionalPath(read(Inputs.LogFile), Inputs.LogFile, workspace),
        ifNoFilesFound: oneOf(read(Inputs.IfNoFilesFound).toLowerCase() || 'error', Inputs.IfNoFilesFound, [
            'error',
            'warn',
            'ignore',
        ]),
        failOnError: bool(read(Inputs.FailOnError), Inputs.FailOnError, true),
        dryRun: bool(read(Inputs.DryRun), Inputs.DryRun, false),
        summary: bool(read(Inputs.Summary), Inputs.Summary, true),
        baseline: optionalPath(read(Inputs.Baseline), Inputs.Baseline, workspace),
        minMap: fraction(read(Inputs.MinMap), Inputs.MinMap, 'the lowest final mAP50-95 that passes, e.g. 0.45'),
        maxMapDrop: fraction(read(Inputs.MaxMapDrop), Inputs.MaxMapDrop, 'an absolute drop of mAP50-95, e.g. 0.01 for one point, not a percentage'),
        reportFile: optionalPath(read(Inputs.ReportFile), Inputs.ReportFile, workspace),
        comment: bool(read(Inputs.Comment), Inputs.Comment, false),
        githubToken,
        stallTimeoutMs: seconds(read(Inputs.StallTimeout), Inputs.StallTimeout, 120) * 1000,
        requestTimeoutMs: seconds(read(Inputs.RequestTimeout), Inputs.RequestTimeout, 30) * 1000,
        watch: bool(read(Inputs.Watch), Inputs.Watch, false),
        checkpointIntervalMs: seconds(read(Inputs.CheckpointInterval), Inputs.CheckpointInterval, 900) * 1000,
    };
}
function chooseBackend(raw, keyInput, model, project, env) {
    const wanted = oneOf(raw.toLowerCase() || 'auto', Inputs.Backend, ['auto', 'hub', 'platform']);
    const modelKey = model.kind === 'id' ? model.key : undefined;
    const envKey = (b) => b === 'hub' ? env.HUB_API_KEY : b === 'platform' ? env.ULTRALYTICS_API_KEY : env.ULTRALYTICS_API_KEY || env.HUB_API_KEY;
    if (wanted !== 'auto') {
        const apiKey = keyInput || modelKey || envKey(wanted) || '';
        return { backend: wanted, backendReason: 'set by the `backend` input', apiKey: requireKey(apiKey, wanted) };
    }
    const fromModel = modelBackend(model);
    const apiKey = keyInput || modelKey || envKey(fromModel) || '';
    const fromKey = apiKey ? keyBackend(apiKey) : null;
    if (fromKey) {
        const backendReason = fromKey === 'platform' ? 'the key is a Platform key (ul_…)' : 'the key is a 42-character HUB key';
        return { backend: fromKey, backendReason, apiKey: requireKey(apiKey, fromKey) };
    }
    const backend = fromModel ?? 'platform';
    const backendReason = fromModel
        ? `the model is given in ${fromModel === 'hub' ? 'a HUB' : 'a Platform'} form`
        : project
            ? 'a `project` is given'
            : 'Platform is the default';
    return { backend, backendReason, apiKey: requireKey(apiKey, backend) };
}
function requireKey(key, backend) {
    if (key)
        return key;
    const envName = backend === 'hub' ? 'HUB_API_KEY' : 'ULTRALYTICS_API_KEY';
    throw new errors/* InputError */.d(Inputs.ApiKey, `is empty and env ${envName} is not set. Add the key as a repository secret and pass it: \`api-key: \${{ secrets.${envName} }}\`.`);
}
function chooseApiUrl(raw, backend, env) {
    const fallback = backend === 'hub'
        ? env.ULTRALYTICS_HUB_API || HUB_API_DEFAULT
        : env.ULTRALYTICS_PLATFORM_URL || PLATFORM_DEFAULT;
    const value = raw || fallback;
    try {
        const url = (0,url_safety/* assertSafeUrl */.jQ)(value, 'api-url');
        return url.origin + url.pathname.replace(/\/+$/, '');
    }
    catch (err) {
        throw new errors/* InputError */.d(Inputs.ApiUrl, `(${value}) is not usable: ${err.message}`);
    }
}
function hubWebUrl(apiUrl, env) {
    if (env.ULTRALYTICS_HUB_WEB)
        return env.ULTRALYTICS_HUB_WEB.replace(/\/+$/, '');
    return apiUrl === HUB_API_DEFAULT ? HUB_WEB_DEFAULT : apiUrl;
}
/** A path input: relative ones resolve in the workspace and may not climb out of it. */
function resolveInWorkspace(value, input, workspace) {
    if (external_node_path_.isAbsolute(value))
        return external_node_path_.normalize(value);
    const abs = external_node_path_.resolve(workspace, value);
    const rel = external_node_path_.relative(workspace, abs);
    if (rel === '..' || rel.startsWith('..' + external_node_path_.sep) || external_node_path_.isAbsolute(rel)) {
        throw new errors/* InputError */.d(input, `(${value}) points outside the workspace. Use a path inside the workspace, or an absolute path if you really mean a file elsewhere.`);
    }
    return abs;
}
function optionalPath(value, input, workspace) {
    return value ? resolveInWorkspace(value, input, workspace) : null;
}
function weightPatterns(raw, workspace) {
    const lines = raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
    if (lines.length === 0)
        return null;
    return lines.map((line) => {
        const negate = line.startsWith('!');
        const pattern = negate ? line.slice(1).trim() : line;
        return (negate ? '!' : '') + resolveInWorkspace(pattern, Inputs.Weights, workspace);
    });
}
/** GitHub's job.status spellings, and GitLab's CI_JOB_STATUS ones (`failed`, `canceled`). */
function runStatus(value) {
    const aliases = { failed: 'failure', canceled: 'cancelled' };
    const v = value.toLowerCase() || 'success';
    return oneOf(aliases[v] ?? v, Inputs.Status, ['success', 'failure', 'cancelled']);
}
function oneOf(value, input, allowed) {
    if (allowed.includes(value))
        return value;
    throw new errors/* InputError */.d(input, `must be one of ${allowed.map((a) => `\`${a}\``).join(', ')}; got "${value}".`);
}
function bool(value, input, fallback) {
    if (!value)
        return fallback;
    if (/^(true|yes|on|1)$/i.test(value))
        return true;
    if (/^(false|no|off|0)$/i.test(value))
        return false;
    throw new errors/* InputError */.d(input, `must be true or false; got "${value}".`);
}
function wholeNumber(value, input) {
    if (!value)
        return null;
    if (!/^\d+$/.test(value)) {
        throw new errors/* InputError */.d(input, `must be a whole number ≥ 0 (the 0-based epoch, as the trainer counts); got "${value}".`);
    }
    return Number(value);
}
function fraction(value, input, what = 'mAP50-95 as a fraction, e.g. 0.4567') {
    if (!value)
        return null;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 1) {
        throw new errors/* InputError */.d(input, `must be a number from 0 to 1 (${what}); got "${value}".`);
    }
    return n;
}
function seconds(value, input, fallback) {
    if (!value)
        return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
        throw new errors/* InputError */.d(input, `must be a number of seconds > 0; got "${value}".`);
    return n;
}


/***/ }),

/***/ 3625:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ baseName),
/* harmony export */   mc: () => (/* binding */ readTrainArgs)
/* harmony export */ });
/* unused harmony export parseTrainArgs */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9843);
/**
 * Reads the training arguments a run wrote before training started: args.yaml (YOLOv8 on) or, for a
 * YOLOv5 run, opt.yaml beside it. Values are kept as parsed; callers decide what to send.
 */




const FIX_PATH = "set `args:` to the path of the run's args.yaml (e.g. runs/detect/train/args.yaml)";
const YOLOV5_ARGS = 'opt.yaml';
/**
 * `explicit`: the user named the file, so a missing file is an error. Otherwise a missing args.yaml
 * falls back to opt.yaml in the same directory, then to null.
 */
async function readTrainArgs(path, opts) {
    const text = await readIfExists(path);
    if (text !== null)
        return parseTrainArgs(text, path);
    if (opts.explicit) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RunDirError */ .L(`args file not found: ${path}. Check the \`args\` input: ${FIX_PATH}, or leave it empty`, {
            file: path,
        });
    }
    const v5 = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), YOLOV5_ARGS);
    const v5Text = await readIfExists(v5);
    return v5Text === null ? null : parseTrainArgs(v5Text, v5);
}
/** Parses the YAML text of an args file; it must be a mapping. */
function parseTrainArgs(text, path) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(text);
    const syntax = doc.errors[0];
    if (syntax) {
        const line = syntax.linePos?.[0].line;
        const firstLine = syntax.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RunDirError */ .L(`${path}${line === undefined ? '' : `:${line}`}: YAML syntax error: ${firstLine}. Fix the file, or ${FIX_PATH}`, { file: path, line });
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(doc.contents)) {
        const found = doc.contents === null ? 'nothing' : (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(doc.contents) ? 'a list' : 'a single value';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RunDirError */ .L(`${path} holds ${found}, not a mapping of training arguments (task: detect, epochs: 100, …); ${FIX_PATH}`, { file: path });
    }
    return { path, text, values: doc.toJS() };
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
async function readIfExists(path) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (err) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errnoCode */ .U)(err) === 'ENOENT')
            return null;
        const hint = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errnoCode */ .U)(err) === 'EISDIR' ? 'it is a directory' : err.message;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RunDirError */ .L(`cannot read args file ${path}: ${hint}; ${FIX_PATH}`, { file: path, cause: err });
    }
}


/***/ }),

/***/ 1079:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ readCheckpointMeta)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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
    state;
    constructor(name) {
        this.name = name;
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
                pop();
                push(called(pop()));
                break;
            }
            case 0x81: /* NEWOBJ */ {
                pop();
                push(called(pop()));
                break;
            }
            case 0x92: /* NEWOBJ_EX */ {
                pop();
                pop();
                push(called(pop()));
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
function called(callable) {
    const name = callable instanceof Opaque ? callable.name : '';
    if (name === 'collections.OrderedDict' || name === 'builtins.dict' || name === '__builtin__.dict')
        return new PickleDict();
    return new Opaque(name);
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

;// CONCATENATED MODULE: ./build/src/rundir/checkpoint.js
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
        fh = await (0,promises_.open)(path, 'r');
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
    return meta;
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

/***/ 6947:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ emptyPlan),
  S: () => (/* binding */ loadRun)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/inputs/errors.js
var errors = __webpack_require__(7516);
// EXTERNAL MODULE: ./build/src/rundir/args-yaml.js
var args_yaml = __webpack_require__(3625);
// EXTERNAL MODULE: ./build/src/rundir/checkpoint.js + 1 modules
var checkpoint = __webpack_require__(1079);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./build/src/rundir/dataset-names.js
/**
 * The class names from the dataset YAML that args.yaml's `data` names, for a run whose checkpoints
 * do not hold them (no best.pt yet, or an unreadable one). Only a file readable on this machine is
 * used; anything else gives null, which Platform accepts.
 */



/** `data` resolved against each of `bases` (a relative path is relative to where the trainer ran). */
async function datasetNames(args, bases, log) {
    const data = args?.values.data;
    if (typeof data !== 'string' || !/\.ya?ml$/i.test(data) || /^[a-z][a-z0-9+.-]*:\/\//i.test(data))
        return null;
    const candidates = external_node_path_.isAbsolute(data) ? [data] : bases.map((b) => external_node_path_.resolve(b, data));
    for (const file of candidates) {
        let text;
        try {
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch {
            continue;
        }
        try {
            const names = namesOf((0,dist/* parse */.qg)(text));
            if (names)
                return names;
            log.debug(`${file} has no usable \`names:\`; classNames is sent as null.`);
        }
        catch (err) {
            log.debug(`${file} is not readable YAML (${err.message}); classNames is sent as null.`);
        }
        return null;
    }
    return null;
}
/** `names:` as a list in index order: a list of strings, or a map 0..n-1 → string. */
function namesOf(doc) {
    const names = doc?.names;
    if (Array.isArray(names))
        return names.every((n) => typeof n === 'string' || typeof n === 'number') ? names.map(String) : null;
    if (typeof names !== 'object' || names === null)
        return null;
    const entries = Object.entries(names);
    const out = [];
    for (const [k, v] of entries) {
        const i = Number(k);
        if (!Number.isInteger(i) || i < 0 || i >= entries.length || (typeof v !== 'string' && typeof v !== 'number'))
            return null;
        out[i] = String(v);
    }
    return out.length === entries.length && entries.length > 0 ? out : null;
}

// EXTERNAL MODULE: ./build/src/rundir/errors.js
var rundir_errors = __webpack_require__(9843);
;// CONCATENATED MODULE: ./build/src/rundir/find-run.js


const RESULTS = 'results.csv';
/** Directory levels below runs/ that may hold a results.csv. */
const MAX_DEPTH = 3;
/** The absolute path of the newest run directory, or null when there is none. Symlinks are not followed. */
async function findLatestRun(cwd) {
    const found = [];
    await walk((0,external_node_path_.resolve)(cwd, 'runs'), 0, found);
    let newest = null;
    for (const f of found) {
        if (!newest || f.mtimeMs > newest.mtimeMs || (f.mtimeMs === newest.mtimeMs && f.dir > newest.dir))
            newest = f;
    }
    return newest?.dir ?? null;
}
async function walk(dir, depth, found) {
    let entries;
    try {
        entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    }
    catch {
        return; // missing or unreadable: nothing to find here
    }
    await Promise.all(entries.map(async (e) => {
        const path = (0,external_node_path_.join)(dir, e.name);
        if (depth > 0 && e.isFile() && e.name === RESULTS) {
            const info = await (0,promises_.stat)(path).catch(() => null);
            if (info)
                found.push({ dir, mtimeMs: info.mtimeMs });
        }
        else if (e.isDirectory() && depth < MAX_DEPTH) {
            await walk(path, depth + 1, found);
        }
    }));
}

// EXTERNAL MODULE: ./build/src/rundir/fitness.js
var rundir_fitness = __webpack_require__(14);
// EXTERNAL MODULE: ./build/src/rundir/results-csv.js + 1 modules
var results_csv = __webpack_require__(2012);
// EXTERNAL MODULE: ./build/src/rundir/weights.js
var weights = __webpack_require__(6503);
;// CONCATENATED MODULE: ./build/src/rundir/load-run.js
/**
 * The run-directory stage: from the inputs to one `RunPlan` holding everything the session sends.
 * Reads results.csv, args.yaml and the weights; picks the best epoch and the final mAP.
 */











/**
 * `live`: the trainer is still writing the run directory. results.csv is read up to its last whole
 * line (a torn line waits for the next read) and may be missing or hold no epoch yet; weights may be
 * missing. Nothing of that is an error or a warning while the training runs.
 */
async function loadRun(inputs, log, opts = {}) {
    const runDir = await resolveRunDir(inputs, log);
    const csv = inputs.metrics ?? external_node_path_.join(runDir, 'results.csv');
    const metrics = opts.live ? await readLiveResults(csv) : await (0,results_csv/* readResultsCsv */.Zx)(csv);
    for (const s of opts.live ? [] : metrics.skipped) {
        log.warning(`Skipped line ${s.line} of ${metrics.path}: ${s.reason}`, { file: metrics.path, startLine: s.line });
    }
    if (!opts.live && metrics.nonFinite.length > 0) {
        const first = metrics.nonFinite[0];
        log.warning(`${metrics.nonFinite.length} non-finite value(s) in ${metrics.path} (first: ${first.column} = ${first.text} on line ${first.line}); they are sent as null.`, { file: metrics.path, startLine: first.line });
    }
    const args = await (0,args_yaml/* readTrainArgs */.mc)(inputs.args ?? external_node_path_.join(runDir, 'args.yaml'), { explicit: inputs.args !== null });
    const weights = await findWeights(opts.live ? { ...inputs, ifNoFilesFound: 'ignore' } : inputs, runDir, opts.live ? quiet(log) : log);
    const meta = await firstMeta([weights.final, weights.checkpoint]);
    const rule = (0,rundir_fitness/* fitnessRuleFor */.ei)(metrics, meta?.version);
    const fitness = metrics.rows.map((r) => (0,rundir_fitness/* fitnessOf */.Oj)(r, metrics.columns, rule));
    const best = (0,rundir_fitness/* bestEpoch */.or)(metrics, rule);
    const lastEpoch = metrics.rows.length > 0 ? metrics.rows[metrics.rows.length - 1].epoch : 0;
    if (!opts.live && inputs.epoch !== null && inputs.epoch > lastEpoch) {
        log.warning(`Input epoch ${inputs.epoch} is past the last epoch in ${metrics.path} (${lastEpoch}).`);
    }
    return {
        runDir,
        metrics,
        args,
        rule,
        fitness,
        bestSoFar: (0,rundir_fitness/* runningBestFitness */.Iu)(metrics, rule),
        best,
        finalEpoch: inputs.epoch ?? lastEpoch,
        map: inputs.map ?? best?.map ?? null,
        wireMap: inputs.map ?? boxMap(metrics, best) ?? 0,
        mapColumn: (0,rundir_fitness/* mapColumn */.X)(metrics.columns),
        final: weights.final,
        checkpoint: weights.checkpoint,
        version: meta?.version,
        classNames: meta?.names ?? (await datasetNames(args, [inputs.workspace, runDir], log)),
    };
}
/** The metadata of the first of the files that has a readable one (best.pt, else last.pt). */
async function firstMeta(files) {
    let found = null;
    for (const f of files) {
        if (!f)
            continue;
        const meta = await (0,checkpoint/* readCheckpointMeta */.Y)(f.path);
        if (meta?.names)
            return meta;
        found ??= meta;
    }
    return found;
}
/** The best epoch's box mAP50-95 (YOLOv5: mAP_0.5:0.95, segment mAP_0.5:0.95(B)), or null when the run has none. */
function boxMap(metrics, best) {
    if (!best)
        return null;
    const row = metrics.rows.find((r) => r.epoch === best.epoch);
    if (!row)
        return null;
    for (const c of [rundir_fitness/* BOX_MAP */.N9, ...rundir_fitness/* V5_BOX_MAPS */.e6])
        if (row.metrics[c] != null)
            return row.metrics[c];
    return null;
}
/** A plan for a run that has not started yet: what a backend needs before any file exists. */
function emptyPlan(runDir) {
    return {
        runDir,
        metrics: { path: external_node_path_.join(runDir, 'results.csv'), era: 'current', columns: [], oneBased: true, rows: [], skipped: [], nonFinite: [] },
        args: null,
        rule: 'classic',
        fitness: [],
        bestSoFar: [],
        best: null,
        finalEpoch: 0,
        map: null,
        wireMap: 0,
        mapColumn: null,
        classNames: null,
    };
}
/** results.csv as far as the trainer finished writing it: whole lines only; none yet is an empty file, not an error. */
async function readLiveResults(file) {
    const empty = { ...emptyPlan(external_node_path_.dirname(file)).metrics, path: file };
    let bytes;
    try {
        bytes = await external_node_fs_.promises.readFile(file);
    }
    catch {
        return empty;
    }
    const whole = bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
    try {
        return (0,results_csv/* parseResultsCsv */.sE)(whole, file);
    }
    catch (err) {
        if (err instanceof rundir_errors/* RunDirError */.L)
            return empty; // a header without a row yet, or nothing at all
        throw err;
    }
}
/** A log for reads that repeat every few seconds: their details only in debug output. */
function quiet(log) {
    return { ...log, info: (m) => log.debug(m), warning: (m) => log.debug(m) };
}
async function resolveRunDir(inputs, log) {
    if (inputs.runDir) {
        if (!external_node_fs_.existsSync(inputs.runDir)) {
            throw new errors/* InputError */.d('run-dir', `(${inputs.runDir}) does not exist. Point it at the training's save_dir, e.g. runs/detect/train.`);
        }
        return inputs.runDir;
    }
    if (inputs.metrics)
        return external_node_path_.dirname(inputs.metrics);
    const found = await findLatestRun(inputs.workspace);
    if (!found) {
        throw new errors/* InputError */.d('run-dir', `is not set and no runs/**/results.csv was found under ${inputs.workspace}. Set \`run-dir:\` to the training's save_dir (e.g. runs/detect/train).`);
    }
    log.info(`run-dir not set: using ${external_node_path_.relative(inputs.workspace, found) || '.'}, the run whose results.csv changed last.`);
    return found;
}
async function findWeights(inputs, runDir, log) {
    const patterns = inputs.weights ?? [external_node_path_.join(runDir, 'weights', '*.pt')];
    const paths = await (0,weights/* globWeights */.cV)(patterns.join('\n'));
    if (paths.length === 0) {
        const msg = `No weights matched ${patterns.join(', ')}.`;
        if (inputs.ifNoFilesFound === 'error') {
            throw new rundir_errors/* RunDirError */.L(`${msg} Check \`weights:\` (default <run-dir>/weights/*.pt), or set \`if-no-files-found: warn\` to send metrics only.`);
        }
        if (inputs.ifNoFilesFound === 'warn')
            log.warning(`${msg} Sending metrics only.`);
        else
            log.info(`${msg} Sending metrics only.`);
        return {};
    }
    assertInside(paths, inputs, patterns);
    const roles = await (0,weights/* assignRoles */.LF)(paths, { final: inputs.final, log });
    return { final: roles.final, checkpoint: roles.checkpoint };
}
/** Matches of patterns inside the workspace may not be links that lead out of it. */
function assertInside(files, inputs, patterns) {
    if (patterns.some((p) => !p.startsWith('!') && !isWithin(p, inputs.workspace)))
        return;
    const workspace = external_node_fs_.realpathSync(inputs.workspace);
    for (const file of files) {
        const real = external_node_fs_.realpathSync(file);
        if (!isWithin(real, workspace)) {
            throw new errors/* InputError */.d('weights', `matched ${file}, which leads outside the workspace (${real}). Give an absolute path if you mean that file.`);
        }
    }
}
function isWithin(p, dir) {
    const rel = external_node_path_.relative(dir, p);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_.isAbsolute(rel));
}


/***/ }),

/***/ 2012:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sE: () => (/* binding */ parseResultsCsv),
  Zx: () => (/* binding */ readResultsCsv)
});

// UNUSED EXPORTS: isLrColumn

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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
/** results.csv grows by ~300 bytes an epoch; anything this big is the wrong file. */
const MAX_BYTES = 64 * 1024 * 1024;
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
    return { path, era, columns, oneBased, rows, skipped, nonFinite, superseded };
}
async function readResultsCsv(path) {
    let size;
    try {
        const info = await (0,promises_.stat)(path);
        if (info.isDirectory()) {
            throw new errors/* RunDirError */.L(`\`metrics\` points at a directory, not at a file: ${path}; ${FIX_PATH}`, { file: path });
        }
        size = info.size;
    }
    catch (err) {
        if (err instanceof errors/* RunDirError */.L)
            throw err;
        if ((0,errors/* errnoCode */.U)(err) === 'ENOENT') {
            throw new errors/* RunDirError */.L(`metrics file not found: ${path}. Check the \`metrics\` input: ${FIX_PATH}, ` +
                'and run after training has finished its first epoch', { file: path, cause: err });
        }
        throw new errors/* RunDirError */.L(`cannot read metrics file ${path}: ${err.message}`, { file: path, cause: err });
    }
    if (size > MAX_BYTES) {
        throw new errors/* RunDirError */.L(`${path} is ${(size / 2 ** 20).toFixed(0)} MiB, far too big for a results.csv; ${FIX_PATH}`, {
            file: path,
        });
    }
    return parseResultsCsv(await (0,promises_.readFile)(path), path);
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9843);
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
    if (last.length > 0)
        roles.checkpoint = await weightFile(single(last, 'checkpoint'), 'checkpoint');
    return roles;
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RunDirError */ .L(`\`weights\` matched ${paths.length} files for the ${role} (${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(paths[0])}): ` +
        `${paths.join(', ')}; ${NARROW}`, { file: paths[0] });
}
async function weightFile(path, role) {
    try {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path);
        return { path, name: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path), role, bytes: info.size };
    }
    catch (err) {
        const why = (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errnoCode */ .U)(err) === 'ENOENT' ? 'it no longer exists' : err.message;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RunDirError */ .L(`cannot read weights file ${path}: ${why}`, { file: path, cause: err });
    }
}


/***/ }),

/***/ 5499:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n0: () => (/* binding */ createBackend),
  jw: () => (/* binding */ createSession),
  oO: () => (/* binding */ createTransport)
});

// EXTERNAL MODULE: ./build/src/transport/http.js + 8 modules
var http = __webpack_require__(9805);
// EXTERNAL MODULE: ./build/src/version.js
var version = __webpack_require__(8009);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./build/src/session/state-file.js
/**
 * What already arrived, kept in the run directory (`.ultralytics-sync.json`), so that a re-run of a
 * failed job sends only what is missing: it continues the same model or run, skips acknowledged
 * epochs and log chunks, and does not re-send a file whose sha256 already arrived.
 *
 * It holds no secret: ids, epoch numbers, sizes and digests only. Writes are atomic (temp + rename).
 */


const STATE_FILE_NAME = '.ultralytics-sync.json';
class StateFile {
    file;
    state;
    writable;
    constructor(file, state, writable) {
        this.file = file;
        this.state = state;
        this.writable = writable;
    }
    /** Reads the state for `scope`; a missing file, another scope or a damaged file start empty. */
    static load(runDir, scope, opts) {
        const file = external_node_path_.join(runDir, STATE_FILE_NAME);
        const empty = { version: 1, scope, epochs: [], consoleChunks: 0, uploads: [] };
        let state = empty;
        try {
            const parsed = JSON.parse(external_node_fs_.readFileSync(file, 'utf8'));
            if (parsed?.version === 1 && parsed.scope === scope && Array.isArray(parsed.epochs)) {
                state = { ...empty, ...parsed };
            }
            else if (parsed?.scope && parsed.scope !== scope) {
                opts.warn(`${file} belongs to another target (${parsed.scope}); starting afresh for ${scope}.`);
            }
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                opts.warn(`${file} could not be read (${err.message}); starting afresh.`);
            }
        }
        return new StateFile(file, state, opts.writable);
    }
    get saved() {
        return this.state;
    }
    /** Applies a change and persists it before returning. */
    async update(change) {
        change(this.state);
        if (!this.writable)
            return;
        const tmp = `${this.file}.${process.pid}.tmp`;
        await external_node_fs_.promises.writeFile(tmp, JSON.stringify(this.state, null, 1) + '\n');
        await external_node_fs_.promises.rename(tmp, this.file);
    }
    /** For signal handlers: persists synchronously. */
    flushSync() {
        if (!this.writable)
            return;
        const tmp = `${this.file}.${process.pid}.tmp`;
        external_node_fs_.writeFileSync(tmp, JSON.stringify(this.state, null, 1) + '\n');
        external_node_fs_.renameSync(tmp, this.file);
    }
}

;// CONCATENATED MODULE: ./build/src/session/setup.js



/** `live`: for the watcher, which lives long beside a training and uploads seldom: no hashing thread. */
function createTransport(inputs, log, opts = {}) {
    return new http/* Transport */.o({
        hashInWorker: !opts.live,
        log,
        userAgent: `ultralytics-sync/${version/* VERSION */.x} node/${process.versions.node}`,
        timeoutMs: inputs.requestTimeoutMs,
        retry: { attempts: 8, baseMs: 500, capMs: 30_000, budgetMs: 300_000 },
        stallMs: inputs.stallTimeoutMs,
    });
}
/** Only the chosen backend's module is loaded. */
async function createBackend(inputs, plan, transport, log, env) {
    return inputs.backend === 'hub'
        ? new (await __webpack_require__.e(/* import() */ 109).then(__webpack_require__.bind(__webpack_require__, 2109))).HubBackend(transport, inputs, plan, log)
        : new (await __webpack_require__.e(/* import() */ 441).then(__webpack_require__.bind(__webpack_require__, 7441))).PlatformBackend(transport, inputs, plan, log, env);
}
/** The session for one run: its backend and the state file of the same backend, server and target. */
async function createSession(inputs, plan, log, env, opts = {}) {
    const transport = createTransport(inputs, log, opts);
    // Files will go up: the hashing thread starts now, beside the requests that come first.
    if (!inputs.dryRun && (plan.final || plan.checkpoint))
        transport.prepareUploads();
    const backend = await createBackend(inputs, plan, transport, log, env);
    const state = StateFile.load(plan.runDir, `${inputs.backend} ${inputs.apiUrl} ${backend.target}`, {
        writable: !inputs.dryRun,
        warn: (m) => log.warning(m),
    });
    return { inputs, plan, backend, state, log };
}


/***/ }),

/***/ 5460:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dh: () => (/* binding */ socketDetail),
/* harmony export */   HJ: () => (/* binding */ quoteReply),
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   YC: () => (/* binding */ statusDetail),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   tZ: () => (/* binding */ OwnCodes)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/**
 * The one error type the transport throws for a request that did not succeed, and the helpers
 * that make its message readable: the server's reply quoted and cut, socket codes in words.
 */

/** Codes of the failures the transport detects itself (no socket or server error behind them). */
const OwnCodes = {
    /** The per-attempt deadline passed before the last byte of the answer. */
    deadline: 'UL_DEADLINE',
    /** An upload moved no byte for `stallMs`. */
    stall: 'UL_STALL',
    /** The file changed on disk while it was sent. */
    torn: 'UL_TORN',
    /** A 2xx answer whose body is not JSON (a proxy's HTML page). */
    notJson: 'UL_NOT_JSON',
    /** The rate-limit window stays closed for longer than the retry budget. */
    rateLimit: 'UL_RATE_LIMIT',
};
class HttpError extends Error {
    what;
    detail;
    status;
    /** Socket error code (`ECONNRESET`) or one of {@link OwnCodes}. */
    code;
    /** Retrying cannot help (a 4xx answer, a refused redirect, an unreadable file). */
    permanent;
    /** The server may have acted on the request although it failed (a non-idempotent POST). */
    ambiguous;
    /** The server's reply, quoted and cut. */
    reply;
    attempts;
    constructor(f) {
        super(`${f.what}: ${f.detail}`);
        this.name = 'HttpError';
        this.what = f.what;
        this.detail = f.detail;
        this.status = f.status;
        this.code = f.code;
        this.reply = f.reply;
        this.permanent = f.permanent;
        this.ambiguous = f.ambiguous;
        this.attempts = f.attempts ?? 1;
    }
}
/** `HTTP 503 Service Unavailable: "reply"` (the reply part only when there is one). */
function statusDetail(status, reply) {
    const text = node_http__WEBPACK_IMPORTED_MODULE_0__.STATUS_CODES[status] ?? 'Unknown Status';
    return `HTTP ${status} ${text}${reply ? `: "${reply}"` : ''}`;
}
const SOCKET_WORDS = {
    ECONNRESET: 'connection reset',
    ECONNREFUSED: 'connection refused',
    ECONNABORTED: 'connection aborted',
    ETIMEDOUT: 'connection timed out',
    EPIPE: 'connection closed while sending',
    ENOTFOUND: 'host not found (check the URL)',
    EAI_AGAIN: 'DNS lookup failed',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
};
/** A socket error in words: `connection reset (ECONNRESET)`. Query strings are cut from Node's text. */
function socketDetail(code, message) {
    if (code && SOCKET_WORDS[code])
        return `${SOCKET_WORDS[code]} (${code})`;
    if (code?.startsWith('UND_ERR_'))
        return `connection error (${code})`;
    const text = message.replace(/\?\S*/g, '?…');
    return code && !text.includes(code) ? `${text} (${code})` : text;
}
const REPLY_FIELDS = ['error', 'message', 'detail'];
/** The most telling text of a reply: a JSON `error`/`message`/`detail` field when there is one. */
function replyText(text) {
    try {
        const parsed = JSON.parse(text);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
            for (const key of REPLY_FIELDS) {
                const v = parsed[key];
                if (typeof v === 'string' && v.trim())
                    return v;
                if (v && typeof v === 'object')
                    return JSON.stringify(v);
            }
        }
    }
    catch {
        // Not JSON: quote the text itself.
    }
    return text;
}
/**
 * A server reply fit for one log line: the JSON error field when there is one, control characters
 * dropped, whitespace collapsed, cut to `max` characters with `…`.
 */
function quoteReply(body, max = 300) {
    const raw = typeof body === 'string' ? body : body.toString('utf8');
    const clean = replyText(raw).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
    return clean.length > max ? `${clean.slice(0, Math.max(0, max - 1))}…` : clean;
}
/** `0.2 s`, `2.5 s`, `41 s`: seconds for messages. */
function seconds(ms) {
    const s = ms / 1000;
    return s >= 10 ? `${Math.round(s)} s` : `${Math.round(s * 10) / 10} s`;
}


/***/ }),

/***/ 9805:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o: () => (/* binding */ Transport),
  E: () => (/* binding */ isSignedUrl)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: ./build/src/transport/errors.js
var errors = __webpack_require__(5460);
;// CONCATENATED MODULE: ./build/src/transport/retry.js

/**
 * Wait before the next try after `attempt` failed tries (1 = the first failed): a uniform random
 * share (`random()` in [0, 1)) of `baseMs · 2^(attempt-1)`, capped at `capMs`.
 */
function retryDelayMs(attempt, policy, random) {
    // Equal jitter: half of the exponential ceiling is always waited, so a short outage cannot use up
    // the tries in near-zero waits; the random half still spreads clients apart.
    const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
function firstValue(value) {
    const v = Array.isArray(value) ? value[0] : value;
    return v?.trim() || undefined;
}
/** `Retry-After` (delay in seconds, or an HTTP date) as milliseconds from `now`; null when absent or unreadable. */
function parseRetryAfter(value, now) {
    const v = firstValue(value);
    if (v === undefined)
        return null;
    if (/^\d+(\.\d+)?$/.test(v))
        return Math.round(Number(v) * 1000);
    const at = Date.parse(v);
    return Number.isNaN(at) ? null : Math.max(0, at - now);
}
/** Numbers above these are epoch times; a smaller number is a delay in seconds. */
const EPOCH_MS_FROM = 1e12;
const EPOCH_S_FROM = 1e9;
/**
 * `X-RateLimit-Reset` as milliseconds to wait from `now`: epoch seconds, epoch milliseconds,
 * an ISO-8601 time, or (a small number) a delay in seconds. Null when absent or unreadable.
 */
function parseRateLimitReset(value, now) {
    const v = firstValue(value);
    if (v === undefined)
        return null;
    if (/^\d+(\.\d+)?$/.test(v)) {
        const n = Number(v);
        const at = n >= EPOCH_MS_FROM ? n : n >= EPOCH_S_FROM ? n * 1000 : now + n * 1000;
        return Math.max(0, Math.round(at - now));
    }
    const at = Date.parse(v);
    return Number.isNaN(at) ? null : Math.max(0, at - now);
}
const RETRIABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
function isRetriableStatus(status) {
    return RETRIABLE_STATUSES.has(status);
}
/** Every other error status: 400, 401, 403, 404, 409, 413, 422, 501 … */
function isPermanentStatus(status) {
    return status >= 400 && !RETRIABLE_STATUSES.has(status);
}
const RETRIABLE_CODES = new Set([
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    errors/* OwnCodes */.tZ.deadline,
    errors/* OwnCodes */.tZ.stall,
]);
function isRetriableSocketError(code) {
    return code !== undefined && (RETRIABLE_CODES.has(code) || code.startsWith('UND_ERR_'));
}
/**
 * Failures that leave no doubt the request was not acted on: nothing reached the server, it said
 * "not now" (429, 503), or it did not receive the request in time (408), as the real clients assume.
 */
const NOT_ACTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const NOT_ACTED_STATUSES = new Set([408, 429, 503]);
/** Whether a non-idempotent request may be retried after this failure. */
function serverCannotHaveActed(f) {
    return f.status !== undefined ? NOT_ACTED_STATUSES.has(f.status) : f.code !== undefined && NOT_ACTED_CODES.has(f.code);
}

// EXTERNAL MODULE: ./build/src/transport/url-safety.js
var url_safety = __webpack_require__(1917);
;// CONCATENATED MODULE: ./build/src/transport/attempt.js



/** Retry-After on any answer; X-RateLimit-Reset on a 429 (other answers carry it as information). */
function serverWait(ex, now) {
    const retryAfter = parseRetryAfter(ex.headers['retry-after'], now);
    if (retryAfter !== null)
        return retryAfter;
    if (ex.status === 429)
        return parseRateLimitReset(ex.headers['x-ratelimit-reset'], now) ?? undefined;
    return undefined;
}
function redactLocation(location, base) {
    try {
        return (0,url_safety/* redactUrl */.BO)(new URL(location, base));
    }
    catch {
        return 'an invalid URL';
    }
}
/** An answer outside 2xx. */
function statusFailure(ex, url, now) {
    const reply = (0,errors/* quoteReply */.HJ)(ex.body);
    let detail = (0,errors/* statusDetail */.YC)(ex.status, reply);
    const location = ex.headers.location;
    if (ex.status >= 300 && ex.status < 400 && location) {
        detail += ` (a redirect to ${redactLocation(location, url)}, which is not followed: use the final URL)`;
    }
    return { detail, retriable: isRetriableStatus(ex.status), status: ex.status, reply, waitMs: serverWait(ex, now) };
}
/** A 2xx answer that should have been JSON and is not (typically a proxy's HTML page). */
function notJsonFailure(ex) {
    const reply = (0,errors/* quoteReply */.HJ)(ex.body, 120);
    return {
        detail: `${(0,errors/* statusDetail */.YC)(ex.status, '')} but the answer is not JSON: "${reply}"`,
        retriable: true,
        status: ex.status,
        code: errors/* OwnCodes */.tZ.notJson,
        reply,
    };
}
/** A thrown socket, DNS or TLS error. */
function errorFailure(err) {
    const e = err;
    const code = typeof e?.code === 'string' ? e.code : undefined;
    const message = typeof e?.message === 'string' ? e.message : String(err);
    return { detail: (0,errors/* socketDetail */.Dh)(code, message), retriable: isRetriableSocketError(code), code };
}
function deadlineFailure(ms) {
    return { detail: `no complete answer within ${(0,errors/* seconds */.YA)(ms)}`, retriable: true, code: errors/* OwnCodes */.tZ.deadline };
}
function stallFailure(ms, what = 'upload') {
    return { detail: `the ${what} stalled: no byte moved for ${(0,errors/* seconds */.YA)(ms)}`, retriable: true, code: errors/* OwnCodes */.tZ.stall };
}
function tornFailure(name) {
    return { detail: `${name} changed while it was uploaded (training still writing it?)`, retriable: true, code: errors/* OwnCodes */.tZ.torn };
}
function readFailure(name, err) {
    const e = err;
    const code = typeof e?.code === 'string' ? e.code : undefined;
    return { detail: `cannot read ${name} (${code ?? String(e?.message ?? err)}): check the path and that the file is readable`, retriable: false, code };
}
/** Ends a try through its AbortSignal: the first failure given wins and becomes the try's outcome. */
class AttemptGuard {
    controller = new AbortController();
    timers = [];
    get signal() {
        return this.controller.signal;
    }
    /** The failure that ended the try, if the guard ended it. */
    get failure() {
        return this.signal.aborted ? this.signal.reason : undefined;
    }
    fail(f) {
        if (!this.signal.aborted)
            this.controller.abort(f);
    }
    /** Fails the try with `f` when `ms` have passed. */
    deadline(ms, f) {
        this.timers.push(setTimeout(() => this.fail(f), ms));
    }
    /** Fails the try with `f` when the returned kick was not called for `ms`. */
    watchdog(ms, f) {
        const timer = setTimeout(() => this.fail(f), ms);
        this.timers.push(timer);
        return () => void timer.refresh();
    }
    /** Stops the timers; `cancel` also aborts a try that is still sending (its outcome is already known). */
    dispose(cancel) {
        for (const t of this.timers)
            clearTimeout(t);
        if (cancel)
            this.fail({ detail: 'cancelled', retriable: false });
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_http_, 2);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_https_, 2);
;// CONCATENATED MODULE: ./build/src/transport/exchange.js
/**
 * One attempt of one request through @actions/http-client: send the body, read the whole answer.
 * The client's keep-alive agent (and its proxy support) carries the request; redirects are not
 * followed and nothing is retried here. A streamed body writes itself into the request, so it
 * owns its buffers and its pace (see file-body.ts). An AbortSignal cuts the attempt short at any
 * point (deadline, stall, torn file): it destroys the request and its socket.
 */


function requestInfo(client, r) {
    const secure = r.url.protocol === 'https:';
    return {
        parsedUrl: r.url,
        httpModule: secure ? external_node_https_namespaceObject : external_node_http_namespaceObject,
        options: {
            host: r.url.hostname.replace(/^\[(.*)\]$/, '$1'),
            port: r.url.port ? Number(r.url.port) : secure ? 443 : 80,
            path: r.url.pathname + r.url.search,
            method: r.method,
            headers: r.headers,
            agent: client.getAgent(r.url.href),
            signal: r.signal,
        },
    };
}
function readAnswer(msg, max, onBytes) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        msg.on('data', (chunk) => {
            onBytes?.();
            size += chunk.length;
            if (size > max)
                msg.destroy(new Error(`the answer is larger than ${max} bytes`));
            else
                chunks.push(chunk);
        });
        msg.once('end', () => resolve(Buffer.concat(chunks)));
        msg.once('error', reject);
        msg.once('close', () => {
            if (!msg.complete)
                reject(Object.assign(new Error('connection closed before the end of the answer'), { code: 'ECONNRESET' }));
        });
    });
}
/**
 * The client pipes a stream body into the request (`body.pipe(req)`) and ends the request when the
 * stream closes. This source's pipe hands the request to the streamed body, which ends it itself
 * once complete, as pipe does, and never closes early.
 */
function pipeSource(body) {
    const source = {
        pipe: (req) => {
            body.writeTo(req);
            return req;
        },
        on: () => source,
    };
    return source;
}
async function exchange(client, r) {
    const payload = r.body === null || typeof r.body === 'string' ? r.body : pipeSource(r.body);
    const response = await client.requestRaw(requestInfo(client, r), payload);
    r.onAnswerBytes?.();
    const status = response.message.statusCode ?? 0;
    if (r.sink && status >= 200 && status < 300) {
        await r.sink(response.message);
        return { status, headers: response.message.headers, body: Buffer.alloc(0) };
    }
    const body = await readAnswer(response.message, r.maxAnswerBytes, r.onAnswerBytes);
    return { status, headers: response.message.headers, body };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./build/src/transport/file-body.js
/**
 * The body of one upload attempt, written straight into the request: the multipart head (may be
 * empty), the file, then the tail. Memory stays constant whatever the file size: the file is read
 * into a small ring of slices that are reused, each one only once the socket has taken its bytes
 * and the hash has taken them too, so nothing waits for the garbage collector. The SHA-256 of the
 * file bytes is computed from the same slices on another thread (hasher.ts) while this one sends,
 * and a file that is not exactly as long as its stat said (training still writing it) fails the
 * attempt.
 *
 * Reads are synchronous, as curl's are: a slice comes from the page cache in microseconds, and the
 * socket's buffers keep the connection busy meanwhile. The process has nothing else to do while
 * it uploads.
 */

/**
 * Large enough to keep syscalls and hand-overs between the threads few (each wake-up of the other
 * thread crosses cores), small enough that a slice is still in the CPU's cache when it is hashed.
 * Measured on 2 cores against 256 KiB × 16 and 512 KiB × 8: the least CPU per GiB and the fastest.
 */
const SLICE_BYTES = 1024 * 1024;
/** Slices in the ring: 8 MiB shared by the socket (on top of what the kernel buffers) and the hash. */
const RING = 8;
/** The file on disk is no longer the file that was stat'ed before the attempt. */
class FileChangedError extends Error {
}
function fileBody(o) {
    return new FileSender(o);
}
class FileSender {
    o;
    ended = false;
    fd;
    req;
    stopped = false;
    job;
    digest;
    /** File bytes read (and handed to the socket), and slices read. */
    read = 0;
    slices = 0;
    inFlight = 0;
    /** Slots the socket still holds. */
    busy;
    waitingForHash = false;
    constructor(o) {
        this.o = o;
        const slice = Math.max(1, Math.min(SLICE_BYTES, o.size));
        const ring = Math.max(1, Math.min(RING, Math.ceil(o.size / slice)));
        this.job = o.hasher.job(ring, slice);
        this.busy = new Array(ring).fill(false);
    }
    sha256() {
        return this.digest;
    }
    writeTo(req) {
        this.req = req;
        this.guarded(() => {
            this.fd = (0,external_node_fs_.openSync)(this.o.file, 'r');
            if (this.o.head.length > 0)
                req.write(this.o.head);
            this.o.onSent(0);
            this.pump();
        });
    }
    close() {
        this.stopped = true;
        this.closeFile();
        if (!this.digest)
            this.job.abort();
    }
    /**
     * Reads and writes slices while the ring has one the socket gave back and the hash is done
     * with; then waits for the socket (its write callback) or the hash (a promise), whichever
     * holds the next slot.
     */
    pump() {
        const { size } = this.o;
        const ring = this.job.slots.length;
        while (!this.stopped && !this.waitingForHash && this.read < size) {
            const k = this.slices;
            const slot = k % ring;
            if (this.busy[slot])
                return;
            // Waiting for the hash frees half the ring at once, so that a wake-up is rare.
            const hashed = k >= ring ? this.job.hashed(Math.min(k - ring + 1 + (ring >> 1), k)) : undefined;
            if (hashed) {
                this.waitingForHash = true;
                hashed.then(() => {
                    this.waitingForHash = false;
                    if (!this.stopped)
                        this.guarded(() => this.pump());
                }, (err) => this.guarded(() => { throw err; }));
                return;
            }
            const buf = this.job.slots[slot];
            const n = (0,external_node_fs_.readSync)(this.fd, buf, 0, Math.min(buf.length, size - this.read), this.read);
            if (n === 0)
                throw new FileChangedError(`ended after ${this.read} of ${size} bytes`);
            this.job.publish(k, n);
            this.slices++;
            this.read += n;
            const upTo = this.read;
            this.busy[slot] = true;
            this.inFlight++;
            this.req.write(buf.subarray(0, n), (err) => this.taken(slot, upTo, err));
        }
        if (this.read === size && this.inFlight === 0 && !this.ended)
            this.finish();
    }
    /** The socket took a slice (or the request failed: the exchange reports that). */
    taken(slot, upTo, err) {
        this.inFlight--;
        if (this.stopped)
            return;
        if (err)
            return this.close();
        this.busy[slot] = false;
        this.o.onSent(upTo);
        this.guarded(() => this.pump());
    }
    /** Every file byte went: refuse a file that grew meanwhile, then send the tail. */
    finish() {
        if ((0,external_node_fs_.readSync)(this.fd, Buffer.alloc(1), 0, 1, this.o.size) > 0) {
            throw new FileChangedError(`grew beyond ${this.o.size} bytes while it was read`);
        }
        this.closeFile();
        this.digest = this.job.end();
        // Read by the transport once the answer is in; a hash that failed meanwhile fails the attempt there.
        this.digest.catch(() => undefined);
        this.ended = true;
        this.req.end(this.o.tail, () => this.o.onSent(this.o.size));
    }
    closeFile() {
        if (this.fd !== undefined)
            (0,external_node_fs_.closeSync)(this.fd);
        this.fd = undefined;
    }
    guarded(step) {
        try {
            step();
        }
        catch (err) {
            if (this.stopped)
                return;
            this.close();
            this.o.onFail(err);
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./build/src/transport/file-sink.js
/**
 * The file end of a download: the answer's bytes go to `<dest>.part` as they arrive, hashed on the
 * way, and the file gets its name only once it is whole. Memory stays constant whatever the size:
 * each chunk the socket delivers is written (synchronously, as file-body.ts reads) before the next
 * one is taken, so the socket's own flow control holds the sender back.
 *
 * One sink lives across all tries of a download. A try that breaks off leaves the bytes it wrote;
 * the next try asks for the rest (`Range`, with `If-Range` so a file that changed on the server
 * comes whole instead of being spliced), and the hash goes on from where it stopped. A server that
 * answers 200 instead of 206 sends the whole file again, and the sink starts over.
 */



/** A failure the sink found in the answer (its head or its length), to end the try with. */
class SinkError extends Error {
    failure;
    constructor(failure) {
        super(failure.detail);
        this.failure = failure;
    }
}
/** `bytes 100-199/1000` → {start: 100, end: 199, total: 1000}; total undefined for `*`. */
function parseContentRange(value) {
    const m = /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(value ?? '');
    if (!m)
        return undefined;
    const [start, end] = [Number(m[1]), Number(m[2])];
    if (end < start)
        return undefined;
    return { start, end, total: m[3] === '*' ? undefined : Number(m[3]) };
}
/** A validator If-Range may carry: a strong ETag (a weak one cannot validate a range), else Last-Modified. */
function validatorOf(headers) {
    const etag = headers.etag?.trim();
    if (etag && !etag.startsWith('W/'))
        return etag;
    return headers['last-modified']?.trim() || undefined;
}
function contentLength(headers) {
    const v = headers['content-length'];
    return v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined;
}
class FileSink {
    dest;
    part;
    /** File bytes written so far (and hashed). */
    written = 0;
    /** Size of the whole file, once the server said it. */
    total;
    /** Bytes a try did not fetch again because it continued at an offset. */
    resumed = 0;
    hash = (0,external_node_crypto_.createHash)('sha256');
    validator;
    constructor(dest) {
        this.dest = dest;
        this.part = `${dest}.part`;
    }
    /** Headers for the next try: continue at `written` when there is something to continue and a validator. */
    rangeHeaders() {
        if (this.written === 0 || !this.validator)
            return {};
        return { Range: `bytes=${this.written}-`, 'If-Range': this.validator };
    }
    /** Forgets the bytes so far: the next try fetches the whole file. */
    restart() {
        this.written = 0;
        this.total = undefined;
        this.validator = undefined;
        this.hash = (0,external_node_crypto_.createHash)('sha256');
    }
    /** Writes a 2xx answer's body into the part file; `onBytes` after each chunk. Rejects with SinkError or the socket's error. */
    async receive(answer, onBytes) {
        try {
            this.begin(answer.statusCode ?? 0, answer.headers);
        }
        catch (err) {
            answer.destroy(); // the body is not wanted: do not leave it on a kept-alive socket
            throw err;
        }
        let fd;
        try {
            fd = (0,external_node_fs_.openSync)(this.part, this.written > 0 ? 'r+' : 'w');
            if (this.written > 0)
                (0,external_node_fs_.ftruncateSync)(fd, this.written); // drop what a broken write may have left past it
        }
        catch (err) {
            answer.destroy();
            throw new SinkError(writeFailure(this.part, err));
        }
        try {
            await new Promise((resolve, reject) => {
                answer.on('data', (chunk) => {
                    try {
                        for (let done = 0; done < chunk.length;)
                            done += (0,external_node_fs_.writeSync)(fd, chunk, done, chunk.length - done, this.written + done);
                    }
                    catch (err) {
                        answer.destroy();
                        reject(new SinkError(writeFailure(this.part, err)));
                        return;
                    }
                    this.hash.update(chunk);
                    this.written += chunk.length;
                    onBytes(this.written);
                });
                answer.once('end', resolve);
                answer.once('error', reject);
                answer.once('close', () => {
                    if (!answer.complete)
                        reject(Object.assign(new Error('connection closed before the end of the file'), { code: 'ECONNRESET' }));
                });
            });
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        if (this.total !== undefined && this.written !== this.total) {
            throw new SinkError({ detail: `the file ended after ${this.written} of ${this.total} bytes`, retriable: true });
        }
    }
    /** The whole file got its name: returns its sha256. */
    finish() {
        (0,external_node_fs_.renameSync)(this.part, this.dest);
        return this.hash.digest('hex');
    }
    /** Removes the part file (the download gave up). */
    discard() {
        (0,external_node_fs_.rmSync)(this.part, { force: true });
    }
    /** Where this answer's body goes: on after `written` (206 at that offset) or from the start (200). */
    begin(status, headers) {
        if (status === 206) {
            const range = parseContentRange(headers['content-range']);
            if (!range || range.start !== this.written || this.written === 0) {
                const asked = this.written;
                this.restart();
                throw new SinkError({
                    detail: `the server sent ${headers['content-range'] ?? 'a 206 without Content-Range'} when byte ${asked} was asked for; fetching the whole file`,
                    retriable: true,
                });
            }
            this.resumed += range.start;
            if (range.total !== undefined)
                this.total = range.total;
            return;
        }
        this.restart();
        this.validator = validatorOf(headers);
        this.total = contentLength(headers);
    }
}
function writeFailure(file, err) {
    const code = err?.code;
    const why = typeof code === 'string' ? code : String(err?.message ?? err);
    const hint = code === 'ENOSPC' ? 'free some disk space' : 'check that the directory exists and is writable';
    return {
        detail: `cannot write ${(0,external_node_path_.basename)(file)} in ${(0,external_node_path_.dirname)(file)} (${why}): ${hint}`,
        retriable: false,
        code: typeof code === 'string' ? code : undefined,
    };
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./build/src/transport/hasher.js
/**
 * SHA-256 off the event loop. An upload reads its file into a ring of slices in shared memory; the
 * socket sends a slice while a worker thread hashes the very same bytes, so the hash costs the
 * sending thread nothing and the two run on two cores. A slice is reused only once the socket has
 * taken it and the worker has hashed it, so memory stays at the ring's size whatever the file's.
 *
 * The two threads share counters, not messages: the main thread publishes a slice by raising
 * WRITTEN, the worker raises HASHED after each one. A message goes only when the main thread
 * waits for the hash (it set WANTED: the worker wakes it once HASHED reaches it; whichever thread
 * clears WANTED owns the wake-up, so none is lost), and for the digest. The
 * worker is started once per transport (ahead of the first upload when asked: `warm`), kept
 * across uploads and retries, and does not keep the process alive while idle. When a worker
 * cannot be started, the slices are hashed on the main thread as they are read, as before.
 */


/** Indexes into the control words. */
const WRITTEN = 0;
const HASHED = 1;
/** 0 while slices come, END once every slice is written (digest when hashed), ABORT. */
const STATE = 2;
/** Bumped on every change the worker must see (a slice, the end, an abort): the word it sleeps on. */
const SIGNAL = 3;
/** The HASHED count the main thread waits for; 0 when it does not wait. */
const WANTED = 4;
/** 1 while the worker sleeps (then a new slice must wake it); 0 while it hashes. */
const SLEEPING = 5;
const WORDS = 6;
/**
 * Unhashed bytes that make it worth waking a sleeping worker. A wake-up crosses cores (on a VM,
 * an interrupt to another virtual CPU), so one per slice would cost more than it saves.
 */
const WAKE_BYTES = 1024 * 1024;
const END = 1;
const ABORT = 2;
/**
 * The worker's source, as an ES module in a data: URL: nothing to bundle or find on disk, and
 * read as a module whatever flags the process was started with (`eval` source would follow
 * `--input-type`).
 */
const WORKER_SOURCE = `
import { parentPort } from 'node:worker_threads';
import { createHash } from 'node:crypto';
parentPort.on('message', ({ id, data, ctrl, lens, slice }) => {
  const c = new Int32Array(ctrl);
  const lengths = new Int32Array(lens);
  const ring = lengths.length;
  const hash = createHash('sha256');
  for (let k = 0; ; ) {
    const signal = Atomics.load(c, ${SIGNAL});
    if (k < Atomics.load(c, ${WRITTEN})) {
      const slot = k % ring;
      hash.update(new Uint8Array(data, slot * slice, lengths[slot]));
      Atomics.store(c, ${HASHED}, ++k);
      const wanted = Atomics.load(c, ${WANTED});
      if (wanted > 0 && k >= wanted && Atomics.compareExchange(c, ${WANTED}, wanted, 0) === wanted) parentPort.postMessage({ id, hashed: k });
      continue;
    }
    const state = Atomics.load(c, ${STATE});
    if (state === ${ABORT}) return parentPort.postMessage({ id });
    if (state === ${END}) return parentPort.postMessage({ id, digest: hash.digest('hex') });
    Atomics.store(c, ${SLEEPING}, 1);
    Atomics.wait(c, ${SIGNAL}, signal);
    Atomics.store(c, ${SLEEPING}, 0);
  }
});
`;
class InlineJob {
    slots;
    hash = (0,external_node_crypto_.createHash)('sha256');
    constructor(ring, slice) {
        this.slots = Array.from({ length: ring }, () => Buffer.allocUnsafe(slice));
    }
    publish(k, length) {
        this.hash.update(this.slots[k % this.slots.length].subarray(0, length));
    }
    hashed() {
        return undefined;
    }
    end() {
        return Promise.resolve(this.hash.digest('hex'));
    }
    abort() { }
}
class WorkerJob {
    hasher;
    sliceBytes;
    digest;
    slots;
    ctrl = new Int32Array(new SharedArrayBuffer(4 * WORDS));
    wake;
    lengths;
    done = false;
    constructor(hasher, id, worker, ring, sliceBytes, digest) {
        this.hasher = hasher;
        this.sliceBytes = sliceBytes;
        this.digest = digest;
        const slice = sliceBytes;
        const data = new SharedArrayBuffer(ring * slice);
        const lens = new SharedArrayBuffer(ring * 4);
        this.lengths = new Int32Array(lens);
        this.slots = Array.from({ length: ring }, (_, i) => Buffer.from(data, i * slice, slice));
        worker.postMessage({ id, data, ctrl: this.ctrl.buffer, lens, slice });
    }
    publish(k, length) {
        this.lengths[k % this.slots.length] = length;
        Atomics.store(this.ctrl, WRITTEN, k + 1);
        // A sleeping worker is woken once enough waits for it; a busy one finds the slice by itself.
        if (Atomics.load(this.ctrl, SLEEPING) === 1 && (k + 1 - Atomics.load(this.ctrl, HASHED)) * this.sliceBytes >= WAKE_BYTES)
            this.signal();
        else
            Atomics.add(this.ctrl, SIGNAL, 1);
    }
    hashed(k) {
        if (Atomics.load(this.ctrl, HASHED) >= k)
            return undefined;
        // Whatever was held back for a batch is needed now.
        this.signal();
        Atomics.store(this.ctrl, WANTED, k);
        // The worker may have got there meanwhile: then this thread clears WANTED, and no message comes.
        if (Atomics.load(this.ctrl, HASHED) >= k && Atomics.compareExchange(this.ctrl, WANTED, k, 0) === k)
            return undefined;
        return new Promise((resolve, reject) => (this.wake = { resolve, reject }));
    }
    /** The worker's answer to WANTED, or its death. */
    woken(err) {
        const wake = this.wake;
        this.wake = undefined;
        if (err)
            wake?.reject(err);
        else
            wake?.resolve();
    }
    async end() {
        this.finish(END);
        const digest = await this.digest;
        if (digest === undefined)
            throw new Error('the hashing thread stopped before the digest');
        return digest;
    }
    abort() {
        if (this.done)
            return;
        this.finish(ABORT);
        // The worker answers without a digest; nobody waits for it.
        this.digest.catch(() => undefined);
    }
    finish(state) {
        this.done = true;
        Atomics.store(this.ctrl, STATE, state);
        this.signal();
        this.hasher.released();
    }
    signal() {
        Atomics.add(this.ctrl, SIGNAL, 1);
        Atomics.notify(this.ctrl, SIGNAL);
    }
}
class Hasher {
    worker;
    /** true once a worker could not start, or when none is wanted: slices are hashed inline. */
    failed;
    nextId = 0;
    pending = new Map();
    active = 0;
    constructor(opts = { worker: true }) {
        this.failed = !opts.worker;
    }
    /** Starts the worker now, so that its start-up overlaps with whatever comes before the upload. */
    warm() {
        this.ensureWorker();
    }
    /** A job for one attempt's file, with a ring of `ring` slices of `slice` bytes. */
    job(ring, slice) {
        const worker = this.ensureWorker();
        if (!worker)
            return new InlineJob(ring, slice);
        const id = ++this.nextId;
        const entry = {
            resolve: () => undefined,
            reject: () => undefined,
        };
        const digest = new Promise((resolve, reject) => Object.assign(entry, { resolve, reject }));
        this.pending.set(id, entry);
        if (this.active++ === 0)
            worker.ref();
        entry.job = new WorkerJob(this, id, worker, ring, slice, digest);
        return entry.job;
    }
    /** A job no longer needs the worker to keep the process alive (its answer may still come). */
    released() {
        if (--this.active === 0 && this.pending.size === 0)
            this.worker?.unref();
    }
    /** Ends the worker; a digest still awaited fails. */
    dispose() {
        const worker = this.worker;
        this.lost(new Error('the transport was closed'));
        void worker?.terminate();
    }
    ensureWorker() {
        if (this.worker || this.failed)
            return this.worker;
        try {
            const worker = new external_node_worker_threads_.Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), { stdout: false, stderr: false });
            worker.on('message', (m) => {
                const p = this.pending.get(m.id);
                if (m.hashed !== undefined)
                    return p?.job?.woken();
                this.pending.delete(m.id);
                p?.resolve(m.digest);
                if (this.active === 0 && this.pending.size === 0)
                    worker.unref();
            });
            worker.on('error', (err) => this.lost(err));
            worker.on('exit', () => this.lost(new Error('the hashing thread exited')));
            worker.unref();
            this.worker = worker;
        }
        catch {
            this.failed = true;
        }
        return this.worker;
    }
    /** The worker died: every waiting digest fails (the attempt is retried); later jobs hash inline. */
    lost(err) {
        if (!this.worker)
            return;
        this.worker = undefined;
        this.failed = true;
        for (const p of this.pending.values()) {
            p.job?.woken(err);
            p.reject(err);
        }
        this.pending.clear();
    }
}

;// CONCATENATED MODULE: ./build/src/transport/multipart.js
/**
 * The framing of a multipart/form-data body exactly as Python `requests` (urllib3 2.x) encodes
 * `requests.post(url, data=fields, files={fileField: bytes})`: text fields in order, then one
 * file part without a Content-Type line. Only the head and tail are built; the file bytes are
 * streamed between them, so the body length is `head.length + fileSize + tail.length`.
 */

/** 32 lowercase hex characters, as urllib3's `choose_boundary()`. */
function randomBoundary() {
    return (0,external_node_crypto_.randomBytes)(16).toString('hex');
}
/** urllib3's `format_multipart_header_param`: `name="value"` with \n, \r and `"` percent-encoded. */
function param(name, value) {
    return `${name}="${value.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22')}"`;
}
function multipartFraming(fields, fileField, filename, boundary = randomBoundary()) {
    const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; ${param('name', name)}\r\n\r\n${value}\r\n`);
    const fileHead = `--${boundary}\r\nContent-Disposition: form-data; ${param('name', fileField)}; ${param('filename', filename)}\r\n\r\n`;
    return {
        contentType: `multipart/form-data; boundary=${boundary}`,
        head: Buffer.from(parts.join('') + fileHead, 'utf8'),
        tail: Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
    };
}

;// CONCATENATED MODULE: ./build/src/transport/pacer.js


const DEFAULT_MARGIN_MS = 50;
/** Waits longer than this are worth a log line. */
const NOTEWORTHY_WAIT_MS = 2000;
class Pacer {
    opts;
    windows = new Map();
    margin;
    constructor(opts) {
        this.opts = opts;
        this.margin = opts.marginMs ?? DEFAULT_MARGIN_MS;
    }
    /** Reads the rate-limit headers of a reply from the window `key` (an origin). */
    observe(key, headers) {
        const remainingText = [headers['x-ratelimit-remaining']].flat()[0];
        const remaining = remainingText === undefined ? NaN : Number.parseInt(remainingText, 10);
        const resetIn = parseRateLimitReset(headers['x-ratelimit-reset'], this.opts.now());
        if (Number.isNaN(remaining) && resetIn === null)
            return;
        const w = this.window(key);
        if (!Number.isNaN(remaining))
            w.remaining = remaining;
        if (resetIn !== null)
            w.resetAt = this.opts.now() + resetIn;
    }
    /**
     * After a 429: nothing more goes to `key` for `waitMs`. The 429's own wait (Retry-After) wins over
     * a reset time read from earlier replies, which told when the oldest request leaves the window,
     * not when the server will take the next one.
     */
    block(key, waitMs) {
        const w = this.window(key);
        w.remaining = 0;
        w.resetAt = this.opts.now() + waitMs;
    }
    /** How long the next request to `key` would have to wait. */
    holdMs(key) {
        const w = this.windows.get(key);
        if (w?.remaining === undefined || w.remaining > 0 || w.resetAt === undefined)
            return 0;
        return Math.max(0, w.resetAt + this.margin - this.opts.now());
    }
    /** Resolves when a request to `key` may go: at once, or after the window resets. */
    async wait(key) {
        const w = this.windows.get(key);
        if (!w || w.remaining === undefined)
            return;
        if (w.remaining > 0) {
            w.remaining -= 1;
            return;
        }
        const resetAt = w.resetAt;
        const delay = this.holdMs(key);
        if (delay > 0) {
            if (delay > NOTEWORTHY_WAIT_MS)
                this.opts.log.info(`rate limit: waiting ${(0,errors/* seconds */.YA)(delay)} for the window to reset`);
            await this.opts.sleep(delay);
        }
        // The window has reset: how many requests it allows is unknown until the next reply says so.
        if (w.resetAt === resetAt)
            w.remaining = undefined;
    }
    window(key) {
        let w = this.windows.get(key);
        if (!w)
            this.windows.set(key, (w = {}));
        return w;
    }
}

// EXTERNAL MODULE: ./build/src/transport/progress.js
var transport_progress = __webpack_require__(4379);
// EXTERNAL MODULE: ./build/src/transport/py-json.js
var py_json = __webpack_require__(9963);
;// CONCATENATED MODULE: ./build/src/transport/http.js
/**
 * The HTTP layer every backend talks through: JSON requests, streamed file uploads and downloads, each with
 * its retries (exponential backoff with jitter, Retry-After, rate-limit pacing, a time budget),
 * a deadline per try, for uploads a stall watchdog and torn-file detection, for downloads a stall
 * watchdog and a resume where the last try broke off. Built on
 * @actions/http-client, whose own retries are off: they skip POST, PUT and socket errors.
 */















/** Answers are read whole; none of ours comes near this. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
/** The client's idle socket timeout, a backstop only: our deadline and stall timers act first. */
const BACKSTOP_IDLE_MS = 30 * 60_000;
const EMPTY = Buffer.alloc(0);
/** Redirects one download try follows (a release asset goes to its storage URL, a short link to its file). */
const MAX_REDIRECTS = 5;
/** Query parameters that make a URL a credential in itself (signed storage URLs, tokens). */
const SIGNED_QUERY = /signature|^sig$|token|credential|^key$|^api_key$|x-amz-|x-goog-/i;
/** Whether `url` carries its own credential in its query: it must be masked, and needs no key. */
function isSignedUrl(url) {
    return [...url.searchParams.keys()].some((k) => SIGNED_QUERY.test(k));
}
function isSuccess(status) {
    return status >= 200 && status < 300;
}
/** The body as JSON; empty is null; undefined when it is not JSON. */
function parseJson(body) {
    const text = body.toString('utf8');
    if (text.trim() === '')
        return { value: null };
    try {
        return { value: JSON.parse(text) };
    }
    catch {
        return undefined;
    }
}
async function changedSince(file, before) {
    try {
        const after = await (0,promises_.stat)(file, { bigint: true });
        return after.size !== before.size || after.mtimeNs !== before.mtimeNs || after.ino !== before.ino || after.dev !== before.dev;
    }
    catch {
        return true;
    }
}
class Transport {
    opts;
    client;
    pacer;
    sleep;
    now;
    random;
    hasher;
    constructor(opts) {
        this.opts = opts;
        this.hasher = new Hasher({ worker: opts.hashInWorker ?? true });
        this.client = new lib/* HttpClient */.Qq(opts.userAgent, [], {
            allowRetries: false,
            keepAlive: true,
            allowRedirects: false,
            socketTimeout: BACKSTOP_IDLE_MS,
        });
        this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        this.now = opts.now ?? Date.now;
        this.random = opts.random ?? Math.random;
        this.pacer = new Pacer({ log: opts.log, sleep: this.sleep, now: this.now });
    }
    /** A JSON request; the answer's body parsed. Throws HttpError when it does not succeed. */
    async json(req) {
        const url = (0,url_safety/* assertSafeUrl */.jQ)(req.url, req.what);
        const payload = req.body === undefined ? null : (0,py_json/* pyJsonDumps */.dv)(req.body);
        const headers = { ...req.headers };
        if (payload !== null)
            headers['Content-Type'] = 'application/json';
        else if (req.emptyBody)
            headers['Content-Length'] = '0';
        const timeoutMs = req.timeoutMs ?? this.opts.timeoutMs;
        return this.withRetries(req, url, req.idempotent ?? true, (attempt) => this.jsonTry(req.method, url, headers, payload, timeoutMs, attempt));
    }
    /** Streams a file (raw or as a multipart form) with an exact Content-Length. Throws HttpError. */
    async upload(req) {
        const url = (0,url_safety/* assertSafeUrl */.jQ)(req.url, req.what);
        const framing = req.multipart
            ? multipartFraming(req.multipart.fields, req.multipart.fileField, req.multipart.filename)
            : undefined;
        return this.withRetries(req, url, true, (attempt) => this.uploadTry(req, url, framing, attempt));
    }
    /**
     * Downloads a file to `req.dest` in constant memory with its sha256. A try that breaks off is
     * continued where it stopped (Range) when the server allows it, else fetched again whole.
     * Redirects are followed (at most 5, https or loopback only); `req.headers` never leave the
     * request URL's origin, and a URL with a signature in it is masked in the log. Throws HttpError.
     */
    async download(req) {
        const url = (0,url_safety/* assertSafeUrl */.jQ)(req.url, req.what);
        this.maskSigned(url);
        const sink = new FileSink(req.dest);
        const started = this.now();
        try {
            const ok = await this.withRetries({ method: 'GET', what: req.what, retry: req.retry }, url, true, (attempt) => this.downloadTry(req, url, sink, attempt));
            return { ...ok, path: req.dest, sha256: sink.finish(), bytes: sink.written, ms: this.now() - started, resumedBytes: sink.resumed };
        }
        catch (err) {
            sink.discard();
            throw err;
        }
    }
    /**
     * Files will be uploaded: starts the hashing thread now, so that its start-up overlaps with the
     * requests that come before the first upload instead of delaying it.
     */
    prepareUploads() {
        this.hasher.warm();
    }
    /** Closes the kept-alive connections and the hashing thread; the transport cannot be used afterwards. */
    dispose() {
        this.client.dispose();
        this.hasher.dispose();
    }
    async withRetries(ctx, url, idempotent, tryOnce) {
        const policy = { ...this.opts.retry, ...ctx.retry };
        const start = this.now();
        this.refuseClosedWindow(ctx.what, url, policy);
        for (let attempt = 1;; attempt++) {
            await this.pacer.wait(url.origin);
            const tryStart = this.now();
            const outcome = await tryOnce(attempt);
            const result = 'ok' in outcome ? outcome.ok.status : (outcome.failed.status ?? outcome.failed.code ?? 'error');
            this.opts.log.debug(`${ctx.method} ${(0,url_safety/* redactUrl */.BO)(url)} → ${result} in ${this.now() - tryStart} ms (try ${attempt} of ${policy.attempts})`);
            if ('ok' in outcome)
                return outcome.ok;
            const f = outcome.failed;
            const wait = decide(f, { what: ctx.what, attempt, idempotent, policy, spent: this.now() - start, random: this.random });
            if (wait instanceof errors/* HttpError */.j$)
                throw wait;
            const torn = f.code === errors/* OwnCodes */.tZ.torn;
            const note = `${ctx.what}: ${f.detail}: ${torn ? 'sending it again' : 'trying again'} in ${(0,errors/* seconds */.YA)(wait)} (try ${attempt + 1} of ${policy.attempts})`;
            if (torn)
                this.opts.log.warning(note);
            else
                this.opts.log.info(note);
            // A 429 holds every request to this origin, not only this one: the pacer makes them all wait.
            if (f.status === 429)
                this.pacer.block(url.origin, wait);
            else
                await this.sleep(wait);
        }
    }
    /** A rate-limit window that stays closed for longer than the whole budget fails now instead of hanging. */
    refuseClosedWindow(what, url, policy) {
        const hold = this.pacer.holdMs(url.origin);
        if (hold <= policy.budgetMs)
            return;
        throw new errors/* HttpError */.j$({
            what,
            detail: `the rate limit allows no request for ${(0,errors/* seconds */.YA)(hold)}, beyond the retry budget of ${(0,errors/* seconds */.YA)(policy.budgetMs)}`,
            code: errors/* OwnCodes */.tZ.rateLimit,
            permanent: false,
            ambiguous: false,
            attempts: 0,
        });
    }
    async jsonTry(method, url, headers, payload, timeoutMs, attempt) {
        const guard = new AttemptGuard();
        guard.deadline(timeoutMs, deadlineFailure(timeoutMs));
        try {
            const ex = await exchange(this.client, {
                method,
                url,
                headers: { ...headers, 'user-agent': this.opts.userAgent },
                body: payload,
                signal: guard.signal,
                maxAnswerBytes: MAX_ANSWER_BYTES,
            });
            this.pacer.observe(url.origin, ex.headers);
            if (!isSuccess(ex.status))
                return { failed: statusFailure(ex, url, this.now()) };
            const parsed = parseJson(ex.body);
            if (!parsed)
                return { failed: notJsonFailure(ex) };
            return { ok: { status: ex.status, headers: ex.headers, body: parsed.value, attempts: attempt } };
        }
        catch (err) {
            return { failed: guard.failure ?? errorFailure(err) };
        }
        finally {
            guard.dispose(false);
        }
    }
    async uploadTry(req, url, framing, attempt) {
        const name = (0,external_node_path_.basename)(req.file);
        let before;
        try {
            before = await (0,promises_.stat)(req.file, { bigint: true });
            if (!before.isFile())
                throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
        }
        catch (err) {
            return { failed: readFailure(name, err) };
        }
        const size = Number(before.size);
        const head = framing?.head ?? EMPTY;
        const tail = framing?.tail ?? EMPTY;
        const guard = new AttemptGuard();
        const kick = guard.watchdog(this.opts.stallMs, stallFailure(this.opts.stallMs));
        if (req.timeoutMs)
            guard.deadline(req.timeoutMs, deadlineFailure(req.timeoutMs));
        const progress = new transport_progress/* Progress */.ke(this.opts.log, name, size, this.now);
        const body = fileBody({
            file: req.file,
            size,
            head,
            tail,
            hasher: this.hasher,
            onSent: (sent) => {
                kick();
                progress.update(sent);
            },
            onFail: (err) => guard.fail(err instanceof FileChangedError ? tornFailure(name) : readFailure(name, err)),
        });
        const headers = {
            ...req.headers,
            'Content-Type': framing?.contentType ?? req.contentType ?? 'application/octet-stream',
            'Content-Length': String(head.length + size + tail.length),
            'user-agent': this.opts.userAgent,
        };
        const started = this.now();
        try {
            const ex = await exchange(this.client, {
                method: req.method,
                url,
                headers,
                body,
                signal: guard.signal,
                maxAnswerBytes: MAX_ANSWER_BYTES,
                onAnswerBytes: kick,
            });
            this.pacer.observe(url.origin, ex.headers);
            if (!isSuccess(ex.status))
                return { failed: statusFailure(ex, url, this.now()) };
            const digest = body.sha256();
            if (digest === undefined)
                return { failed: earlyAnswerFailure(ex) };
            const sha256 = await digest.catch((err) => err);
            // The hashing thread died (the next try hashes on this thread).
            if (sha256 instanceof Error)
                return { failed: { detail: `the sha256 of ${name} was lost: ${sha256.message}`, retriable: true } };
            if (await changedSince(req.file, before))
                return { failed: tornFailure(name) };
            const reply = { status: ex.status, headers: ex.headers, body: parseLoose(ex.body), attempts: attempt };
            return { ok: { ...reply, sha256, bytes: size, ms: this.now() - started } };
        }
        catch (err) {
            return { failed: guard.failure ?? errorFailure(err) };
        }
        finally {
            // An answer that came before the whole body was sent leaves the request open: abort it, so
            // the half-sent request is not kept alive for the next one.
            guard.dispose(!body.ended);
            body.close();
        }
    }
    /** One try of a download: follows redirects, then streams a 2xx answer into the sink. */
    async downloadTry(req, first, sink, attempt) {
        const guard = new AttemptGuard();
        const kick = guard.watchdog(this.opts.stallMs, stallFailure(this.opts.stallMs, 'download'));
        if (req.timeoutMs)
            guard.deadline(req.timeoutMs, deadlineFailure(req.timeoutMs));
        const name = (0,external_node_path_.basename)(req.dest);
        const from = sink.written;
        if (from > 0 && Object.keys(sink.rangeHeaders()).length > 0)
            this.opts.log.info(`${req.what}: continuing at byte ${from}`);
        let progress;
        let url = first;
        let trusted = true;
        try {
            for (let hop = 0;; hop++) {
                const headers = {
                    ...(trusted ? req.headers : {}),
                    ...sink.rangeHeaders(),
                    'user-agent': this.opts.userAgent,
                };
                const ex = await exchange(this.client, {
                    method: 'GET',
                    url,
                    headers,
                    body: null,
                    signal: guard.signal,
                    maxAnswerBytes: MAX_ANSWER_BYTES,
                    onAnswerBytes: kick,
                    sink: (answer) => sink.receive(answer, (written) => {
                        kick();
                        if (sink.total)
                            (progress ??= new transport_progress/* Progress */.ke(this.opts.log, name, sink.total, this.now)).update(written);
                    }),
                });
                if (url.origin === first.origin)
                    this.pacer.observe(url.origin, ex.headers);
                const next = redirectTarget(ex, url);
                if (next && hop < MAX_REDIRECTS) {
                    try {
                        (0,url_safety/* assertSafeUrl */.jQ)(next.href, req.what);
                    }
                    catch (err) {
                        return { failed: { detail: `a redirect to ${(0,url_safety/* redactUrl */.BO)(next)} was refused: ${err.message}`, retriable: false, status: ex.status } };
                    }
                    this.maskSigned(next);
                    this.opts.log.debug(`${req.what}: HTTP ${ex.status}, redirected to ${(0,url_safety/* redactUrl */.BO)(next)}`);
                    if (next.origin !== url.origin)
                        trusted = false;
                    url = next;
                    continue;
                }
                if (ex.status === 416 && from > 0) {
                    sink.restart();
                    return { failed: { detail: `the server cannot continue at byte ${from} (HTTP 416); fetching the whole file`, retriable: true, status: 416 } };
                }
                if (!isSuccess(ex.status))
                    return { failed: statusFailure(ex, url, this.now()) };
                return { ok: { status: ex.status, headers: ex.headers, body: null, attempts: attempt } };
            }
        }
        catch (err) {
            if (err instanceof SinkError)
                return { failed: err.failure };
            return { failed: guard.failure ?? errorFailure(err) };
        }
        finally {
            guard.dispose(false);
        }
    }
    /** A URL that is a credential in itself never reaches the log, not even in a library's message. */
    maskSigned(url) {
        if (!isSignedUrl(url))
            return;
        this.opts.log.addSecret(url.href);
        for (const [k, v] of url.searchParams)
            if (SIGNED_QUERY.test(k))
                this.opts.log.addSecret(v);
    }
}
/** 301, 302, 303, 307, 308 with a Location. */
function redirectTarget(ex, from) {
    const location = ex.headers.location;
    if (![301, 302, 303, 307, 308].includes(ex.status) || !location)
        return undefined;
    try {
        return new URL(location, from);
    }
    catch {
        return undefined;
    }
}
/** An upload answer: JSON when it is JSON, else the text (`''` when empty). */
function parseLoose(body) {
    const text = body.toString('utf8');
    if (text.trim() === '')
        return text;
    const parsed = parseJson(body);
    return parsed ? parsed.value : text;
}
/** After a failed try: the wait before the next one, or the error that ends the request. */
function decide(f, s) {
    const end = (suffix, permanent, ambiguous) => new errors/* HttpError */.j$({ what: s.what, detail: f.detail + suffix, status: f.status, code: f.code, reply: f.reply, permanent, ambiguous, attempts: s.attempt });
    const notActed = serverCannotHaveActed(f);
    if (!f.retriable)
        return end('', true, !s.idempotent && f.status === undefined && !notActed);
    if (!s.idempotent && !notActed) {
        return end(' (not retried: the request is not idempotent and the server may have acted on it)', false, true);
    }
    const gaveUp = `gave up after ${s.attempt} ${s.attempt === 1 ? 'try' : 'tries'} in ${(0,errors/* seconds */.YA)(s.spent)}`;
    if (s.attempt >= s.policy.attempts)
        return end(` (${gaveUp})`, false, false);
    const left = s.policy.budgetMs - s.spent;
    const budget = (0,errors/* seconds */.YA)(s.policy.budgetMs);
    if (f.waitMs !== undefined && f.waitMs > left) {
        return end(` (${gaveUp}: the server asks to wait ${(0,errors/* seconds */.YA)(f.waitMs)}, beyond the retry budget of ${budget})`, false, false);
    }
    if (left <= 0)
        return end(` (${gaveUp}: the retry budget of ${budget} is spent)`, false, false);
    return f.waitMs ?? Math.min(retryDelayMs(s.attempt, s.policy, s.random), left);
}
function earlyAnswerFailure(ex) {
    return { detail: `${(0,errors/* statusDetail */.YC)(ex.status, '')} before the whole file was sent`, retriable: true, status: ex.status };
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

/***/ 9963:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XO: () => (/* binding */ pyFloatRepr),
/* harmony export */   dv: () => (/* binding */ pyJsonDumps)
/* harmony export */ });
/* unused harmony export pyJsonString */
/**
 * JSON text as Python's `json.dumps(value)` writes it with its defaults: `", "` and `": "`
 * separators, every non-ASCII character escaped as \uXXXX, floats in `repr()` form (`1e-05`,
 * `1.5e+16`). The servers are tuned to the Python clients, so our bodies match them byte for byte.
 *
 * JavaScript cannot tell `1` from `1.0`: safe integers are written as integers, every other
 * number as Python writes a float. Non-finite numbers become `null` (Python's `NaN` is not JSON).
 */
const SHORT_ESCAPES = {
    '"': '\\"',
    '\\': '\\\\',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f',
};
/** A string literal with `ensure_ascii`: everything outside printable ASCII as \uXXXX (UTF-16 units). */
function pyJsonString(s) {
    return `"${s.replace(/[\\"]|[^ -~]/g, (ch) => SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
/**
 * Python's `repr(float(n))`: the shortest digits that round-trip, in fixed notation when the
 * decimal exponent is in [-4, 16) (with `.0` when integral), otherwise `d.ddde±XX`.
 */
function pyFloatRepr(n) {
    if (Number.isNaN(n))
        return 'nan';
    if (!Number.isFinite(n))
        return n > 0 ? 'inf' : '-inf';
    if (n === 0)
        return Object.is(n, -0) ? '-0.0' : '0.0';
    const sign = n < 0 ? '-' : '';
    const [mantissa, expText] = Math.abs(n).toExponential().split('e');
    const digits = mantissa.replace('.', '');
    const exp = Number(expText);
    if (exp < -4 || exp >= 16) {
        const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
        return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    }
    if (exp < 0)
        return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const fraction = digits.slice(exp + 1) || '0';
    return `${sign}${whole}.${fraction}`;
}
function pyNumber(n) {
    if (!Number.isFinite(n))
        return 'null';
    return Number.isSafeInteger(n) ? String(n) : pyFloatRepr(n);
}
/** Values JSON leaves out of objects (and writes as null in arrays), as JSON.stringify does. */
function isSkipped(v) {
    return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}
function encode(value) {
    if (value !== null && typeof value === 'object' && typeof value.toJSON === 'function') {
        return encode(value.toJSON());
    }
    if (value === null || isSkipped(value))
        return 'null';
    switch (typeof value) {
        case 'boolean':
            return value ? 'true' : 'false';
        case 'number':
            return pyNumber(value);
        case 'bigint':
            return value.toString();
        case 'string':
            return pyJsonString(value);
    }
    if (Array.isArray(value))
        return `[${value.map(encode).join(', ')}]`;
    const members = Object.entries(value)
        .filter(([, v]) => !isSkipped(v))
        .map(([k, v]) => `${pyJsonString(k)}: ${encode(v)}`);
    return `{${members.join(', ')}}`;
}
/** `json.dumps(value)` as Python writes it; see the module comment for numbers. */
function pyJsonDumps(value) {
    return encode(value);
}


/***/ }),

/***/ 1917:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   jQ: () => (/* binding */ assertSafeUrl)
/* harmony export */ });
/* unused harmony export isLoopbackHost */
/**
 * Where credentials may go: https anywhere, plain http only to this machine (the emulator).
 * Also the one way URLs are written to logs: without their query, which may hold a signature.
 */
/** True for `localhost`, 127.0.0.0/8 and ::1 (a URL's hostname, IPv6 in brackets or not). */
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
    if (host === 'localhost' || host === '::1')
        return true;
    const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
    return v4 !== null && v4.slice(1).every((part) => Number(part) <= 255);
}
/**
 * Parses `url` and refuses anything credentials must not travel over: plain http to another
 * machine, or a scheme other than http(s). `what` names the request or setting in the message.
 */
function assertSafeUrl(url, what) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new Error(`not a valid URL for ${what}: expected https://host/path`);
    }
    if (parsed.protocol === 'https:')
        return parsed;
    if (parsed.protocol === 'http:') {
        if (isLoopbackHost(parsed.hostname))
            return parsed;
        throw new Error(`refusing to send credentials over plain http to ${parsed.hostname} for ${what}: use https://, or a loopback address for the emulator`);
    }
    throw new Error(`unsupported URL scheme ${parsed.protocol} for ${what}: use https://`);
}
/** Origin and path, the query replaced by `?…`: safe for logs. */
function redactUrl(url) {
    try {
        const u = typeof url === 'string' ? new URL(url) : url;
        return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
    }
    catch {
        return '<invalid URL>';
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
