/**
 * Finds the weight files of a run and gives each a role: `best.pt` is the final model, `last.pt`
 * the resumable checkpoint, anything else is skipped with a reason. Also hashes a file in constant memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as glob from '@actions/glob';
import type { Log } from '../log.js';
import { tornCheckpoint } from './checkpoint.js';
import { cannotRead } from './readable.js';
import { RunDirError } from './errors.js';
import type { WeightFile, WeightRole } from './types.js';

const BEST = 'best.pt';
const LAST = 'last.pt';
const NARROW = 'narrow `weights:` to one run, e.g. runs/detect/train/weights/*.pt';

export interface Roles {
  final?: WeightFile;
  checkpoint?: WeightFile;
  /** Matched files that are not sent. */
  skipped: string[];
}

/** Expands newline-separated glob patterns (`!` lines exclude) to sorted absolute file paths. */
export async function globWeights(patterns: string): Promise<string[]> {
  const globber = await glob.create(patterns, { matchDirectories: false });
  const files = await globber.glob();
  return [...new Set(files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * `final`: the run is finished, so best.pt is the final model and last.pt the checkpoint; with no
 * best.pt (killed before the first validation) last.pt becomes the final model, as Ultralytics does.
 * Otherwise only last.pt is sent, as the checkpoint.
 */
export async function assignRoles(paths: string[], opts: { final: boolean; log: Log }): Promise<Roles> {
  const { log } = opts;
  const best = paths.filter((p) => basename(p) === BEST);
  const last = paths.filter((p) => basename(p) === LAST);
  const skipped: string[] = [];

  for (const p of paths) {
    const name = basename(p);
    if (name === BEST || name === LAST) continue;
    const why = name.endsWith('.pt')
      ? 'only best.pt (the final model) and last.pt (the checkpoint) are sent'
      : 'not a .pt checkpoint';
    log.warning(`Skipping ${p}: ${why}. To silence this, ${NARROW}`);
    skipped.push(p);
  }

  // A best.pt torn by a kill while saving is no model: treat it as missing (last.pt takes its place).
  if (opts.final && best.length > 0) {
    const torn = await tornReason(single(best, 'final model'));
    if (torn) {
      skipped.push(best[0]);
      const fallback = last.length > 0 && !(await tornReason(single(last, 'final model')));
      log.warning(
        `${best[0]} is torn (${torn}): the training was probably killed while saving it. ` +
          (fallback ? `Uploading ${LAST} as the final model instead.` : `It is not sent, and there is no whole ${LAST} to take its place: sending metrics only.`),
        { file: best[0] },
      );
      if (!fallback) return { skipped };
      return { final: await weightFile(last[0], 'final'), skipped };
    }
  }

  if (opts.final && best.length === 0 && last.length > 0) {
    const only = single(last, 'final model');
    log.warning(
      `${BEST} not found; uploading ${LAST} as the final model (${only}). ` +
        'Training probably stopped before its first validation, or `weights:` does not match best.pt',
    );
    return { final: await weightFile(only, 'final'), skipped };
  }

  const roles: Roles = { skipped };
  if (opts.final && best.length > 0) roles.final = await weightFile(single(best, 'final model'), 'final');
  if (!opts.final) {
    for (const p of best) log.info(`Skipping ${p}: the final model is sent only once training has finished`);
    skipped.push(...best);
  }
  if (last.length > 0) {
    const p = single(last, 'checkpoint');
    const torn = await tornReason(p);
    if (torn) {
      log.warning(`Skipping ${p}: it is torn (${torn}).`, { file: p });
      skipped.push(p);
    } else roles.checkpoint = await weightFile(p, 'checkpoint');
  }
  return roles;
}

/** Why a checkpoint is torn (checkpoint.ts), or null when it is whole; an unreadable file is an error that names it. */
async function tornReason(path: string): Promise<string | null> {
  try {
    return await tornCheckpoint(path);
  } catch (err) {
    throw unreadable(path, err);
  }
}

function unreadable(path: string, err: unknown): RunDirError {
  return cannotRead(path, 'weights file', err);
}

/** SHA-256 of a file, hex, read as a stream. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

function single(paths: string[], role: string): string {
  if (paths.length === 1) return paths[0];
  throw new RunDirError(
    `\`weights\` matched ${paths.length} files for the ${role} (${basename(paths[0])}): ` +
      `${paths.join(', ')}; ${NARROW}`,
    { file: paths[0] },
  );
}

async function weightFile(path: string, role: WeightRole): Promise<WeightFile> {
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new RunDirError(`weights file ${path} is not a regular file (a device, a pipe or a socket), so it is not sent; ${NARROW}`, { file: path });
    }
    return { path, name: basename(path), role, bytes: info.size };
  } catch (err) {
    if (err instanceof RunDirError) throw err;
    throw unreadable(path, err);
  }
}
