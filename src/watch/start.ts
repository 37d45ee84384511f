/**
 * Main of watch mode: validate, check what the backend can check before the training, start the
 * watcher, and return at once so the training step can begin. The post step finishes the job.
 */
import * as path from 'node:path';
import { HubBackend } from '../backend/hub.js';
import { getInputs } from '../inputs/inputs.js';
import type { Host, Outcome } from '../main.js';
import { emptyPlan } from '../rundir/load-run.js';
import { createTransport } from '../session/setup.js';
import { VERSION } from '../version.js';
import type { WatcherHandle } from './daemon.js';

export async function startWatch(host: Host, spawn: (startedAt: number) => WatcherHandle): Promise<Outcome> {
  const { log } = host;
  const inputs = getInputs(host.input, host.env, log);
  log.info(`ultralytics-sync ${VERSION}: watch mode, backend ${inputs.backend} (${inputs.backendReason}), ${inputs.apiUrl}`);
  if (inputs.dryRun) {
    log.info('dry-run: the inputs are valid; no watcher was started. Run without dry-run to sync live.');
    return { exitCode: 0, outputs: {} };
  }
  if (inputs.backend === 'hub') {
    await log.group('Check the hub key and model', () => new HubBackend(createTransport(inputs, log), inputs, emptyPlan(inputs.workspace), log).preflight());
  } else {
    log.info('Platform has no key check of its own: the key is proven by the first event, once the training writes args.yaml.');
  }
  const startedAt = Date.now();
  const handle = spawn(startedAt);
  const target = inputs.runDir ? path.relative(inputs.workspace, inputs.runDir) || '.' : 'the first run directory a training creates under the workspace';
  log.info(`Watcher started (pid ${handle.pid}); it follows ${target}. Its log is printed by the post step.`);
  const outputs = { backend: inputs.backend, status: 'watching' };
  for (const [k, v] of Object.entries(outputs)) host.setOutput(k, v);
  return { exitCode: 0, outputs };
}
