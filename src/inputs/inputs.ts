/**
 * Reads and validates every input once, into one typed object. Nothing else reads inputs.
 *
 * The action reads them through @actions/core, the CLI through its flags; both give the same
 * `InputSource`, and both fall back to the same environment variables.
 */
import * as path from 'node:path';
import { assertSafeUrl } from '../transport/url-safety.js';
import { InputError } from './errors.js';
import {
  type BackendName,
  type ModelRef,
  checkKeyShape,
  keyBackend,
  modelBackend,
  keysInModel,
  parseModelRef,
} from './identifier.js';
import type { Log } from '../log.js';

/** The input names, as in action.yml. */
export const Inputs = {
  RunDir: 'run-dir',
  Weights: 'weights',
  Metrics: 'metrics',
  Args: 'args',
  Model: 'model',
  ApiKey: 'api-key',
  Backend: 'backend',
  ApiUrl: 'api-url',
  Project: 'project',
  Name: 'name',
  Epoch: 'epoch',
  Final: 'final',
  Map: 'map',
  Status: 'status',
  LogFile: 'log-file',
  StateFile: 'state-file',
  IfNoFilesFound: 'if-no-files-found',
  FailOnError: 'fail-on-error',
  DryRun: 'dry-run',
  Summary: 'summary',
  Baseline: 'baseline',
  MinMap: 'min-map',
  MaxMapDrop: 'max-map-drop',
  ReportFile: 'report-file',
  Comment: 'comment',
  GithubToken: 'github-token',
  StallTimeout: 'stall-timeout',
  RequestTimeout: 'request-timeout',
  Watch: 'watch',
  CheckpointInterval: 'checkpoint-interval',
  Reports: 'reports',
} as const;

export type InputSource = (name: string) => string;
export type RunStatus = 'success' | 'failure' | 'cancelled';
export type IfNoFilesFound = 'error' | 'warn' | 'ignore';

export interface ActionInputs {
  /** Relative paths resolve here; inputs may not leave it unless given as absolute paths. */
  workspace: string;
  /** One run directory given as a plain path; null: glob patterns below, or find the newest run under `runs/`. */
  runDir: string | null;
  /** Absolute glob lines (with `!` kept) of run directories, when `run-dir` holds a pattern or several lines. */
  runDirPatterns: string[] | null;
  /** Absolute glob lines (with `!` kept), or null for `<run-dir>/weights/*.pt`. */
  weights: string[] | null;
  metrics: string | null;
  args: string | null;
  model: ModelRef;
  apiKey: string;
  backend: BackendName;
  /** Why that backend, for the log. */
  backendReason: string;
  apiUrl: string;
  /** HUB's web root for model links. */
  webUrl: string;
  project: string | null;
  name: string | null;
  epoch: number | null;
  final: boolean;
  map: number | null;
  status: RunStatus;
  logFile: string | null;
  /** Where the sync state is kept; null: <run-dir>/.ultralytics-sync.json, else the user's state directory. */
  stateFile: string | null;
  ifNoFilesFound: IfNoFilesFound;
  failOnError: boolean;
  dryRun: boolean;
  summary: boolean;
  /** A run directory, results.csv or report JSON to compare with; null: no comparison. */
  baseline: string | null;
  /** Gate: the lowest final mAP that passes. */
  minMap: number | null;
  /** Gate: the largest drop of the final mAP against the baseline that passes (absolute). */
  maxMapDrop: number | null;
  /** Where to write the comparison and this run's final metrics as JSON. */
  reportFile: string | null;
  comment: boolean;
  /** For the pull-request comment; '' when there is none. */
  githubToken: string;
  stallTimeoutMs: number;
  requestTimeoutMs: number;
  /** Sync live while the training runs (main starts a watcher, post finishes). */
  watch: boolean;
  /** Live checkpoints go up at most this often. */
  checkpointIntervalMs: number;
}

/**
 * The inputs of the `reports` path (a matrix's last job): gather report files, summarise, comment,
 * gate. Nothing is sent to Ultralytics, so neither a key nor a backend is read.
 */
export interface ReportInputs
  extends Pick<
    ActionInputs,
    'workspace' | 'baseline' | 'minMap' | 'maxMapDrop' | 'reportFile' | 'comment' | 'githubToken' | 'summary' | 'dryRun' | 'requestTimeoutMs'
  > {
  /** Absolute glob lines of report files (with `!` kept); empty when the input is. */
  reports: string[];
}

/** True when the `reports` input asks for the gathering path instead of a sync. */
export function wantsReports(get: InputSource): boolean {
  return get(Inputs.Reports)
    .split(/\r?\n/)
    .some((l) => l.trim() && !l.trim().startsWith('#'));
}

/** The pull-request stage's inputs, the same for a sync and for the `reports` path. */
function pullRequestInputs(read: (name: string) => string, workspace: string) {
  return {
    baseline: optionalPath(read(Inputs.Baseline), Inputs.Baseline, workspace),
    minMap: fraction(read(Inputs.MinMap), Inputs.MinMap, 'the lowest final mAP50-95 that passes, e.g. 0.45'),
    maxMapDrop: fraction(read(Inputs.MaxMapDrop), Inputs.MaxMapDrop, 'an absolute drop of mAP50-95, e.g. 0.01 for one point, not a percentage'),
    reportFile: optionalPath(read(Inputs.ReportFile), Inputs.ReportFile, workspace),
    comment: bool(read(Inputs.Comment), Inputs.Comment, false),
  };
}

/** Reads only the inputs of the `reports` path. */
export function getReportInputs(get: InputSource, env: NodeJS.ProcessEnv, log: Log): ReportInputs {
  const read = (name: string) => get(name).trim();
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const githubToken = read(Inputs.GithubToken) || env.GITHUB_TOKEN || '';
  log.addSecret(githubToken);
  return {
    workspace,
    reports: patternLines(read(Inputs.Reports), Inputs.Reports, workspace) ?? [],
    ...pullRequestInputs(read, workspace),
    githubToken,
    summary: bool(read(Inputs.Summary), Inputs.Summary, true),
    dryRun: false,
    requestTimeoutMs: seconds(read(Inputs.RequestTimeout), Inputs.RequestTimeout, 30) * 1000,
  };
}

export const HUB_API_DEFAULT = 'https://api.ultralytics.com';
export const HUB_WEB_DEFAULT = 'https://hub.ultralytics.com';
export const PLATFORM_DEFAULT = 'https://platform.ultralytics.com';
const HUB_SHUTDOWN_HOST = 'api.ultralytics.com';

export function getInputs(get: InputSource, env: NodeJS.ProcessEnv, log: Log): ActionInputs {
  const read = (name: string) => get(name).trim();
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());

  // Secrets first, before anything could print them.
  const keyInput = read(Inputs.ApiKey);
  log.addSecret(keyInput);
  log.addSecret(env.ULTRALYTICS_API_KEY);
  log.addSecret(env.HUB_API_KEY);
  const modelText = read(Inputs.Model);
  for (const key of keysInModel(modelText)) log.addSecret(key);
  const model = parseModelRef(modelText);

  const githubToken = read(Inputs.GithubToken) || env.GITHUB_TOKEN || '';
  log.addSecret(githubToken);

  const project = read(Inputs.Project) || null;
  const { backend, backendReason, apiKey } = chooseBackend(read(Inputs.Backend), keyInput, model, project, env);
  checkKeyShape(apiKey, backend);
  if (model.kind === 'create' && backend === 'platform') {
    throw new InputError(
      Inputs.Model,
      `"${model.filename}" asks to create a HUB model; on Ultralytics Platform a run is registered by \`project\` and \`name\` instead. Remove \`model\` or use ul://owner/project/model.`,
    );
  }

  const apiUrl = chooseApiUrl(read(Inputs.ApiUrl), backend, env);
  if (backend === 'hub' && new URL(apiUrl).hostname === HUB_SHUTDOWN_HOST) {
    throw new InputError(
      Inputs.Backend,
      'selects Ultralytics HUB, which shut down on 2026-07-31. Move to Ultralytics Platform: create a `ul_…` API key at ' +
        'https://platform.ultralytics.com/settings, pass it as `api-key`, and set `project` (or use `backend: platform`). ' +
        'A HUB model id cannot be continued on Platform; the run is registered anew there.',
    );
  }

  const runDirLines = patternLines(read(Inputs.RunDir), Inputs.RunDir, workspace);
  const single = runDirLines?.length === 1 && !/^!|[*?[\]{}]/.test(runDirLines[0]) ? runDirLines[0] : null;
  return {
    workspace,
    runDir: single,
    runDirPatterns: single ? null : runDirLines,
    weights: patternLines(read(Inputs.Weights), Inputs.Weights, workspace),
    metrics: optionalPath(read(Inputs.Metrics), Inputs.Metrics, workspace),
    args: optionalPath(read(Inputs.Args), Inputs.Args, workspace),
    model,
    apiKey,
    backend,
    backendReason,
    apiUrl,
    webUrl: backend === 'hub' ? hubWebUrl(apiUrl, env) : apiUrl,
    project,
    name: read(Inputs.Name) || null,
    epoch: wholeNumber(read(Inputs.Epoch), Inputs.Epoch),
    final: bool(read(Inputs.Final), Inputs.Final, true),
    map: fraction(read(Inputs.Map), Inputs.Map),
    status: runStatus(read(Inputs.Status)),
    logFile: optionalPath(read(Inputs.LogFile), Inputs.LogFile, workspace),
    stateFile: optionalPath(read(Inputs.StateFile), Inputs.StateFile, workspace),
    ifNoFilesFound: oneOf(read(Inputs.IfNoFilesFound).toLowerCase() || 'error', Inputs.IfNoFilesFound, [
      'error',
      'warn',
      'ignore',
    ]),
    failOnError: bool(read(Inputs.FailOnError), Inputs.FailOnError, true),
    dryRun: bool(read(Inputs.DryRun), Inputs.DryRun, false),
    summary: bool(read(Inputs.Summary), Inputs.Summary, true),
    ...pullRequestInputs(read, workspace),
    githubToken,
    stallTimeoutMs: seconds(read(Inputs.StallTimeout), Inputs.StallTimeout, 120) * 1000,
    requestTimeoutMs: seconds(read(Inputs.RequestTimeout), Inputs.RequestTimeout, 30) * 1000,
    watch: bool(read(Inputs.Watch), Inputs.Watch, false),
    checkpointIntervalMs: seconds(read(Inputs.CheckpointInterval), Inputs.CheckpointInterval, 900) * 1000,
  };
}

function chooseBackend(
  raw: string,
  keyInput: string,
  model: ModelRef,
  project: string | null,
  env: NodeJS.ProcessEnv,
): { backend: BackendName; backendReason: string; apiKey: string } {
  const wanted = oneOf(raw.toLowerCase() || 'auto', Inputs.Backend, ['auto', 'hub', 'platform']);
  const modelKey = model.kind === 'id' ? model.key : undefined;
  const envKey = (b: BackendName | null) =>
    b === 'hub' ? env.HUB_API_KEY : b === 'platform' ? env.ULTRALYTICS_API_KEY : env.ULTRALYTICS_API_KEY || env.HUB_API_KEY;

  if (wanted !== 'auto') {
    const apiKey = keyInput || modelKey || envKey(wanted) || '';
    return { backend: wanted, backendReason: 'set by the `backend` input', apiKey: requireKey(apiKey, wanted) };
  }
  const fromModel = modelBackend(model);
  const apiKey = keyInput || modelKey || envKey(fromModel) || '';
  const fromKey = apiKey ? keyBackend(apiKey) : null;
  if (fromKey) {
    const backendReason = fromKey === 'platform' ? 'the key is a Platform key (ul_…)' : 'the key is a 42-character HUB key';
    return { backend: fromKey, backendReason, apiKey: requireKey(apiKey, fromKey) };
  }
  const backend: BackendName = fromModel ?? 'platform';
  const backendReason = fromModel
    ? `the model is given in ${fromModel === 'hub' ? 'a HUB' : 'a Platform'} form`
    : project
      ? 'a `project` is given'
      : 'Platform is the default';
  return { backend, backendReason, apiKey: requireKey(apiKey, backend) };
}

function requireKey(key: string, backend: BackendName): string {
  if (key) return key;
  const envName = backend === 'hub' ? 'HUB_API_KEY' : 'ULTRALYTICS_API_KEY';
  throw new InputError(
    Inputs.ApiKey,
    `is empty and env ${envName} is not set. Add the key as a repository secret and pass it: \`api-key: \${{ secrets.${envName} }}\`.`,
  );
}

function chooseApiUrl(raw: string, backend: BackendName, env: NodeJS.ProcessEnv): string {
  const fallback =
    backend === 'hub'
      ? env.ULTRALYTICS_HUB_API || HUB_API_DEFAULT
      : env.ULTRALYTICS_PLATFORM_URL || PLATFORM_DEFAULT;
  const value = raw || fallback;
  try {
    const url = assertSafeUrl(value, 'api-url');
    return url.origin + url.pathname.replace(/\/+$/, '');
  } catch (err) {
    throw new InputError(Inputs.ApiUrl, `(${value}) is not usable: ${(err as Error).message}`);
  }
}

function hubWebUrl(apiUrl: string, env: NodeJS.ProcessEnv): string {
  if (env.ULTRALYTICS_HUB_WEB) return env.ULTRALYTICS_HUB_WEB.replace(/\/+$/, '');
  return apiUrl === HUB_API_DEFAULT ? HUB_WEB_DEFAULT : apiUrl;
}

/**
 * A Windows path given on a POSIX machine (`C:\runs\train`, `C:/runs`, `runs\detect\train`,
 * `\\server\share`): on Linux and macOS a backslash is part of a file name, not a separator,
 * so such a path names a file that does not exist. In a glob, a backslash before a glob character
 * (`\*`, `\[`) is an escape and stays allowed.
 */
function isWindowsPath(value: string, glob: boolean): boolean {
  if (path.sep !== '/') return false; // on Windows itself, these are the paths
  if (/^[A-Za-z]:([\\/]|$)/.test(value)) return true;
  return glob ? /\\[^*?[\]{}()!@+\\]/.test(value) : value.includes('\\');
}

/** A path input: relative ones resolve in the workspace and may not climb out of it. */
export function resolveInWorkspace(value: string, input: string, workspace: string, opts: { glob?: boolean } = {}): string {
  if (isWindowsPath(value, opts.glob === true)) {
    throw new InputError(
      input,
      `(${value}) is a Windows path. ultralytics-sync runs on Linux and macOS, where \\ is part of a file name and there are no drive letters, ` +
        'so it names no file. Use forward slashes, relative to the workspace, e.g. runs/detect/train.',
    );
  }
  if (path.isAbsolute(value)) return path.normalize(value);
  const abs = path.resolve(workspace, value);
  const rel = path.relative(workspace, abs);
  if (rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) {
    throw new InputError(
      input,
      `(${value}) points outside the workspace. Use a path inside the workspace, or an absolute path if you really mean a file elsewhere.`,
    );
  }
  return abs;
}

function optionalPath(value: string, input: string, workspace: string): string | null {
  return value ? resolveInWorkspace(value, input, workspace) : null;
}

/** Glob lines, one per line (`#` comments, `!` excludes), each resolved in the workspace; null when none. */
function patternLines(raw: string, input: string, workspace: string): string[] | null {
  const lines = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines.length === 0) return null;
  return lines.map((line) => {
    const negate = line.startsWith('!');
    const pattern = negate ? line.slice(1).trim() : line;
    return (negate ? '!' : '') + resolveInWorkspace(pattern, input, workspace, { glob: true });
  });
}

/** GitHub's job.status spellings, and GitLab's CI_JOB_STATUS ones (`failed`, `canceled`). */
function runStatus(value: string): RunStatus {
  const aliases: Record<string, RunStatus> = { failed: 'failure', canceled: 'cancelled' };
  const v = value.toLowerCase() || 'success';
  return oneOf(aliases[v] ?? v, Inputs.Status, ['success', 'failure', 'cancelled']);
}

function oneOf<T extends string>(value: string, input: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(input, `must be one of ${allowed.map((a) => `\`${a}\``).join(', ')}; got "${value}".`);
}

function bool(value: string, input: string, fallback: boolean): boolean {
  if (!value) return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new InputError(input, `must be true or false; got "${value}".`);
}

function wholeNumber(value: string, input: string): number | null {
  if (!value) return null;
  if (!/^\d+$/.test(value)) {
    throw new InputError(input, `must be a whole number ≥ 0 (the 0-based epoch, as the trainer counts); got "${value}".`);
  }
  return Number(value);
}

function fraction(value: string, input: string, what = 'mAP50-95 as a fraction, e.g. 0.4567'): number | null {
  if (!value) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new InputError(input, `must be a number from 0 to 1 (${what}); got "${value}".`);
  }
  return n;
}

/** Node's timers hold at most 2^31-1 ms; a longer delay fires after 1 ms instead (a false timeout). */
const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

function seconds(value: string, input: string, fallback: number): number {
  if (!value) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InputError(input, `must be a number of seconds > 0; got "${value}".`);
  if (n > MAX_TIMER_SECONDS) {
    throw new InputError(
      input,
      `must be at most ${MAX_TIMER_SECONDS} seconds (about 24 days, the longest timer Node.js can hold); got "${value}". Use a smaller value.`,
    );
  }
  return n;
}
