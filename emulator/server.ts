/**
 * The emulator: one real HTTP server on 127.0.0.1 that speaks HUB (/v1/…) and Platform (/api/…
 * plus the signed-upload PUT it serves itself), keeps inspectable state, injects faults and flags
 * every deviation from HUB-API.md and PLATFORM-API.md as a protocol error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_PREFIX, createControl } from './control.js';
import { createDispatcher } from './dispatch.js';
import { Faults } from './faults.js';
import { createHub } from './hub.js';
import type { CaseOptions, HubCase, SeededCase } from './hub-weights.js';
import { createPlatform } from './platform.js';
import type { RateRule } from './rate-limit.js';
import { clearState, createState, type EmulatorState, type HubModelData } from './state.js';

export type { Fault, FaultKind, FaultOptions, FaultTarget } from './faults.js';
export { Faults } from './faults.js';
export type * from './state.js';
export type { CaseOptions, HubCase, SeededCase } from './hub-weights.js';
export { HUB_CASES } from './hub-weights.js';

export interface EmulatorOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Accepted HUB keys; default: any 42-char [A-Za-z0-9] key. */
  hubKeys?: string[];
  /** Accepted Platform keys; default: any `ul_` + 40 hex key. */
  platformKeys?: string[];
  /** Platform's default category; default 100 per 60 000 ms. */
  rateLimit?: RateRule;
  /** Platform's upload category (W2); default 10 per 60 000 ms. */
  uploadRateLimit?: RateRule;
  /** Request log sink (default: silent). */
  log?: (line: string) => void;
  /** Clock for rate limits and signed-URL expiry (default Date.now); lets tests move time. */
  now?: () => number;
}

export interface Emulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Live object: inspect directly. */
  state: EmulatorState;
  faults: Faults;
  hub: {
    addModel(data?: Partial<HubModelData>): string;
    /** A model of one of the five kinds a training is prepared from, its weights served by the emulator. */
    addCase(kind: HubCase, opts?: CaseOptions): SeededCase;
  };
  platform: {
    /** A pre-existing model name in the project: a new run named `slug` gets `slug-2`. */
    takeSlug(project: string, slug: string): void;
    /** epoch_end answers cancelled: true once N epochs arrived (0: training_started already does). */
    cancelAfter(modelId: string | '*', epochs: number): void;
  };
  /** Clears state, faults, slugs, cancel rules, signed URLs, served weights and rate windows. */
  reset(): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const state = createState();
  const faults = new Faults();
  const log = opts.log ?? (() => undefined);
  let url = '';
  const hub = createHub(state, { keys: opts.hubKeys, origin: () => url });
  const platform = createPlatform(state, {
    keys: opts.platformKeys,
    rateLimit: opts.rateLimit ?? { limit: 100, windowMs: 60_000 },
    uploadRateLimit: opts.uploadRateLimit ?? { limit: 10, windowMs: 60_000 },
    origin: () => url,
  });
  const reset = () => {
    clearState(state);
    faults.clear();
    platform.clear();
    hub.clear();
  };
  const server = createServer();
  const link = new Link(server, log);
  const dispatch = createDispatcher({ state, faults, hub, platform, now: opts.now ?? Date.now, log, goDown: (ms) => link.down(ms) });
  const control = createControl({ state, faults, hub, platform, reset });
  server.requestTimeout = 0; // big uploads may take long; the client owns its timeouts
  server.keepAliveTimeout = 60_000; // like real front ends: an idle keep-alive socket is not closed under the client
  server.on('request', (req, res) => void (req.url?.startsWith(CONTROL_PREFIX) ? control(req, res) : dispatch(req, res)));

  const port = await link.listen(opts.port ?? 0);
  url = `http://${HOST}:${port}`;
  return {
    url,
    state,
    faults,
    hub: { addModel: hub.addModel, addCase: hub.addCase },
    platform: { takeSlug: platform.takeSlug, cancelAfter: platform.cancelAfter },
    reset,
    close: () => link.close(),
  };
}

/** Owns the listening socket: listen, go down for a while (the `down` fault), close for good. */
class Link {
  private port = 0;
  private upTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly server: Server,
    private readonly log: (line: string) => void,
  ) {}

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, HOST, () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as AddressInfo).port;
        resolve(this.port);
      });
    });
  }

  /** Refuses connections for `ms` (dropping the open ones), then listens again on the same port. */
  down(ms: number): void {
    this.server.closeAllConnections();
    if (!this.server.listening) return; // already down
    this.server.close();
    this.log(`down for ${ms} ms`);
    this.upTimer = setTimeout(() => {
      this.upTimer = undefined;
      if (this.closed) return;
      this.listen(this.port).then(
        () => this.log(`up again on port ${this.port}`),
        (e: Error) => this.log(`could not listen again on port ${this.port}: ${e.message}`),
      );
    }, ms);
  }

  close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.upTimer);
    this.server.closeAllConnections();
    if (!this.server.listening) return Promise.resolve();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
