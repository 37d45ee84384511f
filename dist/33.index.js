export const id = 33;
export const ids = [33];
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

/***/ 1653:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wi: () => (/* binding */ readBaselineRuns),
/* harmony export */   s$: () => (/* binding */ BaselineError)
/* harmony export */ });
/* unused harmony export readBaseline */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _rundir_args_yaml_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3625);
/* harmony import */ var _rundir_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1079);
/* harmony import */ var _rundir_fitness_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(14);
/* harmony import */ var _rundir_results_csv_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2012);
/* harmony import */ var _rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3534);
/* harmony import */ var _report_file_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3531);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1222);
/**
 * Reads the `baseline` input into a RunSnapshot (readBaselineRuns: one per run). Three forms:
 *   - a run directory (its results.csv, args.yaml for the name, weights/best.pt for the version);
 *   - a results.csv of any era, read by the same reader and scored by the same fitness rules;
 *   - a report JSON this action wrote with `report-file` (or a directory holding one).
 * Every failure is a BaselineError whose message says what was wrong; the caller turns it into a
 * warning (or, for a baseline that exists but cannot be used while max-map-drop is set, a failed
 * gate), never a failure of the sync.
 */









class BaselineError extends Error {
    name = 'BaselineError';
    /** The baseline does not exist (the first pull request): a warning. Otherwise it exists but cannot be read or used. */
    missing;
    constructor(message, opts = {}) {
        super(message);
        this.missing = opts.missing === true;
    }
}
/** The largest report JSON read; a report is a few kilobytes. */
const MAX_REPORT_BYTES = 4 * 1024 * 1024;
/**
 * `confine`: the workspace. A baseline in it that leads out through a symlink is refused, and so is
 * anything that is not a regular file or a directory (safe-read.ts).
 */
async function readBaseline(file, confine = null) {
    try {
        await (0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_6__/* .assertConfined */ .Lm)(file, { what: 'baseline', confine });
    }
    catch (err) {
        throw new BaselineError(err.message);
    }
    const info = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat(file).catch((err) => {
        if (err.code === 'ENOENT') {
            throw new BaselineError(`${file} does not exist. Download the earlier run's report or run directory there first (e.g. with actions/download-artifact), or check the path`, { missing: true });
        }
        throw new BaselineError(`${file} cannot be read: ${(0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_6__/* .describeReadError */ .U)(err)}`);
    });
    if (info.isDirectory())
        return readDirectory(file, confine);
    if (await startsWithBrace(file, confine))
        return { source: file, kind: 'report', ...(await readReport(file, confine)) };
    return { source: file, kind: 'results-csv', snapshot: await readCsv(file, null, null, confine) };
}
async function readDirectory(dir, confine) {
    const csv = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'results.csv');
    if (await exists(csv)) {
        const args = await (0,_rundir_args_yaml_js__WEBPACK_IMPORTED_MODULE_2__/* .readTrainArgs */ .mc)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'args.yaml'), { explicit: false, confine }).catch(() => null);
        const name = typeof args?.values.name === 'string' ? args.values.name : null;
        const meta = await (0,_rundir_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .readCheckpointMeta */ .Y)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'weights', 'best.pt')).catch(() => null);
        return { source: dir, kind: 'run-dir', snapshot: await readCsv(csv, name, meta?.version ?? null, confine) };
    }
    const reports = [];
    for (const entry of (await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir(dir)).sort()) {
        const p = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, entry);
        if (entry.endsWith('.json') && (await startsWithBrace(p, confine).catch(() => false)))
            reports.push(p);
    }
    if (reports.length === 1)
        return { source: reports[0], kind: 'report', ...(await readReport(reports[0], confine)) };
    throw new BaselineError(reports.length === 0
        ? `${dir} holds neither a results.csv nor a report JSON. Point \`baseline\` at the earlier run's directory, its results.csv or its report-file`
        : `${dir} holds ${reports.length} JSON files; point \`baseline\` at the report file itself`);
}
async function readCsv(file, name, version, confine) {
    try {
        const metrics = await (0,_rundir_results_csv_js__WEBPACK_IMPORTED_MODULE_5__/* .readResultsCsv */ .Zx)(file, confine);
        const best = (0,_rundir_fitness_js__WEBPACK_IMPORTED_MODULE_4__/* .bestEpoch */ .or)(metrics, (0,_rundir_fitness_js__WEBPACK_IMPORTED_MODULE_4__/* .fitnessRuleFor */ .ei)(metrics, version ?? undefined));
        return (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_8__/* .snapshotOf */ .eY)({ name, metrics, best, map: best?.map ?? null, mapColumn: (0,_rundir_fitness_js__WEBPACK_IMPORTED_MODULE_4__/* .mapColumn */ .X)(metrics.columns) });
    }
    catch (err) {
        throw new BaselineError(`${file} is not a usable results.csv: ${err.message}`);
    }
}
async function readReport(file, confine) {
    const { runs, commit } = await readReportRuns(file, confine);
    if (runs.length !== 1) {
        throw new BaselineError(`${file} holds ${runs.length} runs (${runs.map((r) => r.key).join(', ')}); this reader takes one`);
    }
    return { snapshot: runs[0].baseline.snapshot, commit };
}
async function readReportRuns(file, confine) {
    let text;
    try {
        text = (await (0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_6__/* .readRegular */ .VX)(file, { what: 'baseline report', confine, maxBytes: MAX_REPORT_BYTES })).toString('utf8');
    }
    catch (err) {
        throw new BaselineError(err instanceof _rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_6__/* .UnsafeFileError */ .h ? err.message : `${file} cannot be read: ${(0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_6__/* .describeReadError */ .U)(err)}`);
    }
    try {
        const { runs, commit } = (0,_report_file_js__WEBPACK_IMPORTED_MODULE_7__/* .parseReport */ .MM)(text);
        const read = runs.filter((r) => r.run !== null);
        return {
            commit,
            runs: read.map((r) => ({ key: r.name, baseline: { source: file, kind: 'report', snapshot: r.run, commit } })),
        };
    }
    catch (err) {
        throw new BaselineError(`${file} is not a report this action wrote: ${err.message}`);
    }
}
/**
 * Every run a baseline holds, for a step of several runs: a report file's runs (version 2 holds
 * several), a folder of report files (a matrix's artifacts), a folder of run directories
 * (`runs/detect/` holding a, b, c), or the one run of a run directory or results.csv. Runs are
 * matched by name; a run directory's name is its args.yaml `name`, else its folder's name.
 */
async function readBaselineRuns(file, confine = null) {
    const info = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat(file).catch(() => null);
    if (!info?.isDirectory()) {
        if (info && (await startsWithBrace(file, confine)))
            return (await readReportRuns(file, confine)).runs;
        const one = await readBaseline(file, confine);
        return [{ key: one.snapshot.name, baseline: one }];
    }
    if (await exists(node_path__WEBPACK_IMPORTED_MODULE_1__.join(file, 'results.csv'))) {
        const one = await readBaseline(file, confine);
        return [{ key: one.snapshot.name ?? node_path__WEBPACK_IMPORTED_MODULE_1__.basename(file), baseline: one }];
    }
    try {
        await (0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_6__/* .assertConfined */ .Lm)(file, { what: 'baseline', confine });
    }
    catch (err) {
        throw new BaselineError(err.message);
    }
    const runs = [];
    const entries = (await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir(file, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
        const p = node_path__WEBPACK_IMPORTED_MODULE_1__.join(file, e.name);
        if (e.isFile() && e.name.endsWith('.json') && (await startsWithBrace(p, confine).catch(() => false)))
            runs.push(...(await readReportRuns(p, confine)).runs);
    }
    if (runs.length > 0)
        return runs;
    for (const e of entries) {
        const p = node_path__WEBPACK_IMPORTED_MODULE_1__.join(file, e.name);
        if (e.isDirectory() && (await exists(node_path__WEBPACK_IMPORTED_MODULE_1__.join(p, 'results.csv')))) {
            const one = await readDirectory(p, confine);
            runs.push({ key: one.snapshot.name ?? e.name, baseline: one });
        }
    }
    if (runs.length > 0)
        return runs;
    throw new BaselineError(`${file} holds neither a results.csv, a report JSON nor run directories. Point \`baseline\` at the earlier run's directory, its results.csv, its report-file, or a folder of those`);
}
/** JSON reports start with `{` (after blanks or a byte order mark); results.csv never does. */
async function startsWithBrace(file, confine) {
    let handle;
    try {
        handle = await (0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_6__/* .openRegular */ .lf)(file, { what: 'baseline', confine });
    }
    catch (err) {
        throw new BaselineError(err instanceof _rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_6__/* .UnsafeFileError */ .h ? err.message : `${file} cannot be read: ${(0,_rundir_safe_read_js__WEBPACK_IMPORTED_MODULE_6__/* .describeReadError */ .U)(err)}`);
    }
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
        return /^\uFEFF?\s*\{/.test(buffer.toString('utf8', 0, bytesRead));
    }
    finally {
        await handle.close();
    }
}
async function exists(p) {
    return node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat(p).then((s) => s.isFile(), () => false);
}


/***/ }),

/***/ 3554:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K1: () => (/* binding */ reportAgainst),
  rt: () => (/* binding */ runName)
});

// UNUSED EXPORTS: prepareReport, withGate

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/report/baseline.js
var baseline = __webpack_require__(1653);
// EXTERNAL MODULE: ./build/src/report/snapshot.js
var snapshot = __webpack_require__(1222);
;// CONCATENATED MODULE: ./build/src/report/compare.js
/**
 * This run against its baseline, metric by metric: the best epoch's precision, recall, mAP50 and
 * mAP50-95 of every metric family either run has (top-1 and top-5 for classify), then the best
 * epoch, the epochs trained and the training time. Pure: snapshots in, rows out.
 */

function compare(current, baseline, source) {
    const rows = [];
    const add = (key, label, kind, a, b) => rows.push({ key, label, kind, current: a, baseline: b, delta: difference(a, b) });
    for (const m of snapshot/* METRIC_KEYS */.WB) {
        if (!(m.key in current.metrics) && !(m.key in baseline.metrics))
            continue;
        add(m.key, m.label, 'metric', current.metrics[m.key] ?? null, baseline.metrics[m.key] ?? null);
    }
    add('best-epoch', 'best epoch (0-based)', 'epoch', current.bestEpoch, baseline.bestEpoch);
    add('epochs', 'epochs trained', 'count', current.epochs, baseline.epochs);
    if (current.trainingSeconds !== null || baseline.trainingSeconds !== null) {
        add('time', 'training time', 'seconds', current.trainingSeconds, baseline.trainingSeconds);
    }
    return { baseline: source, mapLabel: current.mapLabel, mapDelta: difference(current.map, baseline.map), rows };
}
/** a − b, rounded to 6 decimals so 0.3 − 0.1 reads 0.2; null when either is missing. */
function difference(a, b) {
    if (a === null || b === null)
        return null;
    return Number((a - b).toFixed(6));
}

// EXTERNAL MODULE: ./build/src/report/format.js
var format = __webpack_require__(5845);
// EXTERNAL MODULE: ./build/src/report/gate.js
var report_gate = __webpack_require__(6493);
;// CONCATENATED MODULE: ./build/src/report/ci-report.js
/**
 * One run's report, after its sync: its snapshot against its baseline, and its gate.
 *
 *   this run's snapshot + the baseline (baseline.ts) → comparison (compare.ts) → gate (gate.ts)
 *
 * job.ts gathers these per run into the step's outputs, summary, report-file and comment. Only the
 * gate can fail the step, and only after everything else is done. A baseline that does not exist is
 * a warning; a baseline that exists but cannot be read fails the gate when max-map-drop is set.
 */






async function prepareReport(inputs, plan, log) {
    const name = runName(inputs, plan);
    const current = snapshotOf({ name, metrics: plan.metrics, best: plan.best, map: plan.map, mapColumn: plan.mapColumn });
    let baseline = null;
    let baselineProblem = null;
    /** The baseline exists but cannot be read or used: fails a max-map-drop gate (a missing one does not). */
    let baselineUnreadable;
    if (inputs.baseline) {
        try {
            baseline = await readBaseline(inputs.baseline, inputs.workspace);
        }
        catch (err) {
            baselineProblem = err.message;
            if (!(err instanceof BaselineError && err.missing))
                baselineUnreadable = baselineProblem;
        }
    }
    return reportAgainst(name, current, { baseline, problem: baselineProblem, unreadable: baselineUnreadable }, inputs, log);
}
/**
 * This run's snapshot against the baseline found for it (or the reason there is none), gated.
 * `prefix` starts every log line (`Run b: ` when the step has several runs; '' for one).
 */
function reportAgainst(name, current, found, inputs, log, prefix = '') {
    let { baseline, problem: baselineProblem } = found;
    if (baseline && baseline.snapshot.mapLabel !== current.mapLabel) {
        baselineProblem = `${baseline.source} reports ${baseline.snapshot.mapLabel}, this run ${current.mapLabel}: a run of another task is no baseline`;
        baseline = null;
    }
    if (baselineProblem)
        log.warning(`${prefix}Baseline not compared: ${baselineProblem}.`);
    const comparison = baseline
        ? compare(current, baseline.snapshot, {
            source: baseline.source,
            kind: baseline.kind,
            name: baseline.snapshot.name,
            commit: baseline.commit ?? null,
        })
        : null;
    if (comparison && baseline) {
        const d = comparison.mapDelta;
        log.info(`${prefix}Baseline ${baseline.source} (${baseline.kind}): ${current.mapLabel} ${(0,format/* num */.bu)(baseline.snapshot.map)} → ${(0,format/* num */.bu)(current.map)}` +
            (d === null ? '' : ` (${d >= 0 ? '+' : ''}${d})`));
    }
    const gate = (0,report_gate/* checkGate */.K)({
        minMap: inputs.minMap,
        maxMapDrop: inputs.maxMapDrop,
        map: current.map,
        baselineMap: baseline ? baseline.snapshot.map : undefined,
        baselineUnreadable: found.unreadable,
        mapLabel: current.mapLabel,
    });
    for (const c of gate.checks)
        log.info(`${prefix}Quality gate: ${c.passed ? 'pass' : 'FAIL'}: ${c.text}.`);
    for (const sk of gate.skipped)
        log.warning(`${prefix}Quality gate: ${sk}.`);
    return {
        name,
        current,
        baseline,
        baselineProblem,
        comparison,
        gate,
        outputs: {
            'map-delta': comparison?.mapDelta == null ? '' : String(comparison.mapDelta),
            comparison: comparison ? JSON.stringify(comparison) : '',
            gate: gate.status,
        },
    };
}
/**
 * The step's outcome with the gate applied: a failed gate fails the step, its one line after any
 * other error. Called last, so the gate fails the step only after everything was sent and posted.
 */
function withGate(outcome, report) {
    return withGateFailure(outcome, report.gate.failure);
}
/** The run name the comment is keyed by: what the user configured, never the server's slug (`train-2`). */
function runName(inputs, plan) {
    const fromArgs = plan.args?.values.name;
    const configured = inputs.name ?? (typeof fromArgs === 'string' || typeof fromArgs === 'number' ? String(fromArgs) : null);
    return configured?.trim() || external_node_path_.basename(plan.runDir) || 'train';
}


/***/ }),

/***/ 5845:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C6: () => (/* binding */ mermaidChart),
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   N0: () => (/* binding */ MAX_POINTS),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   pb: () => (/* binding */ subsample)
/* harmony export */ });
/* unused harmony exports overlay, yRange */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/**
 * The report room's leaf: formatting shared by the summary, the comment and the tune section.
 * Escaping for HTML and Markdown, numbers, durations, paths, subsampling, and mermaid line charts.
 * It imports nothing of the report room, so every other module may import it.
 */

/** Most points a chart shows; longer runs are subsampled, keeping the first, last and best epoch. */
const MAX_POINTS = 100;
/**
 * Makes text safe in HTML and in Markdown: the HTML specials, the table separator `|`, and every
 * character Markdown gives a meaning inside a line (links, emphasis, code, escapes).
 */
function escapeHtml(text) {
    return text.replace(/[&<>"'|`\\[\]*_~!#]/g, (c) => `&#${c.charCodeAt(0)};`);
}
const code = (text) => `<code>${escapeHtml(text)}</code>`;
/** 0.70023 → '0.7002'; null, undefined and non-finite → 'n/a'. */
function num(v, digits = 4) {
    return v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : String(Number(v.toFixed(digits)));
}
/** 8 ms, 950 ms, 1.5 s, 42 s, 3 min 5 s. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 10_000)
        return `${(ms / 1000).toFixed(1)} s`;
    if (ms < 60_000)
        return `${Math.round(ms / 1000)} s`;
    const s = Math.round(ms / 1000);
    return `${Math.floor(s / 60)} min ${s % 60} s`;
}
/** Relative to the workspace when inside it (the absolute runner path says nothing). */
function displayPath(p, workspace) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(workspace, p);
    return rel && !rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute(rel) ? rel : p;
}
/**
 * At most `max` evenly spaced indices of `count` items, from the first to the last. Each index in
 * `keep` replaces the sampled index nearest to it, so the spacing stays even but for that one point.
 */
function subsample(count, max, keep = []) {
    if (count <= max)
        return Array.from({ length: count }, (_, i) => i);
    const picked = Array.from({ length: max }, (_, i) => Math.round((i * (count - 1)) / (max - 1)));
    for (const k of keep) {
        if (!Number.isInteger(k) || k < 0 || k >= count || picked.includes(k))
            continue;
        let nearest = 1;
        for (let j = 2; j < max - 1; j++)
            if (Math.abs(picked[j] - k) < Math.abs(picked[nearest] - k))
                nearest = j;
        picked[nearest] = k;
    }
    return picked;
}
/** Mermaid settings: a compact chart and line colours that read on white (this run blue, the baseline orange). */
const CHART_INIT = '%%{init: {"xyChart": {"width": 900, "height": 320}, "themeVariables": {"xyChart": {"plotColorPalette": "#0969da, #bc4c00"}}}}%%';
/** One mermaid `xychart-beta` line chart: a numeric epoch axis and a y-axis fitted to the values. */
function mermaidChart(s) {
    const o = s.baseline ? overlay(s, s.baseline) : null;
    const epochs = o ? o.epochs : s.epochs;
    const lines = o ? [o.current, o.baseline] : [s.values];
    const [lo, hi] = yRange(lines.flat());
    const first = epochs[0];
    const last = epochs[epochs.length - 1];
    const title = o ? `${s.title} · blue: this run, orange: baseline${o.note}` : s.title;
    return [
        '```mermaid',
        CHART_INIT,
        'xychart-beta',
        `  title "${title}"`,
        `  x-axis "${s.xLabel ?? 'epoch (0-based)'}" ${first} --> ${last === first ? first + 1 : last}`,
        `  y-axis "${s.label}" ${lo} --> ${hi}`,
        ...lines.map((l) => `  line [${l.map((v) => Number(v.toPrecision(4))).join(', ')}]`),
        '```',
    ].join('\n');
}
/**
 * Both curves on one epoch grid (mermaid spaces a line's points evenly over the axis, so two lines
 * must share their epochs). Equal epochs are kept as they are; otherwise both are read off at up to
 * MAX_POINTS whole epochs by linear interpolation, a curve that ended earlier holding its last
 * value (the title says where it ended).
 */
function overlay(s, b) {
    if (s.epochs.length === b.epochs.length && s.epochs.every((e, i) => e === b.epochs[i])) {
        return { epochs: s.epochs, current: s.values, baseline: b.values, note: '' };
    }
    const first = Math.min(s.epochs[0], b.epochs[0]);
    const lastS = s.epochs[s.epochs.length - 1];
    const lastB = b.epochs[b.epochs.length - 1];
    const last = Math.max(lastS, lastB);
    const count = Math.min(MAX_POINTS, last - first + 1);
    const epochs = Array.from({ length: count }, (_, i) => (count === 1 ? first : first + Math.round((i * (last - first)) / (count - 1))));
    const note = lastB < last ? ` (ends at epoch ${lastB})` : lastS < last ? ` (this run ends at epoch ${lastS})` : '';
    return { epochs, current: epochs.map((e) => valueAt(s, e)), baseline: epochs.map((e) => valueAt(b, e)), note };
}
/** The curve's value at `epoch`: interpolated between its points, held before the first and after the last. */
function valueAt(c, epoch) {
    const n = c.epochs.length;
    if (epoch <= c.epochs[0])
        return c.values[0];
    if (epoch >= c.epochs[n - 1])
        return c.values[n - 1];
    let i = 0;
    while (c.epochs[i + 1] < epoch)
        i++;
    const [e0, e1] = [c.epochs[i], c.epochs[i + 1]];
    return c.values[i] + ((c.values[i + 1] - c.values[i]) * (epoch - e0)) / (e1 - e0);
}
/** Min and max with a margin, rounded outward to 2 significant digits of the span; never below 0 for non-negative data. */
function yRange(values) {
    const min = Math.min(...values);
    const max = Math.max(...values);
    const span = max - min || Math.abs(max) || 1;
    const step = 10 ** (Math.floor(Math.log10(span)) - 1);
    const EPS = 1e-9; // 0.46 / 0.01 is 45.99999…
    let lo = Math.floor((min - span * 0.1) / step + EPS) * step;
    const hi = Math.ceil((max + span * 0.1) / step - EPS) * step;
    if (min >= 0 && lo < 0)
        lo = 0;
    return [Number(lo.toPrecision(6)), Number(hi.toPrecision(6))];
}


/***/ }),

/***/ 6493:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ checkGate),
/* harmony export */   S: () => (/* binding */ withGateFailure)
/* harmony export */ });
/** Thresholds are met at equality; the tolerance absorbs binary rounding of 6-decimal values. */
const EPS = 1e-9;
/** Six decimals: results.csv holds no more, and a drop of 0.01004 must not read as 0.01. */
const n = (v) => String(Number(v.toFixed(6)));
function checkGate(g) {
    const checks = [];
    const skipped = [];
    const label = g.mapLabel;
    if (g.minMap !== null) {
        const passed = g.map !== null && g.map >= g.minMap - EPS;
        const text = g.map === null
            ? `${label} is unknown (no epoch has it), so it cannot meet min-map ${n(g.minMap)}`
            : `${label} ${n(g.map)} is ${passed ? 'at or above' : 'below'} min-map ${n(g.minMap)}`;
        checks.push({ input: 'min-map', threshold: g.minMap, value: g.map, passed, text });
    }
    if (g.maxMapDrop !== null) {
        if (g.baselineUnreadable !== undefined && (g.baselineMap === undefined || g.baselineMap === null)) {
            const text = `max-map-drop ${n(g.maxMapDrop)} cannot be checked: the baseline exists but cannot be used (${g.baselineUnreadable.replace(/\.$/, '')})`;
            checks.push({ input: 'max-map-drop', threshold: g.maxMapDrop, value: null, passed: false, text });
        }
        else if (g.baselineMap === undefined || g.baselineMap === null) {
            skipped.push(g.baselineMap === undefined
                ? `max-map-drop ${n(g.maxMapDrop)} is not checked: there is no usable baseline to compare with`
                : `max-map-drop ${n(g.maxMapDrop)} is not checked: the baseline has no ${label}`);
        }
        else {
            const drop = g.map === null ? null : Number((g.baselineMap - g.map).toFixed(6));
            const passed = drop !== null && drop <= g.maxMapDrop + EPS;
            const text = drop === null
                ? `${label} is unknown (no epoch has it), so its drop against the baseline (${n(g.baselineMap)}) cannot be checked against max-map-drop ${n(g.maxMapDrop)}`
                : drop > 0
                    ? `${label} dropped by ${n(drop)} against the baseline (${n(g.baselineMap)} → ${n(g.map)}), ${passed ? 'within' : 'more than'} max-map-drop ${n(g.maxMapDrop)}`
                    : `${label} ${n(g.map)} did not drop against the baseline (${n(g.baselineMap)}); max-map-drop ${n(g.maxMapDrop)}`;
            checks.push({ input: 'max-map-drop', threshold: g.maxMapDrop, value: drop, passed, text });
        }
    }
    if (checks.length === 0)
        return { status: 'none', checks, skipped };
    const failed = checks.filter((c) => !c.passed);
    if (failed.length === 0)
        return { status: 'passed', checks, skipped };
    return { status: 'failed', checks, skipped, failure: `Quality gate failed: ${failed.map((c) => c.text).join('; ')}.` };
}
/**
 * A step's outcome with a gate's failure line applied: the step fails, the line after any other
 * error. Called last, so the gate fails the step only after everything was sent and posted.
 */
function withGateFailure(outcome, failure) {
    if (!failure)
        return outcome;
    return { ...outcome, exitCode: 1, error: outcome.error ? `${outcome.error} ${failure}` : failure };
}


/***/ }),

/***/ 3327:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I9: () => (/* binding */ gateFailure),
  ph: () => (/* binding */ gatherJobReport),
  ke: () => (/* binding */ jobOutputs),
  hs: () => (/* binding */ prepareJobReport),
  v$: () => (/* binding */ publishJobReport),
  qE: () => (/* binding */ renderJobSummary)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/rundir/tune.js
var tune = __webpack_require__(9082);
// EXTERNAL MODULE: ./build/src/report/baseline.js
var baseline = __webpack_require__(1653);
// EXTERNAL MODULE: ./build/src/report/ci-report.js + 1 modules
var ci_report = __webpack_require__(3554);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./build/src/transport/url-safety.js
var url_safety = __webpack_require__(1917);
;// CONCATENATED MODULE: ./build/src/report/comment.js
/**
 * The pull-request comment: one per run name, found again by a hidden marker and updated in place,
 * never duplicated (the idea of marocchino/sticky-pull-request-comment, with pagination). Only a
 * comment written by the token's own user counts: a human who quotes the marker is never edited.
 *
 *   GITHUB_EVENT_PATH (the pull request's number) → who the token is (GraphQL viewer) → list the
 *   comments, 100 a page, following the Link headers until our marker in our comment is found →
 *   update it, or create one
 *
 * @actions/github is loaded only here, with a dynamic import, so a run without `comment` never
 * loads it. The API root is GITHUB_API_URL (GitHub Enterprise; the tests' loopback server).
 * Nothing here throws: a comment that cannot be posted is a warning with the fix, and never fails
 * the sync or the gate.
 */


const PERMISSION_FIX = 'Give the job `permissions: pull-requests: write` (a pull request from a fork gets a read-only token: ' +
    'comment from a `pull_request_target` or `workflow_run` workflow instead)';
/**
 * The hidden marker that finds the comment again. The name is kept readable; only what could end
 * an HTML comment (`--`, `>`) or a line is percent-encoded.
 */
function commentMarker(name) {
    const safe = name.replace(/[%<>!\r\n]/g, (c) => encodeURIComponent(c)).replace(/--/g, '-%2D');
    return `<!-- ultralytics-sync:${safe} -->`;
}
/** The pull request's number from the event payload; null outside a pull-request event. */
async function pullRequestNumber(env) {
    if (!env.GITHUB_EVENT_PATH)
        return null;
    const payload = JSON.parse(await promises_.readFile(env.GITHUB_EVENT_PATH, 'utf8'));
    const n = payload.pull_request?.number ?? (payload.issue?.pull_request ? payload.issue.number : undefined);
    return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}
async function postComment(req) {
    const { env, log } = req;
    const event = env.GITHUB_EVENT_NAME;
    const repository = env.GITHUB_REPOSITORY;
    if (!event || !repository || !env.GITHUB_EVENT_PATH) {
        const missing = ['GITHUB_EVENT_NAME', 'GITHUB_REPOSITORY', 'GITHUB_EVENT_PATH'].filter((k) => !env[k]);
        log.warning(`No pull-request comment: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set, so there is no pull request to comment on. ` +
            'The comment works in a GitHub Actions pull_request workflow (or where those variables and GITHUB_TOKEN are set).');
        return 'skipped';
    }
    let number;
    try {
        number = await pullRequestNumber(env);
    }
    catch (err) {
        log.warning(`No pull-request comment: the event payload ${env.GITHUB_EVENT_PATH} cannot be read: ${err.message}`);
        return 'failed';
    }
    if (number === null) {
        log.info(`No pull-request comment: this is a ${event} event, not a pull request. The comparison is in the job summary.`);
        return 'skipped';
    }
    const [owner, repo] = repository.split('/');
    if (!owner || !repo) {
        log.warning(`No pull-request comment: GITHUB_REPOSITORY (${repository}) is not owner/repo.`);
        return 'failed';
    }
    if (!req.token) {
        log.warning('No pull-request comment: `github-token` is empty (the CLI reads env GITHUB_TOKEN). Pass `github-token: ${{ github.token }}`.');
        return 'failed';
    }
    const where = `pull request #${number} of ${repository}`;
    try {
        const baseUrl = (0,url_safety/* assertSafeUrl */.jQ)(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL').href.replace(/\/+$/, '');
        const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
        const signal = AbortSignal.timeout(req.timeoutMs ?? 60_000);
        const octokit = getOctokit(req.token, { baseUrl, request: { signal } });
        const marker = commentMarker(req.name);
        const body = `${marker}\n${req.body}`;
        const params = { owner, repo, issue_number: number, per_page: 100 };
        const me = await tokenUser(octokit, log);
        const legacy = req.legacyName !== undefined && req.legacyName !== req.name ? commentMarker(req.legacyName) : null;
        let found;
        let legacyFound;
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, params)) {
            // Ours only: a human's comment that quotes the marker is never edited.
            const mine = page.data.filter((c) => sameLogin(c.user?.login, me));
            found = mine.find((c) => c.body?.includes(marker));
            if (found)
                break;
            // The old marker is the whole first line, so `runs:a,b` never takes `runs:a,b;job=x`.
            if (legacy)
                legacyFound ??= mine.find((c) => c.body?.split('\n', 1)[0] === legacy);
        }
        found ??= legacyFound;
        if (found) {
            const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: found.id, body });
            log.info(`Updated the comment on ${where}: ${data.html_url}`);
            return 'updated';
        }
        const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
        log.info(`Commented on ${where}: ${data.html_url}`);
        return 'created';
    }
    catch (err) {
        log.warning(`The comment on ${where} could not be posted: ${describe(err)}. The sync and the gate are not affected.`);
        return 'failed';
    }
}
/** The login GITHUB_TOKEN comments as (REST spelling); assumed when the token cannot say who it is. */
const ACTIONS_BOT = 'github-actions[bot]';
/**
 * Who the token writes as, the way sticky-comment actions learn it: GraphQL `viewer` (it answers for
 * GITHUB_TOKEN, an app's token and a personal token alike), else REST `GET /user` (personal tokens),
 * else the Actions bot, which is what the default `github.token` is.
 */
async function tokenUser(octokit, log) {
    try {
        const { viewer } = await octokit.graphql('query { viewer { login } }');
        if (typeof viewer?.login === 'string' && viewer.login)
            return viewer.login;
    }
    catch (err) {
        log.debug(`GraphQL viewer: ${describe(err)}`);
    }
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        if (data.login)
            return data.login;
    }
    catch (err) {
        log.debug(`GET /user: ${describe(err)}`);
    }
    log.debug(`The token did not say whose it is: only comments by ${ACTIONS_BOT} are updated.`);
    return ACTIONS_BOT;
}
/** GraphQL spells a bot `github-actions`, REST `github-actions[bot]`; logins ignore case. */
function sameLogin(a, b) {
    const norm = (s) => s.replace(/\[bot\]$/i, '').toLowerCase();
    return a !== undefined && norm(a) === norm(b);
}
/** What went wrong, with the fix where there is one. */
function describe(err) {
    const e = err;
    // GitHub's own message ("Resource not accessible by integration"), without Octokit's docs link.
    const server = e?.response?.data?.message;
    const message = typeof server === 'string' ? server : typeof e?.message === 'string' ? e.message.split('\n')[0] : String(err);
    if (e?.status === 403)
        return `HTTP 403 (${message}). ${PERMISSION_FIX}`;
    if (e?.status === 401)
        return `HTTP 401 (${message}): the token was refused. Pass \`github-token: \${{ github.token }}\``;
    if (e?.status === 404) {
        return `HTTP 404 (${message}): the repository or pull request is not visible to this token. ${PERMISSION_FIX}`;
    }
    if (typeof e?.status === 'number')
        return `HTTP ${e.status} (${message})`;
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
        return 'GitHub did not answer in time';
    return message;
}

// EXTERNAL MODULE: ./build/src/report/format.js
var format = __webpack_require__(5845);
;// CONCATENATED MODULE: ./build/src/report/outputs.js
function buildOutputs(result, plan, backend) {
    return {
        backend,
        'model-id': result.modelId,
        'model-url': result.modelUrl,
        epochs: String(result.epochsOnServer),
        'best-epoch': plan.best ? String(plan.best.epoch) : '',
        map: plan.map === null ? '' : String(plan.map),
        weights: JSON.stringify(result.files
            .filter((f) => f.outcome !== 'failed')
            .map((f) => ({ path: f.path, role: f.role, bytes: f.bytes, sha256: f.sha256 }))),
        status: result.status,
    };
}

// EXTERNAL MODULE: ./build/src/version.js
var version = __webpack_require__(8009);
// EXTERNAL MODULE: ./build/src/report/snapshot.js
var snapshot = __webpack_require__(1222);
// EXTERNAL MODULE: ./build/src/rundir/fitness.js
var fitness = __webpack_require__(14);
// EXTERNAL MODULE: ./build/src/transport/progress.js
var progress = __webpack_require__(4379);
;// CONCATENATED MODULE: ./build/src/report/summary.js



const MAX_PROBLEMS = 20;
const MAX_PROBLEM_CHARS = 500;
/** The column's name as people say it; the charts and the table use only these fixed labels. */
function metricLabel(column) {
    if (column === 'metrics/accuracy_top1')
        return 'top-1 accuracy';
    return 'mAP50-95';
}
const HEADLINE = {
    synced: '✅ synced',
    partial: '⚠️ partial: re-run the job to send the rest',
    cancelled: '⏹️ cancelled by the server',
    'dry-run': '🔍 dry run: nothing was uploaded',
};
const ROLE_TEXT = { final: 'final model', checkpoint: 'checkpoint' };
function renderSummary({ result, plan, inputs, report, }) {
    const backend = inputs.backend === 'hub' ? 'HUB' : 'Platform';
    return [
        `## Ultralytics ${backend}: ${HEADLINE[result.status]}`,
        '',
        `**Model:** ${modelLink(result)}`,
        '',
        ...runTable(result, plan, inputs),
        '',
        ...(report ? comparisonSection(report, inputs.workspace) : []),
        ...fileTable(result.files),
        ...problemList(result.problems),
        ...charts(plan, report),
    ].join('\n');
}
function modelLink(result) {
    if (!result.modelUrl)
        return result.status === 'dry-run' ? '<em>none yet (dry run)</em>' : '<em>unknown</em>';
    if (!/^https?:\/\//i.test(result.modelUrl))
        return (0,format/* code */.aY)(result.modelUrl);
    const url = (0,format/* escapeHtml */.ZD)(result.modelUrl);
    return `<a href="${url}">${url}</a>`;
}
/** One row: epochs, best epoch, final mAP, how the training ended, where the run is. */
function runTable(result, plan, inputs) {
    const total = plan.metrics.rows.length;
    const epochs = result.status === 'dry-run'
        ? `would send ${total - result.epochsOnServer} of ${total} (${result.epochsOnServer} on the server)`
        : `${result.epochsSent} now; ${result.epochsOnServer} of ${total} on the server`;
    const planned = plan.args?.values.epochs;
    const of = typeof planned === 'number' && planned > 0 ? planned : total;
    const best = plan.best
        ? `${plan.best.epoch} (${plan.best.epoch + 1}/${of} in the training log), fitness ${(0,format/* num */.bu)(plan.best.fitness)}`
        : 'n/a (no epoch has a fitness)';
    return [
        `| Epochs sent | Best epoch (0-based) | Final ${metricLabel(plan.mapColumn)} | Training ended | Run directory |`,
        '|---|---|---|---|---|',
        `| ${epochs} | ${best} | **${(0,format/* num */.bu)(plan.map)}** | ${inputs.status} | ${(0,format/* code */.aY)((0,format/* displayPath */.Gt)(plan.runDir, inputs.workspace))} |`,
    ];
}
function fileTable(files) {
    if (files.length === 0)
        return ['No weights were sent.', ''];
    return [
        '| File | Role | Size | sha256 | Time | Throughput | Outcome |',
        '|---|---|---|---|---|---|---|',
        ...files.map((f) => {
            const uploaded = f.outcome === 'uploaded';
            const time = uploaded ? (0,format/* formatDuration */.a3)(f.ms) : '–';
            const rate = uploaded && f.ms > 0 ? (0,progress/* formatRate */.CE)((f.bytes * 1000) / f.ms) : '–';
            const sha = f.sha256 ? (0,format/* code */.aY)(f.sha256) : '–';
            return `| ${(0,format/* code */.aY)(f.name)} | ${ROLE_TEXT[f.role]} | ${(0,progress/* formatBytes */.z3)(f.bytes)} | ${sha} | ${time} | ${rate} | ${f.outcome} |`;
        }),
        '',
    ];
}
const BASELINE_KIND = {
    'run-dir': 'run directory',
    'results-csv': 'results.csv',
    report: 'report JSON',
};
/** The comparison with the baseline (or why there is none) and the gate's result; nothing when neither was asked for. */
function comparisonSection(report, workspace) {
    const out = [];
    if (report.comparison) {
        const b = report.comparison.baseline;
        const where = workspace ? (0,format/* displayPath */.Gt)(b.source, workspace) : b.source;
        const name = (b.name ? `, run ${(0,format/* code */.aY)(b.name)}` : '') + (b.commit ? `, from ${(0,format/* code */.aY)(b.commit)}` : '');
        out.push(`**Baseline:** ${(0,format/* code */.aY)(where)} (${BASELINE_KIND[b.kind]}${name})`, '', ...comparisonTable(report.comparison), '');
    }
    else if (report.baselineProblem) {
        out.push(`**Baseline:** not compared: ${(0,format/* escapeHtml */.ZD)(report.baselineProblem)}`, '');
    }
    const gate = gateLine(report.gate);
    if (gate)
        out.push(gate, '');
    return out;
}
/** Metric | This run | Baseline | Δ, with ▲ for a rise and ▼ for a fall. */
function comparisonTable(c) {
    return [
        '| Metric | This run | Baseline | Δ |',
        '|---|---|---|---|',
        ...c.rows.map((r) => `| ${r.label} | ${value(r, r.current)} | ${value(r, r.baseline)} | ${delta(r)} |`),
    ];
}
function value(r, v) {
    if (v === null)
        return 'n/a';
    if (r.kind === 'seconds')
        return (0,format/* formatDuration */.a3)(v * 1000);
    return r.kind === 'metric' ? (0,format/* num */.bu)(v) : String(v);
}
function delta(r) {
    if (r.delta === null)
        return '–';
    if (r.delta === 0)
        return '= 0';
    const size = Math.abs(r.delta);
    const text = r.kind === 'seconds' ? (0,format/* formatDuration */.a3)(size * 1000) : r.kind === 'metric' ? (0,format/* num */.bu)(size) : String(size);
    return r.delta > 0 ? `▲ +${text}` : `▼ −${text}`;
}
const GATE_HEAD = { passed: '✅ passed', failed: '❌ failed', none: '' };
/** One line: the gate's verdict and each check; null when no gate input was set. */
function gateLine(gate) {
    const parts = [...gate.checks.map((c) => `${c.passed ? '✓' : '✗'} ${(0,format/* escapeHtml */.ZD)(c.text)}`), ...gate.skipped.map(format/* escapeHtml */.ZD)];
    if (parts.length === 0)
        return null;
    const head = GATE_HEAD[gate.status] || '➖ nothing checked';
    return `**Quality gate:** ${head}: ${parts.join('; ')}`;
}
function problemList(problems) {
    if (problems.length === 0)
        return [];
    const shown = problems.slice(0, MAX_PROBLEMS).map((p) => {
        const cut = p.length > MAX_PROBLEM_CHARS ? `${p.slice(0, MAX_PROBLEM_CHARS)}…` : p;
        return `- ${(0,format/* escapeHtml */.ZD)(cut)}`;
    });
    const more = problems.length > MAX_PROBLEMS ? [`- … and ${problems.length - MAX_PROBLEMS} more (see the log)`] : [];
    return ['**Not sent yet** (re-run the job to send it):', '', ...shown, ...more, ''];
}
/** The chart series over the same subsampled epochs; a null value drops that point. */
function chartSeries(plan, baseline) {
    const rows = plan.metrics.rows;
    const bestIndex = plan.best ? rows.findIndex((r) => r.epoch === plan.best?.epoch) : -1;
    const idx = (0,format/* subsample */.pb)(rows.length, format/* MAX_POINTS */.N0, [bestIndex]);
    const series = (title, label, value, base) => {
        const points = idx
            .map((i) => [rows[i].epoch, value(i)])
            .filter((p) => typeof p[1] === 'number' && Number.isFinite(p[1]));
        const s = { title, label, epochs: points.map((p) => p[0]), values: points.map((p) => p[1]) };
        if (base && base.values.length > 0)
            s.baseline = base;
        return s;
    };
    const col = plan.mapColumn;
    const label = metricLabel(col);
    const bestText = plan.best && plan.best.map !== null ? ` (best: epoch ${plan.best.epoch}, ${(0,format/* num */.bu)(plan.best.map)})` : '';
    return [
        ...(col ? [series(`${label} per epoch${bestText}`, label, (i) => rows[i].metrics[col], baseline?.map)] : []),
        series('Total train loss per epoch', 'loss', (i) => (0,fitness/* totalLoss */.gq)(rows[i]), baseline?.loss),
    ].filter((s) => s.values.length > 0);
}
function charts(plan, report) {
    const baseline = report?.comparison ? report.baseline?.snapshot.curves : undefined;
    return chartSeries(plan, baseline).flatMap((s) => [(0,format/* mermaidChart */.C6)(s), '']);
}

;// CONCATENATED MODULE: ./build/src/report/pr-comment.js




const STATUS = {
    synced: '✅ synced',
    partial: '⚠️ partial (re-run the job to send the rest)',
    cancelled: '⏹️ cancelled by the server',
    'dry-run': '🔍 dry run',
};
/** The comment's Markdown for one run (the marker is added by comment.ts). */
function renderComment(report, ctx) {
    const { inputs, plan, result, env } = ctx;
    const backend = inputs.backend === 'hub' ? 'HUB' : 'Platform';
    const section = comparisonSection(report, inputs.workspace);
    const table = report.comparison ? [] : [...snapshotTable(report.current), ''];
    const chart = chartSeries(plan, report.comparison ? report.baseline?.snapshot.curves : undefined)[0];
    return [
        `### Ultralytics ${backend}: ${(0,format/* escapeHtml */.ZD)(report.name)} ${STATUS[result.status]}`,
        '',
        `**Model:** ${modelLink(result)} · **final ${report.current.mapLabel}:** ${(0,format/* num */.bu)(report.current.map)}`,
        '',
        ...table,
        ...section,
        ...(chart ? [(0,format/* mermaidChart */.C6)(chart), ''] : []),
        `<sub>${footer(env)}</sub>`,
    ].join('\n');
}
/** This run's best-epoch metrics, when there is no baseline to set them against. */
function snapshotTable(s) {
    const rows = snapshot/* METRIC_KEYS */.WB.filter((m) => m.key in s.metrics).map((m) => `| ${m.label} | ${(0,format/* num */.bu)(s.metrics[m.key])} |`);
    return ['| Metric | This run |', '|---|---|', ...rows, `| best epoch (0-based) | ${s.bestEpoch ?? 'n/a'} |`, `| epochs trained | ${s.epochs} |`];
}
/** The tool and, where known, a link to the workflow run that wrote the comment. */
function footer(env) {
    const tool = `ultralytics-sync ${version/* VERSION */.x}`;
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
    if (!server || !repo || !id || !/^https:\/\//.test(server) || !/^\d+$/.test(id))
        return tool;
    const url = (0,format/* escapeHtml */.ZD)(`${server}/${repo}/actions/runs/${id}`);
    return `${tool} · <a href="${url}">workflow run ${(0,format/* escapeHtml */.ZD)(id)}</a>`;
}
/** Like num, but a 4-decimal figure without the non-finite case (the comment's historic form). */

// EXTERNAL MODULE: ./build/src/report/report-file.js
var report_file = __webpack_require__(3531);
;// CONCATENATED MODULE: ./build/src/report/job.js
/**
 * The step's report over all its runs: the runs layer (src/runs/) hands over one RunOutcome per run,
 * the `report` command one entry per run of the report files it gathered; both become a JobReport.
 *
 *   runs → baseline read once, matched per run by name → each run gated (ci-report.ts)
 *   → outputs, summary (runs table, tune sections, each run's details), report-file, one comment
 *
 * With one run synced in this step, the outputs, the summary and the comment are exactly the one-run
 * forms (summary.ts, pr-comment.ts). Nothing here throws on a report file that cannot be written or a
 * comment that cannot be posted: those are warnings. The gate fails the step, and only the host applies
 * it (gateFailure), after everything was sent.
 */











// ——— Building the report ———
/** Reads the baseline once, matches it per run by name, gates every run. */
async function prepareJobReport(runs, tuneDirs, ctx) {
    const baseline = await readJobBaseline(ctx);
    const readable = runs.filter((r) => r.plan !== null).length;
    const jobRuns = runs.map((o) => {
        const plan = o.plan;
        let report = null;
        if (plan) {
            const name = o.name;
            const current = (0,snapshot/* snapshotOf */.eY)({ name, metrics: plan.metrics, best: plan.best, map: plan.map, mapColumn: plan.mapColumn });
            report = (0,ci_report/* reportAgainst */.K1)(name, current, matchBaseline(baseline, o.name, readable), ctx.inputs, ctx.log, runs.length > 1 ? `Run ${o.name}: ` : '');
        }
        const task = plan?.args?.values.task;
        return {
            name: o.name,
            runDir: o.runDir,
            task: typeof task === 'string' ? task : report ? taskOf(report.current) : null,
            status: o.error !== null || !o.result ? 'failed' : o.result.status,
            backend: o.inputs.backend,
            modelId: o.result?.modelId ?? '',
            modelUrl: o.result?.modelUrl ?? '',
            epochs: o.result ? o.result.epochsOnServer : null,
            error: o.error,
            report,
            outcome: o,
            source: null,
        };
    });
    const tunes = [];
    for (const dir of tuneDirs) {
        try {
            const t = await (0,tune/* readTuneDir */.Gz)(dir, ctx.inputs.workspace);
            tunes.push({ dir: (0,format/* displayPath */.Gt)(t.dir, ctx.inputs.workspace), fitness: t.iterations.map((i) => i.fitness), best: t.best, bestTrial: t.bestTrial });
        }
        catch (err) {
            ctx.log.warning(`The tune folder ${dir} is left out of the summary: ${err.message}`);
        }
    }
    return assemble(jobRuns, tunes, ctx);
}
/**
 * The runs of report files that earlier jobs wrote (a matrix's `report-file` artifacts). Given a
 * `baseline`, `min-map` or `max-map-drop`, every run is compared and gated here; otherwise each keeps
 * the comparison and gate its own job recorded.
 */
async function gatherJobReport(reports, ctx) {
    const { inputs, log } = ctx;
    const regate = inputs.baseline !== null || inputs.minMap !== null || inputs.maxMapDrop !== null;
    const baseline = regate ? await readJobBaseline(ctx) : null;
    const entries = reports.flatMap(({ file, report }) => report.runs.map((run) => ({ file, run })));
    const readable = entries.filter((e) => e.run.run !== null).length;
    const jobRuns = entries.map(({ file, run }) => {
        let report = null;
        if (run.run) {
            report = regate
                ? (0,ci_report/* reportAgainst */.K1)(run.name, run.run, matchBaseline(baseline, run.name, readable), inputs, log, entries.length > 1 ? `Run ${run.name}: ` : '')
                : recorded(run, run.run);
        }
        const status = ['synced', 'partial', 'cancelled', 'dry-run', 'failed'].find((s) => s === run.status) ?? 'failed';
        return {
            name: run.name,
            runDir: run.runDir,
            task: run.task ?? (run.run ? taskOf(run.run) : null),
            status,
            backend: run.backend,
            modelId: run.modelId,
            modelUrl: run.modelUrl,
            epochs: run.epochs,
            error: run.error,
            report,
            outcome: null,
            source: (0,format/* displayPath */.Gt)(file, inputs.workspace),
        };
    });
    return assemble(jobRuns, reports.flatMap((r) => r.report.tunes), ctx);
}
/** A gathered run as its own job reported it. */
function recorded(run, current) {
    const c = run.comparison;
    return {
        name: run.name,
        current,
        baseline: null,
        baselineProblem: null,
        comparison: c,
        gate: run.gate,
        outputs: { 'map-delta': c?.mapDelta == null ? '' : String(c.mapDelta), comparison: c ? JSON.stringify(c) : '', gate: run.gate.status },
    };
}
async function readJobBaseline(ctx) {
    const source = ctx.inputs.baseline;
    if (!source)
        return null;
    try {
        return { runs: await (0,baseline/* readBaselineRuns */.Wi)(source, ctx.inputs.workspace), source };
    }
    catch (err) {
        // A baseline that does not exist is the first pull request; one that exists but cannot be used fails a max-map-drop gate.
        return { problem: err.message, unreadable: !(err instanceof baseline/* BaselineError */.s$ && err.missing) };
    }
}
/** The baseline run for `name`: the only one against the only run, else the one of the same name. */
function matchBaseline(found, name, readableRuns) {
    if (!found)
        return { baseline: null, problem: null };
    if ('problem' in found)
        return { baseline: null, problem: found.problem, unreadable: found.unreadable ? found.problem : undefined };
    if (found.runs.length === 1 && readableRuns === 1)
        return { baseline: found.runs[0].baseline, problem: null };
    const match = found.runs.find((b) => b.key === name);
    if (match)
        return { baseline: match.baseline, problem: null };
    const names = found.runs.map((b) => b.key ?? '(unnamed)').join(', ');
    return { baseline: null, problem: `${found.source} has no run named "${name}" (it holds ${names})` };
}
const RANK = { 'dry-run': 0, synced: 1, cancelled: 2, partial: 3, failed: 4 };
function assemble(runs, tunes, ctx) {
    const worst = runs.reduce((w, r) => (RANK[r.status] > RANK[w] ? r.status : w), runs.length ? 'dry-run' : 'failed');
    // Some runs arrived, others could not be synced: the step is partial (a re-run sends the rest).
    const status = worst === 'failed' && runs.some((r) => r.status !== 'failed') ? 'partial' : worst;
    const gates = runs.map((r) => r.report?.gate.status ?? 'none');
    const gate = gates.includes('failed') ? 'failed' : gates.includes('passed') ? 'passed' : 'none';
    const backends = [...new Set(runs.map((r) => r.backend).filter(Boolean))];
    const only = runs.length === 1 ? runs[0] : null;
    const names = only ? (only.report?.name ?? only.name) : `runs:${runs.map((r) => r.name).sort().join(',')}`;
    const commentKey = stepCommentKey(names, ctx.inputs.project, ctx.env);
    const keys = { commentKey, ...(commentKey !== names ? { legacyCommentKey: names } : {}) };
    return { runs, tunes, status, gate, backend: backends.length === 1 ? backends[0] : '', ...keys, workspace: ctx.inputs.workspace };
}
/**
 * The key of a step's comment: the run names (the one run's name, or `runs:` and the sorted names),
 * then what tells two steps apart when their runs share names: the `project`, the job
 * (GITHUB_JOB) and the step (GITHUB_ACTION, its id), each where known:
 * `train;project=acme/a;job=train;step=sync`. Without any of them the key is the names alone, as
 * before. (Legs of one matrix share the job and the step; their `project` or run names set them apart.)
 */
function stepCommentKey(names, project, env) {
    const esc = (v) => v.replace(/[%;=]/g, (c) => encodeURIComponent(c));
    const scope = [
        ['project', project ?? undefined],
        ['job', env.GITHUB_JOB],
        ['step', env.GITHUB_ACTION],
    ];
    const parts = scope.filter((p) => !!p[1]).map(([k, v]) => `;${k}=${esc(v)}`);
    return parts.length ? `${esc(names)}${parts.join('')}` : names;
}
/** The task from the metric families a run has, when its args.yaml does not say. */
function taskOf(s) {
    if ('top1' in s.metrics)
        return 'classify';
    if ('mAP50-95(M)' in s.metrics)
        return 'segment';
    if ('mAP50-95(P)' in s.metrics)
        return 'pose';
    return 'detect';
}
// ——— Outputs ———
/** The one run synced in this step, with everything its one-run forms need. */
function single(report) {
    const [only] = report.runs;
    if (report.runs.length !== 1 || !only.outcome?.plan || !only.outcome.result || only.error !== null || !only.report)
        return null;
    return only;
}
/**
 * Step outputs: `runs` (JSON array, one object per run) and the scalars: with one run exactly as
 * before; with several, `status` (the worst), `backend`, `gate`, and every other scalar ''.
 */
function jobOutputs(report) {
    const runs = JSON.stringify(report.runs.map((r) => ({
        'run-dir': r.runDir === null ? null : (0,format/* displayPath */.Gt)(r.runDir, report.workspace),
        name: r.name,
        'model-id': r.modelId,
        'model-url': r.modelUrl,
        epochs: r.epochs,
        'best-epoch': r.report?.current.bestEpoch ?? null,
        map: r.report?.current.map ?? null,
        status: r.status,
        gate: r.report?.gate.status ?? 'none',
    })));
    const one = single(report);
    if (one)
        return { ...buildOutputs(one.outcome.result, one.outcome.plan, one.outcome.inputs.backend), ...one.report.outputs, runs };
    const out = {
        backend: report.backend,
        'model-id': '',
        'model-url': '',
        epochs: '',
        'best-epoch': '',
        map: '',
        weights: '',
        status: report.status,
        'map-delta': '',
        comparison: '',
        gate: report.gate,
        runs,
    };
    const [only] = report.runs;
    if (report.runs.length === 1 && only.report) {
        // One gathered (or failed) run: its own figures are the step's.
        const s = only.report.current;
        Object.assign(out, only.report.outputs, {
            'model-id': only.modelId,
            'model-url': only.modelUrl,
            epochs: only.epochs === null ? '' : String(only.epochs),
            'best-epoch': s.bestEpoch === null ? '' : String(s.bestEpoch),
            map: s.map === null ? '' : String(s.map),
        });
    }
    return out;
}
// ——— The gate ———
/** The gate's failure line naming the run(s), or null. Applied by the host after everything was sent. */
function gateFailure(report) {
    const failed = report.runs.filter((r) => r.report?.gate.status === 'failed');
    if (failed.length === 0)
        return null;
    if (report.runs.length === 1)
        return failed[0].report?.gate.failure ?? 'Quality gate failed.';
    const reasons = failed.map((r) => {
        const text = (r.report?.gate.failure ?? '').replace(/^Quality gate failed: /, '').replace(/\.$/, '');
        return `${r.name}: ${text}`;
    });
    const which = failed.length === 1 ? `run ${failed[0].name} (1 of ${report.runs.length} runs)` : `${failed.length} of ${report.runs.length} runs`;
    return `Quality gate failed for ${which}: ${reasons.join('; ')}.`;
}
// ——— Summary and comment ———
/** The runner refuses a summary over 1 MiB; the details of further runs are left to the report file. */
const SUMMARY_BUDGET = 900_000;
/** GitHub refuses a comment over 65,536 characters. */
const COMMENT_BUDGET = 60_000;
const STATUS_CELL = {
    synced: '✅ synced',
    partial: '⚠️ partial',
    cancelled: '⏹️ cancelled',
    'dry-run': '🔍 dry run',
    failed: '❌ failed',
};
const STATUS_HEAD = {
    synced: '✅ synced',
    partial: '⚠️ partial: re-run the job to send the rest',
    cancelled: '⏹️ cancelled by the server',
    'dry-run': '🔍 dry run: nothing was uploaded',
    failed: '❌ not all synced',
};
const GATE_CELL = { passed: '✅ passed', failed: '❌ failed', none: '–' };
function backendName(report) {
    return report.backend === 'hub' ? 'HUB' : report.backend === 'platform' || report.backend === '' ? 'Platform' : (0,format/* escapeHtml */.ZD)(report.backend);
}
function linked(name, url) {
    const text = (0,format/* escapeHtml */.ZD)(name);
    return /^https?:\/\//i.test(url) ? `<a href="${(0,format/* escapeHtml */.ZD)(url)}">${text}</a>` : text;
}
/** Run | Task | Epochs | Best epoch | mAP50-95 (or top-1) | Training time | Status | Gate. */
function runsTable(report) {
    const labels = new Set(report.runs.map((r) => r.report?.current.mapLabel).filter(Boolean));
    const metric = labels.size === 1 ? [...labels][0] : labels.size === 0 ? 'mAP50-95' : 'mAP50-95 or top-1';
    return [
        `| Run | Task | Epochs | Best epoch (0-based) | ${metric} | Training time | Status | Gate |`,
        '|---|---|---|---|---|---|---|---|',
        ...report.runs.map((r) => {
            const s = r.report?.current;
            const map = s ? `${(0,format/* num */.bu)(s.map)}${labels.size > 1 && s.mapLabel === 'top-1 accuracy' ? ' (top-1)' : ''}` : 'n/a';
            const time = s?.trainingSeconds == null ? '–' : (0,format/* formatDuration */.a3)(s.trainingSeconds * 1000);
            const gate = GATE_CELL[r.report?.gate.status ?? 'none'];
            return `| ${linked(r.name, r.modelUrl)} | ${r.task ? (0,format/* escapeHtml */.ZD)(r.task) : '–'} | ${s ? s.epochs : 'n/a'} | ${s?.bestEpoch ?? 'n/a'} | ${map} | ${time} | ${STATUS_CELL[r.status]} | ${gate} |`;
        }),
    ];
}
function renderJobSummary(report, ctx) {
    const one = single(report);
    const tunes = report.tunes.flatMap((t) => tuneSection(t, report));
    if (one) {
        const text = renderSummary({ result: one.outcome.result, plan: one.outcome.plan, inputs: one.outcome.inputs, report: one.report });
        return tunes.length ? [text, '', ...tunes].join('\n') : text;
    }
    const n = report.runs.length;
    const head = [
        `## Ultralytics ${backendName(report)}: ${n} run${n === 1 ? '' : 's'}, ${STATUS_HEAD[report.status]}`,
        '',
        ...runsTable(report),
        '',
        ...gateSummary(report),
        ...tunes,
    ];
    const details = report.runs.map((r) => runDetails(r, ctx.inputs.workspace, 'summary', ctx.env));
    return [...head, ...fit(details, SUMMARY_BUDGET - head.join('\n').length, n > 1)].join('\n');
}
/** The comment's Markdown (comment.ts adds the marker): the one-run comment, or the runs table and each run's comparison. */
function renderJobComment(report, env) {
    const one = single(report);
    if (one)
        return renderComment(one.report, { inputs: one.outcome.inputs, plan: one.outcome.plan, result: one.outcome.result, env });
    const n = report.runs.length;
    const head = [`### Ultralytics ${backendName(report)}: ${n} run${n === 1 ? '' : 's'} ${STATUS_CELL[report.status]}`, '', ...runsTable(report), '', ...gateSummary(report)];
    const foot = `<sub>${footer(env)}</sub>`;
    const details = report.runs.map((r) => runDetails(r, report.workspace, 'comment', env));
    return [...head, ...fit(details, COMMENT_BUDGET - head.join('\n').length - foot.length, n > 1), foot].join('\n');
}
/** One line per failed gate, naming its run; nothing when no gate was asked for. */
function gateSummary(report) {
    if (report.gate === 'none' && report.runs.every((r) => !r.report || r.report.gate.skipped.length === 0))
        return [];
    const failed = report.runs.filter((r) => r.report?.gate.status === 'failed').map((r) => (0,format/* escapeHtml */.ZD)(r.name));
    const text = failed.length ? `❌ failed for ${failed.join(', ')}` : report.gate === 'passed' ? '✅ passed by every run checked' : '➖ nothing checked';
    return [`**Quality gate:** ${text} (each run's checks are in its details)`, ''];
}
/** Each run's part, folded when there are several, as many as fit in `budget` characters. */
function fit(parts, budget, fold) {
    const out = [];
    let used = 0;
    for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        const block = fold
            ? ['<details>', `<summary><b>${(0,format/* escapeHtml */.ZD)(p.name)}</b>: ${STATUS_CELL[p.status]}</summary>`, '', ...p.body, '</details>', '']
            : [...p.body, ''];
        const size = block.join('\n').length + 1;
        if (used + size > budget) {
            out.push(`<em>${parts.length - i} more run${parts.length - i === 1 ? '' : 's'} left out to stay within GitHub's size limit: see the \`runs\` output and the report file.</em>`, '');
            break;
        }
        out.push(...block);
        used += size;
    }
    return out;
}
function runDetails(r, workspace, where, env) {
    const o = r.outcome;
    const body = [];
    if (o?.plan && o.result && r.report) {
        body.push(where === 'summary'
            ? renderSummary({ result: o.result, plan: o.plan, inputs: o.inputs, report: r.report })
            : renderComment(r.report, { inputs: o.inputs, plan: o.plan, result: o.result, env }).replace(/\n<sub>[^\n]*<\/sub>$/, ''));
        return { name: r.name, status: r.status, body };
    }
    const where_ = r.runDir ? ` · <code>${(0,format/* escapeHtml */.ZD)((0,format/* displayPath */.Gt)(r.runDir, workspace))}</code>` : '';
    const from = r.source ? ` · from ${(0,format/* code */.aY)(r.source)}` : '';
    body.push(`**Model:** ${/^https?:\/\//i.test(r.modelUrl) ? `<a href="${(0,format/* escapeHtml */.ZD)(r.modelUrl)}">${(0,format/* escapeHtml */.ZD)(r.modelUrl)}</a>` : '<em>none</em>'}${where_}${from}`, '');
    if (r.error)
        body.push(`**Not synced:** ${(0,format/* escapeHtml */.ZD)(r.error)}`, '');
    if (r.report) {
        if (!r.report.comparison)
            body.push(...snapshotTable(r.report.current), '');
        body.push(...comparisonSection(r.report, workspace));
        const chart = snapshotChart(r.report);
        if (chart)
            body.push((0,format/* mermaidChart */.C6)(chart), '');
    }
    return { name: r.name, status: r.status, body };
}
/** The mAP chart from a snapshot's curve (a gathered run has no results.csv here), with the baseline's when read. */
function snapshotChart(report) {
    const c = report.current.curves.map;
    if (!c || c.values.length === 0)
        return null;
    const s = { title: `${report.current.mapLabel} per epoch`, label: report.current.mapLabel, epochs: c.epochs, values: c.values };
    const b = report.comparison ? report.baseline?.snapshot.curves.map : undefined;
    if (b && b.values.length > 0)
        s.baseline = b;
    return s;
}
/** A `yolo tune` folder: fitness per iteration, the best iteration with its hyperparameters, and its trial's model. */
function tuneSection(t, report) {
    const out = [`### Tune ${(0,format/* code */.aY)(t.dir)}`, ''];
    const points = t.fitness.map((f, i) => [i + 1, f]).filter((p) => p[1] !== null && Number.isFinite(p[1]));
    if (points.length > 0) {
        const bestIndex = t.best ? points.findIndex((p) => p[0] === t.best?.iteration) : -1;
        const idx = (0,format/* subsample */.pb)(points.length, format/* MAX_POINTS */.N0, [bestIndex]);
        const best = t.best ? ` (best: iteration ${t.best.iteration}, ${(0,format/* num */.bu)(t.best.fitness)})` : '';
        out.push((0,format/* mermaidChart */.C6)({
            title: `Fitness per iteration${best}`,
            label: 'fitness',
            xLabel: 'iteration',
            epochs: idx.map((i) => points[i][0]),
            values: idx.map((i) => points[i][1]),
        }), '');
    }
    if (!t.best) {
        out.push('No iteration has a fitness yet.', '');
        return out;
    }
    const trial = t.bestTrial;
    const run = trial ? report.runs.find((r) => r.runDir !== null && external_node_path_.basename(r.runDir) === trial) : undefined;
    const trialText = !trial
        ? ''
        : run && /^https?:\/\//i.test(run.modelUrl)
            ? ` · trial ${(0,format/* code */.aY)(trial)}: <a href="${(0,format/* escapeHtml */.ZD)(run.modelUrl)}">its model</a>`
            : ` · trial ${(0,format/* code */.aY)(trial)} (not synced in this step)`;
    out.push(`**Best iteration:** ${t.best.iteration} of ${t.fitness.length}, fitness ${(0,format/* num */.bu)(t.best.fitness, 5)}${trialText}`, '', '| Hyperparameter | Value |', '|---|---|', ...Object.entries(t.best.hyperparameters).map(([k, v]) => `| ${(0,format/* escapeHtml */.ZD)(k)} | ${typeof v === 'number' ? String(v) : (0,format/* escapeHtml */.ZD)(v)} |`), '');
    return out;
}
// ——— Publishing ———
/** Writes report-file (every run) and the one PR comment of this step; never throws. */
async function publishJobReport(report, ctx) {
    const { inputs, log } = ctx;
    if (inputs.reportFile) {
        try {
            await (0,report_file/* writeReport */.u5)(inputs.reportFile, reportJson(report, ctx.env));
            log.info(`Report written to ${inputs.reportFile} (use it as a later run's \`baseline\`, or gather it with \`reports\`).`);
        }
        catch (err) {
            log.warning(`The report file ${inputs.reportFile} could not be written: ${err.message}`);
        }
    }
    if (!inputs.comment)
        return;
    if (inputs.dryRun) {
        log.info('Dry run: no pull-request comment is posted.');
        return;
    }
    await log.group('Comment on the pull request', () => postComment({
        env: ctx.env,
        token: inputs.githubToken,
        name: report.commentKey,
        legacyName: report.legacyCommentKey,
        body: log.redact(renderJobComment(report, ctx.env)),
        log,
        timeoutMs: Math.max(60_000, inputs.requestTimeoutMs * 2),
    }));
}
/** The report-file JSON: every run; a one-run report also keeps version 1's top-level fields. */
function reportJson(report, env) {
    const runs = report.runs.map((r) => ({
        name: r.name,
        runDir: r.runDir === null ? null : (0,format/* displayPath */.Gt)(r.runDir, report.workspace),
        task: r.task,
        status: r.status,
        backend: r.backend,
        modelId: r.modelId,
        modelUrl: r.modelUrl,
        epochs: r.epochs,
        error: r.error,
        run: r.report?.current ?? null,
        comparison: r.report?.comparison ?? null,
        gate: r.report?.gate ?? { status: 'none', checks: [], skipped: [] },
    }));
    const gate = { status: report.gate, checks: [], skipped: [] };
    const failure = gateFailure(report);
    if (failure)
        gate.failure = failure;
    const base = {
        format: report_file/* REPORT_FORMAT */.t3,
        version: report_file/* REPORT_VERSION */.Aj,
        status: report.status,
        backend: report.backend,
        git: { sha: env.GITHUB_SHA || undefined, ref: env.GITHUB_REF_NAME || undefined },
        gate,
        runs,
        tunes: report.tunes,
    };
    const [only] = runs;
    if (runs.length === 1 && only.run) {
        Object.assign(base, { modelId: only.modelId, modelUrl: only.modelUrl, run: only.run, comparison: only.comparison, gate: only.gate });
    }
    return base;
}


/***/ }),

/***/ 3531:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aj: () => (/* binding */ REPORT_VERSION),
/* harmony export */   MM: () => (/* binding */ parseReport),
/* harmony export */   t3: () => (/* binding */ REPORT_FORMAT),
/* harmony export */   u5: () => (/* binding */ writeReport)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/**
 * The `report-file` JSON: every run of the step with its final metrics and curves, its comparison and
 * its gate result, and the step's tune folders. A later workflow passes it as its `baseline`, so
 * main's last runs can be compared without keeping their run directories: a few kilobytes instead of
 * the weights; a matrix's last job gathers them with `reports`.
 *
 * Version 1 (one run: `run`, `comparison`, `gate` at the top) still reads. Version 2 adds `runs`, one
 * entry per run, and `tunes`; a one-run version 2 file also keeps version 1's top-level fields.
 */


const REPORT_FORMAT = 'ultralytics-sync-report';
const REPORT_VERSION = 2;
async function writeReport(file, report) {
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile(tmp, JSON.stringify(report, null, 2) + '\n');
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename(tmp, file);
}
/** Parses and checks a report; throws with what is wrong. Unknown fields are ignored. */
function parseReport(text) {
    let data;
    try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (err) {
        // Node's message quotes the file's first characters: only where it breaks is told.
        const at = /at position (\d+)/.exec(err.message)?.[1];
        throw new Error(at ? `invalid JSON at position ${at}` : 'invalid JSON');
    }
    const o = record(data, 'the file');
    if (o.format !== REPORT_FORMAT)
        throw new Error(`no "format": "${REPORT_FORMAT}" field`);
    if (typeof o.version !== 'number' || o.version > REPORT_VERSION) {
        throw new Error(`version ${String(o.version)} is newer than this action reads (${REPORT_VERSION}); update the action`);
    }
    const commit = commitOf(o.git);
    if (o.version < 2) {
        const run = snapshot(record(o.run, '"run"'), 'run');
        return {
            commit,
            tunes: [],
            runs: [
                {
                    name: run.name ?? 'train',
                    runDir: null,
                    task: null,
                    status: str(o.status) ?? 'synced',
                    backend: str(o.backend) ?? '',
                    modelId: str(o.modelId) ?? '',
                    modelUrl: str(o.modelUrl) ?? '',
                    epochs: run.epochs,
                    error: null,
                    run,
                    comparison: o.comparison == null ? null : comparison(o.comparison, 'comparison'),
                    gate: gate(o.gate, 'gate'),
                },
            ],
        };
    }
    if (!Array.isArray(o.runs))
        throw new Error('"runs" is not a list');
    const runs = o.runs.map((v, i) => reportRun(record(v, `"runs[${i}]"`), `runs[${i}]`));
    const tunes = Array.isArray(o.tunes) ? o.tunes.map((v, i) => tune(record(v, `"tunes[${i}]"`), `tunes[${i}]`)) : [];
    return { runs, tunes, commit };
}
function reportRun(r, at) {
    const name = str(r.name);
    if (!name)
        throw new Error(`"${at}.name" is missing`);
    return {
        name,
        runDir: str(r.runDir),
        task: str(r.task),
        status: str(r.status) ?? 'synced',
        backend: str(r.backend) ?? '',
        modelId: str(r.modelId) ?? '',
        modelUrl: str(r.modelUrl) ?? '',
        epochs: numberOrNull(r.epochs, `${at}.epochs`),
        error: str(r.error),
        run: r.run == null ? null : snapshot(record(r.run, `"${at}.run"`), `${at}.run`),
        comparison: r.comparison == null ? null : comparison(r.comparison, `${at}.comparison`),
        gate: gate(r.gate, `${at}.gate`),
    };
}
const GATE_STATUSES = ['passed', 'failed', 'none'];
function gate(v, at) {
    if (v == null)
        return { status: 'none', checks: [], skipped: [] };
    const g = record(v, `"${at}"`);
    const status = GATE_STATUSES.find((s) => s === g.status);
    if (!status)
        throw new Error(`"${at}.status" is not passed, failed or none`);
    const checks = (Array.isArray(g.checks) ? g.checks : []).map((c, i) => {
        const o = record(c, `"${at}.checks[${i}]"`);
        const input = o.input === 'max-map-drop' ? 'max-map-drop' : 'min-map';
        return {
            input,
            threshold: numberOrNull(o.threshold, `${at}.checks[${i}].threshold`) ?? 0,
            value: numberOrNull(o.value, `${at}.checks[${i}].value`),
            passed: o.passed === true,
            text: str(o.text) ?? '',
        };
    });
    const skipped = (Array.isArray(g.skipped) ? g.skipped : []).filter((s) => typeof s === 'string');
    const failure = str(g.failure);
    return { status, checks, skipped, ...(failure ? { failure } : {}) };
}
const ROW_KINDS = ['metric', 'epoch', 'count', 'seconds'];
function comparison(v, at) {
    const c = record(v, `"${at}"`);
    const b = record(c.baseline, `"${at}.baseline"`);
    const kind = b.kind === 'run-dir' || b.kind === 'results-csv' ? b.kind : 'report';
    if (!Array.isArray(c.rows))
        throw new Error(`"${at}.rows" is not a list`);
    const rows = c.rows.map((x, i) => {
        const r = record(x, `"${at}.rows[${i}]"`);
        const w = `${at}.rows[${i}]`;
        return {
            key: str(r.key) ?? '',
            label: str(r.label) ?? '',
            kind: ROW_KINDS.find((k) => k === r.kind) ?? 'metric',
            current: numberOrNull(r.current, `${w}.current`),
            baseline: numberOrNull(r.baseline, `${w}.baseline`),
            delta: numberOrNull(r.delta, `${w}.delta`),
        };
    });
    return {
        baseline: { source: str(b.source) ?? '', kind, name: str(b.name), commit: str(b.commit) },
        mapLabel: c.mapLabel === 'top-1 accuracy' ? 'top-1 accuracy' : 'mAP50-95',
        mapDelta: numberOrNull(c.mapDelta, `${at}.mapDelta`),
        rows,
    };
}
function tune(t, at) {
    if (!Array.isArray(t.fitness))
        throw new Error(`"${at}.fitness" is not a list`);
    const fitness = t.fitness.map((f, i) => numberOrNull(f, `${at}.fitness[${i}]`));
    let best = null;
    if (t.best != null) {
        const b = record(t.best, `"${at}.best"`);
        const hyperparameters = {};
        for (const [k, v] of Object.entries(b.hyperparameters == null ? {} : record(b.hyperparameters, `"${at}.best.hyperparameters"`))) {
            if (typeof v === 'number' || typeof v === 'string')
                hyperparameters[k] = v;
        }
        best = {
            iteration: numberOrNull(b.iteration, `${at}.best.iteration`) ?? 0,
            fitness: numberOrNull(b.fitness, `${at}.best.fitness`) ?? 0,
            hyperparameters,
        };
    }
    return { dir: str(t.dir) ?? '', fitness, best, bestTrial: str(t.bestTrial) };
}
function str(v) {
    return typeof v === 'string' && v ? v : null;
}
/** `main@0123456` from the report's git fields; null when it has none. */
function commitOf(git) {
    if (typeof git !== 'object' || git === null)
        return null;
    const { sha, ref } = git;
    const short = typeof sha === 'string' && /^[0-9a-f]{7,40}$/i.test(sha) ? sha.slice(0, 7) : null;
    const name = typeof ref === 'string' && ref ? ref : null;
    return name && short ? `${name}@${short}` : (name ?? short);
}
function snapshot(r, at) {
    const metrics = {};
    for (const [k, v] of Object.entries(record(r.metrics, `"${at}.metrics"`)))
        metrics[k] = numberOrNull(v, `${at}.metrics.${k}`);
    const curves = {};
    const c = r.curves === undefined ? {} : record(r.curves, `"${at}.curves"`);
    for (const k of ['map', 'loss'])
        if (c[k] !== undefined)
            curves[k] = curve(c[k], `${at}.curves.${k}`);
    const epochs = numberOrNull(r.epochs, `${at}.epochs`);
    if (epochs === null)
        throw new Error(`"${at}.epochs" is missing`);
    return {
        name: typeof r.name === 'string' ? r.name : null,
        bestEpoch: numberOrNull(r.bestEpoch, `${at}.bestEpoch`),
        epochs,
        trainingSeconds: numberOrNull(r.trainingSeconds, `${at}.trainingSeconds`),
        map: numberOrNull(r.map, `${at}.map`),
        mapLabel: r.mapLabel === 'top-1 accuracy' ? 'top-1 accuracy' : 'mAP50-95',
        metrics,
        curves,
    };
}
function curve(v, what) {
    const c = record(v, what);
    const nums = (x, part) => {
        if (!Array.isArray(x) || !x.every((e) => typeof e === 'number' && Number.isFinite(e))) {
            throw new Error(`"${what}.${part}" is not a list of numbers`);
        }
        return x;
    };
    const epochs = nums(c.epochs, 'epochs');
    const values = nums(c.values, 'values');
    if (epochs.length !== values.length)
        throw new Error(`"${what}" has ${epochs.length} epochs but ${values.length} values`);
    return { epochs, values };
}
function record(v, what) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new Error(`${what} is not a JSON object`);
    return v;
}
function numberOrNull(v, what) {
    if (v === null || v === undefined)
        return null;
    if (typeof v !== 'number' || !Number.isFinite(v))
        throw new Error(`"${what}" is not a number`);
    return v;
}


/***/ }),

/***/ 1222:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WB: () => (/* binding */ METRIC_KEYS),
/* harmony export */   eY: () => (/* binding */ snapshotOf)
/* harmony export */ });
/* unused harmony export mapLabelOf */
/* harmony import */ var _rundir_fitness_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5845);
/**
 * One run's final numbers, in a form that does not depend on the results.csv era: the best epoch's
 * metrics under era-free keys (`mAP50-95(B)` for both YOLOv5's `metrics/mAP_0.5:0.95` and YOLOv8's
 * `metrics/mAP50-95(B)`), the epoch counts, the training time and the two chart curves.
 *
 * This run and its baseline are both reduced to a snapshot, so a padded 1-based YOLOv8 file compares
 * with a current one, and a report JSON written months ago compares with today's run.
 */


const FAMILIES = [
    ['B', 'box'],
    ['M', 'mask'],
    ['P', 'pose'],
];
/** The era-free keys, in display order, each with its label and the columns that hold it (first found wins). */
const METRIC_KEYS = [
    ...FAMILIES.flatMap(([s, family]) => [
        { key: `precision(${s})`, label: `precision (${family})`, columns: [`metrics/precision(${s})`, ...(s === 'B' ? ['metrics/precision'] : [])] },
        { key: `recall(${s})`, label: `recall (${family})`, columns: [`metrics/recall(${s})`, ...(s === 'B' ? ['metrics/recall'] : [])] },
        { key: `mAP50(${s})`, label: `mAP50 (${family})`, columns: [`metrics/mAP50(${s})`, ...(s === 'B' ? ['metrics/mAP_0.5'] : [])] },
        {
            key: `mAP50-95(${s})`,
            label: `mAP50-95 (${family})`,
            columns: [`metrics/mAP50-95(${s})`, ...(s === 'B' ? ['metrics/mAP_0.5:0.95'] : [])],
        },
    ]),
    { key: 'top1', label: 'top-1 accuracy', columns: ['metrics/accuracy_top1'] },
    { key: 'top5', label: 'top-5 accuracy', columns: ['metrics/accuracy_top5'] },
];
function mapLabelOf(mapColumn) {
    return mapColumn === 'metrics/accuracy_top1' ? 'top-1 accuracy' : 'mAP50-95';
}
function snapshotOf(src) {
    const rows = src.metrics.rows;
    const bestRow = src.best ? rows.find((r) => r.epoch === src.best?.epoch) : undefined;
    const metrics = {};
    for (const m of METRIC_KEYS) {
        const column = m.columns.find((c) => src.metrics.columns.includes(c));
        if (column)
            metrics[m.key] = bestRow ? (bestRow.metrics[column] ?? null) : null;
    }
    const last = rows[rows.length - 1];
    const bestIndex = bestRow ? rows.indexOf(bestRow) : -1;
    const idx = (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .subsample */ .pb)(rows.length, _format_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_POINTS */ .N0, [bestIndex]);
    const curves = {};
    const mapCol = src.mapColumn;
    if (mapCol)
        curves.map = curve(rows, idx, (r) => r.metrics[mapCol]);
    curves.loss = curve(rows, idx, _rundir_fitness_js__WEBPACK_IMPORTED_MODULE_0__/* .totalLoss */ .gq);
    for (const k of ['map', 'loss'])
        if (curves[k]?.values.length === 0)
            delete curves[k];
    return {
        name: src.name,
        bestEpoch: src.best?.epoch ?? null,
        epochs: rows.length,
        trainingSeconds: typeof last.time === 'number' ? last.time : null,
        map: src.map,
        mapLabel: mapLabelOf(src.mapColumn),
        metrics,
        curves,
    };
}
function curve(rows, idx, value) {
    const epochs = [];
    const values = [];
    for (const i of idx) {
        const v = value(rows[i]);
        if (typeof v !== 'number' || !Number.isFinite(v))
            continue;
        epochs.push(rows[i].epoch);
        values.push(v);
    }
    return { epochs, values };
}


/***/ }),

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


/***/ })

};
