import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { terminalLog } from '../../src/log.js';
import { RunDirError } from '../../src/rundir/errors.js';
import { assignRoles, globWeights, sha256File } from '../../src/rundir/weights.js';

describe('weights', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rundir-weights-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Creates the files (relative to the temp dir) with distinct sizes; returns their absolute paths. */
  const files = async (...names: string[]) =>
    Promise.all(
      names.map(async (name, i) => {
        const path = join(dir, name);
        await mkdir(join(path, '..'), { recursive: true });
        await writeFile(path, Buffer.alloc(100 + i));
        return path;
      }),
    );
  const recorder = () => {
    const lines: string[] = [];
    return { lines, log: terminalLog({ verbose: true, write: (l) => lines.push(l) }) };
  };

  describe('assignRoles', () => {
    it('final: best.pt is the final model, last.pt the checkpoint', async () => {
      const [best, last] = await files('a/weights/best.pt', 'a/weights/last.pt');
      const { lines, log } = recorder();
      const roles = await assignRoles([best, last], { final: true, log });
      assert.deepEqual(roles, {
        final: { path: best, name: 'best.pt', role: 'final', bytes: 100 },
        checkpoint: { path: last, name: 'last.pt', role: 'checkpoint', bytes: 101 },
        skipped: [],
      });
      assert.deepEqual(lines, []);
    });

    it('final: without best.pt, last.pt becomes the final model, with a warning', async () => {
      const [last] = await files('b/weights/last.pt');
      const { lines, log } = recorder();
      const roles = await assignRoles([last], { final: true, log });
      assert.deepEqual(roles, { final: { path: last, name: 'last.pt', role: 'final', bytes: 100 }, skipped: [] });
      assert.equal(lines.length, 1);
      assert.match(lines[0], /^warning: best\.pt not found; uploading last\.pt as the final model/);
    });

    it('final: best.pt alone has no checkpoint', async () => {
      const [best] = await files('c/weights/best.pt');
      const roles = await assignRoles([best], { final: true, log: recorder().log });
      assert.equal(roles.final?.path, best);
      assert.equal(roles.checkpoint, undefined);
    });

    it('not final: last.pt is the checkpoint and best.pt is skipped', async () => {
      const [best, last] = await files('d/weights/best.pt', 'd/weights/last.pt');
      const { lines, log } = recorder();
      const roles = await assignRoles([best, last], { final: false, log });
      assert.equal(roles.final, undefined);
      assert.equal(roles.checkpoint?.path, last);
      assert.deepEqual(roles.skipped, [best]);
      assert.equal(lines.length, 1);
      assert.match(lines[0], /^Skipping .*best\.pt: the final model is sent only once training has finished/);
    });

    it('warns about and skips other files', async () => {
      const paths = await files('e/weights/epoch10.pt', 'e/weights/foo.pt', 'e/weights/best.onnx', 'e/weights/last.pt');
      for (const final of [true, false]) {
        const { lines, log } = recorder();
        const roles = await assignRoles(paths, { final, log });
        assert.deepEqual(roles.skipped, paths.slice(0, 3));
        assert.equal(roles.checkpoint?.path, final ? undefined : paths[3]);
        assert.equal(roles.final?.path, final ? paths[3] : undefined);
        const warnings = lines.filter((l) => l.startsWith('warning: Skipping'));
        assert.equal(warnings.length, 3);
        assert.match(warnings[0], /epoch10\.pt: only best\.pt \(the final model\) and last\.pt \(the checkpoint\) are sent.*narrow `weights:`/);
        assert.match(warnings[1], /foo\.pt: only best\.pt/);
        assert.match(warnings[2], /best\.onnx: not a \.pt checkpoint/);
      }
    });

    it('refuses several files for one role', async () => {
      const [b1, b2, l1, l2] = await files('f/x/weights/best.pt', 'f/y/weights/best.pt', 'f/x/weights/last.pt', 'f/y/weights/last.pt');
      const refuses = (p: Promise<unknown>, re: RegExp) =>
        assert.rejects(p, (err: unknown) => err instanceof RunDirError && re.test(err.message));
      await refuses(
        assignRoles([b1, b2, l1], { final: true, log: recorder().log }),
        /`weights` matched 2 files for the final model \(best\.pt\): .*x[\\/]weights[\\/]best\.pt, .*y[\\/]weights[\\/]best\.pt; narrow `weights:`/,
      );
      await refuses(assignRoles([b1, l1, l2], { final: true, log: recorder().log }), /matched 2 files for the checkpoint \(last\.pt\)/);
      await refuses(assignRoles([l1, l2], { final: true, log: recorder().log }), /matched 2 files for the final model \(last\.pt\)/);
      const roles = await assignRoles([b1, b2, l1], { final: false, log: recorder().log });
      assert.equal(roles.checkpoint?.path, l1);
      assert.deepEqual(roles.skipped, [b1, b2]);
    });

    it('returns nothing for no files', async () => {
      assert.deepEqual(await assignRoles([], { final: true, log: recorder().log }), { skipped: [] });
    });
  });

  describe('globWeights', () => {
    it('expands patterns, applies ! excludes, and sorts', async () => {
      const [best, last, epoch10] = await files(
        'g/runs/detect/train/weights/best.pt',
        'g/runs/detect/train/weights/last.pt',
        'g/runs/detect/train/weights/epoch10.pt',
        'g/runs/detect/train2/weights/best.pt',
      );
      await mkdir(join(dir, 'g/runs/detect/train/weights/dir.pt'));
      const root = join(dir, 'g', 'runs');
      assert.deepEqual(await globWeights(`${root}/**/weights/*.pt\n!${root}/detect/train2/**`), [best, epoch10, last]);
      assert.deepEqual(await globWeights(`${root}/detect/train/weights/best.pt\n${root}/detect/train/weights/*.pt\n!${root}/**/epoch*.pt`), [
        best,
        last,
      ]);
      assert.deepEqual(await globWeights(`${root}/nothing/*.pt`), []);
    });
  });

  describe('sha256File', () => {
    it('hashes the file', async () => {
      const path = join(dir, 'h.bin');
      const data = Buffer.alloc(3 * 1024 * 1024 + 17, 'ultralytics');
      await writeFile(path, data);
      assert.equal(await sha256File(path), createHash('sha256').update(data).digest('hex'));
      const empty = join(dir, 'empty.bin');
      await writeFile(empty, '');
      assert.equal(await sha256File(empty), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    });
  });
});
