/** What the run directory holds, once read. Pure data: no I/O here. */

/** One epoch of results.csv, keyed by the trainer's 0-based epoch. */
export interface EpochRow {
  /** 0-based trainer epoch (a 1-based file's `epoch - 1`). */
  epoch: number;
  /** 1-based line number in results.csv, for annotations. */
  line: number;
  /** Every column except `epoch`, `time` and the learning-rate columns, in file order. Non-finite → null. */
  metrics: Record<string, number | null>;
  /** The learning-rate columns (`lr/pg0`…, `x/lr0`…), in file order. Non-finite → null. */
  lr: Record<string, number | null>;
  /** The `time` column when present (seconds since the training process started). */
  time?: number | null;
}

export type CsvEra = 'yolov5' | 'v8-0based' | 'v8-1based' | 'current';

export interface MetricsFile {
  path: string;
  era: CsvEra;
  /** Trimmed header cells, in file order. */
  columns: string[];
  oneBased: boolean;
  /** One row per epoch, ascending; on a duplicate epoch the last row in the file wins. */
  rows: EpochRow[];
  /** Lines that could not be used (half-written last line, wrong cell count, …). */
  skipped: { line: number; reason: string }[];
  /** Cells that were nan/inf and became null. */
  nonFinite: { line: number; column: string; text: string }[];
  /** Rows dropped because a later row has the same epoch (a resumed run); the later row wins. */
  superseded?: { line: number; epoch: number }[];
  /** Header names given more than once, with their 1-based column numbers; the last one's values are used. */
  duplicateColumns?: { name: string; columns: number[] }[];
}

/** args.yaml as an open map (YOLOv5: opt.yaml). */
export interface TrainArgs {
  path: string;
  /** The file's text, for readers that need the source spelling (Python `str()` of floats). */
  text: string;
  values: Record<string, unknown>;
}

export type WeightRole = 'final' | 'checkpoint';

export interface WeightFile {
  /** Absolute path on disk. */
  path: string;
  /** Base name on disk, e.g. `best.pt`. */
  name: string;
  role: WeightRole;
  bytes: number;
}

/** The best epoch by the fitness rules of RUN-DIR.md (a tie goes to the later epoch). */
export interface BestEpoch {
  epoch: number;
  fitness: number | null;
  /** mAP50-95(B), top-1 for classify, mAP_0.5:0.95 for YOLOv5; null when the column is absent. */
  map: number | null;
}
