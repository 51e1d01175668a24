/**
 * The detector's evaluation suite (tests/eval/scenarios.ts) with the default options: every
 * explosion is flagged before the loss turns non-finite, injected faults are blamed on the right
 * layer at the right step, and stable runs raise nothing. `npm run eval:detect` prints the table.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from './eval/scenarios.js';
import { tempDir } from './helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('detector evaluation', () => {
  for (const s of SCENARIOS) {
    it(`${s.kind}: ${s.name}`, { timeout: 60_000 }, async () => {
      const o = await s.run(await tempDir());
      if (s.kind === 'stable') {
        expect(o.firstNonFiniteLoss).toBeUndefined();
        expect(o.alerts.map((a) => `${a.step}:${a.rule}`)).toEqual([]);
      } else if (s.kind === 'explodes') {
        expect(o.firstNonFiniteLoss).toBeDefined();
        expect(o.alerts.length).toBeGreaterThan(0);
        expect(o.alerts[0]!.step).toBeLessThan(o.firstNonFiniteLoss!);
      } else {
        const nf = o.alerts.find((a) => a.rule === 'non_finite_grad');
        expect(nf?.step).toBe(s.faultStep);
        expect(nf?.blame?.layer).toBe(s.culprit);
        // Nothing before the fault: the run was healthy.
        expect(o.alerts.filter((a) => a.step < s.faultStep!)).toEqual([]);
      }
    });
  }
});
