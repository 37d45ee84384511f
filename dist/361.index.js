export const id = 361;
export const ids = [361];
export const modules = {

/***/ 4257:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ batches)
/* harmony export */ });
/** Groups items in order so that no group passes a byte budget (or an item count). */
function batches(items, sizeOf, maxBytes, maxCount = Infinity) {
    const out = [];
    let current = [];
    let bytes = 0;
    for (const item of items) {
        const size = sizeOf(item);
        if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
            out.push(current);
            current = [];
            bytes = 0;
        }
        current.push(item);
        bytes += size;
    }
    if (current.length > 0)
        out.push(current);
    return out;
}


/***/ }),

/***/ 1208:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GI: () => (/* binding */ matchRuns),
/* harmony export */   up: () => (/* binding */ orderByStart),
/* harmony export */   v9: () => (/* binding */ matchDirectories),
/* harmony export */   wH: () => (/* binding */ rel)
/* harmony export */ });
/* unused harmony export isRunDir */
/* harmony import */ var _actions_glob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2377);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _inputs_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7516);
/* harmony import */ var _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2542);
/* harmony import */ var _rundir_tune_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9082);
/**
 * Which run directories a step syncs. `run-dir` patterns (globs, one per line, `!` to exclude, as
 * actions/upload-artifact's `path`) match directories; every matched directory that holds a
 * results.csv or an args.yaml is a run. Anything else is passed over without a word: a `yolo tune`
 * folder (kept aside for the summary), `predict/`, `val/`, `weights/`.
 *
 * Runs are ordered by when they started: a trainer writes args.yaml first (YOLOv5: opt.yaml) and
 * never again, while results.csv changes until the end. Equal times fall back to the natural order
 * of the names (train, train2, train10).
 */






const RUN_FILES = ['args.yaml', 'opt.yaml', 'results.csv'];
/** The run directories that `patterns` match. A pattern set matching no run is an error that says what was matched. */
async function matchRuns(patterns, workspace) {
    const dirs = await matchDirectories(patterns);
    const runs = orderByStart(dirs.filter(isRunDir));
    const tuneDirs = (await Promise.all(dirs.map(async (d) => ((await (0,_rundir_tune_js__WEBPACK_IMPORTED_MODULE_5__/* .isTuneDir */ .gO)(d)) ? d : null)))).filter((d) => d !== null).sort();
    if (runs.length === 0) {
        const shown = patterns.map((p) => (p.startsWith('!') ? '!' + rel(workspace, p.slice(1)) : rel(workspace, p))).join(', ');
        throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.RunDir, `(${shown}) matched ${dirs.length === 0 ? 'no directory' : `${dirs.length} director${dirs.length === 1 ? 'y' : 'ies'} but none holding a results.csv or an args.yaml`}. ` +
            'Point it at training save_dirs, e.g. `runs/detect/*` or `archive/**`.');
    }
    return { runs, tuneDirs };
}
/** The directories `patterns` match (symbolic links not followed; a pattern matches itself, not what is below). */
async function matchDirectories(patterns) {
    const globber = await _actions_glob__WEBPACK_IMPORTED_MODULE_0__/* .create */ .v(patterns.join('\n'), { matchDirectories: true, implicitDescendants: false, followSymbolicLinks: false });
    return [...new Set(await globber.glob())].filter(isDirectory);
}
/**
 * A directory that a training wrote: it holds a results.csv or an args.yaml (YOLOv5: opt.yaml). A
 * symbolic link counts too (archives kept with git-annex or DVC): the run is then read through the
 * safe reader, which refuses a link out of the workspace and reports the run, never drops it silently.
 */
function isRunDir(dir) {
    return RUN_FILES.some((f) => {
        const s = lstat(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, f));
        return s !== null && (s.isFile() || s.isSymbolicLink());
    });
}
/** When the training of `dir` started, as well as the files tell (ms since the epoch). */
function startOf(dir) {
    let first = Infinity;
    for (const f of RUN_FILES) {
        const s = stat(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, f));
        if (s?.isFile())
            first = Math.min(first, s.mtimeMs);
    }
    return first;
}
const natural = new Intl.Collator('en', { numeric: true });
function orderByStart(dirs) {
    const start = new Map(dirs.map((d) => [d, startOf(d)]));
    return [...dirs].sort((a, b) => start.get(a) - start.get(b) || natural.compare(a, b));
}
/** The entry itself (a link is not followed); null when it cannot be seen (missing, no permission). */
function lstat(p) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync(p);
    }
    catch {
        return null;
    }
}
/** What the entry leads to (a link is followed): only its times are used. */
function stat(p) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync(p);
    }
    catch {
        return null;
    }
}
const isDirectory = (p) => lstat(p)?.isDirectory() === true;
function rel(workspace, p) {
    const r = node_path__WEBPACK_IMPORTED_MODULE_2__.relative(workspace, p);
    return r === '' ? '.' : r.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(r) ? p : r;
}


/***/ }),

/***/ 2952:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ checkIdentity),
/* harmony export */   i: () => (/* binding */ inputsForRun)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _inputs_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7516);
/* harmony import */ var _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2542);
/* harmony import */ var _find_runs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1208);
/**
 * Which inputs belong to one run, and so what each run of a step is synced as. `project` applies to
 * every run; each run keeps its own name from its args.yaml. `name` and `model` (and the inputs
 * that name one run's files or figures) each name one run: with several runs after the training
 * they are an error before anything is sent; in watch mode, where the runs are not known in
 * advance, they apply to the first run, and a later run is synced under its own name.
 */




/** Inputs that name a single run; set with several runs, they are an error. */
function singleRunInputs(inputs) {
    const set = [
        [_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Name, inputs.name !== null],
        [_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Model, inputs.model.kind !== 'none'],
        [_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Metrics, inputs.metrics !== null],
        [_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Args, inputs.args !== null],
        [_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Weights, inputs.weights !== null],
        [_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Epoch, inputs.epoch !== null],
        [_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Map, inputs.map !== null],
        [_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.StateFile, inputs.stateFile !== null],
    ];
    return set.filter(([, isSet]) => isSet).map(([name]) => name);
}
/** Refuses, before anything is sent, inputs that name one run when several matched. */
function checkIdentity(inputs, runDirs) {
    if (runDirs.length < 2)
        return;
    const set = singleRunInputs(inputs);
    if (set.length === 0)
        return;
    const shown = runDirs.slice(0, 10).map((d) => (0,_find_runs_js__WEBPACK_IMPORTED_MODULE_3__/* .rel */ .wH)(inputs.workspace, d));
    const more = runDirs.length > shown.length ? ` and ${runDirs.length - shown.length} more` : '';
    throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(set[0], `names one run, but \`run-dir\` matched ${runDirs.length}: ${shown.join(', ')}${more}. ` +
        `${set.map((s) => `\`${s}\``).join(', ')} cannot apply to several runs. Give each training its own name (\`name=…\` in the training command) ` +
        'and drop the input, or sync the runs one per step with one `run-dir` each.');
}
/**
 * The inputs of run `index` (0: the first to start). In watch mode `name` and `model` apply to the
 * first run only; a later run is synced under its args.yaml name, with a warning.
 */
function inputsForRun(inputs, runDir, index, opts) {
    const own = { ...inputs, runDir, runDirPatterns: null, status: opts.status ?? inputs.status };
    if (index === 0)
        return own;
    const set = singleRunInputs(inputs);
    if (set.length > 0 && runDir) {
        opts.log.warning(`${set.map((s) => `\`${s}\``).join(', ')} applied to the first run only; ${node_path__WEBPACK_IMPORTED_MODULE_0__.basename(runDir)} is synced under its own args.yaml name. ` +
            'Give each training its own name (`name=…` in the training command) to choose it.');
    }
    return { ...own, name: null, model: { kind: 'none' }, metrics: null, args: null, weights: null, epoch: null, map: null, stateFile: null };
}


/***/ }),

/***/ 9116:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OG: () => (/* binding */ logLines),
/* harmony export */   WK: () => (/* binding */ readLogLines),
/* harmony export */   i$: () => (/* binding */ stampLine),
/* harmony export */   jt: () => (/* binding */ chunkLines),
/* harmony export */   xo: () => (/* binding */ checkLogFile)
/* harmony export */ });
/* unused harmony exports MAX_LINE_BYTES, capLine */
/* harmony import */ var _batches_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4257);
/* harmony import */ var _rundir_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9843);
/* harmony import */ var _rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3534);
/**
 * A training log file as Platform console chunks. The live trainer flushes every 5 lines; for a
 * whole file, larger chunks keep the request count (and the rate limit) low.
 *
 * Live, each line goes out stamped with the local time it was read, as the real client's
 * ConsoleLogger stamps what it captures (`datetime.now()`, local time): `[2026-12-02 01:58:11] …`.
 */



const MAX_LINES = 500;
const MAX_BYTES = 64 * 1024;
/** A longer line keeps its head and tail: one line never fills a chunk, nor passes a server's body limit. */
const MAX_LINE_BYTES = 8 * 1024;
/** The largest log-file read (counted in bytes read): a 300-epoch training writes a few MiB. */
const MAX_LOG_BYTES = 256 * 1024 * 1024;
/** How a log-file is read (safe-read.ts); `confine`: the workspace, which a log-file in it may not leave through a symlink. */
function logRule(confine) {
    return { what: 'log-file', confine, maxBytes: MAX_LOG_BYTES, fix: "point `log-file` at the training's console log" };
}
/**
 * Refuses, before anything is sent, a log-file that `readLogLines` would refuse: one that leads out
 * of the workspace, is not a regular file, or is over the read cap (an UnsafeFileError). Node's own
 * errors (ENOENT, EACCES) are thrown as they are.
 */
async function checkLogFile(file, confine = null) {
    await (0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_1__/* .checkRegular */ .xc)(file, logRule(confine));
}
/** `confine`: the workspace; a log-file in it may not lead out of it through a symlink (safe-read.ts). */
async function readLogLines(file, confine = null) {
    let text;
    try {
        text = (await (0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_1__/* .readRegular */ .VX)(file, logRule(confine))).toString('utf8');
    }
    catch (err) {
        if (err instanceof _rundir_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RunDirError */ .L)
            throw err;
        throw new Error(`Cannot read log-file ${file}: ${(0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_1__/* .describeReadError */ .U)(err)}. Point \`log-file\` at the training's console log.`);
    }
    return logLines(text);
}
/** A log's text as lines. Progress bars rewrite their line with \r: keep what was shown last. */
function logLines(text) {
    return text
        .replace(/\r\n/g, '\n')
        .split('\n')
        .map((line) => line.slice(line.lastIndexOf('\r') + 1))
        .filter((line, i, all) => line !== '' || i < all.length - 1);
}
/**
 * Splits lines into chunks of at most MAX_LINES lines and MAX_BYTES bytes, each line cut to
 * MAX_LINE_BYTES first. The line count stays the same, so the state file's count of sent lines holds.
 */
function chunkLines(lines) {
    return (0,_batches_js__WEBPACK_IMPORTED_MODULE_2__/* .batches */ .X)(lines.map((line) => capLine(line)), (line) => Buffer.byteLength(line) + 1, MAX_BYTES, MAX_LINES);
}
/** A line over MAX_LINE_BYTES as its head, `… N bytes cut …` and its tail, cut on UTF-8 character boundaries. */
function capLine(line, max = MAX_LINE_BYTES) {
    if (line.length * 3 <= max)
        return line; // cannot be over: a UTF-16 unit is at most 3 UTF-8 bytes
    const bytes = Buffer.from(line, 'utf8');
    if (bytes.length <= max)
        return line;
    const keep = Math.floor((max - 40) / 2);
    let headEnd = keep;
    while (headEnd > 0 && (bytes[headEnd] & 0xc0) === 0x80)
        headEnd--;
    let tailStart = bytes.length - keep;
    while (tailStart < bytes.length && (bytes[tailStart] & 0xc0) === 0x80)
        tailStart++;
    const cut = tailStart - headEnd;
    return `${bytes.toString('utf8', 0, headEnd)} … ${cut} bytes cut … ${bytes.toString('utf8', tailStart)}`;
}
const pad = (n) => String(n).padStart(2, '0');
/**
 * `line` prefixed with `[YYYY-MM-DD HH:MM:SS] ` in local time, as the real client's ConsoleLogger
 * does; a line that already starts with `[20` (stamped by the trainer itself) is left as it is.
 */
function stampLine(line, date) {
    if (line.startsWith('[20'))
        return line;
    const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    return `[${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}] ${line}`;
}


/***/ }),

/***/ 5206:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G1: () => (/* binding */ rowPrint),
/* harmony export */   sW: () => (/* binding */ startOverIfRewritten),
/* harmony export */   yh: () => (/* binding */ csvSize)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/**
 * A training restarted in the same run directory (`exist_ok=True`) writes its results.csv again
 * from epoch 0. Sent on top of the run registered for the first training, it would leave a mixed
 * curve on the server, reported as synced. So each acknowledged epoch keeps a fingerprint of its
 * row in the state file, and results.csv its size; a file that shrank, or an acknowledged epoch
 * whose row changed, is a new training: it is registered as a new run, from a fresh state. Every
 * acknowledged row is compared, not only the first: a new training with the default seed writes
 * the same epoch 0 and differs only from epoch 1 on.
 *
 * A resumed training (`resume=True`) is not a restart: it may write the epoch it was killed in
 * again (the later row wins, results-csv.ts), which can be the last acknowledged one, but never an
 * earlier one. So the last acknowledged row may differ; its new row is then taken as that epoch's,
 * so that it is compared as written now once later epochs are acknowledged.
 *
 * A state file written before fingerprints were kept (no `rowPrints`) has only the size check.
 */


/** A short digest of what a row sends: its metrics and learning rates. */
function rowPrint(row) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify([row.metrics, row.lr])).digest('hex').slice(0, 16);
}
/** The size of results.csv now, or undefined when it cannot be seen. */
function csvSize(ctx) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync(ctx.plan.metrics.path).size;
    }
    catch {
        return undefined;
    }
}
/** Why results.csv is a new training's, or null when it continues the one the state file describes. */
function rewriteReason(ctx) {
    const { rowPrints, csvBytes, epochs } = ctx.state.saved;
    if (epochs.length === 0)
        return null;
    const size = csvSize(ctx);
    if (csvBytes !== undefined && size !== undefined && size < csvBytes) {
        return `${ctx.plan.metrics.path} shrank from ${csvBytes} to ${size} bytes`;
    }
    if (!rowPrints)
        return null;
    // Every acknowledged epoch but the last (a resumed training may write that one again), in order.
    const last = Math.max(...epochs);
    const rows = new Map(ctx.plan.metrics.rows.map((r) => [r.epoch, r]));
    for (const epoch of [...epochs].sort((a, b) => a - b)) {
        if (epoch === last)
            break;
        const row = rows.get(epoch);
        const was = rowPrints[String(epoch)];
        if (row && was && rowPrint(row) !== was)
            return `epoch ${epoch} of ${ctx.plan.metrics.path} differs from the one sent`;
    }
    return null;
}
/**
 * The last acknowledged epoch when results.csv holds another row for it (a resumed training wrote
 * the epoch it was killed in again), else undefined.
 */
function rewrittenLast(ctx) {
    const { rowPrints, epochs } = ctx.state.saved;
    if (!rowPrints || epochs.length === 0)
        return undefined;
    const epoch = Math.max(...epochs);
    const row = ctx.plan.metrics.rows.find((r) => r.epoch === epoch);
    const was = rowPrints[String(epoch)];
    if (!row || !was)
        return undefined;
    const print = rowPrint(row);
    return print === was ? undefined : { epoch, print };
}
/**
 * When results.csv was written again by a new training: warns, and starts the state afresh so that
 * the next `openRun` registers a new run. True when it did.
 */
async function startOverIfRewritten(ctx) {
    const why = rewriteReason(ctx);
    if (!why) {
        // A resumed training: the last acknowledged epoch's new row is the one later checks compare.
        const resumed = rewrittenLast(ctx);
        if (resumed)
            await ctx.state.update((s) => void (s.rowPrints = { ...s.rowPrints, [String(resumed.epoch)]: resumed.print }));
        return false;
    }
    const old = ctx.state.saved.modelUrl ?? ctx.state.saved.modelId ?? 'the earlier run';
    const continuing = ctx.inputs.model.kind === 'id';
    ctx.log.warning(`A new training wrote ${ctx.plan.metrics.path} again (${why}): ` +
        (continuing
            ? `\`model\` names the run to continue, so its epochs are sent to it again from the start, over the earlier ones. `
            : `it is registered as a new run, and ${old} is left as it was. `) +
        'To keep one run per training, give each training its own name (or exist_ok=False).');
    await ctx.state.reset();
    return true;
}


/***/ }),

/***/ 4190:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ sendNewEpochs),
/* harmony export */   Fm: () => (/* binding */ unsentRows),
/* harmony export */   Iy: () => (/* binding */ openRun),
/* harmony export */   Np: () => (/* binding */ syncRun),
/* harmony export */   Ut: () => (/* binding */ uploadOne),
/* harmony export */   Wy: () => (/* binding */ reportRunDirGone),
/* harmony export */   rQ: () => (/* binding */ sendConsoleLines)
/* harmony export */ });
/* harmony import */ var _rundir_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9843);
/* harmony import */ var _rundir_readable_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8676);
/* harmony import */ var _rundir_weights_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6503);
/* harmony import */ var _transport_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5460);
/* harmony import */ var _console_log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9116);
/* harmony import */ var _rewrite_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5206);
/* harmony import */ var _state_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1534);







/** A failure that ends only the current step: a later re-run can still send it. */
function isRecoverable(err) {
    return err instanceof _transport_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HttpError */ .j$ && !err.permanent;
}
async function syncRun(ctx) {
    const { backend, log, inputs } = ctx;
    // Platform has no key check of its own: its first event (training_started) proves the key.
    if (backend.checkKey)
        await log.group(`Check the ${backend.name} key`, () => backend.checkKey());
    await checkReadable(ctx);
    if (inputs.dryRun)
        return dryRun(ctx);
    const problems = [];
    await (0,_rewrite_js__WEBPACK_IMPORTED_MODULE_5__/* .startOverIfRewritten */ .sW)(ctx);
    const reg = await openRun(ctx);
    try {
        let cancelled = reg.cancelled || ctx.state.saved.cancelled === true;
        const epochsBefore = ctx.state.saved.epochs.length;
        if (!cancelled)
            cancelled = await step('Metrics', ctx, problems, () => sendNewEpochs(ctx));
        // Console output is not worth the run: what the server refuses for good is given up (`lost`),
        // and does not hold back the weights or the completion.
        const lost = [];
        if (!cancelled && inputs.logFile)
            await step('Console log', ctx, problems, () => sendConsole(ctx, lost), lost);
        const files = cancelled ? [] : await sendWeights(ctx, problems);
        if (cancelled)
            log.warning('The server cancelled this run: nothing more is sent.');
        else if (problems.length === 0 && ctx.state.saved.finished !== inputs.status) {
            await step('Report the run', ctx, problems, () => finish(ctx, files));
        }
        problems.push(...lost);
        return {
            status: cancelled ? 'cancelled' : problems.length ? 'partial' : 'synced',
            modelId: reg.modelId,
            modelUrl: reg.modelUrl,
            epochsOnServer: ctx.state.saved.epochs.length,
            epochsSent: ctx.state.saved.epochs.length - epochsBefore,
            files,
            problems,
        };
    }
    finally {
        backend.close();
    }
}
/** Every file this sync will send can be read, before anything is sent (a failure at upload would leave the run open). */
async function checkReadable(ctx) {
    for (const f of filesToSend(ctx))
        await (0,_rundir_readable_js__WEBPACK_IMPORTED_MODULE_1__/* .assertReadable */ .D)(f.path, `weights file (${f.role})`);
    // The rules of the later read itself (workspace confinement, regular file, size cap), not only "it opens".
    if (ctx.inputs.logFile && ctx.backend.sendsConsole) {
        const file = ctx.inputs.logFile;
        await (0,_console_log_js__WEBPACK_IMPORTED_MODULE_4__/* .checkLogFile */ .xo)(file, ctx.inputs.workspace).catch((err) => {
            throw err instanceof _rundir_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RunDirError */ .L ? err : (0,_rundir_readable_js__WEBPACK_IMPORTED_MODULE_1__/* .cannotRead */ .U)(file, '`log-file`', err);
        });
    }
}
/**
 * Loads or creates the model (HUB), or registers or continues the run (Platform), recording the
 * attempt first and the answer at once, so that neither a re-run nor a later step registers twice.
 */
async function openRun(ctx) {
    const { backend, log } = ctx;
    return log.group('Open the model', async () => {
        refuseAnotherModel(ctx);
        refuseAfterLostRegistration(ctx);
        const r = await backend
            .open(ctx.state.saved, () => ctx.state.update((s) => {
            s.registering = { at: new Date().toISOString() };
        }), (change) => ctx.state.update(change))
            .catch(async (err) => {
            if (err instanceof _transport_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HttpError */ .j$ && err.ambiguous) {
                throw new Error(`${err.message}. The server may have registered the run before the answer was lost; it was not asked again, ` +
                    'because that could register a second run. Find the run on the server and re-run with `model: <modelId>`.');
            }
            await ctx.state.update((s) => delete s.registering);
            throw err;
        });
        await ctx.state
            .update((s) => {
            s.modelId = r.modelId;
            s.runId = r.runId;
            s.modelUrl = r.modelUrl;
            delete s.registering;
        })
            .catch((err) => {
            if (!(err instanceof _state_file_js__WEBPACK_IMPORTED_MODULE_6__/* .StateSaveError */ .ng))
                throw err;
            // The file on disk still says "registering": a re-run would refuse, as if the server never answered.
            const gone = ctx.state.discard();
            log.error(`${r.created ? 'Registered' : 'Continuing'} ${r.modelUrl} (model ${r.modelId}), but its progress cannot be saved. To continue this run, re-run with \`model: ${r.modelId}\`.`);
            throw new Error(`${err.message}${gone ? '' : ` Delete ${ctx.state.file} before that.`} Nothing more was sent.`, { cause: err });
        });
        log.info(`${r.created ? 'Registered' : 'Continuing'} ${r.modelUrl}`);
        return r;
    });
}
/**
 * `model: <id>` names another model than the one the state file's progress belongs to: continuing
 * the saved one would ignore the input, and sending to the given one would skip what "arrived"
 * on the other. Stop, and say how to do either.
 */
function refuseAnotherModel(ctx) {
    const given = ctx.inputs.model;
    const saved = ctx.state.saved.modelId;
    if (given.kind !== 'id' || !saved || saved === given.id)
        return;
    throw new Error(`\`model\` names model ${given.id}, but ${ctx.state.file} records this run's progress on model ${saved}. Nothing was sent. ` +
        `To continue model ${saved}, drop \`model\` or set it to ${saved}; to send this run to model ${given.id} from the start, ` +
        `delete ${ctx.state.file} or give another \`state-file\`.`);
}
/**
 * A registration whose answer was lost may have created the run: registering again could make a
 * second one. Stop, and say how to continue the first.
 */
function refuseAfterLostRegistration(ctx) {
    const pending = ctx.state.saved.registering;
    if (!pending || ctx.state.saved.modelId || ctx.inputs.model.kind === 'id')
        return;
    throw new Error(`An earlier attempt (${pending.at}) asked the server to register this run but never got the answer, so the run may exist already. ` +
        'To avoid a duplicate, nothing is registered again. Find the run on the server and pass its id as `model: <modelId>` to continue it, ' +
        `or delete ${ctx.state.file} to register a new run.`);
}
/**
 * Runs one step; a recoverable failure is recorded and the sync goes on. With `lost`, a server's
 * permanent refusal is recorded there and the sync goes on too (a re-run would only be refused again).
 * Returns true on cancel.
 */
async function step(name, ctx, problems, fn, lost) {
    return ctx.log.group(name, async () => {
        try {
            return (await fn()) === true;
        }
        catch (err) {
            if (lost && err instanceof _transport_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HttpError */ .j$ && err.permanent) {
                lost.push(`${name}: ${err.message}`);
                ctx.log.error(`${name} not sent: ${err.message}. The server refused it for good; the rest of the run is sent without it.`);
                return false;
            }
            if (!isRecoverable(err))
                throw err;
            const msg = err.message;
            problems.push(msg);
            ctx.log.error(`${msg}. It is kept in ${ctx.state.file}; re-run the job to send what is missing.`);
            return false;
        }
    });
}
/**
 * Sends the epochs of the plan that the state file does not list yet: all of them after the
 * training, or the rows that are new since the last call while it runs (`live`, quietly). Returns
 * true when the server cancelled the run.
 */
async function sendNewEpochs(ctx, live) {
    const arrived = ctx.state.saved.epochs.length;
    const rows = unsentRows(ctx);
    if (rows.length === 0) {
        if (!live)
            ctx.log.info(`All ${arrived} epochs are already on the server.`);
        return false;
    }
    if (live)
        ctx.log.info(`Epoch${rows.length > 1 ? 's' : ''} ${rows.map((r) => r.epoch).join(', ')} → ${ctx.backend.name}`);
    else if (arrived > 0)
        ctx.log.info(`${arrived} epochs arrived in an earlier attempt; sending the other ${rows.length}.`);
    const { cancelled } = await ctx.backend.sendEpochs(rows, live, (epochs) => ctx.state.update((s) => {
        const all = new Set([...s.epochs, ...epochs]);
        s.epochs = [...all].sort((a, b) => a - b);
        s.rowPrints ??= {};
        for (const r of rows)
            if (epochs.includes(r.epoch))
                s.rowPrints[String(r.epoch)] = (0,_rewrite_js__WEBPACK_IMPORTED_MODULE_5__/* .rowPrint */ .G1)(r);
        s.csvBytes = (0,_rewrite_js__WEBPACK_IMPORTED_MODULE_5__/* .csvSize */ .yh)(ctx) ?? s.csvBytes;
    }));
    if (!live)
        ctx.log.info(`${ctx.state.saved.epochs.length} of ${ctx.plan.metrics.rows.length} epochs are on the server.`);
    return cancelled;
}
/** The plan's epochs that the state file does not list as arrived. */
function unsentRows(ctx) {
    const done = new Set(ctx.state.saved.epochs);
    return ctx.plan.metrics.rows.filter((r) => !done.has(r.epoch));
}
/** The whole log file after the training: the lines the state file does not count as sent yet. */
async function sendConsole(ctx, lost) {
    if (!ctx.backend.sendsConsole) {
        ctx.log.warning('`log-file` is sent to Ultralytics Platform only; HUB has no console log. Ignored.');
        return;
    }
    const { consoleFrom, consoleTo } = ctx.state.saved;
    const all = await (0,_console_log_js__WEBPACK_IMPORTED_MODULE_4__/* .readLogLines */ .WK)(ctx.inputs.logFile, ctx.inputs.workspace);
    // A log that several runs wrote: this run's window of it, as the live sync routed it.
    const lines = consoleFrom === undefined && consoleTo === undefined ? all : all.slice(consoleFrom ?? 0, consoleTo ?? all.length);
    const sent = sentLineCount(ctx, lines);
    if (sent >= lines.length) {
        ctx.log.info('The console log already arrived.');
        return;
    }
    if (ctx.state.saved.consoleLines === undefined)
        await ctx.state.update((s) => void (s.consoleLines = sent));
    // After a live sync (it opened the run's window of the log), the lines it had not sent yet were
    // written moments ago: stamped as the live ones are. A log sent after the training has no times.
    const now = new Date();
    const rest = consoleFrom === undefined ? lines.slice(sent) : lines.slice(sent).map((line) => (0,_console_log_js__WEBPACK_IMPORTED_MODULE_4__/* .stampLine */ .i$)(line, now));
    const chunks = await sendConsoleLines(ctx, rest, lost);
    ctx.log.info(`Sent ${lines.length - sent} log lines in ${chunks} chunk(s).`);
}
/**
 * Sends `lines`, which follow the lines already sent, in chunks numbered on from the state file's
 * last chunk; each acknowledged chunk is recorded with its line count at once. A chunk the server
 * refuses for good (a 413 body limit, a 400) is given up: its lines are counted as done, the
 * reason goes to `lost` (else to the log), and the chunks after it are still sent.
 */
async function sendConsoleLines(ctx, lines, lost) {
    const chunks = (0,_console_log_js__WEBPACK_IMPORTED_MODULE_4__/* .chunkLines */ .jt)(lines);
    let next = 0;
    while (next < chunks.length) {
        const first = ctx.state.saved.consoleChunks + 1;
        const from = next;
        try {
            await ctx.backend.sendConsole(chunks.slice(from), first, async (chunkId) => {
                await ctx.state.update((s) => {
                    s.consoleLines = (s.consoleLines ?? 0) + chunks[from + chunkId - first].length;
                    s.consoleChunks = chunkId;
                });
                next = from + chunkId - first + 1;
            });
            next = chunks.length;
        }
        catch (err) {
            if (!refusedForGood(err))
                throw err;
            const refused = chunks[next];
            const msg = `${refused.length} console line(s) given up: ${err.message}`;
            if (lost)
                lost.push(msg);
            ctx.log.error(`${msg}. The server refuses them for good; the lines after them are still sent.`);
            await ctx.state.update((s) => void (s.consoleLines = (s.consoleLines ?? 0) + refused.length));
            next++;
        }
    }
    return chunks.length;
}
/** A refusal of the request's content itself: sending the same bytes again cannot succeed. */
function refusedForGood(err) {
    return err instanceof _transport_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HttpError */ .j$ && err.permanent && (err.status === 400 || err.status === 413 || err.status === 422);
}
/**
 * Lines already sent. A state file from before `consoleLines` counted whole-file chunks only, and
 * cannot tell how many lines its last chunk held: the file's lines are re-chunked and counted as
 * that release would have, so lines appended since then may be taken as sent (as they were then).
 */
function sentLineCount(ctx, lines) {
    const { consoleLines, consoleChunks } = ctx.state.saved;
    if (consoleLines !== undefined)
        return consoleLines;
    return (0,_console_log_js__WEBPACK_IMPORTED_MODULE_4__/* .chunkLines */ .jt)(lines)
        .slice(0, consoleChunks)
        .reduce((n, c) => n + c.length, 0);
}
/**
 * The files this sync uploads, in order: the checkpoint before the final model (Platform keeps one
 * weights file per model and must never get last.pt after best.pt, so it takes the final one only),
 * and the final model only for a successful training.
 */
function filesToSend(ctx) {
    const final = ctx.inputs.status === 'success' ? ctx.plan.final : undefined;
    const checkpoint = ctx.backend.sendsCheckpoints ? ctx.plan.checkpoint : undefined;
    return [checkpoint, final].filter((f) => f !== undefined);
}
async function sendWeights(ctx, problems) {
    const wanted = filesToSend(ctx);
    const results = [];
    for (const file of wanted) {
        const result = await ctx.log.group(`Upload ${file.name} (${file.role})`, () => uploadOne(ctx, file, problems));
        results.push(result);
    }
    return results;
}
/**
 * Uploads one file in its role unless the same bytes (by sha256) already arrived for that role; a
 * failure after the retries is added to `problems` and the sync goes on. `at` tells HUB which epoch
 * a live checkpoint belongs to.
 */
async function uploadOne(ctx, file, problems, at) {
    const base = { path: file.path, name: file.name, role: file.role, bytes: file.bytes };
    const save = (entry) => ctx.state.update((s) => {
        s.uploads = s.uploads.filter((u) => u.role !== file.role);
        s.uploads.push(entry);
    });
    try {
        const earlier = ctx.state.saved.uploads.find((u) => u.role === file.role && u.bytes === file.bytes);
        const sha256 = earlier ? await (0,_rundir_weights_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256File */ .Q3)(file.path) : '';
        if (earlier && sha256 === earlier.sha256) {
            // The bytes arrived earlier; only the server's record of them may still be missing.
            if (earlier.confirmed === false && ctx.backend.confirmUpload) {
                await ctx.backend.confirmUpload(file, earlier);
                await save({ ...earlier, confirmed: true });
            }
            ctx.log.info(`${file.name} (sha256 ${sha256.slice(0, 12)}…) already arrived in an earlier attempt; not sent again.`);
            return { ...base, sha256, ms: 0, outcome: 'already-there' };
        }
        const entry = (sent, confirmed) => ({
            role: file.role,
            name: file.name,
            bytes: sent.bytes,
            sha256: sent.sha256,
            serverPath: sent.serverPath,
            confirmed,
        });
        const sent = await ctx.backend.upload(file, (stored) => save(entry(stored, false)), at);
        await save(entry(sent, true));
        return { ...base, bytes: sent.bytes, sha256: sent.sha256, ms: sent.ms, outcome: 'uploaded' };
    }
    catch (err) {
        if (!isRecoverable(err))
            throw err;
        const msg = `Failed to upload ${file.name} (${file.role}): ${err.message}`;
        problems.push(msg);
        ctx.log.error(`${msg}. Re-run the job to send it.`);
        return { ...base, sha256: '', ms: 0, outcome: 'failed' };
    }
}
/**
 * The run directory vanished while the training ran (deleted under the watcher): nothing more can
 * be read from it, so the run registered for it is reported failed, once. The state file went with
 * the directory (unless kept elsewhere); it is not written back, so the directory is not made again.
 */
async function reportRunDirGone(ctx) {
    const { log, state } = ctx;
    const what = state.saved.modelUrl ?? state.saved.modelId;
    log.error(`The run directory ${ctx.plan.runDir} was deleted while the training ran: nothing more can be read or sent from it.` +
        (what && !state.saved.finished ? ` Reporting ${what} as failed.` : ''));
    if (!state.saved.modelId || state.saved.finished)
        return;
    try {
        await ctx.backend.finish({ status: 'failure' });
        log.info('Reported the run as failure.');
    }
    catch (err) {
        log.error(`Could not report the run as failed: ${err.message}`);
    }
}
async function finish(ctx, files) {
    const final = files.find((f) => f.role === 'final' && f.outcome !== 'failed');
    const saved = final ? ctx.state.saved.uploads.find((u) => u.role === 'final') : undefined;
    await ctx.backend.finish({
        status: ctx.inputs.status,
        finalModel: final && saved ? { sha256: saved.sha256, bytes: saved.bytes, ms: final.ms, serverPath: saved.serverPath } : undefined,
    });
    await ctx.state.update((s) => {
        s.finished = ctx.inputs.status;
    });
    ctx.log.info(ctx.inputs.status === 'success' ? 'Reported the run as complete.' : `Reported the run as ${ctx.inputs.status}.`);
}
async function dryRun(ctx) {
    const { plan, log } = ctx;
    await log.group('Check the target', async () => log.info(await ctx.backend.inspect()));
    const files = [];
    for (const file of filesToSend(ctx)) {
        files.push({ path: file.path, name: file.name, role: file.role, bytes: file.bytes, sha256: await (0,_rundir_weights_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256File */ .Q3)(file.path), ms: 0, outcome: 'planned' });
    }
    const toSend = unsentRows(ctx).length;
    log.info(`Dry run: would send ${toSend} of ${plan.metrics.rows.length} epochs and ${files.length} file(s): ` +
        (files.map((f) => `${f.name} as ${f.role}`).join(', ') || 'none') +
        '. Nothing was uploaded.');
    return {
        status: 'dry-run',
        modelId: ctx.state.saved.modelId ?? '',
        modelUrl: ctx.state.saved.modelUrl ?? '',
        epochsOnServer: ctx.state.saved.epochs.length,
        epochsSent: 0,
        files,
        problems: [],
    };
}


/***/ })

};
