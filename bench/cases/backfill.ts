/**
 * A 300-epoch backfill. HUB: how many requests carry the metrics (batched: at most 2). Platform:
 * one `epoch_end` per epoch under the emulator's sliding-window limit of L requests per W ms, in
 * an emulator process of its own; the action must pace itself from the rate-limit headers, so it
 * gets no 429 and takes little more than the limit's minimum. For N rate-limited requests the
 * minimum is floor((N-1)/L)·W: request k+L cannot go before request k has left the window.
 */
import { hubInputs, platformInputs, runAction } from '../action.js';
import { EmulatorProcess } from '../emulator.js';
import { target, type CaseResult, type Row } from '../report.js';
import { MiB } from '../stats.js';
import { runDir } from '../workspace.js';

export const HUB_REQUESTS_TARGET = 2;
export const PACING_TARGET = 1.05;

export interface RateWindow {
  limit: number;
  windowMs: number;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function hubBackfillCase(emu: EmulatorProcess, epochs: number): Promise<CaseResult> {
  const dir = runDir('backfill-hub', { rows: epochs, best: { bytes: MiB, kind: 'data' } });
  await emu.reset();
  const model = await emu.hubModel();
  const run = await runAction(dir, hubInputs(emu.url, model));
  const state = await emu.state();
  const m = state.hub.models[model];
  const arrived = Object.keys(m.metrics).length;
  if (arrived !== epochs) throw new Error(`HUB backfill: ${arrived} of ${epochs} epochs arrived`);
  const row: Row = {
    case: `backfill ${epochs} epochs, HUB`,
    metric: 'metrics requests (all requests; action wall time)',
    value: `${m.metricsRequests} (${state.requests.length} in all; ${s(run.wallMs)})`,
    raw: m.metricsRequests,
    unit: 'requests',
    target: target(`≤ ${HUB_REQUESTS_TARGET}`, m.metricsRequests <= HUB_REQUESTS_TARGET),
  };
  return { rows: [row], details: { metricsRequests: m.metricsRequests, requests: state.requests.length, wallMs: run.wallMs } };
}

export async function platformBackfillCase(epochs: number, rate: RateWindow, log: (line: string) => void): Promise<CaseResult> {
  const dir = runDir('backfill-platform', { rows: epochs, best: { bytes: MiB, kind: 'data' } });
  const emu = await EmulatorProcess.start({ rate: `${rate.limit}/${rate.windowMs}`, uploadRate: '1000/60000', log: true });
  try {
    log(`  Platform under ${rate.limit} requests per ${s(rate.windowMs)}: at least ${s(Math.floor((epochs + 3) / rate.limit) * rate.windowMs)}`);
    const run = await runAction(dir, platformInputs(emu.url, 'bench/backfill', 'backfill'));
    const state = await emu.state();
    const model = state.platform.runs[run.outputs['model-id']];
    const arrived = Object.keys(model?.epochs ?? {}).length;
    if (arrived !== epochs) throw new Error(`Platform backfill: ${arrived} of ${epochs} epochs arrived`);
    // Every request to the rate-limited API (W1 events and W2), not the signed PUT.
    const limited = emu.lines.filter((l) => / \[platform:(?!put\])[\w-]+\]/.test(l.line));
    const n = limited.length;
    const minimumMs = Math.floor((n - 1) / rate.limit) * rate.windowMs;
    const spanMs = limited[n - 1].at - limited[0].at;
    const ratio = run.wallMs / minimumMs;
    const tooMany = state.platform.rateLimited;
    const window = `${rate.limit} per ${s(rate.windowMs)}`;
    const rows: Row[] = [
      {
        case: `backfill ${epochs} epochs, Platform, limit ${window}`,
        metric: `action wall time / limit's minimum for ${n} requests`,
        value: `${ratio.toFixed(3)}× (${s(run.wallMs)} vs ${s(minimumMs)}; first to last request ${s(spanMs)})`,
        raw: ratio,
        unit: 'ratio',
        target: target(`≤ ${PACING_TARGET}×`, ratio <= PACING_TARGET),
      },
      {
        case: `backfill ${epochs} epochs, Platform, limit ${window}`,
        metric: '429 answers',
        value: String(tooMany),
        raw: tooMany,
        unit: 'answers',
        target: target('0', tooMany === 0),
      },
    ];
    return { rows, details: { rate, requests: n, minimumMs, wallMs: run.wallMs, spanMs, rateLimited: tooMany } };
  } finally {
    await emu.stop();
  }
}
