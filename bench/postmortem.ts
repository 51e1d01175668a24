// `npm run bench:postmortem [-- tensorflow|cpu|wasm]`: what one post-mortem costs (issue 15): the
// step's loss function replayed with a tap on every layer (forward and backward summaries, weight
// gradients), on the tabular 20-64-64-1 (batch 32) and the MLP 784-256-256-10 (batch 128) models;
// median and range of 9 replays after a warm-up, next to one plain training step of the same model.
import * as tf from '@tensorflow/tfjs';
import { replayStep } from '../src/watch/postmortem.js';

const backend = process.argv[2] ?? 'cpu';
if (backend === 'tensorflow') {
  const { createRequire } = await import('node:module');
  createRequire(import.meta.url)('@tensorflow/tfjs-node');
}
if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
await tf.setBackend(backend);
tf.enableProdMode();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
for (const [name, inputs, hidden, outputs, batch] of [
  ['tabular 20-64-64-1, batch 32', 20, 64, 1, 32],
  ['MLP 784-256-256-10, batch 128', 784, 256, 10, 128],
] as const) {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [inputs] }),
      tf.layers.dense({ units: hidden, activation: 'relu' }),
      tf.layers.dense({ units: outputs }),
    ],
  });
  const opt = tf.train.adam(1e-3);
  const x = tf.randomNormal([batch, inputs], 0, 1, 'float32', 1);
  const y = tf.randomNormal([batch, outputs], 0, 1, 'float32', 2);
  const loss = () => tf.losses.meanSquaredError(y, model.predict(x) as tf.Tensor) as tf.Scalar;
  const time = (f: () => void) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  const step = () => opt.minimize(loss, true)?.dispose();
  const replay = () => void replayStep(model, loss, 1);
  step();
  replay();
  const steps: number[] = [];
  const replays: number[] = [];
  for (let i = 0; i < 9; i++) {
    steps.push(time(step));
    replays.push(time(replay));
  }
  console.log(
    `${backend} ${name}: post-mortem ${median(replays).toFixed(1)} ms [${Math.min(...replays).toFixed(1)}-${Math.max(...replays).toFixed(1)}], a training step ${median(steps).toFixed(1)} ms`,
  );
  tf.dispose([x, y]);
  model.dispose();
  opt.dispose();
}
