/**
 * Headless Chromium for the docs' pictures (render-summary.mjs, render-terminal.mjs): measure a
 * page once it has drawn, then screenshot it at that height. The page reports its height by
 * setting its title to `height=N`.
 *
 *   apt-get install -y chromium fonts-noto-color-emoji   # once (Debian; the font draws ✅); or set CHROMIUM
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.CHROMIUM || 'chromium';

export function chromium(args, who = 'render') {
  const common = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--hide-scrollbars', '--virtual-time-budget=10000'];
  const run = spawnSync(CHROMIUM, [...common, ...args], { encoding: 'utf8' });
  if (run.error) throw new Error(`${who}: cannot start ${CHROMIUM} (${run.error.message}): apt-get install -y chromium, or set CHROMIUM.`);
  if (run.status !== 0) throw new Error(`${who}: ${CHROMIUM} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** The page's DOM once its scripts ran, and the height it wrote into its title. */
export function measure(file, width, who = 'render') {
  const dom = chromium([`--window-size=${width},800`, '--dump-dom', pathToFileURL(file).href], who);
  const m = /<title>height=(\d+)<\/title>/.exec(dom);
  if (!m) throw new Error(`${who}: the page did not finish rendering`);
  return { dom, height: Number(m[1]) };
}

export function screenshot(file, width, height, out, who = 'render') {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  chromium([`--window-size=${width},${height}`, `--screenshot=${out}`, pathToFileURL(file).href], who);
}

export function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
