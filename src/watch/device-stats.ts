/**
 * Per-step statistics computed on the tfjs device and packed into one float32 tensor, so that a
 * logged step costs one download however many variables the model has.
 *
 * Packed layout, per variable i (STATS_PER_VAR numbers each, in variable order):
 *   [ sum g², max |g|, #NaN(g), #+Inf(g), #-Inf(g), sum w², sum (Δw)², #nonfinite(w) ]
 * followed, on histogram steps, by one block per requested histogram:
 *   [ finite min, finite max, count_0 .. count_{k-1} ]
 * Values that were not requested (no update snapshot, variable without gradient) are 0.
 */
import * as tf from '@tensorflow/tfjs-core';

export const STATS_PER_VAR = 8;
export enum Stat {
  GradSumSq = 0,
  GradMaxAbs = 1,
  GradNaN = 2,
  GradPosInf = 3,
  GradNegInf = 4,
  WeightSumSq = 5,
  UpdateSumSq = 6,
  WeightNonFinite = 7,
}

const sumSq = (x: tf.Tensor) => tf.sum(tf.square(x));
const count = (mask: tf.Tensor) => tf.sum(tf.cast(mask, 'float32'));

/** Gradient statistics of one variable, 5 numbers; zeros if there is no gradient. */
export function gradientStats(g: tf.Tensor | undefined): tf.Tensor1D {
  if (!g) return tf.zeros([5]);
  const x = g.dtype === 'float32' ? g : tf.cast(g, 'float32');
  return tf.stack([
    sumSq(x),
    tf.max(tf.abs(x)),
    count(tf.isNaN(x)),
    count(tf.equal(x, Number.POSITIVE_INFINITY)),
    count(tf.equal(x, Number.NEGATIVE_INFINITY)),
  ]) as tf.Tensor1D;
}

/** Weight statistics after the update, 3 numbers: sum w², sum (w - before)² (0 without a snapshot), #non-finite. */
export function weightStats(w: tf.Tensor, before: tf.Tensor | null): tf.Tensor1D {
  const x = w.dtype === 'float32' ? w : tf.cast(w, 'float32');
  return tf.stack([
    sumSq(x),
    before ? sumSq(tf.sub(x, before)) : tf.scalar(0),
    tf.sub(tf.scalar(x.size), count(tf.isFinite(x))),
  ]) as tf.Tensor1D;
}

/**
 * Histogram of the finite values of `x` in `k` equal-width buckets over their [min, max], on the
 * device: [min, max, count_0 .. count_{k-1}]. Non-finite values get weight 0, so they are counted
 * by the stats above and never reach a bucket.
 */
export function histogramBlock(x: tf.Tensor, k: number): tf.Tensor1D {
  const flat = tf.reshape(x.dtype === 'float32' ? x : tf.cast(x, 'float32'), [-1]) as tf.Tensor1D;
  const finite = tf.isFinite(flat);
  const min = tf.min(tf.where(finite, flat, tf.fill(flat.shape, Number.POSITIVE_INFINITY)));
  const max = tf.max(tf.where(finite, flat, tf.fill(flat.shape, Number.NEGATIVE_INFINITY)));
  const width = tf.div(tf.sub(max, min), k);
  const safeWidth = tf.where(tf.greater(width, 0), width, tf.onesLike(width));
  const shifted = tf.where(finite, tf.sub(flat, min), tf.zerosLike(flat));
  const idx = tf.clipByValue(tf.floor(tf.div(shifted, safeWidth)), 0, k - 1);
  const counts = tf.denseBincount(
    tf.cast(idx, 'int32') as tf.Tensor1D,
    tf.cast(finite, 'float32') as tf.Tensor1D,
    k,
  );
  return tf.concat([tf.stack([min, max]), counts]) as tf.Tensor1D;
}
