/**
 * Variables with no elements (a [0, n] kernel): their statistics are exact on every backend (norms
 * 0, max |g| 0, no update ratio), and so is clipping next to them, where reductions of an empty
 * tensor differ by backend (NaN on cpu, -Inf on tfjs-node, memory that was never set on wasm).
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSummaries, watchOptimizer } from '../src/index.js';
import type { ClipConfig } from '../src/watch/clip.js';
import type { StepStats } from '../src/watch/step-stats.js';
import { layerFromVariableName, Watcher } from '../src/watch/watcher.js';
import { suiteBackends, useBackend } from './backends.js';
import { tempDir } from './helpers.js';

let uid = 0;

/** Empty variables ([0, 3] and [0]) next to w = [1, -2, 0.5] in one layer; loss sum(w²) + sums of them. */
function setup() {
  const id = `e${uid++}`;
  // Some memory that was written before: what a reduction of nothing must not read.
  tf.tidy(() => tf.randomUniform([4096], 1e-30, 2e-30, 'float32', 3).dataSync());
  const empty = tf.variable(tf.zeros([0, 3]), true, `${id}/empty`);
  const none = tf.variable(tf.zeros([0]), true, `${id}/none`);
  const w = tf.variable(tf.tensor1d([1, -2, 0.5]), true, `${id}/w`);
  const loss = () =>
    tf.addN([tf.sum(tf.square(w)), tf.sum(tf.mul(empty, 2)), tf.sum(tf.mul(none, 3))]) as tf.Scalar;
  return { id, empty: [empty, none], w, loss };
}

describe.each([...suiteBackends(), 'wasm'])('on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));
  afterAll(() => useBackend('cpu'));

  for (const reads of ['sync', 'async'] as const) {
    it(`gives a variable with no elements norms 0, max |g| 0 and no update ratio (values ${reads === 'sync' ? 'read in the step' : 'downloaded after it, as on GPU backends'})`, async () => {
      const { id, empty, w, loss } = setup();
      const opt = tf.train.adam(0.1);
      opt.minimize(loss)?.dispose(); // Adam makes its slots at its first step
      const watcher = new Watcher({
        budget: 0.02,
        statsFreq: 1,
        histogramFreq: 1,
        histograms: { gradients: true, weights: true, updates: true },
        buckets: 5,
        updates: true,
        layerOf: layerFromVariableName,
        firstStep: 1,
        reads,
      });
      watcher.attach(opt);
      const start = tf.memory().numTensors;
      const stats: StepStats[] = [];
      for (let i = 0; i < 3; i++) {
        opt.minimize(loss);
        stats.push(...(await watcher.drain()));
      }
      watcher.detach();
      watcher.dispose();
      expect(tf.memory().numTensors).toBe(start);
      expect(stats).toHaveLength(3);
      for (const s of stats) {
        const x = s.variables.find((v) => v.name === `${id}/w`)!;
        for (const name of ['empty', 'none']) {
          const e = s.variables.find((v) => v.name === `${id}/${name}`)!;
          expect([
            e.gradNorm,
            e.gradMaxAbs,
            e.weightNorm,
            e.updateNorm ?? 0,
            e.weightNormBefore ?? 0,
          ]).toEqual([0, 0, 0, 0, 0]);
          expect([e.gradNaN, e.gradPosInf, e.gradNegInf, e.weightNonFinite]).toEqual([0, 0, 0, 0]);
        }
        // The layer's numbers are w's alone.
        const layer = s.layers.find((l) => l.name === id)!;
        expect(layer.gradNorm).toBeCloseTo(x.gradNorm, 6);
        expect(layer.updateRatio).toBeCloseTo(x.updateNorm! / x.weightNormBefore!, 6);
        expect(s.globalGradNorm).toBeCloseTo(x.gradNorm, 6);
      }
      tf.dispose([...empty, w]);
      opt.dispose();
    });
  }

  for (const clip of [{ value: 1 }, { agc: {} }, { globalNorm: 1 }, { norm: 1 }] as ClipConfig[]) {
    it(`clips by ${Object.keys(clip)[0]} next to a variable with no elements as it would without it`, async () => {
      const run = async (withEmpty: boolean) => {
        const { empty, w, loss } = setup();
        const dir = tempDir();
        const opt = tf.train.sgd(0.1);
        const unwatch = watchOptimizer(opt, { logdir: dir, clip, detect: false });
        for (let i = 0; i < 2; i++) {
          if (withEmpty) opt.minimize(loss);
          else opt.minimize(() => tf.sum(tf.square(w)) as tf.Scalar, false, [w]);
        }
        await unwatch();
        const out = new Map<string, number[]>();
        for await (const p of readSummaries(dir)) {
          if (p.value.kind === 'scalar' && p.value.tag.startsWith('clip/'))
            out.set(p.value.tag, [...(out.get(p.value.tag) ?? []), p.value.value]);
        }
        const weights = Array.from(w.dataSync());
        tf.dispose([...empty, w]);
        return { out, weights };
      };
      const [a, b] = [await run(true), await run(false)];
      expect(a.weights).toEqual(b.weights);
      expect(Object.fromEntries(a.out)).toEqual(Object.fromEntries(b.out));
    });
  }
});
