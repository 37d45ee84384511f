/**
 * The watcher as a process of its own, for the action: main starts it and returns, the training
 * runs in later steps, the post stops it. The runner waits for a step's stdout and stderr to close,
 * so the watcher writes to a log file instead and is detached from the step (RUNNER.md). It keeps
 * the step's environment: the key reaches it there, never on its command line or in a file, and the
 * runner's RUNNER_TRACKING_ID still lets the runner reap it if the post never runs.
 *
 * The watcher tells the post where the run is through a small JSON file (no secret in it).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Set in the watcher's environment: the path of its handoff file. */
export const WATCHER_ENV = 'ULTRALYTICS_SYNC_WATCHER';
/** Set in the watcher's environment: when main started it (ms since the epoch). */
export const STARTED_AT_ENV = 'ULTRALYTICS_SYNC_STARTED_AT';

/**
 * The watcher idles beside a training that needs the memory. V8's lite mode (no optimizing
 * compiler) and a 1 MiB young generation keep its peak RSS at about 53 MiB instead of 66 MiB, for
 * the same CPU time (measured over a 30-epoch run: 0.59 s against 0.57 s); its work is I/O.
 * Lite mode cannot run WebAssembly, and V8 says so on stderr ("Warning: disabling flag
 * --expose_wasm due to conflicting flags", the first line of the watcher's log) unless WebAssembly
 * is switched off beside it: `--no-expose-wasm` changes nothing else (the watcher uses none).
 */
export const NODE_FLAGS = ['--max-semi-space-size=1', '--no-expose-wasm', '--lite-mode'];

export interface WatcherHandle {
  pid: number;
  logFile: string;
  handoffFile: string;
  startedAt: number;
  /** The watcher's start time in /proc (clock ticks since boot, as written there); undefined without /proc. */
  startTicks?: string;
}

/** What proves that a pid is still our watcher, saved by main for the post. */
export interface WatcherIdentity {
  /** {@link WatcherHandle.startTicks}. */
  startTicks?: string;
  /** Its handoff file: the value of {@link WATCHER_ENV} in its environment. */
  handoffFile?: string;
}

/** What the watcher tells the post. */
export interface Handoff {
  /** The runs the watcher followed, in order of start. */
  runDirs?: string[];
  /** The watcher ended by itself (not stopped): why. */
  error?: string;
  done?: boolean;
  /** Runs another watcher followed: this one sent nothing for them, and its post does not sync them. */
  aside?: string[];
}

/** Starts `node <entry>` detached, with its output in a log file in `dir`; returns at once. */
export function spawnWatcher(entry: string, dir: string, env: NodeJS.ProcessEnv, startedAt: number): WatcherHandle {
  const id = randomBytes(4).toString('hex');
  const logFile = path.join(dir, `ultralytics-sync-watch-${id}.log`);
  const handoffFile = path.join(dir, `ultralytics-sync-watch-${id}.json`);
  writeHandoff(handoffFile, {});
  const fd = fs.openSync(logFile, 'a');
  try {
    const child = spawn(process.execPath, [...NODE_FLAGS, entry], {
      detached: true,
      stdio: ['ignore', fd, fd],
      env: { ...env, [WATCHER_ENV]: handoffFile, [STARTED_AT_ENV]: String(startedAt) },
    });
    if (child.pid === undefined) throw new Error(`could not start the watcher (${process.execPath} ${entry})`);
    child.unref();
    return { pid: child.pid, logFile, handoffFile, startedAt, startTicks: processStartTicks(child.pid) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether `pid` runs. A zombie (ended, not yet reaped: common in containers without an init) does not. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/s.test(stat);
  } catch {
    return true; // no /proc (macOS, Windows): the signal test decides
  }
}

/**
 * Whether `pid` is still the watcher main started, before anything signals it: a pid is reused
 * once its process ends, and a signal to the wrong process kills something else. Linux: its start
 * time in /proc/<pid>/stat must be the one main saved, and its environment must hold
 * ULTRALYTICS_SYNC_WATCHER=<its handoff file> (an environment we cannot read is not ours: the
 * watcher runs as this user). Without /proc (macOS) nothing can be checked: 'unknown', and the
 * post signals as before.
 */
export function watcherIdentity(pid: number, id: WatcherIdentity): 'ours' | 'not-ours' | 'unknown' {
  const ticks = processStartTicks(pid);
  if (ticks === undefined) return 'unknown'; // no /proc, or the process just ended: the signal finds out
  if (id.startTicks !== undefined && ticks !== id.startTicks) return 'not-ours';
  if (id.handoffFile !== undefined) {
    let environ: Buffer;
    try {
      environ = fs.readFileSync(`/proc/${pid}/environ`);
    } catch {
      return 'not-ours';
    }
    if (!environ.toString('utf8').split('\0').includes(`${WATCHER_ENV}=${id.handoffFile}`)) return 'not-ours';
  }
  return id.startTicks === undefined && id.handoffFile === undefined ? 'unknown' : 'ours';
}

/**
 * Asks the watcher to stop (SIGTERM: it flushes what is pending and saves its state) and waits up
 * to `timeoutMs`; a watcher that does not stop by then is killed. Its state file stays consistent
 * either way: every write is atomic. Before each signal the pid is checked against `id`
 * ({@link watcherIdentity}): a process that is not our watcher any more is never signalled.
 */
export async function stopWatcher(pid: number, timeoutMs: number, id: WatcherIdentity = {}): Promise<'stopped' | 'gone' | 'killed' | 'not-ours'> {
  if (!alive(pid)) return 'gone';
  if (watcherIdentity(pid, id) === 'not-ours') return 'not-ours';
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'gone';
  }
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    if (!alive(pid)) return 'stopped';
  }
  if (watcherIdentity(pid, id) === 'not-ours') return 'stopped'; // it ended and its pid was taken meanwhile
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'stopped';
  }
  return 'killed';
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), as written; undefined when unreadable. */
export function processStartTicks(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return ticks && /^\d+$/.test(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When process `pid` started (ms since the epoch), from /proc on Linux (clock ticks since boot, at
 * the usual 100 per second); undefined elsewhere.
 */
export function processStartMs(pid: number): number | undefined {
  const ticks = processStartTicks(pid);
  if (ticks === undefined) return undefined;
  try {
    const btime = Number(/^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1]);
    return Number.isFinite(btime) ? btime * 1000 + Number(ticks) * 10 : undefined;
  } catch {
    return undefined;
  }
}

export function writeHandoff(file: string, handoff: Handoff): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(handoff) + '\n');
  fs.renameSync(tmp, file);
}

export function readHandoff(file: string): Handoff {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Handoff;
  } catch {
    return {};
  }
}
