import { describe, expect, it } from 'vitest';
import { AUTO_DETAIL, AUTO_HISTOGRAM, Cadence, type StepPlan } from '../src/watch/cadence.js';

/**
 * Runs `steps` steps of `stepMs` each through the cadence, charging `plainMs` for a plain step and
 * `plainMs + detailMs` / `+ histogramMs` for the costlier ones; returns the plans.
 */
function simulate(
  c: Cadence,
  steps: number,
  cost: { stepMs: number; plainMs: number; detailMs: number; histogramMs?: number },
  from = 1,
  clock = { t: 0 },
): StepPlan[] {
  const plans: StepPlan[] = [];
  for (let step = from; step < from + steps; step++) {
    const p = c.plan(step, clock.t);
    plans.push(p);
    const ms = cost.plainMs + (p.detail ? cost.detailMs : 0) + (p.histogram ? (cost.histogramMs ?? 0) : 0);
    c.charge(p, ms);
    clock.t += cost.stepMs;
  }
  return plans;
}

/** The share of the step time the costlier statistics took over `plans`. */
function overhead(plans: StepPlan[], cost: { stepMs: number; detailMs: number; histogramMs?: number }) {
  const extra = plans.reduce(
    (a, p) => a + (p.detail ? cost.detailMs : 0) + (p.histogram ? (cost.histogramMs ?? 0) : 0),
    0,
  );
  return extra / (plans.length * cost.stepMs);
}

describe('cadence of the costlier statistics', () => {
  it('keeps detail statistics and histograms within the budget on a fast step', () => {
    // 4 ms steps; a detail step costs 0.5 ms more, a histogram step 2 ms more.
    const cost = { stepMs: 4, plainMs: 0.05, detailMs: 0.5, histogramMs: 2 };
    const c = new Cadence({ budget: 0.02 });
    simulate(c, 2000, cost);
    // 1% of 4 ms is 40 µs per step: a 0.5 ms detail step fits every 12.5 steps, so every 20.
    expect(c.statsEvery).toBe(20);
    // 2 ms / 40 µs = 50 steps, under the floor of 100.
    expect(c.histogramEvery).toBe(AUTO_HISTOGRAM.min);
    const plans = simulate(c, 2000, cost, 2001);
    expect(overhead(plans, cost)).toBeLessThanOrEqual(0.02);
  });

  it('takes every statistic at every step when the step is slow enough', () => {
    const cost = { stepMs: 700, plainMs: 0.1, detailMs: 2 };
    const c = new Cadence({ budget: 0.02 });
    const plans = simulate(c, 300, cost);
    expect(c.statsEvery).toBe(1);
    expect(plans.slice(-20).every((p) => p.detail)).toBe(true);
  });

  it('rises at once when statistics get costlier, and comes down one notch at a time', () => {
    const c = new Cadence({ budget: 0.02 });
    const clock = { t: 0 };
    simulate(c, 500, { stepMs: 10, plainMs: 0.05, detailMs: 0.05 }, 1, clock);
    expect(c.statsEvery).toBe(1);
    // Now a detail step costs 5 ms: 5 / (1% of 10 ms) = 50.
    simulate(c, 100, { stepMs: 10, plainMs: 0.05, detailMs: 5 }, 501, clock);
    expect(c.statsEvery).toBe(50);
    const seen: number[] = [c.statsEvery];
    for (let step = 601; step < 2600; step++) {
      simulate(c, 1, { stepMs: 10, plainMs: 0.05, detailMs: 0.05 }, step, clock);
      if (c.statsEvery !== seen.at(-1)) seen.push(c.statsEvery);
    }
    expect(c.statsEvery).toBe(1);
    expect(seen).toEqual([50, 20, 10, 5, 2, 1]);
  });

  it('ignores long pauses between steps (validation, epoch ends) in the step time', () => {
    const c = new Cadence({ budget: 0.02 });
    let t = 0;
    for (let step = 1; step <= 1000; step++) {
      const p = c.plan(step, t);
      c.charge(p, 0.05 + (p.detail ? 0.4 : 0));
      // 4 ms steps, and a 5 s pause every 50 steps.
      t += step % 50 === 0 ? 5000 : 4;
    }
    // Had the pauses counted, the mean step would be about 100 ms and every step would be detailed.
    expect(c.statsEvery).toBeGreaterThanOrEqual(10);
  });

  it('keeps fixed frequencies and the initial intervals until it has measured', () => {
    const fixed = new Cadence({ budget: 0.02, statsFreq: 3, histogramFreq: 7 });
    const plans = simulate(fixed, 42, { stepMs: 1, plainMs: 0.5, detailMs: 10, histogramMs: 10 });
    expect(plans.flatMap((p, i) => (p.detail ? [i + 1] : []))).toEqual(
      Array.from({ length: 14 }, (_, i) => 3 * (i + 1)),
    );
    expect(plans.flatMap((p, i) => (p.histogram ? [i + 1] : []))).toEqual([7, 14, 21, 28, 35, 42]);
    const off = new Cadence({ budget: 0.02, histogramFreq: 0 });
    expect(simulate(off, 300, { stepMs: 1, plainMs: 0, detailMs: 0 }).some((p) => p.histogram)).toBe(false);
    const fresh = new Cadence({ budget: 0.02 });
    expect([fresh.statsEvery, fresh.histogramEvery]).toEqual([AUTO_DETAIL.initial, AUTO_HISTOGRAM.initial]);
  });

  it('does not let one cold first detail step set the interval', () => {
    const c = new Cadence({ budget: 0.02 });
    let t = 0;
    let first = true;
    for (let step = 1; step <= 400; step++) {
      const p = c.plan(step, t);
      // The first detail step takes 200 ms (JIT, first reads); later ones 0.1 ms.
      const detail = p.detail ? (first ? 200 : 0.1) : 0;
      if (p.detail) first = false;
      c.charge(p, 0.05 + detail);
      t += 20;
    }
    expect(c.statsEvery).toBe(1);
  });

  it('still adapts one kind when the other is fixed at every step (no plain steps to compare with)', () => {
    // Detail statistics fixed at every step; a histogram costs 200 ms more on a 5 ms step.
    const h = new Cadence({ budget: 0.02, statsFreq: 1 });
    const plansH = simulate(h, 20_000, { stepMs: 5, plainMs: 0.05, detailMs: 0.05, histogramMs: 200 });
    expect(h.histogramEvery).toBe(5000);
    // Histograms fixed at every step; a detail step costs 50 ms more.
    const d = new Cadence({ budget: 0.02, histogramFreq: 1 });
    simulate(d, 3000, { stepMs: 5, plainMs: 0.05, detailMs: 50, histogramMs: 0.05 });
    expect(d.statsEvery).toBe(AUTO_DETAIL.max);
    expect(overhead(plansH.slice(-5000), { stepMs: 5, detailMs: 0.05, histogramMs: 200 })).toBeLessThan(0.03);
  });
});
