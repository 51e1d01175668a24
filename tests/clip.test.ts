/**
 * Gradient clipping, checked on gradients whose values are known: d/dw sum(w * c) = c. With SGD at
 * learning rate 1 the weight change is exactly the gradient the optimizer applied.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSummaries, tensorBoard, watchOptimizer } from '../src/index.js';
import type { ClipConfig } from '../src/watch/clip.js';
import { tempDir } from './helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

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
