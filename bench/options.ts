/** The benchmark's command line: which cases, how big and how many times. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { GiB, MiB } from './stats.js';

/** In the order they run: the short, noise-sensitive ones first. */
export const CASES = [
  'cold-start',
  'parse',
  'backfill-hub',
  'bundle',
  'step-1g',
  'step-4g',
  'upload-1g',
  'upload-4g',
  'backfill-platform',
  'live-lag',
  'live-post',
  'live-cost',
  'runs-folder',
  'runs-live',
] as const;
export type CaseName = (typeof CASES)[number];

/** Names that select several cases. */
const GROUPS: Record<string, CaseName[]> = {
  upload: ['upload-1g', 'upload-4g'],
  step: ['step-1g', 'step-4g'],
  backfill: ['backfill-hub', 'backfill-platform'],
  live: ['live-lag', 'live-post', 'live-cost'],
  runs: ['runs-folder', 'runs-live'],
};

export interface BenchOptions {
  cases: Set<CaseName>;
  quick: boolean;
  /** The "1 GiB" and "4 GiB" sizes (smaller with --quick). */
  smallBytes: number;
  largeBytes: number;
  smallPairs: number;
  largePairs: number;
  coldRuns: number;
  parseRows: number;
  parseRepeats: number;
  backfillEpochs: number;
  /** Another bundle (e.g. the base commit's dist/index.js) measured beside this one: cold start, whole step. */
  baseline?: string;
  /** Platform's limit for the backfill: 100 per window. */
  rateLimit: number;
  rateWindowMs: number;
  /** Length of the training the watcher's cost is measured over. */
  liveMinutes: number;
}

export const USAGE = `usage: npm run bench -- [--quick] [--only <case,…>] [--pairs N] [--baseline FILE] [--window-ms MS]

  --quick          smaller files (128 MiB / 512 MiB), 3 pairs, 5 cold starts, 100 requests per 6 s
  --only LIST      comma-separated cases: ${CASES.join(', ')}
                   (or the groups step, upload, backfill, live, runs)
  --pairs N        action/curl pairs (rounds) per upload size (default 7 at 1 GiB, 3 at 4 GiB; at least 3)
  --baseline FILE  another bundle, e.g. the base commit's dist/index.js, run in the same rounds as
                   this one (cold-start, step-1g, step-4g): before and after, side by side
  --window-ms MS   the Platform limit's window for the backfill and live-post (default 60000: 100 per minute)
  --live-minutes M the training live-cost follows (default 10; 1 with --quick)`;

export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string' },
      pairs: { type: 'string' },
      'window-ms': { type: 'string' },
      'live-minutes': { type: 'string' },
      baseline: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const cases = new Set<CaseName>();
  for (const name of values.only ? values.only.split(',').map((x) => x.trim()) : CASES) {
    const picked = GROUPS[name] ?? (CASES.includes(name as CaseName) ? [name as CaseName] : undefined);
    if (!picked) throw new Error(`--only: no case '${name}'; the cases are ${CASES.join(', ')}, and the groups step, upload, backfill, live, runs`);
    picked.forEach((c) => cases.add(c));
  }
  const pairs = values.pairs === undefined ? undefined : Number(values.pairs);
  if (pairs !== undefined && !(Number.isInteger(pairs) && pairs >= 3)) throw new Error(`--pairs must be a whole number ≥ 3; got '${values.pairs}'`);
  const windowMs = values['window-ms'] === undefined ? (quick ? 6000 : 60_000) : Number(values['window-ms']);
  if (!(Number.isInteger(windowMs) && windowMs > 0)) throw new Error(`--window-ms must be a whole number of milliseconds; got '${values['window-ms']}'`);
  const baseline = values.baseline === undefined ? undefined : path.resolve(values.baseline);
  if (baseline !== undefined && !fs.existsSync(baseline)) throw new Error(`--baseline: ${baseline} does not exist (give a bundle, e.g. a copy of dist/index.js)`);
  return {
    cases,
    baseline,
    quick,
    smallBytes: quick ? 128 * MiB : GiB,
    largeBytes: quick ? 512 * MiB : 4 * GiB,
    smallPairs: pairs ?? (quick ? 3 : 7),
    largePairs: pairs ?? 3,
    coldRuns: quick ? 5 : 10,
    parseRows: 10_000,
    parseRepeats: quick ? 5 : 20,
    backfillEpochs: 300,
    rateLimit: 100,
    rateWindowMs: windowMs,
    liveMinutes: values['live-minutes'] === undefined ? (quick ? 1 : 10) : Number(values['live-minutes']),
  };
}
