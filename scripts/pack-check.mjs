#!/usr/bin/env node
/**
 * `npm run pack-check`: the npm package as a user gets it, outside this repository.
 *
 * 1. `npm pack`, and checks what the tarball holds: the bin, the CLI and emulator bundles,
 *    action.yml, README.md, LICENSE; nothing else (no sources, no tests, no build/).
 * 2. Installs the tarball into a temp folder that holds only a training run (`npm install <tgz>`).
 * 3. There, as a user would: `npx ultralytics-sync --help` and `--version`; starts the emulator from
 *    the installed package (`npx ultralytics-sync emulator --port 0`) on a free loopback port; on a
 *    copy of examples/runs/detect/train runs a Platform dry run (nothing may reach the server), a
 *    HUB dry run (the key and the model are checked on the server) and a real Platform sync (the
 *    emulator must hold 50 epochs and the exact bytes of best.pt).
 *
 * Needs dist/ (run `npm run package` first). Prints one line per step with its time; exits 1 with
 * the failing step's output when a check fails. The temp folder is removed unless --keep.
 */
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE_RUN = path.join(ROOT, 'examples/runs/detect/train');
const KEEP = process.argv.includes('--keep');
/** Keys of the right shape, made up for this run: the emulator accepts any such key. */
const PLATFORM_KEY = `ul_${crypto.randomBytes(20).toString('hex')}`;
const HUB_KEY = crypto.randomBytes(21).toString('hex');

/** Every file the package must hold, and the only places a file may come from. */
const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'action.yml', 'bin/ultralytics-sync.js', 'dist/cli/index.js', 'dist/emulator/index.js'];
const ALLOWED = /^(package\.json|README\.md|LICENSE|action\.yml|bin\/[^/]+\.js|dist\/.+)$/;

class CheckFailed extends Error {}

function check(ok, message) {
  if (!ok) throw new CheckFailed(message);
}

/**
 * The environment for the installed package: this shell's, less anything that would point the CLI
 * elsewhere or write into a job (keys, API roots, GITHUB_* files), and less `npm run`'s own npm_*
 * variables, so that npm reads its configuration as a user's shell would.
 */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|ULTRALYTICS_|HUB_|GITHUB_|INPUT_|RUNNER_|ACTIONS_)/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** Runs a command to its end; resolves with its exit code and output (never rejects on exit codes). */
function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, command: [cmd, ...args].join(' ') });
    });
  });
}

function describeRun(r) {
  return `\`${r.command}\` exited ${r.code ?? r.signal}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

/** Starts the installed emulator in its own process group; resolves with its URL and a stop(). */
function startEmulator(cwd) {
  const child = spawn('npx', ['--no-install', 'ultralytics-sync', 'emulator', '--port', '0', '--quiet'], {
    cwd,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new CheckFailed(`the emulator printed no URL within 30 s:\n${output}`));
    }, 30_000);
    const onData = (d) => {
      output += d;
      const m = /^ultralytics emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new CheckFailed(`the emulator exited (${code}) before it printed its URL:\n${output}`));
    });
  });
}

async function getJson(url) {
  const res = await fetch(url);
  check(res.ok, `GET ${url}: HTTP ${res.status}`);
  return res.json();
}

async function postJson(url, body) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  check(res.ok, `POST ${url}: HTTP ${res.status} ${text}`);
  return JSON.parse(text);
}

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Runs `fn`, prints `label` with its time and what `fn` returns. */
async function step(label, fn) {
  const t0 = performance.now();
  const detail = await fn();
  console.log(`pack-check: ✓ ${label}${detail ? `: ${detail}` : ''} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

async function main() {
  for (const bundle of ['dist/cli/index.js', 'dist/emulator/index.js']) {
    if (!fs.existsSync(path.join(ROOT, bundle))) {
      console.error(`pack-check: ${bundle} is missing: run \`npm run package\` first.`);
      return 1;
    }
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ultralytics-sync-pack-'));
  // The user's project: the package installed there, the training run beside it.
  const app = path.join(tmp, 'app');
  const runDir = path.join(app, 'runs/detect/train');
  fs.cpSync(EXAMPLE_RUN, runDir, { recursive: true });
  const t0 = performance.now();
  let emulator;
  try {
    let tarball;
    await step('npm pack', async () => {
      const r = await run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT });
      check(r.code === 0, describeRun(r));
      const [info] = JSON.parse(r.stdout);
      tarball = path.join(tmp, info.filename);
      const files = info.files.map((f) => f.path);
      const missing = REQUIRED.filter((f) => !files.includes(f));
      check(missing.length === 0, `the package lacks ${missing.join(', ')}: check "files" in package.json`);
      const stray = files.filter((f) => !ALLOWED.test(f));
      check(stray.length === 0, `the package holds files no user needs: ${stray.join(', ')}`);
      return `${info.filename}, ${files.length} files, ${(info.size / 1024).toFixed(0)} KiB packed`;
    });

    await step('npm install <tarball> into a new project', async () => {
      fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'pack-check-app', version: '0.0.0', private: true }));
      const r = await run('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: app });
      check(r.code === 0, describeRun(r));
      const installed = JSON.parse(fs.readFileSync(path.join(app, 'node_modules/ultralytics-sync/package.json'), 'utf8'));
      check(installed.version === pkg.version, `installed version ${installed.version}, expected ${pkg.version}`);
      return r.stdout.trim().split('\n').at(-1);
    });

    await step('npx ultralytics-sync --help / --version', async () => {
      const help = await run('npx', ['--no-install', 'ultralytics-sync', '--help'], { cwd: app });
      check(help.code === 0, describeRun(help));
      check(help.stdout.startsWith(`ultralytics-sync ${pkg.version}: `), `--help does not start with the name and version:\n${help.stdout.slice(0, 300)}`);
      check(/^Usage:\s+ultralytics-sync /m.test(help.stdout) && /^Exit status/m.test(help.stdout), `--help lacks its usage or exit codes:\n${help.stdout}`);
      const version = await run('npx', ['--no-install', 'ultralytics-sync', '--version'], { cwd: app });
      check(version.code === 0 && version.stdout === `${pkg.version}\n`, describeRun(version));
      const bad = await run('npx', ['--no-install', 'ultralytics-sync', '--no-such-flag'], { cwd: app });
      check(bad.code === 2 && /--help/.test(bad.stderr), `an unknown flag must exit 2 with a hint:\n${describeRun(bad)}`);
      return `${help.stdout.split('\n').length} lines of help, version ${pkg.version}, unknown flag → exit 2`;
    });

    await step('npx ultralytics-sync emulator --port 0', async () => {
      emulator = await startEmulator(app);
      const state = await getJson(`${emulator.url}/_emulator/state`);
      check(Array.isArray(state.requests), 'the emulator state has no request list');
      return emulator.url;
    });

    const cli = (args, env) =>
      run('npx', ['--no-install', 'ultralytics-sync', '--run-dir', 'runs/detect/train', '--api-url', emulator.url, '--json', ...args], {
        cwd: app,
        env: cleanEnv(env),
      });
    const best = sha256(path.join(runDir, 'weights/best.pt'));
    const finalSha = (outputs) => JSON.parse(outputs.weights).find((w) => w.role === 'final')?.sha256;

    await step('Platform dry run from the installed package', async () => {
      const r = await cli(['--project', 'ci/pack-check', '--dry-run'], { ULTRALYTICS_API_KEY: PLATFORM_KEY });
      check(r.code === 0, describeRun(r));
      const out = JSON.parse(r.stdout);
      check(out.status === 'dry-run' && out.backend === 'platform', `outputs: ${r.stdout}`);
      check(out['best-epoch'] === '46' && finalSha(out) === best, `the plan does not match the example run: ${r.stdout}`);
      check(!r.stderr.includes(PLATFORM_KEY), 'the key was printed');
      const state = await getJson(`${emulator.url}/_emulator/state`);
      check(state.requests.length === 0, `a Platform dry run sent ${state.requests.length} requests`);
      check(!fs.existsSync(path.join(runDir, '.ultralytics-sync.json')), 'a dry run wrote a state file');
      return 'status dry-run, best epoch 46, best.pt sha256 planned, 0 requests';
    });

    await step('HUB dry run from the installed package', async () => {
      const { id } = await postJson(`${emulator.url}/_emulator/hub/models`, {});
      const r = await cli(['--backend', 'hub', '--model', id, '--dry-run'], { HUB_API_KEY: HUB_KEY });
      check(r.code === 0, describeRun(r));
      const out = JSON.parse(r.stdout);
      check(out.status === 'dry-run' && out.backend === 'hub', `outputs: ${r.stdout}`);
      const state = await getJson(`${emulator.url}/_emulator/state`);
      const targets = [...new Set(state.requests.map((q) => `${q.method} ${q.target}`))].sort();
      check(JSON.stringify(targets) === JSON.stringify(['GET hub:get-model', 'POST hub:auth']), `requests: ${targets.join(', ')}`);
      check(!r.stderr.includes(HUB_KEY), 'the key was printed');
      return `model ${id}: the key and the model checked on the server, nothing sent`;
    });

    await step('Platform sync from the installed package', async () => {
      const r = await cli(['--project', 'ci/pack-check'], { ULTRALYTICS_API_KEY: PLATFORM_KEY });
      check(r.code === 0, describeRun(r));
      const out = JSON.parse(r.stdout);
      check(out.status === 'synced' && out.epochs === '50' && out.map === '0.6771', `outputs: ${r.stdout}`);
      const state = await getJson(`${emulator.url}/_emulator/state`);
      const runs = Object.values(state.platform.runs);
      check(runs.length === 1 && runs[0].modelId === out['model-id'], `runs on the emulator: ${runs.length}`);
      check(Object.keys(runs[0].epochs).length === 50, `epochs on the emulator: ${Object.keys(runs[0].epochs).length}`);
      check(runs[0].puts.map((p) => p.sha256).join() === best, 'the emulator did not receive the exact bytes of best.pt');
      check(state.protocolErrors.length === 0, `protocol errors: ${state.protocolErrors.join('; ')}`);
      return `synced: 50 epochs, best.pt sha256 ${best.slice(0, 12)}… received, no protocol error`;
    });
    console.log(`pack-check: OK in ${((performance.now() - t0) / 1000).toFixed(1)} s${KEEP ? ` (kept ${tmp})` : ''}`);
    return 0;
  } catch (err) {
    if (!(err instanceof CheckFailed)) throw err;
    console.error(`pack-check: ✗ ${err.message}`);
    if (emulator) console.error(`--- emulator output\n${emulator.output()}`);
    return 1;
  } finally {
    await emulator?.stop();
    if (!KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((err) => {
  console.error(`pack-check: ${err.stack ?? err.message}`);
  return 1;
});
