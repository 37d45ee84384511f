/**
 * The fault suite's command line: `npm run test:faults -- [--runs N] [--seed S] [--concurrency C]
 * [--only i,j] [--keep] [--verbose]`. Runs the bundled action N times against emulators that
 * fail in random ways, prints every run that lost data or failed, a breakdown and one summary
 * line, and exits non-zero if any run lost data or failed.
 */
import { randomInt } from 'node:crypto';
import { breakdown, failureReport, runSuite, summaryLine, type SuiteOptions } from './runner.js';
import { describePlan } from './plan.js';

const USAGE = 'usage: node build/__tests__/faults/suite.js [--runs N] [--seed S] [--concurrency C] [--only i,j,…] [--keep] [--verbose]';

interface Cli extends SuiteOptions {
  verbose: boolean;
}

function parseArgs(argv: string[]): Cli {
  const cli: Cli = { runs: 500, seed: randomInt(2 ** 32 - 1), concurrency: 2, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value. ${USAGE}`);
      return v;
    };
    const count = (min: number) => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer >= ${min}, got "${v}". ${USAGE}`);
      return n;
    };
    if (flag === '--runs') cli.runs = count(1);
    else if (flag === '--seed') cli.seed = count(0) >>> 0;
    else if (flag === '--concurrency') cli.concurrency = count(1);
    else if (flag === '--only') cli.only = value().split(',').map((s) => Number(s));
    else if (flag === '--keep') cli.keep = true;
    else if (flag === '--verbose') cli.verbose = true;
    else throw new Error(`unknown argument "${flag}". ${USAGE}`);
  }
  if (cli.only?.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`--only takes run indices such as 3,17. ${USAGE}`);
  return cli;
}

async function main(): Promise<number> {
  const cli = parseArgs(process.argv.slice(2));
  const total = cli.only?.length ?? cli.runs;
  console.log(`fault suite: ${total} runs, seed ${cli.seed}, concurrency ${cli.concurrency}`);
  const every = Math.max(10, Math.round(total / 10));
  const report = await runSuite({
    ...cli,
    onResult: (r, done) => {
      if (r.problems.length) console.log(failureReport(r, cli.seed));
      else if (cli.verbose) console.log(`ok: run ${r.plan.index} in ${(r.ms / 1000).toFixed(1)} s${r.rerun ? ` (re-run after ${r.rerun})` : ''}: ${describePlan(r.plan)}`);
      if (done % every === 0 && done < total) console.log(`… ${done}/${total} runs`);
    },
  });
  console.log(breakdown(report));
  console.log(summaryLine(report));
  return report.results.some((r) => r.problems.length > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`fault suite: ${(err as Error).message ?? err}`);
    process.exit(2);
  },
);
