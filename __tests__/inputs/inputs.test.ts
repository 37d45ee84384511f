/** getInputs: backend choice, key sources, URLs, defaults, and secrets registered before use. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { getInputs } from '../../src/inputs/inputs.js';
import { terminalLog } from '../../src/log.js';

const P_KEY = 'ul_' + '0123456789'.repeat(4);
const H_KEY = 'H'.repeat(42);
const ID = 'AbCdEfGhIjKlMnOpQrSt';
const WS = path.resolve('/tmp/ws');

function read(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const log = terminalLog({ verbose: true, write: (l) => lines.push(l) });
  const got = getInputs((n) => inputs[n] ?? '', { GITHUB_WORKSPACE: WS, ...env }, log);
  return { got, log, lines };
}

describe('getInputs', () => {
  const table: [string, Record<string, string>, Record<string, string>, string, string][] = [
    ['a ul_ key', { 'api-key': P_KEY }, {}, 'platform', 'https://platform.ultralytics.com'],
    ['a HUB key with a self-hosted HUB', { 'api-key': H_KEY, 'api-url': 'https://hub.example.org' }, {}, 'hub', 'https://hub.example.org'],
    ['a HUB model URL with its key', { model: `https://hub.ultralytics.com/models/${ID}?api_key=${H_KEY}`, 'api-url': 'http://127.0.0.1:9' }, {}, 'hub', 'http://127.0.0.1:9'],
    ['the Platform key from the environment', {}, { ULTRALYTICS_API_KEY: P_KEY }, 'platform', 'https://platform.ultralytics.com'],
    ['the HUB key from the environment', {}, { HUB_API_KEY: H_KEY, ULTRALYTICS_HUB_API: 'http://localhost:8080' }, 'hub', 'http://localhost:8080'],
    ['the Platform URL from the environment', { 'api-key': P_KEY }, { ULTRALYTICS_PLATFORM_URL: 'http://[::1]:7000/' }, 'platform', 'http://[::1]:7000'],
    ['ul:// with a key from the environment', { model: 'ul://a/b/c' }, { ULTRALYTICS_API_KEY: P_KEY }, 'platform', 'https://platform.ultralytics.com'],
    ['an explicit backend', { backend: 'platform', 'api-key': P_KEY }, { HUB_API_KEY: H_KEY }, 'platform', 'https://platform.ultralytics.com'],
  ];
  for (const [name, inputs, env, backend, url] of table) {
    it(`picks ${backend} for ${name}`, () => {
      const { got } = read(inputs, env);
      assert.equal(got.backend, backend);
      assert.equal(got.apiUrl, url);
    });
  }

  it('registers every key as a secret before anything is printed', () => {
    const { log } = read({ model: `${H_KEY}_${ID}`, 'api-url': 'http://127.0.0.1:1' }, { ULTRALYTICS_API_KEY: P_KEY });
    assert.equal(log.redact(`a ${H_KEY} b ${P_KEY}`), 'a *** b ***');
  });

  it('masks a key inside a model URL it refuses, and quotes the URL without its query', () => {
    const key = 'SUPERSECRETKEY1234567890abcdefABCDEF123456';
    for (const model of [`https://platform.ultralytics.com/acme/helmets?api_key=${key}`, `https://api.ultralytics.com/models/x?api_key=${key}&v=1`, `ul://a/b?api_key=${key}`]) {
      const lines: string[] = [];
      const log = terminalLog({ verbose: true, write: (l) => lines.push(l) });
      let message = '';
      try {
        getInputs((n) => ({ model })[n] ?? '', { GITHUB_WORKSPACE: WS }, log);
      } catch (err) {
        message = (err as Error).message;
      }
      assert.match(message, /Input `model`/, model);
      assert.ok(!log.redact(message).includes(key), `the key is printed: ${log.redact(message)}`);
      assert.equal(log.redact(`a ${key} b`), 'a *** b', 'the key was not registered as a secret');
    }
  });

  it('resolves paths in the workspace and keeps absolute ones', () => {
    const { got } = read({ 'api-key': P_KEY, 'run-dir': 'runs/detect/train', metrics: '/data/results.csv', weights: 'w/*.pt\n!w/epoch*.pt' });
    assert.equal(got.runDir, path.join(WS, 'runs/detect/train'));
    assert.equal(got.metrics, '/data/results.csv');
    assert.deepEqual(got.weights, [path.join(WS, 'w/*.pt'), '!' + path.join(WS, 'w/epoch*.pt')]);
  });

  it('has the documented defaults', () => {
    const { got } = read({ 'api-key': P_KEY });
    assert.deepEqual(
      [got.final, got.status, got.ifNoFilesFound, got.failOnError, got.dryRun, got.summary, got.stallTimeoutMs, got.requestTimeoutMs],
      [true, 'success', 'error', true, false, true, 120_000, 30_000],
    );
    assert.equal(got.runDir, null);
    assert.equal(got.weights, null);
  });

  it("accepts GitLab's status spellings", () => {
    assert.equal(read({ 'api-key': P_KEY, status: 'failed' }).got.status, 'failure');
    assert.equal(read({ 'api-key': P_KEY, status: 'canceled' }).got.status, 'cancelled');
    assert.throws(() => read({ 'api-key': P_KEY, status: 'passed' }), /Input `status` must be one of/);
  });

  it('refuses creating a HUB model on Platform', () => {
    assert.throws(() => read({ 'api-key': P_KEY, model: 'yolo11n.pt' }), /asks to create a HUB model; on Ultralytics Platform a run is registered by `project` and `name`/);
  });
});

describe('Windows paths (issue 18, C20)', () => {
  const failing: [string, string][] = [
    ['run-dir', 'C:\\runs\\train'],
    ['run-dir', 'runs\\detect\\train'],
    ['log-file', 'C:/logs/train.log'],
    ['baseline', '\\\\server\\share\\runs\\train'],
    ['weights', 'runs\\detect\\train\\weights\\*.pt'],
  ];
  for (const [input, value] of failing) {
    it(`refuses ${input} ${value}, saying why it fails and how to write it`, () => {
      assert.throws(
        () => read({ 'api-key': P_KEY, [input]: value }),
        (err: Error) =>
          err.message.includes(`\`${input}\``) && /is a Windows path/.test(err.message) && /forward slashes/.test(err.message) && err.message.includes(value),
      );
    });
  }

  it('keeps a glob escape in weights, and POSIX paths as they are', () => {
    const { got } = read({ 'api-key': P_KEY, weights: 'runs/detect/train/weights/best\\[1\\].pt', 'run-dir': 'runs/detect/train' });
    assert.deepEqual(got.weights, [path.join(WS, 'runs/detect/train/weights/best\\[1\\].pt')]);
    assert.equal(got.runDir, path.join(WS, 'runs/detect/train'));
  });
});
