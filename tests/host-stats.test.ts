import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonFiniteCounts, summarize, sumSquares, updateSums } from '../src/watch/host-stats.js';

/** The obvious float64 reference. */
const ref = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, x) => a + x * x, 0);

describe('host statistics', () => {
  it('sums squares in float64, for every length (the unrolled loop and its tail)', () => {
    for (let n = 0; n < 12; n++) {
      const a = Float32Array.from({ length: n }, (_, i) => (i % 3) - 1.25);
      expect(sumSquares(a)).toBeCloseTo(ref(a), 12);
    }
    // 1e20² overflows float32 (the device's sum) but not float64.
    const big = Math.fround(1e20);
    expect(sumSquares(Float32Array.of(1e20, -1e20))).toBe(2 * big * big);
    expect(Number.isFinite(sumSquares(Float32Array.of(3.4e38, 3.4e38)))).toBe(true);
  });

  it('agrees with the reference on arbitrary float32 data (property)', () => {
    fc.assert(
      fc.property(fc.float32Array({ noDefaultInfinity: true, noNaN: true, maxLength: 64 }), (a) => {
        const r = ref(a);
        const close = (x: number) => expect(Math.abs(x - r)).toBeLessThanOrEqual(1e-12 * r);
        close(sumSquares(a));
        const s = summarize(a);
        close(s.sumSq);
        expect(s.maxAbs).toBe(Math.max(0, ...Array.from(a, Math.abs)));
        expect([s.nan, s.posInf, s.negInf]).toEqual([0, 0, 0]);
      }),
    );
  });

  it('counts NaN, +Inf and -Inf exactly and keeps them out of the sum and the max', () => {
    const a = Float32Array.of(
      1,
      Number.NaN,
      -2,
      Number.POSITIVE_INFINITY,
      Number.NaN,
      Number.NEGATIVE_INFINITY,
      0.5,
    );
    const s = summarize(a);
    expect(s).toEqual({ sumSq: 1 + 4 + 0.25, maxAbs: 2, nan: 2, posInf: 1, negInf: 1 });
    expect(nonFiniteCounts(a)).toEqual([2, 1, 1]);
    expect(Number.isNaN(sumSquares(a))).toBe(true);
    expect(summarize(new Float32Array(0))).toEqual({ sumSq: 0, maxAbs: 0, nan: 0, posInf: 0, negInf: 0 });
    expect(summarize(Float32Array.of(Number.NaN))).toEqual({
      sumSq: 0,
      maxAbs: 0,
      nan: 1,
      posInf: 0,
      negInf: 0,
    });
  });

  it('measures updates between two snapshots, and the weights they were applied to', () => {
    const w0 = Float32Array.of(1, 2, 3);
    const w1 = Float32Array.of(1.5, 2, 2);
    expect(updateSums(w1, w0)).toEqual({ update: 0.25 + 1, before: 1 + 4 + 9 });
    expect(updateSums(w1.subarray(0, 2), w0.subarray(0, 2))).toEqual({ update: 0.25, before: 5 });
    const delta = new Float32Array(3);
    expect(updateSums(w1, w0, delta)).toEqual({ update: 0.25 + 1, before: 1 + 4 + 9 });
    expect(Array.from(delta)).toEqual([0.5, 0, -1]);
    expect(() => updateSums(w1, w0, new Float32Array(2))).toThrow('out has 2 elements, not 3');
    expect(() => updateSums(w1, Float32Array.of(1))).toThrow(/sizes differ/);
  });
});
