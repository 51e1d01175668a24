/**
 * Issue 13 #28: a logdir that is a file. The writer refuses it when it is made, with one error that
 * says the logdir is a file, so training code (the callback, watchOptimizer) reports it once and
 * clearly instead of a failed mkdir (EEXIST) at every flush and again at close.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventWriterError, tensorBoard, watchOptimizer } from '../src/index.js';
import { tempDir } from './helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs a short fit with the callback on `logdir`; the error it ended with (thrown or rejected), or null. */
async function fitError(logdir: string): Promise<unknown> {
  try {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    await model.fit(tf.ones([8, 2]), tf.ones([8, 1]), {
      epochs: 2,
      batchSize: 4,
      verbose: 0,
      callbacks: [tensorBoard(logdir, { flushMillis: 20 })],
    });
    return null;
  } catch (err) {
    return err;
  }
}

describe('a logdir that is a file', () => {
  it('fails once, saying the logdir is a file, with nothing printed', async () => {
    const file = join(tempDir(), 'logs');
    writeFileSync(file, 'x');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const err = await fitError(file);
    await new Promise((r) => setTimeout(r, 100));
    expect(err).toBeInstanceOf(EventWriterError);
    expect((err as EventWriterError).code).toBe('ENOTDIR');
    expect((err as Error).message).toMatch(/logdir .* is a file, not a directory$/);
    expect((err as Error).message).toContain(file);
    expect(warn.mock.calls.flat().join('\n')).not.toMatch(/EEXIST|ENOTDIR/);
  });

  it('fails watchOptimizer at once, saying the logdir is a file', () => {
    const file = join(tempDir(), 'logs');
    writeFileSync(file, 'x');
    let err: unknown = null;
    try {
      watchOptimizer(tf.train.sgd(0.1), { logdir: file });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EventWriterError);
    expect((err as EventWriterError).code).toBe('ENOTDIR');
    expect((err as Error).message).toMatch(new RegExp(`logdir ${file} is a file, not a directory$`));
  });
});
