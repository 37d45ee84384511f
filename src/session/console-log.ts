/**
 * A training log file as Platform console chunks. The live trainer flushes every 5 lines; for a
 * whole file, larger chunks keep the request count (and the rate limit) low.
 *
 * Live, each line goes out stamped with the local time it was read, as the real client's
 * ConsoleLogger stamps what it captures (`datetime.now()`, local time): `[2026-12-02 01:58:11] …`.
 */
import { batches } from '../batches.js';
import { RunDirError } from '../rundir/errors.js';
import { checkRegular, describeReadError, readRegular } from '../rundir/safe-read.js';

const MAX_LINES = 500;
const MAX_BYTES = 64 * 1024;
/** A longer line keeps its head and tail: one line never fills a chunk, nor passes a server's body limit. */
export const MAX_LINE_BYTES = 8 * 1024;

/** The largest log-file read (counted in bytes read): a 300-epoch training writes a few MiB. */
const MAX_LOG_BYTES = 256 * 1024 * 1024;

/** How a log-file is read (safe-read.ts); `confine`: the workspace, which a log-file in it may not leave through a symlink. */
function logRule(confine: string | null) {
  return { what: 'log-file', confine, maxBytes: MAX_LOG_BYTES, fix: "point `log-file` at the training's console log" };
}

/**
 * Refuses, before anything is sent, a log-file that `readLogLines` would refuse: one that leads out
 * of the workspace, is not a regular file, or is over the read cap (an UnsafeFileError). Node's own
 * errors (ENOENT, EACCES) are thrown as they are.
 */
export async function checkLogFile(file: string, confine: string | null = null): Promise<void> {
  await checkRegular(file, logRule(confine));
}

/** `confine`: the workspace; a log-file in it may not lead out of it through a symlink (safe-read.ts). */
export async function readLogLines(file: string, confine: string | null = null): Promise<string[]> {
  let text: string;
  try {
    text = (await readRegular(file, logRule(confine))).toString('utf8');
  } catch (err) {
    if (err instanceof RunDirError) throw err;
    throw new Error(`Cannot read log-file ${file}: ${describeReadError(err)}. Point \`log-file\` at the training's console log.`);
  }
  return logLines(text);
}

/** A log's text as lines. Progress bars rewrite their line with \r: keep what was shown last. */
export function logLines(text: string): string[] {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1))
    .filter((line, i, all) => line !== '' || i < all.length - 1);
}

/**
 * Splits lines into chunks of at most MAX_LINES lines and MAX_BYTES bytes, each line cut to
 * MAX_LINE_BYTES first. The line count stays the same, so the state file's count of sent lines holds.
 */
export function chunkLines(lines: string[]): string[][] {
  return batches(lines.map((line) => capLine(line)), (line) => Buffer.byteLength(line) + 1, MAX_BYTES, MAX_LINES);
}

/** A line over MAX_LINE_BYTES as its head, `… N bytes cut …` and its tail, cut on UTF-8 character boundaries. */
export function capLine(line: string, max = MAX_LINE_BYTES): string {
  if (line.length * 3 <= max) return line; // cannot be over: a UTF-16 unit is at most 3 UTF-8 bytes
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= max) return line;
  const keep = Math.floor((max - 40) / 2);
  let headEnd = keep;
  while (headEnd > 0 && (bytes[headEnd] & 0xc0) === 0x80) headEnd--;
  let tailStart = bytes.length - keep;
  while (tailStart < bytes.length && (bytes[tailStart] & 0xc0) === 0x80) tailStart++;
  const cut = tailStart - headEnd;
  return `${bytes.toString('utf8', 0, headEnd)} … ${cut} bytes cut … ${bytes.toString('utf8', tailStart)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `line` prefixed with `[YYYY-MM-DD HH:MM:SS] ` in local time, as the real client's ConsoleLogger
 * does; a line that already starts with `[20` (stamped by the trainer itself) is left as it is.
 */
export function stampLine(line: string, date: Date): string {
  if (line.startsWith('[20')) return line;
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `[${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}] ${line}`;
}
