/**
 * Faults the activation rules (dead_units, saturation, activation_growth) are for, each with a
 * known origin, and stable runs that are hard for them.
 *
 * A fault names the rule that should report it and the layer at fault by construction; the harness
 * measures every layer's output at every step outside gradwatch (probe.ts), and score.ts derives the
 * ground truth from it: which layer is dead, saturated or amplifying, from which step. A scenario
 * whose outputs do not show its fault at its layer is reported invalid. The dead-ReLU network of
 * vanishing.ts (h2's bias at -20) is scored here too. Faults may go bad on the way (the harness runs
 * them to their end): they are scored on their activation rule only.
 *
 * The stable runs here measure their outputs too, to show how close they come to each fault: a
 * ReLU layer ~90% zeros, a sigmoid output confidently at 0 or 1 whose loss never reaches 1/1000 of
 * its start (so only the output-layer exemption keeps saturation quiet), and a stack whose RMS grows
 * ~2.5x per layer (just under the truth's 3x). Every stable run counts any alert as a false alarm;
 * the fit runs of stable.ts measure activations with gradwatch's default ('auto') too.
 */
import * as tf from '@tensorflow/tfjs';
import { mlp, optimizer, setLr, tabular, trainFit } from './common.js';
import type { Scenario } from './harness.js';

/** A dense stack whose layer i has kernel stddev `stddev(i)` (1-based), then a glorot linear head. */
function stack(
  depth: number,
  opts: {
    units?: number;
    inputs?: number;
    activation: string;
    stddev: (i: number) => number;
    /** A layer's kernel initializer other than randomNormal(stddev). */
    kernel?: (i: number) => ReturnType<typeof tf.initializers.randomNormal> | undefined;
    bias?: (i: number) => number;
    optimizer: tf.Optimizer;
    loss?: string;
    outputs?: number;
    outputActivation?: string;
    /** Weight decay (L2) on every kernel. */
    l2?: number;
    /** A layer normalisation ('norm') before the head. */
    norm?: boolean;
    seed: number;
  },
): tf.LayersModel {
  const l2 = opts.l2 ? { kernelRegularizer: tf.regularizers.l2({ l2: opts.l2 }) } : {};
  const model = tf.sequential();
  for (let i = 1; i <= depth; i++) {
    model.add(
      tf.layers.dense({
        units: opts.units ?? 32,
        name: `h${i}`,
        activation: opts.activation as 'relu',
        kernelInitializer:
          opts.kernel?.(i) ?? tf.initializers.randomNormal({ stddev: opts.stddev(i), seed: opts.seed + i }),
        biasInitializer: tf.initializers.constant({ value: opts.bias?.(i) ?? 0 }),
        ...l2,
        ...(i === 1 ? { inputShape: [opts.inputs ?? 16] } : {}),
      }),
    );
  }
  if (opts.norm) model.add(tf.layers.layerNormalization({ name: 'norm' }));
  model.add(
    tf.layers.dense({
      units: opts.outputs ?? 1,
      name: 'head',
      ...(opts.outputActivation ? { activation: opts.outputActivation as 'sigmoid' } : {}),
      kernelInitializer: tf.initializers.glorotUniform({ seed: opts.seed }),
      ...l2,
    }),
  );
  model.compile({ optimizer: opts.optimizer, loss: (opts.loss ?? 'meanSquaredError') as 'meanSquaredError' });
  return model;
}

/** He-normal stddev of a dense layer with `fanIn` inputs (keeps a ReLU stack's RMS about constant). */
const he = (fanIn: number) => Math.sqrt(2 / fanIn);

export const ACTIVATIONS: Scenario[] = [
  {
    name: 'activations: MLP 4x32 relu, Adam 1e-3, a step schedule written lr * 300 at step 40 (meant lr * 0.3): h2 dies',
    kind: 'activations',
    cause: 'dead relu (lr too large)',
    activation: { rule: 'dead_units', layer: 'h2' },
    // The layer dies mid-run: measured at every step, so the delay is the rule's, not the cadence's.
    activationFreq: 1,
    fast: true,
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 301);
      const model = mlp(4, { optimizer: optimizer('adam', 1e-3), seed: 302 });
      await trainFit(ctx, model, x, y, { epochs: 8, onStep: (s, o) => s === 40 && setLr(o, 0.3) });
    },
  },
  {
    name: 'activations: MLP 5x32 relu, h2 kernel initialised randomUniform(-0.5, 0) (meant (-0.5, 0.5)), Adam 1e-3: h2 dead, every layer after it outputs 0',
    kind: 'activations',
    cause: 'dead relu (init range)',
    activation: { rule: 'dead_units', layer: 'h2' },
    fast: true,
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 381);
      const model = stack(5, {
        activation: 'relu',
        stddev: (i) => he(i === 1 ? 16 : 32),
        kernel: (i) =>
          i === 2 ? tf.initializers.randomUniform({ minval: -0.5, maxval: 0, seed: 382 }) : undefined,
        optimizer: optimizer('adam', 1e-3),
        seed: 383,
      });
      await trainFit(ctx, model, x, y, { epochs: 4 });
    },
  },
  {
    name: 'activations: tanh MLP 3x32 on inputs scaled x100 (unstandardised), Adam 1e-3: h1 saturated',
    kind: 'activations',
    cause: 'saturated tanh (unscaled inputs)',
    activation: { rule: 'saturation', layer: 'h1' },
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 311);
      const big = tf.mul(x, 100);
      x.dispose();
      const model = mlp(3, {
        activation: 'tanh',
        stddev: he(16),
        optimizer: optimizer('adam', 1e-3),
        seed: 312,
      });
      await trainFit(ctx, model, big, y, { epochs: 8 });
    },
  },
  {
    name: 'activations: sigmoid MLP 3x32, h2 kernel initialised with stddev 100 (meant 0.1), Adam 1e-3: h2 saturated',
    kind: 'activations',
    cause: 'saturated sigmoid (oversized init)',
    activation: { rule: 'saturation', layer: 'h2' },
    fast: true,
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 321);
      const model = stack(3, {
        activation: 'sigmoid',
        stddev: (i) => (i === 2 ? 100 : 0.3),
        optimizer: optimizer('adam', 1e-3),
        seed: 322,
      });
      await trainFit(ctx, model, x, y, { epochs: 8 });
    },
  },
  {
    name: 'activations: MLP 8x32 relu on 32 features, kernels randomNormal stddev 1 (not scaled by fan-in: ~4x per layer), Adam 1e-4',
    kind: 'activations',
    cause: 'forward amplification (init)',
    activation: { rule: 'activation_growth', layer: 'h1' },
    run: async (ctx) => {
      const { x, y } = tabular(256, 32, 331);
      const model = stack(8, {
        inputs: 32,
        activation: 'relu',
        stddev: () => 1,
        optimizer: optimizer('adam', 1e-4),
        seed: 332,
      });
      await trainFit(ctx, model, x, y, { epochs: 4 });
    },
  },
  {
    name: 'activations: MLP 8x32 relu, h1-h2 He init, h3-h8 appended with stddev 1.25 (~5x per layer), Adam 1e-4',
    kind: 'activations',
    cause: 'forward amplification (init, from h3)',
    activation: { rule: 'activation_growth', layer: 'h3' },
    fast: true,
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 341);
      const model = stack(8, {
        activation: 'relu',
        stddev: (i) => (i === 1 ? he(16) : i === 2 ? he(32) : 5 * he(32)),
        optimizer: optimizer('adam', 1e-4),
        seed: 342,
      });
      await trainFit(ctx, model, x, y, { epochs: 4 });
    },
  },
  {
    name: 'stable: MLP relu 64 + relu 128 with h2 bias initialised to -1.5 (a sparse layer: ~90% of its outputs zero), batches of 4, adam 1e-3',
    kind: 'stable',
    cause: 'sparse relu',
    probe: true,
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 351);
      const model = tf.sequential();
      model.add(
        tf.layers.dense({
          name: 'h1',
          units: 64,
          activation: 'relu',
          inputShape: [16],
          kernelInitializer: tf.initializers.heNormal({ seed: 352 }),
        }),
      );
      model.add(
        tf.layers.dense({
          name: 'h2',
          units: 128,
          activation: 'relu',
          kernelInitializer: tf.initializers.heNormal({ seed: 353 }),
          biasInitializer: tf.initializers.constant({ value: -1.5 }),
        }),
      );
      model.add(
        tf.layers.dense({
          name: 'head',
          units: 1,
          kernelInitializer: tf.initializers.glorotUniform({ seed: 354 }),
        }),
      );
      model.compile({ optimizer: optimizer('adam', 1e-3), loss: 'meanSquaredError' });
      await trainFit(ctx, model, x, y, { epochs: 3, batchSize: 4 });
    },
  },
  {
    name: 'stable: binary classifier with a margin, relu 32 + sigmoid output, weight decay 1e-4, adam 1e-2: every prediction confidently 0 or 1, the loss not at 1/1000 of its start',
    kind: 'stable',
    cause: 'confident sigmoid output',
    probe: true,
    run: async (ctx) => {
      const { x, y } = tf.tidy(() => {
        const x0 = tf.randomNormal([256, 16], 0, 1, 'float32', 361);
        const w = tf.randomNormal([16, 1], 0, 1, 'float32', 362);
        const y = tf.cast(tf.greater(tf.matMul(x0, w), 0), 'float32');
        // Every point moved one unit away from the class boundary.
        const x = tf.add(x0, tf.matMul(tf.sub(tf.mul(y, 2), 1), tf.div(w, tf.norm(w)).transpose()));
        return { x, y };
      });
      const model = stack(1, {
        activation: 'relu',
        stddev: () => he(16),
        outputActivation: 'sigmoid',
        loss: 'binaryCrossentropy',
        l2: 1e-4,
        optimizer: optimizer('adam', 1e-2),
        seed: 363,
      });
      await trainFit(ctx, model, x, y, { epochs: 20 });
    },
  },
  {
    name: 'stable: MLP 8x32 relu, kernels 2.5x He (activations ~2.5x per layer, ~1000x in all), layer norm before the head, adam 1e-3',
    kind: 'stable',
    cause: 'moderate growth in depth',
    probe: true,
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 371);
      const model = stack(8, {
        activation: 'relu',
        stddev: (i) => 2.5 * he(i === 1 ? 16 : 32),
        norm: true,
        optimizer: optimizer('adam', 1e-3),
        seed: 372,
      });
      await trainFit(ctx, model, x, y, { epochs: 12 });
    },
  },
];
