/**
 * The CLI's live forms, as a GitLab job or a shell uses them: `run -- <training command>` (status
 * from the exit code, which it passes on) and `watch --pid` beside a training started elsewhere.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { PlatformRun } from '../../emulator/server.js';
import { PLATFORM_KEY, expectedEpochs, runCli, sha256 } from '../e2e/harness.js';
import { e2eSetup } from '../e2e/setup.js';
import { TRAINER, trainer, until, workspaces } from './harness.js';

const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY] });
const workspace = workspaces();
const runs = (): PlatformRun[] => Object.values(e2e.emu.state.platform.runs);

const cli = (args: string[], cwd: string) => runCli(args, cwd, { ULTRALYTICS_API_KEY: PLATFORM_KEY });

const flags = () => ['--api-url', e2e.emu.url, '--project', 'acme/cli'];

describe('ultralytics-sync run -- <training command>', () => {
  it('passes the output through, sends the epochs and the teed log live, reports complete, exits 0', async () => {
    const w = workspace();
    const run = await cli(['run', ...flags(), '--', process.execPath, TRAINER, '--epochs', '6', '--interval', '150'], w.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /6\/6 +box_loss/, 'the training output is passed through');
    assert.match(run.stdout, /^status=synced$/m);
    const r = runs()[0];
    assert.equal(Object.keys(r.epochs).length, expectedEpochs(path.join(w.runDir, 'results.csv')).size);
    assert.equal(r.epochEvents, 6);
    assert.ok(r.complete);
    assert.equal(r.puts[r.puts.length - 1].sha256, sha256(path.join(w.runDir, 'weights/best.pt')));
    const lines = r.console.flatMap((c) => c.content.split('\n'));
    assert.ok(lines.some((l) => /Ultralytics 8\.3\.40 .*\(fake trainer\)/.test(l)), 'the teed output went out as console output');
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('a failing training is reported failed and its exit code is passed on', async () => {
    const w = workspace();
    const run = await cli(['run', ...flags(), '--', process.execPath, TRAINER, '--epochs', '9', '--interval', '100', '--crash-at', '3'], w.dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /exit code 1 \(failure\)/);
    const r = runs()[0];
    assert.equal(Object.keys(r.epochs).length, 3);
    assert.equal((r.failed as { code: string }).code, 'failure');
  });

  it('a training ended by a signal is reported cancelled, with 128 + the signal as exit code', async () => {
    const w = workspace();
    const script = path.join(w.dir, 'killed.mjs');
    fs.writeFileSync(
      script,
      `import { spawnSync } from 'node:child_process';\n` +
        `spawnSync(process.execPath, [${JSON.stringify(TRAINER)}, '--epochs', '2', '--interval', '50'], { stdio: 'inherit' });\n` +
        `process.kill(process.pid, 'SIGTERM');\n`,
    );
    const run = await cli(['run', ...flags(), '--', process.execPath, script], w.dir);
    assert.equal(run.code, 143);
    assert.equal((runs()[0].failed as { code: string }).code, 'cancelled');
  });

  it('an explicit --status wins over the exit code', async () => {
    const w = workspace();
    const run = await cli(['run', ...flags(), '--status', 'cancelled', '--', process.execPath, TRAINER, '--epochs', '2', '--interval', '50'], w.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((runs()[0].failed as { code: string }).code, 'cancelled');
  });

  it('says how to use it when the command is missing, and when it cannot be started', async () => {
    const w = workspace();
    const none = await cli(['run', ...flags()], w.dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /run needs a training command after `--`/);
    const missing = await cli(['run', ...flags(), '--', 'no-such-trainer-xyz'], w.dir);
    assert.equal(missing.code, 127);
    assert.match(missing.stderr, /could not start no-such-trainer-xyz/);
  });
});

describe('ultralytics-sync watch --pid', () => {
  it('follows a training started elsewhere and does the final sync when it exits', async () => {
    const w = workspace();
    const t = trainer(w, ['--epochs', '5', '--interval', '300']);
    // The training wrote its args.yaml before watch started: the --pid process's start time counts.
    await until(() => fs.existsSync(path.join(w.runDir, 'args.yaml')), 5000, 'args.yaml');
    const run = await cli(['watch', ...flags(), '--log-file', 'train.log', '--pid', String(t.child.pid)], w.dir);
    assert.equal((await t.done).code, 0);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /training ended with success/);
    const r = runs()[0];
    assert.equal(Object.keys(r.epochs).length, 5);
    assert.ok(r.complete);
  });

  it('refuses a --pid that runs no process', async () => {
    const w = workspace();
    const run = await cli(['watch', ...flags(), '--pid', '999999'], w.dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--pid 999999: no such process/);
  });
});
