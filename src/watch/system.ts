/**
 * The training machine's load, for Platform's `epoch_end.data.system`, as Ultralytics' SystemLogger
 * reports it: cpu and ram in percent, disk use, and per GPU its usage, memory, temperature and power.
 * The watcher runs beside the trainer, so this is the trainer's machine. A value that cannot be read
 * here is left out, never guessed.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

type Gpu = { usage?: number; memory?: number; temp?: number; power?: number };
export type SystemSample = { cpu?: number; ram?: number; disk?: { used_gb: number }; gpus?: Record<string, Gpu> };

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

export class SystemSampler {
  private lastCpu = cpuTimes();
  /** null once nvidia-smi turned out to be missing: it is not tried again. */
  private nvidiaSmi: string | null = 'nvidia-smi';

  constructor(private readonly disk: string) {}

  /** The load since the previous sample (cpu), and the state now (the rest). */
  async sample(): Promise<SystemSample> {
    const out: SystemSample = {};
    const now = cpuTimes();
    const busy = now.busy - this.lastCpu.busy;
    const total = now.total - this.lastCpu.total;
    this.lastCpu = now;
    if (total > 0) out.cpu = round((100 * busy) / total);
    out.ram = round((100 * (os.totalmem() - os.freemem())) / os.totalmem());
    try {
      const s = fs.statfsSync(this.disk);
      out.disk = { used_gb: round(((s.blocks - s.bfree) * s.bsize) / 1e9, 3) };
    } catch {
      // statfs is missing on this Node or this filesystem: no disk figure
    }
    const gpus = await this.gpus();
    if (gpus) out.gpus = gpus;
    return out;
  }

  /** Per GPU from nvidia-smi; `{}` on a machine without one, where nvidia-smi is absent. */
  private gpus(): Promise<Record<string, Gpu> | undefined> {
    const bin = this.nvidiaSmi;
    if (!bin) return Promise.resolve({});
    const query = '--query-gpu=index,utilization.gpu,memory.used,memory.total,temperature.gpu,power.draw';
    return new Promise((resolve) => {
      execFile(bin, [query, '--format=csv,noheader,nounits'], { timeout: 5000 }, (err, stdout) => {
        if (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
            this.nvidiaSmi = null;
            resolve({});
          } else resolve(undefined);
          return;
        }
        resolve(parseNvidiaSmi(stdout));
      });
    });
  }
}

/** `0, 95, 20000, 24000, 72, 285.3` per line → {"0": {usage, memory (%), temp, power}}; `[N/A]` cells are left out. */
export function parseNvidiaSmi(text: string): Record<string, Gpu> {
  const gpus: Record<string, Gpu> = {};
  for (const line of text.split('\n')) {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length < 6 || !/^\d+$/.test(cells[0])) continue;
    const [usage, used, total, temp, power] = cells.slice(1).map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : undefined));
    const gpu: Gpu = {};
    if (usage !== undefined) gpu.usage = usage;
    if (used !== undefined && total) gpu.memory = round((100 * used) / total);
    if (temp !== undefined) gpu.temp = temp;
    if (power !== undefined) gpu.power = power;
    gpus[cells[0]] = gpu;
  }
  return gpus;
}

function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const c of os.cpus()) {
    const t = c.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}
