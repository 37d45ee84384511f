/**
 * The one way the product reads a file it is given or finds in a run directory: args.yaml,
 * results.csv, the log file, the baseline, a dataset YAML, a checkpoint's metadata.
 *
 *   - The weights' real-path rule, for every file: a path inside the workspace may not be (or pass
 *     through) a symlink whose target lies outside it. A path the user gives outside the workspace
 *     is read as given: they meant that file.
 *   - Only a regular file is read: not a directory, a device (`/dev/zero`), a FIFO or a socket. The
 *     file is opened without blocking (a FIFO would wait for a writer), then checked on the open
 *     descriptor, so a swap between the check and the read changes nothing.
 *   - A read stops at the bytes actually read, past `maxBytes`: never trust `stat().size`, which a
 *     device, a growing file or /proc gets wrong.
 *
 * Refusals are UnsafeFileError (a RunDirError: the message names the file and the fix). Other
 * failures (ENOENT, EACCES) are thrown as Node's own errors, so callers keep their handling of a
 * missing file; `describeReadError` words them.
 */
import { type Stats, closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import * as path from 'node:path';
import { RunDirError, errnoCode } from './errors.js';

export interface ReadRule {
  /** What the file is, for messages: `args file`, `metrics file`, `log-file`, `baseline`. */
  what: string;
  /** The workspace: where a path given inside it must really stay. Null: no such check. */
  confine: string | null;
  /** How to fix it, appended to a refusal. */
  fix?: string;
}

export class UnsafeFileError extends RunDirError {
  override name = 'UnsafeFileError';
}

/** Whether `p` is `dir` or lies under it (both absolute). */
export function isWithin(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Refuses a path inside the workspace whose real path leaves it. A path that does not exist yet
 * passes (opening it fails with ENOENT, as the caller expects).
 */
export async function assertConfined(file: string, rule: ReadRule): Promise<void> {
  checkConfined(file, rule);
}

function checkConfined(file: string, rule: ReadRule): void {
  const real = escapesWorkspace(file, rule.confine);
  if (real === null) return;
  throw new UnsafeFileError(
    `${rule.what} ${file} leads outside the workspace (to ${real}) through a symbolic link, so it is not read. ` +
      `Give the real path${rule.fix ? `, or ${rule.fix}` : ''}; a path outside the workspace is read only when you name it yourself.`,
    { file },
  );
}

function notRegular(file: string, info: Stats, rule: ReadRule): UnsafeFileError {
  return new UnsafeFileError(
    `${rule.what} ${file} is ${kindOf(info)}, not a regular file, so it is not read.${rule.fix ? ` ${capital(rule.fix)}.` : ''}`,
    { file },
  );
}

/** Never waits for a writer: a FIFO opened so is told from its descriptor and refused. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The real path of `file` when it lies in `workspace` but its real path does not; else null. */
export function escapesWorkspace(file: string, workspace: string | null): string | null {
  if (workspace === null) return null;
  const given = path.resolve(file);
  if (!isWithin(given, path.resolve(workspace))) return null;
  try {
    const real = realpathSync(given);
    return isWithin(real, realpathSync(workspace)) ? null : real;
  } catch {
    return null;
  }
}

/** Opens `file` for reading once it passes the rules; the caller closes the handle. */
export async function openRegular(file: string, rule: ReadRule): Promise<FileHandle> {
  checkConfined(file, rule);
  const handle = await open(file, READ_FLAGS);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notRegular(file, info, rule);
    return handle;
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** The whole file, once it passes the rules; more than `maxBytes` bytes actually read is an UnsafeFileError. */
export async function readRegular(file: string, rule: ReadRule & { maxBytes: number }): Promise<Buffer> {
  const handle = await openRegular(file, rule);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, rule.maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > rule.maxBytes) throw tooLarge(file, rule);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** openRegular for the reads that must stay synchronous: the same rules; the caller closes the descriptor. */
export function openRegularSync(file: string, rule: ReadRule): number {
  checkConfined(file, rule);
  const fd = openSync(file, READ_FLAGS);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw notRegular(file, info, rule);
    return fd;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/**
 * readRegular for the few reads that must stay synchronous (the state file, read while a session
 * is set up): the same rules, the same errors.
 */
export function readRegularSync(file: string, rule: ReadRule & { maxBytes: number }): Buffer {
  const fd = openRegularSync(file, rule);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, rule.maxBytes + 1 - total));
      const bytesRead = readSync(fd, buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > rule.maxBytes) throw tooLarge(file, rule);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * The rules `readRegular` applies, checked without reading the file: for the up-front check that a
 * file a sync will read later can be read (so a refusal comes before anything is sent). The size
 * cap is checked on the open descriptor's size (a regular file's, so it holds; the read still
 * counts what it actually reads). One byte is read, so a file that opens but cannot be read fails here.
 */
export async function checkRegular(file: string, rule: ReadRule & { maxBytes: number }): Promise<void> {
  const handle = await openRegular(file, rule);
  try {
    if ((await handle.stat()).size > rule.maxBytes) throw tooLarge(file, rule);
    await handle.read(Buffer.alloc(1), 0, 1, 0);
  } finally {
    await handle.close();
  }
}

function tooLarge(file: string, rule: ReadRule & { maxBytes: number }): UnsafeFileError {
  return new UnsafeFileError(
    `${rule.what} ${file} holds more than ${mib(rule.maxBytes)}, far more than such a file ever does, so it is not read.${rule.fix ? ` ${capital(rule.fix)}.` : ''}`,
    { file },
  );
}

/** Node's error for a file in words, with the fix for a permission problem. */
export function describeReadError(err: unknown): string {
  switch (errnoCode(err)) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (make it readable by the user this runs as)';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return (err as Error).message;
  }
}

function kindOf(info: { isDirectory(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isFIFO()) return 'a pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

function mib(bytes: number): string {
  return bytes >= 2 ** 20 ? `${Math.round(bytes / 2 ** 20)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
