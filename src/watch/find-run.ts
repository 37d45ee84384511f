/**
 * The run directory a training creates after the watcher started: the first directory under the
 * workspace whose args.yaml appeared since then (Ultralytics writes args.yaml before the first
 * epoch). Run directories sit at runs/<task>/<name>, <project>/<name> or deeper; the search keeps
 * to a few levels and skips what cannot hold one (datasets, dependencies, hidden folders), so a
 * poll stays cheap on a workspace with a large dataset.
 */
import type { Dirent } from 'node:fs';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ARGS = 'args.yaml';
const MAX_DEPTH = 5;
/** A directory with more entries than this is data (images, labels), not a run's parent. */
const MAX_ENTRIES = 2000;
const SKIP = new Set(['node_modules', 'datasets', 'images', 'labels', 'weights', '__pycache__', 'venv', '.venv']);

/** The newest-first list is short; the first found after `sinceMs` wins, ties to the shorter path. */
export function findNewRun(workspace: string, sinceMs: number): string | null {
  const found: { dir: string; mtimeMs: number }[] = [];
  walk(workspace, 0, sinceMs, found);
  found.sort((a, b) => a.mtimeMs - b.mtimeMs || a.dir.length - b.dir.length);
  return found[0]?.dir ?? null;
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
