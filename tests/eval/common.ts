/**
 * Building blocks shared by the evaluation scenarios: seeded data, small models, optimizers, and a
 * training loop over `fit` with the harness's callbacks. Every tensor made here is disposed by the
 * caller (`trainFit` disposes what it is given).
 */
import * as tf from '@tensorflow/tfjs';
import type { RunContext } from './harness.js';

export type Opt = 'sgd' | 'momentum' | 'adam' | 'rmsprop' | 'adagrad';

export function optimizer(kind: Opt, lr: number): tf.Optimizer {
  if (kind === 'adam') return tf.train.adam(lr);
  if (kind === 'rmsprop') return tf.train.rmsprop(lr);
  if (kind === 'adagrad') return tf.train.adagrad(lr);
  if (kind === 'momentum') return momentum(lr);
  return tf.train.sgd(lr);
}

/**
 * `tf.train.momentum`, whose dispose also frees the learning-rate scalar it inherits from SGD
 * (tfjs 4.22's MomentumOptimizer.dispose forgets it: one tensor left per optimizer).
 */
export function momentum(lr: number, m = 0.9): tf.MomentumOptimizer {
  const opt = tf.train.momentum(lr, m);
  const dispose = opt.dispose.bind(opt);
  opt.dispose = () => {
    dispose();
    (opt as unknown as { c?: tf.Tensor }).c?.dispose();
  };
  return opt;
}

/** An optimizer whose learning rate a schedule sets (SGD and momentum: setLearningRate). */
export type LrOptimizer = tf.Optimizer & { learningRate: number; setLearningRate(lr: number): void };

/**
 * Sets an optimizer's learning rate: tfjs's SGD and momentum have setLearningRate; Adam, RMSProp and
 * Adagrad read their public learningRate field at every step.
 */
export function setLr(opt: tf.Optimizer, lr: number): void {
  const o = opt as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(lr);
  else o.learningRate = lr;
}

export interface FitPlan {
  epochs?: number;
  batchSize?: number;
  /** Called after each step (1-based) with the optimizer: schedules, fault injection. */
  onStep?: (step: number, opt: LrOptimizer) => void;
}

/** `model.fit(x, y)` with the harness's callbacks; disposes x, y and the model afterwards. */
export async function trainFit(
  ctx: RunContext,
  model: tf.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor,
  plan: FitPlan = {},
): Promise<void> {
  const opt = model.optimizer as LrOptimizer;
  const batchSize = plan.batchSize ?? 16;
  let step = 0;
  try {
    await model.fit(x, y, {
      epochs: plan.epochs ?? 10,
      batchSize,
      shuffle: false,
      verbose: 0,
      callbacks: [
        ...ctx.callbacks(model, { x, batchSize }),
        new tf.CustomCallback({ onBatchEnd: async () => plan.onStep?.(++step, opt) }),
      ],
    });
  } finally {
    tf.dispose([x, y]);
    model.dispose();
    opt.dispose();
  }
}

/** A tabular regression problem with a learnable target (a fixed random projection plus noise). */
export function tabular(n = 256, features = 16, seed = 1): { x: tf.Tensor; y: tf.Tensor } {
  return tf.tidy(() => {
    const x = tf.randomNormal([n, features], 0, 1, 'float32', seed);
    const w = tf.randomNormal([features, 1], 0, 0.5, 'float32', seed + 6);
    const y = tf.add(tf.matMul(x, w), tf.randomNormal([n, 1], 0, 0.1, 'float32', seed + 7));
    return { x, y };
  });
}

/** Random sequences [n, t, 4] with a target that depends on them (the mean of the first feature). */
export function sequences(t: number, n = 256, seed = 1): { x: tf.Tensor; y: tf.Tensor } {
  return tf.tidy(() => {
    const x = tf.randomNormal([n, t, 4], 0, 1, 'float32', seed);
    const y = tf.add(
      tf.mean(x.slice([0, 0, 0], [n, t, 1]), 1),
      tf.randomNormal([n, 1], 0, 0.1, 'float32', seed + 1),
    );
    return { x, y };
  });
}

export function mlp(
  depth: number,
  opts: {
    units?: number;
    inputs?: number;
    outputs?: number;
    activation?: string;
    /** Kernel init: null for heNormal, else a normal with this stddev. */
    stddev?: number | null;
    optimizer: tf.Optimizer;
    loss?: string | ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor);
    seed?: number;
  },
): tf.LayersModel {
  const model = tf.sequential();
  const seed = opts.seed ?? 10;
  for (let i = 0; i < depth; i++) {
    model.add(
      tf.layers.dense({
        units: opts.units ?? 32,
        name: `h${i + 1}`,
        activation: (opts.activation ?? 'relu') as 'relu',
        kernelInitializer:
          opts.stddev === undefined || opts.stddev === null
            ? tf.initializers.heNormal({ seed: seed + i })
            : tf.initializers.randomNormal({ stddev: opts.stddev, seed: seed + i }),
        ...(i === 0 ? { inputShape: [opts.inputs ?? 16] } : {}),
      }),
    );
  }
  model.add(
    tf.layers.dense({
      units: opts.outputs ?? 1,
      name: 'head',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed - 5 }),
    }),
  );
  model.compile({ optimizer: opts.optimizer, loss: (opts.loss ?? 'meanSquaredError') as 'meanSquaredError' });
  return model;
}

export function rnn(opts: {
  cell: 'simpleRNN' | 'lstm' | 'gru';
  steps: number;
  units?: number;
  activation?: string;
  recurrentGain?: number;
  optimizer: tf.Optimizer;
}): tf.LayersModel {
  const model = tf.sequential();
  const common = {
    units: opts.units ?? 16,
    inputShape: [opts.steps, 4],
    name: 'recurrent',
    recurrentInitializer: tf.initializers.orthogonal({ gain: opts.recurrentGain ?? 1, seed: 3 }),
    kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
  };
  model.add(
    opts.cell === 'lstm'
      ? tf.layers.lstm(common)
      : opts.cell === 'gru'
        ? tf.layers.gru(common)
        : tf.layers.simpleRNN({ ...common, activation: (opts.activation ?? 'tanh') as 'tanh' }),
  );
  model.add(
    tf.layers.dense({
      units: 1,
      name: 'head',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }),
    }),
  );
  model.compile({ optimizer: opts.optimizer, loss: 'meanSquaredError' });
  return model;
}
