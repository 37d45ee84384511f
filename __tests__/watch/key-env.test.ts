/**
 * Issue 18, B14: `run --` hands the training no key (an Ultralytics ≥ 8.4 trainer would report the
 * same training a second time), and the action's watch mode warns when the key sits in the
 * environment, where the training step sees it too.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Emulator, startEmulator } from '../../emulator/server.js';
import { terminalLog } from '../../src/log.js';
import type { Host } from '../../src/main.js';
import { startWatch } from '../../src/watch/start.js';

const BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(BUILD, 'src/cli.js');
const P_KEY = 'ul_' + 'a1b2c3d4e5'.repeat(4);
const H_KEY = 'Hk' + 'q7Wz3Rt9Lm'.repeat(4);

let emu: Emulator;
let dir: string;
before(async () => {
  emu = await startEmulator();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-key-env-'));
});
after(async () => {
  await emu.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('B14: the key and the training', () => {
  it('run -- removes ULTRALYTICS_API_KEY and HUB_API_KEY from the command, keeps the rest', async () => {
    const report = path.join(dir, 'env.json');
    const script = `require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ u: process.env.ULTRALYTICS_API_KEY ?? null, h: process.env.HUB_API_KEY ?? null, other: process.env.OTHER_SETTING ?? null }))`;
    const child = spawn(process.execPath, [CLI, 'run', '--backend', 'platform', '--api-url', emu.url, '--project', 'acme/env', '--', process.execPath, '-e', script], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, ULTRALYTICS_API_KEY: P_KEY, HUB_API_KEY: H_KEY, OTHER_SETTING: 'kept' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((r) => child.on('close', r));
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(fs.readFileSync(report, 'utf8')), { u: null, h: null, other: 'kept' });
    assert.match(stderr, /ULTRALYTICS_API_KEY and HUB_API_KEY are not passed to .*node/);
  });

  it("watch mode warns when the key is in the job's environment, not when it is only the input", async () => {
    const start = async (env: Record<string, string>, inputs: Record<string, string>) => {
      const lines: string[] = [];
      const host: Host = {
        input: (n) => inputs[n] ?? '',
        env: { GITHUB_WORKSPACE: dir, ...env },
        log: terminalLog({ verbose: false, write: (l) => lines.push(l) }),
        setOutput: () => {},
        writeSummary: async () => null,
      };
      let spawned = 0;
      const outcome = await startWatch(host, (startedAt) => {
        spawned++;
        return { pid: 1, logFile: 'w.log', handoffFile: 'w.json', startedAt };
      });
      assert.equal(outcome.exitCode, 0, outcome.error);
      assert.equal(spawned, 1);
      return lines.join('\n');
    };
    const fromEnv = await start({ ULTRALYTICS_API_KEY: P_KEY }, { 'api-url': emu.url, project: 'acme/env' });
    assert.match(fromEnv, /warning: ULTRALYTICS_API_KEY is set in the environment\. .*the training step sees the key too, and Ultralytics ≥ 8\.4 then reports the same training itself/);
    const fromInput = await start({}, { 'api-key': P_KEY, 'api-url': emu.url, project: 'acme/env' });
    assert.doesNotMatch(fromInput, /warning: .*in the environment/);
  });
});
