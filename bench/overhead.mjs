/**
 * `npm run bench:overhead`: what gradwatch costs model.fit, on every backend present (tfjs-node's
 * `tensorflow` when `npm run setup:tfjs-node` installed it, `wasm`, the pure-JS `cpu`), for the
 * reference models of bench/models.mjs, printed as one table.
 *
 * Each backend x model cell runs in its own child process (bench/overhead-child.mjs, on the package
 * built first into dist/, as users run it), which times
 * every configuration once per round in a rotated order. Ratios are taken within a round (the
 * configurations ran back to back, so they share the machine's state at that moment), and the table
 * gives their median and interquartile range over the rounds, for wall time and for process CPU time.
 * Kernels per step are counted by the tfjs engine (tf.profile); native ops are TensorFlow ops issued
 * through tfjs-node's binding. Results are saved to bench/out/overhead.{md,json}.
 *
 *   npm run bench:overhead -- [--rounds 10] [--backends tensorflow,wasm,cpu]
 *     [--models tabular,mlp,deep,lstm,cnn] [--configs unwatched,defaults,tfnode,everything]
 *     [--batches N]   (default: about one second of unwatched training per fit, 8 to 200 batches)
 *
 * Other configurations: noactivations (activationFreq: 0), watchonly (detect: false), clip (clip by
 * global norm), gate (the detector's in-step gate).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { MODELS } from './models.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const fmt = (x, digits = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    backends: { type: 'string', default: 'tensorflow,wasm,cpu' },
    models: { type: 'string', default: 'tabular,mlp,deep,lstm,cnn' },
    configs: { type: 'string', default: 'unwatched,defaults,tfnode,everything' },
    batches: { type: 'string', default: '' },
  },
});

// The pure-JS backend takes 0.7-3 s per batch on the larger models; fewer rounds keep it under an hour.
const CPU_ROUNDS = Math.min(Number(values.rounds), 6);

async function tfjsNodeLoads() {
  try {
    await promisify(execFile)(process.execPath, ['-e', 'require("@tensorflow/tfjs-node")'], {
      cwd: ROOT,
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' },
    });
    return true;
  } catch {
    return false;
  }
}

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}

const median = (xs) => quantile(xs, 0.5);

/** "1.031x [1.01-1.05]": the median of per-round ratios and their interquartile range. */
function ratioCell(xs, base) {
  const r = xs.map((x, i) => x / base[i]);
  return `${fmt(median(r), 3)}x [${fmt(quantile(r, 0.25), 2)}-${fmt(quantile(r, 0.75), 2)}]`;
}

/**
 * "+1.2 pp [0.3-2.0]": the median over rounds of (a - b) / unwatched within each round, in percentage
 * points of the unwatched step, with its interquartile range. Pairing within a round takes out most of
 * the machine's drift, which moves both configurations alike.
 */
function gapCell(a, b, base) {
  const d = a.map((x, i) => (100 * (x - b[i])) / base[i]);
  const sign = (v) => `${v >= 0 ? '+' : ''}${fmt(v, 1)}`;
  return `${sign(median(d))} pp [${sign(quantile(d, 0.25))} to ${sign(quantile(d, 0.75))}]`;
}

const lines = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};
const backends = [];
for (const b of values.backends.split(',')) {
  if (b === 'tensorflow' && !(await tfjsNodeLoads())) {
    console.error(
      'bench:overhead: @tensorflow/tfjs-node does not load (npm run setup:tfjs-node); skipping it',
    );
    continue;
  }
  backends.push(b);
}
say(
  `# fit overhead, ${new Date().toISOString()}, Node ${process.version}, ${cpus()[0]?.model} x${cpus().length}`,
);
say('');
say('Watched / unwatched per step, within each round: median [interquartile range] over the rounds.');
say(
  "Own time: gradwatch's own time per step as it measures itself (median over rounds), as a share of the unwatched step.",
);
say('');
say(
  '| backend | model | configuration | ms/step (wall) | wall ratio | CPU ratio | own time | kernels/step | native TF ops/step |',
);
say('|---|---|---|---:|---:|---:|---:|---:|---:|');
const cells = [];
execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
for (const backend of backends) {
  for (const key of values.models.split(',')) {
    const m = MODELS.find((x) => x.key === key);
    if (!m) throw new Error(`unknown model ${key}`);
    if (m.skip?.includes(backend)) continue;
    const rounds = backend === 'cpu' ? CPU_ROUNDS : Number(values.rounds);
    const args = [
      join(ROOT, 'bench/overhead-child.mjs'),
      backend,
      key,
      String(rounds),
      values.configs,
      ...(values.batches ? [values.batches] : []),
    ];
    const { stdout } = await promisify(execFile)(process.execPath, args, {
      cwd: ROOT,
      maxBuffer: 1 << 24,
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
    });
    const cell = JSON.parse(stdout.trim().split('\n').pop());
    cells.push(cell);
    const base = cell.times.unwatched;
    for (const [c, t] of Object.entries(cell.times)) {
      const o = cell.ops[c];
      const ms = `${fmt(median(t.wall), t.wall[0] < 20 ? 2 : 1)}`;
      const ratios =
        c === 'unwatched' ? '1 | 1' : `${ratioCell(t.wall, base.wall)} | ${ratioCell(t.cpu, base.cpu)}`;
      const mine = cell.own?.[c];
      const ownCell = mine ? `${fmt((100 * median(mine)) / median(base.wall), 1)}%` : '';
      say(
        `| ${backend} | ${cell.name} (${cell.batches} batches x ${cell.rounds} rounds) | ${cell.labels[c]} | ${ms} | ${ratios} | ${ownCell} | ${fmt(o.kernels, 1)} | ${o.native === null ? '' : fmt(o.native, 1)} |`,
      );
    }
  }
}
const paired = cells.filter((c) => c.times.defaults && c.times.tfnode);
if (paired.length > 0) {
  say('');
  say("gradwatch defaults minus tf.node.tensorBoard (updateFreq 'batch'), paired within each round:");
  say('');
  say('| backend | model | wall | CPU |');
  say('|---|---|---:|---:|');
  for (const c of paired) {
    const { defaults: d, tfnode: t, unwatched: u } = c.times;
    say(
      `| ${c.backend} | ${c.name} | ${gapCell(d.wall, t.wall, u.wall)} | ${gapCell(d.cpu, t.cpu, u.cpu)} |`,
    );
  }
}
mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
writeFileSync(join(ROOT, 'bench/out/overhead.md'), `${lines.join('\n')}\n`);
writeFileSync(join(ROOT, 'bench/out/overhead.json'), `${JSON.stringify(cells, null, 1)}\n`);
console.log('\nsaved bench/out/overhead.md and bench/out/overhead.json');
