/**
 * The README's first command, `npm run demo`: the compiled demo runs the bundled action against the
 * in-process emulator, prints the outputs and the emulator's facts, and leaves the job summary.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { ROOT } from './docs.js';

it('npm run demo syncs the example run with no key and no network, and says where the summary is', async () => {
  const child = spawn(process.execPath, [path.join(ROOT, 'build/examples/demo.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const workspace = /^Workspace: (\S+)/m.exec(stdout)?.[1];
  try {
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /^ {2}status +synced$/m);
    assert.match(stdout, /^ {2}best-epoch +46$/m);
    assert.match(stdout, /✓ epochs stored: 50 of 50 in results\.csv/);
    assert.match(stdout, /✓ best\.pt uploaded: \d+ bytes, sha256 matches the file/);
    assert.match(stdout, /✓ protocol errors: 0/);
    assert.doesNotMatch(stdout, /✗/);
    const summary = /^Job summary: (\S+)$/m.exec(stdout)?.[1];
    assert.ok(summary && workspace && summary.startsWith(workspace), 'the summary is in the kept temp workspace');
    const text = fs.readFileSync(summary, 'utf8');
    assert.match(text, /^## Ultralytics Platform: ✅ synced$/m);
    assert.equal((text.match(/^xychart-beta$/gm) ?? []).length, 2);
    assert.ok(!workspace.startsWith(ROOT + path.sep), 'the demo never writes into the repository');
  } finally {
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  }
});
