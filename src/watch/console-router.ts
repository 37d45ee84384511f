/**
 * One training log, several runs: each line goes to the run or runs that were training when it was
 * written, from that run's start to its end. Two trainings on two GPUs both get the lines written
 * while both run; a sequence hands the log on from one run to the next.
 *
 * A run's share is a window of the log's line numbers, kept in its state file, so the sync after the
 * live one (and a restarted watcher) sends the same lines to the same run:
 * - it starts at the trainer's banner (`Ultralytics 8.3.40 🚀 Python-…`, printed just before it
 *   writes args.yaml) when one was read shortly before the run appeared, else where the log stood
 *   then; the first run also gets what the command printed before any run existed (from line 0);
 * - it ends where the next run starts, once the run has finished (its checkpoint stripped): the
 *   final validation that a trainer prints after the strip still belongs to it. A run that never
 *   finishes keeps its window open until the watcher stops.
 *
 * Neither the log nor the file system tells which of two writes came first within one look, so the
 * router holds the lines of the latest read back until the next one (a tick later): a run that
 * appears in between can still claim the banner it printed just before its args.yaml. Runs found in
 * the same look claim the banners in their order of start. A run found before its banner reached the
 * log (a trainer's buffered output) is owed the next banner read within BANNER_WAIT_MS, so a run
 * that starts after it does not take that banner, and the lines after it, for its own.
 */
import { readLogLines } from '../session/console-log.js';
import { LineFollower } from './follow.js';

/** The first line an Ultralytics trainer prints (select_device), across versions. */
const BANNER = /^\s*Ultralytics (YOLOv)?\d+\.\d+\.\d+\b/;
/** How long a run found without its banner waits for it; a log with no banners owes nothing after. */
const BANNER_WAIT_MS = 10_000;

export interface ConsoleWindow {
  from: number;
  to?: number;
}

interface Route {
  window: ConsoleWindow;
  /** When its training started (its args.yaml written, ms since the epoch). */
  startedAt: number;
  /** The next line number this run still needs. */
  next: number;
  /** The run was seen finished (its checkpoint stripped). */
  finished?: boolean;
  deliver(lines: string[]): void;
  /** Called when the window's end becomes known. */
  onEnd(to: number): void;
}

export interface RouteHandle {
  window: ConsoleWindow;
  /**
   * The run finished (its checkpoint stripped at `at`, ms since the epoch): its window closes where
   * the next run starts, which may already have started.
   */
  finished(at: number): void;
  /** A new training took over the run directory (results.csv rewritten): a new window from now; its start. */
  restart(): number;
  remove(): void;
}

export class ConsoleRouter {
  /** Whole lines read so far; `held` are those of the latest read, not yet handed out. */
  private count = 0;
  private held: string[] = [];
  private readonly routes = new Set<Route>();
  private readonly follower: LineFollower | null;
  private anyRun = false;
  /** The line number of the last banner a run claimed. */
  private claimed = -1;
  /** Runs found before their banner was read, oldest first, with when each stops waiting for it. */
  private owed: { until: number }[] = [];

  /** `confine`: the workspace; a log in it that leads out through a symlink is not read (safe-read.ts). */
  constructor(
    private readonly file: string | null,
    private readonly confine: string | null = null,
  ) {
    this.follower = file ? new LineFollower(file, confine) : null;
  }

  /** Hands out the lines of the read before, which no new run can claim any more; reads the new ones. */
  read(): void {
    if (!this.follower) return;
    this.handOut(this.held.length);
    this.held = this.follower.read();
    this.count += this.held.length;
    const now = Date.now();
    this.owed = this.owed.filter((o) => o.until > now);
    while (this.owed.length > 0 && this.claimBanner() !== null) this.owed.shift();
  }

  /** Hands out everything read (the watcher stops). */
  flush(): void {
    this.handOut(this.held.length);
  }

  /**
   * A run starts at `startedAt`. Its window is the one its state file holds (a restarted watcher),
   * else it opens as the module comment says; `sent` lines of it already arrived.
   */
  async add(
    saved: { from?: number; to?: number; sent: number },
    startedAt: number,
    deliver: (lines: string[]) => void,
    onEnd: (to: number) => void,
  ): Promise<RouteHandle> {
    const window: ConsoleWindow = { from: saved.from ?? this.start(), to: saved.to };
    this.anyRun = true;
    for (const r of this.routes) if (r.finished && r.window.to === undefined) this.end(r, window.from);
    const route: Route = { window, startedAt, next: window.from + saved.sent, deliver, onEnd };
    this.routes.add(route);
    // Lines of its window that were handed out before it appeared, read back with the whole-file
    // reader (confined and bounded like every read; a log that cannot be read gives none).
    const upTo = Math.min(this.count - this.held.length, window.to ?? Infinity);
    if (this.file && route.next < upTo) {
      const next = route.next;
      route.next = upTo;
      route.deliver((await readLogLines(this.file, this.confine).catch(() => [])).slice(next, upTo));
    }
    return {
      window,
      finished: (at: number) => {
        route.finished = true;
        if (route.window.to !== undefined) return;
        // Seen late, after the next training had already begun: its share ends where that one's began.
        const next = [...this.routes].filter((r) => r !== route && r.startedAt >= at).sort((a, b) => a.window.from - b.window.from)[0];
        if (next) this.end(route, next.window.from);
      },
      restart: () => {
        // A new training in the same directory: its share of the log starts at its banner, now.
        route.window.from = this.start();
        route.window.to = undefined;
        route.finished = false;
        route.next = route.window.from;
        return route.window.from;
      },
      remove: () => this.routes.delete(route),
    };
  }

  /**
   * Where a new run's window opens: the first banner among the held lines that no run claimed yet,
   * else now; line 0 for the first run (which claims its banner all the same).
   */
  private start(): number {
    // Runs still owed a banner were found first: theirs come first in the log too.
    if (this.owed.length > 0) {
      this.owed.push({ until: Date.now() + BANNER_WAIT_MS });
      return this.anyRun ? this.count : 0;
    }
    const banner = this.claimBanner();
    if (banner === null) this.owed.push({ until: Date.now() + BANNER_WAIT_MS });
    if (!this.anyRun) return 0;
    return banner ?? this.count;
  }

  /** The first banner among the held lines that no run claimed yet, now claimed; null if none. */
  private claimBanner(): number | null {
    const heldFrom = this.count - this.held.length;
    for (let i = Math.max(0, this.claimed + 1 - heldFrom); i < this.held.length; i++) {
      if (!BANNER.test(this.held[i])) continue;
      this.claimed = heldFrom + i;
      return this.claimed;
    }
    return null;
  }

  private handOut(n: number): void {
    if (n <= 0) return;
    const lines = this.held.slice(0, n);
    const start = this.count - this.held.length;
    this.held = this.held.slice(n);
    for (const r of this.routes) {
      const from = Math.max(r.next, start) - start;
      const to = Math.min(lines.length, (r.window.to ?? Infinity) - start);
      if (to > from) r.deliver(lines.slice(from, to));
      r.next = Math.max(r.next, start + Math.max(to, 0));
    }
  }

  private end(r: Route, to: number): void {
    r.window.to = to;
    r.onEnd(to);
  }
}
