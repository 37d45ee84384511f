/**
 * `npm run package`'s bundling step: @vercel/ncc's API with the same three entries as its command
 * line (the action, the CLI, the emulator), minified, and with one package left out of the
 * action's and the CLI's bundles: undici.
 *
 * undici is 46 % of the unminified bundle, and loading it is a quarter of the action's start-up,
 * yet nothing this project runs uses it: @actions/http-client imports it only for
 * `getAgentDispatcher()` (a proxy for `fetch`), which neither our transport nor @actions/core calls.
 * It is replaced by a module whose ProxyAgent says so if it is ever constructed (see STUBBED). The build fails
 * when a bundled package uses anything else of undici's: then it must be bundled again.
 *
 * Deterministic: two runs write the same bytes (`npm run package` twice, compare the hashes).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ncc = createRequire(import.meta.url)('@vercel/ncc');

/**
 * The stub, written beside the bundle as `undici.js`, so that the entry and its on-demand chunks
 * (which sit in the same folder) import it by the same relative path.
 */
const UNDICI_STUB_FILE = 'undici.js';
const UNDICI_STUB =
  '// ultralytics-sync is bundled without undici (scripts/bundle.mjs): what its bundled packages take from it.\n' +
  'export class ProxyAgent { constructor() { throw new Error("ultralytics-sync is bundled without undici: fetch through a proxy agent is not available"); } }\n' +
  'export const fetch = (...args) => globalThis.fetch(...args);\n';

/**
 * What the stub provides. `fetch` is Node's own (itself undici inside Node): @actions/github, loaded
 * only for a pull-request comment, calls it, with a proxy agent only when a proxy is configured.
 * Behind a proxy the comment therefore fails with the stub's message, as a warning: the sync is
 * never affected.
 */
const STUBBED = ['ProxyAgent', 'fetch'];

const ENTRIES = [
  { input: 'build/src/index.js', out: 'dist', stubUndici: true },
  { input: 'build/src/cli.js', out: 'dist/cli', stubUndici: true },
  { input: 'build/emulator/main.js', out: 'dist/emulator', stubUndici: false },
];

/**
 * What the bundle takes from the stub: webpack gathers an external module's used exports in one
 * object, `{["ProxyAgent"]: () => ns.ProxyAgent}`. Only ProxyAgent may be among them; and when the
 * object is not found the check cannot be made, which fails too.
 */
function checkUndiciUse(sources, entry) {
  const used = [];
  for (const code of sources) {
    const binding = /import\s*\*\s*as\s*([\w$]+)\s*from\s*"\.\/undici\.js"/.exec(code)?.[1];
    const escaped = binding?.replace(/\$/g, '\\$');
    if (binding) used.push(...[...code.matchAll(new RegExp(`\\["(\\w+)"\\]:\\s*\\(\\)\\s*=>\\s*\\(?${escaped}\\.(\\w+)`, 'g'))].map((m) => m[2]));
  }
  if (!used.includes('ProxyAgent')) throw new Error(`${entry.input}: cannot tell what the bundle takes from undici; check scripts/bundle.mjs against this ncc version.`);
  const other = used.filter((name) => !STUBBED.includes(name));
  if (other.length) {
    throw new Error(`${entry.input}: a bundled package uses undici's ${other.join(', ')}; the stub only has ProxyAgent. Bundle undici again (stubUndici: false in scripts/bundle.mjs).`);
  }
}

for (const entry of ENTRIES) {
  const outDir = join(ROOT, entry.out);
  const { code, assets } = await ncc(join(ROOT, entry.input), {
    minify: true,
    quiet: true,
    externals: entry.stubUndici ? { undici: `./${UNDICI_STUB_FILE}` } : [],
  });
  const chunks = Object.entries(assets).filter(([name]) => name.endsWith('.js')).map(([, a]) => String(a.source));
  if (entry.stubUndici) checkUndiciUse([code, ...chunks], entry);
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (f.endsWith('.js')) rmSync(join(outDir, f));
  writeFileSync(join(outDir, 'index.js'), code);
  if (entry.stubUndici) writeFileSync(join(outDir, UNDICI_STUB_FILE), UNDICI_STUB);
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), asset.source, { mode: asset.permissions });
  }
}
