/**
 * One training log, several runs: each line goes to the run or runs that were training when it was
 * read, from that run's start (its args.yaml) to its end. Two trainings on two GPUs both get the
 * lines written while both run; a sequence hands the log on from one run to the next.
 *
 * A run's share is a window of the log's line numbers, kept in its state file, so the sync after the
 * live one (and a restarted watcher) sends the same lines to the same run:
 * - it starts where the log stood when the run appeared; the first run also gets what the command
 *   printed before any run existed (from line 0);
 * - it ends where the next run starts, once the run has finished (its checkpoint stripped): the
 *   final validation that a trainer prints after the strip still belongs to it. A run that never
 *   finishes keeps its window open until the watcher stops.
 */
import * as fs from 'node:fs';
import { logLines } from '../session/console-log.js';
import { LineFollower } from './follow.js';

export interface ConsoleWindow {
  from: number;
  to?: number;
}

interface Route {
  window: ConsoleWindow;
  /** The next line number this run still needs. */
  next: number;
  /** The log's line count when the run was seen finished. */
  finishedAt?: number;
  deliver(lines: string[]): void;
  /** Called when the window's end becomes known. */
  onEnd(to: number): void;
}

export class ConsoleRouter {
  /** Whole lines read so far. */
  private count = 0;
  private readonly routes = new Set<Route>();
  private readonly follower: LineFollower | null;
  private anyRun = false;

  constructor(private readonly file: string | null) {
    this.follower = file ? new LineFollower(file) : null;
  }

  /** Reads the new lines and hands each to the runs whose window holds it. */
  read(): void {
    if (!this.follower) return;
    const lines = this.follower.read();
    if (lines.length === 0) return;
    const start = this.count;
    this.count += lines.length;
    for (const r of this.routes) this.send(r, lines, start);
  }

  /**
   * A run starts: its window opens where the log stands (line 0 for the first run), unless its state
   * file already holds one (a restarted watcher). `sent` lines of the window already arrived.
   * Returns the window, and a handle to close or drop the run.
   */
  add(saved: { from?: number; to?: number; sent: number }, deliver: (lines: string[]) => void, onEnd: (to: number) => void): RouteHandle {
    const window: ConsoleWindow = { from: saved.from ?? (this.anyRun ? this.count : 0), to: saved.to };
    this.anyRun = true;
    for (const r of this.routes) {
      if (r.finishedAt !== undefined && r.window.to === undefined) this.end(r, Math.max(r.finishedAt, window.from));
    }
    const route: Route = { window, next: window.from + saved.sent, deliver, onEnd };
    this.routes.add(route);
    // Lines the run should have and that were read before it appeared.
    const upTo = Math.min(this.count, window.to ?? Infinity);
    if (this.file && route.next < upTo) {
      route.deliver(readLogLinesSync(this.file).slice(route.next, upTo));
      route.next = upTo;
    }
    return {
      window,
      finished: () => {
        route.finishedAt ??= this.count;
      },
      remove: () => this.routes.delete(route),
    };
  }

  private send(r: Route, lines: string[], start: number): void {
    const from = Math.max(r.next, start) - start;
    const to = Math.min(lines.length, (r.window.to ?? Infinity) - start);
    if (to > from) r.deliver(lines.slice(from, to));
    r.next = Math.max(r.next, start + Math.max(to, 0));
  }

  private end(r: Route, to: number): void {
    r.window.to = to;
    r.onEnd(to);
  }
}

export interface RouteHandle {
  window: ConsoleWindow;
  /** The run finished (checkpoint stripped): its window closes when the next run starts. */
  finished(): void;
  remove(): void;
}

/** The whole log as lines, for a run that appeared after some of its lines were read. */
function readLogLinesSync(file: string): string[] {
  try {
    return logLines(fs.readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
}
