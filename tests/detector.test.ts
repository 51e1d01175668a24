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

  it('flags a gradient-norm spike after warm-up, with z, ratio and the layer that moved first', () => {
    const records = steps(60, (s) =>
      healthy(s, s >= 48 && s < 50 ? { c: 3 } : s === 50 ? { a: 10, b: 10, c: 10 } : {}),
    );
    const alerts = run(records).filter((a) => a.rule === 'grad_spike');
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(a.step).toBe(50);
    expect(a.first).toBe(true);
    expect(a.phase).toBe('gradients');
    expect(a.details.ratioToMean).toBeGreaterThan(9);
    expect(a.value).toBeGreaterThan(6);
    // c moved at step 48, before the others: it is blamed although a carries most of the norm.
    expect(a.blame?.layer).toBe('c');
    expect(a.blame?.since).toBe(48);
    expect(a.blame?.top.map((t) => t.layer)).toEqual(['a', 'b', 'c']);
    expect(a.blame?.top[0]?.share).toBeCloseTo(1 / (1 + 0.25 + 0.0625), 1);
  });

  it('stays quiet during warm-up', () => {
    const records = steps(30, (s) => healthy(s, s === 10 ? { a: 10, b: 10, c: 10 } : {}));
    expect(run(records).filter((a) => a.rule === 'grad_spike')).toEqual([]);
  });

  it('flags a norm 10x the running max (Megatron) as an error', () => {
    const records = steps(60, (s) => healthy(s, s === 50 ? { a: 30, b: 30, c: 30 } : {}));
    const a = run(records).find((x) => x.rule === 'grad_spike')!;
    expect(a.severity).toBe('error');
    expect(a.details.ratioToRecentMax).toBeGreaterThan(10);
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

  it('flags a loss spike against the rolling median, not ordinary noise', () => {
    const records = steps(60, (s) => ({
      ...healthy(s),
      loss: s === 40 ? 10 : s === 45 ? 1.5 : healthy(s).loss,
    }));
    const alerts = run(records).filter((a) => a.rule === 'loss_spike');
    expect(alerts.map((a) => a.step)).toEqual([40]);
    expect(alerts[0]!.details.ratioToMedian).toBeCloseTo(10, 0);
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
    expect(growth!.details.factor).toBeGreaterThanOrEqual(4);
    expect(growth!.details.r2).toBeGreaterThanOrEqual(0.6);
    const spike = alerts.find((a) => a.rule === 'grad_spike');
    expect(growth!.step).toBeLessThanOrEqual(spike?.step ?? Number.POSITIVE_INFINITY);
    expect(alerts.filter((a) => a.step <= 40)).toEqual([]);
  });

  it('flags vanishing and dead layers after a window', () => {
    const records = steps(60, (s) => {
      const r = healthy(s);
      r.layers![1]!.gradNorm = 1e-9;
      r.layers![2]!.gradNorm = 0;
      return r;
    });
    const alerts = run(records).filter((a) => a.rule === 'vanishing' && a.first);
    expect(alerts.map((a) => [a.step, a.blame?.layer, a.details.dead])).toEqual([
      [50, 'b', 'false'],
      [50, 'c', 'true'],
    ]);
  });

  it('flags an update ratio far from 1e-3 over a window', () => {
    const records = steps(60, (s) => {
      const r = healthy(s);
      r.layers![0]!.updateRatio = 0.5;
      return r;
    });
    const alerts = run(records).filter((a) => a.rule === 'update_ratio');
    expect(alerts[0]).toMatchObject({
      step: 50,
      first: true,
      phase: 'weights',
      details: { layer: 'a', direction: 'high' },
    });
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

    it('tells a float32 overflow of the norm from non-finite values', () => {
      const r = healthy(5);
      r.layers![0]!.gradNorm = Number.POSITIVE_INFINITY;
      r.layers![0]!.gradNaN = 0;
      const a = run([...steps(4), r]).find((x) => x.rule === 'non_finite_grad')!;
      expect(a.summary).toContain('overflows float32');
      // An exact norm that is finite but whose square is not a float32 (the watch sums in float64).
      const huge = healthy(5);
      huge.layers![0]!.gradNorm = 1.4e20;
      const b = run([...steps(4), huge]).find((x) => x.rule === 'non_finite_grad')!;
      expect(b.summary).toBe(
        'the gradient norm 1.40e+20 overflows float32 (sum of squares above 3.4e38) although every gradient value is finite',
      );
      expect(b.severity).toBe('error');
      // Just under the limit (1.8e19) it is a number like any other.
      const under = healthy(5);
      under.layers![0]!.gradNorm = 1.8e19;
      expect(run([...steps(4), under]).filter((x) => x.rule === 'non_finite_grad')).toEqual([]);
    });
  });

  it('runs on partial series: a loss alone, or a global norm alone', () => {
    const lossOnly = steps(40, (s) => ({ step: s, loss: s === 30 ? 50 : 1 + 0.05 * noise(s) }));
    expect(run(lossOnly).map((a) => a.rule)).toEqual(['loss_spike']);
    const normOnly = steps(40, (s) => ({ step: s, globalGradNorm: s === 30 ? 50 : 1 + 0.05 * noise(s) }));
    expect(run(normOnly).map((a) => a.rule)).toEqual(['grad_spike']);
  });

  it('turns rules off and takes custom thresholds', () => {
    // 1.5x is many sigmas on this quiet stream, but under the default minRatio of 2.
    const records = steps(60, (s) => healthy(s, s === 50 ? { a: 1.5, b: 1.5, c: 1.5 } : {}));
    expect(run(records).filter((a) => a.rule === 'grad_spike')).toEqual([]);
    const custom = run(records, { spike: { minRatio: 1.3 } }).filter((a) => a.rule === 'grad_spike');
    expect(custom.map((a) => a.step)).toEqual([50]);
    const big = steps(60, (s) => healthy(s, s === 50 ? { a: 30, b: 30, c: 30 } : {}));
    expect(run(big, { rules: { grad_spike: false } }).filter((a) => a.rule === 'grad_spike')).toEqual([]);
  });

  it('names the bad option', () => {
    expect(() => new Detector({ rules: { nope: true } as never })).toThrow(/unknown rule "nope"/);
    expect(() => new Detector({ spike: { alpha: 1.5 } })).toThrow(/spike.alpha must be between 0 and 1/);
    expect(() => new Detector({ spike: { zz: 1 } as never })).toThrow(/unknown option "spike.zz"/);
    expect(() => new Detector({ growth: { window: 2.5 } })).toThrow(/growth.window must be an integer >= 1/);
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
