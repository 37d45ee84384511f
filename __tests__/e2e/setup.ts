/**
 * The shared hooks of an end-to-end test file: one emulator for the file, reset before each test,
 * and every workspace removed at the end.
 */
import { after, before, beforeEach } from 'node:test';
import { type Emulator, type EmulatorOptions, startEmulator } from '../../emulator/server.js';
import { type Workspace, workspace } from './harness.js';

export interface E2e {
  /** The file's emulator (set once `before` ran). */
  readonly emu: Emulator;
  /** A new workspace, removed after the file's tests. */
  ws(opts?: Parameters<typeof workspace>[0]): Workspace;
}

export function e2eSetup(opts: EmulatorOptions = {}): E2e {
  let emu: Emulator | undefined;
  const spaces: Workspace[] = [];
  before(async () => {
    emu = await startEmulator(opts);
  });
  beforeEach(() => emu?.reset());
  after(async () => {
    await emu?.close();
    for (const w of spaces) w.remove();
  });
  return {
    get emu() {
      if (!emu) throw new Error('the emulator starts in before(): use it inside a test');
      return emu;
    },
    ws(o) {
      const w = workspace(o);
      spaces.push(w);
      return w;
    },
  };
}
