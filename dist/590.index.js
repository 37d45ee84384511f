export const id = 590;
export const ids = [590];
export const modules = {

/***/ 1590:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPost: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./build/src/watch/daemon.js
var daemon = __webpack_require__(5129);
// EXTERNAL MODULE: ./build/src/inputs/inputs.js + 1 modules
var inputs_inputs = __webpack_require__(8855);
// EXTERNAL MODULE: ./build/src/main.js + 8 modules
var main = __webpack_require__(9446);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/rundir/checkpoint.js + 1 modules
var checkpoint = __webpack_require__(1079);
;// CONCATENATED MODULE: ./build/src/watch/ended.js
/**
 * How a training ended, read from what it left on disk, for a step that cannot see the job's status
 * (the post step of watch mode). Ultralytics strips its checkpoints when the training finishes:
 * `epoch` becomes -1 in best.pt and last.pt (RUN-DIR.md). Without a stripped checkpoint the training
 * failed, crashed, was cancelled or timed out: that is reported as a failure.
 */


async function inferStatus(runDir) {
    for (const name of ['best.pt', 'last.pt']) {
        const meta = await (0,checkpoint/* readCheckpointMeta */.Y)(external_node_path_.join(runDir, 'weights', name));
        if (meta?.epoch === -1)
            return { status: 'success', why: `weights/${name} is stripped (epoch -1): the training finished` };
    }
    return {
        status: 'failure',
        why: 'no stripped checkpoint in weights/: the training failed, crashed, was cancelled or timed out before it finished',
    };
}

;// CONCATENATED MODULE: ./build/src/watch/final-sync.js
/**
 * The sync after a live one, shared by the post step and the CLI's `watch` and `run`: the same
 * pipeline as after any training (`run` in main.ts), on the run directory the watcher followed.
 * The state file makes it send only what the live sync did not: remaining epochs and log lines,
 * the final model, complete or failed.
 */



/**
 * How the training ended: a `status` input wins (the sync validates it); else what the caller knows
 * (`run`'s exit code); else the checkpoints tell.
 */
async function finalSync(host, runDir, known, inputs = {}) {
    if (!runDir) {
        host.log.warning('No training wrote a run directory while the watcher ran, so there is nothing to send. Check that the training step ran.');
        return { exitCode: 0, outputs: {} };
    }
    const overrides = { ...inputs, [inputs_inputs/* Inputs */.G0.RunDir]: runDir };
    if (host.input(inputs_inputs/* Inputs */.G0.Status).trim() === '') {
        let ended = known;
        if (!ended) {
            const inferred = await inferStatus(runDir);
            host.log.info(`The training ended with ${inferred.status}: ${inferred.why}.`);
            ended = inferred.status;
        }
        overrides[inputs_inputs/* Inputs */.G0.Status] = ended;
    }
    return (0,main.run)(host, overrides);
}

;// CONCATENATED MODULE: ./build/src/post.js
/**
 * The post step of watch mode: stop the watcher (it flushes and saves), print its log, then the
 * final sync of the run it followed. Without a watcher (watch was off) there is nothing to do.
 */



/** How long the watcher may take to send what it holds after being asked to stop. */
const WATCHER_STOP_MS = 30_000;
async function runPost(host, watcher) {
    const { log } = host;
    if (!watcher.pid)
        return { exitCode: 0, outputs: {} }; // watch mode was off: the main step did the sync
    const how = await (0,daemon/* stopWatcher */.Xs)(watcher.pid, WATCHER_STOP_MS);
    const said = {
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
    return finalSync(host, handoff.runDir ?? null);
}


/***/ })

};
