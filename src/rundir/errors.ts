/** The one error type of the run-directory reader: a user-facing message that names the file and says how to fix it. */

export interface ErrorSite {
  /** The file the problem is in, for annotations. */
  file?: string;
  /** 1-based line in `file`, when the problem is on one line. */
  line?: number;
  cause?: unknown;
}

export class RunDirError extends Error {
  readonly file?: string;
  readonly line?: number;

  constructor(message: string, site: ErrorSite = {}) {
    super(message, site.cause === undefined ? undefined : { cause: site.cause });
    this.name = 'RunDirError';
    if (site.file !== undefined) this.file = site.file;
    if (site.line !== undefined) this.line = site.line;
  }
}

/** The `code` of a Node.js system error (`ENOENT`, `EISDIR`, …), or undefined. */
export function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
