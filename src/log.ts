/**
 * The one logger every module writes through. Two sinks share it: the GitHub Actions runner
 * (@actions/core: groups, annotations, masking) and a plain terminal for the CLI.
 *
 * Every message passes through `redact()` first, so a secret registered with `addSecret` never
 * leaves the process, even where the runner's own masking does not apply (the CLI, tests, a
 * self-hosted runner whose log is copied elsewhere), and through `neutralize()`: text from a server
 * or a training can neither redraw the terminal nor act as a runner command.
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
/** The shortest piece of a secret redacted where a text was cut (a whole secret is redacted at any length). */
const MIN_FRAGMENT_LENGTH = 8;
/** The mark every cut in this product leaves (`quoteReply`, the summary's problems, long console lines). */
const CUT_MARK = '…';

/**
 * Holds the secrets and replaces each occurrence (longest first) with `***`. A text cut before it
 * came here may end in the head of a secret, or go on after a cut mark with its tail: any such
 * piece of at least {@link MIN_FRAGMENT_LENGTH} characters at the end of the text, before a `…`, or
 * after one, is redacted too.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private ordered: string[] = [];
  /** The secrets whose pieces are redacted at cuts: not URLs (a signed URL's head is no secret; its signature is one of its own). */
  private pieced: string[] = [];

  add(secret: string | undefined): boolean {
    if (!secret || secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) return false;
    this.secrets.add(secret);
    for (const variant of [encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      if (variant !== secret) this.secrets.add(variant);
    }
    this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
    this.pieced = this.ordered.filter((s) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && s.length > MIN_FRAGMENT_LENGTH);
    return true;
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.ordered) out = out.split(s).join('***');
    return this.pieced.length === 0 ? out : this.redactCutEnds(out);
  }

  /** Redacts the head of a secret before each cut mark and at the end, and its tail after each cut mark. */
  private redactCutEnds(text: string): string {
    let out = text;
    for (let at = out.length; at >= 0; at = at === 0 ? -1 : out.lastIndexOf(CUT_MARK, at - 1)) {
      // Right after a mark: the tail of a secret (a head-and-tail cut).
      if (out.startsWith(CUT_MARK, at)) {
        const tail = this.longest((s, k) => out.startsWith(s.slice(s.length - k), at + CUT_MARK.length), out.length - at - CUT_MARK.length);
        if (tail > 0) out = `${out.slice(0, at + CUT_MARK.length)}***${out.slice(at + CUT_MARK.length + tail)}`;
      }
      // Right before it (or before the end): the head of a secret.
      const head = this.longest((s, k) => out.slice(at - k, at) === s.slice(0, k), at);
      if (head > 0) {
        out = `${out.slice(0, at - head)}***${out.slice(at)}`;
        at -= head;
      }
    }
    return out;
  }

  /** The longest fragment length k (≥ MIN_FRAGMENT_LENGTH, ≤ room) of any secret for which `fits` holds; 0 when none. */
  private longest(fits: (secret: string, k: number) => boolean, room: number): number {
    let best = 0;
    for (const s of this.pieced) {
      for (let k = Math.min(s.length - 1, room); k >= MIN_FRAGMENT_LENGTH && k > best; k--) {
        if (fits(s, k)) {
          best = k;
          break;
        }
      }
    }
    return best;
  }
}

/**
 * Text fit for the log whoever wrote it (a server's reply, a slug, a watcher's log line): control
 * characters other than newline and tab are dropped (no terminal escapes, no `\r` that redraws a
 * line), and no line can act as a runner command. The runner reads `::command::` at the start of a
 * line after leading blanks and the legacy `##[command]` anywhere in it, so such a line is quoted
 * with `> ` and `##[` gets a space.
 */
export function neutralize(text: string): string {
  let out = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '');
  if (out.includes('##[')) out = out.split('##[').join('## [');
  if (out.includes('::')) out = out.replace(/^(?=[^\S\n]*::)/gm, '> ');
  return out;
}

/** A value for a step output or a CLI `name=value` line: one line, so it cannot forge another output. */
export function oneLine(text: string): string {
  return neutralize(text).replace(/\s*\n\s*/g, ' ');
}

/** The Actions runner sink. */
export function actionsLog(): Log {
  const r = new Redactor();
  const clean = (m: string) => r.redact(neutralize(m));
  return {
    info: (m) => core.info(clean(m)),
    warning: (m, where) => core.warning(clean(m), where),
    error: (m, where) => core.error(clean(m), where),
    debug: (m) => core.debug(clean(m)),
    group: (name, fn) => core.group(clean(name), fn),
    addSecret: (s) => {
      if (r.add(s)) core.setSecret(s as string);
    },
    redact: (t) => r.redact(t),
  };
}

/** The terminal sink for the CLI: human text on stderr, so stdout stays free for `--json`. */
export function terminalLog(opts: { verbose: boolean; write?: (line: string) => void }): Log {
  const r = new Redactor();
  const sink = opts.write ?? ((line: string) => process.stderr.write(line + '\n'));
  // Each line is redacted whole, once (the message and what is around it).
  const write = (line: string) => sink(r.redact(neutralize(line)));
  const where = (w?: Annotation) =>
    w?.file ? ` (${w.file}${w.startLine !== undefined ? `:${w.startLine}` : ''})` : '';
  let depth = 0;
  const indent = () => '  '.repeat(depth);
  return {
    info: (m) => write(indent() + m),
    warning: (m, w) => write(`${indent()}warning: ${m}${where(w)}`),
    error: (m, w) => write(`${indent()}error: ${m}${where(w)}`),
    debug: (m) => {
      if (opts.verbose) write(`${indent()}debug: ${m}`);
    },
    group: async (name, fn) => {
      write(`${indent()}== ${name}`);
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
