/**
 * Watch mode's figures (issue 9), each from a whole job run as the runner runs it:
 * - live lag: from a results.csv row written to its epoch_end on the server, without a rate limit;
 * - the post step after a 300-epoch training under Platform's 100/min, against a backfill of the
 *   same epochs (the rate limit's minimum, which today's after-training sync meets within 1 %);
 * - the watcher's CPU and peak RSS over a long training, one epoch every 10 s.
 */
import { EmulatorProcess } from '../emulator.js';
import { watchJob } from '../live.js';
import { target, type CaseResult } from '../report.js';
import { percentile } from '../stats.js';

const LAG_P95_MS = 2000;
const MAIN_MS = 2000;
const POST_S = 5;
const CPU_PCT = 1;
const RSS_MIB = 60;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function liveLagCase(epochs: number, intervalMs: number): Promise<CaseResult> {
  const emu = await EmulatorProcess.start({ log: true });
  try {
    const job = await watchJob(emu.url, ['--epochs', String(epochs), '--interval', String(intervalMs), '--timestamps']);
    const written = [...job.trainLog.matchAll(/^row (\d+) written at (\d+) in \S+$/gm)].map((m) => Number(m[2]));
    const arrived = emu.lines.filter((l) => /\[platform:epoch_end\]/.test(l.line)).map((l) => l.at);
    if (arrived.length < epochs) throw new Error(`live lag: ${arrived.length} of ${epochs} epoch_end requests`);
    const lags = written.map((w, i) => arrived[i] - w);
    const p95 = percentile(lags, 0.95);
    return {
      rows: [
        {
          case: 'watch main (validate, start the watcher, return)',
          metric: 'step wall time, node start included',
          value: `${job.mainMs.toFixed(0)} ms`,
          raw: job.mainMs,
          unit: 'ms',
          target: target(`≤ ${MAIN_MS} ms`, job.mainMs <= MAIN_MS),
        },
        {
          case: `live lag, ${epochs} epochs every ${intervalMs} ms, Platform, no rate limit`,
          metric: 'results.csv row → epoch_end on the server, p95 (median, max)',
          value: `${p95.toFixed(0)} ms (${percentile(lags, 0.5).toFixed(0)} ms, ${Math.max(...lags).toFixed(0)} ms)`,
          raw: p95,
          unit: 'ms',
          target: target(`≤ ${LAG_P95_MS} ms`, p95 <= LAG_P95_MS),
        },
      ],
      details: { lags, mainMs: job.mainMs },
    };
  } finally {
    await emu.stop();
  }
}

export async function postAfterLiveCase(epochs: number, rate: { limit: number; windowMs: number }): Promise<CaseResult> {
  const emu = await EmulatorProcess.start({ rate: `${rate.limit}/${rate.windowMs}`, uploadRate: '1000/60000', log: true });
  try {
    // A training slower than the limit, as real ones are (minutes per epoch): the live sync keeps up.
    const interval = Math.ceil((rate.windowMs / rate.limit) * 1.2);
    const job = await watchJob(emu.url, ['--epochs', String(epochs), '--interval', String(interval)]);
    const state = await emu.state();
    const run = Object.values(state.platform.runs)[0];
    if (!run?.complete || Object.keys(run.epochs).length !== epochs) throw new Error('post after live: the run is incomplete');
    const backfillMs = Math.floor((epochs + 3 - 1) / rate.limit) * rate.windowMs;
    const window = `${rate.limit} per ${s(rate.windowMs)}`;
    return {
      rows: [
        {
          case: `post step after a ${epochs}-epoch live training, Platform, limit ${window}`,
          metric: 'post wall time (final model 64 KiB) vs a backfill of the same run',
          value: `${s(job.postMs)} vs ≥ ${s(backfillMs)} (the limit's minimum for ${epochs} epoch_end)`,
          raw: job.postMs / 1000,
          unit: 's',
          target: target(`≤ ${POST_S} s + upload`, job.postMs / 1000 <= POST_S),
        },
        {
          case: `post step after a ${epochs}-epoch live training, Platform, limit ${window}`,
          metric: '429 answers during the job',
          value: String(state.platform.rateLimited),
          raw: state.platform.rateLimited,
          unit: 'answers',
          target: target('0', state.platform.rateLimited === 0),
        },
      ],
      details: { postMs: job.postMs, trainMs: job.trainMs, backfillMs },
    };
  } finally {
    await emu.stop();
  }
}

export async function watcherCostCase(minutes: number): Promise<CaseResult> {
  const emu = await EmulatorProcess.start();
  try {
    const epochs = Math.max(1, Math.round((minutes * 60) / 10));
    const job = await watchJob(emu.url, ['--epochs', String(epochs), '--interval', '10000'], { 'log-file': 'train.log', 'checkpoint-interval': '60' });
    if (!job.watcher) throw new Error('watcher cost: no /proc on this machine');
    const cpu = (100 * job.watcher.cpuSeconds) / job.watcher.wallSeconds;
    const what = `watcher over a ${minutes}-minute training (${epochs} epochs, log, checkpoints every 60 s)`;
    return {
      rows: [
        {
          case: what,
          metric: 'CPU, average of one core (CPU seconds / wall)',
          value: `${cpu.toFixed(2)} % (${job.watcher.cpuSeconds.toFixed(2)} s in ${job.watcher.wallSeconds.toFixed(0)} s)`,
          raw: cpu,
          unit: '%',
          target: target(`≤ ${CPU_PCT} %`, cpu <= CPU_PCT),
        },
        {
          case: what,
          metric: 'peak RSS (VmHWM)',
          value: `${job.watcher.peakRssMiB.toFixed(1)} MiB`,
          raw: job.watcher.peakRssMiB,
          unit: 'MiB',
          target: target(`≤ ${RSS_MIB} MiB`, job.watcher.peakRssMiB <= RSS_MIB),
        },
      ],
      details: job.watcher,
    };
  } finally {
    await emu.stop();
  }
}
