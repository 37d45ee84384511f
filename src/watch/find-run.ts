/**
 * The run directories that trainings create after the watcher started: every directory under the
 * workspace whose args.yaml appeared since then (Ultralytics writes args.yaml before the first
 * epoch). Run directories sit at runs/<task>/<name>, <project>/<name> or deeper; the search keeps
 * to a few levels and skips what cannot hold one (datasets, dependencies, hidden folders), so a
 * poll stays cheap on a workspace with a large dataset.
 *
 * With `run-dir` given, only what it names: a plain directory once its args.yaml exists (at any
 * time: a watcher restarted beside its training), or the directories its patterns match whose
 * args.yaml appeared since the start.
 */
import type { Dirent } from 'node:fs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ActionInputs } from '../inputs/inputs.js';
import { matchDirectories } from '../runs/find-runs.js';
import { signatureOf } from './follow.js';

const ARGS = 'args.yaml';
const MAX_DEPTH = 5;
/** A directory with more entries than this is data (images, labels), not a run's parent. */
const MAX_ENTRIES = 2000;
const SKIP = new Set(['node_modules', 'datasets', 'images', 'labels', 'weights', '__pycache__', 'venv', '.venv']);

/** Every run directory whose args.yaml was written at `sinceMs` or later, oldest first (ties: the shorter path). */
export function findNewRuns(workspace: string, sinceMs: number): string[] {
  const found: { dir: string; mtimeMs: number }[] = [];
  walk(workspace, 0, sinceMs, found);
  found.sort((a, b) => a.mtimeMs - b.mtimeMs || a.dir.length - b.dir.length || (a.dir < b.dir ? -1 : 1));
  return found.map((f) => f.dir);
}

/**
 * File times come from the kernel's coarse clock, which lags Date.now() by up to a tick: an
 * args.yaml written a moment after the watcher started can carry an earlier time.
 */
export const CLOCK_SLACK_MS = 50;

/** The runs the inputs let the watcher follow, as they stand now. */
export async function runsToFollow(inputs: ActionInputs, sinceMs: number): Promise<string[]> {
  if (inputs.runDir) return signatureOf(path.join(inputs.runDir, ARGS)) ? [inputs.runDir] : [];
  if (!inputs.runDirPatterns) return findNewRuns(inputs.workspace, sinceMs);
  const found: { dir: string; mtimeMs: number }[] = [];
  for (const dir of await matchDirectories(inputs.runDirPatterns)) {
    const sig = signatureOf(path.join(dir, ARGS));
    if (sig && sig.mtimeMs >= sinceMs) found.push({ dir, mtimeMs: sig.mtimeMs });
  }
  return found.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.dir < b.dir ? -1 : 1)).map((f) => f.dir);
}

function walk(dir: string, depth: number, sinceMs: number, found: { dir: string; mtimeMs: number }[]): void {
  let entries: Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  if (entries.length > MAX_ENTRIES) return;
  for (const e of entries) {
    if (e.isFile() && e.name === ARGS && depth > 0) {
      try {
        const m = fs.statSync(path.join(dir, e.name)).mtimeMs;
        if (m >= sinceMs) found.push({ dir, mtimeMs: m });
      } catch {
        // gone between readdir and stat
      }
    } else if (e.isDirectory() && depth < MAX_DEPTH && !e.name.startsWith('.') && !SKIP.has(e.name)) {
      walk(path.join(dir, e.name), depth + 1, sinceMs, found);
    }
  }
}
