// Node half of `npm run bench:analyze`: runs gradwatch on a logdir with the built package (dist/,
// plain node, as a user runs it) and reports time and peak memory.
// Usage: node bench/analyze-node.mjs <analyze|load|export> <logdir>
import { createWriteStream } from 'node:fs';
import { analyze, exportLogdir, loadLogdir } from '../dist/esm/index.js';

const [mode, dir] = process.argv.slice(2);
const t = performance.now();
let bytes = 0;
let points = 0;
if (mode === 'analyze') {
  const r = await analyze(dir);
  bytes = r.bytes;
  points = r.runs.reduce((a, run) => a + run.events, 0);
} else if (mode === 'load') {
  const r = await loadLogdir(dir);
  bytes = r.bytes;
  for (const run of r.runs) {
    for (const s of run.scalars.values()) points += s.steps.length;
    for (const h of run.histograms.values()) points += h.points.length;
  }
} else if (mode === 'export') {
  const out = createWriteStream('/dev/null');
  const r = await exportLogdir(dir, 'csv', out);
  out.end();
  bytes = r.bytes;
  points = r.rows;
} else throw new Error(`unknown mode ${mode}`);
const seconds = (performance.now() - t) / 1000;
console.log(JSON.stringify({ seconds, bytes, points, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
