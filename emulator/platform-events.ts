/**
 * Checks of the `data` of each Platform training event (W1) against PLATFORM-API.md. Each checker
 * only reports deviations through `flag`; it never changes state and never refuses the event (the
 * server is lenient the way the real one is: it acts on what it can read).
 */
import { badEntries, describe, isCount, isNumOrNull, isObject } from './checks.js';

const DOC = 'PLATFORM-API.md';

export const EVENTS = [
  'training_started',
  'epoch_end',
  'console_output',
  'checkpoint_saved',
  'training_complete',
  'training_failed',
] as const;
export type EventName = (typeof EVENTS)[number];

/** A signed upload handed out by W2, and the PUT that used it. */
export interface SignedUpload {
  token: string;
  signature: string;
  modelId: string;
  runId: string;
  filename: string;
  gcsPath: string;
  uploadPath: string;
  expiresAt: number;
  put?: { bytes: number; sha256: string };
}

/** What the checks need to know about the run an event belongs to. */
export interface RunContext {
  runId: string;
  /** W2 answers given to this model, by gcsPath. */
  uploads: Map<string, SignedUpload>;
  lastChunkId: number;
}

type Flag = (problem: string) => void;
type Data = Record<string, unknown>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function checkSlugs(flag: Flag, project: string, name: string): void {
  const slash = project.indexOf('/');
  const owner = slash >= 0 ? project.slice(0, slash) : undefined;
  const projectSlug = slash >= 0 ? project.slice(slash + 1) : project;
  if (owner !== undefined && !/^[^/\s]+$/.test(owner)) flag(`project owner '${owner}' is empty or has spaces`);
  if (!SLUG.test(projectSlug) || projectSlug.length > 128) {
    flag(`project '${project}' is not slug-shaped; ${DOC} sends slugify(project) (or owner/slug)`);
  }
  if (!SLUG.test(name) || name.length > 128) flag(`name '${name}' is not slug-shaped; ${DOC} sends slugify(name)`);
}

export function checkStarted(flag: Flag, data: Data): void {
  if (!isObject(data.trainArgs)) {
    flag(`data.trainArgs is ${describe(data.trainArgs)}; ${DOC} sends an object of every training argument`);
  } else {
    const bad = badEntries(data.trainArgs, (v) => typeof v === 'string');
    if (bad) flag(`data.trainArgs values must be strings as Python's str() spells them ("True", "16", "None"); got ${bad}`);
  }
  if (!isCount(data.epochs)) flag(`data.epochs is ${describe(data.epochs)}; ${DOC} sends an int`);
  if (typeof data.device !== 'string') flag(`data.device is ${describe(data.device)}; ${DOC} sends a string such as "cpu"`);
  if (!isObject(data.environment)) flag(`data.environment is ${describe(data.environment)}; ${DOC} sends an object`);
}

export function checkEpoch(flag: Flag, data: Data): void {
  if (!isCount(data.epoch)) flag(`data.epoch is ${describe(data.epoch)}; ${DOC} sends a 0-based int`);
  if (!isObject(data.metrics)) {
    flag(`data.metrics is ${describe(data.metrics)}; ${DOC} sends an object`);
  } else {
    const bad = badEntries(data.metrics, isNumOrNull);
    if (bad) flag(`data.metrics ${bad} are not numbers or null`);
    if (!('lr' in data.metrics)) flag(`data.metrics has no lr; ${DOC} sends the first param group's learning rate as lr`);
  }
  for (const key of ['fitness', 'best_fitness']) {
    if (!(key in data)) flag(`data.${key} is missing; ${DOC} sends it (a number or null)`);
    else if (!isNumOrNull(data[key])) flag(`data.${key} is ${describe(data[key])}; ${DOC} sends a number or null`);
  }
  if ('bestFitness' in data) flag(`data.bestFitness is camelCase; ${DOC} spells it best_fitness`);
  if (!isObject(data.system)) flag(`data.system is ${describe(data.system)}; ${DOC} sends an object ({} when unknown)`);
  if ('modelInfo' in data) {
    if (data.epoch !== 0) flag(`data.modelInfo is sent on epoch ${describe(data.epoch)}; ${DOC} sends it on epoch 0 only`);
    const info = data.modelInfo;
    const known = ['parameters', 'gflops', 'speedMs'];
    if (!isObject(info) || badEntries(info, isNumOrNull) || Object.keys(info).some((k) => !known.includes(k))) {
      flag(`data.modelInfo is ${describe(info)}; ${DOC} sends {parameters, gflops, speedMs} numbers`);
    }
  }
}

export function checkConsole(flag: Flag, data: Data, run: RunContext): void {
  const { chunkId, content, lineCount } = data;
  if (!isCount(chunkId) || chunkId < 1) {
    flag(`data.chunkId is ${describe(chunkId)}; ${DOC} starts chunkId at 1`);
  } else if (chunkId !== run.lastChunkId + 1 && chunkId !== run.lastChunkId) {
    flag(`chunkId ${chunkId} follows chunkId ${run.lastChunkId}; ${DOC}: chunkId starts at 1 and rises by one per chunk`);
  }
  if (typeof content !== 'string') flag(`data.content is ${describe(content)}; ${DOC} sends the lines joined by \\n`);
  if (!isCount(lineCount)) {
    flag(`data.lineCount is ${describe(lineCount)}; ${DOC} sends an int`);
  } else if (typeof content === 'string' && content !== '' && content.split('\n').length !== lineCount) {
    flag(`data.lineCount is ${lineCount} but content holds ${content.split('\n').length} lines`);
  }
}

/** The upload a gcsPath names, if this run was given it and its PUT completed; flags otherwise. */
function uploadedAt(flag: Flag, path: unknown, run: RunContext, field: string): SignedUpload | undefined {
  const upload = typeof path === 'string' ? run.uploads.get(path) : undefined;
  if (!upload) {
    flag(`${field} is ${describe(path)}, not a gcsPath W2 gave this model`);
    return undefined;
  }
  if (!upload.put) flag(`${field} names ${upload.gcsPath} but no PUT to its signed URL completed; send W3 first`);
  return upload;
}

function checkRunId(flag: Flag, data: Data, run: RunContext): void {
  if (data.runId !== run.runId) flag(`data.runId is ${describe(data.runId)}; training_started answered runId '${run.runId}'`);
}

export function checkCheckpoint(flag: Flag, data: Data, run: RunContext): void {
  const upload = uploadedAt(flag, data.modelPath, run, 'data.modelPath');
  checkRunId(flag, data, run);
  if (!('uploadPath' in data)) flag(`data.uploadPath is missing; ${DOC} sends the W2 uploadPath or null`);
  else if (data.uploadPath !== null && data.uploadPath !== upload?.uploadPath) {
    flag(`data.uploadPath is ${describe(data.uploadPath)}; W2 answered uploadPath ${describe(upload?.uploadPath)}`);
  }
}

export function checkComplete(flag: Flag, data: Data, run: RunContext): void {
  checkRunId(flag, data, run);
  const results = data.results;
  if (!isObject(results)) {
    flag(`data.results is ${describe(results)}; ${DOC} sends {metrics, bestEpoch, bestFitness, …}`);
  } else {
    checkResults(flag, results, run);
  }
  const names = data.classNames;
  if (names !== null && !(Array.isArray(names) && names.every((n) => typeof n === 'string'))) {
    flag(`data.classNames is ${describe(names)}; ${DOC} sends a list of names or null`);
  }
  if (!Array.isArray(data.plots)) flag(`data.plots is ${describe(data.plots)}; ${DOC} sends a list ([] when none)`);
}

function checkResults(flag: Flag, results: Data, run: RunContext): void {
  if (!isObject(results.metrics)) {
    flag(`data.results.metrics is ${describe(results.metrics)}; ${DOC} sends an object`);
  } else {
    const bad = badEntries(results.metrics, isNumOrNull);
    if (bad) flag(`data.results.metrics ${bad} are not numbers or null`);
    if (!('fitness' in results.metrics)) flag(`data.results.metrics has no fitness; ${DOC} adds it to the best epoch's metrics`);
    const losses = Object.keys(results.metrics).filter((k) => !k.startsWith('metrics/') && k !== 'fitness');
    if (losses.length) flag(`data.results.metrics has ${losses.slice(0, 5).join(', ')}; ${DOC} sends the best epoch's metrics/* and fitness only (no val/*)`);
  }
  if (!isCount(results.bestEpoch)) flag(`data.results.bestEpoch is ${describe(results.bestEpoch)}; ${DOC} sends a 0-based int`);
  if (!('bestFitness' in results) || !isNumOrNull(results.bestFitness)) {
    flag(`data.results.bestFitness is ${describe(results.bestFitness)}; ${DOC} sends a number`);
  }
  const hasPath = 'modelPath' in results;
  if (hasPath !== 'modelSize' in results) {
    flag(`data.results has ${hasPath ? 'modelPath without modelSize' : 'modelSize without modelPath'}; ${DOC} sends both or neither`);
  }
  if (!hasPath) return;
  const upload = uploadedAt(flag, results.modelPath, run, 'data.results.modelPath');
  if (upload?.put && results.modelSize !== upload.put.bytes) {
    flag(`data.results.modelSize is ${describe(results.modelSize)} but the PUT to ${upload.gcsPath} carried ${upload.put.bytes} bytes`);
  }
}

export function checkFailed(flag: Flag, data: Data, run: RunContext): void {
  checkRunId(flag, data, run);
  for (const key of ['error', 'code']) {
    if (typeof data[key] !== 'string') flag(`data.${key} is ${describe(data[key])}; ${DOC} sends a string`);
  }
}
