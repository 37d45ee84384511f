/**
 * The one pipeline, shared line for line by the action and the CLI:
 *
 *   inputs → run directory → session (backend → transport) → report
 *
 * A `Host` is all that differs between the two: where inputs come from and where outputs,
 * the summary and the log go.
 */
import { InputError } from './inputs/errors.js';
import { type ActionInputs, type InputSource, getInputs } from './inputs/inputs.js';
import { type Log, oneLine } from './log.js';
import { RunDirError } from './rundir/errors.js';
import { type RunPlan, loadRun } from './rundir/load-run.js';
import { prepareReport, publishReport, withGate } from './report/ci-report.js';
import { buildOutputs } from './report/outputs.js';
import { type SyncResult, syncRun } from './session/session.js';
import { createSession } from './session/setup.js';
import { HttpError } from './transport/errors.js';
import { VERSION } from './version.js';

export interface Host {
  input: InputSource;
  env: NodeJS.ProcessEnv;
  log: Log;
  setOutput(name: string, value: string): void;
  /** Writes the job summary (Markdown with HTML); returns where, or null when there is nowhere to write. */
  writeSummary(markdown: string): Promise<string | null>;
}

export interface Outcome {
  /** 0 success; 1 failed or partial (unless fail-on-error is false). */
  exitCode: number;
  outputs: Record<string, string>;
  error?: string;
}

/**
 * The sync of a run directory. `overrides` replace inputs: the sync after a live one names the run
 * the watcher followed and the status the caller knows.
 */
export async function run(host: Host, overrides: Record<string, string> = {}): Promise<Outcome> {
  const { log } = host;
  const outputs: Record<string, string> = {};
  try {
    const inputs = getInputs((name) => overrides[name] ?? host.input(name), host.env, log);
    log.info(`ultralytics-sync ${VERSION}: backend ${inputs.backend} (${inputs.backendReason}), ${inputs.apiUrl}`);
    const plan = await log.group('Read the run directory', async () => {
      const p = await loadRun(inputs, log);
      describePlan(p, log);
      return p;
    });
    const session = await createSession(inputs, plan, log, host.env);
    const { backend, state } = session;
    const stopOnSignal = onSignal(() => {
      backend.close();
      state.flushSync();
      log.error(`Cancelled: stopped and saved progress in ${state.file}. Re-run the job to send the rest.`);
    });
    let result: SyncResult;
    try {
      result = await syncRun(session);
    } finally {
      stopOnSignal();
    }
    const report = await prepareReport(inputs, plan, log);
    Object.assign(outputs, buildOutputs(result, plan, inputs.backend), report.outputs);
    // One line each: a value (a server's slug in model-url) can never forge another output.
    for (const [k, v] of Object.entries(outputs)) host.setOutput(k, (outputs[k] = oneLine(log.redact(v))));
    if (inputs.summary) {
      // Loaded only when asked for: the chunk stays unread otherwise.
      const { renderSummary } = await import('./report/summary.js');
      await writeSummary(host, log.redact(renderSummary({ result, plan, inputs, report })));
    }
    await publishReport(report, { inputs, plan, result, env: host.env, log });
    return withGate(conclude(result, inputs, outputs, log), report);
  } catch (err) {
    const message = log.redact(errorMessage(err));
    if (!isExpected(err)) log.debug(log.redact((err as Error)?.stack ?? ''));
    return { exitCode: 1, outputs, error: message };
  }
}

/** A summary that cannot be written costs a warning, never the sync that already happened. */
async function writeSummary(host: Host, markdown: string): Promise<void> {
  try {
    const where = await host.writeSummary(markdown);
    if (where) host.log.info(`Job summary written to ${where}`);
  } catch (err) {
    host.log.warning(`The job summary could not be written: ${errorMessage(err)}`);
  }
}

function conclude(result: SyncResult, inputs: ActionInputs, outputs: Record<string, string>, log: Log): Outcome {
  log.info(`Status: ${result.status}. ${result.epochsOnServer} epochs on the server.${result.modelUrl ? ` ${result.modelUrl}` : ''}`);
  if (result.status !== 'partial') return { exitCode: 0, outputs };
  const message = `Sync incomplete: ${result.problems.join('; ')}. Re-run the job to send the rest.`;
  if (!inputs.failOnError) {
    log.warning(`${message} (fail-on-error is false, so the step passes.)`);
    return { exitCode: 0, outputs };
  }
  return { exitCode: 1, outputs, error: log.redact(message) };
}

function describePlan(p: RunPlan, log: Log): void {
  const rows = p.metrics.rows;
  log.info(
    `${p.metrics.path}: ${rows.length} epochs (${p.metrics.era} format, epochs ${rows[0].epoch}-${rows[rows.length - 1].epoch} 0-based)`,
  );
  const n = (v: number | null) => (v === null ? 'n/a' : String(Number(v.toFixed(5))));
  if (p.best) log.info(`Best epoch ${p.best.epoch}: fitness ${n(p.best.fitness)}, ${p.mapColumn ?? 'mAP'} ${n(p.map)}`);
  for (const f of [p.checkpoint, p.final]) if (f) log.info(`${f.role}: ${f.path} (${f.bytes} bytes)`);
}

/** SIGINT/SIGTERM (a cancelled job): stop, save, exit within a moment. Returns the un-register. */
function onSignal(cleanup: () => void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    try {
      cleanup();
    } finally {
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
function isExpected(err: unknown): boolean {
  return err instanceof InputError || err instanceof RunDirError || err instanceof HttpError;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
