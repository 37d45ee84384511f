/**
 * The model's size for Platform's epoch-0 `modelInfo`: from the trainer's summary line in the log,
 * else counted in a real checkpoint's pickled model (parameters only, never BatchNorm's buffers).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readCheckpointMeta } from '../../src/rundir/checkpoint.js';
import { parseTrainLog, readTrainLog } from '../../src/rundir/train-log.js';

const REAL = fileURLToPath(new URL('../../../__tests__/fixtures/real-runs/', import.meta.url));

describe('parameters counted in real checkpoints', () => {
  // 8.4.41-detect is yolo26n: the real 8.4.41 client sent parameters 2504580 for it; counting the
  // buffers too (BatchNorm running_mean, running_var, num_batches_tracked) would give 2,523,686.
  // The classifiers have a 2-class head: yolov8n-cls is 2,719,288 with 1000 classes, and its
  // Linear(1280, nc) holds 1280·nc + nc, so 2,719,288 − 1,281,000 + 2,562 = 1,440,850.
  const expected: [string, number][] = [
    ['8.4.41-detect', 2_504_580],
    ['8.4.41-classify', 1_533_666],
    ['8.2.103-classify', 1_440_850],
    ['8.0.20-classify', 1_440_850],
  ];
  for (const [run, parameters] of expected) {
    it(`${run}: ${parameters.toLocaleString('en')} parameters`, async () => {
      const meta = await readCheckpointMeta(`${REAL}${run}/weights/best.pt`);
      assert.equal(meta?.parameters, parameters);
    });
  }
});

describe('parseTrainLog', () => {
  it('reads the 8.4 banner and summary line (thousands separators)', () => {
    const log = [
      'Ultralytics 8.4.41 🚀 Python-3.11.2 torch-2.5.1 CPU (AMD EPYC)',
      '\u001b[34m\u001b[1mengine/trainer: \u001b[0magnostic_nms=False, …',
      '                   from  n    params  module                                       arguments',
      '  0                  -1  1       464  ultralytics.nn.modules.conv.Conv             [3, 16, 3, 2]',
      'YOLO26n summary: 260 layers, 2,504,580 parameters, 2,504,564 gradients, 5.8 GFLOPs',
      '',
      'Transferred 708/708 items from pretrained weights',
    ].join('\n');
    assert.deepEqual(parseTrainLog(log), { version: '8.4.41', parameters: 2504580, gflops: 5.8 });
  });

  it('reads the 8.0 forms: "YOLOv8.0.20" banner, no separators, "Model summary"', () => {
    const log = 'Ultralytics YOLOv8.0.20 🚀 Python-3.10.9 torch-1.13.1 CPU\nModel summary: 225 layers, 3157200 parameters, 3157184 gradients, 8.9 GFLOPs\n';
    assert.deepEqual(parseTrainLog(log), { version: '8.0.20', parameters: 3157200, gflops: 8.9 });
  });

  it('skips the fused summary of the final validation and reads a summary without GFLOPs or gradients', () => {
    const log =
      'YOLOv8n-cls summary (fused): 73 layers, 1437442 parameters, 0 gradients, 3.3 GFLOPs\n' +
      'YOLOv8n-cls summary: 99 layers, 1,443,412 parameters, 1,443,412 gradients\n';
    assert.deepEqual(parseTrainLog(log), { parameters: 1443412 });
    assert.deepEqual(parseTrainLog('YOLO11n summary: 181 layers, 2,624,080 parameters\n'), { parameters: 2624080 });
  });

  it('does not take the update notice or a mention of Ultralytics for the banner', () => {
    const log = "New https://pypi.org/project/ultralytics/8.4.42 available 😃 Update with 'pip install -U ultralytics'\nUltralytics 8.4 is great\n";
    assert.deepEqual(parseTrainLog(log), {});
  });
});

describe('readTrainLog', () => {
  it('reads a log in the workspace; never one behind a link out of it, nor a FIFO (no wait for a writer)', () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-trainlog-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-trainlog-out-'));
    try {
      const text = 'Ultralytics 8.4.41 🚀 Python-3.11.2\nYOLO26n summary: 260 layers, 2,504,580 parameters, 5.8 GFLOPs\n';
      fs.writeFileSync(path.join(ws, 'train.log'), text);
      fs.writeFileSync(path.join(outside, 'secret.log'), text);
      fs.symlinkSync(path.join(outside, 'secret.log'), path.join(ws, 'linked.log'));
      execFileSync('mkfifo', [path.join(ws, 'fifo.log')]);
      assert.deepEqual(readTrainLog(path.join(ws, 'train.log'), ws), { version: '8.4.41', parameters: 2504580, gflops: 5.8 });
      assert.deepEqual(readTrainLog(path.join(ws, 'linked.log'), ws), {});
      assert.deepEqual(readTrainLog(path.join(ws, 'fifo.log'), ws), {});
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
