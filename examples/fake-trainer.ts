/**
 * A stand-in for `yolo train` that writes a run directory the way Ultralytics does, in real time,
 * for the watch-mode tests, the demo and users' offline workflow tests:
 *
 *   args.yaml first → per epoch: a results.csv row, last.pt rewritten in place, best.pt on a new
 *   best fitness → at the end both checkpoints stripped (epoch -1), as a finished training leaves them
 *
 * The epochs are the example run's rows (examples/runs/detect/train/results.csv). It prints the
 * trainer's banner and model summary lines, then a log line per epoch, like the trainer's console;
 * `--progress N` draws each epoch's progress bar first, redrawn N times with `\r` as the trainer's
 * does in a terminal. `--crash-at N` exits with status 1 after N epochs, leaving the checkpoints
 * unstripped, as a crashed training does.
 *
 *   node build/examples/fake-trainer.js [--dir runs/detect/train] [--epochs 20] [--interval 200]
 *                                       [--crash-at N] [--weights-kb 64] [--progress N]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pickle2, storedZip, torchArchive } from './runs/make-weights.js';

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/runs/detect/train');

const { values: opt } = parseArgs({
  options: {
    dir: { type: 'string', default: 'runs/detect/train' },
    epochs: { type: 'string', default: '20' },
    interval: { type: 'string', default: '200' },
    'crash-at': { type: 'string' },
    'weights-kb': { type: 'string', default: '64' },
    name: { type: 'string' },
    /** Print when each results.csv row was written (ms since the epoch), for the live-lag benchmark. */
    timestamps: { type: 'boolean' },
    progress: { type: 'string', default: '0' },
  },
});
const runDir = path.resolve(opt.dir as string);
const epochs = Number(opt.epochs);
const interval = Number(opt.interval);
const crashAt = opt['crash-at'] === undefined ? undefined : Number(opt['crash-at']);
const weightBytes = Number(opt['weights-kb']) * 1024;

const [header, ...rows] = fs.readFileSync(path.join(EXAMPLE, 'results.csv'), 'utf8').trim().split('\n');
const columns = header.split(',');
const mapCol = columns.indexOf('metrics/mAP50-95(B)');
const map50Col = columns.indexOf('metrics/mAP50(B)');

/** A checkpoint as torch.save lays it out: the metadata pickle plus a tensor blob of `weightBytes`. */
function checkpoint(epoch: number, fitness: number): Buffer {
  const meta = pickle2({ date: '2026-12-01T00:00:00', version: '8.3.40', epoch, best_fitness: fitness, train_args: { epochs } });
  return storedZip(torchArchive('weights', meta, Buffer.alloc(weightBytes, epoch & 0xff)));
}

/** Rewrites a file in place (same inode), as torch.save does with an open file. */
function rewrite(file: string, data: Buffer): void {
  const fd = fs.openSync(file, fs.existsSync(file) ? 'r+' : 'w');
  try {
    fs.ftruncateSync(fd, 0);
    fs.writeSync(fd, data, 0, data.length, 0);
  } finally {
    fs.closeSync(fd);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

fs.mkdirSync(path.join(runDir, 'weights'), { recursive: true });
const args = fs.readFileSync(path.join(EXAMPLE, 'args.yaml'), 'utf8')
  .replace(/^epochs: .*$/m, `epochs: ${epochs}`)
  .replace(/^name: .*$/m, `name: ${opt.name ?? path.basename(runDir)}`)
  .replace(/^save_dir: .*$/m, `save_dir: ${path.relative(process.cwd(), runDir) || '.'}`);
// As BaseTrainer does: select_device prints the banner, then args.yaml is saved.
console.log(`Ultralytics 8.3.40 🚀 Python-3.12.3 torch-2.5.1 CPU (fake trainer) → ${runDir}, ${epochs} epochs`);
fs.writeFileSync(path.join(runDir, 'args.yaml'), args);
console.log('YOLO11n summary: 181 layers, 2,624,080 parameters, 2,624,064 gradients, 6.6 GFLOPs');
const progress = Number(opt.progress);
fs.writeFileSync(path.join(runDir, 'results.csv'), header + '\n');

let best = -Infinity;
for (let e = 0; e < epochs; e++) {
  if (progress > 0) {
    // The training bar, redrawn in place; the line ends only when the epoch's batches are done.
    for (let k = 1; k <= progress; k++) {
      await sleep(interval / progress);
      const pct = Math.round((100 * k) / progress);
      const bar = '━'.repeat(Math.round(pct / 10)).padEnd(10, '─');
      process.stdout.write(`\r      ${e + 1}/${epochs}      0G      1.234      2.345 ${bar} ${pct}% ${k}/${progress}`);
    }
    process.stdout.write('\n');
  } else {
    await sleep(interval);
  }
  const cells = rows[e % rows.length].split(',');
  cells[0] = String(e + 1);
  fs.appendFileSync(path.join(runDir, 'results.csv'), cells.join(',') + '\n');
  if (opt.timestamps) console.log(`row ${e} written at ${Date.now()} in ${path.basename(runDir)}`);
  const fitness = 0.1 * Number(cells[map50Col]) + 0.9 * Number(cells[mapCol]);
  rewrite(path.join(runDir, 'weights/last.pt'), checkpoint(e, fitness));
  if (fitness >= best) {
    best = fitness;
    rewrite(path.join(runDir, 'weights/best.pt'), checkpoint(e, fitness));
  }
  console.log(`      ${e + 1}/${epochs}   box_loss ${cells[2]}   mAP50-95(B) ${cells[mapCol]}`);
  if (crashAt !== undefined && e + 1 >= crashAt) {
    console.error(`RuntimeError: CUDA out of memory (fake crash after epoch ${e + 1})`);
    process.exit(1);
  }
}
// final_eval strips both checkpoints (epoch -1, optimizer dropped: smaller)
rewrite(path.join(runDir, 'weights/last.pt'), checkpoint(-1, best));
rewrite(path.join(runDir, 'weights/best.pt'), checkpoint(-1, best));
console.log(`${epochs} epochs completed. Results saved to ${runDir}`);
