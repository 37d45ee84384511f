/**
 * Runs a command as a child process and measures it from outside: wall time (spawn to exit, taken
 * by this process) and peak RSS (GNU time's `%M`, the child's own maximum resident set). The
 * child's stdout and stderr are kept for parsing.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Peak resident set of the command itself, in KiB; undefined without GNU time. */
  maxRssKiB?: number;
  /** User plus system CPU time of the command (all its threads), in ms; undefined without GNU time. */
  cpuMs?: number;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Measure peak RSS with GNU time (adds ~1 ms to the wall time). */
  rss?: boolean;
}

export const hasGnuTime = (): boolean => existsSync(GNU_TIME);

let serial = 0;

export async function measure(cmd: string, args: string[], opts: RunOptions = {}): Promise<Measured> {
  const rssFile = path.join(os.tmpdir(), `ul-bench-rss-${process.pid}-${++serial}`);
  const withTime = opts.rss === true && hasGnuTime();
  const [file, argv] = withTime ? [GNU_TIME, ['-o', rssFile, '-f', '%M %U %S', cmd, ...args]] : [cmd, args];
  const start = performance.now();
  const child = spawn(file, argv, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c) => resolve(c));
  });
  const wallMs = performance.now() - start;
  let maxRssKiB: number | undefined;
  let cpuMs: number | undefined;
  if (withTime) {
    // GNU time writes "Command exited with non-zero status N" first when the command failed.
    const [rss, user, sys] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    maxRssKiB = rss;
    cpuMs = (user + sys) * 1000;
    rmSync(rssFile, { force: true });
  }
  return { code, stdout, stderr, wallMs, maxRssKiB, cpuMs };
}

/** Throws with the command's output when it did not exit 0. */
export function expectSuccess(m: Measured, what: string): Measured {
  if (m.code === 0) return m;
  const tail = (m.stdout + m.stderr).trim().split('\n').slice(-15).join('\n');
  throw new Error(`${what} exited with ${m.code}:\n${tail}`);
}
