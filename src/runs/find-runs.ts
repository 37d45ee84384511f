/**
 * Which run directories a step syncs. `run-dir` patterns (globs, one per line, `!` to exclude, as
 * actions/upload-artifact's `path`) match directories; every matched directory that holds a
 * results.csv or an args.yaml is a run. Anything else is passed over without a word: a `yolo tune`
 * folder (kept aside for the summary), `predict/`, `val/`, `weights/`.
 *
 * Runs are ordered by when they started: a trainer writes args.yaml first (YOLOv5: opt.yaml) and
 * never again, while results.csv changes until the end. Equal times fall back to the natural order
 * of the names (train, train2, train10).
 */
import * as glob from '@actions/glob';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../inputs/errors.js';
import { Inputs } from '../inputs/inputs.js';
import { isTuneDir } from '../rundir/tune.js';

const RUN_FILES = ['args.yaml', 'opt.yaml', 'results.csv'];

export interface FoundRuns {
  /** Run directories, absolute, in order of start. */
  runs: string[];
  /** `yolo tune` folders among the matches (not runs: their trials are). */
  tuneDirs: string[];
}

/** The run directories that `patterns` match. A pattern set matching no run is an error that says what was matched. */
export async function matchRuns(patterns: string[], workspace: string): Promise<FoundRuns> {
  const dirs = await matchDirectories(patterns);
  const runs = orderByStart(dirs.filter(isRunDir));
  const tuneDirs = (await Promise.all(dirs.map(async (d) => ((await isTuneDir(d)) ? d : null)))).filter((d): d is string => d !== null).sort();
  if (runs.length === 0) {
    const shown = patterns.map((p) => (p.startsWith('!') ? '!' + rel(workspace, p.slice(1)) : rel(workspace, p))).join(', ');
    throw new InputError(
      Inputs.RunDir,
      `(${shown}) matched ${dirs.length === 0 ? 'no directory' : `${dirs.length} director${dirs.length === 1 ? 'y' : 'ies'} but none holding a results.csv or an args.yaml`}. ` +
        'Point it at training save_dirs, e.g. `runs/detect/*` or `archive/**`.',
    );
  }
  return { runs, tuneDirs };
}

/** The directories `patterns` match (symbolic links not followed; a pattern matches itself, not what is below). */
export async function matchDirectories(patterns: string[]): Promise<string[]> {
  const globber = await glob.create(patterns.join('\n'), { matchDirectories: true, implicitDescendants: false, followSymbolicLinks: false });
  return [...new Set(await globber.glob())].filter(isDirectory);
}

/**
 * A directory that a training wrote: it holds a results.csv or an args.yaml (YOLOv5: opt.yaml). A
 * symbolic link counts too (archives kept with git-annex or DVC): the run is then read through the
 * safe reader, which refuses a link out of the workspace and reports the run, never drops it silently.
 */
export function isRunDir(dir: string): boolean {
  return RUN_FILES.some((f) => {
    const s = lstat(path.join(dir, f));
    return s !== null && (s.isFile() || s.isSymbolicLink());
  });
}

/** When the training of `dir` started, as well as the files tell (ms since the epoch). */
function startOf(dir: string): number {
  let first = Infinity;
  for (const f of RUN_FILES) {
    const s = stat(path.join(dir, f));
    if (s?.isFile()) first = Math.min(first, s.mtimeMs);
  }
  return first;
}

const natural = new Intl.Collator('en', { numeric: true });

export function orderByStart(dirs: string[]): string[] {
  const start = new Map(dirs.map((d) => [d, startOf(d)]));
  return [...dirs].sort((a, b) => (start.get(a) as number) - (start.get(b) as number) || natural.compare(a, b));
}

/** The entry itself (a link is not followed); null when it cannot be seen (missing, no permission). */
function lstat(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
}

/** What the entry leads to (a link is followed): only its times are used. */
function stat(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

const isDirectory = (p: string) => lstat(p)?.isDirectory() === true;

export function rel(workspace: string, p: string): string {
  const r = path.relative(workspace, p);
  return r === '' ? '.' : r.startsWith('..') || path.isAbsolute(r) ? p : r;
}
