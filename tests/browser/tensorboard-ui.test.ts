/**
 * Does TensorBoard render what gradwatch writes? Trains the exploding-RNN example into a temporary
 * logdir, serves it with real TensorBoard on 127.0.0.1, opens the dashboards in headless Chromium
 * (Debian's /usr/bin/chromium driven by playwright-core; no browser download) and checks that the
 * gradient histograms, the norm and alert charts, the "gradient health" dashboard and an alert's
 * explanation are on the page; then trains a small model whose custom layer overflows at step 3
 * into the same logdir and checks that the post-mortem of that step renders as a table in the Text
 * tab, naming the layer. Screenshots go to $GRADWATCH_SCREENSHOTS (default: a temp dir);
 * `npm run screenshots` writes them to docs/screenshots for the README.
 *
 * Under CI=true a missing Chromium or TensorBoard is a failure, never a skip.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tensorBoard } from '../../src/index.js';
import {
  REPO,
  startTensorBoard,
  type TensorBoardServer,
  tensorboardAvailable,
} from '../compat/tensorboard.js';
import { tempDir } from '../helpers.js';
import { CHROMIUM, chromiumAvailable } from './chromium.js';

const available = tensorboardAvailable() && chromiumAvailable();
const shots = process.env.GRADWATCH_SCREENSHOTS ?? tempDir('gradwatch-shots-');

/** A custom layer with a bug: it multiplies its input by `factor`, 1e39 (Infinity in float32) at one step. */
class Scale extends tf.layers.Layer {
  static className = 'GradwatchScreenshotScale';
  factor = 1;
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0]! : inputs, this.factor));
  }
  override computeOutputShape(shape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return shape;
  }
}

/**
 * Trains a 4-layer model on the cpu backend (fixed seeds and data) into `dir` with tensorBoard(), as
 * a user would: the custom layer `boom` overflows at step 3, the non-finite gradient and loss are
 * skipped by the detector's actions, and the default postMortem ('auto') replays that step.
 */
async function trainWithOverflow(dir: string): Promise<void> {
  await tf.setBackend('cpu');
  const boom = new Scale({ name: 'boom' });
  const model = tf.sequential();
  const dense = (units: number, seed: number, extra: object = {}) =>
    tf.layers.dense({ units, kernelInitializer: tf.initializers.glorotUniform({ seed }), ...extra });
  model.add(dense(8, 1, { inputShape: [4], activation: 'tanh', name: 'h1' }));
  model.add(boom);
  model.add(dense(8, 2, { activation: 'relu', name: 'h2' }));
  model.add(dense(1, 3, { name: 'head' }));
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
  const x = tf.tensor2d(
    Array.from({ length: 32 * 4 }, (_, i) => Math.sin(i * 0.37)),
    [32, 4],
  );
  const y = tf.tensor2d(
    Array.from({ length: 32 }, (_, i) => 0.5 + 0.4 * Math.cos(i)),
    [32, 1],
  );
  const cb = tensorBoard(dir, { detect: { actions: { non_finite_grad: 'skip', non_finite_loss: 'skip' } } });
  let step = 0;
  await model.fit(x, y, {
    epochs: 2,
    batchSize: 8,
    shuffle: false,
    verbose: 0,
    callbacks: [
      cb,
      new tf.CustomCallback({
        onBatchBegin: async () => {
          boom.factor = ++step === 3 ? 1e39 : 1;
        },
      }),
    ],
  });
  await cb.close();
  tf.dispose([x, y]);
  model.dispose();
}

describe.skipIf(!available)('TensorBoard renders what gradwatch writes (headless Chromium)', () => {
  const logdir = tempDir('gradwatch-ui-');
  let server: TensorBoardServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(REPO, 'examples/exploding-rnn.ts'), logdir],
      {
        cwd: REPO,
        maxBuffer: 16 << 20,
      },
    );
    server = await startTensorBoard(logdir, true);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens a dashboard and waits until `text` is on the page (Playwright's text search pierces shadow DOM). */
  async function open(dashboard: string, text: string | RegExp): Promise<void> {
    await page.goto(`${server.url}/#${dashboard}`);
    await visible(text).waitFor({ timeout: 30_000 });
  }

  /** The first visible element with this text (other dashboards keep hidden copies in the page). */
  function visible(text: string | RegExp, exact = false) {
    return page.getByText(text, { exact }).filter({ visible: true }).first();
  }

  it('draws the gradient histograms', async () => {
    await open('histograms', 'grad_hist/rnn/kernel');
    await visible('grad_hist/rnn/kernel').scrollIntoViewIfNeeded();
    // One histogram card per run and tag, each an SVG with drawn paths.
    const drawn = await page
      .locator('tf-histogram-loader svg path, vz-histogram-timeseries svg path')
      .count();
    expect(drawn).toBeGreaterThan(10);
    await page.screenshot({ path: join(shots, 'histograms.png') });
  }, 60_000);

  it('shows the "gradient health" dashboard with the norm and alert charts', async () => {
    await open('custom_scalars', 'gradient health');
    for (const title of [
      'global gradient norm',
      'gradient norm per layer',
      'alerts (0 quiet, 1 warning, 2 error)',
    ]) {
      await visible(title, true).waitFor({ timeout: 30_000 });
    }
    await page.screenshot({ path: join(shots, 'gradient-health.png') });
  }, 60_000);

  it('charts the alert series among the scalars', async () => {
    // The Scalars dashboard takes its tag filter from the URL.
    await open(
      'scalars&tagFilter=%5Ealerts%2F(grad_spike%7Cgrad_growth%7Closs_spike%7Cnon_finite_grad)%24',
      'alerts/grad_spike',
    );
    for (const tag of ['alerts/grad_growth', 'alerts/loss_spike', 'alerts/non_finite_grad']) {
      await visible(tag, true).waitFor({ timeout: 30_000 });
    }
    const lines = await page.locator('vz-line-chart2 svg path, vz-line-chart2 canvas').count();
    expect(lines).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'alerts.png') });
  }, 60_000);

  it("renders an alert's explanation, naming the layer", async () => {
    await open('text', /Gradient norm spike at step \d+/);
    await visible(/Gradient norm spike at step \d+/).scrollIntoViewIfNeeded();
    await visible('What to try.').waitFor({ timeout: 10_000 });
    await visible(/^Where\./).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(shots, 'alert-explanation.png') });
  }, 60_000);

  it('renders the post-mortem of the bad step as a table naming the layer', async () => {
    // Trained now, not in beforeAll: the screenshots above show the exploding-RNN runs only.
    await trainWithOverflow(join(logdir, 'custom-layer'));
    const verdict =
      /The damage was created in the forward pass, at layer boom: its input is finite \(max \|a\| [\d.]+\) but \d+ of its output values are NaN or infinite\./;
    // Wide enough for the table's nine columns not to break the layer names (the README scales it down).
    await page.setViewportSize({ width: 1600, height: 1000 });
    try {
      // TensorBoard rereads the logdir every second; load the page until the new run's text is there
      // (through about:blank: on #text already, goto would not reload).
      for (let attempt = 0; ; attempt++) {
        await page.goto('about:blank');
        await page.goto(`${server.url}/#text`);
        try {
          await visible(/^Post-mortem of step 3$/).waitFor({ timeout: 10_000 });
          break;
        } catch (err) {
          if (attempt === 5) throw err;
        }
      }
      const card = page
        .locator('tf-text-loader')
        .filter({ hasText: 'postmortem/3' })
        .filter({ visible: true })
        .first();
      await card.scrollIntoViewIfNeeded();
      await card.getByText(verdict).waitFor({ timeout: 10_000 });
      // One row per layer in forward order, after the header.
      const rows = card.locator('table tr');
      expect(await rows.count()).toBe(5);
      const column = async (n: number) =>
        (await card.locator(`table tr td:nth-child(${n})`).allInnerTexts()).map((t) => t.trim());
      expect(await column(2)).toEqual(['h1', 'boom', 'h2', 'head']);
      // Non-finite outputs: none out of h1, the first ones out of boom.
      const nonFinite = (await column(5)).map(Number);
      expect(nonFinite[0]).toBe(0);
      expect(nonFinite[1]).toBeGreaterThan(0);
      await card.screenshot({ path: join(shots, 'postmortem.png') });
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  }, 120_000);
});
