/**
 * The command-line entry (`npx ultralytics-sync`), for GitLab CI, Jenkins or a shell: flags named
 * after the action's inputs, the same environment variables, the same pipeline, the same exit codes.
 */
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { INPUT_DOCS, OUTPUT_DOCS } from './inputs/catalog.js';
import { Inputs } from './inputs/inputs.js';
import { captureStdout, oneLine, terminalLog } from './log.js';
import { OutputGate } from './commands/output-gate.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { watchCommand } from './commands/watch.js';
import { type Host, run } from './main.js';
import { prepareCommand } from './prepare/cli-prepare.js';
import { VERSION } from './version.js';

const WIDTH = 100;
const FLAG_COLUMN = 24;

/**
 * `text` wrapped to WIDTH columns from column `indent`; `label` (e.g. the flag) stands before it on
 * the first line, or alone on its own line when it is too long. A `${{ … }}` expression stays whole.
 */
function wrap(text: string, indent: number, label = ''): string {
  const lines: string[] = [];
  let line = label.padEnd(indent);
  if (label.length >= indent - 1) {
    lines.push(label);
    line = ' '.repeat(indent);
  }
  let empty = true;
  for (const word of text.match(/\$\{\{.*?\}\}\S*|\S+/g) ?? []) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(indent);
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

/** A value as a POSIX shell needs it: single-quoted when it holds a glob, a space or another special. */
function shellWord(value: string): string {
  return /[\s'"`$\\*?[\]{}()<>|&;!#~]/.test(value) ? `'${value.replace(/'/g, `'\\''`)}'` : value;
}

/**
 * Flags that need no value on the command line: `--dry-run` alone means true; like any other
 * true/false flag they also take one (`--dry-run false`, `--comment=true`).
 */
const SWITCHES: ReadonlySet<string> = new Set([Inputs.DryRun, Inputs.Comment]);
const BOOLEAN_WORD = /^(true|false|yes|no|on|off|1|0)$/i;

/** Flags that may be repeated, one pattern each (the action's input takes one per line). */
const MULTIPLE: ReadonlySet<string> = new Set([Inputs.RunDir, Inputs.Weights, Inputs.Reports]);

/** What a flag's value is, for the usage column. */
const METAVAR: Record<string, string> = {
  [Inputs.RunDir]: 'DIR|GLOB',
  [Inputs.Weights]: 'GLOB',
  [Inputs.Reports]: 'GLOB',
  [Inputs.Metrics]: 'FILE',
  [Inputs.Args]: 'FILE',
  [Inputs.LogFile]: 'FILE',
  [Inputs.ApiKey]: 'KEY',
  [Inputs.ApiUrl]: 'URL',
  [Inputs.Model]: 'MODEL',
  [Inputs.Project]: 'PROJECT',
  [Inputs.Name]: 'NAME',
  [Inputs.Epoch]: 'N',
  [Inputs.Map]: 'X',
  [Inputs.StallTimeout]: 'SECONDS',
  [Inputs.RequestTimeout]: 'SECONDS',
  [Inputs.Baseline]: 'PATH',
  [Inputs.MinMap]: 'X',
  [Inputs.MaxMapDrop]: 'X',
  [Inputs.ReportFile]: 'FILE',
  [Inputs.GithubToken]: 'TOKEN',
};

/** What differs on the command line from the action's input. */
const CLI_NOTE: Record<string, string> = {
  [Inputs.RunDir]: 'Repeat the flag for several patterns.',
  [Inputs.Weights]: 'Repeat the flag for several patterns.',
  [Inputs.Reports]: 'With the report subcommand; repeat the flag for several patterns.',
  [Inputs.Watch]: 'On the command line, use `ultralytics-sync watch` or `ultralytics-sync run -- …` instead.',
  [Inputs.DryRun]: 'Alone it means true; `--dry-run false` also works.',
  [Inputs.Comment]: 'Needs GITHUB_EVENT_PATH, GITHUB_EVENT_NAME, GITHUB_REPOSITORY and GITHUB_TOKEN, as in a GitHub Actions job; elsewhere it says so and does nothing.',
};

function flagHelp(d: (typeof INPUT_DOCS)[number]): string {
  const isSwitch = SWITCHES.has(d.name);
  const usage = isSwitch ? `--${d.name} [true|false]` : `--${d.name} ${METAVAR[d.name] ?? 'VALUE'}`;
  const text = [d.description, CLI_NOTE[d.name], d.default && !d.default.startsWith('${{') ? `[default: ${d.default}]` : ''].filter(Boolean).join(' ');
  const example = isSwitch ? `--${d.name}` : `--${d.name} ${shellWord(d.example)}`;
  return `${wrap(text, FLAG_COLUMN, `  ${usage}`)}\n${' '.repeat(FLAG_COLUMN)}e.g. ${example}`;
}

/** Two-column rows: the name, then its text wrapped from FLAG_COLUMN. */
const rows = (pairs: [string, string][]) => pairs.map(([name, text]) => wrap(text, FLAG_COLUMN, `  ${name}`)).join('\n');

const HELP = `ultralytics-sync ${VERSION}: send an Ultralytics YOLO training run to Ultralytics Platform (or to a
legacy HUB-compatible server), after the training or live while it runs

Usage:
  ultralytics-sync [flags]                        sync a run after its training
  ultralytics-sync watch [flags] [--pid PID]      sync live beside a training, then the final sync;
                                                  stops on SIGINT/SIGTERM or when PID exits
  ultralytics-sync run [flags] -- COMMAND [ARG…]   run the training, tee its output into the
                                                  console log, sync live, then the final sync
                                                  with the status of its exit code
  ultralytics-sync report --reports GLOB [flags]  gather report files (a matrix's report-file
                                                  artifacts): one summary, one comment, one gate;
                                                  sends nothing and needs no API key
  ultralytics-sync prepare --model MODEL [flags]  HUB: print the model's yolo train arguments
                                                  (ultralytics-sync prepare --help)

Flags (the GitHub Action's inputs; a flag wins over the environment):
${INPUT_DOCS.map(flagHelp).join('\n')}

Other flags:
${rows([
  ['--json', 'Print the outputs as one JSON object on stdout (the log goes to stderr).'],
  ['--summary-file FILE', 'Append the Markdown job summary to FILE. Default: $GITHUB_STEP_SUMMARY when set.'],
  ['--verbose', 'Show each request (never a secret).'],
  ['--version', 'Print the version.'],
  ['--help', 'Print this help.'],
])}

Environment:
${rows([
  ['ULTRALYTICS_API_KEY', 'The Platform key. Prefer it to --api-key, which shows up in process lists.'],
  ['HUB_API_KEY', 'The legacy HUB key.'],
  ['ULTRALYTICS_PLATFORM_URL', 'The Platform API root (like --api-url).'],
  ['ULTRALYTICS_HUB_API', 'The HUB API root.'],
  ['ULTRALYTICS_HUB_WEB', 'The HUB web root, for model links.'],
  ['GITHUB_TOKEN', 'The token for --comment (like --github-token); GITHUB_API_URL is the API root.'],
])}

Outputs (name=value lines on stdout, or one JSON object with --json):
${rows(OUTPUT_DOCS.map((o) => [o.name, o.description]))}

Exit status (the same as the action's step):
  0    synced, dry-run, cancelled by the server, or partial with --fail-on-error false
  1    any error (a rejected key, a bad input, a missing file), a partial sync, a failed gate
  2    an unknown flag or a flag without its value
  130  interrupted (SIGINT), 143 terminated (SIGTERM): progress is saved for a re-run

Examples:
  # send a run to Ultralytics Platform
  export ULTRALYTICS_API_KEY=ul_…
  ultralytics-sync --run-dir runs/detect/train --project acme/helmets

  # read and hash the files, print the plan and the outputs as JSON, upload nothing
  ultralytics-sync --run-dir runs/detect/train --project acme/helmets --dry-run --json

  # report a failed training with its console log
  ultralytics-sync --run-dir runs/detect/train --status failure --log-file train.log

  # run the training and sync it live (GitLab, Jenkins, a shell); exits with the training's code
  ultralytics-sync run --project acme/helmets -- yolo train model=yolo11n.pt data=coco8.yaml

  # a matrix's last job: one summary, one comment and one gate over every job's report file
  ultralytics-sync report --reports 'reports/*.json' --min-map 0.45 --comment

  # follow a training started elsewhere until it exits
  ultralytics-sync watch --project acme/helmets --log-file train.log --pid "$TRAIN_PID"

  # against the emulator (ultralytics-sync emulator --port 8787), which takes any ul_ + 40 hex key
  ultralytics-sync --api-url http://127.0.0.1:8787 --project demo/helmets \\
    --api-key ul_0123456789abcdef0123456789abcdef01234567
`;

const COMMON_FLAGS = `Flags: every flag of the plain command (ultralytics-sync --help), e.g. --project, --api-url,
--log-file, --run-dir, --checkpoint-interval, --status, --json, --verbose.`;

const WATCH_HELP = `ultralytics-sync watch: sync a training live, beside it, then do the final sync

Usage:
  ultralytics-sync watch [flags] [--pid PID]

Follows every run whose args.yaml appears after it started (--run-dir names them, else every new
run under the workspace): registers each, and sends its epochs, its console lines (--log-file) and
checkpoints as the trainers write them. It stops on SIGINT/SIGTERM, or when the process PID exits,
then sends the rest and reports each run: --status when given, else what its checkpoints tell (a
stripped best.pt: success, else failure).

${rows([['--pid PID', 'The training\'s process: stop when it exits. Its command line is sent as the run\'s command.']])}

${COMMON_FLAGS}

Examples:
  yolo train model=yolo11n.pt data=coco8.yaml > train.log 2>&1 &
  ultralytics-sync watch --project acme/helmets --log-file train.log --pid $!
`;

const RUN_HELP = `ultralytics-sync run: run the training, sync it live, then do the final sync

Usage:
  ultralytics-sync run [flags] -- COMMAND [ARG…]

Starts COMMAND with its output passed through and teed into the console log (--log-file, else a
temporary file), follows every run it writes (several trainings, a tune), and sends each run's
epochs, log lines and checkpoints live. The final sync reports each run: a stripped checkpoint is
success; else the exit tells: 0 is success; SIGINT, SIGTERM or SIGHUP is cancelled; any other code
or signal (SIGKILL from the OOM killer, SIGSEGV, SIGABRT) is failure. --status wins. The command
does not get ULTRALYTICS_API_KEY or HUB_API_KEY.

Exit status: the command's (128 + N for signal N), or 1 when it succeeded and the sync did not.

${COMMON_FLAGS}

Examples:
  ultralytics-sync run --project acme/helmets -- yolo train model=yolo11n.pt data=coco8.yaml
  ultralytics-sync run --project acme/helmets --log-file train.log -- python train.py
`;

const REPORT_HELP = `ultralytics-sync report: one verdict over a matrix's report files

Usage:
  ultralytics-sync report [flags] --reports GLOB [--reports GLOB …]

Reads the report files that the training jobs wrote (--report-file, uploaded as artifacts) and
writes one summary with the runs of every job, one pull-request comment (--comment) and one gate
over all runs (--min-map, --max-map-drop, --baseline). Nothing is sent to Ultralytics and no API
key is read. Without a baseline or thresholds here, each run keeps the verdict its job recorded.

${rows([
  ['--reports GLOB', 'Report files to gather; repeat for several patterns, `!` excludes.'],
  ['--baseline PATH', 'Compare every run with this baseline (a report, a folder of them, run directories).'],
  ['--min-map X', 'Gate: the lowest final mAP50-95 that passes, for every run.'],
  ['--max-map-drop X', 'Gate: the largest drop against the baseline that passes, for every run.'],
  ['--report-file FILE', 'Write one report file with every run.'],
  ['--comment', 'One pull-request comment over every run (with --github-token or GITHUB_TOKEN).'],
  ['--github-token TOKEN', 'The token for --comment.'],
  ['--summary false', 'No job summary.'],
  ['--summary-file FILE', 'Append the Markdown summary to FILE.'],
  ['--json', 'Print the outputs as one JSON object.'],
  ['--verbose', 'Show each request.'],
])}

Examples:
  ultralytics-sync report --reports 'reports/*.json' --min-map 0.45 --summary-file summary.md
`;

const inputNames = Object.values(Inputs) as string[];

/** Levenshtein distance: how many single-character edits turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The known flag nearest to `name`, when it is near enough to be a typo of it. */
function nearest(name: string, known: string[]): string | undefined {
  let best: { flag: string; d: number } | undefined;
  for (const flag of known) {
    const d = editDistance(name.toLowerCase(), flag);
    if (!best || d < best.d) best = { flag, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.flag : undefined;
}

/** A mistake in the flags (exit status 2). */
class FlagError extends Error {}

/**
 * The flags as parseArgs takes them: a switch without a true/false after it gets `=true`, so that
 * `--dry-run`, `--dry-run false` and `--dry-run=false` all work.
 */
function withSwitchValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    out.push(a);
    if (a.startsWith('--') && SWITCHES.has(a.slice(2)) && !BOOLEAN_WORD.test(argv[i + 1] ?? '')) out[out.length - 1] = `${a}=true`;
  }
  return out;
}

/** Refuses the first unknown flag, naming the known flag nearest to it. `takesValue`: flags whose next word is their value. */
function checkFlagNames(argv: string[], known: string[], takesValue: (name: string, next: string | undefined) => boolean): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-' || a === '-h') continue;
    const name = a.replace(/^--?/, '').split('=')[0];
    if (known.includes(name)) {
      if (!a.includes('=') && takesValue(name, argv[i + 1])) i++;
      continue;
    }
    const near = nearest(name, known);
    throw new FlagError(`unknown flag ${a.split('=')[0]}${near ? `; did you mean --${near}?` : '.'}`);
  }
}

function parse(argv: string[], command: Command) {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
    'summary-file': { type: 'string' },
  };
  for (const name of inputNames) options[name] = { type: 'string', multiple: MULTIPLE.has(name) };
  if (command === 'watch') options.pid = { type: 'string' };
  checkFlagNames(argv, Object.keys(options), (name, next) =>
    SWITCHES.has(name) ? BOOLEAN_WORD.test(next ?? '') : options[name].type === 'string',
  );
  if (command === 'sync' && argv.some((a) => a === `--${Inputs.Watch}` || a.startsWith(`--${Inputs.Watch}=`))) {
    const i = argv.findIndex((a) => a === `--${Inputs.Watch}` || a.startsWith(`--${Inputs.Watch}=`));
    const value = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
    if (!/^(false|no|off|0)$/i.test(value ?? '')) {
      throw new FlagError(
        '--watch is the GitHub Action\'s live mode (its post step finishes the sync). On the command line, sync live with ' +
          '`ultralytics-sync watch [flags] [--pid PID]` beside a training started elsewhere, or `ultralytics-sync run [flags] -- <training command>`.',
      );
    }
  }
  return parseArgs({ args: withSwitchValues(argv), options, allowPositionals: false, strict: true }).values as Record<
    string,
    string | string[] | boolean | undefined
  >;
}

type Command = 'sync' | 'watch' | 'run' | 'report';

/** The subcommand, its flags, and for `run` the training command after `--`. */
function split(argv: string[]): { command: Command; flags: string[]; training: string[] } {
  const command: Command = argv[0] === 'watch' || argv[0] === 'run' || argv[0] === 'report' ? argv[0] : 'sync';
  const rest = command === 'sync' ? argv : argv.slice(1);
  const dashes = command === 'run' ? rest.indexOf('--') : -1;
  return dashes < 0 ? { command, flags: rest, training: [] } : { command, flags: rest.slice(0, dashes), training: rest.slice(dashes + 1) };
}

async function main(): Promise<number> {
  if (process.argv[2] === 'prepare') {
    return prepareCommand(process.argv.slice(3), { env: process.env, stdout: (text) => void process.stdout.write(text) });
  }
  let flags: ReturnType<typeof parse>;
  const { command, flags: argv, training } = split(process.argv.slice(2));
  try {
    flags = parse(argv, command);
    if (flags.pid !== undefined && !/^\d+$/.test(String(flags.pid))) throw new Error(`--pid must be a process id; got "${flags.pid}"`);
  } catch (err) {
    const help = command === 'sync' ? 'ultralytics-sync --help' : `ultralytics-sync ${command} --help`;
    process.stderr.write(`ultralytics-sync: ${(err as Error).message}\nRun ${help} for the flags.\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(command === 'watch' ? WATCH_HELP : command === 'run' ? RUN_HELP : command === 'report' ? REPORT_HELP : HELP);
    return 0;
  }
  if (flags.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  // `run --`: the training's output and the log share the terminal; the gate keeps the training's lines whole.
  const gate =
    command === 'run'
      ? new OutputGate({ out: (text) => print(text), err: (text) => void process.stderr.write(text), tty: process.stderr.isTTY === true })
      : null;
  const log = terminalLog({ verbose: flags.verbose === true, write: gate ? (line) => gate.log(line) : undefined });
  const print = captureStdout(log);
  const summaryFile = (flags['summary-file'] as string | undefined) ?? process.env.GITHUB_STEP_SUMMARY;
  const host: Host = {
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
  };
  const gathering = command === 'report' || (command === 'sync' && flags[Inputs.Reports] !== undefined);
  const outcome = await (gathering
    ? reportCommand(host)
    : command === 'watch'
      ? watchCommand(host, { pid: flags.pid === undefined ? undefined : Number(flags.pid) })
      : command === 'run'
        ? runCommand(host, training, (chunk, stream) => gate?.child(chunk, stream), () => gate?.end())
        : run(host)
  ).catch((err: unknown) => ({ exitCode: 1, outputs: {}, error: log.redact((err as Error).message) }));
  if (flags.json) print(log.redact(JSON.stringify(outcome.outputs, null, 2)) + '\n');
  else for (const [k, v] of Object.entries(outcome.outputs)) print(`${k}=${oneLine(log.redact(v))}\n`);
  if (outcome.error) log.error(outcome.error);
  return outcome.exitCode;
}

process.exitCode = await main();
