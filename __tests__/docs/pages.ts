/**
 * Checks of the documentation pages (README.md and docs/*.md) against the code, for pages.test.ts:
 *
 *   - every relative link and image resolves, and so does its #anchor (GitHub's heading slugs);
 *   - every ```yaml block parses; in a GitHub workflow (or a fragment of one), a step that uses
 *     this action passes only inputs action.yml has and reads only outputs it has;
 *   - the workflow blocks, completed into whole workflows, pass actionlint (when it is installed:
 *     `actionlint` on PATH, or the command in $ACTIONLINT);
 *   - every `ultralytics-sync …` command line, in code blocks and code spans, uses a subcommand and
 *     flags that exist. The flags are taken from the built CLI's own `--help` of each subcommand,
 *     which is generated from src/inputs/catalog.ts: nothing here lists them.
 *
 * Each check is a function of a page's text that returns its problems, so a test can feed it a
 * broken page and see it fail.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { ROOT, readActionYml } from './docs.js';

/** README.md and every page of docs/, as paths relative to the repository root. */
export function pages(): string[] {
  const docs = fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

export interface Block {
  lang: string;
  text: string;
  /** 1-based line of the block's first line of content. */
  line: number;
}

/** The fenced code blocks of a Markdown text. */
export function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j].trimStart().startsWith(fence) && lines[j].trim().replace(/[`~]/g, '') === ''); j++) {
      body.push(lines[j].startsWith(open[1]) ? lines[j].slice(open[1].length) : lines[j]);
    }
    blocks.push({ lang: open[3].toLowerCase(), text: body.join('\n'), line: i + 2 });
    i = j;
  }
  return blocks;
}

/** The text with fenced blocks blanked (line count kept), for what is prose. */
export function prose(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === null && m) {
      fence = m[1];
      out.push('');
    } else if (fence !== null) {
      if (line.trimStart().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = null;
      out.push('');
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}

/** The code spans of the prose (`…`), with their lines. */
export function codeSpans(markdown: string): { text: string; line: number }[] {
  const spans: { text: string; line: number }[] = [];
  prose(markdown)
    .split('\n')
    .forEach((l, i) => {
      for (const m of l.matchAll(/(`+)(.+?)\1/g)) spans.push({ text: m[2].trim(), line: i + 1 });
    });
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Links and anchors

/** GitHub's anchor for a heading (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/<[^>]+>/g, ''); // inline HTML
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a page offers: its headings' slugs (repeated ones numbered as GitHub does), and ids. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of prose(markdown).split('\n')) {
    const h = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      const base = slug(h[1]);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      out.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of line.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) out.add(m[1]);
  }
  return out;
}

/** The links and images of the prose: `[text](target)`, `![alt](src)`, `<img src>`, `<a href>`. */
export function links(markdown: string): { target: string; line: number }[] {
  const out: { target: string; line: number }[] = [];
  prose(markdown)
    .split('\n')
    .forEach((raw, i) => {
      const l = raw.replace(/(`+).+?\1/g, ''); // not inside code spans
      for (const m of l.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ target: m[1], line: i + 1 });
      for (const m of l.matchAll(/<(?:img|a)\s[^>]*(?:src|href)="([^"]+)"/g)) out.push({ target: m[1], line: i + 1 });
    });
  return out;
}

/**
 * The broken relative links of `markdown`, the text of `file` (relative to the root). `read` gives
 * another file's text (for its anchors); tests pass their own.
 */
export function brokenLinks(file: string, markdown: string, read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8')): string[] {
  const problems: string[] = [];
  for (const { target, line } of links(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    const [rawPath, anchor] = target.split('#', 2) as [string, string | undefined];
    const rel = decodeURIComponent(rawPath);
    const resolved = rel === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), rel));
    const where = `${file}:${line}: ${target}`;
    if (resolved.startsWith('..')) {
      problems.push(`${where}: leaves the repository`);
      continue;
    }
    const abs = path.join(ROOT, resolved);
    if (resolved !== file && !fs.existsSync(abs)) {
      problems.push(`${where}: ${resolved} does not exist`);
      continue;
    }
    if (anchor !== undefined && resolved.endsWith('.md')) {
      const text = resolved === file ? markdown : read(resolved);
      if (!anchors(text).has(anchor)) problems.push(`${where}: ${resolved} has no heading with the anchor #${anchor}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// YAML workflow blocks

export interface YamlBlock extends Block {
  value: unknown;
  /** The block completed into a whole GitHub Actions workflow; null when it is not one (GitLab CI). */
  workflow: Record<string, unknown> | null;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A workflow, a job's part with `steps`, or a list of steps, completed into a whole workflow. */
export function asWorkflow(value: unknown): Record<string, unknown> | null {
  const isSteps = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((s) => isMap(s) && ('uses' in s || 'run' in s));
  if (isMap(value) && isMap(value.jobs)) return 'on' in value ? value : { on: 'workflow_dispatch', ...value };
  if (isMap(value) && isSteps(value.steps)) return { on: 'workflow_dispatch', jobs: { example: { 'runs-on': 'ubuntu-latest', ...value } } };
  if (isSteps(value)) return { on: 'workflow_dispatch', jobs: { example: { 'runs-on': 'ubuntu-latest', steps: value } } };
  return null;
}

/** Every ```yaml block, parsed; a block that does not parse is a problem. */
export function yamlBlocks(file: string, markdown: string): { blocks: YamlBlock[]; problems: string[] } {
  const blocks: YamlBlock[] = [];
  const problems: string[] = [];
  for (const b of codeBlocks(markdown)) {
    if (b.lang !== 'yaml' && b.lang !== 'yml') continue;
    const docs = parseAllDocuments(b.text);
    const errors = (Array.isArray(docs) ? docs : [docs]).flatMap((d) => d.errors);
    if (errors.length > 0) {
      problems.push(`${file}:${b.line}: the yaml block does not parse: ${errors.map((e) => e.message).join('; ')}`);
      continue;
    }
    const value = parse(b.text) as unknown;
    blocks.push({ ...b, value, workflow: asWorkflow(value) });
  }
  return { blocks, problems };
}

/** A step that uses this action: `uses: ultralytics-sync/ultralytics-sync@…` (or `./` in this repository). */
function isOurStep(step: Record<string, unknown>): boolean {
  return typeof step.uses === 'string' && /^(ultralytics-sync\/ultralytics-sync@|\.\/?$)/.test(step.uses);
}

/** In each workflow block: the inputs our steps pass and the outputs read from them exist. */
export function actionUseProblems(file: string, blocks: YamlBlock[], meta = readActionYml()): string[] {
  const inputs = new Set(Object.keys(meta.inputs ?? {}));
  const outputs = new Set(Object.keys(meta.outputs ?? {}));
  const problems: string[] = [];
  for (const b of blocks) {
    if (!b.workflow) continue;
    const ours = new Set<string>();
    for (const job of Object.values(b.workflow.jobs as Record<string, unknown>)) {
      const steps = isMap(job) && Array.isArray(job.steps) ? job.steps : [];
      for (const step of steps) {
        if (!isMap(step) || !isOurStep(step)) continue;
        if (typeof step.id === 'string') ours.add(step.id);
        for (const key of Object.keys(isMap(step.with) ? step.with : {})) {
          if (!inputs.has(key)) problems.push(`${file}:${b.line}: the step passes \`${key}\`, which is not an input in action.yml`);
        }
      }
    }
    for (const m of b.text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (ours.has(m[1]) && !outputs.has(m[2])) problems.push(`${file}:${b.line}: reads steps.${m[1]}.outputs.${m[2]}, which is not an output in action.yml`);
    }
  }
  return problems;
}

/** The actionlint command: $ACTIONLINT (split on spaces), else `actionlint` when on PATH; or why not. */
export function actionlintCommand(): { command: string[] } | { missing: string } {
  const fromEnv = process.env.ACTIONLINT?.trim();
  if (fromEnv) return { command: fromEnv.split(/\s+/) };
  const probe = spawnSync('actionlint', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return {
      missing:
        'actionlint is not installed here, so the docs\' workflow blocks were parsed but not linted. CI lints them in its ' +
        'actionlint job; to lint them here, put actionlint on PATH or set ACTIONLINT to a command that runs it.',
    };
  }
  return { command: ['actionlint'] };
}

/**
 * Runs actionlint on the workflow blocks of the pages, written to files under build/ (inside the
 * repository, so that a containerised actionlint that mounts it sees them). Returns its findings.
 */
export function actionlint(command: string[], workflows: { name: string; workflow: Record<string, unknown> }[]): string[] {
  const dir = path.join(ROOT, 'build/docs-workflows');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = workflows.map(({ name, workflow }) => {
    const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '-')}.yml`);
    fs.writeFileSync(file, stringify(workflow, { lineWidth: 0 }));
    return file;
  });
  if (files.length === 0) return [];
  // The config names the self-hosted runner labels the examples use (`gpu`).
  const config = ['-config-file', path.join(ROOT, '.github/actionlint.yaml')];
  const run = spawnSync(command[0], [...command.slice(1), ...config, '-no-color', '-oneline', ...files], { cwd: ROOT, encoding: 'utf8' });
  if (run.error) throw new Error(`actionlint (${command.join(' ')}) did not start: ${run.error.message}`);
  if (run.status === 0) return [];
  const out = `${run.stdout}${run.stderr}`.trim();
  if (run.status !== 1) throw new Error(`actionlint (${command.join(' ')}) exited ${run.status}: ${out}`);
  return out.split('\n').map((l) => l.replace(`${ROOT}${path.sep}`, ''));
}

// ---------------------------------------------------------------------------------------------
// Command lines

/** The CLI's subcommands and the flags each takes, read from the built CLI's own help. */
export interface CliSurface {
  /** '' is the plain sync. */
  flags: Map<string, Set<string>>;
}

function help(args: string[]): string {
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** Flags a help text documents: each at the start of a line of its flag column, or in a usage line of `sub`. */
export function helpFlags(text: string, sub: string): Set<string> {
  const flags = new Set<string>(['--help']);
  for (const line of text.split('\n')) {
    const lead = /^\s{2,}(--[a-z][a-z0-9-]*)/.exec(line);
    if (lead) flags.add(lead[1]);
    if (sub && (line.includes(`ultralytics-sync ${sub} `) || new RegExp(`^usage:\\s+${sub}\\s`, 'i').test(line))) {
      for (const m of line.matchAll(/\[?(--[a-z][a-z0-9-]*)/g)) flags.add(m[1]);
    }
  }
  return flags;
}

/** Reads the subcommands from the main help's usage lines and the package's bin, then each one's flags. */
export function cliSurface(): CliSurface {
  const cli = path.join(ROOT, 'build/src/cli.js');
  const main = help([cli, '--help']);
  const flags = new Map<string, Set<string>>([['', helpFlags(main, '')]]);
  const usage = main.slice(main.indexOf('Usage:'), main.indexOf('\n\n', main.indexOf('Usage:')));
  for (const m of usage.matchAll(/^\s+ultralytics-sync\s+([a-z]+)\b/gm)) {
    flags.set(m[1], helpFlags(help([cli, m[1], '--help']), m[1]));
  }
  // Subcommands the package's bin dispatches before the CLI (`emulator`).
  const bin = fs.readFileSync(path.join(ROOT, 'bin/ultralytics-sync.js'), 'utf8');
  for (const m of bin.matchAll(/process\.argv\[2\] === '([a-z]+)'/g)) {
    if (m[1] === 'emulator') flags.set('emulator', helpFlags(help([path.join(ROOT, 'build/emulator/main.js'), '--help']), 'emulator'));
    else if (!flags.has(m[1])) throw new Error(`bin/ultralytics-sync.js dispatches '${m[1]}': teach __tests__/docs/pages.ts where its help is`);
  }
  return { flags };
}

/** Shell-like words of a command's rest of line, up to an unquoted |, >, <, ;, &, ), ` or # comment. */
export function shellWords(rest: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === "'" || c === '"') {
      const end = rest.indexOf(c, i + 1);
      if (end < 0) break; // an unterminated quote (Groovy's closing one): the command ends here
      word += rest.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '\\' && i + 1 < rest.length) {
      word += rest[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if ('|><;&)`'.includes(c) || (c === '#' && !inWord)) {
      break;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** The command lines that run this CLI: `ultralytics-sync …` or `npx [--yes] ultralytics-sync[@v] …`. */
export function commandLines(text: string): string[][] {
  const joined = text.replace(/\\\n\s*/g, ' ');
  const out: string[][] = [];
  for (const line of joined.split('\n')) {
    for (const m of line.matchAll(/(?:^|[\s"'(=$])ultralytics-sync(?:@[\w.-]+)?(?=\s|$)/g)) {
      out.push(shellWords(line.slice((m.index ?? 0) + m[0].length)));
    }
  }
  return out;
}

/** Every string in a parsed YAML value (a GitLab script folded into one line is one string). */
function yamlStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(yamlStrings);
  if (isMap(value)) return Object.values(value).flatMap(yamlStrings);
  return [];
}

/** What is wrong with one command line's words, for the CLI `surface`. */
export function commandProblems(words: string[], surface: CliSurface): string[] {
  const first = words[0];
  const sub = first !== undefined && !first.startsWith('-') ? first : '';
  if (sub && !surface.flags.has(sub)) {
    if (/^[A-Z_…]|…/.test(sub)) return []; // a placeholder (`ultralytics-sync …`)
    return [`unknown subcommand \`${sub}\` (the CLI has ${[...surface.flags.keys()].filter(Boolean).join(', ')})`];
  }
  const allowed = surface.flags.get(sub) as Set<string>;
  const problems: string[] = [];
  for (const w of sub ? words.slice(1) : words) {
    if (w === '--') break; // `run -- <training command>`
    if (!/^--[a-z]/.test(w)) continue;
    const flag = w.split('=')[0];
    if (!allowed.has(flag)) problems.push(`\`${flag}\` is not a flag of \`ultralytics-sync${sub ? ` ${sub}` : ''}\``);
  }
  return problems;
}

/** The command lines of a page (code blocks, code spans, YAML scripts) whose flags do not exist. */
export function commandLineProblems(file: string, markdown: string, surface: CliSurface): { problems: string[]; checked: number } {
  const found: { words: string[]; line: number }[] = [];
  for (const b of codeBlocks(markdown)) {
    const texts = b.lang === 'yaml' || b.lang === 'yml' ? yamlStrings(safeParse(b.text)) : [b.text];
    for (const t of texts) for (const words of commandLines(t)) found.push({ words, line: b.line });
  }
  for (const s of codeSpans(markdown)) for (const words of commandLines(s.text)) found.push({ words, line: s.line });
  const problems = found.flatMap(({ words, line }) =>
    commandProblems(words, surface).map((p) => `${file}:${line}: ultralytics-sync ${words.join(' ')}: ${p}`),
  );
  return { problems, checked: found.length };
}

function safeParse(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Paths and names of the code

const CODE_PATH = /^(?:src|emulator|examples|bench|scripts|__tests__|docs|dist|bin|\.github)\/[\w.\/-]*$/;

/** A path under a folder .gitignore lists (`bench/results/`): written by a command, not committed. */
function generated(p: string): boolean {
  const ignored = fs
    .readFileSync(path.join(ROOT, '.gitignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.endsWith('/') && !l.startsWith('#'));
  return ignored.some((dir) => p.startsWith(dir));
}

/**
 * Code spans that name a file or folder of the repository (`src/session/setup.ts`) and do not
 * exist, and spans that name a symbol in a file (`createBackend()` in `src/session/setup.ts`) that
 * the file does not hold. A line that says the thing is "coming" may name what is not there yet.
 */
export function codeReferenceProblems(file: string, markdown: string, exists = (p: string) => fs.existsSync(path.join(ROOT, p))): string[] {
  const problems: string[] = [];
  const lines = prose(markdown).split('\n');
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    const coming = /\bcoming\b/i.test(line);
    for (const m of line.matchAll(/`([^`]+)`/g)) {
      const p = m[1].replace(/\/$/, '');
      if (CODE_PATH.test(m[1]) && !exists(p) && !coming && !generated(p)) problems.push(`${where}: \`${m[1]}\` does not exist`);
    }
    for (const m of line.matchAll(/`([A-Za-z_$][\w$]*)(?:\(\))?` (?:in|of|from) `([\w./-]+\.(?:ts|mjs|js))`/g)) {
      if (!exists(m[2])) continue; // reported above
      const text = fs.readFileSync(path.join(ROOT, m[2]), 'utf8');
      if (!new RegExp(`\\b${m[1].replace(/\$/g, '\\$')}\\b`).test(text)) problems.push(`${where}: \`${m[1]}\` is not in \`${m[2]}\``);
    }
  });
  return problems;
}
