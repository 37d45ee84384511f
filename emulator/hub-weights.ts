/**
 * The weights side of the HUB emulator: the five kinds of model a training can be prepared from
 * (new, pretrained, from an architecture, resumable, trained), seeded with the model data fields
 * of HUB-API.md, and the downloads their weights URLs point at. Storage answers Range requests
 * (206, with an ETag for If-Range), as cloud storage does; a key sent to a signed URL or to a
 * public asset is a protocol error (the URL is its own credential).
 */
import { header } from './http-io.js';
import { platformError, type Exchange, type Plan, type Route } from './routes.js';
import type { EmulatorState, HubModelData } from './state.js';
import { byteRange, createWeightsStore } from './weights-store.js';

export const HUB_CASES = ['new', 'pretrained', 'architecture', 'resumable', 'trained'] as const;
export type HubCase = (typeof HUB_CASES)[number];

export interface CaseOptions {
  /** Size of the weights file the case serves (default 256 KiB). */
  bytes?: number;
  /** Model data fields that override the case's own. */
  data?: Partial<HubModelData>;
}

export interface SeededCase {
  id: string;
  /** The weights a training of this model starts from (pretrained: the parent, resumable: last), or its best (trained). */
  weights?: { url: string; file: string; sha256: string; bytes: number };
}

export interface HubWeights {
  routes: Route[];
  addCase(kind: HubCase, opts?: CaseOptions): SeededCase;
  clear(): void;
}

const DEFAULT_BYTES = 256 * 1024;

/** The `file` path segment decoded ('' when its %-escapes are malformed: no such file). */
function fileParam(x: Exchange): string {
  try {
    return decodeURIComponent(x.params.file);
  } catch {
    return '';
  }
}
const DOC = 'HUB-API.md';

export function createHubWeights(
  state: EmulatorState,
  addModel: (data: Partial<HubModelData>) => string,
  origin: () => string,
): HubWeights {
  const store = createWeightsStore(origin);

  function addCase(kind: HubCase, opts: CaseOptions = {}): SeededCase {
    if (!HUB_CASES.includes(kind)) throw new Error(`unknown case ${JSON.stringify(kind)}; use one of ${HUB_CASES.join(', ')}`);
    const bytes = opts.bytes ?? DEFAULT_BYTES;
    let data: Partial<HubModelData>;
    let weights: SeededCase['weights'];
    const keep = (file: string, url: (s: ReturnType<typeof store.add>) => string) => {
      const s = store.add(file, bytes);
      weights = { url: url(s), file, sha256: s.sha256, bytes };
      return weights.url;
    };
    switch (kind) {
      case 'new':
        // Made on HUB and never trained: no train_args yet, the flat config says it all.
        data = { status: 'new', cfg: 'yolo11n.yaml', train_args: {} };
        break;
      case 'pretrained':
        data = {
          status: 'new',
          is_pretrained: true,
          cfg: 'yolo11n.yaml',
          weights: keep('yolo11n.pt', (s) => store.assetUrl(s)),
          train_args: { batch: 8, epochs: 30, imgsz: 640, patience: 10, device: '', cache: 'disk', data: 'coco8.yaml' },
        };
        break;
      case 'architecture':
        data = {
          status: 'new',
          cfg: 'yolo11s.yaml',
          train_args: { batch: 32, epochs: 50, imgsz: 320, patience: 100, device: '0', cache: 'ram', data: 'coco8.yaml' },
        };
        break;
      case 'resumable':
        data = { status: 'training', has_last_weights: true, resume: keep('last.pt', (s) => s.url), train_args: { epochs: 100, data: 'coco8.yaml' } };
        break;
      case 'trained':
        data = { status: 'trained', has_last_weights: true, has_best_weights: true, weights: keep('best.pt', (s) => s.url) };
        break;
    }
    return { id: addModel({ ...data, ...opts.data }), weights };
  }

  function keySent(x: Exchange): void {
    if (header(x.req, 'x-api-key') !== undefined || header(x.req, 'authorization') !== undefined) {
      x.flag(`the API key was sent with a weights download; ${DOC}: weights URLs carry their own credential, send no key there`);
    }
  }

  function prepareStorage(x: Exchange): Plan {
    keySent(x);
    const stored = store.byToken(x.params.token);
    if (!stored || fileParam(x) !== stored.file) return { answer: platformError(404, 'No such object') };
    if (x.query.get('X-Goog-Signature') !== stored.signature) {
      x.flag("the signed weights URL's X-Goog-Signature was changed; fetch the URL exactly as the model data gives it");
      return { answer: platformError(403, 'Signature does not match') };
    }
    const size = stored.data.length;
    const etag = `"${stored.sha256.slice(0, 32)}"`;
    const rangeHeader = header(x.req, 'range');
    const ifRange = header(x.req, 'if-range');
    const range = ifRange === undefined || ifRange === etag ? byteRange(rangeHeader, size) : undefined;
    const base = { 'Accept-Ranges': 'bytes', ETag: etag };
    const record = (status: number) => state.hub.downloads.push({ kind: 'storage', file: stored.file, ...(rangeHeader ? { range: rangeHeader } : {}), status });
    if (range === 'unsatisfiable') {
      record(416);
      return { answer: { status: 416, raw: '', headers: { ...base, 'Content-Range': `bytes */${size}` } } };
    }
    const status = range ? 206 : 200;
    record(status);
    const body = range ? stored.data.subarray(range.start, range.end + 1) : stored.data;
    const headers: Record<string, string> = range ? { ...base, 'Content-Range': `bytes ${range.start}-${range.end}/${size}` } : base;
    return { answer: { status, raw: body, contentType: 'application/octet-stream', headers } };
  }

  function prepareAsset(x: Exchange): Plan {
    keySent(x);
    const target = store.assetTarget(x.params.release, fileParam(x));
    if (!target) return { answer: platformError(404, 'Not Found') };
    state.hub.downloads.push({ kind: 'asset', file: fileParam(x), status: 302 });
    return { answer: { status: 302, raw: '', headers: { Location: target } } };
  }

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/_storage\/(?<token>[^/]+)\/(?<file>[^/]+)$/,
      protocol: 'signed',
      body: 'text',
      target: 'hub:weights',
      auth: false,
      answersFile: true,
      prepare: async (x) => prepareStorage(x),
    },
    {
      method: 'GET',
      pattern: /^\/_assets\/(?<release>[^/]+)\/(?<file>[^/]+)$/,
      protocol: 'signed',
      body: 'text',
      target: 'hub:asset',
      auth: false,
      prepare: async (x) => prepareAsset(x),
    },
  ];

  return { routes, addCase, clear: () => store.clear() };
}
