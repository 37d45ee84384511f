export const id = 284;
export const ids = [284,93];
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

/***/ 7284:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPost: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./build/src/watch/daemon.js
var daemon = __webpack_require__(5129);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/inputs/inputs.js
var inputs_inputs = __webpack_require__(2542);
// EXTERNAL MODULE: ./build/src/main.js + 2 modules
var main = __webpack_require__(93);
// EXTERNAL MODULE: ./build/src/session/state-file.js
var state_file = __webpack_require__(1534);
// EXTERNAL MODULE: ./build/src/rundir/ended.js
var ended = __webpack_require__(6134);
// EXTERNAL MODULE: ./build/src/watch/find-run.js
var find_run = __webpack_require__(4158);
// EXTERNAL MODULE: ./build/src/watch/lock.js
var lock = __webpack_require__(8142);
;// CONCATENATED MODULE: ./build/src/watch/final-sync.js
/**
 * The sync after a live one, shared by the post step and the CLI's `watch` and `run`: the same
 * pipeline as after any training (`run` in main.ts), on the run directories the watcher followed.
 * The state files make it send only what the live sync did not: remaining epochs and log lines,
 * the final model, complete or failed.
 */








/**
 * How each training ended: a `status` input goes to the sync, which validates it; it wins for one
 * run, and with several it is the command's end that each run's checkpoints refine (runs/job.ts).
 * Else each run's files and what the caller knows (`run`'s exit code, a signal), as `trainingEnd`
 * (rundir/ended.ts) reads them. A run directory deleted under the watcher (its run was reported failed) is said
 * so and fails the step; a run that another watcher still follows is left to it.
 */
async function finalSync(host, runDirs, known, inputs = {}) {
    const { log } = host;
    if (runDirs.length === 0) {
        log.warning('No training wrote a run directory while the watcher ran, so there is nothing to send. Check that the training step ran.');
        return { exitCode: 0, outputs: {} };
    }
    const input = (name) => (inputs[name] ?? host.input(name)).trim();
    const explicit = input(inputs_inputs/* Inputs */.G0.Status) !== '';
    const runs = [];
    const gone = [];
    for (const [i, dir] of runDirs.entries()) {
        if (!external_node_fs_.existsSync(dir)) {
            gone.push(dir);
            continue;
        }
        // `state-file` names the first run's state only (runs/identity.ts).
        const holder = (0,lock/* lockHolder */.m)(`${(0,state_file/* stateLocation */.vJ)(dir, (i === 0 && input(inputs_inputs/* Inputs */.G0.StateFile)) || null, host.env).file}.lock`);
        if (holder !== null) {
            log.info(`Another watcher (pid ${holder}) still follows ${dir}: it and its own final sync send the rest; this step sends nothing for it.`);
            continue;
        }
        if (explicit) {
            runs.push({ dir });
            continue;
        }
        const { status, why } = await (0,ended/* trainingEnd */.m)(dir, known);
        log.info(`${runDirs.length > 1 ? `${external_node_path_.basename(dir)}: ` : ''}The training ended with ${status}: ${why}.`);
        runs.push({ dir, status });
    }
    const outcome = runs.length > 0 ? await (0,main.run)(host, inputs, { runs, identityToFirst: true }) : { exitCode: 0, outputs: {} };
    if (gone.length === 0)
        return outcome;
    const error = `The run director${gone.length === 1 ? 'y' : 'ies'} ${gone.join(', ')} ${gone.length === 1 ? 'was' : 'were'} deleted while the training ran, so nothing more can be sent from ${gone.length === 1 ? 'it' : 'them'}. ` +
        'The watcher reported the run registered for each as failed (see its log). Keep run directories until the sync has ended.';
    return { ...outcome, exitCode: 1, error: outcome.error ? `${outcome.error} ${error}` : error };
}
/**
 * The runs to sync when the live sync named none (the watcher killed before it saw one, or the live
 * sync stopped): the `run-dir` input, else the runs whose args.yaml appeared since `startedAt`.
 */
async function runsWithoutWatcher(host, startedAt, why) {
    let inputs;
    try {
        inputs = (0,inputs_inputs/* getInputs */.GP)(host.input, host.env, host.log);
    }
    catch (err) {
        // Inputs main would have refused already: there is nothing this step could sync.
        host.log.debug(`No run to look for: ${err.message}`);
        return [];
    }
    // What the watcher would have followed, by its own rule; without main's start time, a walk of the
    // whole workspace would find every run ever trained there: none then.
    const named = inputs.runDir !== null || inputs.runDirPatterns !== null;
    const found = named || startedAt !== undefined ? await (0,find_run/* runsToFollow */.lD)(inputs, (startedAt ?? -Infinity) - find_run/* CLOCK_SLACK_MS */.n2) : [];
    if (found.length > 0) {
        host.log.warning(`The watcher named no run (${why}); syncing what it would have followed: ${found.join(', ')}.`);
    }
    return found;
}

;// CONCATENATED MODULE: ./build/src/post.js
/**
 * The post step of watch mode: stop the watcher (it flushes and saves), print its log, then the
 * final sync of the runs it followed. Without a watcher (watch was off) there is nothing to do.
 *
 * A watcher killed before it saw any run (the OOM killer, kill -9) leaves no list: the post then
 * looks for itself, at the `run-dir` input, then at the runs whose args.yaml appeared after main
 * started, so a training the watcher never saw still arrives.
 */



/** How long the watcher may take to send what it holds after being asked to stop. */
const WATCHER_STOP_MS = 30_000;
async function runPost(host, watcher) {
    const { log } = host;
    if (!watcher.pid)
        return { exitCode: 0, outputs: {} }; // watch mode was off: the main step did the sync
    const how = await (0,daemon/* stopWatcher */.Xs)(watcher.pid, WATCHER_STOP_MS, { startTicks: watcher.startTicks, handoffFile: watcher.handoffFile || undefined });
    const said = {
        'not-ours': `Process ${watcher.pid} is no longer the watcher (it ended, and its pid now belongs to another process), so it was not signalled. ` +
            'The watcher had already ended (crashed or killed): the state file it kept lets this step catch up.',
        stopped: 'The watcher stopped and saved its progress.',
        gone: 'The watcher had already ended (crashed or killed): the state file it kept lets this step catch up.',
        killed: `The watcher did not stop within ${WATCHER_STOP_MS / 1000} s and was killed; its state file is intact.`,
    }[how];
    await log.group('Watcher log', async () => {
        const text = watcher.logFile && external_node_fs_.existsSync(watcher.logFile) ? external_node_fs_.readFileSync(watcher.logFile, 'utf8') : '';
        // Printed as text: a line that looks like a runner command (`::…`) must not act as one.
        for (const line of text.split('\n'))
            if (line)
                log.info(line.startsWith('::') ? ` ${line}` : line);
        log.info(said);
    });
    const handoff = watcher.handoffFile ? (0,daemon/* readHandoff */.ZQ)(watcher.handoffFile) : {};
    if (!handoff.runDirs?.length && handoff.aside?.length) {
        log.info(`Another watch step followed ${handoff.aside.join(', ')}: that step's post sends the rest, this one sends nothing.`);
        return { exitCode: 0, outputs: {} };
    }
    const runDirs = handoff.runDirs?.length ? handoff.runDirs : await runsWithoutWatcher(host, watcher.startedAt, 'it may have been killed before the training wrote one');
    return finalSync(host, runDirs);
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


/***/ })

};
