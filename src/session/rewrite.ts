/**
 * A training restarted in the same run directory (`exist_ok=True`) writes its results.csv again
 * from epoch 0. Sent on top of the run registered for the first training, it would leave a mixed
 * curve on the server, reported as synced. So each acknowledged epoch keeps a fingerprint of its
 * row in the state file, and results.csv its size; a file that shrank, or a first epoch whose row
 * changed, is a new training: it is registered as a new run, from a fresh state.
 *
 * A resumed training (`resume=True`) is not a restart: it may write the epoch it was killed in
 * again (the later row wins, results-csv.ts), but never the first one.
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
export function rewriteReason(ctx: SessionContext): string | null {
  const { rowPrints, csvBytes, epochs } = ctx.state.saved;
  if (epochs.length === 0) return null;
  const size = csvSize(ctx);
  if (csvBytes !== undefined && size !== undefined && size < csvBytes) {
    return `${ctx.plan.metrics.path} shrank from ${csvBytes} to ${size} bytes`;
  }
  if (!rowPrints) return null;
  const first = Math.min(...epochs);
  const row = ctx.plan.metrics.rows.find((r) => r.epoch === first);
  const was = rowPrints[String(first)];
  if (row && was && rowPrint(row) !== was) return `epoch ${first} of ${ctx.plan.metrics.path} differs from the one sent`;
  return null;
}

/**
 * When results.csv was written again by a new training: warns, and starts the state afresh so that
 * the next `openRun` registers a new run. True when it did.
 */
export async function startOverIfRewritten(ctx: SessionContext): Promise<boolean> {
  const why = rewriteReason(ctx);
  if (!why) return false;
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
