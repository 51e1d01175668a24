/**
 * Unpacks the device's packed numbers (see device-stats.ts) into per-step statistics: per variable,
 * per layer and global. Pure: no tfjs, so tests and the detector can use it on plain arrays.
 */
import { STATS_PER_VAR, Stat } from './device-stats.js';

export interface VariableStats {
  name: string;
  layer: string;
  hasGradient: boolean;
  gradNorm: number;
  gradMaxAbs: number;
  gradNaN: number;
  gradPosInf: number;
  gradNegInf: number;
  weightNorm: number;
  /** ||Δw||, the update the optimizer actually applied; NaN when not measured this step. */
  updateNorm: number;
  weightNonFinite: number;
  /** Non-finite weight elements before the update; counted only on steps with non-finite gradients. */
  weightNonFiniteBefore: number;
}

export interface LayerStats {
  name: string;
  gradNorm: number;
  weightNorm: number;
  updateNorm: number;
  /** ||Δw|| / ||w|| over the layer's variables (NaN when not measured). */
  updateRatio: number;
}

export type HistogramKind = 'grad' | 'weight' | 'update';

export interface StepHistogram {
  kind: HistogramKind;
  variable: string;
  /** Row-major [k,3] (left, right, count) over finite values. */
  buckets: Float64Array;
}

/** What clipping did on a step. */
export interface ClipStats {
  mode: 'globalNorm' | 'norm' | 'value' | 'zclip' | 'agc' | 'autoclip';
  threshold: number;
  /** Global norm of the gradients as computed (before clipping). */
  preClipNorm: number;
  /** Global norm of the gradients the optimizer applied. */
  postClipNorm: number;
  /** Scale applied: the single factor (globalNorm), the smallest per-variable factor (norm), NaN (value). */
  scale: number;
  clipped: boolean;
  /** value mode: fraction of gradient elements clamped. */
  fractionClipped: number;
  /** Fraction of the last logged steps (up to CLIP_RATE_WINDOW) that clipped. */
  rate: number;
}

export interface StepStats {
  step: number;
  /** The loss minimize() computed for this step's gradients (absent outside minimize). */
  loss?: number;
  /** The update was not applied (a detector action). */
  skipped: boolean;
  clip?: ClipStats;
  /** False on a histogram-only step (statsFreq does not divide the step): scalars are not logged. */
  scalars: boolean;
  variables: VariableStats[];
  layers: LayerStats[];
  globalGradNorm: number;
  globalWeightNorm: number;
  globalUpdateRatio: number;
  /** NaN + ±Inf gradient elements over all variables. */
  gradNonFinite: number;
  histograms: StepHistogram[];
}

/** Exact non-finite counts, computed only for variables whose sums came back non-finite. */
export interface NonFiniteCounts {
  grad?: readonly [nan: number, posInf: number, negInf: number];
  weight?: readonly [nan: number, posInf: number, negInf: number];
  weightBefore?: readonly [nan: number, posInf: number, negInf: number];
}

/** The gradient half of a step, read synchronously inside the step when a detector gate is set. */
export interface GradientCheck {
  step: number;
  loss?: number;
  variables: Array<
    Pick<
      VariableStats,
      | 'name'
      | 'layer'
      | 'hasGradient'
      | 'gradNorm'
      | 'gradNaN'
      | 'gradPosInf'
      | 'gradNegInf'
      | 'weightNonFiniteBefore'
    >
  >;
}

/** Reads a GradientCheck from the [sum g², a, b] triples of gradientStats (3 numbers per variable). */
export function unpackGradientCheck(
  step: number,
  variables: PackLayout['variables'],
  triples: ArrayLike<number>,
  counts: ReadonlyMap<number, NonFiniteCounts>,
  loss: number | undefined,
): GradientCheck {
  return {
    step,
    ...(loss === undefined ? {} : { loss }),
    variables: variables.map((v, i) => {
      const c = counts.get(i);
      const g = c?.grad ?? [0, 0, 0];
      const b = c?.weightBefore ?? [0, 0, 0];
      return {
        name: v.name,
        layer: v.layer,
        hasGradient: v.hasGradient,
        gradNorm: v.hasGradient ? Math.sqrt(triples[i * 3]!) : Number.NaN,
        gradNaN: g[0],
        gradPosInf: g[1],
        gradNegInf: g[2],
        weightNonFiniteBefore: b[0] + b[1] + b[2],
      };
    }),
  };
}

/** What was packed for one step, in order. */
export interface PackLayout {
  step: number;
  /** False on a histogram-only step: its scalars are not logged. */
  scalars: boolean;
  variables: Array<{ name: string; layer: string; hasGradient: boolean; size: number }>;
  updatesMeasured: boolean;
  /** The loss is the last number of the pack. */
  loss: boolean;
  skipped: boolean;
  /** Present when clipping: its numbers follow the per-variable block. */
  clip?: { mode: 'globalNorm' | 'norm' | 'value' | 'zclip' | 'agc' | 'autoclip'; threshold: number };
}

/** Indices of the variables whose gradient or weight sums are non-finite (they need exact counts). */
export function variablesNeedingCounts(
  layout: PackLayout,
  data: ArrayLike<number>,
): { grad: number[]; weight: number[] } {
  const grad: number[] = [];
  const weight: number[] = [];
  layout.variables.forEach((v, i) => {
    const o = i * STATS_PER_VAR;
    if (v.hasGradient && !Number.isFinite(data[o + Stat.GradSumSq]!)) grad.push(i);
    if (!Number.isFinite(data[o + Stat.WeightSumSq]!)) weight.push(i);
  });
  return { grad, weight };
}

export function unpackStepStats(
  layout: PackLayout,
  data: ArrayLike<number>,
  counts: ReadonlyMap<number, NonFiniteCounts> = new Map(),
  histograms: StepHistogram[] = [],
): StepStats {
  const variables: VariableStats[] = layout.variables.map((v, i) => {
    const o = i * STATS_PER_VAR;
    const c = counts.get(i);
    const g = c?.grad ?? [0, 0, 0];
    const w = c?.weight ?? [0, 0, 0];
    const b = c?.weightBefore ?? [0, 0, 0];
    return {
      name: v.name,
      layer: v.layer,
      hasGradient: v.hasGradient,
      gradNorm: v.hasGradient ? Math.sqrt(data[o + Stat.GradSumSq]!) : Number.NaN,
      gradMaxAbs: v.hasGradient
        ? Math.max(Math.abs(data[o + Stat.GradMax]!), Math.abs(data[o + Stat.GradMin]!))
        : Number.NaN,
      gradNaN: g[0],
      gradPosInf: g[1],
      gradNegInf: g[2],
      weightNorm: Math.sqrt(data[o + Stat.WeightSumSq]!),
      updateNorm: layout.updatesMeasured ? Math.sqrt(data[o + Stat.UpdateSumSq]!) : Number.NaN,
      weightNonFinite: w[0] + w[1] + w[2],
      weightNonFiniteBefore: b[0] + b[1] + b[2],
    };
  });
  const byLayer = new Map<string, { g: number; w: number; u: number }>();
  let g = 0;
  let w = 0;
  let u = 0;
  let gradNonFinite = 0;
  for (const v of variables) {
    const acc = byLayer.get(v.layer) ?? { g: 0, w: 0, u: 0 };
    if (v.hasGradient) acc.g += v.gradNorm * v.gradNorm;
    acc.w += v.weightNorm * v.weightNorm;
    acc.u += v.updateNorm * v.updateNorm;
    byLayer.set(v.layer, acc);
    if (v.hasGradient) g += v.gradNorm * v.gradNorm;
    w += v.weightNorm * v.weightNorm;
    u += v.updateNorm * v.updateNorm;
    gradNonFinite += v.gradNaN + v.gradPosInf + v.gradNegInf;
  }
  const layers: LayerStats[] = [...byLayer.entries()].map(([name, a]) => ({
    name,
    gradNorm: Math.sqrt(a.g),
    weightNorm: Math.sqrt(a.w),
    updateNorm: Math.sqrt(a.u),
    updateRatio: Math.sqrt(a.u) / Math.sqrt(a.w),
  }));
  const clip = layout.clip ? unpackClip(layout, data, Math.sqrt(g)) : undefined;
  const loss = layout.loss ? data[data.length - 1]! : undefined;
  return {
    step: layout.step,
    ...(loss === undefined ? {} : { loss }),
    skipped: layout.skipped,
    ...(clip ? { clip } : {}),
    scalars: layout.scalars,
    variables,
    layers,
    globalGradNorm: Math.sqrt(g),
    globalWeightNorm: Math.sqrt(w),
    globalUpdateRatio: Math.sqrt(u) / Math.sqrt(w),
    gradNonFinite,
    histograms,
  };
}

function unpackClip(layout: PackLayout, data: ArrayLike<number>, preClipNorm: number): ClipStats {
  const c = layout.clip!;
  const v = layout.variables;
  const o = v.length * STATS_PER_VAR;
  // globalNorm: [scale]; zclip: [scale, threshold]; norm, agc and value: one number per variable.
  const moving = c.mode === 'zclip' || c.mode === 'autoclip';
  const heads = c.mode === 'globalNorm' ? 1 : moving ? 2 : v.length;
  const head = Array.from({ length: heads }, (_, i) => data[o + i]!);
  const postClipNorm = Math.sqrt(data[o + heads]!);
  let scale = Number.NaN;
  let clipped = false;
  let fractionClipped = 0;
  if (c.mode === 'value') {
    const total = v.reduce((a, x) => a + x.size, 0);
    const n = head.reduce((a, b) => a + b, 0);
    fractionClipped = total > 0 ? n / total : 0;
    clipped = n > 0;
  } else if (moving) {
    scale = head[0]!;
    clipped = scale < 1;
  } else {
    scale = Math.min(...head.filter((_, i) => c.mode === 'globalNorm' || v[i]!.hasGradient));
    clipped = scale < 1;
  }
  return {
    mode: c.mode,
    // zclip's threshold (mean + z * sigma) moves: it is the one logged with the step.
    threshold: moving ? head[1]! : c.threshold,
    preClipNorm,
    postClipNorm,
    scale,
    clipped,
    fractionClipped,
    rate: Number.NaN,
  };
}
