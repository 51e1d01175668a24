/**
 * Runs that explode. Each names its cause; runs with one culprit layer by construction name it.
 * The ground truth (the bad step) is measured by the harness, not declared here.
 *
 * The runs are written the way users write them: `model.fit` with a schedule in a callback, or a
 * custom loop over `tf.variableGrads` and `optimizer.applyGradients`, each with its bug (a typo in
 * an initializer, a schedule that multiplies, a gradient buffer never zeroed, a hand-written loss).
 */
import * as tf from '@tensorflow/tfjs';
import { mlp, momentum, optimizer, rnn, sequences, tabular, trainFit } from './common.js';
import type { RunContext, Scenario } from './harness.js';

// ---------------------------------------------------------------------------------------------
// Builders: seeded data and models, and a custom training loop.
// ---------------------------------------------------------------------------------------------

/** A dense layer with a seeded initializer (heNormal unless a stddev is given). */
function dense(
  name: string,
  units: number,
  opts: { activation?: string; stddev?: number; seed: number; inputShape?: number[] },
): tf.layers.Layer {
  return tf.layers.dense({
    name,
    units,
    activation: (opts.activation ?? 'linear') as 'linear',
    kernelInitializer:
      opts.stddev === undefined
        ? tf.initializers.heNormal({ seed: opts.seed })
        : tf.initializers.randomNormal({ stddev: opts.stddev, seed: opts.seed }),
    ...(opts.inputShape ? { inputShape: opts.inputShape } : {}),
  });
}

/** Binary labels (0/1): the sign of a fixed projection of Gaussian features. */
function binary(n = 512, features = 8, seed = 31): { x: tf.Tensor; y: tf.Tensor } {
  return tf.tidy(() => {
    const x = tf.randomNormal([n, features], 0, 1, 'float32', seed);
    const w = tf.randomNormal([features, 1], 0, 1, 'float32', seed + 1);
    const y = tf.cast(tf.greater(tf.matMul(x, w), 0), 'float32');
    return { x, y };
  });
}

/**
 * House prices as they come from a CSV: living area in square feet (600-4000), bedrooms (1-5),
 * year built (1950-2020), lot size in square feet (2000-12000); the price in units of $100k.
 */
function houses(n = 256, seed = 51): { x: tf.Tensor; y: tf.Tensor } {
  return tf.tidy(() => {
    const u = tf.randomUniform([n, 4], 0, 1, 'float32', seed);
    const lo = tf.tensor1d([600, 1, 1950, 2000]);
    const span = tf.tensor1d([3400, 4, 70, 10000]);
    const x = tf.add(lo, tf.mul(u, span));
    const price = tf.add(
      tf.matMul(u, tf.tensor2d([[4], [0.5], [1], [0.8]])),
      tf.randomNormal([n, 1], 0, 0.2, 'float32', seed + 1),
    );
    return { x, y: tf.add(price, 1) };
  });
}

/** Small images [n, 8, 8, 1] with pixels in 0..1 and a target: the brightness of the centre. */
function images(n = 256, seed = 61): { x: tf.Tensor; y: tf.Tensor } {
  return tf.tidy(() => {
    const x = tf.randomUniform([n, 8, 8, 1], 0, 1, 'float32', seed);
    const y = tf.mean(x.slice([0, 2, 2, 0], [n, 4, 4, 1]), [1, 2, 3]).reshape([n, 1]);
    return { x, y };
  });
}

/** conv 3x3 (8) relu, conv 3x3 (8) relu, flatten, dense head; conv2's init a normal of `conv2Stddev` if given. */
function cnn(opt: tf.Optimizer, conv2Stddev?: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(
    tf.layers.conv2d({
      name: 'conv1',
      filters: 8,
      kernelSize: 3,
      activation: 'relu',
      inputShape: [8, 8, 1],
      kernelInitializer: tf.initializers.heNormal({ seed: 71 }),
    }),
  );
  model.add(
    tf.layers.conv2d({
      name: 'conv2',
      filters: 8,
      kernelSize: 3,
      activation: 'relu',
      kernelInitializer:
        conv2Stddev === undefined
          ? tf.initializers.heNormal({ seed: 72 })
          : tf.initializers.randomNormal({ stddev: conv2Stddev, seed: 72 }),
    }),
  );
  model.add(tf.layers.flatten({ name: 'flatten' }));
  model.add(
    tf.layers.dense({
      name: 'head',
      units: 1,
      kernelInitializer: tf.initializers.glorotUniform({ seed: 73 }),
    }),
  );
  model.compile({ optimizer: opt, loss: 'meanSquaredError' });
  return model;
}

/** Linear regression: one dense layer 'linear' over 16 features. */
function linear(opt: tf.Optimizer, seed: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(dense('linear', 1, { stddev: 0.1, seed, inputShape: [16] }));
  model.compile({ optimizer: opt, loss: 'meanSquaredError' });
  return model;
}

/**
 * A residual MLP without normalisation: a linear stem to 32 units, `blocks` blocks h + relu(W h)
 * (He init), a linear head.
 */
function residualMlp(blocks: number, opt: tf.Optimizer, seed: number): tf.LayersModel {
  const input = tf.input({ shape: [16] });
  let h = dense('stem', 32, { seed }).apply(input) as tf.SymbolicTensor;
  for (let i = 1; i <= blocks; i++) {
    const f = dense(`block${i}`, 32, { activation: 'relu', seed: seed + i }).apply(h) as tf.SymbolicTensor;
    h = tf.layers.add({ name: `add${i}` }).apply([h, f]) as tf.SymbolicTensor;
  }
  const out = dense('head', 1, { stddev: 0.1, seed: seed + 100 }).apply(h) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  model.compile({ optimizer: opt, loss: 'meanSquaredError' });
  return model;
}

/**
 * An IRNN (Le et al. 2015): SimpleRNN relu, recurrent kernel initialised to `gain` times the
 * identity, over sequences of `steps` (null: any length), and a dense head.
 */
function irnn(steps: number | null, gain: number, opt: tf.Optimizer): tf.LayersModel {
  const model = tf.sequential();
  model.add(
    tf.layers.simpleRNN({
      name: 'recurrent',
      units: 16,
      activation: 'relu',
      inputShape: [steps, 4],
      recurrentInitializer: tf.initializers.identity({ gain }),
      kernelInitializer: tf.initializers.glorotUniform({ seed: 81 }),
    }),
  );
  model.add(
    tf.layers.dense({
      units: 1,
      name: 'head',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 82 }),
    }),
  );
  model.compile({ optimizer: opt, loss: 'meanSquaredError' });
  return model;
}

/** Rows [start, start + size) of `t`, wrapping around (the mini-batch of a custom loop). */
function rows(t: tf.Tensor, start: number, size: number): tf.Tensor {
  const n = t.shape[0]!;
  const from = start % n;
  if (from + size <= n) return t.slice(from, size);
  return tf.concat([t.slice(from, n - from), t.slice(0, size - (n - from))]);
}

interface LoopPlan {
  optimizer: tf.Optimizer;
  variables: tf.Variable[];
  steps: number;
  /** The step's loss (1-based step); runs under a tape, tensors made here are freed. */
  loss: (step: number) => tf.Tensor;
  /** Rewrites the step's gradients before they are applied (where a loop's bug lives). */
  grads?: (step: number, grads: tf.NamedTensorMap) => tf.NamedTensorMap;
  /** Called after each applied step, outside any tidy (schedules, fault injection). */
  after?: (step: number) => void;
  /** The loss the loop logs, when not the one it differentiates. */
  logged?: () => number;
}

/** A custom training loop: variableGrads, applyGradients, and the harness's record after each step. */
async function trainLoop(ctx: RunContext, plan: LoopPlan): Promise<void> {
  ctx.watch(plan.optimizer);
  for (let step = 1; step <= plan.steps; step++) {
    const { value, grads } = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => plan.loss(step) as tf.Scalar, plan.variables);
      return { value, grads: plan.grads ? plan.grads(step, grads) : grads };
    });
    plan.optimizer.applyGradients(grads);
    tf.dispose(grads);
    const loss = plan.logged ? plan.logged() : (await value.data())[0]!;
    value.dispose();
    plan.after?.(step);
    if (!ctx.record(loss, plan.variables)) break;
  }
}

/** The trainable variables of a model, for `tf.variableGrads`. */
function variablesOf(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/** Scales the gradients of the variables of `layer` (names `layer/...`) by `factor`. */
function scaleLayer(grads: tf.NamedTensorMap, layer: string, factor: number): tf.NamedTensorMap {
  const out: tf.NamedTensorMap = {};
  for (const [name, g] of Object.entries(grads))
    out[name] = name.startsWith(`${layer}/`) ? tf.mul(g, factor) : g;
  return out;
}

const mse = (yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar =>
  tf.losses.meanSquaredError(yTrue, yPred) as tf.Scalar;

// ---------------------------------------------------------------------------------------------
// The scenarios.
// ---------------------------------------------------------------------------------------------

export const EXPLOSIONS: Scenario[] = [
  // --- lr schedule -----------------------------------------------------------------------------
  {
    name: 'SimpleRNN tanh, SGD, learning rate rising 5%/step',
    kind: 'explodes',
    cause: 'lr schedule',
    fast: true,
    run: async (ctx) => {
      const { x, y } = sequences(20);
      const model = rnn({ cell: 'simpleRNN', steps: 20, optimizer: optimizer('sgd', 0.01) });
      await trainFit(ctx, model, x, y, { onStep: (_s, o) => o.setLearningRate(o.learningRate * 1.05) });
    },
  },
  {
    name: 'MLP 4x32 relu, SGD, linear warm-up to a peak lr of 0.8 over 40 steps',
    kind: 'explodes',
    cause: 'lr schedule',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 3);
      const peak = 0.8;
      const warmup = 40;
      const model = mlp(4, { optimizer: optimizer('sgd', peak / warmup), seed: 20 });
      await trainFit(ctx, model, x, y, {
        onStep: (step, o) => o.setLearningRate(peak * Math.min(1, (step + 1) / warmup)),
      });
    },
  },
  {
    name: 'MLP 3x32 relu, momentum, step decay written lr *= 2 every 25 steps (meant / 2)',
    kind: 'explodes',
    cause: 'lr schedule',
    run: async (ctx) => {
      const { x, y } = tabular(400, 16, 5);
      const model = mlp(3, { optimizer: momentum(0.005), seed: 30 });
      await trainFit(ctx, model, x, y, {
        batchSize: 16,
        epochs: 20,
        onStep: (step, o) => {
          if (step % 25 === 0) o.setLearningRate(o.learningRate * 2);
        },
      });
    },
  },
  {
    name: 'MLP 3x32 relu, SGD, triangular cyclic lr 0.001-1.2 with a period of 80 steps',
    kind: 'explodes',
    cause: 'lr schedule',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 7);
      const lo = 0.001;
      const hi = 1.2;
      const period = 80;
      const model = mlp(3, { optimizer: optimizer('sgd', lo), seed: 40 });
      await trainFit(ctx, model, x, y, {
        onStep: (step, o) => {
          const phase = (step % period) / period;
          o.setLearningRate(lo + (hi - lo) * (1 - Math.abs(2 * phase - 1)));
        },
      });
    },
  },
  {
    name: 'custom loop, MLP 3x32 relu, SGD, inverse-time decay written lr0 * (1 + t/10)',
    kind: 'explodes',
    cause: 'lr schedule',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 9);
      const lr0 = 0.02;
      const opt = tf.train.sgd(lr0);
      const model = mlp(3, { optimizer: opt, seed: 50 });
      try {
        await trainLoop(ctx, {
          optimizer: opt,
          variables: variablesOf(model),
          steps: 300,
          loss: (step) =>
            mse(rows(y, (step - 1) * 32, 32), model.apply(rows(x, (step - 1) * 32, 32)) as tf.Tensor),
          after: (step) => opt.setLearningRate(lr0 * (1 + step / 10)),
        });
      } finally {
        tf.dispose([x, y]);
        model.dispose();
        opt.dispose();
      }
    },
  },
  {
    name: 'custom loop, MLP 4x32 elu, per-layer lr multiplier of h2 written 1.04^t (meant 0.96^t)',
    kind: 'explodes',
    cause: 'lr schedule',
    culprit: 'h2',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 11);
      const opt = tf.train.sgd(0.01);
      const model = mlp(4, { activation: 'elu', optimizer: opt, seed: 60 });
      try {
        await trainLoop(ctx, {
          optimizer: opt,
          variables: variablesOf(model),
          steps: 300,
          loss: (step) =>
            mse(rows(y, (step - 1) * 32, 32), model.apply(rows(x, (step - 1) * 32, 32)) as tf.Tensor),
          grads: (step, g) => scaleLayer(g, 'h2', 1.04 ** step),
        });
      } finally {
        tf.dispose([x, y]);
        model.dispose();
        opt.dispose();
      }
    },
  },

  // --- lr too high -----------------------------------------------------------------------------
  {
    name: 'MLP 3x32 relu, SGD lr 0.5',
    kind: 'explodes',
    cause: 'lr too high',
    fast: true,
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 13);
      await trainFit(ctx, mlp(3, { optimizer: optimizer('sgd', 0.5), seed: 70 }), x, y, { epochs: 4 });
    },
  },
  {
    name: 'small CNN on 8x8 images, Adam lr 0.3',
    kind: 'explodes',
    cause: 'lr too high',
    run: async (ctx) => {
      const { x, y } = images(256, 15);
      await trainFit(ctx, cnn(optimizer('adam', 0.3)), x, y, { epochs: 4 });
    },
  },
  {
    name: 'linear regression, mini-batch SGD lr 0.6',
    kind: 'explodes',
    cause: 'lr too high',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 17);
      const model = linear(optimizer('sgd', 0.6), 80);
      await trainFit(ctx, model, x, y, { epochs: 8 });
    },
  },
  {
    name: 'MLP 2x64 tanh, momentum 0.9 lr 0.1',
    kind: 'explodes',
    cause: 'lr too high',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 19);
      const model = mlp(2, { units: 64, activation: 'tanh', optimizer: momentum(0.1), seed: 90 });
      await trainFit(ctx, model, x, y, { epochs: 8 });
    },
  },

  // --- initialisation --------------------------------------------------------------------------
  {
    name: 'deep MLP (8 relu layers), init stddev 0.35, SGD, lr rising 5%/step',
    kind: 'explodes',
    cause: 'initialisation',
    run: async (ctx) => {
      const { x, y } = tabular();
      const model = mlp(8, { stddev: 0.35, optimizer: optimizer('sgd', 0.0003) });
      await trainFit(ctx, model, x, y, { onStep: (_s, o) => o.setLearningRate(o.learningRate * 1.05) });
    },
  },
  {
    name: 'MLP 4x32 relu, h2 initialised with stddev 3 (meant 0.3), SGD 0.01',
    kind: 'explodes',
    cause: 'initialisation',
    culprit: 'h2',
    fast: true,
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 21);
      const model = tf.sequential();
      model.add(dense('h1', 32, { activation: 'relu', seed: 101, inputShape: [16] }));
      model.add(dense('h2', 32, { activation: 'relu', stddev: 3, seed: 102 }));
      model.add(dense('h3', 32, { activation: 'relu', seed: 103 }));
      model.add(dense('h4', 32, { activation: 'relu', seed: 104 }));
      model.add(dense('head', 1, { seed: 105 }));
      model.compile({ optimizer: optimizer('sgd', 0.01), loss: 'meanSquaredError' });
      await trainFit(ctx, model, x, y);
    },
  },
  {
    name: 'SimpleRNN relu over 30 steps, recurrent init gain 1.5, SGD 0.01',
    kind: 'explodes',
    cause: 'initialisation',
    culprit: 'recurrent',
    run: async (ctx) => {
      const { x, y } = sequences(30, 256, 23);
      const model = rnn({
        cell: 'simpleRNN',
        steps: 30,
        activation: 'relu',
        recurrentGain: 1.5,
        optimizer: optimizer('sgd', 0.01),
      });
      await trainFit(ctx, model, x, y);
    },
  },
  {
    name: 'MLP 3x128 relu, kernels randomNormal stddev 1 (not scaled by fan-in), SGD 1e-3',
    kind: 'explodes',
    cause: 'initialisation',
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 25);
      const model = mlp(3, { units: 128, stddev: 1, optimizer: optimizer('sgd', 1e-3), seed: 110 });
      await trainFit(ctx, model, x, y, { epochs: 2 });
    },
  },
  {
    name: 'small CNN, conv2 kernel initialised with stddev 2 (meant 0.2), SGD 0.01',
    kind: 'explodes',
    cause: 'initialisation',
    culprit: 'conv2',
    run: async (ctx) => {
      const { x, y } = images(256, 26);
      await trainFit(ctx, cnn(optimizer('sgd', 0.01), 2), x, y, { epochs: 4 });
    },
  },

  // --- depth without normalisation -------------------------------------------------------------
  {
    name: 'MLP 16x32 relu (He init, no batchnorm), SGD 0.05',
    kind: 'explodes',
    cause: 'depth without normalisation',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 27);
      await trainFit(ctx, mlp(16, { optimizer: optimizer('sgd', 0.05), seed: 120 }), x, y);
    },
  },
  {
    name: 'MLP 12x32 linear, init stddev 0.2, SGD 3e-3',
    kind: 'explodes',
    cause: 'depth without normalisation',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 29);
      const model = mlp(12, {
        activation: 'linear',
        stddev: 0.2,
        optimizer: optimizer('sgd', 3e-3),
        seed: 140,
      });
      await trainFit(ctx, model, x, y);
    },
  },
  {
    name: 'residual MLP, 12 blocks x + relu(Wx) without normalisation, SGD 1e-3',
    kind: 'explodes',
    cause: 'depth without normalisation',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 31);
      await trainFit(ctx, residualMlp(12, optimizer('sgd', 1e-3), 160), x, y);
    },
  },

  // --- long recurrence -------------------------------------------------------------------------
  {
    name: 'IRNN (SimpleRNN relu, identity recurrent init) over 60 steps, SGD 1e-3',
    kind: 'explodes',
    cause: 'long recurrence',
    run: async (ctx) => {
      const { x, y } = sequences(60, 256, 33);
      await trainFit(ctx, irnn(60, 1, optimizer('sgd', 1e-3)), x, y);
    },
  },
  {
    name: 'SimpleRNN relu over 100 steps, identity init gain 0.95, SGD 1e-3',
    kind: 'explodes',
    cause: 'long recurrence',
    run: async (ctx) => {
      const { x, y } = sequences(100, 128, 34);
      await trainFit(ctx, irnn(100, 0.95, optimizer('sgd', 1e-3)), x, y, { epochs: 4 });
    },
  },
  {
    name: 'custom loop, IRNN trained on 20-step sequences meets the 80-step bucket at step 60, SGD 1e-3',
    kind: 'explodes',
    cause: 'long recurrence',
    run: async (ctx) => {
      const { x, y } = sequences(80, 256, 35);
      const opt = tf.train.sgd(1e-3);
      const model = irnn(null, 1, opt);
      try {
        await trainLoop(ctx, {
          optimizer: opt,
          variables: variablesOf(model),
          steps: 120,
          loss: (step) => {
            // batches bucketed by length: the short bucket first, then the long one
            const t = step < 60 ? 20 : 80;
            const xs = rows(x, (step - 1) * 32, 32).slice([0, 0, 0], [32, t, 4]);
            const ys = tf.mean(xs.slice([0, 0, 0], [32, t, 1]), 1); // the mean of the first feature
            return mse(ys, model.apply(xs) as tf.Tensor);
          },
        });
      } finally {
        tf.dispose([x, y]);
        model.dispose();
        opt.dispose();
      }
    },
  },

  // --- unscaled data ---------------------------------------------------------------------------
  {
    name: 'house prices with raw features (square feet, year built), MLP 2x32, SGD 0.01',
    kind: 'explodes',
    cause: 'unscaled data',
    run: async (ctx) => {
      const { x, y } = houses(256, 39);
      await trainFit(ctx, mlp(2, { inputs: 4, optimizer: optimizer('sgd', 0.01), seed: 180 }), x, y, {
        epochs: 2,
      });
    },
  },
  {
    name: 'salary regression with targets in dollars (~3e4), MLP 2x32, SGD 1e-3',
    kind: 'explodes',
    cause: 'unscaled data',
    run: async (ctx) => {
      const data = tabular(256, 16, 41);
      const y = tf.tidy(() => tf.add(30000, tf.mul(data.y, 5000)));
      data.y.dispose();
      await trainFit(ctx, mlp(2, { optimizer: optimizer('sgd', 1e-3), seed: 190 }), data.x, y, { epochs: 4 });
    },
  },
  {
    name: 'small CNN on 8x8 images with pixels 0-255 (not divided by 255), SGD 0.01',
    kind: 'explodes',
    cause: 'unscaled data',
    run: async (ctx) => {
      const data = images(256, 43);
      const x = tf.tidy(() => tf.round(tf.mul(data.x, 255)));
      data.x.dispose();
      await trainFit(ctx, cnn(optimizer('sgd', 0.01)), x, data.y, { epochs: 4 });
    },
  },

  // --- corrupt batch ---------------------------------------------------------------------------
  {
    name: 'NaN in one input row (row 200, the 13th batch), MLP 3x32, Adam 1e-3',
    kind: 'explodes',
    cause: 'corrupt batch',
    fast: true,
    run: async (ctx) => {
      const data = tabular(512, 16, 45);
      const x = tf.tidy(() => {
        const at = tf.equal(tf.range(0, 512 * 16, 1, 'int32').reshape([512, 16]), 200 * 16 + 3);
        return tf.where(at, tf.scalar(Number.NaN), data.x);
      });
      data.x.dispose();
      await trainFit(ctx, mlp(3, { optimizer: optimizer('adam', 1e-3), seed: 200 }), x, data.y, {
        epochs: 2,
      });
    },
  },
  {
    name: 'one label in the wrong unit (1e6 at row 1100), MLP 3x32, momentum 0.9 lr 0.01',
    kind: 'explodes',
    cause: 'corrupt batch',
    run: async (ctx) => {
      const data = tabular(1280, 16, 47);
      const y = tf.tidy(() =>
        tf.where(tf.equal(tf.range(0, 1280, 1, 'int32').reshape([1280, 1]), 1100), 1e6, data.y),
      );
      data.y.dispose();
      await trainFit(ctx, mlp(3, { optimizer: momentum(0.01), seed: 210 }), data.x, y, { epochs: 1 });
    },
  },
  {
    name: 'fitDataset over a stream whose log(count) feature meets a zero count at batch 45',
    kind: 'explodes',
    cause: 'corrupt batch',
    run: async (ctx) => {
      const model = mlp(2, { inputs: 6, optimizer: optimizer('adam', 3e-3), seed: 220 });
      const batches = 120;
      function* stream(): Generator<{ xs: tf.Tensor; ys: tf.Tensor }> {
        for (let b = 1; b <= batches; b++) {
          yield tf.tidy(() => {
            const counts = tf.floor(tf.randomUniform([32, 1], 1, 500, 'float32', 1000 + b));
            const withZero =
              b === 45 ? tf.where(tf.equal(tf.range(0, 32).reshape([32, 1]), 7), 0, counts) : counts;
            const other = tf.randomNormal([32, 5], 0, 1, 'float32', 2000 + b);
            const logCount = tf.log(withZero);
            const xs = tf.concat([tf.div(logCount, 6), other], 1);
            const ys = tf.add(tf.mul(logCount, 0.5), tf.sum(other, 1, true));
            return { xs, ys };
          });
        }
      }
      const opt = model.optimizer;
      try {
        await model.fitDataset(tf.data.generator(stream), {
          epochs: 1,
          verbose: 0,
          callbacks: ctx.callbacks(model),
        });
      } finally {
        model.dispose();
        opt.dispose();
      }
    },
  },

  // --- unstable loss ---------------------------------------------------------------------------
  {
    name: 'hand-written binary cross-entropy log(sigmoid(z)) without epsilon, MLP 2x32, SGD 0.5',
    kind: 'explodes',
    cause: 'unstable loss',
    fast: true,
    run: async (ctx) => {
      const { x, y } = binary(512, 8, 49);
      const bce = (yTrue: tf.Tensor, z: tf.Tensor) =>
        tf.tidy(() => {
          const p = tf.sigmoid(z);
          return tf.neg(
            tf.mean(tf.add(tf.mul(yTrue, tf.log(p)), tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, p))))),
          );
        });
      const model = mlp(2, { inputs: 8, optimizer: optimizer('sgd', 0.5), loss: bce, seed: 230 });
      await trainFit(ctx, model, x, y);
    },
  },

  {
    name: 'hand-written Poisson loss exp(z) - y*z on counts, MLP 2x32, SGD 0.05',
    kind: 'explodes',
    cause: 'unstable loss',
    run: async (ctx) => {
      const data = tabular(512, 16, 53);
      const counts = tf.tidy(() => tf.round(tf.exp(tf.clipByValue(data.y, -3, 3.5))));
      data.y.dispose();
      const poisson = (yTrue: tf.Tensor, z: tf.Tensor) => tf.mean(tf.sub(tf.exp(z), tf.mul(yTrue, z)));
      const model = mlp(2, { optimizer: optimizer('sgd', 0.05), loss: poisson, seed: 250 });
      await trainFit(ctx, model, data.x, counts);
    },
  },
  {
    name: 'hand-written Pearson chi-square loss (y - p)^2 / p on counts, p unconstrained, SGD 0.01',
    kind: 'explodes',
    cause: 'unstable loss',
    run: async (ctx) => {
      const data = tabular(512, 16, 55);
      const counts = tf.tidy(() => tf.round(tf.add(tf.mul(data.y, 3), 10)).relu());
      data.y.dispose();
      const chi2 = (yTrue: tf.Tensor, p: tf.Tensor) => tf.mean(tf.div(tf.square(tf.sub(yTrue, p)), p));
      const model = mlp(2, { optimizer: optimizer('sgd', 0.01), loss: chi2, seed: 260 });
      await trainFit(ctx, model, data.x, counts);
    },
  },
  {
    name: 'custom loop, hand-written layer norm (x - mean) / std without epsilon after 8 relu units, Adam 1e-2',
    kind: 'explodes',
    cause: 'unstable layer',
    culprit: 'norm',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 58);
      const vars = tf.tidy(() => [
        tf.variable(tf.randomNormal([16, 8], 0, 0.35, 'float32', 272), true, 'enc/kernel'),
        tf.variable(tf.zeros([8]), true, 'enc/bias'),
        tf.variable(tf.ones([8]), true, 'norm/gamma'),
        tf.variable(tf.zeros([8]), true, 'norm/beta'),
        tf.variable(tf.randomNormal([8, 1], 0, 0.35, 'float32', 273), true, 'head/kernel'),
        tf.variable(tf.zeros([1]), true, 'head/bias'),
      ]);
      const [w1, b1, gamma, beta, w2, b2] = vars as [
        tf.Variable,
        tf.Variable,
        tf.Variable,
        tf.Variable,
        tf.Variable,
        tf.Variable,
      ];
      const opt = tf.train.adam(1e-2);
      try {
        await trainLoop(ctx, {
          optimizer: opt,
          variables: vars,
          steps: 300,
          loss: (step) => {
            const h = tf.relu(tf.add(tf.matMul(rows(x, (step - 1) * 32, 32), w1), b1));
            const { mean, variance } = tf.moments(h, -1, true);
            const n = tf.add(tf.mul(tf.div(tf.sub(h, mean), tf.sqrt(variance)), gamma), beta);
            return mse(rows(y, (step - 1) * 32, 32), tf.add(tf.matMul(n, w2), b2));
          },
        });
      } finally {
        tf.dispose([x, y, ...vars]);
        opt.dispose();
      }
    },
  },

  // --- accumulation bug ------------------------------------------------------------------------
  {
    name: 'custom loop, gradient accumulation over 4 micro-batches, buffer never zeroed, SGD 0.01',
    kind: 'explodes',
    cause: 'accumulation bug',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 59);
      const opt = tf.train.sgd(0.01);
      const model = mlp(3, { optimizer: opt, seed: 280 });
      const variables = variablesOf(model);
      const buffer = tf.tidy(() => variables.map((v) => tf.variable(tf.zerosLike(v), false)));
      ctx.watch(opt);
      let micro = 0;
      try {
        for (let step = 1; step <= 300; step++) {
          let loss = 0;
          for (let k = 0; k < 4; k++, micro++) {
            const value = tf.tidy(() => {
              const { value, grads } = tf.variableGrads(
                () => mse(rows(y, micro * 8, 8), model.apply(rows(x, micro * 8, 8)) as tf.Tensor),
                variables,
              );
              for (const [i, v] of variables.entries()) buffer[i]!.assign(tf.add(buffer[i]!, grads[v.name]!));
              return value;
            });
            loss += (await value.data())[0]! / 4;
            value.dispose();
          }
          const grads = tf.tidy(() =>
            Object.fromEntries(variables.map((v, i) => [v.name, tf.div(buffer[i]!, 4)])),
          );
          opt.applyGradients(grads);
          tf.dispose(grads);
          // (the buffer should be zeroed here)
          if (!ctx.record(loss, variables)) break;
        }
      } finally {
        tf.dispose([x, y, ...buffer]);
        model.dispose();
        opt.dispose();
      }
    },
  },
  {
    name: 'custom loop, growing replay buffer with the loss summed instead of averaged, SGD 1e-3',
    kind: 'explodes',
    cause: 'accumulation bug',
    fast: true,
    run: async (ctx) => {
      const { x, y } = tabular(2048, 16, 61);
      const opt = tf.train.sgd(1e-3);
      const model = mlp(2, { optimizer: opt, seed: 290 });
      try {
        await trainLoop(ctx, {
          optimizer: opt,
          variables: variablesOf(model),
          steps: 120,
          loss: (step) => {
            const n = 16 * step; // the buffer grows by one batch per step
            const p = model.apply(x.slice(0, n)) as tf.Tensor;
            return tf.sum(tf.square(tf.sub(y.slice(0, n), p)));
          },
        });
      } finally {
        tf.dispose([x, y]);
        model.dispose();
        opt.dispose();
      }
    },
  },

  // --- optimizer misuse ------------------------------------------------------------------------
  {
    name: 'MLP 3x32 tanh, SGD momentum 0.99 with lr 0.05',
    kind: 'explodes',
    cause: 'optimizer misuse',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 63);
      await trainFit(ctx, mlp(3, { activation: 'tanh', optimizer: momentum(0.05, 0.99), seed: 300 }), x, y);
    },
  },
  {
    name: 'MLP 3x32 relu, Adam with beta1 and beta2 swapped (0.999, 0.9), lr 0.01',
    kind: 'explodes',
    cause: 'optimizer misuse',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 65);
      await trainFit(ctx, mlp(3, { optimizer: tf.train.adam(0.01, 0.999, 0.9), seed: 310 }), x, y);
    },
  },
  {
    name: 'MLP 3x32 relu, Adam with beta2 = 0 (no second-moment averaging), lr 1e-3',
    kind: 'explodes',
    cause: 'optimizer misuse',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 67);
      await trainFit(ctx, mlp(3, { optimizer: tf.train.adam(1e-3, 0.9, 0), seed: 320 }), x, y);
    },
  },
  {
    name: 'MLP 3x32 relu, Adagrad lr 0.5 (50x its usual 0.01)',
    kind: 'explodes',
    cause: 'optimizer misuse',
    fast: true,
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 69);
      await trainFit(ctx, mlp(3, { optimizer: optimizer('adagrad', 0.5), seed: 330 }), x, y, { epochs: 2 });
    },
  },

  // --- slow growth -----------------------------------------------------------------------------
  {
    name: 'MLP 3x32 relu, SGD from lr 1e-3 rising 2.5%/step',
    kind: 'explodes',
    cause: 'slow growth',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 71);
      const model = mlp(3, { optimizer: optimizer('sgd', 1e-3), seed: 340 });
      await trainFit(ctx, model, x, y, {
        epochs: 10,
        onStep: (_s, o) => o.setLearningRate(o.learningRate * 1.025),
      });
    },
  },
  {
    name: 'custom loop, full-batch linear regression, gradient descent lr 0.71 (just past the stable limit)',
    kind: 'explodes',
    cause: 'slow growth',
    fast: true,
    run: async (ctx) => {
      const { x, y } = tabular(256, 16, 73);
      const opt = tf.train.sgd(0.71);
      const model = linear(opt, 350);
      try {
        await trainLoop(ctx, {
          optimizer: opt,
          variables: variablesOf(model),
          steps: 300,
          loss: () => mse(y, model.apply(x) as tf.Tensor),
        });
      } finally {
        tf.dispose([x, y]);
        model.dispose();
        opt.dispose();
      }
    },
  },
  {
    name: 'custom loop, MLP 4x32 elu, L2 penalty on h3 added with the wrong sign (loss - 0.3 * sum(W^2)), SGD 0.05',
    kind: 'explodes',
    cause: 'slow growth',
    culprit: 'h3',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 75);
      const opt = tf.train.sgd(0.05);
      const model = mlp(4, { activation: 'elu', optimizer: opt, seed: 360 });
      const kernel = model.getLayer('h3').getWeights()[0]! as tf.Variable;
      let dataLoss = 0; // the loss logged: the data term (the penalty is reported apart)
      try {
        await trainLoop(ctx, {
          optimizer: opt,
          variables: variablesOf(model),
          steps: 300,
          loss: (step) => {
            const p = model.apply(rows(x, (step - 1) * 32, 32)) as tf.Tensor;
            const data = mse(rows(y, (step - 1) * 32, 32), p);
            dataLoss = data.dataSync()[0]!;
            return tf.sub(data, tf.mul(0.3, tf.sum(tf.square(kernel))));
          },
          logged: () => dataLoss,
        });
      } finally {
        tf.dispose([x, y]);
        model.dispose();
        opt.dispose();
      }
    },
  },

  // --- corrupt weights -------------------------------------------------------------------------
  {
    name: 'NaN written into h3/kernel at step 60',
    kind: 'explodes',
    cause: 'corrupt weights',
    culprit: 'h3',
    fast: true,
    run: async (ctx) => {
      const { x, y } = tabular();
      const model = mlp(4, { optimizer: optimizer('adam', 1e-3) });
      await trainFit(ctx, model, x, y, {
        onStep: (step) => {
          if (step !== 60) return;
          const layer = model.getLayer('h3');
          const [k, b] = layer.getWeights();
          const bad = tf.tidy(() =>
            tf.where(tf.equal(tf.range(0, k!.size).reshape(k!.shape), 5), tf.scalar(Number.NaN), k!),
          );
          layer.setWeights([bad, b!]);
          bad.dispose(); // getWeights() returns the variables themselves: not ours to dispose
        },
      });
    },
  },
  {
    name: 'h2 weights multiplied by 1000 at step 40 (a botched weight surgery), SGD 0.01',
    kind: 'explodes',
    cause: 'corrupt weights',
    culprit: 'h2',
    run: async (ctx) => {
      const { x, y } = tabular(512, 16, 77);
      const model = mlp(4, { optimizer: optimizer('sgd', 0.01), seed: 370 });
      await trainFit(ctx, model, x, y, {
        onStep: (step) => {
          if (step !== 40) return;
          const layer = model.getLayer('h2');
          const scaled = tf.tidy(() => layer.getWeights().map((w) => tf.mul(w, 1000)));
          layer.setWeights(scaled);
          tf.dispose(scaled);
        },
      });
    },
  },
];
