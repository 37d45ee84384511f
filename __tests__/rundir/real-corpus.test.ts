/**
 * The corpus of real run files (__tests__/fixtures/real/, see its README): genuine results.csv and
 * args.yaml/opt.yaml from public repositories, every era and every task. For each file the
 * expected epochs, best epoch and final mAP come from real-corpus-oracle.ts, which reads the file
 * from RUN-DIR.md's rules without src/. Then:
 *   1. src's reader and fitness agree with the oracle;
 *   2. the bundled action (`node dist/index.js`) sends the file to the emulator over HUB and over
 *      Platform, and what the emulator stored matches the oracle and the wire contracts.
 * The end-to-end runs use tiny random weights (no version in them), so the fitness rule is the
 * header heuristic for every file; fixtures run a few at a time against one emulator.
 * The wire checks follow issue 10's contract: HUB metrics without lr/epoch/time (point 1), HUB map
 * 0 for classify (2), training_complete metrics without val/* (3), base-name trainArgs (6).
 */
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Emulator, type PlatformRun, startEmulator } from '../../emulator/server.js';
import { bestEpoch, fitnessRuleFor } from '../../src/rundir/fitness.js';
import { parseResultsCsv } from '../../src/rundir/results-csv.js';
import { HUB_KEY, PLATFORM_KEY, ROOT, runAction } from '../e2e/harness.js';
import { type Oracle, baseNameOf, isLrColumn, readOracle, realFixtures } from './real-corpus-oracle.js';

const REAL = path.join(ROOT, '__tests__/fixtures/real');
const corpus: Oracle[] = realFixtures(REAL).map(readOracle);

const withoutLr = (values: Record<string, number | null>) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => !isLrColumn(k)));

/** Platform's `lr` (RUN-DIR.md): lr/pg0, YOLOv5's x/lr0, or the single lr/0 of a YOLOv5 classify run. */
const lrOf = (values: Record<string, number | null>) => values['lr/pg0'] ?? values['x/lr0'] ?? values['lr/0'] ?? null;

const pickKeys = (values: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]]));

const near = (a: unknown, b: number, what: string) =>
  assert.ok(typeof a === 'number' && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${what}: ${String(a)} ≠ ${b}`);

describe('real corpus: the files', () => {
  it('holds at least 30 runs covering every era and every task, with CRLF, nan/inf and a 300+ epoch run', () => {
    assert.ok(corpus.length >= 30, `${corpus.length} fixtures`);
    for (const era of ['yolov5', 'v8-0based', 'v8-1based', 'current'] as const) {
      assert.ok(corpus.some((o) => o.era === era), `no ${era} file`);
    }
    for (const task of ['detect', 'segment', 'classify', 'pose', 'obb']) {
      assert.ok(corpus.some((o) => o.task === task), `no ${task} file`);
    }
    assert.ok(corpus.some((o) => o.crlf), 'no CRLF file');
    assert.ok(corpus.some((o) => o.nonFinite > 0), 'no nan/inf file');
    assert.ok(corpus.some((o) => o.rows.length >= 300), 'no run of 300 epochs or more');
    assert.ok(corpus.some((o) => o.header.includes('train/rle_loss') || o.header.includes('lr/pg7')), 'no YOLO26 file');
    assert.ok(corpus.some((o) => /\\/.test(String(o.args?.save_dir ?? ''))), 'no Windows save_dir');
  });

  const readme = fs.readFileSync(path.join(REAL, 'README.md'), 'utf8');
  for (const o of corpus) {
    it(`${o.name}: names its source and is listed in the README`, () => {
      assert.match(o.source.repo, /^[\w.-]+\/[\w.-]+$/);
      assert.match(o.source.path, /results\.csv$/);
      assert.match(o.source.commit, /^[0-9a-f]{40}$/);
      assert.ok(readme.includes(`| ${o.name} |`), `${o.name} is missing from README.md`);
    });
  }
});

describe("real corpus: src's reader agrees with the oracle", () => {
  for (const o of corpus) {
    it(o.name, () => {
      const file = parseResultsCsv(fs.readFileSync(o.csv), o.csv);
      assert.equal(file.era, o.era);
      assert.equal(file.oneBased, o.oneBased);
      assert.deepEqual(
        file.rows.map((r) => r.epoch),
        o.rows.map((r) => r.epoch),
      );
      file.rows.forEach((row, i) => {
        const want = o.rows[i].values;
        assert.deepEqual(row.metrics, withoutLr(want), `metrics of epoch ${row.epoch}`);
        assert.deepEqual(row.lr, Object.fromEntries(Object.entries(want).filter(([k]) => isLrColumn(k))), `lr of epoch ${row.epoch}`);
      });
      assert.equal(file.nonFinite.length, o.nonFinite);
      assert.equal(file.superseded?.length ?? 0, o.lines - o.rows.length);
      const rule = fitnessRuleFor(file);
      assert.equal(rule, o.rule);
      const best = bestEpoch(file, rule);
      assert.equal(best?.epoch, o.best?.epoch, 'best epoch');
      if (o.best) near(best?.fitness, o.best.fitness, 'best fitness');
    });
  }
});

/** A workspace with the fixture at runs/<task>/train and two small random checkpoints. */
function workspaceFor(o: Oracle): { dir: string; runDir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-real-'));
  const runDir = path.join(dir, 'runs', o.task, 'train');
  fs.mkdirSync(path.join(runDir, 'weights'), { recursive: true });
  fs.copyFileSync(o.csv, path.join(runDir, 'results.csv'));
  if (o.argsFile) fs.copyFileSync(o.argsFile, path.join(runDir, path.basename(o.argsFile)));
  fs.writeFileSync(path.join(runDir, 'weights/best.pt'), crypto.randomBytes(1500));
  fs.writeFileSync(path.join(runDir, 'weights/last.pt'), crypto.randomBytes(1600));
  return { dir, runDir };
}

describe('real corpus: both backends end to end', { concurrency: 4 }, () => {
  let emu: Emulator;
  const dirs: string[] = [];
  before(async () => {
    // Pacing under Platform's rate limit is tested elsewhere; here ~1 200 epochs share one key.
    const unlimited = { limit: 1_000_000, windowMs: 60_000 };
    emu = await startEmulator({ hubKeys: [HUB_KEY], platformKeys: [PLATFORM_KEY], rateLimit: unlimited, uploadRateLimit: unlimited });
  });
  after(async () => {
    await emu.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  for (const o of corpus) {
    it(`HUB: ${o.name}`, async (t) => {
      const w = workspaceFor(o);
      dirs.push(w.dir);
      const id = emu.hub.addModel();
      const run = await runAction(
        { dir: w.dir, runDir: w.runDir, weight: () => '', remove: () => {} },
        { 'api-key': HUB_KEY, 'api-url': emu.url, model: id, 'run-dir': w.runDir },
      );
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const model = emu.state.hub.models[id];
      await t.test('one metrics entry per 0-based epoch', () => {
        assert.deepEqual(
          Object.keys(model.metrics).map(Number).sort((a, b) => a - b),
          o.rows.map((r) => r.epoch),
        );
      });
      await t.test("every train/*, metrics/*, val/* value is the file's", () => {
        for (const row of o.rows) {
          const sent = model.metrics[String(row.epoch)] ?? {};
          const want = withoutLr(row.values);
          assert.deepEqual(pickKeys(sent, Object.keys(want)), want, `epoch ${row.epoch}`);
        }
      });
      await t.test('no lr/*, x/lr*, epoch or time key', () => {
        const extra = new Set(o.rows.flatMap((row) => Object.keys(model.metrics[String(row.epoch)] ?? {})));
        for (const k of Object.keys(withoutLr(o.rows[0].values))) extra.delete(k);
        assert.deepEqual([...extra], []);
      });
      await t.test(`final map is ${o.hubMap}`, () => {
        const final = model.uploads.find((u) => u.type === 'final');
        assert.ok(final, 'no final upload');
        assert.equal(final.map, o.hubMap);
      });
    });

    it(`Platform: ${o.name}`, async (t) => {
      const w = workspaceFor(o);
      dirs.push(w.dir);
      const project = `acme/${o.name}`;
      const run = await runAction(
        { dir: w.dir, runDir: w.runDir, weight: () => '', remove: () => {} },
        { 'api-key': PLATFORM_KEY, 'api-url': emu.url, project, 'run-dir': w.runDir },
      );
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const mine = Object.values(emu.state.platform.runs).filter((r: PlatformRun) => r.project === project);
      assert.equal(mine.length, 1, 'registered once');
      const r = mine[0];
      await t.test("one epoch_end per 0-based epoch with the file's values and lr", () => {
        assert.deepEqual(
          Object.keys(r.epochs).map(Number).sort((a, b) => a - b),
          o.rows.map((x) => x.epoch),
        );
        assert.equal(r.epochEvents, o.rows.length, 'an epoch was sent twice');
        for (const row of o.rows) {
          const data = r.epochs[String(row.epoch)] as { epoch: number; metrics: Record<string, number | null> };
          assert.equal(data.epoch, row.epoch);
          assert.deepEqual(data.metrics, { ...withoutLr(row.values), lr: lrOf(row.values) }, `epoch ${row.epoch}`);
        }
      });
      const complete = r.complete as { results: { bestEpoch: number; metrics: Record<string, number | null> } } | undefined;
      await t.test(`training_complete names best epoch ${o.best?.epoch} and its fitness`, () => {
        assert.ok(complete, 'no training_complete');
        assert.ok(o.best, 'the oracle found no best epoch');
        assert.equal(complete.results.bestEpoch, o.best.epoch);
        near(complete.results.metrics.fitness, o.best.fitness, 'fitness');
      });
      await t.test("training_complete metrics are the best epoch's metrics/* and fitness, no val/*", () => {
        assert.ok(complete && o.best, 'no training_complete or no best epoch');
        const bestRow = o.rows.find((x) => x.epoch === o.best?.epoch)?.values ?? {};
        const keys = Object.keys(bestRow).filter((k) => k.startsWith('metrics/'));
        assert.deepEqual(Object.keys(complete.results.metrics).sort(), [...keys, 'fitness'].sort());
        assert.deepEqual(pickKeys(complete.results.metrics, keys), pickKeys(bestRow, keys));
      });
      await t.test('trainArgs data and save_dir are base names', () => {
        const started = r.started as { trainArgs: Record<string, string> };
        for (const key of ['data', 'save_dir']) {
          const local = o.args?.[key];
          if (typeof local === 'string') assert.equal(started.trainArgs[key], baseNameOf(local), `trainArgs.${key} of ${local}`);
        }
      });
    });
  }
});
