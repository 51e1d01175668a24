/**
 * `npm run bench:detector`: the detector's own cost per training step, measured directly (wall-clock
 * ratios of whole fits cannot resolve it: the VM's round-to-round noise is ±30%). Times, per step:
 * converting a step's statistics to a record, running every rule (observe), and writing the
 * alerts/<rule> scalars, for models of 4 and 50 layers, on a healthy stream (the common case).
 *
 *   npm run bench:detector
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Detector } from '../src/detect/detector.js';
import { SummaryWriter } from '../src/summary/writer.js';
import { LiveDetector, recordFromStats } from '../src/train/live-detect.js';
import type { StepStats } from '../src/watch/step-stats.js';
import { fmt, median } from './lib.js';

function stats(step: number, layers: number): StepStats {
  const variables = Array.from({ length: layers * 2 }, (_, i) => ({
    name: `layer${i >> 1}/${i % 2 ? 'bias' : 'kernel'}`,
    layer: `layer${i >> 1}`,
    hasGradient: true,
    size: 100,
    gradNorm: 1 + 0.1 * Math.sin(step * 7 + i),
    gradMaxAbs: 0.1,
    gradNaN: 0,
    gradPosInf: 0,
    gradNegInf: 0,
    weightNorm: 10,
    updateNorm: 0.01,
    weightNonFinite: 0,
    weightNonFiniteBefore: 0,
  }));
  return {
    step,
    loss: 1 + 0.1 * Math.sin(step),
    skipped: false,
    detail: true,
    variables,
    layers: Array.from({ length: layers }, (_, l) => ({
      name: `layer${l}`,
      hasGradient: true,
      gradNorm: 1.4,
      gradNaN: 0,
      gradPosInf: 0,
      gradNegInf: 0,
      weightNonFiniteBefore: 0,
      weightNonFinite: 0,
      weightNorm: 14,
      updateNorm: 0.014,
      updateRatio: 1e-3,
    })),
    globalGradNorm: Math.sqrt(layers * 2),
    globalWeightNorm: 100,
    globalUpdateRatio: 1e-3,
    gradNonFinite: 0,
    histograms: [],
  };
}

const STEPS = 20_000;
console.log(`# detector cost per step (${STEPS} steps, median of 5 runs)`);
console.log('| layers | record + rules (observe) | + alerts/<rule> scalars written (LiveDetector.take) |');
console.log('|---:|---:|---:|');
for (const layers of [4, 50]) {
  const input = Array.from({ length: STEPS }, (_, i) => stats(i + 1, layers));
  const observe: number[] = [];
  const live: number[] = [];
  for (let run = 0; run < 5; run++) {
    const d = new Detector();
    let t = performance.now();
    for (const s of input) d.observe(recordFromStats(s));
    observe.push(((performance.now() - t) * 1000) / STEPS);
    const dir = mkdtempSync(join(tmpdir(), 'gradwatch-detbench-'));
    const writer = new SummaryWriter(dir);
    const ld = new LiveDetector({ console: false }, 'bench');
    t = performance.now();
    for (const s of input) ld.take([s], writer);
    live.push(((performance.now() - t) * 1000) / STEPS);
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`| ${layers} | ${fmt(median(observe), 1)} µs | ${fmt(median(live), 1)} µs |`);
}
