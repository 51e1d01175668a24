/**
 * The detector during training: what it writes (alerts/<rule> scalars, explanations), the console
 * line once per burst, the actions (skip, stop, onAlert) and their effect on the weights, tensor
 * counts with the in-step gate, and option errors.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSummaries, tensorBoard, watchOptimizer } from '../src/index.js';
import { suiteBackends, useBackend } from './backends.js';
import { tempDir } from './helpers.js';

afterEach(() => vi.restoreAllMocks());

function model(): tf.Sequential {
  const m = tf.sequential();
  m.add(
    tf.layers.dense({
      units: 8,
      inputShape: [3],
      name: 'h1',
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
    }),
  );
  m.add(
    tf.layers.dense({
      units: 8,
      name: 'h2',
      activation: 'relu',
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
  m.compile({ optimizer: tf.train.adam(1e-2), loss: 'meanSquaredError' });
  return m;
}

function data(n = 64): { x: tf.Tensor; y: tf.Tensor } {
  return {
    x: tf.tensor2d(
      Array.from({ length: n * 3 }, (_, i) => Math.sin(i * 0.7)),
      [n, 3],
    ),
    y: tf.tensor2d(
      Array.from({ length: n }, (_, i) => Math.cos(i * 0.3)),
      [n, 1],
    ),
  };
}

/** Writes a NaN into h2's kernel at the end of batch `at` (1-based), so step at+1 goes non-finite. */
function poisonH2(m: tf.LayersModel, at: number): tf.CustomCallback {
  let batches = 0;
  return new tf.CustomCallback({
    onBatchEnd: async () => {
      if (++batches !== at) return;
      const [k, b] = m.getLayer('h2').getWeights();
      const bad = tf.tidy(() =>
        tf.where(tf.equal(tf.range(0, k!.size).reshape(k!.shape), 0), tf.scalar(Number.NaN), k!),
      );
      m.getLayer('h2').setWeights([bad, b!]);
      bad.dispose();
    },
  });
}

async function points(dir: string) {
  const scalars = new Map<string, Array<[number, number]>>();
  const texts: Array<{ tag: string; step: number; text: string }> = [];
  for await (const p of readSummaries(dir)) {
    if (p.value.kind === 'scalar') {
      const k = `${p.run}:${p.value.tag}`;
      scalars.set(k, [...(scalars.get(k) ?? []), [p.step, p.value.value]]);
    } else if (p.value.kind === 'text') texts.push({ tag: p.value.tag, step: p.step, text: p.value.text });
  }
  return { scalars, texts };
}

describe.each(suiteBackends())('on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  describe('detector in the callback', () => {
    it('writes alert levels every step, one explanation and one console line per burst', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const dir = tempDir();
      const m = model();
      const { x, y } = data();
      const cb = tensorBoard(dir);
      // 64 samples / batch 8 = 8 steps per epoch; the NaN lands after step 5, so step 6 is the first bad one.
      await m.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0, callbacks: [cb, poisonH2(m, 5)] });
      await cb.close();
      const { scalars, texts } = await points(dir);
      const level = scalars.get('train:alerts/non_finite_grad')!;
      expect(level.map(([s]) => s)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      expect(level.filter(([, v]) => v > 0).map(([s, v]) => [s, v])).toEqual(
        Array.from({ length: 11 }, (_, i) => [i + 6, 2]),
      );
      expect(scalars.get('train:alerts/grad_spike')!.every(([, v]) => v === 0)).toBe(true);
      const explanation = texts.filter((t) => t.tag === 'alerts/explanation');
      expect(explanation.map((t) => t.step)).toEqual([6]);
      expect(explanation[0]!.text).toContain('### Non-finite gradients at step 6 (error)');
      expect(explanation[0]!.text).toContain('Layer `h2`');
      expect(explanation[0]!.text).toContain('### Non-finite loss at step 6');
      const lines = warn.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith('gradwatch: ['));
      expect(lines.filter((l) => l.includes('[non_finite_grad]'))).toHaveLength(1);
      expect(lines[0]).toContain('step 6');
      expect(lines[0]).toContain('blame: h2');
      expect(cb.alerts.map((a) => `${a.step}:${a.rule}:${a.blame?.layer}`)).toEqual([
        '6:non_finite_grad:h2',
        '6:non_finite_loss:h2',
        '6:non_finite_weights:h2',
      ]);
      tf.dispose([x, y]);
    });

    it("'stop' ends fit before the non-finite update is applied, so the weights stay finite (but for the poisoned one)", async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const m = model();
      const { x, y } = data();
      const steps: number[] = [];
      const cb = tensorBoard(tempDir(), { detect: { actions: { non_finite_grad: 'stop' } } });
      const history = await m.fit(x, y, {
        epochs: 3,
        batchSize: 8,
        verbose: 0,
        callbacks: [
          cb,
          poisonH2(m, 5),
          new tf.CustomCallback({ onBatchEnd: async (b) => void steps.push(b) }),
        ],
      });
      await cb.close();
      expect(steps).toHaveLength(6);
      expect(history.epoch).toEqual([0]);
      const finite = (name: string) =>
        m
          .getLayer(name)
          .getWeights()
          .every((w) => w.isFinite().all().dataSync()[0] === 1);
      expect(finite('h1')).toBe(true);
      expect(finite('head')).toBe(true);
      expect((m.optimizer as unknown as { iterations: number }).iterations).toBe(5);
      tf.dispose([x, y]);
    });
    it("'stop' stops the current fit only, like TerminateOnNaN: a later fit of the same callback trains in full", async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const dir = tempDir();
      const m = model();
      const { x, y } = data();
      const clean = m.getWeights().map((w) => w.clone());
      const iterations = () => (m.optimizer as unknown as { iterations: number }).iterations;
      const cb = tensorBoard(dir, { detect: { actions: { non_finite_grad: 'stop' } } });
      await m.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0, callbacks: [cb, poisonH2(m, 2)] });
      expect(iterations()).toBe(2);
      m.setWeights(clean);
      const batches: number[] = [];
      const counter = new tf.CustomCallback({ onBatchEnd: async (b) => void batches.push(b) });
      await m.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0, callbacks: [cb, counter] });
      expect(batches).toHaveLength(16);
      expect(iterations()).toBe(18);
      expect(m.getWeights().every((w) => w.isFinite().all().dataSync()[0] === 1)).toBe(true);
      const { scalars } = await points(dir);
      // Steps 1-2 applied, step 3 stopped before its update, then the second fit's 16 steps.
      expect(scalars.get('train:grad_norm/global')!.map(([s]) => s)).toEqual(
        Array.from({ length: 19 }, (_, i) => i + 1),
      );
      tf.dispose([x, y, ...clean]);
    });
  });

  describe('detector in watchOptimizer', () => {
    it("'skip' drops exactly the bad update, training goes on, and no tensors leak", async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const dir = tempDir();
      const m = model();
      const opt = m.optimizer as tf.Optimizer & { iterations: number };
      const { x, y } = data(8);
      const seen: string[] = [];
      const step = (poison: boolean) => {
        const { value, grads } = tf.variableGrads(
          () => tf.losses.meanSquaredError(y, m.predict(x) as tf.Tensor) as tf.Scalar,
        );
        if (poison) {
          const name = Object.keys(grads).find((n) => n.startsWith('h1/kernel'))!;
          const g = grads[name]!;
          grads[name] = tf.mul(g, Number.NaN);
          g.dispose();
        }
        opt.applyGradients(grads);
        tf.dispose([value, grads]);
      };
      // One unwatched step first: Adam creates its slot variables on the first update.
      step(false);
      const tensorsBefore = tf.memory().numTensors;
      const unwatch = watchOptimizer(opt, {
        logdir: dir,
        layerOf: (n) => n.split('/')[0]!,
        detect: {
          actions: { non_finite_grad: 'skip' },
          onAlert: (a) => void seen.push(`${a.step}:${a.rule}`),
        },
      });
      step(false);
      step(false);
      const before = m.getWeights().map((w) => w.dataSync().slice());
      step(true);
      const after = m.getWeights().map((w) => w.dataSync().slice());
      expect(after).toEqual(before);
      for (let i = 0; i < 5; i++) step(false);
      await unwatch();
      expect(opt.iterations).toBe(8);
      expect(seen).toEqual(['4:non_finite_grad']);
      expect(tf.memory().numTensors).toBe(tensorsBefore);
      expect(m.getWeights().every((w) => tf.tidy(() => w.isFinite().all().dataSync()[0] === 1))).toBe(true);
      const { texts } = await points(dir);
      expect(texts.find((t) => t.step === 4)?.text).toContain("This step's update was skipped.");
      tf.dispose([x, y]);
    });

    it("treats a finite gradient whose squared norm overflows float32 as an error spike: 'skip' keeps the weights", async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const w = tf.variable(tf.tensor1d([1, 2]), true, `overflow_${backend}/w`);
      const opt = tf.train.sgd(1);
      const alerts: string[] = [];
      const unwatch = watchOptimizer(opt, {
        logdir: tempDir(),
        detect: {
          actions: { grad_spike: 'skip' },
          onAlert: (a) => void alerts.push(`${a.step}:${a.rule}:${a.severity}:${a.summary}`),
        },
      });
      for (const scale of [1, 1, 1e20, 1]) {
        const g = tf.tensor1d([scale, scale]);
        opt.applyGradients({ [w.name]: g });
        g.dispose();
      }
      await unwatch();
      // Every value is finite (not non-finite), but ||g||² = 2e40 overflows float32 (Adam's second
      // moment would too): a spike that is an error.
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatch(
        /^3:grad_spike:error:gradient norm 1\.41e\+20 .*its square overflows float32/,
      );
      expect(Array.from(w.dataSync())).toEqual([-2, -1]);
      w.dispose();
      opt.dispose();
    });

    it('keeps finite weights finite: a 2e19 weight (its square overflows float32) is no non-finite weight', async () => {
      // An embedding-sized table (on tfjs-node, larger than the host-reduced tensors) with one row at 2e19.
      const rows = 3000;
      const init = new Float32Array(rows * 16).fill(0.01);
      init.fill(2e19, 16 * 7, 16 * 8);
      const table = tf.variable(tf.tensor2d(init, [rows, 16]), true, `embedding_${backend}/table`);
      const opt = tf.train.sgd(1e-3);
      const alerts: string[] = [];
      const logdir = tempDir();
      const unwatch = watchOptimizer(opt, {
        logdir,
        statsFreq: 1,
        detect: { console: false, onAlert: (a) => void alerts.push(`${a.step}:${a.rule}`) },
      });
      for (let i = 0; i < 3; i++) {
        const g = tf.tidy(() => tf.onesLike(table).mul(1e-3));
        opt.applyGradients({ [table.name]: g });
        g.dispose();
      }
      await unwatch();
      expect(alerts).toEqual([]);
      const { scalars } = await points(logdir);
      const norm = scalars.get(`.:weight_norm/embedding_${backend}`)!;
      // Exact in float64: 16 values of about 2e19 dominate.
      expect(norm.at(-1)![1] / (2e19 * 4)).toBeCloseTo(1, 5);
      expect(scalars.get(`.:nonfinite/embedding_${backend}/table/weights`)!.map(([, v]) => v)).toEqual([
        0, 0, 0,
      ]);
      table.dispose();
      opt.dispose();
    });

    it('lets onAlert choose the action', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const m = model();
      const opt = m.optimizer as tf.Optimizer & { iterations: number };
      const { x, y } = data(8);
      const unwatch = watchOptimizer(opt, {
        logdir: tempDir(),
        detect: { onAlert: (a) => (a.rule === 'non_finite_grad' ? 'stop' : undefined) },
      });
      for (let i = 1; i <= 6; i++) {
        opt.minimize(() => {
          const loss = tf.losses.meanSquaredError(y, m.predict(x) as tf.Tensor) as tf.Scalar;
          return i === 3 ? tf.mul(loss, Number.NaN) : loss;
        });
      }
      await unwatch();
      // Stopped at step 3, before its update: every later update is refused too.
      expect(opt.iterations).toBe(2);
      tf.dispose([x, y]);
    });

    it('names bad detect options', () => {
      const opt = tf.train.sgd(0.1);
      expect(() => watchOptimizer(opt, { logdir: tempDir(), detect: 'yes' as never })).toThrow(
        /detect must be true, false or an object/,
      );
      expect(() => tensorBoard(tempDir(), { detect: { actions: { non_finite_weights: 'skip' } } })).toThrow(
        /non_finite_weights.*cannot skip it; use 'stop' or 'warn'/,
      );
      expect(() => tensorBoard(tempDir(), { detect: { actions: 'pause' as never } })).toThrow(
        /must be 'warn', 'skip' or 'stop'/,
      );
      expect(() => tensorBoard(tempDir(), { detect: { rules: { spikes: false } as never } })).toThrow(
        /unknown rule "spikes"/,
      );
      expect(() => tensorBoard(tempDir(), { detect: { spike: { factor: -1 } } })).toThrow(
        /spike.factor must be a finite number > 1/,
      );
    });
  });

  describe('the loss of each step', () => {
    it('is taken from minimize and logged with the step, as the detector reads it', async () => {
      const m = model();
      const opt = m.optimizer;
      const { x, y } = data(8);
      const { tapOptimizer } = await import('../src/watch/tap.js');
      const seen: number[] = [];
      const restore = tapOptimizer(opt, {
        before: (_g, loss) => {
          seen.push(loss ? loss.dataSync()[0]! : Number.NaN);
          return undefined;
        },
        after: () => undefined,
      });
      const returned: number[] = [];
      for (let i = 0; i < 3; i++) {
        const cost = opt.minimize(
          () => tf.losses.meanSquaredError(y, m.predict(x) as tf.Tensor) as tf.Scalar,
          true,
        );
        returned.push(cost!.dataSync()[0]!);
        cost!.dispose();
      }
      // Gradients applied directly carry no loss.
      const { value, grads } = tf.variableGrads(
        () => tf.losses.meanSquaredError(y, m.predict(x) as tf.Tensor) as tf.Scalar,
      );
      opt.applyGradients(grads);
      tf.dispose([value, grads]);
      restore();
      expect(seen.slice(0, 3)).toEqual(returned);
      expect(seen[3]).toBeNaN();
      tf.dispose([x, y]);
    });
  });
});
