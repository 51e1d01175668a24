/**
 * The detector's evaluation suite: small tfjs runs that explode, runs with a fault injected at a
 * known step and layer, and stable runs. Each is trained with the real callback (or watchOptimizer)
 * on the cpu backend with fixed seeds, so a run's outcome is reproducible. Used by
 * tests/detect-eval.test.ts (assertions) and bench/detect-eval.ts (the table in the closing note).
 */
import * as tf from '@tensorflow/tfjs';
import type { Alert } from '../../src/detect/types.js';
import { tensorBoard, watchOptimizer } from '../../src/index.js';

export type Kind = 'explodes' | 'injected' | 'stable';

export interface Outcome {
  steps: number;
  /** First step whose loss was NaN or ±Inf (undefined if none). */
  firstNonFiniteLoss: number | undefined;
  /** First alert of each burst, in step order. */
  alerts: Alert[];
}

export interface Scenario {
  name: string;
  kind: Kind;
  /** For injected faults: the layer that must be blamed, and the step of the fault. */
  culprit?: string;
  faultStep?: number;
  run(logdir: string): Promise<Outcome>;
}

const N = 256;
const BATCH = 16;
const EPOCHS = 10;

type Opt = 'sgd' | 'adam' | 'rmsprop';
function optimizer(kind: Opt, lr: number): tf.Optimizer {
  if (kind === 'adam') return tf.train.adam(lr);
  if (kind === 'rmsprop') return tf.train.rmsprop(lr);
  return tf.train.sgd(lr);
}

/** Trains `model` with fit and the callback; optionally multiplies the learning rate each step. */
async function train(
  model: tf.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor,
  logdir: string,
  opts: { lrGrowth?: number; onStep?: (step: number) => void } = {},
): Promise<Outcome> {
  const cb = tensorBoard(logdir, { detect: { console: false } });
  const losses: number[] = [];
  const opt = model.optimizer as tf.Optimizer & { learningRate: number; setLearningRate(lr: number): void };
  await model.fit(x, y, {
    epochs: EPOCHS,
    batchSize: BATCH,
    shuffle: false,
    verbose: 0,
    callbacks: [
      cb,
      new tf.CustomCallback({
        onBatchEnd: async (_b, logs) => {
          losses.push(logs?.loss as number);
          if (opts.lrGrowth) opt.setLearningRate(opt.learningRate * opts.lrGrowth);
          opts.onStep?.(losses.length);
        },
      }),
    ],
  });
  await cb.close();
  x.dispose();
  y.dispose();
  model.dispose();
  return outcome(losses, [...cb.alerts]);
}

function outcome(losses: number[], alerts: Alert[]): Outcome {
  const i = losses.findIndex((l) => !Number.isFinite(l));
  return { steps: losses.length, firstNonFiniteLoss: i < 0 ? undefined : i + 1, alerts };
}

function sequences(t: number): { x: tf.Tensor; y: tf.Tensor } {
  return {
    x: tf.randomNormal([N, t, 4], 0, 1, 'float32', 1),
    y: tf.randomNormal([N, 1], 0, 1, 'float32', 2),
  };
}

function rnn(
  cell: 'simpleRNN' | 'lstm',
  activation: string,
  gain: number,
  opt: Opt,
  lr: number,
  t = 20,
): tf.LayersModel {
  const model = tf.sequential();
  const common = {
    units: 16,
    inputShape: [t, 4],
    name: 'recurrent',
    recurrentInitializer: tf.initializers.orthogonal({ gain, seed: 3 }),
    kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
  };
  model.add(
    cell === 'lstm'
      ? tf.layers.lstm(common)
      : tf.layers.simpleRNN({ ...common, activation: activation as 'tanh' }),
  );
  model.add(
    tf.layers.dense({
      units: 1,
      name: 'head',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }),
    }),
  );
  model.compile({ optimizer: optimizer(opt, lr), loss: 'meanSquaredError' });
  return model;
}

function mlp(depth: number, stddev: number | null, activation: string, opt: Opt, lr: number): tf.LayersModel {
  const model = tf.sequential();
  for (let i = 0; i < depth; i++) {
    model.add(
      tf.layers.dense({
        units: 32,
        name: `h${i + 1}`,
        activation: activation as 'relu',
        kernelInitializer:
          stddev === null
            ? tf.initializers.heNormal({ seed: 10 + i })
            : tf.initializers.randomNormal({ stddev, seed: 10 + i }),
        ...(i === 0 ? { inputShape: [16] } : {}),
      }),
    );
  }
  model.add(
    tf.layers.dense({
      units: 1,
      name: 'head',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }),
    }),
  );
  model.compile({ optimizer: optimizer(opt, lr), loss: 'meanSquaredError' });
  return model;
}

function tabular(): { x: tf.Tensor; y: tf.Tensor } {
  const x = tf.randomNormal([N, 16], 0, 1, 'float32', 1);
  // A learnable target (a fixed random projection plus noise), so stable runs make progress.
  const w = tf.randomNormal([16, 1], 0, 0.5, 'float32', 7);
  const y = tf.tidy(() => tf.add(tf.matMul(x, w), tf.randomNormal([N, 1], 0, 0.1, 'float32', 8)));
  w.dispose();
  return { x, y };
}

export const SCENARIOS: Scenario[] = [
  // SimpleRNNs whose learning rate rises 5% a step until they explode.
  ...(
    [
      ['SimpleRNN tanh, SGD, learning rate rising 5%/step', 'tanh', 0.01],
      ['SimpleRNN relu, recurrent gain 1.0, SGD, lr rising 5%/step', 'relu', 0.001],
      ['SimpleRNN linear, SGD, lr rising 5%/step', 'linear', 0.0005],
    ] as const
  ).map(
    ([name, activation, lr]): Scenario => ({
      name,
      kind: 'explodes',
      run: (d) => {
        const { x, y } = sequences(20);
        return train(rnn('simpleRNN', activation, 1, 'sgd', lr), x, y, d, { lrGrowth: 1.05 });
      },
    }),
  ),
  {
    name: 'LSTM, recurrent gain 3, SGD, lr rising 5%/step',
    kind: 'explodes',
    run: (d) => {
      const { x, y } = sequences(8);
      return train(rnn('lstm', 'tanh', 3, 'sgd', 0.05, 8), x, y, d, { lrGrowth: 1.05 });
    },
  },
  {
    name: 'deep MLP (8 relu layers), init stddev 0.35, SGD, lr rising 5%/step',
    kind: 'explodes',
    run: (d) => {
      const { x, y } = tabular();
      return train(mlp(8, 0.35, 'relu', 'sgd', 0.0003), x, y, d, { lrGrowth: 1.05 });
    },
  },
  {
    name: 'NaN written into h3/kernel at step 60 (fit)',
    kind: 'injected',
    culprit: 'h3',
    faultStep: 61,
    run: (d) => {
      const { x, y } = tabular();
      const model = mlp(4, null, 'relu', 'adam', 1e-3);
      return train(model, x, y, d, {
        onStep: (step) => {
          if (step !== 60) return;
          const layer = model.getLayer('h3');
          const [k, b] = layer.getWeights();
          const bad = tf.tidy(() =>
            tf.where(tf.equal(tf.range(0, k!.size).reshape(k!.shape), 5), tf.scalar(Number.NaN), k!),
          );
          layer.setWeights([bad, b!]);
          bad.dispose();
        },
      });
    },
  },
  {
    name: 'NaN in the gradient of h2/kernel at step 60 (custom loop)',
    kind: 'injected',
    culprit: 'h2',
    faultStep: 60,
    run: async (d) => {
      const { x, y } = tabular();
      const model = mlp(4, null, 'relu', 'adam', 1e-3);
      const opt = model.optimizer;
      const alerts: Alert[] = [];
      const unwatch = watchOptimizer(opt, {
        logdir: d,
        layerOf: (name) => name.split('/')[0]!,
        detect: { console: false, onAlert: (a) => void (a.first && alerts.push(a)) },
      });
      const losses: number[] = [];
      const xs = tf.split(x, N / BATCH);
      const ys = tf.split(y, N / BATCH);
      for (let step = 1; step <= (N / BATCH) * EPOCHS; step++) {
        const i = (step - 1) % xs.length;
        const { value, grads } = tf.variableGrads(
          () => tf.losses.meanSquaredError(ys[i]!, model.predict(xs[i]!) as tf.Tensor) as tf.Scalar,
        );
        if (step === 60) {
          const name = Object.keys(grads).find((n) => n.startsWith('h2/kernel'))!;
          const g = grads[name]!;
          grads[name] = tf.tidy(() =>
            tf.where(tf.equal(tf.range(0, g.size).reshape(g.shape), 3), tf.scalar(Number.NaN), g),
          );
          g.dispose();
        }
        losses.push((await value.data())[0]!);
        opt.applyGradients(grads);
        tf.dispose([value, grads]);
      }
      await unwatch();
      tf.dispose([...xs, ...ys, x, y]);
      model.dispose();
      return outcome(losses, alerts);
    },
  },
  ...(
    [
      ['sgd', 0.01],
      ['sgd', 0.05],
      ['adam', 1e-3],
      ['adam', 1e-2],
      ['rmsprop', 1e-3],
    ] as const
  ).map(
    ([opt, lr]): Scenario => ({
      name: `stable: MLP 4x32 relu, ${opt} ${lr}`,
      kind: 'stable',
      run: (d) => {
        const { x, y } = tabular();
        return train(mlp(4, null, 'relu', opt, lr), x, y, d);
      },
    }),
  ),
  {
    name: 'stable: SimpleRNN tanh, adam 1e-3',
    kind: 'stable',
    run: (d) => {
      const { x, y } = sequences(20);
      return train(rnn('simpleRNN', 'tanh', 1, 'adam', 1e-3), x, y, d);
    },
  },
  {
    name: 'stable: LSTM, rmsprop 3e-3',
    kind: 'stable',
    run: (d) => {
      const { x, y } = sequences(8);
      return train(rnn('lstm', 'tanh', 1, 'rmsprop', 3e-3, 8), x, y, d);
    },
  },
];
