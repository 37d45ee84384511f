/** The quality gate's decisions, as a table: each input passing and failing, at and around its threshold. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CiReport, withGate } from '../../src/report/ci-report.js';
import { type GateInput, checkGate } from '../../src/report/gate.js';

const base: GateInput = { minMap: null, maxMapDrop: null, map: 0.45, mapLabel: 'mAP50-95' };

describe('quality gate', () => {
  const cases: [string, Partial<GateInput>, 'passed' | 'failed' | 'none', RegExp | null][] = [
    ['no gate input', {}, 'none', null],
    ['min-map met', { minMap: 0.4 }, 'passed', null],
    ['min-map met exactly', { minMap: 0.45 }, 'passed', null],
    ['min-map missed', { minMap: 0.5 }, 'failed', /^Quality gate failed: mAP50-95 0\.45 is below min-map 0\.5\.$/],
    ['min-map with no mAP', { minMap: 0.1, map: null }, 'failed', /mAP50-95 is unknown \(no epoch has it\), so it cannot meet min-map 0\.1/],
    ['max-map-drop within', { maxMapDrop: 0.01, baselineMap: 0.455 }, 'passed', null],
    ['max-map-drop met exactly (6-decimal values)', { maxMapDrop: 0.01, map: 0.4467, baselineMap: 0.4567 }, 'passed', null],
    ['max-map-drop with a rise', { maxMapDrop: 0, baselineMap: 0.3 }, 'passed', null],
    [
      'max-map-drop exceeded',
      { maxMapDrop: 0.01, map: 0.4311, baselineMap: 0.4521 },
      'failed',
      /^Quality gate failed: mAP50-95 dropped by 0\.021 against the baseline \(0\.4521 → 0\.4311\), more than max-map-drop 0\.01\.$/,
    ],
    ['max-map-drop without a baseline', { maxMapDrop: 0.01 }, 'none', null],
    ['both, both failing', { minMap: 0.5, maxMapDrop: 0.01, map: 0.3, baselineMap: 0.6 }, 'failed', /below min-map 0\.5; mAP50-95 dropped by 0\.3 .*max-map-drop 0\.01\.$/],
    ['both, one failing', { minMap: 0.2, maxMapDrop: 0.01, map: 0.3, baselineMap: 0.6 }, 'failed', /^Quality gate failed: mAP50-95 dropped by 0\.3/],
    ['top-1 for classify', { minMap: 0.9, mapLabel: 'top-1 accuracy' }, 'failed', /top-1 accuracy 0\.45 is below min-map 0\.9/],
  ];
  for (const [what, change, status, failure] of cases) {
    it(`${status} for ${what}`, () => {
      const g = checkGate({ ...base, ...change });
      assert.equal(g.status, status);
      if (failure) {
        assert.match(g.failure ?? '', failure);
        assert.doesNotMatch(g.failure ?? '', /\n/, 'one line');
      } else assert.equal(g.failure, undefined);
    });
  }

  it('says which check it skipped and why', () => {
    assert.match(checkGate({ ...base, maxMapDrop: 0.01 }).skipped[0], /max-map-drop 0\.01 is not checked: there is no usable baseline/);
    assert.match(checkGate({ ...base, maxMapDrop: 0.01, baselineMap: null }).skipped[0], /the baseline has no mAP50-95/);
  });

  it('fails the step after any other outcome, keeping its error first', () => {
    const failed = { gate: checkGate({ ...base, minMap: 0.5 }) } as CiReport;
    const passed = { gate: checkGate({ ...base, minMap: 0.4 }) } as CiReport;
    const ok = { exitCode: 0, outputs: {} };
    assert.deepEqual(withGate(ok, passed), ok);
    assert.deepEqual(withGate(ok, failed), { exitCode: 1, outputs: {}, error: 'Quality gate failed: mAP50-95 0.45 is below min-map 0.5.' });
    const partial = { exitCode: 1, outputs: {}, error: 'Sync incomplete: best.pt. Re-run the job to send the rest.' };
    assert.equal(withGate(partial, failed).error, 'Sync incomplete: best.pt. Re-run the job to send the rest. Quality gate failed: mAP50-95 0.45 is below min-map 0.5.');
  });
});
