export const id = 311;
export const ids = [311,109];
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


/***/ }),

/***/ 311:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareHubTraining: () => (/* binding */ prepareHubTraining),
  prepareOutputs: () => (/* reexport */ prepareOutputs)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./build/src/backend/hub.js
var hub = __webpack_require__(2109);
// EXTERNAL MODULE: ./build/src/inputs/errors.js
var errors = __webpack_require__(7516);
// EXTERNAL MODULE: ./build/src/inputs/inputs.js
var inputs_inputs = __webpack_require__(2542);
;// CONCATENATED MODULE: ./build/src/prepare/shell-quote.js
/**
 * `key=value` arguments as one line for a POSIX shell (`yolo train ${{ steps.hub.outputs.train-args }}`).
 * A value that holds anything but plain word characters is single-quoted, and a single quote in it
 * becomes `'\''`: the shell then hands the trainer the value byte for byte, whatever the server
 * put in it (spaces, `$(…)`, backquotes, globs, `~`, newlines).
 */
/** Characters that mean nothing to sh, bash, dash or zsh anywhere in a word. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** `value` as one shell word: as it is when plain, else in single quotes. */
function shellQuote(value) {
    if (PLAIN.test(value))
        return value;
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** `model=… data='my data.yaml' epochs=100`: each pair one word, in the map's order. */
function argString(args) {
    return Object.entries(args)
        .map(([key, value]) => `${key}=${shellQuote(value)}`)
        .join(' ');
}

;// CONCATENATED MODULE: ./build/src/prepare/train-args.js


/** The keys in the order they are printed; anything else from train_args follows. */
const ORDER = ['data', 'epochs', 'imgsz', 'batch', 'patience', 'device', 'cache', 'resume'];
/** The flat config fields and the argument each one is. */
const CONFIG = [
    ['epochs', 'epochs'],
    ['imgsz', 'imgsz'],
    ['batch_size', 'batch'],
    ['patience', 'patience'],
    ['device', 'device'],
    ['cache', 'cache'],
];
/** Arguments the plan decides itself: train_args may not set them. */
const RESERVED = new Set(['model', 'resume', 'mode']);
const ARG_NAME = /^[a-z][a-z0-9_]*$/;
/** A model-data value as an argument value; undefined when it says "not set" (null, '', an object). */
function argValue(v) {
    if (typeof v === 'string')
        return v.trim() === '' ? undefined : v;
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'boolean')
        return v;
    if (Array.isArray(v) && v.length > 0 && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x))) {
        return v;
    }
    return undefined;
}
function isHttpUrl(v) {
    return /^https?:\/\//i.test(v);
}
function train_args_text(v) {
    return typeof v === 'string' ? v.trim() : '';
}
/** Refuses what cannot be trained; otherwise the arguments and where the model file comes from. */
function planTraining(model, id) {
    if (model.status === 'trained') {
        throw new errors/* InputError */.d(inputs_inputs/* Inputs */.G0.Model, `names HUB model ${id}, which is already trained: its final weights exist, so there is nothing to train. ` +
            'Create a new model on HUB (it can reuse this dataset) and pass its URL, or pass another model id.');
    }
    if (model.has_last_weights === true)
        return resumePlan(model, id);
    return freshPlan(model, id);
}
function requireData(data, id) {
    const d = argValue(data);
    if (typeof d === 'string')
        return d;
    throw new errors/* InputError */.d(inputs_inputs/* Inputs */.G0.Model, `names HUB model ${id}, whose dataset is not ready (its \`data\` is empty): HUB may still be processing it. Wait a minute and re-run the job.`);
}
function resumePlan(model, id) {
    const url = train_args_text(model.resume);
    if (!isHttpUrl(url)) {
        throw new errors/* InputError */.d(inputs_inputs/* Inputs */.G0.Model, `names HUB model ${id}, which has last weights to resume from, but its \`resume\` URL ${url ? `(${url.split('?')[0]})` : 'is empty and'} cannot be downloaded over https. ` +
            'Check the model on HUB; to start it over instead, create a new model.');
    }
    return { start: 'resume', model: { download: url, role: 'last' }, values: { data: requireData(model.data, id), resume: true }, skipped: [] };
}
function freshPlan(model, id) {
    const values = {};
    const skipped = [];
    for (const [field, arg] of CONFIG) {
        const v = argValue(model[field]);
        if (v !== undefined)
            values[arg] = v;
    }
    const trainArgs = model.train_args;
    if (trainArgs && typeof trainArgs === 'object' && !Array.isArray(trainArgs)) {
        for (const [rawKey, raw] of Object.entries(trainArgs)) {
            const key = rawKey === 'batch_size' ? 'batch' : rawKey; // the reference's old spelling
            if (RESERVED.has(key))
                skipped.push(`${rawKey} (set from the model's state)`);
            else if (!ARG_NAME.test(key))
                skipped.push(`${JSON.stringify(rawKey)} (not an argument name)`);
            else {
                const v = argValue(raw);
                if (v !== undefined)
                    values[key] = v;
                else if (raw !== null && raw !== '')
                    skipped.push(`${key} (a ${Array.isArray(raw) ? 'list' : typeof raw} value)`);
            }
        }
    }
    values.data = requireData(values.data ?? model.data, id);
    return { start: model.is_pretrained === true ? 'pretrained' : 'architecture', model: modelSource(model, id), values: ordered(values), skipped };
}
function modelSource(model, id) {
    if (model.is_pretrained === true) {
        const weights = train_args_text(model.weights);
        if (isHttpUrl(weights))
            return { download: weights, role: 'parent' };
        // A bare official name (yolo11n.pt): the trainer fetches it itself.
        if (/^[\w.-]+\.pt$/.test(weights))
            return { name: weights };
        throw new errors/* InputError */.d(inputs_inputs/* Inputs */.G0.Model, `names HUB model ${id}, which starts from a pretrained parent, but its parent weights URL (\`weights\`) ${weights ? `(${weights.split('?')[0]}) is not https` : 'is empty'}. Check the model on HUB.`);
    }
    const cfg = train_args_text(model.cfg);
    if (!cfg) {
        throw new errors/* InputError */.d(inputs_inputs/* Inputs */.G0.Model, `names HUB model ${id}, which has neither parent weights nor an architecture (\`cfg\`). Check the model on HUB.`);
    }
    return { name: /\.ya?ml$/i.test(cfg) ? cfg : `${cfg}.yaml` };
}
function ordered(values) {
    const out = {};
    for (const k of ORDER)
        if (k in values)
            out[k] = values[k];
    for (const [k, v] of Object.entries(values))
        if (!(k in out))
            out[k] = v;
    return out;
}
/** A value as the trainer's command line reads it: Python's True/False, lists as [a,b]. */
function cliValue(v) {
    if (typeof v === 'boolean')
        return v ? 'True' : 'False';
    if (Array.isArray(v))
        return `[${v.map(cliValue).join(',')}]`;
    return String(v);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/transport/progress.js
var progress = __webpack_require__(4379);
// EXTERNAL MODULE: ./build/src/transport/http.js + 6 modules
var http = __webpack_require__(2005);
// EXTERNAL MODULE: ./build/src/transport/url-safety.js
var url_safety = __webpack_require__(1917);
;// CONCATENATED MODULE: ./build/src/prepare/weights.js
/**
 * Fetches the weights a training starts from (a HUB model's last weights, or its parent's) into
 * the download directory, so the trainer gets a local path instead of a URL it would fetch on its
 * own, without retries or a checksum. The API key goes only to the HUB API itself: a weights URL
 * elsewhere, or one that carries a signature, gets no key (and is masked in the log).
 */





/** Downloads are long and resumable: more tries, and an hour, as the reference gives checkpoints. */
const DOWNLOAD_RETRY = { attempts: 10, budgetMs: 3_600_000 };
/** Whether `url` is the HUB API itself (its origin, under its root) and carries no credential of its own. */
function sendsApiKey(url, apiUrl) {
    const api = new URL(apiUrl);
    const root = api.pathname.replace(/\/+$/, '');
    return url.origin === api.origin && url.pathname.startsWith(`${root}/v1/`) && !(0,http/* isSignedUrl */.E)(url);
}
/** The file name to save as: the URL's own `*.pt` name, else `<role>.pt`. */
function weightsFileName(url, role) {
    if (role === 'last')
        return 'last.pt';
    let own;
    try {
        own = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    }
    catch {
        return 'parent.pt'; // a malformed %-escape
    }
    return /^[\w.-]+\.pt$/.test(own) && !own.startsWith('.') ? own : 'parent.pt';
}
async function downloadWeights(o) {
    const what = `download of the ${o.role === 'last' ? 'last' : 'parent'} weights of HUB model ${o.modelId}`;
    const url = (0,url_safety/* assertSafeUrl */.jQ)(o.url, what);
    const dir = external_node_path_.join(external_node_path_.resolve(o.downloadDir), `ultralytics-hub-${o.modelId}`);
    try {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    }
    catch (err) {
        throw new Error(`${what}: cannot create ${dir} (${err.code ?? err.message}): check the download directory`);
    }
    const dest = external_node_path_.join(dir, weightsFileName(url, o.role));
    const key = sendsApiKey(url, o.inputs.apiUrl);
    o.log.info(`Downloading ${(0,url_safety/* redactUrl */.BO)(url)}${key ? '' : ' (without the API key)'} to ${dest}`);
    const got = await o.transport.download({
        url: url.href,
        headers: key ? { 'x-api-key': o.inputs.apiKey } : {},
        dest,
        what,
        retry: DOWNLOAD_RETRY,
    });
    const resumed = got.resumedBytes > 0 ? `, ${(0,progress/* formatBytes */.z3)(got.resumedBytes)} kept from a broken try` : '';
    o.log.info(`${external_node_path_.basename(dest)}: ${(0,progress/* formatBytes */.z3)(got.bytes)} in ${(got.ms / 1000).toFixed(1)} s${resumed}, sha256 ${got.sha256}`);
    return { path: dest, sha256: got.sha256, bytes: got.bytes, source: (0,url_safety/* redactUrl */.BO)(url) };
}

;// CONCATENATED MODULE: ./build/src/prepare/outputs.js
/** The outputs only a prepared training sets (a sync after the training does not). */
const PREPARE_OUTPUTS = (/* unused pure expression or super */ null && (['train-args', 'train-args-json', 'weights-path']));
function prepareOutputs(result) {
    return {
        'train-args': result.argString,
        'train-args-json': JSON.stringify(result.values),
        'weights-path': result.weightsPath ?? '',
    };
}

;// CONCATENATED MODULE: ./build/src/prepare/hub-train-args.js
/**
 * Prepares a training from a HUB model, as the reference session does before `model.train()`:
 * load the model, refuse a trained one, fetch the weights it starts from, and give the trainer's
 * arguments (a map, JSON values and a shell line). Watch mode and `ultralytics-sync prepare` call
 * this one function.
 *
 *   inputs → load the model (backend/hub) → plan (train-args) → weights (transport download) → args
 */







async function prepareHubTraining(opts) {
    const { inputs, log } = opts;
    if (inputs.backend !== 'hub') {
        throw new errors/* InputError */.d(inputs_inputs/* Inputs */.G0.Backend, `is ${inputs.backend}: preparing a training from the model's server-side configuration is a HUB feature. Use \`backend: hub\` with a HUB model URL.`);
    }
    if (inputs.model.kind !== 'id') {
        throw new errors/* InputError */.d(inputs_inputs/* Inputs */.G0.Model, 'must name an existing HUB model to prepare its training: https://hub.ultralytics.com/models/<20-character id>, or the id alone.');
    }
    const modelId = inputs.model.id;
    const model = await (0,hub.loadHubModel)(opts.transport, inputs, modelId);
    const plan = planTraining(model, modelId);
    if (plan.skipped.length)
        log.warning(`HUB model ${modelId}: train_args entries left out: ${plan.skipped.join(', ')}.`);
    let weights;
    let modelArg;
    if ('download' in plan.model) {
        weights = await downloadWeights({
            transport: opts.transport,
            log,
            inputs,
            modelId,
            url: plan.model.download,
            role: plan.model.role,
            downloadDir: opts.downloadDir || opts.env.RUNNER_TEMP || external_node_os_.tmpdir(),
        });
        modelArg = weights.path;
    }
    else {
        modelArg = plan.model.name;
    }
    const values = { model: modelArg, ...plan.values };
    const args = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, cliValue(v)]));
    const line = argString(args);
    log.info(`HUB model ${modelId}: ${describeStart(plan.start)}. yolo train ${line}`);
    return { modelId, start: plan.start, args, values, argString: line, weightsPath: weights?.path, weights };
}
function describeStart(start) {
    if (start === 'resume')
        return 'resumes from its last weights';
    if (start === 'pretrained')
        return "trains from its parent's weights";
    return 'trains from its architecture';
}



/***/ })

};
