/**
 * The CLI's live forms, as a GitLab job or a shell uses them: `run -- <training command>` (status
 * from the exit code, which it passes on) and `watch --pid` beside a training started elsewhere.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { PlatformRun } from '../../emulator/server.js';
import { platformName } from '../../src/backend/ci-environment.js';
import { CLI, HUB_KEY, PLATFORM_KEY, expectedEpochs, runCli, sha256 } from '../e2e/harness.js';
import { e2eSetup } from '../e2e/setup.js';
import { TRAINER, trainer, until, workspaces } from './harness.js';

const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY], hubKeys: [HUB_KEY] });
const workspace = workspaces();
const runs = (): PlatformRun[] => Object.values(e2e.emu.state.platform.runs);

const cli = (args: string[], cwd: string) => runCli(args, cwd, { ULTRALYTICS_API_KEY: PLATFORM_KEY });

const flags = () => ['--api-url', e2e.emu.url, '--project', 'acme/cli'];

/** A command whose training is stopped after two epochs, unfinished, and which then ends by `signal`. */
function unfinished(dir: string, signal: NodeJS.Signals): string {
  const script = path.join(dir, `ended-by-${signal}.mjs`);
  fs.writeFileSync(
    script,
    `import { spawn } from 'node:child_process';\nimport * as fs from 'node:fs';\n` +
      `const child = spawn(process.execPath, [${JSON.stringify(TRAINER)}, '--epochs', '20', '--interval', '50'], { stdio: 'inherit' });\n` +
      `const csv = 'runs/detect/train/results.csv';\n` +
      `const poll = setInterval(() => { if (fs.existsSync(csv) && fs.readFileSync(csv, 'utf8').trim().split('\\n').length > 2) { clearInterval(poll); child.kill('SIGKILL'); process.kill(process.pid, '${signal}'); } }, 10);\n`,
  );
  return script;
}

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
    // As the real client: each line stamped with the local time it was read.
    const stamp = /^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\] /;
    assert.deepEqual(lines.filter((l) => !stamp.test(l)), [], 'every live console line is stamped');
    const first = new Date((stamp.exec(lines[0]) as RegExpExecArray)[1].replace(' ', 'T')); // parsed as local time
    assert.ok(Math.abs(first.getTime() - Date.now()) < 60_000, `the stamp ${lines[0].slice(0, 21)} is local time, now`);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('sends the environment (version from the log banner, hostname, os, disk, the command) and modelInfo on epoch 0', async () => {
    const w = workspace();
    const command = [process.execPath, TRAINER, '--epochs', '3', '--interval', '150'];
    const run = await cli(['run', ...flags(), '--', ...command], w.dir);
    assert.equal(run.code, 0, run.stderr);
    const r = runs()[0];
    assert.ok(r, `the run was registered: ${run.stderr.slice(-3000)}`);
    const env = (r.started as { environment: Record<string, unknown> }).environment;
    assert.equal(env.ultralyticsVersion, '8.3.40', 'from the banner: at registration no checkpoint exists yet');
    assert.equal(env.hostname, os.hostname());
    assert.equal(env.os, platformName());
    assert.match(String(env.os), new RegExp(`^${os.type()}-${os.release().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-${os.machine()}`));
    const st = fs.statfsSync('/');
    assert.equal(env.totalDiskGb, Math.round(((st.blocks * st.bsize) / 2 ** 30) * 10) / 10);
    assert.equal(env.command, command.join(' '));
    const epoch0 = r.epochs['0'] as { modelInfo?: unknown };
    assert.deepEqual(epoch0.modelInfo, { parameters: 2624080, gflops: 6.6 }, "the trainer's summary line");
    assert.equal((r.epochs['1'] as { modelInfo?: unknown }).modelInfo, undefined);
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it("keeps the trainer's progress bar whole: its own lines go between the trainer's lines", async () => {
    const w = workspace();
    // stdout and stderr into one file, as a terminal shows them, in the order they were written.
    const out = path.join(w.dir, 'screen.txt');
    const fd = fs.openSync(out, 'w');
    const child = spawn(
      process.execPath,
      [CLI, 'run', ...flags(), '--', process.execPath, TRAINER, '--epochs', '5', '--interval', '600', '--progress', '12'],
      { cwd: w.dir, env: { PATH: process.env.PATH ?? '', HOME: w.dir, ULTRALYTICS_API_KEY: PLATFORM_KEY }, stdio: ['ignore', fd, fd] },
    );
    fs.closeSync(fd);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const screen = fs.readFileSync(out, 'utf8');
    assert.equal(code, 0, screen);
    const lines = screen.split('\n');
    const ours = lines.filter((l) => /Epochs? [\d, ]+ → platform/.test(l));
    assert.ok(ours.length > 0, screen);
    for (const l of ours) assert.match(l, /^\s*Epochs? [\d, ]+ → platform$/, `a log line on a line of its own: ${JSON.stringify(l)}`);
    for (const l of lines.filter((x) => x.includes('━') || x.includes('─'))) {
      for (const draw of l.split('\r').filter(Boolean)) {
        assert.match(draw, /^ +\d\/5 +0G +[\d.]+ +[\d.]+ [━─]{10} \d+% \d+\/12$/, `a whole progress bar: ${JSON.stringify(l)}`);
      }
    }
    assert.equal(Object.keys(runs()[0].epochs).length, 5);
  });

  it('on HUB: the final sync beats with the live sync\'s agentId, and the log file is only said to be ignored', async () => {
    const w = workspace();
    const id = e2e.emu.hub.addModel();
    const run = await runCli(
      ['run', '--api-url', e2e.emu.url, '--model', id, '--log-file', 'train.log', '--', process.execPath, TRAINER, '--epochs', '3', '--interval', '150'],
      w.dir,
      { HUB_API_KEY: HUB_KEY },
    );
    assert.equal(run.code, 0, run.stderr);
    const model = e2e.emu.state.hub.models[id];
    assert.ok(model.heartbeats.length >= 2, `the live sync and the final sync each beat: ${run.stderr.slice(-3000)}`);
    assert.equal(model.heartbeats[0].agentId, null, 'the first beat of a model has no agentId yet');
    assert.deepEqual(
      model.heartbeats.slice(1).map((h) => h.agentId),
      model.heartbeats.slice(1).map(() => model.agentId),
      'every later beat, the final sync\'s included, sends the agentId back',
    );
    const state = JSON.parse(fs.readFileSync(path.join(w.runDir, '.ultralytics-sync.json'), 'utf8')) as { agentId?: string };
    assert.equal(state.agentId, model.agentId, 'kept in the state file');
    assert.match(run.stderr, /`log-file` is sent to Ultralytics Platform only; HUB has no console log\. Ignored\./);
    assert.doesNotMatch(run.stderr, /Sent \d+ log lines/);
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
    const script = unfinished(w.dir, 'SIGTERM');
    const run = await cli(['run', ...flags(), '--', process.execPath, script], w.dir);
    assert.equal(run.code, 143);
    assert.equal((runs()[0].failed as { code: string }).code, 'cancelled');
  });

  it('a training that finished (checkpoints stripped) is complete even when the command then ends by a signal', async () => {
    const w = workspace();
    const script = path.join(w.dir, 'finished-then-killed.mjs');
    fs.writeFileSync(
      script,
      `import { spawnSync } from 'node:child_process';\n` +
        `spawnSync(process.execPath, [${JSON.stringify(TRAINER)}, '--epochs', '2', '--interval', '50'], { stdio: 'inherit' });\n` +
        `process.kill(process.pid, 'SIGTERM');\n`,
    );
    const run = await cli(['run', ...flags(), '--', process.execPath, script], w.dir);
    assert.equal(run.code, 143, "the command's own exit code is passed on");
    const r = runs()[0];
    assert.equal(r.failed, undefined);
    assert.ok(r.complete, 'reported complete');
  });

  for (const [signal, code] of [
    ['SIGKILL', 137],
    ['SIGABRT', 134],
  ] as const) {
    it(`a training killed by ${signal} (the OOM killer, a crash) is reported failed, with ${code} as exit code`, async () => {
      const w = workspace();
      const script = unfinished(w.dir, signal);
      const run = await cli(['run', ...flags(), '--', process.execPath, script], w.dir);
      assert.equal(run.code, code);
      assert.match(run.stderr, new RegExp(`signal ${signal} \\(failure\\)`));
      assert.equal((runs()[0].failed as { code: string }).code, 'failure');
    });
  }

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
