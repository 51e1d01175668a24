/**
 * Node half of `npm run bench`, run in a child process per measurement so every contender starts
 * from a fresh process, as the Python side does.
 *
 *   write-scalars <dir> <n> | write-histograms <dir> <n> <size> | generate <logdir> <mb>
 * (Reading is measured by bench/read.mjs on the built package, without tsx.)
 */
import { SummaryWriter } from '../src/index.js';
import { dirBytes } from './lib.js';

const [cmd, dir, a, b] = process.argv.slice(2) as [string, string, string?, string?];

async function main(): Promise<object> {
  if (cmd === 'write-scalars') {
    const n = Number(a);
    const t = performance.now();
    const w = new SummaryWriter(dir);
    for (let step = 0; step < n; step++) w.scalar('loss', 1 / (step + 1), step);
    await w.close();
    return { events: n, seconds: (performance.now() - t) / 1000 };
  }
  if (cmd === 'write-histograms') {
    const n = Number(a);
    const size = Number(b);
    const data = Array.from({ length: 8 }, (_, k) =>
      Float32Array.from({ length: size }, (_, i) => (Math.sin(i * 12.9898 + k * 78.233) * 43758.5453) % 1),
    );
    const t = performance.now();
    const w = new SummaryWriter(dir);
    for (let step = 0; step < n; step++) w.histogram('weights', data[step % 8]!, step, 30);
    await w.close();
    return { events: n, seconds: (performance.now() - t) / 1000 };
  }
  if (cmd === 'generate') {
    // A training-like logdir: per step 8 scalars, every 10th step 4 histograms of 30 buckets.
    const target = Number(a) * 2 ** 20;
    const w = new SummaryWriter(`${dir}/train`, { maxPendingBytes: 512 * 2 ** 20 });
    const weights = Float32Array.from({ length: 4096 }, (_, i) => Math.sin(i));
    let step = 0;
    for (; w.stats.bytesWritten + w.stats.bytesPending < target; step++) {
      for (let k = 0; k < 8; k++) w.scalar(`metric_${k}`, Math.cos(step + k), step);
      if (step % 10 === 0) for (let k = 0; k < 4; k++) w.histogram(`layer_${k}/grad`, weights, step);
      if (step % 50_000 === 0) await w.flush();
    }
    await w.close();
    return { steps: step, bytes: dirBytes(dir) };
  }
  throw new Error(`unknown command ${cmd}`);
}

main().then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
