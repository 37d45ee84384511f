/**
 * The pull-request comment's Markdown for one run: the headline with the status, the model link and
 * the final mAP, the comparison (or this run's best-epoch metrics when there is no baseline), the gate,
 * the mAP chart, and a footer linking the workflow run. comment.ts adds the marker and posts it;
 * job.ts puts several of these under one runs table.
 */
import type { ActionInputs } from '../inputs/inputs.js';
import type { RunPlan } from '../rundir/load-run.js';
import type { SyncResult } from '../session/session.js';
import { VERSION } from '../version.js';
import type { CiReport } from './ci-report.js';
import { escapeHtml, mermaidChart, num } from './format.js';
import { type RunSnapshot, METRIC_KEYS } from './snapshot.js';
import { chartSeries, comparisonSection, modelLink } from './summary.js';

const STATUS: Record<SyncResult['status'], string> = {
  synced: '✅ synced',
  partial: '⚠️ partial (re-run the job to send the rest)',
  cancelled: '⏹️ cancelled by the server',
  'dry-run': '🔍 dry run',
};

export interface CommentContext {
  inputs: Pick<ActionInputs, 'backend' | 'workspace'>;
  plan: RunPlan;
  result: SyncResult;
  env: NodeJS.ProcessEnv;
}

/** The comment's Markdown for one run (the marker is added by comment.ts). */
export function renderComment(report: CiReport, ctx: CommentContext): string {
  const { inputs, plan, result, env } = ctx;
  const backend = inputs.backend === 'hub' ? 'HUB' : 'Platform';
  const section = comparisonSection(report, inputs.workspace);
  const table = report.comparison ? [] : [...snapshotTable(report.current), ''];
  const chart = chartSeries(plan, report.comparison ? report.baseline?.snapshot.curves : undefined)[0];
  return [
    `### Ultralytics ${backend}: ${escapeHtml(report.name)} ${STATUS[result.status]}`,
    '',
    `**Model:** ${modelLink(result)} · **final ${report.current.mapLabel}:** ${num(report.current.map)}`,
    '',
    ...table,
    ...section,
    ...(chart ? [mermaidChart(chart), ''] : []),
    `<sub>${footer(env)}</sub>`,
  ].join('\n');
}

/** This run's best-epoch metrics, when there is no baseline to set them against. */
export function snapshotTable(s: RunSnapshot): string[] {
  const rows = METRIC_KEYS.filter((m) => m.key in s.metrics).map((m) => `| ${m.label} | ${num(s.metrics[m.key])} |`);
  return ['| Metric | This run |', '|---|---|', ...rows, `| best epoch (0-based) | ${s.bestEpoch ?? 'n/a'} |`, `| epochs trained | ${s.epochs} |`];
}

/** The tool and, where known, a link to the workflow run that wrote the comment. */
export function footer(env: NodeJS.ProcessEnv): string {
  const tool = `ultralytics-sync ${VERSION}`;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
  if (!server || !repo || !id || !/^https:\/\//.test(server) || !/^\d+$/.test(id)) return tool;
  const url = escapeHtml(`${server}/${repo}/actions/runs/${id}`);
  return `${tool} · <a href="${url}">workflow run ${escapeHtml(id)}</a>`;
}

/** Like num, but a 4-decimal figure without the non-finite case (the comment's historic form). */
