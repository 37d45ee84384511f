/** Issue 18, C15: a timeout past Node's timer limit (2^31-1 ms) is refused instead of firing after 1 ms. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { InputError } from '../../src/inputs/errors.js';
import { getInputs } from '../../src/inputs/inputs.js';
import { terminalLog } from '../../src/log.js';

const KEY = 'ul_' + '0123456789'.repeat(4);

function read(inputs: Record<string, string>) {
  const log = terminalLog({ verbose: false, write: () => {} });
  return getInputs((n) => inputs[n] ?? '', { GITHUB_WORKSPACE: path.resolve('/tmp/ws'), ULTRALYTICS_API_KEY: KEY }, log);
}

describe('seconds inputs and the timer limit', () => {
  for (const input of ['request-timeout', 'stall-timeout', 'checkpoint-interval']) {
    it(`${input}: 2147483 s is kept, 2147484 s and 1e12 s are refused with the limit named`, () => {
      const field = { 'request-timeout': 'requestTimeoutMs', 'stall-timeout': 'stallTimeoutMs', 'checkpoint-interval': 'checkpointIntervalMs' }[input] as
        | 'requestTimeoutMs'
        | 'stallTimeoutMs'
        | 'checkpointIntervalMs';
      assert.equal(read({ [input]: '2147483' })[field], 2_147_483_000);
      for (const value of ['2147484', '1e12']) {
        assert.throws(
          () => read({ [input]: value }),
          (err: unknown) =>
            err instanceof InputError && new RegExp(`${input}\` must be at most 2147483 seconds .*got "${value}"`).test(err.message),
        );
      }
    });
  }
});
