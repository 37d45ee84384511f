export const id = 497;
export const ids = [497];
export const modules = {

/***/ 9497:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PlatformBackend: () => (/* binding */ PlatformBackend)
});

// EXTERNAL MODULE: ./build/src/inputs/errors.js
var errors = __webpack_require__(7516);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./build/src/rundir/safe-read.js
var safe_read = __webpack_require__(3534);
;// CONCATENATED MODULE: ./build/src/rundir/train-log.js
/**
 * What the trainer's console log says about the training before its first epoch: the Ultralytics
 * version of its banner and the model's size of its summary line. Only the head of the log is read:
 * both are printed before epoch 0.
 *
 *   Ultralytics 8.4.41 🚀 Python-3.11.2 torch-2.5.1 CPU (AMD EPYC)          (8.0.x: "Ultralytics YOLOv8.0.20 🚀 …")
 *   YOLO26n summary: 260 layers, 2,504,580 parameters, 2,504,564 gradients, 5.8 GFLOPs
 *
 * Summary lines vary across releases: numbers with or without thousands separators, "Model summary"
 * when the model has no yaml name, no GFLOPs when thop is missing, no gradients in some. A
 * "summary (fused)" line describes the model fused for inference (BatchNorm folded away: fewer
 * parameters), printed at the final validation: it is not the trained model's and is skipped.
 */


/** The banner and the model summary come within the first few hundred lines. */
const HEAD_BYTES = 256 * 1024;
const BANNER = /^\s*Ultralytics (?:YOLOv)?(\d+\.\d+\.\d+[\w.+-]*) (?:🚀 )?Python-/m;
const SUMMARY = /\bsummary( \(fused\))?: ([\d,]+) layers, ([\d,]+) parameters(?:, ([\d,]+) gradients)?(?:, ([\d.]+) GFLOPs)?/g;
/** The facts in a log's text; a fact the text does not hold is left out. */
function parseTrainLog(text) {
    const facts = {};
    const banner = BANNER.exec(text);
    if (banner)
        facts.version = banner[1];
    for (const m of text.matchAll(SUMMARY)) {
        if (m[1])
            continue; // fused: the inference model, not the trained one
        const parameters = Number(m[3].replace(/,/g, ''));
        if (!Number.isSafeInteger(parameters) || parameters <= 0)
            continue;
        facts.parameters = parameters;
        if (m[5] !== undefined && Number.isFinite(Number(m[5])))
            facts.gflops = Number(m[5]);
        break;
    }
    return facts;
}
/** The facts in the head of a log file; {} when it cannot be read (yet), or by the rules of every read (safe-read.ts). */
function readTrainLog(file, confine = null) {
    let fd;
    try {
        fd = (0,safe_read/* openRegularSync */.w5)(file, { what: 'log-file', confine });
        const buf = Buffer.alloc(HEAD_BYTES);
        const n = external_node_fs_.readSync(fd, buf, 0, HEAD_BYTES, 0);
        return parseTrainLog(buf.toString('utf8', 0, n));
    }
    catch {
        return {};
    }
    finally {
        if (fd !== undefined)
            external_node_fs_.closeSync(fd);
    }
}

// EXTERNAL MODULE: ./build/src/transport/errors.js
var transport_errors = __webpack_require__(5460);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./build/src/backend/ci-environment.js
/**
 * The `environment` of a Platform run: the machine and the CI system that run the sync (never
 * secrets), with the fields the real client sends spelled as it spells them (PLATFORM-API.md):
 * `os` as Python's `platform.platform()` ("Linux-6.8.0-1017-azure-x86_64-with-glibc2.39"), the same
 * from the CLI and the action; `totalRamGb` and `totalDiskGb` (of `/`) in GiB with one decimal.
 */


const GIB = 2 ** 30;
function ciEnvironment(env) {
    const out = {
        hostname: external_node_os_.hostname(),
        os: platformName(),
        environment: env.GITHUB_ACTIONS ? 'GitHub Actions' : env.GITLAB_CI ? 'GitLab CI' : env.JENKINS_URL ? 'Jenkins' : env.CI ? 'CI' : 'local',
        cpuCount: external_node_os_.cpus().length,
    };
    const cpu = external_node_os_.cpus()[0]?.model;
    if (cpu)
        out.cpu = cpu.trim();
    out.totalRamGb = Math.round((external_node_os_.totalmem() / GIB) * 10) / 10;
    const disk = totalDiskGb('/');
    if (disk !== undefined)
        out.totalDiskGb = disk;
    const repo = env.GITHUB_REPOSITORY
        ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`
        : env.CI_PROJECT_URL;
    const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || env.CI_COMMIT_REF_NAME || env.GIT_BRANCH;
    const commit = env.GITHUB_SHA || env.CI_COMMIT_SHA || env.GIT_COMMIT;
    if (repo)
        out.gitRepository = repo;
    if (branch)
        out.gitBranch = branch;
    if (commit)
        out.gitCommit = commit.slice(0, 12);
    return out;
}
/**
 * The machine as Python's `platform.platform()` names it on Linux: system, kernel release, machine
 * and the C library (`Linux-6.18.44-fc-v1045-x86_64-with-glibc2.36`); elsewhere system, release
 * and machine. Not the runner's RUNNER_OS ("Linux"): the CLI on the same machine must say the same.
 */
function platformName() {
    // Constant for the process, and a diagnostic report is not cheap: once, for every run of a folder.
    platform ??= namePlatform();
    return platform;
}
let platform;
function namePlatform() {
    const parts = [external_node_os_.type(), external_node_os_.release(), external_node_os_.machine()];
    if (external_node_os_.type() === 'Linux') {
        const glibc = process.report?.getReport()?.header?.glibcVersionRuntime;
        if (glibc)
            parts.push('with', `glibc${glibc}`);
    }
    return parts.filter(Boolean).join('-');
}
/** The size of the filesystem at `dir` in GiB, one decimal (the real client: shutil.disk_usage("/").total). */
function totalDiskGb(dir) {
    try {
        const s = external_node_fs_.statfsSync(dir);
        return Math.round(((s.blocks * s.bsize) / GIB) * 10) / 10;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./build/src/backend/python-str.js
var python_str = __webpack_require__(8204);
// EXTERNAL MODULE: ./build/src/backend/server-text.js
var server_text = __webpack_require__(6415);
;// CONCATENATED MODULE: ./build/src/backend/slugify.js
/** Ultralytics' `slugify`, and the project/name rules of PLATFORM-API.md. */
/** Lowercase; drop all but a-z, 0-9, whitespace and `-`; spaces → `-`; collapse and trim `-`; cut to 128. */
function slugify(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9\s-]/g, '')
        .replace(/\s/g, '-')
        .replace(/-+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 128);
}
/** `JohnDoe/My Project` → `JohnDoe/my-project`: the owner part is kept as it is. */
function projectSlug(project) {
    const at = project.indexOf('/');
    if (at < 0)
        return slugify(project);
    return `${project.slice(0, at)}/${slugify(project.slice(at + 1))}`;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./build/src/backend/trainer-command.js
/**
 * The training's command line, for Platform's `environment.command` (the real client sends
 * `" ".join(sys.argv)`). `run --` knows it: it started it. A live sync beside a training started
 * elsewhere looks for its process once, at registration, in /proc: the `--pid` process when one was
 * given, else a process that runs a YOLO training (`yolo … train`, `ultralytics`, or a Python script
 * named like train*.py in the workspace); one whose working directory is the workspace first, then
 * the oldest (the trainer, not a worker it forked). Unknown (no /proc, no such process): left out.
 */


/** Set by `run --` in the environment it hands the sync (never the training's): the command it ran. */
const TRAINER_COMMAND_ENV = 'ULTRALYTICS_SYNC_TRAINER_COMMAND';
/** Set by `watch --pid`: the training's process. */
const TRAINER_PID_ENV = 'ULTRALYTICS_SYNC_TRAINER_PID';
const MAX_COMMAND = 4096;
function trainerCommand(env, opts) {
    const given = env[TRAINER_COMMAND_ENV];
    if (given)
        return cap(given);
    if (!opts.live)
        return undefined;
    const proc = opts.proc ?? '/proc';
    const pid = env[TRAINER_PID_ENV];
    if (pid && /^\d+$/.test(pid)) {
        const argv = readArgv(proc, pid);
        return argv && argv.length > 0 ? cap(commandOf(argv)) : undefined;
    }
    return findTraining(proc, opts.workspace, opts.self ?? process.pid);
}
function findTraining(proc, workspace, self) {
    let entries;
    try {
        entries = external_node_fs_.readdirSync(proc).filter((e) => /^\d+$/.test(e) && Number(e) !== self);
    }
    catch {
        return undefined;
    }
    let best;
    for (const pid of entries) {
        const argv = readArgv(proc, pid);
        if (!argv)
            continue;
        const cwd = readCwd(proc, pid);
        const inWorkspace = cwd !== undefined && (cwd === workspace || cwd.startsWith(workspace + external_node_path_.sep));
        if (!isTraining(argv, inWorkspace))
            continue;
        const start = startTicks(proc, pid);
        if (!best || (inWorkspace && !best.inWorkspace) || (inWorkspace === best.inWorkspace && start < best.start))
            best = { argv, inWorkspace, start };
    }
    return best ? cap(commandOf(best.argv)) : undefined;
}
/** Whether a command line runs a YOLO training (and is not this tool). */
function isTraining(argv, inWorkspace) {
    const words = argv.map((a) => a.toLowerCase());
    if (words.some((w) => w.includes('ultralytics-sync')))
        return false;
    const yolo = words.some((w) => /(^|\/)yolo$/.test(w) || /(^|[\s/=])ultralytics\b/.test(w));
    if (yolo)
        return words.some((w) => w === 'train' || w === 'mode=train' || /\.train\(/.test(w) || /(^|\/)train[^/]*\.py$/.test(w));
    // `python train.py …` in the workspace: a training script of the user's own.
    return inWorkspace && /(^|\/)python[\d.]*$/.test(words[0] ?? '') && words.slice(1).some((w) => /(^|\/)train[^/]*\.py$/.test(w));
}
/**
 * The command as Python's sys.argv spells it: without the interpreter that runs a script (a
 * `yolo` entry point is `python /usr/local/bin/yolo train …` in /proc).
 */
function commandOf(argv) {
    let words = argv;
    if (/(^|\/)python[\d.]*$/.test(words[0] ?? '')) {
        let i = 1;
        while (i < words.length && words[i].startsWith('-') && words[i] !== '-m' && words[i] !== '-c')
            i++;
        words = words.slice(i);
    }
    return words.join(' ');
}
function cap(command) {
    const flat = command.replace(/[\r\n]+/g, ' ');
    return flat.length > MAX_COMMAND ? `${flat.slice(0, MAX_COMMAND)}…` : flat;
}
function readArgv(proc, pid) {
    try {
        const raw = external_node_fs_.readFileSync(external_node_path_.join(proc, pid, 'cmdline'), 'utf8');
        const argv = raw.split('\0').filter((a, i, all) => a !== '' || i < all.length - 1);
        return argv.length > 0 ? argv : undefined;
    }
    catch {
        return undefined;
    }
}
function readCwd(proc, pid) {
    try {
        return external_node_fs_.readlinkSync(external_node_path_.join(proc, pid, 'cwd'));
    }
    catch {
        return undefined;
    }
}
/** The process's start (clock ticks since boot); Infinity when unknown, so a known one wins. */
function startTicks(proc, pid) {
    try {
        const stat = external_node_fs_.readFileSync(external_node_path_.join(proc, pid, 'stat'), 'utf8');
        const n = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
        return Number.isFinite(n) ? n : Infinity;
    }
    catch {
        return Infinity;
    }
}

;// CONCATENATED MODULE: ./build/src/backend/platform.js
/**
 * The Ultralytics Platform backend: the training webhooks of PLATFORM-API.md, spoken so that the
 * backfill looks to Platform exactly like a live run of Ultralytics' own trainer.
 *
 *   W1 training_started → epoch_end × N → console_output → W2 + W3 + checkpoint_saved →
 *   training_complete (or training_failed)
 */








class PlatformBackend {
    http;
    inputs;
    plan;
    log;
    env;
    live;
    name = 'platform';
    sendsCheckpoints = false;
    sendsConsole = true;
    liveCheckpoint = 'best.pt';
    project;
    runName;
    modelId;
    runId;
    index = new Map();
    /** What the log's head says (banner, model summary), once it said it. */
    logFacts = {};
    constructor(http, inputs, plan, log, env, 
    /** Beside a running training (its process may be seen, for `environment.command`). */
    live = false) {
        this.http = http;
        this.inputs = inputs;
        this.plan = plan;
        this.log = log;
        this.env = env;
        this.live = live;
        const args = plan.args?.values ?? {};
        const fromModel = inputs.model.kind === 'path' ? inputs.model : null;
        const project = inputs.project ?? fromModel?.project ?? stringArg(args.project);
        if (!project) {
            throw new errors/* InputError */.d('project', 'is not set, and neither the model path nor args.yaml names one. Set `project: <owner>/<project>` (the Platform project to register the run in).');
        }
        this.project = projectSlug(project);
        this.runName = slugify(inputs.name ?? fromModel?.name ?? stringArg(args.name) ?? 'train') || 'train';
        this.usePlan(plan);
    }
    usePlan(plan) {
        this.plan = plan;
        this.index.clear();
        plan.metrics.rows.forEach((r, i) => this.index.set(r.epoch, i));
    }
    get target() {
        return `${this.project}/${this.runName}`;
    }
    get webhooks() {
        return `${this.inputs.apiUrl}/api/webhooks`;
    }
    headers() {
        return { Authorization: `Bearer ${this.inputs.apiKey}` };
    }
    modelUrl(slug) {
        return `${this.inputs.apiUrl}/${this.project}/${slug}`;
    }
    async inspect() {
        return (`Would register project ${this.project}, name ${this.runName} on ${this.inputs.apiUrl}. ` +
            'Platform has no read-only endpoint for training runs, so the key and project are checked by the first real sync.');
    }
    async open(saved, onRegistering) {
        if (saved.modelId && saved.runId) {
            this.modelId = saved.modelId;
            this.runId = saved.runId;
            return { modelId: saved.modelId, modelUrl: saved.modelUrl ?? this.modelUrl(this.runName), runId: saved.runId, created: false, cancelled: false };
        }
        const continuing = this.inputs.model.kind === 'id' ? this.inputs.model.id : undefined;
        const data = this.startedData();
        // Continuing names the model and, as 8.4 clients do in every body, the project and name beside it.
        const body = continuing
            ? { event: 'training_started', data, modelId: continuing, project: this.project, name: this.runName }
            : { event: 'training_started', data, project: this.project, name: this.runName };
        if (!continuing)
            await onRegistering();
        const reply = await this.http
            .json({
            method: 'POST',
            url: `${this.webhooks}/training/metrics`,
            headers: this.headers(),
            body,
            what: continuing ? `training_started (continuing model ${continuing})` : `training_started for ${this.project}/${this.runName}`,
            idempotent: continuing !== undefined,
        })
            .catch((err) => {
            if (err instanceof transport_errors/* HttpError */.j$ && (err.status === 401 || err.status === 403)) {
                throw new transport_errors/* HttpError */.j$({
                    what: err.what,
                    detail: `${err.detail}. Ultralytics Platform rejected the API key; nothing was sent. Check the \`api-key\` secret (ul_…, from https://platform.ultralytics.com/settings) and that it may write to project ${this.project}.`,
                    status: err.status,
                    permanent: true,
                    ambiguous: false,
                });
            }
            throw err;
        });
        const answer = reply.body ?? {};
        if (!answer.modelId) {
            throw new Error(`training_started: Platform answered without a modelId (HTTP ${reply.status}); the run was not registered.`);
        }
        const modelId = (0,server_text/* serverId */.Lu)(answer.modelId, server_text/* PLATFORM_ID */.Ag, 'training_started: the modelId', 'a Platform model id (8-64 letters, digits, _ or -)');
        const runId = answer.runId === undefined || answer.runId === null
            ? undefined
            : (0,server_text/* serverId */.Lu)(answer.runId, server_text/* PLATFORM_ID */.Ag, 'training_started: the runId', 'a Platform run id (8-64 letters, digits, _ or -)');
        this.modelId = modelId;
        this.runId = runId;
        const answered = answer.modelSlug ?? this.runName;
        const slug = typeof answered === 'string' && server_text/* SLUG */.OZ.test(answered) ? answered : this.runName;
        if (slug !== answered) {
            this.log.warning(`Platform answered training_started with a modelSlug that is not a slug (${(0,server_text/* describeServerValue */.Yv)(answered)}); the model URL uses the name ${this.runName} instead.`);
        }
        if (!continuing && slug !== this.runName) {
            this.log.info(`The name ${this.runName} is taken in ${this.project}: Platform named this run ${slug}.`);
        }
        return {
            modelId,
            modelUrl: this.modelUrl(slug),
            runId,
            created: !continuing,
            cancelled: answer.cancelled === true,
        };
    }
    startedData() {
        const args = this.plan.args?.values ?? {};
        const epochs = typeof args.epochs === 'number' ? args.epochs : this.plan.metrics.rows.length;
        return {
            trainArgs: this.plan.args ? (0,python_str/* trainArgStrings */.L)(this.plan.args.text) : {},
            epochs,
            device: args.device === null || args.device === undefined ? '' : String(args.device),
            environment: this.environment(),
        };
    }
    /** The machine and CI, the Ultralytics version (a checkpoint's, else the log banner's) and the training's command line. */
    environment() {
        const version = this.plan.version ?? this.fromLog().version;
        const command = trainerCommand(this.env, { live: this.live, workspace: this.inputs.workspace });
        return {
            ...(version ? { ultralyticsVersion: version } : {}),
            ...ciEnvironment(this.env),
            ...(command ? { command: this.log.redact(command) } : {}),
        };
    }
    /** The log's head, read again until it held the banner and the model summary (a live log grows). */
    fromLog() {
        if (this.inputs.logFile && (this.logFacts.version === undefined || this.logFacts.parameters === undefined)) {
            this.logFacts = { ...readTrainLog(this.inputs.logFile, this.inputs.workspace), ...stripUndefined(this.logFacts) };
        }
        return this.logFacts;
    }
    /**
     * Epoch 0's `modelInfo`: parameters and GFLOPs of the trainer's summary line when a log is
     * given, else the parameters counted in a checkpoint; undefined when neither knows.
     */
    modelInfo() {
        const facts = this.fromLog();
        const parameters = facts.parameters ?? this.plan.parameters;
        if (parameters === undefined)
            return undefined;
        return { parameters, ...(facts.parameters !== undefined && facts.gflops !== undefined ? { gflops: facts.gflops } : {}) };
    }
    event(event, data, what) {
        return this.http
            .json({
            method: 'POST',
            url: `${this.webhooks}/training/metrics`,
            headers: this.headers(),
            body: { event, data, modelId: this.modelId },
            what,
        })
            .then((r) => r.body);
    }
    async sendEpochs(rows, live, acked) {
        for (const row of rows) {
            const answer = await this.event('epoch_end', this.epochData(row, live?.system), `epoch_end ${row.epoch}`);
            await acked([row.epoch]);
            if (answer?.cancelled === true)
                return { cancelled: true };
        }
        return { cancelled: false };
    }
    /** `system` is the training machine's load when the sync runs beside the trainer; `{}` after it. */
    epochData(row, system = {}) {
        const i = this.index.get(row.epoch);
        const lrValues = Object.values(row.lr);
        const lr = row.lr['lr/pg0'] ?? row.lr['x/lr0'] ?? lrValues[0] ?? null;
        const data = {
            epoch: row.epoch,
            metrics: { ...row.metrics, lr },
            system,
            fitness: this.plan.fitness[i],
            best_fitness: this.plan.bestSoFar[i],
        };
        if (row.epoch === 0) {
            const info = this.modelInfo();
            if (info)
                data.modelInfo = info;
        }
        return data;
    }
    async sendConsole(chunks, firstChunk, acked) {
        for (let i = 0; i < chunks.length; i++) {
            const id = firstChunk + i;
            const lines = chunks[i];
            await this.event('console_output', { chunkId: id, content: lines.join('\n'), lineCount: lines.length }, `console_output chunk ${id}`);
            await acked(id);
        }
    }
    async upload(file, stored) {
        const what = `${file.name} (${file.role}) for model ${this.modelId}`;
        let target = await this.signedUrl(file);
        let sent;
        try {
            sent = await this.put(file, target.uploadUrl, what);
        }
        catch (err) {
            // A signed URL that expired while we retried is refused with 403: ask for a fresh one, once.
            if (!(err instanceof transport_errors/* HttpError */.j$ && err.status === 403))
                throw err;
            this.log.warning(`The signed upload URL for ${file.name} was refused (${err.message}); asking for a new one.`);
            target = await this.signedUrl(file);
            sent = await this.put(file, target.uploadUrl, what);
        }
        const result = { sha256: sent.sha256, bytes: sent.bytes, ms: sent.ms, serverPath: target.gcsPath };
        await stored(result);
        await this.checkpointSaved(file, target.gcsPath, target.uploadPath ?? null);
        return result;
    }
    async confirmUpload(file, saved) {
        if (!saved.serverPath)
            throw new Error(`${file.name} arrived in an earlier attempt, but where Platform stored it was not recorded.`);
        await this.checkpointSaved(file, saved.serverPath, null);
    }
    checkpointSaved(file, modelPath, uploadPath) {
        return this.event('checkpoint_saved', { modelPath, runId: this.runId, uploadPath }, `checkpoint_saved for ${file.name}`);
    }
    async signedUrl(file) {
        const reply = await this.http.json({
            method: 'POST',
            url: `${this.webhooks}/models/upload`,
            headers: this.headers(),
            body: { filename: file.name, modelId: this.modelId, runId: this.runId },
            what: `signed upload URL for ${file.name}`,
        });
        const { uploadUrl, gcsPath } = reply.body ?? {};
        if (!uploadUrl || !gcsPath) {
            throw new Error(`Platform answered the upload request for ${file.name} without uploadUrl/gcsPath (HTTP ${reply.status}).`);
        }
        // A signed URL is a credential: mask it whole and its query on its own.
        this.log.addSecret(uploadUrl);
        const query = uploadUrl.indexOf('?');
        if (query >= 0)
            this.log.addSecret(uploadUrl.slice(query + 1));
        return { ...reply.body, uploadUrl, gcsPath };
    }
    put(file, url, what) {
        return this.http.upload({
            method: 'PUT',
            url,
            file: file.path,
            contentType: 'application/octet-stream',
            what: `upload of ${what}`,
        });
    }
    async finish(finish) {
        if (finish.status !== 'success') {
            await this.event('training_failed', {
                error: finish.status === 'cancelled' ? 'Training was cancelled' : 'Training failed',
                code: finish.status,
                runId: this.runId,
            }, 'training_failed');
            return;
        }
        const best = this.plan.best;
        const i = best ? this.index.get(best.epoch) : -1;
        const row = i >= 0 ? this.plan.metrics.rows[i] : undefined;
        const metrics = {};
        // The real client sends best.pt's final re-validation: metrics/* and fitness, no losses.
        for (const [k, v] of Object.entries(row?.metrics ?? {})) {
            if (k.startsWith('metrics/'))
                metrics[k] = v;
        }
        metrics.fitness = best?.fitness ?? null;
        const results = {
            metrics,
            bestEpoch: best?.epoch ?? this.plan.finalEpoch,
            bestFitness: best?.fitness ?? null,
        };
        if (finish.finalModel?.serverPath) {
            results.modelPath = finish.finalModel.serverPath;
            results.modelSize = finish.finalModel.bytes;
        }
        await this.event('training_complete', { results, classNames: this.plan.classNames, plots: [], runId: this.runId }, 'training_complete');
    }
    close() {
        this.http.dispose();
    }
}
function stripUndefined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
function stringArg(v) {
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}


/***/ }),

/***/ 8204:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ trainArgStrings),
/* harmony export */   g: () => (/* binding */ str)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _rundir_args_yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3625);
/* harmony import */ var _transport_py_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9963);
/**
 * Training arguments as Python's `str()` spells them (Platform `trainArgs`): `True`, `None`,
 * `0.01`, `1.0`, `[640, 640]`, `{0: 'person'}`. args.yaml is parsed with integers as BigInt so that
 * `1.0` (a float) and `1` (an int) stay apart, and mappings as Maps so that keys keep their types.
 */



/** Reduces local absolute paths (POSIX, `~`, Windows) to base names; others pass through. */
function localToBase(value) {
    return /^(\/|~|[A-Za-z]:[\\/]|\\\\)/.test(value) ? (0,_rundir_args_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .baseName */ .Fl)(value) : value;
}
function repr(value) {
    if (typeof value === 'string')
        return `'${localToBase(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    return str(value);
}
function str(value) {
    if (value === null || value === undefined)
        return 'None';
    if (value === true)
        return 'True';
    if (value === false)
        return 'False';
    if (typeof value === 'bigint')
        return value.toString();
    if (typeof value === 'number')
        return (0,_transport_py_json_js__WEBPACK_IMPORTED_MODULE_2__/* .pyFloatRepr */ .XO)(value);
    if (typeof value === 'string')
        return localToBase(value);
    if (Array.isArray(value))
        return `[${value.map(repr).join(', ')}]`;
    if (value instanceof Map)
        return `{${[...value].map(([k, v]) => `${repr(k)}: ${repr(v)}`).join(', ')}}`;
    if (typeof value === 'object') {
        return `{${Object.entries(value)
            .map(([k, v]) => `${repr(k)}: ${repr(v)}`)
            .join(', ')}}`;
    }
    return String(value);
}
/** Arguments that always hold a local path: only their base name is sent, whatever the path's form. */
const PATH_ARGS = new Set(['data', 'save_dir']);
/**
 * Every argument of an args.yaml text, as `str()` spells it. `data` and `save_dir` go out as base
 * names for every path form (absolute or relative, POSIX or Windows); other values lose only an
 * absolute local path. The runner's layout never leaves the machine.
 */
function trainArgStrings(yamlText) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(yamlText, { intAsBigInt: true, mapAsMap: true });
    const out = {};
    for (const [k, v] of doc instanceof Map ? doc : []) {
        const key = String(k);
        out[key] = PATH_ARGS.has(key) && typeof v === 'string' ? (0,_rundir_args_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .baseName */ .Fl)(v) : str(v);
    }
    return out;
}


/***/ }),

/***/ 6415:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ag: () => (/* binding */ PLATFORM_ID),
/* harmony export */   Lu: () => (/* binding */ serverId),
/* harmony export */   OZ: () => (/* binding */ SLUG),
/* harmony export */   Qp: () => (/* reexport safe */ _inputs_identifier_js__WEBPACK_IMPORTED_MODULE_0__.Qp),
/* harmony export */   Yv: () => (/* binding */ describeServerValue)
/* harmony export */ });
/* harmony import */ var _inputs_identifier_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4968);
/**
 * What a server answers is untrusted text. The identifiers the product keeps, prints and puts in
 * outputs and URLs (`modelId`, `runId`, `modelSlug`, HUB's model id) must match the patterns the
 * protocols give them (PLATFORM-API.md, HUB-API.md, inputs/identifier.ts); anything else is
 * refused with a message that quotes the value only in a short, cleaned form. Every string of a
 * JSON answer is also capped (transport/http.ts) and every log line neutralized (log.ts).
 */

/** Platform's model and run ids: opaque, the shape a user may also give as `model`. */
const PLATFORM_ID = _inputs_identifier_js__WEBPACK_IMPORTED_MODULE_0__/* .OPAQUE_ID */ .ej;
/** A slug as Ultralytics' slugify writes it: a-z, 0-9 and inner `-`, at most 128 characters. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/;

/** How much of a refused value a message shows. */
const SHOWN = 40;
/** A refused server value, described without letting it into the log whole: its length and a clean head. */
function describeServerValue(value) {
    if (typeof value !== 'string')
        return value === undefined ? 'nothing' : `a ${value === null ? 'null' : typeof value}`;
    const head = value.slice(0, SHOWN).replace(/[^\x20-\x7e]/g, '?');
    return `"${head}${value.length > SHOWN ? '…' : ''}" (${value.length} characters)`;
}
/** `value` when it is a string matching `pattern`; otherwise an Error naming `what` and the expected form. */
function serverId(value, pattern, what, expected) {
    if (typeof value === 'string' && pattern.test(value))
        return value;
    throw new Error(`${what} is not ${expected}: the server answered ${describeServerValue(value)}. Refused; check \`api-url\` points at the real server.`);
}


/***/ })

};
