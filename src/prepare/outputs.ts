/** The step outputs of a prepared training (action.yml): `train-args`, `train-args-json`, `weights-path`. */
import type { PreparedTraining } from './hub-train-args.js';

export function prepareOutputs(result: Pick<PreparedTraining, 'argString' | 'values' | 'weightsPath'>): Record<string, string> {
  return {
    'train-args': result.argString,
    'train-args-json': JSON.stringify(result.values),
    'weights-path': result.weightsPath ?? '',
  };
}
