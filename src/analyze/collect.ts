/**
 * Streams one run's points into what the report needs, with memory bounded by the run's steps, not
 * its size: a summary and a downsampled sparkline per tag, and full per-step values only for the
 * series the detector reads (loss, gradient norms, non-finite counts, weights, update ratios).
 */
import type { DecodedValue } from '../summary/decode.js';
import { Downsampler } from './downsample.js';
import { type Axis, axisOf, normFromBuckets } from './series.js';
import type { Step } from './step.js';
import { StepSeries } from './step-series.js';

export interface TagSummary {
  tag: string;
  kind: 'scalar' | 'histogram' | 'text' | 'other';
  /** Whether its steps are optimizer steps or epochs (Keras's epoch_* series). */
  axis: Axis;
  points: number;
  firstStep: Step;
  lastStep: Step;
  /** Scalars: the last value, the finite min and max, the first non-finite step. */
  last: number;
  min: number;
  max: number;
  firstNonFinite?: Step;
  spark?: Downsampler;
  /** Every value by step, for the series the detector may read (decided once per tag). */
  kept?: StepSeries;
}

/** The largest time a JavaScript Date holds: 8.64e15 ms after the epoch (the year 275760). */
const MAX_DATE_SECONDS = 8.64e12;

/**
 * Whether an event's wall time is a date: finite, after the epoch and within what a Date holds.
 * Infinity, NaN and values like 1e20 are not; 0 means the writer left it unset.
 */
export function isWallTime(t: number): boolean {
  return Number.isFinite(t) && t > 0 && t <= MAX_DATE_SECONDS;
}

/** Scalar tags whose every value is kept (they may feed the detector). */
const KEEP = /norm|loss|ratio|^(alerts|clip|nonfinite)\/|^act\/.*\/((zero|saturated)_fraction|max_abs)$/i;
/^(grad_norm|weight_norm|update_ratio|nonfinite|alerts|clip|grad_2\.0_norm)(\/|$)|loss|grad(ient)?[-_ ]?norm/i;

export class RunCollector {
  readonly tags = new Map<string, TagSummary>();
  readonly kept = new Map<string, StepSeries>();
  /** Estimated norms from gradient histograms: tag -> step -> norm. */
  readonly histNorms = new Map<string, StepSeries>();
  readonly explanations: Array<{ step: number; text: string }> = [];
  /** gradwatch's post-mortems (postmortem/<step> texts): the step and the sentence naming the origin. */
  readonly postMortems: Array<{ step: number; origin: string; evidence?: string }> = [];
  firstWallTime = Number.POSITIVE_INFINITY;
  lastWallTime = Number.NEGATIVE_INFINITY;
  /** Span of the series on the step axis. */
  firstStep: Step = Number.POSITIVE_INFINITY;
  lastStep: Step = Number.NEGATIVE_INFINITY;
  /** Span of the series on the epoch axis (epoch_*), never mixed with the steps. */
  firstEpoch: Step = Number.POSITIVE_INFINITY;
  lastEpoch: Step = Number.NEGATIVE_INFINITY;
  points = 0;
  /**
   * Points at steps beyond 2^53: exact in the span and the summaries, but kept out of the per-step
   * series (the detector needs steps it can order and compare as numbers).
   */
  unsafeStepPoints = 0;

  constructor(readonly name: string) {}

  add(step: Step, wallTime: number, v: DecodedValue): void {
    this.points++;
    const safe = typeof step === 'number';
    if (!safe) this.unsafeStepPoints++;
    if (isWallTime(wallTime)) {
      if (wallTime < this.firstWallTime) this.firstWallTime = wallTime;
      if (wallTime > this.lastWallTime) this.lastWallTime = wallTime;
    }
    let t = this.tags.get(v.tag);
    if (!t) {
      t = {
        tag: v.tag,
        kind: v.kind,
        axis: axisOf(v.tag),
        points: 0,
        firstStep: step,
        lastStep: step,
        last: Number.NaN,
        min: Number.POSITIVE_INFINITY,
        max: Number.NEGATIVE_INFINITY,
        ...(v.kind === 'scalar' ? { spark: new Downsampler() } : {}),
      };
      if (v.kind === 'scalar' && KEEP.test(v.tag)) {
        t.kept = new StepSeries();
        this.kept.set(v.tag, t.kept);
      }
      this.tags.set(v.tag, t);
    }
    if (t.axis === 'epoch') {
      if (step < this.firstEpoch) this.firstEpoch = step;
      if (step > this.lastEpoch) this.lastEpoch = step;
    } else {
      if (step < this.firstStep) this.firstStep = step;
      if (step > this.lastStep) this.lastStep = step;
    }
    t.points++;
    if (step < t.firstStep) t.firstStep = step;
    if (step > t.lastStep) t.lastStep = step;
    if (v.kind === 'scalar') {
      const x = v.value;
      t.last = x;
      if (Number.isFinite(x)) {
        if (x < t.min) t.min = x;
        if (x > t.max) t.max = x;
      } else if (t.firstNonFinite === undefined || step < t.firstNonFinite) t.firstNonFinite = step;
      t.spark!.push(Number(step), x);
      if (safe) t.kept?.set(step, x);
    } else if (!safe) {
      // Only the span and the counts for such steps.
    } else if (v.kind === 'histogram' && /grad/i.test(v.tag)) {
      let m = this.histNorms.get(v.tag);
      if (!m) {
        m = new StepSeries();
        this.histNorms.set(v.tag, m);
      }
      m.set(step, normFromBuckets(v.buckets));
    } else if (v.kind === 'text' && v.tag === 'alerts/explanation') {
      this.explanations.push({ step, text: v.text });
    } else if (v.kind === 'text' && v.tag.startsWith('postmortem/') && this.postMortems.length < 100) {
      // The sentence after "The damage was created", markdown emphasis and code marks removed.
      const m = /The damage was created ([^\n]*)/.exec(v.text);
      const origin = (m?.[1] ?? v.text.split('\n').find((l) => l && !l.startsWith('#')) ?? '')
        .replace(/[*`]/g, '')
        .slice(0, 500);
      // keepEvidence: the folder (in this run) holding the weights and the batch.
      const kept = /Evidence kept in `([^`\n]+)`/.exec(v.text)?.[1];
      this.postMortems.push({ step, origin, ...(kept ? { evidence: kept.slice(0, 200) } : {}) });
    }
  }
}
