/**
 * The pull-request comment: one per run name, found again by a hidden marker and updated in place,
 * never duplicated (the idea of marocchino/sticky-pull-request-comment, with pagination). Only a
 * comment written by the token's own user counts: a human who quotes the marker is never edited.
 *
 *   GITHUB_EVENT_PATH (the pull request's number) → who the token is (GraphQL viewer) → list the
 *   comments, 100 a page, following the Link headers until our marker in our comment is found →
 *   update it, or create one
 *
 * @actions/github is loaded only here, with a dynamic import, so a run without `comment` never
 * loads it. The API root is GITHUB_API_URL (GitHub Enterprise; the tests' loopback server).
 * Nothing here throws: a comment that cannot be posted is a warning with the fix, and never fails
 * the sync or the gate.
 */
import * as fs from 'node:fs/promises';
import type { Log } from '../log.js';
import { assertSafeUrl } from '../transport/url-safety.js';

export type CommentOutcome = 'created' | 'updated' | 'skipped' | 'failed';

export interface CommentRequest {
  env: NodeJS.ProcessEnv;
  token: string;
  /** The key of the marker: the run names and the step's scope (report/job.ts `stepCommentKey`). */
  name: string;
  /**
   * The marker key an earlier version wrote for the same comment. When no comment carries the
   * marker of `name`, our comment with this one is updated instead, and gets the new marker: one
   * step takes it over, so two steps that shared it part ways from then on.
   */
  legacyName?: string;
  body: string;
  log: Log;
  /** Give up on the whole exchange after this long. */
  timeoutMs?: number;
}

const PERMISSION_FIX =
  'Give the job `permissions: pull-requests: write` (a pull request from a fork gets a read-only token: ' +
  'comment from a `pull_request_target` or `workflow_run` workflow instead)';

/**
 * The hidden marker that finds the comment again. The name is kept readable; only what could end
 * an HTML comment (`--`, `>`) or a line is percent-encoded.
 */
export function commentMarker(name: string): string {
  const safe = name.replace(/[%<>!\r\n]/g, (c) => encodeURIComponent(c)).replace(/--/g, '-%2D');
  return `<!-- ultralytics-sync:${safe} -->`;
}

/** The pull request's number from the event payload; null outside a pull-request event. */
export async function pullRequestNumber(env: NodeJS.ProcessEnv): Promise<number | null> {
  if (!env.GITHUB_EVENT_PATH) return null;
  const payload = JSON.parse(await fs.readFile(env.GITHUB_EVENT_PATH, 'utf8')) as {
    pull_request?: { number?: unknown };
    issue?: { number?: unknown; pull_request?: unknown };
  };
  const n = payload.pull_request?.number ?? (payload.issue?.pull_request ? payload.issue.number : undefined);
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

export async function postComment(req: CommentRequest): Promise<CommentOutcome> {
  const { env, log } = req;
  const event = env.GITHUB_EVENT_NAME;
  const repository = env.GITHUB_REPOSITORY;
  if (!event || !repository || !env.GITHUB_EVENT_PATH) {
    const missing = ['GITHUB_EVENT_NAME', 'GITHUB_REPOSITORY', 'GITHUB_EVENT_PATH'].filter((k) => !env[k]);
    log.warning(
      `No pull-request comment: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set, so there is no pull request to comment on. ` +
        'The comment works in a GitHub Actions pull_request workflow (or where those variables and GITHUB_TOKEN are set).',
    );
    return 'skipped';
  }
  let number: number | null;
  try {
    number = await pullRequestNumber(env);
  } catch (err) {
    log.warning(`No pull-request comment: the event payload ${env.GITHUB_EVENT_PATH} cannot be read: ${(err as Error).message}`);
    return 'failed';
  }
  if (number === null) {
    log.info(`No pull-request comment: this is a ${event} event, not a pull request. The comparison is in the job summary.`);
    return 'skipped';
  }
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) {
    log.warning(`No pull-request comment: GITHUB_REPOSITORY (${repository}) is not owner/repo.`);
    return 'failed';
  }
  if (!req.token) {
    log.warning('No pull-request comment: `github-token` is empty (the CLI reads env GITHUB_TOKEN). Pass `github-token: ${{ github.token }}`.');
    return 'failed';
  }
  const where = `pull request #${number} of ${repository}`;
  try {
    const baseUrl = assertSafeUrl(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL').href.replace(/\/+$/, '');
    const { getOctokit } = await import('@actions/github');
    const signal = AbortSignal.timeout(req.timeoutMs ?? 60_000);
    const octokit = getOctokit(req.token, { baseUrl, request: { signal } });
    const marker = commentMarker(req.name);
    const body = `${marker}\n${req.body}`;
    const params = { owner, repo, issue_number: number, per_page: 100 };
    const me = await tokenUser(octokit, log);
    const legacy = req.legacyName !== undefined && req.legacyName !== req.name ? commentMarker(req.legacyName) : null;
    let found: { id: number; html_url: string } | undefined;
    let legacyFound: { id: number; html_url: string } | undefined;
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, params)) {
      // Ours only: a human's comment that quotes the marker is never edited.
      const mine = page.data.filter((c) => sameLogin(c.user?.login, me));
      found = mine.find((c) => c.body?.includes(marker));
      if (found) break;
      // The old marker is the whole first line, so `runs:a,b` never takes `runs:a,b;job=x`.
      if (legacy) legacyFound ??= mine.find((c) => c.body?.split('\n', 1)[0] === legacy);
    }
    found ??= legacyFound;
    if (found) {
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: found.id, body });
      log.info(`Updated the comment on ${where}: ${data.html_url}`);
      return 'updated';
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
    log.info(`Commented on ${where}: ${data.html_url}`);
    return 'created';
  } catch (err) {
    log.warning(`The comment on ${where} could not be posted: ${describe(err)}. The sync and the gate are not affected.`);
    return 'failed';
  }
}

/** The login GITHUB_TOKEN comments as (REST spelling); assumed when the token cannot say who it is. */
const ACTIONS_BOT = 'github-actions[bot]';

type Octokit = ReturnType<typeof import('@actions/github').getOctokit>;

/**
 * Who the token writes as, the way sticky-comment actions learn it: GraphQL `viewer` (it answers for
 * GITHUB_TOKEN, an app's token and a personal token alike), else REST `GET /user` (personal tokens),
 * else the Actions bot, which is what the default `github.token` is.
 */
async function tokenUser(octokit: Octokit, log: Log): Promise<string> {
  try {
    const { viewer } = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }');
    if (typeof viewer?.login === 'string' && viewer.login) return viewer.login;
  } catch (err) {
    log.debug(`GraphQL viewer: ${describe(err)}`);
  }
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    if (data.login) return data.login;
  } catch (err) {
    log.debug(`GET /user: ${describe(err)}`);
  }
  log.debug(`The token did not say whose it is: only comments by ${ACTIONS_BOT} are updated.`);
  return ACTIONS_BOT;
}

/** GraphQL spells a bot `github-actions`, REST `github-actions[bot]`; logins ignore case. */
function sameLogin(a: string | undefined, b: string): boolean {
  const norm = (s: string) => s.replace(/\[bot\]$/i, '').toLowerCase();
  return a !== undefined && norm(a) === norm(b);
}

/** What went wrong, with the fix where there is one. */
function describe(err: unknown): string {
  const e = err as { status?: unknown; message?: unknown; name?: unknown; response?: { data?: { message?: unknown } } };
  // GitHub's own message ("Resource not accessible by integration"), without Octokit's docs link.
  const server = e?.response?.data?.message;
  const message = typeof server === 'string' ? server : typeof e?.message === 'string' ? e.message.split('\n')[0] : String(err);
  if (e?.status === 403) return `HTTP 403 (${message}). ${PERMISSION_FIX}`;
  if (e?.status === 401) return `HTTP 401 (${message}): the token was refused. Pass \`github-token: \${{ github.token }}\``;
  if (e?.status === 404) {
    return `HTTP 404 (${message}): the repository or pull request is not visible to this token. ${PERMISSION_FIX}`;
  }
  if (typeof e?.status === 'number') return `HTTP ${e.status} (${message})`;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'GitHub did not answer in time';
  return message;
}
