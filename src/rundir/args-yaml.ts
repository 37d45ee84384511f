/**
 * Reads the training arguments a run wrote before training started: args.yaml (YOLOv8 on) or, for a
 * YOLOv5 run, opt.yaml beside it. Values are kept as parsed; callers decide what to send.
 */
import { dirname, join } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { RunDirError, errnoCode } from './errors.js';
import { describeReadError, readRegular } from './safe-read.js';
import type { TrainArgs } from './types.js';
import { assertShallowYaml, yamlToJS } from './yaml-safe.js';

const FIX_PATH = "set `args:` to the path of the run's args.yaml (e.g. runs/detect/train/args.yaml)";
const YOLOV5_ARGS = 'opt.yaml';
/** An args.yaml is about 2 KiB. */
const MAX_BYTES = 1024 * 1024;

/**
 * `explicit`: the user named the file, so a missing file is an error. Otherwise a missing args.yaml
 * falls back to opt.yaml in the same directory, then to null.
 */
export async function readTrainArgs(path: string, opts: { explicit: boolean; confine?: string | null }): Promise<TrainArgs | null> {
  const confine = opts.confine ?? null;
  const text = await readIfExists(path, confine);
  if (text !== null) return parseTrainArgs(text, path);
  if (opts.explicit) {
    throw new RunDirError(`args file not found: ${path}. Check the \`args\` input: ${FIX_PATH}, or leave it empty`, {
      file: path,
    });
  }
  const v5 = join(dirname(path), YOLOV5_ARGS);
  const v5Text = await readIfExists(v5, confine);
  return v5Text === null ? null : parseTrainArgs(v5Text, v5);
}

/** Parses the YAML text of an args file; it must be a mapping. */
export function parseTrainArgs(text: string, path: string): TrainArgs {
  assertShallowYaml(text, path, `Fix the file, or ${FIX_PATH}`);
  const doc = parseDocument(text);
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0].line;
    const firstLine = syntax.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new RunDirError(
      `${path}${line === undefined ? '' : `:${line}`}: YAML syntax error: ${firstLine}. Fix the file, or ${FIX_PATH}`,
      { file: path, line },
    );
  }
  if (!isMap(doc.contents)) {
    const found = doc.contents === null ? 'nothing' : isSeq(doc.contents) ? 'a list' : 'a single value';
    throw new RunDirError(
      `${path} holds ${found}, not a mapping of training arguments (task: detect, epochs: 100, …); ${FIX_PATH}`,
      { file: path },
    );
  }
  return { path, text, values: yamlToJS(doc, path, `Fix the file, or ${FIX_PATH}`) as Record<string, unknown> };
}

/**
 * The base name of a local POSIX or Windows path (`C:\data\coco8.yaml` → `coco8.yaml`), so that no
 * local path leaves the machine. URLs are kept whole: they are not local paths. Non-strings are
 * stringified; null and undefined become ''.
 */
export function baseName(p: unknown): string {
  if (p === null || p === undefined) return '';
  const s = String(p);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return s;
  const parts = s.split(/[\\/]+/).filter((part) => part !== '');
  const last = parts.length === 0 ? s : parts[parts.length - 1];
  return last.replace(/^[a-z]:(?=.)/i, '');
}

async function readIfExists(path: string, confine: string | null): Promise<string | null> {
  try {
    return (await readRegular(path, { what: 'args file', confine, maxBytes: MAX_BYTES, fix: FIX_PATH })).toString('utf8');
  } catch (err) {
    if (err instanceof RunDirError) throw err;
    if (errnoCode(err) === 'ENOENT') return null;
    throw new RunDirError(`cannot read args file ${path}: ${describeReadError(err)}; ${FIX_PATH}`, { file: path, cause: err });
  }
}
