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
const clean = (name: string) => (name.isWellFormed() ? name : name.toWellFormed());

export const TAGS = {
  globalGradNorm: 'grad_norm/global',
  gradNorm: (name: string) => `grad_norm/${clean(name)}`,
  gradMax: (name: string) => `grad_max/${clean(name)}`,
  nonfiniteTotal: 'nonfinite/grad_total',
  nonfinite: (name: string, kind: 'nan' | 'posinf' | 'neginf') => `nonfinite/${clean(name)}/${kind}`,
  weightNonfinite: (name: string) => `nonfinite/${clean(name)}/weights`,
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

/** Writes `s` at its step. Per-layer series use the layer name, per-variable ones the variable name. */
export function writeStepStats(writer: SummaryWriter, s: StepStats, learningRate?: number): void {
  const v: Array<[string, number]> = [
    [TAGS.globalGradNorm, s.globalGradNorm],
    [TAGS.globalWeightNorm, s.globalWeightNorm],
    [TAGS.nonfiniteTotal, s.gradNonFinite],
  ];
  if (!Number.isNaN(s.globalUpdateRatio)) v.push([TAGS.globalUpdateRatio, s.globalUpdateRatio]);
  if (learningRate !== undefined) v.push([TAGS.learningRate, learningRate]);
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
    v.push([TAGS.gradNorm(l.name), l.gradNorm], [TAGS.weightNorm(l.name), l.weightNorm]);
    if (!Number.isNaN(l.updateRatio)) v.push([TAGS.updateRatio(l.name), l.updateRatio]);
  }
  for (const x of s.variables) {
    if (x.hasGradient) {
      v.push([TAGS.gradNorm(x.name), x.gradNorm], [TAGS.gradMax(x.name), x.gradMaxAbs]);
      v.push(
        [TAGS.nonfinite(x.name, 'nan'), x.gradNaN],
        [TAGS.nonfinite(x.name, 'posinf'), x.gradPosInf],
        [TAGS.nonfinite(x.name, 'neginf'), x.gradNegInf],
      );
    }
    v.push([TAGS.weightNorm(x.name), x.weightNorm], [TAGS.weightNonfinite(x.name), x.weightNonFinite]);
    if (!Number.isNaN(x.updateNorm)) v.push([TAGS.updateRatio(x.name), x.updateNorm / x.weightNorm]);
  }
  if (s.scalars && s.variables.length > 0) writer.scalars(v, s.step);
  for (const h of s.histograms)
    writer.histogram(TAGS.histogram(h.kind, h.variable), { buckets: rowsOf(h.buckets) }, s.step);
}

function rowsOf(b: Float64Array): Array<[number, number, number]> {
  const rows: Array<[number, number, number]> = [];
  for (let i = 0; i < b.length; i += 3) rows.push([b[i]!, b[i + 1]!, b[i + 2]!]);
  return rows;
}
