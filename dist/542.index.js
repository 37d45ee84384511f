export const id = 542;
export const ids = [542];
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

/***/ 4968:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BT: () => (/* binding */ keysInModel),
/* harmony export */   Qp: () => (/* binding */ HUB_ID),
/* harmony export */   ej: () => (/* binding */ OPAQUE_ID),
/* harmony export */   i7: () => (/* binding */ modelBackend),
/* harmony export */   iM: () => (/* binding */ keyBackend),
/* harmony export */   qV: () => (/* binding */ parseModelRef),
/* harmony export */   rG: () => (/* binding */ checkKeyShape)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7516);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('api-key', `is not an Ultralytics Platform key (expected "ul_" followed by 40 hex characters, got ${describeShape(key)}). ` +
            'Create one at https://platform.ultralytics.com/settings (API keys), store it as a repository secret and pass it as `api-key: ${{ secrets.ULTRALYTICS_API_KEY }}`.');
    }
    if (backend === 'hub' && !HUB_KEY.test(key)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('api-key', `is not an Ultralytics HUB key (expected 42 letters and digits, got ${describeShape(key)}). ` +
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
    // An error quotes the URL without its query: a key there is never printed.
    return platformPath(parts, `${url.origin}${url.pathname}`);
}
/**
 * Keys inside a `model` input (a URL's `api_key=`, the legacy `KEY_MODELID`), found without parsing
 * it whole, so the caller can mask them before any error could quote the input.
 */
function keysInModel(raw) {
    const keys = [...raw.matchAll(/[?&]api_key=([^&#\s]+)/gi)].map((m) => m[1]);
    for (const k of [...keys]) {
        try {
            keys.push(decodeURIComponent(k));
        }
        catch {
            // not percent-encoded: the raw form is masked already
        }
    }
    const legacy = /^\s*([A-Za-z0-9]{42})_[A-Za-z0-9]{20}\s*$/.exec(raw);
    if (legacy)
        keys.push(legacy[1]);
    return keys;
}
function platformPath(parts, raw) {
    const clean = parts.map((p) => decodeURIComponent(p)).filter(Boolean);
    if (clean.length !== 3) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('model', `"${raw}" is not a Platform model path: expected ul://owner/project/model or https://platform.ultralytics.com/owner/project/model.`);
    }
    return { kind: 'path', project: `${clean[0]}/${clean[1]}`, name: clean[2] };
}
function badModel() {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('model', 'is not a model this action understands. Use one of: ul://owner/project/model, ' +
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


/***/ }),

/***/ 2542:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   GP: () => (/* binding */ getInputs),
/* harmony export */   sh: () => (/* binding */ getReportInputs),
/* harmony export */   wantsReports: () => (/* binding */ wantsReports)
/* harmony export */ });
/* unused harmony exports HUB_API_DEFAULT, HUB_WEB_DEFAULT, PLATFORM_DEFAULT, resolveInWorkspace */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _transport_url_safety_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1917);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7516);
/* harmony import */ var _identifier_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4968);
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
    StateFile: 'state-file',
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
    Reports: 'reports',
};
/** True when the `reports` input asks for the gathering path instead of a sync. */
function wantsReports(get) {
    return get(Inputs.Reports)
        .split(/\r?\n/)
        .some((l) => l.trim() && !l.trim().startsWith('#'));
}
/** The pull-request stage's inputs, the same for a sync and for the `reports` path. */
function pullRequestInputs(read, workspace) {
    return {
        baseline: optionalPath(read(Inputs.Baseline), Inputs.Baseline, workspace),
        minMap: fraction(read(Inputs.MinMap), Inputs.MinMap, 'the lowest final mAP50-95 that passes, e.g. 0.45'),
        maxMapDrop: fraction(read(Inputs.MaxMapDrop), Inputs.MaxMapDrop, 'an absolute drop of mAP50-95, e.g. 0.01 for one point, not a percentage'),
        reportFile: optionalPath(read(Inputs.ReportFile), Inputs.ReportFile, workspace),
        comment: bool(read(Inputs.Comment), Inputs.Comment, false),
    };
}
/** Reads only the inputs of the `reports` path. */
function getReportInputs(get, env, log) {
    const read = (name) => get(name).trim();
    const workspace = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(env.GITHUB_WORKSPACE || process.cwd());
    const githubToken = read(Inputs.GithubToken) || env.GITHUB_TOKEN || '';
    log.addSecret(githubToken);
    return {
        workspace,
        reports: patternLines(read(Inputs.Reports), Inputs.Reports, workspace) ?? [],
        ...pullRequestInputs(read, workspace),
        githubToken,
        summary: bool(read(Inputs.Summary), Inputs.Summary, true),
        dryRun: false,
        requestTimeoutMs: seconds(read(Inputs.RequestTimeout), Inputs.RequestTimeout, 30) * 1000,
    };
}
const HUB_API_DEFAULT = 'https://api.ultralytics.com';
const HUB_WEB_DEFAULT = 'https://hub.ultralytics.com';
const PLATFORM_DEFAULT = 'https://platform.ultralytics.com';
const HUB_SHUTDOWN_HOST = 'api.ultralytics.com';
function getInputs(get, env, log) {
    const read = (name) => get(name).trim();
    const workspace = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(env.GITHUB_WORKSPACE || process.cwd());
    // Secrets first, before anything could print them.
    const keyInput = read(Inputs.ApiKey);
    log.addSecret(keyInput);
    log.addSecret(env.ULTRALYTICS_API_KEY);
    log.addSecret(env.HUB_API_KEY);
    const modelText = read(Inputs.Model);
    for (const key of (0,_identifier_js__WEBPACK_IMPORTED_MODULE_2__/* .keysInModel */ .BT)(modelText))
        log.addSecret(key);
    const model = (0,_identifier_js__WEBPACK_IMPORTED_MODULE_2__/* .parseModelRef */ .qV)(modelText);
    const githubToken = read(Inputs.GithubToken) || env.GITHUB_TOKEN || '';
    log.addSecret(githubToken);
    const project = read(Inputs.Project) || null;
    const { backend, backendReason, apiKey } = chooseBackend(read(Inputs.Backend), keyInput, model, project, env);
    (0,_identifier_js__WEBPACK_IMPORTED_MODULE_2__/* .checkKeyShape */ .rG)(apiKey, backend);
    if (model.kind === 'create' && backend === 'platform') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(Inputs.Model, `"${model.filename}" asks to create a HUB model; on Ultralytics Platform a run is registered by \`project\` and \`name\` instead. Remove \`model\` or use ul://owner/project/model.`);
    }
    const apiUrl = chooseApiUrl(read(Inputs.ApiUrl), backend, env);
    if (backend === 'hub' && new URL(apiUrl).hostname === HUB_SHUTDOWN_HOST) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(Inputs.Backend, 'selects Ultralytics HUB, which shut down on 2026-07-31. Move to Ultralytics Platform: create a `ul_…` API key at ' +
            'https://platform.ultralytics.com/settings, pass it as `api-key`, and set `project` (or use `backend: platform`). ' +
            'A HUB model id cannot be continued on Platform; the run is registered anew there.');
    }
    const runDirLines = patternLines(read(Inputs.RunDir), Inputs.RunDir, workspace);
    const single = runDirLines?.length === 1 && !/^!|[*?[\]{}]/.test(runDirLines[0]) ? runDirLines[0] : null;
    return {
        workspace,
        runDir: single,
        runDirPatterns: single ? null : runDirLines,
        weights: patternLines(read(Inputs.Weights), Inputs.Weights, workspace),
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
        stateFile: optionalPath(read(Inputs.StateFile), Inputs.StateFile, workspace),
        ifNoFilesFound: oneOf(read(Inputs.IfNoFilesFound).toLowerCase() || 'error', Inputs.IfNoFilesFound, [
            'error',
            'warn',
            'ignore',
        ]),
        failOnError: bool(read(Inputs.FailOnError), Inputs.FailOnError, true),
        dryRun: bool(read(Inputs.DryRun), Inputs.DryRun, false),
        summary: bool(read(Inputs.Summary), Inputs.Summary, true),
        ...pullRequestInputs(read, workspace),
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
    const fromModel = (0,_identifier_js__WEBPACK_IMPORTED_MODULE_2__/* .modelBackend */ .i7)(model);
    const apiKey = keyInput || modelKey || envKey(fromModel) || '';
    const fromKey = apiKey ? (0,_identifier_js__WEBPACK_IMPORTED_MODULE_2__/* .keyBackend */ .iM)(apiKey) : null;
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(Inputs.ApiKey, `is empty and env ${envName} is not set. Add the key as a repository secret and pass it: \`api-key: \${{ secrets.${envName} }}\`.`);
}
function chooseApiUrl(raw, backend, env) {
    const fallback = backend === 'hub'
        ? env.ULTRALYTICS_HUB_API || HUB_API_DEFAULT
        : env.ULTRALYTICS_PLATFORM_URL || PLATFORM_DEFAULT;
    const value = raw || fallback;
    try {
        const url = (0,_transport_url_safety_js__WEBPACK_IMPORTED_MODULE_3__/* .assertSafeUrl */ .jQ)(value, 'api-url');
        return url.origin + url.pathname.replace(/\/+$/, '');
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(Inputs.ApiUrl, `(${value}) is not usable: ${err.message}`);
    }
}
function hubWebUrl(apiUrl, env) {
    if (env.ULTRALYTICS_HUB_WEB)
        return env.ULTRALYTICS_HUB_WEB.replace(/\/+$/, '');
    return apiUrl === HUB_API_DEFAULT ? HUB_WEB_DEFAULT : apiUrl;
}
/**
 * A Windows path given on a POSIX machine (`C:\runs\train`, `C:/runs`, `runs\detect\train`,
 * `\\server\share`): on Linux and macOS a backslash is part of a file name, not a separator,
 * so such a path names a file that does not exist. In a glob, a backslash before a glob character
 * (`\*`, `\[`) is an escape and stays allowed.
 */
function isWindowsPath(value, glob) {
    if (node_path__WEBPACK_IMPORTED_MODULE_0__.sep !== '/')
        return false; // on Windows itself, these are the paths
    if (/^[A-Za-z]:([\\/]|$)/.test(value))
        return true;
    return glob ? /\\[^*?[\]{}()!@+\\]/.test(value) : value.includes('\\');
}
/** A path input: relative ones resolve in the workspace and may not climb out of it. */
function resolveInWorkspace(value, input, workspace, opts = {}) {
    if (isWindowsPath(value, opts.glob === true)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `(${value}) is a Windows path. ultralytics-sync runs on Linux and macOS, where \\ is part of a file name and there are no drive letters, ` +
            'so it names no file. Use forward slashes, relative to the workspace, e.g. runs/detect/train.');
    }
    if (node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute(value))
        return node_path__WEBPACK_IMPORTED_MODULE_0__.normalize(value);
    const abs = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(workspace, value);
    const rel = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(workspace, abs);
    if (rel === '..' || rel.startsWith('..' + node_path__WEBPACK_IMPORTED_MODULE_0__.sep) || node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute(rel)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `(${value}) points outside the workspace. Use a path inside the workspace, or an absolute path if you really mean a file elsewhere.`);
    }
    return abs;
}
function optionalPath(value, input, workspace) {
    return value ? resolveInWorkspace(value, input, workspace) : null;
}
/** Glob lines, one per line (`#` comments, `!` excludes), each resolved in the workspace; null when none. */
function patternLines(raw, input, workspace) {
    const lines = raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
    if (lines.length === 0)
        return null;
    return lines.map((line) => {
        const negate = line.startsWith('!');
        const pattern = negate ? line.slice(1).trim() : line;
        return (negate ? '!' : '') + resolveInWorkspace(pattern, input, workspace, { glob: true });
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `must be one of ${allowed.map((a) => `\`${a}\``).join(', ')}; got "${value}".`);
}
function bool(value, input, fallback) {
    if (!value)
        return fallback;
    if (/^(true|yes|on|1)$/i.test(value))
        return true;
    if (/^(false|no|off|0)$/i.test(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `must be true or false; got "${value}".`);
}
function wholeNumber(value, input) {
    if (!value)
        return null;
    if (!/^\d+$/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `must be a whole number ≥ 0 (the 0-based epoch, as the trainer counts); got "${value}".`);
    }
    return Number(value);
}
function fraction(value, input, what = 'mAP50-95 as a fraction, e.g. 0.4567') {
    if (!value)
        return null;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `must be a number from 0 to 1 (${what}); got "${value}".`);
    }
    return n;
}
/** Node's timers hold at most 2^31-1 ms; a longer delay fires after 1 ms instead (a false timeout). */
const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
function seconds(value, input, fallback) {
    if (!value)
        return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `must be a number of seconds > 0; got "${value}".`);
    if (n > MAX_TIMER_SECONDS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `must be at most ${MAX_TIMER_SECONDS} seconds (about 24 days, the longest timer Node.js can hold); got "${value}". Use a smaller value.`);
    }
    return n;
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


/***/ })

};
