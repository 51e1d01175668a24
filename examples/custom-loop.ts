/**
 * A custom training loop (optimizer.minimize in your own loop) watched with watchOptimizer: the same
 * gradient statistics, histograms, clipping and explosion detector as the fit callback.
 *
 *   npm run example:custom-loop      (writes ./runs/custom-loop-<time>)
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
// In your own project: import { SummaryWriter, watchOptimizer } from 'gradwatch';
import { SummaryWriter, watchOptimizer } from '../src/index.js';
import { openInTensorBoard, quietTfjs } from './open-in-tensorboard.js';

await tf.setBackend('cpu');
quietTfjs();
const logdir = join(process.cwd(), 'runs', `custom-loop-${new Date().toISOString().replace(/[:.]/g, '-')}`);

// y = 3x - 1 + noise, fitted by a tiny two-layer network.
const x = tf.randomUniform([256, 1], -1, 1, 'float32', 1);
const y = tf.tidy(() => tf.add(tf.sub(tf.mul(x, 3), 1), tf.randomNormal([256, 1], 0, 0.05, 'float32', 2)));
const model = tf.sequential({
  layers: [
    tf.layers.dense({ units: 16, activation: 'relu', inputShape: [1], name: 'hidden' }),
    tf.layers.dense({ units: 1, name: 'out' }),
  ],
});
const optimizer = tf.train.adam(0.02);

// Your own writer for the loss; the watch writes its statistics into the same run.
const writer = new SummaryWriter(logdir);
const unwatch = watchOptimizer(optimizer, {
  writer,
  histogramFreq: 20,
  clip: { globalNorm: 5 },
  // Variables are named "<layer>/<weight>" by tfjs; group their series by layer.
  layerOf: (name) => name.split('/')[0]!,
});

for (let step = 1; step <= 200; step++) {
  const loss = optimizer.minimize(
    () => tf.losses.meanSquaredError(y, model.predict(x) as tf.Tensor) as tf.Scalar,
    true,
  );
  writer.scalar('loss', loss!, step);
  loss!.dispose();
}
await unwatch(); // restores the optimizer, writes what is left
await writer.close();
tf.dispose([x, y]);
model.dispose();
console.log(`Wrote ${logdir}\n${openInTensorBoard(logdir)}`);
