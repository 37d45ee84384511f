/**
 * A `yolo tune` folder (Ultralytics' Tuner): `tune_results.csv`, `best_hyperparameters.yaml` and
 * `weights/` (the best trial's checkpoints), beside the trials, which are ordinary run directories
 * (`train`, `train2`, …) under the same parent. The folder is no run: it has no results.csv and no
 * args.yaml of its own. Read for the summary only; nothing of it goes on the wire.
 *
 * The layout across versions (ultralytics/engine/tuner.py):
 *   - tune_results.csv: a header `fitness,<hyperparameter>,…`, then one row per iteration in the order
 *     they ran, fitness rounded to 5 decimals (0.0 for a trial that failed). No iteration column: the
 *     row's position, 1-based, is the iteration (so says the header's "observed at iteration N").
 *   - best_hyperparameters.yaml: `# ` comment lines, then `key: value`. 8.0.x-8.2 end the comment with
 *     "Best fitness hyperparameters are printed below."; 8.3 drops that line. "Best fitness model is
 *     <save_dir>" names the best trial's directory, or `None` when a resumed tune (8.1.x on) found its
 *     best before the resume.
 *   - weights: 8.0-8.2 delete a worse trial's weights/ (its results.csv stays); 8.3 deletes the
 *     previous best trial's whole directory. Either way the best checkpoints are copied to <tune>/weights.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RunDirError } from './errors.js';
import { UnsafeFileError, describeReadError, readRegular } from './safe-read.js';

const TUNE_CSV = 'tune_results.csv';
const TUNE_BEST_YAML = 'best_hyperparameters.yaml';

/** The largest tune_results.csv read (a 1000-iteration tune with 30 columns is ~250 kB). */
const MAX_BYTES = 16 * 1024 * 1024;
const FIX_TUNE = 'copy the tune folder into the workspace instead of linking it';

export interface TuneIteration {
  /** 1-based, as the Tuner counts. */
  iteration: number;
  /** null when the cell is not a number. */
  fitness: number | null;
}

export interface TuneResult {
  /** The tune folder, absolute. */
  dir: string;
  iterations: TuneIteration[];
  /** The iteration with the highest fitness (the first of equals, as numpy's argmax); null with no rows. */
  best: {
    iteration: number;
    fitness: number;
    /** The tuned values of that iteration, in the CSV's column order. */
    hyperparameters: Record<string, number | string>;
  } | null;
  /** Base name of the best trial's run directory (`train3`), when best_hyperparameters.yaml names it for that iteration. */
  bestTrial: string | null;
  /** Checkpoint file names kept in <tune>/weights (the best trial's). */
  weights: string[];
}

/** A tune folder holds a tune_results.csv file. */
export async function isTuneDir(dir: string): Promise<boolean> {
  return stat(join(dir, TUNE_CSV)).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Tune folders beside the given runs (in the same parent directories), sorted. */
export async function findTuneDirs(runDirs: string[]): Promise<string[]> {
  const parents = [...new Set(runDirs.map((d) => dirname(d)))];
  const found = new Set<string>();
  for (const parent of parents) {
    const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const dir = join(parent, e.name);
      if (!runDirs.includes(dir) && (await isTuneDir(dir))) found.add(dir);
    }
  }
  return [...found].sort();
}

/**
 * `confine`: the workspace. Its files are read by the one safe reader (safe-read.ts): a
 * tune_results.csv or best_hyperparameters.yaml in it that leads out through a symlink is not read,
 * nor a FIFO or a device.
 */
export async function readTuneDir(dir: string, confine: string | null = null): Promise<TuneResult> {
  const csvPath = join(dir, TUNE_CSV);
  let text: string;
  try {
    text = (await readRegular(csvPath, { what: 'tune results', confine, maxBytes: MAX_BYTES, fix: FIX_TUNE })).toString('utf8');
  } catch (err) {
    if (err instanceof UnsafeFileError) throw err;
    throw new RunDirError(`${csvPath} cannot be read (${describeReadError(err)}): is ${dir} a yolo tune folder?`, { file: csvPath });
  }
  const { columns, rows } = parseTuneCsv(text, csvPath);
  const fitnessAt = columns.indexOf('fitness');
  const iterations = rows.map((cells, i) => ({ iteration: i + 1, fitness: numberOrNull(cells[fitnessAt]) }));
  let bestIndex = -1;
  for (let i = 0; i < iterations.length; i++) {
    const f = iterations[i].fitness;
    if (f !== null && (bestIndex < 0 || f > (iterations[bestIndex].fitness as number))) bestIndex = i;
  }
  let best: TuneResult['best'] = null;
  if (bestIndex >= 0) {
    const hyperparameters: Record<string, number | string> = {};
    columns.forEach((c, j) => {
      if (j === fitnessAt) return;
      const cell = rows[bestIndex][j] ?? '';
      hyperparameters[c] = numberOrNull(cell) ?? cell;
    });
    best = { iteration: bestIndex + 1, fitness: iterations[bestIndex].fitness as number, hyperparameters };
  }
  const header = await readRegular(join(dir, TUNE_BEST_YAML), { what: 'best hyperparameters', confine, maxBytes: MAX_BYTES }).then(
    (b) => parseBestHeader(b.toString('utf8')),
    () => null,
  );
  const bestTrial = best && header && header.iteration === best.iteration ? header.trial : null;
  const weights = (await readdir(join(dir, 'weights')).catch(() => [] as string[])).filter((f) => f.endsWith('.pt')).sort();
  return { dir, iterations, best, bestTrial, weights };
}

function parseTuneCsv(text: string, file: string): { columns: string[]; rows: string[][] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim());
  if (lines.length === 0) throw new RunDirError(`${file} is empty: the tune has not finished an iteration yet`, { file });
  const columns = lines[0].split(',').map((c) => c.trim());
  if (!columns.includes('fitness')) {
    throw new RunDirError(`${file} has no "fitness" column (header: ${lines[0].slice(0, 120)}): not a tune_results.csv of Ultralytics' Tuner`, { file });
  }
  return { columns, rows: lines.slice(1).map((l) => l.split(',').map((c) => c.trim())) };
}

/** The iteration and trial directory named by best_hyperparameters.yaml's comment header. */
export function parseBestHeader(text: string): { iteration: number | null; trial: string | null } {
  const comments = text.split(/\r?\n/).filter((l) => l.startsWith('#'));
  let iteration: number | null = null;
  let trial: string | null = null;
  for (const line of comments) {
    const it = /Best fitness=\S+ observed at iteration (\d+)/.exec(line);
    if (it) iteration = Number(it[1]);
    const model = /Best fitness model is (.+)$/.exec(line);
    if (model) {
      const p = model[1].trim().replace(/[\\/]+$/, '');
      trial = p && p !== 'None' ? (p.split(/[\\/]/).pop() ?? null) : null;
    }
  }
  return { iteration, trial };
}

function numberOrNull(cell: string | undefined): number | null {
  if (cell === undefined || cell.trim() === '') return null;
  const n = Number(cell);
  return Number.isFinite(n) ? n : null;
}
