export const id = 441;
export const ids = [441];
export const modules = {

/***/ 7441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PlatformBackend: () => (/* binding */ PlatformBackend)
});

// EXTERNAL MODULE: ./build/src/inputs/errors.js
var errors = __webpack_require__(7516);
// EXTERNAL MODULE: ./build/src/transport/errors.js
var transport_errors = __webpack_require__(5460);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./build/src/backend/ci-environment.js
/** The `environment` of a Platform run, from the CI system that runs the sync (never secrets). */

function ciEnvironment(env) {
    const out = {
        os: env.RUNNER_OS || `${external_node_os_.type()} ${external_node_os_.release()}`,
        environment: env.GITHUB_ACTIONS ? 'GitHub Actions' : env.GITLAB_CI ? 'GitLab CI' : env.JENKINS_URL ? 'Jenkins' : env.CI ? 'CI' : 'local',
        cpuCount: external_node_os_.cpus().length,
        totalRamGb: Math.round((external_node_os_.totalmem() / 2 ** 30) * 10) / 10,
    };
    const cpu = external_node_os_.cpus()[0]?.model;
    if (cpu)
        out.cpu = cpu.trim();
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

// EXTERNAL MODULE: ./build/src/backend/python-str.js
var python_str = __webpack_require__(8204);
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
    name = 'platform';
    sendsCheckpoints = false;
    sendsConsole = true;
    liveCheckpoint = 'best.pt';
    project;
    runName;
    modelId;
    runId;
    index = new Map();
    constructor(http, inputs, plan, log, env) {
        this.http = http;
        this.inputs = inputs;
        this.plan = plan;
        this.log = log;
        this.env = env;
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
        this.modelId = answer.modelId;
        this.runId = answer.runId;
        const slug = answer.modelSlug ?? this.runName;
        if (!continuing && slug !== this.runName) {
            this.log.info(`The name ${this.runName} is taken in ${this.project}: Platform named this run ${slug}.`);
        }
        return {
            modelId: answer.modelId,
            modelUrl: this.modelUrl(slug),
            runId: answer.runId,
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
            environment: { ...ciEnvironment(this.env), ...(this.plan.version ? { ultralyticsVersion: this.plan.version } : {}) },
        };
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
        return {
            epoch: row.epoch,
            metrics: { ...row.metrics, lr },
            system,
            fitness: this.plan.fitness[i],
            best_fitness: this.plan.bestSoFar[i],
        };
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
    close() { }
}
function stringArg(v) {
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}


/***/ })

};
