/** The detector on synthetic streams: each rule, its defaults, bursts, blame, and option errors. */
import { describe, expect, it } from 'vitest';
import { Detector, detect } from '../src/detect/detector.js';
import { alertLine, explainAlert } from '../src/detect/explain.js';
import type { Alert, LayerRecord, StepRecord } from '../src/detect/types.js';

/** Deterministic noise in [-1, 1]. */
function noise(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return 2 * (x - Math.floor(x)) - 1;
}

/** A healthy stream: layers a, b, c with norms 1, 0.5, 0.25 (±5%), loss 1 (±5%). */
function healthy(step: number, scale: Partial<Record<'a' | 'b' | 'c', number>> = {}): StepRecord {
  const layers: LayerRecord[] = (['a', 'b', 'c'] as const).map((name, k) => ({
    name,
    gradNorm: (1 / 2 ** k) * (1 + 0.05 * noise(step * 3 + k)) * (scale[name] ?? 1),
    gradNonFinite: 0,
    weightNorm: 10,
    weightNonFinite: 0,
    updateRatio: 1e-3,
  }));
  return { step, loss: 1 + 0.05 * noise(step + 1000), layers };
}

function run(records: StepRecord[], options = {}): Alert[] {
  return detect(records, options);
}

const steps = (n: number, f: (s: number) => StepRecord = healthy) =>
  Array.from({ length: n }, (_, i) => f(i + 1));

describe('detector', () => {
  it('raises nothing on a healthy stream', () => {
    expect(run(steps(500))).toEqual([]);
  });

  it('flags a gradient-norm spike, with its ratios and the layer that moved first', () => {
    const records = steps(60, (s) =>
      healthy(s, s >= 48 && s < 50 ? { c: 3 } : s === 50 ? { a: 10, b: 10, c: 10 } : {}),
    );
    const alerts = run(records).filter((a) => a.rule === 'grad_spike');
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(a.step).toBe(50);
    expect(a.first).toBe(true);
    expect(a.phase).toBe('gradients');
    expect(a.details.ratioToLevel).toBeGreaterThan(9);
    expect(a.details.ratioToStart).toBeGreaterThan(9);
    expect(a.severity).toBe('warning');
    // c moved at step 48, before the others: it is blamed although a carries most of the norm.
    expect(a.blame?.layer).toBe('c');
    expect(a.blame?.since).toBe(48);
    expect(a.blame?.top.map((t) => t.layer)).toEqual(['a', 'b', 'c']);
    expect(a.blame?.top[0]?.share).toBeCloseTo(1 / (1 + 0.25 + 0.0625), 1);
  });

  it('works from step 2: a jump over the first step is a spike', () => {
    const records = steps(5, (s) => healthy(s, s === 2 ? { a: 30, b: 30, c: 30 } : {}));
    expect(run(records).map((a) => [a.step, a.rule])).toEqual([[2, 'grad_spike']]);
  });

  it('takes a jump while the loss falls as a run leaving a plateau, and its scale as healthy', () => {
    // Norms 0.01 on a plateau (loss 1), then rising 2.5x a step to 1 while the loss falls 15% a
    // step to 0.1, where both stay.
    const records = steps(80, (s) => {
      const f = Math.min(1, 0.01 * 2.5 ** Math.max(0, s - 29));
      const r = healthy(s, { a: f, b: f, c: f });
      r.loss = Math.max(0.1, 0.85 ** Math.max(0, s - 29)) * (1 + 0.02 * noise(s));
      return r;
    });
    expect(run(records)).toEqual([]);
  });

  it('makes a spike an error at 1000x its level, or when its square overflows float32', () => {
    const records = steps(60, (s) => healthy(s, s === 50 ? { a: 3000, b: 3000, c: 3000 } : {}));
    expect(run(records).find((x) => x.rule === 'grad_spike')?.severity).toBe('error');
    const huge = healthy(5);
    huge.layers![0]!.gradNorm = 1.4e20;
    const a = run([...steps(4), huge]).find((x) => x.rule === 'grad_spike')!;
    expect(a.severity).toBe('error');
    expect(a.summary).toContain('its square overflows float32');
    expect(a.details.overflow).toBe('true');
  });

  it('groups repeated firings into bursts', () => {
    const spikes = new Set([50, 52, 55, 120]);
    const records = steps(130, (s) => healthy(s, spikes.has(s) ? { a: 30, b: 30, c: 30 } : {}));
    const alerts = run(records).filter((a) => a.rule === 'grad_spike');
    expect(alerts.map((a) => [a.step, a.first])).toEqual([
      [50, true],
      [52, false],
      [55, false],
      [120, true],
    ]);
  });

  it('flags a loss that stays an order of magnitude up, not one heavy batch', () => {
    const spiky = (bad: Set<number>, value: number) =>
      steps(60, (s) => ({ ...healthy(s), loss: bad.has(s) ? value : healthy(s).loss }));
    expect(run(spiky(new Set([40, 41]), 30)).filter((a) => a.rule === 'loss_spike')).toEqual([]);
    const alerts = run(spiky(new Set([40, 41, 42]), 30)).filter((a) => a.rule === 'loss_spike');
    expect(alerts.map((a) => [a.step, a.severity])).toEqual([[42, 'warning']]);
    expect(alerts[0]!.details.ratioToMedian).toBeCloseTo(30, 0);
    // 100x the starting loss: diverged.
    const diverged = run(spiky(new Set([40]), 150)).filter((a) => a.rule === 'loss_spike');
    expect(diverged.map((a) => [a.step, a.severity])).toEqual([[40, 'error']]);
  });

  it('flags sustained growth no later than the spike rule, on a noisy baseline', () => {
    // Norms with ±30% noise, then growing 10% per step from step 40.
    const records = steps(100, (s) => {
      const f = (s > 40 ? 1.1 ** (s - 40) : 1) * (1 + 0.3 * noise(s + 77));
      return healthy(s, { a: f, b: f, c: f });
    });
    const alerts = run(records);
    const growth = alerts.find((a) => a.rule === 'grad_growth');
    expect(growth).toBeDefined();
    expect(growth!.details.sinceLowest).toBeGreaterThanOrEqual(4);
    expect(growth!.details.trendFactor).toBeGreaterThanOrEqual(2);
    expect(growth!.details.r2).toBeGreaterThanOrEqual(0.5);
    const spike = alerts.find((a) => a.rule === 'grad_spike');
    expect(growth!.step).toBeLessThanOrEqual(spike?.step ?? Number.POSITIVE_INFINITY);
    expect(alerts.filter((a) => a.step <= 40)).toEqual([]);
  });

  it('flags vanishing layers relative to the others, worst first, and not at a converged loss', () => {
    const records = (dead: boolean, loss?: number) =>
      steps(60, (s) => {
        const r = healthy(s);
        r.layers![0]!.gradNorm = 1e-9;
        r.layers![1]!.gradNorm = dead ? 0 : 1e-6;
        if (loss !== undefined) r.loss = s < 10 ? 1 : loss;
        return r;
      });
    const vanishing = run(records(false)).filter((a) => a.rule === 'vanishing' && a.first);
    expect(vanishing.map((a) => [a.step, a.blame?.layer, a.details.dead, a.details.layersAffected])).toEqual([
      [50, 'a', 'false', 2],
    ]);
    // A dead layer blocks the gradient of every layer before it: the one nearest the output is named.
    const dead = run(records(true)).filter((a) => a.rule === 'vanishing' && a.first);
    expect(dead.map((a) => [a.step, a.blame?.layer, a.details.dead])).toEqual([[50, 'b', 'true']]);
    // A 1e-6 loss where it started at 1: converged, tiny gradients are the point.
    expect(run(records(false, 1e-6)).filter((a) => a.rule === 'vanishing')).toEqual([]);
  });

  it('flags updates as large as the weights, and a layer that does not learn', () => {
    const withRatio = (u: number) =>
      steps(60, (s) => {
        const r = healthy(s);
        r.layers![0]!.updateRatio = u;
        return r;
      });
    expect(run(withRatio(0.5)).filter((a) => a.rule === 'update_ratio')).toEqual([]);
    expect(run(withRatio(2)).find((a) => a.rule === 'update_ratio')).toMatchObject({
      step: 3,
      severity: 'warning',
      first: true,
      phase: 'weights',
      details: { layer: 'a', direction: 'high' },
    });
    // An update 10x the weights it was applied to: an error from the first step.
    expect(run(withRatio(20)).find((a) => a.rule === 'update_ratio')).toMatchObject({
      step: 1,
      severity: 'error',
      phase: 'weights',
    });
    expect(run(withRatio(1e-8)).find((a) => a.rule === 'update_ratio')).toMatchObject({
      step: 50,
      details: { layer: 'a', direction: 'low' },
    });
  });

  it('flags dead and saturated layers from their activations, not the output layer, not after convergence', () => {
    const withActs = (zero: number, sat: number, loss?: number) =>
      steps(10, (s) => {
        const r = healthy(s);
        r.layers![0]!.activation = { zeroFraction: zero, saturatedFraction: sat };
        r.layers![1]!.activation = { zeroFraction: 0.2, saturatedFraction: 0.1 };
        // The output layer saturates (confident predictions): never judged for it.
        r.layers![2]!.activation = { zeroFraction: 0, saturatedFraction: 1, output: true };
        if (loss !== undefined) r.loss = s <= 5 ? 1 : loss;
        return r;
      });
    const dead = run(withActs(1, 0)).filter((a) => a.rule === 'dead_units' && a.first);
    expect(dead.map((a) => [a.step, a.blame?.layer, a.severity])).toEqual([[3, 'a', 'warning']]);
    expect(run(withActs(0.9, 0)).filter((a) => a.rule === 'dead_units')).toEqual([]);
    const sat = run(withActs(0, 0.97)).filter((a) => a.rule === 'saturation' && a.first);
    expect(sat.map((a) => [a.step, a.blame?.layer])).toEqual([[3, 'a']]);
    expect(run(withActs(0, 0.5)).filter((a) => a.rule === 'saturation')).toEqual([]);
    // A loss at 1e-6 of where it started: converged, saturation is no fault then.
    expect(run(withActs(0, 0.97, 1e-6)).filter((a) => a.rule === 'saturation' && a.step >= 9)).toEqual([]);
  });

  it('flags a forward pass that amplifies layer after layer, at two measured steps in a row', () => {
    const record = (step: number, growth: number): StepRecord => ({
      step,
      loss: 1,
      layers: ['l1', 'l2', 'l3', 'l4', 'l5'].map((name, i) => ({
        name,
        gradNorm: 1,
        activation: { zeroFraction: 0, maxAbs: growth ** i },
      })),
    });
    const grows = run([1, 2, 3].map((s) => record(s, 3))).filter(
      (a) => a.rule === 'activation_growth' && a.first,
    );
    expect(grows.map((a) => [a.step, a.blame?.layer, a.details.layers])).toEqual([[2, 'l1', 4]]);
    expect(run([1, 2, 3].map((s) => record(s, 2))).filter((a) => a.rule === 'activation_growth')).toEqual([]);
  });

  it('names the first layer that amplifies, not the last one that does not', () => {
    // l1 and l2 keep the scale (l2 is 1.5x l1: not amplifying); l3 to l6 each multiply it by 5.
    const maxAbs = [2, 3, 15, 75, 375, 1875];
    const record = (step: number): StepRecord => ({
      step,
      loss: 1,
      layers: maxAbs.map((m, i) => ({
        name: `l${i + 1}`,
        gradNorm: 1,
        activation: { zeroFraction: 0, maxAbs: m },
      })),
    });
    const grows = run([1, 2].map(record)).filter((a) => a.rule === 'activation_growth' && a.first);
    expect(
      grows.map((a) => [a.step, a.blame?.layer, a.details.from, a.details.to, a.details.layers]),
    ).toEqual([[2, 'l3', 'l2', 'l6', 4]]);
  });

  it('sees no growth after a dead layer: outputs of 0 do not amplify', () => {
    // l2 is dead, so l3 to l5 output 0 and the head only its bias: 0 >= 3 * 0 is no growth.
    const maxAbs = [1.5, 0, 0, 0, 0, 0.2];
    const records = [1, 2, 3, 4].map(
      (step): StepRecord => ({
        step,
        loss: 1,
        layers: maxAbs.map((m, i) => ({
          name: `l${i + 1}`,
          gradNorm: m > 0 ? 1 : 0,
          activation: { zeroFraction: m > 0 ? 0 : 1, maxAbs: m, ...(i === 5 ? { output: true } : {}) },
        })),
      }),
    );
    const alerts = run(records).filter((a) => a.first && a.rule !== 'vanishing');
    expect(alerts.map((a) => [a.step, a.rule, a.blame?.layer])).toEqual([[3, 'dead_units', 'l2']]);
  });

  describe('non-finite values and blame', () => {
    const nan = (r: StepRecord, names: string[]) => {
      for (const l of r.layers!) {
        if (names.includes(l.name)) Object.assign(l, { gradNorm: Number.NaN, gradNonFinite: 4, gradNaN: 4 });
      }
      r.loss = Number.NaN;
      return r;
    };

    it('blames the non-finite layer nearest the output when only some went non-finite', () => {
      const records = steps(20, (s) => (s === 20 ? nan(healthy(s), ['a', 'b']) : healthy(s)));
      const d = new Detector();
      const alerts = records.flatMap((r) => d.observe(r));
      const grad = alerts.find((a) => a.rule === 'non_finite_grad')!;
      expect(grad).toMatchObject({ step: 20, severity: 'error', details: { nan: 8, layersAffected: 2 } });
      expect(grad.blame?.layer).toBe('b');
      expect(alerts.find((a) => a.rule === 'non_finite_loss')?.step).toBe(20);
      expect(d.firstNonFinite).toEqual({ step: 20, what: 'gradients' });
    });

    it('blames the layer whose weights were non-finite before the update', () => {
      const records = steps(20, (s) => {
        if (s < 20) return healthy(s);
        const r = nan(healthy(s), ['a', 'b', 'c']);
        r.layers![2]!.weightNonFiniteBefore = 1;
        return r;
      });
      const grad = run(records).find((a) => a.rule === 'non_finite_grad')!;
      expect(grad.blame?.layer).toBe('c');
      expect(grad.blame?.reason).toContain('weights went non-finite first');
    });

    it('blames the layer whose norm deviated first when every layer went non-finite', () => {
      const records = steps(40, (s) =>
        s === 40 ? nan(healthy(s), ['a', 'b', 'c']) : healthy(s, s >= 36 ? { b: 4 } : {}),
      );
      const grad = run(records).find((a) => a.rule === 'non_finite_grad')!;
      expect(grad.blame).toMatchObject({ layer: 'b', since: 36 });
    });

    it('calls values non-finite only when a value is NaN or infinite, not when a norm overflows', () => {
      // A float32 sum that overflowed, with counts that say every value is finite: a spike, an error.
      const r = healthy(5);
      r.layers![0]!.gradNorm = Number.POSITIVE_INFINITY;
      r.layers![0]!.gradNaN = 0;
      r.layers![0]!.gradNonFinite = 0;
      const alerts = run([...steps(4), r]);
      expect(alerts.map((a) => [a.rule, a.severity])).toEqual([['grad_spike', 'error']]);
      // The overflowed layer carries the whole squared norm, not the share of its last finite norm.
      expect(alerts[0]!.blame?.top[0]).toMatchObject({ layer: 'a', share: 1 });
      // Weights whose norm overflows but whose counts are zero (a 2e19 embedding row) are finite.
      const w = healthy(5);
      w.layers![1]!.weightNorm = Number.POSITIVE_INFINITY;
      w.layers![1]!.weightNonFinite = 0;
      expect(run([...steps(4), w]).filter((a) => a.rule === 'non_finite_weights')).toEqual([]);
      // Without counts (a logged norm series), a non-finite norm is taken as non-finite values.
      const logged = { step: 5, globalGradNorm: Number.NaN };
      expect(run([...steps(4), logged]).map((a) => a.rule)).toEqual(['non_finite_grad']);
    });
  });

  it('runs on partial series: a loss alone, or a global norm alone', () => {
    const lossOnly = steps(40, (s) => ({ step: s, loss: s >= 30 && s < 33 ? 50 : 1 + 0.05 * noise(s) }));
    expect(run(lossOnly).map((a) => a.rule)).toEqual(['loss_spike']);
    const normOnly = steps(40, (s) => ({ step: s, globalGradNorm: s === 30 ? 50 : 1 + 0.05 * noise(s) }));
    expect(run(normOnly).map((a) => a.rule)).toEqual(['grad_spike']);
  });

  it('turns rules off and takes custom thresholds', () => {
    // 3x is many sigmas on this quiet stream, but under the default factor of 10.
    const records = steps(60, (s) => healthy(s, s === 50 ? { a: 3, b: 3, c: 3 } : {}));
    expect(run(records).filter((a) => a.rule === 'grad_spike')).toEqual([]);
    const custom = run(records, { spike: { factor: 2 } }).filter((a) => a.rule === 'grad_spike');
    expect(custom.map((a) => a.step)).toEqual([50]);
    const big = steps(60, (s) => healthy(s, s === 50 ? { a: 30, b: 30, c: 30 } : {}));
    expect(run(big, { rules: { grad_spike: false } }).filter((a) => a.rule === 'grad_spike')).toEqual([]);
  });

  it('names the bad option', () => {
    expect(() => new Detector({ rules: { nope: true } as never })).toThrow(/unknown rule "nope"/);
    expect(() => new Detector({ spike: { factor: 0.5 } })).toThrow(
      /spike.factor must be a finite number > 1/,
    );
    expect(() => new Detector({ spike: { zz: 1 } as never })).toThrow(/unknown option "spike.zz"/);
    expect(() => new Detector({ growth: { window: 2.5 } })).toThrow(/growth.window must be an integer >= 3/);
    expect(() => new Detector({ spike: { factor: 20, errorFactor: 15 } })).toThrow(/spike.errorFactor/);
    expect(() => new Detector({ updateRatio: { low: 1, high: 0.5 } })).toThrow(/updateRatio.low/);
    expect(() => new Detector().observe({ step: 1.5 })).toThrow(/step must be an integer/);
  });

  it('explains an alert in markdown and in one console line', () => {
    const records = steps(60, (s) => healthy(s, s === 50 ? { a: 10, b: 10, c: 10 } : {}));
    const a = run(records).find((x) => x.rule === 'grad_spike')!;
    const md = explainAlert(a);
    expect(md).toMatch(/^### Gradient norm spike at step 50 \(warning\)/);
    expect(md).toContain('**Where.** Layer `a`');
    expect(md).toContain('| `a` |');
    expect(md).toContain('**What to try.**');
    expect(md).toContain('clip: { zclip: {} }');
    expect(alertLine(a)).toMatch(
      /^gradwatch: \[grad_spike\] step 50: gradient norm .* blame: a \(\d+(\.\d+)?% of \|\|g\|\|²\)$/,
    );
  });
});
