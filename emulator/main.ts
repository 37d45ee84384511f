/**
 * `npm run emulator`: runs the emulator until SIGINT/SIGTERM. Prints the URL and the environment
 * lines that point the action or the CLI at it (KEY=value, ready for `>> "$GITHUB_ENV"`), then one
 * line per request unless --quiet.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './server.js';

const USAGE = 'usage: emulator [--port N] [--quiet]   (port 0 or none: a free port)';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port} is not a port number; ${USAGE}`);
  const emulator = await startEmulator({ port, log: values.quiet ? undefined : (line) => console.log(line) });
  console.log(`ultralytics emulator listening on ${emulator.url}`);
  console.log(`ULTRALYTICS_PLATFORM_URL=${emulator.url}`);
  console.log(`ULTRALYTICS_HUB_API=${emulator.url}`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: Error) => {
  console.error(`emulator: ${e.message}`);
  process.exit(2);
});
