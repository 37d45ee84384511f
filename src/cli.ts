/**
 * The command-line entry (`npx ultralytics-sync`), for GitLab CI, Jenkins or a shell: flags named
 * after the action's inputs, the same environment variables, the same pipeline, the same exit codes.
 */
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { INPUT_DOCS, OUTPUT_DOCS } from './inputs/catalog.js';
import { Inputs } from './inputs/inputs.js';
import { terminalLog } from './log.js';
import { run } from './main.js';
import { VERSION } from './version.js';

const HELP = `ultralytics-sync ${VERSION}: send a finished Ultralytics training run to Ultralytics Platform (or legacy HUB)

Usage: ultralytics-sync [flags]

Flags (the same as the GitHub Action's inputs):
${INPUT_DOCS.map((d) => `  --${d.name.padEnd(18)} ${d.description}${d.default ? ` [default: ${d.default}]` : ''}${d.example ? `\n  ${' '.repeat(20)} e.g. --${d.name} ${d.example}` : ''}`).join('\n')}

Other flags:
  --json               Print the outputs as one JSON object on stdout.
  --summary-file FILE  Write the Markdown summary to FILE (default: $GITHUB_STEP_SUMMARY when set).
  --verbose            Show request debug lines (never secrets).
  --version, --help

Environment: ULTRALYTICS_API_KEY (Platform key), HUB_API_KEY (HUB key), ULTRALYTICS_PLATFORM_URL,
ULTRALYTICS_HUB_API, ULTRALYTICS_HUB_WEB. Flags win over the environment.

Outputs (printed as name=value lines, or JSON with --json):
${OUTPUT_DOCS.map((o) => `  ${o.name.padEnd(12)} ${o.description}`).join('\n')}

Exit status: 0 synced (or partial with --fail-on-error false), 1 on any error or partial sync,
130/143 when interrupted (progress is saved for a re-run).

Examples:
  ULTRALYTICS_API_KEY=ul_… ultralytics-sync --run-dir runs/detect/train --project acme/helmets
  ultralytics-sync --run-dir runs/detect/train --project acme/helmets --dry-run --json
  ultralytics-sync --run-dir runs/detect/train --status failure --log-file train.log
`;

const inputNames = Object.values(Inputs) as string[];

function parse(argv: string[]) {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
    version: { type: 'boolean' },
    'summary-file': { type: 'string' },
  };
  for (const name of inputNames) options[name] = { type: 'string', multiple: name === Inputs.Weights };
  options[Inputs.DryRun] = { type: 'boolean' };
  return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values as Record<
    string,
    string | string[] | boolean | undefined
  >;
}

async function main(): Promise<number> {
  let flags: ReturnType<typeof parse>;
  try {
    flags = parse(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`ultralytics-sync: ${(err as Error).message}\nRun ultralytics-sync --help for the flags.\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (flags.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const log = terminalLog({ verbose: flags.verbose === true });
  const summaryFile = (flags['summary-file'] as string | undefined) ?? process.env.GITHUB_STEP_SUMMARY;
  const outcome = await run({
    input: (name) => {
      const v = flags[name];
      if (Array.isArray(v)) return v.join('\n');
      if (typeof v === 'boolean') return String(v);
      return v ?? '';
    },
    env: process.env,
    log,
    setOutput: () => {},
    writeSummary: async (markdown) => {
      if (!summaryFile) return null;
      await fs.promises.appendFile(summaryFile, markdown + '\n');
      return summaryFile;
    },
  });
  if (flags.json) process.stdout.write(log.redact(JSON.stringify(outcome.outputs, null, 2)) + '\n');
  else for (const [k, v] of Object.entries(outcome.outputs)) process.stdout.write(`${k}=${log.redact(v)}\n`);
  if (outcome.error) log.error(outcome.error);
  return outcome.exitCode;
}

process.exitCode = await main();
