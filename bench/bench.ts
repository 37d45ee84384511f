/**
 * `npm run bench`: measures the bundled action against the emulator and against curl, prints a
 * table with PASS/MISS per target of issue 6 and writes everything to bench/results/latest.json.
 * Nothing here is a test: figures depend on the machine, and a MISS does not fail the command
 * (a case that could not run does). See docs/performance.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { backfillPlatform, backfillHub, bundle, coldStart, parse, steps, uploads } from './cases/index.js';
import { liveLagCase, postAfterLiveCase, watcherCostCase } from './cases/live.js';
import { folderCase, parallelLiveCase } from './cases/runs.js';
import { EmulatorProcess } from './emulator.js';
import { CASES, parseOptions, USAGE, type BenchOptions, type CaseName } from './options.js';
import { ACTION, RESULTS_DIR } from './paths.js';
import { hasGnuTime } from './process.js';
import { machine, Skipped, table, writeJson, type CaseResult, type Row } from './report.js';
import { SinkProcess } from './sink-process.js';
import { removeAll } from './workspace.js';

const log = (line: string) => process.stderr.write(line + '\n');

type Runner = (o: BenchOptions, emu: EmulatorProcess, done: Map<CaseName, CaseResult>, sink: () => Promise<SinkProcess>) => Promise<CaseResult>;

const RUNNERS: Record<CaseName, Runner> = {
  bundle: () => bundle(),
  parse: (o) => parse(o),
  'cold-start': (o, emu) => coldStart(o, emu, log),
  'backfill-hub': (o, emu) => backfillHub(o, emu),
  'step-1g': async (o, _emu, _done, sink) => steps(o, await sink(), 'small', log),
  'step-4g': async (o, _emu, _done, sink) => steps(o, await sink(), 'large', log),
  'upload-1g': (o, emu) => uploads(o, emu, 'small', undefined, log),
  'upload-4g': (o, emu, done) => uploads(o, emu, 'large', done.get('upload-1g'), log),
  'backfill-platform': (o) => backfillPlatform(o, log),
  'live-lag': () => liveLagCase(40, 250),
  'live-post': (o) => postAfterLiveCase(o.backfillEpochs, { limit: o.rateLimit, windowMs: o.rateWindowMs }),
  'live-cost': (o) => watcherCostCase(o.liveMinutes),
  'runs-folder': (o) => folderCase(o.quick ? 20 : 100, 20, { limit: 600, windowMs: o.quick ? 10_000 : 60_000 }, log),
  'runs-live': (o) => parallelLiveCase(4, o.quick ? 10 : 40, 2000),
};

interface Outcome {
  results: Map<CaseName, CaseResult>;
  skipped: string[];
  failed: string[];
}

async function runCases(o: BenchOptions): Promise<Outcome> {
  const results = new Map<CaseName, CaseResult>();
  const skipped: string[] = [];
  const failed: string[] = [];
  // A generous limit: only the backfill case measures pacing, in an emulator of its own.
  const emu = await EmulatorProcess.start({ rate: '1000000/60000', uploadRate: '1000000/60000' });
  let sinkProcess: SinkProcess | undefined;
  const sink = async () => (sinkProcess ??= await SinkProcess.start());
  try {
    for (const name of CASES.filter((c) => o.cases.has(c))) {
      log(`== ${name}`);
      const started = performance.now();
      try {
        results.set(name, await RUNNERS[name](o, emu, results, sink));
      } catch (err) {
        const line = `${name}: ${(err as Error).message}`;
        (err instanceof Skipped ? skipped : failed).push(line);
        log(`   ${err instanceof Skipped ? 'skipped' : 'could not run'}: ${(err as Error).message}`);
      }
      log(`   (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await emu.stop();
    await sinkProcess?.stop();
  }
  return { results, skipped, failed };
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  if (o === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!fs.existsSync(ACTION)) throw new Error(`${ACTION} is missing: run \`npm run package\` first (npm run bench does)`);
  if (!hasGnuTime()) log('note: /usr/bin/time (GNU time) is missing: peak RSS is not measured');
  const m = machine();
  log(`${m.cpu}, ${m.nproc} CPUs, ${m.memoryGiB} GiB, node ${m.node}, ${m.curl}${o.quick ? ' (--quick)' : ''}`);
  if (o.baseline) log(`baseline (before): ${o.baseline}`);
  const started = performance.now();
  process.once('SIGINT', () => {
    removeAll();
    process.exit(130);
  });
  let outcome: Outcome;
  try {
    outcome = await runCases(o);
  } finally {
    removeAll();
  }
  const rows: Row[] = [...outcome.results.values()].flatMap((r) => r.rows);
  const seconds = (performance.now() - started) / 1000;
  console.log('\n' + table(rows) + '\n');
  const gated = rows.filter((r) => r.target);
  console.log(`${gated.filter((r) => r.target?.pass).length} of ${gated.length} targets met in ${seconds.toFixed(0)} s.`);
  for (const s of outcome.skipped) console.log(`SKIPPED ${s}`);
  for (const f of outcome.failed) console.log(`NOT RUN ${f}`);
  const file = path.join(RESULTS_DIR, 'latest.json');
  writeJson(file, {
    date: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: m,
    options: { ...o, cases: [...o.cases] },
    seconds,
    rows,
    markdown: table(rows, true),
    details: Object.fromEntries([...outcome.results].map(([k, v]) => [k, v.details])),
    skipped: outcome.skipped,
    failed: outcome.failed,
  });
  console.log(`Written to ${path.relative(process.cwd(), file) || file}`);
  return outcome.failed.length ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: Error) => {
    console.error(`bench: ${err.message}`);
    process.exitCode = 2;
  },
);
