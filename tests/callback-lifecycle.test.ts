/**
 * The callback's life cycle across fit calls: event files released at the end of training (a sweep
 * with a callback per trial does not run out of file descriptors), reopened by a callback used for
 * a later fit, and released too when fit throws; a fit that threw, or a second gradwatch callback,
 * never leaves the optimizer blocked for a later callback.
 */
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readSummaries, tensorBoard, watchOptimizer } from '../src/index.js';
import { suiteBackends, useBackend } from './backends.js';
import { tempDir } from './helpers.js';

function makeModel(seed = 1): tf.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({
        units: 4,
        activation: 'tanh',
        inputShape: [3],
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
      }),
      tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
  return model;
}

function data(n = 16) {
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

/** File descriptors of this process open on a path under `dir`. */
function fdsUnder(dir: string): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir)) n++;
    } catch {
      // closed between the listing and the read (the listing's own descriptor)
    }
  }
  return n;
}

const openFds = () => readdirSync('/proc/self/fd').length;

async function until(cond: () => boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

async function steps(dir: string, run: string, tag: string): Promise<number[]> {
  const out: number[] = [];
  for await (const p of readSummaries(dir)) if (p.run === run && p.value.tag === tag) out.push(p.step);
  return out.sort((a, b) => a - b);
}

const boomAt = (batch: number) =>
  new tf.CustomCallback({
    onBatchEnd: async (b) => {
      // Past a background flush: the event file is open when fit throws.
      await new Promise((r) => setTimeout(r, 30));
      if (b === batch) throw new Error('boom');
    },
  });

describe.each(suiteBackends())('on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  describe('event files', () => {
    it('are closed at the end of training: a sweep with a fresh model and tensorBoard() per trial keeps its open files flat', async () => {
      const root = tempDir();
      const { x, y } = data();
      const trial = async (i: number) => {
        const model = makeModel(i);
        const cb = tensorBoard(`${root}/trial${i}`, { hparams: { trial: i } });
        await model.fit(x, y, {
          epochs: 1,
          batchSize: 8,
          validationSplit: 0.25,
          verbose: 0,
          callbacks: [cb],
        });
        model.dispose();
      };
      await trial(0);
      const start = openFds();
      for (let i = 1; i <= 12; i++) {
        await trial(i);
        expect(fdsUnder(root), `trial ${i}`).toBe(0);
      }
      // The whole process: no growth with the trials (3 files each before the fix: 36 here); a
      // descriptor or two of the runtime's own (a thread's pipe, a pending stat) may come and go.
      expect(openFds()).toBeLessThanOrEqual(start + 2);
      // Nothing was lost: every trial's train, val and run records are on disk.
      expect(await steps(`${root}/trial12`, 'train', 'grad_norm/global')).toEqual([1, 2]);
      expect(await steps(`${root}/trial12`, 'val', 'epoch_loss')).toEqual([1]);
      tf.dispose([x, y]);
    });

    it('are reopened by a callback used for a later fit, which appends to the same runs', async () => {
      const dir = tempDir();
      const { x, y } = data();
      const model = makeModel(3);
      const cb = tensorBoard(dir, { updateFreq: 'batch' });
      for (let fit = 0; fit < 3; fit++) {
        await model.fit(x, y, {
          epochs: 1,
          batchSize: 8,
          validationSplit: 0.25,
          verbose: 0,
          callbacks: [cb],
        });
        expect(fdsUnder(dir), `after fit ${fit}`).toBe(0);
      }
      expect(await steps(dir, 'train', 'grad_norm/global')).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await steps(dir, 'train', 'batch_loss')).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await steps(dir, 'train', 'epoch_loss')).toEqual([1, 2, 3]);
      expect(await steps(dir, 'val', 'epoch_loss')).toEqual([1, 2, 3]);
      await cb.close();
      expect(fdsUnder(dir)).toBe(0);
      model.dispose();
      tf.dispose([x, y]);
    });

    it('are closed, with what was logged, after a fit that threw', async () => {
      const dir = tempDir();
      const { x, y } = data();
      const model = makeModel(5);
      const cb = tensorBoard(dir, { flushMillis: 5 });
      await expect(
        model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0, callbacks: [cb, boomAt(2)] }),
      ).rejects.toThrow('boom');
      expect(await until(() => fdsUnder(dir) === 0)).toBe(true);
      expect(await steps(dir, 'train', 'grad_norm/global')).toEqual([1, 2, 3]);
      // The optimizer is restored too.
      for (const k of ['applyGradients', 'minimize', 'computeGradients'])
        expect(Object.hasOwn(model.optimizer, k)).toBe(false);
      model.dispose();
      tf.dispose([x, y]);
    });

    it('are not reopened by a fit still running after close()', async () => {
      const dir = tempDir();
      const { x, y } = data();
      const model = makeModel(8);
      const cb = tensorBoard(dir, { histograms: true, buckets: 100 });
      const closer = new tf.CustomCallback({
        onBatchEnd: async (b) => {
          if (b === 1) await cb.close();
        },
      });
      await model.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0, callbacks: [cb, closer] });
      const files = readdirSync(join(dir, 'train')).filter((f) => f.includes('tfevents'));
      expect(files).toHaveLength(1);
      // Whole records of at most about 16 KiB: a step's 100-bucket histograms are split over events.
      const bytes = readFileSync(join(dir, 'train', files[0]!));
      let longest = 0;
      for (let at = 0; at < bytes.length; ) {
        const n = Number(bytes.readBigUInt64LE(at));
        longest = Math.max(longest, n);
        at += 16 + n;
      }
      expect(longest).toBeGreaterThan(8 * 1024);
      expect(longest).toBeLessThan(17 * 1024);
      model.dispose();
      tf.dispose([x, y]);
    });

    it('keeps what a fit that threw logged when the model trains again at once, before the fit is wound up', async () => {
      const dir = tempDir();
      const { x, y } = data();
      const model = makeModel(6);
      const cb = tensorBoard(dir);
      await expect(
        model.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0, callbacks: [cb, boomAt(4)] }),
      ).rejects.toThrow('boom');
      // At once: the callback has not noticed the fit ended (it polls every 200 ms) and holds steps.
      await model.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 });
      await cb.close();
      expect(await steps(dir, 'train', 'grad_norm/global')).toEqual([1, 2, 3, 4, 5]);
      model.dispose();
      tf.dispose([x, y]);
    });
  });

  describe('a logdir that is a file', () => {
    it('is refused when the callback or watchOptimizer() is created, naming the path', () => {
      const file = join(tempDir(), 'taken');
      writeFileSync(file, 'not a directory');
      expect(() => tensorBoard(file)).toThrow(`tensorBoard(): logdir ${file} is a file, not a directory`);
      expect(() => tensorBoard(join(file, 'run'))).toThrow(
        `tensorBoard(): logdir ${join(file, 'run')} cannot be created: ${file} is a file, not a directory`,
      );
      expect(() => watchOptimizer(tf.train.sgd(0.1), { logdir: file })).toThrow(
        `watchOptimizer(): logdir ${file} is a file, not a directory`,
      );
    });

    it('made after the callback was, is warned about once and training goes on', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { x, y } = data();
      const model = makeModel(13);
      const logdir = join(tempDir(), 'later');
      const cb = tensorBoard(logdir);
      writeFileSync(logdir, 'not a directory');
      await model.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0, validationSplit: 0.25, callbacks: [cb] });
      expect((model.optimizer as unknown as { iterations: number }).iterations).toBe(4);
      // The steps it could not write are let go, not kept.
      expect(cb.cost?.steps).toBe(4);
      const lines = warn.mock.calls.map((c) => String(c[0]));
      expect(lines.filter((l) => l.includes(`${logdir} is a file`))).toHaveLength(1);
      warn.mockRestore();
      model.dispose();
      tf.dispose([x, y]);
    });
  });

  describe('one watch per optimizer', () => {
    it('a fit that threw does not block a later fit with a new tensorBoard() callback', async () => {
      const { x, y } = data();
      const model = makeModel(7);
      await expect(
        model.fit(x, y, {
          epochs: 1,
          batchSize: 4,
          verbose: 0,
          callbacks: [tensorBoard(tempDir()), boomAt(1)],
        }),
      ).rejects.toThrow('boom');
      // At once, before anything else used the optimizer.
      const dir = tempDir();
      await model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0, callbacks: [tensorBoard(dir)] });
      // The first fit applied 2 updates (its second batch threw after its update): steps go on from there.
      expect(await steps(dir, 'train', 'grad_norm/global')).toEqual([3, 4, 5, 6]);
      model.dispose();
      tf.dispose([x, y]);
    });

    it('two gradwatch callbacks in one fit fail with an error that says so, and leave nothing behind', async () => {
      const { x, y } = data();
      const model = makeModel(9);
      const train = (callbacks: tf.CustomCallbackArgs[] | tf.Callback[]) =>
        model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0, callbacks });
      const err = await train([tensorBoard(tempDir()), tensorBoard(tempDir())]).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      const message = (err as Error).message;
      expect(message).toMatch(/tensorBoard\(\): .*already watched by another tensorBoard\(\) callback/);
      expect(message).toMatch(/one tensorBoard\(\) callback per fit/);
      expect(message).not.toMatch(/unwatch/);
      const dir = tempDir();
      await train([tensorBoard(dir)]);
      expect((await steps(dir, 'train', 'grad_norm/global')).length).toBe(2);
      model.dispose();
      tf.dispose([x, y]);
    });

    it('names what to do when watchOptimizer() and a callback meet on one optimizer', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { x, y } = data();
      const model = makeModel(11);
      const unwatch = watchOptimizer(model.optimizer, { logdir: tempDir() });
      // A callback on an optimizer watchOptimizer() watches: await its unwatch() first.
      await expect(
        model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0, callbacks: [tensorBoard(tempDir())] }),
      ).rejects.toThrow(
        /tensorBoard\(\): .*watched by watchOptimizer\(\); await the unwatch\(\) it returned/,
      );
      // A second watchOptimizer(): the same.
      expect(() => watchOptimizer(model.optimizer, { logdir: tempDir() })).toThrow(
        /watchOptimizer\(\): .*already watched by watchOptimizer\(\); await the unwatch\(\) it returned/,
      );
      await unwatch();
      // watchOptimizer() while a callback's fit runs: after fit returns.
      let inside: Error | undefined;
      const probe = new tf.CustomCallback({
        onBatchEnd: async () => {
          try {
            watchOptimizer(model.optimizer, { logdir: tempDir() });
          } catch (e) {
            inside ??= e as Error;
          }
        },
      });
      await model.fit(x, y, {
        epochs: 1,
        batchSize: 8,
        verbose: 0,
        callbacks: [tensorBoard(tempDir()), probe],
      });
      expect(inside?.message).toMatch(
        /watchOptimizer\(\): .*watched by a tensorBoard\(\) callback while its fit runs; call watchOptimizer\(\) after fit returns/,
      );
      expect(inside?.message).not.toMatch(/unwatch/);
      model.dispose();
      tf.dispose([x, y]);
    });
  });
});
