export const id = 446;
export const ids = [446];
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

/***/ 9446:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./build/src/inputs/errors.js
var errors = __webpack_require__(7516);
// EXTERNAL MODULE: ./build/src/inputs/inputs.js + 1 modules
var inputs_inputs = __webpack_require__(8855);
// EXTERNAL MODULE: ./build/src/rundir/errors.js
var rundir_errors = __webpack_require__(9843);
// EXTERNAL MODULE: ./build/src/rundir/load-run.js + 2 modules
var load_run = __webpack_require__(6947);
// EXTERNAL MODULE: ./build/src/version.js
var version = __webpack_require__(8009);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/rundir/args-yaml.js
var args_yaml = __webpack_require__(3625);
// EXTERNAL MODULE: ./build/src/rundir/checkpoint.js + 1 modules
var checkpoint = __webpack_require__(1079);
// EXTERNAL MODULE: ./build/src/rundir/fitness.js
var fitness = __webpack_require__(14);
// EXTERNAL MODULE: ./build/src/rundir/results-csv.js + 1 modules
var results_csv = __webpack_require__(2012);
;// CONCATENATED MODULE: ./build/src/report/report-file.js
/**
 * The `report-file` JSON: this run's final metrics and curves, the comparison and the gate result.
 * A later workflow passes it as its `baseline`, so main's last run can be compared without keeping
 * its run directory: a few kilobytes instead of the weights.
 */


const REPORT_FORMAT = 'ultralytics-sync-report';
const REPORT_VERSION = 1;
async function writeReport(file, report) {
    await promises_.mkdir(external_node_path_.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await promises_.writeFile(tmp, JSON.stringify(report, null, 2) + '\n');
    await promises_.rename(tmp, file);
}
/** Parses and checks a report; throws with what is wrong. Unknown fields are ignored. */
function parseReport(text) {
    let data;
    try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (err) {
        throw new Error(`invalid JSON (${err.message})`);
    }
    const o = record(data, 'the file');
    if (o.format !== REPORT_FORMAT)
        throw new Error(`no "format": "${REPORT_FORMAT}" field`);
    if (typeof o.version !== 'number' || o.version > REPORT_VERSION) {
        throw new Error(`version ${String(o.version)} is newer than this action reads (${REPORT_VERSION}); update the action`);
    }
    return { run: snapshot(record(o.run, '"run"')), commit: commitOf(o.git) };
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
function snapshot(r) {
    const metrics = {};
    for (const [k, v] of Object.entries(record(r.metrics, '"run.metrics"')))
        metrics[k] = numberOrNull(v, `run.metrics.${k}`);
    const curves = {};
    const c = r.curves === undefined ? {} : record(r.curves, '"run.curves"');
    for (const k of ['map', 'loss'])
        if (c[k] !== undefined)
            curves[k] = curve(c[k], `run.curves.${k}`);
    const epochs = numberOrNull(r.epochs, 'run.epochs');
    if (epochs === null)
        throw new Error('"run.epochs" is missing');
    return {
        name: typeof r.name === 'string' ? r.name : null,
        bestEpoch: numberOrNull(r.bestEpoch, 'run.bestEpoch'),
        epochs,
        trainingSeconds: numberOrNull(r.trainingSeconds, 'run.trainingSeconds'),
        map: numberOrNull(r.map, 'run.map'),
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

// EXTERNAL MODULE: ./build/src/report/summary.js
var summary = __webpack_require__(3320);
;// CONCATENATED MODULE: ./build/src/report/snapshot.js
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
    const idx = (0,summary/* subsample */.pb)(rows.length, summary/* MAX_POINTS */.N0, [bestIndex]);
    const curves = {};
    const mapCol = src.mapColumn;
    if (mapCol)
        curves.map = snapshot_curve(rows, idx, (r) => r.metrics[mapCol]);
    curves.loss = snapshot_curve(rows, idx, fitness/* totalLoss */.gq);
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
function snapshot_curve(rows, idx, value) {
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

;// CONCATENATED MODULE: ./build/src/report/baseline.js
/**
 * Reads the `baseline` input into a RunSnapshot. Three forms:
 *   - a run directory (its results.csv, args.yaml for the name, weights/best.pt for the version);
 *   - a results.csv of any era, read by the same reader and scored by the same fitness rules;
 *   - a report JSON this action wrote with `report-file` (or a directory holding one).
 * Every failure is a BaselineError whose message says what was wrong; the caller turns it into a
 * warning, never a failure of the sync.
 */








class BaselineError extends Error {
    name = 'BaselineError';
}
/** The largest report JSON read; a report is a few kilobytes. */
const MAX_REPORT_BYTES = 4 * 1024 * 1024;
async function readBaseline(file) {
    const info = await promises_.stat(file).catch((err) => {
        if (err.code === 'ENOENT') {
            throw new BaselineError(`${file} does not exist. Download the earlier run's report or run directory there first (e.g. with actions/download-artifact), or check the path`);
        }
        throw new BaselineError(`${file} cannot be read: ${err.message}`);
    });
    if (info.isDirectory())
        return readDirectory(file);
    if (await startsWithBrace(file))
        return { source: file, kind: 'report', ...(await readReport(file)) };
    return { source: file, kind: 'results-csv', snapshot: await readCsv(file, null, null) };
}
async function readDirectory(dir) {
    const csv = external_node_path_.join(dir, 'results.csv');
    if (await exists(csv)) {
        const args = await (0,args_yaml/* readTrainArgs */.mc)(external_node_path_.join(dir, 'args.yaml'), { explicit: false }).catch(() => null);
        const name = typeof args?.values.name === 'string' ? args.values.name : null;
        const meta = await (0,checkpoint/* readCheckpointMeta */.Y)(external_node_path_.join(dir, 'weights', 'best.pt')).catch(() => null);
        return { source: dir, kind: 'run-dir', snapshot: await readCsv(csv, name, meta?.version ?? null) };
    }
    const reports = [];
    for (const entry of (await promises_.readdir(dir)).sort()) {
        const p = external_node_path_.join(dir, entry);
        if (entry.endsWith('.json') && (await startsWithBrace(p)))
            reports.push(p);
    }
    if (reports.length === 1)
        return { source: reports[0], kind: 'report', ...(await readReport(reports[0])) };
    throw new BaselineError(reports.length === 0
        ? `${dir} holds neither a results.csv nor a report JSON. Point \`baseline\` at the earlier run's directory, its results.csv or its report-file`
        : `${dir} holds ${reports.length} JSON files; point \`baseline\` at the report file itself`);
}
async function readCsv(file, name, version) {
    try {
        const metrics = await (0,results_csv/* readResultsCsv */.Zx)(file);
        const best = (0,fitness/* bestEpoch */.or)(metrics, (0,fitness/* fitnessRuleFor */.ei)(metrics, version ?? undefined));
        return snapshotOf({ name, metrics, best, map: best?.map ?? null, mapColumn: (0,fitness/* mapColumn */.X)(metrics.columns) });
    }
    catch (err) {
        throw new BaselineError(`${file} is not a usable results.csv: ${err.message}`);
    }
}
async function readReport(file) {
    const info = await promises_.stat(file);
    if (info.size > MAX_REPORT_BYTES)
        throw new BaselineError(`${file} is ${info.size} bytes, far too big for a report JSON`);
    try {
        const { run, commit } = parseReport(await promises_.readFile(file, 'utf8'));
        return { snapshot: run, commit };
    }
    catch (err) {
        throw new BaselineError(`${file} is not a report this action wrote: ${err.message}`);
    }
}
/** JSON reports start with `{` (after blanks or a byte order mark); results.csv never does. */
async function startsWithBrace(file) {
    const handle = await promises_.open(file, 'r');
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
        return /^\uFEFF?\s*\{/.test(buffer.toString('utf8', 0, bytesRead));
    }
    finally {
        await handle.close();
    }
}
async function exists(p) {
    return promises_.stat(p).then((s) => s.isFile(), () => false);
}

// EXTERNAL MODULE: ./build/src/transport/url-safety.js
var url_safety = __webpack_require__(1917);
;// CONCATENATED MODULE: ./build/src/report/comment.js
/**
 * The pull-request comment: one per run name, found again by a hidden marker and updated in place,
 * never duplicated (the idea of marocchino/sticky-pull-request-comment, with pagination).
 *
 *   GITHUB_EVENT_PATH (the pull request's number) → list the comments, 100 a page, following the
 *   Link headers until the marker is found → update it, or create one
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
        let found;
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, params)) {
            found = page.data.find((c) => c.body?.includes(marker));
            if (found)
                break;
        }
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

;// CONCATENATED MODULE: ./build/src/report/compare.js

function compare(current, baseline, source) {
    const rows = [];
    const add = (key, label, kind, a, b) => rows.push({ key, label, kind, current: a, baseline: b, delta: difference(a, b) });
    for (const m of METRIC_KEYS) {
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

;// CONCATENATED MODULE: ./build/src/report/gate.js
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
        if (g.baselineMap === undefined || g.baselineMap === null) {
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

;// CONCATENATED MODULE: ./build/src/report/ci-report.js








async function prepareReport(inputs, plan, log) {
    const name = runName(inputs, plan);
    const current = snapshotOf({ name, metrics: plan.metrics, best: plan.best, map: plan.map, mapColumn: plan.mapColumn });
    let baseline = null;
    let baselineProblem = null;
    if (inputs.baseline) {
        try {
            baseline = await readBaseline(inputs.baseline);
            if (baseline.snapshot.mapLabel !== current.mapLabel) {
                baselineProblem = `${baseline.source} reports ${baseline.snapshot.mapLabel}, this run ${current.mapLabel}: a run of another task is no baseline`;
                baseline = null;
            }
        }
        catch (err) {
            baselineProblem = err.message;
        }
        if (baselineProblem)
            log.warning(`Baseline not compared: ${baselineProblem}.`);
    }
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
        log.info(`Baseline ${baseline.source} (${baseline.kind}): ${current.mapLabel} ${fmt(baseline.snapshot.map)} → ${fmt(current.map)}` +
            (d === null ? '' : ` (${d >= 0 ? '+' : ''}${d})`));
    }
    const gate = checkGate({
        minMap: inputs.minMap,
        maxMapDrop: inputs.maxMapDrop,
        map: current.map,
        baselineMap: baseline ? baseline.snapshot.map : undefined,
        mapLabel: current.mapLabel,
    });
    for (const c of gate.checks)
        log.info(`Quality gate: ${c.passed ? 'pass' : 'FAIL'}: ${c.text}.`);
    for (const s of gate.skipped)
        log.warning(`Quality gate: ${s}.`);
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
/** Writes the report file and posts the comment, as asked; never throws. */
async function publishReport(report, ctx) {
    const { inputs, result, log } = ctx;
    if (inputs.reportFile) {
        try {
            await writeReport(inputs.reportFile, {
                format: 'ultralytics-sync-report',
                version: 1,
                status: result.status,
                backend: inputs.backend,
                modelId: result.modelId,
                modelUrl: result.modelUrl,
                git: { sha: ctx.env.GITHUB_SHA || undefined, ref: ctx.env.GITHUB_REF_NAME || undefined },
                run: report.current,
                comparison: report.comparison,
                gate: report.gate,
            });
            log.info(`Report written to ${inputs.reportFile} (use it as a later run's \`baseline\`).`);
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
        name: report.name,
        body: log.redact(renderComment(report, ctx)),
        log,
        timeoutMs: Math.max(60_000, inputs.requestTimeoutMs * 2),
    }));
}
/**
 * The step's outcome with the gate applied: a failed gate fails the step, its one line after any
 * other error. Called last, so the gate fails the step only after everything was sent and posted.
 */
function withGate(outcome, report) {
    const failure = report.gate.failure;
    if (!failure)
        return outcome;
    return { ...outcome, exitCode: 1, error: outcome.error ? `${outcome.error} ${failure}` : failure };
}
const STATUS = {
    synced: '✅ synced',
    partial: '⚠️ partial (re-run the job to send the rest)',
    cancelled: '⏹️ cancelled by the server',
    'dry-run': '🔍 dry run',
};
/** The comment's Markdown (the marker is added by comment.ts). */
function renderComment(report, ctx) {
    const { inputs, plan, result, env } = ctx;
    const backend = inputs.backend === 'hub' ? 'HUB' : 'Platform';
    const section = (0,summary/* comparisonSection */.vU)(report, inputs.workspace);
    const table = report.comparison ? [] : [...snapshotTable(report.current), ''];
    const chart = (0,summary/* chartSeries */.s2)(plan, report.comparison ? report.baseline?.snapshot.curves : undefined)[0];
    return [
        `### Ultralytics ${backend}: ${(0,summary/* escapeHtml */.ZD)(report.name)} ${STATUS[result.status]}`,
        '',
        `**Model:** ${(0,summary/* modelLink */.On)(result)} · **final ${report.current.mapLabel}:** ${fmt(report.current.map)}`,
        '',
        ...table,
        ...section,
        ...(chart ? [(0,summary/* mermaidChart */.C6)(chart), ''] : []),
        `<sub>${footer(env)}</sub>`,
    ].join('\n');
}
/** This run's best-epoch metrics, when there is no baseline to set them against. */
function snapshotTable(s) {
    const rows = METRIC_KEYS.filter((m) => m.key in s.metrics).map((m) => `| ${m.label} | ${fmt(s.metrics[m.key])} |`);
    return ['| Metric | This run |', '|---|---|', ...rows, `| best epoch (0-based) | ${s.bestEpoch ?? 'n/a'} |`, `| epochs trained | ${s.epochs} |`];
}
/** The tool and, where known, a link to the workflow run that wrote the comment. */
function footer(env) {
    const tool = `ultralytics-sync ${version/* VERSION */.x}`;
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
    if (!server || !repo || !id || !/^https:\/\//.test(server) || !/^\d+$/.test(id))
        return tool;
    const url = (0,summary/* escapeHtml */.ZD)(`${server}/${repo}/actions/runs/${id}`);
    return `${tool} · <a href="${url}">workflow run ${(0,summary/* escapeHtml */.ZD)(id)}</a>`;
}
/** The run name the comment is keyed by: what the user configured, never the server's slug (`train-2`). */
function runName(inputs, plan) {
    const fromArgs = plan.args?.values.name;
    const configured = inputs.name ?? (typeof fromArgs === 'string' || typeof fromArgs === 'number' ? String(fromArgs) : null);
    return configured?.trim() || 'train';
}
function fmt(v) {
    return v === null || v === undefined ? 'n/a' : String(Number(v.toFixed(4)));
}

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

// EXTERNAL MODULE: ./build/src/session/session.js
var session_session = __webpack_require__(4190);
// EXTERNAL MODULE: ./build/src/session/setup.js + 1 modules
var setup = __webpack_require__(5499);
// EXTERNAL MODULE: ./build/src/transport/errors.js
var transport_errors = __webpack_require__(5460);
;// CONCATENATED MODULE: ./build/src/main.js
/**
 * The one pipeline, shared line for line by the action and the CLI:
 *
 *   inputs → run directory → session (backend → transport) → report
 *
 * A `Host` is all that differs between the two: where inputs come from and where outputs,
 * the summary and the log go.
 */










/**
 * The sync of a run directory. `overrides` replace inputs: the sync after a live one names the run
 * the watcher followed and the status the caller knows.
 */
async function run(host, overrides = {}) {
    const { log } = host;
    const outputs = {};
    try {
        const inputs = (0,inputs_inputs/* getInputs */.GP)((name) => overrides[name] ?? host.input(name), host.env, log);
        log.info(`ultralytics-sync ${version/* VERSION */.x}: backend ${inputs.backend} (${inputs.backendReason}), ${inputs.apiUrl}`);
        const plan = await log.group('Read the run directory', async () => {
            const p = await (0,load_run/* loadRun */.S)(inputs, log);
            describePlan(p, log);
            return p;
        });
        const session = await (0,setup/* createSession */.jw)(inputs, plan, log, host.env);
        const { backend, state } = session;
        const stopOnSignal = onSignal(() => {
            backend.close();
            state.flushSync();
            log.error(`Cancelled: stopped and saved progress in ${state.file}. Re-run the job to send the rest.`);
        });
        let result;
        try {
            result = await (0,session_session/* syncRun */.Np)(session);
        }
        finally {
            stopOnSignal();
        }
        const report = await prepareReport(inputs, plan, log);
        Object.assign(outputs, buildOutputs(result, plan, inputs.backend), report.outputs);
        for (const [k, v] of Object.entries(outputs))
            host.setOutput(k, log.redact(v));
        if (inputs.summary) {
            // Loaded only when asked for: the chunk stays unread otherwise.
            const { renderSummary } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3320));
            await writeSummary(host, log.redact(renderSummary({ result, plan, inputs, report })));
        }
        await publishReport(report, { inputs, plan, result, env: host.env, log });
        return withGate(conclude(result, inputs, outputs, log), report);
    }
    catch (err) {
        const message = log.redact(errorMessage(err));
        if (!isExpected(err))
            log.debug(log.redact(err?.stack ?? ''));
        return { exitCode: 1, outputs, error: message };
    }
}
/** A summary that cannot be written costs a warning, never the sync that already happened. */
async function writeSummary(host, markdown) {
    try {
        const where = await host.writeSummary(markdown);
        if (where)
            host.log.info(`Job summary written to ${where}`);
    }
    catch (err) {
        host.log.warning(`The job summary could not be written: ${errorMessage(err)}`);
    }
}
function conclude(result, inputs, outputs, log) {
    log.info(`Status: ${result.status}. ${result.epochsOnServer} epochs on the server.${result.modelUrl ? ` ${result.modelUrl}` : ''}`);
    if (result.status !== 'partial')
        return { exitCode: 0, outputs };
    const message = `Sync incomplete: ${result.problems.join('; ')}. Re-run the job to send the rest.`;
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
/** SIGINT/SIGTERM (a cancelled job): stop, save, exit within a moment. Returns the un-register. */
function onSignal(cleanup) {
    const handler = (signal) => {
        try {
            cleanup();
        }
        finally {
            process.exit(signal === 'SIGINT' ? 130 : 143);
        }
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
    return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
    };
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

/***/ 3320:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C6: () => (/* binding */ mermaidChart),
/* harmony export */   N0: () => (/* binding */ MAX_POINTS),
/* harmony export */   On: () => (/* binding */ modelLink),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   pb: () => (/* binding */ subsample),
/* harmony export */   renderSummary: () => (/* binding */ renderSummary),
/* harmony export */   s2: () => (/* binding */ chartSeries),
/* harmony export */   vU: () => (/* binding */ comparisonSection)
/* harmony export */ });
/* unused harmony exports comparisonTable, gateLine, formatDuration, overlay, yRange */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _rundir_fitness_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14);
/* harmony import */ var _transport_progress_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4379);
/**
 * The job summary: a header with the model link, a one-row table of what was sent, one table row
 * per file, and two mermaid xycharts over the epochs: mAP50-95 (top-1 for classify) and the total
 * train loss. Each has its own y-axis, since the two differ by an order of magnitude.
 *
 * Every user string (paths, file names, server messages) is HTML-escaped and placed in HTML
 * elements, never in Markdown code spans, where entities would show literally. The charts carry
 * only numbers and fixed labels. The result stays far under the runner's 1 MiB limit: the charts
 * have at most 100 points, the list of problems at most 20 lines.
 *
 * With a baseline, a comparison table (this run, the baseline, the delta with ▲/▼) and the gate
 * result follow the run's table, and each chart overlays the baseline's curve.
 */



/** Most points a chart shows; longer runs are subsampled, keeping the first, last and best epoch. */
const MAX_POINTS = 100;
const MAX_PROBLEMS = 20;
const MAX_PROBLEM_CHARS = 500;
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
        return code(result.modelUrl);
    const url = escapeHtml(result.modelUrl);
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
        ? `${plan.best.epoch} (${plan.best.epoch + 1}/${of} in the training log), fitness ${num(plan.best.fitness)}`
        : 'n/a (no epoch has a fitness)';
    return [
        `| Epochs sent | Best epoch (0-based) | Final ${metricLabel(plan.mapColumn)} | Training ended | Run directory |`,
        '|---|---|---|---|---|',
        `| ${epochs} | ${best} | **${num(plan.map)}** | ${inputs.status} | ${code(displayPath(plan.runDir, inputs.workspace))} |`,
    ];
}
/** Relative to the workspace when inside it (the absolute runner path says nothing). */
function displayPath(p, workspace) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(workspace, p);
    return rel && !rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute(rel) ? rel : p;
}
function fileTable(files) {
    if (files.length === 0)
        return ['No weights were sent.', ''];
    return [
        '| File | Role | Size | sha256 | Time | Throughput | Outcome |',
        '|---|---|---|---|---|---|---|',
        ...files.map((f) => {
            const uploaded = f.outcome === 'uploaded';
            const time = uploaded ? formatDuration(f.ms) : '–';
            const rate = uploaded && f.ms > 0 ? (0,_transport_progress_js__WEBPACK_IMPORTED_MODULE_2__/* .formatRate */ .CE)((f.bytes * 1000) / f.ms) : '–';
            const sha = f.sha256 ? code(f.sha256) : '–';
            return `| ${code(f.name)} | ${ROLE_TEXT[f.role]} | ${(0,_transport_progress_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z3)(f.bytes)} | ${sha} | ${time} | ${rate} | ${f.outcome} |`;
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
        const where = workspace ? displayPath(b.source, workspace) : b.source;
        const name = (b.name ? `, run ${code(b.name)}` : '') + (b.commit ? `, from ${code(b.commit)}` : '');
        out.push(`**Baseline:** ${code(where)} (${BASELINE_KIND[b.kind]}${name})`, '', ...comparisonTable(report.comparison), '');
    }
    else if (report.baselineProblem) {
        out.push(`**Baseline:** not compared: ${escapeHtml(report.baselineProblem)}`, '');
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
        return formatDuration(v * 1000);
    return r.kind === 'metric' ? num(v) : String(v);
}
function delta(r) {
    if (r.delta === null)
        return '–';
    if (r.delta === 0)
        return '= 0';
    const size = Math.abs(r.delta);
    const text = r.kind === 'seconds' ? formatDuration(size * 1000) : r.kind === 'metric' ? num(size) : String(size);
    return r.delta > 0 ? `▲ +${text}` : `▼ −${text}`;
}
const GATE_HEAD = { passed: '✅ passed', failed: '❌ failed', none: '' };
/** One line: the gate's verdict and each check; null when no gate input was set. */
function gateLine(gate) {
    const parts = [...gate.checks.map((c) => `${c.passed ? '✓' : '✗'} ${escapeHtml(c.text)}`), ...gate.skipped.map(escapeHtml)];
    if (parts.length === 0)
        return null;
    const head = GATE_HEAD[gate.status] || '➖ nothing checked';
    return `**Quality gate:** ${head}: ${parts.join('; ')}`;
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
function problemList(problems) {
    if (problems.length === 0)
        return [];
    const shown = problems.slice(0, MAX_PROBLEMS).map((p) => {
        const cut = p.length > MAX_PROBLEM_CHARS ? `${p.slice(0, MAX_PROBLEM_CHARS)}…` : p;
        return `- ${escapeHtml(cut)}`;
    });
    const more = problems.length > MAX_PROBLEMS ? [`- … and ${problems.length - MAX_PROBLEMS} more (see the log)`] : [];
    return ['**Not sent yet** (re-run the job to send it):', '', ...shown, ...more, ''];
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
/** The chart series over the same subsampled epochs; a null value drops that point. */
function chartSeries(plan, baseline) {
    const rows = plan.metrics.rows;
    const bestIndex = plan.best ? rows.findIndex((r) => r.epoch === plan.best?.epoch) : -1;
    const idx = subsample(rows.length, MAX_POINTS, [bestIndex]);
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
    const bestText = plan.best && plan.best.map !== null ? ` (best: epoch ${plan.best.epoch}, ${num(plan.best.map)})` : '';
    return [
        ...(col ? [series(`${label} per epoch${bestText}`, label, (i) => rows[i].metrics[col], baseline?.map)] : []),
        series('Total train loss per epoch', 'loss', (i) => (0,_rundir_fitness_js__WEBPACK_IMPORTED_MODULE_1__/* .totalLoss */ .gq)(rows[i]), baseline?.loss),
    ].filter((s) => s.values.length > 0);
}
function charts(plan, report) {
    const baseline = report?.comparison ? report.baseline?.snapshot.curves : undefined;
    return chartSeries(plan, baseline).flatMap((s) => [mermaidChart(s), '']);
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
        `  x-axis "epoch (0-based)" ${first} --> ${last === first ? first + 1 : last}`,
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


/***/ })

};
