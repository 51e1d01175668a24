/**
 * An exploding RNN, caught and then prevented. The same SimpleRNN is trained twice on the same data
 * with a learning-rate schedule that warms up too far (5% more per step for 85 steps, then decays):
 *
 *   1. without clipping: the gradients explode at the peak, the loss jumps by ten orders of magnitude
 *      and never recovers; gradwatch's detector raises alerts as it builds up and names the layer;
 *   2. with adaptive clipping (ZClip): the same spikes are clipped, and the model trains.
 *
 *   npm run example:exploding [-- <dir>]   (writes <dir> or ./runs/exploding-rnn-<time>, with runs
 *                                           no-clipping/ and zclip/)
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
// In your own project: import { type Alert, tensorBoard } from 'gradwatch';
import { type Alert, type ClipConfig, tensorBoard } from '../src/index.js';
import { openInTensorBoard, quietTfjs } from './open-in-tensorboard.js';

await tf.setBackend('cpu');
quietTfjs();
// An output directory may be given (the browser check uses one); by default a new one under ./runs.
const root =
  process.argv[2] ??
  join(process.cwd(), 'runs', `exploding-rnn-${new Date().toISOString().replace(/[:.]/g, '-')}`);

const STEPS_PER_EPOCH = 16;
const T = 20;
// 256 sequences of 20 steps with 4 features; the target is the scaled sum of the first feature.
const x = tf.randomNormal([STEPS_PER_EPOCH * 16, T, 4], 0, 1, 'float32', 1);
const y = tf.tidy(() => tf.div(tf.sum(tf.slice(x, [0, 0, 0], [-1, -1, 1]), 1), Math.sqrt(T)));

function makeModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(
    tf.layers.simpleRNN({
      units: 16,
      inputShape: [T, 4],
      name: 'rnn',
      recurrentInitializer: tf.initializers.orthogonal({ gain: 1, seed: 3 }),
      kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
    }),
  );
  model.add(
    tf.layers.dense({
      units: 1,
      name: 'head',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }),
    }),
  );
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
  return model;
}

/** Warm-up that overshoots: x1.05 per step for 85 steps (0.01 -> ~0.63), then x0.95 down to 0.005. */
function schedule(optimizer: tf.SGDOptimizer): tf.CustomCallback {
  // learningRate is a protected field in the typings but public in practice (setLearningRate sets it).
  const sgd = optimizer as unknown as { learningRate: number; setLearningRate(lr: number): void };
  let step = 0;
  return new tf.CustomCallback({
    onBatchEnd: async () => {
      step++;
      const lr = sgd.learningRate;
      sgd.setLearningRate(step <= 85 ? lr * 1.05 : Math.max(0.005, lr * 0.95));
    },
  });
}

async function train(name: string, clip?: ClipConfig) {
  const model = makeModel();
  const cb = tensorBoard(join(root, name), { ...(clip ? { clip } : {}), hparams: { clipping: name } });
  const epochLoss: number[] = [];
  await model.fit(x, y, {
    epochs: 20,
    batchSize: 16,
    shuffle: false,
    verbose: 0,
    callbacks: [
      cb,
      schedule(model.optimizer as tf.SGDOptimizer),
      new tf.CustomCallback({ onEpochEnd: async (_e, logs) => void epochLoss.push(logs?.loss as number) }),
    ],
  });
  await cb.close();
  model.dispose();
  return { epochLoss, alerts: cb.alerts };
}

/** After training: the epoch losses and the alerts (the live console lines came during training). */
function report(r: { epochLoss: number[]; alerts: readonly Alert[] }): void {
  const fmt = (v: number) => (Math.abs(v) >= 1e4 ? v.toExponential(1) : v.toFixed(3));
  console.log(`epoch loss: ${r.epochLoss.map(fmt).join(' ')}`);
  for (const a of r.alerts.slice(0, 6)) {
    const blame = a.blame ? `, blame ${a.blame.layer}` : '';
    console.log(`  step ${a.step} [${a.rule}]${blame}: ${a.summary}`);
  }
  if (r.alerts.length > 6) console.log(`  ... ${r.alerts.length - 6} more`);
}

console.log('Training the same SimpleRNN twice (about half a minute each on the cpu backend)...');
console.log('\n== no clipping');
report(await train('no-clipping'));
console.log('\n== adaptive clipping (ZClip)');
report(await train('zclip', { zclip: {} }));
tf.dispose([x, y]);

console.log(`
${openInTensorBoard(root)}

and look at:
  - Custom Scalars > "gradient health": the global gradient norm, per-layer norms and the alerts chart;
  - Scalars > alerts/*: 0 quiet, 1 warning, 2 error, per rule (the timeline of the explosion);
  - Scalars > clip/*: pre- and post-clip global norms, the ZClip threshold, the clip rate (zclip run);
  - Text > alerts/explanation: what happened, which layer, the numbers, what to try.`);
