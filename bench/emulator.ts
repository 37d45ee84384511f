/**
 * The benchmark's side of the emulator process: start it, read its URL and its timestamped request
 * lines, and drive it over HTTP (the control API, and Platform's W1/W2 for the curl runs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { EmulatorState } from '../emulator/state.js';
import { EMULATOR_PROCESS, PLATFORM_KEY } from './paths.js';

export interface EmulatorProcessOptions {
  /** Platform's default category as `limit/windowMs`; default 100/60000. */
  rate?: string;
  uploadRate?: string;
  /** Keep a timestamped line per request. */
  log?: boolean;
}

export interface RequestLine {
  at: number;
  line: string;
}

export class EmulatorProcess {
  readonly lines: RequestLine[] = [];

  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(opts: EmulatorProcessOptions = {}): Promise<EmulatorProcess> {
    const args = [EMULATOR_PROCESS];
    if (opts.rate) args.push('--rate', opts.rate);
    if (opts.uploadRate) args.push('--upload-rate', opts.uploadRate);
    if (opts.log) args.push('--log');
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! });
    let emulator: EmulatorProcess | undefined;
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the emulator process exited with ${code} before it listened`)));
      lines.on('line', (line) => {
        if (!emulator) {
          const m = /^listening (\S+)$/.exec(line);
          if (!m) return;
          emulator = new EmulatorProcess(m[1], child);
          child.removeAllListeners('exit');
          resolve(emulator);
          return;
        }
        const space = line.indexOf(' ');
        emulator.lines.push({ at: Number(line.slice(0, space)), line: line.slice(space + 1) });
      });
    });
  }

  async control<T>(method: 'GET' | 'POST', what: string, body?: unknown): Promise<T> {
    return this.call<T>(method, `/_emulator/${what}`, {}, body);
  }

  state(): Promise<EmulatorState> {
    return this.control<EmulatorState>('GET', 'state');
  }

  async reset(): Promise<void> {
    await this.control('POST', 'reset');
    this.lines.length = 0;
  }

  async hubModel(): Promise<string> {
    return (await this.control<{ id: string }>('POST', 'hub/models', {})).id;
  }

  /** Registers a Platform run and asks for a signed URL for best.pt, as the reference trainer would. */
  async signedUpload(project: string, name: string): Promise<{ modelId: string; uploadUrl: string }> {
    const auth = { authorization: `Bearer ${PLATFORM_KEY}` };
    const data = { trainArgs: { epochs: '1' }, epochs: 1, device: 'cpu', environment: {} };
    const run = await this.call<{ modelId: string; runId: string }>('POST', '/api/webhooks/training/metrics', auth, {
      event: 'training_started',
      data,
      project,
      name,
    });
    const target = await this.call<{ uploadUrl: string }>('POST', '/api/webhooks/models/upload', auth, {
      filename: 'best.pt',
      modelId: run.modelId,
      runId: run.runId,
    });
    return { modelId: run.modelId, uploadUrl: target.uploadUrl };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin?.end();
    await exited;
  }

  private async call<T>(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
    const res = await fetch(this.url + path, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }
}
