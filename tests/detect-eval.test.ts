/**
 * The detector evaluation's fast subset (tests/eval, the scenarios marked `fast`), trained for real
 * on the cpu backend: every explosion is alerted at or before its bad step and never later than the
 * fixed 10x threshold would have, stable and vanishing runs never go bad and stable ones raise
 * nothing, runs with one culprit blame it, and `gradwatch analyze` finds the same first alert in the
 * logdir as the live callback did. Activation faults are named by the expected rule at the layer the
 * ground truth (the layers' outputs measured outside gradwatch) finds, within two steps of the step
 * it finds them from, and stable runs whose outputs were measured show no such fault. `npm run
 * eval:detect` prints the whole suite's table.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from './eval/harness.js';
import { SCENARIOS } from './eval/scenarios.js';
import { caught, lead, scoreActivations, scoreTrace } from './eval/score.js';
import { tempDir } from './helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('detector evaluation (fast subset)', () => {
  for (const s of SCENARIOS.filter((x) => x.fast)) {
    it(`${s.kind}: ${s.name}`, { timeout: 60_000 }, async () => {
      const row = scoreTrace(await runScenario(s, await tempDir()));
      const t = row.trace;
      const live = row.live;
      expect({ step: row.posthoc?.step, rule: row.posthoc?.rule }).toEqual({
        step: live?.step,
        rule: live?.rule,
      });
      if (s.activation || s.probe) {
        const act = scoreActivations(t);
        expect(act.invalid).toBeUndefined();
        if (s.activation) {
          expect(caught(act), `first ${s.activation.rule} alert ${JSON.stringify(act.live)}`).toBe(true);
          // Three measured steps in a row (two for activation_growth): at most two steps after the truth.
          expect(act.live!.step - act.truth!.step).toBeGreaterThanOrEqual(0);
          expect(act.live!.step - act.truth!.step).toBeLessThanOrEqual(2);
        }
      }
      // An activation fault is judged on its rule above: it may go bad on the way (a learning rate that kills units).
      if (s.kind === 'explodes') {
        expect(t.badStep).not.toBeNull();
        const ours = lead(live, t.badStep);
        expect(ours, `first alert ${JSON.stringify(live)}, bad step ${t.badStep}`).not.toBeNull();
        const fixed = lead(row.fixed, t.badStep);
        if (fixed !== null) expect(ours!).toBeGreaterThanOrEqual(fixed - 1);
      } else if (s.kind !== 'activations') {
        expect(t.badStep).toBeNull();
        if (s.kind === 'stable') expect(t.live.map((a) => `${a.step}:${a.rule}`)).toEqual([]);
        else expect(row.vanishing).not.toBeNull();
      }
      if (s.culprit !== undefined) expect(live?.layer).toBe(s.culprit);
    });
  }
});
