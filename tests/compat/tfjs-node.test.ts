/**
 * On tfjs-node, with stock TensorBoard (both loaders):
 * - the callback's logdir written while training on the native `tensorflow` backend, values included;
 * - side by side with tfjs-node's own logging, as a user migrating keeps old runs: a logdir with a
 *   run from `tf.node.tensorBoard` next to a gradwatch run, and one directory written by both
 *   `tf.node.summaryFileWriter` and gradwatch's SummaryWriter, shows everything each wrote.
 * Under CI=true a missing tfjs-node or TensorBoard is a failure, never a skip.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SummaryWriter, tensorBoard } from '../../src/index.js';
import { tfjsNodeLoads, tfjsNodeModule, useBackend } from '../backends.js';
import { tempDir } from '../helpers.js';
import { num, startBothLoaders, type TensorBoardServer, tensorboardAvailable } from './tensorboard.js';

const available = tensorboardAvailable() && (tfjsNodeLoads() || process.env.CI === 'true');

type TfNode = typeof tf & {
  node: {
    tensorBoard(
      logdir: string,
      args?: { updateFreq?: 'batch' | 'epoch'; histogramFreq?: number },
    ): tf.CustomCallback;
    summaryFileWriter(logdir: string): {
      scalar(tag: string, value: number, step: number): void;
      flush(): void;
    };
  };
};

function model(seed: number, outUnits = 1) {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: s });
  const m = tf.sequential({
    layers: [
      tf.layers.dense({
        units: 8,
        activation: 'tanh',
        inputShape: [5],
        kernelInitializer: init(seed),
        name: 'hidden',
      }),
      tf.layers.dense({ units: outUnits, kernelInitializer: init(seed + 1), name: 'out' }),
    ],
  });
  m.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
  return m;
}

describe.skipIf(!available)('tfjs-node and stock TensorBoard', () => {
  const parent = tempDir('gradwatch-tfjs-node-');
  const servers: TensorBoardServer[] = [];
  const BATCHES = 6;
  let expectedFirstNorm = Number.NaN;

  beforeAll(async () => {
    await useBackend('tensorflow');
    const tfn = tfjsNodeModule() as TfNode;
    const x = tf.randomNormal([48, 5], 0, 1, 'float32', 11);
    const y = tf.randomNormal([48, 1], 0, 1, 'float32', 12);

    // The old way: tfjs-node's own callback, with weight histograms (two outputs: with histogramFreq,
    // tf.node.tensorBoard throws on a weight whose values are all equal, such as a one-unit bias).
    const old = model(1, 2);
    const y2 = tf.randomNormal([48, 2], 0, 1, 'float32', 13);
    await old.fit(x, y2, {
      epochs: 2,
      batchSize: 16,
      validationSplit: 0.25,
      verbose: 0,
      callbacks: [tfn.node.tensorBoard(`${parent}/native`, { updateFreq: 'batch', histogramFreq: 1 })],
    });

    // gradwatch on the same backend; the first step's gradient norm computed independently.
    const m = model(2);
    const vars = m.trainableWeights.map((w) => w.read() as tf.Variable);
    const first = tf.tidy(() => {
      const { grads } = tf.variableGrads(
        () => tf.losses.meanSquaredError(y.slice(0, 8), m.predict(x.slice(0, 8)) as tf.Tensor) as tf.Scalar,
        vars,
      );
      return Math.sqrt(Object.values(grads).reduce((a, g) => a + tf.sum(tf.square(g)).dataSync()[0]!, 0));
    });
    expectedFirstNorm = first;
    const cb = tensorBoard(`${parent}/gradwatch`, { statsFreq: 1, histogramFreq: 3, updateFreq: 'batch' });
    await m.fit(x, y, { epochs: 1, batchSize: 8, shuffle: false, verbose: 0, callbacks: [cb] });
    await cb.close();

    // One directory, both writers.
    const native = tfn.node.summaryFileWriter(`${parent}/mixed`);
    const ours = new SummaryWriter(`${parent}/mixed`);
    for (let step = 1; step <= 5; step++) {
      native.scalar('native_metric', step / 10, step);
      ours.scalar('gradwatch_metric', step * 10, step);
    }
    native.flush();
    await ours.close();
    tf.dispose([x, y, y2]);

    servers.push(
      ...(await startBothLoaders(parent, async (s) => {
        const t = await s.get<Record<string, Record<string, unknown>>>('/data/plugin/scalars/tags');
        return Boolean(
          t['native/train']?.batch_loss &&
            t['native/val']?.epoch_loss &&
            t['gradwatch/train']?.['grad_norm/global'] &&
            t.mixed?.native_metric &&
            t.mixed?.gradwatch_metric,
        );
      })),
    );
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  for (const loadFast of [true, false]) {
    const server = () => servers.find((s) => s.loadFast === loadFast)!;
    const scalars = (run: string, tag: string) =>
      server().get<Array<[number, number, unknown]>>(
        `/data/plugin/scalars/scalars?run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}`,
      );

    describe(loadFast ? 'RustBoard' : 'Python loader', () => {
      it("serves the callback's series from training on the tensorflow backend, with their values", async () => {
        const rows = await scalars('gradwatch/train', 'grad_norm/global');
        expect(rows.map((r) => r[1])).toEqual(Array.from({ length: BATCHES }, (_, i) => i + 1));
        expect(num(rows[0]![2])).toBeCloseTo(expectedFirstNorm, 5);
        for (const tag of [
          'grad_norm/hidden',
          'grad_norm/out/kernel',
          'weight_norm/hidden',
          'update_ratio/out',
        ]) {
          expect((await scalars('gradwatch/train', tag)).length).toBe(BATCHES);
        }
        const hist = await server().get<Array<[number, number, number[][]]>>(
          '/data/plugin/histograms/histograms?run=gradwatch%2Ftrain&tag=grad_hist%2Fhidden%2Fkernel',
        );
        expect(hist.map((r) => r[1])).toEqual([1, 3, 6]); // every 3 steps, and the first (6 is the last)
        for (const r of hist) expect(r[2].reduce((a, b) => a + b[2]!, 0)).toBe(5 * 8);
      });

      it("shows tfjs-node's own run next to gradwatch's", async () => {
        expect((await scalars('native/train', 'batch_loss')).length).toBe(6);
        expect((await scalars('native/val', 'epoch_loss')).map((r) => r[1])).toEqual([1, 2]);
        const tags = await server().get<Record<string, Record<string, unknown>>>(
          '/data/plugin/histograms/tags',
        );
        expect(Object.keys(tags['native/train'] ?? {})).toContain('hidden/kernel');
        expect(Object.keys(tags['gradwatch/train'] ?? {})).toContain('grad_hist/hidden/kernel');
      });

      it('reads a directory written by tf.node.summaryFileWriter and by gradwatch as one run', async () => {
        const nativeRows = await scalars('mixed', 'native_metric');
        const ourRows = await scalars('mixed', 'gradwatch_metric');
        expect(nativeRows.map((r) => [r[1], num(r[2])])).toEqual(
          [1, 2, 3, 4, 5].map((s) => [s, Math.fround(s / 10)]),
        );
        expect(ourRows.map((r) => [r[1], num(r[2])])).toEqual([1, 2, 3, 4, 5].map((s) => [s, s * 10]));
      });
    });
  }
});
