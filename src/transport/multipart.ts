/**
 * The framing of a multipart/form-data body exactly as Python `requests` (urllib3 2.x) encodes
 * `requests.post(url, data=fields, files={fileField: bytes})`: text fields in order, then one
 * file part without a Content-Type line. Only the head and tail are built; the file bytes are
 * streamed between them, so the body length is `head.length + fileSize + tail.length`.
 */
import { randomBytes } from 'node:crypto';

export interface MultipartFraming {
  contentType: string;
  /** Every text part and the file part's headers, up to the first file byte. */
  head: Buffer;
  /** From the last file byte to the end of the body. */
  tail: Buffer;
}

/** 32 lowercase hex characters, as urllib3's `choose_boundary()`. */
export function randomBoundary(): string {
  return randomBytes(16).toString('hex');
}

/** urllib3's `format_multipart_header_param`: `name="value"` with \n, \r and `"` percent-encoded. */
function param(name: string, value: string): string {
  return `${name}="${value.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22')}"`;
}

export function multipartFraming(
  fields: [string, string][],
  fileField: string,
  filename: string,
  boundary: string = randomBoundary(),
): MultipartFraming {
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; ${param('name', name)}\r\n\r\n${value}\r\n`,
  );
  const fileHead = `--${boundary}\r\nContent-Disposition: form-data; ${param('name', fileField)}; ${param('filename', filename)}\r\n\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: Buffer.from(parts.join('') + fileHead, 'utf8'),
    tail: Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  };
}
