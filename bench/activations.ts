// `npm run bench:activations [-- tensorflow|cpu|wasm [tabular|mlp]]`: the cost of the activation
// statistics (issue 15), interleaved: tabular 20-64-64-1, batch 32 (or MLP 784-256-256-10, batch
// 128), Adam, the callback with activationFreq 'auto' vs 0, 7 pairs after a warm-up pair; process
// CPU time per step, medians, and the ratios' 2nd and 6th of 7. With a third argument `postmortem`
// it compares postMortem: true (the in-step check on every step) with false instead.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { tensorBoard } from '../src/index.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'actb-'));
const backend = process.argv[2] ?? 'cpu';
if (backend === 'tensorflow') {
  const { createRequire } = await import('node:module');
  createRequire(import.meta.url)('@tensorflow/tfjs-node');
}
if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
await tf.setBackend(backend);
tf.enableProdMode();
const mlp = process.argv[3] === 'mlp';
const [inputs, hidden, outputs, batch, steps] = mlp ? [784, 256, 10, 128, 100] : [20, 64, 1, 32, 300];
const x = tf.randomNormal([batch * steps, inputs], 0, 1, 'float32', 1);
const y = tf.randomNormal([batch * steps, outputs], 0, 1, 'float32', 2);
async function run(activationFreq: number | 'auto'): Promise<number> {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [inputs] }),
      tf.layers.dense({ units: hidden, activation: 'relu' }),
      tf.layers.dense({ units: outputs }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  const cb = tensorBoard(
    tempDir(),
    process.argv[4] === 'postmortem' ? { postMortem: activationFreq === 'auto' } : { activationFreq },
  );
  const c0 = process.cpuUsage();
  await model.fit(x, y, { epochs: 1, batchSize: batch, verbose: 0, callbacks: [cb] });
  const c = process.cpuUsage(c0);
  await cb.close();
  model.dispose();
  return (c.user + c.system) / 1000 / steps;
}
await run(0);
await run('auto');
const on: number[] = [];
const off: number[] = [];
for (let i = 0; i < 7; i++) {
  off.push(await run(0));
  on.push(await run('auto'));
}
const med = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1]!;
const ratios = on.map((v, i) => v / off[i]!).sort((a, b) => a - b);
console.log(
  `${backend} ${mlp ? 'mlp' : 'tabular'}`,
  `CPU ms/step: off ${med(off).toFixed(3)}, auto ${med(on).toFixed(3)}; ratio median ${med(ratios).toFixed(3)} [${ratios[1]!.toFixed(3)}, ${ratios[5]!.toFixed(3)}]`,
);
