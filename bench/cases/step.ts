/**
 * The whole step for a final model, against the sink (sink.ts), side by side with curl: the action
 * process (`node dist/index.js`: start-up, reading the run, every request of the step and the
 * upload) from spawn to exit, against the curl process that sends the same file to the same sink
 * (`curl -F` to HUB's upload endpoint, `curl -T` to a signed URL), alternating A B A B … With
 * `--baseline <bundle>`, another bundle (e.g. the base commit's dist/index.js) runs in each round
 * too, A B C A B C …, so that before and after are measured at the same time.
 *
 * Every timed upload is checked: the sink must have received the exact size, framed as the
 * protocol says, with the file's fingerprint (4 KiB of every MiB), and the action must report the
 * file's sha256. Before the timed rounds, one untimed run of each client goes through the sink's
 * verifying pass: the sink keeps a copy of the body and hashes the received file bytes whole.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { finalWeight, hubInputs, platformInputs, runAction, type ActionRun } from '../action.js';
import { sampleFingerprint } from '../fingerprint.js';
import { HUB_KEY } from '../paths.js';
import { expectSuccess, measure } from '../process.js';
import { target, type CaseResult, type Row } from '../report.js';
import type { SinkProcess } from '../sink-process.js';
import type { SinkUpload } from '../sink.js';
import { max, median, sizeLabel } from '../stats.js';
import { runDir, type FileKind } from '../workspace.js';
import type { Backend } from './upload.js';

export const STEP_RSS_TARGET_MIB = 80;

export interface StepCaseOptions {
  bytes: number;
  kind: FileKind;
  rounds: number;
  /** The target on action/curl: 1.15 at 1 GiB, 1.05 at 4 GiB. */
  ratioTarget: number;
  /** Another bundle measured in the same rounds ("before"). */
  baseline?: string;
  log: (line: string) => void;
}

interface Round {
  actionMs: number;
  curlMs: number;
  baselineMs?: number;
  actionRssKiB?: number;
  baselineRssKiB?: number;
  /** CPU time (user + sys, every thread) of each process, and the sink's while it received each upload. */
  actionCpuMs?: number;
  curlCpuMs?: number;
  baselineCpuMs?: number;
  sinkCpuMs: { action: number; curl: number; baseline?: number };
  /** The sink's receive time of the action's upload (first to last body byte). */
  sinkReceiveMs: number;
}

interface Expected {
  sha256: string;
  bytes: number;
  fingerprint: string;
}

/** A 20-character HUB model id; the sink answers for any. */
const HUB_MODEL = 'SinkBench0000000000A';

function sha256Of(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  try {
    for (let n = fs.readSync(fd, buf); n > 0; n = fs.readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function checkArrival(u: SinkUpload, want: Expected, what: string): void {
  if (u.error) throw new Error(`${what}: the sink refused the upload: ${u.error}`);
  if (u.fileBytes !== want.bytes || u.fingerprint !== want.fingerprint) {
    throw new Error(`${what}: the sink received ${u.fileBytes} file bytes with fingerprint ${u.fingerprint}, expected ${want.bytes} with ${want.fingerprint}`);
  }
}

function checkReported(run: ActionRun, want: Expected, what: string): void {
  const sent = finalWeight(run);
  if (sent.sha256 !== want.sha256 || sent.bytes !== want.bytes) {
    throw new Error(`${what}: the action reports ${sent.bytes} bytes with sha256 ${sent.sha256}, expected ${want.bytes} with ${want.sha256}`);
  }
}

interface Client {
  action(bundle?: string): Promise<ActionRun>;
  curl(): Promise<{ wallMs: number; cpuMs?: number }>;
}

function clients(sink: SinkProcess, backend: Backend, dir: string, file: string): Client {
  let serial = 0;
  const curl = async (args: string[]) => {
    const m = expectSuccess(await measure('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', ...args], { rss: true }), 'curl');
    if (!m.stdout.startsWith('2')) throw new Error(`curl: the sink answered ${m.stdout}`);
    return { wallMs: m.wallMs, cpuMs: m.cpuMs };
  };
  if (backend === 'hub') {
    return {
      action: (bundle) => runAction(dir, hubInputs(sink.url, HUB_MODEL), { rss: true, action: bundle }),
      curl: () =>
        curl(['-H', `x-api-key: ${HUB_KEY}`, '-F', 'epoch=1', '-F', 'type=final', '-F', 'map=0.5', '-F', `best.pt=@${file}`, `${sink.url}/v1/models/${HUB_MODEL}/upload`]),
    };
  }
  return {
    action: (bundle) => runAction(dir, platformInputs(sink.url, 'bench/sink', `action-${++serial}`), { rss: true, action: bundle }),
    curl: () => curl(['-T', file, '-H', 'Content-Type: application/octet-stream', `${sink.url}/_signed/curl-${++serial}`]),
  };
}

/** The untimed verifying pass: one run of each client, the sink keeps the body and hashes it whole. */
async function verifyingPass(sink: SinkProcess, c: Client, want: Expected, backend: Backend, baseline?: string): Promise<void> {
  await sink.copyMode(true);
  try {
    const runs: [string, () => Promise<unknown>][] = [
      ['action', () => c.action()],
      ['curl', () => c.curl()],
    ];
    if (baseline) runs.push(['baseline', () => c.action(baseline)]);
    for (const [who, go] of runs) {
      await go();
      const u = await sink.last();
      checkArrival(u, want, `${backend} ${who} (verifying pass)`);
      const got = await sink.verify(u.n);
      if (got.sha256 !== want.sha256 || got.bytes !== want.bytes) {
        throw new Error(`${backend} ${who}: the sink's verifying pass found ${got.bytes} bytes with sha256 ${got.sha256}, expected ${want.bytes} with ${want.sha256}`);
      }
    }
  } finally {
    await sink.copyMode(false);
  }
}

async function measureBackend(sink: SinkProcess, backend: Backend, dir: string, want: Expected, o: StepCaseOptions) {
  const file = path.join(dir, 'weights/best.pt');
  const c = clients(sink, backend, dir, file);
  await verifyingPass(sink, c, want, backend, o.baseline);
  const rounds: Round[] = [];
  for (let i = 1; i <= o.rounds; i++) {
    const run = await c.action();
    const got = await sink.last();
    checkArrival(got, want, `${backend} action`);
    checkReported(run, want, `${backend} action`);
    const round: Round = {
      actionMs: run.wallMs,
      actionRssKiB: run.maxRssKiB,
      actionCpuMs: run.cpuMs,
      curlMs: 0,
      sinkCpuMs: { action: got.cpuMs, curl: 0 },
      sinkReceiveMs: got.ms,
    };
    if (o.baseline) {
      const b = await c.action(o.baseline);
      const bGot = await sink.last();
      checkArrival(bGot, want, `${backend} baseline`);
      round.baselineMs = b.wallMs;
      round.baselineRssKiB = b.maxRssKiB;
      round.baselineCpuMs = b.cpuMs;
      round.sinkCpuMs.baseline = bGot.cpuMs;
    }
    const cr = await c.curl();
    const cGot = await sink.last();
    checkArrival(cGot, want, `${backend} curl`);
    round.curlMs = cr.wallMs;
    round.curlCpuMs = cr.cpuMs;
    round.sinkCpuMs.curl = cGot.cpuMs;
    rounds.push(round);
    const before = round.baselineMs === undefined ? '' : `, before ${round.baselineMs.toFixed(0)} ms`;
    o.log(
      `  ${backend} round ${i}: action ${round.actionMs.toFixed(0)} ms${before}, curl ${round.curlMs.toFixed(0)} ms; ` +
        `CPU action ${(round.actionCpuMs ?? NaN).toFixed(0)} ms, curl ${(round.curlCpuMs ?? NaN).toFixed(0)} ms; action RSS ${((round.actionRssKiB ?? NaN) / 1024).toFixed(1)} MiB`,
    );
  }
  await sink.reset();
  return { backend, rounds };
}

const NAMES: Record<Backend, string> = { hub: 'HUB', platform: 'Platform' };
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function rowsOf(size: string, backend: Backend, rounds: Round[], o: StepCaseOptions): Row[] {
  const name = `whole step ${size} final model, ${NAMES[backend]}, sink`;
  const ratio = median(rounds.map((r) => r.actionMs / r.curlMs));
  const out: Row[] = [
    {
      case: name,
      metric: `action process / curl process (median of ${rounds.length} rounds)`,
      value: `${ratio.toFixed(2)}× (${s(median(rounds.map((r) => r.actionMs)))} vs ${s(median(rounds.map((r) => r.curlMs)))})`,
      raw: ratio,
      unit: 'ratio',
      target: target(`≤ ${o.ratioTarget}×`, ratio <= o.ratioTarget),
    },
  ];
  const cpu = rounds.map((r) => r.actionCpuMs).filter((x): x is number => x !== undefined);
  if (cpu.length) {
    const curlCpu = median(rounds.map((r) => r.curlCpuMs ?? NaN));
    const sinkBusy = median(rounds.map((r) => r.sinkCpuMs.action / r.sinkReceiveMs));
    out.push({
      case: name,
      metric: 'CPU time, all threads: action vs curl (sink busy while receiving the action)',
      value: `${s(median(cpu))} vs ${s(curlCpu)} (sink ${(100 * sinkBusy).toFixed(0)} %)`,
      raw: median(cpu),
      unit: 'ms',
    });
  }
  const rss = rounds.map((r) => r.actionRssKiB).filter((x): x is number => x !== undefined);
  if (rss.length) {
    const peak = max(rss) / 1024;
    out.push({
      case: name,
      metric: 'action peak RSS',
      value: `${peak.toFixed(1)} MiB`,
      raw: peak,
      unit: 'MiB',
      target: target(`≤ ${STEP_RSS_TARGET_MIB} MiB`, peak <= STEP_RSS_TARGET_MIB),
    });
  }
  if (o.baseline) {
    const before = median(rounds.map((r) => (r.baselineMs as number) / r.curlMs));
    const brss = rounds.map((r) => r.baselineRssKiB).filter((x): x is number => x !== undefined);
    const bcpu = rounds.map((r) => r.baselineCpuMs).filter((x): x is number => x !== undefined);
    out.push({
      case: name,
      metric: 'before (--baseline) / curl, same rounds',
      value:
        `${before.toFixed(2)}× (${s(median(rounds.map((r) => r.baselineMs as number)))}` +
        `${bcpu.length ? `, CPU ${s(median(bcpu))}` : ''}${brss.length ? `, peak RSS ${(max(brss) / 1024).toFixed(1)} MiB` : ''})`,
      raw: before,
      unit: 'ratio',
    });
  }
  return out;
}

export async function stepCase(sink: SinkProcess, o: StepCaseOptions): Promise<CaseResult> {
  const size = sizeLabel(o.bytes);
  o.log(`whole step ${size}: writing the file (${o.kind})`);
  const dir = runDir(`step-${o.bytes}`, { rows: 2, best: { bytes: o.bytes, kind: o.kind } });
  const file = path.join(dir, 'weights/best.pt');
  const want: Expected = { sha256: sha256Of(file), bytes: o.bytes, fingerprint: sampleFingerprint(file) };
  const results = [];
  for (const backend of ['hub', 'platform'] as const) results.push(await measureBackend(sink, backend, dir, want, o));
  return {
    rows: results.flatMap((r) => rowsOf(size, r.backend, r.rounds, o)),
    details: { bytes: o.bytes, file: o.kind, baseline: o.baseline, results },
  };
}
