#!/usr/bin/env node
/**
 * Renders a job summary (Markdown + mermaid) the way GitHub shows it, in headless Chromium, and
 * saves a screenshot. This is how docs/summary.png, the picture in the README, is made.
 *
 * Re-run it from the repository root:
 *
 *   apt-get install -y chromium fonts-noto-color-emoji   # once (Debian; the font draws ✅); or set CHROMIUM
 *   npm ci
 *   node docs/render-summary.mjs                       # runs `npm run demo`, renders its summary → docs/summary.png
 *   node docs/render-summary.mjs SUMMARY.md [OUT.png]  # renders any summary file
 *   CAPTION='github-actions bot commented' node docs/render-summary.mjs COMMENT.md docs/comment.png
 *                                                      # the pull-request comment (`npm run demo:pr` writes COMMENT.md)
 *   OPEN=2 node docs/render-summary.mjs SUMMARY.md     # with the 2nd folded run (<details>) opened, as if
 *                                                      # clicked; OPEN=1,3 opens several
 *
 * The pictures in the docs show several runs: `npm run demo:runs` writes main's job summary and the
 * pull request's comment, and prints the two commands that render them.
 *
 * The renderers (marked, mermaid) are not project dependencies: on first use they are installed
 * with npm into $RENDER_DEPS (default: <tmpdir>/ultralytics-sync-render), outside the repository.
 * Nothing is fetched while rendering: the page loads mermaid from that folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { escapeHtml as escape, measure as measurePage, screenshot as screenshotPage } from './chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEPS = process.env.RENDER_DEPS || path.join(os.tmpdir(), 'ultralytics-sync-render');
const PACKAGES = ['marked@18.2.1', 'mermaid@12.3.0'];
const WIDTH = 1100;
const CAPTION = process.env.CAPTION || 'train summary';
/** The folded parts (<details>) to show opened, 1-based. */
const OPEN = new Set((process.env.OPEN || '').split(',').filter(Boolean).map(Number));

const [summaryArg, outArg] = process.argv.slice(2);
const summaryFile = summaryArg ? path.resolve(summaryArg) : summaryOfTheDemo();
const outFile = path.resolve(outArg ?? path.join(ROOT, 'docs/summary.png'));

const { marked } = await import(pathToFileURL(resolveDep('marked')).href);
const mermaidJs = path.join(path.dirname(resolveDep('mermaid/package.json')), 'dist/mermaid.min.js');

const page = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'summary-render-')), 'summary.html');
fs.writeFileSync(page, html(fs.readFileSync(summaryFile, 'utf8')));
const height = measure(page);
screenshot(page, height, outFile);
console.log(`${path.relative(process.cwd(), outFile)}: ${WIDTH}×${height}, ${Math.round(fs.statSync(outFile).size / 1024)} KiB (from ${summaryFile})`);

/** Runs the demo and returns the path of the summary it wrote. */
function summaryOfTheDemo() {
  const run = spawnSync('npm', ['run', '--silent', 'demo'], { cwd: ROOT, encoding: 'utf8' });
  const found = /^Job summary: (.+)$/m.exec(run.stdout ?? '');
  if (run.status !== 0 || !found) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error('render-summary: `npm run demo` failed; fix that first.');
  }
  return found[1].trim();
}

/** Resolves a renderer package from DEPS, installing the pinned versions there once. */
function resolveDep(specifier) {
  const require = createRequire(path.join(DEPS, 'noop.js'));
  try {
    return require.resolve(specifier);
  } catch {
    console.log(`Installing ${PACKAGES.join(', ')} into ${DEPS} (once)…`);
    fs.mkdirSync(DEPS, { recursive: true });
    execFileSync('npm', ['install', '--prefix', DEPS, '--no-save', '--no-audit', '--no-fund', ...PACKAGES], { stdio: 'inherit' });
    return require.resolve(specifier);
  }
}

/** The summary as GitHub's job-summary page lays it out: Markdown with HTML, mermaid blocks as diagrams. */
function html(markdown) {
  const renderer = {
    code({ text, lang }) {
      return lang === 'mermaid' ? `<pre class="mermaid">${escape(text)}</pre>\n` : false;
    },
  };
  marked.use({ gfm: true, renderer });
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>job summary</title>
<style>
  body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
  .box { margin: 16px; padding: 8px 24px 16px; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; }
  .caption { font-weight: 600; padding: 8px 0; border-bottom: 1px solid #d0d7de; margin-bottom: 8px; }
  h2 { font-size: 1.5em; font-weight: 600; padding-bottom: .3em; border-bottom: 1px solid #d8dee4; }
  a { color: #0969da; text-decoration: none; }
  table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; }
  th, td { border: 1px solid #d0d7de; padding: 6px 13px; }
  th { font-weight: 600; }
  tr:nth-child(2n) { background: #f6f8fa; }
  code { font: 85%/1 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; padding: .2em .4em; background: rgba(175,184,193,.2); border-radius: 6px; }
  pre.mermaid { background: #fff; text-align: center; margin: 0 0 16px; }
</style></head>
<body><div class="box"><div class="caption">${escape(CAPTION)}</div>
${marked.parse(opened(markdown))}
</div>
<script src="${pathToFileURL(mermaidJs).href}"></script>
<script>
  mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' });
  mermaid.run().finally(() => { document.title = 'height=' + Math.ceil(document.querySelector('.box').getBoundingClientRect().bottom + 16); });
</script>
</body></html>`;
}

/** The markdown with the OPEN-th `<details>` opened. */
function opened(markdown) {
  let n = 0;
  return markdown.replace(/^<details>$/gm, (tag) => (OPEN.has(++n) ? '<details open>' : tag));
}

/** The page's height once mermaid has drawn (the page writes it into its title). */
function measure(file) {
  const { dom, height } = measurePage(file, WIDTH, 'render-summary');
  if (!dom.includes('<svg')) throw new Error('render-summary: no chart was drawn (is there a mermaid block?)');
  if (/Syntax error|Parse error/i.test(dom)) throw new Error('render-summary: mermaid reported an error in a chart');
  return height;
}

function screenshot(file, height, out) {
  screenshotPage(file, WIDTH, height, out, 'render-summary');
}
