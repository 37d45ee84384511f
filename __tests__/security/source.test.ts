/** Properties of the source that no single behaviour test shows. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

it('never turns TLS verification off', () => {
  for (const file of sources(path.join(ROOT, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|ignoreSslError|checkServerIdentity/, file);
  }
});

it('has no other HTTP client than @actions/http-client', () => {
  for (const file of sources(path.join(ROOT, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /\bhttps?\.(request|get)\(|from 'undici'|\bfetch\(|new XMLHttpRequest/, file);
    if (/import \* as https? from 'node:https?'/.test(text)) {
      assert.match(text, /client\.requestRaw\(/, `${file} uses node:http for something other than http-client's requestRaw`);
    }
  }
});
