/**
 * `ultralytics-sync report --reports 'reports/*.json'` and the action's `reports` input: a matrix's
 * last job gathers the report files its training jobs wrote (their `report-file` artifacts) into one
 * summary with the runs table of every job, one pull-request comment and one gate over all runs.
 * Nothing is sent to Ultralytics, so no API key is read.
 *
 *   report inputs → glob the report files → parse each → job.ts (compare and gate, or keep each
 *   job's own) → outputs, summary, report-file, comment → the gate, last
 *
 * A report file that cannot be read is named in a warning and fails the step after the others were
 * reported: a job's verdict never goes missing without a word.
 */
import { InputError } from '../inputs/errors.js';
import { Inputs, getReportInputs } from '../inputs/inputs.js';
import { type Host, type Outcome, setOutputs, writeSummary } from '../host.js';
import { withGateFailure } from '../report/gate.js';
import { gateFailure, gatherJobReport, jobOutputs, publishJobReport, renderJobSummary } from '../report/job.js';
import { type ParsedReport, parseReport } from '../report/report-file.js';
import { UnsafeFileError, describeReadError, readRegular } from '../rundir/safe-read.js';
import { globWeights } from '../rundir/weights.js';
import { VERSION } from '../version.js';

/** The largest report file read; one run's report is a few kilobytes. */
const MAX_REPORT_BYTES = 16 * 1024 * 1024;
const FIX_REPORT = "give the report-file artifacts themselves (actions/download-artifact puts regular files in the workspace), or fix the `reports` pattern";

export async function reportCommand(host: Host): Promise<Outcome> {
  const { log } = host;
  const outputs: Record<string, string> = {};
  try {
    const inputs = getReportInputs(host.input, host.env, log);
    log.info(`ultralytics-sync ${VERSION}: gathering report files; nothing is sent to Ultralytics.`);
    if (inputs.reports.length === 0) {
      throw new InputError(Inputs.Reports, 'is empty: give the report files to gather, one glob per line, e.g. `reports: reports/*.json`.');
    }
    const files = await globWeights(inputs.reports.join('\n'));
    if (files.length === 0) {
      throw new InputError(
        Inputs.Reports,
        `(${inputs.reports.join(', ')}) matched no file. Download the training jobs' report-file artifacts there first ` +
          '(actions/download-artifact with `pattern` and `merge-multiple: true`), or fix the pattern.',
      );
    }
    const reports: { file: string; report: ParsedReport }[] = [];
    const unreadable: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        // The one safe reader: a link out of the workspace, a FIFO or a device is refused at once,
        // and a read stops at the cap, whatever stat says.
        text = (await readRegular(file, { what: 'report file', confine: inputs.workspace, maxBytes: MAX_REPORT_BYTES, fix: FIX_REPORT })).toString('utf8');
      } catch (err) {
        const problem = err instanceof UnsafeFileError ? err.message.replace(/\.$/, '') : `report file ${file} cannot be read: ${describeReadError(err)}`;
        log.warning(`${problem}. It is left out.`);
        unreadable.push(problem);
        continue;
      }
      try {
        reports.push({ file, report: parseReport(text) });
      } catch (err) {
        const problem = `${file} is not a report this action wrote: ${(err as Error).message}`;
        log.warning(`${problem}. It is left out.`);
        unreadable.push(problem);
      }
    }
    const ctx = { inputs, env: host.env, log };
    const report = await gatherJobReport(reports, ctx);
    const runs = report.runs.length;
    log.info(`${reports.length} report file${reports.length === 1 ? '' : 's'}, ${runs} run${runs === 1 ? '' : 's'}: ${report.runs.map((r) => `${r.name} (${r.status})`).join(', ') || 'none'}.`);
    Object.assign(outputs, jobOutputs(report));
    setOutputs(host, outputs);
    if (inputs.summary) await writeSummary(host, log.redact(renderJobSummary(report, ctx)));
    await publishJobReport(report, ctx);
    const outcome: Outcome =
      unreadable.length > 0
        ? { exitCode: 1, outputs, error: log.redact(`${unreadable.length} of ${files.length} report files could not be read: ${unreadable.join('; ')}.`) }
        : { exitCode: 0, outputs };
    return withGateFailure(outcome, gateFailure(report));
  } catch (err) {
    return { exitCode: 1, outputs, error: log.redact((err as Error).message) };
  }
}
