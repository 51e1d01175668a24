/**
 * Per-step statistics computed on the tfjs device and packed into one float32 tensor, so that a
 * logged step costs one download however many variables the model has.
 *
 * Cost matters (the default is every step): on the pure-JS cpu backend every element-wise op over a
 * variable allocates and fills a tensor of its size, while a reduction does not. So the per-step pass
 * uses reductions (and one fused squared difference for the update):
 *   per variable i: [ sum g², a, b, sum w², sum (Δw)² ]   with max |g| = max(|a|, |b|)
 * NaN and ±Inf make sum g² (or sum w²) non-finite, so the exact NaN/+Inf/-Inf counts are computed
 * only for variables whose sums came back non-finite, from tensors kept for that purpose (tf.clone
 * shares the buffer, and an optimizer's assign() swaps in a new one, so keeping them copies nothing).
 * On histogram steps, one block per requested histogram follows:  [ finite min, finite max, counts... ]
 */
import * as tf from '@tensorflow/tfjs-core';

export const STATS_PER_VAR = 5;
export enum Stat {
  GradSumSq = 0,
  GradMax = 1,
  GradMin = 2,
  WeightSumSq = 3,
  UpdateSumSq = 4,
}

const flat = (x: tf.Tensor): tf.Tensor1D =>
  tf.reshape(x.dtype === 'float32' ? x : tf.cast(x, 'float32'), [-1]) as tf.Tensor1D;

/**
 * The fastest formulation differs by backend (measured on a 200k-element tensor, see bench/README):
 * on the pure-JS cpu backend dot(x, x) beats sum(square(x)) 1.4 ms to 3.6 ms and max+min beats
 * max(abs(x)); on wasm it is the reverse (0.34 vs 0.71 ms, 0.31 vs 0.69 ms), and fused kernels are
 * the natural choice on GPU backends too. Both give the same numbers: the max |g| is taken from
 * whichever pair is stored.
 */
const useDot = () => tf.getBackend() === 'cpu';
const sumSq = (x: tf.Tensor1D) => (useDot() ? (tf.dot(x, x) as tf.Scalar) : tf.sum(tf.square(x)));

/** [sum g², a, b] of one gradient, where max |g| = max(|a|, |b|); zeros if there is none. */
export function gradientStats(g: tf.Tensor | undefined): tf.Tensor1D {
  if (!g) return tf.zeros([3]);
  const x = flat(g);
  if (useDot()) return tf.stack([sumSq(x), tf.max(x), tf.min(x)]) as tf.Tensor1D;
  return tf.stack([sumSq(x), tf.max(tf.abs(x)), tf.scalar(0)]) as tf.Tensor1D;
}

/** [sum w², sum (w - before)²] after the update (the second is 0 without a snapshot). */
export function weightStats(w: tf.Tensor, before: tf.Tensor | null): tf.Tensor1D {
  const x = flat(w);
  // squaredDifference is one fused pass; sub-then-dot measured 5x slower on wasm.
  const update = before ? tf.sum(tf.squaredDifference(x, flat(before))) : tf.scalar(0);
  return tf.stack([sumSq(x), update]) as tf.Tensor1D;
}

/** Exact counts [#NaN, #+Inf, #-Inf] of a tensor (the slow path, for non-finite sums only). */
export function nonFiniteCounts(x: tf.Tensor): tf.Tensor1D {
  const f = flat(x);
  const count = (mask: tf.Tensor) => tf.sum(tf.cast(mask, 'float32'));
  return tf.stack([
    count(tf.isNaN(f)),
    count(tf.equal(f, Number.POSITIVE_INFINITY)),
    count(tf.equal(f, Number.NEGATIVE_INFINITY)),
  ]) as tf.Tensor1D;
}

/**
 * Histogram of `x` in `k` equal-width buckets over [min, max], on the device:
 * [min, max, count_0 .. count_{k-1}]. With `allFinite` (known from the step's sums) it skips the
 * masking, which halves the element-wise passes; otherwise non-finite values get weight 0, so they
 * never reach a bucket (they are counted separately).
 */
export function histogramBlock(x: tf.Tensor, k: number, allFinite = false): tf.Tensor1D {
  const v = flat(x);
  if (allFinite) {
    const min = tf.min(v);
    const max = tf.max(v);
    // (v - min) / range * k, not (v - min) / (range / k): in float32 a subnormal range divided by k
    // rounds to 0, and 1 / width overflows, either of which would put every value in one bucket.
    const range = tf.sub(max, min);
    const safe = tf.where(tf.greater(range, 0), range, tf.onesLike(range));
    const idx = tf.clipByValue(tf.floor(tf.mul(tf.div(tf.sub(v, min), safe), k)), 0, k - 1);
    const counts = tf.bincount(tf.cast(idx, 'int32') as tf.Tensor1D, tf.tensor1d([], 'float32'), k);
    return tf.concat([tf.stack([min, max]), tf.cast(counts, 'float32')]) as tf.Tensor1D;
  }
  const finite = tf.isFinite(v);
  const min = tf.min(tf.where(finite, v, tf.fill(v.shape, Number.POSITIVE_INFINITY)));
  const max = tf.max(tf.where(finite, v, tf.fill(v.shape, Number.NEGATIVE_INFINITY)));
  const range = tf.sub(max, min);
  const safeRange = tf.where(tf.greater(range, 0), range, tf.onesLike(range));
  const shifted = tf.where(finite, tf.sub(v, min), tf.zerosLike(v));
  const idx = tf.clipByValue(tf.floor(tf.mul(tf.div(shifted, safeRange), k)), 0, k - 1);
  const counts = tf.denseBincount(
    tf.cast(idx, 'int32') as tf.Tensor1D,
    tf.cast(finite, 'float32') as tf.Tensor1D,
    k,
  );
  return tf.concat([tf.stack([min, max]), counts]) as tf.Tensor1D;
}
