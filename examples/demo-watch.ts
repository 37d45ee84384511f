/**
 * `npm run demo:watch`: watch mode on this machine, with no key and no network.
 *
 * Runs the bundled action the way a runner runs a job with `watch: true`: main (starts the watcher
 * and returns), a training step (the fake trainer, examples/fake-trainer.ts, writing a run directory
 * in real time), then post. While the training runs it prints each epoch as it lands on the
 * embedded emulator, with its lag from the results.csv row. Exits 1 when anything is missing.
 */
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../emulator/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ACTION = path.join(ROOT, 'dist/index.js');
const TRAINER = path.join(ROOT, 'build/examples/fake-trainer.js');
const EPOCHS = 15;

/** Parses the GITHUB_OUTPUT / GITHUB_STATE file format. */
function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]] = m[3];
  return out;
}

function step(name: string, env: Record<string, string>, args: string[], cwd: string): Promise<number | null> {
  console.log(`\n── ${name}`);
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((resolve) => child.on('close', resolve));
}

async function main(): Promise<number> {
  if (!fs.existsSync(ACTION) || !fs.existsSync(TRAINER)) {
    console.error('demo:watch: run `npm run package` first (dist/ and build/ are needed).');
    return 1;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ultralytics-sync-watch-demo-'));
  const temp = path.join(dir, '.runner-temp');
  fs.mkdirSync(temp);
  const files = { GITHUB_STATE: path.join(temp, 'state'), GITHUB_OUTPUT: path.join(temp, 'output'), GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md') };
  for (const f of Object.values(files)) fs.writeFileSync(f, '');
  const emulator = await startEmulator();
  try {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: temp,
      ...files,
      INPUT_WATCH: 'true',
      'INPUT_API-KEY': `ul_${crypto.randomBytes(20).toString('hex')}`,
      'INPUT_API-URL': emulator.url,
      INPUT_PROJECT: 'demo/live',
      'INPUT_LOG-FILE': 'train.log',
    };
    console.log(`Emulator: ${emulator.url}   Workspace: ${dir}`);
    if ((await step('main (watch: true): start the watcher and return', env, [ACTION], dir)) !== 0) return 1;

    console.log(`\n── the training step: the fake trainer writes ${EPOCHS} epochs; each line below is an epoch arriving live`);
    const log = fs.openSync(path.join(dir, 'train.log'), 'a');
    const trainer = spawn(process.execPath, [TRAINER, '--epochs', String(EPOCHS), '--interval', '400'], { cwd: dir, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const written = new Map<number, number>();
    const seen = new Set<string>();
    const csv = path.join(dir, 'runs/detect/train/results.csv');
    const poll = setInterval(() => {
      if (fs.existsSync(csv)) {
        const rows = fs.readFileSync(csv, 'utf8').trim().split('\n').length - 1;
        for (let e = 0; e < rows; e++) if (!written.has(e)) written.set(e, Date.now());
      }
      for (const run of Object.values(emulator.state.platform.runs)) {
        for (const epoch of Object.keys(run.epochs)) {
          if (seen.has(epoch)) continue;
          seen.add(epoch);
          const at = written.get(Number(epoch));
          const m = (run.epochs[epoch] as { metrics: Record<string, number> }).metrics['metrics/mAP50-95(B)'];
          console.log(`   epoch ${epoch.padStart(2)} on Platform   mAP50-95 ${m.toFixed(4)}   ${at ? `lag ≤ ${Date.now() - at} ms` : ''}`);
        }
      }
    }, 50);
    await new Promise((resolve) => trainer.on('close', resolve));
    await new Promise((r) => setTimeout(r, 1500));
    clearInterval(poll);

    const state = parseCommandFile(fs.readFileSync(files.GITHUB_STATE, 'utf8'));
    const postEnv = { ...env };
    for (const [k, v] of Object.entries(state)) postEnv[`STATE_${k}`] = v;
    const code = await step('post: stop the watcher, send the rest, report the run', postEnv, [ACTION], dir);

    const run = Object.values(emulator.state.platform.runs)[0];
    const ok = code === 0 && run !== undefined && Object.keys(run.epochs).length === EPOCHS && run.complete !== undefined && emulator.state.protocolErrors.length === 0;
    console.log(`\n${ok ? 'OK' : 'FAILED'}: ${run ? Object.keys(run.epochs).length : 0}/${EPOCHS} epochs, ${run?.console.length ?? 0} console chunks, ` +
      `final model ${run?.puts.length ? 'uploaded' : 'missing'}, ${run?.complete ? 'training_complete' : 'not complete'}, protocol errors: ${emulator.state.protocolErrors.length}`);
    return ok ? 0 : 1;
  } finally {
    await emulator.close();
  }
}

process.exitCode = await main();
