/**
 * `npm run bench:browser`: what gradwatch costs training in a web page, and what it adds to a page's
 * bundle.
 *
 * - Overhead: the example page (examples/browser, bundled by esbuild from the built package) in
 *   headless Chromium (/usr/bin/chromium) trains the Dense 20-64-64-1 model (batch 32, Adam) on webgl
 *   (SwiftShader, software GL) and wasm, unwatched and with the callback (defaults, updateFreq
 *   'batch', sending to the collector that serves the page), in pairs whose order alternates. The
 *   ratio is taken within a pair; the table gives its median and interquartile range. Only wall time
 *   (a page has no process CPU clock), and the page's synchronous backend reads per step.
 * - Bundle: `import { tensorBoard, collector } from 'gradwatch'` and the whole browser entry, bundled
 *   and minified by esbuild with tfjs left out (the page has its own), raw and gzipped.
 *
 *   npm run bench:browser -- [--pairs 9] [--epochs 4] [--backends webgl,wasm] [--configs batch,epoch]
 *   (more configurations: storage, nodetect, noact, bare: see CONFIGS)
 * Results: bench/out/browser.{md,json}.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '9' },
    epochs: { type: 'string', default: '4' },
    backends: { type: 'string', default: 'webgl,wasm' },
    configs: { type: 'string', default: 'batch,epoch' },
    sizes: { type: 'string', default: 'tabular,mlp' },
  },
});
/** Callback configurations (tensorBoard options over the page's: updateFreq 'batch', the collector). */
const CONFIGS = {
  batch: { to: 'collector', callback: {} },
  epoch: { to: 'collector', callback: { updateFreq: 'epoch' } },
  storage: { to: 'storage', callback: {} },
  nodetect: { to: 'collector', callback: { detect: false } },
  noact: { to: 'collector', callback: { activationFreq: 0 } },
  bare: {
    to: 'collector',
    callback: { updateFreq: 'epoch', detect: false, activationFreq: 0, statsFreq: 1000000, histogramFreq: 0 },
  },
};
const pairs = Number(values.pairs);
const epochs = Number(values.epochs);

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
};
const f = (x, d = 3) => x.toFixed(d);

// The page, built as a user's bundler sees the package (builds dist/ first if it is stale).
const site = join(OUT, 'browser-site');
execFileSync(process.execPath, [join(ROOT, 'examples/browser/build.mjs'), site], { stdio: 'inherit' });
const { startCollector } = await import(join(ROOT, 'dist/esm/index.js'));

async function bundleSize(contents) {
  const r = await esbuild.build({
    stdin: { contents, resolveDir: join(ROOT, 'examples/browser'), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    tsconfigRaw: {},
    external: ['@tensorflow/*'],
    logLevel: 'error',
  });
  const bytes = r.outputFiles[0].contents;
  return { minified: bytes.length, gzip: gzipSync(bytes).length };
}
const bundles = {
  'tensorBoard + collector': await bundleSize("export { tensorBoard, collector } from 'gradwatch';"),
  'the whole browser entry': await bundleSize("export * from 'gradwatch';"),
};

const logdir = join(OUT, 'browser-runs');
const collector = await startCollector({ logdir, port: 0, staticDir: site, log: () => {} });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const rows = [];
try {
  const page = await browser.newPage();
  await page.goto(`${collector.url}/index.html`);
  await page.waitForFunction(() => 'gradwatchDemo' in globalThis);
  /** Batch size per model: the sizes bench/models.mjs uses in Node. */
  const BATCH = { tabular: 32, mlp: 128 };
  let size = 'tabular';
  const train = (backend, to, run, callback = {}) =>
    page.evaluate(
      (a) =>
        globalThis.gradwatchDemo.train(a[0], a[1], a[2], {
          epochs: a[3],
          histogramFreq: 'auto',
          callback: a[4],
          size: a[5],
          batchSize: a[6],
        }),
      [backend, to, run, epochs, callback, size, BATCH[size]],
    );
  for (const backend of values.backends.split(','))
    for (const sz of values.sizes.split(',')) {
      size = sz;
      for (const name of values.configs.split(',')) {
        const config = CONFIGS[name];
        if (!config)
          throw new Error(`unknown configuration ${name} (known: ${Object.keys(CONFIGS).join(', ')})`);
        const watchedFit = (i) => train(backend, config.to, `bench/${backend}/${name}/${i}`, config.callback);
        // Warm-up: shader compilation (webgl) and first-use costs of both configurations.
        await train(backend, 'none', 'warmup');
        await watchedFit('warmup');
        const ratios = [];
        const plain = [];
        const watched = [];
        let reads = { plain: 0, watched: 0 };
        for (let i = 0; i < pairs; i++) {
          const watchedFirst = i % 2 === 1;
          const a = watchedFirst ? await watchedFit(i) : await train(backend, 'none', 'plain');
          const b = watchedFirst ? await train(backend, 'none', 'plain') : await watchedFit(i);
          const [p, w] = watchedFirst ? [b, a] : [a, b];
          ratios.push(w.ms / p.ms);
          plain.push(p.ms / p.steps);
          watched.push(w.ms / w.steps);
          reads = { plain: p.syncReadsPerStep, watched: w.syncReadsPerStep };
        }
        rows.push({
          backend,
          size,
          config: name,
          steps: epochs * Math.ceil(512 / BATCH[size]),
          plainMsPerStep: quantile(plain, 0.5),
          watchedMsPerStep: quantile(watched, 0.5),
          ratio: quantile(ratios, 0.5),
          q1: quantile(ratios, 0.25),
          q3: quantile(ratios, 0.75),
          syncReadsPerStep: reads,
        });
        console.log(JSON.stringify(rows.at(-1)));
      }
    }
} finally {
  await browser.close();
  await collector.close();
}

const md = [
  `Training in headless Chromium (${pairs} alternating pairs of fits of ${epochs} epochs over 512 rows; tabular: Dense 20-64-64-1, batch 32; mlp: Dense 784-256-256-1, batch 128; Adam; gradwatch's defaults, sending to the collector; batch: updateFreq 'batch', epoch: updateFreq 'epoch'):`,
  '',
  '| backend | model | configuration | plain ms/step | watched ms/step | wall ratio, median [IQR] | synchronous reads per step, plain → watched |',
  '|---|---|---|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.backend} | ${r.size} | ${r.config} | ${f(r.plainMsPerStep, 2)} | ${f(r.watchedMsPerStep, 2)} | ${f(r.ratio)}x [${f(r.q1)}-${f(r.q3)}] | ${r.syncReadsPerStep.plain} → ${r.syncReadsPerStep.watched} |`,
  ),
  '',
  'Bundle added to a page (esbuild, minified, tfjs external):',
  '',
  '| import | minified | gzip |',
  '|---|---:|---:|',
  ...Object.entries(bundles).map(
    ([k, v]) => `| ${k} | ${(v.minified / 1024).toFixed(0)} KiB | ${(v.gzip / 1024).toFixed(0)} KiB |`,
  ),
].join('\n');
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'browser.md'), `${md}\n`);
writeFileSync(join(OUT, 'browser.json'), `${JSON.stringify({ rows, bundles }, null, 1)}\n`);
console.log(`\n${md}`);
