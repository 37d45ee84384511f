/** The GitHub Action entry: no logic here, only the runner's host for the shared pipeline. */
import * as core from '@actions/core';
import { actionsLog } from './log.js';
import { run } from './main.js';

const outcome = await run({
  input: (name) => core.getInput(name),
  env: process.env,
  log: actionsLog(),
  setOutput: (name, value) => core.setOutput(name, value),
  writeSummary: async (markdown) => {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) return null;
    await core.summary.addRaw(markdown, true).write();
    return file;
  },
});
if (outcome.error) core.setFailed(`ultralytics-sync: ${outcome.error}`);
process.exitCode = outcome.exitCode;
