import * as tf from '@tensorflow/tfjs';
import { tensorBoard } from './src/index.js';

await tf.setBackend('cpu');
const model = tf.sequential({
  layers: [tf.layers.dense({ units: 8, activation: 'relu', inputShape: [4] }), tf.layers.dense({ units: 1 })],
});
model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mse'] });
const x = tf.randomNormal([64, 4]);
const y = tf.randomNormal([64, 1]);
const cb = tensorBoard('/tmp/gw-cb', { updateFreq: 'batch', histogramFreq: 2 });
await model.fit(x, y, { epochs: 2, batchSize: 16, validationSplit: 0.25, callbacks: [cb], verbose: 0 });
const n1 = tf.memory().numTensors;
await model.fit(x, y, { epochs: 3, batchSize: 16, validationSplit: 0.25, callbacks: [cb], verbose: 0 });
console.log(
  'tensors after fit1',
  n1,
  'after fit2',
  tf.memory().numTensors,
  'applyGradients own?',
  Object.hasOwn(model.optimizer, 'applyGradients'),
);
await cb.close();
