/**
 * The post step of watch mode: stop the watcher (it flushes and saves), print its log, then the
 * final sync of the runs it followed. Without a watcher (watch was off) there is nothing to do.
 *
 * A watcher killed before it saw any run (the OOM killer, kill -9) leaves no list: the post then
 * looks for itself, at the `run-dir` input, then at the runs whose args.yaml appeared after main
 * started, so a training the watcher never saw still arrives.
 */
import * as fs from 'node:fs';
import type { Host, Outcome } from './host.js';
import { readHandoff, stopWatcher } from './watch/daemon.js';
import { finalSync, runsWithoutWatcher } from './watch/final-sync.js';

/** How long the watcher may take to send what it holds after being asked to stop. */
const WATCHER_STOP_MS = 30_000;

export interface WatcherState {
  pid?: number;
  logFile?: string;
  handoffFile?: string;
  /** When main started the watcher (ms since the epoch). */
  startedAt?: number;
  /** The watcher's start time in /proc, saved by main: proves the pid is still the watcher. */
  startTicks?: string;
}

export async function runPost(host: Host, watcher: WatcherState): Promise<Outcome> {
  const { log } = host;
  if (!watcher.pid) return { exitCode: 0, outputs: {} }; // watch mode was off: the main step did the sync
  const how = await stopWatcher(watcher.pid, WATCHER_STOP_MS, { startTicks: watcher.startTicks, handoffFile: watcher.handoffFile || undefined });
  const said = {
    'not-ours':
      `Process ${watcher.pid} is no longer the watcher (it ended, and its pid now belongs to another process), so it was not signalled. ` +
      'The watcher had already ended (crashed or killed): the state file it kept lets this step catch up.',
    stopped: 'The watcher stopped and saved its progress.',
    gone: 'The watcher had already ended (crashed or killed): the state file it kept lets this step catch up.',
    killed: `The watcher did not stop within ${WATCHER_STOP_MS / 1000} s and was killed; its state file is intact.`,
  }[how];
  await log.group('Watcher log', async () => {
    const text = watcher.logFile && fs.existsSync(watcher.logFile) ? fs.readFileSync(watcher.logFile, 'utf8') : '';
    // Printed as text: a line that looks like a runner command (`::…`) must not act as one.
    for (const line of text.split('\n')) if (line) log.info(line.startsWith('::') ? ` ${line}` : line);
    log.info(said);
  });
  const handoff = watcher.handoffFile ? readHandoff(watcher.handoffFile) : {};
  if (!handoff.runDirs?.length && handoff.aside?.length) {
    log.info(`Another watch step followed ${handoff.aside.join(', ')}: that step's post sends the rest, this one sends nothing.`);
    return { exitCode: 0, outputs: {} };
  }
  const runDirs = handoff.runDirs?.length ? handoff.runDirs : await runsWithoutWatcher(host, watcher.startedAt, 'it may have been killed before the training wrote one');
  return finalSync(host, runDirs);
}
