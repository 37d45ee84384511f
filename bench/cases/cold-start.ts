/**
 * Cold start: the whole action process in dry-run on a copy of the shipped example run, HUB
 * backend against the emulator (a dry run still checks the key and reads the model: two requests),
 * from spawn to exit. One unmeasured run first fills the OS file cache, as on a runner that just
 * checked the action out. A bare `node -e ''` is measured alongside: the part no bundle can save.
 */
import { hubInputs, runAction } from '../action.js';
import type { EmulatorProcess } from '../emulator.js';
import { measure } from '../process.js';
import { target, type CaseResult } from '../report.js';
import { max, median, min } from '../stats.js';
import { exampleRun } from '../workspace.js';

export const COLD_START_TARGET_MS = 150;

/** With `baseline`, that bundle runs in each round too: action, baseline, bare node, … */
export async function coldStartCase(emu: EmulatorProcess, runs: number, log: (line: string) => void, baseline?: string): Promise<CaseResult> {
  const dir = exampleRun();
  const model = await emu.hubModel();
  const inputs = { ...hubInputs(emu.url, model), 'dry-run': 'true' };
  const dryRun = async (action?: string) => {
    const run = await runAction(dir, inputs, { action });
    if (run.outputs.status !== 'dry-run') throw new Error(`the dry run ended with status '${run.outputs.status}'`);
    return run.wallMs;
  };
  await dryRun();
  if (baseline) await dryRun(baseline);
  const action: number[] = [];
  const before: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    action.push(await dryRun());
    if (baseline) before.push(await dryRun(baseline));
    bare.push((await measure(process.execPath, ['-e', ''])).wallMs);
  }
  const m = median(action);
  log(`  dry runs: ${action.map((x) => x.toFixed(0)).join(', ')} ms; bare node ${median(bare).toFixed(0)} ms`);
  if (baseline) log(`  baseline: ${before.map((x) => x.toFixed(0)).join(', ')} ms`);
  const beforeRow = baseline
    ? [
        {
          case: 'cold start (dry run, HUB, example run)',
          metric: `before (--baseline), same rounds`,
          value: `${median(before).toFixed(0)} ms (min ${min(before).toFixed(0)}, max ${max(before).toFixed(0)})`,
          raw: median(before),
          unit: 'ms',
        },
      ]
    : [];
  return {
    rows: [
      {
        case: 'cold start (dry run, HUB, example run)',
        metric: `wall time, median of ${runs}`,
        value: `${m.toFixed(0)} ms (min ${min(action).toFixed(0)}, max ${max(action).toFixed(0)}; bare node ${median(bare).toFixed(0)} ms)`,
        raw: m,
        unit: 'ms',
        target: target(`≤ ${COLD_START_TARGET_MS} ms`, m <= COLD_START_TARGET_MS),
      },
      ...beforeRow,
    ],
    details: { actionMs: action, bareNodeMs: bare, baselineMs: before },
  };
}
