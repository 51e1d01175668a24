/**
 * Runs the detector's evaluation suite (tests/eval/scenarios.ts) and prints the table for the
 * closing note: per run, the first alert, the first non-finite loss, the steps of warning, and the
 * blame; then recall on explosions, blame accuracy on injected faults, and false alerts on stable runs.
 *   npm run eval:detect
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { SCENARIOS } from '../tests/eval/scenarios.js';

await tf.setBackend('cpu');
const rows: string[] = [];
let explosions = 0;
let caught = 0;
let injected = 0;
let blamed = 0;
let stableRuns = 0;
let falseAlerts = 0;
const warnings: number[] = [];
for (const s of SCENARIOS) {
  const o = await s.run(await mkdtemp(join(tmpdir(), 'gradwatch-eval-')));
  const first = o.alerts[0];
  const nf = o.firstNonFiniteLoss;
  let verdict = '';
  if (s.kind === 'explodes') {
    explosions++;
    const ok = first !== undefined && nf !== undefined && first.step < nf;
    if (ok) {
      caught++;
      warnings.push(nf! - first!.step);
    }
    verdict = ok ? `warned ${nf! - first!.step} steps ahead` : 'MISSED';
  } else if (s.kind === 'injected') {
    injected++;
    const a = o.alerts.find((x) => x.rule === 'non_finite_grad');
    const ok = a !== undefined && a.step === s.faultStep && a.blame?.layer === s.culprit;
    if (ok) blamed++;
    verdict = ok ? `blamed ${s.culprit} at step ${s.faultStep}` : `WRONG (${a?.blame?.layer} at ${a?.step})`;
  } else {
    stableRuns++;
    falseAlerts += o.alerts.length;
    verdict = o.alerts.length === 0 ? 'quiet' : `${o.alerts.length} FALSE ALERTS`;
  }
  const firstText = first ? `${first.step} ${first.rule} (${first.blame?.layer ?? '-'})` : '-';
  rows.push(`| ${s.kind} | ${s.name} | ${o.steps} | ${firstText} | ${nf ?? '-'} | ${verdict} |`);
  console.error(rows.at(-1));
}
console.log('| kind | run | steps | first alert (blame) | first non-finite loss | result |');
console.log('|---|---|---:|---|---:|---|');
for (const r of rows) console.log(r);
console.log('');
console.log(
  `recall on explosions: ${caught}/${explosions}; steps of warning before the loss went non-finite: ${warnings.join(', ')} (median ${warnings.sort((a, b) => a - b)[warnings.length >> 1] ?? '-'})`,
);
console.log(`injected faults blamed on the right layer and step: ${blamed}/${injected}`);
console.log(`false alerts on ${stableRuns} stable runs: ${falseAlerts}`);
