/** The `model` input's forms, the keys hidden in them, and the backend they imply. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkKeyShape, keyBackend, modelBackend, parseModelRef } from '../../src/inputs/identifier.js';

const ID = 'AbCdEfGhIjKlMnOpQrSt';
const HUB_KEY = 'k'.repeat(42);

describe('parseModelRef', () => {
  const table: [string, unknown, string | null][] = [
    ['', { kind: 'none' }, null],
    [`https://hub.ultralytics.com/models/${ID}`, { kind: 'id', id: ID, key: undefined, form: 'hub-url' }, 'hub'],
    [`https://hub.ultralytics.com/models/${ID}/?api_key=${HUB_KEY}`, { kind: 'id', id: ID, key: HUB_KEY, form: 'hub-url' }, 'hub'],
    [`${HUB_KEY}_${ID}`, { kind: 'id', id: ID, key: HUB_KEY, form: 'hub-legacy' }, 'hub'],
    [ID, { kind: 'id', id: ID, form: 'bare' }, 'hub'],
    ['m0d3l-id_42xyz', { kind: 'id', id: 'm0d3l-id_42xyz', form: 'bare' }, 'platform'],
    ['yolo11n.pt', { kind: 'create', filename: 'yolo11n.pt' }, null],
    ['models/yolo11n.yaml', { kind: 'create', filename: 'yolo11n.yaml' }, null],
    ['ul://acme/helmets/yolo11n-640', { kind: 'path', project: 'acme/helmets', name: 'yolo11n-640' }, 'platform'],
    ['https://platform.ultralytics.com/acme/helmets/run-2', { kind: 'path', project: 'acme/helmets', name: 'run-2' }, 'platform'],
  ];
  for (const [input, ref, backend] of table) {
    it(`reads ${input || '(empty)'}`, () => {
      const parsed = parseModelRef(input);
      assert.deepEqual(parsed, ref);
      assert.equal(modelBackend(parsed), backend);
    });
  }
  it('rejects what it cannot read, naming the forms it takes', () => {
    assert.throws(() => parseModelRef('what is this?'), /Input `model` is not a model this action understands\. Use one of: ul:\/\//);
    assert.throws(() => parseModelRef('https://hub.ultralytics.com/models/short'), /Input `model` is not a model/);
    assert.throws(() => parseModelRef('ul://only/two'), /not a Platform model path/);
  });
});

describe('keys', () => {
  it('tells the backend from the key', () => {
    assert.equal(keyBackend('ul_' + 'a'.repeat(40)), 'platform');
    assert.equal(keyBackend(HUB_KEY), 'hub');
    assert.equal(keyBackend('short'), null);
  });
  it('refuses a key of the wrong shape without quoting it', () => {
    const wrong = 'ul_' + 'Z'.repeat(40);
    assert.throws(() => checkKeyShape(wrong, 'platform'), (e: Error) => /40 hex characters/.test(e.message) && !e.message.includes(wrong));
    assert.throws(() => checkKeyShape('ul_' + 'a'.repeat(40), 'hub'), /not an Ultralytics HUB key/);
  });
});
