/**
 * Scoring of the detector evaluation: per trace, the bad step (ground truth), the first alert of
 * gradwatch (live, and replayed post hoc over what the logdir holds) and of two baselines a user
 * could write in three lines, and the totals the issue's targets are stated in.
 *
 * Baselines, evaluated on the same per-step numbers:
 * - TerminateOnNaN (Keras): alerts at the first non-finite loss.
 * - fixed threshold: alerts at the first step whose global gradient norm is non-finite or above 10x
 *   the median of the norms of the steps before it, up to the first 20 (so it can fire from step 2).
 */
import { Detector } from '../../src/detect/detector.js';
import type { DetectorOptions } from '../../src/detect/options.js';
import type { Alert, StepRecord } from '../../src/detect/types.js';
import type { ActivationRule, Trace } from './harness.js';
import type { LayerOutputs } from './probe.js';

export interface FirstAlert {
  step: number;
  rule: string;
  severity: string;
  layer?: string;
}

export interface Row {
  trace: Trace;
  live: FirstAlert | null;
  posthoc: FirstAlert | null;
  fixed: FirstAlert | null;
  terminateOnNaN: FirstAlert | null;
  /** What decides a vanishing run: its first alert of a rule about layers that do not learn. */
  vanishing: FirstAlert | null;
}

const FIXED_FACTOR = 10;
/** Rules that find layers that do not learn: from their gradients, or from what they output. */
const VANISHING_RULES = ['vanishing', 'dead_units', 'saturation'] as const;
const FIXED_REFERENCE_STEPS = 20;

export function fixedThreshold(records: readonly StepRecord[]): FirstAlert | null {
  const ref: number[] = [];
  for (const r of records) {
    const g = globalNorm(r);
    if (g === undefined) continue;
    if (!Number.isFinite(g)) return { step: r.step, rule: 'non-finite norm', severity: 'error' };
    if (ref.length > 0 && g > FIXED_FACTOR * median(ref)) {
      return { step: r.step, rule: `> ${FIXED_FACTOR}x median`, severity: 'error' };
    }
    if (ref.length < FIXED_REFERENCE_STEPS) ref.push(g);
  }
  return null;
}

export function terminateOnNaN(losses: readonly number[]): FirstAlert | null {
  const i = losses.findIndex((l) => !Number.isFinite(l));
  return i < 0 ? null : { step: i + 1, rule: 'non-finite loss', severity: 'error' };
}

export function replay(records: readonly StepRecord[], options?: DetectorOptions): Alert[] {
  const d = new Detector(options);
  const out: Alert[] = [];
  for (const r of records) for (const a of d.observe(r)) if (a.first) out.push(a);
  return out;
}

function first(alerts: readonly Alert[], rules?: readonly string[]): FirstAlert | null {
  const a = alerts.find((x) => rules === undefined || rules.includes(x.rule));
  if (!a) return null;
  return {
    step: a.step,
    rule: a.rule,
    severity: a.severity,
    ...(a.blame ? { layer: a.blame.layer } : {}),
  };
}

/**
 * Scores a trace. `posthoc` is what `gradwatch analyze` found in the logdir after training, or, with
 * `replayed` (or detector options), the current detector run again over the records read back.
 */
export function scoreTrace(t: Trace, options?: DetectorOptions, replayed = options !== undefined): Row {
  const posthoc = replayed ? replay(t.records, options) : t.analyzed;
  return {
    trace: t,
    live: first(t.live),
    posthoc: first(posthoc),
    fixed: fixedThreshold(t.records),
    terminateOnNaN: terminateOnNaN(t.losses),
    vanishing: first(t.kind === 'vanishing' ? posthoc : [], VANISHING_RULES),
  };
}

export interface Totals {
  explosions: number;
  caught: { gradwatch: number; fixed: number; terminateOnNaN: number };
  leads: { gradwatch: number[]; fixed: number[]; terminateOnNaN: number[] };
  /** Explosions where gradwatch's lead is at least the fixed threshold's (or the fixed one missed). */
  notBehindFixed: number;
  /** Explosions gradwatch alerted on strictly earlier than the fixed threshold (or that it missed). */
  aheadOfFixed: number;
  /** Largest number of steps gradwatch alerted after the fixed threshold. */
  worstBehindFixed: number;
  stable: number;
  stableAlerted: { gradwatch: number; fixed: number; terminateOnNaN: number };
  vanishingRuns: number;
  vanishingFound: number;
  withCulprit: number;
  blamedRight: number;
  /** Runs whose live first alert and post-hoc first alert differ (step or rule). */
  liveVsPosthoc: string[];
  /** Scenarios whose ground truth contradicts their kind (an explosion that did not go bad, ...). */
  invalid: string[];
}

/** Steps of warning: bad step minus alert step, when the alert came at or before the bad step. */
export function lead(a: FirstAlert | null, bad: number | null): number | null {
  if (!a || bad === null || a.step > bad) return null;
  return bad - a.step;
}

/** Which alert of a row counts as gradwatch's: the live one when the trace has it. */
export type Source = 'live' | 'posthoc';

export function totals(rows: readonly Row[], source: Source = 'posthoc'): Totals {
  const t: Totals = {
    explosions: 0,
    caught: { gradwatch: 0, fixed: 0, terminateOnNaN: 0 },
    leads: { gradwatch: [], fixed: [], terminateOnNaN: [] },
    notBehindFixed: 0,
    aheadOfFixed: 0,
    worstBehindFixed: 0,
    stable: 0,
    stableAlerted: { gradwatch: 0, fixed: 0, terminateOnNaN: 0 },
    vanishingRuns: 0,
    vanishingFound: 0,
    withCulprit: 0,
    blamedRight: 0,
    liveVsPosthoc: [],
    invalid: [],
  };
  for (const r of rows) {
    const ours = r[source];
    const bad = r.trace.badStep;
    if (r.live?.step !== r.posthoc?.step || r.live?.rule !== r.posthoc?.rule)
      t.liveVsPosthoc.push(r.trace.name);
    // Activation faults are scored by scoreActivations (they may go bad or not).
    if (r.trace.kind === 'activations') continue;
    if (r.trace.kind === 'explodes') {
      if (bad === null) {
        t.invalid.push(`${r.trace.name}: never went bad`);
        continue;
      }
      t.explosions++;
      const leads = {
        gradwatch: lead(ours, bad),
        fixed: lead(r.fixed, bad),
        terminateOnNaN: lead(r.terminateOnNaN, bad),
      };
      for (const k of ['gradwatch', 'fixed', 'terminateOnNaN'] as const) {
        const l = leads[k];
        if (l !== null) {
          t.caught[k]++;
          t.leads[k].push(l);
        }
      }
      const behind = leads.fixed === null ? 0 : leads.fixed - (leads.gradwatch ?? Number.NEGATIVE_INFINITY);
      if (behind <= 0) t.notBehindFixed++;
      if (leads.gradwatch !== null && (leads.fixed === null || leads.gradwatch > leads.fixed))
        t.aheadOfFixed++;
      t.worstBehindFixed = Math.max(t.worstBehindFixed, behind);
    } else {
      if (bad !== null) {
        t.invalid.push(`${r.trace.name}: went bad at step ${bad} (${r.trace.badWhy})`);
        continue;
      }
      if (r.trace.kind === 'stable') {
        t.stable++;
        if (ours) t.stableAlerted.gradwatch++;
        if (r.fixed) t.stableAlerted.fixed++;
        if (r.terminateOnNaN) t.stableAlerted.terminateOnNaN++;
      } else {
        t.vanishingRuns++;
        if (r.vanishing) t.vanishingFound++;
      }
    }
    if (r.trace.culprit !== undefined) {
      t.withCulprit++;
      if (ours?.layer === r.trace.culprit) t.blamedRight++;
    }
  }
  return t;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

function globalNorm(r: StepRecord): number | undefined {
  if (r.globalGradNorm !== undefined) return r.globalGradNorm;
  const norms = (r.layers ?? []).map((l) => l.gradNorm).filter((x): x is number => x !== undefined);
  return norms.length === 0 ? undefined : Math.sqrt(norms.reduce((a, x) => a + x * x, 0));
}

/**
 * Activation faults, as the ground truth defines them from the layers' outputs measured outside
 * gradwatch (probe.ts), at the step's batch with the weights its forward pass used:
 * - dead: at least 99% of a layer's outputs are exactly zero;
 * - saturated: at least 95% of a hidden layer's outputs are beyond ±0.99 (tanh, softsign) or outside
 *   [0.01, 0.99] (sigmoid); a model's output layer is not judged (confidence);
 * - amplifying: a chain of at least 4 layers, each reading the previous one's output, each of whose
 *   output RMS is at least 3x its input's (the first one's input may be the model's input).
 * The fault's layer is the first such layer in forward order (a dead or saturated layer starves the
 * ones after it; a chain starts at its first layer), and its step the first from which that layer
 * shows the fault at every later step of the run.
 */
export const TRUTH = { dead: 0.99, saturated: 0.95, gain: 3, chain: 4 } as const;

export interface ActivationTruth {
  rule: ActivationRule;
  layer: string;
  step: number;
}

/** Per step, the layer indices showing `rule`'s fault (in forward order). */
function faultyLayers(o: LayerOutputs, rule: ActivationRule): number[][] {
  const n = o.layers.length;
  return o.steps.map((s) => {
    if (rule === 'dead_units') return range(n).filter((i) => s.zero[i]! >= TRUTH.dead);
    if (rule === 'saturation')
      return range(n).filter(
        (i) => !o.outputLayers.includes(o.layers[i]!) && (s.saturated[i] ?? 0) >= TRUTH.saturated,
      );
    const amplifies = range(n).map((i) => s.rms[i]! >= TRUTH.gain * s.inputRms[i]! && s.rms[i]! > 0);
    const index = new Map(o.layers.map((l, i) => [l, i]));
    // Length of the amplifying chain ending at each layer, then the chains' first layers.
    const ending: number[] = [];
    for (let i = 0; i < n; i++) {
      const prev = o.inputOf[i] === null ? undefined : index.get(o.inputOf[i]!);
      ending[i] = amplifies[i] ? 1 + (prev === undefined ? 0 : ending[prev]!) : 0;
    }
    const starts = new Set<number>();
    for (let i = 0; i < n; i++) {
      if (ending[i]! < TRUTH.chain) continue;
      let j = i;
      for (let k = 1; k < ending[i]!; k++) j = index.get(o.inputOf[j]!)!;
      starts.add(j);
    }
    return [...starts].sort((a, b) => a - b);
  });
}

/** The ground truth of `rule` over a run's outputs: the first layer at fault and from which step, or null. */
export function activationTruth(o: LayerOutputs, rule: ActivationRule): ActivationTruth | null {
  const per = faultyLayers(o, rule);
  let best: ActivationTruth | null = null;
  for (let i = 0; i < o.layers.length; i++) {
    // The first step from which layer i shows the fault at every later step.
    let from = -1;
    for (let s = per.length - 1; s >= 0 && per[s]!.includes(i); s--) from = s;
    if (from < 0) continue;
    if (!best) best = { rule, layer: o.layers[i]!, step: from + 1 };
  }
  return best;
}

/** How close a run's outputs come to each fault (stable runs hard for the activation rules). */
export interface OutputExtremes {
  /** Largest fraction of exact zeros of a layer at a step (and its median over the steps). */
  zero: { max: number; median: number; layer: string };
  /** Largest saturated fraction of a hidden layer at a step (null: none saturates). */
  saturated: { max: number; layer: string } | null;
  /** The output layers' saturated fraction at the last step (null: not a saturating activation). */
  outputSaturated: number | null;
  /** Largest RMS gain of a layer over its input, and the largest RMS of a layer over the model input's, at the last step. */
  gain: { max: number; layer: string; peak: number };
}

export function outputExtremes(o: LayerOutputs): OutputExtremes {
  const n = o.layers.length;
  const last = o.steps.at(-1)!;
  let zero = { max: -1, median: 0, layer: '' };
  for (let i = 0; i < n; i++) {
    const zs = o.steps.map((s) => s.zero[i]!);
    const m = Math.max(...zs);
    if (m > zero.max) zero = { max: m, median: median(zs), layer: o.layers[i]! };
  }
  let saturated: OutputExtremes['saturated'] = null;
  for (let i = 0; i < n; i++) {
    if (o.kinds[i] === null || o.outputLayers.includes(o.layers[i]!)) continue;
    const m = Math.max(...o.steps.map((s) => s.saturated[i] ?? 0));
    if (!saturated || m > saturated.max) saturated = { max: m, layer: o.layers[i]! };
  }
  const outs = range(n).filter((i) => o.outputLayers.includes(o.layers[i]!) && o.kinds[i] !== null);
  const outputSaturated = outs.length ? Math.max(...outs.map((i) => last.saturated[i] ?? 0)) : null;
  let gain = { max: 0, layer: '', peak: 0 };
  for (let i = 0; i < n; i++) {
    const g = last.rms[i]! / last.inputRms[i]!;
    if (g > gain.max) gain = { ...gain, max: g, layer: o.layers[i]! };
  }
  const input = last.inputRms[o.inputOf.indexOf(null)]!;
  gain.peak = Math.max(...last.rms) / input;
  return { zero, saturated, outputSaturated, gain };
}

const ACTIVATION_RULES: readonly ActivationRule[] = ['dead_units', 'saturation', 'activation_growth'];

export interface ActivationRow {
  trace: Trace;
  /** The fault's ground truth (scenarios with an expected activation fault). */
  truth: ActivationTruth | null;
  /** First alert of the expected rule: live and post hoc. */
  live: FirstAlert | null;
  posthoc: FirstAlert | null;
  /** First alert of any activation rule, live (a wrong kind before the right one shows here). */
  firstActivation: FirstAlert | null;
  /** First alert of any rule, live and post hoc. */
  firstAny: { live: FirstAlert | null; posthoc: FirstAlert | null };
  /** Every first-of-burst alert of an activation rule, live then post hoc (false alarms on stable runs). */
  activationAlerts: { live: FirstAlert[]; posthoc: FirstAlert[] };
  /** Steps whose records hold activation statistics (what gradwatch measured). */
  measuredSteps: number;
  extremes: OutputExtremes | null;
  /** Why the scenario does not show what it claims (its truth disagrees with its construction). */
  invalid?: string;
}

function plain(a: Alert): FirstAlert {
  return { step: a.step, rule: a.rule, severity: a.severity, ...(a.blame ? { layer: a.blame.layer } : {}) };
}

/** Scores a run for the activation rules (runs that expect an activation fault or measured their outputs). */
export function scoreActivations(
  t: Trace,
  options?: DetectorOptions,
  replayed = options !== undefined,
): ActivationRow {
  const posthoc = replayed ? replay(t.records, options) : t.analyzed;
  const isAct = (a: Alert) => (ACTIVATION_RULES as readonly string[]).includes(a.rule);
  const expected = t.activation;
  const truth = expected && t.outputs ? activationTruth(t.outputs, expected.rule) : null;
  const row: ActivationRow = {
    trace: t,
    truth,
    live: expected ? first(t.live, [expected.rule]) : null,
    posthoc: expected ? first(posthoc, [expected.rule]) : null,
    firstActivation: first(t.live, ACTIVATION_RULES),
    firstAny: { live: first(t.live), posthoc: first(posthoc) },
    activationAlerts: { live: t.live.filter(isAct).map(plain), posthoc: posthoc.filter(isAct).map(plain) },
    measuredSteps: t.records.filter((r) => r.layers?.some((l) => l.activation !== undefined)).length,
    extremes: t.outputs && t.outputs.steps.length > 0 ? outputExtremes(t.outputs) : null,
  };
  if (expected && !t.outputs) row.invalid = 'no outputs measured';
  else if (expected && !truth) row.invalid = `the outputs show no ${expected.rule} fault`;
  else if (expected && truth && truth.layer !== expected.layer)
    row.invalid = `the outputs show the fault at ${truth.layer}, not ${expected.layer}`;
  else if (t.kind === 'stable' && t.outputs) {
    const faults = ACTIVATION_RULES.map((r) => activationTruth(t.outputs!, r)).filter((x) => x !== null);
    if (faults.length)
      row.invalid = `the outputs show ${faults.map((f) => `${f.rule} @${f.layer}`).join(', ')}`;
  }
  return row;
}

/** Whether an activation row's alert (live, or post hoc) names the fault: the right rule at the right layer. */
export function caught(r: ActivationRow, source: Source = 'live'): boolean {
  return r.truth !== null && r[source]?.layer === r.truth.layer;
}

export interface ActivationTotals {
  faults: number;
  caught: number;
  /** Alert step minus truth step, for the faults caught. */
  delays: number[];
  stable: number;
  /** Stable runs whose records hold activation statistics. */
  stableMeasured: number;
  stableAlerted: number;
  invalid: string[];
}

export function activationTotals(rows: readonly ActivationRow[], source: Source = 'live'): ActivationTotals {
  const t: ActivationTotals = {
    faults: 0,
    caught: 0,
    delays: [],
    stable: 0,
    stableMeasured: 0,
    stableAlerted: 0,
    invalid: [],
  };
  for (const r of rows) {
    if (r.invalid) t.invalid.push(`${r.trace.name}: ${r.invalid}`);
    if (r.trace.activation) {
      if (r.invalid) continue;
      t.faults++;
      if (caught(r, source)) {
        t.caught++;
        t.delays.push(r[source]!.step - r.truth!.step);
      }
    } else if (r.trace.kind === 'stable') {
      t.stable++;
      if (r.measuredSteps > 0) t.stableMeasured++;
      if (r.activationAlerts[source].length > 0) t.stableAlerted++;
    }
  }
  return t;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
