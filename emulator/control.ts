/**
 * The control API under `/_emulator/` for users outside the test process (workflow tests, the CLI):
 * read the state, add faults, reset, seed HUB models (or one of the five prepared cases), take slugs
 * and cancel runs. Control requests
 * are never recorded, faulted, authenticated or rate-limited.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isCount, isObject } from './checks.js';
import { parseFault, type Faults } from './faults.js';
import { readText, send } from './http-io.js';
import { defaultModelData, type HubProtocol } from './hub.js';
import { HUB_CASES, type HubCase } from './hub-weights.js';
import type { PlatformProtocol } from './platform.js';
import { json, platformError, type Answer } from './routes.js';
import type { EmulatorState, HubModelData } from './state.js';

export interface ControlDeps {
  state: EmulatorState;
  faults: Faults;
  hub: HubProtocol;
  platform: PlatformProtocol;
  reset: () => void;
}

export const CONTROL_PREFIX = '/_emulator/';

const OK = { ok: true };

export function createControl(deps: ControlDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const actions: Record<string, (body: unknown) => Answer> = {
    'GET state': () => json(200, deps.state),
    'GET faults': () => json(200, deps.faults.pending()),
    'POST faults': (body) => {
      const rule = parseFault(body);
      deps.faults.add(rule.target, rule.fault, { times: rule.times, after: rule.after });
      return json(200, OK);
    },
    'POST reset': () => {
      deps.reset();
      return json(200, OK);
    },
    'POST hub/models': (body) => json(200, { id: deps.hub.addModel(modelData(body ?? {})) }),
    'POST hub/cases': (body) => {
      if (!isObject(body) || typeof body.case !== 'string') throw new Error(`the body must be {"case": "${HUB_CASES.join('|')}", "bytes"?: <int>, "data"?: {…}}`);
      if (body.bytes !== undefined && !isCount(body.bytes)) throw new Error('bytes must be an integer >= 0');
      const data = body.data === undefined ? undefined : modelData(body.data);
      return json(200, deps.hub.addCase(body.case as HubCase, { bytes: body.bytes as number | undefined, data }));
    },
    'POST platform/slugs': (body) => {
      if (!isObject(body) || typeof body.project !== 'string' || typeof body.slug !== 'string') {
        throw new Error('the body must be {"project": "<project>", "slug": "<slug>"}');
      }
      deps.platform.takeSlug(body.project, body.slug);
      return json(200, OK);
    },
    'POST platform/cancel': (body) => {
      if (!isObject(body) || typeof body.modelId !== 'string' || !isCount(body.epochs)) {
        throw new Error('the body must be {"modelId": "<id or *>", "epochs": <int >= 0>}');
      }
      deps.platform.cancelAfter(body.modelId, body.epochs);
      return json(200, OK);
    },
  };

  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname.slice(CONTROL_PREFIX.length);
    const action = actions[`${req.method} ${path}`];
    const { text } = await readText(req);
    if (!action) {
      send(res, platformError(404, `no control endpoint ${req.method} ${CONTROL_PREFIX}${path}`));
      return;
    }
    try {
      send(res, action(text === '' ? undefined : JSON.parse(text)));
    } catch (e) {
      send(res, platformError(400, (e as Error).message));
    }
  };
}

const MODEL_KEYS = Object.keys(defaultModelData());

function modelData(body: unknown): Partial<HubModelData> {
  if (!isObject(body)) throw new Error('the body must be an object of HUB model data fields');
  const unknown = Object.keys(body).filter((k) => !MODEL_KEYS.includes(k));
  if (unknown.length) throw new Error(`unknown model data field(s) ${unknown.join(', ')}; known: ${MODEL_KEYS.join(', ')}`);
  return body as Partial<HubModelData>;
}
