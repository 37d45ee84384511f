/**
 * Bad input gets one clear, fix-it error and a failed step: never a stack trace, never a request
 * to the server, never silent success. Run through the bundle as the runner runs it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Emulator, startEmulator } from '../../emulator/server.js';
import { HUB_KEY, PLATFORM_KEY, type Workspace, runAction, visible, workspace } from './harness.js';

let emu: Emulator;
let ws: Workspace;
let outside: string;

before(async () => {
  emu = await startEmulator();
  ws = workspace();
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ul-outside-'));
  fs.writeFileSync(path.join(outside, 'best.pt'), 'x');
});
after(async () => {
  await emu.close();
  ws.remove();
  fs.rmSync(outside, { recursive: true, force: true });
});

interface Case {
  name: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  /** Files to write in the run dir first. */
  files?: Record<string, string | Buffer>;
  error: RegExp;
}

/** Stands for the emulator's URL, which is known only once it runs. */
const EMU = '{emulator}';
const platform = () => ({ 'api-key': PLATFORM_KEY, 'api-url': EMU, project: 'acme/bad' });

const cases: Case[] = [
  { name: 'an unknown backend', inputs: { ...platform(), backend: 'azure' }, error: /Input `backend` must be one of `auto`, `hub`, `platform`; got "azure"/ },
  { name: 'a malformed model id', inputs: { ...platform(), model: 'not a model!' }, error: /Input `model` is not a model this action understands\. Use one of: ul:\/\/owner\/project\/model/ },
  { name: 'a Platform path with too few parts', inputs: { ...platform(), model: 'ul://acme/helmets' }, error: /not a Platform model path: expected ul:\/\/owner\/project\/model/ },
  { name: 'an epoch that is not a number', inputs: { ...platform(), epoch: 'last' }, error: /Input `epoch` must be a whole number ≥ 0 .*got "last"/ },
  { name: 'a map outside 0..1', inputs: { ...platform(), map: '45.6' }, error: /Input `map` must be a number from 0 to 1/ },
  { name: 'an empty metrics file', inputs: { ...platform(), metrics: 'runs/detect/train/empty.csv' }, files: { 'empty.csv': '' }, error: /empty\.csv is empty/ },
  { name: 'a binary metrics file', inputs: { ...platform(), metrics: 'runs/detect/train/bin.csv' }, files: { 'bin.csv': Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0xfe, 0, 1, 2]) }, error: /bin\.csv .*(binary|not a text)/i },
  { name: 'a metrics file without an epoch column', inputs: { ...platform(), metrics: 'runs/detect/train/noepoch.csv' }, files: { 'noepoch.csv': 'a,b\n1,2\n' }, error: /noepoch\.csv has no `?epoch`? column/ },
  { name: 'an args.yaml that is not a mapping', inputs: { ...platform(), args: 'runs/detect/train/list.yaml' }, files: { 'list.yaml': '- a\n- b\n' }, error: /list\.yaml .*not a mapping|list\.yaml .*mapping/ },
  { name: 'a weights glob outside the workspace', inputs: { ...platform(), weights: '../../../*.pt' }, error: /Input `weights` \(.*\) points outside the workspace/ },
  { name: 'a run-dir outside the workspace', inputs: { ...platform(), 'run-dir': '../elsewhere' }, error: /Input `run-dir` \(\.\.\/elsewhere\) points outside the workspace/ },
  { name: 'a HUB key for the Platform backend', inputs: { ...platform(), 'api-key': HUB_KEY, backend: 'platform' }, error: /Input `api-key` is not an Ultralytics Platform key \(expected "ul_" followed by 40 hex characters, got 42 characters\)/ },
  { name: 'a Platform key for the HUB backend', inputs: { 'api-key': PLATFORM_KEY, 'api-url': EMU, backend: 'hub' }, error: /Input `api-key` is not an Ultralytics HUB key/ },
  { name: 'a malformed ul_ key', inputs: { ...platform(), 'api-key': 'ul_123' }, error: /not an Ultralytics Platform key .*got a "ul_" key of 6 characters/ },
  { name: 'no key anywhere', inputs: { 'api-url': EMU, project: 'acme/bad' }, error: /Input `api-key` is empty and env ULTRALYTICS_API_KEY is not set/ },
  { name: 'plain http to a remote host', inputs: { ...platform(), 'api-url': 'http://platform.example.com' }, error: /Input `api-url` .*refusing to send credentials over plain http/ },
  { name: 'a HUB key aimed at the shut-down HUB', inputs: { 'api-key': HUB_KEY, model: 'AbCdEfGhIjKlMnOpQrSt' }, error: /HUB, which shut down on 2026-07-31\. Move to Ultralytics Platform/ },
  { name: 'an unknown status', inputs: { ...platform(), status: 'done' }, error: /Input `status` must be one of `success`, `failure`, `cancelled`/ },
  { name: 'a bad boolean', inputs: { ...platform(), final: 'maybe' }, error: /Input `final` must be true or false/ },
  { name: 'a run-dir that does not exist', inputs: { ...platform(), 'run-dir': 'runs/detect/nope' }, error: /Input `run-dir` \(.*nope\) does not exist/ },
  { name: 'a missing explicit args file', inputs: { ...platform(), args: 'runs/detect/train/missing.yaml' }, error: /missing\.yaml/ },
  { name: 'no project for Platform', inputs: { 'api-key': PLATFORM_KEY, 'api-url': EMU }, error: /Input `project` is not set/ },
];

describe('bad input', () => {
  for (const c of cases) {
    it(`fails with a fix-it message on ${c.name}`, async () => {
      for (const [name, content] of Object.entries(c.files ?? {})) fs.writeFileSync(path.join(ws.runDir, name), content);
      const before = emu.state.requests.length;
      const inputs = Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [k, v.replace(EMU, emu.url)]));
      const run = await runAction(ws, inputs, c.env);
      assert.equal(run.code, 1, run.stdout);
      const shown = visible(run.stdout + run.stderr);
      assert.match(shown, /::error::ultralytics-sync: /);
      assert.match(shown, c.error);
      assert.doesNotMatch(shown, /^\s+at .+:\d+:\d+\)?$/m, 'a stack trace was printed');
      assert.equal(emu.state.requests.length, before, 'a request was sent despite the bad input');
      assert.equal(run.outputs.status, undefined, 'a status output was set');
    });
  }
});
