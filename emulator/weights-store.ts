/**
 * Weights files the emulator serves for HUB models, as the real service hands them out: a signed
 * storage URL (the credential is in its query, so a client must send no key there) and, for a
 * parent model, a public release asset that redirects to its storage URL. Bytes are kept in memory;
 * seeded files are small.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { randomHex } from './ids.js';

export interface StoredWeights {
  token: string;
  file: string;
  data: Buffer;
  sha256: string;
  signature: string;
}

export interface WeightsStore {
  /** Stores `bytes` random bytes as `file`; returns its signed storage URL and sha256. */
  add(file: string, bytes: number): StoredWeights & { url: string };
  /** A public asset URL for a stored file, answered by a redirect to its storage URL. */
  assetUrl(stored: StoredWeights): string;
  byToken(token: string): StoredWeights | undefined;
  /** The storage URL an asset path redirects to. */
  assetTarget(release: string, file: string): string | undefined;
  signedUrl(stored: StoredWeights): string;
  clear(): void;
}

export function createWeightsStore(origin: () => string): WeightsStore {
  const secret = randomBytes(32);
  const files = new Map<string, StoredWeights>();
  const assets = new Map<string, StoredWeights>();

  const signedUrl = (s: StoredWeights): string => {
    const query = new URLSearchParams({
      'X-Goog-Algorithm': 'GOOG4-RSA-SHA256',
      'X-Goog-Credential': 'emulator-signer/auto/storage/goog4_request',
      'X-Goog-Expires': '604800',
      'X-Goog-Signature': s.signature,
    });
    return `${origin()}/_storage/${s.token}/${encodeURIComponent(s.file)}?${query}`;
  };

  return {
    add(file, bytes) {
      const token = randomHex(12);
      const data = randomBytes(bytes);
      const stored: StoredWeights = {
        token,
        file,
        data,
        sha256: createHash('sha256').update(data).digest('hex'),
        signature: createHmac('sha256', secret).update(token).digest('hex'),
      };
      files.set(token, stored);
      return { ...stored, url: signedUrl(stored) };
    },
    assetUrl(stored) {
      const release = `v${stored.token.slice(0, 6)}`;
      assets.set(`${release}/${stored.file}`, stored);
      return `${origin()}/_assets/${release}/${encodeURIComponent(stored.file)}`;
    },
    byToken: (token) => files.get(token),
    assetTarget(release, file) {
      const stored = assets.get(`${release}/${file}`);
      return stored ? signedUrl(stored) : undefined;
    },
    signedUrl,
    clear() {
      files.clear();
      assets.clear();
    },
  };
}

/** `bytes=N-` or `bytes=N-M` against a file of `size` bytes: the slice, 'unsatisfiable', or undefined (no usable Range). */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d+)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
