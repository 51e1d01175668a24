/**
 * NaN-safe histogram bucketing. Non-finite values (NaN, +Inf, -Inf) are counted separately and kept
 * out of the buckets, so every edge is finite and TensorBoard's shared range for a series is never
 * spoiled; the counts are returned to the caller instead of being dropped silently.
 *
 * Buckets follow TF2's `tf.summary.histogram`: `bucketCount` equal-width buckets over [min, max] of
 * the finite values, the last one closed. All-equal data gives one zero-width bucket [v, v, n]; no
 * finite data gives zero buckets (a [0, 3] tensor), both valid for either TensorBoard loader.
 */

export const DEFAULT_BUCKETS = 30;
export const MAX_BUCKETS = 10_000;

export interface Histogram {
  /** Row-major [k, 3]: left edge, right edge, count for each bucket. */
  buckets: Float64Array;
  /** Number of finite values bucketed. */
  count: number;
  nan: number;
  posInf: number;
  negInf: number;
  /** Over finite values; NaN when there are none. */
  min: number;
  max: number;
  sum: number;
  sumSquares: number;
}

export function validateBucketCount(bucketCount: unknown, name = 'buckets'): number {
  if (
    typeof bucketCount !== 'number' ||
    !Number.isInteger(bucketCount) ||
    bucketCount < 1 ||
    bucketCount > MAX_BUCKETS
  ) {
    throw new RangeError(`${name} must be an integer from 1 to ${MAX_BUCKETS}, got ${String(bucketCount)}`);
  }
  return bucketCount;
}

/** Buckets `values` (any array-like of numbers, typed arrays included) into at most `bucketCount` buckets. */
export function computeHistogram(values: ArrayLike<number>, bucketCount = DEFAULT_BUCKETS): Histogram {
  validateBucketCount(bucketCount);
  const n = values.length;
  // The common case first, in loops without a branch per value for non-finite ones (the gradient
  // watch buckets whole gradient tensors: this is its main cost): one pass for the range and sums.
  // NaN and ±Inf make the sum of squares non-finite (so does a finite value above 1e154), and then
  // the careful pass below counts them.
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  // Two values per iteration into two pairs of sums: the additions do not wait on each other
  // (3x faster than one chain, measured in bench/README.md).
  let s0 = 0;
  let s1 = 0;
  let q0 = 0;
  let q1 = 0;
  const even = n - (n % 2);
  for (let i = 0; i < even; i += 2) {
    const v = values[i]!;
    const w = values[i + 1]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (w < min) min = w;
    if (w > max) max = w;
    s0 += v;
    s1 += w;
    q0 += v * v;
    q1 += w * w;
  }
  if (even < n) {
    const v = values[even]!;
    if (v < min) min = v;
    if (v > max) max = v;
    s0 += v;
    q0 += v * v;
  }
  let sum = s0 + s1;
  let sumSquares = q0 + q1;
  let count = n;
  let nan = 0;
  let posInf = 0;
  let negInf = 0;
  const allFinite = Number.isFinite(sumSquares);
  if (!allFinite) {
    min = Number.POSITIVE_INFINITY;
    max = Number.NEGATIVE_INFINITY;
    sum = 0;
    sumSquares = 0;
    count = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v - v !== 0) {
        // Only NaN and ±Inf fail v - v === 0.
        if (Number.isNaN(v)) nan++;
        else if (v > 0) posInf++;
        else negInf++;
        continue;
      }
      count++;
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      sumSquares += v * v;
    }
  }
  const stats = { count, nan, posInf, negInf, sum, sumSquares };
  if (count === 0) return { buckets: new Float64Array(0), min: Number.NaN, max: Number.NaN, ...stats };
  if (min === max) return { buckets: Float64Array.of(min, max, count), min, max, ...stats };

  const k = bucketCount;
  const width = (max - min) / k;
  let counts: Float64Array = new Float64Array(k);
  const inv = 1 / width;
  const last = k - 1;
  // 1/width overflows when the range is subnormal (found by the property test: [0, -5e-324]).
  if (Number.isFinite(width) && width > 0 && Number.isFinite(inv)) {
    if (allFinite) {
      counts = bucketFinite(values, min, inv, k);
    } else {
      for (let i = 0; i < n; i++) {
        const v = values[i]!;
        if (v - v !== 0) continue;
        const b = ((v - min) * inv) | 0;
        counts[Math.min(b, last)]!++;
      }
    }
  } else if (Number.isFinite(width)) {
    // A subnormal range: divide by it instead (slower, and only ever needed here).
    const range = max - min;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v - v !== 0) continue;
      let b = Math.floor(((v - min) / range) * k);
      if (b >= k) b = k - 1;
      else if (b < 0) b = 0;
      counts[b]!++;
    }
  } else {
    // max - min overflowed (values near ±Number.MAX_VALUE): scale first to stay finite.
    const half = max / 2 - min / 2;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v - v !== 0) continue;
      let b = Math.floor(((v / 2 - min / 2) / half) * k);
      if (b >= k) b = k - 1;
      else if (b < 0) b = 0;
      counts[b]!++;
    }
  }
  return { buckets: bucketsFromCounts(min, max, counts), min, max, ...stats };
}

/**
 * Counts of finite `values` in k buckets of [min, max] (inv = k / (max - min)). Four interleaved
 * count arrays: consecutive values often fall in the same bucket, and one array would make each
 * increment wait for the previous one (1.8x faster, bench/README.md).
 */
function bucketFinite(values: ArrayLike<number>, min: number, inv: number, k: number): Float64Array {
  const n = values.length;
  const last = k - 1;
  const c = new Uint32Array(4 * k);
  const m = n - (n % 4);
  for (let i = 0; i < m; i += 4) {
    // (v - min) * inv is in [0, k]: truncation is Math.floor there.
    let b = ((values[i]! - min) * inv) | 0;
    c[Math.min(b, last)]!++;
    b = ((values[i + 1]! - min) * inv) | 0;
    c[k + Math.min(b, last)]!++;
    b = ((values[i + 2]! - min) * inv) | 0;
    c[2 * k + Math.min(b, last)]!++;
    b = ((values[i + 3]! - min) * inv) | 0;
    c[3 * k + Math.min(b, last)]!++;
  }
  for (let i = m; i < n; i++) {
    const b = ((values[i]! - min) * inv) | 0;
    c[Math.min(b, last)]!++;
  }
  const counts = new Float64Array(k);
  for (let b = 0; b < k; b++) counts[b] = c[b]! + c[k + b]! + c[2 * k + b]! + c[3 * k + b]!;
  return counts;
}

/**
 * Builds [k,3] rows from counts already taken over `k` equal-width buckets of [min, max] (as the
 * gradient watch does on the device), with the same edges and edge cases as {@link computeHistogram}:
 * no finite values gives zero rows, min === max a single zero-width bucket.
 */
export function bucketsFromCounts(min: number, max: number, counts: ArrayLike<number>): Float64Array {
  const k = counts.length;
  let total = 0;
  for (let b = 0; b < k; b++) total += counts[b]!;
  if (total === 0 || !Number.isFinite(min) || !Number.isFinite(max)) return new Float64Array(0);
  if (min === max) return Float64Array.of(min, max, total);
  const buckets = new Float64Array(k * 3);
  for (let b = 0; b < k; b++) {
    buckets[b * 3] = edge(min, max, b, k);
    buckets[b * 3 + 1] = b === k - 1 ? max : edge(min, max, b + 1, k);
    buckets[b * 3 + 2] = counts[b]!;
  }
  return buckets;
}

/** The b-th of k+1 equally spaced edges from min to max, computed without overflowing. */
function edge(min: number, max: number, b: number, k: number): number {
  if (b === 0) return min;
  const t = b / k;
  const e = min + (max - min) * t;
  return Number.isFinite(e) ? e : min * (1 - t) + max * t;
}

/**
 * Precomputed buckets, as `histogram()` accepts them: rows of [left, right, count], or the same rows
 * flat in a Float64Array (left, right, count, left, ...: what computeHistogram returns, taken as is).
 */
export interface PrecomputedHistogram {
  buckets: ReadonlyArray<readonly [number, number, number]> | Float64Array;
}

/** Validates precomputed buckets (finite edges, left <= right, non-negative counts) into [k,3] form. */
export function fromPrecomputed(h: PrecomputedHistogram, name = 'data'): Histogram {
  let buckets: Float64Array;
  if (h.buckets instanceof Float64Array) {
    if (h.buckets.length % 3 !== 0) {
      throw new RangeError(
        `${name}.buckets as a Float64Array must hold rows of [left, right, count] (a length divisible by 3), got ${h.buckets.length}`,
      );
    }
    buckets = h.buckets;
  } else {
    if (!Array.isArray(h.buckets))
      throw new TypeError(
        `${name}.buckets must be an array of [left, right, count] or a Float64Array of them`,
      );
    buckets = new Float64Array(h.buckets.length * 3);
    for (let i = 0; i < h.buckets.length; i++) {
      const row = h.buckets[i];
      if (!Array.isArray(row) || row.length !== 3 || !row.every((x) => typeof x === 'number')) {
        throw new TypeError(`${name}.buckets[${i}] must be [left, right, count] numbers`);
      }
      buckets.set(row as readonly number[], i * 3);
    }
  }
  let count = 0;
  let min = Number.NaN;
  let max = Number.NaN;
  for (let i = 0; i < buckets.length; i += 3) {
    const l = buckets[i]!;
    const r = buckets[i + 1]!;
    const c = buckets[i + 2]!;
    if (!Number.isFinite(l) || !Number.isFinite(r) || l > r) {
      throw new RangeError(
        `${name}.buckets[${i / 3}] needs finite edges with left <= right, got [${l}, ${r}]`,
      );
    }
    if (!Number.isFinite(c) || c < 0)
      throw new RangeError(`${name}.buckets[${i / 3}] count must be >= 0, got ${c}`);
    count += c;
    if (!(l >= min)) min = l;
    if (!(r <= max)) max = r;
  }
  return { buckets, count, nan: 0, posInf: 0, negInf: 0, min, max, sum: Number.NaN, sumSquares: Number.NaN };
}
