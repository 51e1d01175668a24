/**
 * Gradient clipping for tfjs, whose optimizers have none. Computed on the device inside the training
 * step (no download): the clipped gradients replace the originals for this update only.
 *
 * Modes:
 * - `globalNorm`: scale every gradient by min(1, max / ||g||) with ||g|| the norm of all gradients
 *   together (PyTorch clip_grad_norm_, Keras global_clipnorm);
 * - `norm`: the same per variable (Keras `clipnorm`, which is per tensor);
 * - `value`: clamp every element to [-value, value] (Keras `clipvalue`).
 * A non-finite norm gives a NaN scale, so non-finite gradients stay non-finite (as in PyTorch), where
 * the watch's counts and the detector see them.
 */
import * as tf from '@tensorflow/tfjs-core';

export type ClipConfig = { globalNorm: number } | { norm: number } | { value: number };
export type ClipMode = 'globalNorm' | 'norm' | 'value';

export function clipMode(c: ClipConfig): ClipMode {
  return 'globalNorm' in c ? 'globalNorm' : 'norm' in c ? 'norm' : 'value';
}

export function clipThreshold(c: ClipConfig): number {
  return 'globalNorm' in c ? c.globalNorm : 'norm' in c ? c.norm : c.value;
}

/** Validates a `clip` option, naming the problem. */
export function checkClipConfig(c: unknown, where: string): ClipConfig {
  if (c === null || typeof c !== 'object' || Array.isArray(c)) {
    throw new TypeError(`${where}: clip must be { globalNorm: n }, { norm: n } or { value: n }`);
  }
  const keys = Object.keys(c);
  if (keys.length !== 1 || !['globalNorm', 'norm', 'value'].includes(keys[0]!)) {
    throw new TypeError(
      `${where}: clip must have exactly one of globalNorm, norm, value; got {${keys.join(', ')}}`,
    );
  }
  const v = (c as Record<string, unknown>)[keys[0]!];
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new RangeError(`${where}: clip.${keys[0]} must be a positive finite number, got ${String(v)}`);
  }
  return c as ClipConfig;
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
 * Clips `grads` given each one's sum of squares (`sumSq`, a [V] tensor from the watch's statistics,
 * so the norms are not computed twice).
 */
export function clipGradients(
  grads: Array<tf.Tensor | undefined>,
  sumSq: tf.Tensor1D,
  c: ClipConfig,
): ClipResult {
  let info!: tf.Tensor1D;
  const out = tf.tidy(() => {
    const eps = 1e-12;
    const post: tf.Scalar[] = [];
    let clipped: Array<tf.Tensor | undefined>;
    let head: tf.Tensor1D;
    if ('globalNorm' in c) {
      const total = tf.sqrt(tf.sum(sumSq));
      const scale = tf.minimum(tf.scalar(1), tf.div(tf.scalar(c.globalNorm), tf.maximum(total, eps)));
      clipped = grads.map((g) => (g ? tf.mul(g, scale) : undefined));
      head = tf.reshape(scale, [1]) as tf.Tensor1D;
      post.push(tf.mul(tf.sum(sumSq), tf.square(scale)) as tf.Scalar);
    } else if ('norm' in c) {
      const scales = tf.minimum(
        tf.scalar(1),
        tf.div(tf.scalar(c.norm), tf.maximum(tf.sqrt(sumSq), eps)),
      ) as tf.Tensor1D;
      const parts = tf.unstack(scales);
      clipped = grads.map((g, i) => (g ? tf.mul(g, parts[i]!) : undefined));
      head = scales;
      post.push(tf.sum(tf.mul(sumSq, tf.square(scales))) as tf.Scalar);
    } else {
      const v = c.value;
      clipped = grads.map((g) => (g ? tf.clipByValue(g, -v, v) : undefined));
      head = tf.stack(
        grads.map((g) => (g ? tf.sum(tf.cast(tf.greater(tf.abs(g), v), 'float32')) : tf.scalar(0))),
      ) as tf.Tensor1D;
      post.push(tf.addN(clipped.map((g) => (g ? tf.sum(tf.square(g)) : tf.scalar(0)))) as tf.Scalar);
    }
    info = tf.keep(tf.concat([head, tf.reshape(post[0]!, [1])]) as tf.Tensor1D);
    return clipped.map((g) => (g ? tf.keep(g) : undefined));
  });
  return { grads: out as Array<tf.Tensor | undefined>, info };
}
