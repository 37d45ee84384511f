/** Where the API key may go with a weights download, and the names downloaded weights get. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sendsApiKey, weightsFileName } from '../../src/prepare/weights.js';

test('the key goes to the HUB API itself only: not to another origin, not outside its root, not with a signed URL', () => {
  const api = 'https://hub-api.example.com/base';
  const sends = (u: string) => sendsApiKey(new URL(u), api);
  assert.equal(sends('https://hub-api.example.com/base/v1/models/ID/weights/last.pt'), true);
  assert.equal(sends('https://storage.example.com/base/v1/models/ID/last.pt'), false, 'another host');
  assert.equal(sends('https://hub-api.example.com:8443/base/v1/models/ID/last.pt'), false, 'another port');
  assert.equal(sends('http://hub-api.example.com/base/v1/models/ID/last.pt'), false, 'another scheme');
  assert.equal(sends('https://hub-api.example.com/other/v1/models/ID/last.pt'), false, 'outside the API root');
  assert.equal(sends('https://hub-api.example.com/base/v1/x/last.pt?X-Goog-Signature=ab'), false, 'a GCS signed URL');
  assert.equal(sends('https://hub-api.example.com/base/v1/x/last.pt?alt=media&token=ab'), false, 'a Firebase token URL');
  assert.equal(sends('https://hub-api.example.com/base/v1/x/last.pt?X-Amz-Credential=a&X-Amz-Signature=b'), false, 'an S3 presigned URL');
  assert.equal(sendsApiKey(new URL('http://127.0.0.1:8787/_storage/t/last.pt'), 'http://127.0.0.1:8787'), false, "the emulator's storage");
  assert.equal(sendsApiKey(new URL('http://127.0.0.1:8787/v1/models/ID/w.pt'), 'http://127.0.0.1:8787'), true);
});

test('downloaded weights keep a plain *.pt name of their URL, else their role', () => {
  assert.equal(weightsFileName(new URL('https://a.example/v8.3.0/yolo11n.pt?sig=1'), 'parent'), 'yolo11n.pt');
  assert.equal(weightsFileName(new URL('https://a.example/x/..%2F..%2Fevil.pt'), 'parent'), 'parent.pt');
  assert.equal(weightsFileName(new URL('https://a.example/x/weights'), 'parent'), 'parent.pt');
  assert.equal(weightsFileName(new URL('https://a.example/x/%E0%A4%A.pt'), 'parent'), 'parent.pt', 'a malformed escape');
  assert.equal(weightsFileName(new URL('https://a.example/x/.hidden.pt'), 'parent'), 'parent.pt');
  assert.equal(weightsFileName(new URL('https://a.example/x/best.pt'), 'last'), 'last.pt', 'last weights are always last.pt');
});
