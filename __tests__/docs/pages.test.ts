/**
 * The documentation is tested like the code: README.md and every page of docs/ have their links,
 * their workflow examples and their command lines checked against the repository, action.yml and
 * the CLI, so that a renamed input, flag, page or heading breaks the build instead of the docs.
 * The last group feeds each check a broken page, to show that it fails.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { INPUT_DOCS } from '../../src/inputs/catalog.js';
import { ROOT } from './docs.js';
import {
  type CliSurface,
  actionUseProblems,
  actionlint,
  actionlintCommand,
  brokenLinks,
  cliSurface,
  codeReferenceProblems,
  commandLineProblems,
  commandProblems,
  commandLines,
  pages,
  slug,
  yamlBlocks,
} from './pages.js';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const README_MAX_LINES = 350;
const lint = actionlintCommand();
let surface: CliSurface;

before(() => {
  surface = cliSurface();
});

describe('README.md', () => {
  const readme = read('README.md');

  it(`is at most ${README_MAX_LINES} lines`, () => {
    const lines = readme.replace(/\n$/, '').split('\n').length;
    assert.ok(lines <= README_MAX_LINES, `README.md has ${lines} lines; move what a user does not need on the first day to docs/`);
  });

  it('gives the demo and the test commands on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 30).join('\n');
    assert.match(firstScreen, /npm ci && npm run demo/);
    assert.match(firstScreen, /npm ci && npm test/);
  });

  it('keeps its sections in order: quick start, pull requests, inputs and outputs, the docs', () => {
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    const at = (re: RegExp) => headings.findIndex((h) => re.test(h));
    const order = [/^Quick start/, /^Pull requests/, /^Inputs and outputs$/, /^Documentation$/].map(at);
    assert.ok(order.every((i) => i >= 0), `headings: ${headings.join(' | ')}`);
    assert.deepEqual(order, [...order].sort((a, b) => a - b), `headings: ${headings.join(' | ')}`);
    assert.match(readme.slice(0, readme.indexOf('\n## ')), /!\[[^\]]+\]\(docs\/(summary|comment)\.png\)/, 'the screenshot comes with the first paragraph');
  });

  it('links to every page of docs/', () => {
    for (const page of pages().filter((p) => p.startsWith('docs/'))) {
      assert.ok(readme.includes(`](${page})`), `README.md does not link to ${page}`);
    }
  });
});

it('README.md and docs/ name no internal issue numbers (the CHANGELOG may)', () => {
  for (const page of pages()) {
    const hits = read(page)
      .split('\n')
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => /\bissues?\s+#?\d+/i.test(l));
    assert.deepEqual(hits.map(({ l, i }) => `${page}:${i + 1}: ${l.trim()}`), []);
  }
});

it('every pinned `ultralytics-sync@X.Y.Z` in the docs is the package\'s version', () => {
  const { version } = JSON.parse(read('package.json')) as { version: string };
  for (const page of pages()) {
    for (const m of read(page).matchAll(/ultralytics-sync@(\d+\.\d+\.\d+\S*)/g)) {
      assert.equal(m[1], version, `${page} pins ultralytics-sync@${m[1]}; the package is ${version} (RELEASING.md)`);
    }
  }
});

it('CONTRIBUTING.md points to docs/how-it-works.md', () => {
  const text = read('CONTRIBUTING.md');
  assert.match(text, /\]\(docs\/how-it-works\.md\)/);
  assert.deepEqual(brokenLinks('CONTRIBUTING.md', text), []);
});

it('the CLI surface is read from the built CLI: every input is a flag, and each subcommand has its help', () => {
  const sync = surface.flags.get('');
  assert.ok(sync);
  for (const d of INPUT_DOCS) assert.ok(sync.has(`--${d.name}`), `--${d.name}`);
  for (const sub of ['watch', 'run', 'prepare', 'emulator']) assert.ok(surface.flags.has(sub), `subcommand ${sub}`);
  assert.ok(surface.flags.get('watch')?.has('--pid'));
  assert.ok(surface.flags.get('emulator')?.has('--port'));
  assert.ok(surface.flags.get('prepare')?.has('--download-dir'));
});

for (const page of pages()) {
  describe(page, () => {
    const text = read(page);

    it('every relative link, image and #anchor resolves', () => {
      assert.deepEqual(brokenLinks(page, text), []);
    });

    it('every yaml block parses, and the steps that use this action pass real inputs and read real outputs', () => {
      const { blocks, problems } = yamlBlocks(page, text);
      assert.deepEqual([...problems, ...actionUseProblems(page, blocks)], []);
    });

    it('every `ultralytics-sync …` command line uses a subcommand and flags that exist', () => {
      assert.deepEqual(commandLineProblems(page, text, surface).problems, []);
    });

    it('the files, folders and names of the code it mentions exist', () => {
      assert.deepEqual(codeReferenceProblems(page, text), []);
    });

    it('its workflow blocks pass actionlint', (t) => {
      const workflows = yamlBlocks(page, text)
        .blocks.filter((b) => b.workflow)
        .map((b) => ({ name: `${page}-line-${b.line}`, workflow: b.workflow as Record<string, unknown> }));
      if (workflows.length === 0) return;
      if ('missing' in lint) {
        console.log(`${page}: ${lint.missing}`);
        t.skip(lint.missing);
        return;
      }
      assert.deepEqual(actionlint(lint.command, workflows), []);
    });
  });
}

describe('the checks fail on a broken page', () => {
  it('a link to a missing file, a missing anchor, a link out of the repository', () => {
    const page = [
      '# Title',
      '## Live sync: `run --` and `watch`',
      '[ok](#title) [ok](#live-sync-run----and-watch) [ok](live-sync.md#how-the-end-is-inferred) [web](https://example.com/x)',
      '[gone](no-such-page.md) [bad anchor](#nothing) [bad anchor elsewhere](hub.md#nothing) [out](../../etc/passwd)',
      '![missing picture](missing.png)',
      '```md',
      '[inside a code block](not-checked.md)',
      '```',
    ].join('\n');
    const problems = brokenLinks('docs/test.md', page);
    assert.equal(problems.length, 5, problems.join('\n'));
    assert.match(problems[0], /docs\/no-such-page\.md does not exist/);
    assert.match(problems[1], /no heading with the anchor #nothing/);
    assert.match(problems[2], /docs\/hub\.md has no heading with the anchor #nothing/);
    assert.match(problems[3], /leaves the repository/);
    assert.match(problems[4], /missing\.png does not exist/);
  });

  it('a file of the code renamed, or a name moved out of its file', () => {
    const page = [
      'The session is built in `src/session/setup.ts` by `createBackend()` in `src/session/setup.ts`.',
      'Gone: `src/session/old.ts`, and `makeBackend()` in `src/session/setup.ts`.',
      'The runs layer `src/runs/` is coming.',
    ].join('\n');
    assert.deepEqual(codeReferenceProblems('docs/test.md', page), [
      'docs/test.md:2: `src/session/old.ts` does not exist',
      'docs/test.md:2: `makeBackend` is not in `src/session/setup.ts`',
    ]);
  });

  it('a renamed page breaks the README (its links are checked against the files)', () => {
    const readme = read('README.md').replace('](docs/live-sync.md)', '](docs/live.md)');
    assert.match(brokenLinks('README.md', readme).join('\n'), /docs\/live\.md does not exist/);
  });

  it('GitHub heading anchors: punctuation dropped, spaces to hyphens, code marks gone', () => {
    assert.equal(slug('Quick start: Ultralytics Platform'), 'quick-start-ultralytics-platform');
    assert.equal(slug('In another CI system or a shell: `run --` and `watch`'), 'in-another-ci-system-or-a-shell-run----and-watch');
    assert.equal(slug('Keys, paths & [files](x.md)'), 'keys-paths--files');
  });

  it('a flag that does not exist, a subcommand that does not exist, a flag of another subcommand', () => {
    const bad = (line: string) => commandLines(line).flatMap((w) => commandProblems(w, surface));
    assert.deepEqual(bad('npx ultralytics-sync --run-dir runs/x --project a/b --json > out.json'), []);
    assert.deepEqual(bad('ultralytics-sync run --project a/b -- yolo train --not-ours 1'), []);
    assert.deepEqual(bad('eval "yolo train $(npx ultralytics-sync prepare --backend hub --model ID)"'), []);
    assert.match(bad('ultralytics-sync --run-dirs runs/x').join(), /`--run-dirs` is not a flag of `ultralytics-sync`/);
    assert.match(bad('ultralytics-sync --pid 12').join(), /`--pid` is not a flag of `ultralytics-sync`/);
    assert.match(bad('ultralytics-sync prepare --project a/b').join(), /`--project` is not a flag of `ultralytics-sync prepare`/);
    assert.match(bad('ultralytics-sync sync --project a/b').join(), /unknown subcommand `sync`/);
    assert.match(bad('ultralytics-sync --run-dir runs/x \\\n  --baseline-file r.json').join(), /--baseline-file/);
  });

  it('a flag renamed in a page, in a shell block, a GitLab script and a code span', () => {
    const page = [
      '```bash',
      'ultralytics-sync --run-dir runs/detect/train --max-map-drops 0.01',
      '```',
      '```yaml',
      'send:',
      '  script:',
      '    - >',
      '      npx --yes ultralytics-sync@0.1.0',
      '      --run-dir runs/x --log-files train.log',
      '```',
      'Run `ultralytics-sync watch --pids 1` beside it.',
    ].join('\n');
    const { problems, checked } = commandLineProblems('docs/test.md', page, surface);
    assert.equal(checked, 3);
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems.join('\n'), /--max-map-drops[\s\S]*--log-files[\s\S]*--pids/);
  });

  it('a yaml block that does not parse, an input or output renamed in a workflow', () => {
    const page = [
      '```yaml',
      '      - id: sync',
      '        uses: ultralytics-sync/ultralytics-sync@v0',
      '        with:',
      '          run-dirs: runs/x',
      '          project: acme/helmets',
      '      - run: echo "${{ steps.sync.outputs.model-urls }} ${{ steps.sync.outputs.map }}"',
      '```',
      '```yaml',
      'key: [unclosed',
      '```',
    ].join('\n');
    const { blocks, problems } = yamlBlocks('docs/test.md', page);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /docs\/test\.md:10: the yaml block does not parse/);
    assert.ok(blocks[0].workflow, 'a list of steps is completed into a workflow');
    assert.deepEqual(actionUseProblems('docs/test.md', blocks), [
      'docs/test.md:2: the step passes `run-dirs`, which is not an input in action.yml',
      'docs/test.md:2: reads steps.sync.outputs.model-urls, which is not an output in action.yml',
    ]);
  });

  it('actionlint reports a broken workflow', (t) => {
    if ('missing' in lint) {
      t.skip(lint.missing);
      return;
    }
    const workflow = { on: 'push', jobs: { a: { 'runs-on': 'ubuntu-latest', 'timeout-minute': 5, steps: [{ run: 'echo ${{ github.nothing }}' }] } } };
    const problems = actionlint(lint.command, [{ name: 'broken', workflow }]);
    assert.ok(problems.length >= 2, problems.join('\n'));
    assert.match(problems.join('\n'), /timeout-minute/);
  });
});
