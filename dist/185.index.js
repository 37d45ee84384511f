export const id = 185;
export const ids = [185];
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

/***/ 9116:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OG: () => (/* binding */ logLines),
/* harmony export */   WK: () => (/* binding */ readLogLines),
/* harmony export */   jt: () => (/* binding */ chunkLines)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var _batches_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4257);
/**
 * A training log file as Platform console chunks. The live trainer flushes every 5 lines; for a
 * whole file, larger chunks keep the request count (and the rate limit) low.
 */


const MAX_LINES = 500;
const MAX_BYTES = 64 * 1024;
async function readLogLines(file) {
    let text;
    try {
        text = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(file, 'utf8');
    }
    catch (err) {
        throw new Error(`Cannot read log-file ${file}: ${err.message}. Point \`log-file\` at the training's console log.`);
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
/** Splits lines into chunks of at most MAX_LINES lines and about MAX_BYTES bytes. */
function chunkLines(lines) {
    return (0,_batches_js__WEBPACK_IMPORTED_MODULE_1__/* .batches */ .X)(lines, (line) => Buffer.byteLength(line) + 1, MAX_BYTES, MAX_LINES);
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
/* harmony export */   rQ: () => (/* binding */ sendConsoleLines)
/* harmony export */ });
/* harmony import */ var _rundir_weights_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6503);
/* harmony import */ var _transport_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5460);
/* harmony import */ var _console_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9116);



/** A failure that ends only the current step: a later re-run can still send it. */
function isRecoverable(err) {
    return err instanceof _transport_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpError */ .j$ && !err.permanent;
}
async function syncRun(ctx) {
    const { backend, log, inputs } = ctx;
    // Platform has no key check of its own: its first event (training_started) proves the key.
    if (backend.checkKey)
        await log.group(`Check the ${backend.name} key`, () => backend.checkKey());
    if (inputs.dryRun)
        return dryRun(ctx);
    const problems = [];
    const reg = await openRun(ctx);
    try {
        let cancelled = reg.cancelled || ctx.state.saved.cancelled === true;
        const epochsBefore = ctx.state.saved.epochs.length;
        if (!cancelled)
            cancelled = await step('Metrics', ctx, problems, () => sendNewEpochs(ctx));
        if (!cancelled && inputs.logFile)
            await step('Console log', ctx, problems, () => sendConsole(ctx));
        const files = cancelled ? [] : await sendWeights(ctx, problems);
        if (cancelled)
            log.warning('The server cancelled this run: nothing more is sent.');
        else if (problems.length === 0 && ctx.state.saved.finished !== inputs.status) {
            await step('Report the run', ctx, problems, () => finish(ctx, files));
        }
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
/**
 * Loads or creates the model (HUB), or registers or continues the run (Platform), recording the
 * attempt first and the answer at once, so that neither a re-run nor a later step registers twice.
 */
async function openRun(ctx) {
    const { backend, log } = ctx;
    return log.group('Open the model', async () => {
        refuseAfterLostRegistration(ctx);
        const r = await backend
            .open(ctx.state.saved, () => ctx.state.update((s) => {
            s.registering = { at: new Date().toISOString() };
        }))
            .catch(async (err) => {
            if (err instanceof _transport_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpError */ .j$ && err.ambiguous) {
                throw new Error(`${err.message}. The server may have registered the run before the answer was lost; it was not asked again, ` +
                    'because that could register a second run. Find the run on the server and re-run with `model: <modelId>`.');
            }
            await ctx.state.update((s) => delete s.registering);
            throw err;
        });
        await ctx.state.update((s) => {
            s.modelId = r.modelId;
            s.runId = r.runId;
            s.modelUrl = r.modelUrl;
            delete s.registering;
        });
        log.info(`${r.created ? 'Registered' : 'Continuing'} ${r.modelUrl}`);
        return r;
    });
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
/** Runs one step; a recoverable failure is recorded and the sync goes on. Returns true on cancel. */
async function step(name, ctx, problems, fn) {
    return ctx.log.group(name, async () => {
        try {
            return (await fn()) === true;
        }
        catch (err) {
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
async function sendConsole(ctx) {
    const lines = await (0,_console_log_js__WEBPACK_IMPORTED_MODULE_2__/* .readLogLines */ .WK)(ctx.inputs.logFile);
    const sent = sentLineCount(ctx, lines);
    if (sent >= lines.length) {
        ctx.log.info('The console log already arrived.');
        return;
    }
    if (ctx.state.saved.consoleLines === undefined)
        await ctx.state.update((s) => void (s.consoleLines = sent));
    const chunks = await sendConsoleLines(ctx, lines.slice(sent));
    ctx.log.info(`Sent ${lines.length - sent} log lines in ${chunks} chunk(s).`);
}
/**
 * Sends `lines`, which follow the lines already sent, in chunks numbered on from the state file's
 * last chunk; each acknowledged chunk is recorded with its line count at once.
 */
async function sendConsoleLines(ctx, lines) {
    const chunks = (0,_console_log_js__WEBPACK_IMPORTED_MODULE_2__/* .chunkLines */ .jt)(lines);
    const first = ctx.state.saved.consoleChunks + 1;
    await ctx.backend.sendConsole(chunks, first, (chunkId) => ctx.state.update((s) => {
        s.consoleLines = (s.consoleLines ?? 0) + chunks[chunkId - first].length;
        s.consoleChunks = chunkId;
    }));
    return chunks.length;
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
    return (0,_console_log_js__WEBPACK_IMPORTED_MODULE_2__/* .chunkLines */ .jt)(lines)
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
        const sha256 = earlier ? await (0,_rundir_weights_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256File */ .Q3)(file.path) : '';
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
        files.push({ path: file.path, name: file.name, role: file.role, bytes: file.bytes, sha256: await (0,_rundir_weights_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256File */ .Q3)(file.path), ms: 0, outcome: 'planned' });
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


/***/ }),

/***/ 5185:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runWatcher: () => (/* binding */ runWatcher)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var core = __webpack_require__(8476);
// EXTERNAL MODULE: ./build/src/inputs/inputs.js + 1 modules
var inputs_inputs = __webpack_require__(8855);
// EXTERNAL MODULE: ./build/src/log.js
var src_log = __webpack_require__(6671);
// EXTERNAL MODULE: ./build/src/watch/daemon.js
var daemon = __webpack_require__(5129);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/rundir/load-run.js + 2 modules
var load_run = __webpack_require__(6947);
// EXTERNAL MODULE: ./build/src/session/session.js
var session = __webpack_require__(4190);
// EXTERNAL MODULE: ./build/src/session/setup.js + 1 modules
var setup = __webpack_require__(5499);
// EXTERNAL MODULE: ./build/src/transport/errors.js
var errors = __webpack_require__(5460);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./build/src/watch/find-run.js


const ARGS = 'args.yaml';
const MAX_DEPTH = 5;
/** A directory with more entries than this is data (images, labels), not a run's parent. */
const MAX_ENTRIES = 2000;
const SKIP = new Set(['node_modules', 'datasets', 'images', 'labels', 'weights', '__pycache__', 'venv', '.venv']);
/** The newest-first list is short; the first found after `sinceMs` wins, ties to the shorter path. */
function findNewRun(workspace, sinceMs) {
    const found = [];
    walk(workspace, 0, sinceMs, found);
    found.sort((a, b) => a.mtimeMs - b.mtimeMs || a.dir.length - b.dir.length);
    return found[0]?.dir ?? null;
}
function walk(dir, depth, sinceMs, found) {
    let entries;
    try {
        entries = external_node_fs_.readdirSync(dir, { withFileTypes: true });
    }
    catch {
        return;
    }
    if (entries.length > MAX_ENTRIES)
        return;
    for (const e of entries) {
        if (e.isFile() && e.name === ARGS && depth > 0) {
            try {
                const m = external_node_fs_.statSync(external_node_path_.join(dir, e.name)).mtimeMs;
                if (m >= sinceMs)
                    found.push({ dir, mtimeMs: m });
            }
            catch {
                // gone between readdir and stat
            }
        }
        else if (e.isDirectory() && depth < MAX_DEPTH && !e.name.startsWith('.') && !SKIP.has(e.name)) {
            walk(external_node_path_.join(dir, e.name), depth + 1, sinceMs, found);
        }
    }
}

// EXTERNAL MODULE: ./build/src/session/console-log.js
var console_log = __webpack_require__(9116);
;// CONCATENATED MODULE: ./build/src/watch/follow.js
/**
 * Following files while another process writes them, by polling `stat`: cheap (a few syscalls a
 * tick), reliable on every filesystem (fs.watch is not, on network and container mounts), and
 * indifferent to how the writer replaces a file (in place, or a new file renamed over it).
 */


function signatureOf(file) {
    try {
        const s = external_node_fs_.statSync(file);
        return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino } : null;
    }
    catch {
        return null;
    }
}
const same = (a, b) => a === b || (a !== null && b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino);
/** Tells when a file appeared or changed since the last look, and whether it has been still for a while. */
class ChangeWatch {
    file;
    last = null;
    stillSince = 0;
    constructor(file) {
        this.file = file;
    }
    /** True when the file exists and differs from the last look. */
    changed(now) {
        const sig = signatureOf(this.file);
        if (same(sig, this.last))
            return false;
        this.last = sig;
        this.stillSince = now;
        return sig !== null;
    }
    /** The file exists and has not changed for `ms` (a writer that stopped writing). */
    stillFor(ms, now) {
        this.changed(now);
        return this.last !== null && now - this.stillSince >= ms;
    }
    get current() {
        return this.last;
    }
}
/**
 * A growing text file read a line at a time: each `read()` gives the whole lines written since the
 * last one; a line without its newline yet waits. A file that shrank (rewritten, rotated) is read
 * again from its start. Lines are cut as the whole-file reader cuts them (console-log.ts), so a
 * live sync and a later sync of the whole file count the same lines.
 */
class LineFollower {
    file;
    offset = 0;
    ino = -1;
    constructor(file) {
        this.file = file;
    }
    read() {
        const sig = signatureOf(this.file);
        if (!sig)
            return [];
        if (sig.ino !== this.ino || sig.size < this.offset) {
            this.ino = sig.ino;
            this.offset = 0;
        }
        if (sig.size === this.offset)
            return [];
        const buf = Buffer.alloc(sig.size - this.offset);
        let got = 0;
        const fd = external_node_fs_.openSync(this.file, 'r');
        try {
            while (got < buf.length) {
                const n = external_node_fs_.readSync(fd, buf, got, buf.length - got, this.offset + got);
                if (n === 0)
                    break;
                got += n;
            }
        }
        finally {
            external_node_fs_.closeSync(fd);
        }
        const end = buf.subarray(0, got).lastIndexOf(0x0a) + 1;
        if (end === 0)
            return [];
        this.offset += end;
        return (0,console_log/* logLines */.OG)(buf.toString('utf8', 0, end));
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./build/src/watch/system.js
/**
 * The training machine's load, for Platform's `epoch_end.data.system`, as Ultralytics' SystemLogger
 * reports it: cpu and ram in percent, disk use, and per GPU its usage, memory, temperature and power.
 * The watcher runs beside the trainer, so this is the trainer's machine. A value that cannot be read
 * here is left out, never guessed.
 */



const round = (v, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
class SystemSampler {
    disk;
    lastCpu = cpuTimes();
    /** null once nvidia-smi turned out to be missing: it is not tried again. */
    nvidiaSmi = 'nvidia-smi';
    constructor(disk) {
        this.disk = disk;
    }
    /** The load since the previous sample (cpu), and the state now (the rest). */
    async sample() {
        const out = {};
        const now = cpuTimes();
        const busy = now.busy - this.lastCpu.busy;
        const total = now.total - this.lastCpu.total;
        this.lastCpu = now;
        if (total > 0)
            out.cpu = round((100 * busy) / total);
        out.ram = round((100 * (external_node_os_.totalmem() - external_node_os_.freemem())) / external_node_os_.totalmem());
        try {
            const s = external_node_fs_.statfsSync(this.disk);
            out.disk = { used_gb: round(((s.blocks - s.bfree) * s.bsize) / 1e9, 3) };
        }
        catch {
            // statfs is missing on this Node or this filesystem: no disk figure
        }
        const gpus = await this.gpus();
        if (gpus)
            out.gpus = gpus;
        return out;
    }
    /** Per GPU from nvidia-smi; `{}` on a machine without one, where nvidia-smi is absent. */
    gpus() {
        const bin = this.nvidiaSmi;
        if (!bin)
            return Promise.resolve({});
        const query = '--query-gpu=index,utilization.gpu,memory.used,memory.total,temperature.gpu,power.draw';
        return new Promise((resolve) => {
            (0,external_node_child_process_.execFile)(bin, [query, '--format=csv,noheader,nounits'], { timeout: 5000 }, (err, stdout) => {
                if (err) {
                    if (err.code === 'ENOENT') {
                        this.nvidiaSmi = null;
                        resolve({});
                    }
                    else
                        resolve(undefined);
                    return;
                }
                resolve(parseNvidiaSmi(stdout));
            });
        });
    }
}
/** `0, 95, 20000, 24000, 72, 285.3` per line → {"0": {usage, memory (%), temp, power}}; `[N/A]` cells are left out. */
function parseNvidiaSmi(text) {
    const gpus = {};
    for (const line of text.split('\n')) {
        const cells = line.split(',').map((c) => c.trim());
        if (cells.length < 6 || !/^\d+$/.test(cells[0]))
            continue;
        const [usage, used, total, temp, power] = cells.slice(1).map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : undefined));
        const gpu = {};
        if (usage !== undefined)
            gpu.usage = usage;
        if (used !== undefined && total)
            gpu.memory = round((100 * used) / total);
        if (temp !== undefined)
            gpu.temp = temp;
        if (power !== undefined)
            gpu.power = power;
        gpus[cells[0]] = gpu;
    }
    return gpus;
}
function cpuTimes() {
    let busy = 0;
    let total = 0;
    for (const c of external_node_os_.cpus()) {
        const t = c.times;
        busy += t.user + t.nice + t.sys + t.irq;
        total += t.user + t.nice + t.sys + t.irq + t.idle;
    }
    return { busy, total };
}

;// CONCATENATED MODULE: ./build/src/watch/live.js
/**
 * The live sync: follows a run directory while the trainer writes it and feeds what is new to the
 * session steps, as Ultralytics' trainer does from inside (HUBTrainingSession and the Platform
 * callbacks). It has no session of its own: the same `openRun`, `sendNewEpochs`, `sendConsoleLines`
 * and `uploadOne` run here and in the sync after the training, against the same state file, so the
 * final sync sends only what the live one did not.
 *
 *   wait for args.yaml → register → every tick: new results.csv rows, new log lines, a changed
 *   checkpoint at most once per interval → on stop: one last flush, state saved
 *
 * A send that fails after its retries is kept for the next tick (the state file says what arrived);
 * only a rejected key, a refused model or a lost registration answer end the live sync early.
 */








/** How often the files are looked at: an epoch is on the server within about two ticks of its row. */
const TICK_MS = 500;
/** HUB takes metrics at most every 3 s (HUB-API.md); rows of one window go in one request. */
const HUB_METRICS_WINDOW_MS = 3000;
/** The reference flushes the console every 5 lines or 5 s. */
const CONSOLE_LINES = 5;
const CONSOLE_MS = 5000;
/** A checkpoint is sent once the trainer stopped writing it for this long. */
const CHECKPOINT_SETTLE_MS = 1000;
/** Wait between registration attempts while the server cannot be reached. */
const REGISTER_RETRY_MS = 5000;
/** Follows the training until `stop` aborts, then flushes what is pending and returns. */
async function followTraining(opts, stop) {
    const { log } = opts;
    const tick = opts.tickMs ?? TICK_MS;
    const runDir = await waitForRun(opts, stop, tick);
    if (!runDir) {
        log.info('Stopped before a training wrote its args.yaml: nothing to follow.');
        return { runDir: null, epochsOnServer: 0, cancelled: false };
    }
    opts.onRunDir?.(runDir);
    log.info(`Following ${runDir}`);
    const inputs = { ...opts.inputs, runDir };
    const ctx = await (0,setup/* createSession */.jw)(inputs, await (0,load_run/* loadRun */.S)(inputs, log, { live: true }), log, opts.env, { live: true });
    const live = new LiveRun(ctx, opts, runDir);
    try {
        if (!(await live.register(stop, tick)))
            return live.result();
        while (!stop.aborted && !live.cancelled) {
            await live.tick(false);
            await sleep(tick, stop);
        }
        if (!live.cancelled)
            await live.tick(true);
        return live.result();
    }
    finally {
        ctx.backend.close();
    }
}
class LiveRun {
    ctx;
    opts;
    runDir;
    cancelled = false;
    csv;
    checkpoint;
    console;
    system;
    /** Lines the state file counts as sent, still to skip in the log file (a restarted watcher). */
    skipLines;
    pending = [];
    pendingSince = 0;
    lastMetricsAt = 0;
    lastCheckpointAt;
    checkpointDirty = false;
    constructor(ctx, opts, runDir) {
        this.ctx = ctx;
        this.opts = opts;
        this.runDir = runDir;
        this.csv = new ChangeWatch(ctx.inputs.metrics ?? external_node_path_.join(runDir, 'results.csv'));
        this.checkpoint = new ChangeWatch(external_node_path_.join(runDir, 'weights', ctx.backend.liveCheckpoint));
        this.console = ctx.inputs.logFile && ctx.backend.sendsConsole ? new LineFollower(ctx.inputs.logFile) : null;
        this.system = ctx.backend.name === 'platform' ? new SystemSampler(runDir) : null;
        this.skipLines = ctx.state.saved.consoleLines ?? 0;
        // As the reference session: the first periodic checkpoint one interval after the start.
        this.lastCheckpointAt = opts.startedAt;
    }
    /** Registers the run, trying again while the server cannot be reached. False when stopped first. */
    async register(stop, tick) {
        for (;;) {
            try {
                const reg = await (0,session/* openRun */.Iy)(this.ctx);
                this.cancelled = reg.cancelled || this.ctx.state.saved.cancelled === true;
                return !this.cancelled;
            }
            catch (err) {
                if (!recoverable(err))
                    throw err;
                this.opts.log.warning(`${err.message}; trying again in ${REGISTER_RETRY_MS / 1000} s.`);
            }
            await sleep(Math.max(REGISTER_RETRY_MS, tick), stop);
            if (stop.aborted)
                return false;
        }
    }
    /** One look at the files; `last`: the training ended, send everything pending. */
    async tick(last) {
        const now = Date.now();
        if (this.csv.changed(now) || last)
            await this.reload();
        await this.epochs(now, last);
        if (this.cancelled)
            return;
        await this.consoleLines(now, last);
        if (!last)
            await this.periodicCheckpoint(now);
    }
    result() {
        return { runDir: this.runDir, epochsOnServer: this.ctx.state.saved.epochs.length, cancelled: this.cancelled };
    }
    async reload() {
        const plan = await (0,load_run/* loadRun */.S)(this.ctx.inputs, this.opts.log, { live: true });
        this.ctx.plan = plan;
        this.ctx.backend.usePlan(plan);
    }
    async epochs(now, last) {
        if ((0,session/* unsentRows */.Fm)(this.ctx).length === 0)
            return;
        if (this.ctx.backend.name === 'hub' && !last && now - this.lastMetricsAt < HUB_METRICS_WINDOW_MS)
            return;
        this.lastMetricsAt = now;
        const system = this.system ? await this.system.sample() : undefined;
        const cancelled = await this.guard('metrics', () => (0,session/* sendNewEpochs */.B_)(this.ctx, { system }));
        if (cancelled === true) {
            this.cancelled = true;
            await this.ctx.state.update((s) => {
                s.cancelled = true;
            });
            this.opts.log.warning('The server cancelled this run: the live sync stops sending.');
        }
    }
    async consoleLines(now, last) {
        if (!this.console)
            return;
        let lines = this.console.read();
        if (this.skipLines > 0) {
            const skip = Math.min(this.skipLines, lines.length);
            this.skipLines -= skip;
            lines = lines.slice(skip);
        }
        if (lines.length > 0 && this.pending.length === 0)
            this.pendingSince = now;
        this.pending.push(...lines);
        if (this.pending.length === 0)
            return;
        if (!last && this.pending.length < CONSOLE_LINES && now - this.pendingSince < CONSOLE_MS)
            return;
        const batch = this.pending;
        const sent = await this.guard('console output', () => (0,session/* sendConsoleLines */.rQ)(this.ctx, batch));
        if (sent !== undefined)
            this.pending = [];
    }
    /** The live checkpoint (Platform best.pt, HUB last.pt) when it changed, at most once per interval. */
    async periodicCheckpoint(now) {
        if (this.checkpoint.changed(now))
            this.checkpointDirty = true;
        if (!this.checkpointDirty || now - this.lastCheckpointAt < this.opts.checkpointIntervalMs)
            return;
        if (!this.checkpoint.stillFor(CHECKPOINT_SETTLE_MS, now))
            return;
        const sig = signatureOf(this.checkpoint.file);
        if (!sig)
            return;
        const file = { path: this.checkpoint.file, name: external_node_path_.basename(this.checkpoint.file), role: 'checkpoint', bytes: sig.size };
        const plan = this.ctx.plan;
        const epoch = plan.metrics.rows.length > 0 ? plan.metrics.rows[plan.metrics.rows.length - 1].epoch : 0;
        const problems = [];
        const sent = await this.ctx.log.group(`Upload ${file.name} (epoch ${epoch} checkpoint)`, () => (0,session/* uploadOne */.Ut)(this.ctx, file, problems, { epoch, isBest: plan.best?.epoch === epoch }));
        this.lastCheckpointAt = now;
        if (sent.outcome !== 'failed')
            this.checkpointDirty = false;
    }
    /** Runs one send; a failure that a later try can mend is logged and left for the next tick. */
    async guard(what, fn) {
        try {
            return await fn();
        }
        catch (err) {
            if (!recoverable(err))
                throw err;
            this.opts.log.warning(`Live ${what} not sent yet (${err.message}); kept for the next try.`);
            return undefined;
        }
    }
}
/** The run directory: `run-dir` once its args.yaml exists, or the first new run under the workspace. */
async function waitForRun(opts, stop, tick) {
    const given = opts.inputs.runDir;
    let said = false;
    for (;;) {
        const dir = given ? (signatureOf(external_node_path_.join(given, 'args.yaml')) ? given : null) : findNewRun(opts.inputs.workspace, opts.startedAt);
        if (dir)
            return dir;
        if (stop.aborted)
            return null; // one last look after the stop: a short training may have ended already
        if (!said) {
            opts.log.info(given ? `Waiting for ${external_node_path_.join(given, 'args.yaml')} …` : `Waiting for a training to write runs/…/args.yaml under ${opts.inputs.workspace} …`);
            said = true;
        }
        await sleep(tick, stop);
    }
}
function recoverable(err) {
    return err instanceof errors/* HttpError */.j$ && !err.permanent && !err.ambiguous;
}
/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done);
    });
}

;// CONCATENATED MODULE: ./build/src/watcher.js
/**
 * The watcher process of watch mode (started detached by the action's main): the live sync until
 * the post step asks it to stop (SIGTERM), then one last flush. Its output goes to a log file that
 * the post prints, each line with the time.
 */





async function runWatcher(handoffFile) {
    const stdout = process.stdout.write.bind(process.stdout);
    const log = (0,src_log/* terminalLog */.dg)({
        verbose: process.env.RUNNER_DEBUG === '1' || process.env.ACTIONS_STEP_DEBUG === 'true',
        write: (line) => void stdout(`${new Date().toISOString()} ${line}\n`),
    });
    (0,src_log/* captureStdout */.O5)(log); // @actions/core's own lines (::debug::) become plain log lines
    const stop = new AbortController();
    for (const signal of ['SIGTERM', 'SIGINT'])
        process.on(signal, () => stop.abort());
    try {
        const inputs = (0,inputs_inputs/* getInputs */.GP)((name) => core/* getInput */.V4(name), process.env, log);
        const result = await followTraining({
            inputs,
            log,
            env: process.env,
            startedAt: Number(process.env[daemon/* STARTED_AT_ENV */.mn]) || Date.now(),
            checkpointIntervalMs: inputs.checkpointIntervalMs,
            onRunDir: (runDir) => (0,daemon/* writeHandoff */.K7)(handoffFile, { runDir }),
        }, stop.signal);
        (0,daemon/* writeHandoff */.K7)(handoffFile, { runDir: result.runDir ?? undefined, done: true });
        log.info(`Live sync ended: ${result.epochsOnServer} epochs on the server${result.cancelled ? ' (the server cancelled the run)' : ''}.`);
        return 0;
    }
    catch (err) {
        const message = log.redact(err.message);
        log.error(`The live sync stopped: ${message}. The post step still sends what is missing.`);
        (0,daemon/* writeHandoff */.K7)(handoffFile, { ...(0,daemon/* readHandoff */.ZQ)(handoffFile), error: message });
        return 1;
    }
}


/***/ })

};
