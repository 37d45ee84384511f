/**
 * The fault suite in miniature, for `npm test`: four hand-written runs that between them inject
 * every fault kind on both backends, including a partial sync and two lost registration answers
 * that need a re-run. The random form is `npm run test:faults`.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Emulator, startEmulator } from '../../emulator/server.js';
import { EXAMPLE_RUN, FIXTURES, expectedEpochs } from '../e2e/harness.js';
import { runJob } from './job.js';
import type { JobPlan, PlannedFault } from './plan.js';

let emu: Emulator;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.close());

function plan(index: number, backend: JobPlan['backend'], faults: PlannedFault[], extra: Partial<JobPlan> = {}): JobPlan {
  const csv = extra.csv ?? path.join(FIXTURES, 'detect.csv');
  return {
    index,
    seed: 0,
    backend,
    csv,
    epochs: expectedEpochs(csv).size,
    weights: { 'best.pt': 400_000, 'last.pt': 600_000 },
    status: 'success',
    logLines: 0,
    hubCreate: false,
    faults,
    ...extra,
  };
}

async function runClean(p: JobPlan) {
  const result = await runJob(emu, p);
  assert.deepEqual(result.problems, [], result.logTail);
  const fired = Object.fromEntries(result.fired);
  const planned: Record<string, number> = {};
  for (const f of p.faults) planned[f.kind] = (planned[f.kind] ?? 0) + f.times;
  return { result, fired, planned };
}

describe('fault suite, fixed runs', () => {
  it('Platform: 500, HTML, a reset PUT, 503 and a stall; every epoch, the console log and best.pt arrive once', async () => {
    const { result, fired, planned } = await runClean(
      plan(
        0,
        'platform',
        [
          { kind: '500', target: 'platform:epoch_end', fault: { status: 500 }, times: 1, after: 20 },
          { kind: 'HTML 200', target: 'platform:checkpoint_saved', fault: { html: true }, times: 1, after: 0 },
          { kind: 'reset mid-upload', target: 'platform:put', fault: { reset: 'mid-body' }, times: 2, after: 0 },
          { kind: '503 + Retry-After', target: 'platform:training_complete', fault: { status: 503, retryAfter: 0 }, times: 1, after: 0 },
          { kind: 'stall past the deadline', target: 'platform:console_output', fault: { delayMs: 3000 }, times: 1, after: 0 },
        ],
        { csv: path.join(EXAMPLE_RUN, 'results.csv'), logLines: 700 },
      ),
    );
    assert.equal(result.rerun, undefined);
    assert.deepEqual(fired, planned);
  });

  it('Platform: a PUT refused beyond the retry budget ends partial; the re-run completes it', async () => {
    const { result, fired, planned } = await runClean(
      plan(1, 'platform', [
        { kind: '503 beyond the retry budget', target: 'platform:put', fault: { status: 503, retryAfter: 600 }, times: 1, after: 0 },
        { kind: 'server down', target: 'platform:epoch_end', fault: { down: { ms: 800 } }, times: 1, after: 2 },
      ]),
    );
    assert.equal(result.rerun, 'partial');
    assert.deepEqual(fired, planned);
  });

  it('Platform: an HTML page instead of the registration answer; the re-run continues the run by its id', async () => {
    const { result } = await runClean(
      plan(2, 'platform', [{ kind: 'HTML 200', target: 'platform:training_started', fault: { html: true }, times: 1, after: 0 }]),
    );
    assert.equal(result.rerun, 'lost registration answer');
  });

  it('HUB: 429, 502, a reset upload and a stalled heartbeat; metrics and both weights arrive intact', async () => {
    const { result, fired, planned } = await runClean(
      plan(3, 'hub', [
        { kind: '429 + Retry-After', target: 'hub:auth', fault: { status: 429, retryAfter: 1 }, times: 1, after: 0 },
        { kind: '502', target: 'hub:metrics', fault: { status: 502 }, times: 2, after: 0 },
        { kind: 'reset mid-upload', target: 'hub:upload', fault: { reset: 'mid-body' }, times: 1, after: 1 },
        { kind: 'stall past the deadline', target: 'hub:heartbeat', fault: { delayMs: 3000 }, times: 1, after: 0 },
      ]),
    );
    assert.equal(result.rerun, undefined);
    assert.deepEqual(fired, planned);
  });

  it('HUB: the create answer lost in a stall; no model exists, so the re-run creates exactly one', async () => {
    const { result } = await runClean(
      plan(4, 'hub', [{ kind: 'stall past the deadline', target: 'hub:create', fault: { delayMs: 3000 }, times: 1, after: 0 }], { hubCreate: true }),
    );
    assert.equal(result.rerun, 'lost registration answer');
  });
});
