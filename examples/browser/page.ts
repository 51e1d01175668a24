/**
 * The example page: trains a small model on the chosen backend with gradwatch's callback, sending
 * the run to the collector that served the page (same origin: no token needed), or keeping it in
 * browser storage for download(). `npm run example:browser` builds it and starts the collector.
 * The browser tests (tests/browser/page-training.test.ts, page-close.test.ts) drive the same page
 * through `window.gradwatchDemo`.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { browserStorage, collector, download, tensorBoard, watchOptimizer } from 'gradwatch';

interface Result {
  backend: string;
  steps: number;
  ms: number;
  /** Synchronous reads from the backend (readSync) during the fit, per step. */
  syncReadsPerStep: number;
  loss: number;
  /** The loss tfjs reported after each batch, for comparing with what TensorBoard shows. */
  batchLosses: number[];
}

/** Options of `train` beyond the defaults the page's buttons use. */
interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  /** Rows per batch (32 when absent); the data set has 512 rows. */
  batchSize?: number;
  /** The callback's flushMillis (gradwatch's default when absent). */
  flushMillis?: number;
  /** The callback's histogramFreq (8 when absent; 'auto' is gradwatch's default). */
  histogramFreq?: number | 'auto';
  /**
   * Reports progress for a test that closes or kills the page mid-fit: a console line
   * `gradwatch-step <steps> <Date.now()>` after every batch, and `gradwatch-pagehide <steps> <Date.now()>`
   * when the page goes away (`gradwatchDemo.progress` is kept up to date either way).
   */
  progress?: boolean;
  /** 'tabular' (Dense 20-64-64-1, the default) or 'mlp' (Dense 784-256-256-1). */
  size?: Size;
  /** More options for tensorBoard() (a benchmark's configurations). */
  callback?: Record<string, unknown>;
}

/** Batches completed by the latest fit and when the last one ended (Date.now()). */
const progress = { steps: 0, at: 0, reporting: false };
addEventListener('pagehide', () => {
  if (progress.reporting) console.log(`gradwatch-pagehide ${progress.steps} ${Date.now()}`);
});

const log = (line: string) => {
  const el = document.getElementById('log');
  if (el) el.textContent += `\n${line}`;
};

async function useBackend(name: string): Promise<void> {
  if (name === 'wasm') setWasmPaths(new URL('./', location.href).href);
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} is not available here`);
  await tf.ready();
}

/** Counts the backend's synchronous reads (each one stalls a GPU pipeline). */
function countSyncReads(): { count: () => number; restore: () => void } {
  const backend = tf.backend() as unknown as { readSync(id: unknown): unknown };
  const original = backend.readSync;
  let n = 0;
  backend.readSync = function (this: unknown, id: unknown) {
    n++;
    return original.call(this, id);
  };
  return { count: () => n, restore: () => (backend.readSync = original) };
}

const ROWS = 512;

/** The models the page trains: a small tabular regression, and a wider MLP (the benchmark's two sizes). */
const SIZES = {
  tabular: { inputs: 20, hidden: 64 },
  mlp: { inputs: 784, hidden: 256 },
} as const;
type Size = keyof typeof SIZES;

/** A linear target over `inputs` random features. */
function data(rows: number, inputs: number) {
  const x = tf.randomNormal([rows, inputs], 0, 1, 'float32', 1);
  const w = tf.randomNormal([inputs, 1], 0, 1 / Math.sqrt(inputs / 20), 'float32', 2);
  const y = tf.matMul(x, w);
  w.dispose();
  return { x, y };
}

/** Dense inputs-hidden-hidden-1 (ReLU), Adam. */
function model(learningRate: number, size: Size): tf.LayersModel {
  const { inputs, hidden } = SIZES[size];
  const m = tf.sequential();
  m.add(
    tf.layers.dense({
      units: hidden,
      activation: 'relu',
      inputShape: [inputs],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }),
    }),
  );
  m.add(
    tf.layers.dense({
      units: hidden,
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
    }),
  );
  m.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) }));
  m.compile({ optimizer: tf.train.adam(learningRate), loss: 'meanSquaredError' });
  return m;
}

/**
 * Trains for `epochs` over 512 rows (16 steps each with the default batch size). `to`: 'collector' (the page's origin),
 * 'storage' (browser storage), or 'none' (no callback: the baseline for the overhead).
 */
async function train(
  backendName: string,
  to: 'collector' | 'storage' | 'none',
  run: string,
  {
    epochs = 2,
    learningRate = 0.01,
    batchSize = 32,
    flushMillis,
    histogramFreq = 8,
    progress: report = false,
    callback = {},
    size = 'tabular',
  }: TrainOptions = {},
): Promise<Result> {
  await useBackend(backendName);
  const m = model(learningRate, size);
  const batchLosses: number[] = [];
  progress.steps = 0;
  progress.at = 0;
  progress.reporting = report;
  // Listed after the watch: when it runs, the watch has handed this batch's records to its writer.
  const record = new tf.CustomCallback({
    onBatchEnd: async (_batch, logs) => {
      batchLosses.push(logs?.loss ?? Number.NaN);
      progress.steps++;
      progress.at = Date.now();
      if (report) console.log(`gradwatch-step ${progress.steps} ${progress.at}`);
    },
  });
  const { x, y } = data(ROWS, SIZES[size].inputs);
  const callbacks =
    to === 'none'
      ? []
      : [
          tensorBoard(run, {
            updateFreq: 'batch',
            histogramFreq,
            ...(flushMillis === undefined ? {} : { flushMillis }),
            destination: to === 'collector' ? collector(location.origin) : browserStorage(),
            ...callback,
          }),
        ];
  const reads = countSyncReads();
  const t0 = performance.now();
  const h = await m.fit(x, y, {
    epochs,
    batchSize,
    shuffle: false,
    verbose: 0,
    callbacks: [...callbacks, record],
  });
  const ms = performance.now() - t0;
  reads.restore();
  for (const cb of callbacks) await cb.close();
  const steps = epochs * Math.ceil(ROWS / batchSize);
  tf.dispose([x, y]);
  m.dispose();
  const loss = (h.history.loss as number[]).at(-1) ?? Number.NaN;
  const result = {
    backend: backendName,
    steps,
    ms,
    syncReadsPerStep: reads.count() / steps,
    loss,
    batchLosses,
  };
  log(
    `${to} ${run} on ${backendName}: ${steps} steps in ${ms.toFixed(0)} ms, loss ${loss.toFixed(4)}, ${result.syncReadsPerStep} synchronous reads per step`,
  );
  return result;
}

/**
 * A custom training loop (optimizer.minimize) watched with watchOptimizer, sent to the collector:
 * a linear regression for `steps` steps. Returns the losses it computed.
 */
async function customLoop(backendName: string, run: string, steps = 20): Promise<number[]> {
  await useBackend(backendName);
  const w = tf.variable(tf.zeros([4, 1]), true, 'loop/w');
  const x = tf.randomNormal([64, 4], 0, 1, 'float32', 7);
  const y = tf.matMul(x, tf.tensor2d([[1], [-2], [3], [0.5]]));
  const optimizer = tf.train.sgd(0.05);
  const unwatch = watchOptimizer(optimizer, { logdir: run, destination: collector(location.origin) });
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(y, tf.matMul(x, w)), true);
    losses.push((await loss!.data())[0]!);
    loss!.dispose();
  }
  await unwatch();
  tf.dispose([w, x, y]);
  return losses;
}

const backendSelect = () => (document.getElementById('backend') as HTMLSelectElement).value;
document
  .getElementById('train')
  ?.addEventListener('click', () => void train(backendSelect(), 'collector', `page/${backendSelect()}`));
document
  .getElementById('keep')
  ?.addEventListener('click', () => void train(backendSelect(), 'storage', `page/${backendSelect()}`));
document.getElementById('download')?.addEventListener('click', () => void download());

(window as unknown as { gradwatchDemo: unknown }).gradwatchDemo = {
  train,
  customLoop,
  download,
  archive: () => browserStorage().archive(),
  /** Batches completed by the latest fit, and when the last one ended. */
  progress: () => ({ steps: progress.steps, at: progress.at }),
};
