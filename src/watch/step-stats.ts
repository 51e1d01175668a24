/**
 * A step's statistics, assembled on the host from what the watch took during the step: the sum of
 * squares of every gradient and the loss (every step), and on the steps that need them the values of
 * gradients and weights (before and after the update). Pure: no tfjs, so tests and the detector can
 * use it on plain arrays.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import { computeHistogram, type Histogram } from '../summary/histogram.js';
import { nonFiniteCounts, summarize, updateSums, type ValueSummary, type Values } from './host-stats.js';

export interface VariableInfo {
  /** The name its series are logged under. */
  name: string;
  layer: string;
  hasGradient: boolean;
  size: number;
}

export interface VariableStats extends VariableInfo {
  /** NaN when the variable got no gradient. */
  gradNorm: number;
  /** Exact counts; non-zero only at steps whose gradient norm is non-finite. */
  gradNaN: number;
  gradPosInf: number;
  gradNegInf: number;
  /** Non-finite weight elements before the update; counted only at steps with non-finite gradients. */
  weightNonFiniteBefore: number;
  /** The rest is measured at detail steps only (undefined elsewhere). */
  gradMaxAbs?: number;
  /** L2 norm of the weights after the update (NaN or Inf when they hold NaN or Inf). */
  weightNorm?: number;
  /** ||Δw||, the update the optimizer actually applied, and ||w|| before it (what it was applied to). */
  updateNorm?: number;
  weightNormBefore?: number;
  weightNonFinite?: number;
}

export interface LayerStats {
  name: string;
  /** Some variable of the layer got a gradient at this step. */
  hasGradient: boolean;
  gradNorm: number;
  /** Its variables' exact non-finite gradient counts (non-zero only at steps with a non-finite norm). */
  gradNaN: number;
  gradPosInf: number;
  gradNegInf: number;
  /** Non-finite weights before the update (counted at steps with non-finite gradients). */
  weightNonFiniteBefore: number;
  /** Non-finite weights after the update, where the weights were read. */
  weightNonFinite?: number;
  /** Detail steps only. */
  weightNorm?: number;
  updateNorm?: number;
  /**
   * ||Δw|| / ||w before the update|| over the layer's variables (CS231n's update scale over parameter
   * scale); absent when the weights were all zero before it.
   */
  updateRatio?: number;
}

export type HistogramKind = 'grad' | 'weight' | 'update';

export interface StepHistogram {
  kind: HistogramKind;
  variable: string;
  /** Row-major [k,3] (left, right, count) over finite values. */
  buckets: Float64Array;
}

export type ClipMode = 'globalNorm' | 'norm' | 'value' | 'zclip' | 'agc' | 'autoclip';

/** What clipping did on a step. */
export interface ClipStats {
  mode: ClipMode;
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

/** A layer's activation statistics at a measured step (see watch/activations.ts), in forward order. */
export interface StepActivation {
  layer: string;
  zeroFraction: number;
  saturatedFraction?: number;
  maxAbs: number;
}

export interface StepStats {
  step: number;
  /** The loss minimize() computed for this step's gradients (absent outside minimize). */
  loss?: number;
  /** The update was not applied (a detector action). */
  skipped: boolean;
  /** The detail statistics (weights, updates, max |g|) were measured at this step. */
  detail: boolean;
  clip?: ClipStats;
  variables: VariableStats[];
  layers: LayerStats[];
  globalGradNorm: number;
  /** NaN + ±Inf gradient elements over all variables. */
  gradNonFinite: number;
  /** Detail steps only. */
  globalWeightNorm?: number;
  globalUpdateRatio?: number;
  histograms: StepHistogram[];
  /** What each layer output in the forward pass, at the steps activations were measured. */
  activations?: readonly StepActivation[];
}

/** What the watch took during one step, with every value already on the host. */
export interface StepCapture {
  step: number;
  skipped: boolean;
  detail: boolean;
  histogram: boolean;
  variables: VariableInfo[];
  /** Σg² of each variable's gradient (float32 on the device, or float64 on the host), then the loss. */
  sumSq: ArrayLike<number>;
  /** Whether the number after the sums is the step's loss (it may be NaN: a NaN loss). */
  hasLoss: boolean;
  /** Gradient values, where taken (detail and histogram steps, and where Σg² is non-finite). */
  grads: ReadonlyArray<Values | null>;
  /** Weight values before the update (detail steps, and every variable at steps with non-finite Σg²). */
  before: ReadonlyArray<Values | null>;
  /** Weight values after the update (detail steps, and histogram steps that need them). */
  after: ReadonlyArray<Values | null>;
  clip?: { mode: ClipMode; threshold: number; info: ArrayLike<number> };
  /** Gradient histograms ([k,3] rows) bucketed on the device, for variables whose values were not read. */
  gradHistograms?: ReadonlyArray<Float64Array | null>;
  /** Detail statistics computed on the device for variables whose values were not read (large ones). */
  reduced?: ReadonlyArray<{
    gradMaxAbs: number;
    weightSumSq: number;
    updateSumSq: number;
    beforeSumSq: number;
  } | null>;
}

export interface AssembleOptions {
  buckets: number;
  /** Measure ||Δw|| at detail steps (default true). */
  updates?: boolean;
  histograms: { gradients: boolean; weights: boolean; updates: boolean };
}

/** The gradient half of a step, known before the update (the detector's in-step gate reads it). */
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
  /** The step's loss function, when it came through minimize (fit's closes over its batch): a post-mortem replays it. */
  lossFn?: () => Tensor;
}

/** The per-variable gradient half: norms, and exact counts where the sum of squares is non-finite. */
export function gradientHalf(
  c: Pick<StepCapture, 'step' | 'variables' | 'sumSq' | 'hasLoss' | 'grads' | 'before'>,
): GradientCheck {
  const n = c.variables.length;
  const loss = c.hasLoss ? c.sumSq[n] : undefined;
  const variables: GradientCheck['variables'] = new Array(n);
  let finite = true;
  for (let i = 0; i < n; i++) {
    const v = c.variables[i]!;
    const s = c.sumSq[i]!;
    if (v.hasGradient && !Number.isFinite(s)) finite = false;
    variables[i] = {
      name: v.name,
      layer: v.layer,
      hasGradient: v.hasGradient,
      gradNorm: v.hasGradient ? Math.sqrt(s) : Number.NaN,
      gradNaN: 0,
      gradPosInf: 0,
      gradNegInf: 0,
      weightNonFiniteBefore: 0,
    };
  }
  if (!finite) countNonFinite(c, variables);
  return { step: c.step, ...(loss === undefined ? {} : { loss }), variables };
}

/** The rare path: exact counts from the values of the gradients whose sum of squares is non-finite. */
function countNonFinite(
  c: Pick<StepCapture, 'variables' | 'sumSq' | 'grads' | 'before'>,
  variables: GradientCheck['variables'],
): void {
  let anyNonFinite = false;
  for (let i = 0; i < variables.length; i++) {
    const v = variables[i]!;
    const g = c.grads[i];
    if (!v.hasGradient || Number.isFinite(c.sumSq[i]!) || !g) continue;
    const s = summarize(g);
    v.gradNaN = s.nan;
    v.gradPosInf = s.posInf;
    v.gradNegInf = s.negInf;
    // Every value finite: the float32 sum overflowed on the device; in float64 it is exact.
    if (s.nan + s.posInf + s.negInf === 0) v.gradNorm = Math.sqrt(s.sumSq);
    else anyNonFinite = true;
  }
  // Some value is NaN or ±Inf: which weights were already non-finite before this update tells the
  // detector where the trouble started.
  if (!anyNonFinite) return;
  for (let i = 0; i < variables.length; i++) {
    const b = c.before[i];
    if (!b) continue;
    const [nan, posInf, negInf] = nonFiniteCounts(b);
    variables[i]!.weightNonFiniteBefore = nan + posInf + negInf;
  }
}

/**
 * Variables whose Σg² is non-finite: the gradient half needs their values (exact counts) and, for all
 * variables, the weights before the update.
 */
export function nonFiniteSums(variables: readonly VariableInfo[], sumSq: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < variables.length; i++) {
    if (variables[i]!.hasGradient && !Number.isFinite(sumSq[i]!)) out.push(i);
  }
  return out;
}

/** Position of each variable's layer in the layer list, for a variable list reused step after step. */
const layerIndex = new WeakMap<readonly VariableInfo[], { names: string[]; of: Int32Array }>();

function layersOf(variables: readonly VariableInfo[]): { names: string[]; of: Int32Array } {
  let l = layerIndex.get(variables);
  if (!l) {
    const names: string[] = [];
    const at = new Map<string, number>();
    const of = new Int32Array(variables.length);
    variables.forEach((v, i) => {
      let k = at.get(v.layer);
      if (k === undefined) {
        k = names.length;
        at.set(v.layer, k);
        names.push(v.layer);
      }
      of[i] = k;
    });
    l = { names, of };
    layerIndex.set(variables, l);
  }
  return l;
}

export function assembleStepStats(c: StepCapture, o: AssembleOptions): StepStats {
  const check = gradientHalf(c);
  const n = c.variables.length;
  const variables = check.variables as VariableStats[];
  const histograms: StepHistogram[] = [];
  for (let i = 0; i < n; i++) {
    const v = variables[i]!;
    v.size = c.variables[i]!.size;
    const grad = c.grads[i];
    const r = c.reduced?.[i];
    const w = c.after[i];
    const before = c.before[i];
    // Histograms first: the pass that buckets a tensor's values also gives the sums its detail
    // statistics need, which then take no pass of their own.
    let gradSums: ValueSummary | undefined;
    let weightSums: ValueSummary | undefined;
    let update: { update: number; before: number } | undefined;
    if (c.histogram) {
      const pre = c.gradHistograms?.[i];
      if (o.histograms.gradients && v.hasGradient && (pre || grad)) {
        let buckets = pre;
        if (!buckets) {
          const h = computeHistogram(grad!, o.buckets);
          gradSums = sumsOf(h);
          buckets = h.buckets;
        }
        histograms.push({ kind: 'grad', variable: v.name, buckets });
      }
      if (o.histograms.weights && w) {
        const h = computeHistogram(w, o.buckets);
        weightSums = sumsOf(h);
        histograms.push({ kind: 'weight', variable: v.name, buckets: h.buckets });
      }
      if (o.histograms.updates && w && before) {
        const delta = new Float32Array(w.length);
        update = updateSums(w, before, delta);
        histograms.push({
          kind: 'update',
          variable: v.name,
          buckets: computeHistogram(delta, o.buckets).buckets,
        });
      }
    }
    if (c.detail && v.hasGradient) {
      // Like the norms: NaN if any value is NaN, Inf if any is infinite. Values read on the host
      // (small variables, or any whose sum was non-finite) take precedence over a device reduction.
      if (grad) {
        const g = gradSums ?? summarize(grad);
        v.gradMaxAbs = g.nan > 0 ? Number.NaN : g.posInf + g.negInf > 0 ? Number.POSITIVE_INFINITY : g.maxAbs;
      } else if (r) v.gradMaxAbs = r.gradMaxAbs;
    }
    // Weights are read at detail steps, and after any step with non-finite gradients (large ones are
    // reduced on the device, and read only if that found them non-finite).
    if (w) {
      const s = weightSums ?? summarize(w);
      v.weightNonFinite = s.nan + s.posInf + s.negInf;
      v.weightNorm =
        s.nan > 0 ? Number.NaN : s.posInf + s.negInf > 0 ? Number.POSITIVE_INFINITY : Math.sqrt(s.sumSq);
      const b = c.detail && o.updates !== false ? before : null;
      if (b) {
        const u = update ?? updateSums(w, b);
        v.updateNorm = Math.sqrt(u.update);
        v.weightNormBefore = Math.sqrt(u.before);
      }
    } else if (r) {
      v.weightNonFinite = 0;
      v.weightNorm = Math.sqrt(r.weightSumSq);
    }
    if (r && !Number.isNaN(r.updateSumSq)) {
      v.updateNorm = Math.sqrt(r.updateSumSq);
      v.weightNormBefore = Math.sqrt(r.beforeSumSq);
    }
  }

  const { names, of } = layersOf(c.variables);
  const k = names.length;
  // Per layer: Σg², Σw², Σ(Δw)², Σw² before the update, and how many of its variables have a weight
  // / update measured.
  const g = new Float64Array(k);
  const w = new Float64Array(k);
  const u = new Float64Array(k);
  const wb = new Float64Array(k);
  const wn = new Int32Array(k);
  const un = new Int32Array(k);
  const count = new Int32Array(k);
  const graded = new Uint8Array(k);
  // Non-finite counts per layer: [NaN, +Inf, -Inf, weights before, weights after], rarely non-zero.
  const bad = new Float64Array(k * 5);
  let g2 = 0;
  let w2 = 0;
  let u2 = 0;
  let b2 = 0;
  let gradNonFinite = 0;
  let allWeights = n > 0;
  let allUpdates = n > 0;
  for (let i = 0; i < n; i++) {
    const v = variables[i]!;
    const l = of[i]!;
    count[l]!++;
    if (v.hasGradient) {
      const x = v.gradNorm * v.gradNorm;
      g[l]! += x;
      g2 += x;
      gradNonFinite += v.gradNaN + v.gradPosInf + v.gradNegInf;
      graded[l] = 1;
      bad[l * 5]! += v.gradNaN;
      bad[l * 5 + 1]! += v.gradPosInf;
      bad[l * 5 + 2]! += v.gradNegInf;
    }
    bad[l * 5 + 3]! += v.weightNonFiniteBefore;
    if (v.weightNonFinite !== undefined) bad[l * 5 + 4]! += v.weightNonFinite;
    if (v.weightNorm === undefined) allWeights = false;
    else {
      const x = v.weightNorm * v.weightNorm;
      w[l]! += x;
      w2 += x;
      wn[l]!++;
    }
    if (v.updateNorm === undefined || v.weightNormBefore === undefined) allUpdates = false;
    else {
      const x = v.updateNorm * v.updateNorm;
      u[l]! += x;
      u2 += x;
      const y = v.weightNormBefore * v.weightNormBefore;
      wb[l]! += y;
      b2 += y;
      un[l]!++;
    }
  }
  const layers: LayerStats[] = new Array(k);
  for (let l = 0; l < k; l++) {
    const layer: LayerStats = {
      name: names[l]!,
      hasGradient: graded[l] === 1,
      gradNorm: Math.sqrt(g[l]!),
      gradNaN: bad[l * 5]!,
      gradPosInf: bad[l * 5 + 1]!,
      gradNegInf: bad[l * 5 + 2]!,
      weightNonFiniteBefore: bad[l * 5 + 3]!,
    };
    // A layer's weight norm and update ratio only when every one of its variables was measured.
    if (wn[l] === count[l]) {
      layer.weightNorm = Math.sqrt(w[l]!);
      layer.weightNonFinite = bad[l * 5 + 4]!;
    }
    if (un[l] === count[l] && wn[l] === count[l]) {
      layer.updateNorm = Math.sqrt(u[l]!);
      if (wb[l]! > 0) layer.updateRatio = Math.sqrt(u[l]!) / Math.sqrt(wb[l]!);
    }
    layers[l] = layer;
  }
  const globalGradNorm = Math.sqrt(g2);
  const stats: StepStats = {
    step: c.step,
    skipped: c.skipped,
    detail: c.detail,
    variables,
    layers,
    globalGradNorm,
    gradNonFinite,
    histograms,
  };
  if (check.loss !== undefined) stats.loss = check.loss;
  if (c.clip) stats.clip = clipStats(c.clip, variables, globalGradNorm);
  if (allWeights) stats.globalWeightNorm = Math.sqrt(w2);
  if (allWeights && allUpdates && b2 > 0) stats.globalUpdateRatio = Math.sqrt(u2) / Math.sqrt(b2);
  return stats;
}

/** A histogram's sums, as summarize() gives them (over the finite values; exact non-finite counts). */
function sumsOf(h: Histogram): ValueSummary {
  return {
    sumSq: h.sumSquares,
    maxAbs: h.count > 0 ? Math.max(h.max, -h.min, 0) : 0,
    nan: h.nan,
    posInf: h.posInf,
    negInf: h.negInf,
  };
}

/**
 * Reads the clip numbers: globalNorm: [scale]; zclip and autoclip: [scale, threshold]; norm and agc:
 * one scale per variable; value: the elements clamped per variable; then the post-clip Σg².
 */
function clipStats(
  c: NonNullable<StepCapture['clip']>,
  variables: readonly VariableStats[],
  preClipNorm: number,
): ClipStats {
  const moving = c.mode === 'zclip' || c.mode === 'autoclip';
  const heads = c.mode === 'globalNorm' ? 1 : moving ? 2 : variables.length;
  const head = Array.from({ length: heads }, (_, i) => c.info[i]!);
  const postClipNorm = Math.sqrt(c.info[heads]!);
  let scale = Number.NaN;
  let clipped = false;
  let fractionClipped = 0;
  if (c.mode === 'value') {
    const total = variables.reduce((a, x) => a + (x.hasGradient ? x.size : 0), 0);
    const n = head.reduce((a, b) => a + b, 0);
    fractionClipped = total > 0 ? n / total : 0;
    clipped = n > 0;
  } else if (moving) {
    scale = head[0]!;
    clipped = scale < 1;
  } else {
    scale = Math.min(...head.filter((_, i) => c.mode === 'globalNorm' || variables[i]!.hasGradient));
    clipped = scale < 1;
  }
  return {
    mode: c.mode,
    // zclip's and autoclip's thresholds move: the one in effect is logged with the step.
    threshold: moving ? head[1]! : c.threshold,
    preClipNorm,
    postClipNorm,
    scale,
    clipped,
    fractionClipped,
    rate: Number.NaN,
  };
}
