/**
 * The training machine's load, for Platform's `epoch_end.data.system`, as Ultralytics' SystemLogger
 * (ultralytics/utils/logger.py, `get_metrics(rates=True)`, what the 8.4 Platform callback sends)
 * reports it: cpu and ram in percent; `disk.used_gb` of `/` in GiB; disk and network throughput in
 * MiB/s (2^20 bytes) between two samples; per GPU its usage, memory, temperature and power. The
 * watcher runs beside the trainer, so this is the trainer's machine. A value that cannot be read
 * here is left out, never guessed.
 *
 * The counters are psutil's on Linux, read from /proc as psutil reads them: disk bytes are the
 * sectors (512 bytes) of /proc/diskstats summed over whole devices only (those listed in
 * /sys/block, so a partition is not counted twice beside its disk; loop and dm devices count, as in
 * psutil); network bytes are /proc/net/dev summed over every interface, loopback included.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

type Gpu = { usage?: number; memory?: number; temp?: number; power?: number };
export type SystemSample = {
  cpu?: number;
  ram?: number;
  disk?: { read_mbs?: number; write_mbs?: number; used_gb?: number };
  network?: { recv_mbs: number; sent_mbs: number };
  gpus?: Record<string, Gpu>;
};

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
const MIB = 2 ** 20;
const GIB = 2 ** 30;
const SECTOR = 512;

export interface SamplerPaths {
  /** The filesystem whose use is reported (the real client: `/`). */
  root?: string;
  /** Where /proc and /sys are (tests give files of their own). */
  proc?: string;
  sys?: string;
}

interface IoCounters {
  at: number;
  disk?: { read: number; write: number };
  net?: { recv: number; sent: number };
}

export class SystemSampler {
  private lastCpu = cpuTimes();
  private lastIo: IoCounters;
  /** null once nvidia-smi turned out to be missing: it is not tried again. */
  private nvidiaSmi: string | null = 'nvidia-smi';
  private readonly root: string;
  private readonly proc: string;
  private readonly sys: string;

  constructor(paths: SamplerPaths = {}, startedAt = Date.now()) {
    this.root = paths.root ?? '/';
    this.proc = paths.proc ?? '/proc';
    this.sys = paths.sys ?? '/sys';
    this.lastIo = this.io(startedAt);
  }

  /** The load since the previous sample (cpu, throughput), and the state now (the rest). */
  async sample(now = Date.now()): Promise<SystemSample> {
    const out: SystemSample = {};
    const cpu = cpuTimes();
    const busy = cpu.busy - this.lastCpu.busy;
    const total = cpu.total - this.lastCpu.total;
    this.lastCpu = cpu;
    if (total > 0) out.cpu = round((100 * busy) / total);
    out.ram = round((100 * (os.totalmem() - os.freemem())) / os.totalmem());
    const io = this.io(now);
    const last = this.lastIo;
    this.lastIo = io;
    // As the real client: at least 0.1 s apart, never negative (a counter that wrapped or a device gone).
    const seconds = Math.max(0.1, (io.at - last.at) / 1000);
    const rate = (bytes: number) => round(Math.max(0, bytes) / MIB / seconds, 3);
    const disk: NonNullable<SystemSample['disk']> = {};
    if (io.disk && last.disk) {
      disk.read_mbs = rate(io.disk.read - last.disk.read);
      disk.write_mbs = rate(io.disk.write - last.disk.write);
    }
    try {
      const s = fs.statfsSync(this.root);
      disk.used_gb = round(((s.blocks - s.bfree) * s.bsize) / GIB, 3);
    } catch {
      // statfs is missing on this Node or this filesystem: no disk figure
    }
    if (Object.keys(disk).length > 0) out.disk = disk;
    if (io.net && last.net) out.network = { recv_mbs: rate(io.net.recv - last.net.recv), sent_mbs: rate(io.net.sent - last.net.sent) };
    const gpus = await this.gpus();
    if (gpus) out.gpus = gpus;
    return out;
  }

  /** The disk and network byte counters now; a part that cannot be read (no /proc) is absent. */
  private io(at: number): IoCounters {
    const counters: IoCounters = { at };
    const disk = readText(path.join(this.proc, 'diskstats'));
    if (disk !== undefined) counters.disk = parseDiskstats(disk, (name) => fs.existsSync(path.join(this.sys, 'block', name.replace(/\//g, '!'))));
    const net = readText(path.join(this.proc, 'net/dev'));
    if (net !== undefined) counters.net = parseNetDev(net);
    return counters;
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

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Bytes read and written, from /proc/diskstats (`major minor name reads merged sectors ms writes
 * merged sectors …`), summed over the devices `whole` accepts: psutil's totals count whole devices
 * only, so that a partition's I/O is not counted again beside its disk's.
 */
function parseDiskstats(text: string, whole: (name: string) => boolean): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 14 || !whole(f[2])) continue;
    const sectorsRead = Number(f[5]);
    const sectorsWritten = Number(f[9]);
    if (!Number.isFinite(sectorsRead) || !Number.isFinite(sectorsWritten)) continue;
    read += sectorsRead * SECTOR;
    write += sectorsWritten * SECTOR;
  }
  return { read, write };
}

/** Bytes received and sent, from /proc/net/dev, summed over every interface (loopback too, as psutil). */
function parseNetDev(text: string): { recv: number; sent: number } {
  let recv = 0;
  let sent = 0;
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const f = line.slice(colon + 1).trim().split(/\s+/);
    if (f.length < 9) continue;
    const r = Number(f[0]);
    const s = Number(f[8]);
    if (!Number.isFinite(r) || !Number.isFinite(s)) continue;
    recv += r;
    sent += s;
  }
  return { recv, sent };
}
