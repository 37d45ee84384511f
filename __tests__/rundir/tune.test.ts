/**
 * `yolo tune` folders of each era of Ultralytics' Tuner (fixtures/tune/README.md): found beside the
 * trials, never taken for a run, and read into fitness per iteration, the best iteration with its
 * hyperparameters, and the best trial's directory name.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { findTuneDirs, isTuneDir, parseBestHeader, readTuneDir } from '../../src/rundir/tune.js';
import { removeTempDirs, tempDir, tuneWorkspace } from '../report/runs-fixtures.js';

after(removeTempDirs);

/** An independent reading of the CSV: fitness per row, the first highest row. */
function oracle(csv: string) {
  const [head, ...rows] = fs.readFileSync(csv, 'utf8').trim().split('\n');
  const cols = head.split(',');
  const cells = rows.map((r) => r.split(','));
  const fitness = cells.map((c) => Number(c[0]));
  const best = fitness.indexOf(Math.max(...fitness));
  return { cols, fitness, best, hyp: Object.fromEntries(cols.slice(1).map((c, j) => [c, Number(cells[best][j + 1])])) };
}

describe('yolo tune folders', () => {
  for (const [era, trial, columns] of [
    ['v8.1', 'train2', 23],
    ['v8.3', 'train3', 25],
    ['v8.3-resumed', null, 25],
  ] as const) {
    it(`reads the ${era} layout: fitness per iteration, the best iteration, its hyperparameters and trial`, async () => {
      const w = tuneWorkspace(era, ['train', 'train2']);
      assert.equal(await isTuneDir(w.tune), true);
      for (const t of w.trials) assert.equal(await isTuneDir(t), false, 'a trial is a run, not a tune folder');
      const t = await readTuneDir(w.tune);
      const o = oracle(path.join(w.tune, 'tune_results.csv'));
      assert.deepEqual(t.iterations.map((i) => i.fitness), o.fitness);
      assert.deepEqual(t.iterations.map((i) => i.iteration), o.fitness.map((_, i) => i + 1), '1-based, as the Tuner counts');
      assert.equal(t.best?.iteration, o.best + 1);
      assert.equal(t.best?.fitness, o.fitness[o.best]);
      assert.deepEqual(t.best?.hyperparameters, o.hyp);
      assert.equal(Object.keys(t.best?.hyperparameters ?? {}).length, columns);
      assert.equal(t.bestTrial, trial);
      assert.deepEqual(t.weights, era === 'v8.3-resumed' ? [] : ['best.pt', 'last.pt']);
      assert.deepEqual(await findTuneDirs(w.trials), [w.tune]);
    });
  }

  it('finds tune folders only beside the given runs', async () => {
    const w = tuneWorkspace('v8.1', ['train']);
    const other = path.join(w.dir, 'elsewhere/run');
    fs.mkdirSync(other, { recursive: true });
    assert.deepEqual(await findTuneDirs([other]), []);
    assert.deepEqual(await findTuneDirs([]), []);
  });

  it('names the trial only when the header speaks of the best iteration, on any path form', () => {
    assert.deepEqual(parseBestHeader('# Best fitness=0.5 observed at iteration 7\n# Best fitness model is C:\\runs\\detect\\train7\n'), { iteration: 7, trial: 'train7' });
    assert.deepEqual(parseBestHeader('# Best fitness model is None\n'), { iteration: null, trial: null });
  });

  it('says what is wrong with a CSV that is no tune_results.csv', async () => {
    const dir = tempDir('tune-bad');
    fs.writeFileSync(path.join(dir, 'tune_results.csv'), 'epoch,loss\n1,2\n');
    await assert.rejects(readTuneDir(dir), /has no "fitness" column .*not a tune_results\.csv of Ultralytics' Tuner/);
  });
});
