/**
 * Long runs keep memory flat: a million scalar steps through the writer, and LONG_STEPS (default
 * 2,000; 10,000 with `npm run test:heavy`) steps of the callback with histograms and the detector.
 * tf.memory().numTensors after the last step equals its value after the first; the process's RSS
 * after the run stays within a fixed margin of its value after a warm-up tenth.
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SummaryWriter, tensorBoard } from '../src/index.js';
import { tempDir } from './helpers.js';

const STEPS = Number(process.env.LONG_STEPS ?? 2000);
const MB = 2 ** 20;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('long runs', () => {
  it('writes a million scalar steps with flat memory', async () => {
    const w = new SummaryWriter(join(tempDir(), 'run'));
    let warm = 0;
    for (let s = 0; s < 1_000_000; s++) {
      w.scalar('loss', 1 / (s + 1), s);
      if (s % 10_000 === 0) await w.flush(); // as the background flush would, without waiting 2 s
      if (s === 100_000) {
        global.gc?.();
        warm = process.memoryUsage().rss;
      }
    }
    await w.close();
    global.gc?.();
    const grown = (process.memoryUsage().rss - warm) / MB;
    console.log(
      `writer: 1,000,000 steps, ${(w.stats.bytesWritten / MB).toFixed(1)} MB written, RSS growth after warm-up ${grown.toFixed(1)} MB`,
    );
    expect(w.stats.recordsWritten).toBe(1_000_000); // the file_version record is not counted
    expect(w.stats.droppedRecords).toBe(0);
    expect(grown).toBeLessThan(64);
  }, 120_000);

  it(`trains ${STEPS} steps with the callback with flat tensors and memory`, async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 16, activation: 'relu', inputShape: [4] }),
        tf.layers.dense({ units: 1 }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
    const x = tf.randomNormal([STEPS * 4, 4], 0, 1, 'float32', 1);
    const y = tf.randomNormal([STEPS * 4, 1], 0, 1, 'float32', 2);
    const cb = tensorBoard(tempDir(), { updateFreq: 'batch', histogramFreq: 10 });
    let first = -1;
    let last = -1;
    let warm = 0;
    let step = 0;
    const probe = new tf.CustomCallback({
      onBatchEnd: async () => {
        step++;
        if (step === 1) first = tf.memory().numTensors;
        if (step === Math.ceil(STEPS / 10)) warm = process.memoryUsage().rss;
        if (step === STEPS) last = tf.memory().numTensors;
      },
    });
    await model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0, callbacks: [cb, probe] });
    await cb.close();
    const grown = (process.memoryUsage().rss - warm) / MB;
    console.log(
      `callback: ${STEPS} steps, numTensors ${first} -> ${last}, RSS growth after warm-up ${grown.toFixed(1)} MB`,
    );
    expect(step).toBe(STEPS);
    expect(last).toBe(first);
    expect(grown).toBeLessThan(64);
    tf.dispose([x, y]);
    model.dispose();
  }, 600_000);
});
