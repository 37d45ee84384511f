export const id = 76;
export const ids = [76];
export const modules = {

/***/ 9082:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gz: () => (/* binding */ readTuneDir),
/* harmony export */   Sk: () => (/* binding */ findTuneDirs),
/* harmony export */   gO: () => (/* binding */ isTuneDir)
/* harmony export */ });
/* unused harmony export parseBestHeader */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9843);
/* harmony import */ var _safe_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3534);
/**
 * A `yolo tune` folder (Ultralytics' Tuner): `tune_results.csv`, `best_hyperparameters.yaml` and
 * `weights/` (the best trial's checkpoints), beside the trials, which are ordinary run directories
 * (`train`, `train2`, …) under the same parent. The folder is no run: it has no results.csv and no
 * args.yaml of its own. Read for the summary only; nothing of it goes on the wire.
 *
 * The layout across versions (ultralytics/engine/tuner.py):
 *   - tune_results.csv: a header `fitness,<hyperparameter>,…`, then one row per iteration in the order
 *     they ran, fitness rounded to 5 decimals (0.0 for a trial that failed). No iteration column: the
 *     row's position, 1-based, is the iteration (so says the header's "observed at iteration N").
 *   - best_hyperparameters.yaml: `# ` comment lines, then `key: value`. 8.0.x-8.2 end the comment with
 *     "Best fitness hyperparameters are printed below."; 8.3 drops that line. "Best fitness model is
 *     <save_dir>" names the best trial's directory, or `None` when a resumed tune (8.1.x on) found its
 *     best before the resume.
 *   - weights: 8.0-8.2 delete a worse trial's weights/ (its results.csv stays); 8.3 deletes the
 *     previous best trial's whole directory. Either way the best checkpoints are copied to <tune>/weights.
 */




const TUNE_CSV = 'tune_results.csv';
const TUNE_BEST_YAML = 'best_hyperparameters.yaml';
/** The largest tune_results.csv read (a 1000-iteration tune with 30 columns is ~250 kB). */
const MAX_BYTES = 16 * 1024 * 1024;
const FIX_TUNE = 'copy the tune folder into the workspace instead of linking it';
/** A tune folder holds a tune_results.csv file. */
async function isTuneDir(dir) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, TUNE_CSV)).then((s) => s.isFile(), () => false);
}
/** Tune folders beside the given runs (in the same parent directories), sorted. */
async function findTuneDirs(runDirs) {
    const parents = [...new Set(runDirs.map((d) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(d)))];
    const found = new Set();
    for (const parent of parents) {
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(parent, { withFileTypes: true }).catch(() => []);
        for (const e of entries) {
            if (!e.isDirectory())
                continue;
            const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(parent, e.name);
            if (!runDirs.includes(dir) && (await isTuneDir(dir)))
                found.add(dir);
        }
    }
    return [...found].sort();
}
/**
 * `confine`: the workspace. Its files are read by the one safe reader (safe-read.ts): a
 * tune_results.csv or best_hyperparameters.yaml in it that leads out through a symlink is not read,
 * nor a FIFO or a device.
 */
async function readTuneDir(dir, confine = null) {
    const csvPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, TUNE_CSV);
    let text;
    try {
        text = (await (0,_safe_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readRegular */ .VX)(csvPath, { what: 'tune results', confine, maxBytes: MAX_BYTES, fix: FIX_TUNE })).toString('utf8');
    }
    catch (err) {
        if (err instanceof _safe_read_js__WEBPACK_IMPORTED_MODULE_3__/* .UnsafeFileError */ .h)
            throw err;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RunDirError */ .L(`${csvPath} cannot be read (${(0,_safe_read_js__WEBPACK_IMPORTED_MODULE_3__/* .describeReadError */ .U)(err)}): is ${dir} a yolo tune folder?`, { file: csvPath });
    }
    const { columns, rows } = parseTuneCsv(text, csvPath);
    const fitnessAt = columns.indexOf('fitness');
    const iterations = rows.map((cells, i) => ({ iteration: i + 1, fitness: numberOrNull(cells[fitnessAt]) }));
    let bestIndex = -1;
    for (let i = 0; i < iterations.length; i++) {
        const f = iterations[i].fitness;
        if (f !== null && (bestIndex < 0 || f > iterations[bestIndex].fitness))
            bestIndex = i;
    }
    let best = null;
    if (bestIndex >= 0) {
        const hyperparameters = {};
        columns.forEach((c, j) => {
            if (j === fitnessAt)
                return;
            const cell = rows[bestIndex][j] ?? '';
            hyperparameters[c] = numberOrNull(cell) ?? cell;
        });
        best = { iteration: bestIndex + 1, fitness: iterations[bestIndex].fitness, hyperparameters };
    }
    const header = await (0,_safe_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readRegular */ .VX)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, TUNE_BEST_YAML), { what: 'best hyperparameters', confine, maxBytes: MAX_BYTES }).then((b) => parseBestHeader(b.toString('utf8')), () => null);
    const bestTrial = best && header && header.iteration === best.iteration ? header.trial : null;
    const weights = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'weights')).catch(() => [])).filter((f) => f.endsWith('.pt')).sort();
    return { dir, iterations, best, bestTrial, weights };
}
function parseTuneCsv(text, file) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim());
    if (lines.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RunDirError */ .L(`${file} is empty: the tune has not finished an iteration yet`, { file });
    const columns = lines[0].split(',').map((c) => c.trim());
    if (!columns.includes('fitness')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RunDirError */ .L(`${file} has no "fitness" column (header: ${lines[0].slice(0, 120)}): not a tune_results.csv of Ultralytics' Tuner`, { file });
    }
    return { columns, rows: lines.slice(1).map((l) => l.split(',').map((c) => c.trim())) };
}
/** The iteration and trial directory named by best_hyperparameters.yaml's comment header. */
function parseBestHeader(text) {
    const comments = text.split(/\r?\n/).filter((l) => l.startsWith('#'));
    let iteration = null;
    let trial = null;
    for (const line of comments) {
        const it = /Best fitness=\S+ observed at iteration (\d+)/.exec(line);
        if (it)
            iteration = Number(it[1]);
        const model = /Best fitness model is (.+)$/.exec(line);
        if (model) {
            const p = model[1].trim().replace(/[\\/]+$/, '');
            trial = p && p !== 'None' ? (p.split(/[\\/]/).pop() ?? null) : null;
        }
    }
    return { iteration, trial };
}
function numberOrNull(cell) {
    if (cell === undefined || cell.trim() === '')
        return null;
    const n = Number(cell);
    return Number.isFinite(n) ? n : null;
}


/***/ }),

/***/ 4158:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lD: () => (/* binding */ runsToFollow),
/* harmony export */   n2: () => (/* binding */ CLOCK_SLACK_MS)
/* harmony export */ });
/* unused harmony export findNewRuns */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _runs_find_runs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1208);
/* harmony import */ var _follow_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7612);




const ARGS = 'args.yaml';
const MAX_DEPTH = 5;
/** A directory with more entries than this is data (images, labels), not a run's parent. */
const MAX_ENTRIES = 2000;
const SKIP = new Set(['node_modules', 'datasets', 'images', 'labels', 'weights', '__pycache__', 'venv', '.venv']);
/** Every run directory whose args.yaml was written at `sinceMs` or later, oldest first (ties: the shorter path). */
function findNewRuns(workspace, sinceMs) {
    const found = [];
    walk(workspace, 0, sinceMs, found);
    found.sort((a, b) => a.mtimeMs - b.mtimeMs || a.dir.length - b.dir.length || (a.dir < b.dir ? -1 : 1));
    return found.map((f) => f.dir);
}
/**
 * File times come from the kernel's coarse clock, which lags Date.now() by up to a tick: an
 * args.yaml written a moment after the watcher started can carry an earlier time.
 */
const CLOCK_SLACK_MS = 50;
/** The runs the inputs let the watcher follow, as they stand now. */
async function runsToFollow(inputs, sinceMs) {
    if (inputs.runDir)
        return (0,_follow_js__WEBPACK_IMPORTED_MODULE_3__/* .signatureOf */ .yK)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(inputs.runDir, ARGS)) ? [inputs.runDir] : [];
    if (!inputs.runDirPatterns)
        return findNewRuns(inputs.workspace, sinceMs);
    const found = [];
    for (const dir of await (0,_runs_find_runs_js__WEBPACK_IMPORTED_MODULE_2__/* .matchDirectories */ .v9)(inputs.runDirPatterns)) {
        const sig = (0,_follow_js__WEBPACK_IMPORTED_MODULE_3__/* .signatureOf */ .yK)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, ARGS));
        if (sig && sig.mtimeMs >= sinceMs)
            found.push({ dir, mtimeMs: sig.mtimeMs });
    }
    return found.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.dir < b.dir ? -1 : 1)).map((f) => f.dir);
}
function walk(dir, depth, sinceMs, found) {
    let entries;
    try {
        entries = node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync(dir, { withFileTypes: true });
    }
    catch {
        return;
    }
    if (entries.length > MAX_ENTRIES)
        return;
    for (const e of entries) {
        if (e.isFile() && e.name === ARGS && depth > 0) {
            try {
                const m = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, e.name)).mtimeMs;
                if (m >= sinceMs)
                    found.push({ dir, mtimeMs: m });
            }
            catch {
                // gone between readdir and stat
            }
        }
        else if (e.isDirectory() && depth < MAX_DEPTH && !e.name.startsWith('.') && !SKIP.has(e.name)) {
            walk(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, e.name), depth + 1, sinceMs, found);
        }
    }
}


/***/ }),

/***/ 7612:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   El: () => (/* binding */ ChangeWatch),
/* harmony export */   yK: () => (/* binding */ signatureOf),
/* harmony export */   zn: () => (/* binding */ LineFollower)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var _rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3534);
/* harmony import */ var _session_console_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9116);
/**
 * Following files while another process writes them, by polling `stat`: cheap (a few syscalls a
 * tick), reliable on every filesystem (fs.watch is not, on network and container mounts), and
 * indifferent to how the writer replaces a file (in place, or a new file renamed over it).
 */



/** The file's signature; null when it is missing or not a regular file (`dirs`: a directory counts too). */
function signatureOf(file, opts = {}) {
    try {
        const s = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(file);
        return s.isFile() || (opts.dirs && s.isDirectory()) ? { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino } : null;
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
/** The most one `LineFollower.read()` reads. */
const MAX_READ_BYTES = 16 * 1024 * 1024;
/**
 * A growing text file read a line at a time: each `read()` gives the whole lines written since the
 * last one; a line without its newline yet waits. A file that shrank (rewritten, rotated) is read
 * again from its start. Lines are cut as the whole-file reader cuts them (console-log.ts), so a
 * live sync and a later sync of the whole file count the same lines.
 */
class LineFollower {
    file;
    confine;
    offset = 0;
    ino = -1;
    /** `confine`: the workspace; a file in it that leads out through a symlink is not read (safe-read.ts). */
    constructor(file, confine = null) {
        this.file = file;
        this.confine = confine;
    }
    read() {
        const sig = signatureOf(this.file);
        if (!sig)
            return [];
        const fresh = sig.ino !== this.ino;
        if (fresh || sig.size < this.offset)
            this.offset = 0;
        if (sig.size === this.offset)
            return [];
        // The rules of every read (safe-read.ts): a regular file, opened without waiting on a FIFO; the
        // real path is checked once per file (a new inode), not every tick.
        let fd;
        try {
            fd = (0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_1__/* .openRegularSync */ .w5)(this.file, { what: 'log-file', confine: fresh ? this.confine : null });
        }
        catch {
            return [];
        }
        this.ino = sig.ino;
        // Bounded per read, whatever stat says (a sparse or runaway file): the rest comes next tick.
        const buf = Buffer.alloc(Math.min(sig.size - this.offset, MAX_READ_BYTES));
        let got = 0;
        try {
            while (got < buf.length) {
                const n = node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync(fd, buf, got, buf.length - got, this.offset + got);
                if (n === 0)
                    break;
                got += n;
            }
        }
        finally {
            node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync(fd);
        }
        let end = buf.subarray(0, got).lastIndexOf(0x0a) + 1;
        if (end === 0 && got === MAX_READ_BYTES)
            end = got; // one line longer than a whole read: taken as it is
        if (end === 0)
            return [];
        this.offset += end;
        return (0,_session_console_log_js__WEBPACK_IMPORTED_MODULE_2__/* .logLines */ .OG)(buf.toString('utf8', 0, end));
    }
}


/***/ }),

/***/ 8142:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ acquireLock),
/* harmony export */   m: () => (/* binding */ lockHolder)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3534);
/* harmony import */ var _daemon_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5129);
/**
 * One watcher per run directory: two `watch: true` steps in one job (or a `watch` beside a `run`)
 * would otherwise send every epoch twice. The watcher that starts following a run directory holds
 * a lock file beside its state file (`<state file>.lock`), created with O_EXCL and holding its pid
 * and start time. A lock whose process is dead, or whose pid now belongs to another process (pid
 * reuse: another start time), is stale and taken over.
 */




/** The lock on `file`, or the pid of the live watcher that holds it. */
function acquireLock(file) {
    const mine = { pid: process.pid, started: (0,_daemon_js__WEBPACK_IMPORTED_MODULE_3__/* .processStartMs */ ._3)(process.pid) };
    node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(file), { recursive: true });
    for (let tries = 0; tries < 3; tries++) {
        try {
            const fd = node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_EXCL, 0o644);
            try {
                node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync(fd, JSON.stringify(mine) + '\n');
            }
            finally {
                node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync(fd);
            }
            return { file, release: () => releaseLock(file) };
        }
        catch (err) {
            if (err.code !== 'EEXIST')
                throw err;
        }
        const holder = lockHolder(file);
        if (holder !== null)
            return { heldBy: holder };
        node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync(file, { force: true }); // stale: taken over (O_EXCL decides between two takers)
    }
    const holder = lockHolder(file);
    return { heldBy: holder ?? 0 };
}
/**
 * The pid of the live process that holds the lock on `file`, or null when there is no lock or it is
 * stale. A lock being written (empty for a moment) counts as held by an unknown process (0).
 */
function lockHolder(file) {
    let text;
    try {
        text = readLock(file);
    }
    catch {
        return null; // none, or not a lock at all (a FIFO, a device, a huge file): stale, taken over
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        if (text === '' && ageMs(file) < 5000)
            return 0;
        return null; // a damaged lock
    }
    if (!Number.isInteger(data.pid) || data.pid <= 0)
        return null;
    if (data.pid === process.pid)
        return null; // our own (a stale one from an earlier life of this pid, or this process)
    if (!(0,_daemon_js__WEBPACK_IMPORTED_MODULE_3__/* .alive */ .yV)(data.pid))
        return null;
    if (data.started !== undefined) {
        const now = (0,_daemon_js__WEBPACK_IMPORTED_MODULE_3__/* .processStartMs */ ._3)(data.pid);
        // Ticks are rounded: a start a second off is another process.
        if (now !== undefined && Math.abs(now - data.started) > 1000)
            return null;
    }
    return data.pid;
}
function releaseLock(file) {
    try {
        const data = JSON.parse(readLock(file));
        if (data.pid === process.pid)
            node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync(file, { force: true });
    }
    catch {
        // gone already, or not ours
    }
}
/** A lock's text: a regular file of a few bytes, read without blocking (safe-read.ts). */
function readLock(file) {
    return (0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_2__/* .readRegularSync */ .Wy)(file, { what: 'watch lock', confine: null, maxBytes: 64 * 1024 }).toString('utf8');
}
function ageMs(file) {
    try {
        return Date.now() - node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(file).mtimeMs;
    }
    catch {
        return Infinity;
    }
}


/***/ }),

/***/ 8079:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runWatcher: () => (/* binding */ runWatcher)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var core = __webpack_require__(8476);
// EXTERNAL MODULE: ./build/src/inputs/inputs.js
var inputs_inputs = __webpack_require__(2542);
// EXTERNAL MODULE: ./build/src/log.js
var src_log = __webpack_require__(6671);
// EXTERNAL MODULE: ./build/src/watch/daemon.js
var daemon = __webpack_require__(5129);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/rundir/checkpoint.js + 1 modules
var checkpoint = __webpack_require__(1079);
// EXTERNAL MODULE: ./build/src/rundir/load-run.js + 1 modules
var load_run = __webpack_require__(116);
// EXTERNAL MODULE: ./build/src/runs/find-runs.js
var find_runs = __webpack_require__(1208);
// EXTERNAL MODULE: ./build/src/runs/identity.js
var identity = __webpack_require__(2952);
// EXTERNAL MODULE: ./build/src/session/console-log.js
var console_log = __webpack_require__(9116);
// EXTERNAL MODULE: ./build/src/session/rewrite.js
var rewrite = __webpack_require__(5206);
// EXTERNAL MODULE: ./build/src/session/session.js
var session = __webpack_require__(4190);
// EXTERNAL MODULE: ./build/src/session/setup.js
var setup = __webpack_require__(8955);
// EXTERNAL MODULE: ./build/src/session/state-file.js
var state_file = __webpack_require__(1534);
// EXTERNAL MODULE: ./build/src/transport/errors.js
var errors = __webpack_require__(5460);
// EXTERNAL MODULE: ./build/src/watch/follow.js
var follow = __webpack_require__(7612);
;// CONCATENATED MODULE: ./build/src/watch/console-router.js
/**
 * One training log, several runs: each line goes to the run or runs that were training when it was
 * written, from that run's start to its end. Two trainings on two GPUs both get the lines written
 * while both run; a sequence hands the log on from one run to the next.
 *
 * A run's share is a window of the log's line numbers, kept in its state file, so the sync after the
 * live one (and a restarted watcher) sends the same lines to the same run:
 * - it starts at the trainer's banner (`Ultralytics 8.3.40 🚀 Python-…`, printed just before it
 *   writes args.yaml) when one was read shortly before the run appeared, else where the log stood
 *   then; the first run also gets what the command printed before any run existed (from line 0);
 * - it ends where the next run starts, once the run has finished (its checkpoint stripped): the
 *   final validation that a trainer prints after the strip still belongs to it. A run that never
 *   finishes keeps its window open until the watcher stops.
 *
 * Neither the log nor the file system tells which of two writes came first within one look, so the
 * router holds the lines of the latest read back until the next one (a tick later): a run that
 * appears in between can still claim the banner it printed just before its args.yaml. Runs found in
 * the same look claim the banners in their order of start. A run found before its banner reached the
 * log (a trainer's buffered output) is owed the next banner read within BANNER_WAIT_MS, so a run
 * that starts after it does not take that banner, and the lines after it, for its own.
 */


/** The first line an Ultralytics trainer prints (select_device), across versions. */
const BANNER = /^\s*Ultralytics (YOLOv)?\d+\.\d+\.\d+\b/;
/** How long a run found without its banner waits for it; a log with no banners owes nothing after. */
const BANNER_WAIT_MS = 10_000;
class ConsoleRouter {
    file;
    confine;
    /** Whole lines read so far; `held` are those of the latest read, not yet handed out. */
    count = 0;
    held = [];
    routes = new Set();
    follower;
    anyRun = false;
    /** The line number of the last banner a run claimed. */
    claimed = -1;
    /** Runs found before their banner was read, oldest first, with when each stops waiting for it. */
    owed = [];
    /** `confine`: the workspace; a log in it that leads out through a symlink is not read (safe-read.ts). */
    constructor(file, confine = null) {
        this.file = file;
        this.confine = confine;
        this.follower = file ? new follow/* LineFollower */.zn(file, confine) : null;
    }
    /** Hands out the lines of the read before, which no new run can claim any more; reads the new ones. */
    read() {
        if (!this.follower)
            return;
        this.handOut(this.held.length);
        this.held = this.follower.read();
        this.count += this.held.length;
        const now = Date.now();
        this.owed = this.owed.filter((o) => o.until > now);
        while (this.owed.length > 0 && this.claimBanner() !== null)
            this.owed.shift();
    }
    /** Hands out everything read (the watcher stops). */
    flush() {
        this.handOut(this.held.length);
    }
    /**
     * A run starts at `startedAt`. Its window is the one its state file holds (a restarted watcher),
     * else it opens as the module comment says; `sent` lines of it already arrived.
     */
    async add(saved, startedAt, deliver, onEnd) {
        const window = { from: saved.from ?? this.start(), to: saved.to };
        this.anyRun = true;
        for (const r of this.routes)
            if (r.finished && r.window.to === undefined)
                this.end(r, window.from);
        const route = { window, startedAt, next: window.from + saved.sent, deliver, onEnd };
        this.routes.add(route);
        // Lines of its window that were handed out before it appeared, read back with the whole-file
        // reader (confined and bounded like every read; a log that cannot be read gives none).
        const upTo = Math.min(this.count - this.held.length, window.to ?? Infinity);
        if (this.file && route.next < upTo) {
            const next = route.next;
            route.next = upTo;
            route.deliver((await (0,console_log/* readLogLines */.WK)(this.file, this.confine).catch(() => [])).slice(next, upTo));
        }
        return {
            window,
            finished: (at) => {
                route.finished = true;
                if (route.window.to !== undefined)
                    return;
                // Seen late, after the next training had already begun: its share ends where that one's began.
                const next = [...this.routes].filter((r) => r !== route && r.startedAt >= at).sort((a, b) => a.window.from - b.window.from)[0];
                if (next)
                    this.end(route, next.window.from);
            },
            restart: () => {
                // A new training in the same directory: its share of the log starts at its banner, now.
                route.window.from = this.start();
                route.window.to = undefined;
                route.finished = false;
                route.next = route.window.from;
                return route.window.from;
            },
            remove: () => this.routes.delete(route),
        };
    }
    /**
     * Where a new run's window opens: the first banner among the held lines that no run claimed yet,
     * else now; line 0 for the first run (which claims its banner all the same).
     */
    start() {
        // Runs still owed a banner were found first: theirs come first in the log too.
        if (this.owed.length > 0) {
            this.owed.push({ until: Date.now() + BANNER_WAIT_MS });
            return this.anyRun ? this.count : 0;
        }
        const banner = this.claimBanner();
        if (banner === null)
            this.owed.push({ until: Date.now() + BANNER_WAIT_MS });
        if (!this.anyRun)
            return 0;
        return banner ?? this.count;
    }
    /** The first banner among the held lines that no run claimed yet, now claimed; null if none. */
    claimBanner() {
        const heldFrom = this.count - this.held.length;
        for (let i = Math.max(0, this.claimed + 1 - heldFrom); i < this.held.length; i++) {
            if (!BANNER.test(this.held[i]))
                continue;
            this.claimed = heldFrom + i;
            return this.claimed;
        }
        return null;
    }
    handOut(n) {
        if (n <= 0)
            return;
        const lines = this.held.slice(0, n);
        const start = this.count - this.held.length;
        this.held = this.held.slice(n);
        for (const r of this.routes) {
            const from = Math.max(r.next, start) - start;
            const to = Math.min(lines.length, (r.window.to ?? Infinity) - start);
            if (to > from)
                r.deliver(lines.slice(from, to));
            r.next = Math.max(r.next, start + Math.max(to, 0));
        }
    }
    end(r, to) {
        r.window.to = to;
        r.onEnd(to);
    }
}

// EXTERNAL MODULE: ./build/src/watch/find-run.js
var find_run = __webpack_require__(4158);
// EXTERNAL MODULE: ./build/src/watch/lock.js
var watch_lock = __webpack_require__(8142);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./build/src/watch/system.js
/**
 * The training machine's load, for Platform's `epoch_end.data.system`, as Ultralytics' SystemLogger
 * (ultralytics/utils/logger.py, `get_metrics(rates=True)`, what the 8.4 Platform callback sends)
 * reports it: cpu and ram in percent; `disk.used_gb` of `/` in GiB; disk and network throughput in
 * MiB/s (2^20 bytes) between two samples; per GPU its usage, memory, temperature and power. The
 * watcher runs beside the trainer, so this is the trainer's machine. A value that cannot be read
 * here is left out, never guessed.
 *
 * The counters are psutil's on Linux, read from /proc as psutil reads them: disk bytes are the
 * sectors (512 bytes) of /proc/diskstats summed over whole devices only (those listed in
 * /sys/block, so a partition is not counted twice beside its disk; loop and dm devices count, as in
 * psutil); network bytes are /proc/net/dev summed over every interface, loopback included.
 */




const round = (v, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
const MIB = 2 ** 20;
const GIB = 2 ** 30;
const SECTOR = 512;
class SystemSampler {
    lastCpu = cpuTimes();
    lastIo;
    /** null once nvidia-smi turned out to be missing: it is not tried again. */
    nvidiaSmi = 'nvidia-smi';
    root;
    proc;
    sys;
    constructor(paths = {}, startedAt = Date.now()) {
        this.root = paths.root ?? '/';
        this.proc = paths.proc ?? '/proc';
        this.sys = paths.sys ?? '/sys';
        this.lastIo = this.io(startedAt);
    }
    /** The load since the previous sample (cpu, throughput), and the state now (the rest). */
    async sample(now = Date.now()) {
        const out = {};
        const cpu = cpuTimes();
        const busy = cpu.busy - this.lastCpu.busy;
        const total = cpu.total - this.lastCpu.total;
        this.lastCpu = cpu;
        if (total > 0)
            out.cpu = round((100 * busy) / total);
        out.ram = round((100 * (external_node_os_.totalmem() - external_node_os_.freemem())) / external_node_os_.totalmem());
        const io = this.io(now);
        const last = this.lastIo;
        this.lastIo = io;
        // As the real client: at least 0.1 s apart, never negative (a counter that wrapped or a device gone).
        const seconds = Math.max(0.1, (io.at - last.at) / 1000);
        const rate = (bytes) => round(Math.max(0, bytes) / MIB / seconds, 3);
        const disk = {};
        if (io.disk && last.disk) {
            disk.read_mbs = rate(io.disk.read - last.disk.read);
            disk.write_mbs = rate(io.disk.write - last.disk.write);
        }
        try {
            const s = external_node_fs_.statfsSync(this.root);
            disk.used_gb = round(((s.blocks - s.bfree) * s.bsize) / GIB, 3);
        }
        catch {
            // statfs is missing on this Node or this filesystem: no disk figure
        }
        if (Object.keys(disk).length > 0)
            out.disk = disk;
        if (io.net && last.net)
            out.network = { recv_mbs: rate(io.net.recv - last.net.recv), sent_mbs: rate(io.net.sent - last.net.sent) };
        const gpus = await this.gpus();
        if (gpus)
            out.gpus = gpus;
        return out;
    }
    /** The disk and network byte counters now; a part that cannot be read (no /proc) is absent. */
    io(at) {
        const counters = { at };
        const disk = readText(external_node_path_.join(this.proc, 'diskstats'));
        if (disk !== undefined)
            counters.disk = parseDiskstats(disk, (name) => external_node_fs_.existsSync(external_node_path_.join(this.sys, 'block', name.replace(/\//g, '!'))));
        const net = readText(external_node_path_.join(this.proc, 'net/dev'));
        if (net !== undefined)
            counters.net = parseNetDev(net);
        return counters;
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
function readText(file) {
    try {
        return external_node_fs_.readFileSync(file, 'utf8');
    }
    catch {
        return undefined;
    }
}
/**
 * Bytes read and written, from /proc/diskstats (`major minor name reads merged sectors ms writes
 * merged sectors …`), summed over the devices `whole` accepts: psutil's totals count whole devices
 * only, so that a partition's I/O is not counted again beside its disk's.
 */
function parseDiskstats(text, whole) {
    let read = 0;
    let write = 0;
    for (const line of text.split('\n')) {
        const f = line.trim().split(/\s+/);
        if (f.length < 14 || !whole(f[2]))
            continue;
        const sectorsRead = Number(f[5]);
        const sectorsWritten = Number(f[9]);
        if (!Number.isFinite(sectorsRead) || !Number.isFinite(sectorsWritten))
            continue;
        read += sectorsRead * SECTOR;
        write += sectorsWritten * SECTOR;
    }
    return { read, write };
}
/** Bytes received and sent, from /proc/net/dev, summed over every interface (loopback too, as psutil). */
function parseNetDev(text) {
    let recv = 0;
    let sent = 0;
    for (const line of text.split('\n')) {
        const colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const f = line.slice(colon + 1).trim().split(/\s+/);
        if (f.length < 9)
            continue;
        const r = Number(f[0]);
        const s = Number(f[8]);
        if (!Number.isFinite(r) || !Number.isFinite(s))
            continue;
        recv += r;
        sent += s;
    }
    return { recv, sent };
}

;// CONCATENATED MODULE: ./build/src/watch/live.js
/**
 * The live sync: follows every run directory that trainings create while it runs (one after
 * another, or several at once on several GPUs) and feeds what is new to the session steps, as
 * Ultralytics' trainer does from inside (HUBTrainingSession and the Platform callbacks). It has no
 * session of its own: for each run the same `openRun`, `sendNewEpochs`, `sendConsoleLines` and
 * `uploadOne` run here and in the sync after the training, against the same state file, so the
 * final sync sends only what the live one did not.
 *
 *   every tick: new log lines → the runs training now (console-router.ts); a new args.yaml → a new
 *   run: register it → per run: new results.csv rows, its log lines, a changed checkpoint at most
 *   once per interval, and whether it finished (checkpoint stripped) → on stop: one last flush
 *
 * Each run ticks on its own, so one run's long upload does not hold another's epochs; all share one
 * rate-limit pacer. A send that fails after its retries is kept for the next tick (the state file
 * says what arrived); a rejected key, a refused model or a lost registration answer end that run's
 * live sync, and the final sync reports it.
 */

















/** How often the files are looked at: an epoch is on the server within about two ticks of its row. */
const TICK_MS = 500;
/**
 * New runs are looked for (a walk of the workspace) this often, or less often when a look costs more
 * than DISCOVER_SHARE of the time between looks (a large workspace); and at every tick for a while
 * after a folder holding a known run changed (the next training of a sequence or a tune).
 */
const LOOK_MS = 2000;
const DISCOVER_SHARE = 0.05;
const EAGER_MS = 5000;
/** HUB takes metrics at most every 3 s (HUB-API.md); rows of one window go in one request. */
const HUB_METRICS_WINDOW_MS = 3000;
/** The reference flushes the console every 5 lines or 5 s. */
const CONSOLE_LINES = 5;
const CONSOLE_MS = 5000;
/** A checkpoint is sent once the trainer stopped writing it for this long. */
const CHECKPOINT_SETTLE_MS = 1000;
/** Wait between registration attempts while the server cannot be reached. */
const REGISTER_RETRY_MS = 5000;
/** Every run the final sync sends, in order of start: those followed live and those that could not be. */
function runDirsOf(result) {
    return (0,find_runs/* orderByStart */.up)([...result.runs.map((r) => r.runDir), ...result.unstarted]);
}
/** Follows the trainings until `stop` aborts, then flushes what is pending and returns. */
async function followTrainings(opts, stop) {
    const { log } = opts;
    const tick = opts.tickMs ?? TICK_MS;
    const pacer = (0,setup/* createPacer */.g3)(log);
    // HUB has no console log: nothing to read for it.
    const router = new ConsoleRouter(opts.inputs.backend === 'platform' ? opts.inputs.logFile : null, opts.inputs.workspace);
    const runs = [];
    const aside = [];
    const unstarted = new Set();
    let nextLook = 0;
    const parents = new ParentWatch();
    log.info(opts.inputs.runDir
        ? `Waiting for ${external_node_path_.join(opts.inputs.runDir, 'args.yaml')} …`
        : `Waiting for trainings to write runs/…/args.yaml under ${opts.inputs.workspace} …`);
    try {
        for (;;) {
            const now = Date.now();
            // The log, ended runs, then new runs: a new run claims the banner its trainer printed just
            // before its args.yaml, and a finished run's share of the log ends where the new one's begins.
            router.read();
            await Promise.all(runs.map((r) => r.checkFinished(now)));
            if (parents.changed(now, EAGER_MS) || now >= nextLook || runs.length === 0 || stop.aborted) {
                const dirs = await (0,find_run/* runsToFollow */.lD)(opts.inputs, opts.startedAt - find_run/* CLOCK_SLACK_MS */.n2);
                nextLook = now + Math.max(LOOK_MS, (Date.now() - now) / DISCOVER_SHARE);
                for (const dir of dirs) {
                    if (runs.some((r) => r.runDir === dir) || aside.includes(dir))
                        continue;
                    // A run that cannot be started yet (its args.yaml caught mid-write, a file refused) does
                    // not end the others: it is tried again at the next look, and the final sync sends it.
                    const run = await LiveRun.start(dir, runs.length, { opts, pacer, router }).catch((err) => {
                        if (!unstarted.has(dir))
                            log.warning(`${dir} is not followed live yet (${log.redact(err.message)}); it is tried again, and the final sync sends it in any case.`);
                        unstarted.add(dir);
                        return undefined;
                    });
                    if (run === undefined)
                        continue;
                    unstarted.delete(dir);
                    if (run)
                        runs.push(run);
                    else
                        aside.push(dir);
                    parents.add(external_node_path_.dirname(dir));
                    opts.onRuns?.(runDirsOf({ runs, unstarted: [...unstarted] }), aside);
                }
            }
            for (const r of runs)
                r.kick(now);
            // One more look after the stop: a short training may have ended already.
            if (stop.aborted)
                break;
            await sleep(tick, stop);
        }
        if (runs.length === 0 && unstarted.size === 0)
            log.info('Stopped before a training wrote its args.yaml: nothing to follow.');
        else if (runs.length === 0)
            log.info(`Stopped before ${[...unstarted].join(', ')} could be followed live: the final sync sends ${unstarted.size === 1 ? 'it' : 'them'}.`);
        await Promise.all(runs.map((r) => r.idle()));
        router.read();
        router.flush();
        await Promise.all(runs.map((r) => r.flush()));
        return { runs: runs.map((r) => r.result()), unstarted: [...unstarted], aside };
    }
    finally {
        for (const r of runs)
            r.close();
    }
}
/**
 * The folders that hold the runs followed so far: a new training of a sequence or a tune creates its
 * run directory beside the last one, which changes the folder's mtime. A stat a tick each.
 */
class ParentWatch {
    mtimes = new Map();
    eagerUntil = 0;
    add(dir) {
        if (!this.mtimes.has(dir))
            this.mtimes.set(dir, (0,follow/* signatureOf */.yK)(dir, { dirs: true })?.mtimeMs ?? 0);
    }
    /** True while a folder changed within the last `eagerMs` (its new run may not have its args.yaml yet). */
    changed(now, eagerMs) {
        for (const [dir, before] of this.mtimes) {
            const m = (0,follow/* signatureOf */.yK)(dir, { dirs: true })?.mtimeMs ?? 0;
            if (m !== before) {
                this.mtimes.set(dir, m);
                this.eagerUntil = now + eagerMs;
            }
        }
        return now < this.eagerUntil;
    }
}
/** One run followed live: its own session, state file, registration and ticks. */
class LiveRun {
    ctx;
    shared;
    runDir;
    lock;
    cancelled = false;
    finished = false;
    /** The run directory was deleted: nothing more to follow (its run was reported failed). */
    gone = false;
    /** Its live sync ended early (a rejected key, a refused model, a lost registration answer). */
    stopped = false;
    /** results.csv was written again by a new training: register it before sending more. */
    reregister = false;
    registered = false;
    nextRegisterAt = 0;
    busy = null;
    csv;
    checkpoint;
    last;
    system;
    route = null;
    pending = [];
    pendingSince = 0;
    lastMetricsAt = 0;
    lastCheckpointAt;
    checkpointDirty = false;
    /** The version of last.pt last read for the strip (a checkpoint is read once per change). */
    checkedLast = null;
    constructor(ctx, shared, runDir, lock) {
        this.ctx = ctx;
        this.shared = shared;
        this.runDir = runDir;
        this.lock = lock;
        this.csv = new follow/* ChangeWatch */.El(ctx.inputs.metrics ?? external_node_path_.join(runDir, 'results.csv'));
        this.checkpoint = new follow/* ChangeWatch */.El(external_node_path_.join(runDir, 'weights', ctx.backend.liveCheckpoint));
        this.last = new follow/* ChangeWatch */.El(external_node_path_.join(runDir, 'weights', 'last.pt'));
        this.system = ctx.backend.name === 'platform' ? new SystemSampler() : null;
        // As the reference session: the first periodic checkpoint one interval after the start.
        this.lastCheckpointAt = shared.opts.startedAt;
    }
    /** Starts following `runDir`; null when another watcher follows it already (two watch steps on one run). */
    static async start(runDir, index, shared) {
        const { log, env } = shared.opts;
        const inputs = (0,identity/* inputsForRun */.i)(shared.opts.inputs, runDir, index, { log });
        const lock = (0,watch_lock/* acquireLock */.I)(`${(0,state_file/* stateLocation */.vJ)(runDir, inputs.stateFile, env).file}.lock`);
        if ('heldBy' in lock) {
            log.warning(`Another watcher (pid ${lock.heldBy}) already follows ${runDir}: this one stands aside and sends nothing for it.`);
            return null;
        }
        const ctx = await (0,load_run/* loadRun */.Sj)(inputs, log, { live: true })
            .then((plan) => (0,setup/* createSession */.jw)(inputs, plan, log, env, { live: true, pacer: shared.pacer }))
            .catch((err) => {
            lock.release();
            throw err;
        });
        log.info(`Following ${runDir}`);
        const run = new LiveRun(ctx, shared, runDir, lock);
        const saved = ctx.state.saved;
        run.route = await shared.router.add({ from: saved.consoleFrom, to: saved.consoleTo, sent: saved.consoleLines ?? 0 }, (0,follow/* signatureOf */.yK)(external_node_path_.join(runDir, 'args.yaml'))?.mtimeMs ?? Date.now(), (lines) => run.receive(lines), (to) => void ctx.state.update((s) => void (s.consoleTo = to)).catch((err) => log.warning(`${runDir}: ${err.message}`)));
        const { from } = run.route.window;
        if (saved.consoleFrom !== from)
            await ctx.state.update((s) => void (s.consoleFrom = from));
        return run;
    }
    /** Starts a tick unless one is still running (a long upload): the next kick tries again. */
    kick(now) {
        if (this.busy || this.stopped || this.cancelled || this.gone)
            return;
        this.busy = this.tick(now, false)
            .catch((err) => this.stop(err))
            .finally(() => {
            this.busy = null;
        });
    }
    async idle() {
        await this.busy;
    }
    /** The training ended: send everything pending. */
    async flush() {
        if (this.stopped || this.cancelled || this.gone)
            return;
        await this.tick(Date.now(), true).catch((err) => this.stop(err));
    }
    close() {
        this.route?.remove();
        this.ctx.backend.close();
        this.lock.release();
    }
    result() {
        return { runDir: this.runDir, epochsOnServer: this.ctx.state.saved.epochs.length, cancelled: this.cancelled };
    }
    receive(lines) {
        if (!this.ctx.inputs.logFile)
            return;
        const now = new Date();
        if (lines.length > 0 && this.pending.length === 0)
            this.pendingSince = now.getTime();
        // Stamped as the real client stamps them, with the time they were read.
        this.pending.push(...lines.map((line) => (0,console_log/* stampLine */.i$)(line, now)));
    }
    stop(err) {
        this.stopped = true;
        const message = this.shared.opts.log.redact(err.message);
        this.shared.opts.log.error(`The live sync of ${this.runDir} stopped: ${message}. The final sync still sends what is missing.`);
    }
    /** One look at the run's files; `last`: the training ended, send everything pending. A deleted run directory ends the following. */
    async tick(now, last) {
        try {
            if (external_node_fs_.existsSync(this.runDir))
                return await this.look(now, last);
        }
        catch (err) {
            if (external_node_fs_.existsSync(this.runDir))
                throw err;
        }
        this.gone = true;
        this.route?.remove();
        await (0,session/* reportRunDirGone */.Wy)(this.ctx);
    }
    async look(now, last) {
        if (!this.registered && !(await this.register(now, last)))
            return;
        if (this.csv.changed(now) || last)
            await this.reload();
        if (this.reregister) {
            // A new training rewrote results.csv: its own run (the state already starts afresh).
            const reg = await this.guard('registration', () => (0,session/* openRun */.Iy)(this.ctx));
            if (!reg)
                return;
            this.reregister = false;
            this.cancelled = reg.cancelled;
            if (this.cancelled)
                return;
        }
        await this.epochs(now, last);
        if (this.cancelled)
            return;
        await this.consoleLines(now, last);
        if (!last)
            await this.periodicCheckpoint(now);
    }
    /** Registers the run; while the server cannot be reached, tries again every few seconds. */
    async register(now, last) {
        if (!last && now < this.nextRegisterAt)
            return false;
        try {
            const reg = await (0,session/* openRun */.Iy)(this.ctx);
            this.registered = true;
            this.cancelled = reg.cancelled || this.ctx.state.saved.cancelled === true;
            return !this.cancelled;
        }
        catch (err) {
            if (!recoverable(err))
                throw err;
            this.shared.opts.log.warning(`${err.message}; trying again in ${REGISTER_RETRY_MS / 1000} s.`);
            this.nextRegisterAt = now + REGISTER_RETRY_MS;
            return false;
        }
    }
    async reload() {
        const plan = await (0,load_run/* refreshLive */.SL)(this.ctx.plan, this.ctx.inputs);
        this.ctx.plan = plan;
        this.ctx.backend.usePlan(plan);
        if (await (0,rewrite/* startOverIfRewritten */.sW)(this.ctx)) {
            // A new training: a new run, with its own share of the log from here on.
            this.reregister = true;
            this.finished = false;
            this.pending = [];
            const from = this.route?.restart();
            if (from !== undefined)
                await this.ctx.state.update((s) => void (s.consoleFrom = from));
        }
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
            this.shared.opts.log.warning(`The server cancelled ${this.runDir}: the live sync stops sending it.`);
        }
    }
    async consoleLines(now, last) {
        if (this.pending.length === 0)
            return;
        if (!last && this.pending.length < CONSOLE_LINES && now - this.pendingSince < CONSOLE_MS)
            return;
        const batch = this.pending;
        this.pending = [];
        const sent = await this.guard('console output', () => (0,session/* sendConsoleLines */.rQ)(this.ctx, batch));
        if (sent === undefined)
            this.pending = [...batch, ...this.pending];
    }
    /** The live checkpoint (Platform best.pt, HUB last.pt) when it changed, at most once per interval. */
    async periodicCheckpoint(now) {
        if (this.checkpoint.changed(now))
            this.checkpointDirty = true;
        if (!this.checkpointDirty || now - this.lastCheckpointAt < this.shared.opts.checkpointIntervalMs)
            return;
        if (!this.checkpoint.stillFor(CHECKPOINT_SETTLE_MS, now))
            return;
        const sig = this.checkpoint.current; // just looked at by stillFor
        if (!sig)
            return;
        // The final sync's rule for weights, live too: a checkpoint that leads out of the workspace
        // through a symlink is not sent (once per change of it, with a warning; the training goes on).
        const inputs = this.ctx.inputs;
        const real = (0,load_run/* weightLeavesWorkspace */.os)(this.checkpoint.file, inputs.workspace, inputs.weights ?? [this.checkpoint.file]);
        if (real !== null) {
            this.checkpointDirty = false;
            this.shared.opts.log.warning(`Live checkpoint ${this.checkpoint.file} leads outside the workspace (to ${real}) through a symbolic link, so it is not uploaded; the training goes on. ` +
                'Let the training write its weights inside the workspace (a real file, not a link), or name them with an absolute `weights:` path if you mean that file.');
            return;
        }
        const file = { path: this.checkpoint.file, name: external_node_path_.basename(this.checkpoint.file), role: 'checkpoint', bytes: sig.size };
        const plan = this.ctx.plan;
        const epoch = plan.metrics.rows.length > 0 ? plan.metrics.rows[plan.metrics.rows.length - 1].epoch : 0;
        const problems = [];
        const sent = await this.ctx.log.group(`Upload ${file.name} (epoch ${epoch} checkpoint)`, () => (0,session/* uploadOne */.Ut)(this.ctx, file, problems, { epoch, isBest: plan.best?.epoch === epoch }));
        this.lastCheckpointAt = now;
        if (sent.outcome !== 'failed')
            this.checkpointDirty = false;
    }
    /**
     * A finished training strips last.pt (epoch -1) before best.pt. Once seen, the run's share of the
     * log ends where the next run starts, and its final sync reports it complete.
     */
    async checkFinished(now) {
        if (this.finished)
            return;
        this.last.changed(now);
        const sig = this.last.current;
        if (!sig || sig === this.checkedLast)
            return;
        const meta = await (0,checkpoint/* readCheckpointMeta */.Y)(this.last.file);
        // A checkpoint caught mid-write does not parse: it is read again on the next tick.
        if (meta)
            this.checkedLast = sig;
        if (meta?.epoch !== -1)
            return;
        this.finished = true;
        this.route?.finished(sig.mtimeMs);
        this.shared.opts.log.info(`${this.runDir}: the training finished (weights/last.pt stripped).`);
    }
    /** Runs one send; a failure that a later try can mend is logged and left for the next tick. */
    async guard(what, fn) {
        try {
            return await fn();
        }
        catch (err) {
            if (!recoverable(err))
                throw err;
            this.shared.opts.log.warning(`Live ${what} of ${external_node_path_.basename(this.runDir)} not sent yet (${err.message}); kept for the next try.`);
            return undefined;
        }
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
        const result = await followTrainings({
            inputs,
            log,
            env: process.env,
            startedAt: Number(process.env[daemon/* STARTED_AT_ENV */.mn]) || Date.now(),
            checkpointIntervalMs: inputs.checkpointIntervalMs,
            onRuns: (runDirs, aside) => (0,daemon/* writeHandoff */.K7)(handoffFile, { runDirs, aside }),
        }, stop.signal);
        (0,daemon/* writeHandoff */.K7)(handoffFile, { runDirs: runDirsOf(result), aside: result.aside, done: true });
        for (const r of result.runs) {
            log.info(`Live sync of ${r.runDir} ended: ${r.epochsOnServer} epochs on the server${r.cancelled ? ' (the server cancelled the run)' : ''}.`);
        }
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
