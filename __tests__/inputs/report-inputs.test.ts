/** The pull-request inputs: defaults, paths, gate thresholds with their fix-it errors, and the GitHub token as a secret. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { InputError } from '../../src/inputs/errors.js';
import { getInputs } from '../../src/inputs/inputs.js';
import { terminalLog } from '../../src/log.js';

const WS = path.resolve('/tmp/ws');
const KEY = 'ul_' + '0123456789'.repeat(4);
const GH_TOKEN = 'ghs_' + 'abcdef1234'.repeat(3);

const read = (inputs: Record<string, string>, env: Record<string, string> = {}) => {
  const log = terminalLog({ verbose: false, write: () => {} });
  return { got: getInputs((n) => ({ 'api-key': KEY, ...inputs })[n] ?? '', { GITHUB_WORKSPACE: WS, ...env }, log), log };
};

describe('pull-request inputs', () => {
  it('are off by default', () => {
    const { got } = read({});
    assert.deepEqual(
      [got.baseline, got.minMap, got.maxMapDrop, got.reportFile, got.comment, got.githubToken],
      [null, null, null, null, false, ''],
    );
  });

  it('resolve paths in the workspace and read the thresholds', () => {
    const { got } = read({ baseline: 'baseline/report.json', 'report-file': 'out/r.json', 'min-map': '0.45', 'max-map-drop': '0.01', comment: 'true' });
    assert.equal(got.baseline, path.join(WS, 'baseline/report.json'));
    assert.equal(got.reportFile, path.join(WS, 'out/r.json'));
    assert.equal(got.minMap, 0.45);
    assert.equal(got.maxMapDrop, 0.01);
    assert.equal(got.comment, true);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['a percentage as max-map-drop', { 'max-map-drop': '1%' }, /^Input `max-map-drop` must be a number from 0 to 1 \(an absolute drop of mAP50-95, e\.g\. 0\.01 for one point, not a percentage\); got "1%"\.$/],
    ['a negative drop', { 'max-map-drop': '-0.01' }, /^Input `max-map-drop` must be a number from 0 to 1/],
    ['min-map in percent', { 'min-map': '45' }, /^Input `min-map` must be a number from 0 to 1 \(the lowest final mAP50-95 that passes, e\.g\. 0\.45\); got "45"\.$/],
    ['comment: maybe', { comment: 'maybe' }, /^Input `comment` must be true or false; got "maybe"\.$/],
    ['a baseline outside the workspace', { baseline: '../main/report.json' }, /^Input `baseline` \(\.\.\/main\/report\.json\) points outside the workspace/],
  ];
  for (const [what, inputs, message] of bad) {
    it(`refuses ${what} with a message that says how to fix it`, () => {
      assert.throws(() => read(inputs), (err: Error) => err instanceof InputError && message.test(err.message));
    });
  }

  it('takes the token from the input, else GITHUB_TOKEN, and registers it as a secret', () => {
    const fromInput = read({ 'github-token': GH_TOKEN });
    assert.equal(fromInput.got.githubToken, GH_TOKEN);
    assert.equal(fromInput.log.redact(`token ${GH_TOKEN}`), 'token ***');
    const fromEnv = read({}, { GITHUB_TOKEN: GH_TOKEN });
    assert.equal(fromEnv.got.githubToken, GH_TOKEN);
    assert.equal(fromEnv.log.redact(GH_TOKEN), '***');
  });
});
