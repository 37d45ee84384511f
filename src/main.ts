/**
 * The one pipeline, shared line for line by the action and the CLI:
 *
 *   inputs → runs (src/runs/) → per run: run directory → session (backend → transport) → report
 *
 * A `Host` is all that differs between the two: where inputs come from and where outputs,
 * the summary and the log go.
 */
import type { Host, Outcome } from './host.js';
import { InputError } from './inputs/errors.js';
import { getInputs } from './inputs/inputs.js';
import { RunDirError } from './rundir/errors.js';
import { type JobOptions, syncJob } from './runs/job.js';
import { HttpError } from './transport/errors.js';
import { VERSION } from './version.js';

export type { Host, Outcome } from './host.js';

/**
 * The sync after the training (and after a live one): every run the inputs name, or the newest.
 * `overrides` replace inputs; `job` names the runs a live sync followed and how each ended.
 */
export async function run(host: Host, overrides: Record<string, string> = {}, job: JobOptions = {}): Promise<Outcome> {
  const { log } = host;
  try {
    const inputs = getInputs((name) => overrides[name] ?? host.input(name), host.env, log);
    log.info(`ultralytics-sync ${VERSION}: backend ${inputs.backend} (${inputs.backendReason}), ${inputs.apiUrl}`);
    return await syncJob(host, inputs, job);
  } catch (err) {
    const message = log.redact(errorMessage(err));
    if (!isExpected(err)) log.debug(log.redact((err as Error)?.stack ?? ''));
    return { exitCode: 1, outputs: {}, error: message };
  }
}

/** Errors that carry a full user-facing message: a stack trace would add nothing. */
function isExpected(err: unknown): boolean {
  return err instanceof InputError || err instanceof RunDirError || err instanceof HttpError;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
