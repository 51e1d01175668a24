/**
 * Clipping decided on the host, for the backends whose per-step sums are on the host already (cpu,
 * wasm, tensorflow). For the modes whose scale follows from the gradient norms alone (globalNorm,
 * norm, zclip, autoclip) the scale is a few float64 operations on those norms, the same arithmetic
 * as the device version in clip.ts, and a gradient is multiplied by its scale only when that is not
 * 1. The device version costs about 25 kernels per step (20 native ops on tfjs-node, a 0.5 ms of a
 * 3.5 ms step on the tabular model); this one, nothing on a step that does not clip, and one
 * multiplication per gradient on a step that does. `value` and `agc` need the values themselves and
 * stay on the device.
 */
import type { AutoClipState, ClipConfig, ZClipState } from './clip.js';

const EPS = 1e-12;

export interface HostClip {
  /** The factor for each gradient (1: left as it is; NaN or 0 for a non-finite norm, as on the device). */
  scales: Float64Array;
  /** The numbers clip.ts's `info` holds, in the same layout: the head, then the post-clip Σg². */
  info: Float64Array;
}

/**
 * The scales for `norms` (each gradient's L2 norm, 0 where there is none), or null when the mode is
 * not decided on the host. Advances ZClip's and AutoClip's state, like the device version.
 */
export function hostClip(
  c: ClipConfig,
  norms: Float64Array,
  zstate?: ZClipState,
  astate?: AutoClipState,
): HostClip | null {
  const n = norms.length;
  const scales = new Float64Array(n);
  // The global norm, scaled by the largest so that its square does not overflow.
  let largest = 0;
  for (let i = 0; i < n; i++) if (!(norms[i]! <= largest)) largest = norms[i]!;
  let acc = 0;
  for (let i = 0; i < n; i++) acc += (norms[i]! / (largest > 0 ? largest : 1)) ** 2;
  const global = largest * Math.sqrt(acc);
  const single = (scale: number, head: number[]): HostClip => {
    scales.fill(scale);
    return { scales, info: Float64Array.of(...head, (global * scale) ** 2) };
  };
  if ('globalNorm' in c) {
    const scale = Math.min(1, c.globalNorm / Math.max(global, EPS));
    return single(scale, [scale]);
  }
  if ('norm' in c) {
    let post = 0;
    for (let i = 0; i < n; i++) {
      scales[i] = Math.min(1, c.norm / Math.max(norms[i]!, EPS));
      post += (norms[i]! * scales[i]!) ** 2;
    }
    return { scales, info: Float64Array.of(...scales, post) };
  }
  if ('zclip' in c && zstate) {
    const st = zstate;
    const v = st.host;
    const finite = Number.isFinite(global);
    let scale = 1;
    let threshold = Number.NaN;
    if (st.steps < st.warmup) {
      // Warm-up: collect the norm's mean and variance, clip nothing.
      const safe = finite ? global : 0;
      v.sum += safe;
      v.sumSq += safe * safe;
      if (st.steps === st.warmup - 1) {
        v.mean = v.sum / st.warmup;
        v.variance = Math.max(0, v.sumSq / st.warmup - v.mean * v.mean);
      }
    } else {
      const sigma = Math.sqrt(Math.max(v.variance, EPS));
      const z = (global - v.mean) / sigma;
      threshold = v.mean + st.z * sigma;
      if (finite && z > st.z) {
        // ZClip's adaptive scaling: a spike with score z is brought to mean + zThr^2 * sigma / z.
        const target = v.mean + (st.z * st.z * sigma) / Math.max(z, EPS);
        scale = Math.min(1, target / Math.max(global, EPS));
      }
      if (finite) {
        const clipped = global * scale;
        const mean = st.alpha * v.mean + (1 - st.alpha) * clipped;
        v.variance = st.alpha * v.variance + (1 - st.alpha) * (clipped - mean) ** 2;
        v.mean = mean;
      }
    }
    st.steps++;
    return single(scale, [scale, threshold]);
  }
  if ('autoclip' in c && astate) {
    const st = astate;
    const ring = st.hostHistory;
    // A non-finite norm is recorded as +Inf, which never lowers a percentile.
    ring[st.count % st.size] = Number.isFinite(global) ? global : Number.POSITIVE_INFINITY;
    st.count++;
    const recorded = Math.min(st.count, st.size);
    const k = Math.max(1, Math.ceil((st.percentile / 100) * recorded));
    const sorted = ring.slice(0, recorded).sort();
    const threshold = sorted[k - 1]!;
    const scale = Math.min(1, threshold / Math.max(global, EPS));
    return single(scale, [scale, threshold]);
  }
  return null;
}
