/**
 * The post step of watch mode: stop the watcher (it flushes and saves), print its log, then the
 * final sync of the run it followed. Without a watcher (watch was off) there is nothing to do.
 */
import * as fs from 'node:fs';
import type { Host, Outcome } from './main.js';
import { readHandoff, stopWatcher } from './watch/daemon.js';
import { finalSync } from './watch/final-sync.js';

/** How long the watcher may take to send what it holds after being asked to stop. */
const WATCHER_STOP_MS = 30_000;

export interface WatcherState {
  pid?: number;
  logFile?: string;
  handoffFile?: string;
}

export async function runPost(host: Host, watcher: WatcherState): Promise<Outcome> {
  const { log } = host;
  if (!watcher.pid) return { exitCode: 0, outputs: {} }; // watch mode was off: the main step did the sync
  const how = await stopWatcher(watcher.pid, WATCHER_STOP_MS);
  const said = {
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
  if (handoff.stoodAside) {
    log.info(`Another watch step followed ${handoff.runDir}: that step's post sends the rest, this one sends nothing.`);
    return { exitCode: 0, outputs: {} };
  }
  return finalSync(host, handoff.runDir ?? null);
}
