/**
 * `npm run bench:overhead`: wall time of model.fit watched by gradwatch over unwatched, for reference
 * models on the cpu and wasm backends. Each round runs every configuration (unwatched, the watch alone,
 * defaults with the detector, with clipping, with the detector's in-step gate, histograms every step)
 * back to back, in an order rotated from round to round; the table
 * gives the median over rounds of each round's watched/unwatched ratio, with the range.
 *
 *   npm run bench:overhead -- [--rounds 7] [--backends cpu,wasm] [--models mlp,lstm,cnn] [--batches 8]
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type TensorBoardOptions, tensorBoard } from '../src/index.js';
import { fmt, median, ROOT } from './lib.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    backends: { type: 'string', default: 'cpu,wasm' },
    models: { type: 'string', default: 'mlp,lstm,cnn' },
    batches: { type: 'string', default: '8' },
  },
});
const rounds = Number(values.rounds);
const batches = Number(values.batches);

interface Case {
  name: string;
  build(): tf.LayersModel;
  data(n: number): { x: tf.Tensor; y: tf.Tensor };
  batchSize: number;
  wasm: boolean;
}

const CASES: Record<string, Case> = {
  mlp: {
    name: 'MLP 784-256-256-10, batch 128',
    batchSize: 128,
    wasm: true,
    build: () =>
      tf.sequential({
        layers: [
          tf.layers.dense({ units: 256, activation: 'relu', inputShape: [784] }),
          tf.layers.dense({ units: 256, activation: 'relu' }),
          tf.layers.dense({ units: 10, activation: 'softmax' }),
        ],
      }),
    data: (n) => ({ x: tf.randomUniform([n, 784]), y: tf.oneHot(tf.randomUniform([n], 0, 10, 'int32'), 10) }),
  },
  lstm: {
    name: 'LSTM 64 units, sequence 32, batch 32',
    batchSize: 32,
    wasm: true,
    build: () =>
      tf.sequential({
        layers: [tf.layers.lstm({ units: 64, inputShape: [32, 8] }), tf.layers.dense({ units: 1 })],
      }),
    data: (n) => ({ x: tf.randomNormal([n, 32, 8]), y: tf.randomNormal([n, 1]) }),
  },
  cnn: {
    // Batch 16: on the pure-JS cpu backend a batch of 64 takes about 17 s (conv backprop).
    name: 'CNN conv16-pool-conv32-pool-dense10 on 28x28, batch 16',
    batchSize: 16,
    wasm: false, // wasm lacks Conv2DBackpropFilter
    build: () =>
      tf.sequential({
        layers: [
          tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 10, activation: 'softmax' }),
        ],
      }),
    data: (n) => ({
      x: tf.randomUniform([n, 28, 28, 1]),
      y: tf.oneHot(tf.randomUniform([n], 0, 10, 'int32'), 10),
    }),
  },
};

const CONFIGS: Array<[string, TensorBoardOptions | null]> = [
  ['unwatched', null],
  ['watch only (detector off)', { detect: false }],
  ['default (watch + detector)', {}],
  ['default + ZClip', { clip: { zclip: {} } }],
  ['default + clip by global norm', { clip: { globalNorm: 1 } }],
  ['detector gate in the step (skip on spikes)', { detect: { actions: { grad_spike: 'skip' } } }],
  ['norms + histograms every step', { histogramFreq: 1, updateFreq: 'batch' }],
];

async function timeFit(
  c: Case,
  x: tf.Tensor,
  y: tf.Tensor,
  options: TensorBoardOptions | null,
): Promise<number> {
  const model = c.build();
  model.compile({
    optimizer: 'adam',
    loss: c.name.startsWith('LSTM') ? 'meanSquaredError' : 'categoricalCrossentropy',
  });
  // Warm-up step (slot variables, kernel compilation) outside the timing.
  await model.fit(x.slice(0, c.batchSize), y.slice(0, c.batchSize), {
    epochs: 1,
    batchSize: c.batchSize,
    verbose: 0,
  });
  const dir = mkdtempSync(join(tmpdir(), 'gradwatch-overhead-'));
  const cb = options ? tensorBoard(dir, options) : null;
  const t = performance.now();
  await model.fit(x, y, {
    epochs: 1,
    batchSize: c.batchSize,
    shuffle: false,
    callbacks: cb ? [cb] : [],
    verbose: 0,
  });
  const ms = performance.now() - t;
  await cb?.close();
  rmSync(dir, { recursive: true, force: true });
  model.dispose();
  return ms;
}

const lines: string[] = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};
say(`# fit overhead, ${new Date().toISOString()}, ${rounds} rounds x ${batches} batches`);
say('Watched/unwatched wall time: median of per-round ratios (min-max over rounds).');
say('');
say(
  `| backend | model | unwatched ms/batch | ${CONFIGS.slice(1)
    .map(([n]) => n)
    .join(' | ')} |`,
);
say(
  `|---|---|---:|${CONFIGS.slice(1)
    .map(() => '---:|')
    .join('')}`,
);
for (const backend of values.backends.split(',')) {
  await tf.setBackend(backend);
  await tf.ready();
  for (const key of values.models.split(',')) {
    const c = CASES[key];
    if (!c) throw new Error(`unknown model ${key}`);
    if (backend === 'wasm' && !c.wasm) continue;
    const { x, y } = c.data(c.batchSize * batches);
    const times: number[][] = CONFIGS.map(() => []);
    for (let r = 0; r < rounds; r++) {
      // Rotate the order each round so drift within a round (heap growth, a noisy neighbour) does not
      // always fall on the same configuration.
      for (let j = 0; j < CONFIGS.length; j++) {
        const i = (j + r) % CONFIGS.length;
        times[i]!.push(await timeFit(c, x, y, CONFIGS[i]![1]));
      }
    }
    tf.dispose([x, y]);
    // Ratios are taken within each round (the configurations ran back to back), then the median over
    // rounds: far steadier on a shared VM than a ratio of medians. The range shows the spread.
    const ratio = (i: number) => {
      const rs = times[i]!.map((t, r) => t / times[0]![r]!);
      return `${fmt(median(rs), 3)}x (${fmt(Math.min(...rs), 2)}-${fmt(Math.max(...rs), 2)})`;
    };
    const cells = CONFIGS.slice(1).map((_, i) => ratio(i + 1));
    say(`| ${backend} | ${c.name} | ${fmt(median(times[0]!) / batches, 1)} | ${cells.join(' | ')} |`);
  }
}
mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
writeFileSync(join(ROOT, 'bench/out/overhead.md'), `${lines.join('\n')}\n`);
console.log('\nsaved bench/out/overhead.md');
