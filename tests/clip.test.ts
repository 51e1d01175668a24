/**
 * Gradient clipping, checked on gradients whose values are known: d/dw sum(w * c) = c. With SGD at
 * learning rate 1 the weight change is exactly the gradient the optimizer applied.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSummaries, tensorBoard, watchOptimizer } from '../src/index.js';
import type { ClipConfig } from '../src/watch/clip.js';
import { suiteBackends, useBackend } from './backends.js';
import { tempDir } from './helpers.js';

let uid = 0;
async function step(grads: number[][], clip: ClipConfig) {
  const dir = tempDir();
  const vars = grads.map((g) => tf.variable(tf.zeros([g.length]), true, `clip${uid++}/v`));
  const consts = grads.map((g) => tf.tensor1d(g));
  const opt = tf.train.sgd(1);
  const unwatch = watchOptimizer(opt, { logdir: dir, clip });
  const start = tf.memory().numTensors;
  opt.minimize(() => tf.addN(vars.map((v, i) => tf.sum(tf.mul(v, consts[i]!)))) as tf.Scalar);
  await unwatch();
  expect(tf.memory().numTensors).toBe(start);
  const applied = vars.map((v) => Array.from(v.dataSync(), (x) => -x));
  const logged = new Map<string, number>();
  for await (const p of readSummaries(dir))
    if (p.value.kind === 'scalar') logged.set(p.value.tag, p.value.value);
  tf.dispose([...vars, ...consts]);
  return { applied, logged };
}

describe.each(suiteBackends())('on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  describe('clipping', () => {
    it('by global norm scales every gradient by threshold / ||g|| and logs pre- and post-clip norms', async () => {
      const { applied, logged } = await step(
        [
          [3, 4],
          [0, 12],
        ],
        { globalNorm: 6.5 },
      ); // ||g|| = 13
      expect(applied[0]![0]).toBeCloseTo(1.5, 5);
      expect(applied[0]![1]).toBeCloseTo(2, 5);
      expect(applied[1]![1]).toBeCloseTo(6, 5);
      expect(logged.get('clip/pre_clip_global_norm')).toBeCloseTo(13, 4);
      expect(logged.get('clip/post_clip_global_norm')).toBeCloseTo(6.5, 4);
      expect(logged.get('clip/scale')).toBeCloseTo(0.5, 6);
      expect(logged.get('clip/clipped')).toBe(1);
      expect(logged.get('clip/threshold')).toBe(6.5);
      expect(logged.get('clip/rate')).toBe(1);
      expect(logged.get('grad_norm/global')).toBeCloseTo(13, 4); // the gradients as computed
    });

    it('clips gradients whose squared norm overflows float32 (norms of 1e20): global and per variable', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const huge = await step(
        [
          [3e20, 4e20],
          [0, 1e20],
        ],
        { globalNorm: 2 },
      );
      const n = Math.hypot(3e20, 4e20, 1e20);
      expect(Math.hypot(...huge.applied.flat())).toBeCloseTo(2, 4);
      expect(huge.applied[0]![0]! / huge.applied[0]![1]!).toBeCloseTo(0.75, 6);
      expect(huge.logged.get('clip/pre_clip_global_norm')! / Math.fround(n)).toBeCloseTo(1, 5);
      expect(huge.logged.get('clip/post_clip_global_norm')).toBeCloseTo(2, 4);
      const each = await step(
        [
          [3e20, 4e20],
          [0, 1e20],
        ],
        { norm: 1 },
      );
      expect(Math.hypot(...each.applied[0]!)).toBeCloseTo(1, 5);
      expect(Math.hypot(...each.applied[1]!)).toBeCloseTo(1, 5);
    });

    it('by global norm leaves small gradients alone', async () => {
      const { applied, logged } = await step([[0.3, 0.4]], { globalNorm: 1 });
      expect(applied[0]![0]).toBeCloseTo(0.3, 6);
      expect(logged.get('clip/scale')).toBe(1);
      expect(logged.get('clip/clipped')).toBe(0);
    });

    it('by norm clips each variable on its own (Keras clipnorm)', async () => {
      const { applied, logged } = await step(
        [
          [3, 4],
          [0.3, 0.4],
        ],
        { norm: 1 },
      );
      expect(applied[0]![0]).toBeCloseTo(0.6, 5);
      expect(applied[0]![1]).toBeCloseTo(0.8, 5);
      expect(applied[1]![0]).toBeCloseTo(0.3, 6);
      expect(logged.get('clip/scale')).toBeCloseTo(0.2, 6);
      expect(logged.get('clip/post_clip_global_norm')).toBeCloseTo(Math.sqrt(1 + 0.25), 5);
    });

    it('by value clamps elements and logs the fraction clamped', async () => {
      const { applied, logged } = await step([[3, -0.2, -4, 0.5]], { value: 1 });
      expect(applied[0]!.map((x) => Number(x.toFixed(6)))).toEqual([1, -0.2, -1, 0.5]);
      expect(logged.get('clip/fraction_clipped')).toBe(0.5);
      expect(logged.get('clip/post_clip_global_norm')).toBeCloseTo(Math.sqrt(1 + 0.04 + 1 + 0.25), 5);
    });

    it('rejects bad clip options', () => {
      const opt = tf.train.sgd(1);
      expect(() => tensorBoard('/tmp/x', { clip: { globalNorm: 0 } })).toThrow(
        /clip.globalNorm must be a positive/,
      );
      expect(() => tensorBoard('/tmp/x', { clip: { norm: 1, value: 1 } as unknown as ClipConfig })).toThrow(
        /exactly one of globalNorm, norm, value/,
      );
      expect(() => watchOptimizer(opt, { logdir: '/tmp/x', clip: 3 as unknown as ClipConfig })).toThrow(
        /clip must be/,
      );
    });

    it('clips inside model.fit without leaking, on every step even when statistics are sparse', async () => {
      const build = () => {
        const m = tf.sequential({
          layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', useBias: false })],
        });
        m.compile({ optimizer: tf.train.sgd(1), loss: 'meanSquaredError' });
        return m;
      };
      const x = tf.tensor2d([[100, 100]]);
      const y = tf.tensor2d([[0]]);
      const model = build();
      const cb = tensorBoard(tempDir(), { clip: { globalNorm: 0.01 }, statsFreq: 3 });
      await model.fit(x, y, { epochs: 1, batchSize: 1, callbacks: [cb], verbose: 0 });
      const after1 = tf.memory().numTensors;
      await model.fit(x, y, { epochs: 4, batchSize: 1, callbacks: [cb], verbose: 0 });
      expect(tf.memory().numTensors).toBe(after1);
      await cb.close();
      // Five clipped steps of norm 0.01 each, all in the same direction: the kernel moved by 0.05.
      const k = model.getWeights()[0]!.dataSync();
      const moved = Math.hypot(1 - k[0]!, 1 - k[1]!);
      expect(moved).toBeCloseTo(0.05, 4);
      tf.dispose([x, y]);
    });
  });

  describe('ZClip (adaptive clipping)', () => {
    /** CPU reference of the algorithm, for comparison step by step. */
    function reference(norms: number[], alpha = 0.97, zThr = 2.5, warmup = 25) {
      let mean = 0;
      let variance = 0;
      let sum = 0;
      let sumSq = 0;
      return norms.map((n, t) => {
        if (t < warmup) {
          sum += n;
          sumSq += n * n;
          if (t === warmup - 1) {
            mean = sum / warmup;
            variance = Math.max(0, sumSq / warmup - mean * mean);
          }
          return { scale: 1, threshold: Number.NaN };
        }
        const sigma = Math.sqrt(Math.max(variance, 1e-12));
        const z = (n - mean) / sigma;
        const threshold = mean + zThr * sigma;
        const scale = z > zThr ? Math.min(1, (mean + (zThr * zThr * sigma) / Math.max(z, 1e-12)) / n) : 1;
        const nc = n * scale;
        mean = alpha * mean + (1 - alpha) * nc;
        variance = alpha * variance + (1 - alpha) * (nc - mean) ** 2;
        return { scale, threshold };
      });
    }

    it('collects a warm-up, then clips a spike to mean + z^2 sigma / z, as the reference does', async () => {
      const dir = tempDir();
      const norms = Array.from({ length: 40 }, (_, t) => (t === 32 ? 20 : 1 + 0.1 * Math.sin(t * 1.7)));
      const w = tf.variable(tf.zeros([2]), true, 'zclip/w');
      const c = tf.variable(tf.zeros([2]), false, 'zclip/c');
      const opt = tf.train.sgd(1e-6);
      const unwatch = watchOptimizer(opt, { logdir: dir, clip: { zclip: {} } });
      const start = tf.memory().numTensors;
      for (const n of norms) {
        tf.tidy(() => c.assign(tf.tensor1d([n * 0.6, n * 0.8]))); // gradient of sum(w * c) is c, norm n
        opt.minimize(() => tf.sum(tf.mul(w, c)) as tf.Scalar);
      }
      await unwatch();
      expect(tf.memory().numTensors).toBeLessThanOrEqual(start); // zclip state freed by unwatch
      const series = new Map<string, number[]>();
      for await (const p of readSummaries(dir)) {
        if (p.value.kind !== 'scalar') continue;
        const s = series.get(p.value.tag) ?? [];
        s.push(p.value.value);
        series.set(p.value.tag, s);
      }
      const ref = reference(norms);
      const scale = series.get('clip/scale')!;
      const threshold = series.get('clip/threshold')!;
      expect(scale).toHaveLength(40);
      for (let t = 0; t < 40; t++) {
        expect(scale[t], `scale at step ${t + 1}`).toBeCloseTo(ref[t]!.scale, 4);
        if (t >= 25)
          expect(threshold[t]! / ref[t]!.threshold, `threshold at step ${t + 1}`).toBeCloseTo(1, 3);
      }
      const clipped = series.get('clip/clipped')!;
      expect(clipped.map((x, t) => (x ? t : -1)).filter((t) => t >= 0)).toEqual([32]);
      expect(series.get('clip/post_clip_global_norm')![32]).toBeCloseTo(20 * ref[32]!.scale, 3);
      tf.dispose([w, c]);
    });

    it('validates its options', () => {
      expect(() => tensorBoard('/tmp/x', { clip: { zclip: { alpha: 1.5 } } })).toThrow(
        /alpha must be a number in \(0, 1\)/,
      );
      expect(() => tensorBoard('/tmp/x', { clip: { zclip: { warmup: 3 } as object } })).toThrow(
        /unknown option "warmup"/,
      );
    });
  });

  describe('AGC (unit-wise adaptive clipping)', () => {
    it('clips each unit to lambda times its weight norm (columns of a kernel, elements of a bias)', async () => {
      const dir = tempDir();
      // Kernel [in=2, out=2]: unit (column) weight norms 1 and 2. Bias: units are elements 0.5 and 0.
      const W = tf.variable(
        tf.tensor2d([
          [1, 0],
          [0, 2],
        ]),
        true,
        'agc/kernel',
      );
      const b = tf.variable(tf.tensor1d([0.5, 0]), true, 'agc/bias');
      const gW = tf.tensor2d([
        [1, 0],
        [0, 0.01],
      ]); // column norms 1 (too big for 0.01 * 1) and 0.01 (< 0.01 * 2)
      const gb = tf.tensor1d([1, 1]);
      const opt = tf.train.sgd(1);
      const unwatch = watchOptimizer(opt, { logdir: dir, clip: { agc: {} } });
      const W0 = W.arraySync() as number[][];
      const b0 = b.arraySync() as number[];
      opt.minimize(() => tf.add(tf.sum(tf.mul(W, gW)), tf.sum(tf.mul(b, gb))) as tf.Scalar);
      await unwatch();
      const dW = (W.arraySync() as number[][]).map((r, i) => r.map((x, j) => W0[i]![j]! - x));
      const db = (b.arraySync() as number[]).map((x, i) => b0[i]! - x);
      expect(dW[0]![0]).toBeCloseTo(0.01, 6); // scaled to 0.01 * ||W_col0|| = 0.01
      expect(dW[1]![1]).toBeCloseTo(0.01, 6); // within 0.01 * 2: untouched
      expect(db[0]).toBeCloseTo(0.005, 6); // 0.01 * 0.5
      expect(db[1]).toBeCloseTo(1e-5, 8); // 0.01 * eps (1e-3), the weight being 0
      const logged = new Map<string, number>();
      for await (const p of readSummaries(dir))
        if (p.value.kind === 'scalar') logged.set(p.value.tag, p.value.value);
      expect(logged.get('clip/clipped')).toBe(1);
      expect(logged.get('clip/threshold')).toBeCloseTo(0.01, 7);
      expect(logged.get('clip/scale')).toBeCloseTo(1e-5, 8);
      tf.dispose([W, b, gW, gb]);
    });

    it('validates its options', () => {
      expect(() => tensorBoard('/tmp/x', { clip: { agc: { lambda: -1 } } })).toThrow(
        /clip.agc.lambda must be a positive/,
      );
      expect(() => tensorBoard('/tmp/x', { clip: { agc: { clipping: 1 } as object } })).toThrow(
        /unknown option "clipping"/,
      );
    });
  });

  describe('AutoClip (percentile of the norm history)', () => {
    async function run(norms: number[], clip: ClipConfig) {
      const dir = tempDir();
      const w = tf.variable(tf.zeros([2]), true, `autoclip${uid++}/w`);
      const c = tf.variable(tf.zeros([2]), false, `autoclip${uid++}/c`);
      const opt = tf.train.sgd(1e-6);
      const unwatch = watchOptimizer(opt, { logdir: dir, clip });
      const start = tf.memory().numTensors;
      for (const n of norms) {
        tf.tidy(() => c.assign(tf.tensor1d([n * 0.6, n * 0.8])));
        opt.minimize(() => tf.sum(tf.mul(w, c)) as tf.Scalar);
      }
      await unwatch();
      expect(tf.memory().numTensors).toBeLessThanOrEqual(start);
      const series = new Map<string, number[]>();
      for await (const p of readSummaries(dir)) {
        if (p.value.kind !== 'scalar') continue;
        series.set(p.value.tag, [...(series.get(p.value.tag) ?? []), p.value.value]);
      }
      tf.dispose([w, c]);
      return series;
    }

    it('clips each step to the chosen percentile of the norms seen so far, this one included', async () => {
      const norms = Array.from({ length: 12 }, (_, t) => t + 1);
      const s = await run(norms, { autoclip: { percentile: 50 } });
      norms.forEach((n, t) => {
        const threshold = Math.ceil((t + 1) / 2); // the ceil(n/2)-th smallest of 1..n is ceil(n/2)
        expect(s.get('clip/threshold')![t], `threshold at ${t + 1}`).toBeCloseTo(threshold, 5);
        expect(s.get('clip/scale')![t], `scale at ${t + 1}`).toBeCloseTo(Math.min(1, threshold / n), 5);
      });
    });

    it('forgets norms older than its history', async () => {
      const s = await run([1, 2, 3, 4, 100], { autoclip: { percentile: 50, history: 4 } });
      // At step 5 the ring holds [100, 2, 3, 4]: the 2nd smallest of four is 3.
      expect(s.get('clip/threshold')![4]).toBeCloseTo(3, 5);
      expect(s.get('clip/scale')![4]).toBeCloseTo(0.03, 6);
    });

    it('validates its options', () => {
      expect(() => tensorBoard('/tmp/x', { clip: { autoclip: { percentile: 0 } } })).toThrow(
        /percentile must be a number in/,
      );
      expect(() => tensorBoard('/tmp/x', { clip: { autoclip: { history: 1.5 } } })).toThrow(
        /history must be a positive integer/,
      );
      // A ring of 3e8 norms ran the heap out: the history is bounded, and the error names the bound.
      for (const history of [3e8, 100_001]) {
        expect(() => tensorBoard('/tmp/x', { clip: { autoclip: { history } } })).toThrow(
          /clip\.autoclip\.history must be at most 100000 norms.*got 100001|clip\.autoclip\.history must be at most 100000 norms.*got 300000000/,
        );
        expect(() =>
          watchOptimizer(tf.train.sgd(0.1), { logdir: '/tmp/x', clip: { autoclip: { history } } }),
        ).toThrow(/watchOptimizer\(\): clip\.autoclip\.history must be at most 100000/);
      }
      expect(() => tensorBoard('/tmp/x', { clip: { autoclip: { history: 100_000 } } })).not.toThrow();
    });
  });
});

describe.each([...suiteBackends(), 'wasm'])(
  'non-finite gradients under clipping, on the %s backend',
  (backend) => {
    beforeAll(() => useBackend(backend));
    afterAll(() => useBackend('cpu'));

    // d/dw sum(w * c) = c: a NaN and an infinite gradient element, next to finite ones.
    const grads = [
      [3, Number.NaN, -0.2],
      [Number.POSITIVE_INFINITY, -4, 0.5],
    ];

    it('by value: stay NaN and infinite (wasm clamped NaN to the lower bound), finite elements are clamped', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { applied, logged } = await step(grads, { value: 1 });
      expect(applied[0]).toEqual([1, Number.NaN, expect.closeTo(-0.2, 6)]);
      expect(applied[1]).toEqual([Number.POSITIVE_INFINITY, -1, 0.5]);
      // Clamped: 3 and -4 (the non-finite elements pass through).
      expect(logged.get('clip/fraction_clipped')).toBeCloseTo(2 / 6, 6);
      vi.restoreAllMocks();
    });

    for (const clip of [
      { globalNorm: 1 },
      { norm: 1 },
      { zclip: {} },
      { agc: {} },
      { autoclip: {} },
    ] as ClipConfig[]) {
      it(`by ${Object.keys(clip)[0]}: stay non-finite`, async () => {
        vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        const { applied } = await step(grads, clip);
        expect(Number.isFinite(applied[0]![1]!)).toBe(false);
        expect(Number.isFinite(applied[1]![0]!)).toBe(false);
        vi.restoreAllMocks();
      });
    }
  },
);
