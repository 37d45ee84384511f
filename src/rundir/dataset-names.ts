/**
 * The class names from the dataset YAML that args.yaml's `data` names, for a run whose checkpoints
 * do not hold them (no best.pt yet, or an unreadable one). Only a file readable on this machine is
 * used; anything else gives null, which Platform accepts.
 */
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import type { Log } from '../log.js';
import { RunDirError } from './errors.js';
import { readRegular } from './safe-read.js';
import type { TrainArgs } from './types.js';
import { assertShallowYaml, yamlToJS } from './yaml-safe.js';

/** A dataset YAML is a few KiB (a long `names:` list: tens). */
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * `data` resolved against each of `bases` (a relative path is relative to where the trainer ran).
 * `confine`: the workspace; a path in it that leads out through a symlink is not read (safe-read.ts).
 */
export async function datasetNames(args: TrainArgs | null, bases: string[], log: Log, confine: string | null = null): Promise<string[] | null> {
  const data = args?.values.data;
  if (typeof data !== 'string' || !/\.ya?ml$/i.test(data) || /^[a-z][a-z0-9+.-]*:\/\//i.test(data)) return null;
  const candidates = path.isAbsolute(data) ? [data] : bases.map((b) => path.resolve(b, data));
  for (const file of candidates) {
    let text: string;
    try {
      text = (await readRegular(file, { what: 'dataset YAML', confine, maxBytes: MAX_BYTES })).toString('utf8');
    } catch (err) {
      if (err instanceof RunDirError) {
        log.warning(`${err.message} classNames is sent as null.`, { file });
        return null;
      }
      continue;
    }
    try {
      assertShallowYaml(text, file, 'classNames is sent as null.');
      const doc = parseDocument(text);
      if (doc.errors.length > 0) throw doc.errors[0];
      const names = namesOf(yamlToJS(doc, file, 'classNames is sent as null.'));
      if (names) return names;
      log.debug(`${file} has no usable \`names:\`; classNames is sent as null.`);
    } catch (err) {
      if (err instanceof RunDirError) log.warning(err.message, { file });
      else log.debug(`${file} is not readable YAML (${(err as Error).message}); classNames is sent as null.`);
    }
    return null;
  }
  return null;
}

/** `names:` as a list in index order: a list of strings, or a map 0..n-1 → string. */
export function namesOf(doc: unknown): string[] | null {
  const names = (doc as { names?: unknown } | null)?.names;
  if (Array.isArray(names)) return names.every((n) => typeof n === 'string' || typeof n === 'number') ? names.map(String) : null;
  if (typeof names !== 'object' || names === null) return null;
  const entries = Object.entries(names as Record<string, unknown>);
  const out: string[] = [];
  for (const [k, v] of entries) {
    const i = Number(k);
    if (!Number.isInteger(i) || i < 0 || i >= entries.length || (typeof v !== 'string' && typeof v !== 'number')) return null;
    out[i] = String(v);
  }
  return out.length === entries.length && entries.length > 0 ? out : null;
}
