/**
 * How a training ended, read from what it left on disk, for a step that cannot see the job's status
 * (the post step of watch mode). Ultralytics strips its checkpoints when the training finishes:
 * `epoch` becomes -1 in best.pt and last.pt (RUN-DIR.md). Without a stripped checkpoint the training
 * failed, crashed, was cancelled or timed out: that is reported as a failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunStatus } from '../inputs/inputs.js';
import { readCheckpointMeta } from './checkpoint.js';

export async function inferStatus(runDir: string): Promise<{ status: RunStatus; why: string; checkpoints: boolean }> {
  let checkpoints = false;
  for (const name of ['best.pt', 'last.pt']) {
    const file = path.join(runDir, 'weights', name);
    checkpoints ||= fs.existsSync(file);
    const meta = await readCheckpointMeta(file);
    if (meta?.epoch === -1) return { status: 'success', why: `weights/${name} is stripped (epoch -1): the training finished`, checkpoints };
  }
  return {
    status: 'failure',
    why: 'no stripped checkpoint in weights/: the training failed, crashed, was cancelled or timed out before it finished',
    checkpoints,
  };
}

/**
 * A training's status from its files and from how the command that ran it ended (`known`, when the
 * caller saw it). A stripped checkpoint means it finished. Without one it takes the command's
 * failure or cancel; a command that succeeded does not make it finished when it left checkpoints
 * that were never stripped (a script or `yolo tune` goes on after a training fails), only when it
 * left none at all (`save=False`).
 */
export async function trainingEnd(runDir: string, known?: RunStatus): Promise<{ status: RunStatus; why: string }> {
  const inferred = await inferStatus(runDir);
  if (inferred.status === 'success' || !known) return inferred;
  if (known !== 'success') return { status: known, why: `no stripped checkpoint, and the command ended with ${known}` };
  if (!inferred.checkpoints) return { status: 'success', why: 'no checkpoint in weights/ (save=False), and the command succeeded' };
  return {
    status: 'failure',
    why: 'its checkpoints in weights/ were never stripped, so this training did not finish, although the command as a whole succeeded',
  };
}
