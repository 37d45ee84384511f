/**
 * The shape every protocol module fills in: a route says which requests it takes, how its body is
 * read and which fault target it is; `prepare` reads and checks the request without changing state
 * and returns either a plain answer (nothing to do) or the action that changes state and answers.
 * Splitting the two is what lets the server inject faults before, during and after the action.
 */
import type { IncomingMessage } from 'node:http';

export interface Answer {
  status: number;
  /** Serialised as JSON unless `raw` is given. */
  json?: unknown;
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Write only this many body bytes (the head still announces them all), then drop the connection. */
  cutAfter?: number;
}

/** `answer`: respond without acting. `apply`: act (change state), then respond. */
export type Plan = { answer: Answer } | { apply: () => Answer };

export interface Exchange {
  req: IncomingMessage;
  /** Named groups of the route's pattern. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The whole body, for routes with `body: 'text'` (empty for `stream` routes). */
  text: string;
  /** Records a protocol error, prefixed with the target. */
  flag(problem: string): void;
  /** True once the client closed the connection (a body read then fails). */
  clientGone(): boolean;
  now(): number;
}

export type Protocol = 'hub' | 'platform' | 'signed';

export interface Route {
  method: string;
  /** Matched against the path (no query); named groups become `params`. */
  pattern: RegExp;
  protocol: Protocol;
  /** `text`: the server buffers the body first; `stream`: `prepare` reads the request itself. */
  body: 'text' | 'stream';
  /** The fault target, or how to find it from the body (Platform's W1 is one path for six events). */
  target: string | ((text: string) => string);
  /** Platform rate-limit categories the request counts in. */
  rate?: ('default' | 'upload')[];
  /** False when the route checks the key itself (HUB's /v1/auth) or takes none (the signed PUT). */
  auth?: boolean;
  /** The answer is a file (a download): a `reset: mid-body` fault cuts the answer's body, not the request's. */
  answersFile?: boolean;
  prepare(x: Exchange): Promise<Plan>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Answer => ({
  status,
  json: body,
  headers,
});

/** Platform's error body. */
export const platformError = (status: number, message: string): Answer => json(status, { error: message });

/** HUB's error body. */
export const hubError = (status: number, message: string): Answer =>
  json(status, { success: false, message });
