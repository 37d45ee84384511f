export const id = 109;
export const ids = [109];
export const modules = {

/***/ 2109:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HEARTBEAT_MS: () => (/* binding */ HEARTBEAT_MS),
/* harmony export */   HubBackend: () => (/* binding */ HubBackend),
/* harmony export */   loadHubModel: () => (/* binding */ loadHubModel)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _batches_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4257);
/* harmony import */ var _inputs_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7516);
/* harmony import */ var _rundir_args_yaml_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3625);
/* harmony import */ var _transport_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5460);
/* harmony import */ var _transport_py_json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9963);
/* harmony import */ var _python_str_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8204);
/* harmony import */ var _server_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6415);
/**
 * The legacy Ultralytics HUB backend, byte-for-byte as hub-sdk speaks it (HUB-API.md): `x-api-key`,
 * `/v1/auth`, model load or create, batched metrics (JSON text inside JSON), multipart checkpoint
 * uploads, and heartbeats every 300 s with the `agentId` echoed back.
 */








const HEARTBEAT_MS = 300_000;
/** One metrics request carries at most this much JSON; 300 epochs fit in one. */
const METRICS_BATCH_BYTES = 512 * 1024;
const AGENT = 'ultralytics-sync';
/**
 * Reads a HUB model (`GET /v1/models/{id}` with `x-api-key`). A 404 or an empty `data` is an
 * InputError that says to check the model; other failures are the transport's HttpError.
 */
async function loadHubModel(http, inputs, id) {
    try {
        const reply = await http.json({
            method: 'GET',
            url: `${inputs.apiUrl}/v1/models/${id}`,
            headers: { 'x-api-key': inputs.apiKey },
            what: `load HUB model ${id}`,
        });
        const data = reply.body?.data;
        if (data && Object.keys(data).length > 0)
            return data;
    }
    catch (err) {
        if (!(err instanceof _transport_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HttpError */ .j$ && err.status === 404))
            throw err;
    }
    throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('model', `names HUB model ${id}, which does not exist (or this key cannot see it). Check the model URL.`);
}
class HubBackend {
    http;
    inputs;
    plan;
    log;
    name = 'hub';
    sendsCheckpoints = true;
    sendsConsole = false;
    liveCheckpoint = 'last.pt';
    modelId;
    /** The last heartbeat answer's agentId (or the state file's, from the watcher or an earlier attempt). */
    agentId = null;
    /** The agentId the state file holds; a newer one is saved at the next request the session awaits. */
    savedAgentId = null;
    remember;
    timer;
    constructor(http, inputs, plan, log) {
        this.http = http;
        this.inputs = inputs;
        this.plan = plan;
        this.log = log;
    }
    usePlan(plan) {
        this.plan = plan;
    }
    get target() {
        const m = this.inputs.model;
        return m.kind === 'id' ? m.id : `new:${m.kind === 'create' ? m.filename : 'args.model'}`;
    }
    headers() {
        return { 'x-api-key': this.inputs.apiKey };
    }
    url(p) {
        return `${this.inputs.apiUrl}${p}`;
    }
    async checkKey() {
        try {
            const reply = await this.http.json({
                method: 'POST',
                url: this.url('/v1/auth'),
                headers: this.headers(),
                emptyBody: true,
                what: 'HUB key check',
            });
            if (reply.body?.success === true)
                return;
        }
        catch (err) {
            if (!(err instanceof _transport_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HttpError */ .j$ && (err.status === 401 || err.status === 403)))
                throw err;
        }
        throw new _transport_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HttpError */ .j$({
            what: 'HUB key check',
            detail: 'Ultralytics HUB rejected the API key. Check the `api-key` secret (42 characters, from https://hub.ultralytics.com/settings?tab=api+keys); nothing was sent.',
            permanent: true,
            ambiguous: false,
            status: 401,
        });
    }
    async inspect() {
        const id = this.inputs.model.kind === 'id' ? this.inputs.model.id : undefined;
        if (!id)
            return `Would create a new HUB model "${this.createName()}" on ${this.inputs.apiUrl}.`;
        const model = await this.load(id);
        return `HUB model ${id} exists (status ${model.status ?? 'unknown'}).`;
    }
    async open(saved, onRegistering, remember) {
        const id = saved.modelId ?? (this.inputs.model.kind === 'id' ? this.inputs.model.id : undefined);
        this.remember = remember;
        // The agent that beat for this model before (the watcher, an earlier attempt) goes on beating.
        if (saved.modelId && saved.agentId)
            this.agentId = this.savedAgentId = saved.agentId;
        if (id) {
            await this.loadForTraining(id, saved.modelId !== undefined);
            this.modelId = id;
            this.startHeartbeats();
            return { modelId: id, modelUrl: this.modelUrl(id), created: false, cancelled: false };
        }
        await onRegistering();
        const reply = await this.http.json({
            method: 'POST',
            url: this.url('/v1/models'),
            headers: this.headers(),
            body: this.createBody(),
            what: `create HUB model ${this.createName()}`,
            idempotent: false,
        });
        if (!reply.body?.data?.id)
            throw new Error(`create HUB model: HUB answered without a model id (HTTP ${reply.status}).`);
        const newId = (0,_server_text_js__WEBPACK_IMPORTED_MODULE_6__/* .serverId */ .Lu)(reply.body.data.id, _server_text_js__WEBPACK_IMPORTED_MODULE_6__/* .HUB_ID */ .Qp, 'create HUB model: the new model id', 'a HUB model id (20 letters and digits)');
        this.modelId = newId;
        this.startHeartbeats();
        return { modelId: newId, modelUrl: this.modelUrl(newId), created: true, cancelled: false };
    }
    /** Loads a model a training sends to; one already trained is refused, unless this sync is continuing its own. */
    async loadForTraining(id, ours) {
        const model = await this.load(id);
        if (model.status === 'trained' && !ours) {
            throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('model', `names HUB model ${id}, which is already trained: its final weights exist, so a training session cannot send to it. ` +
                'Use a new model (e.g. `model: yolo11n.pt` to create one) or another model id.');
        }
        return model;
    }
    modelUrl(id) {
        return `${this.inputs.webUrl}/models/${id}`;
    }
    load(id) {
        return loadHubModel(this.http, this.inputs, id);
    }
    /** The name a new model gets: the `model` input (yolo11n.pt) or args.yaml's `model`. */
    createName() {
        if (this.inputs.model.kind === 'create')
            return this.inputs.model.filename;
        const fromArgs = this.plan.args?.values.model;
        if (typeof fromArgs === 'string' && fromArgs)
            return (0,_rundir_args_yaml_js__WEBPACK_IMPORTED_MODULE_2__/* .baseName */ .Fl)(fromArgs);
        throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('model', 'is not set and args.yaml has no `model`: give a HUB model URL, or a weights name such as yolo11n.pt to create a model.');
    }
    /** hub-sdk's create-model body; only base names leave the machine, never local paths. */
    createBody() {
        const a = this.plan.args?.values ?? {};
        const filename = this.createName();
        const arch = filename.replace(/\.pt$/, '').replace(/\.ya?ml$/, '');
        const data = typeof a.data === 'string' ? (0,_rundir_args_yaml_js__WEBPACK_IMPORTED_MODULE_2__/* .baseName */ .Fl)(a.data) : a.data ?? null;
        return {
            config: {
                batchSize: a.batch ?? -1,
                epochs: a.epochs ?? 300,
                imageSize: a.imgsz ?? 640,
                patience: a.patience ?? 100,
                device: (0,_python_str_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .g)(a.device ?? ''),
                cache: (0,_python_str_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .g)(a.cache ?? 'ram'),
            },
            dataset: { name: data },
            lineage: { architecture: { name: arch }, parent: filename.endsWith('.pt') ? { name: filename } : {} },
            meta: { name: filename },
        };
    }
    /**
     * The first beat goes at once, and the next request does not wait for its answer: hub-sdk beats
     * from a thread of its own, and only the next beat (300 s later) needs the agentId it returns.
     */
    startHeartbeats() {
        void this.heartbeat();
        this.timer = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
        this.timer.unref();
    }
    /** The beat under way, if any: closing waits for it before the transport goes. */
    beating = null;
    heartbeat() {
        const beat = this.beat().finally(() => {
            if (this.beating === beat)
                this.beating = null;
        });
        this.beating = beat;
        return beat;
    }
    async beat() {
        try {
            const reply = await this.http.json({
                method: 'POST',
                url: this.url(`/v1/agent/heartbeat/models/${this.modelId}`),
                headers: this.headers(),
                body: { agent: AGENT, agentId: this.agentId },
                what: 'heartbeat',
                retry: { attempts: 2 },
            });
            this.agentId = reply.body?.data?.agentId ?? this.agentId;
            await this.saveAgentId();
        }
        catch (err) {
            this.log.warning(`Heartbeat failed (${err.message}); the sync goes on.`);
        }
    }
    /**
     * Saves a newer agentId as soon as a beat's answer brings it (the state file serialises its
     * writes), so that the next sync (the post's, after the watcher) beats on with it even when the
     * answer came after the last epoch.
     */
    async saveAgentId() {
        const agentId = this.agentId;
        if (!this.remember || agentId === null || agentId === this.savedAgentId)
            return;
        this.savedAgentId = agentId;
        await this.remember((s) => {
            s.agentId = agentId;
        });
    }
    async sendEpochs(rows, _live, acked) {
        const texts = rows.map((r) => [String(r.epoch), epochText(r)]);
        // JSON-in-JSON escapes quotes: budget the outer body at 1.2× the inner text.
        for (const batch of (0,_batches_js__WEBPACK_IMPORTED_MODULE_7__/* .batches */ .X)(texts, ([, text]) => text.length * 1.2 + 16, METRICS_BATCH_BYTES)) {
            const epochs = batch.map(([epoch]) => Number(epoch));
            await this.http.json({
                method: 'POST',
                url: this.url(`/v1/models/${this.modelId}`),
                headers: this.headers(),
                body: { metrics: Object.fromEntries(batch), type: 'metrics' },
                what: `metrics for epochs ${epochs[0]}-${epochs[epochs.length - 1]} of model ${this.modelId}`,
            });
            await acked(epochs);
        }
        return { cancelled: false };
    }
    async sendConsole() {
        this.log.warning('`log-file` is sent to Ultralytics Platform only; HUB has no console log. Ignored.');
    }
    async upload(file, stored, at) {
        const epoch = String(at?.epoch ?? this.plan.finalEpoch);
        const final = file.role === 'final';
        const field = final ? 'best.pt' : 'last.pt';
        const isBest = at ? at.isBest : this.plan.best?.epoch === this.plan.finalEpoch;
        const fields = final
            ? [['epoch', epoch], ['type', 'final'], ['map', (0,_transport_py_json_js__WEBPACK_IMPORTED_MODULE_4__/* .pyFloatRepr */ .XO)(this.plan.wireMap)]]
            : [['epoch', epoch], ['type', 'epoch'], ['isBest', isBest ? 'True' : 'False']];
        const sent = await this.http.upload({
            method: 'POST',
            url: this.url(`/v1/models/${this.modelId}/upload`),
            headers: this.headers(),
            file: file.path,
            multipart: { fields, fileField: field, filename: field },
            what: `upload of ${file.name} (${final ? 'final model' : `epoch ${epoch} checkpoint`}) to HUB model ${this.modelId}`,
        });
        if (node_path__WEBPACK_IMPORTED_MODULE_0__.basename(file.path) !== field)
            this.log.info(`${file.name} was sent as ${field}, the name HUB expects for its role.`);
        const result = { sha256: sent.sha256, bytes: sent.bytes, ms: sent.ms };
        await stored(result);
        return result;
    }
    async finish(finish) {
        if (finish.status !== 'success') {
            this.log.info(`HUB has no failed state: the checkpoint was kept so the training can resume (status ${finish.status}).`);
        }
    }
    close() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = undefined;
        // A beat still under way (the first is not awaited) finishes first: hub-sdk's thread would.
        const beating = this.beating;
        if (beating)
            void beating.finally(() => this.http.dispose());
        else
            this.http.dispose();
    }
}
/**
 * An epoch's metrics as the JSON text HUB wants inside the JSON body: what the trainer's
 * `on_fit_epoch_end` builds, the `train/*` losses plus `metrics/*` and `val/*`. The row's metrics
 * already leave out `epoch`, `time` and the learning rates, which results.csv alone carries.
 */
function epochText(row) {
    return (0,_transport_py_json_js__WEBPACK_IMPORTED_MODULE_4__/* .pyJsonDumps */ .dv)(row.metrics);
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


/***/ }),

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


/***/ })

};
