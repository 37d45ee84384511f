/**
 * Every training of a job in watch mode: two trainings at the same time on two "GPUs" (main, then
 * post, as a runner runs them) are both live and complete, each with its own console lines; a watcher
 * killed before any training began is made up for by the post; and the console router's windows on
 * a real growing file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { PlatformRun } from '../../emulator/server.js';
import { ConsoleRouter } from '../../src/watch/console-router.js';
import { PLATFORM_KEY } from '../e2e/harness.js';
import { e2eSetup } from '../e2e/setup.js';
import { mainStep, postStep, savedState, trainer, until, workspaces } from '../watch/harness.js';

const e2e = e2eSetup({ platformKeys: [PLATFORM_KEY] });
const workspace = workspaces();
const runs = (): PlatformRun[] => Object.values(e2e.emu.state.platform.runs);
const unstamped = (r: PlatformRun) => r.console.flatMap((c) => c.content.split('\n')).map((l) => l.replace(/^\[[\d-]+ [\d:]+\] /, ''));
const platform = (extra: Record<string, string> = {}) => ({ 'api-key': PLATFORM_KEY, 'api-url': e2e.emu.url, project: 'acme/gpus', 'log-file': 'train.log', ...extra });

describe('watch mode with several trainings', () => {
  it('two trainings at the same time: both live, both complete, each with the lines written while it ran', async () => {
    const w = workspace();
    const main = await mainStep(w, platform());
    assert.equal(main.code, 0, main.stdout);
    const a = trainer(w, ['--dir', 'runs/detect/gpu0', '--epochs', '8', '--interval', '300']);
    await until(() => fs.existsSync(path.join(w.dir, 'runs/detect/gpu0/results.csv')), 5000, 'gpu0 to start');
    const b = trainer(w, ['--dir', 'runs/detect/gpu1', '--epochs', '6', '--interval', '350']);
    // Live: both runs have epochs on the server while both trainings still run.
    await until(() => runs().length === 2 && runs().every((r) => Object.keys(r.epochs).length >= 2), 10_000, 'both runs live');
    assert.equal(b.child.exitCode, null, 'gpu1 still training');
    assert.equal((await a.done).code, 0);
    assert.equal((await b.done).code, 0);
    const post = await postStep(w, platform());
    assert.equal(post.code, 0, post.stdout);
    const byName = Object.fromEntries(runs().map((r) => [r.name, r]));
    for (const [name, epochs] of [['gpu0', 8], ['gpu1', 6]] as const) {
      const r = byName[name];
      assert.ok(r, `${name} registered`);
      assert.equal(Object.keys(r.epochs).length, epochs);
      assert.equal(r.epochEvents, epochs, `${name}: each epoch once`);
      assert.ok(r.complete, `${name} complete`);
      const lines = unstamped(r);
      assert.ok(lines.includes(`${epochs} epochs completed. Results saved to ${path.join(w.dir, 'runs/detect', name)}`), `${name} got its own last line`);
    }
    // gpu0 started first and gets the lines from the start; gpu1 gets none written before it began.
    const gpu1 = unstamped(byName.gpu1);
    assert.ok(!gpu1.some((l) => l.includes('runs/detect/gpu0, 8 epochs')), 'gpu1 did not get gpu0 banner');
    assert.equal(e2e.emu.state.platform.registrations, 2);
    const listed = JSON.parse(post.outputs.runs) as { name: string; status: string }[];
    assert.deepEqual(listed.map((r) => [r.name, r.status]), [['gpu0', 'synced'], ['gpu1', 'synced']]);
    assert.equal(post.outputs.status, 'synced');
    assert.deepEqual(e2e.emu.state.protocolErrors, []);
  });

  it('a watcher killed before the training began: the post syncs the runs begun since main', async () => {
    const w = workspace();
    assert.equal((await mainStep(w, platform())).code, 0);
    process.kill(Number(savedState(w)['watcher-pid']), 'SIGKILL');
    assert.equal((await trainer(w, ['--dir', 'runs/detect/late', '--epochs', '3', '--interval', '50']).done).code, 0);
    const post = await postStep(w, platform());
    assert.equal(post.code, 0, post.stdout);
    assert.match(post.stdout, /The watcher named no run/);
    const r = runs()[0];
    assert.equal(r?.name, 'late');
    assert.equal(Object.keys(r.epochs).length, 3);
    assert.ok(r.complete);
  });

  it('name and model apply to the first run only in watch mode; a later run keeps its own name, with a warning', async () => {
    const w = workspace();
    assert.equal((await mainStep(w, platform({ name: 'chosen' }))).code, 0);
    const t = (dir: string) => trainer(w, ['--dir', dir, '--epochs', '2', '--interval', '50']).done;
    await t('runs/detect/one');
    await t('runs/detect/two');
    const post = await postStep(w, platform({ name: 'chosen' }));
    assert.equal(post.code, 0, post.stdout);
    assert.deepEqual(runs().map((r) => r.name).sort(), ['chosen', 'two']);
    assert.match(post.stdout, /`name` applied to the first run only; two is synced under its own args.yaml name/);
  });
});

describe('ConsoleRouter', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const logFile = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-router-'));
    dirs.push(d);
    return path.join(d, 'train.log');
  };

  it('hands a sequence on at the banner; a restarted router resumes each window from its state', async () => {
    const file = logFile();
    const got: Record<string, string[]> = { a: [], b: [] };
    const ends: Record<string, number> = {};
    const r = new ConsoleRouter(file);
    fs.writeFileSync(file, 'setup\nUltralytics 8.4.41 🚀 a\na1\n');
    r.read();
    const a = await r.add({ sent: 0 }, 1000, (l) => got.a.push(...l), (to) => (ends.a = to));
    assert.equal(a.window.from, 0, 'the first run gets what came before it');
    fs.appendFileSync(file, 'a2\na done\nUltralytics 8.4.41 🚀 b\nb1\n');
    r.read();
    a.finished(2000);
    const b = await r.add({ sent: 0 }, 3000, (l) => got.b.push(...l), (to) => (ends.b = to));
    assert.equal(b.window.from, 5, 'b starts at its banner, read in the same look');
    assert.equal(ends.a, 5);
    fs.appendFileSync(file, 'b2\n');
    r.read();
    r.flush();
    assert.deepEqual(got.a, ['setup', 'Ultralytics 8.4.41 🚀 a', 'a1', 'a2', 'a done']);
    assert.deepEqual(got.b, ['Ultralytics 8.4.41 🚀 b', 'b1', 'b2']);

    // A watcher restarted: the windows and what was sent come from the state files.
    const again: Record<string, string[]> = { a: [], b: [] };
    const r2 = new ConsoleRouter(file);
    r2.read();
    await r2.add({ from: 0, to: 5, sent: 4 }, 1000, (l) => again.a.push(...l), () => {});
    await r2.add({ from: 5, sent: 1 }, 3000, (l) => again.b.push(...l), () => {});
    r2.flush();
    assert.deepEqual(again.a, ['a done']);
    assert.deepEqual(again.b, ['b1', 'b2']);
  });

  it('overlapping runs both get the lines written while both train; a run seen finished late closes where the next began', async () => {
    const file = logFile();
    const got: Record<string, string[]> = { a: [], b: [], c: [] };
    const r = new ConsoleRouter(file);
    const a = await r.add({ sent: 0 }, 1000, (l) => got.a.push(...l), () => {});
    fs.writeFileSync(file, 'a1\n');
    r.read();
    r.read();
    await r.add({ sent: 0 }, 1500, (l) => got.b.push(...l), () => {});
    fs.appendFileSync(file, 'both1\nboth2\n');
    r.read();
    r.read();
    // c began at 4000 (after a's strip at 3000), but a's strip is only seen now.
    await r.add({ sent: 0 }, 4000, (l) => got.c.push(...l), () => {});
    fs.appendFileSync(file, 'later\n');
    r.read();
    a.finished(3000);
    r.flush();
    assert.deepEqual(got.a, ['a1', 'both1', 'both2']);
    assert.deepEqual(got.b, ['both1', 'both2', 'later']);
    assert.deepEqual(got.c, ['later']);
  });

  it('a run found before its banner reached the log is owed it: a run found later does not take it', async () => {
    const file = logFile();
    const got: Record<string, string[]> = { a: [], b: [] };
    const r = new ConsoleRouter(file);
    fs.writeFileSync(file, 'setup\n');
    r.read();
    // a's args.yaml was seen first; its banner (buffered output) comes in a later read.
    await r.add({ sent: 0 }, 1000, (l) => got.a.push(...l), () => {});
    fs.appendFileSync(file, 'Ultralytics 8.4.41 🚀 a\na1\n');
    r.read();
    // b appears in the look that read a's banner: it opens at its own banner, which comes next.
    const b = await r.add({ sent: 0 }, 2000, (l) => got.b.push(...l), () => {});
    assert.equal(b.window.from, 3, "b does not open at a's banner");
    fs.appendFileSync(file, 'Ultralytics 8.4.41 🚀 b\nboth\n');
    r.read();
    r.flush();
    assert.deepEqual(got.a, ['setup', 'Ultralytics 8.4.41 🚀 a', 'a1', 'Ultralytics 8.4.41 🚀 b', 'both']);
    assert.deepEqual(got.b, ['Ultralytics 8.4.41 🚀 b', 'both']);
  });
});
