/**
 * What differs between the action and the CLI, and all that does: where inputs come from, where
 * outputs, the summary and the log go. Every other line of logic is shared.
 */
import type { InputSource } from './inputs/inputs.js';
import { type Log, oneLine } from './log.js';

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

/** A summary that cannot be written costs a warning, never the sync that already happened. */
export async function writeSummary(host: Host, markdown: string): Promise<void> {
  try {
    const where = await host.writeSummary(markdown);
    if (where) host.log.info(`Job summary written to ${where}`);
  } catch (err) {
    host.log.warning(`The job summary could not be written: ${(err as Error).message}`);
  }
}

/**
 * Sets every output, redacted and on one line (a value, such as a server's slug in model-url, can
 * never forge another output); `outputs` keeps what was set.
 */
export function setOutputs(host: Host, outputs: Record<string, string>): void {
  for (const [k, v] of Object.entries(outputs)) host.setOutput(k, (outputs[k] = oneLine(host.log.redact(v))));
}
