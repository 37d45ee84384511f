/** The step's outputs (action.yml `outputs`), as strings. */
import type { BackendName } from '../inputs/identifier.js';
import type { RunPlan } from '../rundir/load-run.js';
import type { SyncResult } from '../session/session.js';

export function buildOutputs(result: SyncResult, plan: RunPlan, backend: BackendName): Record<string, string> {
  return {
    backend,
    'model-id': result.modelId,
    'model-url': result.modelUrl,
    epochs: String(result.epochsOnServer),
    'best-epoch': plan.best ? String(plan.best.epoch) : '',
    map: plan.map === null ? '' : String(plan.map),
    weights: JSON.stringify(
      result.files
        .filter((f) => f.outcome !== 'failed')
        .map((f) => ({ path: f.path, role: f.role, bytes: f.bytes, sha256: f.sha256 })),
    ),
    status: result.status,
  };
}
