/**
 * The bundle the runner loads: dist/index.js (and the chunks it loads on demand: the backend, the
 * summary) in bytes and gzipped, and what fills it, by package, from ncc's own statistics (the
 * same entry bundled again into a temp directory, unminified, with undici left out as
 * scripts/bundle.mjs leaves it out).
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ACTION, BUILD } from '../paths.js';
import { expectSuccess, measure } from '../process.js';
import type { CaseResult, Row } from '../report.js';
import { tempDir } from '../workspace.js';

interface NccModule {
  name: string;
  size: number;
}

/** `./node_modules/@actions/core/lib/core.js` → `@actions/core`; own code → `ultralytics-sync`. */
function packageOf(module: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  return m ? m[1] : module.startsWith('webpack/') || module.startsWith('external ') ? '(runtime)' : 'ultralytics-sync (own code)';
}

async function bytesByPackage(): Promise<[string, number][]> {
  const out = tempDir('ncc');
  const stats = path.join(out, 'stats.json');
  const ncc = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js');
  expectSuccess(await measure(process.execPath, [ncc, 'build', path.join(BUILD, 'src/index.js'), '-o', out, '-q', '-e', 'undici', '--stats-out', stats]), 'ncc');
  const { modules } = JSON.parse(fs.readFileSync(stats, 'utf8')) as { modules: (NccModule & { modules?: NccModule[] })[] };
  const sizes = new Map<string, number>();
  // A concatenated module lists its parts; count the parts, not the whole.
  for (const m of modules.flatMap((x) => x.modules ?? [x])) sizes.set(packageOf(m.name), (sizes.get(packageOf(m.name)) ?? 0) + m.size);
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

const KiB = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

export async function bundleCase(): Promise<CaseResult> {
  const dist = path.dirname(ACTION);
  const chunks = fs.readdirSync(dist).filter((f) => /^\d+\.index\.js$/.test(f));
  const main = fs.readFileSync(ACTION);
  const bytes = Buffer.concat([main, ...chunks.map((f) => fs.readFileSync(path.join(dist, f)))]);
  const gzip = gzipSync(bytes).length;
  const packages = await bytesByPackage();
  const total = packages.reduce((a, [, n]) => a + n, 0);
  const top = packages.slice(0, 4).map(([name, n]) => `${name} ${Math.round((100 * n) / total)} %`);
  const rows: Row[] = [
    {
      case: 'bundle dist/index.js',
      metric: 'size (gzip), chunks loaded on demand included',
      value: `${KiB(bytes.length)} (${KiB(gzip)}); ${KiB(main.length)} loaded at start`,
      raw: bytes.length,
      unit: 'bytes',
    },
    { case: 'bundle dist/index.js', metric: 'largest parts (module source)', value: top.join(', '), raw: total, unit: 'bytes' },
  ];
  return { rows, details: { bytes: bytes.length, gzipBytes: gzip, byPackage: Object.fromEntries(packages) } };
}
