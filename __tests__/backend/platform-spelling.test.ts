/** Ultralytics' slugify and Python's str(), as the Platform contract spells them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trainArgStrings, str } from '../../src/backend/python-str.js';
import { projectSlug, slugify } from '../../src/backend/slugify.js';

describe('slugify', () => {
  const table: [string, string][] = [
    ['My Project 1', 'my-project-1'],
    ['YOLO26n_run 2', 'yolo26nrun-2'],
    ['exp/1.5 (final)', 'exp15-final'],
    ['  --Foo__Bar--  ', 'foobar'],
    ['a'.repeat(200), 'a'.repeat(128)],
  ];
  for (const [input, slug] of table) it(`${JSON.stringify(input)} → ${slug}`, () => assert.equal(slugify(input), slug));
  it('keeps the owner part of a project as it is', () => {
    assert.equal(projectSlug('JohnDoe/My Project'), 'JohnDoe/my-project');
    assert.equal(projectSlug('My Project'), 'my-project');
  });
});

describe("Python's str() of training arguments", () => {
  it('spells YAML values as Python does', () => {
    const text = [
      'epochs: 50',
      'lr0: 0.01',
      'momentum: 1.0',
      'warmup_bias_lr: 1.0e-05',
      'amp: true',
      'cache: false',
      'project: null',
      "device: ''",
      'imgsz: [640, 640]',
      'data: /home/runner/datasets/coco8.yaml',
      'save_dir: C:\\Users\\me\\runs\\detect\\train',
      'model: yolo11n.pt',
      'classes: [0, 2]',
      "names: {0: person, 1: 'bi''ke'}",
    ].join('\n');
    assert.deepEqual(trainArgStrings(text), {
      epochs: '50',
      lr0: '0.01',
      momentum: '1.0',
      warmup_bias_lr: '1e-05',
      amp: 'True',
      cache: 'False',
      project: 'None',
      device: '',
      imgsz: '[640, 640]',
      data: 'coco8.yaml',
      save_dir: 'train',
      model: 'yolo11n.pt',
      classes: '[0, 2]',
      names: "{0: 'person', 1: 'bi\\'ke'}",
    });
  });
  it('spells scalars', () => {
    assert.equal(str(null), 'None');
    assert.equal(str(true), 'True');
    assert.equal(str(16n), '16');
    assert.equal(str(0.5), '0.5');
  });
});

describe('trainArgs data and save_dir: base names for every path form', () => {
  const table: [string, string, string][] = [
    ['absolute POSIX', '/home/runner/work/yolo/yolo/datasets/helmets.yaml', 'helmets.yaml'],
    ['relative POSIX', 'datasets/detect/data.yaml', 'data.yaml'],
    ['relative parent', '../data.yaml', 'data.yaml'],
    ['Windows relative', '..\\data.yaml', 'data.yaml'],
    ['Windows run dir', 'runs\\detect\\train', 'train'],
    ['Windows absolute, non-ASCII', 'E:\\数据\\x.yaml', 'x.yaml'],
    ['bare name', 'coco8.yaml', 'coco8.yaml'],
    ['home', '~/data/coco.yaml', 'coco.yaml'],
  ];
  for (const [form, value, sent] of table) {
    it(`${form}: ${value} → ${sent}`, () => {
      const yaml = `data: '${value.replace(/'/g, "''")}'\nsave_dir: '${value.replace(/'/g, "''")}'\nproject: runs\\detect\n`;
      const args = trainArgStrings(yaml);
      assert.equal(args.data, sent);
      assert.equal(args.save_dir, sent);
    });
  }
  it('null stays None', () => {
    const args = trainArgStrings('data: null\nsave_dir: null\n');
    assert.deepEqual([args.data, args.save_dir], ['None', 'None']);
  });
  it('a URL is not a local path and stays whole', () => {
    assert.equal(trainArgStrings('data: https://127.0.0.1:9/d.zip\n').data, 'https://127.0.0.1:9/d.zip');
  });
});
