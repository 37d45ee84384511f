/**
 * Finds the most recent training run below `runs/`: the directory whose results.csv was written
 * last. Covers runs/<name>/, runs/<task>/<name>/ and runs/<project>/<task>/<name>/.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const RESULTS = 'results.csv';
/** Directory levels below runs/ that may hold a results.csv. */
const MAX_DEPTH = 3;

/** Every run directory below runs/ with when its results.csv was last written. Symlinks are not followed. */
export async function listRuns(cwd: string): Promise<{ dir: string; mtimeMs: number }[]> {
  const found: { dir: string; mtimeMs: number }[] = [];
  await walk(resolve(cwd, 'runs'), 0, found);
  return found;
}

/** The absolute path of the newest run directory, or null when there is none. Symlinks are not followed. */
export async function findLatestRun(cwd: string): Promise<string | null> {
  return newestRun(await listRuns(cwd));
}

/** The run of `found` whose results.csv changed last (ties: the greater path), or null. */
export function newestRun(found: { dir: string; mtimeMs: number }[]): string | null {
  let newest: { dir: string; mtimeMs: number } | null = null;
  for (const f of found) {
    if (!newest || f.mtimeMs > newest.mtimeMs || (f.mtimeMs === newest.mtimeMs && f.dir > newest.dir)) newest = f;
  }
  return newest?.dir ?? null;
}

async function walk(dir: string, depth: number, found: { dir: string; mtimeMs: number }[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // missing or unreadable: nothing to find here
  }
  await Promise.all(
    entries.map(async (e) => {
      const path = join(dir, e.name);
      if (depth > 0 && e.isFile() && e.name === RESULTS) {
        const info = await stat(path).catch(() => null);
        if (info) found.push({ dir, mtimeMs: info.mtimeMs });
      } else if (e.isDirectory() && depth < MAX_DEPTH) {
        await walk(path, depth + 1, found);
      }
    }),
  );
}
