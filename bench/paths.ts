/** Where the benchmark finds what it measures, from its own place in build/bench/. */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** build/ (the compiled tree this file runs from). */
export const BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The package root: build/.. */
export const ROOT = path.resolve(BUILD, '..');
/** The bundled action, as the runner starts it. */
export const ACTION = path.join(ROOT, 'dist/index.js');
/** The emulator wrapper the benchmark starts in a process of its own. */
export const EMULATOR_PROCESS = path.join(BUILD, 'bench/emulator-process.js');
/** The upload sink the whole-step cases run against, in a process of its own. */
export const SINK_PROCESS = path.join(BUILD, 'bench/sink.js');
export const EXAMPLE_RUN = path.join(ROOT, 'examples/runs/detect/train');
export const RESULTS_DIR = path.join(ROOT, 'bench/results');

/** Keys of the right shapes; the emulator accepts any such key. */
export const HUB_KEY = 'Bk' + 'x4Tq8Vn2Rz'.repeat(4);
export const PLATFORM_KEY = 'ul_' + '0f1e2d3c4b'.repeat(4);
