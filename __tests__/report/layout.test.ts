/**
 * src/report/ reads one way: no module of it imports (even a type) from a module that imports it
 * back, directly or around a circle, and format.ts, the shared formatting, imports nothing of it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../e2e/harness.js';

const DIR = path.join(ROOT, 'src/report');

/** Each module's imports within src/report/, type imports included. */
function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    const deps = [...text.matchAll(/\bfrom '\.\/([\w-]+)\.js'/g)].map((m) => `${m[1]}.ts`);
    g.set(file, [...new Set(deps)]);
  }
  return g;
}

/** A circle of imports, as a list of modules, or null. */
function findCycle(g: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const d of g.get(n) ?? []) {
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of g.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

describe('src/report/ layout', () => {
  it('has no circle of imports, type imports included', () => {
    const g = graph();
    assert.ok(g.size >= 10, 'the modules were read');
    assert.equal(findCycle(g)?.join(' → ') ?? null, null);
  });

  it('keeps format.ts a leaf and job.ts the top', () => {
    const g = graph();
    assert.deepEqual(g.get('format.ts'), []);
    for (const [file, deps] of g) assert.ok(!deps.includes('job.ts'), `${file} imports job.ts`);
  });

  it('finds a circle when there is one (the check can fail)', () => {
    assert.deepEqual(findCycle(new Map([['a.ts', ['b.ts']], ['b.ts', ['a.ts']]])), ['a.ts', 'b.ts', 'a.ts']);
  });
});
