/**
 * `run --` shares the terminal with the training: the trainer's output passes through, and the
 * sync's own log lines ("Epoch 3 → platform") go between them. A trainer redraws its progress bar
 * with `\r` and ends the line only when the epoch's batches are done, so a log line written while
 * the trainer is mid-line lands inside its bar. The gate keeps the trainer's lines whole:
 *
 * - at a line boundary (the trainer's last byte was `\n`), a log line is written at once;
 * - mid-line on a terminal, the bar is cleared (`\r` + erase line), the log line written, and the
 *   bar drawn again below it, as progress-bar libraries print above a live bar;
 * - mid-line elsewhere (a pipe, a CI log file, where nothing can be redrawn), log lines wait for the
 *   trainer's next `\n` and follow it; after `holdMs` (a trainer that never ends its line) or when the
 *   training ends, they are written anyway on a line of their own.
 *
 * Both of the trainer's streams count: on a terminal they share one line.
 */
import { StringDecoder } from 'node:string_decoder';

export interface GateOptions {
  /** Writes the trainer's output to our stdout or stderr. */
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether the log's stream (stderr) is a terminal. */
  tty: boolean;
  holdMs?: number;
}

const HOLD_MS = 30_000;
/** Of the trainer's unfinished line, what is redrawn: the text after its last `\r`, at most this much. */
const MAX_PARTIAL = 4096;

export class OutputGate {
  /** The trainer's output since its last `\n`: '' at a line boundary. */
  private partial = '';
  private held: string[] = [];
  private timer?: NodeJS.Timeout;
  /** A character split between two chunks (━ is 3 bytes) waits for its last byte. */
  private readonly decoders = { out: new StringDecoder('utf8'), err: new StringDecoder('utf8') };

  constructor(private readonly opts: GateOptions) {}

  /** A chunk of the trainer's output, from its stdout (`out`) or stderr (`err`). */
  child(chunk: Buffer | string, stream: 'out' | 'err'): void {
    const text = typeof chunk === 'string' ? chunk : this.decoders[stream].write(chunk);
    if (text === '') return;
    const write = stream === 'out' ? this.opts.out : this.opts.err;
    const nl = text.lastIndexOf('\n');
    if (nl < 0) {
      write(text);
      this.partial = (this.partial + text).slice(-MAX_PARTIAL);
      return;
    }
    // Up to the line's end, then what waited, then the start of the next line.
    write(text.slice(0, nl + 1));
    this.partial = '';
    this.release();
    const rest = text.slice(nl + 1);
    if (rest) {
      write(rest);
      this.partial = rest.slice(-MAX_PARTIAL);
    }
  }

  /** One line of the sync's own log (without its `\n`). */
  log(line: string): void {
    if (this.partial === '') {
      this.opts.err(line + '\n');
      return;
    }
    if (this.opts.tty) {
      const bar = this.partial.slice(this.partial.lastIndexOf('\r') + 1);
      this.opts.err(`\r\x1b[2K${line}\n${bar}`);
      return;
    }
    this.held.push(line);
    if (!this.timer) {
      this.timer = setTimeout(() => this.breakLine(), this.opts.holdMs ?? HOLD_MS);
      this.timer.unref();
    }
  }

  /** The training ended: what waited is written, and from now on every log line at once, on lines of their own. */
  end(): void {
    if (this.partial !== '') this.opts.err('\n');
    this.partial = '';
    this.release();
  }

  /** Writes what waited after ending the trainer's unfinished line. */
  private breakLine(): void {
    if (this.held.length === 0) return;
    if (this.partial !== '') this.opts.err('\n');
    this.partial = '';
    this.release();
  }

  private release(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const lines = this.held;
    this.held = [];
    for (const line of lines) this.opts.err(line + '\n');
  }
}
