/**
 * Everything a sync needs around the session core, built the same way for the sync after the
 * training and for the live sync beside it: the transport, the backend the inputs chose, and the
 * state file of this target.
 */
import type { Backend } from '../backend/backend.js';
import type { ActionInputs } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import type { RunPlan } from '../rundir/load-run.js';
import { Transport } from '../transport/http.js';
import { Pacer } from '../transport/pacer.js';
import { VERSION } from '../version.js';
import type { SessionContext } from './session.js';
import { StateFile, stateLocation } from './state-file.js';

export interface SessionOptions {
  /** For the watcher, which lives long beside a training and uploads seldom: no hashing thread. */
  live?: boolean;
  /** The rate-limit pacer shared by every run of the process (src/runs/). */
  pacer?: Pacer;
}

/** The pacer that the runs of one process share: one server, one rate budget. */
export function createPacer(log: Log): Pacer {
  return new Pacer({ log, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), now: Date.now });
}

export function createTransport(inputs: ActionInputs, log: Log, opts: SessionOptions = {}): Transport {
  return new Transport({
    pacer: opts.pacer,
    hashInWorker: !opts.live,
    log,
    userAgent: `ultralytics-sync/${VERSION} node/${process.versions.node}`,
    timeoutMs: inputs.requestTimeoutMs,
    retry: { attempts: 8, baseMs: 500, capMs: 30_000, budgetMs: 300_000 },
    stallMs: inputs.stallTimeoutMs,
  });
}

/** Only the chosen backend's module is loaded. */
export async function createBackend(
  inputs: ActionInputs,
  plan: RunPlan,
  transport: Transport,
  log: Log,
  env: NodeJS.ProcessEnv,
  opts: { live?: boolean } = {},
): Promise<Backend> {
  return inputs.backend === 'hub'
    ? new (await import('../backend/hub.js')).HubBackend(transport, inputs, plan, log)
    : new (await import('../backend/platform.js')).PlatformBackend(transport, inputs, plan, log, env, opts.live === true);
}

/** The session for one run: its backend and the state file of the same backend, server and target. */
export async function createSession(
  inputs: ActionInputs,
  plan: RunPlan,
  log: Log,
  env: NodeJS.ProcessEnv,
  opts: SessionOptions = {},
): Promise<SessionContext> {
  const transport = createTransport(inputs, log, opts);
  // Files will go up: the hashing thread starts now, beside the requests that come first.
  if (!inputs.dryRun && (plan.final || plan.checkpoint)) transport.prepareUploads();
  const backend = await createBackend(inputs, plan, transport, log, env, opts);
  const where = stateLocation(plan.runDir, inputs.stateFile, env);
  if (where.fallback && !inputs.dryRun) {
    log.warning(
      (where.why
        ? `The run directory ${plan.runDir} cannot be written (${where.why}): the sync state is kept in ${where.file}. `
        : `The sync state of ${plan.runDir} is read from ${where.file}, where an earlier sync kept it. `) +
        'A re-run on another machine cannot see it and would register a new run; set `state-file` to a place the re-run can read to choose it.',
    );
  }
  const state = StateFile.load(where.file, `${inputs.backend} ${inputs.apiUrl} ${backend.target}`, {
    writable: !inputs.dryRun,
    createDir: where.fallback || inputs.stateFile !== null,
    warn: (m) => log.warning(m),
  });
  return { inputs, plan, backend, state, log };
}
