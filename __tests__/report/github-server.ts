/**
 * A small GitHub REST server on loopback, speaking the endpoints the pull-request comment uses,
 * as GitHub documents them:
 *
 *   GET   /repos/{owner}/{repo}/issues/{n}/comments?per_page&page   (Link: rel="next", rel="last")
 *   POST  /repos/{owner}/{repo}/issues/{n}/comments                 201 {id, body, html_url, …}
 *   PATCH /repos/{owner}/{repo}/issues/comments/{id}                200
 *   POST  /graphql  `query { viewer { login } }`                    {data: {viewer: {login}}}
 *   GET   /user                                                     {login} (a personal token)
 *
 * It checks the token (`Authorization: token …` or `Bearer …`), keeps the comments in memory,
 * records every request, and answers 403 to writes when `readOnly` is set, as GitHub does for a
 * fork's read-only token.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IssueComment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
  created_at: string;
  updated_at: string;
}

export interface GitHubServer {
  url: string;
  /** Comments by issue number. */
  comments: Map<number, IssueComment[]>;
  requests: { method: string; path: string; auth: string | undefined }[];
  /** Answer 403 to POST and PATCH. */
  readOnly: boolean;
  /** Who the token is (GraphQL viewer, REST /user); new comments are written as `author`. */
  viewer: { graphql: string | null; rest: string | null; author: string };
  /** Adds a comment written by `login` (a human quoting the marker, say); returns its id. */
  add(n: number, body: string, login: string): number;
  /** Adds `count` comments by other people to issue `n`. */
  seed(n: number, count: number): void;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest/issues/comments';

export async function startGitHubServer(opts: { token: string; owner: string; repo: string }): Promise<GitHubServer> {
  let nextId = 1000;
  const state: Omit<GitHubServer, 'url' | 'close'> = {
    comments: new Map(),
    requests: [],
    readOnly: false,
    viewer: { graphql: 'github-actions[bot]', rest: null, author: 'github-actions[bot]' },
    add(n, body, login) {
      const c = comment(nextId++, body, login);
      state.comments.set(n, [...(state.comments.get(n) ?? []), c]);
      return c.id;
    },
    seed(n, count) {
      const list = state.comments.get(n) ?? [];
      for (let i = 0; i < count; i++) list.push(comment(nextId++, `comment ${i} by someone else`, 'octocat'));
      state.comments.set(n, list);
    },
  };
  let base = '';
  const comment = (id: number, body: string, login: string): IssueComment => {
    const now = new Date().toISOString();
    return { id, body, user: { login }, html_url: `https://github.example/${opts.owner}/${opts.repo}/pull/1#issuecomment-${id}`, created_at: now, updated_at: now };
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      state.requests.push({ method: req.method ?? '', path: url.pathname + url.search, auth: req.headers.authorization });
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(body));
      };
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${opts.token}` && auth !== `Bearer ${opts.token}`) {
        return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      }
      if (url.pathname === '/graphql' && req.method === 'POST') {
        const query = String((JSON.parse(raw || '{}') as { query?: unknown }).query ?? '');
        if (!state.viewer.graphql || !/viewer\s*\{\s*login\s*\}/.test(query)) return send(403, { message: 'Resource not accessible by integration', status: '403' });
        return send(200, { data: { viewer: { login: state.viewer.graphql } } });
      }
      if (url.pathname === '/user' && req.method === 'GET') {
        if (!state.viewer.rest) return send(403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' });
        return send(200, { login: state.viewer.rest });
      }
      const prefix = `/repos/${opts.owner}/${opts.repo}/issues/`;
      if (!url.pathname.startsWith(prefix)) return send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      const rest = url.pathname.slice(prefix.length);
      const list = /^(\d+)\/comments$/.exec(rest);
      const one = /^comments\/(\d+)$/.exec(rest);
      const forbidden = () =>
        send(403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' });

      if (list && req.method === 'GET') {
        const n = Number(list[1]);
        const all = state.comments.get(n) ?? [];
        const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30) || 30);
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
        const pages = Math.max(1, Math.ceil(all.length / perPage));
        const link = (p: number, rel: string) => {
          const u = new URL(url.href);
          u.searchParams.set('per_page', String(perPage));
          u.searchParams.set('page', String(p));
          return `<${u.href}>; rel="${rel}"`;
        };
        const links = [];
        if (page < pages) links.push(link(page + 1, 'next'), link(pages, 'last'));
        if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
        return send(200, all.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
      }
      if (list && req.method === 'POST') {
        if (state.readOnly) return forbidden();
        const body = JSON.parse(raw || '{}') as { body?: unknown };
        if (typeof body.body !== 'string') return send(422, { message: 'Validation Failed', status: '422' });
        const n = Number(list[1]);
        const c = comment(nextId++, body.body, state.viewer.author);
        state.comments.set(n, [...(state.comments.get(n) ?? []), c]);
        return send(201, c);
      }
      if (one && req.method === 'PATCH') {
        if (state.readOnly) return forbidden();
        const body = JSON.parse(raw || '{}') as { body?: unknown };
        const id = Number(one[1]);
        for (const comments of state.comments.values()) {
          const c = comments.find((x) => x.id === id);
          if (c && typeof body.body === 'string') {
            c.body = body.body;
            c.updated_at = new Date().toISOString();
            return send(200, c);
          }
        }
        return send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      }
      return send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  }) as GitHubServer;
}
