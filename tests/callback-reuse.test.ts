/**
 * The callback used the ways a new user does by accident (issue 14 #3, #4): listed twice in
 * `callbacks` (every hook is called twice: one set of points, not two), a new callback on a logdir
 * that already holds epochs (its epochs continue after them, so TensorBoard keeps both), and a plain
 * object after tensorBoard() in `callbacks` (tfjs's own error; the README says to wrap it); and a
 * run shorter than the histogram interval, which still gets histograms at its first and last step.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readSummaries, tensorBoard } from '../src/index.js';
import { tempDir } from './helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function makeModel(): tf.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 4, activation: 'tanh', inputShape: [3], kernelInitializer: 'glorotUniform' }),
      tf.layers.dense({ units: 1 }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
  return model;
}

/** Steps of each tag of a run, in the order read. */
async function steps(logdir: string, run: string): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for await (const p of readSummaries(logdir)) {
    if (p.run !== run || p.value.kind !== 'scalar') continue;
    out.set(p.value.tag, [...(out.get(p.value.tag) ?? []), p.step]);
  }
  for (const v of out.values()) v.sort((a, b) => a - b);
  return out;
}

describe('the callback reused', () => {
  it('listed twice in callbacks writes one set of points, and says so once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const logdir = tempDir();
    const model = makeModel();
    const [x, y] = [tf.ones([16, 3]), tf.ones([16, 1])];
    const cb = tensorBoard(logdir, { updateFreq: 'batch' });
    await model.fit(x, y, { epochs: 3, batchSize: 4, verbose: 0, callbacks: [cb, cb] });
    await cb.close();
    const train = await steps(logdir, 'train');
    expect(train.get('epoch_loss')).toEqual([1, 2, 3]);
    expect(train.get('batch_loss')).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(train.get('grad_norm/global')).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(warn.mock.calls.filter(([m]) => String(m).includes('listed twice'))).toHaveLength(1);
    tf.dispose([x, y]);
    model.dispose();
    warn.mockRestore();
  });

  it('a new callback on a logdir with epochs continues after them', async () => {
    const logdir = tempDir();
    const [x, y] = [tf.ones([16, 3]), tf.ones([16, 1])];
    for (let run = 0; run < 2; run++) {
      const model = makeModel();
      const cb = tensorBoard(logdir);
      await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0, validationSplit: 0.25, callbacks: [cb] });
      await cb.close();
      model.dispose();
    }
    expect((await steps(logdir, 'train')).get('epoch_loss')).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await steps(logdir, 'val')).get('epoch_loss')).toEqual([1, 2, 3, 4, 5, 6]);
    tf.dispose([x, y]);
  });

  it('after a plain-object callback: tfjs refuses the mix, a tf.CustomCallback works', async () => {
    const logdir = tempDir();
    const model = makeModel();
    const [x, y] = [tf.ones([8, 3]), tf.ones([8, 1])];
    const plain = { onEpochEnd: async () => undefined };
    // tfjs's own behaviour with its own callbacks too: it calls setModel/setParams on every entry.
    await expect(
      model.fit(x, y, { epochs: 1, verbose: 0, callbacks: [tensorBoard(logdir), plain] as never }),
    ).rejects.toThrow(/is not a function/);
    const cb = tensorBoard(logdir);
    await model.fit(x, y, { epochs: 2, verbose: 0, callbacks: [cb, new tf.CustomCallback(plain)] });
    await cb.close();
    expect((await steps(logdir, 'train')).get('epoch_loss')?.length).toBeGreaterThanOrEqual(2);
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('a short run', () => {
  it('gets histograms at its first and last step, whatever the interval', async () => {
    const logdir = tempDir();
    const model = makeModel();
    const [x, y] = [tf.ones([32, 3]), tf.ones([32, 1])];
    const cb = tensorBoard(logdir);
    await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0, callbacks: [cb] });
    await cb.close();
    const steps = new Set<number>();
    for await (const p of readSummaries(logdir)) if (p.value.kind === 'histogram') steps.add(p.step);
    expect([...steps].sort((a, b) => a - b)).toEqual([1, 12]);
    tf.dispose([x, y]);
    model.dispose();
  });
});
