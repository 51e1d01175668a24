/**
 * `npm run bench`: the writer and reader benchmarks, gradwatch side by side with tensorboardX's writer
 * and TensorBoard's Python event loader, in one run. Every measurement runs in a fresh child process;
 * the contenders alternate round by round and medians are reported.
 *
 *   npm run bench -- [--rounds 3] [--read-mb 32] [--memory-mb 1024] [--quick]
 *
 * Results are printed as markdown and saved to bench/out/results.json. Generated logdirs are kept
 * in bench/out/ and reused.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { crcBench } from './crc.js';
import { ensureLogdir, fmt, hasPython, median, nodeChild, py, ROOT } from './lib.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    'read-mb': { type: 'string', default: '32' },
    'memory-mb': { type: 'string', default: '1024' },
    quick: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const rounds = quick ? 1 : Number(values.rounds);
const readMb = quick ? 8 : Number(values['read-mb']);
const memoryMb = quick ? 64 : Number(values['memory-mb']);
const OUT = join(ROOT, 'bench/out');
mkdirSync(OUT, { recursive: true });

interface Timed {
  events: number;
  seconds: number;
  bytes?: number;
}
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  rounds,
};
const lines: string[] = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};

if (!hasPython()) {
  console.error(
    'bench: .venv is missing; run `npm run setup:python` first (the comparison needs tensorboardX and TensorBoard)',
  );
  process.exit(2);
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'gradwatch-bench-'));
}

async function writeRound(kind: 'scalars' | 'histograms', nOurs: number, nTheirs: number) {
  const ours: number[] = [];
  const theirs: number[] = [];
  const tfnode: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const a = scratch();
    const b = scratch();
    const c = scratch();
    try {
      const args = kind === 'scalars' ? [] : ['1000'];
      const mine = await nodeChild<Timed>('bench/node-side.ts', [`write-${kind}`, a, String(nOurs), ...args]);
      const tbx = await py<Timed>([`write-${kind}`, b, String(nTheirs), ...args]);
      const native = await nodeChild<Timed | { unavailable: string }>('bench/tfnode-side.mjs', [
        `write-${kind}`,
        c,
        String(nTheirs),
        ...args,
      ]);
      ours.push(mine.events / mine.seconds);
      theirs.push(tbx.events / tbx.seconds);
      if ('events' in native) tfnode.push(native.events / native.seconds);
    } finally {
      for (const d of [a, b, c]) rmSync(d, { recursive: true, force: true });
    }
  }
  return {
    ours: median(ours),
    theirs: median(theirs),
    tfnode: tfnode.length > 0 ? median(tfnode) : null,
    oursAll: ours,
    theirsAll: theirs,
    tfnodeAll: tfnode,
  };
}

say(`# gradwatch benchmark, ${results.date}`);
say(`Node ${process.version}, ${results.cpu} x${results.cores}, ${rounds} round(s), medians`);

// ---- CRC ----
const crc = crcBench();
results.crc = crc;
say('\n## CRC-32C implementation (ns per call, lower is better)\n');
say(
  '| record bytes | slicing-by-8 (JS) | byte table (JS) | zlib.crc32 (native, IEEE: cost of a native call only) |',
);
say('|---:|---:|---:|---:|');
for (const r of crc) {
  say(
    `| ${r.bytes} | ${fmt(r.slicing8)} | ${fmt(r.bytewise)} | ${r.nativeIeee === null ? 'n/a' : fmt(r.nativeIeee)} |`,
  );
}

// ---- writer ----
say('\n## Writer: events per second written to disk (including close)\n');
const sc = await writeRound('scalars', quick ? 50_000 : 300_000, quick ? 5_000 : 30_000);
const hi = await writeRound('histograms', quick ? 1_000 : 10_000, quick ? 200 : 2_000);
results.writer = { scalars: sc, histograms: hi };
const native = (x: { ours: number; tfnode: number | null }) =>
  x.tfnode === null
    ? 'n/a (npm run setup:tfjs-node) | '
    : `${fmt(x.tfnode)}/s | **${fmt(x.ours / x.tfnode, 1)}x** `;
say(
  '| events | gradwatch | tensorboardX 2.6.5 | ratio | tf.node.summaryFileWriter (tfjs-node 4.22) | ratio | target |',
);
say('|---|---:|---:|---:|---:|---:|---:|');
say(
  `| scalar | ${fmt(sc.ours)}/s | ${fmt(sc.theirs)}/s | **${fmt(sc.ours / sc.theirs, 1)}x** | ${native(sc)}| >= 20x |`,
);
say(
  `| histogram (1000 float32, 30 buckets) | ${fmt(hi.ours)}/s | ${fmt(hi.theirs)}/s | **${fmt(hi.ours / hi.theirs, 1)}x** | ${native(hi)}| |`,
);

// ---- reader ----
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
const readDir = await ensureLogdir(readMb);
type ReadResult = Timed & { baselineRssMB: number; peakRssMB: number; maxRssMB: number };
const batchesRead: ReadResult[] = [];
const pointsRead: ReadResult[] = [];
const theirsRead: Timed[] = [];
for (let r = 0; r < rounds; r++) {
  batchesRead.push(await nodeChild('bench/read.mjs', ['batches', readDir]));
  pointsRead.push(await nodeChild('bench/read.mjs', ['points', readDir]));
  theirsRead.push(await py<Timed>(['read', readDir]));
}
const mbps = (t: Timed) => t.bytes! / 2 ** 20 / t.seconds;
const eps = (t: Timed) => t.events / t.seconds;
const theirsMbps = median(theirsRead.map(mbps));
results.reader = { logdirMB: readMb, batches: batchesRead, points: pointsRead, theirs: theirsRead };
say(`\n## Reader: the same ${readMb} MB logdir (8 scalars per step, 4 histograms every 10 steps)\n`);
say('| reader | MB/s | events/s | ratio (MB/s) | target |');
say('|---|---:|---:|---:|---:|');
for (const [label, rows] of [
  ['gradwatch readSummaryBatches (decoded points)', batchesRead],
  ['gradwatch readSummaries (one point per iteration)', pointsRead],
] as const) {
  const m = median(rows.map(mbps));
  say(
    `| ${label} | ${fmt(m, 1)} | ${fmt(median(rows.map(eps)))} | **${fmt(m / theirsMbps, 1)}x** | >= 10x |`,
  );
}
say(
  `| TensorBoard 2.21 EventFileLoader (Python) | ${fmt(theirsMbps, 2)} | ${fmt(median(theirsRead.map(eps)))} | 1x | |`,
);

// ---- memory ----
const memDir = await ensureLogdir(memoryMb);
const mem = await nodeChild<ReadResult>('bench/read.mjs', ['batches', memDir]);
results.memory = { logdirMB: memoryMb, ...mem };
say(`\n## Memory while reading a ${memoryMb} MB logdir\n`);
say('| bytes read | events | MB/s | RSS before reading | peak RSS (process lifetime) | target |');
say('|---:|---:|---:|---:|---:|---:|');
say(
  `| ${fmt(mem.bytes! / 2 ** 20)} MB | ${fmt(mem.events)} | ${fmt(mbps(mem), 1)} | ${fmt(mem.baselineRssMB)} MB | **${fmt(mem.maxRssMB)} MB** | < 200 MB |`,
);

writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(OUT, 'results.md'), `${lines.join('\n')}\n`);
console.log(`\nsaved bench/out/results.json and results.md`);
