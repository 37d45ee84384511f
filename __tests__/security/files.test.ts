/**
 * Issue 18, B13, C16, C18, C19: every file the product reads follows the weights' real-path rule,
 * only regular files are read and reads are bounded by the bytes read; recursive YAML aliases and
 * alias bombs name their file; a baseline that exists but cannot be used fails a max-map-drop gate;
 * duplicate results.csv columns are named. The whole pipeline runs in-process against the emulator,
 * on real files (symlinks, a FIFO, /dev/zero, /proc) in temp directories.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Emulator, startEmulator } from '../../emulator/server.js';
import { terminalLog } from '../../src/log.js';
import { reportCommand } from '../../src/commands/report.js';
import { type Host, type Outcome, run } from '../../src/main.js';
import { getInputs } from '../../src/inputs/inputs.js';
import { datasetNames } from '../../src/rundir/dataset-names.js';
import { readRegular } from '../../src/rundir/safe-read.js';
import { readTuneDir } from '../../src/rundir/tune.js';
import { STATE_FILE_NAME } from '../../src/session/state-file.js';
import { LineFollower } from '../../src/watch/follow.js';
import { followTrainings } from '../../src/watch/live.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const EXAMPLE = path.join(ROOT, 'examples/runs/detect/train');
const CLI = path.join(ROOT, 'dist/cli/index.js');
const KEY = 'ul_' + 'a1b2c3d4e5'.repeat(4);
/** What a docker config holds: it must never reach a server. */
const DOCKER_AUTH = 'ZG9ja2VyOnNlY3JldC1wYXNzd29yZA==';

let emu: Emulator;
let outside: string;
let ws: string;
let runDir: string;

before(async () => {
  emu = await startEmulator();
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-outside-'));
  fs.writeFileSync(path.join(outside, 'config.json'), `auths: {registry: {auth: ${DOCKER_AUTH}}}\n`);
  fs.copyFileSync(path.join(EXAMPLE, 'results.csv'), path.join(outside, 'results.csv'));
  fs.writeFileSync(path.join(outside, 'console.log'), `login ${DOCKER_AUTH}\n`);
  fs.writeFileSync(path.join(outside, 'data.yaml'), 'names: [secret-class-a, secret-class-b]\n');
});
after(async () => {
  await emu.close();
  fs.rmSync(outside, { recursive: true, force: true });
});
beforeEach(() => {
  emu.reset();
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-files-ws-'));
  runDir = path.join(ws, 'runs/detect/train');
  fs.mkdirSync(runDir, { recursive: true });
  fs.copyFileSync(path.join(EXAMPLE, 'results.csv'), path.join(runDir, 'results.csv'));
  fs.copyFileSync(path.join(EXAMPLE, 'args.yaml'), path.join(runDir, 'args.yaml'));
});

interface Ran extends Outcome {
  log: string;
}

async function sync(inputs: Record<string, string> = {}): Promise<Ran> {
  const lines: string[] = [];
  const log = terminalLog({ verbose: false, write: (l) => lines.push(l) });
  const all: Record<string, string> = {
    'api-url': emu.url,
    project: 'acme/files',
    'run-dir': 'runs/detect/train',
    'if-no-files-found': 'ignore',
    ...inputs,
  };
  const host: Host = {
    input: (n) => all[n] ?? '',
    env: { GITHUB_WORKSPACE: ws, ULTRALYTICS_API_KEY: KEY, HOME: ws },
    log,
    setOutput: () => {},
    writeSummary: async () => null,
  };
  const outcome = await run(host);
  return { ...outcome, log: lines.join('\n') };
}

const sentText = () => JSON.stringify(emu.state.requests);

describe('B13: symlinks out of the workspace are refused', () => {
  it('args.yaml linked to a docker config outside: an error that names it, nothing sent', async () => {
    fs.rmSync(path.join(runDir, 'args.yaml'));
    fs.symlinkSync(path.join(outside, 'config.json'), path.join(runDir, 'args.yaml'));
    const r = await sync();
    assert.equal(r.exitCode, 1);
    assert.match(r.error ?? '', /args file .*args\.yaml leads outside the workspace \(to .*config\.json\) through a symbolic link, so it is not read/);
    assert.equal(emu.state.requests.length, 0);
    assert.ok(!sentText().includes(DOCKER_AUTH));
  });

  it('results.csv linked outside: refused, nothing sent', async () => {
    fs.rmSync(path.join(runDir, 'results.csv'));
    fs.symlinkSync(path.join(outside, 'results.csv'), path.join(runDir, 'results.csv'));
    const r = await sync();
    assert.equal(r.exitCode, 1);
    assert.match(r.error ?? '', /metrics file .*results\.csv leads outside the workspace/);
    assert.equal(emu.state.requests.length, 0);
  });

  it('a path the user names outside the workspace is read as given', async () => {
    const r = await sync({ metrics: path.join(outside, 'results.csv'), 'run-dir': '' , args: path.join(runDir, 'args.yaml') });
    assert.equal(r.exitCode, 0, r.error);
    assert.equal(r.outputs.epochs, '50');
  });

  it('log-file linked outside: not sent, with an error that names it', async () => {
    fs.symlinkSync(path.join(outside, 'console.log'), path.join(ws, 'train.log'));
    const r = await sync({ 'log-file': 'train.log' });
    assert.equal(r.exitCode, 1);
    assert.match(r.error ?? '', /log-file .*train\.log leads outside the workspace \(to .*console\.log\)/);
    assert.ok(!sentText().includes(DOCKER_AUTH), 'the linked log went out');
    assert.equal(emu.state.requests.length, 0, 'refused only after the run was registered');
  });

  it('live mode: a log-file linked outside is not followed', () => {
    fs.symlinkSync(path.join(outside, 'console.log'), path.join(ws, 'live.log'));
    assert.deepEqual(new LineFollower(path.join(ws, 'live.log'), ws).read(), []);
    assert.deepEqual(new LineFollower(path.join(ws, 'live.log'), null).read(), [`login ${DOCKER_AUTH}`], 'the same file without the rule');
  });

  it('a dataset YAML linked outside: its class names are not read, with a warning', async () => {
    fs.symlinkSync(path.join(outside, 'data.yaml'), path.join(ws, 'data.yaml'));
    const lines: string[] = [];
    const log = terminalLog({ verbose: false, write: (l) => lines.push(l) });
    const args = { path: 'args.yaml', text: '', values: { data: 'data.yaml' } };
    assert.equal(await datasetNames(args, [ws], log, ws), null);
    assert.match(lines.join('\n'), /warning: dataset YAML .*data\.yaml leads outside the workspace/);
    assert.deepEqual(await datasetNames(args, [ws], log, null), ['secret-class-a', 'secret-class-b'], 'the same file without the rule');
  });
});

describe('B13: only regular files, reads bounded by the bytes read', () => {
  it('a FIFO as args.yaml is refused at once (no wait for a writer)', async () => {
    fs.rmSync(path.join(runDir, 'args.yaml'));
    execFileSync('mkfifo', [path.join(runDir, 'args.yaml')]);
    const r = await sync();
    assert.equal(r.exitCode, 1);
    assert.match(r.error ?? '', /args file .*args\.yaml is a pipe \(FIFO\), not a regular file/);
  });

  it('a best.pt that is /dev/zero (named outside the workspace, so no link rule) is refused, not sent', async () => {
    const dev = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-dev-'));
    fs.symlinkSync('/dev/zero', path.join(dev, 'best.pt'));
    const r = await sync({ weights: path.join(dev, '*.pt') });
    fs.rmSync(dev, { recursive: true, force: true });
    assert.equal(r.exitCode, 1, r.log);
    assert.match(r.error ?? '', /weights file .*best\.pt(:? it)? is not a regular file/);
    assert.equal(emu.state.requests.length, 0);
  });

  it('live mode: a log-file that stat says is 64 GiB (sparse) is read 16 MiB at a time', () => {
    const file = path.join(ws, 'sparse.log');
    fs.writeFileSync(file, 'Epoch 1/3\n');
    fs.truncateSync(file, 64 * 2 ** 30);
    const follower = new LineFollower(file, ws);
    assert.deepEqual(follower.read(), ['Epoch 1/3']);
    const next = follower.read();
    assert.equal(next.length, 1);
    assert.equal(next[0].length, 16 * 2 ** 20, 'one window, taken as one line');
  });

  it('a /proc file (stat says 0 bytes) is bounded by what is read', async () => {
    assert.equal(fs.statSync('/proc/self/maps').size, 0);
    await assert.rejects(readRegular('/proc/self/maps', { what: 'metrics file', confine: null, maxBytes: 64 }), /metrics file \/proc\/self\/maps holds more than 0 KiB/);
    assert.ok((await readRegular('/proc/self/maps', { what: 'x', confine: null, maxBytes: 1 << 24 })).length > 64);
  });
});

describe('C18: a baseline that exists but cannot be used', () => {
  const gate = { 'max-map-drop': '0.05' };

  it('/dev/zero as baseline: the gate fails at once, saying why; memory stays small', async () => {
    const before = process.memoryUsage().rss;
    const r = await sync({ ...gate, baseline: '/dev/zero' });
    assert.equal(r.exitCode, 1);
    assert.match(r.error ?? '', /Quality gate failed: max-map-drop 0\.05 cannot be checked: the baseline exists but cannot be used \(.*\/dev\/zero is a device, not a regular file/);
    assert.equal(r.outputs.gate, 'failed');
    assert.equal(r.outputs.status, 'synced', 'the sync itself went through');
    assert.ok(process.memoryUsage().rss - before < 200 * 2 ** 20);
  });

  it('a corrupt baseline (binary results.csv) and a directory where the file should be: the gate fails', async () => {
    fs.writeFileSync(path.join(ws, 'base.csv'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0xfe, 0, 1]));
    const corrupt = await sync({ ...gate, baseline: 'base.csv' });
    assert.equal(corrupt.exitCode, 1);
    assert.match(corrupt.error ?? '', /cannot be checked: the baseline exists but cannot be used \(.*base\.csv is not a usable results\.csv: .*binary/);
    fs.mkdirSync(path.join(ws, 'base-dir'));
    const dir = await sync({ ...gate, baseline: 'base-dir' });
    assert.equal(dir.exitCode, 1);
    assert.match(dir.error ?? '', /cannot be checked: .*base-dir holds neither a results\.csv/);
  });

  it('a baseline without read permission is unreadable, not missing (checked as an unprivileged user)', { skip: process.getuid?.() === 0 ? false : 'needs root to drop to another user' }, () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ul-perm-')), 'results.csv');
    fs.copyFileSync(path.join(EXAMPLE, 'results.csv'), file);
    fs.chmodSync(path.dirname(file), 0o755);
    fs.chmodSync(file, 0o000);
    const baselineModule = path.join(ROOT, 'build/src/report/baseline.js');
    const script =
      `process.setgid(65534); process.setuid(65534);` +
      `const { readBaseline } = await import(${JSON.stringify(baselineModule)});` +
      `readBaseline(${JSON.stringify(file)}).then(() => console.log('{}'), (e) => console.log(JSON.stringify({ missing: e.missing, message: e.message })));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { missing?: boolean; message?: string };
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    assert.equal(out.missing, false, JSON.stringify(out));
    assert.match(out.message ?? '', /results\.csv .*permission denied \(make it readable by the user this runs as\)/);
  });

  it('a baseline linked outside the workspace: the gate fails', async () => {
    fs.symlinkSync(path.join(outside, 'results.csv'), path.join(ws, 'baseline.csv'));
    const r = await sync({ ...gate, baseline: 'baseline.csv' });
    assert.equal(r.exitCode, 1);
    assert.match(r.error ?? '', /cannot be checked: the baseline exists but cannot be used \(baseline .*baseline\.csv leads outside the workspace/);
  });

  it('a baseline that does not exist stays a warning (the first pull request), and without max-map-drop nothing fails', async () => {
    const missing = await sync({ ...gate, baseline: 'nowhere/results.csv' });
    assert.equal(missing.exitCode, 0, missing.error);
    assert.match(missing.log, /warning: Baseline not compared: .*nowhere\/results\.csv does not exist/);
    const ungated = await sync({ baseline: '/dev/zero' });
    assert.equal(ungated.exitCode, 0, ungated.error);
    assert.match(ungated.log, /warning: Baseline not compared: .*\/dev\/zero is a device/);
  });
});

describe('C16: recursive YAML aliases and alias bombs name their file', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]'].join('\n');

  it('args.yaml with `loop: &x [1, *x]`: an error naming the file, no stack overflow', async () => {
    fs.appendFileSync(path.join(runDir, 'args.yaml'), 'loop: &x [1, *x]\n');
    const r = await sync();
    assert.equal(r.exitCode, 1);
    assert.match(r.error ?? '', /runs\/detect\/train\/args\.yaml: a YAML alias refers to the node that holds it \(like `loop: &x \[1, \*x\]`\)/);
    assert.doesNotMatch(r.error ?? '', /call stack/);
  });

  it('args.yaml with an alias bomb: an error naming the file', async () => {
    fs.appendFileSync(path.join(runDir, 'args.yaml'), `${bomb}\n`);
    const r = await sync();
    assert.equal(r.exitCode, 1);
    assert.match(r.error ?? '', /args\.yaml: its YAML aliases \(\*name\) expand too far .*alias bomb/);
  });

  it('args.yaml nested 20 000 deep: an error naming the file, not an out-of-memory crash', async () => {
    fs.appendFileSync(path.join(runDir, 'args.yaml'), `deep: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    const r = await sync();
    assert.equal(r.exitCode, 1);
    assert.match(r.error ?? '', /args\.yaml: its YAML nests lists or mappings more than 1000 deep/);
  });

  it('a dataset YAML with a recursive alias or a bomb: a warning naming it, classNames null', async () => {
    for (const text of ['names: &n [a, *n]\n', `${bomb}\nnames: [a]\n`]) {
      fs.writeFileSync(path.join(ws, 'data.yaml'), text);
      const lines: string[] = [];
      const log = terminalLog({ verbose: false, write: (l) => lines.push(l) });
      assert.equal(await datasetNames({ path: 'args.yaml', text: '', values: { data: 'data.yaml' } }, [ws], log, ws), null);
      assert.match(lines.join('\n'), /warning: .*data\.yaml: (a YAML alias refers to the node that holds it|its YAML aliases \(\*name\) expand too far)/);
    }
  });
});

describe('C19: duplicate header columns', () => {
  it('are named in a warning, with their column numbers', async () => {
    const csv = fs.readFileSync(path.join(EXAMPLE, 'results.csv'), 'utf8').split('\n');
    const header = csv[0].split(',');
    header[3] = header[2];
    fs.writeFileSync(path.join(runDir, 'results.csv'), [header.join(','), ...csv.slice(1)].join('\n'));
    const r = await sync();
    assert.equal(r.exitCode, 0, r.error);
    assert.match(r.log, new RegExp(`warning: .*results\\.csv has the column ${header[2].trim().replace(/[()/]/g, '\\$&')} 2 times \\(columns 3, 4\\): the last one's values are sent`));
  });
});

/**
 * The CLI (dist) in the workspace, as the audit ran it, in a child process: a read that blocks would
 * hang it (the timeout kills it) and one that grows without bound would fill its memory (the heap is
 * capped), either way a failure here and not a stuck test runner.
 */
function cli(args: string[]): { code: number | null; signal: NodeJS.Signals | null; out: string } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, ...args], {
    cwd: ws,
    env: { PATH: process.env.PATH ?? '', HOME: ws, GITHUB_WORKSPACE: ws },
    encoding: 'utf8',
    timeout: 15_000,
    killSignal: 'SIGKILL',
    maxBuffer: 4 * 2 ** 20,
  });
  return { code: r.status, signal: r.signal, out: `${r.stdout}${r.stderr}` };
}

const syncArgs = () => ['--api-key', KEY, '--api-url', emu.url, '--project', 'acme/files', '--run-dir', 'runs/detect/train', '--if-no-files-found', 'ignore'];

/** The `reports` path in-process (the action's entry takes it when the input is set). */
async function gather(reports: string): Promise<Ran> {
  const lines: string[] = [];
  const log = terminalLog({ verbose: false, write: (l) => lines.push(l) });
  const all: Record<string, string> = { reports };
  const host: Host = {
    input: (n) => all[n] ?? '',
    env: { GITHUB_WORKSPACE: ws, HOME: ws },
    log,
    setOutput: () => {},
    writeSummary: async () => null,
  };
  const outcome = await reportCommand(host);
  return { ...outcome, log: lines.join('\n') };
}

describe('B13 audit: the four reads that did not use the safe reader', () => {
  it('watch mode: a best.pt that appears mid-run linked outside the workspace is not uploaded live, with a warning; the training goes on', async () => {
    fs.copyFileSync(path.join(EXAMPLE, 'weights/best.pt'), path.join(outside, 'best.pt'));
    const lines: string[] = [];
    const log = terminalLog({ verbose: false, write: (l) => lines.push(l) });
    const env = { GITHUB_WORKSPACE: ws, ULTRALYTICS_API_KEY: KEY, HOME: ws };
    const all: Record<string, string> = { 'api-url': emu.url, project: 'acme/files', 'run-dir': 'runs/detect/train', watch: 'true' };
    const inputs = getInputs((n) => all[n] ?? '', env, log);
    const stop = new AbortController();
    const following = followTrainings({ inputs, log, env, startedAt: 0, checkpointIntervalMs: 0, tickMs: 50 }, stop.signal);
    const runs = () => Object.values(emu.state.platform.runs);
    const waitFor = async (check: () => boolean, what: string) => {
      for (const end = Date.now() + 8000; !check(); await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() > end) {
          stop.abort();
          await following;
          assert.fail(`timed out waiting for ${what}:\n${lines.join('\n')}`);
        }
      }
    };
    await waitFor(() => runs().some((r) => Object.keys(r.epochs).length > 0), 'the run to be live');
    // Mid-run: the trainer's best.pt appears, as a link out of the workspace.
    fs.mkdirSync(path.join(runDir, 'weights'));
    fs.symlinkSync(path.join(outside, 'best.pt'), path.join(runDir, 'weights/best.pt'));
    await waitFor(() => lines.some((l) => /Live checkpoint/.test(l)), 'the live checkpoint to be looked at');
    stop.abort();
    const result = await following;
    const text = lines.join('\n');
    assert.match(
      text,
      /warning: Live checkpoint .*weights\/best\.pt leads outside the workspace \(to .*best\.pt\) through a symbolic link, so it is not uploaded; the training goes on\. Let the training write its weights inside the workspace/,
    );
    assert.equal(result.runs.length, 1, 'the run is still followed');
    for (const r of runs()) {
      assert.deepEqual(r.checkpoints, [], 'no checkpoint_saved for the linked file');
      assert.deepEqual(r.puts, [], 'its bytes did not go up');
    }
  });

  it('a FIFO as the state file: an error naming it and saying to delete it, at once (no hang), no stack trace', () => {
    execFileSync('mkfifo', [path.join(runDir, STATE_FILE_NAME)]);
    const r = cli(syncArgs());
    assert.equal(r.signal, null, `the CLI hung on the FIFO:\n${r.out}`);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /The sync state file .*\.ultralytics-sync\.json is a pipe \(FIFO\), not a regular file, so it is not read\. Delete it \(`rm .*\.ultralytics-sync\.json`\) and re-run/);
    assert.doesNotMatch(r.out, /\n\s+at .*\.js:\d+/, 'a stack trace');
  });

  it('a state file linked to /dev/zero: an error at the cap, memory stays small', () => {
    fs.symlinkSync('/dev/zero', path.join(runDir, STATE_FILE_NAME));
    const r = cli(syncArgs());
    assert.equal(r.signal, null, r.out);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /The sync state file .*\.ultralytics-sync\.json is a device, not a regular file, so it is not read\. Delete it/);
  });

  it('report --reports: /dev/zero and a FIFO are refused at once, naming them, without a hang or a memory blow-up', () => {
    fs.symlinkSync('/dev/zero', path.join(ws, 'z.json'));
    execFileSync('mkfifo', [path.join(ws, 'f.json')]);
    fs.symlinkSync('/dev/zero', path.join(outside, 'zero.json'));
    const r = cli(['report', '--reports', 'z.json', '--reports', 'f.json', '--reports', path.join(outside, 'zero.json')]);
    assert.equal(r.signal, null, `the CLI hung or ran out of memory:\n${r.out}`);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /report file .*\/z\.json leads outside the workspace \(to \/dev\/zero\) through a symbolic link, so it is not read/);
    assert.match(r.out, /report file .*\/zero\.json is a device, not a regular file, so it is not read/, 'named outside the workspace: read as given, but no device');
    assert.match(r.out, /report file .*f\.json is a pipe \(FIFO\), not a regular file, so it is not read\. Give the report-file artifacts themselves/);
    assert.doesNotMatch(r.out, /\n\s+at .*\.js:\d+/, 'a stack trace');
  });

  it('reports: a file linked outside the workspace is not read, and no file content is echoed', async () => {
    fs.symlinkSync(path.join(outside, 'config.json'), path.join(ws, 'linked.json'));
    fs.writeFileSync(path.join(ws, 'plain.json'), `auths: ${DOCKER_AUTH}\n`);
    for (const file of ['linked.json', 'plain.json']) {
      const r = await gather(file);
      assert.equal(r.exitCode, 1, r.log);
      assert.ok(!`${r.log}\n${r.error}`.includes('auths'), `the file's content was echoed: ${r.error}`);
      assert.ok(!`${r.log}\n${r.error}`.includes(DOCKER_AUTH.slice(0, 8)));
    }
    const linked = await gather('linked.json');
    assert.match(linked.error ?? '', /report file .*linked\.json leads outside the workspace \(to .*config\.json\) through a symbolic link, so it is not read/);
    const plain = await gather('plain.json');
    assert.match(plain.error ?? '', /plain\.json is not a report this action wrote: invalid JSON/);
  });

  it('tune_results.csv linked outside the workspace is not read into the summary', async () => {
    fs.writeFileSync(path.join(outside, 'tune_results.csv'), `fitness,lr0\n0.5,${DOCKER_AUTH}\n`);
    const tune = path.join(ws, 'runs/detect/tune');
    fs.mkdirSync(tune, { recursive: true });
    fs.symlinkSync(path.join(outside, 'tune_results.csv'), path.join(tune, 'tune_results.csv'));
    await assert.rejects(readTuneDir(tune, ws), /tune results .*tune_results\.csv leads outside the workspace \(to .*tune_results\.csv\) through a symbolic link, so it is not read\. Give the real path, or copy the tune folder into the workspace/);
    assert.equal((await readTuneDir(tune, null)).best?.hyperparameters.lr0, DOCKER_AUTH, 'the same folder without the rule');
    // The whole sync: the tune folder beside the run is left out of the summary, with a warning.
    const r = await sync({ 'run-dir': 'runs/detect/*' });
    assert.equal(r.exitCode, 0, r.error);
    assert.ok(!r.log.includes(DOCKER_AUTH));
    assert.match(r.log, /warning: The tune folder .*tune is left out of the summary: tune results .*leads outside the workspace/);
  });
});
