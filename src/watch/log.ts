/**
 * Writes one step's statistics to a SummaryWriter under tags that group well in TensorBoard (the
 * part before the first "/" is the group). The table in the README lists them.
 */
import type { SummaryWriter } from '../summary/writer.js';
import type { StepStats } from './step-stats.js';

/**
 * Tags are built from layer and variable names, which the user chose. A name with a lone surrogate
 * cannot be encoded as UTF-8 (the writer rejects such tags, and TensorBoard's loader would fail on
 * the file), so it is logged with U+FFFD in its place rather than losing every series of the step.
 * Names are never used as paths, so "..", "/" and control characters need no treatment.
 */
const wellFormed = (name: string) => (name.isWellFormed() ? name : name.toWellFormed());

/**
 * A layer or variable name as it appears in tags. `grad_norm/global`, `weight_norm/global` and
 * `update_ratio/global` are the global series, so a layer (or a slash-less variable) named `global`
 * would write into them: such names get one more `_` (`global` is logged as `global_`, `global_` as
 * `global__`, and so on), which keeps every name distinct and leaves all others as they are.
 */
export function tagName(name: string): string {
  return GLOBAL_LIKE.test(name) ? `${name}_` : name;
}
const GLOBAL_LIKE = /^global_*$/;

const clean = (name: string) => tagName(wellFormed(name));

export const TAGS = {
  globalGradNorm: 'grad_norm/global',
  gradNorm: (name: string) => `grad_norm/${clean(name)}`,
  gradMax: (name: string) => `grad_max/${clean(name)}`,
  nonfiniteTotal: 'nonfinite/grad_total',
  nonfinite: (name: string, kind: 'nan' | 'posinf' | 'neginf') => `nonfinite/${clean(name)}/${kind}`,
  weightNonfinite: (name: string) => `nonfinite/${clean(name)}/weights`,
  /** Non-finite weights before the step's update (logged when its gradients were non-finite). */
  weightNonfiniteBefore: (name: string) => `nonfinite/${clean(name)}/weights_before`,
  weightNorm: (name: string) => `weight_norm/${clean(name)}`,
  globalWeightNorm: 'weight_norm/global',
  updateRatio: (name: string) => `update_ratio/${clean(name)}`,
  globalUpdateRatio: 'update_ratio/global',
  learningRate: 'learning_rate',
  histogram: (kind: 'grad' | 'weight' | 'update', name: string) => `${kind}_hist/${clean(name)}`,
  // Pre- and post-clip norms are named as such: grad_norm/* are always the gradients as computed.
  clipPreNorm: 'clip/pre_clip_global_norm',
  clipPostNorm: 'clip/post_clip_global_norm',
  clipScale: 'clip/scale',
  clipClipped: 'clip/clipped',
  clipThreshold: 'clip/threshold',
  clipFraction: 'clip/fraction_clipped',
  clipRate: 'clip/rate',
} as const;

/** The tags of one variable or layer, built once: this runs at every step. */
interface NameTags {
  gradNorm: string;
  gradMax: string;
  nan: string;
  posinf: string;
  neginf: string;
  weights: string;
  weightsBefore: string;
  weightNorm: string;
  updateRatio: string;
}
const tagCache = new Map<string, NameTags>();

function tagsOf(name: string): NameTags {
  let t = tagCache.get(name);
  if (!t) {
    t = {
      gradNorm: TAGS.gradNorm(name),
      gradMax: TAGS.gradMax(name),
      nan: TAGS.nonfinite(name, 'nan'),
      posinf: TAGS.nonfinite(name, 'posinf'),
      neginf: TAGS.nonfinite(name, 'neginf'),
      weights: TAGS.weightNonfinite(name),
      weightsBefore: TAGS.weightNonfiniteBefore(name),
      weightNorm: TAGS.weightNorm(name),
      updateRatio: TAGS.updateRatio(name),
    };
    // Bounded: a process that trains many differently named models must not grow it for ever.
    if (tagCache.size >= 10_000) tagCache.clear();
    tagCache.set(name, t);
  }
  return t;
}

/**
 * Writes `s` at its step. Per-layer series use the layer name, per-variable ones the variable name.
 * Every step: the global and per-layer gradient norms, the non-finite total, clipping. Per-variable
 * gradient norms and non-finite counts: at detail steps, and at any step with non-finite gradients.
 * Weight norms, update ratios, max |g| and the learning rate: at detail steps (weights also after a
 * step with non-finite gradients). `extra` scalars are written in the same event.
 */
export function writeStepStats(
  writer: SummaryWriter,
  s: StepStats,
  learningRate?: number,
  extra?: ReadonlyArray<readonly [string, number]>,
): void {
  const v: Array<readonly [string, number]> = [
    [TAGS.globalGradNorm, s.globalGradNorm],
    [TAGS.nonfiniteTotal, s.gradNonFinite],
  ];
  if (s.globalWeightNorm !== undefined) v.push([TAGS.globalWeightNorm, s.globalWeightNorm]);
  if (s.globalUpdateRatio !== undefined) v.push([TAGS.globalUpdateRatio, s.globalUpdateRatio]);
  if (learningRate !== undefined && s.detail) v.push([TAGS.learningRate, learningRate]);
  if (s.clip) {
    const c = s.clip;
    v.push(
      [TAGS.clipPreNorm, c.preClipNorm],
      [TAGS.clipPostNorm, c.postClipNorm],
      [TAGS.clipClipped, c.clipped ? 1 : 0],
      [TAGS.clipThreshold, c.threshold],
      [TAGS.clipRate, c.rate],
    );
    if (c.mode === 'value') v.push([TAGS.clipFraction, c.fractionClipped]);
    else v.push([TAGS.clipScale, c.scale]);
  }
  for (const l of s.layers) {
    const t = tagsOf(l.name);
    v.push([t.gradNorm, l.gradNorm]);
    if (l.weightNorm !== undefined) v.push([t.weightNorm, l.weightNorm]);
    if (l.updateRatio !== undefined) v.push([t.updateRatio, l.updateRatio]);
  }
  const counts = s.detail || s.gradNonFinite > 0;
  for (const x of s.variables) {
    const t = tagsOf(x.name);
    // A variable that is its layer's only one and has its name (watchOptimizer's slash-less names,
    // `w` in layer `w`): its norms and update ratio are the layer's, already written under the same
    // tags.
    const own = x.name !== x.layer || !soleVariable(s.variables, x);
    if (x.hasGradient && counts) {
      if (own) v.push([t.gradNorm, x.gradNorm]);
      v.push([t.nan, x.gradNaN], [t.posinf, x.gradPosInf], [t.neginf, x.gradNegInf]);
      if (x.gradMaxAbs !== undefined) v.push([t.gradMax, x.gradMaxAbs]);
    }
    // Where a non-finite step started: weights already non-finite before its update (post-hoc blame).
    if (s.gradNonFinite > 0) v.push([t.weightsBefore, x.weightNonFiniteBefore]);
    if (x.weightNorm !== undefined && own) v.push([t.weightNorm, x.weightNorm]);
    if (x.weightNonFinite !== undefined) v.push([t.weights, x.weightNonFinite]);
    // Relative to the weights the update was applied to; none for weights that were all zero.
    if (x.updateNorm !== undefined && x.weightNormBefore !== undefined && x.weightNormBefore > 0 && own) {
      v.push([t.updateRatio, x.updateNorm / x.weightNormBefore]);
    }
  }
  // `extra` (the detector's alert levels) rides in the same event: one record per step.
  if (extra) for (const pair of extra) v.push(pair);
  if (s.variables.length > 0 || extra) writer.scalars(v, s.step);
  // A step's histograms in a few events rather than one each (a record, its CRCs and an Event
  // apiece); in groups of at most about HISTOGRAM_EVENT_BYTES, so that many variables or buckets do
  // not make one large record (a page's last-chance send takes whole records within a quota).
  let group: Array<readonly [string, { buckets: Float64Array }]> = [];
  let bytes = 0;
  for (const h of s.histograms) {
    const size = h.buckets.byteLength + 64;
    if (group.length > 0 && bytes + size > HISTOGRAM_EVENT_BYTES) {
      writer.histograms(group, s.step);
      group = [];
      bytes = 0;
    }
    group.push([TAGS.histogram(h.kind, h.variable), { buckets: h.buckets }]);
    bytes += size;
  }
  if (group.length > 0) writer.histograms(group, s.step);
}

/** About 20 histograms of 30 buckets per event. */
const HISTOGRAM_EVENT_BYTES = 16 * 1024;

/** Whether `x` is the only variable of its layer. */
function soleVariable(variables: StepStats['variables'], x: StepStats['variables'][number]): boolean {
  for (const y of variables) if (y !== x && y.layer === x.layer) return false;
  return true;
}
