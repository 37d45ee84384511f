/**
 * Platform's `environment.command`: the training's command line, from `run --`, from the `--pid`
 * process, or found in /proc beside a live sync (here a /proc of real files in a temp directory).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TRAINER_COMMAND_ENV, TRAINER_PID_ENV, commandOf, isTraining, trainerCommand } from '../../src/backend/trainer-command.js';

const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A /proc with these processes: argv, working directory, start (clock ticks). */
function fakeProc(procs: Record<string, { argv: string[]; cwd?: string; start?: number }>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-sync-fakeproc-'));
  dirs.push(dir);
  for (const [pid, p] of Object.entries(procs)) {
    fs.mkdirSync(path.join(dir, pid));
    fs.writeFileSync(path.join(dir, pid, 'cmdline'), p.argv.join('\0') + '\0');
    if (p.cwd) fs.symlinkSync(p.cwd, path.join(dir, pid, 'cwd'));
    const fields = Array.from({ length: 30 }, (_, i) => (i === 19 ? String(p.start ?? 1000) : '0'));
    fs.writeFileSync(path.join(dir, pid, 'stat'), `${pid} (${path.basename(p.argv[0])}) S ${fields.join(' ')}\n`);
  }
  fs.writeFileSync(path.join(dir, 'uptime'), '1 1\n'); // not a process
  return dir;
}

const WS = '/home/runner/work/yolo/yolo';

describe('trainerCommand', () => {
  it('takes the command run -- started, and nothing after a training without a live sync', () => {
    assert.equal(trainerCommand({ [TRAINER_COMMAND_ENV]: 'yolo train model=yolo11n.pt' }, { live: true, workspace: WS }), 'yolo train model=yolo11n.pt');
    assert.equal(trainerCommand({}, { live: false, workspace: WS, proc: fakeProc({ '7': { argv: ['yolo', 'train'] } }) }), undefined);
  });

  it('reads the --pid process, spelled as sys.argv (no interpreter)', () => {
    const proc = fakeProc({ '4242': { argv: ['/usr/bin/python3', '-u', '/usr/local/bin/yolo', 'train', 'data=coco8.yaml'] } });
    assert.equal(trainerCommand({ [TRAINER_PID_ENV]: '4242' }, { live: true, workspace: WS, proc }), '/usr/local/bin/yolo train data=coco8.yaml');
  });

  it('finds the training in /proc: not this tool, not another program; the workspace first, then the oldest', () => {
    const proc = fakeProc({
      '10': { argv: ['/usr/bin/node', '/home/runner/work/_actions/ultralytics-sync/v1/dist/main/index.js', 'train'], cwd: WS, start: 5 },
      '11': { argv: ['bash', '-c', 'sleep 100'], cwd: WS, start: 6 },
      '12': { argv: ['/usr/bin/python3', '/usr/local/bin/yolo', 'train', 'project=other'], cwd: '/srv/other', start: 7 },
      '13': { argv: ['/usr/bin/python3', '/usr/local/bin/yolo', 'train', 'data=coco8.yaml', 'epochs=3'], cwd: WS, start: 9 },
      '14': { argv: ['/usr/bin/python3', '/usr/local/bin/yolo', 'train', 'data=coco8.yaml', 'epochs=3'], cwd: WS, start: 12 }, // a forked worker
    });
    assert.equal(trainerCommand({}, { live: true, workspace: WS, proc, self: 99 }), '/usr/local/bin/yolo train data=coco8.yaml epochs=3');
  });

  it('gives nothing where no training runs, or without /proc', () => {
    assert.equal(trainerCommand({}, { live: true, workspace: WS, proc: fakeProc({ '3': { argv: ['sleep', '9'] } }) }), undefined);
    assert.equal(trainerCommand({}, { live: true, workspace: WS, proc: path.join(os.tmpdir(), 'no-such-proc') }), undefined);
  });

  it('recognises the usual ways to train', () => {
    assert.ok(isTraining(['yolo', 'train', 'model=yolo11n.pt'], false));
    assert.ok(isTraining(['yolo', 'detect', 'mode=train'], false));
    assert.ok(isTraining(['python', '-c', 'from ultralytics import YOLO; YOLO("yolo11n.pt").train(data="coco8.yaml")'], false));
    assert.ok(isTraining(['python3', 'scripts/train_helmets.py'], true));
    assert.ok(!isTraining(['python3', 'scripts/train_helmets.py'], false), 'a train*.py elsewhere is not taken');
    assert.ok(!isTraining(['yolo', 'predict', 'model=best.pt'], false));
    assert.ok(!isTraining(['node', 'bin/ultralytics-sync.js', 'run', '--', 'yolo', 'train'], true));
    assert.equal(commandOf(['python3', '-m', 'ultralytics', 'train']), '-m ultralytics train');
  });
});
