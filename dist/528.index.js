export const id = 528;
export const ids = [528];
export const modules = {

/***/ 2528:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportCommand: () => (/* binding */ reportCommand)
/* harmony export */ });
/* harmony import */ var _inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7516);
/* harmony import */ var _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2542);
/* harmony import */ var _host_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8843);
/* harmony import */ var _report_gate_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6493);
/* harmony import */ var _report_job_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3327);
/* harmony import */ var _report_report_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3531);
/* harmony import */ var _rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3534);
/* harmony import */ var _rundir_weights_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6503);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8009);
/**
 * `ultralytics-sync report --reports 'reports/*.json'` and the action's `reports` input: a matrix's
 * last job gathers the report files its training jobs wrote (their `report-file` artifacts) into one
 * summary with the runs table of every job, one pull-request comment and one gate over all runs.
 * Nothing is sent to Ultralytics, so no API key is read.
 *
 *   report inputs → glob the report files → parse each → job.ts (compare and gate, or keep each
 *   job's own) → outputs, summary, report-file, comment → the gate, last
 *
 * A report file that cannot be read is named in a warning and fails the step after the others were
 * reported: a job's verdict never goes missing without a word.
 */









/** The largest report file read; one run's report is a few kilobytes. */
const MAX_REPORT_BYTES = 16 * 1024 * 1024;
const FIX_REPORT = "give the report-file artifacts themselves (actions/download-artifact puts regular files in the workspace), or fix the `reports` pattern";
async function reportCommand(host) {
    const { log } = host;
    const outputs = {};
    try {
        const inputs = (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .getReportInputs */ .sh)(host.input, host.env, log);
        log.info(`ultralytics-sync ${_version_js__WEBPACK_IMPORTED_MODULE_7__/* .VERSION */ .x}: gathering report files; nothing is sent to Ultralytics.`);
        if (inputs.reports.length === 0) {
            throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.Reports, 'is empty: give the report files to gather, one glob per line, e.g. `reports: reports/*.json`.');
        }
        const files = await (0,_rundir_weights_js__WEBPACK_IMPORTED_MODULE_6__/* .globWeights */ .cV)(inputs.reports.join('\n'));
        if (files.length === 0) {
            throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.Reports, `(${inputs.reports.join(', ')}) matched no file. Download the training jobs' report-file artifacts there first ` +
                '(actions/download-artifact with `pattern` and `merge-multiple: true`), or fix the pattern.');
        }
        const reports = [];
        const unreadable = [];
        for (const file of files) {
            let text;
            try {
                // The one safe reader: a link out of the workspace, a FIFO or a device is refused at once,
                // and a read stops at the cap, whatever stat says.
                text = (await (0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_5__/* .readRegular */ .VX)(file, { what: 'report file', confine: inputs.workspace, maxBytes: MAX_REPORT_BYTES, fix: FIX_REPORT })).toString('utf8');
            }
            catch (err) {
                const problem = err instanceof _rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_5__/* .UnsafeFileError */ .h ? err.message.replace(/\.$/, '') : `report file ${file} cannot be read: ${(0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_5__/* .describeReadError */ .U)(err)}`;
                log.warning(`${problem}. It is left out.`);
                unreadable.push(problem);
                continue;
            }
            try {
                reports.push({ file, report: (0,_report_report_file_js__WEBPACK_IMPORTED_MODULE_4__/* .parseReport */ .MM)(text) });
            }
            catch (err) {
                const problem = `${file} is not a report this action wrote: ${err.message}`;
                log.warning(`${problem}. It is left out.`);
                unreadable.push(problem);
            }
        }
        const ctx = { inputs, env: host.env, log };
        const report = await (0,_report_job_js__WEBPACK_IMPORTED_MODULE_3__/* .gatherJobReport */ .ph)(reports, ctx);
        const runs = report.runs.length;
        log.info(`${reports.length} report file${reports.length === 1 ? '' : 's'}, ${runs} run${runs === 1 ? '' : 's'}: ${report.runs.map((r) => `${r.name} (${r.status})`).join(', ') || 'none'}.`);
        Object.assign(outputs, (0,_report_job_js__WEBPACK_IMPORTED_MODULE_3__/* .jobOutputs */ .ke)(report));
        (0,_host_js__WEBPACK_IMPORTED_MODULE_2__/* .setOutputs */ .n)(host, outputs);
        if (inputs.summary)
            await (0,_host_js__WEBPACK_IMPORTED_MODULE_2__/* .writeSummary */ .S)(host, log.redact((0,_report_job_js__WEBPACK_IMPORTED_MODULE_3__/* .renderJobSummary */ .qE)(report, ctx)));
        await (0,_report_job_js__WEBPACK_IMPORTED_MODULE_3__/* .publishJobReport */ .v$)(report, ctx);
        const outcome = unreadable.length > 0
            ? { exitCode: 1, outputs, error: log.redact(`${unreadable.length} of ${files.length} report files could not be read: ${unreadable.join('; ')}.`) }
            : { exitCode: 0, outputs };
        return (0,_report_gate_js__WEBPACK_IMPORTED_MODULE_8__/* .withGateFailure */ .S)(outcome, (0,_report_job_js__WEBPACK_IMPORTED_MODULE_3__/* .gateFailure */ .I9)(report));
    }
    catch (err) {
        return { exitCode: 1, outputs, error: log.redact(err.message) };
    }
}


/***/ })

};
