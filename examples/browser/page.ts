/**
 * The example page: trains a small model on the chosen backend with gradwatch's callback, sending
 * the run to the collector that served the page (same origin: no token needed), or keeping it in
 * browser storage for download(). `npm run example:browser` builds it and starts the collector.
 * The browser test (tests/browser/page-training.test.ts) drives the same page through `window.gradwatchDemo`.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { browserStorage, collector, download, tensorBoard } from 'gradwatch';

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

/** A Dense 20-64-64-1 regression, batch 32: the size the overhead figures use. */
function data(rows: number) {
  const x = tf.randomNormal([rows, 20], 0, 1, 'float32', 1);
  const w = tf.randomNormal([20, 1], 0, 1, 'float32', 2);
  const y = tf.matMul(x, w);
  w.dispose();
  return { x, y };
}

function model(learningRate: number): tf.LayersModel {
  const m = tf.sequential();
  m.add(
    tf.layers.dense({
      units: 64,
      activation: 'relu',
      inputShape: [20],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }),
    }),
  );
  m.add(
    tf.layers.dense({
      units: 64,
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
    }),
  );
  m.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) }));
  m.compile({ optimizer: tf.train.adam(learningRate), loss: 'meanSquaredError' });
  return m;
}

/**
 * Trains for `epochs` over 512 rows (16 steps each). `to`: 'collector' (the page's origin),
 * 'storage' (browser storage), or 'none' (no callback: the baseline for the overhead).
 */
async function train(
  backendName: string,
  to: 'collector' | 'storage' | 'none',
  run: string,
  { epochs = 2, learningRate = 0.01 } = {},
): Promise<Result> {
  await useBackend(backendName);
  const m = model(learningRate);
  const batchLosses: number[] = [];
  const record = new tf.CustomCallback({
    onBatchEnd: async (_batch, logs) => {
      batchLosses.push(logs?.loss ?? Number.NaN);
    },
  });
  const { x, y } = data(512);
  const callbacks =
    to === 'none'
      ? []
      : [
          tensorBoard(run, {
            updateFreq: 'batch',
            histogramFreq: 8,
            destination: to === 'collector' ? collector(location.origin) : browserStorage(),
          }),
        ];
  const reads = countSyncReads();
  const t0 = performance.now();
  const h = await m.fit(x, y, {
    epochs,
    batchSize: 32,
    shuffle: false,
    verbose: 0,
    callbacks: [...callbacks, record],
  });
  const ms = performance.now() - t0;
  reads.restore();
  for (const cb of callbacks) await cb.close();
  const steps = epochs * 16;
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
  download,
  archive: () => browserStorage().archive(),
};
