/**
 * One attempt of one request through @actions/http-client: send the body, read the whole answer.
 * The client's keep-alive agent (and its proxy support) carries the request; redirects are not
 * followed and nothing is retried here. A streamed body writes itself into the request, so it
 * owns its buffers and its pace (see file-body.ts). An AbortSignal cuts the attempt short at any
 * point (deadline, stall, torn file): it destroys the request and its socket.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { Writable } from 'node:stream';
import type { HttpClient } from '@actions/http-client';

/** A body that writes itself into the request and ends the request once it is complete. */
export interface StreamedBody {
  writeTo(req: Writable): void;
}

export interface ExchangeRequest {
  method: string;
  url: URL;
  headers: http.OutgoingHttpHeaders;
  /** A string gets its Content-Length from the client; a streamed body needs one in `headers`. */
  body: string | StreamedBody | null;
  signal: AbortSignal;
  /** Answers longer than this fail the attempt (memory stays bounded). */
  maxAnswerBytes: number;
  /** Called when the answer's head and each of its chunks arrive (a stall watchdog's kick). */
  onAnswerBytes?: () => void;
  /**
   * Takes a 2xx answer's body as a stream instead of it being read whole (a download): resolves
   * once the body was consumed, rejects when it could not be. The Exchange's `body` is then empty.
   */
  sink?: (answer: http.IncomingMessage) => Promise<void>;
}

export interface Exchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

type RequestInfo = Parameters<HttpClient['requestRaw']>[0];

function requestInfo(client: HttpClient, r: ExchangeRequest): RequestInfo {
  const secure = r.url.protocol === 'https:';
  return {
    parsedUrl: r.url,
    httpModule: secure ? https : http,
    options: {
      host: r.url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: r.url.port ? Number(r.url.port) : secure ? 443 : 80,
      path: r.url.pathname + r.url.search,
      method: r.method,
      headers: r.headers,
      agent: client.getAgent(r.url.href),
      signal: r.signal,
    },
  };
}

function readAnswer(msg: http.IncomingMessage, max: number, onBytes?: () => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    msg.on('data', (chunk: Buffer) => {
      onBytes?.();
      size += chunk.length;
      if (size > max) msg.destroy(new Error(`the answer is larger than ${max} bytes`));
      else chunks.push(chunk);
    });
    msg.once('end', () => resolve(Buffer.concat(chunks)));
    msg.once('error', reject);
    msg.once('close', () => {
      if (!msg.complete) reject(Object.assign(new Error('connection closed before the end of the answer'), { code: 'ECONNRESET' }));
    });
  });
}

/**
 * The client pipes a stream body into the request (`body.pipe(req)`) and ends the request when the
 * stream closes. This source's pipe hands the request to the streamed body, which ends it itself
 * once complete, as pipe does, and never closes early.
 */
function pipeSource(body: StreamedBody): NodeJS.ReadableStream {
  const source = {
    pipe: <T extends Writable>(req: T): T => {
      body.writeTo(req);
      return req;
    },
    on: () => source,
  };
  return source as unknown as NodeJS.ReadableStream;
}

export async function exchange(client: HttpClient, r: ExchangeRequest): Promise<Exchange> {
  const payload = r.body === null || typeof r.body === 'string' ? r.body : pipeSource(r.body);
  const response = await client.requestRaw(requestInfo(client, r), payload);
  r.onAnswerBytes?.();
  const status = response.message.statusCode ?? 0;
  if (r.sink && status >= 200 && status < 300) {
    await r.sink(response.message);
    return { status, headers: response.message.headers, body: Buffer.alloc(0) };
  }
  const body = await readAnswer(response.message, r.maxAnswerBytes, r.onAnswerBytes);
  return { status, headers: response.message.headers, body };
}
