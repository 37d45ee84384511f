/**
 * How a training ended, read from what it left on disk, for a step that cannot see the job's status
 * (the post step of watch mode). Ultralytics strips its checkpoints when the training finishes:
 * `epoch` becomes -1 in best.pt and last.pt (RUN-DIR.md). Without a stripped checkpoint the training
 * failed, crashed, was cancelled or timed out: that is reported as a failure.
 */
import * as path from 'node:path';
import type { RunStatus } from '../inputs/inputs.js';
import { readCheckpointMeta } from './checkpoint.js';

export async function inferStatus(runDir: string): Promise<{ status: RunStatus; why: string; unstripped: boolean }> {
  let unstripped = false;
  for (const name of ['best.pt', 'last.pt']) {
    const meta = await readCheckpointMeta(path.join(runDir, 'weights', name));
    if (meta?.epoch === -1) return { status: 'success', why: `weights/${name} is stripped (epoch -1): the training finished`, unstripped: false };
    if (typeof meta?.epoch === 'number' && meta.epoch >= 0) unstripped = true;
  }
  return {
    status: 'failure',
    why: 'no stripped checkpoint in weights/: the training failed, crashed, was cancelled or timed out before it finished',
    unstripped,
  };
}

/**
 * A training's status from its files and from how the command that ran it ended (`known`, when the
 * caller saw it). A stripped checkpoint means it finished. Without one it takes the command's
 * failure or cancel; a command that succeeded does not make it finished when it left checkpoints
 * that were never stripped (their epoch is that of a training under way; a script or `yolo tune`
 * goes on after a training fails), only when it left none whose epoch can be read (`save=False`, or
 * an archive's weights of a form without one).
 */
export async function trainingEnd(runDir: string, known?: RunStatus): Promise<{ status: RunStatus; why: string }> {
  const inferred = await inferStatus(runDir);
  if (inferred.status === 'success' || !known) return inferred;
  if (known !== 'success') return { status: known, why: `no stripped checkpoint, and the command ended with ${known}` };
  if (!inferred.unstripped) return { status: 'success', why: 'no checkpoint in weights/ tells otherwise (none, or none with an epoch), and the command succeeded' };
  return {
    status: 'failure',
    why: 'its checkpoints in weights/ were never stripped, so this training did not finish, although the command as a whole succeeded',
  };
}
