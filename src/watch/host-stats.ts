/**
 * Statistics of a tensor's values on the host, in plain loops over its Float32Array: one pass, no
 * allocation. On the backends whose tensors live in host memory (cpu, wasm, tensorflow) reading the
 * values costs a copy at most (none on cpu), and a fused loop here replaces the several tensor ops
 * per variable the same numbers take on the device, each of which allocates on cpu and is a native
 * call on tfjs-node. Sums are accumulated in float64, so a sum of squares of finite float32 values
 * never overflows (the largest is 1.2e77), unlike the same sum on the device.
 */

export type Values = Float32Array | Int32Array | Uint8Array;

/** Sum of squares, accumulated in float64 (NaN if any value is NaN, +Inf if any is infinite). */
export function sumSquares(a: Values): number {
  // Four accumulators: independent additions pipeline, and the order of rounding is fixed.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = a.length;
  const m = n - (n % 4);
  for (let i = 0; i < m; i += 4) {
    const a0 = a[i]!;
    const a1 = a[i + 1]!;
    const a2 = a[i + 2]!;
    const a3 = a[i + 3]!;
    s0 += a0 * a0;
    s1 += a1 * a1;
    s2 += a2 * a2;
    s3 += a3 * a3;
  }
  for (let i = m; i < n; i++) s0 += a[i]! * a[i]!;
  return s0 + s1 + s2 + s3;
}

/**
 * Σ(a - b)² and Σb² in one pass: the size of the update between two snapshots of a variable, and the
 * size of the weights it was applied to (`b`, the snapshot before). With `out`, the same pass also
 * writes a - b into it (for a histogram of the update; the sums use the exact float64 differences).
 */
export function updateSums(a: Values, b: Values, out?: Float32Array): { update: number; before: number } {
  if (a.length !== b.length) throw new RangeError(`sizes differ: ${a.length} and ${b.length}`);
  if (out && out.length !== a.length) throw new RangeError(`out has ${out.length} elements, not ${a.length}`);
  let u0 = 0;
  let u1 = 0;
  let b0 = 0;
  let b1 = 0;
  const n = a.length;
  const m = n - (n % 2);
  for (let i = 0; i < m; i += 2) {
    const x0 = b[i]!;
    const x1 = b[i + 1]!;
    const d0 = a[i]! - x0;
    const d1 = a[i + 1]! - x1;
    if (out) {
      out[i] = d0;
      out[i + 1] = d1;
    }
    u0 += d0 * d0;
    u1 += d1 * d1;
    b0 += x0 * x0;
    b1 += x1 * x1;
  }
  if (m < n) {
    const x = b[m]!;
    const d = a[m]! - x;
    if (out) out[m] = d;
    u0 += d * d;
    b0 += x * x;
  }
  return { update: u0 + u1, before: b0 + b1 };
}

export interface ValueSummary {
  /** Sum of squares of the finite values. */
  sumSq: number;
  /** Largest |value| over the finite values (0 when there are none). */
  maxAbs: number;
  nan: number;
  posInf: number;
  negInf: number;
}

/**
 * Sum of squares, max |value| and exact NaN/±Inf counts in one pass; a second pass that tells the
 * non-finite values apart runs only when the first met one (NaN and ±Inf make the sum non-finite).
 */
export function summarize(a: Values): ValueSummary {
  let s = 0;
  let lo = 0;
  let hi = 0;
  const n = a.length;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    s += v * v;
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
  }
  if (Number.isFinite(s)) return { sumSq: s, maxAbs: Math.max(hi, -lo), nan: 0, posInf: 0, negInf: 0 };
  s = 0;
  lo = 0;
  hi = 0;
  let nan = 0;
  let posInf = 0;
  let negInf = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if (v - v !== 0) {
      // Only NaN and ±Inf fail v - v === 0.
      if (Number.isNaN(v)) nan++;
      else if (v > 0) posInf++;
      else negInf++;
      continue;
    }
    s += v * v;
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
  }
  return { sumSq: s, maxAbs: Math.max(hi, -lo), nan, posInf, negInf };
}

/** Exact [NaN, +Inf, -Inf] counts. */
export function nonFiniteCounts(a: Values): [nan: number, posInf: number, negInf: number] {
  const s = summarize(a);
  return [s.nan, s.posInf, s.negInf];
}
