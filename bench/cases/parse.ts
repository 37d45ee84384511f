/**
 * Parsing a 10 000-row results.csv with the compiled reader the action bundles. The target is on
 * the median of repeated calls in this process; the first call, timed in a fresh process of its
 * own, is reported beside it, because the action parses once, with cold code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseResultsCsv } from '../../src/rundir/results-csv.js';
import { BUILD } from '../paths.js';
import { expectSuccess, measure } from '../process.js';
import { target, type CaseResult, type Row } from '../report.js';
import { median } from '../stats.js';
import { resultsCsv, tempDir, type CsvFormat } from '../workspace.js';

export const PARSE_TARGET_MS = 50;

const LABEL: Record<CsvFormat, string> = { newest: 'newest format (%.6g, time)', padded: 'padded format (23-char cells)' };
const READER = pathToFileURL(path.join(BUILD, 'src/rundir/results-csv.js')).href;

/** The first parse in a fresh process, file already read: the action's situation. */
async function firstCallMs(file: string, rows: number): Promise<number> {
  const script = `
    import { readFileSync } from 'node:fs';
    import { parseResultsCsv } from ${JSON.stringify(READER)};
    const bytes = readFileSync(${JSON.stringify(file)});
    const start = performance.now();
    const parsed = parseResultsCsv(bytes, 'results.csv');
    const ms = performance.now() - start;
    if (parsed.rows.length !== ${rows}) throw new Error('parsed ' + parsed.rows.length + ' rows');
    console.log(ms);`;
  const m = expectSuccess(await measure(process.execPath, ['--input-type=module', '-e', script]), 'the first-call parse');
  return Number(m.stdout.trim());
}

function warmMs(bytes: Buffer, rows: number): number {
  const start = performance.now();
  const parsed = parseResultsCsv(bytes, 'results.csv');
  const ms = performance.now() - start;
  if (parsed.rows.length !== rows) throw new Error(`parsed ${parsed.rows.length} rows of ${rows}`);
  return ms;
}

export async function parseCase(rows: number, repeats: number): Promise<CaseResult> {
  const out: Row[] = [];
  const details: Record<string, unknown> = {};
  const dir = tempDir('parse');
  for (const format of ['newest', 'padded'] as const) {
    const file = path.join(dir, `${format}.csv`);
    fs.writeFileSync(file, resultsCsv(rows, format));
    const bytes = fs.readFileSync(file);
    const first = await firstCallMs(file, rows);
    const times = Array.from({ length: repeats }, () => warmMs(bytes, rows));
    const m = median(times);
    details[format] = { bytes: bytes.length, firstCallMs: first, warmMs: times };
    out.push({
      case: `parse ${rows} rows, ${LABEL[format]}`,
      metric: `median of ${repeats} calls (first call, fresh process)`,
      value: `${m.toFixed(1)} ms (${first.toFixed(1)} ms; ${(bytes.length / 2 ** 20).toFixed(1)} MiB)`,
      raw: m,
      unit: 'ms',
      target: target(`≤ ${PARSE_TARGET_MS} ms`, m <= PARSE_TARGET_MS),
    });
  }
  return { rows: out, details };
}
