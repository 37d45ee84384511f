/** The runner's host for the shared pipeline: inputs, outputs, summary and log through @actions/core. */
import * as core from '@actions/core';
import { type Log, actionsLog } from './log.js';
import type { Host } from './main.js';

export function actionHost(log: Log = actionsLog()): Host {
  return {
    input: (name) => core.getInput(name),
    env: process.env,
    log,
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async (markdown) => {
      const file = process.env.GITHUB_STEP_SUMMARY;
      if (!file) return null;
      await core.summary.addRaw(markdown, true).write();
      return file;
    },
  };
}
