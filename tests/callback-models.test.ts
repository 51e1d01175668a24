/**
 * The callback on other model shapes and backends: a functional (tf.model) graph with two branches,
 * and training on the wasm backend (Dense and LSTM train there), histograms included.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { readSummaries, type TensorBoardOptions, tensorBoard } from '../src/index.js';
import { tempDir } from './helpers.js';

async function tags(dir: string, run = 'train'): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for await (const p of readSummaries(dir)) {
    if (p.run !== run) continue;
    const steps = out.get(p.value.tag) ?? [];
    steps.push(p.step);
    out.set(p.value.tag, steps);
  }
  // One event file per fit and run (the callback closes its files when fit ends), read in name order,
  // which within one second is not always the order they were written in.
  for (const steps of out.values()) steps.sort((a, b) => a - b);
  return out;
}

/**
 * Fits once (creating optimizer slots), fits again for two epochs, checks the tensor count stayed
 * flat across the second fit, closes the callback and returns the train run's tags with their steps.
 */
async function fitTwiceWithoutLeak(
  model: tf.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor,
  options: TensorBoardOptions,
): Promise<Map<string, number[]>> {
  const dir = tempDir();
  const cb = tensorBoard(dir, options);
  await model.fit(x, y, { epochs: 1, batchSize: 4, callbacks: [cb], verbose: 0 });
  const after1 = tf.memory().numTensors;
  await model.fit(x, y, { epochs: 2, batchSize: 4, callbacks: [cb], verbose: 0 });
  expect(tf.memory().numTensors).toBe(after1);
  await cb.close();
  return tags(dir);
}

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('callback on other models and backends', () => {
  it('groups a functional model by layer, both branches included', async () => {
    await tf.setBackend('cpu');
    const input = tf.input({ shape: [4] });
    const a = tf.layers
      .dense({ units: 3, activation: 'relu', name: 'branch_a' })
      .apply(input) as tf.SymbolicTensor;
    const b = tf.layers
      .dense({ units: 3, activation: 'tanh', name: 'branch_b' })
      .apply(input) as tf.SymbolicTensor;
    const merged = tf.layers.concatenate().apply([a, b]) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 1, name: 'head' }).apply(merged) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    model.compile({ optimizer: 'rmsprop', loss: 'meanSquaredError' });
    const dir = tempDir();
    const cb = tensorBoard(dir, { histogramFreq: 2 });
    const [x, y] = [tf.randomNormal([16, 4]), tf.randomNormal([16, 1])];
    await model.fit(x, y, { epochs: 1, batchSize: 8, callbacks: [cb], verbose: 0 }); // creates optimizer slots
    const after1 = tf.memory().numTensors;
    await model.fit(x, y, { epochs: 2, batchSize: 8, callbacks: [cb], verbose: 0 });
    expect(tf.memory().numTensors).toBe(after1);
    await cb.close();
    const t = await tags(dir);
    for (const layer of ['branch_a', 'branch_b', 'head']) {
      expect(t.get(`grad_norm/${layer}`), layer).toEqual([1, 2, 3, 4, 5, 6]);
      // Every 2 steps, and at each fit's first and last step (fits of steps 1-2 and 3-6).
      expect(t.get(`grad_hist/${layer}/kernel`), layer).toEqual([1, 2, 3, 4, 6]);
    }
    tf.dispose([x, y]);
  });

  for (const kind of ['dense', 'lstm'] as const) {
    it(`trains a ${kind} model on the wasm backend with statistics and histograms`, async () => {
      await tf.setBackend('wasm');
      await tf.ready();
      const model =
        kind === 'dense'
          ? tf.sequential({
              layers: [
                tf.layers.dense({ units: 4, activation: 'relu', inputShape: [3] }),
                tf.layers.dense({ units: 1 }),
              ],
            })
          : tf.sequential({
              layers: [tf.layers.lstm({ units: 4, inputShape: [5, 2] }), tf.layers.dense({ units: 1 })],
            });
      model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
      const x = kind === 'dense' ? tf.randomNormal([12, 3]) : tf.randomNormal([12, 5, 2]);
      const y = tf.randomNormal([12, 1]);
      const t = await fitTwiceWithoutLeak(model, x, y, { histogramFreq: 1, histograms: true });
      expect(t.get('grad_norm/global')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const hists = [...t.keys()].filter((k) => k.startsWith('grad_hist/'));
      expect(hists.length).toBe(kind === 'dense' ? 4 : 5);
      expect([...t.keys()].some((k) => k.startsWith('update_hist/'))).toBe(true);
      tf.dispose([x, y]);
      model.dispose();
    });
  }
});

describe('adaptive clipping on the wasm backend', () => {
  for (const clip of [
    { zclip: { warmupSteps: 2 } },
    { agc: {} },
    { autoclip: { percentile: 50 } },
  ] as const) {
    it(`${Object.keys(clip)[0]} trains a Dense model without leaking and logs its clip series`, async () => {
      await tf.setBackend('wasm');
      await tf.ready();
      const model = tf.sequential({
        layers: [
          tf.layers.dense({ units: 4, activation: 'relu', inputShape: [3] }),
          tf.layers.dense({ units: 1 }),
        ],
      });
      model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
      const [x, y] = [tf.randomNormal([16, 3]), tf.randomNormal([16, 1])];
      const t = await fitTwiceWithoutLeak(model, x, y, { clip });
      expect(t.get('clip/scale')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(t.get('clip/pre_clip_global_norm')?.length).toBe(12);
      tf.dispose([x, y]);
      model.dispose();
    });
  }
});
