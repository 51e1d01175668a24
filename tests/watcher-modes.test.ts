/**
 * The two ways the watch gets values: read during the step (host-memory backends) or kept on the
 * device and downloaded in drain() (GPU backends). Run here on the cpu backend with each forced, the
 * statistics must agree, non-finite steps and histograms included, with no tensor left behind.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StepStats } from '../src/watch/step-stats.js';
import { layerFromVariableName, Watcher, type WatcherOptions } from '../src/watch/watcher.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A Watcher attached to `opt`: no histograms, 5 buckets, update ratios, steps from 1, unless `o` says. */
function watch(opt: tf.Optimizer, o: Partial<WatcherOptions>): Watcher {
  const watcher = new Watcher({
    budget: 0.02,
    histogramFreq: 0,
    histograms: { gradients: false, weights: false, updates: false },
    buckets: 5,
    updates: true,
    layerOf: layerFromVariableName,
    firstStep: 1,
    ...o,
  });
  watcher.attach(opt);
  return watcher;
}

async function train(
  reads: 'sync' | 'async',
  gate = false,
  updates = true,
): Promise<{ stats: StepStats[]; leaked: number }> {
  const w1 = tf.variable(
    tf.tensor2d([
      [0.5, -1],
      [2, 0.25],
      [1, 1],
    ]),
    true,
    'm/dense/kernel',
  );
  const b1 = tf.variable(tf.tensor1d([0.1, -0.2]), true, 'm/dense/bias');
  const x = tf.tensor2d([
    [1, 2, 3],
    [-1, 0.5, 2],
  ]);
  const opt = tf.train.adam(0.05);
  const watcher = watch(opt, {
    statsFreq: 2,
    histogramFreq: 3,
    histograms: { gradients: true, weights: true, updates: true },
    updates,
    reads,
    ...(gate ? { gate: () => 'apply' as const } : {}),
  });
  // Counted after the first step, which creates Adam's slot variables.
  let start = 0;
  const stats: StepStats[] = [];
  for (let step = 1; step <= 7; step++) {
    // Step 5 gets a NaN into the kernel's gradient (and so into the weights and every later step).
    const poison = step === 5 ? Number.NaN : 1;
    opt.minimize(() => tf.sum(tf.mul(tf.square(tf.add(tf.matMul(x, w1), b1)), poison)) as tf.Scalar, false, [
      w1,
      b1,
    ]);
    stats.push(...(await watcher.drain()));
    if (step === 1) start = tf.memory().numTensors;
  }
  const leaked = tf.memory().numTensors - start;
  watcher.detach();
  watcher.dispose();
  tf.dispose([w1, b1, x]);
  opt.dispose();
  return { stats, leaked };
}

describe('reading values during the step or downloading them afterwards', () => {
  it('gives the same statistics, and leaks nothing either way', async () => {
    const sync = await train('sync');
    const later = await train('async');
    const gated = await train('async', true);
    for (const run of [sync, later, gated]) {
      expect(run.leaked).toBe(0);
      expect(run.stats.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(run.stats.map((s) => s.detail)).toEqual([true, true, false, true, false, true, false]);
    }
    const rel = (a: number, b: number) =>
      Number.isNaN(a) ? Number.isNaN(b) : Math.abs(a - b) <= 1e-6 * Math.abs(b);
    for (const other of [later, gated]) {
      other.stats.forEach((s, i) => {
        const t = sync.stats[i]!;
        expect(rel(s.globalGradNorm, t.globalGradNorm)).toBe(true);
        expect(s.gradNonFinite).toBe(t.gradNonFinite);
        s.variables.forEach((v, j) => {
          const u = t.variables[j]!;
          expect([
            v.name,
            v.gradNaN,
            v.gradPosInf,
            v.gradNegInf,
            v.weightNonFiniteBefore,
            v.weightNonFinite,
          ]).toEqual([
            u.name,
            u.gradNaN,
            u.gradPosInf,
            u.gradNegInf,
            u.weightNonFiniteBefore,
            u.weightNonFinite,
          ]);
          for (const k of ['gradMaxAbs', 'weightNorm', 'updateNorm'] as const) {
            expect(v[k] === undefined).toBe(u[k] === undefined);
            if (v[k] !== undefined) expect(rel(v[k]!, u[k]!)).toBe(true);
          }
        });
        expect(s.histograms.map((h) => [h.kind, h.variable, Array.from(h.buckets)])).toEqual(
          t.histograms.map((h) => [h.kind, h.variable, Array.from(h.buckets)]),
        );
      });
    }
    // Step 5: the NaN, counted exactly, and the weights after it checked although it is not a detail step.
    const five = sync.stats[4]!;
    expect(five.gradNonFinite).toBeGreaterThan(0);
    expect(five.variables.every((v) => v.weightNonFinite !== undefined)).toBe(true);
    // Histograms at the first step and at steps 3 and 6: gradients, weights and updates of both variables.
    expect(
      sync.stats.filter((s) => s.histograms.length > 0).map((s) => [s.step, s.histograms.length]),
    ).toEqual([
      [1, 6],
      [3, 6],
      [6, 6],
    ]);
  });

  it('take update histograms without update ratios, either way', async () => {
    for (const reads of ['sync', 'async'] as const) {
      const { stats } = await train(reads, false, false);
      expect(stats.flatMap((s) => s.histograms.filter((h) => h.kind === 'update').map(() => s.step))).toEqual(
        [1, 1, 3, 3, 6, 6],
      );
      expect(stats.every((s) => s.variables.every((v) => v.updateNorm === undefined))).toBe(true);
    }
  });

  it('report max |g| as NaN when a gradient holds NaN, like the norms', async () => {
    const { stats } = await train('sync');
    const six = stats[5]!;
    expect(six.detail).toBe(true);
    expect(six.variables.map((v) => Number.isNaN(v.gradMaxAbs!))).toEqual([true, true]);
  });

  it('drain without waiting takes only the steps whose downloads have arrived, in order (GPU backends)', async () => {
    const w = tf.variable(tf.ones([10]), true, 'nowait/w');
    const opt = tf.train.sgd(0.01);
    const watcher = watch(opt, { statsFreq: 1000, reads: 'async' });
    const g = tf.ones([10]);
    for (let i = 0; i < 3; i++) opt.applyGradients({ [w.name]: g });
    // Downloads were started at each step; none has arrived before the event loop turns.
    expect(await watcher.drain(undefined, { wait: false })).toEqual([]);
    await new Promise((r) => setTimeout(r, 10));
    opt.applyGradients({ [w.name]: g });
    const arrived = await watcher.drain(undefined, { wait: false });
    expect(arrived.map((s) => s.step)).toEqual([1, 2, 3]);
    // Waiting takes the rest, with the values a synchronous read gives.
    const rest = await watcher.drain();
    expect(rest.map((s) => s.step)).toEqual([4]);
    expect(rest[0]!.globalGradNorm).toBeCloseTo(Math.sqrt(10), 6);
    watcher.detach();
    watcher.dispose();
    tf.dispose([w, g]);
    opt.dispose();
  });

  it('keep what a GPU backend needs for a bounded number of undrained steps, and free a step the optimizer threw in', async () => {
    const w = tf.variable(tf.ones([100]), true, 'bounded/w');
    const opt = tf.train.sgd(0.01);
    const watcher = watch(opt, { statsFreq: 1000, reads: 'async' });
    const g = tf.ones([100]);
    const bad = tf.ones([3]);
    opt.applyGradients({ [w.name]: g });
    await watcher.drain();
    const start = tf.memory().numTensors;
    // A loop that never yields: 50 steps queue up before a drain.
    for (let i = 0; i < 50; i++) opt.applyGradients({ [w.name]: g });
    // Per queued step: its sums, and (for the first 8) clones of the gradient and of the weights
    // before and after the update.
    expect(tf.memory().numTensors - start).toBeLessThanOrEqual(50 + 8 * 3);
    await watcher.drain();
    expect(tf.memory().numTensors).toBe(start);
    // An update that throws (a gradient of the wrong shape) leaves a half-made step behind: the next
    // step frees it.
    expect(() => opt.applyGradients({ [w.name]: bad })).toThrow();
    opt.applyGradients({ [w.name]: g });
    await watcher.drain();
    expect(tf.memory().numTensors).toBe(start);
    watcher.detach();
    watcher.dispose();
    tf.dispose([w, g, bad]);
    opt.dispose();
  });
});

describe('the detector record of a step', () => {
  it('leaves out the update ratio of a layer that got no gradient (it was not updated, not mis-tuned)', async () => {
    const { recordFromStats } = await import('../src/train/live-detect.js');
    const { assembleStepStats } = await import('../src/watch/step-stats.js');
    const w = Float32Array.of(1, 2);
    const s = assembleStepStats(
      {
        step: 1,
        skipped: false,
        detail: true,
        histogram: false,
        variables: [
          { name: 'a/kernel', layer: 'a', hasGradient: true, size: 2 },
          { name: 'frozen/kernel', layer: 'frozen', hasGradient: false, size: 2 },
        ],
        sumSq: [0.5, Number.NaN, Number.NaN],
        hasLoss: false,
        grads: [Float32Array.of(0.5, 0.5), null],
        before: [w, w],
        after: [Float32Array.of(0.9, 1.9), w],
      },
      { buckets: 5, histograms: { gradients: false, weights: false, updates: false } },
    );
    const r = recordFromStats(s);
    expect(r.layers!.map((l) => [l.name, l.gradNorm, l.updateRatio])).toEqual([
      ['a', Math.sqrt(0.5), s.layers[0]!.updateRatio],
      ['frozen', undefined, undefined],
    ]);
    expect(s.layers[0]!.updateRatio).toBeGreaterThan(0);
  });
});

describe('clipping decided on the host or on the device', () => {
  it('clips the same, and logs the same clip statistics, in every mode that has both', async () => {
    const { AutoClipState, ZClipState } = await import('../src/watch/clip.js');
    type Clip = import('../src/watch/clip.js').ClipConfig;
    const modes: Clip[] = [
      { globalNorm: 2 },
      { norm: 1 },
      { zclip: { warmupSteps: 3, zThreshold: 1.5 } },
      { autoclip: { percentile: 50, history: 4 } },
    ];
    const scalesOf = [1, 1.2, 0.9, 1.1, 30, 1, 0.8, 1e20, 1];
    const run = async (reads: 'sync' | 'async', clip: Clip) => {
      const w = tf.variable(tf.zeros([3]), true, 'clipmodes/w');
      const b = tf.variable(tf.zeros([2]), true, 'clipmodes/b');
      const opt = tf.train.sgd(1);
      const zclipState = 'zclip' in clip ? new ZClipState(clip.zclip) : undefined;
      const autoclipState = 'autoclip' in clip ? new AutoClipState(clip.autoclip) : undefined;
      const watcher = watch(opt, {
        statsFreq: 1,
        reads,
        clip,
        ...(zclipState ? { zclipState } : {}),
        ...(autoclipState ? { autoclipState } : {}),
      });
      const applied: number[][] = [];
      const clipStats: unknown[] = [];
      for (const s of scalesOf) {
        const gw = tf.tensor1d([s, -2 * s, 0.5 * s]);
        const gb = tf.tensor1d([0.3 * s, 0.1]);
        const w0 = w.dataSync().slice();
        opt.applyGradients({ [w.name]: gw, [b.name]: gb });
        applied.push(Array.from(w.dataSync(), (x, i) => w0[i]! - x));
        tf.dispose([gw, gb]);
        for (const st of await watcher.drain()) {
          const c = st.clip!;
          clipStats.push([c.clipped, c.scale, c.threshold, c.postClipNorm, c.preClipNorm]);
        }
      }
      watcher.detach();
      watcher.dispose();
      zclipState?.dispose();
      autoclipState?.dispose();
      tf.dispose([w, b]);
      opt.dispose();
      return { applied, clipStats };
    };
    const near = (a: unknown, b: unknown): boolean => {
      if (typeof a === 'number' && typeof b === 'number')
        return (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));
      if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => near(x, b[i]));
      return a === b;
    };
    for (const clip of modes) {
      const host = await run('sync', clip);
      const device = await run('async', clip);
      expect(near(device.applied, host.applied), JSON.stringify(clip)).toBe(true);
      expect(near(device.clipStats, host.clipStats), JSON.stringify(clip)).toBe(true);
      // The spike (x30) is clipped in every mode.
      expect((host.clipStats[4] as [boolean])[0], JSON.stringify(clip)).toBe(true);
    }
  });
});

describe('what queued steps hold', () => {
  it('counts the bytes of the values a step read (sync), and none once drained or for a plain step', async () => {
    const w = tf.variable(tf.ones([4, 8]), true, 'held/dense/kernel');
    const b = tf.variable(tf.zeros([8]), true, 'held/dense/bias');
    const x = tf.ones([2, 4]);
    const opt = tf.train.sgd(0.1);
    const watcher = watch(opt, { statsFreq: 2, reads: 'sync' });
    const step = () => opt.minimize(() => tf.sum(tf.add(tf.matMul(x, w), b)));
    step(); // the watch's first step: every statistic (gradients, weights before and after)
    expect(watcher.queued).toBe(1);
    expect(watcher.heldBytes).toBe(3 * 4 * (32 + 8));
    await watcher.drain();
    expect(watcher.heldBytes).toBe(0);
    step(); // step 2: a detail step again (statsFreq 2)
    step(); // step 3: plain, its sums only
    expect(watcher.heldBytes).toBe(3 * 4 * (32 + 8));
    await watcher.drain();
    step(); // 4: detail
    await watcher.drain();
    step(); // 5: plain
    expect(watcher.queued).toBe(1);
    expect(watcher.heldBytes).toBe(0);
    watcher.detach();
    watcher.dispose();
    tf.dispose([w, b, x]);
  });
});
