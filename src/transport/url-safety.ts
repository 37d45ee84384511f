/**
 * Where credentials may go: https anywhere, plain http only to this machine (the emulator).
 * Also the one way URLs are written to logs: without their query, which may hold a signature.
 */

/** True for `localhost`, 127.0.0.0/8 and ::1 (a URL's hostname, IPv6 in brackets or not). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (host === 'localhost' || host === '::1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && v4.slice(1).every((part) => Number(part) <= 255);
}

/**
 * Parses `url` and refuses anything credentials must not travel over: plain http to another
 * machine, or a scheme other than http(s). `what` names the request or setting in the message.
 */
export function assertSafeUrl(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`not a valid URL for ${what}: expected https://host/path`);
  }
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:') {
    if (isLoopbackHost(parsed.hostname)) return parsed;
    throw new Error(
      `refusing to send credentials over plain http to ${parsed.hostname} for ${what}: use https://, or a loopback address for the emulator`,
    );
  }
  throw new Error(`unsupported URL scheme ${parsed.protocol} for ${what}: use https://`);
}

/** Origin and path, the query replaced by `?…`: safe for logs. */
export function redactUrl(url: string | URL): string {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '<invalid URL>';
  }
}
