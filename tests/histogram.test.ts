import { describe, expect, it } from 'vitest';
import { computeHistogram, fromPrecomputed } from '../src/summary/histogram.js';

const rows = (b: Float64Array) =>
  Array.from({ length: b.length / 3 }, (_, i) => Array.from(b.subarray(i * 3, i * 3 + 3)));

describe('computeHistogram', () => {
  it('buckets equal-width over [min, max], last bucket closed', () => {
    const h = computeHistogram([0, 1, 2, 3, 4], 4);
    expect(rows(h.buckets)).toEqual([
      [0, 1, 1],
      [1, 2, 1],
      [2, 3, 1],
      [3, 4, 2],
    ]);
    expect([h.count, h.min, h.max, h.sum, h.sumSquares]).toEqual([5, 0, 4, 10, 30]);
  });

  it('counts NaN, +Inf and -Inf and keeps them out of the buckets', () => {
    const h = computeHistogram(
      Float32Array.of(1, Number.NaN, 2, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN),
      2,
    );
    expect([h.nan, h.posInf, h.negInf, h.count]).toEqual([2, 1, 1, 2]);
    expect(rows(h.buckets)).toEqual([
      [1, 1.5, 1],
      [1.5, 2, 1],
    ]);
    expect(Array.from(h.buckets).every(Number.isFinite)).toBe(true);
  });

  it('gives zero buckets for empty or all-non-finite input', () => {
    expect(computeHistogram([]).buckets.length).toBe(0);
    const h = computeHistogram([Number.NaN, Number.POSITIVE_INFINITY]);
    expect(h.buckets.length).toBe(0);
    expect([h.nan, h.posInf]).toEqual([1, 1]);
  });

  it('gives one zero-width bucket for all-equal input', () => {
    expect(rows(computeHistogram([7, 7, 7], 30).buckets)).toEqual([[7, 7, 3]]);
  });

  it('stays finite for values near the float64 limits', () => {
    const h = computeHistogram([-Number.MAX_VALUE, 0, Number.MAX_VALUE], 2);
    expect(Array.from(h.buckets).every(Number.isFinite)).toBe(true);
    expect(rows(h.buckets).map((r) => r[2])).toEqual([1, 2]);
  });

  it('conserves counts on random data', () => {
    const data = Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i) * 1e3 * (i % 7));
    const h = computeHistogram(data, 37);
    expect(rows(h.buckets).reduce((a, r) => a + r[2]!, 0)).toBe(10_000);
    for (let i = 1; i < 37; i++) expect(h.buckets[i * 3]).toBe(h.buckets[(i - 1) * 3 + 1]);
  });

  it('rejects a bad bucket count', () => {
    expect(() => computeHistogram([1], 0)).toThrow(RangeError);
    expect(() => computeHistogram([1], 2.5)).toThrow(/buckets must be an integer/);
  });
});

describe('fromPrecomputed', () => {
  it('validates rows', () => {
    expect(fromPrecomputed({ buckets: [[0, 1, 2]] }).count).toBe(2);
    expect(() => fromPrecomputed({ buckets: [[1, 0, 2]] })).toThrow(/left <= right/);
    expect(() => fromPrecomputed({ buckets: [[0, Number.NaN, 2]] })).toThrow(/finite edges/);
    expect(() => fromPrecomputed({ buckets: [[0, 1, -1]] })).toThrow(/count must be >= 0/);
  });
});

describe('subnormal ranges', () => {
  it('buckets values whose range is subnormal (1/width would overflow), in float64 and from float32 tensors', async () => {
    const { computeHistogram } = await import('../src/summary/histogram.js');
    const h = computeHistogram([0, -5e-324, -5e-324, 0, 0], 2);
    expect(h.count).toBe(5);
    expect(Array.from(h.buckets).filter((_, i) => i % 3 === 2)).toEqual([2, 3]);
    // float32: 1e-45 is subnormal; the values are min, min and max (the watch buckets tensor values
    // read as Float32Array).
    const f = computeHistogram(Float32Array.of(0, 0, 1e-45), 4);
    expect(Array.from(f.buckets).filter((_, i) => i % 3 === 2)).toEqual([2, 0, 0, 1]);
  });
});
