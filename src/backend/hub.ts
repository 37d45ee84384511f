/**
 * The legacy Ultralytics HUB backend, byte-for-byte as hub-sdk speaks it (HUB-API.md): `x-api-key`,
 * `/v1/auth`, model load or create, batched metrics (JSON text inside JSON), multipart checkpoint
 * uploads, and heartbeats every 300 s with the `agentId` echoed back.
 */
import * as path from 'node:path';
import { batches } from '../batches.js';
import { InputError } from '../inputs/errors.js';
import type { ActionInputs } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import { baseName } from '../rundir/args-yaml.js';
import type { RunPlan } from '../rundir/load-run.js';
import type { EpochRow, WeightFile } from '../rundir/types.js';
import type { SavedState } from '../session/state-file.js';
import { HttpError } from '../transport/errors.js';
import type { Transport } from '../transport/http.js';
import { pyFloatRepr, pyJsonDumps } from '../transport/py-json.js';
import type { Backend, Finish, LiveContext, Registration, Sent, UploadContext } from './backend.js';
import { str } from './python-str.js';
import { HUB_ID, serverId } from './server-text.js';

export const HEARTBEAT_MS = 300_000;
/** One metrics request carries at most this much JSON; 300 epochs fit in one. */
const METRICS_BATCH_BYTES = 512 * 1024;
const AGENT = 'ultralytics-sync';

/** A model's data as `GET /v1/models/{id}` answers it (HUB-API.md lists the fields the client reads). */
export interface HubModel {
  id?: string;
  status?: string;
  name?: string;
  [k: string]: unknown;
}

/**
 * Reads a HUB model (`GET /v1/models/{id}` with `x-api-key`). A 404 or an empty `data` is an
 * InputError that says to check the model; other failures are the transport's HttpError.
 */
export async function loadHubModel(http: Transport, inputs: Pick<ActionInputs, 'apiUrl' | 'apiKey'>, id: string): Promise<HubModel> {
  try {
    const reply = await http.json<{ data?: HubModel }>({
      method: 'GET',
      url: `${inputs.apiUrl}/v1/models/${id}`,
      headers: { 'x-api-key': inputs.apiKey },
      what: `load HUB model ${id}`,
    });
    const data = reply.body?.data;
    if (data && Object.keys(data).length > 0) return data;
  } catch (err) {
    if (!(err instanceof HttpError && err.status === 404)) throw err;
  }
  throw new InputError('model', `names HUB model ${id}, which does not exist (or this key cannot see it). Check the model URL.`);
}

export class HubBackend implements Backend {
  readonly name = 'hub' as const;
  readonly sendsCheckpoints = true;
  readonly sendsConsole = false;
  readonly liveCheckpoint = 'last.pt';
  private modelId?: string;
  /** The last heartbeat answer's agentId (or the state file's, from the watcher or an earlier attempt). */
  private agentId: string | null = null;
  /** The agentId the state file holds; a newer one is saved at the next request the session awaits. */
  private savedAgentId: string | null = null;
  private remember?: (change: (s: SavedState) => void) => Promise<void>;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly http: Transport,
    private readonly inputs: ActionInputs,
    private plan: RunPlan,
    private readonly log: Log,
  ) {}

  usePlan(plan: RunPlan): void {
    this.plan = plan;
  }

  get target(): string {
    const m = this.inputs.model;
    return m.kind === 'id' ? m.id : `new:${m.kind === 'create' ? m.filename : 'args.model'}`;
  }

  private headers(): Record<string, string> {
    return { 'x-api-key': this.inputs.apiKey };
  }

  private url(p: string): string {
    return `${this.inputs.apiUrl}${p}`;
  }

  async checkKey(): Promise<void> {
    try {
      const reply = await this.http.json<{ success?: boolean }>({
        method: 'POST',
        url: this.url('/v1/auth'),
        headers: this.headers(),
        emptyBody: true,
        what: 'HUB key check',
      });
      if (reply.body?.success === true) return;
    } catch (err) {
      if (!(err instanceof HttpError && (err.status === 401 || err.status === 403))) throw err;
    }
    throw new HttpError({
      what: 'HUB key check',
      detail:
        'Ultralytics HUB rejected the API key. Check the `api-key` secret (42 characters, from https://hub.ultralytics.com/settings?tab=api+keys); nothing was sent.',
      permanent: true,
      ambiguous: false,
      status: 401,
    });
  }

  async inspect(): Promise<string> {
    const id = this.inputs.model.kind === 'id' ? this.inputs.model.id : undefined;
    if (!id) return `Would create a new HUB model "${this.createName()}" on ${this.inputs.apiUrl}.`;
    const model = await this.load(id);
    return `HUB model ${id} exists (status ${model.status ?? 'unknown'}).`;
  }

  async open(saved: SavedState, onRegistering: () => Promise<void>, remember?: (change: (s: SavedState) => void) => Promise<void>): Promise<Registration> {
    const id = saved.modelId ?? (this.inputs.model.kind === 'id' ? this.inputs.model.id : undefined);
    this.remember = remember;
    // The agent that beat for this model before (the watcher, an earlier attempt) goes on beating.
    if (saved.modelId && saved.agentId) this.agentId = this.savedAgentId = saved.agentId;
    if (id) {
      await this.loadForTraining(id, saved.modelId !== undefined);
      this.modelId = id;
      this.startHeartbeats();
      return { modelId: id, modelUrl: this.modelUrl(id), created: false, cancelled: false };
    }
    await onRegistering();
    const reply = await this.http.json<{ data?: { id?: string } }>({
      method: 'POST',
      url: this.url('/v1/models'),
      headers: this.headers(),
      body: this.createBody(),
      what: `create HUB model ${this.createName()}`,
      idempotent: false,
    });
    if (!reply.body?.data?.id) throw new Error(`create HUB model: HUB answered without a model id (HTTP ${reply.status}).`);
    const newId = serverId(reply.body.data.id, HUB_ID, 'create HUB model: the new model id', 'a HUB model id (20 letters and digits)');
    this.modelId = newId;
    this.startHeartbeats();
    return { modelId: newId, modelUrl: this.modelUrl(newId), created: true, cancelled: false };
  }

  /** Loads a model a training sends to; one already trained is refused, unless this sync is continuing its own. */
  private async loadForTraining(id: string, ours: boolean): Promise<HubModel> {
    const model = await this.load(id);
    if (model.status === 'trained' && !ours) {
      throw new InputError(
        'model',
        `names HUB model ${id}, which is already trained: its final weights exist, so a training session cannot send to it. ` +
          'Use a new model (e.g. `model: yolo11n.pt` to create one) or another model id.',
      );
    }
    return model;
  }

  private modelUrl(id: string): string {
    return `${this.inputs.webUrl}/models/${id}`;
  }

  private load(id: string): Promise<HubModel> {
    return loadHubModel(this.http, this.inputs, id);
  }

  /** The name a new model gets: the `model` input (yolo11n.pt) or args.yaml's `model`. */
  private createName(): string {
    if (this.inputs.model.kind === 'create') return this.inputs.model.filename;
    const fromArgs = this.plan.args?.values.model;
    if (typeof fromArgs === 'string' && fromArgs) return baseName(fromArgs);
    throw new InputError(
      'model',
      'is not set and args.yaml has no `model`: give a HUB model URL, or a weights name such as yolo11n.pt to create a model.',
    );
  }

  /** hub-sdk's create-model body; only base names leave the machine, never local paths. */
  private createBody(): Record<string, unknown> {
    const a = this.plan.args?.values ?? {};
    const filename = this.createName();
    const arch = filename.replace(/\.pt$/, '').replace(/\.ya?ml$/, '');
    const data = typeof a.data === 'string' ? baseName(a.data) : a.data ?? null;
    return {
      config: {
        batchSize: a.batch ?? -1,
        epochs: a.epochs ?? 300,
        imageSize: a.imgsz ?? 640,
        patience: a.patience ?? 100,
        device: str(a.device ?? ''),
        cache: str(a.cache ?? 'ram'),
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
  private startHeartbeats(): void {
    void this.heartbeat();
    this.timer = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  /** The beat under way, if any: closing waits for it before the transport goes. */
  private beating: Promise<void> | null = null;

  private heartbeat(): Promise<void> {
    const beat = this.beat().finally(() => {
      if (this.beating === beat) this.beating = null;
    });
    this.beating = beat;
    return beat;
  }

  private async beat(): Promise<void> {
    try {
      const reply = await this.http.json<{ data?: { agentId?: string } }>({
        method: 'POST',
        url: this.url(`/v1/agent/heartbeat/models/${this.modelId}`),
        headers: this.headers(),
        body: { agent: AGENT, agentId: this.agentId },
        what: 'heartbeat',
        retry: { attempts: 2 },
      });
      this.agentId = reply.body?.data?.agentId ?? this.agentId;
      await this.saveAgentId();
    } catch (err) {
      this.log.warning(`Heartbeat failed (${(err as Error).message}); the sync goes on.`);
    }
  }

  /**
   * Saves a newer agentId as soon as a beat's answer brings it (the state file serialises its
   * writes), so that the next sync (the post's, after the watcher) beats on with it even when the
   * answer came after the last epoch.
   */
  private async saveAgentId(): Promise<void> {
    const agentId = this.agentId;
    if (!this.remember || agentId === null || agentId === this.savedAgentId) return;
    this.savedAgentId = agentId;
    await this.remember((s) => {
      s.agentId = agentId;
    });
  }

  async sendEpochs(rows: EpochRow[], _live: LiveContext | undefined, acked: (epochs: number[]) => Promise<void>): Promise<{ cancelled: boolean }> {
    const texts = rows.map((r) => [String(r.epoch), epochText(r)] as const);
    // JSON-in-JSON escapes quotes: budget the outer body at 1.2× the inner text.
    for (const batch of batches(texts, ([, text]) => text.length * 1.2 + 16, METRICS_BATCH_BYTES)) {
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

  async sendConsole(): Promise<void> {
    this.log.warning('`log-file` is sent to Ultralytics Platform only; HUB has no console log. Ignored.');
  }

  async upload(file: WeightFile, stored: (sent: Sent) => Promise<void>, at?: UploadContext): Promise<Sent> {
    const epoch = String(at?.epoch ?? this.plan.finalEpoch);
    const final = file.role === 'final';
    const field = final ? 'best.pt' : 'last.pt';
    const isBest = at ? at.isBest : this.plan.best?.epoch === this.plan.finalEpoch;
    const fields: [string, string][] = final
      ? [['epoch', epoch], ['type', 'final'], ['map', pyFloatRepr(this.plan.wireMap)]]
      : [['epoch', epoch], ['type', 'epoch'], ['isBest', isBest ? 'True' : 'False']];
    const sent = await this.http.upload({
      method: 'POST',
      url: this.url(`/v1/models/${this.modelId}/upload`),
      headers: this.headers(),
      file: file.path,
      multipart: { fields, fileField: field, filename: field },
      what: `upload of ${file.name} (${final ? 'final model' : `epoch ${epoch} checkpoint`}) to HUB model ${this.modelId}`,
    });
    if (path.basename(file.path) !== field) this.log.info(`${file.name} was sent as ${field}, the name HUB expects for its role.`);
    const result = { sha256: sent.sha256, bytes: sent.bytes, ms: sent.ms };
    await stored(result);
    return result;
  }

  async finish(finish: Finish): Promise<void> {
    if (finish.status !== 'success') {
      this.log.info(`HUB has no failed state: the checkpoint was kept so the training can resume (status ${finish.status}).`);
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    // A beat still under way (the first is not awaited) finishes first: hub-sdk's thread would.
    const beating = this.beating;
    if (beating) void beating.finally(() => this.http.dispose());
    else this.http.dispose();
  }
}

/**
 * An epoch's metrics as the JSON text HUB wants inside the JSON body: what the trainer's
 * `on_fit_epoch_end` builds, the `train/*` losses plus `metrics/*` and `val/*`. The row's metrics
 * already leave out `epoch`, `time` and the learning rates, which results.csv alone carries.
 */
function epochText(row: EpochRow): string {
  return pyJsonDumps(row.metrics);
}
