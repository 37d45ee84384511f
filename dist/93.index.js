export const id = 93;
export const ids = [93];
export const modules = {

/***/ 93:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./build/src/inputs/errors.js
var errors = __webpack_require__(7516);
// EXTERNAL MODULE: ./build/src/inputs/inputs.js
var inputs_inputs = __webpack_require__(2542);
// EXTERNAL MODULE: ./build/src/rundir/errors.js
var rundir_errors = __webpack_require__(9843);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/host.js
var src_host = __webpack_require__(8843);
// EXTERNAL MODULE: ./build/src/rundir/find-run.js
var find_run = __webpack_require__(1371);
// EXTERNAL MODULE: ./build/src/rundir/tune.js
var tune = __webpack_require__(9082);
// EXTERNAL MODULE: ./build/src/rundir/load-run.js + 1 modules
var load_run = __webpack_require__(116);
// EXTERNAL MODULE: ./build/src/report/ci-report.js + 1 modules
var ci_report = __webpack_require__(3554);
// EXTERNAL MODULE: ./build/src/report/gate.js
var gate = __webpack_require__(6493);
// EXTERNAL MODULE: ./build/src/report/job.js + 4 modules
var report_job = __webpack_require__(3327);
// EXTERNAL MODULE: ./build/src/session/session.js
var session_session = __webpack_require__(4190);
// EXTERNAL MODULE: ./build/src/session/setup.js
var setup = __webpack_require__(8955);
// EXTERNAL MODULE: ./build/src/transport/errors.js
var transport_errors = __webpack_require__(5460);
// EXTERNAL MODULE: ./build/src/transport/pacer.js
var transport_pacer = __webpack_require__(1980);
// EXTERNAL MODULE: ./build/src/runs/find-runs.js
var find_runs = __webpack_require__(1208);
// EXTERNAL MODULE: ./build/src/rundir/ended.js
var rundir_ended = __webpack_require__(6134);
// EXTERNAL MODULE: ./build/src/runs/identity.js
var identity = __webpack_require__(2952);
;// CONCATENATED MODULE: ./build/src/runs/progress.js
class Progress {
    total;
    now;
    budget;
    started;
    /** Requests the pacer had let through when the first run began. */
    grantedAtStart;
    constructor(total, now = Date.now, 
    /** The rate limit as the pacer knows it (`Pacer.budget`); null while unknown. */
    budget = () => null) {
        this.total = total;
        this.now = now;
        this.budget = budget;
        this.started = now();
        this.grantedAtStart = budget()?.granted ?? 0;
    }
    /** The line for run `index` (0-based), once its run directory was read. */
    line(index, name, epochs) {
        const eta = this.eta(index);
        return `Run ${index + 1} of ${this.total}: ${name} (${epochs} epochs)${eta === null ? '' : `; the rest in about ${duration(eta)}`}`;
    }
    /** Milliseconds until runs `index`… have arrived; null before a run finished to measure by. */
    eta(index) {
        if (index === 0)
            return null;
        const left = this.total - index;
        const pace = ((this.now() - this.started) / index) * left;
        const b = this.budget();
        if (!b)
            return pace;
        const requests = ((b.granted - this.grantedAtStart) / index) * left;
        return Math.max(pace, rateBound(requests, b, this.now()));
    }
}
/**
 * The least time `requests` more requests take under the limit: those the current window still
 * allows go at once; the others at `limit` per window, and not before the window's reset.
 */
function rateBound(requests, b, now) {
    const beyond = requests - b.remaining;
    if (beyond <= 0)
        return 0;
    return Math.max(b.resetAt - now, (beyond / b.limit) * b.windowMs);
}
function duration(ms) {
    const s = Math.max(1, Math.round(ms / 1000));
    if (s < 60)
        return `${s} s`;
    const m = Math.round(s / 60);
    return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

;// CONCATENATED MODULE: ./build/src/runs/job.js
/**
 * The runs layer: every run of a step, above the per-run session.
 *
 *   find the runs (run-dir patterns, the newest run, or the runs a live sync followed)
 *   → check that the inputs fit them → sync each, one after another, through the unchanged session,
 *     sharing one rate-limit pacer → one report over all of them: outputs, summary, comment, gate
 *
 * A run that cannot be read or synced is reported and skipped: it does not stop the others, and the
 * step ends `partial`. Only what no later run could get past ends the whole step at once: a rejected
 * key, or a stop (Ctrl-C, a cancelled job), which takes effect between two requests.
 */
















/** Other runs written this recently are named in a warning when `run-dir` is left empty. */
const RECENT_MS = 24 * 3600_000;
/** After a stop, how long the request under way may take to finish before the step exits anyway. */
const STOP_GRACE_MS = 3000;
async function syncJob(host, inputs, opts = {}) {
    const { log } = host;
    const { runs, tuneDirs } = await findRuns(inputs, opts, log);
    if (!opts.identityToFirst)
        (0,identity/* checkIdentity */.Z)(inputs, runs.map((r) => r.dir).filter((d) => d !== null));
    if (runs.length > 1 && !opts.identityToFirst && inputs.logFile) {
        // After the training nothing tells which lines were whose; a live sync routes them as they come.
        log.warning(`log-file ${inputs.logFile} holds the console of ${runs.length} runs and cannot be split between them after the training, so it is not sent. ` +
            'Sync live (watch: true, or ultralytics-sync run -- …) to send each run its own lines, or sync one run per step.');
        inputs = { ...inputs, logFile: null };
    }
    const pacer = (0,setup/* createPacer */.g3)(log);
    const stopper = new Stopper(pacer, log);
    const outcomes = [];
    try {
        const several = runs.length > 1;
        const progress = several ? new Progress(runs.length, Date.now, () => pacer.budget()) : null;
        for (const [i, known] of runs.entries()) {
            // Several runs whose end nobody saw: `status` is the job's (the command's) end, and each run's
            // own is read from its checkpoints, as the live sync reads it (rundir/ended.ts).
            if (several && known.status === undefined && known.dir) {
                const ended = await (0,rundir_ended/* trainingEnd */.m)(known.dir, inputs.status);
                if (ended.status !== inputs.status)
                    log.info(`${(0,find_runs/* rel */.wH)(inputs.workspace, known.dir)}: the training ended with ${ended.status}: ${ended.why}.`);
                known.status = ended.status;
            }
            const runInputs = (0,identity/* inputsForRun */.i)(inputs, known.dir, i, { status: known.status, log });
            const announce = (plan) => progress && log.info(progress.line(i, (0,find_runs/* rel */.wH)(inputs.workspace, plan.runDir), plan.metrics.rows.length));
            if (!several) {
                // One run: an error ends the step with its own message, as it always did.
                outcomes.push(await syncOne(runInputs, host, pacer, stopper, announce));
                continue;
            }
            try {
                outcomes.push(await syncOne(runInputs, host, pacer, stopper, announce));
            }
            catch (err) {
                if (err instanceof transport_pacer/* StopRequested */.v)
                    throw err;
                const message = log.redact(err.message);
                const failed = (dir, error) => ({ runDir: dir, name: external_node_path_.basename(dir), inputs: runInputs, plan: null, result: null, error });
                if (!rejectsEveryRun(err)) {
                    log.error(`${(0,find_runs/* rel */.wH)(inputs.workspace, known.dir)}: ${message}. It is skipped; the other runs go on.`);
                    outcomes.push(failed(known.dir, message));
                    continue;
                }
                const rest = runs.slice(i + 1).map((r) => r.dir);
                log.error(`${(0,find_runs/* rel */.wH)(inputs.workspace, known.dir)}: ${message}. ` +
                    (rest.length ? `The other ${rest.length} run${rest.length === 1 ? ' is' : 's are'} not tried: ${rest.length === 1 ? 'it' : 'they'} would fail alike. ` : '') +
                    'Re-run the step once that is mended: what arrived is not sent again.');
                outcomes.push(failed(known.dir, message), ...rest.map((d) => failed(d, `not tried: ${message}`)));
                break;
            }
        }
    }
    catch (err) {
        if (err instanceof transport_pacer/* StopRequested */.v)
            return stopper.stopped(outcomes.length, runs.length);
        throw err;
    }
    finally {
        stopper.dispose();
    }
    return report(host, inputs, outcomes, tuneDirs);
}
/** The runs of this step, in order of start. */
async function findRuns(inputs, opts, log) {
    // `yolo tune` folders beside the runs get a section of the summary: their trials are the runs.
    if (opts.runs)
        return { runs: opts.runs, tuneDirs: await (0,tune/* findTuneDirs */.Sk)(opts.runs.map((r) => r.dir)) };
    if (inputs.runDirPatterns) {
        const found = await (0,find_runs/* matchRuns */.GI)(inputs.runDirPatterns, inputs.workspace);
        log.info(`run-dir matched ${found.runs.length} run${found.runs.length === 1 ? '' : 's'}: ${found.runs.map((d) => (0,find_runs/* rel */.wH)(inputs.workspace, d)).join(', ')}`);
        const tuneDirs = [...new Set([...found.tuneDirs, ...(await (0,tune/* findTuneDirs */.Sk)(found.runs))])].sort();
        return { runs: found.runs.map((dir) => ({ dir })), tuneDirs };
    }
    if (inputs.runDir || inputs.metrics)
        return { runs: [{ dir: inputs.runDir }], tuneDirs: [] };
    // One walk of runs/ for the newest run and the others written lately.
    const all = await (0,find_run/* listRuns */.v)(inputs.workspace);
    const newest = (0,find_run/* newestRun */.KO)(all);
    if (newest) {
        log.info(`run-dir not set: using ${(0,find_runs/* rel */.wH)(inputs.workspace, newest)}, the run whose results.csv changed last.`);
        warnOtherRecentRuns(inputs.workspace, newest, all, log);
    }
    return { runs: [{ dir: newest }], tuneDirs: [] };
}
/** The empty default syncs one run; other runs written lately would be lost without a word. */
function warnOtherRecentRuns(workspace, chosen, all, log) {
    const since = Date.now() - RECENT_MS;
    const others = all.filter((r) => r.dir !== chosen && r.mtimeMs >= since).map((r) => r.dir);
    if (others.length === 0)
        return;
    const parents = [...new Set([chosen, ...others].map((d) => (0,find_runs/* rel */.wH)(workspace, external_node_path_.dirname(d))))];
    log.warning(`run-dir is not set, so only ${(0,find_runs/* rel */.wH)(workspace, chosen)} is synced, but ${others.length} other run${others.length === 1 ? ' was' : 's were'} written in the last 24 hours: ` +
        `${others.map((d) => (0,find_runs/* rel */.wH)(workspace, d)).join(', ')}. To sync every run, set \`run-dir: ${parents.map((p) => `${p}/*`).join('\\n')}\`.`);
}
/** One run through the per-run pipeline: run directory → session → backend. */
async function syncOne(inputs, host, pacer, stopper, announce) {
    const { log } = host;
    const plan = await log.group('Read the run directory', async () => {
        const p = await (0,load_run/* loadRun */.Sj)(inputs, log);
        announce(p);
        describePlan(p, log);
        return p;
    });
    const runDir = plan.runDir;
    const session = await (0,setup/* createSession */.jw)({ ...inputs, runDir }, plan, log, host.env, { pacer });
    stopper.current = session;
    const result = await (0,session_session/* syncRun */.Np)(session);
    return { runDir, name: (0,ci_report/* runName */.rt)(inputs, plan), inputs: session.inputs, plan, result, error: null };
}
/** Socket codes that say the server could not be reached at all (not that it failed a request). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/**
 * What fails every run alike, so that the step stops instead of spending the retry budget on each
 * of the next hundred: a rejected key, or a server that could not be reached through every retry.
 * The runs not tried are named, and a re-run continues where this one stopped.
 */
function rejectsEveryRun(err) {
    if (!(err instanceof transport_errors/* HttpError */.j$))
        return false;
    return (err.permanent && (err.status === 401 || err.status === 403)) || (err.status === undefined && UNREACHABLE.has(err.code ?? ''));
}
async function report(host, inputs, outcomes, tuneDirs) {
    const { log } = host;
    const ctx = { inputs, env: host.env, log };
    const job = await (0,report_job/* prepareJobReport */.hs)(outcomes, tuneDirs, ctx);
    const outputs = (0,report_job/* jobOutputs */.ke)(job);
    (0,src_host/* setOutputs */.n)(host, outputs);
    if (inputs.summary)
        await (0,src_host/* writeSummary */.S)(host, log.redact((0,report_job/* renderJobSummary */.qE)(job, ctx)));
    await (0,report_job/* publishJobReport */.v$)(job, ctx);
    return (0,gate/* withGateFailure */.S)(conclude(job, inputs, outputs, log), (0,report_job/* gateFailure */.I9)(job));
}
function conclude(job, inputs, outputs, log) {
    const runs = job.runs;
    for (const r of runs) {
        const result = r.outcome?.result;
        if (!result)
            continue;
        const where = runs.length > 1 ? `${r.name}: ` : '';
        log.info(`${where}Status: ${result.status}. ${result.epochsOnServer} epochs on the server.${result.modelUrl ? ` ${result.modelUrl}` : ''}`);
    }
    const short = runs.filter((r) => r.status === 'partial' || r.status === 'failed');
    if (short.length === 0)
        return { exitCode: 0, outputs };
    const why = (r) => r.error ?? r.outcome?.result?.problems.join('; ') ?? '';
    const message = runs.length === 1
        ? `Sync incomplete: ${why(runs[0])}. Re-run the job to send the rest.`
        : `Sync incomplete for ${short.length} of ${runs.length} runs: ${short.map((r) => `${r.name} (${why(r)})`).join('; ')}. Re-run the job to send the rest.`;
    if (!inputs.failOnError) {
        log.warning(`${message} (fail-on-error is false, so the step passes.)`);
        return { exitCode: 0, outputs };
    }
    return { exitCode: 1, outputs, error: log.redact(message) };
}
function describePlan(p, log) {
    const rows = p.metrics.rows;
    log.info(`${p.metrics.path}: ${rows.length} epochs (${p.metrics.era} format, epochs ${rows[0].epoch}-${rows[rows.length - 1].epoch} 0-based)`);
    const n = (v) => (v === null ? 'n/a' : String(Number(v.toFixed(5))));
    if (p.best)
        log.info(`Best epoch ${p.best.epoch}: fitness ${n(p.best.fitness)}, ${p.mapColumn ?? 'mAP'} ${n(p.map)}`);
    for (const f of [p.checkpoint, p.final])
        if (f)
            log.info(`${f.role}: ${f.path} (${f.bytes} bytes)`);
}
/**
 * SIGINT/SIGTERM (Ctrl-C, a cancelled job): the first stops the sync before its next request, so
 * the answer under way is still recorded; if that request does not end within a moment, or on a
 * second signal, the step saves the state and exits at once. Either way a re-run continues.
 */
class Stopper {
    pacer;
    log;
    current = null;
    signal = null;
    timer;
    handler = (signal) => this.onSignal(signal);
    constructor(pacer, log) {
        this.pacer = pacer;
        this.log = log;
        process.on('SIGINT', this.handler);
        process.on('SIGTERM', this.handler);
    }
    onSignal(signal) {
        if (this.signal)
            return this.exitNow();
        this.signal = signal;
        this.pacer.stop(signal);
        this.log.info(`${signal}: stopping before the next request…`);
        this.timer = setTimeout(() => this.exitNow(), STOP_GRACE_MS);
        this.timer.unref();
    }
    where() {
        return this.current ? this.current.state.file : 'the state file of each run';
    }
    exitNow() {
        try {
            this.current?.backend.close();
            this.current?.state.flushSync();
            this.log.error(`Cancelled: stopped and saved progress in ${this.where()}. Re-run the same command to send the rest.`);
        }
        finally {
            process.exit(this.signal === 'SIGINT' ? 130 : 143);
        }
    }
    /** The outcome of a sync stopped between two requests. */
    stopped(done, total) {
        const at = total > 1 ? ` during run ${done + 1} of ${total}` : '';
        const message = `Cancelled: stopped and saved progress in ${this.where()}${at}. Re-run the same command to continue: what arrived is not sent again.`;
        return { exitCode: this.signal === 'SIGINT' ? 130 : 143, outputs: {}, error: message };
    }
    dispose() {
        clearTimeout(this.timer);
        process.off('SIGINT', this.handler);
        process.off('SIGTERM', this.handler);
    }
}

// EXTERNAL MODULE: ./build/src/version.js
var version = __webpack_require__(8009);
;// CONCATENATED MODULE: ./build/src/main.js






/**
 * The sync after the training (and after a live one): every run the inputs name, or the newest.
 * `overrides` replace inputs; `job` names the runs a live sync followed and how each ended.
 */
async function run(host, overrides = {}, job = {}) {
    const { log } = host;
    try {
        const inputs = (0,inputs_inputs/* getInputs */.GP)((name) => overrides[name] ?? host.input(name), host.env, log);
        log.info(`ultralytics-sync ${version/* VERSION */.x}: backend ${inputs.backend} (${inputs.backendReason}), ${inputs.apiUrl}`);
        return await syncJob(host, inputs, job);
    }
    catch (err) {
        const message = log.redact(errorMessage(err));
        if (!isExpected(err))
            log.debug(log.redact(err?.stack ?? ''));
        return { exitCode: 1, outputs: {}, error: message };
    }
}
/** Errors that carry a full user-facing message: a stack trace would add nothing. */
function isExpected(err) {
    return err instanceof errors/* InputError */.d || err instanceof rundir_errors/* RunDirError */.L || err instanceof transport_errors/* HttpError */.j$;
}
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}


/***/ }),

/***/ 6134:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ trainingEnd)
/* harmony export */ });
/* unused harmony export inferStatus */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _checkpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1079);
/**
 * How a training ended, read from what it left on disk, for a step that cannot see the job's status
 * (the post step of watch mode). Ultralytics strips its checkpoints when the training finishes:
 * `epoch` becomes -1 in best.pt and last.pt (RUN-DIR.md). Without a stripped checkpoint the training
 * failed, crashed, was cancelled or timed out: that is reported as a failure.
 */


async function inferStatus(runDir) {
    let unstripped = false;
    for (const name of ['best.pt', 'last.pt']) {
        const meta = await (0,_checkpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .readCheckpointMeta */ .Y)(node_path__WEBPACK_IMPORTED_MODULE_0__.join(runDir, 'weights', name));
        if (meta?.epoch === -1)
            return { status: 'success', why: `weights/${name} is stripped (epoch -1): the training finished`, unstripped: false };
        if (typeof meta?.epoch === 'number' && meta.epoch >= 0)
            unstripped = true;
    }
    return {
        status: 'failure',
        why: 'no stripped checkpoint in weights/: the training failed, crashed, was cancelled or timed out before it finished',
        unstripped,
    };
}
/**
 * A training's status from its files and from how the command that ran it ended (`known`, when the
 * caller saw it). A stripped checkpoint means it finished. Without one it takes the command's
 * failure or cancel; a command that succeeded does not make it finished when it left checkpoints
 * that were never stripped (their epoch is that of a training under way; a script or `yolo tune`
 * goes on after a training fails), only when it left none whose epoch can be read (`save=False`, or
 * an archive's weights of a form without one).
 */
async function trainingEnd(runDir, known) {
    const inferred = await inferStatus(runDir);
    if (inferred.status === 'success' || !known)
        return inferred;
    if (known !== 'success')
        return { status: known, why: `no stripped checkpoint, and the command ended with ${known}` };
    if (!inferred.unstripped)
        return { status: 'success', why: 'no checkpoint in weights/ tells otherwise (none, or none with an epoch), and the command succeeded' };
    return {
        status: 'failure',
        why: 'its checkpoints in weights/ were never stripped, so this training did not finish, although the command as a whole succeeded',
    };
}


/***/ })

};
