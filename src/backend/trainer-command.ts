/**
 * The training's command line, for Platform's `environment.command` (the real client sends
 * `" ".join(sys.argv)`). `run --` knows it: it started it. A live sync beside a training started
 * elsewhere looks for its process once, at registration, in /proc: the `--pid` process when one was
 * given, else a process that runs a YOLO training (`yolo … train`, `ultralytics`, or a Python script
 * named like train*.py in the workspace); one whose working directory is the workspace first, then
 * the oldest (the trainer, not a worker it forked). Unknown (no /proc, no such process): left out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Set by `run --` in the environment it hands the sync (never the training's): the command it ran. */
export const TRAINER_COMMAND_ENV = 'ULTRALYTICS_SYNC_TRAINER_COMMAND';
/** Set by `watch --pid`: the training's process. */
export const TRAINER_PID_ENV = 'ULTRALYTICS_SYNC_TRAINER_PID';

const MAX_COMMAND = 4096;

export function trainerCommand(env: NodeJS.ProcessEnv, opts: { live: boolean; workspace: string; proc?: string; self?: number }): string | undefined {
  const given = env[TRAINER_COMMAND_ENV];
  if (given) return cap(given);
  if (!opts.live) return undefined;
  const proc = opts.proc ?? '/proc';
  const pid = env[TRAINER_PID_ENV];
  if (pid && /^\d+$/.test(pid)) {
    const argv = readArgv(proc, pid);
    return argv && argv.length > 0 ? cap(commandOf(argv)) : undefined;
  }
  return findTraining(proc, opts.workspace, opts.self ?? process.pid);
}

function findTraining(proc: string, workspace: string, self: number): string | undefined {
  let entries: string[];
  try {
    entries = fs.readdirSync(proc).filter((e) => /^\d+$/.test(e) && Number(e) !== self);
  } catch {
    return undefined;
  }
  let best: { argv: string[]; inWorkspace: boolean; start: number } | undefined;
  for (const pid of entries) {
    const argv = readArgv(proc, pid);
    if (!argv) continue;
    const cwd = readCwd(proc, pid);
    const inWorkspace = cwd !== undefined && (cwd === workspace || cwd.startsWith(workspace + path.sep));
    if (!isTraining(argv, inWorkspace)) continue;
    const start = startTicks(proc, pid);
    if (!best || (inWorkspace && !best.inWorkspace) || (inWorkspace === best.inWorkspace && start < best.start)) best = { argv, inWorkspace, start };
  }
  return best ? cap(commandOf(best.argv)) : undefined;
}

/** Whether a command line runs a YOLO training (and is not this tool). */
export function isTraining(argv: string[], inWorkspace: boolean): boolean {
  const words = argv.map((a) => a.toLowerCase());
  if (words.some((w) => w.includes('ultralytics-sync'))) return false;
  const yolo = words.some((w) => /(^|\/)yolo$/.test(w) || /(^|[\s/=])ultralytics\b/.test(w));
  if (yolo) return words.some((w) => w === 'train' || w === 'mode=train' || /\.train\(/.test(w) || /(^|\/)train[^/]*\.py$/.test(w));
  // `python train.py …` in the workspace: a training script of the user's own.
  return inWorkspace && /(^|\/)python[\d.]*$/.test(words[0] ?? '') && words.slice(1).some((w) => /(^|\/)train[^/]*\.py$/.test(w));
}

/**
 * The command as Python's sys.argv spells it: without the interpreter that runs a script (a
 * `yolo` entry point is `python /usr/local/bin/yolo train …` in /proc).
 */
export function commandOf(argv: string[]): string {
  let words = argv;
  if (/(^|\/)python[\d.]*$/.test(words[0] ?? '')) {
    let i = 1;
    while (i < words.length && words[i].startsWith('-') && words[i] !== '-m' && words[i] !== '-c') i++;
    words = words.slice(i);
  }
  return words.join(' ');
}

function cap(command: string): string {
  const flat = command.replace(/[\r\n]+/g, ' ');
  return flat.length > MAX_COMMAND ? `${flat.slice(0, MAX_COMMAND)}…` : flat;
}

function readArgv(proc: string, pid: string): string[] | undefined {
  try {
    const raw = fs.readFileSync(path.join(proc, pid, 'cmdline'), 'utf8');
    const argv = raw.split('\0').filter((a, i, all) => a !== '' || i < all.length - 1);
    return argv.length > 0 ? argv : undefined;
  } catch {
    return undefined;
  }
}

function readCwd(proc: string, pid: string): string | undefined {
  try {
    return fs.readlinkSync(path.join(proc, pid, 'cwd'));
  } catch {
    return undefined;
  }
}

/** The process's start (clock ticks since boot); Infinity when unknown, so a known one wins. */
function startTicks(proc: string, pid: string): number {
  try {
    const stat = fs.readFileSync(path.join(proc, pid, 'stat'), 'utf8');
    const n = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isFinite(n) ? n : Infinity;
  } catch {
    return Infinity;
  }
}
