/**
 * YAML from the run directory turned into values without the two traps of valid YAML: an alias
 * that refers to itself (`loop: &x [1, *x]`, which becomes a circular value that overflows the
 * stack of whatever walks it later) and an alias bomb (aliases of aliases that expand
 * exponentially). Both become a RunDirError that names the file.
 */
import type { Document, ToJSOptions } from 'yaml';
import { RunDirError } from './errors.js';

/** Aliases a document may expand; Ultralytics writes none, a hand-edited dataset YAML a few. */
const MAX_ALIAS_COUNT = 100;

/** Flow nesting (`[[[…]]]`) deeper than this is refused before parsing: the parser runs out of memory near 20 000. */
const MAX_FLOW_DEPTH = 1000;

/**
 * Refuses YAML text whose `[`/`{` nesting goes deeper than any real file, before the parser sees
 * it. Quoted text is skipped; the count is rough elsewhere, which only matters far past the limit.
 */
export function assertShallowYaml(text: string, file: string, fix: string): void {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
      else if (c === '\n') quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) {
        throw new RunDirError(`${file}: its YAML nests lists or mappings more than ${MAX_FLOW_DEPTH} deep, so it was not read. ${fix}`, { file });
      }
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
}

/** `doc.toJS()`, refusing an alias bomb and a recursive alias. `fix` ends the message: how to fix it. */
export function yamlToJS(doc: Document, file: string, fix: string, opts: ToJSOptions = {}): unknown {
  let value: unknown;
  try {
    value = doc.toJS({ ...opts, maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof ReferenceError || err instanceof RangeError) {
      throw new RunDirError(
        `${file}: its YAML aliases (*name) expand too far (more than ${MAX_ALIAS_COUNT} aliases, an "alias bomb"), so it was not read. ${fix}`,
        { file, cause: err },
      );
    }
    throw new RunDirError(`${file}: the YAML cannot be read: ${(err as Error).message}. ${fix}`, { file, cause: err });
  }
  if (isCircular(value)) {
    throw new RunDirError(
      `${file}: a YAML alias refers to the node that holds it (like \`loop: &x [1, *x]\`), so its value never ends and it was not read. ${fix}`,
      { file },
    );
  }
  return value;
}

/** Whether a value parsed from YAML contains itself. Iterative: a deep value cannot overflow the stack. */
function isCircular(root: unknown): boolean {
  const done = new Set<object>();
  const onPath = new Set<object>();
  const stack: { node: object; children: unknown[]; at: number }[] = [];
  const enter = (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null || done.has(v)) return false;
    if (onPath.has(v)) return true;
    onPath.add(v);
    stack.push({ node: v, children: childrenOf(v), at: 0 });
    return false;
  };
  if (enter(root)) return true;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.at < top.children.length) {
      if (enter(top.children[top.at++])) return true;
      continue;
    }
    stack.pop();
    onPath.delete(top.node);
    done.add(top.node);
  }
  return false;
}

function childrenOf(v: object): unknown[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Map) return [...v].flat();
  if (v instanceof Set) return [...v];
  return Object.values(v);
}
