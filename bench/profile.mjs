/**
 * Where gradwatch's time goes inside a watched fit, from a CPU profile: `npm run bench:profile --
 * [backend] [model] [steps]` (defaults: tensorflow mlp 1200) builds the package, fits the model with
 * `tensorBoard()`'s defaults in a child under `node --cpu-prof` (one sample every 50 µs), and
 * attributes each sample to the innermost gradwatch function on its stack (the tap's and the layer
 * wrappers' frames, inside which the model's own kernels run, do not count), grouped by part: the
 * in-step reductions, the tap's code, activation statistics, and what the callback does with a step's
 * numbers (assembling, the detector, encoding and writing). Prints ms per step for each part.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

if (process.argv[2] === '--child') {
  const [, , , backend, modelKey, stepsArg] = process.argv;
  const { loadBackend, MODELS } = await import('./models.mjs');
  const tf = await loadBackend(backend);
  const { tensorBoard } = await import('../dist/esm/index.js');
  const model = MODELS.find((m) => m.key === modelKey);
  if (!model) throw new Error(`unknown model ${modelKey}`);
  const bs = model.batchSize;
  const perEpoch = 60;
  const epochs = Math.ceil(Number(stepsArg) / perEpoch);
  const { x, y } = model.data(tf, bs * perEpoch);
  const m = model.build(tf);
  m.compile({ optimizer: 'adam', loss: model.loss });
  await m.fit(x.slice(0, bs), y.slice(0, bs), { epochs: 1, batchSize: bs, verbose: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'gradwatch-profile-'));
  const cb = tensorBoard(dir, { detect: { console: false } });
  const t0 = performance.now();
  await m.fit(x, y, { epochs, batchSize: bs, shuffle: false, verbose: 0, callbacks: [cb] });
  const ms = (performance.now() - t0) / (epochs * perEpoch);
  await cb.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(
    `${JSON.stringify({ steps: epochs * perEpoch, msPerStep: ms, ownMs: cb.cost.msPerStep })}\n`,
  );
  process.exit(0);
}

const [backend = 'tensorflow', modelKey = 'mlp', steps = '1200'] = process.argv.slice(2);
execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
const out = mkdtempSync(join(tmpdir(), 'gradwatch-cpuprof-'));
const child = execFileSync(
  process.execPath,
  [
    '--cpu-prof',
    '--cpu-prof-interval',
    '50',
    '--cpu-prof-dir',
    out,
    import.meta.filename,
    '--child',
    backend,
    modelKey,
    steps,
  ],
  { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
);
const run = JSON.parse(child.trim().split('\n').pop());
const file = join(
  out,
  readdirSync(out).find((f) => f.endsWith('.cpuprofile')),
);
const prof = JSON.parse(readFileSync(file, 'utf8'));
rmSync(out, { recursive: true, force: true });

const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfTime = new Map();
for (let i = 0; i < prof.samples.length; i++) {
  const id = prof.samples[i];
  selfTime.set(id, (selfTime.get(id) ?? 0) + (prof.timeDeltas[i + 1] ?? 0));
}
// Wrappers whose frames hold the model's own forward and backward pass and the optimizer's update.
const WRAPPERS = new Set([
  'watch/tap.js:patchedCompute',
  'watch/tap.js:patched',
  'watch/tap.js:patchedMinimize',
  'watch/layer-calls.js:layer.call',
  'watch/layer-calls.js:(anonymous)',
  'watch/activations.js:(anonymous)',
]);
const PARTS = [
  [
    /^watch\/reduce\.js:(deviceSumSq|\(anonymous\))/,
    'in the step: the device reduction of large gradients (L2Loss on tfjs-node)',
  ],
  [/^watch\/(reduce|host-stats)\.js/, 'in the step: reading small gradients and the loss, their sums'],
  [
    /^watch\/(watcher|tap|step-stats|clip|clip-host)\.js:(#before|before|#after|after|patched|gradientHalf|nonFiniteSums|#variables|#clip)/,
    "in the step: the tap's own code",
  ],
  [/^watch\/(activations|layer-calls)\.js/, 'activation statistics'],
  [/^(detect\/|train\/live-detect)/, 'after the step: the detector'],
  [/^(summary|events|tfrecord|proto|platform)\/|^watch\/log\.js/, 'after the step: encoding and writing'],
  [/./, 'after the step: assembling the statistics, the callback'],
];
const parts = new Map();
let total = 0;
for (const [id, dt] of selfTime) {
  total += dt;
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const { url, functionName } = byId.get(cur).callFrame;
    if (!url.includes('/dist/esm/')) continue;
    const fn = `${url.split('/dist/esm/')[1]}:${functionName || '(anonymous)'}`;
    if (cur !== id && WRAPPERS.has(fn)) continue;
    const part = PARTS.find(([re]) => re.test(fn))[1];
    parts.set(part, (parts.get(part) ?? 0) + dt);
    break;
  }
}
const perStep = (us) => (us / 1000 / run.steps).toFixed(3);
console.log(
  `${backend}, ${modelKey}: ${run.steps} watched steps of ${run.msPerStep.toFixed(2)} ms (wall; profiling slows JS a little), own time ${run.ownMs.toFixed(3)} ms/step as the callback measures it`,
);
let sum = 0;
for (const [part, us] of [...parts].sort((a, b) => b[1] - a[1])) {
  sum += us;
  console.log(`  ${perStep(us)} ms/step  ${part}`);
}
console.log(`  ${perStep(sum)} ms/step  gradwatch in all, of ${perStep(total)} ms of sampled time per step`);
