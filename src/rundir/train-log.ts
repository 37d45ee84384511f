/**
 * What the trainer's console log says about the training before its first epoch: the Ultralytics
 * version of its banner and the model's size of its summary line. Only the head of the log is read:
 * both are printed before epoch 0.
 *
 *   Ultralytics 8.4.41 🚀 Python-3.11.2 torch-2.5.1 CPU (AMD EPYC)          (8.0.x: "Ultralytics YOLOv8.0.20 🚀 …")
 *   YOLO26n summary: 260 layers, 2,504,580 parameters, 2,504,564 gradients, 5.8 GFLOPs
 *
 * Summary lines vary across releases: numbers with or without thousands separators, "Model summary"
 * when the model has no yaml name, no GFLOPs when thop is missing, no gradients in some. A
 * "summary (fused)" line describes the model fused for inference (BatchNorm folded away: fewer
 * parameters), printed at the final validation: it is not the trained model's and is skipped.
 */
import * as fs from 'node:fs';
import { openRegularSync } from './safe-read.js';

export interface TrainLogFacts {
  /** The Ultralytics version of the banner, e.g. '8.4.41'. */
  version?: string;
  /** The trained model's parameter count and GFLOPs, from its first (unfused) summary line. */
  parameters?: number;
  gflops?: number;
}

/** The banner and the model summary come within the first few hundred lines. */
const HEAD_BYTES = 256 * 1024;

const BANNER = /^\s*Ultralytics (?:YOLOv)?(\d+\.\d+\.\d+[\w.+-]*) (?:🚀 )?Python-/m;
const SUMMARY = /\bsummary( \(fused\))?: ([\d,]+) layers, ([\d,]+) parameters(?:, ([\d,]+) gradients)?(?:, ([\d.]+) GFLOPs)?/g;

/** The facts in a log's text; a fact the text does not hold is left out. */
export function parseTrainLog(text: string): TrainLogFacts {
  const facts: TrainLogFacts = {};
  const banner = BANNER.exec(text);
  if (banner) facts.version = banner[1];
  for (const m of text.matchAll(SUMMARY)) {
    if (m[1]) continue; // fused: the inference model, not the trained one
    const parameters = Number(m[3].replace(/,/g, ''));
    if (!Number.isSafeInteger(parameters) || parameters <= 0) continue;
    facts.parameters = parameters;
    if (m[5] !== undefined && Number.isFinite(Number(m[5]))) facts.gflops = Number(m[5]);
    break;
  }
  return facts;
}

/** The facts in the head of a log file; {} when it cannot be read (yet), or by the rules of every read (safe-read.ts). */
export function readTrainLog(file: string, confine: string | null = null): TrainLogFacts {
  let fd: number | undefined;
  try {
    fd = openRegularSync(file, { what: 'log-file', confine });
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    return parseTrainLog(buf.toString('utf8', 0, n));
  } catch {
    return {};
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
