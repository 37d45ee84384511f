import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpError, quoteReply, socketDetail, statusDetail } from '../../src/transport/errors.js';
import { assertSafeUrl, isLoopbackHost, redactUrl } from '../../src/transport/url-safety.js';

test('quoteReply prefers the JSON error, message or detail field', () => {
  assert.equal(quoteReply('{"error": "Invalid API key"}'), 'Invalid API key');
  assert.equal(quoteReply(Buffer.from('{"message": "Model not found", "code": 404}')), 'Model not found');
  assert.equal(quoteReply('{"detail": {"loc": "body"}}'), '{"loc":"body"}');
  assert.equal(quoteReply('{"ok": false}'), '{"ok": false}');
});

test('quoteReply drops control characters, collapses whitespace and cuts long text', () => {
  assert.equal(quoteReply('line one\r\n\tline\u0007 two  \u001b[31mred'), 'line one line two [31mred');
  const cut = quoteReply('x'.repeat(1000), 300);
  assert.equal(cut.length, 300);
  assert.match(cut, /^x{299}…$/);
  assert.equal(quoteReply('<html>\n  <title>502 Bad Gateway</title>\n</html>', 30), '<html> <title>502 Bad Gateway…');
});

test('HttpError messages: status with the quoted reply, socket codes in words', () => {
  const e = new HttpError({ what: 'epoch_end 12', detail: statusDetail(503, 'busy'), status: 503, permanent: false, ambiguous: false });
  assert.equal(e.message, 'epoch_end 12: HTTP 503 Service Unavailable: "busy"');
  assert.equal(statusDetail(401, ''), 'HTTP 401 Unauthorized');
  assert.equal(socketDetail('ECONNRESET', 'socket hang up'), 'connection reset (ECONNRESET)');
  assert.equal(socketDetail('UND_ERR_SOCKET', 'other side closed'), 'connection error (UND_ERR_SOCKET)');
  assert.equal(socketDetail(undefined, 'Request timeout: /upload?X-Goog-Signature=abc'), 'Request timeout: /upload?…');
  assert.equal(socketDetail('CERT_HAS_EXPIRED', 'certificate has expired'), 'certificate has expired (CERT_HAS_EXPIRED)');
});

test('assertSafeUrl: https anywhere, http only to loopback', () => {
  assert.equal(assertSafeUrl('https://platform.ultralytics.com/api', 'api-url').hostname, 'platform.ultralytics.com');
  for (const ok of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://[::1]:3000/', 'http://127.1.2.3/']) {
    assert.equal(assertSafeUrl(ok, 'test').protocol, 'http:', ok);
  }
  assert.throws(
    () => assertSafeUrl('http://example.com/api', 'api-url'),
    /^Error: refusing to send credentials over plain http to example\.com for api-url: use https:\/\/, or a loopback address for the emulator$/,
  );
  assert.throws(() => assertSafeUrl('http://127.0.0.1.example.com/', 'x'), /plain http to 127\.0\.0\.1\.example\.com/);
  assert.throws(() => assertSafeUrl('ftp://example.com/', 'api-url'), /unsupported URL scheme ftp: for api-url: use https:\/\//);
  assert.throws(() => assertSafeUrl('not a url', 'api-url'), /not a valid URL for api-url/);
  assert.ok(isLoopbackHost('LOCALHOST') && !isLoopbackHost('128.0.0.1') && !isLoopbackHost('127.0.0.256'));
});

test('redactUrl keeps origin and path, hides the query', () => {
  assert.equal(redactUrl('https://storage.example.com/bucket/best.pt?X-Goog-Signature=secret&x=1'), 'https://storage.example.com/bucket/best.pt?…');
  assert.equal(redactUrl('https://api.ultralytics.com/v1/models/abc'), 'https://api.ultralytics.com/v1/models/abc');
  assert.equal(redactUrl('::'), '<invalid URL>');
});
