/**
 * Training in a web page (issue 16): the example page (examples/browser), bundled by esbuild as a
 * user's bundler sees gradwatch (the "browser" export condition, nothing from node:*), trains in
 * headless Chromium on webgl (SwiftShader) and wasm with the callback and sends its run to the
 * collector (`startCollector`, the code behind `gradwatch serve`) that served the page. Real
 * TensorBoard (both loaders) then shows the page's losses exactly as tfjs reported them, gradient
 * norms at every step, gradient histograms and alerts. The watch makes no synchronous read in the
 * page. The browser-storage path: the run kept in OPFS, download() gives a zip whose extracted
 * logdir TensorBoard reads the same way.
 *
 * Under CI=true a missing Chromium or TensorBoard is a failure, never a skip.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, startCollector } from '../../src/collector/index.js';
import {
  num,
  REPO,
  startBothLoaders,
  type TensorBoardServer,
  tensorboardAvailable,
} from '../compat/tensorboard.js';
import { tempDir } from '../helpers.js';
import { CHROMIUM, chromiumAvailable } from './chromium.js';

const available = tensorboardAvailable() && chromiumAvailable();

interface Result {
  backend: string;
  steps: number;
  ms: number;
  syncReadsPerStep: number;
  loss: number;
  batchLosses: number[];
}

type Train = (
  backend: string,
  to: 'collector' | 'storage' | 'none',
  run: string,
  options?: { epochs?: number; learningRate?: number; callback?: Record<string, unknown> },
) => Promise<Result>;

function train(page: Page, ...args: Parameters<Train>): Promise<Result> {
  return page.evaluate(
    (a) => (globalThis as unknown as { gradwatchDemo: { train: Train } }).gradwatchDemo.train(...a),
    args,
  );
}

type Scalars = Array<[number, number, unknown]>;
const scalars = (tb: TensorBoardServer, run: string, tag: string) =>
  tb.get<Scalars>(
    `/data/plugin/scalars/scalars?run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}`,
  );
const tagsOf = async (tb: TensorBoardServer, plugin: string, run: string) =>
  Object.keys(
    (await tb.get<Record<string, Record<string, unknown>>>(`/data/plugin/${plugin}/tags`))[run] ?? {},
  );

/** The same checks as for Node: loss as tfjs reported it, gradient norms every step, histograms, alerts. */
async function checkRun(tb: TensorBoardServer, run: string, r: Result): Promise<void> {
  const loss = await scalars(tb, run, 'batch_loss');
  expect(loss.map((p) => p[1])).toEqual(r.batchLosses.map((_, i) => i + 1));
  loss.forEach((p, i) => {
    expect(num(p[2])).toBeCloseTo(r.batchLosses[i]!, 5);
  });
  const norm = await scalars(tb, run, 'grad_norm/global');
  expect(norm.map((p) => p[1])).toEqual(r.batchLosses.map((_, i) => i + 1));
  for (const p of norm) expect(num(p[2])).toBeGreaterThan(0);
  const hist = await tagsOf(tb, 'histograms', run);
  expect(hist.some((t) => t.startsWith('grad_hist/'))).toBe(true);
}

const shots = process.env.GRADWATCH_SCREENSHOTS ?? tempDir('gradwatch-shots-');

/** The page runs in TensorBoard's Scalars dashboard, for the README (`npm run screenshots`). */
async function screenshot(tb: TensorBoardServer): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(
      `${tb.url}/#scalars&tagFilter=%5E(batch_loss%7Cgrad_norm%2Fglobal)%24&regexInput=page%2F(webgl%7Cwasm)`,
    );
    await page
      .getByText('grad_norm/global', { exact: true })
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({
      path: join(shots, 'browser-run.png'),
      clip: { x: 0, y: 0, width: 1100, height: 640 },
    });
  } finally {
    await browser.close();
  }
}

describe.skipIf(!available)('training in a web page, its run in TensorBoard', () => {
  let browser: Browser;
  let page: Page;
  let collector: Collector;
  const site = tempDir('gradwatch-site-');
  const logdir = tempDir('gradwatch-page-runs-');
  const downloaded = tempDir('gradwatch-downloaded-');
  const results = new Map<string, Result>();

  beforeAll(async () => {
    execFileSync(process.execPath, [join(REPO, 'examples/browser/build.mjs'), site], { stdio: 'inherit' });
    collector = await startCollector({ logdir, port: 0, staticDir: site, log: () => {} });
    browser = await chromium.launch({ executablePath: CHROMIUM });
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`page: ${m.text()}`);
    });
    await page.goto(`${collector.url}/index.html`);
    await page.waitForFunction(() => 'gradwatchDemo' in globalThis);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await collector?.close();
  });

  for (const backend of ['webgl', 'wasm']) {
    it(`trains on ${backend}, sends to the collector, with no synchronous read`, async () => {
      const plain = await train(page, backend, 'none', 'unused');
      const r = await train(page, backend, 'collector', `page/${backend}`);
      expect(r.backend).toBe(backend);
      expect(r.batchLosses).toHaveLength(32);
      // On a GPU backend a synchronous read stalls the pipeline: the watch adds none to what tfjs'
      // own fit reads. (On wasm every read is a copy from the module's memory, synchronous even
      // behind tfjs' data(); reading them in the step is the cheap way there, as in Node.)
      if (backend === 'webgl') expect(r.syncReadsPerStep).toBe(plain.syncReadsPerStep);
      results.set(`page/${backend}/train`, r);
      console.log(
        `${backend}: plain fit ${plain.ms.toFixed(0)} ms, watched ${r.ms.toFixed(0)} ms (32 steps; first runs include shader compilation), sync reads per step ${r.syncReadsPerStep} (plain ${plain.syncReadsPerStep})`,
      );
    }, 180_000);
  }

  it('runs the in-step gate only when asked for (a skip action), and watchOptimizer in a custom loop', async () => {
    const gated = await train(page, 'webgl', 'collector', 'page/gated', {
      callback: { detect: { actions: { grad_spike: 'skip', non_finite_grad: 'skip' } } },
    });
    // The gate decides before the update: one synchronous read of the step's sums per step.
    expect(gated.syncReadsPerStep).toBeGreaterThan(0);
    expect(gated.batchLosses).toHaveLength(32);
    const losses = await page.evaluate(() =>
      (
        globalThis as unknown as { gradwatchDemo: { customLoop(b: string, r: string): Promise<number[]> } }
      ).gradwatchDemo.customLoop('webgl', 'page/loop'),
    );
    expect(losses).toHaveLength(20);
    results.set('page/loop', {
      backend: 'webgl',
      steps: 20,
      ms: 0,
      syncReadsPerStep: 0,
      loss: losses.at(-1)!,
      batchLosses: losses,
    });
  }, 120_000);

  it('trains with a learning rate that explodes: alerts reach the collector', async () => {
    const r = await train(page, 'wasm', 'collector', 'page/exploding', { epochs: 1, learningRate: 1e4 });
    results.set('page/exploding/train', r);
  }, 120_000);

  it('keeps a run in browser storage; download() saves a zip of the logdir', async () => {
    const r = await train(page, 'wasm', 'storage', 'kept/wasm');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(() =>
        (globalThis as unknown as { gradwatchDemo: { download(): Promise<void> } }).gradwatchDemo.download(),
      ),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gradwatch-logdir-.*\.zip$/);
    const zip = join(downloaded, 'logdir.zip');
    await download.saveAs(zip);
    const files = unzipSync(new Uint8Array(readFileSync(zip)));
    const names = Object.keys(files);
    expect(
      names.some((n) => /^kept\/wasm\/train\/events\.out\.tfevents\.\d{10}\.browser\.\d+\.\d{6}$/.test(n)),
    ).toBe(true);
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(downloaded, 'logdir', name)), { recursive: true });
      writeFileSync(join(downloaded, 'logdir', name), bytes);
    }
    results.set('kept/wasm/train', r);
  }, 120_000);

  it('TensorBoard (both loaders) shows the page runs and the downloaded logdir', async () => {
    for (const [dir, runs] of [
      [logdir, ['page/webgl/train', 'page/wasm/train', 'page/exploding/train', 'page/loop']],
      [join(downloaded, 'logdir'), ['kept/wasm/train']],
    ] as const) {
      const servers = await startBothLoaders(dir, async (s) => {
        const listed = await s.get<string[]>('/data/runs');
        return runs.every((r) => listed.includes(r));
      });
      try {
        if (dir === logdir) await screenshot(servers[0]!);
        for (const tb of servers) {
          for (const run of runs) {
            const r = results.get(run);
            expect(r, run).toBeDefined();
            if (run === 'page/loop') {
              // watchOptimizer's run: the gradient norm of each of the loop's 20 steps.
              const norm = await scalars(tb, run, 'grad_norm/global');
              expect(norm.map((p) => p[1])).toEqual(r!.batchLosses.map((_, i) => i + 1));
              for (const p of norm) expect(num(p[2])).toBeGreaterThan(0);
            } else if (run === 'page/exploding/train') {
              const alerts = (await tagsOf(tb, 'scalars', run)).filter((t) => t.startsWith('alerts/'));
              expect(alerts.length, `alerts in ${run} (load_fast=${tb.loadFast})`).toBeGreaterThan(0);
            } else {
              await checkRun(tb, run, r!);
            }
          }
        }
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    }
  }, 240_000);
});
