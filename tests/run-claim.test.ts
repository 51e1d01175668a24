/**
 * Two writers of the same tags in one run hide each other in TensorBoard (issue 13 #6): a GAN's two
 * optimizers watched into one logdir, two processes training into one logdir. gradwatch claims each
 * run it writes (a lock file naming the pid and host); a run held by a live writer is left alone and
 * a sibling run (`<run>_2`) is written instead, with a warning, so both stay visible. A lock whose
 * process is gone is taken over; the lock goes when the writer closes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { RUN_LOCK } from '../src/events/run-claim.js';
import { readSummaries, tensorBoard, watchOptimizer } from '../src/index.js';
import { tempDir } from './helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** run -> steps of `tag` under `logdir`. */
async function stepsOf(logdir: string, tag: string): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for await (const p of readSummaries(logdir)) {
    if (p.value.tag !== tag) continue;
    out[p.run] ??= [];
    out[p.run]!.push(p.step);
  }
  for (const v of Object.values(out)) v.sort((a, b) => a - b);
  return out;
}

describe('one writer per run', () => {
  it("keeps a GAN's two watched optimizers visible: the second writes <logdir>_2, with a warning", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const root = tempDir();
    const logdir = join(root, 'gan');
    const g = tf.variable(tf.ones([3]), true, 'gen/w');
    const d = tf.variable(tf.ones([3]), true, 'disc/w');
    const [gOpt, dOpt] = [tf.train.sgd(0.1), tf.train.sgd(0.1)];
    const unwatchG = watchOptimizer(gOpt, { logdir, detect: false });
    const unwatchD = watchOptimizer(dOpt, { logdir, detect: false });
    for (let i = 0; i < 5; i++) {
      gOpt.minimize(() => tf.sum(tf.square(g)) as tf.Scalar);
      dOpt.minimize(() => tf.sum(tf.square(d)) as tf.Scalar);
    }
    await Promise.all([unwatchG(), unwatchD()]);
    expect(await stepsOf(root, 'grad_norm/global')).toEqual({ gan: [1, 2, 3, 4, 5], gan_2: [1, 2, 3, 4, 5] });
    const said = warn.mock.calls.map(([m]) => String(m)).filter((m) => m.includes('is being written by'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(`this process (pid ${process.pid})`);
    expect(said[0]).toContain(`${logdir}_2`);
    // Given back at unwatch: no lock left, and the run is free for the next writer.
    expect(existsSync(join(logdir, RUN_LOCK))).toBe(false);
    expect(existsSync(join(`${logdir}_2`, RUN_LOCK))).toBe(false);
    tf.dispose([g, d]);
    gOpt.dispose();
    dOpt.dispose();
    warn.mockRestore();
  });

  it('leaves a run another live process writes, and takes over the lock of one that is gone', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const logdir = tempDir();
    // Another process "training" into logdir/train: a live pid on this host holds the lock.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await new Promise((r) => other.once('spawn', r));
    mkdirSync(join(logdir, 'train'), { recursive: true });
    writeFileSync(join(logdir, 'train', RUN_LOCK), `${other.pid} ${hostname()}\n`);
    const trainOnce = async () => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const [x, y] = [tf.ones([8, 2]), tf.ones([8, 1])];
      const cb = tensorBoard(logdir, { updateFreq: 'batch' });
      await model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0, callbacks: [cb] });
      await cb.close();
      tf.dispose([x, y]);
      model.dispose();
    };
    await trainOnce();
    expect(await stepsOf(logdir, 'batch_loss')).toEqual({ train_2: [1, 2] });
    expect(warn.mock.calls.some(([m]) => String(m).includes(`is being written by pid ${other.pid}`))).toBe(
      true,
    );
    // The other process ends (a crash leaves its lock behind): its run is taken over.
    other.kill('SIGKILL');
    await new Promise((r) => other.once('exit', r));
    await trainOnce();
    expect(await stepsOf(logdir, 'batch_loss')).toEqual({ train: [1, 2], train_2: [1, 2] });
    warn.mockRestore();
  });
});
