/**
 * The job summary: a header with the model link, a table of what was sent, one table row per
 * file, and a mermaid xychart of mAP and total loss per epoch. Every user string is escaped;
 * the result stays far under the runner's 1 MiB limit (the chart has at most 100 points).
 */
import type { ActionInputs } from '../inputs/inputs.js';
import type { RunPlan } from '../rundir/load-run.js';
import { totalLoss } from '../rundir/fitness.js';
import type { SyncResult } from '../session/session.js';

const MAX_POINTS = 100;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`\\[\]]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[u]}`;
}

function num(v: number | null | undefined, digits = 4): string {
  return v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : String(Number(v.toFixed(digits)));
}

const STATUS_TEXT: Record<SyncResult['status'], string> = {
  synced: '✅ synced',
  partial: '⚠️ partial: re-run the job to send the rest',
  cancelled: '⏹️ cancelled by the server',
  'dry-run': '🔍 dry run: nothing was uploaded',
};

export function renderSummary({ result, plan, inputs }: { result: SyncResult; plan: RunPlan; inputs: ActionInputs }): string {
  const out: string[] = [];
  const link = result.modelUrl
    ? `<a href="${escapeHtml(result.modelUrl)}">${escapeHtml(result.modelUrl)}</a>`
    : '<em>no model yet (dry run)</em>';
  out.push(`## Ultralytics ${inputs.backend === 'hub' ? 'HUB' : 'Platform'} sync: ${STATUS_TEXT[result.status]}`, '');
  out.push(`Model: ${link}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Run directory | \`${escapeHtml(plan.runDir)}\` |`);
  out.push(`| Epochs on the server | ${result.epochsOnServer} of ${plan.metrics.rows.length} (${result.epochsSent} sent now) |`);
  out.push(`| Best epoch | ${plan.best ? plan.best.epoch : 'n/a'} (fitness ${num(plan.best?.fitness)}) |`);
  out.push(`| Final ${escapeHtml(plan.mapColumn ?? 'mAP50-95')} | ${num(plan.map)} |`);
  out.push('');
  if (result.files.length > 0) {
    out.push('| File | Role | Size | sha256 | Time | Throughput | Outcome |', '|---|---|---|---|---|---|---|');
    for (const f of result.files) {
      const secs = f.ms / 1000;
      const rate = f.ms > 0 ? `${formatBytes(f.bytes / secs)}/s` : '–';
      out.push(
        `| \`${escapeHtml(f.name)}\` | ${f.role} | ${formatBytes(f.bytes)} | \`${f.sha256.slice(0, 16)}…\` | ${f.ms > 0 ? `${secs.toFixed(1)} s` : '–'} | ${rate} | ${f.outcome} |`,
      );
    }
    out.push('');
  }
  if (result.problems.length > 0) {
    out.push('**Not sent:**', '');
    for (const p of result.problems) out.push(`- ${escapeHtml(p.slice(0, 500))}`);
    out.push('');
  }
  out.push(chart(plan), '');
  return out.join('\n');
}

/** Evenly spaced indices, always keeping the first, the last and `keep`. */
export function subsample(count: number, max: number, keep: number[] = []): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const picked = new Set<number>(keep.filter((k) => k >= 0 && k < count));
  const slots = max - picked.size;
  for (let i = 0; i < slots; i++) picked.add(Math.round((i * (count - 1)) / Math.max(1, slots - 1)));
  return [...picked].sort((a, b) => a - b).slice(0, max);
}

function chart(plan: RunPlan): string {
  const rows = plan.metrics.rows;
  const col = plan.mapColumn;
  const bestIndex = plan.best ? rows.findIndex((r) => r.epoch === plan.best?.epoch) : -1;
  const idx = subsample(rows.length, MAX_POINTS, [bestIndex]);
  const maps = idx.map((i) => (col ? rows[i].metrics[col] ?? 0 : 0));
  const losses = idx.map((i) => totalLoss(rows[i]) ?? 0);
  const values = [...maps, ...losses].filter((v) => Number.isFinite(v));
  const top = Math.max(1, ...values);
  const label = col ? col.replace(/"/g, '') : 'mAP';
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${label} (first line) and total train loss (second line) per epoch"`,
    `  x-axis "epoch" [${idx.map((i) => rows[i].epoch).join(', ')}]`,
    `  y-axis "value" 0 --> ${num(top * 1.05, 3)}`,
    `  line [${maps.map((v) => num(v)).join(', ')}]`,
    `  line [${losses.map((v) => num(v)).join(', ')}]`,
    '```',
  ].join('\n');
}
