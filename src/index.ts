/**
 * The GitHub Action entry, for main and post alike (action.yml names this file for both), and the
 * watcher process that watch mode starts. No logic here: each phase is a thin host.
 *
 *   main:    the sync after the training, or (watch: true) start the watcher and return, or
 *            (reports) gather a matrix's report files: one summary, one comment, one gate
 *   post:    watch mode only: stop the watcher, send the rest, report the run
 *   watcher: the live sync, detached from the step
 */
import * as core from '@actions/core';
import * as os from 'node:os';
import { fileURLToPath } from 'node:url';
import { actionHost } from './action-host.js';
import { WATCHER_ENV, spawnWatcher } from './watch/daemon.js';

/** Saved by main; the post sees it as STATE_* and knows it is the post. */
export const STATE = {
  post: 'post',
  pid: 'watcher-pid',
  log: 'watcher-log',
  handoff: 'watcher-handoff',
  start: 'watcher-start',
  startedAt: 'watch-started-at',
} as const;

// Each phase loads only its own modules.
if (process.env[WATCHER_ENV]) {
  const { runWatcher } = await import('./watcher.js');
  process.exitCode = await runWatcher(process.env[WATCHER_ENV] as string);
} else if (core.getState(STATE.post)) {
  const { runPost } = await import('./post.js');
  const outcome = await runPost(actionHost(), {
    pid: Number(core.getState(STATE.pid)) || undefined,
    logFile: core.getState(STATE.log),
    handoffFile: core.getState(STATE.handoff),
    startTicks: core.getState(STATE.start) || undefined,
    startedAt: Number(core.getState(STATE.startedAt)) || undefined,
  });
  if (outcome.error) core.setFailed(`ultralytics-sync: ${outcome.error}`);
  process.exitCode = outcome.exitCode;
} else {
  core.saveState(STATE.post, 'true');
  const host = actionHost();
  const watching = /^(true|yes|on|1)$/i.test(core.getInput('watch').trim());
  const { wantsReports } = await import('./inputs/inputs.js');
  const outcome = wantsReports((name) => core.getInput(name))
    ? await (await import('./commands/report.js')).reportCommand(host)
    : watching
    ? await (await import('./watch/start.js')).startWatch(host, (startedAt) => {
        const handle = spawnWatcher(fileURLToPath(import.meta.url), process.env.RUNNER_TEMP || os.tmpdir(), process.env, startedAt);
        core.saveState(STATE.startedAt, String(startedAt));
        core.saveState(STATE.pid, String(handle.pid));
        core.saveState(STATE.log, handle.logFile);
        core.saveState(STATE.handoff, handle.handoffFile);
        if (handle.startTicks) core.saveState(STATE.start, handle.startTicks);
        return handle;
      }).catch((err: unknown) => ({ exitCode: 1, outputs: {}, error: host.log.redact((err as Error).message) }))
    : await (await import('./main.js')).run(host);
  if (outcome.error) core.setFailed(`ultralytics-sync: ${outcome.error}`);
  process.exitCode = outcome.exitCode;
}
