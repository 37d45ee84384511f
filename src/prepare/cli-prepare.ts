/**
 * `ultralytics-sync prepare`: prints the `yolo train` arguments of a HUB model (the action's
 * `train-args` output), or with --json its `train-args-json`. The log goes to stderr, so
 *
 *   eval "yolo train $(ultralytics-sync prepare --model https://hub.ultralytics.com/models/ID)"
 *
 * runs the training the model is configured for (eval: the arguments are quoted for the shell).
 */
import { parseArgs } from 'node:util';
import { InputError } from '../inputs/errors.js';
import { getInputs, Inputs } from '../inputs/inputs.js';
import { type Log, terminalLog } from '../log.js';
import { RunDirError } from '../rundir/errors.js';
import { HttpError } from '../transport/errors.js';
import { Transport } from '../transport/http.js';
import { VERSION } from '../version.js';
import { prepareHubTraining } from './hub-train-args.js';

export const PREPARE_HELP = `Usage: ultralytics-sync prepare --model MODEL [flags]

Reads a HUB model and prints the arguments of the training it is configured for, as
\`yolo train\` takes them: its train_args and config from its parent's weights or its
architecture, or resume=True from its last weights. Weights the training starts from are
downloaded first (into --download-dir) and named by their local path. A trained model is refused.

Flags:
  --model MODEL         A HUB model URL (https://hub.ultralytics.com/models/ID) or its id.
  --backend hub         Only hub: Ultralytics Platform keeps no training configuration.
  --api-key KEY         The HUB API key. Prefer env HUB_API_KEY, which no process list shows.
  --api-url URL         The HUB API root. Default: env ULTRALYTICS_HUB_API, else
                        https://api.ultralytics.com.
  --download-dir DIR    Where the weights go. Default: env RUNNER_TEMP, else the temp directory.
  --request-timeout S   Deadline in seconds for one API request attempt. [default: 30]
  --stall-timeout S     Seconds without download progress before a try is retried. [default: 120]
  --json                Print the arguments as one JSON object (numbers and booleans typed).
  --verbose             Show each request (never a secret).
  --help                Print this help.

Examples:
  export HUB_API_KEY=…
  eval "yolo train $(ultralytics-sync prepare --backend hub --model MODEL_URL)"
  ultralytics-sync prepare --backend hub --model MODEL_ID --json > train-args.json

Exit status: 0 printed, 1 any error (a trained model, a bad key, a failed download), 2 a bad flag.
`;

const STRING_FLAGS = [Inputs.Model, Inputs.Backend, Inputs.ApiKey, Inputs.ApiUrl, Inputs.RequestTimeout, Inputs.StallTimeout, 'download-dir'];

export interface PrepareIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  /** The log's sink (stderr); tests pass their own. */
  log?: Log;
}

/** Runs `prepare` with the arguments after the subcommand; returns the exit status. */
export async function prepareCommand(argv: string[], io: PrepareIo): Promise<number> {
  let flags: Record<string, string | boolean | undefined>;
  try {
    const options: Record<string, { type: 'string' | 'boolean' }> = { json: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean' } };
    for (const name of STRING_FLAGS) options[name] = { type: 'string' };
    flags = parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values as typeof flags;
  } catch (err) {
    process.stderr.write(`ultralytics-sync prepare: ${(err as Error).message}\nRun ultralytics-sync prepare --help for the flags.\n`);
    return 2;
  }
  if (flags.help) {
    io.stdout(PREPARE_HELP);
    return 0;
  }
  const log = io.log ?? terminalLog({ verbose: flags.verbose === true });
  let transport: Transport | undefined;
  try {
    const inputs = getInputs((name) => (typeof flags[name] === 'string' ? (flags[name] as string) : ''), io.env, log);
    log.info(`ultralytics-sync ${VERSION} prepare: backend ${inputs.backend} (${inputs.backendReason}), ${inputs.apiUrl}`);
    transport = new Transport({
      log,
      userAgent: `ultralytics-sync/${VERSION} node/${process.versions.node}`,
      timeoutMs: inputs.requestTimeoutMs,
      retry: { attempts: 8, baseMs: 500, capMs: 30_000, budgetMs: 300_000 },
      stallMs: inputs.stallTimeoutMs,
    });
    const result = await prepareHubTraining({
      inputs,
      transport,
      log,
      env: io.env,
      downloadDir: typeof flags['download-dir'] === 'string' ? flags['download-dir'] : '',
    });
    io.stdout(log.redact(flags.json ? `${JSON.stringify(result.values, null, 2)}\n` : `${result.argString}\n`));
    return 0;
  } catch (err) {
    const expected = err instanceof InputError || err instanceof HttpError || err instanceof RunDirError;
    if (!expected) log.debug(log.redact((err as Error)?.stack ?? ''));
    log.error(log.redact(err instanceof Error ? err.message : String(err)));
    return 1;
  } finally {
    transport?.dispose();
  }
}
