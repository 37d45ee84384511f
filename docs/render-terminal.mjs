#!/usr/bin/env node
/**
 * Renders a command's terminal output to PNG in headless Chromium: docs/live-sync.png, the picture
 * of `npm run demo:watch` in docs/live-sync.md, is made this way.
 *
 * Re-run it from the repository root:
 *
 *   apt-get install -y chromium fonts-noto-color-emoji  # once (Debian); or set CHROMIUM
 *   npm ci
 *   node docs/render-terminal.mjs                        # runs `npm run demo:watch` → docs/live-sync.png
 *   node docs/render-terminal.mjs OUT.png -- CMD [ARG…]  # any command's output
 *   node docs/render-terminal.mjs --from LOG [OUT.png]   # a saved transcript (the first line
 *                                                        # is shown as the command when it starts with $)
 *
 * The output is shown as a runner's log shows it: the workflow commands the runner consumes
 * (`::debug::`, `::add-mask::`, `::endgroup::`) are left out, and a group is shown by its title.
 * The command's exit status must be 0. Nothing is fetched: the page is plain HTML and CSS.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml, measure, screenshot } from './chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WIDTH = 1000;
const WHO = 'render-terminal';

const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const own = dashes < 0 ? argv : argv.slice(0, dashes);
const command = dashes < 0 ? ['npm', 'run', '--silent', 'demo:watch'] : argv.slice(dashes + 1);
const fromIndex = own.indexOf('--from');
const from = fromIndex < 0 ? null : own.splice(fromIndex, 2)[1];
const outFile = path.resolve(own[0] ?? path.join(ROOT, 'docs/live-sync.png'));

const { shown, text } = from ? transcript(from) : runCommand(command);
const page = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'terminal-render-')), 'terminal.html');
fs.writeFileSync(page, html(shown, text));
const { height } = measure(page, WIDTH, WHO);
screenshot(page, WIDTH, height, outFile, WHO);
console.log(`${path.relative(process.cwd(), outFile)}: ${WIDTH}×${height}, ${Math.round(fs.statSync(outFile).size / 1024)} KiB`);

/** Runs the command in the repository root; its stdout and stderr, interleaved as they came. */
function runCommand(cmd) {
  const run = spawnSync('sh', ['-c', `exec "$@" 2>&1`, 'sh', ...cmd], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    process.stderr.write(run.stdout ?? '');
    throw new Error(`${WHO}: \`${cmd.join(' ')}\` exited ${run.status}; fix that first.`);
  }
  const shown = cmd[0] === 'npm' && cmd[1] === 'run' ? `npm run ${cmd.filter((a) => !a.startsWith('-')).slice(2).join(' ')}` : cmd.join(' ');
  return { shown, text: run.stdout };
}

function transcript(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return lines[0].startsWith('$ ') ? { shown: lines[0].slice(2), text: lines.slice(1).join('\n') } : { shown: '', text: lines.join('\n') };
}

/** The lines a runner's log would show, each with the class that colours it. */
function terminalLines(text) {
  const out = [];
  for (const raw of text.replace(/\x1b\[[0-9;]*m/g, '').replace(/\s+$/, '').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^::(debug|add-mask|endgroup|save-state|set-output)::/.test(line) || /^> /.test(line)) continue;
    const group = /^::group::(.*)$/.exec(line);
    if (group) out.push({ text: `▾ ${group[1]}`, cls: 'group' });
    else if (/^::(warning|notice)[^:]*::/.test(line)) out.push({ text: `Warning: ${line.replace(/^::[^:]*::/, '')}`, cls: 'warn' });
    else if (/^::error[^:]*::/.test(line)) out.push({ text: `Error: ${line.replace(/^::[^:]*::/, '')}`, cls: 'err' });
    else if (/^── /.test(line)) out.push({ text: line, cls: 'step' });
    else if (/^\s+epoch\s+\d+ on /.test(line)) out.push({ text: line, cls: 'live' });
    else if (/^(OK|Status: synced)\b/.test(line)) out.push({ text: line, cls: 'ok' });
    else if (/^(FAILED|Error)\b/.test(line)) out.push({ text: line, cls: 'err' });
    else if (/^Warning\b/.test(line)) out.push({ text: line, cls: 'warn' });
    else out.push({ text: line, cls: '' });
  }
  // No run of blank lines where the dropped lines were.
  return out.filter((l, i) => l.text.trim() !== '' || (i > 0 && out[i - 1].text.trim() !== ''));
}

function html(shown, text) {
  const body = terminalLines(text)
    .map((l) => `<div class="${l.cls}">${escapeHtml(l.text) || '&nbsp;'}</div>`)
    .join(''); // no text between the lines: .term keeps white space
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>terminal</title>
<style>
  body { margin: 0; background: #f6f8fa; }
  .window { margin: 16px; border-radius: 8px; overflow: hidden; box-shadow: 0 2px 10px rgba(0,0,0,.25); background: #0d1117; }
  .bar { background: #30363d; padding: 7px 12px; font: 12px -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #c9d1d9; }
  .bar span { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px; vertical-align: -1px; }
  .term { padding: 10px 14px 14px; font: 12.5px/1.45 "DejaVu Sans Mono", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #c9d1d9; white-space: pre-wrap; overflow-wrap: anywhere; }
  .prompt { color: #7ee787; } .prompt b { color: #c9d1d9; font-weight: normal; }
  .step { color: #79c0ff; font-weight: bold; margin-top: .3em; }
  .group { color: #d2a8ff; }
  .live { color: #7ee787; }
  .ok { color: #3fb950; font-weight: bold; }
  .warn { color: #d29922; }
  .err { color: #f85149; }
</style></head>
<body><div class="window"><div class="bar"><span style="background:#ff5f56"></span><span style="background:#ffbd2e"></span><span style="background:#27c93f"></span>&nbsp;terminal</div>
<div class="term">${shown ? `<div class="prompt">$ <b>${escapeHtml(shown)}</b></div>` : ''}${body}</div></div>
<script>
  document.title = 'height=' + Math.ceil(document.querySelector('.window').getBoundingClientRect().bottom + 16);
</script>
</body></html>`;
}
