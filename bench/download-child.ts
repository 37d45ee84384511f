/** The downloading process of bench/download.ts: one Transport.download, then its figures as JSON on stdout. */
import { terminalLog } from '../src/log.js';
import { Transport } from '../src/transport/http.js';

const [url, dest] = process.argv.slice(2);
const log = terminalLog({ verbose: false, write: () => {} });
const transport = new Transport({
  log,
  userAgent: 'ultralytics-sync-bench',
  timeoutMs: 30_000,
  stallMs: 30_000,
  retry: { attempts: 5, baseMs: 100, capMs: 1000, budgetMs: 600_000 },
});
const started = performance.now();
const got = await transport.download({ url, dest, what: 'bench download' });
transport.dispose();
process.stdout.write(
  JSON.stringify({
    ms: performance.now() - started,
    sha256: got.sha256,
    bytes: got.bytes,
    attempts: got.attempts,
    resumedBytes: got.resumedBytes,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
