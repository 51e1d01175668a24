/**
 * `npm run bench:analyze`: gradwatch analyze / loadLogdir / export against tbparse loading the same
 * logdir into pandas DataFrames, each in a fresh process, alternating, median of the rounds; then
 * gradwatch analyze's peak memory on a 1 GB logdir. Logdirs come from the I/O benchmark's generator
 * (8 scalars per step, 4 histograms every 10 steps) and are kept in bench/out/. tbparse is installed
 * into ./.venv from bench/py/requirements.txt on first use.
 *
 *   npm run bench:analyze -- [--rounds 3] [--mb 32] [--memory-mb 1024]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureLogdir, fmt, median, nodeChild, PYTHON, py, ROOT } from './lib.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    mb: { type: 'string', default: '32' },
    'memory-mb': { type: 'string', default: '1024' },
  },
});
const rounds = Number(values.rounds);
const OUT = join(ROOT, 'bench/out');

if (!existsSync(PYTHON)) execFileSync('bash', ['scripts/setup-venv.sh'], { cwd: ROOT, stdio: 'inherit' });
execFileSync(PYTHON, ['-m', 'pip', 'install', '-q', '-r', join(ROOT, 'bench/py/requirements.txt')], {
  stdio: 'inherit',
});
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });

interface NodeRun {
  seconds: number;
  bytes: number;
  points: number;
  maxRssMB: number;
}
interface PyRun {
  seconds: number;
  bytes: number;
  rows: number;
  maxRssMB: number;
}

const dir = await ensureLogdir(Number(values.mb));
const modes = ['analyze', 'load', 'export'] as const;
const ours: Record<(typeof modes)[number], NodeRun[]> = { analyze: [], load: [], export: [] };
const theirs: { scalars: PyRun[]; all: PyRun[] } = { scalars: [], all: [] };
for (let r = 0; r < rounds; r++) {
  for (const m of modes) ours[m].push(await nodeChild<NodeRun>('bench/analyze-node.mjs', [m, dir]));
  theirs.scalars.push(await py<PyRun>(['tbparse', dir, 'scalars']));
  theirs.all.push(await py<PyRun>(['tbparse', dir, 'scalars,tensors']));
}
const med = <T>(xs: T[], f: (x: T) => number) => median(xs.map(f));
const mbps = (x: { seconds: number; bytes: number }) => x.bytes / 2 ** 20 / x.seconds;
const tbScalars = med(theirs.scalars, mbps);
const tbAll = med(theirs.all, mbps);
const lines: string[] = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};
say(`# analyze benchmark, ${new Date().toISOString()}: ${values.mb} MB logdir, ${rounds} rounds, medians`);
say('');
say('| tool | MB/s | points or rows / s | peak RSS | vs tbparse (scalars) |');
say('|---|---:|---:|---:|---:|');
for (const m of modes) {
  const label = {
    analyze: 'gradwatch analyze (full report)',
    load: 'gradwatch loadLogdir (all series)',
    export: 'gradwatch export --format csv',
  }[m];
  say(
    `| ${label} | ${fmt(med(ours[m], mbps), 1)} | ${fmt(med(ours[m], (x) => x.points / x.seconds))} | ${fmt(med(ours[m], (x) => x.maxRssMB))} MB | **${fmt(med(ours[m], mbps) / tbScalars, 1)}x** |`,
  );
}
say(
  `| tbparse 0.0.9: SummaryReader(...).scalars | ${fmt(tbScalars, 2)} | ${fmt(med(theirs.scalars, (x) => x.rows / x.seconds))} | ${fmt(med(theirs.scalars, (x) => x.maxRssMB))} MB | 1x |`,
);
say(
  `| tbparse 0.0.9: .scalars and .tensors (histograms) | ${fmt(tbAll, 2)} | ${fmt(med(theirs.all, (x) => x.rows / x.seconds))} | ${fmt(med(theirs.all, (x) => x.maxRssMB))} MB | ${fmt(tbAll / tbScalars, 2)}x |`,
);
const memDir = await ensureLogdir(Number(values['memory-mb']));
const big = await nodeChild<NodeRun>('bench/analyze-node.mjs', ['analyze', memDir]);
say('');
say(
  `gradwatch analyze on the ${values['memory-mb']} MB logdir: ${fmt(mbps(big), 1)} MB/s, ${fmt(big.points / big.seconds)} events/s, peak RSS ${fmt(big.maxRssMB)} MB.`,
);
writeFileSync(join(OUT, 'analyze.md'), `${lines.join('\n')}\n`);
