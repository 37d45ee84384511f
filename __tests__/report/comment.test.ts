/**
 * The pull-request comment against a real loopback GitHub REST server (github-server.ts): found by
 * its marker across pages of 100, created once and then updated, a 403 as a warning with the fix,
 * and nothing outside a pull request.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { terminalLog } from '../../src/log.js';
import { commentMarker, postComment } from '../../src/report/comment.js';
import { type GitHubServer, startGitHubServer } from './github-server.js';

const TOKEN = 'ghs_' + 'T0k3n'.repeat(8);
const PR = 17;
let gh: GitHubServer;
let dir: string;

function capture() {
  const lines: string[] = [];
  const log = terminalLog({ verbose: false, write: (l) => lines.push(l) });
  log.addSecret(TOKEN);
  return { log, lines, text: () => lines.join('\n') };
}

function env(extra: Record<string, string> = {}, payload: unknown = { pull_request: { number: PR } }): NodeJS.ProcessEnv {
  const eventFile = path.join(dir, `event-${Math.random().toString(16).slice(2)}.json`);
  fs.writeFileSync(eventFile, JSON.stringify(payload));
  return {
    GITHUB_API_URL: gh.url,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'acme/detector',
    ...extra,
  };
}

before(async () => {
  gh = await startGitHubServer({ token: TOKEN, owner: 'acme', repo: 'detector' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-comment-'));
});
beforeEach(() => {
  gh.viewer = { graphql: 'github-actions[bot]', rest: null, author: 'github-actions[bot]' };
  gh.comments.clear();
  gh.requests.length = 0;
  gh.readOnly = false;
});
after(async () => {
  await gh.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('pull-request comment', () => {
  it('creates the comment after reading every page, then updates it in place on the second page', async () => {
    gh.seed(PR, 150);
    const first = capture();
    assert.equal(await postComment({ env: env(), token: TOKEN, name: 'yolo11n-640', body: 'first body', log: first.log }), 'created');
    const pages = gh.requests.filter((r) => r.method === 'GET').map((r) => new URL(r.path, gh.url).searchParams.get('page') ?? '1');
    assert.deepEqual(pages, ['1', '2'], 'both pages of comments were read before creating');
    assert.ok(gh.requests.every((r) => r.auth === `token ${TOKEN}`));
    const comments = gh.comments.get(PR) ?? [];
    assert.equal(comments.length, 151);
    const ours = comments[150];
    assert.equal(ours.body, `${commentMarker('yolo11n-640')}\nfirst body`);
    assert.match(first.text(), /Commented on pull request #17 of acme\/detector: https:\/\/github\.example\//);

    gh.requests.length = 0;
    const second = capture();
    assert.equal(await postComment({ env: env(), token: TOKEN, name: 'yolo11n-640', body: 'second body', log: second.log }), 'updated');
    assert.equal((gh.comments.get(PR) ?? []).length, 151, 'no second comment');
    assert.equal(ours.body, `${commentMarker('yolo11n-640')}\nsecond body`);
    assert.deepEqual(
      gh.requests.map((r) => r.method),
      ['POST', 'GET', 'GET', 'PATCH'],
    );
    assert.equal(gh.requests[0].path, '/graphql', 'who the token is, first');
    assert.match(gh.requests[3].path, new RegExp(`/issues/comments/${ours.id}$`));
    assert.match(second.text(), /Updated the comment on pull request #17/);
    assert.doesNotMatch(first.text() + second.text(), new RegExp(TOKEN));
  });

  it('stops paging once the comment is found', async () => {
    await postComment({ env: env(), token: TOKEN, name: 'a', body: 'x', log: capture().log });
    gh.seed(PR, 250);
    gh.requests.length = 0;
    assert.equal(await postComment({ env: env(), token: TOKEN, name: 'a', body: 'y', log: capture().log }), 'updated');
    assert.deepEqual(gh.requests.map((r) => r.method), ['POST', 'GET', 'PATCH']);
  });

  it("never edits a human's comment that quotes the marker: only the token's own comment is updated", async () => {
    const quoted = `${commentMarker('yolo11n')}\nI copied this from the bot's comment: why did the gate fail?`;
    const human = gh.add(PR, quoted, 'octocat');
    assert.equal(await postComment({ env: env(), token: TOKEN, name: 'yolo11n', body: 'one', log: capture().log }), 'created');
    assert.equal(await postComment({ env: env(), token: TOKEN, name: 'yolo11n', body: 'two', log: capture().log }), 'updated');
    const comments = gh.comments.get(PR) ?? [];
    assert.equal(comments.find((c) => c.id === human)?.body, quoted, "the human's comment is untouched");
    assert.deepEqual(
      comments.map((c) => [c.user.login, c.body]),
      [
        ['octocat', quoted],
        ['github-actions[bot]', `${commentMarker('yolo11n')}\ntwo`],
      ],
    );
  });

  it('learns the user from GraphQL viewer (bot spelled without [bot]), else GET /user, else assumes github-actions[bot]', async () => {
    const marker = commentMarker('r');
    for (const [viewer, author, other] of [
      [{ graphql: 'github-actions', rest: null }, 'github-actions[bot]', 'octocat'],
      [{ graphql: null, rest: 'alice' }, 'alice', 'bob'],
      [{ graphql: null, rest: null }, 'github-actions[bot]', 'alice'],
    ] as const) {
      gh.comments.clear();
      gh.viewer = { ...viewer, author };
      const theirs = gh.add(PR, `${marker}\ntheirs`, other);
      const ours = gh.add(PR, `${marker}\nours`, author);
      assert.equal(await postComment({ env: env(), token: TOKEN, name: 'r', body: 'new', log: capture().log }), 'updated', JSON.stringify(viewer));
      const byId = new Map((gh.comments.get(PR) ?? []).map((c) => [c.id, c.body]));
      assert.equal(byId.get(ours), `${marker}\nnew`, JSON.stringify(viewer));
      assert.equal(byId.get(theirs), `${marker}\ntheirs`, JSON.stringify(viewer));
    }
  });

  it("takes over our comment under the earlier marker (legacyName), preferring one with the new marker; never a human's", async () => {
    const old = commentMarker('train');
    const key = 'train;project=acme/a;job=j';
    const human = gh.add(PR, `${old}\nquoted by a person`, 'octocat');
    const legacy = gh.add(PR, `${old}\nwritten by an earlier version`, 'github-actions[bot]');
    // A comment whose first line is not exactly the old marker is not the old comment.
    gh.add(PR, `${commentMarker(`${key};step=other`)}\nanother step`, 'github-actions[bot]');
    assert.equal(await postComment({ env: env(), token: TOKEN, name: key, legacyName: 'train', body: 'one', log: capture().log }), 'updated');
    const byId = () => new Map((gh.comments.get(PR) ?? []).map((c) => [c.id, c.body]));
    assert.equal(byId().get(legacy), `${commentMarker(key)}\none`, 'taken over, with the new marker');
    assert.equal(byId().get(human), `${old}\nquoted by a person`);
    // A second old comment is left alone now that the new marker is found.
    const another = gh.add(PR, `${old}\nanother old one`, 'github-actions[bot]');
    assert.equal(await postComment({ env: env(), token: TOKEN, name: key, legacyName: 'train', body: 'two', log: capture().log }), 'updated');
    assert.equal(byId().get(legacy), `${commentMarker(key)}\ntwo`);
    assert.equal(byId().get(another), `${old}\nanother old one`);
  });

  it('keeps one comment per run name, not per server slug', async () => {
    await postComment({ env: env(), token: TOKEN, name: 'yolo11n', body: 'n', log: capture().log });
    await postComment({ env: env(), token: TOKEN, name: 'yolo11s', body: 's', log: capture().log });
    await postComment({ env: env(), token: TOKEN, name: 'yolo11n', body: 'n2', log: capture().log });
    const bodies = (gh.comments.get(PR) ?? []).map((c) => c.body);
    assert.deepEqual(bodies, [`${commentMarker('yolo11n')}\nn2`, `${commentMarker('yolo11s')}\ns`]);
  });

  it('keeps a name that could end the HTML comment inside its marker', () => {
    const marker = commentMarker('a-->b--!>c\n');
    assert.match(marker, /^<!-- ultralytics-sync:\S+ -->$/);
    assert.equal(marker.indexOf('--', 4), marker.length - 3, 'no -- before the closing one');
    assert.notEqual(commentMarker('a-b'), commentMarker('a--b'));
  });

  it('warns with the permission fix on a 403 and never throws', async () => {
    gh.readOnly = true;
    const c = capture();
    assert.equal(await postComment({ env: env(), token: TOKEN, name: 'train', body: 'x', log: c.log }), 'failed');
    assert.match(c.text(), /warning: The comment on pull request #17 of acme\/detector could not be posted: HTTP 403 \(Resource not accessible by integration\)\. Give the job `permissions: pull-requests: write`/);
    assert.match(c.text(), /The sync and the gate are not affected/);
  });

  it('warns on a refused token and on an unreachable API, without throwing', async () => {
    const c = capture();
    assert.equal(await postComment({ env: env(), token: 'wrong-token-value', name: 'train', body: 'x', log: c.log }), 'failed');
    assert.match(c.text(), /warning: .*HTTP 401 \(Bad credentials\): the token was refused/);
    const d = capture();
    const closed = 'http://127.0.0.1:9';
    assert.equal(await postComment({ env: env({ GITHUB_API_URL: closed }), token: TOKEN, name: 'train', body: 'x', log: d.log }), 'failed');
    assert.match(d.text(), /warning: The comment on pull request #17 .* could not be posted: /);
  });

  it('refuses to send the token over plain http to another machine', async () => {
    const c = capture();
    assert.equal(await postComment({ env: env({ GITHUB_API_URL: 'http://github.example' }), token: TOKEN, name: 'train', body: 'x', log: c.log }), 'failed');
    assert.match(c.text(), /refusing to send credentials over plain http/);
    assert.equal(gh.requests.length, 0);
  });

  it('does nothing outside a pull request and says so', async () => {
    const c = capture();
    const push = env({ GITHUB_EVENT_NAME: 'push' }, { ref: 'refs/heads/main', head_commit: {} });
    assert.equal(await postComment({ env: push, token: TOKEN, name: 'train', body: 'x', log: c.log }), 'skipped');
    assert.match(c.text(), /No pull-request comment: this is a push event, not a pull request/);
    assert.equal(gh.requests.length, 0);
  });

  it('says plainly that the GitHub variables are missing (the CLI outside Actions)', async () => {
    const c = capture();
    assert.equal(await postComment({ env: {}, token: TOKEN, name: 'train', body: 'x', log: c.log }), 'skipped');
    assert.match(c.text(), /warning: No pull-request comment: GITHUB_EVENT_NAME, GITHUB_REPOSITORY, GITHUB_EVENT_PATH are not set/);
    assert.equal(gh.requests.length, 0);
  });

  it('says so when the token is empty', async () => {
    const c = capture();
    assert.equal(await postComment({ env: env(), token: '', name: 'train', body: 'x', log: c.log }), 'failed');
    assert.match(c.text(), /`github-token` is empty/);
  });
});
