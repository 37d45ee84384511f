/**
 * `npm run demo`: the whole job on this machine, with no key and no network.
 *
 * Starts the emulator on a free loopback port, copies the example run (examples/runs/detect/train)
 * into a fresh temp workspace, and runs the bundled action (`node dist/index.js`) there exactly as
 * the runner does: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Then prints the
 * outputs, what the emulator stored, and where the job summary is. The temp workspace is kept so
 * the summary can be opened (or rendered: `node docs/render-summary.mjs <summary.md>`).
 *
 * Exits 1 when the action fails, the emulator saw a protocol error, or the stored data does not
 * match the files.
 */
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Emulator, type PlatformRun, startEmulator } from '../emulator/server.js';

/** build/examples/demo.js → the repository root. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLE_RUN = path.join(ROOT, 'examples/runs/detect/train');
const ACTION = path.join(ROOT, 'dist/index.js');
const PROJECT = 'demo/helmets';

interface Workspace {
  dir: string;
  runDir: string;
  outputFile: string;
  summaryFile: string;
}

async function main(): Promise<number> {
  if (!fs.existsSync(ACTION)) {
    console.error(`demo: ${path.relative(process.cwd(), ACTION)} is missing: run \`npm run package\` first.`);
    return 1;
  }
  const ws = makeWorkspace();
  const emulator = await startEmulator();
  try {
    console.log(`Emulator: ${emulator.url} (Ultralytics Platform protocol)`);
    console.log(`Workspace: ${ws.dir} (a copy of examples/runs/detect/train)\n`);
    const code = await runAction(ws, emulator.url);
    const outputs = parseOutputFile(fs.readFileSync(ws.outputFile, 'utf8'));
    console.log('');
    printOutputs(outputs);
    const ok = printEmulatorFacts(emulator, ws, outputs);
    console.log(`\nJob summary: ${ws.summaryFile}`);
    console.log(`Render it:   node docs/render-summary.mjs ${ws.summaryFile}   (needs chromium; see the script's header)`);
    if (code !== 0) console.error(`\ndemo: the action exited with code ${code}.`);
    return code === 0 && ok ? 0 : 1;
  } finally {
    await emulator.close();
  }
}

/** A temp workspace with the example run at runs/detect/train; the repository is never written. */
function makeWorkspace(): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ultralytics-sync-demo-'));
  const runDir = path.join(dir, 'runs/detect/train');
  fs.cpSync(EXAMPLE_RUN, runDir, { recursive: true });
  const ws = { dir, runDir, outputFile: path.join(dir, 'github-output.txt'), summaryFile: path.join(dir, 'job-summary.md') };
  fs.writeFileSync(ws.outputFile, '');
  fs.writeFileSync(ws.summaryFile, '');
  return ws;
}

/** Runs the bundled action like the runner: only the variables it sets, none of this shell's secrets. */
function runAction(ws: Workspace, apiUrl: string): Promise<number | null> {
  const inputs: Record<string, string> = {
    'api-key': `ul_${crypto.randomBytes(20).toString('hex')}`, // a made-up key the emulator accepts
    'api-url': apiUrl,
    project: PROJECT,
    'run-dir': 'runs/detect/train',
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: ws.dir,
    GITHUB_WORKSPACE: ws.dir,
    GITHUB_OUTPUT: ws.outputFile,
    GITHUB_STEP_SUMMARY: ws.summaryFile,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [ACTION], { cwd: ws.dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) printLogLine(line);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (pending) printLogLine(pending);
      resolve(code);
    });
  });
}

/** The runner's log as a person reads it: groups as headings, annotations spelled out, runner commands hidden. */
function printLogLine(line: string): void {
  if (line.startsWith('::debug::') || line.startsWith('::add-mask::') || line === '::endgroup::') return;
  const group = /^::group::(.*)$/.exec(line);
  if (group) return void console.log(`▸ ${group[1]}`);
  const annotation = /^::(warning|error|notice)(?: ([^:]*))?::(.*)$/.exec(line);
  if (annotation) return void console.log(`  ${annotation[1]}: ${annotation[3]}${annotation[2] ? ` [${annotation[2]}]` : ''}`);
  console.log(`  ${line}`);
}

/** The GITHUB_OUTPUT file format: `name<<DELIMITER`, the value, `DELIMITER`. */
function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]] = m[3];
  return out;
}

function printOutputs(outputs: Record<string, string>): void {
  console.log('Outputs:');
  const width = Math.max(...Object.keys(outputs).map((k) => k.length));
  for (const [name, value] of Object.entries(outputs)) {
    const pretty = name === 'weights' ? prettyWeights(value) : value;
    console.log(`  ${name.padEnd(width)}  ${pretty}`);
  }
}

function prettyWeights(json: string): string {
  const list = JSON.parse(json) as { path: string; role: string; bytes: number; sha256: string }[];
  if (list.length === 0) return '[]';
  return list.map((w) => `\n    ${w.role}: ${path.basename(w.path)}, ${w.bytes} bytes, sha256 ${w.sha256}`).join('');
}

/** What the server stored, checked against the files on disk; true when everything matches. */
function printEmulatorFacts(emulator: Emulator, ws: Workspace, outputs: Record<string, string>): boolean {
  const runs: PlatformRun[] = Object.values(emulator.state.platform.runs);
  const run = runs.find((r) => r.modelId === outputs['model-id']);
  const epochsInFile = fs.readFileSync(path.join(ws.runDir, 'results.csv'), 'utf8').trim().split('\n').length - 1;
  const bestSha = crypto.createHash('sha256').update(fs.readFileSync(path.join(ws.runDir, 'weights/best.pt'))).digest('hex');
  const stored = run ? Object.keys(run.epochs).length : 0;
  const put = run?.puts.at(-1);
  const errors = emulator.state.protocolErrors;
  const facts: [boolean, string][] = [
    [runs.length === 1 && run !== undefined, `runs registered: ${runs.length} (${run ? `${run.project}/${run.modelSlug}` : 'none matches the output model-id'})`],
    [stored === epochsInFile, `epochs stored: ${stored} of ${epochsInFile} in results.csv`],
    [put?.sha256 === bestSha, `best.pt uploaded: ${put ? `${put.bytes} bytes, sha256 ${put.sha256 === bestSha ? 'matches the file' : 'DOES NOT match the file'}` : 'no'}`],
    [run?.events.at(-1) === 'training_complete', `last event: ${run?.events.at(-1) ?? 'none'}`],
    [errors.length === 0, `protocol errors: ${errors.length}${errors.length ? `\n      ${errors.join('\n      ')}` : ''}`],
  ];
  console.log(`\nEmulator (${emulator.state.requests.length} requests):`);
  for (const [ok, text] of facts) console.log(`  ${ok ? '✓' : '✗'} ${text}`);
  return facts.every(([ok]) => ok);
}

process.exitCode = await main().catch((err: Error) => {
  console.error(`demo: ${err.stack ?? err.message}`);
  return 1;
});
