import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Hasher, type HashJob } from '../../src/transport/hasher.js';
import { sha256 } from './harness.js';

/** Publishes `data` through `job` slice by slice, reusing a slot only once the hash is done with it. */
async function feed(job: HashJob, data: Buffer): Promise<{ waits: number }> {
  const ring = job.slots.length;
  const slice = job.slots[0].length;
  let waits = 0;
  for (let k = 0, at = 0; at < data.length; k++) {
    const wait = k >= ring ? job.hashed(k - ring + 1) : undefined;
    if (wait) {
      waits++;
      await wait;
    }
    const n = data.copy(job.slots[k % ring], 0, at, Math.min(at + slice, data.length));
    job.publish(k, n);
    at += n;
  }
  return { waits };
}

test('the worker hashes the shared slices as they are published: the digest of the whole, with the ring reused many times', async () => {
  const hasher = new Hasher();
  try {
    // 4 slots of 64 KiB for 9 MiB: 144 slices, each slot reused 36 times; uneven last slice.
    const data = randomBytes(9 * 1024 * 1024 + 12_345);
    const job = hasher.job(4, 64 * 1024);
    assert.ok(job.slots[0].buffer instanceof SharedArrayBuffer, 'the slices live in shared memory (a worker hashes them)');
    const { waits } = await feed(job, data);
    assert.ok(waits > 0, 'the producer had to wait for the hash at least once');
    assert.equal(await job.end(), sha256(data));
  } finally {
    hasher.dispose();
  }
});

test('an aborted job gives no digest, and the next job on the same worker hashes from its own start', async () => {
  const hasher = new Hasher();
  try {
    const first = hasher.job(2, 1024);
    await feed(first, randomBytes(5000));
    first.abort();
    const data = randomBytes(10_000);
    const second = hasher.job(2, 1024);
    await feed(second, data);
    assert.equal(await second.end(), sha256(data));
    const empty = hasher.job(1, 1);
    assert.equal(await empty.end(), sha256(Buffer.alloc(0)));
  } finally {
    hasher.dispose();
  }
});

test('an idle hashing thread does not keep the process alive (the action never disposes its transport)', async () => {
  const module = fileURLToPath(new URL('../../src/transport/hasher.js', import.meta.url));
  const script = `
    import { Hasher } from ${JSON.stringify(module)};
    const hasher = new Hasher();
    hasher.warm();
    const job = hasher.job(2, 4);
    job.slots[0].write('abc');
    job.publish(0, 3);
    console.log(await job.end());`;
  const started = Date.now();
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 20_000 }, (err, out) => (err ? reject(err) : resolve(out))),
  );
  assert.equal(stdout.trim(), sha256(Buffer.from('abc')));
  assert.ok(Date.now() - started < 15_000, 'the process exited by itself');
});
