import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findLatestRun } from '../../src/rundir/find-run.js';

describe('findLatestRun', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'rundir-find-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Writes <cwd>/<rel>/results.csv with an mtime of `minutes` past a fixed instant. */
  const run = async (cwd: string, rel: string, minutes: number) => {
    const dir = join(cwd, rel);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'results.csv'), 'epoch,time\n1,2\n');
    const t = new Date(Date.UTC(2025, 0, 1) + minutes * 60_000);
    await utimes(join(dir, 'results.csv'), t, t);
    return dir;
  };

  it('picks the run whose results.csv changed last, at every supported depth', async () => {
    const cwd = join(root, 'a');
    await run(cwd, 'runs/detect/train', 1);
    const train2 = await run(cwd, 'runs/detect/train2', 5);
    await run(cwd, 'runs/exp', 3);
    await run(cwd, 'runs/project/segment/exp', 2);
    assert.equal(await findLatestRun(cwd), train2);

    const deep = await run(cwd, 'runs/project/segment/exp2', 9);
    assert.equal(await findLatestRun(cwd), deep);
    const shallow = await run(cwd, 'runs/exp3', 10);
    assert.equal(await findLatestRun(cwd), shallow);
  });

  it('ignores results.csv too deep, directly in runs/, or reached through a symlink', async () => {
    const cwd = join(root, 'b');
    const train = await run(cwd, 'runs/detect/train', 1);
    await run(cwd, 'runs/a/b/c/d', 20);
    await writeFile(join(cwd, 'runs', 'results.csv'), 'epoch\n1\n');
    const outside = await run(root, 'elsewhere/train', 30);
    await symlink(outside, join(cwd, 'runs', 'detect', 'linked'));
    assert.equal(await findLatestRun(cwd), train);
  });

  it('gives null without runs', async () => {
    const cwd = join(root, 'c');
    await mkdir(join(cwd, 'runs', 'detect', 'train'), { recursive: true });
    assert.equal(await findLatestRun(cwd), null);
    assert.equal(await findLatestRun(join(root, 'nowhere')), null);
  });
});
