/**
 * Gradient clipping for tfjs, whose optimizers have none. Computed on the device inside the training
 * step (no download): the clipped gradients replace the originals for this update only.
 *
 * Modes:
 * - `globalNorm`: scale every gradient by min(1, max / ||g||) with ||g|| the norm of all gradients
 *   together (PyTorch clip_grad_norm_, Keras global_clipnorm);
 * - `norm`: the same per variable (Keras `clipnorm`, which is per tensor);
 * - `value`: clamp every finite element to [-value, value] (Keras `clipvalue`).
 * A non-finite norm gives a NaN scale, and value mode leaves NaN and ±Inf elements as they are, so
 * non-finite gradients stay non-finite on every backend, where the watch's counts and the detector
 * see them.
 */
import * as tf from '@tensorflow/tfjs-core';

/** ZClip (Kumar et al. 2025): z-score of the global norm against an EMA of its mean and variance. */
export interface ZClipOptions {
  /** EMA factor. Default 0.97. */
  alpha?: number;
  /** z-score above which a step is clipped. Default 2.5. */
  zThreshold?: number;
  /** Steps that only collect the norm's mean and variance before any clipping. Default 25. */
  warmupSteps?: number;
}

/** AGC (Brock et al. 2021): clip each unit's gradient to lambda times its weight norm. */
export interface AgcOptions {
  /** Largest allowed ||G_unit|| / ||W_unit||. Default 0.01. */
  lambda?: number;
  /** Floor for ||W_unit||, so units with tiny weights can still move. Default 1e-3. */
  eps?: number;
}

/** AutoClip (Seetharaman et al. 2020): clip to a percentile of the global norms seen so far. */
export interface AutoClipOptions {
  /** Percentile of the history used as the threshold. Default 10, as the paper recommends. */
  percentile?: number;
  /** Norms kept (a ring buffer on the device), at most MAX_AUTOCLIP_HISTORY. Default 1000. */
  history?: number;
}

/**
 * The most norms AutoClip keeps: every step takes a percentile over all of them (a sort on the host,
 * a top-k on the device), and the ring lives on both, so its size is time and memory at every step.
 */
export const MAX_AUTOCLIP_HISTORY = 100_000;

export type ClipConfig =
  | { globalNorm: number }
  | { norm: number }
  | { value: number }
  | { zclip: ZClipOptions }
  | { agc: AgcOptions }
  | { autoclip: AutoClipOptions };
export type ClipMode = 'globalNorm' | 'norm' | 'value' | 'zclip' | 'agc' | 'autoclip';

export function clipMode(c: ClipConfig): ClipMode {
  if ('globalNorm' in c) return 'globalNorm';
  if ('norm' in c) return 'norm';
  if ('value' in c) return 'value';
  if ('autoclip' in c) return 'autoclip';
  return 'zclip' in c ? 'zclip' : 'agc';
}

/** AutoClip's history of global norms, on the device; owned like ZClipState. */
export class AutoClipState {
  readonly percentile: number;
  readonly size: number;
  /** Norms recorded so far (host-side, to know how much of the ring is filled). */
  count = 0;
  #history: tf.Variable | null = null;
  #hostHistory: Float64Array | null = null;

  constructor(o: AutoClipOptions = {}) {
    this.percentile = o.percentile ?? 10;
    this.size = o.history ?? 1000;
  }

  get history(): tf.Variable {
    this.#history ??= tf.tidy(() => tf.variable(tf.fill([this.size], Number.POSITIVE_INFINITY), false));
    return this.#history;
  }

  /** The same ring on the host, for clipping decided on the host (clip-host.ts). */
  get hostHistory(): Float64Array {
    this.#hostHistory ??= new Float64Array(this.size).fill(Number.POSITIVE_INFINITY);
    return this.#hostHistory;
  }

  dispose(): void {
    this.#history?.dispose();
    this.#history = null;
  }
}

/** The fixed threshold (lambda for agc), or NaN for zclip (whose threshold moves and is logged per step). */
export function clipThreshold(c: ClipConfig): number {
  if ('globalNorm' in c) return c.globalNorm;
  if ('norm' in c) return c.norm;
  if ('value' in c) return c.value;
  return 'agc' in c ? (c.agc.lambda ?? 0.01) : Number.NaN;
}

/**
 * Unit-wise L2 norms for AGC: over every axis but the last (a Dense kernel [in, out] or a conv
 * kernel [h, w, in, out] has one unit per output), or per element for biases and scalars.
 */
function unitNorms(x: tf.Tensor): tf.Tensor {
  if (x.rank <= 1) return tf.abs(x);
  const axes = Array.from({ length: x.rank - 1 }, (_, i) => i);
  return tf.sqrt(tf.sum(tf.square(x), axes, true));
}

/**
 * ZClip's running state, on the device (no download needed to clip). It belongs to whoever owns the
 * training run (the callback, watchOptimizer), so it survives several fit calls.
 */
export class ZClipState {
  readonly alpha: number;
  readonly z: number;
  readonly warmup: number;
  /** Updates seen so far (host-side counter: the warm-up branch is chosen on the host). */
  steps = 0;
  #vars: { mean: tf.Variable; variance: tf.Variable; sum: tf.Variable; sumSq: tf.Variable } | null = null;
  /** The same state on the host, for clipping decided on the host (clip-host.ts). */
  readonly host = { mean: 0, variance: 0, sum: 0, sumSq: 0 };

  constructor(o: ZClipOptions = {}) {
    this.alpha = o.alpha ?? 0.97;
    this.z = o.zThreshold ?? 2.5;
    this.warmup = o.warmupSteps ?? 25;
  }

  get vars() {
    this.#vars ??= tf.tidy(() => ({
      mean: tf.variable(tf.scalar(0), false),
      variance: tf.variable(tf.scalar(0), false),
      sum: tf.variable(tf.scalar(0), false),
      sumSq: tf.variable(tf.scalar(0), false),
    }));
    return this.#vars;
  }

  dispose(): void {
    if (this.#vars) for (const v of Object.values(this.#vars)) v.dispose();
    this.#vars = null;
  }
}

/** Validates a `clip` option, naming the problem. */
export function checkClipConfig(c: unknown, where: string): ClipConfig {
  if (c === null || typeof c !== 'object' || Array.isArray(c)) {
    const got = c === null ? 'null' : Array.isArray(c) ? 'an array' : typeof c;
    throw new TypeError(
      `${where}: clip must be one of { globalNorm: n }, { norm: n }, { value: n }, { zclip: {...} }, { agc: {...} } or { autoclip: {...} }, got ${got}`,
    );
  }
  const keys = Object.keys(c);
  if (keys.length !== 1 || !['globalNorm', 'norm', 'value', 'zclip', 'agc', 'autoclip'].includes(keys[0]!)) {
    throw new TypeError(
      `${where}: clip must have exactly one of globalNorm, norm, value, zclip, agc, autoclip; got {${keys.join(', ')}}`,
    );
  }
  if (keys[0] === 'autoclip') return checkAutoClip((c as { autoclip: unknown }).autoclip, where);
  if (keys[0] === 'zclip') return checkZClip((c as { zclip: unknown }).zclip, where);
  if (keys[0] === 'agc') return checkAgc((c as { agc: unknown }).agc, where);
  const v = (c as Record<string, unknown>)[keys[0]!];
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new RangeError(`${where}: clip.${keys[0]} must be a positive finite number, got ${String(v)}`);
  }
  return c as ClipConfig;
}

function checkAutoClip(a: unknown, where: string): ClipConfig {
  if (a === null || typeof a !== 'object' || Array.isArray(a)) {
    throw new TypeError(`${where}: clip.autoclip must be an object`);
  }
  const ao = a as Record<string, unknown>;
  for (const k of Object.keys(ao)) {
    if (k !== 'percentile' && k !== 'history') {
      throw new TypeError(`${where}: clip.autoclip: unknown option "${k}" (known: history, percentile)`);
    }
  }
  const p = ao.percentile;
  if (p !== undefined && !(typeof p === 'number' && p > 0 && p <= 100)) {
    throw new RangeError(`${where}: clip.autoclip.percentile must be a number in (0, 100], got ${String(p)}`);
  }
  const h = ao.history;
  if (h !== undefined && !(typeof h === 'number' && Number.isSafeInteger(h) && h >= 1)) {
    throw new RangeError(`${where}: clip.autoclip.history must be a positive integer, got ${String(h)}`);
  }
  if (h !== undefined && h > MAX_AUTOCLIP_HISTORY) {
    throw new RangeError(
      `${where}: clip.autoclip.history must be at most ${MAX_AUTOCLIP_HISTORY} norms (the percentile is taken over all of them at every step), got ${h}`,
    );
  }
  return { autoclip: ao as AutoClipOptions };
}

function checkAgc(a: unknown, where: string): ClipConfig {
  if (a === null || typeof a !== 'object' || Array.isArray(a))
    throw new TypeError(`${where}: clip.agc must be an object`);
  const ao = a as Record<string, unknown>;
  for (const k of Object.keys(ao)) {
    if (k !== 'lambda' && k !== 'eps') {
      throw new TypeError(`${where}: clip.agc: unknown option "${k}" (known: eps, lambda)`);
    }
    const v = ao[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      throw new RangeError(`${where}: clip.agc.${k} must be a positive finite number, got ${String(v)}`);
    }
  }
  return { agc: ao as AgcOptions };
}

function checkZClip(z: unknown, where: string): ClipConfig {
  if (z === null || typeof z !== 'object' || Array.isArray(z)) {
    throw new TypeError(`${where}: clip.zclip must be an object`);
  }
  const zo = z as Record<string, unknown>;
  for (const k of Object.keys(zo)) {
    if (!['alpha', 'zThreshold', 'warmupSteps'].includes(k)) {
      throw new TypeError(
        `${where}: clip.zclip: unknown option "${k}" (known: alpha, warmupSteps, zThreshold)`,
      );
    }
  }
  if (zo.alpha !== undefined && !(typeof zo.alpha === 'number' && zo.alpha > 0 && zo.alpha < 1)) {
    throw new RangeError(`${where}: clip.zclip.alpha must be a number in (0, 1), got ${String(zo.alpha)}`);
  }
  if (zo.zThreshold !== undefined && !(typeof zo.zThreshold === 'number' && zo.zThreshold > 0)) {
    throw new RangeError(
      `${where}: clip.zclip.zThreshold must be a positive number, got ${String(zo.zThreshold)}`,
    );
  }
  const w = zo.warmupSteps;
  if (w !== undefined && !(typeof w === 'number' && Number.isSafeInteger(w) && w >= 2)) {
    throw new RangeError(`${where}: clip.zclip.warmupSteps must be an integer >= 2, got ${String(w)}`);
  }
  return { zclip: zo as ZClipOptions };
}

/**
 * Σg² over the gradients, 0 for those with no elements: backends disagree on reductions of an empty
 * tensor (wasm's read memory that was never set).
 */
function sumOfSquares(grads: ReadonlyArray<tf.Tensor | undefined>): tf.Scalar {
  const parts = grads.flatMap((g) => (g && g.size > 0 ? [tf.sum(tf.square(g))] : []));
  return (parts.length === 0 ? tf.scalar(0) : tf.addN(parts)) as tf.Scalar;
}

export interface ClipResult {
  /** Clipped gradients, same order (undefined where there was no gradient). Kept; caller disposes. */
  grads: Array<tf.Tensor | undefined>;
  /**
   * Kept 1-D tensor: [scale or elements clipped per variable..., post-clip sum of squares]. For
   * globalNorm the first number is the single scale; for norm one scale per variable; for value the
   * number of clamped elements per variable.
   */
  info: tf.Tensor1D;
}

/**
 * Clips `grads` given each one's L2 norm (`norms`, a [V] tensor from the watch's statistics, so the
 * norms are not computed twice; 0 where there is no gradient). `finite[i]`, when given and true,
 * says gradient i is known to hold no NaN or ±Inf (value mode then skips its non-finite guard). The global norm is taken as
 * m * sqrt(sum((n / m)²)) with m the largest norm, so that it stays finite in float32 when the sum
 * of squares would not (norms above 1.8e19): clipping then scales the gradients down as it should.
 */
export function clipGradients(
  grads: Array<tf.Tensor | undefined>,
  norms: tf.Tensor1D,
  c: ClipConfig,
  zstate?: ZClipState,
  weights?: Array<tf.Tensor | undefined>,
  astate?: AutoClipState,
  finite?: ReadonlyArray<boolean>,
): ClipResult {
  let info!: tf.Tensor1D;
  const out = tf.tidy(() => {
    const eps = 1e-12;
    // The global norm, for the modes that use it.
    const globalNorm = (): tf.Scalar => {
      const largest = tf.max(norms);
      const safe = tf.where(tf.greater(largest, 0), largest, tf.onesLike(largest));
      return tf.mul(largest, tf.sqrt(tf.sum(tf.square(tf.div(norms, safe))))) as tf.Scalar;
    };
    const post: tf.Scalar[] = [];
    let clipped: Array<tf.Tensor | undefined>;
    let head: tf.Tensor1D;
    if ('globalNorm' in c) {
      const global = globalNorm();
      const scale = tf.minimum(tf.scalar(1), tf.div(tf.scalar(c.globalNorm), tf.maximum(global, eps)));
      clipped = grads.map((g) => (g ? tf.mul(g, scale) : undefined));
      head = tf.reshape(scale, [1]) as tf.Tensor1D;
      post.push(tf.square(tf.mul(global, scale)) as tf.Scalar);
    } else if ('zclip' in c) {
      const st = zstate!;
      const v = st.vars;
      const norm = globalNorm();
      const finite = tf.isFinite(norm);
      let scale: tf.Scalar;
      let threshold: tf.Scalar;
      if (st.steps < st.warmup) {
        // Warm-up: collect the norm's mean and variance, clip nothing.
        const safe = tf.where(finite, norm, tf.scalar(0));
        v.sum.assign(tf.add(v.sum, safe) as tf.Scalar);
        v.sumSq.assign(tf.add(v.sumSq, tf.square(safe)) as tf.Scalar);
        if (st.steps === st.warmup - 1) {
          const mean = tf.div(v.sum, st.warmup);
          v.mean.assign(mean as tf.Scalar);
          v.variance.assign(tf.relu(tf.sub(tf.div(v.sumSq, st.warmup), tf.square(mean))) as tf.Scalar);
        }
        scale = tf.scalar(1);
        threshold = tf.scalar(Number.NaN);
      } else {
        const sigma = tf.sqrt(tf.maximum(v.variance, eps));
        const z = tf.div(tf.sub(norm, v.mean), sigma);
        threshold = tf.add(v.mean, tf.mul(st.z, sigma)) as tf.Scalar;
        // ZClip's adaptive scaling: a spike with score z is brought to mean + zThr^2 * sigma / z.
        const target = tf.add(v.mean, tf.div(tf.mul(st.z * st.z, sigma), tf.maximum(z, eps)));
        const spike = tf.logicalAnd(finite, tf.greater(z, st.z));
        scale = tf.where(
          spike,
          tf.minimum(tf.scalar(1), tf.div(target, tf.maximum(norm, eps))),
          tf.scalar(1),
        ) as tf.Scalar;
        // The EMA follows the clipped norm; a non-finite norm leaves it unchanged.
        const clippedNorm = tf.mul(norm, scale);
        const mean = tf.add(tf.mul(st.alpha, v.mean), tf.mul(1 - st.alpha, clippedNorm));
        const variance = tf.add(
          tf.mul(st.alpha, v.variance),
          tf.mul(1 - st.alpha, tf.square(tf.sub(clippedNorm, mean))),
        );
        v.mean.assign(tf.where(finite, mean, v.mean) as tf.Scalar);
        v.variance.assign(tf.where(finite, variance, v.variance) as tf.Scalar);
      }
      st.steps++;
      clipped = grads.map((g) => (g ? tf.mul(g, scale) : undefined));
      head = tf.stack([scale, threshold]) as tf.Tensor1D;
      post.push(tf.square(tf.mul(norm, scale)) as tf.Scalar);
    } else if ('autoclip' in c) {
      const st = astate!;
      const norm = globalNorm();
      // Record this step's norm (a non-finite one as +Inf, which never lowers a percentile), then
      // take the k-th smallest of the norms recorded so far.
      const slot = st.count % st.size;
      const recorded = tf.where(tf.isFinite(norm), norm, tf.scalar(Number.POSITIVE_INFINITY));
      const positions = tf.range(0, st.size, 1, 'int32');
      st.history.assign(
        tf.where(
          tf.equal(positions, slot),
          tf.mul(tf.onesLike(st.history), recorded),
          st.history,
        ) as tf.Tensor1D,
      );
      st.count++;
      const n = Math.min(st.count, st.size);
      const k = Math.max(1, Math.ceil((st.percentile / 100) * n));
      const smallest = tf.neg(tf.topk(tf.neg(st.history) as tf.Tensor1D, k).values);
      const threshold = tf.reshape(tf.slice(smallest, [k - 1], [1]), []) as tf.Scalar;
      const scale = tf.minimum(tf.scalar(1), tf.div(threshold, tf.maximum(norm, eps))) as tf.Scalar;
      clipped = grads.map((g) => (g ? tf.mul(g, scale) : undefined));
      head = tf.stack([scale, threshold]) as tf.Tensor1D;
      post.push(tf.square(tf.mul(norm, scale)) as tf.Scalar);
    } else if ('agc' in c) {
      const lambda = c.agc.lambda ?? 0.01;
      const wEps = c.agc.eps ?? 1e-3;
      const scales: tf.Scalar[] = [];
      clipped = grads.map((g, i) => {
        const w = weights?.[i];
        // No units to clip in a gradient with no elements (and no reduction of nothing is taken).
        if (!g || !w || g.size === 0) {
          scales.push(tf.scalar(1));
          return g;
        }
        const maxNorm = tf.mul(tf.maximum(unitNorms(w), wEps), lambda);
        const gn = unitNorms(g);
        const scale = tf.where(
          tf.greater(gn, maxNorm),
          tf.div(maxNorm, tf.maximum(gn, 1e-6)),
          tf.onesLike(gn),
        );
        scales.push(tf.min(scale) as tf.Scalar);
        return tf.mul(g, scale);
      });
      // One number per variable: the smallest unit scale applied to it.
      head = tf.stack(scales) as tf.Tensor1D;
      post.push(sumOfSquares(clipped));
    } else if ('norm' in c) {
      const scales = tf.minimum(
        tf.scalar(1),
        tf.div(tf.scalar(c.norm), tf.maximum(norms, eps)),
      ) as tf.Tensor1D;
      const parts = tf.unstack(scales);
      clipped = grads.map((g, i) => (g ? tf.mul(g, parts[i]!) : undefined));
      head = scales;
      post.push(tf.sum(tf.square(tf.mul(norms, scales))) as tf.Scalar);
    } else {
      // Only finite elements are clamped: a NaN or ±Inf passes through, so it stays visible to the
      // watch, the detector and the user (backends differ: wasm's clipByValue turns NaN into -value,
      // every backend turns ±Inf into ±value). Where the caller knows a gradient is all finite (its
      // sum of squares is), a plain clamp does.
      const v = c.value;
      const counts: tf.Scalar[] = [];
      clipped = grads.map((g, i) => {
        if (!g || g.size === 0) {
          counts.push(tf.scalar(0));
          return g;
        }
        const clamped = tf.clipByValue(g, -v, v);
        const over = tf.greater(tf.abs(g), v);
        if (finite?.[i]) {
          counts.push(tf.sum(tf.cast(over, 'float32')));
          return clamped;
        }
        const ok = tf.isFinite(g);
        counts.push(tf.sum(tf.cast(tf.logicalAnd(ok, over), 'float32')));
        return tf.where(ok, clamped, g);
      });
      head = tf.stack(counts) as tf.Tensor1D;
      post.push(sumOfSquares(clipped));
    }
    info = tf.keep(tf.concat([head, tf.reshape(post[0]!, [1])]) as tf.Tensor1D);
    return clipped.map((g) => (g ? tf.keep(g) : undefined));
  });
  return { grads: out as Array<tf.Tensor | undefined>, info };
}
