import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { baseName, readTrainArgs } from '../../src/rundir/args-yaml.js';
import { RunDirError } from '../../src/rundir/errors.js';

const EXAMPLE_ARGS = fileURLToPath(new URL('../../../examples/runs/detect/train/args.yaml', import.meta.url));

describe('readTrainArgs', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rundir-args-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const write = async (name: string, text: string) => {
    const path = join(dir, name);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, text);
    return path;
  };
  const rejects = (p: Promise<unknown>, re: RegExp, line?: number) =>
    assert.rejects(p, (err: unknown) => err instanceof RunDirError && re.test(err.message) && (line === undefined || err.line === line));

  it('reads the example args.yaml as parsed values', async () => {
    const args = await readTrainArgs(EXAMPLE_ARGS, { explicit: true });
    assert.ok(args);
    assert.equal(args.path, EXAMPLE_ARGS);
    assert.match(args.text, /^task: detect\n/);
    const v = args.values;
    assert.equal(v.task, 'detect');
    assert.equal(v.model, 'yolo11n.pt');
    assert.equal(v.data, '/home/runner/datasets/coco8.yaml');
    assert.equal(v.epochs, 50);
    assert.equal(v.batch, 16);
    assert.equal(v.cache, false);
    assert.equal(v.project, null);
    assert.equal(v.lr0, 0.01);
    assert.equal(v.save_dir, 'runs/detect/train');
  });

  it('keeps the types of unusual values', async () => {
    const path = await write(
      'odd/args.yaml',
      "task: detect\nbatch: 0.7\ndevice: '0,1'\ncache: ram\nimgsz: [640, 480]\ntime: .inf\nname: '001'\n",
    );
    const args = await readTrainArgs(path, { explicit: false });
    assert.deepEqual(args?.values, {
      task: 'detect',
      batch: 0.7,
      device: '0,1',
      cache: 'ram',
      imgsz: [640, 480],
      time: Infinity,
      name: '001',
    });
  });

  it('reads Python tags (YOLOv5 opt.yaml) as plain data', async () => {
    const path = await write('tags.yaml', 'imgsz: !!python/tuple [640, 480]\nsave_dir: !!python/object/apply:pathlib.PosixPath\n- runs\n- train\n');
    const args = await readTrainArgs(path, { explicit: true });
    assert.deepEqual(args?.values, { imgsz: [640, 480], save_dir: ['runs', 'train'] });
  });

  it('gives null for a missing args.yaml that was not asked for', async () => {
    assert.equal(await readTrainArgs(join(dir, 'none', 'args.yaml'), { explicit: false }), null);
  });

  it('falls back to a YOLOv5 opt.yaml beside it', async () => {
    const opt = await write('v5/opt.yaml', 'weights: yolov5s.pt\ndata: data/coco128.yaml\nepochs: 3\nbatch_size: 16\n');
    const args = await readTrainArgs(join(dir, 'v5', 'args.yaml'), { explicit: false });
    assert.equal(args?.path, opt);
    assert.equal(args?.values.batch_size, 16);
  });

  it('names the args input when an explicit file is missing', async () => {
    await write('v5b/opt.yaml', 'epochs: 3\n');
    await rejects(
      readTrainArgs(join(dir, 'v5b', 'args.yaml'), { explicit: true }),
      /args file not found: .*v5b[\\/]args\.yaml\. Check the `args` input/,
    );
  });

  it('rejects a file that is not a mapping', async () => {
    const list = await write('list.yaml', '- task\n- detect\n');
    await rejects(readTrainArgs(list, { explicit: true }), /list\.yaml holds a list, not a mapping of training arguments/);
    const scalar = await write('scalar.yaml', 'detect\n');
    await rejects(readTrainArgs(scalar, { explicit: false }), /scalar\.yaml holds a single value, not a mapping/);
    const empty = await write('empty.yaml', '# nothing yet\n');
    await rejects(readTrainArgs(empty, { explicit: false }), /empty\.yaml holds nothing, not a mapping/);
  });

  it('reports a YAML syntax error with its line', async () => {
    const bad = await write('bad.yaml', 'task: detect\nepochs: 50\ndata: [coco8.yaml\nimgsz: 640\n');
    await rejects(readTrainArgs(bad, { explicit: true }), /bad\.yaml:\d+: YAML syntax error: .*set `args:`/);
    const dup = await write('dup.yaml', 'task: detect\nepochs: 50\nepochs: 60\n');
    await rejects(readTrainArgs(dup, { explicit: true }), /dup\.yaml:3: YAML syntax error: Map keys must be unique\. Fix the file/, 3);
  });

  it('rejects a directory', async () => {
    await mkdir(join(dir, 'args.yaml'));
    await rejects(readTrainArgs(join(dir, 'args.yaml'), { explicit: false }), /args file .*args\.yaml is a directory, not a regular file/);
  });
});

describe('baseName', () => {
  const cases: [unknown, string][] = [
    ['/home/u/datasets/coco8.yaml', 'coco8.yaml'],
    ['C:\\data\\coco8.yaml', 'coco8.yaml'],
    ['C:/Users/me/datasets/coco8.yaml', 'coco8.yaml'],
    ['\\\\server\\share\\coco8.yaml', 'coco8.yaml'],
    ['D:coco8.yaml', 'coco8.yaml'],
    ['coco8.yaml', 'coco8.yaml'],
    ['../datasets/imagenette160/', 'imagenette160'],
    ['runs/detect/train', 'train'],
    ['https://ultralytics.com/assets/coco8.zip', 'https://ultralytics.com/assets/coco8.zip'],
    ['ul://ultralytics/datasets/coco8', 'ul://ultralytics/datasets/coco8'],
    [null, ''],
    [undefined, ''],
    [640, '640'],
  ];
  for (const [input, want] of cases) {
    it(`${JSON.stringify(input)} → ${want}`, () => assert.equal(baseName(input), want));
  }
});
