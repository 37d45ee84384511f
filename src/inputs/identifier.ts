/**
 * The `model` input and the key: what they name, and which backend they imply.
 *
 * HUB forms (HUB-API.md): `https://hub.ultralytics.com/models/ID[/][?api_key=KEY]`, a bare 20-char
 * `ID`, legacy `APIKEY_MODELID`, or a local `*.pt` / `*.yaml` name meaning "create a new model".
 * Platform forms (PLATFORM-API.md): `ul://owner/project/model`,
 * `https://platform.ultralytics.com/owner/project/model`, or an existing `modelId` to continue.
 */
import { InputError } from './errors.js';

export type BackendName = 'hub' | 'platform';

export type ModelRef =
  | { kind: 'none' }
  /** Create a new model (HUB) from a weights or config name such as `yolo11n.pt`. */
  | { kind: 'create'; filename: string }
  /** An existing model: HUB's 20-char id, or a Platform modelId to continue. */
  | { kind: 'id'; id: string; key?: string; form: 'hub-url' | 'hub-legacy' | 'bare' }
  /** A Platform model path: register (or continue) `project`/`name`. */
  | { kind: 'path'; project: string; name: string };

export const HUB_ID = /^[A-Za-z0-9]{20}$/;
const HUB_KEY = /^[A-Za-z0-9]{42}$/;
const PLATFORM_KEY = /^ul_[0-9a-f]{40}$/;
export const OPAQUE_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function keyBackend(key: string): BackendName | null {
  if (key.startsWith('ul_')) return 'platform';
  if (key.length === 42) return 'hub';
  return null;
}

/** Throws a fix-it error when the key cannot be a key of that backend. Never quotes the key. */
export function checkKeyShape(key: string, backend: BackendName): void {
  if (backend === 'platform' && !PLATFORM_KEY.test(key)) {
    throw new InputError(
      'api-key',
      `is not an Ultralytics Platform key (expected "ul_" followed by 40 hex characters, got ${describeShape(key)}). ` +
        'Create one at https://platform.ultralytics.com/settings (API keys), store it as a repository secret and pass it as `api-key: ${{ secrets.ULTRALYTICS_API_KEY }}`.',
    );
  }
  if (backend === 'hub' && !HUB_KEY.test(key)) {
    throw new InputError(
      'api-key',
      `is not an Ultralytics HUB key (expected 42 letters and digits, got ${describeShape(key)}). ` +
        'For Ultralytics Platform keys (ul_…) use `backend: platform` or leave `backend: auto`.',
    );
  }
}

function describeShape(key: string): string {
  const prefix = key.startsWith('ul_') ? 'a "ul_" key of ' : '';
  return `${prefix}${key.length} characters`;
}

/** Parses the `model` input. Keys found inside it are returned so the caller can mask them at once. */
export function parseModelRef(raw: string): ModelRef {
  const text = raw.trim();
  if (!text) return { kind: 'none' };

  if (/\.(pt|ya?ml)$/i.test(text) && !/^[a-z]+:\/\//i.test(text)) {
    const filename = text.split(/[\\/]/).pop() as string;
    return { kind: 'create', filename };
  }
  if (text.startsWith('ul://')) {
    return platformPath(text.slice('ul://'.length).split('/'), raw);
  }
  if (/^https?:\/\//i.test(text)) return parseUrl(text);

  const legacy = /^([A-Za-z0-9]{42})_([A-Za-z0-9]{20})$/.exec(text);
  if (legacy) return { kind: 'id', id: legacy[2], key: legacy[1], form: 'hub-legacy' };
  if (HUB_ID.test(text) || OPAQUE_ID.test(text)) return { kind: 'id', id: text, form: 'bare' };
  throw badModel();
}

function parseUrl(text: string): ModelRef {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badModel();
  }
  const parts = url.pathname.split('/').filter(Boolean);
  const key = url.searchParams.get('api_key') ?? undefined;
  if (parts.length === 2 && parts[0] === 'models' && HUB_ID.test(parts[1])) {
    return { kind: 'id', id: parts[1], key, form: 'hub-url' };
  }
  if (url.hostname.startsWith('hub.')) throw badModel();
  // An error quotes the URL without its query: a key there is never printed.
  return platformPath(parts, `${url.origin}${url.pathname}`);
}

/**
 * Keys inside a `model` input (a URL's `api_key=`, the legacy `KEY_MODELID`), found without parsing
 * it whole, so the caller can mask them before any error could quote the input.
 */
export function keysInModel(raw: string): string[] {
  const keys = [...raw.matchAll(/[?&]api_key=([^&#\s]+)/gi)].map((m) => m[1]);
  for (const k of [...keys]) {
    try {
      keys.push(decodeURIComponent(k));
    } catch {
      // not percent-encoded: the raw form is masked already
    }
  }
  const legacy = /^\s*([A-Za-z0-9]{42})_[A-Za-z0-9]{20}\s*$/.exec(raw);
  if (legacy) keys.push(legacy[1]);
  return keys;
}

function platformPath(parts: string[], raw: string): ModelRef {
  const clean = parts.map((p) => decodeURIComponent(p)).filter(Boolean);
  if (clean.length !== 3) {
    throw new InputError(
      'model',
      `"${raw}" is not a Platform model path: expected ul://owner/project/model or https://platform.ultralytics.com/owner/project/model.`,
    );
  }
  return { kind: 'path', project: `${clean[0]}/${clean[1]}`, name: clean[2] };
}

function badModel(): InputError {
  return new InputError(
    'model',
    'is not a model this action understands. Use one of: ul://owner/project/model, ' +
      'https://platform.ultralytics.com/owner/project/model, a HUB model URL https://hub.ultralytics.com/models/<20-char id>, ' +
      'a bare model id, or a weights/config name such as yolo11n.pt to create a new model.',
  );
}

/** The backend the model form implies, if any. */
export function modelBackend(ref: ModelRef): BackendName | null {
  switch (ref.kind) {
    case 'path':
      return 'platform';
    case 'id':
      if (ref.form === 'hub-url' || ref.form === 'hub-legacy') return 'hub';
      return HUB_ID.test(ref.id) ? 'hub' : 'platform';
    default:
      return null;
  }
}
