/**
 * `dry-run: true` end to end, for both backends: the bundled action against the emulator, and
 * the emulator's state as the proof that nothing was registered or uploaded. The outputs still
 * say what would be sent (the weights with their sha256) and the job summary is written.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { HUB_KEY, PLATFORM_KEY, type Workspace, runAction, sha256 } from './harness.js';
import { e2eSetup } from './setup.js';

const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY], hubKeys: [HUB_KEY] });
const ws = e2e.ws;

/** Both weights, as the outputs must list them: role → sha256 of the file on disk. */
function filesOnDisk(w: Workspace): Record<string, string> {
  return {
    checkpoint: sha256(path.join(w.runDir, 'weights/last.pt')),
    final: sha256(path.join(w.runDir, 'weights/best.pt')),
  };
}

function weightsOutput(json: string): Record<string, string> {
  const list = JSON.parse(json) as { role: string; sha256: string; bytes: number }[];
  return Object.fromEntries(list.map((f) => [f.role, f.sha256]));
}

/** What every dry run leaves behind: its outputs, a summary, and no state file. */
function assertDryRunReport(w: Workspace, run: Awaited<ReturnType<typeof runAction>>): void {
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(run.outputs.status, 'dry-run');
  assert.equal(run.outputs['best-epoch'], '46');
  const planned = weightsOutput(run.outputs.weights);
  const onDisk = filesOnDisk(w);
  assert.equal(planned.final, onDisk.final, 'best.pt is planned, with its sha256');
  for (const [role, sha] of Object.entries(planned)) assert.equal(sha, onDisk[role], `${role}: the sha256 of the file`);
  assert.match(run.summary, /🔍 dry run: nothing was uploaded/);
  assert.match(run.summary, /\| would send 50 of 50 \(0 on the server\) \|/);
  assert.match(run.summary, new RegExp(`<code>${filesOnDisk(w).final}</code> \\| – \\| – \\| planned \\|`));
  assert.match(run.stdout, /Dry run: would send 50 of 50 epochs .*Nothing was uploaded\./);
  assert.equal(fs.existsSync(path.join(w.runDir, '.ultralytics-sync.json')), false, 'a dry run writes no state file');
  assert.deepEqual(e2e.emu.state.protocolErrors, []);
}

describe('dry-run', () => {
  it('Platform: registers nothing, sends no event, asks for no upload URL and PUTs nothing', async () => {
    const w = ws();
    const run = await runAction(w, { 'api-key': PLATFORM_KEY, 'api-url': e2e.emu.url, project: 'acme/helmets', 'dry-run': 'true' });
    assertDryRunReport(w, run);
    assert.equal(run.outputs.backend, 'platform');
    const sent = e2e.emu.state.requests.filter((r) => r.path.startsWith('/api/') || r.method === 'PUT');
    assert.deepEqual(sent, [], 'no W1 event, no W2 upload URL, no W3 PUT');
    assert.deepEqual(e2e.emu.state.platform.runs, {});
    assert.equal(e2e.emu.state.platform.registrations, 0);
  });

  it('HUB: only checks the key and reads the model; no metrics, upload or heartbeat', async () => {
    const w = ws();
    const id = e2e.emu.hub.addModel();
    const before = structuredClone(e2e.emu.state.hub.models[id]);
    const run = await runAction(w, { 'api-key': HUB_KEY, 'api-url': e2e.emu.url, model: id, 'dry-run': 'true' });
    assertDryRunReport(w, run);
    assert.equal(run.outputs.backend, 'hub');
    const targets = [...new Set(e2e.emu.state.requests.map((r) => `${r.method} ${r.target}`))].sort();
    assert.deepEqual(targets, ['GET hub:get-model', 'POST hub:auth'], 'the key and the model were checked, nothing else');
    assert.deepEqual(e2e.emu.state.hub.models[id], before, 'the model is unchanged');
  });

  it('HUB: a rejected key fails the dry run too', async () => {
    const w = ws();
    const id = e2e.emu.hub.addModel();
    const run = await runAction(w, { 'api-key': 'Zz' + 'x'.repeat(40), 'api-url': e2e.emu.url, model: id, 'dry-run': 'true' });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::.*rejected the API key/);
    assert.deepEqual(e2e.emu.state.hub.models[id].uploads, []);
  });
});
