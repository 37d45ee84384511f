#!/usr/bin/env node
/**
 * `node scripts/release-notes.mjs v1.2.3 [CHANGELOG.md]`: prints the notes of one version from a
 * "Keep a Changelog" file, for the GitHub release (see .github/workflows/release.yml).
 *
 * The section is the one headed `## [1.2.3] - YYYY-MM-DD`; its body runs to the next `## ` heading
 * or to the link definitions at the end (`[1.2.3]: https://…`). Exits 1 with the fix when the
 * version has no dated section, or an empty one: a release never goes out without its notes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node scripts/release-notes.mjs <vX.Y.Z | X.Y.Z> [CHANGELOG.md]';

function fail(message) {
  console.error(`release-notes: ${message}`);
  process.exit(1);
}

const [tag, file = path.join(ROOT, 'CHANGELOG.md')] = process.argv.slice(2);
if (!tag || tag === '--help') fail(USAGE);
const version = tag.replace(/^refs\/tags\//, '').replace(/^v/, '');
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) fail(`"${tag}" is not a version tag such as v1.2.3; ${USAGE}`);

let text;
try {
  text = fs.readFileSync(file, 'utf8');
} catch (err) {
  fail(`cannot read ${file}: ${err.message}`);
}

const lines = text.split(/\r?\n/);
const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const heading = new RegExp(`^## \\[${escaped}\\]`);
const start = lines.findIndex((l) => heading.test(l));
const expected = `## [${version}] - YYYY-MM-DD`;
if (start < 0) fail(`${path.basename(file)} has no section "${expected}": move the Unreleased entries under it before tagging (RELEASING.md).`);
if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}\\s*$`).test(lines[start])) {
  fail(`${path.basename(file)} line ${start + 1}: "${lines[start]}" lacks its date: write "${expected}".`);
}
let end = start + 1;
while (end < lines.length && !/^## /.test(lines[end]) && !/^\[[^\]]+\]:\s/.test(lines[end])) end++;
const body = lines.slice(start + 1, end).join('\n').trim();
if (!body) fail(`${path.basename(file)} line ${start + 1}: the section of ${version} is empty: say what changed.`);
process.stdout.write(body + '\n');
