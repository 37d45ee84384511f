/**
 * Waiting for the emulator to accept connections again: a `down` fault may outlast the run that
 * triggered it, and the next run (or the re-run) must start against a server that is up.
 */
import * as net from 'node:net';

export async function waitUntilListening(url: string, limitMs = 15_000): Promise<void> {
  const { hostname, port } = new URL(url);
  const until = Date.now() + limitMs;
  while (!(await canConnect(hostname, Number(port)))) {
    if (Date.now() > until) throw new Error(`the emulator at ${url} did not come back within ${limitMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
