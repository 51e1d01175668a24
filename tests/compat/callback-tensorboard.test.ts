/**
 * Stock TensorBoard shows what the tensorBoard() callback writes during model.fit: the gradient
 * series, histograms, the "gradient health" custom-scalars dashboard (its regexes are evaluated by
 * TensorBoard), the hparams session with train and val metrics, and the detector's alert series and
 * explanations (from a second run with a NaN written into a layer mid-training), with both loaders.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tensorBoard } from '../../src/index.js';
import { tempDir } from '../helpers.js';
import {
  num,
  sessionGroups,
  startBothLoaders,
  type TensorBoardServer,
  tensorboardAvailable,
} from './tensorboard.js';

const available = tensorboardAvailable();

describe.skipIf(!available)('stock TensorBoard shows what the callback writes', () => {
  // TensorBoard is opened on the parent of the run's logdir, as when comparing runs in HParams (the
  // session lives in the logdir itself, as with Keras' hp.KerasCallback; its metrics in train/ and val/).
  const parent = tempDir('gradwatch-cb-compat-');
  const logdir = `${parent}/exp1`;
  const servers: TensorBoardServer[] = [];
  const BATCHES = 8;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 5, activation: 'relu', inputShape: [4], name: 'hidden' }),
        tf.layers.dense({ units: 1, name: 'out' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
    const x = tf.randomNormal([40, 4], 0, 1, 'float32', 3);
    const y = tf.randomNormal([40, 1], 0, 1, 'float32', 4);
    const cb = tensorBoard(logdir, { histogramFreq: 4, hparams: { note: 'compat' } });
    await model.fit(x, y, { epochs: 2, batchSize: 8, validationSplit: 0.2, callbacks: [cb], verbose: 0 });
    await cb.close();
    // A second run that goes non-finite: a NaN is written into hidden/kernel after batch 3.
    const model2 = tf.sequential({
      layers: [
        tf.layers.dense({ units: 5, activation: 'relu', inputShape: [4], name: 'hidden' }),
        tf.layers.dense({ units: 1, name: 'out' }),
      ],
    });
    model2.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
    const cb2 = tensorBoard(`${parent}/exp2`, { detect: { console: false }, postMortem: true });
    let batches = 0;
    const poison = new tf.CustomCallback({
      onBatchEnd: async () => {
        if (++batches !== 3) return;
        const [k, b] = model2.getLayer('hidden').getWeights();
        const bad = tf.tidy(() =>
          tf.where(tf.equal(tf.range(0, 20).reshape([4, 5]), 7), tf.scalar(Number.NaN), k!),
        );
        model2.getLayer('hidden').setWeights([bad, b!]);
        bad.dispose();
      },
    });
    await model2.fit(x, y, { epochs: 1, batchSize: 8, callbacks: [cb2, poison], verbose: 0 });
    await cb2.close();
    tf.dispose([x, y]);
    servers.push(
      ...(await startBothLoaders(parent, async (s) => {
        const sc = await s.get<Record<string, Record<string, unknown>>>('/data/plugin/scalars/tags');
        return Boolean(
          sc['exp1/train']?.['grad_norm/global'] &&
            sc['exp1/val']?.epoch_loss &&
            sc['exp2/train']?.['alerts/non_finite_grad'],
        );
      })),
    );
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  for (const loadFast of [true, false]) {
    const server = () => servers.find((s) => s.loadFast === loadFast)!;
    describe(loadFast ? 'RustBoard' : 'Python loader', () => {
      it('serves the gradient series at every step', async () => {
        const rows = await server().get<Array<[number, number, unknown]>>(
          '/data/plugin/scalars/scalars?run=exp1%2Ftrain&tag=grad_norm%2Fglobal',
        );
        expect(rows.map((r) => r[1])).toEqual(Array.from({ length: BATCHES }, (_, i) => i + 1));
        for (const r of rows) expect(num(r[2])).toBeGreaterThan(0);
        const tags = Object.keys(
          (await server().get<Record<string, Record<string, unknown>>>('/data/plugin/scalars/tags'))[
            'exp1/train'
          ]!,
        );
        for (const t of [
          'grad_norm/hidden',
          'grad_norm/out/kernel',
          'update_ratio/hidden',
          'weight_norm/global',
        ]) {
          expect(tags).toContain(t);
        }
      });

      it('serves gradient histograms whose counts cover every finite element', async () => {
        const rows = await server().get<Array<[number, number, number[][]]>>(
          '/data/plugin/histograms/histograms?run=exp1%2Ftrain&tag=grad_hist%2Fhidden%2Fkernel',
        );
        expect(rows.map((r) => r[1])).toEqual([1, 4, 8]); // every 4 steps, and the first (8 is the last)
        for (const r of rows) expect(r[2].reduce((a, b) => a + b[2]!, 0)).toBe(4 * 5);
      });

      it('evaluates the gradient-health layout regexes to the per-layer tags', async () => {
        const layout = await server().get<{ category: Array<{ title: string }> }>(
          '/data/plugin/custom_scalars/layout',
        );
        expect(layout.category.map((c) => c.title)).toEqual(['gradient health']);
        const res = await server().get<{ regex_valid: boolean; tag_to_events: Record<string, unknown[]> }>(
          `/data/plugin/custom_scalars/scalars?run=exp1%2Ftrain&tag=${encodeURIComponent('grad_norm/(?!global$)[^/]+$')}`,
        );
        expect(res.regex_valid).toBe(true);
        expect(Object.keys(res.tag_to_events).sort()).toEqual(['grad_norm/hidden', 'grad_norm/out']);
      });

      it('serves the alert series: 0 while healthy, 2 (error) from the first non-finite step', async () => {
        const rows = await server().get<Array<[number, number, unknown]>>(
          '/data/plugin/scalars/scalars?run=exp2%2Ftrain&tag=alerts%2Fnon_finite_grad',
        );
        // 40 samples / batch 8 = 5 steps; the NaN lands after step 3.
        expect(rows.map((r) => [r[1], num(r[2])])).toEqual([
          [1, 0],
          [2, 0],
          [3, 0],
          [4, 2],
          [5, 2],
        ]);
        const tags = Object.keys(
          (await server().get<Record<string, Record<string, unknown>>>('/data/plugin/scalars/tags'))[
            'exp2/train'
          ]!,
        );
        for (const rule of [
          'grad_spike',
          'loss_spike',
          'grad_growth',
          'vanishing',
          'update_ratio',
          'non_finite_loss',
        ]) {
          expect(tags).toContain(`alerts/${rule}`);
        }
        const chart = await server().get<{ regex_valid: boolean; tag_to_events: Record<string, unknown[]> }>(
          `/data/plugin/custom_scalars/scalars?run=exp2%2Ftrain&tag=${encodeURIComponent('alerts/')}`,
        );
        expect(chart.regex_valid).toBe(true);
        expect(Object.keys(chart.tag_to_events)).toContain('alerts/non_finite_grad');
      });

      it('renders the explanation of the alert, naming the layer, in the Text tab', async () => {
        const rows = await server().get<Array<{ step: number; text: string }>>(
          '/data/plugin/text/text?run=exp2%2Ftrain&tag=alerts%2Fexplanation',
        );
        expect(rows.map((r) => r.step)).toEqual([4]);
        const html = rows[0]!.text;
        expect(html).toContain('<h3>Non-finite gradients at step 4 (error)</h3>');
        expect(html).toContain('<code>hidden</code>');
        expect(html).toContain('<table>');
        expect(html).toContain('<strong>What to try.</strong>');
      });

      it('renders the post-mortem of the bad step, naming the direction and the layer, in the Text tab', async () => {
        const rows = await server().get<Array<{ step: number; text: string }>>(
          '/data/plugin/text/text?run=exp2%2Ftrain&tag=postmortem%2F4',
        );
        expect(rows.map((r) => r.step)).toEqual([4]);
        const html = rows[0]!.text;
        expect(html).toContain('<h3>Post-mortem of step 4</h3>');
        // The weights of hidden held the NaN before the update: the forward pass, at hidden.
        expect(html).toContain('<strong>forward</strong> pass, at layer <code>hidden</code>');
        expect(html).toContain('<table>');
      });

      it('serves the activation statistics as scalars', async () => {
        const rows = await server().get<Array<[number, number, unknown]>>(
          '/data/plugin/scalars/scalars?run=exp1%2Ftrain&tag=act%2Fhidden%2Fmean',
        );
        expect(rows[0]![1]).toBe(1);
        expect(Number.isFinite(num(rows[0]![2]))).toBe(true);
        const zeros = await server().get<Array<[number, number, unknown]>>(
          '/data/plugin/scalars/scalars?run=exp1%2Ftrain&tag=act%2Fhidden%2Fzero_fraction',
        );
        expect(num(zeros[0]![2])).toBeGreaterThanOrEqual(0);
      });

      it('shows the run in HParams with its configuration and train/val losses', async () => {
        const groups = {
          sessionGroups: await sessionGroups(server(), [
            { hparam: 'optimizer' },
            { metric: { tag: 'epoch_loss', group: 'train' } },
            { metric: { tag: 'epoch_loss', group: 'val' } },
          ]),
        };
        const names = groups.sessionGroups.map((g) => (g as unknown as { name: string }).name);
        expect(names.sort()).toEqual(['exp1', 'exp2']);
        const g = groups.sessionGroups.find((x) => (x as unknown as { name: string }).name === 'exp1')!;
        expect(g.hparams).toMatchObject({ optimizer: 'Adam', batch_size: 8, epochs: 2, note: 'compat' });
        expect(g.hparams.learning_rate).toBeCloseTo(0.01, 7);
        const metrics = Object.fromEntries(
          g.metricValues.map((m) => [`${m.name.group}/${m.name.tag}`, m.value]),
        );
        expect(Object.keys(metrics).sort()).toEqual(['train/epoch_loss', 'val/epoch_loss']);
      });
    });
  }
});
