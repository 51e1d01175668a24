/**
 * Networks whose gradients vanish or whose layers die: the detector should say which layer.
 *
 * Each names the one layer at fault by construction (`culprit`, as gradwatch names layers: the tfjs
 * layer name for fit, the variable name up to its last "/" for custom loops). None goes bad: the loss
 * stays finite and below 100x the first. Around a dead, disconnected or stopped layer the rest of the
 * network keeps learning; the deep sigmoid net barely learns at all (its loss stays near the variance
 * of the target), its gradients shrinking about 4x per layer towards h1.
 */
import * as tf from '@tensorflow/tfjs';
import { mlp, optimizer, tabular, trainFit } from './common.js';
import type { Scenario } from './harness.js';
import { customLoop, variable } from './stable.js';

export const VANISHING: Scenario[] = [
  {
    name: 'vanishing: residual MLP, h2 bias initialised to -20: every h2 unit dead from the start, adam 1e-3',
    kind: 'vanishing',
    cause: 'dead relu layer',
    culprit: 'h2',
    // Scored for the activation rules too (tests/eval/activations.ts): h2's outputs are all zero.
    activation: { rule: 'dead_units', layer: 'h2' },
    fast: true,
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 201);
      const dense = (name: string, seed: number, bias = 0) =>
        tf.layers.dense({
          name,
          units: 32,
          activation: 'relu',
          kernelInitializer: tf.initializers.heNormal({ seed }),
          biasInitializer: tf.initializers.constant({ value: bias }),
        });
      const input = tf.input({ shape: [16], name: 'input' });
      const h1 = dense('h1', 202).apply(input) as tf.SymbolicTensor;
      const h2 = dense('h2', 203, -20).apply(h1) as tf.SymbolicTensor;
      const sum = tf.layers.add({ name: 'residual' }).apply([h1, h2]) as tf.SymbolicTensor;
      const h3 = dense('h3', 204).apply(sum) as tf.SymbolicTensor;
      const out = tf.layers
        .dense({ name: 'head', units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 205 }) })
        .apply(h3) as tf.SymbolicTensor;
      const model = tf.model({ inputs: input, outputs: out });
      model.compile({ optimizer: optimizer('adam', 1e-3), loss: 'meanSquaredError' });
      await trainFit(ctx, model, x, y, { epochs: 16 });
    },
  },
  {
    name: 'vanishing: deep MLP (16 sigmoid layers), sgd 0.1: the first layers barely learn',
    kind: 'vanishing',
    cause: 'saturating activations',
    culprit: 'h1',
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 211);
      const model = mlp(16, {
        units: 16,
        activation: 'sigmoid',
        stddev: 0.25,
        optimizer: optimizer('sgd', 0.1),
        seed: 212,
      });
      await trainFit(ctx, model, x, y, { epochs: 12 });
    },
  },
  {
    name: 'vanishing: custom loop, residual branch "res" scaled by a constant gate of 0 (not trainable): disconnected, adam 3e-3',
    kind: 'vanishing',
    cause: 'disconnected layer',
    culprit: 'res',
    fast: true,
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 221);
      const gate = tf.scalar(0);
      const vars = [
        variable('stem/kernel', () => tf.randomNormal([16, 32], 0, Math.sqrt(2 / 16), 'float32', 222)),
        variable('stem/bias', () => tf.zeros([32])),
        variable('res/kernel', () => tf.randomNormal([32, 32], 0, Math.sqrt(2 / 32), 'float32', 223)),
        variable('res/bias', () => tf.zeros([32])),
        variable('out/kernel', () => tf.randomNormal([32, 1], 0, Math.sqrt(1 / 32), 'float32', 224)),
        variable('out/bias', () => tf.zeros([1])),
      ];
      const [ws, bs, wr, br, wo, bo] = vars as [
        tf.Variable,
        tf.Variable,
        tf.Variable,
        tf.Variable,
        tf.Variable,
        tf.Variable,
      ];
      const rows = (t: tf.Tensor, step: number) => t.slice([((step - 1) % 16) * 16, 0], [16, -1]);
      try {
        await customLoop(ctx, tf.train.adam(3e-3), vars, 256, (step) => {
          const h = tf.relu(tf.add(tf.matMul(rows(x, step), ws), bs));
          const r = tf.relu(tf.add(tf.matMul(h, wr), br));
          const pred = tf.add(tf.matMul(tf.add(h, tf.mul(gate, r)), wo), bo);
          return tf.losses.meanSquaredError(rows(y, step), pred);
        });
      } finally {
        tf.dispose([x, y, gate]);
      }
    },
  },
  {
    name: 'vanishing: custom loop, h1 activations quantised by tf.round without a straight-through estimator: h1 gets zero gradients, adam 3e-3',
    kind: 'vanishing',
    cause: 'stopped gradient',
    culprit: 'h1',
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 231);
      const vars = [
        variable('h1/kernel', () => tf.randomNormal([16, 32], 0, Math.sqrt(1 / 16), 'float32', 232)),
        variable('h1/bias', () => tf.zeros([32])),
        variable('h2/kernel', () => tf.randomNormal([32, 32], 0, Math.sqrt(2 / 32), 'float32', 233)),
        variable('h2/bias', () => tf.zeros([32])),
        variable('head/kernel', () => tf.randomNormal([32, 1], 0, Math.sqrt(1 / 32), 'float32', 234)),
        variable('head/bias', () => tf.zeros([1])),
      ];
      const [w1, b1, w2, b2, wo, bo] = vars as [
        tf.Variable,
        tf.Variable,
        tf.Variable,
        tf.Variable,
        tf.Variable,
        tf.Variable,
      ];
      const rows = (t: tf.Tensor, step: number) => t.slice([((step - 1) % 16) * 16, 0], [16, -1]);
      try {
        await customLoop(ctx, tf.train.adam(3e-3), vars, 256, (step) => {
          const h1 = tf.tanh(tf.add(tf.matMul(rows(x, step), w1), b1));
          const q = tf.div(tf.round(tf.mul(h1, 8)), 8);
          const h2 = tf.relu(tf.add(tf.matMul(q, w2), b2));
          return tf.losses.meanSquaredError(rows(y, step), tf.add(tf.matMul(h2, wo), bo));
        });
      } finally {
        tf.dispose([x, y]);
      }
    },
  },
];
