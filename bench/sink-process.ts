/**
 * The benchmark's side of the sink (sink.ts): start it in a process of its own, switch its copy
 * mode, read what arrived and ask for the verifying pass.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { SINK_PROCESS } from './paths.js';
import type { SinkUpload } from './sink.js';

export class SinkProcess {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(): Promise<SinkProcess> {
    const child = spawn(process.execPath, [SINK_PROCESS], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! });
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the sink process exited with ${code} before it listened`)));
      lines.once('line', (line) => {
        const m = /^listening (\S+)$/.exec(line);
        if (!m) return reject(new Error(`the sink process said '${line}' instead of its URL`));
        child.removeAllListeners('exit');
        resolve(new SinkProcess(m[1], child));
      });
    });
  }

  /** Copy mode: each body is also kept for the verifying pass (slower; for untimed runs). */
  async copyMode(copy: boolean): Promise<void> {
    await this.call('POST', '/_sink/mode', { copy });
  }

  async uploads(): Promise<SinkUpload[]> {
    return this.call<SinkUpload[]>('GET', '/_sink/uploads');
  }

  async last(): Promise<SinkUpload> {
    const all = await this.uploads();
    const u = all.at(-1);
    if (!u) throw new Error('the sink received no upload');
    return u;
  }

  /** The verifying pass: sha256 of upload n's file bytes, from the copy the sink kept. */
  verify(n: number): Promise<{ sha256: string; bytes: number }> {
    return this.call('POST', `/_sink/verify/${n}`);
  }

  async reset(): Promise<void> {
    await this.call('POST', '/_sink/reset');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin?.end();
    await exited;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.url + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sink ${method} ${path} → ${res.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }
}
