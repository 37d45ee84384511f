/** The step outputs of a prepared training (action.yml): `train-args`, `train-args-json`, `weights-path`. */
import type { PreparedTraining } from './hub-train-args.js';

/** The outputs only a prepared training sets (a sync after the training does not). */
export const PREPARE_OUTPUTS: readonly string[] = ['train-args', 'train-args-json', 'weights-path'];

export function prepareOutputs(result: Pick<PreparedTraining, 'argString' | 'values' | 'weightsPath'>): Record<string, string> {
  return {
    'train-args': result.argString,
    'train-args-json': JSON.stringify(result.values),
    'weights-path': result.weightsPath ?? '',
  };
}
