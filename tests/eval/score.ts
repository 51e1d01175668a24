/**
 * Scoring of the detector evaluation: per trace, the bad step (ground truth), the first alert of
 * gradwatch (live, and replayed post hoc over what the logdir holds) and of two baselines a user
 * could write in three lines, and the totals the targets are stated in.
 *
 * Baselines, evaluated on the same per-step numbers:
 * - TerminateOnNaN (Keras): alerts at the first non-finite loss.
 * - fixed threshold: alerts at the first step whose global gradient norm is non-finite or above 10x
 *   the median of the norms of the steps before it, up to the first 20 (so it can fire from step 2).
 */
import { Detector } from '../../src/detect/detector.js';
import type { DetectorOptions } from '../../src/detect/options.js';
import type { Alert, StepRecord } from '../../src/detect/types.js';
import type { Trace } from './harness.js';

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
