/**
 * One backend x model cell of `npm run bench:overhead`, in its own process (tfjs-node's thread pool,
 * wasm's heap and the JIT state of one backend never leak into another's numbers). It loads the built
 * package (dist/esm) under plain node, as users run it: under tsx every inner function of the source
 * would pay for the names esbuild keeps.
 *
 * Every round fits a fresh model once per configuration, in an order rotated from round to round,
 * after one untimed warm-up batch; wall time and process CPU time (all threads: TensorFlow's pool
 * included) are taken around `fit`. Then, untimed, each configuration runs once more to count the
 * kernels per step the tfjs engine ran (tf.profile) and, on tfjs-node, the native TensorFlow ops.
 * gradwatch's callback also reports its own time per step (`cost`: its code in the step, writing and
 * the detector), a measurement far less sensitive to the machine's noise than a ratio of fit times.
 * Prints one JSON object.
 *
 *   node bench/overhead-child.mjs <backend> <model> <rounds> <configs,...> [batches]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tensorBoard } from '../dist/esm/index.js';
import { loadBackend, MODELS } from './models.mjs';

const [backend, modelKey, roundsArg, configsArg, batchesArg] = process.argv.slice(2);

/** What goes into `callbacks` per configuration (null: no callbacks option, as most users fit). */
export const CONFIGS = {
  unwatched: { label: 'unwatched', make: () => null },
  defaults: { label: 'gradwatch defaults', make: (_tf, dir) => [tensorBoard(dir)] },
  tfnode: {
    label: "tf.node.tensorBoard, updateFreq 'batch'",
    only: 'tensorflow',
    make: (tf, dir) => [tf.node.tensorBoard(dir, { updateFreq: 'batch' })],
  },
  everything: {
    label: 'everything every step (all statistics, gradient histograms, detector)',
    make: (_tf, dir) => [tensorBoard(dir, { statsFreq: 1, histogramFreq: 1 })],
  },
  noactivations: {
    label: 'defaults without activation statistics (activationFreq: 0)',
    make: (_tf, dir) => [tensorBoard(dir, { activationFreq: 0 })],
  },
  watchonly: {
    label: 'watch only (detect: false)',
    make: (_tf, dir) => [tensorBoard(dir, { detect: false })],
  },
  clip: {
    label: 'defaults + clip by global norm',
    make: (_tf, dir) => [tensorBoard(dir, { clip: { globalNorm: 1 } })],
  },
  gate: {
    label: "defaults + detector gate in the step (grad_spike: 'skip')",
    make: (_tf, dir) => [tensorBoard(dir, { detect: { actions: { grad_spike: 'skip' } } })],
  },
};

const tf = await loadBackend(backend);

const model = MODELS.find((m) => m.key === modelKey);
if (!model) throw new Error(`unknown model ${modelKey}`);
for (const c of configsArg.split(',')) if (!CONFIGS[c]) throw new Error(`unknown configuration ${c}`);
const configs = configsArg.split(',').filter((c) => !CONFIGS[c].only || CONFIGS[c].only === backend);
const rounds = Number(roundsArg);
const bs = model.batchSize;

// Native TensorFlow ops on tfjs-node: every kernel, and the summary writer's ops, end in
// binding.executeOp (its properties are read-only, so the backend gets an object that counts and
// delegates).
let nativeOps = 0;
const nodeBackend = tf.backend();
const binding = nodeBackend.binding;
if (binding) {
  const executeOp = binding.executeOp;
  nodeBackend.binding = Object.create(binding, {
    executeOp: {
      value: (...a) => {
        nativeOps++;
        return executeOp.apply(binding, a);
      },
    },
  });
}

/**
 * Fits a fresh model (after one untimed warm-up batch, which creates the optimizer's slots) under
 * `config`, running `around(fit)` around the timed `fit`, then closes the callbacks and cleans up.
 * Returns what `around` returned and the callbacks' own measured cost per step.
 */
async function fitWith(config, x, y, around) {
  const m = model.build(tf);
  m.compile({ optimizer: 'adam', loss: model.loss });
  await m.fit(x.slice(0, bs), y.slice(0, bs), { epochs: 1, batchSize: bs, verbose: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'gradwatch-overhead-'));
  const callbacks = CONFIGS[config].make(tf, dir);
  const args = { epochs: 1, batchSize: bs, shuffle: false, verbose: 0, ...(callbacks ? { callbacks } : {}) };
  const result = await around(() => m.fit(x, y, args));
  let ownMs = null;
  for (const cb of callbacks ?? []) {
    if (cb.cost) ownMs = cb.cost.msPerStep;
    await cb.close?.();
  }
  rmSync(dir, { recursive: true, force: true });
  m.dispose();
  return { result, ownMs };
}

/** gradwatch's own time per step as its callback measures it (`cost`), per configuration. */
const own = {};

async function fitOnce(config, x, y) {
  const { result, ownMs } = await fitWith(config, x, y, async (train) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await train();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { wall, cpu: (c.user + c.system) / 1000 };
  });
  return { ...result, ownMs };
}

// Batches per timed fit: about a second of training, so per-fit costs (opening event files, the run
// records) weigh what they weigh in a real run of many batches, at most.
let batches = batchesArg ? Number(batchesArg) : 0;
if (!batches) {
  const probe = model.data(tf, bs * 4);
  const t = await fitOnce('unwatched', probe.x, probe.y);
  tf.dispose([probe.x, probe.y]);
  batches = Math.max(8, Math.min(200, Math.round(1000 / (t.wall / 4))));
}
const { x, y } = model.data(tf, bs * batches);
const times = Object.fromEntries(configs.map((c) => [c, { wall: [], cpu: [] }]));
// One discarded round first: module loading and the JIT's first compilations.
for (let r = -1; r < rounds; r++) {
  for (let j = 0; j < configs.length; j++) {
    const c = configs[(j + Math.max(r, 0)) % configs.length];
    const t = await fitOnce(c, x, y);
    if (r >= 0) {
      times[c].wall.push(t.wall / batches);
      times[c].cpu.push(t.cpu / batches);
      if (t.ownMs !== null) {
        own[c] ??= [];
        own[c].push(t.ownMs);
      }
    }
  }
}

const ops = {};
const countBatches = Math.min(10, batches);
const xs = x.slice(0, bs * countBatches);
const ys = y.slice(0, bs * countBatches);
for (const c of configs) {
  const { result } = await fitWith(c, xs, ys, async (train) => {
    nativeOps = 0;
    const p = await tf.profile(train);
    return { kernels: p.kernels.length / countBatches, native: binding ? nativeOps / countBatches : null };
  });
  ops[c] = result;
}
tf.dispose([xs, ys]);

const labels = Object.fromEntries(configs.map((c) => [c, CONFIGS[c].label]));
process.stdout.write(
  `${JSON.stringify({ backend, model: model.key, name: model.name, batches, rounds, times, ops, own, labels })}\n`,
);
