/**
 * Reads the `baseline` input into a RunSnapshot (readBaselineRuns: one per run). Three forms:
 *   - a run directory (its results.csv, args.yaml for the name, weights/best.pt for the version);
 *   - a results.csv of any era, read by the same reader and scored by the same fitness rules;
 *   - a report JSON this action wrote with `report-file` (or a directory holding one).
 * Every failure is a BaselineError whose message says what was wrong; the caller turns it into a
 * warning (or, for a baseline that exists but cannot be used while max-map-drop is set, a failed
 * gate), never a failure of the sync.
 */
import * as fs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { readTrainArgs } from '../rundir/args-yaml.js';
import { readCheckpointMeta } from '../rundir/checkpoint.js';
import { bestEpoch, fitnessRuleFor, mapColumn } from '../rundir/fitness.js';
import { readResultsCsv } from '../rundir/results-csv.js';
import { UnsafeFileError, assertConfined, describeReadError, openRegular, readRegular } from '../rundir/safe-read.js';
import type { BaselineKind } from './compare.js';
import { parseReport } from './report-file.js';
import { type RunSnapshot, snapshotOf } from './snapshot.js';

export type { BaselineKind };

export interface Baseline {
  /** The path as given, for messages and the summary. */
  source: string;
  kind: BaselineKind;
  snapshot: RunSnapshot;
  /** The branch and commit the baseline was trained on (`main@0123456`), when its report says. */
  commit?: string | null;
}

export class BaselineError extends Error {
  override name = 'BaselineError';
  /** The baseline does not exist (the first pull request): a warning. Otherwise it exists but cannot be read or used. */
  readonly missing: boolean;

  constructor(message: string, opts: { missing?: boolean } = {}) {
    super(message);
    this.missing = opts.missing === true;
  }
}

/** The largest report JSON read; a report is a few kilobytes. */
const MAX_REPORT_BYTES = 4 * 1024 * 1024;

/**
 * `confine`: the workspace. A baseline in it that leads out through a symlink is refused, and so is
 * anything that is not a regular file or a directory (safe-read.ts).
 */
export async function readBaseline(file: string, confine: string | null = null): Promise<Baseline> {
  try {
    await assertConfined(file, { what: 'baseline', confine });
  } catch (err) {
    throw new BaselineError((err as Error).message);
  }
  const info = await fs.stat(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') {
      throw new BaselineError(
        `${file} does not exist. Download the earlier run's report or run directory there first (e.g. with actions/download-artifact), or check the path`,
        { missing: true },
      );
    }
    throw new BaselineError(`${file} cannot be read: ${describeReadError(err)}`);
  });
  if (info.isDirectory()) return readDirectory(file, confine);
  if (await startsWithBrace(file, confine)) return { source: file, kind: 'report', ...(await readReport(file, confine)) };
  return { source: file, kind: 'results-csv', snapshot: await readCsv(file, null, null, confine) };
}

async function readDirectory(dir: string, confine: string | null): Promise<Baseline> {
  const csv = path.join(dir, 'results.csv');
  if (await exists(csv)) {
    const args = await readTrainArgs(path.join(dir, 'args.yaml'), { explicit: false, confine }).catch(() => null);
    const name = typeof args?.values.name === 'string' ? args.values.name : null;
    const meta = await readCheckpointMeta(path.join(dir, 'weights', 'best.pt')).catch(() => null);
    return { source: dir, kind: 'run-dir', snapshot: await readCsv(csv, name, meta?.version ?? null, confine) };
  }
  const reports: string[] = [];
  for (const entry of (await fs.readdir(dir)).sort()) {
    const p = path.join(dir, entry);
    if (entry.endsWith('.json') && (await startsWithBrace(p, confine).catch(() => false))) reports.push(p);
  }
  if (reports.length === 1) return { source: reports[0], kind: 'report', ...(await readReport(reports[0], confine)) };
  throw new BaselineError(
    reports.length === 0
      ? `${dir} holds neither a results.csv nor a report JSON. Point \`baseline\` at the earlier run's directory, its results.csv or its report-file`
      : `${dir} holds ${reports.length} JSON files; point \`baseline\` at the report file itself`,
  );
}

async function readCsv(file: string, name: string | null, version: string | null, confine: string | null): Promise<RunSnapshot> {
  try {
    const metrics = await readResultsCsv(file, confine);
    const best = bestEpoch(metrics, fitnessRuleFor(metrics, version ?? undefined));
    return snapshotOf({ name, metrics, best, map: best?.map ?? null, mapColumn: mapColumn(metrics.columns) });
  } catch (err) {
    throw new BaselineError(`${file} is not a usable results.csv: ${(err as Error).message}`);
  }
}

async function readReport(file: string, confine: string | null): Promise<{ snapshot: RunSnapshot; commit: string | null }> {
  const { runs, commit } = await readReportRuns(file, confine);
  if (runs.length !== 1) {
    throw new BaselineError(`${file} holds ${runs.length} runs (${runs.map((r) => r.key).join(', ')}); this reader takes one`);
  }
  return { snapshot: runs[0].baseline.snapshot, commit };
}

async function readReportRuns(file: string, confine: string | null): Promise<{ runs: BaselineRun[]; commit: string | null }> {
  let text: string;
  try {
    text = (await readRegular(file, { what: 'baseline report', confine, maxBytes: MAX_REPORT_BYTES })).toString('utf8');
  } catch (err) {
    throw new BaselineError(err instanceof UnsafeFileError ? err.message : `${file} cannot be read: ${describeReadError(err)}`);
  }
  try {
    const { runs, commit } = parseReport(text);
    const read = runs.filter((r) => r.run !== null);
    return {
      commit,
      runs: read.map((r) => ({ key: r.name, baseline: { source: file, kind: 'report', snapshot: r.run as RunSnapshot, commit } })),
    };
  } catch (err) {
    throw new BaselineError(`${file} is not a report this action wrote: ${(err as Error).message}`);
  }
}

/** One run of a baseline, with the name it is matched by (null: a bare results.csv, which has none). */
export interface BaselineRun {
  key: string | null;
  baseline: Baseline;
}

/**
 * Every run a baseline holds, for a step of several runs: a report file's runs (version 2 holds
 * several), a folder of report files (a matrix's artifacts), a folder of run directories
 * (`runs/detect/` holding a, b, c), or the one run of a run directory or results.csv. Runs are
 * matched by name; a run directory's name is its args.yaml `name`, else its folder's name.
 */
export async function readBaselineRuns(file: string, confine: string | null = null): Promise<BaselineRun[]> {
  const info = await fs.stat(file).catch(() => null);
  if (!info?.isDirectory()) {
    if (info && (await startsWithBrace(file, confine))) return (await readReportRuns(file, confine)).runs;
    const one = await readBaseline(file, confine);
    return [{ key: one.snapshot.name, baseline: one }];
  }
  if (await exists(path.join(file, 'results.csv'))) {
    const one = await readBaseline(file, confine);
    return [{ key: one.snapshot.name ?? path.basename(file), baseline: one }];
  }
  try {
    await assertConfined(file, { what: 'baseline', confine });
  } catch (err) {
    throw new BaselineError((err as Error).message);
  }
  const runs: BaselineRun[] = [];
  const entries = (await fs.readdir(file, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = path.join(file, e.name);
    if (e.isFile() && e.name.endsWith('.json') && (await startsWithBrace(p, confine).catch(() => false))) runs.push(...(await readReportRuns(p, confine)).runs);
  }
  if (runs.length > 0) return runs;
  for (const e of entries) {
    const p = path.join(file, e.name);
    if (e.isDirectory() && (await exists(path.join(p, 'results.csv')))) {
      const one = await readDirectory(p, confine);
      runs.push({ key: one.snapshot.name ?? e.name, baseline: one });
    }
  }
  if (runs.length > 0) return runs;
  throw new BaselineError(
    `${file} holds neither a results.csv, a report JSON nor run directories. Point \`baseline\` at the earlier run's directory, its results.csv, its report-file, or a folder of those`,
  );
}

/** JSON reports start with `{` (after blanks or a byte order mark); results.csv never does. */
async function startsWithBrace(file: string, confine: string | null): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await openRegular(file, { what: 'baseline', confine });
  } catch (err) {
    throw new BaselineError(err instanceof UnsafeFileError ? err.message : `${file} cannot be read: ${describeReadError(err)}`);
  }
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return /^\uFEFF?\s*\{/.test(buffer.toString('utf8', 0, bytesRead));
  } finally {
    await handle.close();
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}
