/**
 * The HUB side of the emulator (HUB-API.md): key check, models, metrics, checkpoint uploads and
 * heartbeats, each checked against the bytes the Python reference client puts on the wire.
 */
import { badEntries, describe, hasMediaType, isLocalPath, isNumOrNull, isObject, parseJson } from './checks.js';
import { drain, header } from './http-io.js';
import { createHubWeights, type CaseOptions, type HubCase, type SeededCase } from './hub-weights.js';
import { randomId } from './ids.js';
import { readMultipart, type Part } from './multipart.js';
import { hubError, json, type Answer, type Exchange, type Plan, type Route } from './routes.js';
import type { EmulatorState, HubModel, HubModelData, HubUpload } from './state.js';

const DOC = 'HUB-API.md';
const ID = '(?<id>[^/]+)';
const MODEL_ID = /^[A-Za-z0-9]{20}$/;
const HUB_KEY = /^[A-Za-z0-9]{42}$/;
const OK = { success: true };

export interface HubOptions {
  /** Accepted keys; default any 42-char key of letters and digits. */
  keys?: string[];
  /** The emulator's own origin, for the weights URLs it serves. */
  origin?: () => string;
}

export interface HubProtocol {
  routes: Route[];
  /** The caller's key if accepted, else the 401 answer (a missing key is also a protocol error). */
  authorize(x: Exchange): { key: string } | { answer: Answer };
  addModel(data?: Partial<HubModelData>): string;
  /** Seeds a model of one of the five kinds a training is prepared from, with its weights served. */
  addCase(kind: HubCase, opts?: CaseOptions): SeededCase;
  /** Forgets the served weights (reset). */
  clear(): void;
}

export function defaultModelData(): HubModelData {
  return {
    status: 'new',
    name: 'yolo11n',
    has_last_weights: false,
    has_best_weights: false,
    is_pretrained: false,
    cfg: 'yolo11n.yaml',
    data: 'coco8.yaml',
    weights: '',
    resume: '',
    train_args: {},
    batch_size: 16,
    epochs: 100,
    imgsz: 640,
    patience: 100,
    device: '',
    cache: 'ram',
  };
}

export function createHub(state: EmulatorState, opts: HubOptions = {}): HubProtocol {
  const models = () => state.hub.models;

  const keyAccepted = (key: string) => (opts.keys ? opts.keys.includes(key) : HUB_KEY.test(key));

  function authorize(x: Exchange): { key: string } | { answer: Answer } {
    const key = header(x.req, 'x-api-key');
    const bearer = /^Bearer\s+(\S+)$/i.exec(header(x.req, 'authorization') ?? '')?.[1];
    if (key === undefined && bearer === undefined) {
      x.flag(`no x-api-key header; ${DOC} sends the key on every request`);
    }
    if (key !== undefined ? keyAccepted(key) : bearer !== undefined) return { key: key ?? (bearer as string) };
    return { answer: hubError(401, 'Invalid API key') };
  }

  function newModel(id: string, data: HubModelData, created: boolean, createBody?: unknown): HubModel {
    const model: HubModel = { id, data, created, metrics: {}, metricsRequests: 0, uploads: [], heartbeats: [], agentId: randomId() };
    if (createBody !== undefined) model.createBody = createBody;
    models()[id] = model;
    return model;
  }

  function addModel(data: Partial<HubModelData> = {}): string {
    const id = randomId();
    newModel(id, { ...defaultModelData(), ...data }, false);
    return id;
  }

  /** The model named in the path, or the 404 answer (a malformed id is also a protocol error). */
  function findModel(x: Exchange): HubModel | Answer {
    const id = x.params.id;
    if (!MODEL_ID.test(id)) x.flag(`model id '${id}' is not 20 letters and digits as ${DOC} describes`);
    return models()[id] ?? hubError(404, `Model ${id} not found`);
  }

  /** The parsed JSON body, or the 400 answer. Also checks the content type. */
  function jsonBody(x: Exchange): { value: unknown } | Answer {
    if (!hasMediaType(header(x.req, 'content-type'), 'application/json')) {
      x.flag(`content-type is ${describe(header(x.req, 'content-type'))}; ${DOC} sends JSON as application/json`);
    }
    const parsed = parseJson(x.text, DOC);
    if (parsed.ok) return { value: parsed.value };
    x.flag(parsed.problem);
    return hubError(400, 'Invalid JSON body');
  }

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: /^\/v1\/auth$/,
      protocol: 'hub',
      body: 'text',
      target: 'hub:auth',
      auth: false,
      prepare: async (x) => {
        if (x.text !== '') x.flag(`the body is not empty; ${DOC} sends none (content-length 0)`);
        else if (header(x.req, 'content-length') !== '0') {
          x.flag(`no content-length: 0 header on the empty body; ${DOC} sends one`);
        }
        const auth = authorize(x);
        return {
          apply: () => {
            state.hub.authChecks++;
            return 'answer' in auth ? auth.answer : json(200, OK);
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/v1/models/${ID}$`),
      protocol: 'hub',
      body: 'text',
      target: 'hub:get-model',
      prepare: async (x) => {
        const model = findModel(x);
        if ('status' in model) return { answer: model };
        return { answer: json(200, { data: { id: model.id, ...model.data } }) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/models$/,
      protocol: 'hub',
      body: 'text',
      target: 'hub:create',
      prepare: async (x) => prepareCreate(x),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/v1/models/${ID}$`),
      protocol: 'hub',
      body: 'text',
      target: 'hub:metrics',
      prepare: async (x) => prepareMetrics(x),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/v1/models/${ID}/metrics$`),
      protocol: 'hub',
      body: 'text',
      target: 'hub:get-metrics',
      prepare: async (x) => {
        const model = findModel(x);
        if ('status' in model) return { answer: model };
        const epochs = Object.keys(model.metrics).map(Number).sort((a, b) => a - b);
        return { answer: json(200, { data: epochs.map((epoch) => ({ epoch, metrics: model.metrics[epoch] })) }) };
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/v1/models/${ID}/upload$`),
      protocol: 'hub',
      body: 'stream',
      target: 'hub:upload',
      prepare: async (x) => prepareUpload(x),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/v1/agent/heartbeat/models/${ID}$`),
      protocol: 'hub',
      body: 'text',
      target: 'hub:heartbeat',
      prepare: async (x) => prepareHeartbeat(x),
    },
  ];

  function prepareCreate(x: Exchange): Plan {
    const body = jsonBody(x);
    if ('status' in body) return { answer: body };
    if (!isObject(body.value)) {
      x.flag(`the body is ${describe(body.value)}; ${DOC} sends an object {config, dataset, lineage, meta}`);
      return { answer: hubError(400, 'Invalid model body') };
    }
    const b = body.value;
    checkCreateBody(x, b);
    return {
      apply: () => {
        const id = randomId();
        newModel(id, dataFromCreateBody(b), true, b);
        return json(200, { data: { id } });
      },
    };
  }

  function prepareMetrics(x: Exchange): Plan {
    const model = findModel(x);
    const body = jsonBody(x);
    if ('status' in body) return { answer: body };
    if ('status' in model) return { answer: model };
    const b = body.value;
    if (!isObject(b) || !isObject(b.metrics)) {
      x.flag(`the body has no metrics object; ${DOC} sends {"metrics": {"<epoch>": "<JSON text>"}, "type": "metrics"}`);
      return { answer: hubError(400, 'Invalid metrics body') };
    }
    if (b.type !== 'metrics') x.flag(`field type is ${describe(b.type)}; ${DOC} sends 'metrics'`);
    const extra = Object.keys(b).filter((k) => k !== 'metrics' && k !== 'type');
    if (extra.length) x.flag(`unexpected field(s) ${extra.join(', ')}; ${DOC} sends only metrics and type`);
    const epochs = checkMetrics(x, b.metrics);
    const foreign = foreignMetricKeys(epochs);
    if (foreign) {
      x.flag(`metrics carry ${foreign}; ${DOC}: the trainer's on_fit_epoch_end sends train/*, metrics/* and val/* only (no learning rates, epoch or time)`);
      return { answer: hubError(400, `Unexpected metric keys: ${foreign}`) };
    }
    return {
      apply: () => {
        Object.assign(model.metrics, epochs);
        model.metricsRequests++;
        if (model.data.status === 'new') model.data.status = 'training';
        return json(200, OK);
      },
    };
  }

  async function prepareUpload(x: Exchange): Promise<Plan> {
    if (header(x.req, 'content-length') === undefined) {
      x.flag(`no content-length header; ${DOC} sends checkpoints with one, never chunked`);
    }
    if (/chunked/i.test(header(x.req, 'transfer-encoding') ?? '')) {
      x.flag(`the body is sent with transfer-encoding: chunked; ${DOC} sends a content-length instead`);
    }
    const model = findModel(x);
    if (!hasMediaType(header(x.req, 'content-type'), 'multipart/form-data')) {
      x.flag(`content-type is ${describe(header(x.req, 'content-type'))}; ${DOC} uploads multipart/form-data`);
      await drain(x.req);
      return { answer: hubError(400, 'Expected multipart/form-data') };
    }
    let parts: Part[];
    try {
      parts = await readMultipart(x.req);
    } catch (e) {
      if (x.clientGone()) throw e;
      x.flag(`the multipart body could not be parsed (${(e as Error).message})`);
      return { answer: hubError(400, 'Malformed multipart body') };
    }
    if ('status' in model) return { answer: model };
    const upload = checkUploadParts(x, parts);
    if (!upload) return { answer: hubError(400, 'Invalid checkpoint upload') };
    return {
      apply: () => {
        model.uploads.push(upload);
        const d = model.data;
        if (upload.type === 'final') {
          Object.assign(d, { status: 'trained', has_best_weights: true, weights: `gs://emulator-hub/${model.id}/best.pt` });
        } else {
          Object.assign(d, { has_last_weights: true, resume: `gs://emulator-hub/${model.id}/last.pt` });
          if (upload.isBest) Object.assign(d, { has_best_weights: true, weights: `gs://emulator-hub/${model.id}/best.pt` });
          if (d.status === 'new') d.status = 'training';
        }
        return json(200, OK);
      },
    };
  }

  function prepareHeartbeat(x: Exchange): Plan {
    const model = findModel(x);
    const body = jsonBody(x);
    if ('status' in body) return { answer: body };
    if ('status' in model) return { answer: model };
    const b = body.value;
    if (!isObject(b) || typeof b.agent !== 'string') {
      x.flag(`field agent is ${describe(isObject(b) ? b.agent : b)}; ${DOC} sends {"agent": "<name>", "agentId": <id or null>}`);
      return { answer: hubError(400, 'Invalid heartbeat body') };
    }
    const agentId = b.agentId;
    if (agentId !== null && typeof agentId !== 'string') {
      x.flag(`field agentId is ${describe(agentId)}; ${DOC} sends a string or null`);
    } else if (typeof agentId === 'string' && agentId !== model.agentId) {
      x.flag(`agentId '${agentId}' is not the one the last heartbeat answer returned ('${model.agentId}')`);
    }
    const agent = b.agent;
    return {
      apply: () => {
        model.heartbeats.push({ agent, agentId: typeof agentId === 'string' ? agentId : null });
        return json(200, { data: { agentId: model.agentId } });
      },
    };
  }

  const weights = createHubWeights(state, addModel, opts.origin ?? (() => 'http://127.0.0.1'));
  routes.push(...weights.routes);
  return { routes, authorize, addModel, addCase: weights.addCase, clear: weights.clear };
}

const CREATE_KEYS = ['config', 'dataset', 'lineage', 'meta'];
const CONFIG_TYPES: Record<string, 'number' | 'string'> = {
  batchSize: 'number',
  epochs: 'number',
  imageSize: 'number',
  patience: 'number',
  device: 'string',
  cache: 'string',
};

function checkCreateBody(x: Exchange, b: Record<string, unknown>): void {
  const extra = Object.keys(b).filter((k) => !CREATE_KEYS.includes(k));
  if (extra.length) x.flag(`unexpected field(s) ${extra.join(', ')}; ${DOC} sends config, dataset, lineage, meta`);
  const config = isObject(b.config) ? b.config : {};
  if (!isObject(b.config)) x.flag(`config is ${describe(b.config)}; ${DOC} sends an object`);
  for (const [key, type] of Object.entries(CONFIG_TYPES)) {
    if (typeof config[key] !== type) x.flag(`config.${key} is ${describe(config[key])}; ${DOC} sends a ${type}`);
  }
  const extraConfig = Object.keys(config).filter((k) => !(k in CONFIG_TYPES));
  if (extraConfig.length) x.flag(`unexpected config field(s) ${extraConfig.join(', ')}`);
  const at = (path: string[]): unknown => path.reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), b);
  for (const path of [['dataset', 'name'], ['lineage', 'architecture', 'name'], ['meta', 'name']]) {
    const v = at(path);
    if (typeof v !== 'string' || v === '') x.flag(`${path.join('.')} is ${describe(v)}; ${DOC} sends a non-empty string`);
  }
  const parent = at(['lineage', 'parent']);
  const parentKeys = isObject(parent) ? Object.keys(parent).join() : undefined;
  const parentOk = parentKeys === '' || (parentKeys === 'name' && typeof (parent as { name: unknown }).name === 'string');
  if (!parentOk) x.flag(`lineage.parent is ${describe(parent)}; ${DOC} sends {} or {"name": "<weights>"}`);
  for (const [path, v] of strings(b)) {
    if (isLocalPath(v)) x.flag(`${path} is the local path '${v}'; send the file name only, a path on this machine means nothing to HUB`);
  }
}

/** Every string value in a JSON value, with its dotted path. */
function strings(v: unknown, path = ''): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((item, i) => strings(item, `${path}[${i}]`));
  if (isObject(v)) return Object.entries(v).flatMap(([k, item]) => strings(item, path ? `${path}.${k}` : k));
  return [];
}

function dataFromCreateBody(b: Record<string, unknown>): HubModelData {
  const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), o);
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);
  const d = defaultModelData();
  const config = isObject(b.config) ? b.config : {};
  return {
    ...d,
    name: str(get(b, 'meta', 'name'), d.name),
    cfg: str(get(b, 'lineage', 'architecture', 'name'), d.cfg),
    data: str(get(b, 'dataset', 'name'), d.data),
    is_pretrained: typeof get(b, 'lineage', 'parent', 'name') === 'string',
    train_args: { ...config },
    batch_size: num(config.batchSize, d.batch_size),
    epochs: num(config.epochs, d.epochs),
    imgsz: num(config.imageSize, d.imgsz),
    patience: num(config.patience, d.patience),
    device: str(config.device, d.device),
    cache: str(config.cache, d.cache),
  };
}

/** Checks `{"<epoch>": "<JSON text>"}` and returns the epochs parsed (leniently, for the state). */
function checkMetrics(x: Exchange, metrics: Record<string, unknown>): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const [epoch, value] of Object.entries(metrics)) {
    if (!/^(0|[1-9]\d*)$/.test(epoch)) x.flag(`metrics key '${epoch}' is not a 0-based epoch number; ${DOC} keys metrics by epoch`);
    let inner: unknown = value;
    if (typeof value === 'string') {
      const parsed = parseJson(value, DOC);
      if (!parsed.ok) {
        x.flag(`epoch ${epoch}: ${parsed.problem.replace('the body', 'the metrics text')}`);
        continue;
      }
      inner = parsed.value;
    } else {
      x.flag(`epoch ${epoch}'s value is ${describe(value)}; ${DOC} sends a string holding JSON text (JSON inside JSON)`);
    }
    if (!isObject(inner)) {
      x.flag(`epoch ${epoch}'s metrics text holds ${describe(inner)}; ${DOC} sends a JSON object`);
      continue;
    }
    const bad = badEntries(inner, isNumOrNull);
    if (bad) x.flag(`epoch ${epoch}: metrics ${bad} are not numbers or null`);
    out[epoch] = inner as Record<string, number | null>;
  }
  return out;
}

/** Keys the real client never sends in an epoch's metrics: learning rates, `epoch`, `time`. Described, or undefined. */
function foreignMetricKeys(epochs: Record<string, Record<string, number | null>>): string | undefined {
  const bad = new Set<string>();
  for (const values of Object.values(epochs)) {
    for (const k of Object.keys(values)) if (/^(lr\/|x\/lr)/.test(k) || k === 'epoch' || k === 'time') bad.add(k);
  }
  return bad.size ? [...bad].slice(0, 5).join(', ') + (bad.size > 5 ? ` and ${bad.size - 5} more` : '') : undefined;
}

const PART_ORDER = { epoch: ['epoch', 'type', 'isBest', '<file>'], final: ['epoch', 'type', 'map', '<file>'] };
const FILE_NAME = { epoch: 'last.pt', final: 'best.pt' };

/** Checks the upload's parts and returns the upload to record, or undefined when it cannot be. */
function checkUploadParts(x: Exchange, parts: Part[]): HubUpload | undefined {
  const fields = new Map<string, string>();
  for (const p of parts) if (p.kind === 'field') fields.set(p.name, p.value);
  const files = parts.filter((p) => p.kind === 'file');
  const type = fields.get('type');
  if (type !== 'epoch' && type !== 'final') {
    x.flag(`field type is ${describe(type)}; ${DOC} sends 'epoch' or 'final'`);
    return undefined;
  }
  if (files.length !== 1) {
    x.flag(`${files.length} file parts; ${DOC} sends exactly one`);
    if (files.length === 0) return undefined;
  }
  const order = parts.map((p) => (p.kind === 'file' ? '<file>' : p.name));
  if (order.join() !== PART_ORDER[type].join()) {
    x.flag(`parts arrive as ${order.join(', ')}; ${DOC} sends ${PART_ORDER[type].join(', ')} for type ${type}`);
  }
  const epochText = fields.get('epoch');
  if (!/^(0|[1-9]\d*)$/.test(epochText ?? '')) x.flag(`field epoch is ${describe(epochText)}; ${DOC} sends an integer`);
  const file = files[0];
  if (file.name !== file.filename) {
    x.flag(`the file part is named '${file.name}' with filename '${file.filename}'; ${DOC} names the part after its filename`);
  }
  if (file.filename !== FILE_NAME[type]) {
    x.flag(`a ${type} upload carries '${file.filename}'; ${DOC} sends ${FILE_NAME[type]} for type ${type}`);
  }
  const { name: field, filename, bytes, sha256 } = file;
  const upload: HubUpload = { type, epoch: Number(epochText), field, filename, bytes, sha256 };
  if (type === 'epoch') {
    const isBest = fields.get('isBest');
    if (isBest !== 'True' && isBest !== 'False') x.flag(`field isBest is ${describe(isBest)}; ${DOC} spells it True or False`);
    upload.isBest = isBest?.toLowerCase() === 'true';
  } else {
    const map = fields.get('map');
    if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(map ?? '')) x.flag(`field map is ${describe(map)}; ${DOC} sends mAP50-95 as a decimal`);
    upload.map = Number(map);
  }
  return upload;
}
