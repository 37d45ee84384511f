/**
 * Fetches the weights a training starts from (a HUB model's last weights, or its parent's) into
 * the download directory, so the trainer gets a local path instead of a URL it would fetch on its
 * own, without retries or a checksum. The API key goes only to the HUB API itself: a weights URL
 * elsewhere, or one that carries a signature, gets no key (and is masked in the log).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { ActionInputs } from '../inputs/inputs.js';
import type { Log } from '../log.js';
import { formatBytes } from '../transport/progress.js';
import { type Transport, isSignedUrl } from '../transport/http.js';
import { assertSafeUrl, redactUrl } from '../transport/url-safety.js';

export interface DownloadedWeights {
  path: string;
  sha256: string;
  bytes: number;
  /** The URL without its query (safe to print). */
  source: string;
}

/** Downloads are long and resumable: more tries, and an hour, as the reference gives checkpoints. */
const DOWNLOAD_RETRY = { attempts: 10, budgetMs: 3_600_000 };

/** Whether `url` is the HUB API itself (its origin, under its root) and carries no credential of its own. */
export function sendsApiKey(url: URL, apiUrl: string): boolean {
  const api = new URL(apiUrl);
  const root = api.pathname.replace(/\/+$/, '');
  return url.origin === api.origin && url.pathname.startsWith(`${root}/v1/`) && !isSignedUrl(url);
}

/** The file name to save as: the URL's own `*.pt` name, else `<role>.pt`. */
export function weightsFileName(url: URL, role: 'last' | 'parent'): string {
  if (role === 'last') return 'last.pt';
  let own: string;
  try {
    own = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  } catch {
    return 'parent.pt'; // a malformed %-escape
  }
  return /^[\w.-]+\.pt$/.test(own) && !own.startsWith('.') ? own : 'parent.pt';
}

export async function downloadWeights(o: {
  transport: Transport;
  log: Log;
  inputs: Pick<ActionInputs, 'apiUrl' | 'apiKey'>;
  modelId: string;
  url: string;
  role: 'last' | 'parent';
  downloadDir: string;
}): Promise<DownloadedWeights> {
  const what = `download of the ${o.role === 'last' ? 'last' : 'parent'} weights of HUB model ${o.modelId}`;
  const url = assertSafeUrl(o.url, what);
  const dir = path.join(path.resolve(o.downloadDir), `ultralytics-hub-${o.modelId}`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new Error(`${what}: cannot create ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): check the download directory`);
  }
  const dest = path.join(dir, weightsFileName(url, o.role));
  const key = sendsApiKey(url, o.inputs.apiUrl);
  o.log.info(`Downloading ${redactUrl(url)}${key ? '' : ' (without the API key)'} to ${dest}`);
  const got = await o.transport.download({
    url: url.href,
    headers: key ? { 'x-api-key': o.inputs.apiKey } : {},
    dest,
    what,
    retry: DOWNLOAD_RETRY,
  });
  const resumed = got.resumedBytes > 0 ? `, ${formatBytes(got.resumedBytes)} kept from a broken try` : '';
  o.log.info(`${path.basename(dest)}: ${formatBytes(got.bytes)} in ${(got.ms / 1000).toFixed(1)} s${resumed}, sha256 ${got.sha256}`);
  return { path: dest, sha256: got.sha256, bytes: got.bytes, source: redactUrl(url) };
}
