/** The model data → arguments rules (the reference session's _set_train_args), without a server. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliValue, planTraining } from '../../src/prepare/train-args.js';
import { InputError } from '../../src/inputs/errors.js';

const ID = 'AbCdEfGhIjKlMnOpQrSt';
const flat = { batch_size: 16, epochs: 100, imgsz: 640, patience: 100, device: '', cache: 'ram', data: 'coco8.yaml' };

test('a resumable model resumes from its last weights with its dataset, whatever its train_args say', () => {
  const plan = planTraining(
    { ...flat, status: 'training', has_last_weights: true, resume: 'https://storage.example/last.pt?sig=1', train_args: { epochs: 5, data: 'other.yaml' } },
    ID,
  );
  assert.equal(plan.start, 'resume');
  assert.deepEqual(plan.model, { download: 'https://storage.example/last.pt?sig=1', role: 'last' });
  assert.deepEqual(plan.values, { data: 'coco8.yaml', resume: true });
});

test('train_args win over the flat config, which fills the gaps; batch_size is batch; empty values are left out', () => {
  const plan = planTraining({ ...flat, status: 'new', cfg: 'yolo11n.yaml', train_args: { epochs: 30, batch_size: 8, device: '', optimizer: 'SGD' } }, ID);
  assert.equal(plan.start, 'architecture');
  assert.deepEqual(plan.model, { name: 'yolo11n.yaml' });
  assert.deepEqual(Object.entries(plan.values), [
    ['data', 'coco8.yaml'],
    ['epochs', 30],
    ['imgsz', 640],
    ['batch', 8],
    ['patience', 100],
    ['cache', 'ram'],
    ['optimizer', 'SGD'],
  ]);
});

test('train_args cannot choose the model or resume, and odd keys or values are reported, not passed', () => {
  const plan = planTraining(
    { ...flat, cfg: 'yolo11n', train_args: { model: 'evil.pt', resume: true, 'bad key; rm': 1, nested: { a: 1 }, imgsz: [640, 480] } },
    ID,
  );
  assert.deepEqual(plan.model, { name: 'yolo11n.yaml' }, 'a cfg without extension gets .yaml');
  assert.equal(plan.values.model, undefined);
  assert.equal(plan.values.resume, undefined);
  assert.deepEqual(plan.values.imgsz, [640, 480]);
  assert.equal(cliValue(plan.values.imgsz), '[640,480]');
  assert.deepEqual(plan.skipped, ['model (set from the model\'s state)', 'resume (set from the model\'s state)', '"bad key; rm" (not an argument name)', 'nested (a object value)']);
});

test('pretrained: the parent weights URL is downloaded; a bare official name is left to the trainer', () => {
  assert.deepEqual(planTraining({ ...flat, is_pretrained: true, weights: 'https://assets.example/v8/yolo11n.pt' }, ID).model, {
    download: 'https://assets.example/v8/yolo11n.pt',
    role: 'parent',
  });
  const bare = planTraining({ ...flat, is_pretrained: true, weights: 'yolo11n.pt' }, ID);
  assert.equal(bare.start, 'pretrained');
  assert.deepEqual(bare.model, { name: 'yolo11n.pt' });
});

test('refusals say what to do: trained, dataset not ready, weights that cannot be fetched', () => {
  const refuses = (data: Record<string, unknown>, pattern: RegExp) =>
    assert.throws(() => planTraining(data, ID), (e: unknown) => e instanceof InputError && pattern.test(e.message));
  refuses({ ...flat, status: 'trained' }, /^Input `model` names HUB model AbCdEfGhIjKlMnOpQrSt, which is already trained: .* Create a new model on HUB/);
  refuses({ ...flat, data: '', train_args: {} }, /dataset is not ready .* Wait a minute and re-run the job\.$/);
  refuses({ ...flat, has_last_weights: true, resume: 'gs://bucket/m/last.pt' }, /its `resume` URL \(gs:\/\/bucket\/m\/last\.pt\) cannot be downloaded over https/);
  refuses({ ...flat, is_pretrained: true, weights: '' }, /parent weights URL \(`weights`\) is empty/);
  refuses({ ...flat, cfg: '' }, /neither parent weights nor an architecture/);
});

test('values as the trainer\'s command line reads them', () => {
  assert.equal(cliValue(true), 'True');
  assert.equal(cliValue(false), 'False');
  assert.equal(cliValue(0.01), '0.01');
  assert.equal(cliValue('ram'), 'ram');
});
