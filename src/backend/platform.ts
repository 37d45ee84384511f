/**
 * The Ultralytics Platform backend: the training webhooks of PLATFORM-API.md, spoken so that the
 * backfill looks to Platform exactly like a live run of Ultralytics' own trainer.
 *
 *   W1 training_started → epoch_end × N → console_output → W2 + W3 + checkpoint_saved →
 *   training_complete (or training_failed)
 */
import { InputError } from '../inputs/errors.js';
import type { ActionInputs } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import type { RunPlan } from '../rundir/load-run.js';
import { type TrainLogFacts, readTrainLog } from '../rundir/train-log.js';
import type { EpochRow, WeightFile } from '../rundir/types.js';
import type { SavedState, SavedUpload } from '../session/state-file.js';
import { HttpError } from '../transport/errors.js';
import type { Transport } from '../transport/http.js';
import type { UploadReply } from '../transport/types.js';
import type { Backend, Finish, LiveContext, Registration, Sent } from './backend.js';
import { ciEnvironment } from './ci-environment.js';
import { trainArgStrings } from './python-str.js';
import { PLATFORM_ID, SLUG, describeServerValue, serverId } from './server-text.js';
import { projectSlug, slugify } from './slugify.js';
import { trainerCommand } from './trainer-command.js';

interface W1Answer {
  modelId?: string;
  runId?: string;
  modelSlug?: string;
  cancelled?: boolean;
}

interface W2Answer {
  uploadUrl?: string;
  gcsPath?: string;
  uploadPath?: string | null;
}

export class PlatformBackend implements Backend {
  readonly name = 'platform' as const;
  readonly sendsCheckpoints = false;
  readonly sendsConsole = true;
  readonly liveCheckpoint = 'best.pt';
  readonly project: string;
  readonly runName: string;
  private modelId?: string;
  private runId?: string;
  private readonly index = new Map<number, number>();
  /** What the log's head says (banner, model summary), once it said it. */
  private logFacts: TrainLogFacts = {};

  constructor(
    private readonly http: Transport,
    private readonly inputs: ActionInputs,
    private plan: RunPlan,
    private readonly log: Log,
    private readonly env: NodeJS.ProcessEnv,
    /** Beside a running training (its process may be seen, for `environment.command`). */
    private readonly live = false,
  ) {
    const args = plan.args?.values ?? {};
    const fromModel = inputs.model.kind === 'path' ? inputs.model : null;
    const project = inputs.project ?? fromModel?.project ?? stringArg(args.project);
    if (!project) {
      throw new InputError(
        'project',
        'is not set, and neither the model path nor args.yaml names one. Set `project: <owner>/<project>` (the Platform project to register the run in).',
      );
    }
    this.project = projectSlug(project);
    this.runName = slugify(inputs.name ?? fromModel?.name ?? stringArg(args.name) ?? 'train') || 'train';
    this.usePlan(plan);
  }

  usePlan(plan: RunPlan): void {
    this.plan = plan;
    this.index.clear();
    plan.metrics.rows.forEach((r, i) => this.index.set(r.epoch, i));
  }

  get target(): string {
    return `${this.project}/${this.runName}`;
  }

  private get webhooks(): string {
    return `${this.inputs.apiUrl}/api/webhooks`;
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.inputs.apiKey}` };
  }

  private modelUrl(slug: string): string {
    return `${this.inputs.apiUrl}/${this.project}/${slug}`;
  }

  async inspect(): Promise<string> {
    return (
      `Would register project ${this.project}, name ${this.runName} on ${this.inputs.apiUrl}. ` +
      'Platform has no read-only endpoint for training runs, so the key and project are checked by the first real sync.'
    );
  }

  async open(saved: SavedState, onRegistering: () => Promise<void>): Promise<Registration> {
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
    if (!continuing) await onRegistering();
    const reply = await this.http
      .json<W1Answer>({
        method: 'POST',
        url: `${this.webhooks}/training/metrics`,
        headers: this.headers(),
        body,
        what: continuing ? `training_started (continuing model ${continuing})` : `training_started for ${this.project}/${this.runName}`,
        idempotent: continuing !== undefined,
      })
      .catch((err: unknown) => {
        if (err instanceof HttpError && (err.status === 401 || err.status === 403)) {
          throw new HttpError({
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
    const modelId = serverId(answer.modelId, PLATFORM_ID, 'training_started: the modelId', 'a Platform model id (8-64 letters, digits, _ or -)');
    const runId =
      answer.runId === undefined || answer.runId === null
        ? undefined
        : serverId(answer.runId, PLATFORM_ID, 'training_started: the runId', 'a Platform run id (8-64 letters, digits, _ or -)');
    this.modelId = modelId;
    this.runId = runId;
    const answered: unknown = answer.modelSlug ?? this.runName;
    const slug = typeof answered === 'string' && SLUG.test(answered) ? answered : this.runName;
    if (slug !== answered) {
      this.log.warning(
        `Platform answered training_started with a modelSlug that is not a slug (${describeServerValue(answered)}); the model URL uses the name ${this.runName} instead.`,
      );
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

  private startedData(): Record<string, unknown> {
    const args = this.plan.args?.values ?? {};
    const epochs = typeof args.epochs === 'number' ? args.epochs : this.plan.metrics.rows.length;
    return {
      trainArgs: this.plan.args ? trainArgStrings(this.plan.args.text) : {},
      epochs,
      device: args.device === null || args.device === undefined ? '' : String(args.device),
      environment: this.environment(),
    };
  }

  /** The machine and CI, the Ultralytics version (a checkpoint's, else the log banner's) and the training's command line. */
  private environment(): Record<string, string | number> {
    const version = this.plan.version ?? this.fromLog().version;
    const command = trainerCommand(this.env, { live: this.live, workspace: this.inputs.workspace });
    return {
      ...(version ? { ultralyticsVersion: version } : {}),
      ...ciEnvironment(this.env),
      ...(command ? { command: this.log.redact(command) } : {}),
    };
  }

  /** The log's head, read again until it held the banner and the model summary (a live log grows). */
  private fromLog(): TrainLogFacts {
    if (this.inputs.logFile && (this.logFacts.version === undefined || this.logFacts.parameters === undefined)) {
      this.logFacts = { ...readTrainLog(this.inputs.logFile, this.inputs.workspace), ...stripUndefined(this.logFacts) };
    }
    return this.logFacts;
  }

  /**
   * Epoch 0's `modelInfo`: parameters and GFLOPs of the trainer's summary line when a log is
   * given, else the parameters counted in a checkpoint; undefined when neither knows.
   */
  private modelInfo(): Record<string, number> | undefined {
    const facts = this.fromLog();
    const parameters = facts.parameters ?? this.plan.parameters;
    if (parameters === undefined) return undefined;
    return { parameters, ...(facts.parameters !== undefined && facts.gflops !== undefined ? { gflops: facts.gflops } : {}) };
  }

  private event<T>(event: string, data: unknown, what: string): Promise<T> {
    return this.http
      .json<T>({
        method: 'POST',
        url: `${this.webhooks}/training/metrics`,
        headers: this.headers(),
        body: { event, data, modelId: this.modelId },
        what,
      })
      .then((r) => r.body);
  }

  async sendEpochs(rows: EpochRow[], live: LiveContext | undefined, acked: (epochs: number[]) => Promise<void>): Promise<{ cancelled: boolean }> {
    for (const row of rows) {
      const answer = await this.event<{ cancelled?: boolean } | null>('epoch_end', this.epochData(row, live?.system), `epoch_end ${row.epoch}`);
      await acked([row.epoch]);
      if (answer?.cancelled === true) return { cancelled: true };
    }
    return { cancelled: false };
  }

  /** `system` is the training machine's load when the sync runs beside the trainer; `{}` after it. */
  private epochData(row: EpochRow, system: Record<string, unknown> = {}): Record<string, unknown> {
    const i = this.index.get(row.epoch) as number;
    const lrValues = Object.values(row.lr);
    const lr = row.lr['lr/pg0'] ?? row.lr['x/lr0'] ?? lrValues[0] ?? null;
    const data: Record<string, unknown> = {
      epoch: row.epoch,
      metrics: { ...row.metrics, lr },
      system,
      fitness: this.plan.fitness[i],
      best_fitness: this.plan.bestSoFar[i],
    };
    if (row.epoch === 0) {
      const info = this.modelInfo();
      if (info) data.modelInfo = info;
    }
    return data;
  }

  async sendConsole(chunks: string[][], firstChunk: number, acked: (chunkId: number) => Promise<void>): Promise<void> {
    for (let i = 0; i < chunks.length; i++) {
      const id = firstChunk + i;
      const lines = chunks[i];
      await this.event('console_output', { chunkId: id, content: lines.join('\n'), lineCount: lines.length }, `console_output chunk ${id}`);
      await acked(id);
    }
  }

  async upload(
    file: WeightFile,
    stored: (sent: Sent & { serverPath?: string }) => Promise<void>,
  ): Promise<Sent & { serverPath?: string }> {
    const what = `${file.name} (${file.role}) for model ${this.modelId}`;
    let target = await this.signedUrl(file);
    let sent;
    try {
      sent = await this.put(file, target.uploadUrl, what);
    } catch (err) {
      // A signed URL that expired while we retried is refused with 403: ask for a fresh one, once.
      if (!(err instanceof HttpError && err.status === 403)) throw err;
      this.log.warning(`The signed upload URL for ${file.name} was refused (${err.message}); asking for a new one.`);
      target = await this.signedUrl(file);
      sent = await this.put(file, target.uploadUrl, what);
    }
    const result = { sha256: sent.sha256, bytes: sent.bytes, ms: sent.ms, serverPath: target.gcsPath };
    await stored(result);
    await this.checkpointSaved(file, target.gcsPath, target.uploadPath ?? null);
    return result;
  }

  async confirmUpload(file: WeightFile, saved: SavedUpload): Promise<void> {
    if (!saved.serverPath) throw new Error(`${file.name} arrived in an earlier attempt, but where Platform stored it was not recorded.`);
    await this.checkpointSaved(file, saved.serverPath, null);
  }

  private checkpointSaved(file: WeightFile, modelPath: string, uploadPath: string | null): Promise<unknown> {
    return this.event('checkpoint_saved', { modelPath, runId: this.runId, uploadPath }, `checkpoint_saved for ${file.name}`);
  }

  private async signedUrl(file: WeightFile): Promise<Required<Pick<W2Answer, 'uploadUrl' | 'gcsPath'>> & W2Answer> {
    const reply = await this.http.json<W2Answer>({
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
    if (query >= 0) this.log.addSecret(uploadUrl.slice(query + 1));
    return { ...reply.body, uploadUrl, gcsPath };
  }

  private put(file: WeightFile, url: string, what: string): Promise<UploadReply> {
    return this.http.upload({
      method: 'PUT',
      url,
      file: file.path,
      contentType: 'application/octet-stream',
      what: `upload of ${what}`,
    });
  }

  async finish(finish: Finish): Promise<void> {
    if (finish.status !== 'success') {
      await this.event(
        'training_failed',
        {
          error: finish.status === 'cancelled' ? 'Training was cancelled' : 'Training failed',
          code: finish.status,
          runId: this.runId,
        },
        'training_failed',
      );
      return;
    }
    const best = this.plan.best;
    const i = best ? (this.index.get(best.epoch) as number) : -1;
    const row = i >= 0 ? this.plan.metrics.rows[i] : undefined;
    const metrics: Record<string, number | null> = {};
    // The real client sends best.pt's final re-validation: metrics/* and fitness, no losses.
    for (const [k, v] of Object.entries(row?.metrics ?? {})) {
      if (k.startsWith('metrics/')) metrics[k] = v;
    }
    metrics.fitness = best?.fitness ?? null;
    const results: Record<string, unknown> = {
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

  close(): void {
    this.http.dispose();
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function stringArg(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
