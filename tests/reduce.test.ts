/**
 * The watch's reductions on every Node backend, against float64 sums of the same values: each tensor
 * reduced where reduce.ts puts it (host or device), sizes on both sides of each backend's crossover.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deviceDetail,
  deviceHistogram,
  deviceSumSquares,
  HOST_REDUCE_MAX,
  hostSumSquares,
  reducedOnHost,
} from '../src/watch/reduce.js';
import { useBackend } from './backends.js';

const backends = [
  'cpu',
  'wasm',
  ...(process.env.CI === 'true' || (await import('./backends.js')).tfjsNodeLoads() ? ['tensorflow'] : []),
];

const ref = (t: tf.Tensor) => Array.from(t.dataSync()).reduce((a, x) => a + x * x, 0);
// Host sums are float64, exact to rounding. Device sums accumulate in float32 (wasm's Sum adds
// sequentially: a relative error of about 2e-5 over 90,000 values, 1e-5 on the norm).
const close = (x: number, want: number, onHost = false) =>
  expect(Math.abs(x - want)).toBeLessThanOrEqual((onHost ? 1e-9 : 1e-4) * Math.abs(want));

describe.each(backends)('reductions on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it('sums squares of tensors small and large, and reads the loss', () => {
    const limit = HOST_REDUCE_MAX[backend]!;
    const sizes = [
      1,
      64,
      1000,
      Number.isFinite(limit) ? limit : 5000,
      Number.isFinite(limit) ? limit + 1 : 70_000,
      70_000,
    ];
    const ts = sizes.map((n, i) => tf.randomNormal([n], 0, 1 + i, 'float32', i + 1));
    const loss = tf.scalar(0.75);
    const before = tf.memory().numTensors;
    const out = hostSumSquares([ts[0], undefined, ...ts.slice(1)], loss);
    expect(tf.memory().numTensors).toBe(before);
    expect(Number.isNaN(out[1])).toBe(true);
    for (const [j, t] of ts.entries()) {
      close(out[j === 0 ? 0 : j + 1]!, ref(t), reducedOnHost(t.size, backend));
    }
    expect(out[ts.length + 1]).toBe(0.75);
    expect(sizes.some((n) => reducedOnHost(n, backend))).toBe(true);
    tf.dispose([...ts, loss]);
  });

  it('flags NaN and Inf by a non-finite sum, on both paths', () => {
    const small = tf.tensor1d([1, Number.NaN, 2]);
    const large = tf.tidy(() => tf.concat([tf.ones([70_000]), tf.tensor1d([Number.POSITIVE_INFINITY])]));
    const out = hostSumSquares([small, large]);
    expect(Number.isNaN(out[0])).toBe(true);
    expect(out[1]).toBe(Number.POSITIVE_INFINITY);
    tf.dispose([small, large]);
  });

  it('computes the detail statistics of large variables on the device', () => {
    const g = tf.randomNormal([300, 300], 0, 1, 'float32', 7);
    const w0 = tf.randomNormal([300, 300], 0, 1, 'float32', 8);
    const w1 = tf.tidy(() => tf.add(w0, tf.mul(g, -0.01)));
    const before = tf.memory().numTensors;
    const [d, noBefore] = deviceDetail([
      { grad: g, weight: w1, before: w0 },
      { grad: undefined, weight: w1, before: null },
    ]);
    expect(tf.memory().numTensors).toBe(before);
    expect(d!.gradMaxAbs).toBe(Math.max(...Array.from(g.dataSync(), Math.abs)));
    close(d!.weightSumSq, ref(w1));
    close(d!.updateSumSq, ref(tf.tidy(() => tf.sub(w1, w0))));
    expect(Number.isNaN(noBefore!.gradMaxAbs) && Number.isNaN(noBefore!.updateSumSq)).toBe(true);
    tf.dispose([g, w0, w1]);
  });

  it('keeps the sums on the device for GPU backends (deviceSumSquares)', () => {
    const a = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    const loss = tf.scalar(2.5);
    const t = deviceSumSquares([a, undefined], loss);
    expect(Array.from(t.dataSync())).toEqual([30, 0, 2.5]);
    tf.dispose([a, loss, t]);
  });

  it('reduces tensors with no elements to exact zeros on the host and the device (wasm reads unset memory for them)', () => {
    // Some memory that was written before: what a reduction of nothing must not read.
    tf.tidy(() => tf.randomNormal([4096], 5, 1, 'float32', 3).dataSync());
    const empty = tf.zeros([0, 3]);
    const w = tf.zeros([0]);
    const before = tf.memory().numTensors;
    expect(Array.from(hostSumSquares([empty, undefined]))).toEqual([0, Number.NaN, Number.NaN]);
    const t = deviceSumSquares([empty, w]);
    expect(Array.from(t.dataSync())).toEqual([0, 0]);
    t.dispose();
    expect(deviceDetail([{ grad: empty, weight: w, before: w }])).toEqual([
      { gradMaxAbs: 0, weightSumSq: 0, updateSumSq: 0, beforeSumSq: 0 },
    ]);
    expect(deviceHistogram(empty, 5)).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([empty, w]);
  });

  it('buckets large tensors on the device on tfjs-node only, by the rule of the TensorFlow op', () => {
    const x = tf.randomNormal([50_000], 0, 1, 'float32', 21);
    const h = deviceHistogram(x, 30);
    if (backend !== 'tensorflow') {
      expect(h).toBeNull();
      x.dispose();
      return;
    }
    // An independent computation of HistogramFixedWidth's rule: float32 (v - min), then / step in
    // float64, step = float32(max - min) / k, clamped to the last bucket.
    const v = x.dataSync();
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const a of v) {
      min = Math.min(min, a);
      max = Math.max(max, a);
    }
    const step = Math.fround(max - min) / 30;
    const want = new Array(30).fill(0);
    for (const a of v) want[Math.min(29, Math.floor(Math.fround(a - min) / step))]++;
    expect([h!.min, h!.max]).toEqual([min, max]);
    expect(Array.from(h!.counts)).toEqual(want);
    const same = tf.fill([40_000], 0.5);
    // All equal, or a subnormal range (TensorFlow flushes subnormal min and max to zero): left to the host.
    expect(deviceHistogram(same, 30)).toBeNull();
    const tiny = tf.tidy(() => tf.mul(tf.randomUniform([40_000], 0, 1, 'float32', 3), 1e-40));
    expect(deviceHistogram(tiny, 30)).toBeNull();
    const bad = tf.tidy(() => tf.concat([x, tf.tensor1d([Number.NaN])]));
    expect(deviceHistogram(bad, 30)).toBeNull();
    tf.dispose([x, same, tiny, bad]);
  });
});
