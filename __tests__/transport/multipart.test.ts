import { test } from 'node:test';
import assert from 'node:assert/strict';
import { multipartFraming, randomBoundary } from '../../src/transport/multipart.js';
import { formatBytes, formatRate, Progress } from '../../src/transport/progress.js';
import { captureLog } from './harness.js';

test('multipart framing is byte for byte what requests.post(data=…, files=…) sends', () => {
  const b = '907e6cbfd0f23a4ac6cfbcf28bd8f883';
  const f = multipartFraming([['epoch', '5'], ['type', 'epoch'], ['isBest', 'True']], 'best.pt', 'best.pt', b);
  const body = Buffer.concat([f.head, Buffer.from('ABC'), f.tail]);
  // Captured from Python: requests.Request('POST', url, data={'epoch': 5, 'type': 'epoch', 'isBest': True},
  // files={'best.pt': b'ABC'}).prepare().body, with this boundary; Content-Length 417.
  const python =
    `--${b}\r\nContent-Disposition: form-data; name="epoch"\r\n\r\n5\r\n` +
    `--${b}\r\nContent-Disposition: form-data; name="type"\r\n\r\nepoch\r\n` +
    `--${b}\r\nContent-Disposition: form-data; name="isBest"\r\n\r\nTrue\r\n` +
    `--${b}\r\nContent-Disposition: form-data; name="best.pt"; filename="best.pt"\r\n\r\nABC\r\n` +
    `--${b}--\r\n`;
  assert.equal(body.toString('latin1'), python);
  assert.equal(body.length, 417);
  assert.equal(f.contentType, `multipart/form-data; boundary=${b}`);
});

test('multipart: random boundaries are 32 lowercase hex; quotes and newlines in names are percent-encoded', () => {
  const b = randomBoundary();
  assert.match(b, /^[0-9a-f]{32}$/);
  assert.notEqual(b, randomBoundary());
  const f = multipartFraming([], 'we"ird\nname', 'a"b.pt', 'x');
  assert.equal(f.head.toString(), '--x\r\nContent-Disposition: form-data; name="we%22ird%0Aname"; filename="a%22b.pt"\r\n\r\n');
});

test('progress lines: every 10 % (not within 1 s of the last) or every 10 s', () => {
  let t = 0;
  const { log, lines } = captureLog();
  const p = new Progress(log, 'best.pt', 1024 ** 3, () => t);
  t = 500;
  p.update(200 * 1024 ** 2);
  assert.equal(lines.length, 0, 'too soon after the start');
  t = 1100;
  p.update(412 * 1024 ** 2);
  assert.deepEqual(lines, ['best.pt: 412.0 MiB of 1.00 GiB (40 %), 375 MiB/s']);
  t = 1500;
  p.update(1000 * 1024 ** 2);
  assert.equal(lines.length, 1);
  const slow = captureLog();
  const q = new Progress(slow.log, 'last.pt', 100 * 1024 ** 2, () => t);
  t += 10_000;
  q.update(5 * 1024 ** 2);
  assert.deepEqual(slow.lines, ['last.pt: 5.0 MiB of 100.0 MiB (5 %), 512 KiB/s']);
});

test('byte and rate formats', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(12.5 * 1024), '12.5 KiB');
  assert.equal(formatBytes(1024 ** 3), '1.00 GiB');
  assert.equal(formatRate(380 * 1024 ** 2), '380 MiB/s');
  assert.equal(formatRate(2.5 * 1024 ** 2), '2.5 MiB/s');
});
