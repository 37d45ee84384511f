/**
 * A training restarted in the same run directory (`exist_ok=True`) writes its results.csv again
 * from epoch 0. Sent on top of the run registered for the first training, it would leave a mixed
 * curve on the server, reported as synced. So each acknowledged epoch keeps a fingerprint of its
 * row in the state file, and results.csv its size; a file that shrank, or an acknowledged epoch
 * whose row changed, is a new training: it is registered as a new run, from a fresh state. Every
 * acknowledged row is compared, not only the first: a new training with the default seed writes
 * the same epoch 0 and differs only from epoch 1 on.
 *
 * A resumed training (`resume=True`) is not a restart: it may write the epoch it was killed in
 * again (the later row wins, results-csv.ts), which can be the last acknowledged one, but never an
 * earlier one. So the last acknowledged row may differ; its new row is then taken as that epoch's,
 * so that it is compared as written now once later epochs are acknowledged.
 *
 * A state file written before fingerprints were kept (no `rowPrints`) has only the size check.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type { EpochRow } from '../rundir/types.js';
import type { SessionContext } from './session.js';

/** A short digest of what a row sends: its metrics and learning rates. */
export function rowPrint(row: EpochRow): string {
  return createHash('sha256').update(JSON.stringify([row.metrics, row.lr])).digest('hex').slice(0, 16);
}

/** The size of results.csv now, or undefined when it cannot be seen. */
export function csvSize(ctx: SessionContext): number | undefined {
  try {
    return fs.statSync(ctx.plan.metrics.path).size;
  } catch {
    return undefined;
  }
}

/** Why results.csv is a new training's, or null when it continues the one the state file describes. */
function rewriteReason(ctx: SessionContext): string | null {
  const { rowPrints, csvBytes, epochs } = ctx.state.saved;
  if (epochs.length === 0) return null;
  const size = csvSize(ctx);
  if (csvBytes !== undefined && size !== undefined && size < csvBytes) {
    return `${ctx.plan.metrics.path} shrank from ${csvBytes} to ${size} bytes`;
  }
  if (!rowPrints) return null;
  // Every acknowledged epoch but the last (a resumed training may write that one again), in order.
  const last = Math.max(...epochs);
  const rows = new Map(ctx.plan.metrics.rows.map((r) => [r.epoch, r]));
  for (const epoch of [...epochs].sort((a, b) => a - b)) {
    if (epoch === last) break;
    const row = rows.get(epoch);
    const was = rowPrints[String(epoch)];
    if (row && was && rowPrint(row) !== was) return `epoch ${epoch} of ${ctx.plan.metrics.path} differs from the one sent`;
  }
  return null;
}

/**
 * The last acknowledged epoch when results.csv holds another row for it (a resumed training wrote
 * the epoch it was killed in again), else undefined.
 */
function rewrittenLast(ctx: SessionContext): { epoch: number; print: string } | undefined {
  const { rowPrints, epochs } = ctx.state.saved;
  if (!rowPrints || epochs.length === 0) return undefined;
  const epoch = Math.max(...epochs);
  const row = ctx.plan.metrics.rows.find((r) => r.epoch === epoch);
  const was = rowPrints[String(epoch)];
  if (!row || !was) return undefined;
  const print = rowPrint(row);
  return print === was ? undefined : { epoch, print };
}

/**
 * When results.csv was written again by a new training: warns, and starts the state afresh so that
 * the next `openRun` registers a new run. True when it did.
 */
export async function startOverIfRewritten(ctx: SessionContext): Promise<boolean> {
  const why = rewriteReason(ctx);
  if (!why) {
    // A resumed training: the last acknowledged epoch's new row is the one later checks compare.
    const resumed = rewrittenLast(ctx);
    if (resumed) await ctx.state.update((s) => void (s.rowPrints = { ...s.rowPrints, [String(resumed.epoch)]: resumed.print }));
    return false;
  }
  const old = ctx.state.saved.modelUrl ?? ctx.state.saved.modelId ?? 'the earlier run';
  const continuing = ctx.inputs.model.kind === 'id';
  ctx.log.warning(
    `A new training wrote ${ctx.plan.metrics.path} again (${why}): ` +
      (continuing
        ? `\`model\` names the run to continue, so its epochs are sent to it again from the start, over the earlier ones. `
        : `it is registered as a new run, and ${old} is left as it was. `) +
      'To keep one run per training, give each training its own name (or exist_ok=False).',
  );
  await ctx.state.reset();
  return true;
}
