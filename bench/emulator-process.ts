/**
 * The emulator in a process of its own, so that the action's peak RSS and CPU figures are the
 * action's alone. Prints `listening <url>` once ready, then, with --log, one line per request as
 * `<epoch ms> <line>` (the backfill case times the rate-limited requests from these). Exits when
 * its stdin closes (the benchmark ended or died) or on SIGTERM.
 *
 *   node build/bench/emulator-process.js [--rate 100/60000] [--upload-rate 10/60000] [--log]
 */
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/server.js';
import type { RateRule } from '../emulator/rate-limit.js';

function rule(text: string | undefined, fallback: RateRule): RateRule {
  if (text === undefined) return fallback;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) throw new Error(`a rate is <limit>/<window ms>, e.g. 100/60000; got '${text}'`);
  return { limit: Number(m[1]), windowMs: Number(m[2]) };
}

const { values } = parseArgs({
  options: { rate: { type: 'string' }, 'upload-rate': { type: 'string' }, log: { type: 'boolean' } },
});
const emulator = await startEmulator({
  rateLimit: rule(values.rate, { limit: 100, windowMs: 60_000 }),
  uploadRateLimit: rule(values['upload-rate'], { limit: 10, windowMs: 60_000 }),
  log: values.log ? (line) => process.stdout.write(`${Date.now()} ${line}\n`) : undefined,
});
process.stdout.write(`listening ${emulator.url}\n`);
const stop = () => void emulator.close().then(() => process.exit(0));
process.stdin.on('end', stop).resume();
process.once('SIGTERM', stop);
