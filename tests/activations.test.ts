/**
 * Activation statistics (issue 15, first part): each layer's output in the training step's forward
 * pass, reduced on the device at the armed steps and logged as act/<layer>/*. Checked against an
 * independent forward pass with the same weights and batch; training is bitwise identical with and
 * without them; no tensors leak; functional models with a nested model, a shared layer and an RNN
 * get a series per layer.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSummaries, tensorBoard } from '../src/index.js';
import { suiteBackends, useBackend } from './backends.js';
import { tempDir } from './helpers.js';

function sequential(seed: number): tf.Sequential {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed + s });
  const model = tf.sequential({
    layers: [
      tf.layers.dense({
        units: 8,
        activation: 'relu',
        inputShape: [3],
        name: 'r',
        kernelInitializer: init(1),
      }),
      tf.layers.dense({ units: 4, activation: 'tanh', name: 't', kernelInitializer: init(2) }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', name: 's', kernelInitializer: init(3) }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.5), loss: 'meanSquaredError' });
  return model;
}

function data(n = 16) {
  return {
    x: tf.tensor2d(
      Array.from({ length: n * 3 }, (_, i) => 3 * Math.sin(i * 0.7)),
      [n, 3],
    ),
    y: tf.tensor2d(
      Array.from({ length: n }, (_, i) => (i % 2 ? 1 : 0)),
      [n, 1],
    ),
  };
}

async function act(dir: string): Promise<Map<string, Array<[number, number]>>> {
  const out = new Map<string, Array<[number, number]>>();
  for await (const p of readSummaries(dir)) {
    if (p.value.kind !== 'scalar' || !p.value.tag.startsWith('act/')) continue;
    out.set(p.value.tag, [...(out.get(p.value.tag) ?? []), [p.step, p.value.value]]);
  }
  return out;
}

describe.each(suiteBackends())('activation statistics on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it('match an independent forward pass with the same weights and batch', async () => {
    const model = sequential(10);
    const { x, y } = data();
    // The outputs of each layer with the weights of step 1 (the initial ones), on the first batch.
    const probe = tf.model({
      inputs: model.inputs,
      outputs: model.layers.map((l) => l.output as tf.SymbolicTensor),
    });
    const outs = (probe.predict(x) as tf.Tensor[]).map((t) => Array.from(t.dataSync()));
    const dir = tempDir();
    const cb = tensorBoard(dir, { activationFreq: 1 });
    await model.fit(x, y, { epochs: 2, batchSize: 16, shuffle: false, verbose: 0, callbacks: [cb] });
    await cb.close();
    const a = await act(dir);
    ['r', 't', 's'].forEach((layer, i) => {
      const v = outs[i]!;
      const mean = v.reduce((p, q) => p + q, 0) / v.length;
      const std = Math.sqrt(v.reduce((p, q) => p + (q - mean) ** 2, 0) / v.length);
      const at1 = (k: string) => a.get(`act/train/${layer}/${k}`) ?? a.get(`act/${layer}/${k}`);
      expect(at1('mean')?.[0]).toEqual([1, expect.closeTo(mean, 5)]);
      expect(at1('std')?.[0]?.[1]).toBeCloseTo(std, 4);
      expect(at1('max_abs')?.[0]?.[1]).toBeCloseTo(Math.max(...v.map(Math.abs)), 5);
      expect(at1('zero_fraction')?.[0]?.[1]).toBeCloseTo(v.filter((q) => q === 0).length / v.length, 6);
      expect(at1('nonfinite')?.[0]?.[1]).toBe(0);
      expect(at1('mean')?.map(([s]) => s)).toEqual([1, 2]);
    });
    // Saturation only where the activation has it: tanh (|a| > 0.99) and sigmoid (a < 0.01 or > 0.99).
    expect(a.has('act/r/saturated_fraction')).toBe(false);
    expect(a.get('act/t/saturated_fraction')?.[0]?.[1]).toBeCloseTo(
      outs[1]!.filter((q) => Math.abs(q) > 0.99).length / outs[1]!.length,
      6,
    );
    tf.dispose([x, y]);

    model.dispose();
  });

  it('leave training bitwise identical and leak no tensors', async () => {
    const weights: Float32Array[][] = [];
    for (const activationFreq of [1, 0]) {
      const model = sequential(20);
      const { x, y } = data();
      const cb = tensorBoard(tempDir(), { activationFreq, detect: false });
      await model.fit(x, y, { epochs: 1, batchSize: 4, shuffle: false, verbose: 0, callbacks: [cb] });
      const after1 = tf.memory().numTensors;
      await model.fit(x, y, { epochs: 3, batchSize: 4, shuffle: false, verbose: 0, callbacks: [cb] });
      expect(tf.memory().numTensors).toBe(after1);
      await cb.close();
      weights.push(model.getWeights().map((w) => w.dataSync() as Float32Array));
      tf.dispose([x, y]);
      model.dispose();
    }
    expect(weights[0]).toEqual(weights[1]);
  });
});

describe('activation statistics of other models', () => {
  beforeAll(() => useBackend('cpu'));

  it('cover a functional model with a nested model, a shared layer and an RNN', async () => {
    const inner = tf.sequential({
      name: 'inner',
      layers: [tf.layers.dense({ units: 4, activation: 'relu', inputShape: [4], name: 'inner_dense' })],
    });
    const seq = tf.input({ shape: [5, 2] });
    const rnn = tf.layers.simpleRNN({ units: 4, name: 'rnn' }).apply(seq) as tf.SymbolicTensor;
    const shared = tf.layers.dense({ units: 4, activation: 'tanh', name: 'shared' });
    const a = shared.apply(rnn) as tf.SymbolicTensor;
    const b = shared.apply(inner.apply(rnn) as tf.SymbolicTensor) as tf.SymbolicTensor;
    const out = tf.layers
      .dense({ units: 1, name: 'head' })
      .apply(tf.layers.concatenate({ name: 'cat' }).apply([a, b]) as tf.SymbolicTensor) as tf.SymbolicTensor;
    const model = tf.model({ inputs: seq, outputs: out });
    model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
    const [x, y] = [
      tf.randomNormal([8, 5, 2], 0, 1, 'float32', 1),
      tf.randomNormal([8, 1], 0, 1, 'float32', 2),
    ];
    const dir = tempDir();
    const cb = tensorBoard(dir, { activationFreq: 1 });
    await model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0, callbacks: [cb] });
    await cb.close();
    const tags = [...(await act(dir)).keys()].filter((t) => t.endsWith('/mean')).sort();
    expect(tags).toEqual([
      'act/cat/mean',
      'act/head/mean',
      'act/inner/mean',
      'act/inner_dense/mean',
      'act/rnn/mean',
      'act/shared/mean',
    ]);
    // The shared layer adds up its two applications: 2 x 8 rows x 4 units per step.
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe.each(suiteBackends())('the two reductions of an output on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it('agree on the host and on the device, zeros, saturation and non-finite values included', async () => {
    const { deviceReduce, fromDevice, hostReduce } = await import('../src/watch/activations.js');
    const onDevice = (t: tf.Tensor, saturation: 'symmetric' | 'unit' | null) => {
      const d = deviceReduce(t, saturation);
      const v = fromDevice(d.stats.dataSync(), 0, d.factor);
      d.stats.dispose();
      return Array.from(v);
    };
    const values = Float32Array.from({ length: 1000 }, (_, i) =>
      i % 97 === 0 ? 0 : i % 89 === 0 ? 0.995 : i % 83 === 0 ? -0.999 : i % 79 === 0 ? 0.005 : Math.sin(i),
    );
    for (const saturation of ['symmetric', 'unit', null] as const) {
      const t = tf.tensor1d(values);
      const device = onDevice(t, saturation);
      const host = Array.from(hostReduce(values, saturation));
      for (const [i, v] of device.entries()) expect(host[i], `${saturation} #${i}`).toBeCloseTo(v, 2);
      t.dispose();
    }
    const bad = Float32Array.of(1, Number.NaN, Number.POSITIVE_INFINITY, 0);
    expect(hostReduce(bad, null)[5]).toBe(2);
    const t = tf.tensor1d(bad);
    expect(onDevice(t, null)[5]).toBe(2);
    t.dispose();
    // A convolution's output (rank 4), all-negative values (max |a| from the minimum), no leak.
    const before = tf.memory().numTensors;
    const conv = tf.tensor4d(
      Float32Array.from({ length: 2 * 3 * 3 * 4 }, (_, i) => -1 - i / 8),
      [2, 3, 3, 4],
    );
    const host = hostReduce(conv.dataSync(), null);
    expect(onDevice(conv, null).map((v) => Number(v.toPrecision(5)))).toEqual(
      Array.from(host).map((v) => Number(Math.fround(v).toPrecision(5))),
    );
    conv.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // Past 2^24 values a float32 count of the finite ones is no longer exact: none is invented.
    const big = tf.ones([2 ** 24 + 3]);
    expect(onDevice(big, null)[5]).toBe(0);
    big.dispose();
  });
});
