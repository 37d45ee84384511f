/**
 * Main of watch mode: validate, check what the backend can check before the training (HUB: the key,
 * the model, and the training it is configured for: `train-args`), start the watcher, and return at
 * once so the training step can begin. The post step finishes the job.
 */
import * as path from 'node:path';
import { getInputs } from '../inputs/inputs.js';
import { setOutputs } from '../host.js';
import type { Host, Outcome } from '../main.js';
import { emptyPlan } from '../rundir/load-run.js';
import { createBackend, createTransport } from '../session/setup.js';
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
  const outputs: Record<string, string> = { backend: inputs.backend, status: 'watching' };
  if (inputs.backend === 'hub') {
    const transport = createTransport(inputs, log);
    const hub = await createBackend(inputs, emptyPlan(inputs.workspace), transport, log, host.env);
    await log.group('Check the hub key', async () => hub.checkKey?.());
    // A model that exists carries its training configuration: hand it to the training step. This
    // also refuses a model that is already trained, before the training starts.
    if (inputs.model.kind === 'id') {
      const { prepareHubTraining, prepareOutputs } = await import('../prepare/hub-train-args.js');
      const prepared = await log.group('Prepare the training from the model', () =>
        prepareHubTraining({ inputs, transport, log, env: host.env, downloadDir: host.env.RUNNER_TEMP ?? '' }),
      );
      log.info(`yolo train ${prepared.argString}`);
      Object.assign(outputs, prepareOutputs(prepared));
    }
  } else {
    log.info('Platform has no key check of its own: the key is proven by the first event, once the training writes args.yaml.');
  }
  const inEnv = ['ULTRALYTICS_API_KEY', 'HUB_API_KEY'].filter((name) => host.env[name]);
  if (inEnv.length > 0) {
    log.warning(
      `${inEnv.join(' and ')} ${inEnv.length === 1 ? 'is' : 'are'} set in the environment. If ${inEnv.length === 1 ? 'it is' : 'they are'} set for the job or the workflow, ` +
        'the training step sees the key too, and Ultralytics ≥ 8.4 then reports the same training itself: a second model, every epoch and upload twice. ' +
        'Pass the key to this step as its input instead of an environment variable: `api-key: ${{ secrets.ULTRALYTICS_API_KEY }}`.',
    );
  }
  const startedAt = Date.now();
  const handle = spawn(startedAt);
  const target = inputs.runDir
    ? path.relative(inputs.workspace, inputs.runDir) || '.'
    : inputs.runDirPatterns
      ? 'every run directory `run-dir` matches once a training writes its args.yaml'
      : 'every run directory a training creates under the workspace';
  log.info(`Watcher started (pid ${handle.pid}); it follows ${target}. Its log is printed by the post step.`);
  setOutputs(host, outputs);
  return { exitCode: 0, outputs };
}
