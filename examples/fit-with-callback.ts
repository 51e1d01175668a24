/**
 * The main use: add gradwatch's callback to model.fit. Trains a small classifier on synthetic data
 * (two interleaved spirals) on the pure-JS cpu backend, logging metrics, per-layer gradient norms,
 * update ratios and gradient histograms, then prints the command that opens TensorBoard.
 *
 *   npm run example            (writes ./runs/fit-<time>)
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
// In your own project: import { tensorBoard } from 'gradwatch';
import { tensorBoard } from '../src/index.js';
import { openInTensorBoard, quietTfjs } from './open-in-tensorboard.js';

await tf.setBackend('cpu');
quietTfjs();
const logdir = join(process.cwd(), 'runs', `fit-${new Date().toISOString().replace(/[:.]/g, '-')}`);

// Two spirals, 600 points, in a permuted order: validationSplit takes the last 20% of the rows, so
// they must be a sample of both spirals, not their outer ends.
const n = 600;
const points: number[] = [];
const labels: number[] = [];
for (let j = 0; j < n; j++) {
  const i = (j * 7919) % n; // 7919 is prime and coprime with 600: a permutation of 0..n-1
  const cls = i % 2;
  const r = (i / n) * 4 + 0.2;
  const a = r * 2.2 + cls * Math.PI;
  points.push(r * Math.cos(a) + 0.1 * Math.sin(i * 7.3), r * Math.sin(a) + 0.1 * Math.cos(i * 3.1));
  labels.push(cls);
}
const xs = tf.tensor2d(points, [n, 2]);
const ys = tf.tensor2d(labels, [n, 1]);

const model = tf.sequential({
  layers: [
    tf.layers.dense({ units: 32, activation: 'tanh', inputShape: [2], name: 'hidden1' }),
    tf.layers.dense({ units: 32, activation: 'tanh', name: 'hidden2' }),
    tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'output' }),
  ],
});
model.compile({ optimizer: tf.train.adam(0.02), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

const history = await model.fit(xs, ys, {
  epochs: 40,
  batchSize: 32,
  validationSplit: 0.2,
  shuffle: true,
  verbose: 0,
  // The one line: gradient norms every step, histograms every 50 steps, batch metrics every 10.
  callbacks: [tensorBoard(logdir, { histogramFreq: 50, updateFreq: 10 })],
});

const acc = history.history.val_acc ?? history.history.val_accuracy;
console.log(`validation accuracy after ${history.epoch.length} epochs: ${Number(acc?.at(-1)).toFixed(3)}`);
console.log(`logs in ${logdir}`);
console.log(openInTensorBoard(join(logdir, '..')));
tf.dispose([xs, ys]);
