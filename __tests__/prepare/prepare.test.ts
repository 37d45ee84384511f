/**
 * Preparing a training from a HUB model, against the emulator on loopback: the five kinds of model
 * through the CLI (`ultralytics-sync prepare`, the bundled dist/cli) and through the function the
 * action calls, the weights downloaded whole (also after a download broken off half-way), the key
 * kept off the storage URLs and out of every line printed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { getInputs } from '../../src/inputs/inputs.js';
import { InputError } from '../../src/inputs/errors.js';
import { terminalLog } from '../../src/log.js';
import { prepareHubTraining, prepareOutputs } from '../../src/prepare/hub-train-args.js';
import { Transport } from '../../src/transport/http.js';
import { type CliRun, HUB_KEY, PLATFORM_KEY, runCli, sha256 } from '../e2e/harness.js';
import { e2eSetup } from '../e2e/setup.js';

const e2e = e2eSetup({ hubKeys: [HUB_KEY] });

const dirs: string[] = [];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-prepare-'));
  dirs.push(d);
  return d;
}

/** `ultralytics-sync prepare …` with the key in HUB_API_KEY and only PATH and HOME besides. */
function prepare(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(['prepare', '--backend', 'hub', '--api-url', e2e.emu.url, ...args], tempDir(), { HUB_API_KEY: HUB_KEY, ...env });
}

/** The words /bin/sh makes of a train-args line. */
function shellWords(line: string): string[] {
  return execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

function noKeyAnywhere(run: CliRun): void {
  assert.ok(!(run.stdout + run.stderr).includes(HUB_KEY), 'the key is never printed');
  assert.deepEqual(e2e.emu.state.protocolErrors, [], 'no protocol error (no key sent to a weights URL)');
}

describe('ultralytics-sync prepare: the five kinds of HUB model', () => {
  it('new: the flat config, the architecture, nothing downloaded', async () => {
    const { id } = e2e.emu.hub.addCase('new');
    const run = await prepare(['--model', id]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'model=yolo11n.yaml data=coco8.yaml epochs=100 imgsz=640 batch=16 patience=100 cache=ram\n');
    assert.deepEqual(e2e.emu.state.hub.downloads, []);
    assert.match(run.stderr, /trains from its architecture/);
    noKeyAnywhere(run);
  });

  it('pretrained: the parent weights fetched through their release redirect, without the key, and named by path', async () => {
    const c = e2e.emu.hub.addCase('pretrained');
    const dir = tempDir();
    const run = await prepare(['--model', `https://hub.ultralytics.com/models/${c.id}`, '--download-dir', dir]);
    assert.equal(run.code, 0, run.stderr);
    const file = path.join(dir, `ultralytics-hub-${c.id}`, 'yolo11n.pt');
    assert.equal(run.stdout, `model=${file} data=coco8.yaml epochs=30 imgsz=640 batch=8 patience=10 cache=disk\n`);
    assert.equal(sha256(file), c.weights?.sha256);
    assert.deepEqual(
      e2e.emu.state.hub.downloads.map((d) => [d.kind, d.file, d.status]),
      [['asset', 'yolo11n.pt', 302], ['storage', 'yolo11n.pt', 200]],
    );
    assert.match(run.stderr, new RegExp(`sha256 ${c.weights?.sha256}`));
    assert.ok(!run.stderr.includes('X-Goog-Signature='), 'the signed URL is not printed');
    noKeyAnywhere(run);
  });

  it('from an architecture: train_args and cfg, as typed JSON with --json', async () => {
    const { id } = e2e.emu.hub.addCase('architecture');
    const run = await prepare(['--model', id, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      model: 'yolo11s.yaml',
      data: 'coco8.yaml',
      epochs: 50,
      imgsz: 320,
      batch: 32,
      patience: 100,
      device: '0',
      cache: 'ram',
    });
    noKeyAnywhere(run);
  });

  it('resumable: the last weights, broken off half-way and continued, arrive whole; resume=True', async () => {
    const c = e2e.emu.hub.addCase('resumable', { bytes: 600_000 });
    e2e.emu.faults.add('hub:weights', { reset: 'mid-body' });
    const dir = tempDir();
    const run = await prepare(['--model', c.id, '--download-dir', dir]);
    assert.equal(run.code, 0, run.stderr);
    const file = path.join(dir, `ultralytics-hub-${c.id}`, 'last.pt');
    assert.equal(run.stdout, `model=${file} data=coco8.yaml resume=True\n`);
    assert.equal(fs.statSync(file).size, 600_000);
    assert.equal(sha256(file), c.weights?.sha256);
    assert.deepEqual(e2e.emu.state.faultsFired.map((f) => [f.target, f.kind]), [['hub:weights', 'reset:mid-body']]);
    const [first, second] = e2e.emu.state.hub.downloads;
    assert.deepEqual([first.status, first.range], [200, undefined]);
    assert.equal(second.status, 206);
    const from = Number(/^bytes=(\d+)-$/.exec(second.range ?? '')?.[1]);
    assert.ok(from > 0 && from <= 300_000, `the second try continued at byte ${from}, within the half that arrived`);
    assert.equal(e2e.emu.state.hub.downloads.length, 2);
    assert.ok(!fs.existsSync(`${file}.part`));
    noKeyAnywhere(run);
  });

  it('trained: refused before anything is downloaded, with what to do instead', async () => {
    const { id } = e2e.emu.hub.addCase('trained');
    const run = await prepare(['--model', id]);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, new RegExp(`error: Input \`model\` names HUB model ${id}, which is already trained: .*Create a new model on HUB`));
    assert.deepEqual(e2e.emu.state.hub.downloads, []);
    noKeyAnywhere(run);
  });
});

describe('prepareHubTraining (what watch mode calls)', () => {
  const setup = (model: string, extra: Record<string, string> = {}) => {
    const lines: string[] = [];
    const log = terminalLog({ verbose: true, write: (l) => lines.push(l) });
    const values: Record<string, string> = { backend: 'hub', 'api-url': e2e.emu.url, 'api-key': HUB_KEY, model, ...extra };
    const inputs = getInputs((n) => values[n] ?? '', {}, log);
    const transport = new Transport({
      log,
      userAgent: 'ultralytics-sync-test',
      timeoutMs: 5000,
      stallMs: 5000,
      retry: { attempts: 4, baseMs: 10, capMs: 50, budgetMs: 10_000 },
    });
    return { inputs, transport, log, lines };
  };

  it('gives the outputs: train-args for a shell, train-args-json, weights-path; a value with spaces and quotes survives the shell', async () => {
    const c = e2e.emu.hub.addCase('pretrained', {
      data: { train_args: { data: "my datasets/it's $(here).yaml", epochs: 3, cache: false, name: 'run one' } },
    });
    const dir = tempDir();
    const { inputs, transport, log } = setup(c.id);
    try {
      const result = await prepareHubTraining({ inputs, transport, log, env: {}, downloadDir: dir });
      const outputs = prepareOutputs(result);
      assert.deepEqual(Object.keys(outputs), ['train-args', 'train-args-json', 'weights-path']);
      const file = path.join(dir, `ultralytics-hub-${c.id}`, 'yolo11n.pt');
      assert.equal(outputs['weights-path'], file);
      assert.equal(result.weights?.sha256, c.weights?.sha256);
      assert.deepEqual(JSON.parse(outputs['train-args-json']), {
        model: file,
        data: "my datasets/it's $(here).yaml",
        epochs: 3,
        imgsz: 640,
        batch: 16,
        patience: 100,
        cache: false,
        name: 'run one',
      });
      assert.deepEqual(shellWords(outputs['train-args']), [
        `model=${file}`,
        "data=my datasets/it's $(here).yaml",
        'epochs=3',
        'imgsz=640',
        'batch=16',
        'patience=100',
        'cache=False',
        'name=run one',
      ]);
      assert.deepEqual(e2e.emu.state.protocolErrors, []);
    } finally {
      transport.dispose();
    }
  });

  it('refuses a Platform backend and a model that is not an existing HUB model', async () => {
    const lines: string[] = [];
    const log = terminalLog({ verbose: false, write: (l) => lines.push(l) });
    const transport = new Transport({ log, userAgent: 't', timeoutMs: 1000, stallMs: 1000, retry: { attempts: 1, baseMs: 1, capMs: 1, budgetMs: 1 } });
    try {
      const platform = getInputs((n) => ({ 'api-url': e2e.emu.url, 'api-key': PLATFORM_KEY, project: 'a/b' })[n] ?? '', {}, log);
      await assert.rejects(prepareHubTraining({ inputs: platform, transport, log, env: {}, downloadDir: tempDir() }), (e: unknown) =>
        e instanceof InputError && /^Input `backend` is platform: .* Use `backend: hub`/.test(e.message),
      );
      const create = setup('yolo11n.pt').inputs;
      await assert.rejects(prepareHubTraining({ inputs: create, transport, log, env: {}, downloadDir: tempDir() }), /must name an existing HUB model/);
      const missing = setup('ZZZZZZZZZZZZZZZZZZZZ').inputs;
      await assert.rejects(prepareHubTraining({ inputs: missing, transport, log, env: {}, downloadDir: tempDir() }), /which does not exist/);
      assert.equal(e2e.emu.state.hub.downloads.length, 0);
    } finally {
      transport.dispose();
    }
  });
});

describe('ultralytics-sync prepare --help and flags', () => {
  it('prints its help, and exits 2 on an unknown flag', async () => {
    const help = await prepare(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: ultralytics-sync prepare --model MODEL/);
    assert.deepEqual(help.stdout.split('\n').filter((l) => l.length > 100), [], 'lines fit in 100 columns');
    const bad = await prepare(['--model', 'x', '--nope']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown option '--nope'/);
  });
});
