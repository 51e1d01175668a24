/**
 * The post-mortem of a bad step (issue 15, part 3) on purpose-built failures with a known origin:
 * an overflow in the forward pass at a known layer, a log(0) in a custom loss, and a layer that
 * creates NaN in the backward pass (sqrt at 0: a finite gradient reaches its output, a NaN leaves
 * towards its input). The replay names the layer and the direction; the Text tab, a JSON file in the
 * train run and a console line carry it; nothing leaks and the update is not applied twice.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze } from '../src/analyze/analyze.js';
import { renderText } from '../src/analyze/format.js';
import { readSummaries, tensorBoard } from '../src/index.js';
import { suiteBackends, useBackend } from './backends.js';
import { tempDir } from './helpers.js';

/** A layer computing `f(x)` with no weights: the purpose-built failures. */
class Fn extends tf.layers.Layer {
  static className = 'GradwatchTestFn';
  constructor(
    name: string,
    readonly f: (x: tf.Tensor) => tf.Tensor,
  ) {
    super({ name });
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => this.f(Array.isArray(inputs) ? inputs[0]! : inputs));
  }
  override computeOutputShape(shape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return shape;
  }
}

async function run(
  build: () => tf.LayersModel,
  onBatch?: (step: number) => void,
): Promise<{ logdir: string; lines: string[]; texts: Map<number, string>; json: string[] }> {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const logdir = tempDir();
  const model = build();
  const x = tf.tensor2d(
    Array.from({ length: 32 * 4 }, (_, i) => Math.sin(i * 0.37)),
    [32, 4],
  );
  const y = tf.tensor2d(
    Array.from({ length: 32 }, (_, i) => 0.5 + 0.4 * Math.cos(i)),
    [32, 1],
  );
  let step = 0;
  const cb = tensorBoard(logdir, { postMortem: true });
  const before = tf.memory().numTensors;
  await model.fit(x, y, {
    epochs: 1,
    batchSize: 8,
    shuffle: false,
    verbose: 0,
    callbacks: [cb, new tf.CustomCallback({ onBatchBegin: async () => onBatch?.(++step) })],
  });
  await cb.close();
  expect(tf.memory().numTensors).toBeLessThanOrEqual(before + 1);
  const lines = warn.mock.calls.map(([m]) => String(m)).filter((m) => m.includes('post-mortem'));
  warn.mockRestore();
  const texts = new Map<number, string>();
  for await (const p of readSummaries(logdir)) {
    if (p.value.kind === 'text' && p.value.tag.startsWith('postmortem/')) texts.set(p.step, p.value.text);
  }
  const train = join(logdir, 'train');
  const json = existsSync(train) ? readdirSync(train).filter((f) => f.startsWith('postmortem-')) : [];
  tf.dispose([x, y]);
  model.dispose();
  return { logdir, lines, texts, json };
}

describe.each(suiteBackends())('post-mortem of the bad step on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it('names a forward overflow at the layer that made it', async () => {
    let factor = 1;
    const r = await run(
      () => {
        const m = tf.sequential();
        m.add(
          tf.layers.dense({
            units: 8,
            activation: 'relu',
            inputShape: [4],
            name: 'h1',
            kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
          }),
        );
        m.add(new Fn('boom', (x) => tf.mul(x, factor)));
        m.add(
          tf.layers.dense({
            units: 8,
            name: 'h2',
            kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
          }),
        );
        m.add(
          tf.layers.dense({
            units: 1,
            name: 'head',
            kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }),
          }),
        );
        m.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
        return m;
      },
      (step) => {
        if (step === 3) factor = 1e38;
      },
    );
    expect(r.lines[0]).toMatch(
      /^gradwatch: post-mortem of step 3 .*the forward pass, layer boom: its output/,
    );
    expect(r.texts.get(3)).toContain('in the **forward** pass, at layer `boom`');
    expect(r.texts.get(3)).toContain('| 2 | `boom` |');
    expect(r.json).toContain('postmortem-3.json');
    const j = JSON.parse(readFileSync(join(r.logdir, 'train', 'postmortem-3.json'), 'utf8'));
    expect(j.origin).toMatchObject({ direction: 'forward', layer: 'boom' });
    // gradwatch analyze reports it after training.
    const report = await analyze(r.logdir);
    expect(report.runs.find((x) => x.run === 'train')?.postMortems[0]).toMatchObject({
      step: 3,
      origin: expect.stringMatching(/^in the forward pass, at layer boom: its output/),
    });
    expect(renderText(report)).toContain(
      'post-mortem of step 3: the damage was created in the forward pass, at layer boom',
    );
  });

  it('names the loss function for a log(0) in a custom loss', async () => {
    const r = await run(() => {
      const m = tf.sequential();
      m.add(
        tf.layers.dense({
          units: 4,
          activation: 'tanh',
          inputShape: [4],
          name: 'h1',
          kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
        }),
      );
      // A relu output that is exactly 0 for every sample: its log is -Infinity.
      m.add(
        tf.layers.dense({
          units: 1,
          activation: 'relu',
          name: 'out',
          biasInitializer: tf.initializers.constant({ value: -10 }),
        }),
      );
      m.compile({
        optimizer: tf.train.sgd(0.01),
        loss: (_yt: tf.Tensor, yp: tf.Tensor) => tf.neg(tf.mean(tf.log(yp))),
      });
      return m;
    });
    expect(r.lines[0]).toMatch(/post-mortem of step 1 .*the loss function/);
    expect(r.texts.get(1)).toContain('in the **loss function**');
  });

  it('names the layer that creates NaN in the backward pass, not the first non-finite gradient', async () => {
    const r = await run(() => {
      const m = tf.sequential();
      m.add(
        tf.layers.dense({
          units: 8,
          inputShape: [4],
          name: 'h1',
          kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }),
        }),
      );
      // sqrt(relu(x)): finite forward (sqrt(0) = 0), but d sqrt/dx at 0 is infinite: 0 x Inf = NaN
      // towards its input, while the gradient reaching its output is finite.
      m.add(new Fn('root', (x) => tf.sqrt(tf.relu(x))));
      m.add(
        tf.layers.dense({
          units: 1,
          name: 'head',
          kernelInitializer: tf.initializers.glorotUniform({ seed: 6 }),
        }),
      );
      m.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      return m;
    });
    expect(r.lines[0]).toMatch(
      /post-mortem of step 1 .*the backward pass, layer root: the gradient reaching its output is finite/,
    );
    expect(r.texts.get(1)).toContain('in the **backward** pass, at layer `root`');
  });
});

/** Identity forward; backward multiplies the gradient by `gain()` (a backward product that explodes). */
class BackwardAmp extends tf.layers.Layer {
  static className = 'GradwatchTestBackwardAmp';
  constructor(
    name: string,
    readonly gain: () => number,
  ) {
    super({ name });
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const g = this.gain();
    return tf.customGrad(((v: tf.Tensor) => ({
      value: tf.clone(v),
      gradFunc: (dy: tf.Tensor) => tf.mul(dy, g),
    })) as unknown as Parameters<typeof tf.customGrad>[0])(x) as tf.Tensor;
  }
  override computeOutputShape(shape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return shape;
  }
}

describe.each(suiteBackends())('post-mortem of a finite backward explosion on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it('names the layer where the gradient grows by orders of magnitude in a deep tanh stack', async () => {
    let gain = 1;
    const r = await run(
      () => {
        const m = tf.sequential();
        const dense = (i: number, extra: object = {}) =>
          tf.layers.dense({
            units: 8,
            activation: 'tanh',
            name: `t${i}`,
            kernelInitializer: tf.initializers.glorotUniform({ seed: 10 + i }),
            ...extra,
          });
        m.add(dense(1, { inputShape: [4] }));
        for (let i = 2; i <= 4; i++) m.add(dense(i));
        m.add(new BackwardAmp('amp', () => gain));
        for (let i = 5; i <= 8; i++) m.add(dense(i));
        m.add(
          tf.layers.dense({
            units: 1,
            name: 'head',
            kernelInitializer: tf.initializers.glorotUniform({ seed: 9 }),
          }),
        );
        m.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
        return m;
      },
      (step) => {
        if (step === 3) gain = 1e8;
      },
    );
    expect(r.lines[0]).toMatch(
      /post-mortem of step 3 .*the backward pass, layer amp: the gradient reaching its output \(norm [^)]+\) leaves it towards its input 1\.00e\+8x larger/,
    );
    expect(r.texts.get(3)).toContain('in the **backward** pass, at layer `amp`');
  });
});

describe('post-mortem output', () => {
  beforeAll(() => useBackend('cpu'));

  it('follows detect.console, is off with postMortem: false, and by default without the in-step check', async () => {
    for (const options of [
      { postMortem: true, detect: { console: false } },
      { postMortem: false },
      {},
    ] as const) {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const logdir = tempDir();
      const m = tf.sequential();
      m.add(tf.layers.dense({ units: 4, inputShape: [4], name: 'h1' }));
      m.add(new Fn('root', (x) => tf.sqrt(tf.relu(x))));
      m.add(tf.layers.dense({ units: 1, name: 'head' }));
      m.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const [x, y] = [tf.randomNormal([8, 4], 0, 1, 'float32', 3), tf.ones([8, 1])];
      const cb = tensorBoard(logdir, options);
      await m.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0, callbacks: [cb] });
      await cb.close();
      expect(warn.mock.calls.filter(([l]) => String(l).includes('post-mortem'))).toEqual([]);
      const files = readdirSync(join(logdir, 'train')).filter((f) => f.startsWith('postmortem-'));
      // 'auto' (no option): no in-step check was asked for, so no replay either.
      expect(files.length, JSON.stringify(options)).toBe(
        'postMortem' in options && options.postMortem ? 1 : 0,
      );
      warn.mockRestore();
      tf.dispose([x, y]);
      m.dispose();
    }
  });
});
