/**
 * train-args quoting: the line a real POSIX shell parses must give the trainer each value byte for
 * byte, whatever the server put in it. Checked with /bin/sh itself, not with a second quoter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { argString, shellQuote } from '../../src/prepare/shell-quote.js';

/** The words `sh` makes of `line` (each printed NUL-terminated). */
function shellWords(line: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent' } });
  return out.split('\0').slice(0, -1);
}

const NASTY: Record<string, string> = {
  data: 'my datasets/coco 8.yaml',
  name: "it's a run",
  project: '$(touch /tmp/pwned) `id` $HOME ${PATH}',
  device: '0,1',
  cache: 'ram',
  glob: 'runs/*/weights/?.pt [x]',
  tilde: '~/data.yaml',
  hash: '#not a comment',
  semi: 'a;b && c | d > e < f',
  quotes: `"double" and 'single' and \\backslash`,
  newline: 'line one\nline two',
  unicode: 'données ✓',
  eq: 'a=b=c',
};

test('every value survives a real shell byte for byte, with no expansion and no command run', () => {
  const line = argString(NASTY);
  const words = shellWords(line);
  assert.deepEqual(
    words,
    Object.entries(NASTY).map(([k, v]) => `${k}=${v}`),
  );
});

test('plain values stay bare; anything else is single-quoted, with a quote inside as \'\\\'\'', () => {
  assert.equal(argString({ model: '/tmp/ultralytics-hub-AbC/last.pt', data: 'coco8.yaml', epochs: '100', resume: 'True', device: '0,1' }),
    'model=/tmp/ultralytics-hub-AbC/last.pt data=coco8.yaml epochs=100 resume=True device=0,1');
  assert.equal(shellQuote('my data.yaml'), "'my data.yaml'");
  assert.equal(shellQuote("it's"), `'it'\\''s'`);
  assert.equal(shellQuote('~/x'), "'~/x'", 'a tilde would be expanded after = by bash');
  assert.equal(shellQuote('[640,480]'), "'[640,480]'", 'brackets are a glob');
  assert.equal(shellQuote('https://hub.example/datasets/abc?x=1'), "'https://hub.example/datasets/abc?x=1'");
});

test('a value with a space in a URL and a quote stays one word per key', () => {
  const words = shellWords(argString({ data: "https://storage.example/a b/it's.zip", epochs: '3' }));
  assert.deepEqual(words, ["data=https://storage.example/a b/it's.zip", 'epochs=3']);
});
