/**
 * The check, before anything is sent, that every file a sync will send can be read: a file found
 * unreadable at upload time would leave a registered run half sent and open. Opening a file is not
 * enough (a directory opens too), so one byte is read; a FIFO is opened without blocking and refused.
 */
import type { FileHandle } from 'node:fs/promises';
import { RunDirError, errnoCode } from './errors.js';
import { UnsafeFileError, openRegular } from './safe-read.js';

/** Throws a RunDirError naming `file` (`what`: e.g. "weights file") and how to fix it, unless it can be read. */
export async function assertReadable(file: string, what: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await openRegular(file, { what, confine: null });
    await fh.read(Buffer.alloc(1), 0, 1, 0);
  } catch (err) {
    throw cannotRead(file, what, err);
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** An error for a file that could not be read: which file, why in words, and what to do. */
export function cannotRead(file: string, what: string, err: unknown): RunDirError {
  const code = errnoCode(err);
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? "permission denied: make it readable by the user this job runs as (e.g. chmod a+r, or sync as the user that trained)"
      : code === 'ENOENT'
        ? 'it does not exist (a link to nothing, or removed)'
        : code === 'ELOOP'
          ? 'its symbolic links loop'
          : code === 'EISDIR' || err instanceof UnsafeFileError
            ? 'it is not a regular file'
            : (err as Error).message;
  return new RunDirError(`cannot read ${what} ${file}: ${why}.`, { file, cause: err });
}
