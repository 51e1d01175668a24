/**
 * Does TensorBoard render what gradwatch writes? Trains the exploding-RNN example into a temporary
 * logdir, serves it with real TensorBoard on 127.0.0.1, opens the dashboards in headless Chromium
 * (Debian's /usr/bin/chromium driven by playwright-core; no browser download) and checks that the
 * gradient histograms, the norm and alert charts, the "gradient health" dashboard and an alert's
 * explanation are on the page. Screenshots go to $GRADWATCH_SCREENSHOTS (default: a temp dir);
 * `npm run screenshots` writes them to docs/screenshots for the README.
 *
 * Under CI=true a missing Chromium or TensorBoard is a failure, never a skip.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPO,
  startTensorBoard,
  type TensorBoardServer,
  tensorboardAvailable,
} from '../compat/tensorboard.js';
import { tempDir } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function chromiumAvailable(): boolean {
  const ok = existsSync(CHROMIUM);
  if (!ok && process.env.CI === 'true') {
    throw new Error(
      `Chromium is required under CI=true but ${CHROMIUM} is missing (apt-get install chromium)`,
    );
  }
  return ok;
}

const available = tensorboardAvailable() && chromiumAvailable();
const shots = process.env.GRADWATCH_SCREENSHOTS ?? tempDir('gradwatch-shots-');

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
});
