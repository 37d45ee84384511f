/**
 * The one logger every module writes through. Two sinks share it: the GitHub Actions runner
 * (@actions/core: groups, annotations, masking) and a plain terminal for the CLI.
 *
 * Every message passes through `redact()` first, so a secret registered with `addSecret` never
 * leaves the process, even where the runner's own masking does not apply (the CLI, tests, a
 * self-hosted runner whose log is copied elsewhere).
 */
import * as core from '@actions/core';

export interface Annotation {
  file?: string;
  startLine?: number;
  title?: string;
}

export interface Log {
  info(message: string): void;
  warning(message: string, where?: Annotation): void;
  error(message: string, where?: Annotation): void;
  /** Shown only with ACTIONS_STEP_DEBUG (action) or --verbose (CLI). */
  debug(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Registers a secret: masked by the runner and redacted from everything this process prints. */
  addSecret(secret: string | undefined): void;
  redact(text: string): string;
}

const MIN_SECRET_LENGTH = 6;

/** Holds the secrets and replaces each occurrence (longest first) with `***`. */
export class Redactor {
  private readonly secrets = new Set<string>();
  private ordered: string[] = [];

  add(secret: string | undefined): boolean {
    if (!secret || secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) return false;
    this.secrets.add(secret);
    for (const variant of [encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      if (variant !== secret) this.secrets.add(variant);
    }
    this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
    return true;
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.ordered) out = out.split(s).join('***');
    return out;
  }
}

/** The Actions runner sink. */
export function actionsLog(): Log {
  const r = new Redactor();
  return {
    info: (m) => core.info(r.redact(m)),
    warning: (m, where) => core.warning(r.redact(m), where),
    error: (m, where) => core.error(r.redact(m), where),
    debug: (m) => core.debug(r.redact(m)),
    group: (name, fn) => core.group(r.redact(name), fn),
    addSecret: (s) => {
      if (r.add(s)) core.setSecret(s as string);
    },
    redact: (t) => r.redact(t),
  };
}

/** The terminal sink for the CLI: human text on stderr, so stdout stays free for `--json`. */
export function terminalLog(opts: { verbose: boolean; write?: (line: string) => void }): Log {
  const r = new Redactor();
  const write = opts.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const where = (w?: Annotation) =>
    w?.file ? ` (${w.file}${w.startLine !== undefined ? `:${w.startLine}` : ''})` : '';
  let depth = 0;
  const indent = () => '  '.repeat(depth);
  return {
    info: (m) => write(indent() + r.redact(m)),
    warning: (m, w) => write(`${indent()}warning: ${r.redact(m)}${where(w)}`),
    error: (m, w) => write(`${indent()}error: ${r.redact(m)}${where(w)}`),
    debug: (m) => {
      if (opts.verbose) write(`${indent()}debug: ${r.redact(m)}`);
    },
    group: async (name, fn) => {
      write(`${indent()}== ${r.redact(name)}`);
      depth++;
      try {
        return await fn();
      } finally {
        depth--;
      }
    },
    addSecret: (s) => void r.add(s),
    redact: (t) => r.redact(t),
  };
}

/**
 * Keeps stdout for what the caller prints with the returned writer (the CLI's outputs, the
 * watcher's log). A library that prints there (@actions/glob writes runner commands such as
 * `::debug::…`) goes to the log instead: debug lines as debug, the rest as info.
 */
export function captureStdout(log: Log): (text: string) => void {
  const stdout = process.stdout.write.bind(process.stdout);
  const toLog = (chunk: unknown, ...rest: unknown[]): boolean => {
    for (const line of String(chunk).split('\n')) {
      const debug = /^::debug::(.*)$/.exec(line);
      if (debug) log.debug(debug[1]);
      else if (line.trim()) log.info(line);
    }
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
  process.stdout.write = toLog as typeof process.stdout.write;
  return (text) => void stdout(text);
}
