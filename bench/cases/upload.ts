/**
 * The final-model upload, side by side with curl: the action (`node dist/index.js`, both backends)
 * and curl send the same file to the same emulator process, alternating A B A B …
 *
 * What is compared: the upload request alone, from its first byte out to the whole answer in.
 * For the action that is the transport's own timing of the request (its debug line
 * `POST …/upload → 200 in N ms`), which includes opening, reading and hashing the file; for curl
 * it is `%{time_total}`, which includes its connect. The action's whole process (start-up, reading
 * the run, the other API requests) is reported beside it, as is curl's process. Peak RSS is the
 * action process's own (GNU time), the emulator runs in a process of its own.
 */
import * as path from 'node:path';
import type { EmulatorState } from '../../emulator/state.js';
import { finalWeight, hubInputs, platformInputs, runAction, uploadMs, type SentFile } from '../action.js';
import type { EmulatorProcess } from '../emulator.js';
import { HUB_KEY } from '../paths.js';
import { expectSuccess, measure } from '../process.js';
import { target, type CaseResult, type Row } from '../report.js';
import { max, median, MiB, sizeLabel } from '../stats.js';
import { runDir, type FileKind } from '../workspace.js';

export const RATIO_TARGET = 1.15;
export const RSS_TARGET_MIB = 80;

export type Backend = 'hub' | 'platform';

export interface UploadCaseOptions {
  bytes: number;
  kind: FileKind;
  pairs: number;
  backends: Backend[];
  log: (line: string) => void;
}

interface Pair {
  actionMs: number;
  curlMs: number;
  actionWallMs: number;
  curlWallMs: number;
  actionRssKiB?: number;
  curlRssKiB?: number;
}

export interface BackendFigures {
  backend: Backend;
  pairs: Pair[];
  ratio: number;
  actionMs: number;
  curlMs: number;
  peakRssMiB?: number;
}

const FORM = ['-F', 'epoch=1', '-F', 'type=final', '-F', 'map=0.5'];

/** curl's `%{http_code} %{time_total}` line, checked for a 2xx. */
function curlSeconds(stdout: string, what: string): number {
  const m = /^(\d{3}) ([\d.]+)$/.exec(stdout.trim());
  if (!m || !m[1].startsWith('2')) throw new Error(`${what}: curl answered '${stdout.trim()}'`);
  return Number(m[2]) * 1000;
}

async function curl(args: string[], what: string) {
  const m = expectSuccess(await measure('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code} %{time_total}', ...args], { rss: true }), what);
  return { ms: curlSeconds(m.stdout, what), wallMs: m.wallMs, rssKiB: m.maxRssKiB };
}

/** The emulator must have received exactly the file: the same bytes as the first action run reported. */
function check(got: SentFile | undefined, want: SentFile, what: string): void {
  if (got?.sha256 !== want.sha256 || got?.bytes !== want.bytes) {
    throw new Error(`${what}: the emulator received ${got?.bytes} bytes with sha256 ${got?.sha256}, expected ${want.bytes} with ${want.sha256}`);
  }
}

const lastHubUpload = (s: EmulatorState, id: string) => s.hub.models[id]?.uploads.at(-1);
const lastPut = (s: EmulatorState, id: string) => s.platform.runs[id]?.puts.at(-1);

async function hubPair(emu: EmulatorProcess, dir: string, file: string, want: SentFile | undefined) {
  const model = await emu.hubModel();
  const run = await runAction(dir, hubInputs(emu.url, model), { rss: true });
  const expected = want ?? finalWeight(run);
  check(lastHubUpload(await emu.state(), model), expected, 'action HUB upload');

  const curlModel = await emu.hubModel();
  const c = await curl(['-H', `x-api-key: ${HUB_KEY}`, ...FORM, '-F', `best.pt=@${file}`, `${emu.url}/v1/models/${curlModel}/upload`], 'curl -F');
  check(lastHubUpload(await emu.state(), curlModel), expected, 'curl HUB upload');
  const pair: Pair = { actionMs: uploadMs(run, 'POST'), curlMs: c.ms, actionWallMs: run.wallMs, curlWallMs: c.wallMs, actionRssKiB: run.maxRssKiB, curlRssKiB: c.rssKiB };
  return { pair, expected };
}

async function platformPair(emu: EmulatorProcess, dir: string, file: string, i: number, want: SentFile | undefined) {
  const run = await runAction(dir, platformInputs(emu.url, 'bench/upload', `action-${i}`), { rss: true });
  const expected = want ?? finalWeight(run);
  check(lastPut(await emu.state(), run.outputs['model-id']), expected, 'action Platform PUT');

  const signed = await emu.signedUpload('bench/upload', `curl-${i}`);
  const c = await curl(['-T', file, '-H', 'Content-Type: application/octet-stream', signed.uploadUrl], 'curl -T');
  check(lastPut(await emu.state(), signed.modelId), expected, 'curl Platform PUT');
  const pair: Pair = { actionMs: uploadMs(run, 'PUT'), curlMs: c.ms, actionWallMs: run.wallMs, curlWallMs: c.wallMs, actionRssKiB: run.maxRssKiB, curlRssKiB: c.rssKiB };
  return { pair, expected };
}

async function measureBackend(emu: EmulatorProcess, backend: Backend, dir: string, o: UploadCaseOptions): Promise<BackendFigures> {
  const file = path.join(dir, 'weights/best.pt');
  const pairs: Pair[] = [];
  let want: SentFile | undefined;
  for (let i = 1; i <= o.pairs; i++) {
    const { pair, expected } = backend === 'hub' ? await hubPair(emu, dir, file, want) : await platformPair(emu, dir, file, i, want);
    want = expected;
    pairs.push(pair);
    o.log(`  ${backend} pair ${i}: action ${pair.actionMs.toFixed(0)} ms, curl ${pair.curlMs.toFixed(0)} ms, action RSS ${((pair.actionRssKiB ?? NaN) / 1024).toFixed(1)} MiB`);
  }
  const rss = pairs.map((p) => p.actionRssKiB).filter((x): x is number => x !== undefined);
  return {
    backend,
    pairs,
    ratio: median(pairs.map((p) => p.actionMs / p.curlMs)),
    actionMs: median(pairs.map((p) => p.actionMs)),
    curlMs: median(pairs.map((p) => p.curlMs)),
    peakRssMiB: rss.length ? max(rss) / 1024 : undefined,
  };
}

const NAMES: Record<Backend, string> = { hub: 'HUB multipart POST', platform: 'Platform signed PUT' };
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function figureRows(size: string, f: BackendFigures, bytes: number, gateRatio: boolean): Row[] {
  const name = `upload ${size}, ${NAMES[f.backend]}`;
  const rate = bytes / MiB / (f.actionMs / 1000);
  const out: Row[] = [
    {
      case: name,
      metric: `upload time / curl's (median of ${f.pairs.length} pairs)`,
      value: `${f.ratio.toFixed(2)}× (${s(f.actionMs)} vs ${s(f.curlMs)}, ${rate.toFixed(0)} MiB/s)`,
      raw: f.ratio,
      unit: 'ratio',
      target: gateRatio ? target(`≤ ${RATIO_TARGET}×`, f.ratio <= RATIO_TARGET) : undefined,
    },
    {
      case: name,
      metric: 'whole action process / curl process',
      value: `${s(median(f.pairs.map((p) => p.actionWallMs)))} vs ${s(median(f.pairs.map((p) => p.curlWallMs)))}`,
      raw: median(f.pairs.map((p) => p.actionWallMs)),
      unit: 'ms',
    },
  ];
  if (f.peakRssMiB !== undefined) {
    out.push({
      case: name,
      metric: 'action peak RSS',
      value: `${f.peakRssMiB.toFixed(1)} MiB`,
      raw: f.peakRssMiB,
      unit: 'MiB',
      target: target(`≤ ${RSS_TARGET_MIB} MiB`, f.peakRssMiB <= RSS_TARGET_MIB),
    });
  }
  return out;
}

export async function uploadCase(emu: EmulatorProcess, o: UploadCaseOptions & { gateRatio: boolean }): Promise<CaseResult & { figures: BackendFigures[] }> {
  const size = sizeLabel(o.bytes);
  o.log(`upload ${size}: writing the file (${o.kind})`);
  const dir = runDir(`upload-${o.bytes}`, { rows: 2, best: { bytes: o.bytes, kind: o.kind } });
  const figures: BackendFigures[] = [];
  for (const backend of o.backends) figures.push(await measureBackend(emu, backend, dir, o));
  return {
    rows: figures.flatMap((f) => figureRows(size, f, o.bytes, o.gateRatio)),
    details: { bytes: o.bytes, file: o.kind, figures },
    figures,
  };
}

/** Peak RSS at the large size against the small one: streaming keeps it flat. */
export function rssGrowthRows(small: BackendFigures[], large: BackendFigures[], sizes: [string, string], allowMiB: number): Row[] {
  return large.flatMap((l) => {
    const sm = small.find((x) => x.backend === l.backend);
    if (sm?.peakRssMiB === undefined || l.peakRssMiB === undefined) return [];
    const growth = l.peakRssMiB - sm.peakRssMiB;
    return [
      {
        case: `upload ${sizes[1]} vs ${sizes[0]}, ${NAMES[l.backend]}`,
        metric: 'peak RSS growth',
        value: `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MiB`,
        raw: growth,
        unit: 'MiB',
        target: target(`≤ +${allowMiB} MiB`, growth <= allowMiB),
      },
    ];
  });
}
