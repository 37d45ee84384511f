/**
 * The benchmark's results: one row per figure, with its target when the issue sets one, printed
 * as a table and written as JSON together with the machine it ran on.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Target {
  /** `≤ 1.15×`, `≤ 80 MiB` … as printed. */
  text: string;
  pass: boolean;
}

export interface Row {
  case: string;
  metric: string;
  /** As printed. */
  value: string;
  /** The number behind `value`, in `unit`, for the JSON. */
  raw: number;
  unit: string;
  target?: Target;
  note?: string;
}

export interface CaseResult {
  rows: Row[];
  /** Samples and anything else worth keeping in the JSON. */
  details: Record<string, unknown>;
}

/** A case that cannot run here (e.g. too little disk space): reported, not a failure. */
export class Skipped extends Error {}

export interface Machine {
  cpu: string;
  nproc: number;
  memoryGiB: number;
  node: string;
  os: string;
  curl: string;
}

export function machine(): Machine {
  let curl = 'not found';
  try {
    curl = execFileSync('curl', ['--version'], { encoding: 'utf8' }).split('\n')[0].split(' ').slice(0, 2).join(' ');
  } catch {
    // reported as not found
  }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    nproc: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    curl,
  };
}

export const target = (text: string, pass: boolean): Target => ({ text, pass });

export function verdict(t?: Target): string {
  return t ? (t.pass ? 'PASS' : 'MISS') : '';
}

/** A plain-text table; `markdown` gives the README's form. */
export function table(rows: Row[], markdown = false): string {
  const head = ['case', 'metric', 'value', 'target', 'result'];
  const cells = rows.map((r) => [r.case, r.metric, r.value, r.target?.text ?? '', verdict(r.target)]);
  if (markdown) {
    const line = (c: string[]) => `| ${c.join(' | ')} |`;
    return [line(head), line(head.map(() => '---')), ...cells.map(line)].join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function writeJson(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}
