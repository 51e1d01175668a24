/**
 * The detector evaluation (tests/eval): trains every scenario on the cpu backend with gradwatch
 * watching, measures the ground truth outside gradwatch, runs the two baselines on the same numbers,
 * and prints the table: per run the bad step, each detector's first alert and lead, then the totals.
 *
 *   npm run eval:detect                  all scenarios (a few minutes), traces kept in bench/out/detect-eval
 *   npm run eval:detect -- --fast        the subset CI runs
 *   npm run eval:detect -- --replay      no training: the current detector over the kept traces (post hoc)
 *   npm run eval:detect -- --only lstm   scenarios whose name contains "lstm"
 *   npm run eval:detect -- --kind stable explodes, stable, vanishing or activations only
 *   npm run eval:detect -- --json FILE   also write the rows and totals as JSON
 *   npm run eval:detect -- --activation-freq auto   gradwatch's activationFreq for every run (default: each scenario's)
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { runScenario, type Trace, traceFromJson, traceToJson } from '../tests/eval/harness.js';
import { SCENARIOS } from '../tests/eval/scenarios.js';
import {
  type ActivationRow,
  activationTotals,
  caught,
  type FirstAlert,
  lead,
  median,
  type Row,
  scoreActivations,
  scoreTrace,
  totals,
} from '../tests/eval/score.js';

const { values: args } = parseArgs({
  options: {
    fast: { type: 'boolean', default: false },
    replay: { type: 'boolean', default: false },
    only: { type: 'string' },
    kind: { type: 'string' },
    json: { type: 'string' },
    cache: { type: 'string', default: 'bench/out/detect-eval' },
    'activation-freq': { type: 'string' },
  },
});
const freqArg = args['activation-freq'];
if (freqArg !== undefined && freqArg !== 'auto' && !/^\d+$/.test(freqArg))
  throw new Error(`--activation-freq must be 'auto' or a number of steps, got ${freqArg}`);
const overrides =
  freqArg === undefined ? {} : { activationFreq: freqArg === 'auto' ? ('auto' as const) : Number(freqArg) };

await tf.setBackend('cpu');
tf.env().set('IS_TEST', true);
const chosen = SCENARIOS.filter(
  (s) =>
    (!args.fast || s.fast) &&
    (args.kind === undefined || s.kind === args.kind) &&
    (args.only === undefined || s.name.toLowerCase().includes(args.only.toLowerCase())),
);
await mkdir(args.cache!, { recursive: true });
const slug = (name: string) =>
  name
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

const rows: Row[] = [];
const actRows: ActivationRow[] = [];
for (const s of chosen) {
  const file = join(args.cache!, `${slug(s.name)}.json`);
  let trace: Trace;
  if (args.replay) {
    try {
      trace = traceFromJson(await readFile(file, 'utf8'));
    } catch {
      console.error(`no kept trace for "${s.name}" (run without --replay first)`);
      continue;
    }
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'gradwatch-eval-'));
    const t0 = performance.now();
    trace = await runScenario(s, dir, overrides);
    await rm(dir, { recursive: true, force: true });
    await writeFile(file, traceToJson(trace));
    console.error(`${s.name}: ${trace.steps} steps in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  rows.push(scoreTrace(trace, undefined, args.replay));
  if (trace.activation || trace.kind === 'stable')
    actRows.push(scoreActivations(trace, undefined, args.replay));
}

const cell = (a: FirstAlert | null, bad: number | null) => {
  if (!a) return '-';
  const l = lead(a, bad);
  const when = bad === null ? '' : l === null ? ` (${a.step - bad} late)` : ` (lead ${l})`;
  return `${a.step} ${a.rule}${a.severity === 'warning' ? ' [w]' : ''}${a.layer ? ` @${a.layer}` : ''}${when}`;
};
const source = args.replay ? 'posthoc' : 'live';
console.log(
  `| kind | cause | run | steps | bad step | gradwatch (${source}) | post hoc | fixed 10x | TerminateOnNaN |`,
);
console.log('|---|---|---|---:|---:|---|---|---|---|');
for (const r of rows) {
  const t = r.trace;
  const bad = t.badStep;
  const culprit = t.culprit ? ` (culprit ${t.culprit})` : '';
  console.log(
    `| ${t.kind} | ${t.cause} | ${t.name}${culprit} | ${t.steps} | ${bad ?? '-'} | ${cell(r[source], bad)} | ${source === 'posthoc' ? 'same' : cell(r.posthoc, bad)} | ${cell(r.fixed, bad)} | ${cell(r.terminateOnNaN, bad)} |`,
  );
}
const tot = totals(rows, source);
const pct = (a: number, b: number) => `${a}/${b}${b ? ` (${Math.round((100 * a) / b)}%)` : ''}`;
const leads = (xs: number[]) => (xs.length ? `median ${median(xs)}, min ${Math.min(...xs)}` : '-');
console.log('');
console.log('| | gradwatch | fixed 10x threshold | TerminateOnNaN |');
console.log('|---|---:|---:|---:|');
console.log(
  `| explosions alerted at or before the bad step | ${pct(tot.caught.gradwatch, tot.explosions)} | ${pct(tot.caught.fixed, tot.explosions)} | ${pct(tot.caught.terminateOnNaN, tot.explosions)} |`,
);
console.log(
  `| lead in steps (runs caught) | ${leads(tot.leads.gradwatch)} | ${leads(tot.leads.fixed)} | ${leads(tot.leads.terminateOnNaN)} |`,
);
console.log(
  `| stable runs with any alert | ${pct(tot.stableAlerted.gradwatch, tot.stable)} | ${pct(tot.stableAlerted.fixed, tot.stable)} | ${pct(tot.stableAlerted.terminateOnNaN, tot.stable)} |`,
);
console.log(
  `| right layer blamed (runs with one culprit) | ${pct(tot.blamedRight, tot.withCulprit)} | – | – |`,
);
console.log(
  `| vanishing, dead or saturated networks found | ${pct(tot.vanishingFound, tot.vanishingRuns)} | – | – |`,
);
console.log('');
console.log(
  `lead >= the fixed threshold's: ${pct(tot.notBehindFixed, tot.explosions)}; strictly earlier (or caught where it missed): ${pct(tot.aheadOfFixed, tot.explosions)}; at most ${tot.worstBehindFixed} step(s) behind it`,
);
if (source === 'live') {
  console.log(
    `live and post-hoc first alerts agree on ${rows.length - tot.liveVsPosthoc.length}/${rows.length} runs${tot.liveVsPosthoc.length ? ` (differ: ${tot.liveVsPosthoc.join('; ')})` : ''}`,
  );
}
if (tot.invalid.length) console.log(`INVALID scenarios: ${tot.invalid.join('; ')}`);

// The activation rules (dead_units, saturation, activation_growth): faults by construction, against
// the ground truth measured from the layers' outputs (tests/eval/probe.ts), and the stable runs.
const act = activationTotals(actRows, source);
const short = (a: FirstAlert | null) => (a ? `${a.step} ${a.rule}${a.layer ? ` @${a.layer}` : ''}` : '-');
const pct2 = (x: number) => `${Math.round(100 * x)}%`;
const faults = actRows.filter((r) => r.trace.activation);
if (faults.length) {
  console.log('');
  console.log(
    `| activation fault | expected | truth (layer, from step) | gradwatch (${source}): first alert of the rule | post hoc | alert - truth (steps) | first activation alert | first alert of any rule | activationFreq | steps measured |`,
  );
  console.log('|---|---|---|---|---|---:|---|---|---|---:|');
  for (const r of faults) {
    const t = r.trace;
    const a = source === 'live' ? r.live : r.posthoc;
    const ok = caught(r, source) ? '' : ' MISS';
    console.log(
      `| ${t.name} | ${t.activation!.rule} @${t.activation!.layer} | ${r.truth ? `${r.truth.layer}, ${r.truth.step}` : `- (${r.invalid})`} | ${short(a)}${ok} | ${short(r.posthoc)} | ${a && r.truth ? a.step - r.truth.step : '-'} | ${short(r.firstActivation)} | ${short(r.firstAny[source])} | ${t.activationFreq ?? 'auto'} | ${r.measuredSteps}/${t.steps} |`,
    );
  }
}
const stableRows = actRows.filter((r) => r.trace.kind === 'stable');
if (stableRows.length) {
  console.log('');
  console.log(
    '| stable run | steps with activations measured | truth: most zeros (layer: max, median) | most saturated hidden layer | output saturated (last step) | largest RMS gain of a layer over its input (layer); largest RMS over the input RMS | activation alerts (live; post hoc) |',
  );
  console.log('|---|---:|---|---|---|---|---|');
  for (const r of stableRows) {
    const e = r.extremes;
    const alerts = (xs: FirstAlert[]) => (xs.length ? xs.map(short).join(', ') : 'none');
    console.log(
      `| ${r.trace.name} | ${r.measuredSteps}/${r.trace.steps} | ${e ? `${e.zero.layer}: ${pct2(e.zero.max)}, ${pct2(e.zero.median)}` : '-'} | ${e?.saturated ? `${e.saturated.layer}: ${pct2(e.saturated.max)}` : '-'} | ${e?.outputSaturated != null ? pct2(e.outputSaturated) : '-'} | ${e ? `${e.gain.max.toPrecision(3)}x (${e.gain.layer}), ${e.gain.peak.toPrecision(3)}x` : '-'} | ${alerts(r.activationAlerts.live)}; ${alerts(r.activationAlerts.posthoc)} |`,
    );
  }
}
if (actRows.length) {
  console.log('');
  console.log(
    `activation faults named by the right rule at the right layer: ${pct(act.caught, act.faults)}${act.delays.length ? ` (alert - truth: median ${median(act.delays)}, max ${Math.max(...act.delays)} steps)` : ''}; stable runs with an activation alert: ${pct(act.stableAlerted, act.stable)} (${act.stableMeasured} of them measure activations: fit runs; watchOptimizer loops have none)`,
  );
  if (act.invalid.length) console.log(`INVALID activation scenarios: ${act.invalid.join('; ')}`);
}
if (args.json)
  await writeFile(
    args.json,
    JSON.stringify({ rows, totals: tot, activations: { rows: actRows, totals: act } }, null, 1),
  );
