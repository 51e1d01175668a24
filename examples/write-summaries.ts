/**
 * Trains a tiny tfjs model with a custom loop and logs it with gradwatch's SummaryWriter:
 * loss and learning rate as scalars, each weight's histogram, a markdown note, a custom-scalars
 * layout and the run's hyperparameters. Then prints the command that opens it in TensorBoard.
 *
 *   npm run example            (writes ./runs/example-<time>)
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
// In your own project: import { SummaryWriter } from 'gradwatch';
import { SummaryWriter } from '../src/index.js';
import { openInTensorBoard, quietTfjs } from './open-in-tensorboard.js';

await tf.setBackend('cpu');
quietTfjs();
const logdir = join(process.cwd(), 'runs', `example-${new Date().toISOString().replace(/[:.]/g, '-')}`);
const writer = new SummaryWriter(join(logdir, 'train'));
writer.on('error', (err) => console.warn(`logging problem (training continues): ${err.message}`));

const learningRate = 0.05;
const config = { optimizer: 'adam', learning_rate: learningRate, hidden_units: 16, steps: 200 };
writer.hparams(config, ['loss']);
writer.customScalars({
  categories: [{ title: 'training', charts: [{ title: 'loss', multiline: ['loss'] }] }],
});
writer.text(
  'about',
  `Fitting **y = sin(3x)** with a ${config.hidden_units}-unit MLP, ${config.optimizer}.`,
  0,
);

// y = sin(3x) on [-1, 1]
const xs = tf.linspace(-1, 1, 256).reshape([256, 1]);
const ys = tf.sin(xs.mul(3));
const model = tf.sequential({
  layers: [
    tf.layers.dense({ units: config.hidden_units, activation: 'tanh', inputShape: [1] }),
    tf.layers.dense({ units: 1 }),
  ],
});
const optimizer = tf.train.adam(learningRate);

for (let step = 0; step < config.steps; step++) {
  const loss = optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs) as tf.Tensor), true);
  writer.scalar('loss', loss!, step, 'Mean squared error on the training set');
  loss!.dispose();
  if (step % 10 === 0) {
    for (const w of model.trainableWeights) writer.histogram(`weights/${w.name}`, w.read(), step);
  }
}
await writer.close();
tf.dispose([xs, ys]);

console.log(`Wrote ${writer.stats.recordsWritten} events to ${writer.path}`);
console.log(openInTensorBoard(logdir));
