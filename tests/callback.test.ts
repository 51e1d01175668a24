import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { readSummaries, SummaryWriter, tensorBoard, watchOptimizer } from '../src/index.js';
import { suiteBackends, useBackend } from './backends.js';
import { tempDir } from './helpers.js';

function makeModel(seed = 1, optimizer: tf.Optimizer | string = tf.train.sgd(0.1)) {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: s });
  const model = tf.sequential({
    layers: [
      tf.layers.dense({
        units: 6,
        activation: 'tanh',
        inputShape: [3],
        kernelInitializer: init(seed),
        name: `h${seed}`,
      }),
      tf.layers.dense({ units: 1, kernelInitializer: init(seed + 100), name: `o${seed}` }),
    ],
  });
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

function data(n = 32) {
  const x = tf.tensor2d(
    Array.from({ length: n * 3 }, (_, i) => Math.sin(i * 0.7)),
    [n, 3],
  );
  const y = tf.tensor2d(
    Array.from({ length: n }, (_, i) => Math.cos(i * 0.3)),
    [n, 1],
  );
  return { x, y };
}

type Series = Map<string, Array<{ step: number; value: number }>>;
async function scalars(dir: string): Promise<Map<string, Series>> {
  const runs = new Map<string, Series>();
  for await (const p of readSummaries(dir)) {
    if (p.value.kind !== 'scalar') continue;
    const run = runs.get(p.run) ?? new Map();
    runs.set(p.run, run);
    const s = run.get(p.value.tag) ?? [];
    run.set(p.value.tag, s);
    s.push({ step: p.step, value: p.value.value });
  }
  // Each fit writes its own event file per run (the callback closes its files when fit ends); files
  // are read in name order, which within one second is not always the order they were written in.
  for (const run of runs.values()) for (const s of run.values()) s.sort((a, b) => a.step - b.step);
  return runs;
}

describe.each(suiteBackends())('on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  describe('tensorBoard() callback', () => {
    it("logs the same tags for the same model trained twice in one process (tfjs renames the second one's variables)", async () => {
      const dirs = [tempDir(), tempDir()];
      const { x, y } = data();
      for (const dir of dirs) {
        const model = makeModel(77); // same layer names both times: h77, o77
        const cb = tensorBoard(dir, { histogramFreq: 1, detect: false });
        await model.fit(x, y, { epochs: 1, batchSize: 10, verbose: 0, callbacks: [cb] });
        await cb.close();
        model.dispose();
      }
      const tags = async (dir: string) => {
        const out = new Set<string>();
        for await (const p of readSummaries(dir)) out.add(p.value.tag);
        return [...out].sort();
      };
      const [a, b] = [await tags(dirs[0]!), await tags(dirs[1]!)];
      expect(b).toEqual(a);
      expect(a).toContain('grad_hist/h77/kernel');
      expect(a).toContain('grad_norm/o77/bias');
      tf.dispose([x, y]);
    });

    it('logs the gradient norms and update ratios of the update actually applied', async () => {
      const dir = tempDir();
      const model = makeModel(11);
      const { x, y } = data();
      // Expected first-step gradients, computed independently on the initial weights.
      const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const before = vars.map((v) => v.clone());
      const { grads } = tf.variableGrads(
        () => tf.losses.meanSquaredError(y, model.predict(x) as tf.Tensor) as tf.Scalar,
        vars,
      );
      const sq = (t: tf.Tensor) => t.square().sum().dataSync()[0]!;
      const expected = vars.map((v) => Math.sqrt(sq(grads[v.name]!)));
      const expectedGlobal = Math.sqrt(expected.reduce((a, b) => a + b * b, 0));
      const cb = tensorBoard(dir, { histogramFreq: 1 });
      await model.fit(x, y, { epochs: 1, batchSize: 32, shuffle: false, callbacks: [cb], verbose: 0 });
      await cb.close();
      const train = (await scalars(dir)).get('train')!;
      expect(train.get('grad_norm/global')![0]!.step).toBe(1);
      expect(train.get('grad_norm/global')![0]!.value).toBeCloseTo(expectedGlobal, 5);
      for (const [i, v] of vars.entries()) {
        // Logged under the name the layer gave it (tfjs adds _1 to a second model's in a process).
        const name = (model.trainableWeights[i] as unknown as { originalName: string }).originalName;
        expect(train.get(`grad_norm/${name}`)![0]!.value).toBeCloseTo(expected[i]!, 5);
        // SGD: ||Δw|| = lr * ||g||, over the weights it was applied to (biases start at zero: none).
        const wAfter = Math.sqrt(sq(v));
        const wBefore = Math.sqrt(sq(before[i]!));
        const ratio = train.get(`update_ratio/${name}`)?.find((p) => p.step === 1)?.value;
        if (wBefore === 0) expect(ratio).toBeUndefined();
        else expect(ratio).toBeCloseTo((0.1 * expected[i]!) / wBefore, 5);
        expect(train.get(`weight_norm/${name}`)![0]!.value).toBeCloseTo(wAfter, 5);
      }
      expect(train.get('learning_rate')![0]!.value).toBeCloseTo(0.1, 7);
      expect(train.get('nonfinite/grad_total')![0]!.value).toBe(0);
      const layers = new Set([...train.keys()].filter((t) => /^grad_norm\/[^/]+$/.test(t)));
      expect(layers).toEqual(new Set(['grad_norm/global', 'grad_norm/h11', 'grad_norm/o11']));
      tf.dispose([x, y, ...before, ...Object.values(grads)]);
    });

    it('writes the same runs and tags as tf.node.tensorBoard, and keeps counting across fit calls', async () => {
      const dir = tempDir();
      const model = makeModel(21, 'adam');
      const { x, y } = data();
      const cb = tensorBoard(dir, { updateFreq: 'batch' });
      await model.fit(x, y, { epochs: 2, batchSize: 8, validationSplit: 0.25, callbacks: [cb], verbose: 0 });
      await model.fit(x, y, { epochs: 1, batchSize: 8, validationSplit: 0.25, callbacks: [cb], verbose: 0 });
      await cb.close();
      const runs = await scalars(dir);
      expect([...runs.keys()].sort()).toEqual(['train', 'val']);
      const train = runs.get('train')!;
      expect(train.get('batch_loss')!.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(train.get('epoch_loss')!.map((p) => p.step)).toEqual([1, 2, 3]);
      expect(train.get('grad_norm/global')!.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(
        runs
          .get('val')!
          .get('epoch_loss')!
          .map((p) => p.step),
      ).toEqual([1, 2, 3]);
      for (const k of ['applyGradients', 'minimize', 'computeGradients'])
        expect(Object.hasOwn(model.optimizer, k)).toBe(false);
    });

    it('logs layer norms at every step and the detail statistics at its cadence, and reports its own cost', async () => {
      const dir = tempDir();
      const model = makeModel(21);
      const { x, y } = data(64);
      const cb = tensorBoard(dir, { statsFreq: 4, histogramFreq: 0 });
      expect(cb.cost).toBeNull();
      await model.fit(x, y, { epochs: 1, batchSize: 4, shuffle: false, callbacks: [cb], verbose: 0 });
      await cb.close();
      const train = (await scalars(dir)).get('train')!;
      const steps = (tag: string) => train.get(tag)!.map((p) => p.step);
      const all = Array.from({ length: 16 }, (_, i) => i + 1);
      // Every step: global and per-layer gradient norms, the non-finite total, the alert levels.
      for (const tag of [
        'grad_norm/global',
        'grad_norm/h21',
        'grad_norm/o21',
        'nonfinite/grad_total',
        'alerts/grad_spike',
      ])
        expect(steps(tag)).toEqual(all);
      // The first step and every 4th: per-variable norms, max |g|, weights, update ratios.
      for (const tag of [
        'grad_norm/h21/kernel',
        'grad_max/o21/bias',
        'weight_norm/h21',
        'update_ratio/global',
        'learning_rate',
      ])
        expect(steps(tag)).toEqual([1, 4, 8, 12, 16]);
      const cost = cb.cost!;
      expect(cost.steps).toBe(16);
      expect(cost.msPerStep).toBeGreaterThan(0);
      expect(cost.stepMs).toBeGreaterThan(0);
      expect([cost.statsEvery, cost.histogramEvery]).toEqual([4, 0]);
      tf.dispose([x, y]);
    });

    it('keeps the series of layers named global (or global_) apart from the global ones', async () => {
      const warnings: string[] = [];
      const onWarning = (w: Error) => void warnings.push(w.message);
      process.on('warning', onWarning);
      const dir = tempDir();
      const init = (s: number) => tf.initializers.glorotUniform({ seed: s });
      const model = tf.sequential({
        layers: [
          tf.layers.dense({
            units: 4,
            activation: 'tanh',
            inputShape: [3],
            name: 'global',
            kernelInitializer: init(1),
          }),
          tf.layers.dense({ units: 3, activation: 'tanh', name: 'global_', kernelInitializer: init(2) }),
          tf.layers.dense({ units: 1, name: 'out', kernelInitializer: init(3) }),
        ],
      });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const { x, y } = data();
      await model.fit(x, y, {
        epochs: 1,
        batchSize: 16,
        shuffle: false,
        callbacks: [tensorBoard(dir)],
        verbose: 0,
      });
      await new Promise((r) => setImmediate(r)); // process warnings are emitted on the next tick
      process.off('warning', onWarning);
      // No point of a global series dropped for a layer's.
      expect(warnings.filter((m) => m.includes('/global'))).toEqual([]);
      const train = (await scalars(dir)).get('train')!;
      const at = (tag: string) => train.get(tag)?.map((p) => p.value);
      // The global norm is over all layers; each layer has its own series, under an escaped name.
      const [l1, l2, l3] = ['grad_norm/global_', 'grad_norm/global__', 'grad_norm/out'].map(
        (t) => at(t) ?? [],
      );
      expect(l1).toHaveLength(2);
      expect(l2).toHaveLength(2);
      for (let i = 0; i < 2; i++) {
        expect(at('grad_norm/global')![i]).toBeCloseTo(Math.hypot(l1![i]!, l2![i]!, l3![i]!), 5);
        expect(l1![i]).not.toBeCloseTo(at('grad_norm/global')![i]!, 5);
      }
      // Weights at the first and the last step (histograms are taken there), both of the 2 steps.
      for (const kind of ['weight_norm', 'update_ratio']) {
        expect(at(`${kind}/global`), kind).toHaveLength(2);
        expect(at(`${kind}/global_`), kind).toHaveLength(2);
        expect(at(`${kind}/global__`), kind).toHaveLength(2);
      }
      // Variables keep their names: global/kernel is no global series (per-variable norms at the
      // detail steps, the first and the last).
      expect(at('grad_norm/global/kernel')).toHaveLength(2);
      expect(at('grad_norm/global_/kernel')).toHaveLength(2);
      model.dispose();
      tf.dispose([x, y]);
    });

    it('updateFreq N writes batch metrics every N batches', async () => {
      const dir = tempDir();
      const model = makeModel(31);
      const { x, y } = data();
      const cb = tensorBoard(dir, { updateFreq: 3 });
      await model.fit(x, y, { epochs: 1, batchSize: 4, callbacks: [cb], verbose: 0 });
      await cb.close();
      expect(
        (await scalars(dir))
          .get('train')!
          .get('batch_loss')!
          .map((p) => p.step),
      ).toEqual([3, 6]);
    });

    it('does not leak tensors in fit or fitDataset', async () => {
      const { x, y } = data(64);
      const [xs, ys] = [x.unstack(), y.unstack()];
      for (const mode of ['fit', 'fitDataset'] as const) {
        const model = makeModel(41, 'adam');
        const cb = tensorBoard(tempDir(), { updateFreq: 'batch', histogramFreq: 2, histograms: true });
        const run = (epochs: number) =>
          mode === 'fit'
            ? model.fit(x, y, { epochs, batchSize: 16, validationSplit: 0.25, callbacks: [cb], verbose: 0 })
            : model.fitDataset(tf.data.zip({ xs: tf.data.array(xs), ys: tf.data.array(ys) }).batch(16), {
                epochs,
                callbacks: [cb],
                verbose: 0,
              });
        await run(1);
        const after1 = tf.memory().numTensors;
        await run(4);
        expect(tf.memory().numTensors, mode).toBe(after1);
        await cb.close();
      }
    });

    it('leaves training bitwise identical to an unwatched run', async () => {
      const { x, y } = data(48);
      const train = async (watch: boolean) => {
        const model = makeModel(51, tf.train.adam(0.05));
        const callbacks = watch ? [tensorBoard(tempDir(), { histogramFreq: 1, histograms: true })] : [];
        await model.fit(x, y, { epochs: 3, batchSize: 16, shuffle: false, callbacks, verbose: 0 });
        return model.getWeights().map((w) => Array.from(w.dataSync()));
      };
      expect(await train(true)).toEqual(await train(false));
    });

    it('restores the optimizer when fit throws, at its next use', async () => {
      const model = makeModel(61);
      const { x, y } = data();
      const cb = tensorBoard(tempDir());
      const boom = new tf.CustomCallback({
        onBatchEnd: async () => {
          throw new Error('boom');
        },
      });
      await expect(
        model.fit(x, y, { epochs: 1, batchSize: 8, callbacks: [cb, boom], verbose: 0 }),
      ).rejects.toThrow('boom');
      expect(Object.hasOwn(model.optimizer, 'applyGradients')).toBe(true); // still tapped: onTrainEnd never ran
      const n = tf.memory().numTensors;
      model.optimizer.minimize(
        () => tf.losses.meanSquaredError(y, model.predict(x) as tf.Tensor) as tf.Scalar,
      );
      for (const k of ['applyGradients', 'minimize', 'computeGradients'])
        expect(Object.hasOwn(model.optimizer, k)).toBe(false);
      expect(tf.memory().numTensors).toBeLessThanOrEqual(n);
      await cb.close();
    });

    it('restores the optimizer when training is stopped early', async () => {
      const dir = tempDir();
      const model = makeModel(65);
      const { x, y } = data();
      const cb = tensorBoard(dir);
      const stopper = new tf.CustomCallback({
        onBatchEnd: async (batch) => {
          if (batch === 1) model.stopTraining = true;
        },
      });
      await model.fit(x, y, { epochs: 5, batchSize: 8, callbacks: [cb, stopper], verbose: 0 });
      for (const k of ['applyGradients', 'minimize', 'computeGradients'])
        expect(Object.hasOwn(model.optimizer, k)).toBe(false);
      await cb.close();
      expect(
        (await scalars(dir))
          .get('train')!
          .get('grad_norm/global')!
          .map((p) => p.step),
      ).toEqual([1, 2]);
    });

    it('works next to other callbacks: EarlyStopping on either side, and plain objects with { model }', async () => {
      const { x, y } = data();
      for (const order of ['before', 'after', 'plain'] as const) {
        const dir = tempDir();
        const model = makeModel(71);
        const es = tf.callbacks.earlyStopping({ monitor: 'loss', patience: 5 });
        const plainSeen: number[] = [];
        const cb = tensorBoard(dir, order === 'plain' ? { model } : {});
        const callbacks =
          order === 'before'
            ? [cb, es]
            : order === 'after'
              ? [es, cb]
              : [{ onEpochEnd: async (e: number) => void plainSeen.push(e) }, cb];
        await model.fit(x, y, {
          epochs: 2,
          batchSize: 16,
          callbacks: callbacks as tf.CustomCallbackArgs[],
          verbose: 0,
        });
        await cb.close();
        const train = (await scalars(dir)).get('train')!;
        expect(train.get('grad_norm/global')?.length, order).toBe(4);
        expect(train.get('epoch_loss')!.length, order).toBe(2);
        if (order === 'plain') expect(plainSeen).toEqual([0, 1]);
      }
    });

    it('rejects bad options with errors naming them', () => {
      expect(() => tensorBoard('/tmp/x', { histogramFreq: -1 })).toThrow(
        /histogramFreq must be an integer >= 0/,
      );
      expect(() => tensorBoard('/tmp/x', { statsFreq: 0 })).toThrow(/statsFreq must be an integer >= 1/);
      expect(() => tensorBoard('/tmp/x', { updateFreq: 0 })).toThrow(/updateFreq must be an integer >= 1/);
      expect(() => tensorBoard('/tmp/x', { updateFreq: 'often' as 'batch' })).toThrow(/updateFreq must be/);
      expect(() => tensorBoard('/tmp/x', { histogramFreg: 1 } as object)).toThrow(
        /unknown option "histogramFreg"/,
      );
      expect(() => tensorBoard('/tmp/x', { buckets: '30' as unknown as number })).toThrow(
        /buckets must be a number/,
      );
      expect(() => tensorBoard('/tmp/x', { histograms: { gradient: true } as object })).toThrow(
        /unknown option "gradient"/,
      );
      expect(() => tensorBoard('', {})).toThrow(/logdir must be a non-empty string/);
      expect(() => tensorBoard('/tmp/x', { model: {} as tf.LayersModel })).toThrow(
        /model must be a tfjs LayersModel/,
      );
    });

    it('checks hparams when the callback is created, naming the bad key or value', () => {
      const bad: Array<[unknown, RegExp]> = [
        [{ lr: Number.NaN }, /hparams\.lr must be a string, a boolean or a finite number, got NaN/],
        [{ lr: Number.POSITIVE_INFINITY }, /hparams\.lr must be .* got Infinity/],
        [{ layers: [64, 32] }, /hparams\.layers must be .* got an array/],
        [{ opt: { name: 'adam' } }, /hparams\.opt must be .* got an object/],
        [{ seed: 1n }, /hparams\.seed must be .* got a bigint/],
        [{ note: undefined }, /hparams\.note must be .* got undefined/],
        [{ '': 1 }, /hparams has an empty name/],
        [{ 'bad\ud800': 1 }, /hparams name "bad\\ud800" contains a lone surrogate/],
        [{ tag: 'x\udc00' }, /hparams\.tag contains a lone surrogate/],
        ['adam', /hparams must be an object of names to values, got a string/],
        [['adam'], /hparams must be an object of names to values, got an array/],
        [null, /hparams must be an object of names to values, got null/],
      ];
      for (const [hparams, message] of bad) {
        expect(
          () => tensorBoard('/tmp/x', { hparams: hparams as Record<string, number> }),
          String(hparams),
        ).toThrow(message);
      }
      expect(() =>
        tensorBoard('/tmp/x', { hparams: { lr: 0.1, units: 64, opt: 'adam', bn: true } }),
      ).not.toThrow();
    });

    it('fails clearly on a model that was not compiled', async () => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });
      const cb = tensorBoard(tempDir());
      cb.setModel(model);
      await expect(cb.onTrainBegin()).rejects.toThrow(/must be compiled/);
      await cb.close();
    });
  });

  describe('watchOptimizer()', () => {
    it('logs a custom training loop and restores the optimizer on unwatch', async () => {
      const dir = tempDir();
      const w = tf.variable(tf.tensor1d([1, -2, 3]), true, 'loop/w');
      const b = tf.variable(tf.scalar(0.5), true, 'loop/b');
      const opt = tf.train.sgd(0.1);
      const unwatch = watchOptimizer(opt, { logdir: join(dir, 'loop'), histogramFreq: 2 });
      const start = tf.memory().numTensors;
      for (let i = 0; i < 5; i++) {
        opt.minimize(() => tf.sum(tf.square(tf.add(w, b))) as tf.Scalar);
      }
      await unwatch();
      for (const k of ['applyGradients', 'minimize', 'computeGradients'])
        expect(Object.hasOwn(opt, k)).toBe(false);
      expect(tf.memory().numTensors).toBe(start);
      const loop = (await scalars(dir)).get('loop')!;
      expect(loop.get('grad_norm/global')!.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
      // d/dw sum((w+b)^2) = 2(w+b) at the initial values.
      expect(loop.get('grad_norm/loop/w')![0]!.value).toBeCloseTo(Math.hypot(3, -3, 7), 5);
      expect(loop.get('grad_norm/loop')).toBeDefined();
      tf.dispose([w, b]);
    });

    it('writes each series once for variables named like their layer (slash-less names: `w` is layer `w`)', async () => {
      const warnings: string[] = [];
      const onWarning = (w: Error) => void warnings.push(w.message);
      process.on('warning', onWarning);
      const dir = tempDir();
      // tfjs names unnamed variables with a number: each is its own layer.
      const [a, b] = [tf.variable(tf.tensor1d([1, -2])), tf.variable(tf.tensor1d([0.5, 3, 1]))];
      const opt = tf.train.sgd(0.1);
      const unwatch = watchOptimizer(opt, { logdir: dir, statsFreq: 1 });
      for (let i = 0; i < 3; i++) opt.minimize(() => tf.add(tf.sum(tf.square(a)), tf.sum(b)) as tf.Scalar);
      await unwatch();
      await new Promise((r) => setImmediate(r));
      process.off('warning', onWarning);
      expect(warnings).toEqual([]);
      const s = (await scalars(dir)).get('.')!;
      expect(s.get(`grad_norm/${a.name}`)!.map((p) => p.value)[0]).toBeCloseTo(Math.hypot(2, -4), 5);
      expect(s.get(`grad_norm/${b.name}`)!.map((p) => p.step)).toEqual([1, 2, 3]);
      expect(s.get(`weight_norm/${b.name}`)!.map((p) => p.step)).toEqual([1, 2, 3]);
      expect(s.get(`update_ratio/${a.name}`)!.map((p) => p.step)).toEqual([1, 2, 3]);
      expect(s.get(`nonfinite/${a.name}/nan`)!.map((p) => p.step)).toEqual([1, 2, 3]);
      tf.dispose([a, b]);
    });

    it('counts non-finite gradients per variable', async () => {
      const dir = tempDir();
      const v = tf.variable(tf.tensor1d([1, 0, -1, 2]), true, 'nf/v');
      const opt = tf.train.sgd(0.01);
      const unwatch = watchOptimizer(opt, { logdir: dir, histogramFreq: 1 });
      // d/dv sqrt(v) is +Inf at 0 and NaN for negatives.
      opt.minimize(() => tf.sum(tf.sqrt(v)) as tf.Scalar);
      await unwatch();
      const s = (await scalars(dir)).get('.')!;
      expect(s.get('nonfinite/nf/v/nan')![0]!.value).toBe(1);
      expect(s.get('nonfinite/nf/v/posinf')![0]!.value).toBe(1);
      expect(s.get('nonfinite/grad_total')![0]!.value).toBe(2);
      const hist: Float64Array[] = [];
      for await (const p of readSummaries(dir)) if (p.value.kind === 'histogram') hist.push(p.value.buckets);
      expect(hist).toHaveLength(1);
      expect(hist[0]!.reduce((a, _, i) => (i % 3 === 2 ? a + hist[0]![i]! : a), 0)).toBe(2); // only the finite ones
      v.dispose();
    });

    it('buckets histograms on the device exactly as the CPU bucketing does', async () => {
      const dir = tempDir();
      const v = tf.variable(tf.zeros([10]), true, 'hist/v');
      const c = tf.range(0, 10); // the gradient of sum(v * c) is c = [0, 1, ..., 9]
      const opt = tf.train.sgd(0.01);
      const unwatch = watchOptimizer(opt, { logdir: dir, histogramFreq: 1, buckets: 9, histograms: true });
      opt.minimize(() => tf.sum(tf.mul(v, c)) as tf.Scalar);
      await unwatch();
      const got = new Map<string, number[][]>();
      for await (const p of readSummaries(dir)) {
        if (p.value.kind !== 'histogram') continue;
        const b = p.value.buckets;
        got.set(
          p.value.tag,
          Array.from({ length: b.length / 3 }, (_, i) => Array.from(b.subarray(i * 3, i * 3 + 3))),
        );
      }
      expect(got.get('grad_hist/hist/v')).toEqual(
        Array.from({ length: 9 }, (_, i) => [i, i + 1, i === 8 ? 2 : 1]),
      );
      // Weights after one SGD step are -0.01 * c; the update equals them (weights started at 0).
      expect(got.get('weight_hist/hist/v')!.reduce((a, r) => a + r[2]!, 0)).toBe(10);
      expect(got.get('update_hist/hist/v')!.reduce((a, r) => a + r[2]!, 0)).toBe(10);
      tf.dispose([v, c]);
    });

    it('validates options', () => {
      const opt = tf.train.sgd(0.1);
      expect(() => watchOptimizer(opt, {})).toThrow(/logdir must be a non-empty string/);
      expect(() => watchOptimizer({} as tf.Optimizer, { logdir: '/tmp/x' })).toThrow(
        /must be a tfjs Optimizer/,
      );
      expect(() => watchOptimizer(opt, { logdir: '/tmp/x', statsFreq: -2 })).toThrow(/statsFreq/);
    });

    it('names the bad argument in every error it throws, prefixed with the function', async () => {
      const opt = tf.train.sgd(0.1);
      const cases: Array<[() => unknown, RegExp]> = [
        [
          () => (watchOptimizer as (...a: unknown[]) => unknown)(),
          /^watchOptimizer\(\): optimizer must be a tfjs Optimizer .*got undefined/,
        ],
        [
          () => watchOptimizer(null as unknown as tf.Optimizer, { logdir: '/tmp/x' }),
          /^watchOptimizer\(\): optimizer must be a tfjs Optimizer .*got null/,
        ],
        [
          () => watchOptimizer({} as tf.Optimizer, { logdir: '/tmp/x' }),
          /^watchOptimizer\(\): optimizer must be a tfjs Optimizer .*got an Object/,
        ],
        [() => watchOptimizer(opt, { logdir: 'a\0b' }), /^watchOptimizer\(\): logdir must not contain a NUL/],
        [() => tensorBoard('a\0b'), /^tensorBoard\(\): logdir must not contain a NUL/],
        [
          () => watchOptimizer(opt, { writer: {} as SummaryWriter }),
          /^watchOptimizer\(\): writer must be a SummaryWriter .*got an Object/,
        ],
        [
          () => watchOptimizer(opt, { logdir: '/tmp/x', writer: new SummaryWriter(tempDir()) }),
          /^watchOptimizer\(\): pass logdir or writer, not both/,
        ],
        [
          () => tensorBoard('/tmp/x', 'often' as unknown as object),
          /^tensorBoard\(\): options must be an object, got a string/,
        ],
        [
          () => tensorBoard('/tmp/x', { clip: [1] as unknown as { value: number } }),
          /^tensorBoard\(\): clip must be one of .*\{ agc: \{\.\.\.\} \} or \{ autoclip: \{\.\.\.\} \}, got an array/,
        ],
        [
          () => tensorBoard('/tmp/x', { flushMillis: 2 ** 31 }),
          /^tensorBoard\(\): flushMillis must be at most 2147483647 \(about 24 days\), got 2147483648/,
        ],
      ];
      for (const [call, message] of cases) expect(call, String(message)).toThrow(message);
      const closed = new SummaryWriter(tempDir());
      await closed.close();
      expect(() => watchOptimizer(opt, { writer: closed })).toThrow(/^watchOptimizer\(\): writer is closed/);
      // Nothing was left watching the optimizer by the calls that threw.
      await watchOptimizer(opt, { logdir: tempDir() })();
    });

    it('warns once, naming the variable, when layerOf fails, and groups that variable by its name', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const dir = tempDir();
      const v = tf.variable(tf.tensor1d([1, 2]), true, 'lo/v');
      const u = tf.variable(tf.tensor1d([3]), true, 'lo/u');
      // Names are unique in a process: these are freed at the end whatever happens.
      onTestFinished(() => tf.dispose([v, u]));
      const opt = tf.train.sgd(0.1);
      const layerOf = (name: string) => {
        if (name === 'lo/u') throw new Error('no layer for u');
        return 5 as unknown as string;
      };
      const unwatch = watchOptimizer(opt, { logdir: dir, layerOf, detect: false });
      for (let i = 0; i < 2; i++) opt.minimize(() => tf.add(tf.sum(tf.square(v)), tf.sum(u)) as tf.Scalar);
      await unwatch();
      const lines = warn.mock.calls.map((c) => String(c[0]));
      expect(lines.filter((l) => l.includes('layerOf'))).toEqual([
        'gradwatch: watchOptimizer(): layerOf("lo/v") must return a non-empty string, got 5; grouping "lo/v" under layer "lo"',
        'gradwatch: watchOptimizer(): layerOf("lo/u") threw (no layer for u); grouping "lo/u" under layer "lo"',
      ]);
      const s = (await scalars(dir)).get('.')!;
      expect(s.get('grad_norm/lo')!.map((p) => p.step)).toEqual([1, 2]);
      warn.mockRestore();
    });
  });
});
