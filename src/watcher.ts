/**
 * The watcher process of watch mode (started detached by the action's main): the live sync until
 * the post step asks it to stop (SIGTERM), then one last flush. Its output goes to a log file that
 * the post prints, each line with the time.
 */
import * as core from '@actions/core';
import { getInputs } from './inputs/inputs.js';
import { captureStdout, terminalLog } from './log.js';
import { STARTED_AT_ENV, readHandoff, writeHandoff } from './watch/daemon.js';
import { followTrainings, runDirsOf } from './watch/live.js';

export async function runWatcher(handoffFile: string): Promise<number> {
  const stdout = process.stdout.write.bind(process.stdout);
  const log = terminalLog({
    verbose: process.env.RUNNER_DEBUG === '1' || process.env.ACTIONS_STEP_DEBUG === 'true',
    write: (line) => void stdout(`${new Date().toISOString()} ${line}\n`),
  });
  captureStdout(log); // @actions/core's own lines (::debug::) become plain log lines
  const stop = new AbortController();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop.abort());
  try {
    const inputs = getInputs((name) => core.getInput(name), process.env, log);
    const result = await followTrainings(
      {
        inputs,
        log,
        env: process.env,
        startedAt: Number(process.env[STARTED_AT_ENV]) || Date.now(),
        checkpointIntervalMs: inputs.checkpointIntervalMs,
        onRuns: (runDirs, aside) => writeHandoff(handoffFile, { runDirs, aside }),
      },
      stop.signal,
    );
    writeHandoff(handoffFile, { runDirs: runDirsOf(result), aside: result.aside, done: true });
    for (const r of result.runs) {
      log.info(`Live sync of ${r.runDir} ended: ${r.epochsOnServer} epochs on the server${r.cancelled ? ' (the server cancelled the run)' : ''}.`);
    }
    return 0;
  } catch (err) {
    const message = log.redact((err as Error).message);
    log.error(`The live sync stopped: ${message}. The post step still sends what is missing.`);
    writeHandoff(handoffFile, { ...readHandoff(handoffFile), error: message });
    return 1;
  }
}
