// Reader half of `npm run bench`: reads a logdir with the built package (dist/, plain node, as a user
// runs it) and reports time and memory. Usage: node bench/read.mjs <points|batches> <logdir>
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readSummaries, readSummaryBatches } from '../dist/esm/index.js';

const [mode, dir] = process.argv.slice(2);
const dirBytes = (d) =>
  readdirSync(d, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? dirBytes(join(d, e.name)) : statSync(join(d, e.name)).size),
    0,
  );

const baseline = process.memoryUsage().rss;
let events = 0;
let peak = baseline;
const t = performance.now();
if (mode === 'points') {
  for await (const _ of readSummaries(dir)) {
    if (++events % 65536 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
} else {
  for await (const batch of readSummaryBatches(dir)) {
    events += batch.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
}
const seconds = (performance.now() - t) / 1000;
console.log(
  JSON.stringify({
    events,
    bytes: dirBytes(dir),
    seconds,
    baselineRssMB: baseline / 2 ** 20,
    peakRssMB: Math.max(peak, process.memoryUsage().rss) / 2 ** 20,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
