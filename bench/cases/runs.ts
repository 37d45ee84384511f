/**
 * Every run of a job, as the several-runs feature promises it:
 * - a folder of past runs (100 × 20 epochs) synced in one step under Platform's rate limit: the wall
 *   time against the limit's minimum for the requests it needs, and no 429;
 * - four trainings at once in watch mode: the watcher's CPU and peak RSS over the whole job, and each
 *   run's live lag from a results.csv row written to its epoch_end on the server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../../emulator/server.js';
import { EmulatorProcess } from '../emulator.js';
import { watchJob } from '../live.js';
import { measure, expectSuccess } from '../process.js';
import { ACTION, EXAMPLE_RUN, PLATFORM_KEY } from '../paths.js';
import { target, type CaseResult, type Row } from '../report.js';
import { percentile } from '../stats.js';
import { tempDir, resultsCsv, writeWeights } from '../workspace.js';

const PACING_TARGET = 1.03;
const CPU_PCT = 2;
const RSS_MIB = 70;
const LAG_P95_MS = 2000;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** `runs` finished run directories under archive/, alternating the newest and the padded results.csv formats. */
function archive(runs: number, epochs: number): string {
  const work = tempDir('folder');
  const args = fs.readFileSync(path.join(EXAMPLE_RUN, 'args.yaml'), 'utf8');
  for (let i = 0; i < runs; i++) {
    const name = `run${String(i).padStart(3, '0')}`;
    const dir = path.join(work, 'archive', name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'results.csv'), resultsCsv(epochs, i % 2 ? 'padded' : 'newest'));
    fs.writeFileSync(path.join(dir, 'args.yaml'), args.replace(/^name: .*$/m, `name: ${name}`));
    writeWeights(path.join(dir, 'weights/best.pt'), 64 * 1024, 'data');
  }
  return work;
}

export async function folderCase(runs: number, epochs: number, rate: { limit: number; windowMs: number }, log: (l: string) => void): Promise<CaseResult> {
  const work = archive(runs, epochs);
  const emu = await EmulatorProcess.start({ rate: `${rate.limit}/${rate.windowMs}`, uploadRate: '100000/60000', log: true });
  try {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      HOME: work,
      GITHUB_WORKSPACE: work,
      GITHUB_OUTPUT: path.join(work, 'outputs'),
      'INPUT_RUN-DIR': 'archive/*',
      'INPUT_API-URL': emu.url,
      'INPUT_API-KEY': PLATFORM_KEY,
      INPUT_PROJECT: 'bench/history',
      INPUT_SUMMARY: 'false',
    };
    fs.writeFileSync(env.GITHUB_OUTPUT as string, '');
    log(`  ${runs} runs × ${epochs} epochs under ${rate.limit} requests per ${s(rate.windowMs)}`);
    const run = expectSuccess(await measure(process.execPath, [ACTION], { env, cwd: work }), 'the action');
    const state = await emu.state();
    const all = Object.values(state.platform.runs);
    const arrived = all.reduce((a, r) => a + Object.keys(r.epochs).length, 0);
    if (all.length !== runs || arrived !== runs * epochs || !all.every((r) => r.complete)) {
      throw new Error(`folder: ${all.length} runs, ${arrived} of ${runs * epochs} epochs arrived`);
    }
    // The requests the limit counts: Platform's events (W1), not the upload URLs (their own limit) nor the signed PUTs.
    const limited = emu.lines.filter((l) => / \[platform:(?!put\]|upload-url\])[\w-]+\]/.test(l.line));
    const n = limited.length;
    const minimumMs = Math.floor((n - 1) / rate.limit) * rate.windowMs;
    const ratio = run.wallMs / minimumMs;
    const what = `folder of ${runs} past runs × ${epochs} epochs (64 KiB best.pt each), Platform, limit ${rate.limit} per ${s(rate.windowMs)}`;
    const rows: Row[] = [
      {
        case: what,
        metric: `step wall time / limit's minimum for ${n} requests`,
        value: `${ratio.toFixed(3)}× (${s(run.wallMs)} vs ${s(minimumMs)})`,
        raw: ratio,
        unit: 'ratio',
        target: target(`≤ ${PACING_TARGET}×`, ratio <= PACING_TARGET),
      },
      { case: what, metric: '429 answers', value: String(state.platform.rateLimited), raw: state.platform.rateLimited, unit: 'answers', target: target('0', state.platform.rateLimited === 0) },
    ];
    return { rows, details: { requests: n, minimumMs, wallMs: run.wallMs, rateLimited: state.platform.rateLimited } };
  } finally {
    await emu.stop();
  }
}

/**
 * Four fake trainings at once, one epoch every `intervalMs`, in one workspace with one log: the
 * watcher follows all four. The emulator runs in this process so that each epoch's arrival is seen
 * (polled every 10 ms) per run.
 */
export async function parallelLiveCase(trainings: number, epochs: number, intervalMs: number): Promise<CaseResult> {
  const emu = await startEmulator({ rateLimit: { limit: 1_000_000, windowMs: 60_000 }, uploadRateLimit: { limit: 1_000_000, windowMs: 60_000 } });
  const arrivedAt = new Map<string, number>();
  const poll = setInterval(() => {
    const now = Date.now();
    for (const r of Object.values(emu.state.platform.runs)) for (const e of Object.keys(r.epochs)) if (!arrivedAt.has(`${r.name}/${e}`)) arrivedAt.set(`${r.name}/${e}`, now);
  }, 10);
  try {
    const trainers = Array.from({ length: trainings }, (_, i) => ['--dir', `runs/detect/gpu${i}`, '--epochs', String(epochs), '--interval', String(intervalMs + 17 * i), '--timestamps']);
    const job = await watchJob(emu.url, trainers, { 'log-file': 'train.log' });
    clearInterval(poll);
    if (!job.watcher) throw new Error('parallel live: no /proc on this machine');
    const lags: Record<string, number[]> = {};
    for (const m of job.trainLog.matchAll(/^row (\d+) written at (\d+) in (\S+)$/gm)) {
      const arrived = arrivedAt.get(`${m[3]}/${m[1]}`);
      if (arrived === undefined) throw new Error(`parallel live: epoch ${m[1]} of ${m[3]} never arrived`);
      (lags[m[3]] ??= []).push(arrived - Number(m[2]));
    }
    if (Object.keys(lags).length !== trainings) throw new Error(`parallel live: ${Object.keys(lags).length} of ${trainings} runs measured`);
    const cpu = (100 * job.watcher.cpuSeconds) / job.watcher.wallSeconds;
    const what = `${trainings} trainings at once in watch mode (${epochs} epochs each, one every ~${s(intervalMs)}, one log)`;
    const worst = Math.max(...Object.values(lags).map((l) => percentile(l, 0.95)));
    return {
      rows: [
        {
          case: what,
          metric: 'watcher CPU, average of one core (CPU seconds / wall)',
          value: `${cpu.toFixed(2)} % (${job.watcher.cpuSeconds.toFixed(2)} s in ${job.watcher.wallSeconds.toFixed(0)} s)`,
          raw: cpu,
          unit: '%',
          target: target(`≤ ${CPU_PCT} %`, cpu <= CPU_PCT),
        },
        {
          case: what,
          metric: 'watcher peak RSS (VmHWM)',
          value: `${job.watcher.peakRssMiB.toFixed(1)} MiB`,
          raw: job.watcher.peakRssMiB,
          unit: 'MiB',
          target: target(`≤ ${RSS_MIB} MiB`, job.watcher.peakRssMiB <= RSS_MIB),
        },
        {
          case: what,
          metric: 'live lag p95 of the worst run (each run: p95)',
          value: `${worst.toFixed(0)} ms (${Object.entries(lags).map(([n, l]) => `${n} ${percentile(l, 0.95).toFixed(0)}`).join(', ')})`,
          raw: worst,
          unit: 'ms',
          target: target(`≤ ${LAG_P95_MS} ms`, worst <= LAG_P95_MS),
        },
      ],
      details: { watcher: job.watcher, lags },
    };
  } finally {
    clearInterval(poll);
    await emu.close();
  }
}
