/**
 * What a release relies on: the release notes that scripts/release-notes.mjs cuts from a Keep a
 * Changelog file (the release workflow fails without them), a CHANGELOG that has the section of
 * package.json's version, one license everywhere, and the bin's `emulator` subcommand that the
 * npm package offers for offline tests. The pack-install-run check itself is
 * `npm run pack-check` (in .ci/run).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CLI, ROOT } from '../e2e/harness.js';

const NOTES = path.join(ROOT, 'scripts/release-notes.mjs');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

function notes(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [NOTES, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempChangelog(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-changelog-'));
  const file = path.join(dir, 'CHANGELOG.md');
  fs.writeFileSync(file, text);
  return file;
}

const SAMPLE = `# Changelog

## [Unreleased]

- Something not yet released.

## [1.3.0-rc.1] - 2027-02-01

### Added

- A release candidate.

## [1.2.0] - 2027-01-15

### Fixed

- The last section, before the links.

## [1.1.0]

- An undated section.

## [1.0.0] - 2026-12-24

[Unreleased]: https://github.com/o/r/compare/v1.2.0...HEAD
[1.2.0]: https://github.com/o/r/compare/v1.0.0...v1.2.0
`;

describe('scripts/release-notes.mjs', () => {
  it('prints the body of the version tag’s section, up to the next section', () => {
    const file = tempChangelog(SAMPLE);
    const r = notes(['v1.3.0-rc.1', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '### Added\n\n- A release candidate.\n');
  });

  it('stops at the link definitions and accepts a bare version or a full ref', () => {
    const file = tempChangelog(SAMPLE);
    for (const tag of ['1.2.0', 'v1.2.0', 'refs/tags/v1.2.0']) {
      const r = notes([tag, file]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '### Fixed\n\n- The last section, before the links.\n', tag);
    }
  });

  it('refuses a version without a section, an undated or empty section, and a tag that is no version', () => {
    const file = tempChangelog(SAMPLE);
    const cases: [string, RegExp][] = [
      ['v2.0.0', /no section "## \[2\.0\.0\] - YYYY-MM-DD": move the Unreleased entries under it/],
      ['v1.1.0', /line 19: "## \[1\.1\.0\]" lacks its date: write "## \[1\.1\.0\] - YYYY-MM-DD"/],
      ['v1.0.0', /the section of 1\.0\.0 is empty/],
      ['v1.2', /"v1\.2" is not a version tag such as v1\.2\.3/],
      ['Unreleased', /not a version tag/],
    ];
    for (const [tag, message] of cases) {
      const r = notes([tag, file]);
      assert.equal(r.code, 1, tag);
      assert.equal(r.stdout, '', tag);
      assert.match(r.stderr, message, tag);
    }
    assert.match(notes(['v1.2.0', path.join(path.dirname(file), 'missing.md')]).stderr, /cannot read .*missing\.md/);
  });
});

describe('CHANGELOG.md', () => {
  const text = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');

  it('has release notes for package.json’s version, so that tagging it can release', () => {
    const r = notes([`v${pkg.version as string}`]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^### (Added|Changed|Fixed|Removed|Deprecated|Security)$/m);
    assert.doesNotMatch(r.stdout, /^## |^\[[^\]]+\]: /m, 'one section, no link definitions');
  });

  it('keeps an Unreleased section first and a link for every section', () => {
    const sections = [...text.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1]);
    assert.equal(sections[0], 'Unreleased');
    for (const s of sections) assert.match(text, new RegExp(`^\\[${s.replace(/\./g, '\\.')}\\]: https://`, 'm'), `link for [${s}]`);
  });
});

describe('the license', () => {
  it('is MIT in LICENSE, package.json and the README', () => {
    assert.match(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} ultralytics-sync contributors\n/);
    assert.equal(pkg.license, 'MIT');
    assert.equal(pkg.private, undefined, 'the package is publishable');
    assert.ok((pkg.files as string[]).includes('LICENSE'));
    assert.match(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), /^## License\n\nMIT: see \[LICENSE\]\(LICENSE\)/m);
  });
});

describe('ultralytics-sync emulator', () => {
  it('starts the bundled emulator on a free loopback port and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 20 s: ${out}`)), 20_000);
      child.stdout.on('data', (d) => {
        out += d;
        // The URL, then the environment lines; the last one closes the announcement.
        const m = /^ultralytics emulator listening on (http:\/\/127\.0\.0\.1:\d+)$[\s\S]*^ULTRALYTICS_HUB_API=.*\n/m.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    }).catch((err: Error) => {
      child.kill('SIGKILL');
      throw err;
    });
    try {
      assert.match(out, new RegExp(`^ULTRALYTICS_PLATFORM_URL=${url}\nULTRALYTICS_HUB_API=${url}\n`, 'm'));
      const res = await fetch(`${url}/_emulator/state`);
      assert.equal(res.status, 200);
      const state = (await res.json()) as { requests: unknown[]; protocolErrors: unknown[] };
      assert.deepEqual(state.requests, []);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await closed, 0);
  });

  it('passes its own flags on: a bad port exits 2 with the usage; the sync flags do not apply', () => {
    const bad = spawnSync(process.execPath, [CLI, 'emulator', '--port', 'nope'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--port nope is not a port number; usage: emulator \[--port N\] \[--quiet\]/);
    const help = spawnSync(process.execPath, [CLI, 'emulator', '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^usage: emulator /);
    const sync = spawnSync(process.execPath, [CLI, 'emulatr'], { encoding: 'utf8' });
    assert.equal(sync.status, 2, 'anything else is the sync CLI, which takes no positional argument');
  });
});
