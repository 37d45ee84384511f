/**
 * The README's table of inputs and outputs, generated from action.yml.
 *
 *   npm run docs                        # rewrite the table between the README's markers
 *   node build/__tests__/docs/docs.js   # check only: exit 1 when the README is stale
 *
 * docs.test.ts runs the same check, and compares action.yml with src/inputs/catalog.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const README = path.join(ROOT, 'README.md');
export const ACTION_YML = path.join(ROOT, 'action.yml');
export const START = '<!-- inputs:start -->';
export const END = '<!-- inputs:end -->';

export interface ActionMetadata {
  name?: string;
  description?: string;
  author?: string;
  branding?: { icon?: string; color?: string };
  inputs?: Record<string, { description?: string; required?: boolean; default?: string } | null>;
  outputs?: Record<string, { description?: string } | null>;
  runs?: { using?: string; main?: string };
}

export function readActionYml(text = fs.readFileSync(ACTION_YML, 'utf8')): ActionMetadata {
  return parse(text) as ActionMetadata;
}

/** Text for a table cell: no line breaks, no table break, no HTML (`<run-dir>` must stay visible). */
function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|');
}

/** The generated Markdown: an inputs table and an outputs table, in action.yml's order. */
export function renderTables(meta: ActionMetadata): string {
  const inputs = Object.entries(meta.inputs ?? {}).map(([name, i]) => {
    const def = i?.default ? `\`${i.default}\`` : '';
    return `| \`${name}\` | ${cell(i?.description ?? '')} | ${def} |`;
  });
  const outputs = Object.entries(meta.outputs ?? {}).map(([name, o]) => `| \`${name}\` | ${cell(o?.description ?? '')} |`);
  return [
    '<!-- Generated from action.yml by `npm run docs`; edit action.yml and src/inputs/catalog.ts instead. -->',
    '',
    '| Input | Description | Default |',
    '|---|---|---|',
    ...inputs,
    '',
    '| Output | Description |',
    '|---|---|',
    ...outputs,
  ].join('\n');
}

/** `readme` with the text between the markers replaced by `tables`. */
export function replaceBetweenMarkers(readme: string, tables: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`README.md needs the markers ${START} and ${END} (in that order) where the inputs table goes.`);
  }
  return `${readme.slice(0, start + START.length)}\n${tables}\n${readme.slice(end)}`;
}

/** The README as it should be, given the README and action.yml as they are. */
export function expectedReadme(readme = fs.readFileSync(README, 'utf8'), meta = readActionYml()): string {
  return replaceBetweenMarkers(readme, renderTables(meta));
}

function main(): number {
  const current = fs.readFileSync(README, 'utf8');
  const expected = expectedReadme(current);
  if (process.argv.includes('--write')) {
    if (expected !== current) fs.writeFileSync(README, expected);
    console.log(expected === current ? 'README.md is up to date.' : 'README.md: rewrote the inputs and outputs table.');
    return 0;
  }
  if (expected === current) return 0;
  console.error('README.md: the inputs and outputs table differs from action.yml. Run `npm run docs`.');
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
