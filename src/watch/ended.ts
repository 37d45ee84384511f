/**
 * How a training ended, read from what it left on disk, for a step that cannot see the job's status
 * (the post step of watch mode). Ultralytics strips its checkpoints when the training finishes:
 * `epoch` becomes -1 in best.pt and last.pt (RUN-DIR.md). Without a stripped checkpoint the training
 * failed, crashed, was cancelled or timed out: that is reported as a failure.
 */
import * as path from 'node:path';
import type { RunStatus } from '../inputs/inputs.js';
import { readCheckpointMeta } from '../rundir/checkpoint.js';

export async function inferStatus(runDir: string): Promise<{ status: RunStatus; why: string }> {
  for (const name of ['best.pt', 'last.pt']) {
    const meta = await readCheckpointMeta(path.join(runDir, 'weights', name));
    if (meta?.epoch === -1) return { status: 'success', why: `weights/${name} is stripped (epoch -1): the training finished` };
  }
  return {
    status: 'failure',
    why: 'no stripped checkpoint in weights/: the training failed, crashed, was cancelled or timed out before it finished',
  };
}
