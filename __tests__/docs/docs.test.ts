/**
 * README, action.yml and src/inputs/catalog.ts must say the same: every input and output with its
 * description and default, in the same order. Fails with the command that fixes the drift.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { INPUT_DOCS, OUTPUT_DOCS } from '../../src/inputs/catalog.js';
import { Inputs } from '../../src/inputs/inputs.js';
import { END, README, ROOT, START, expectedReadme, readActionYml, renderTables, replaceBetweenMarkers } from './docs.js';

const meta = readActionYml();

describe('action.yml', () => {
  it('has a name, a description, an author and branding', () => {
    assert.match(meta.name ?? '', /\S/);
    assert.match(meta.description ?? '', /\S{10}/);
    assert.ok(meta.description && meta.description.length < 125, 'the Marketplace refuses a description of 125 characters or more');
    assert.match(meta.author ?? '', /\S/);
    assert.match(meta.branding?.icon ?? '', /^[a-z0-9-]+$/);
    assert.match(meta.branding?.color ?? '', /^(white|black|yellow|blue|green|orange|red|purple|gray-dark)$/);
  });

  it('runs the committed bundle on node24', () => {
    assert.equal(meta.runs?.using, 'node24');
    assert.ok(fs.existsSync(path.join(ROOT, meta.runs?.main ?? 'missing')), `${meta.runs?.main} exists`);
  });

  it('has every input of the catalog, in order, with the same description and default', () => {
    const inputs = meta.inputs ?? {};
    assert.deepEqual(Object.keys(inputs), INPUT_DOCS.map((d) => d.name), 'run `npm run docs` after changing both');
    for (const d of INPUT_DOCS) {
      const i = inputs[d.name];
      assert.equal(i?.description, d.description, `description of ${d.name}: make action.yml and catalog.ts identical`);
      assert.ok(i && 'default' in i, `${d.name} states its default ('' when computed at run time)`);
      assert.equal(i?.default, d.default, `default of ${d.name}`);
      assert.equal(i?.required, false, `${d.name}: every input is optional`);
      assert.match(d.example, /\S/, `${d.name} has an example for --help`);
    }
  });

  it('documents exactly the inputs the code reads', () => {
    assert.deepEqual(Object.keys(meta.inputs ?? {}).sort(), (Object.values(Inputs) as string[]).sort());
  });

  it('has every output of the catalog, in order, with the same description', () => {
    const outputs = meta.outputs ?? {};
    assert.deepEqual(Object.keys(outputs), OUTPUT_DOCS.map((o) => o.name));
    for (const o of OUTPUT_DOCS) assert.equal(outputs[o.name]?.description, o.description, `description of output ${o.name}`);
  });
});

describe('README inputs and outputs table', () => {
  it('is the one generated from action.yml (run `npm run docs` to update it)', () => {
    const readme = fs.readFileSync(README, 'utf8');
    assert.equal(readme, expectedReadme(readme, meta), 'README.md is stale: run `npm run docs`');
  });

  it('lists every input with its default and every output, and keeps <placeholders> visible', () => {
    const tables = renderTables(meta);
    for (const d of INPUT_DOCS) {
      const row = tables.split('\n').find((l) => l.startsWith(`| \`${d.name}\` |`));
      assert.ok(row, `row for ${d.name}`);
      assert.ok(row.endsWith(d.default ? `| \`${d.default}\` |` : '|  |'), row);
    }
    for (const o of OUTPUT_DOCS) assert.match(tables, new RegExp(`^\\| \`${o.name}\` \\| `, 'm'));
    assert.match(tables, /Default: &lt;run-dir&gt;\/results\.csv\./);
    assert.doesNotMatch(tables, /<run-dir>/);
  });

  it('notices a description changed in action.yml only', () => {
    const changed = structuredClone(meta);
    const input = changed.inputs?.['run-dir'];
    assert.ok(input);
    input.description = 'Something else | with a pipe';
    const readme = fs.readFileSync(README, 'utf8');
    assert.notEqual(expectedReadme(readme, changed), readme);
    assert.match(renderTables(changed), /\| `run-dir` \| Something else \\\| with a pipe \|/);
  });

  it('refuses a README without the markers', () => {
    assert.throws(() => replaceBetweenMarkers('# no markers', 'x'), new RegExp(`needs the markers ${START} and ${END}`));
    assert.equal(replaceBetweenMarkers(`a\n${START}\nold\n${END}\nb`, 'new'), `a\n${START}\nnew\n${END}\nb`);
  });
});
