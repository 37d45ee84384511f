/** Each case with the benchmark's options applied: what bench.ts runs. */
import type { EmulatorProcess } from '../emulator.js';
import type { BenchOptions } from '../options.js';
import { Skipped, type CaseResult } from '../report.js';
import { GiB, sizeLabel } from '../stats.js';
import { freeBytes } from '../workspace.js';
import { hubBackfillCase, platformBackfillCase } from './backfill.js';
import { bundleCase } from './bundle.js';
import { coldStartCase } from './cold-start.js';
import { parseCase } from './parse.js';
import { stepCase } from './step.js';
import { rssGrowthRows, uploadCase, type BackendFigures } from './upload.js';
import type { SinkProcess } from '../sink-process.js';

/**
 * Peak RSS may differ by this much between the two sizes: the garbage collector's timing moves the
 * peak by a few MiB from run to run. A client that buffered any part of the file would grow by a
 * good share of the 3 GiB between the sizes; 8 MiB is 0.26 % of it.
 */
const RSS_GROWTH_ALLOWED_MIB = 8;

export const bundle = (): Promise<CaseResult> => bundleCase();
export const parse = (o: BenchOptions): Promise<CaseResult> => parseCase(o.parseRows, o.parseRepeats);
export const coldStart = (o: BenchOptions, emu: EmulatorProcess, log: (l: string) => void): Promise<CaseResult> =>
  coldStartCase(emu, o.coldRuns, log, o.baseline);

/** The whole step against `curl` on the sink: ≤ 1.15× at the small size, ≤ 1.05× at the large one. */
export async function steps(o: BenchOptions, sink: SinkProcess, which: 'small' | 'large', log: (l: string) => void): Promise<CaseResult> {
  const bytes = which === 'small' ? o.smallBytes : o.largeBytes;
  const free = freeBytes();
  if (free < bytes + GiB) {
    throw new Skipped(`a ${sizeLabel(bytes)} file plus 1 GiB of headroom needs more than the ${sizeLabel(free)} free in the temp directory`);
  }
  return stepCase(sink, {
    bytes,
    kind: which === 'small' ? 'data' : 'sparse',
    rounds: which === 'small' ? o.smallPairs : o.largePairs,
    ratioTarget: which === 'small' ? 1.15 : 1.05,
    baseline: o.baseline,
    log,
  });
}
export const backfillHub = (o: BenchOptions, emu: EmulatorProcess): Promise<CaseResult> => hubBackfillCase(emu, o.backfillEpochs);
export const backfillPlatform = (o: BenchOptions, log: (l: string) => void): Promise<CaseResult> =>
  platformBackfillCase(o.backfillEpochs, { limit: o.rateLimit, windowMs: o.rateWindowMs }, log);

/**
 * The upload at the small ("1 GiB") or large ("4 GiB") size. The small file holds data; the large
 * one is sparse, written in no time and read without disk traffic. Skipped, with the reason, when
 * the temp directory has too little space. The large size also compares its peak RSS with the
 * small one's, when that ran.
 */
export async function uploads(
  o: BenchOptions,
  emu: EmulatorProcess,
  which: 'small' | 'large',
  small: CaseResult | undefined,
  log: (l: string) => void,
): Promise<CaseResult> {
  const bytes = which === 'small' ? o.smallBytes : o.largeBytes;
  const free = freeBytes();
  if (free < bytes + GiB) {
    throw new Skipped(`a ${sizeLabel(bytes)} file plus 1 GiB of headroom needs more than the ${sizeLabel(free)} free in the temp directory`);
  }
  const r = await uploadCase(emu, {
    bytes,
    kind: which === 'small' ? 'data' : 'sparse',
    pairs: which === 'small' ? o.smallPairs : o.largePairs,
    backends: ['hub', 'platform'],
    gateRatio: which === 'small',
    log,
  });
  const smallFigures = (small?.details as { figures?: BackendFigures[] } | undefined)?.figures;
  if (which === 'large' && smallFigures) {
    r.rows.push(...rssGrowthRows(smallFigures, r.figures, [sizeLabel(o.smallBytes), sizeLabel(bytes)], RSS_GROWTH_ALLOWED_MIB));
  }
  return r;
}
