export const id = 960;
export const ids = [960];
export const modules = {

/***/ 1371:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KO: () => (/* binding */ newestRun),
/* harmony export */   UQ: () => (/* binding */ findLatestRun),
/* harmony export */   v: () => (/* binding */ listRuns)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);


const RESULTS = 'results.csv';
/** Directory levels below runs/ that may hold a results.csv. */
const MAX_DEPTH = 3;
/** Every run directory below runs/ with when its results.csv was last written. Symlinks are not followed. */
async function listRuns(cwd) {
    const found = [];
    await walk((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, 'runs'), 0, found);
    return found;
}
/** The absolute path of the newest run directory, or null when there is none. Symlinks are not followed. */
async function findLatestRun(cwd) {
    return newestRun(await listRuns(cwd));
}
/** The run of `found` whose results.csv changed last (ties: the greater path), or null. */
function newestRun(found) {
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
        entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true });
    }
    catch {
        return; // missing or unreadable: nothing to find here
    }
    await Promise.all(entries.map(async (e) => {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, e.name);
        if (depth > 0 && e.isFile() && e.name === RESULTS) {
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => null);
            if (info)
                found.push({ dir, mtimeMs: info.mtimeMs });
        }
        else if (e.isDirectory() && depth < MAX_DEPTH) {
            await walk(path, depth + 1, found);
        }
    }));
}


/***/ }),

/***/ 116:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n7: () => (/* binding */ emptyPlan),
  Sj: () => (/* binding */ loadRun),
  SL: () => (/* binding */ refreshLive),
  os: () => (/* binding */ weightLeavesWorkspace)
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
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./build/src/rundir/errors.js
var rundir_errors = __webpack_require__(9843);
// EXTERNAL MODULE: ./build/src/rundir/safe-read.js
var safe_read = __webpack_require__(3534);
// EXTERNAL MODULE: ./build/src/rundir/yaml-safe.js
var yaml_safe = __webpack_require__(5357);
;// CONCATENATED MODULE: ./build/src/rundir/dataset-names.js
/**
 * The class names from the dataset YAML that args.yaml's `data` names, for a run whose checkpoints
 * do not hold them (no best.pt yet, or an unreadable one). Only a file readable on this machine is
 * used; anything else gives null, which Platform accepts.
 */





/** A dataset YAML is a few KiB (a long `names:` list: tens). */
const MAX_BYTES = 4 * 1024 * 1024;
/**
 * `data` resolved against each of `bases` (a relative path is relative to where the trainer ran).
 * `confine`: the workspace; a path in it that leads out through a symlink is not read (safe-read.ts).
 */
async function datasetNames(args, bases, log, confine = null) {
    const data = args?.values.data;
    if (typeof data !== 'string' || !/\.ya?ml$/i.test(data) || /^[a-z][a-z0-9+.-]*:\/\//i.test(data))
        return null;
    const candidates = external_node_path_.isAbsolute(data) ? [data] : bases.map((b) => external_node_path_.resolve(b, data));
    for (const file of candidates) {
        let text;
        try {
            text = (await (0,safe_read/* readRegular */.VX)(file, { what: 'dataset YAML', confine, maxBytes: MAX_BYTES })).toString('utf8');
        }
        catch (err) {
            if (err instanceof rundir_errors/* RunDirError */.L) {
                log.warning(`${err.message} classNames is sent as null.`, { file });
                return null;
            }
            continue;
        }
        try {
            (0,yaml_safe/* assertShallowYaml */.K)(text, file, 'classNames is sent as null.');
            const doc = (0,dist/* parseDocument */.Tp)(text);
            if (doc.errors.length > 0)
                throw doc.errors[0];
            const names = namesOf((0,yaml_safe/* yamlToJS */.G)(doc, file, 'classNames is sent as null.'));
            if (names)
                return names;
            log.debug(`${file} has no usable \`names:\`; classNames is sent as null.`);
        }
        catch (err) {
            if (err instanceof rundir_errors/* RunDirError */.L)
                log.warning(err.message, { file });
            else
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

// EXTERNAL MODULE: ./build/src/rundir/find-run.js
var find_run = __webpack_require__(1371);
// EXTERNAL MODULE: ./build/src/rundir/fitness.js
var fitness = __webpack_require__(14);
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
    const metrics = opts.live ? await readLiveResults(csv, inputs.workspace) : await (0,results_csv/* readResultsCsv */.Zx)(csv, inputs.workspace);
    for (const s of opts.live ? [] : metrics.skipped) {
        log.warning(`Skipped line ${s.line} of ${metrics.path}: ${s.reason}`, { file: metrics.path, startLine: s.line });
    }
    for (const d of opts.live ? [] : (metrics.duplicateColumns ?? [])) {
        const which = d.name === 'epoch' ? 'the first one is the epoch' : "the last one's values are sent";
        log.warning(`${metrics.path} has the column ${d.name || '(empty name)'} ${d.columns.length} times (columns ${d.columns.join(', ')}): ${which}. Check how the file was written or merged.`, { file: metrics.path });
    }
    if (!opts.live && metrics.nonFinite.length > 0) {
        const first = metrics.nonFinite[0];
        log.warning(`${metrics.nonFinite.length} non-finite value(s) in ${metrics.path} (first: ${first.column} = ${first.text} on line ${first.line}); they are sent as null.`, { file: metrics.path, startLine: first.line });
    }
    const args = await (0,args_yaml/* readTrainArgs */.mc)(inputs.args ?? external_node_path_.join(runDir, 'args.yaml'), { explicit: inputs.args !== null, confine: inputs.workspace });
    const weights = await findWeights(opts.live ? { ...inputs, ifNoFilesFound: 'ignore' } : inputs, runDir, opts.live ? quiet(log) : log);
    const meta = await firstMeta([weights.final, weights.checkpoint]);
    const derived = fromMetrics(metrics, inputs, meta?.version);
    const lastEpoch = metrics.rows.length > 0 ? metrics.rows[metrics.rows.length - 1].epoch : 0;
    if (!opts.live && inputs.epoch !== null && inputs.epoch > lastEpoch) {
        log.warning(`Input epoch ${inputs.epoch} is past the last epoch in ${metrics.path} (${lastEpoch}).`);
    }
    return {
        runDir,
        args,
        ...derived,
        final: weights.final,
        checkpoint: weights.checkpoint,
        version: meta?.version,
        parameters: meta?.parameters,
        classNames: meta?.names ?? (await datasetNames(args, [inputs.workspace, runDir], log, inputs.workspace)),
    };
}
/**
 * The live sync's reload after results.csv changed: the rows again and what follows from them; the
 * rest of the plan (args.yaml, the dataset's names, the weights) was read at the start. The version
 * (it decides the fitness rule) and the parameter count are looked for in the checkpoints until one
 * names them.
 */
async function refreshLive(plan, inputs) {
    const metrics = await readLiveResults(plan.metrics.path, inputs.workspace);
    const files = ['best.pt', 'last.pt'].map((n) => external_node_path_.join(plan.runDir, 'weights', n));
    // A checkpoint that names no version (YOLOv5) is parsed again only when it changed, not every epoch.
    const seen = files.map((f) => external_node_fs_.statSync(f, { throwIfNoEntry: false })).map((st) => (st ? `${st.size}:${st.mtimeMs}` : '-')).join(',');
    const look = !plan.version && seen !== plan.checkpointsSeen;
    const meta = look ? await firstMeta(files.map((f) => ({ path: f }))) : null;
    const version = plan.version ?? meta?.version;
    return { ...plan, ...fromMetrics(metrics, inputs, version), version, parameters: plan.parameters ?? meta?.parameters, checkpointsSeen: seen };
}
/** What the rows decide: the fitness rule, each row's fitness, the best epoch and the final mAP. */
function fromMetrics(metrics, inputs, version) {
    const rule = (0,fitness/* fitnessRuleFor */.ei)(metrics, version);
    const best = (0,fitness/* bestEpoch */.or)(metrics, rule);
    const lastEpoch = metrics.rows.length > 0 ? metrics.rows[metrics.rows.length - 1].epoch : 0;
    return {
        metrics,
        rule,
        fitness: metrics.rows.map((r) => (0,fitness/* fitnessOf */.Oj)(r, metrics.columns, rule)),
        bestSoFar: (0,fitness/* runningBestFitness */.Iu)(metrics, rule),
        best,
        finalEpoch: inputs.epoch ?? lastEpoch,
        map: inputs.map ?? best?.map ?? null,
        wireMap: inputs.map ?? boxMap(metrics, best) ?? 0,
        mapColumn: (0,fitness/* mapColumn */.X)(metrics.columns),
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
    for (const c of [fitness/* BOX_MAP */.N9, ...fitness/* V5_BOX_MAPS */.e6])
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
async function readLiveResults(file, confine) {
    const empty = { ...emptyPlan(external_node_path_.dirname(file)).metrics, path: file };
    let bytes;
    try {
        bytes = await (0,safe_read/* readRegular */.VX)(file, { what: 'metrics file', confine, maxBytes: results_csv/* MAX_RESULTS_BYTES */.ue });
    }
    catch {
        return empty; // not there yet; a refused file is reported by the final sync's whole read
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
    const found = await (0,find_run/* findLatestRun */.UQ)(inputs.workspace);
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
    for (const file of files) {
        const real = weightLeavesWorkspace(file, inputs.workspace, patterns);
        if (real !== null) {
            throw new errors/* InputError */.d('weights', `matched ${file}, which leads outside the workspace (${real}). Give an absolute path if you mean that file.`);
        }
    }
}
/**
 * The weights' real-path rule, one check for the final sync (assertInside) and the live checkpoint
 * (watch/live.ts): a weight file in the workspace may not lead out of it through a symlink. Returns
 * the real path it leads to when it does (the file is not sent), else null. When a weights pattern
 * names a place outside the workspace the user chose it: nothing is refused.
 */
function weightLeavesWorkspace(file, workspace, patterns) {
    if (patterns.some((p) => !p.startsWith('!') && !(0,safe_read/* isWithin */.UO)(p, workspace)))
        return null;
    return (0,safe_read/* escapesWorkspace */.sh)(file, workspace);
}


/***/ }),

/***/ 8955:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g3: () => (/* binding */ createPacer),
/* harmony export */   jw: () => (/* binding */ createSession),
/* harmony export */   n0: () => (/* binding */ createBackend),
/* harmony export */   oO: () => (/* binding */ createTransport)
/* harmony export */ });
/* harmony import */ var _transport_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2005);
/* harmony import */ var _transport_pacer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1980);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8009);
/* harmony import */ var _state_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1534);




/** The pacer that the runs of one process share: one server, one rate budget. */
function createPacer(log) {
    return new _transport_pacer_js__WEBPACK_IMPORTED_MODULE_1__/* .Pacer */ ._({ log, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), now: Date.now });
}
function createTransport(inputs, log, opts = {}) {
    return new _transport_http_js__WEBPACK_IMPORTED_MODULE_0__/* .Transport */ .o({
        pacer: opts.pacer,
        hashInWorker: !opts.live,
        log,
        userAgent: `ultralytics-sync/${_version_js__WEBPACK_IMPORTED_MODULE_3__/* .VERSION */ .x} node/${process.versions.node}`,
        timeoutMs: inputs.requestTimeoutMs,
        retry: { attempts: 8, baseMs: 500, capMs: 30_000, budgetMs: 300_000 },
        stallMs: inputs.stallTimeoutMs,
    });
}
/** Only the chosen backend's module is loaded. */
async function createBackend(inputs, plan, transport, log, env, opts = {}) {
    return inputs.backend === 'hub'
        ? new (await __webpack_require__.e(/* import() */ 109).then(__webpack_require__.bind(__webpack_require__, 2109))).HubBackend(transport, inputs, plan, log)
        : new (await __webpack_require__.e(/* import() */ 497).then(__webpack_require__.bind(__webpack_require__, 9497))).PlatformBackend(transport, inputs, plan, log, env, opts.live === true);
}
/** The session for one run: its backend and the state file of the same backend, server and target. */
async function createSession(inputs, plan, log, env, opts = {}) {
    const transport = createTransport(inputs, log, opts);
    // Files will go up: the hashing thread starts now, beside the requests that come first.
    if (!inputs.dryRun && (plan.final || plan.checkpoint))
        transport.prepareUploads();
    const backend = await createBackend(inputs, plan, transport, log, env, opts);
    const where = (0,_state_file_js__WEBPACK_IMPORTED_MODULE_2__/* .stateLocation */ .vJ)(plan.runDir, inputs.stateFile, env);
    if (where.fallback && !inputs.dryRun) {
        log.warning((where.why
            ? `The run directory ${plan.runDir} cannot be written (${where.why}): the sync state is kept in ${where.file}. `
            : `The sync state of ${plan.runDir} is read from ${where.file}, where an earlier sync kept it. `) +
            'A re-run on another machine cannot see it and would register a new run; set `state-file` to a place the re-run can read to choose it.');
    }
    const state = _state_file_js__WEBPACK_IMPORTED_MODULE_2__/* .StateFile */ .iK.load(where.file, `${inputs.backend} ${inputs.apiUrl} ${backend.target}`, {
        writable: !inputs.dryRun,
        createDir: where.fallback || inputs.stateFile !== null,
        warn: (m) => log.warning(m),
    });
    return { inputs, plan, backend, state, log };
}


/***/ }),

/***/ 1534:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iK: () => (/* binding */ StateFile),
/* harmony export */   ng: () => (/* binding */ StateSaveError),
/* harmony export */   vJ: () => (/* binding */ stateLocation)
/* harmony export */ });
/* unused harmony exports STATE_FILE_NAME, StateLoadError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var _rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3534);
/**
 * What already arrived, kept in the run directory (`.ultralytics-sync.json`), so that a re-run of a
 * failed job sends only what is missing: it continues the same model or run, skips acknowledged
 * epochs and log chunks, and does not re-send a file whose sha256 already arrived.
 *
 * Where it lives is decided in one place, `stateLocation`: the `state-file` input, else the run
 * directory, else (a run directory that cannot be written: a read-only mount, a root-owned
 * directory) the user's state directory, keyed by the run directory's real path.
 *
 * It holds no secret: ids, epoch numbers, sizes and digests only. Writes are atomic (temp + rename);
 * a write that fails leaves no temp file behind.
 */





const STATE_FILE_NAME = '.ultralytics-sync.json';
/** The largest state file read: ids, epoch numbers and digests fit in a few kilobytes. */
const MAX_STATE_BYTES = 4 * 2 ** 20;
/**
 * The one decision of where the state of `runDir` lives: `explicit` (the `state-file` input) when
 * given; else `<runDir>/.ultralytics-sync.json` when the directory can be written; else
 * `$XDG_STATE_HOME` (or `~/.local/state`)`/ultralytics-sync/<name>-<hash of the real path>.json`.
 * A writable run directory without a state file whose fallback holds one (written while it was
 * read-only) keeps using the fallback, so a re-run finds what arrived.
 */
function stateLocation(runDir, explicit, env) {
    if (explicit)
        return { file: node_path__WEBPACK_IMPORTED_MODULE_3__.resolve(explicit), fallback: false };
    const inRun = node_path__WEBPACK_IMPORTED_MODULE_3__.join(runDir, STATE_FILE_NAME);
    const fallback = fallbackFile(runDir, env);
    const why = unwritable(runDir);
    if (why)
        return { file: fallback, fallback: true, why };
    if (!node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync(inRun) && node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync(fallback))
        return { file: fallback, fallback: true };
    return { file: inRun, fallback: false };
}
function fallbackFile(runDir, env) {
    let real;
    try {
        real = node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync(runDir);
    }
    catch {
        real = node_path__WEBPACK_IMPORTED_MODULE_3__.resolve(runDir);
    }
    const home = env.HOME || node_os__WEBPACK_IMPORTED_MODULE_2__.homedir();
    const base = env.XDG_STATE_HOME && node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : node_path__WEBPACK_IMPORTED_MODULE_3__.join(home, '.local', 'state');
    const key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(real).digest('hex').slice(0, 16);
    const name = node_path__WEBPACK_IMPORTED_MODULE_3__.basename(real).replace(/[^A-Za-z0-9._-]/g, '_') || 'run';
    return node_path__WEBPACK_IMPORTED_MODULE_3__.join(base, 'ultralytics-sync', `${name}-${key}.json`);
}
/** Why a file cannot be created in `dir` (an errno code), or undefined when it can. */
function unwritable(dir) {
    try {
        node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync(dir, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
        return undefined;
    }
    catch (err) {
        const code = err.code;
        return code === 'ENOENT' ? undefined : (code ?? err.message);
    }
}
/** The state could not be written: the message says where, why, and how to continue. */
class StateSaveError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'StateSaveError';
    }
}
/** The state file is no file the sync can read (a FIFO, a device, far too big): the message names it and says to delete it. */
class StateLoadError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'StateLoadError';
    }
}
class StateFile {
    file;
    state;
    writable;
    createDir;
    constructor(file, state, writable, 
    /** Make the file's directory when missing (the user's state directory; never a deleted run directory). */
    createDir) {
        this.file = file;
        this.state = state;
        this.writable = writable;
        this.createDir = createDir;
    }
    /**
     * Reads the state for `scope` from `file`; a missing file, another scope or a damaged file start
     * empty. What is no state file at all (a FIFO, a device, a directory, more than a few MiB) is a
     * StateLoadError that names it and says to delete it: it is opened without blocking and read no
     * further than the cap (safe-read.ts), so it can neither hang the process nor fill its memory.
     */
    static load(file, scope, opts) {
        const empty = { version: 1, scope, epochs: [], consoleChunks: 0, uploads: [] };
        let state = empty;
        let text;
        try {
            text = (0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_4__/* .readRegularSync */ .Wy)(file, {
                what: 'The sync state file',
                confine: null,
                maxBytes: MAX_STATE_BYTES,
                fix: `delete it (\`rm ${file}\`) and re-run: a new state file is written in its place`,
            }).toString('utf8');
        }
        catch (err) {
            if (err instanceof _rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_4__/* .UnsafeFileError */ .h)
                throw new StateLoadError(err.message, { cause: err });
            if (err.code !== 'ENOENT') {
                opts.warn(`${file} could not be read (${err.message}); starting afresh.`);
            }
            return new StateFile(file, state, opts.writable, opts.createDir === true);
        }
        try {
            const parsed = JSON.parse(text);
            if (parsed?.version === 1 && parsed.scope === scope && Array.isArray(parsed.epochs)) {
                state = { ...empty, ...parsed };
            }
            else if (parsed?.scope && parsed.scope !== scope) {
                opts.warn(`${file} belongs to another target (${parsed.scope}); starting afresh for ${scope}.`);
            }
        }
        catch (err) {
            opts.warn(`${file} could not be read (${err.message}); starting afresh.`);
        }
        return new StateFile(file, state, opts.writable, opts.createDir === true);
    }
    get saved() {
        return this.state;
    }
    /**
     * Applies a change and persists it before returning; throws StateSaveError when it cannot be
     * written. Writes are serialised: a live run's steps and the console router may both change the
     * state at once, and two writes through the one temp file would race (the second rename finds no
     * file). Each write saves the state as it is then, so the last one holds every change.
     */
    async update(change) {
        change(this.state);
        if (!this.writable)
            return;
        const write = this.writing.then(() => this.persist());
        this.writing = write.catch(() => undefined);
        await write;
    }
    writing = Promise.resolve();
    async persist() {
        const tmp = `${this.file}.${process.pid}.tmp`;
        try {
            if (this.createDir)
                await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(this.file), { recursive: true });
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(tmp, JSON.stringify(this.state, null, 1) + '\n');
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(tmp, this.file);
        }
        catch (err) {
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(tmp, { force: true }).catch(() => undefined);
            throw this.saveError(err);
        }
    }
    /** Forgets everything but the target (a new training in the same directory) and persists that. */
    async reset() {
        const scope = this.state.scope;
        await this.update((s) => {
            for (const k of Object.keys(s))
                delete s[k];
            Object.assign(s, { version: 1, scope, epochs: [], consoleChunks: 0, uploads: [] });
        });
    }
    /** For signal handlers: persists synchronously. */
    flushSync() {
        if (!this.writable)
            return;
        const tmp = `${this.file}.${process.pid}.tmp`;
        try {
            if (this.createDir)
                node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync(node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(this.file), { recursive: true });
            node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync(tmp, JSON.stringify(this.state, null, 1) + '\n');
            node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync(tmp, this.file);
        }
        catch (err) {
            node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync(tmp, { force: true });
            throw this.saveError(err);
        }
    }
    /**
     * Removes the file on disk (nothing is left to claim a registration whose answer was lost), for
     * when it cannot be brought up to date. True when it is gone.
     */
    discard() {
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync(this.file, { force: true });
            return true;
        }
        catch {
            return false;
        }
    }
    saveError(err) {
        const why = err.code === 'ENOSPC' ? 'the disk is full' : err.message;
        const { modelId } = this.state;
        const next = modelId
            ? ` The run is model ${modelId}: free space and re-run with \`model: ${modelId}\` to continue it (a re-run without it cannot know what arrived).`
            : ' Free space, or set `state-file` to a writable place, and re-run.';
        return new StateSaveError(`Cannot save the sync state in ${this.file} (${why}).${next}`, { cause: err });
    }
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
 * dropped, whitespace collapsed, secrets redacted, and only then cut to `max` characters with `…`
 * (a cut before the redaction would leave most of a key that the reply echoes; `redact` also takes
 * a piece of a secret the cut leaves at the end).
 */
function quoteReply(body, max = 300, redact = (t) => t) {
    const raw = typeof body === 'string' ? body : body.toString('utf8');
    const clean = redact(replyText(raw).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim());
    return clean.length > max ? redact(`${clean.slice(0, Math.max(0, max - 1))}…`) : clean;
}
/** `0.2 s`, `2.5 s`, `41 s`: seconds for messages. */
function seconds(ms) {
    const s = ms / 1000;
    return s >= 10 ? `${Math.round(s)} s` : `${Math.round(s * 10) / 10} s`;
}


/***/ }),

/***/ 2005:
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
// EXTERNAL MODULE: ./build/src/transport/retry.js
var retry = __webpack_require__(693);
// EXTERNAL MODULE: ./build/src/transport/url-safety.js
var url_safety = __webpack_require__(1917);
;// CONCATENATED MODULE: ./build/src/transport/attempt.js



/** Retry-After on any answer; X-RateLimit-Reset on a 429 (other answers carry it as information). */
function serverWait(ex, now) {
    const retryAfter = (0,retry/* parseRetryAfter */.mu)(ex.headers['retry-after'], now);
    if (retryAfter !== null)
        return retryAfter;
    if (ex.status === 429)
        return (0,retry/* parseRateLimitReset */.yq)(ex.headers['x-ratelimit-reset'], now) ?? undefined;
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
function statusFailure(ex, url, now, redact) {
    const reply = (0,errors/* quoteReply */.HJ)(ex.body, 300, redact);
    let detail = (0,errors/* statusDetail */.YC)(ex.status, reply);
    const location = ex.headers.location;
    if (ex.status >= 300 && ex.status < 400 && location) {
        detail += ` (a redirect to ${redactLocation(location, url)}, which is not followed: use the final URL)`;
    }
    return { detail, retriable: (0,retry/* isRetriableStatus */.DM)(ex.status), status: ex.status, reply, waitMs: serverWait(ex, now) };
}
/** A 2xx answer that should have been JSON and is not (typically a proxy's HTML page). */
function notJsonFailure(ex, redact) {
    const reply = (0,errors/* quoteReply */.HJ)(ex.body, 120, redact);
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
    return { detail: (0,errors/* socketDetail */.Dh)(code, message), retriable: (0,retry/* isRetriableSocketError */.GN)(code), code };
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

// EXTERNAL MODULE: ./build/src/transport/pacer.js
var pacer = __webpack_require__(1980);
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
/**
 * The longest string kept from a JSON answer; a longer one is cut with `…`. Ids, slugs and signed
 * URLs are far shorter: a server string is untrusted, and a 5 MB slug must not become a 10 MB summary.
 */
const MAX_SERVER_STRING = 16 * 1024;
const capStrings = (_key, value) => typeof value === 'string' && value.length > MAX_SERVER_STRING ? `${value.slice(0, MAX_SERVER_STRING - 1)}…` : value;
function parseJson(body) {
    const text = body.toString('utf8');
    if (text.trim() === '')
        return { value: null };
    try {
        return { value: JSON.parse(text, capStrings) };
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
        this.pacer = opts.pacer ?? new pacer/* Pacer */._({ log: opts.log, sleep: this.sleep, now: this.now });
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
                return { failed: statusFailure(ex, url, this.now(), (t) => this.opts.log.redact(t)) };
            const parsed = parseJson(ex.body);
            if (!parsed)
                return { failed: notJsonFailure(ex, (t) => this.opts.log.redact(t)) };
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
                return { failed: statusFailure(ex, url, this.now(), (t) => this.opts.log.redact(t)) };
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
                    return { failed: statusFailure(ex, url, this.now(), (t) => this.opts.log.redact(t)) };
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
    const notActed = (0,retry/* serverCannotHaveActed */.UD)(f);
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
    return f.waitMs ?? Math.min((0,retry/* retryDelayMs */.qO)(s.attempt, s.policy, s.random), left);
}
function earlyAnswerFailure(ex) {
    return { detail: `${(0,errors/* statusDetail */.YC)(ex.status, '')} before the whole file was sent`, retriable: true, status: ex.status };
}


/***/ }),

/***/ 1980:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ Pacer),
/* harmony export */   v: () => (/* binding */ StopRequested)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5460);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(693);


const DEFAULT_MARGIN_MS = 50;
/** Waits longer than this are worth a log line. */
const NOTEWORTHY_WAIT_MS = 2000;
/** Thrown by `wait` once `stop` was called: the sync ends before its next request. */
class StopRequested extends Error {
    signal;
    constructor(signal) {
        super(`stopped by ${signal} before the next request`);
        this.signal = signal;
        this.name = 'StopRequested';
    }
}
class Pacer {
    opts;
    windows = new Map();
    margin;
    /** Waiters for a closed window, in order of arrival. */
    queue = Promise.resolve();
    stopped = null;
    /** Requests let through, per key. */
    granted = new Map();
    /** Per key, per limit value a reply named. */
    rules = new Map();
    constructor(opts) {
        this.opts = opts;
        this.margin = opts.marginMs ?? DEFAULT_MARGIN_MS;
    }
    /** Reads the rate-limit headers of a reply from the window `key` (an origin). */
    observe(key, headers) {
        const remainingText = [headers['x-ratelimit-remaining']].flat()[0];
        const remaining = remainingText === undefined ? NaN : Number.parseInt(remainingText, 10);
        const resetIn = (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRateLimitReset */ .yq)(headers['x-ratelimit-reset'], this.opts.now());
        if (Number.isNaN(remaining) && resetIn === null)
            return;
        const limitText = [headers['x-ratelimit-limit']].flat()[0];
        const limit = limitText === undefined ? NaN : Number.parseInt(limitText, 10);
        if (limit > 0 && !Number.isNaN(remaining) && resetIn !== null)
            this.learn(key, limit, remaining, resetIn);
        const w = this.window(key);
        if (!Number.isNaN(remaining))
            w.remaining = remaining;
        if (resetIn !== null)
            w.resetAt = this.opts.now() + resetIn;
    }
    learn(key, limit, remaining, resetIn) {
        let byLimit = this.rules.get(key);
        if (!byLimit)
            this.rules.set(key, (byLimit = new Map()));
        const r = byLimit.get(limit);
        const now = this.opts.now();
        const seen = { remaining, resetAt: now + resetIn, grantedAt: this.granted.get(key) ?? 0 };
        if (r)
            Object.assign(r, seen, { replies: r.replies + 1, windowMs: Math.max(r.windowMs, resetIn) });
        else
            byLimit.set(limit, { replies: 1, windowMs: resetIn, ...seen });
    }
    /**
     * The rate limit of the key this process sent the most requests to, as the replies told it; null
     * while no reply named a limit (`X-RateLimit-Limit`, with Remaining and Reset). When replies name
     * several limits (Platform's categories: 100/min, uploads 10/min), the one most replies named.
     */
    budget() {
        let best = null;
        for (const [key, byLimit] of this.rules) {
            const granted = this.granted.get(key) ?? 0;
            if (best && granted <= best.granted)
                continue;
            const [limit, r] = [...byLimit].reduce((a, b) => (b[1].replies > a[1].replies ? b : a));
            if (r.windowMs <= 0)
                continue;
            const remaining = Math.max(0, r.remaining - (granted - r.grantedAt));
            best = { granted, limit, windowMs: r.windowMs, remaining, resetAt: r.resetAt };
        }
        return best;
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
        return this.until(w.resetAt);
    }
    /**
     * How long until `resetAt`, plus the margin. A reset already past needs no wait at all: under a
     * sliding window the oldest request has left, so a slot is free now. (Waiting a margin there
     * anyway would cost it on every request of a window's second pass, about halving the pace.)
     */
    until(resetAt) {
        const left = resetAt - this.opts.now();
        return left > 0 ? left + this.margin : 0;
    }
    /** From now on, `wait` throws `StopRequested`: the request under way finishes, no other starts. */
    stop(signal) {
        this.stopped ??= signal;
    }
    get stopping() {
        return this.stopped !== null;
    }
    /** Resolves when a request to `key` may go: at once, or after the window resets. */
    async wait(key) {
        if (this.stopped)
            throw new StopRequested(this.stopped);
        await this.turn(key);
        this.granted.set(key, (this.granted.get(key) ?? 0) + 1);
    }
    async turn(key) {
        const w = this.windows.get(key);
        if (w && w.remaining !== undefined && w.remaining <= 0) {
            // First come, first served: each waiter takes its turn after those before it.
            const turn = this.queue.then(() => this.waitForReset(w));
            this.queue = turn.catch(() => undefined);
            await turn;
            if (this.stopped)
                throw new StopRequested(this.stopped);
        }
        else if (w?.remaining !== undefined)
            w.remaining -= 1;
    }
    async waitForReset(w) {
        if (w.remaining === undefined || w.remaining > 0) {
            if (w.remaining !== undefined)
                w.remaining -= 1;
            return;
        }
        const resetAt = w.resetAt;
        const delay = w.resetAt === undefined ? 0 : this.until(w.resetAt);
        if (delay > 0) {
            if (delay > NOTEWORTHY_WAIT_MS)
                this.opts.log.info(`rate limit: waiting ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .seconds */ .YA)(delay)} for the window to reset`);
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

/***/ 693:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DM: () => (/* binding */ isRetriableStatus),
/* harmony export */   GN: () => (/* binding */ isRetriableSocketError),
/* harmony export */   UD: () => (/* binding */ serverCannotHaveActed),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   qO: () => (/* binding */ retryDelayMs),
/* harmony export */   yq: () => (/* binding */ parseRateLimitReset)
/* harmony export */ });
/* unused harmony export isPermanentStatus */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5460);

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
    _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OwnCodes */ .tZ.deadline,
    _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OwnCodes */ .tZ.stall,
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


/***/ })

};
