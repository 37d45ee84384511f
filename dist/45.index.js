export const id = 45;
export const ids = [45];
export const modules = {

/***/ 8843:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ writeSummary),
/* harmony export */   n: () => (/* binding */ setOutputs)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6671);

/** A summary that cannot be written costs a warning, never the sync that already happened. */
async function writeSummary(host, markdown) {
    try {
        const where = await host.writeSummary(markdown);
        if (where)
            host.log.info(`Job summary written to ${where}`);
    }
    catch (err) {
        host.log.warning(`The job summary could not be written: ${err.message}`);
    }
}
/**
 * Sets every output, redacted and on one line (a value, such as a server's slug in model-url, can
 * never forge another output); `outputs` keeps what was set.
 */
function setOutputs(host, outputs) {
    for (const [k, v] of Object.entries(outputs))
        host.setOutput(k, (outputs[k] = (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(host.log.redact(v))));
}


/***/ }),

/***/ 3045:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startWatch: () => (/* binding */ startWatch)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2542);
/* harmony import */ var _host_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8843);
/* harmony import */ var _rundir_load_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(116);
/* harmony import */ var _session_setup_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8955);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8009);
/**
 * Main of watch mode: validate, check what the backend can check before the training (HUB: the key,
 * the model, and the training it is configured for: `train-args`), start the watcher, and return at
 * once so the training step can begin. The post step finishes the job.
 */






async function startWatch(host, spawn) {
    const { log } = host;
    const inputs = (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .getInputs */ .GP)(host.input, host.env, log);
    log.info(`ultralytics-sync ${_version_js__WEBPACK_IMPORTED_MODULE_5__/* .VERSION */ .x}: watch mode, backend ${inputs.backend} (${inputs.backendReason}), ${inputs.apiUrl}`);
    if (inputs.dryRun) {
        log.info('dry-run: the inputs are valid; no watcher was started. Run without dry-run to sync live.');
        return { exitCode: 0, outputs: {} };
    }
    const outputs = { backend: inputs.backend, status: 'watching' };
    if (inputs.backend === 'hub') {
        const transport = (0,_session_setup_js__WEBPACK_IMPORTED_MODULE_4__/* .createTransport */ .oO)(inputs, log);
        const hub = await (0,_session_setup_js__WEBPACK_IMPORTED_MODULE_4__/* .createBackend */ .n0)(inputs, (0,_rundir_load_run_js__WEBPACK_IMPORTED_MODULE_3__/* .emptyPlan */ .n7)(inputs.workspace), transport, log, host.env);
        await log.group('Check the hub key', async () => hub.checkKey?.());
        // A model that exists carries its training configuration: hand it to the training step. This
        // also refuses a model that is already trained, before the training starts.
        if (inputs.model.kind === 'id') {
            const { prepareHubTraining, prepareOutputs } = await __webpack_require__.e(/* import() */ 311).then(__webpack_require__.bind(__webpack_require__, 311));
            const prepared = await log.group('Prepare the training from the model', () => prepareHubTraining({ inputs, transport, log, env: host.env, downloadDir: host.env.RUNNER_TEMP ?? '' }));
            log.info(`yolo train ${prepared.argString}`);
            Object.assign(outputs, prepareOutputs(prepared));
        }
    }
    else {
        log.info('Platform has no key check of its own: the key is proven by the first event, once the training writes args.yaml.');
    }
    const inEnv = ['ULTRALYTICS_API_KEY', 'HUB_API_KEY'].filter((name) => host.env[name]);
    if (inEnv.length > 0) {
        log.warning(`${inEnv.join(' and ')} ${inEnv.length === 1 ? 'is' : 'are'} set in the environment. If ${inEnv.length === 1 ? 'it is' : 'they are'} set for the job or the workflow, ` +
            'the training step sees the key too, and Ultralytics ≥ 8.4 then reports the same training itself: a second model, every epoch and upload twice. ' +
            'Pass the key to this step as its input instead of an environment variable: `api-key: ${{ secrets.ULTRALYTICS_API_KEY }}`.');
    }
    const startedAt = Date.now();
    const handle = spawn(startedAt);
    const target = inputs.runDir
        ? node_path__WEBPACK_IMPORTED_MODULE_0__.relative(inputs.workspace, inputs.runDir) || '.'
        : inputs.runDirPatterns
            ? 'every run directory `run-dir` matches once a training writes its args.yaml'
            : 'every run directory a training creates under the workspace';
    log.info(`Watcher started (pid ${handle.pid}); it follows ${target}. Its log is printed by the post step.`);
    (0,_host_js__WEBPACK_IMPORTED_MODULE_2__/* .setOutputs */ .n)(host, outputs);
    return { exitCode: 0, outputs };
}


/***/ })

};
