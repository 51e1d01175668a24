/**
 * Activation statistics: what each layer outputs during a training step's forward pass, at the steps
 * the caller arms. Every layer's `call` is wrapped while the tap is attached (nested models' layers
 * too; a shared layer adds up its applications); an armed call reduces its output on the device to
 * seven numbers and keeps them, and the step's numbers are read together after the update, in one
 * download. The reductions are not on the loss's path, so the gradients, and training, are unchanged.
 *
 * Per layer: the number of values, their sum and sum of squares (mean and standard deviation), max
 * |a|, exact zeros (dead ReLU units), saturated values (|a| > 0.99 after tanh or softsign, a < 0.01 or
 * a > 0.99 after sigmoid or hard sigmoid; none counted for other activations), and NaN or ±Inf values.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type LayerLike, wrapLayerCalls } from './layer-calls.js';
import { deviceSumSq, reducedOnHost } from './reduce.js';

/** One layer's activation statistics at one step (summed over its applications). */
export interface ActivationStats {
  layer: string;
  count: number;
  mean: number;
  std: number;
  maxAbs: number;
  /** Fraction of the values that are exactly zero. */
  zeroFraction: number;
  /** Fraction saturated, for tanh/sigmoid-like activations (undefined for others). */
  saturatedFraction?: number;
  nonFinite: number;
}

export type Saturation = 'symmetric' | 'unit' | null;

interface Pending {
  layer: string;
  size: number;
  saturation: Saturation;
  /** The six sums on the host, or deviceReduce()'s seven on the device (read after the step). */
  stats: tf.Tensor | Float64Array;
  /** deviceReduce()'s factor of Σa². */
  factor: number;
}

export class ActivationTap {
  #restore: (() => void) | null = null;
  #pending: Pending[] = [];
  /** Whether the next forward pass is measured (set by the caller before the step). */
  armed = false;
  /** Time (ms) the last measured step cost: its reductions in the forward pass and the read. */
  lastCostMs = 0;
  #observeMs = 0;

  /** Wraps the call of every layer of `model` (nested models included: their output too). */
  attach(model: unknown): void {
    this.detach();
    const saturation = new Map<LayerLike, Saturation>();
    this.#restore = wrapLayerCalls(
      model,
      (layer, call) => {
        const out = call();
        if (this.armed) this.#observe(layer.name, out, saturation.get(layer) ?? null);
        return out;
      },
      (layer) => saturation.set(layer, saturationOf(layer)),
      { nested: true },
    );
  }

  /** Restores every wrapped call and frees what an interrupted step left. */
  detach(): void {
    this.#restore?.();
    this.#restore = null;
    this.discard();
  }

  /** Frees the statistics of a step that will not be read (it threw). */
  discard(): void {
    tf.dispose(this.#device(this.#pending));
    this.#pending = [];
  }

  #device(pending: Pending[]): tf.Tensor[] {
    return pending.flatMap((p) => (p.stats instanceof tf.Tensor ? [p.stats] : []));
  }

  /** The armed step's statistics per layer, read in one download; the tap is disarmed. */
  async read(): Promise<ActivationStats[]> {
    const t0 = performance.now();
    this.armed = false;
    try {
      return await this.#read();
    } finally {
      this.lastCostMs = this.#observeMs + performance.now() - t0;
      this.#observeMs = 0;
    }
  }

  async #read(): Promise<ActivationStats[]> {
    const pending = this.#pending;
    this.#pending = [];
    if (pending.length === 0) return [];
    const device = this.#device(pending);
    let values: Float32Array = new Float32Array(0);
    if (device.length > 0) {
      const all = tf.tidy(() => tf.concat(device));
      tf.dispose(device);
      try {
        values = (await all.data()) as Float32Array;
      } finally {
        all.dispose();
      }
    }
    let next = 0;
    const byLayer = new Map<string, { size: number; v: number[]; saturation: Saturation }>();
    for (const p of pending) {
      const acc = byLayer.get(p.layer) ?? { size: 0, v: [0, 0, 0, 0, 0, 0], saturation: p.saturation };
      let src: Float64Array;
      if (p.stats instanceof tf.Tensor) {
        src = fromDevice(values, next, p.factor);
        next += DEVICE_STATS;
      } else src = p.stats;
      acc.size += p.size;
      acc.v[0]! += src[0]!; // sum
      acc.v[1]! += src[1]!; // sum of squares
      acc.v[2] = Math.max(acc.v[2]!, src[2]!); // max |a|
      acc.v[3]! += src[3]!; // zeros
      acc.v[4]! += src[4]!; // saturated
      acc.v[5]! += src[5]!; // non-finite
      byLayer.set(p.layer, acc);
    }
    return [...byLayer].map(([layer, { size, v, saturation }]) => {
      const mean = v[0]! / size;
      const out: ActivationStats = {
        layer,
        count: size,
        mean,
        std: Math.sqrt(Math.max(0, v[1]! / size - mean * mean)),
        maxAbs: v[2]!,
        zeroFraction: v[3]! / size,
        nonFinite: v[5]!,
      };
      if (saturation) out.saturatedFraction = v[4]! / size;
      return out;
    });
  }

  #observe(layer: string, out: unknown, saturation: Saturation): void {
    const t0 = performance.now();
    for (const t of Array.isArray(out) ? out : [out]) {
      if (!(t instanceof tf.Tensor) || t.dtype !== 'float32' || t.size === 0) continue;
      // Where tensors live in host memory, one loop over the values costs less than a dozen kernels
      // (each a native call on tfjs-node), as for the gradients' sums.
      const r = reducedOnHost(t.size)
        ? { stats: hostReduce(t.dataSync(), saturation), factor: 1 }
        : deviceReduce(t, saturation);
      this.#pending.push({ layer, size: t.size, saturation, ...r });
    }
    this.#observeMs += performance.now() - t0;
  }
}

/** [Σa, Σa², max|a|, zeros, saturated, non-finite] of one output's values, on the host. */
export function hostReduce(x: ArrayLike<number>, saturation: Saturation): Float64Array {
  let sum = 0;
  let sq = 0;
  let max = 0;
  let zeros = 0;
  let sat = 0;
  let bad = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v - v !== 0) {
      // NaN or ±Inf: counted, and carried into the sums as the device's would be.
      bad++;
      sum += v;
      sq += v * v;
      max = Math.max(max, Math.abs(v));
      continue;
    }
    sum += v;
    sq += v * v;
    const a = v < 0 ? -v : v;
    if (a > max) max = a;
    if (v === 0) zeros++;
    else if (saturation === 'symmetric' ? a > 0.99 : saturation === 'unit' && (v < 0.01 || v > 0.99)) sat++;
  }
  // A zero output of a sigmoid-like activation is saturated too.
  if (saturation === 'unit') sat += zeros;
  return Float64Array.of(sum, sq, max, zeros, sat, bad);
}

/** What deviceReduce() leaves on the device, per output: [Σa, Σa² / factor, max a, min a, zeros, saturated, non-finite]. */
const DEVICE_STATS = 7;

/**
 * The sums of one output, on the device, kept: [Σa, Σa² / factor, max a, min a, zeros, saturated,
 * non-finite values] (see fromDevice). Built for few ops (each a native call on tfjs-node, 20-100 µs)
 * and few passes over the output (a convolution's is large): reductions straight over it (Σa² by the
 * one native L2Loss on tfjs-node), full-size intermediates only for the counts, and what is left (max
 * |a|, the factor) done on the host after the read. The non-finite values are counted, not the finite
 * ones: a float32 sum is exact only up to 2^24, and the count of a healthy output is 0.
 */
export function deviceReduce(t: tf.Tensor, saturation: Saturation): { stats: tf.Tensor; factor: number } {
  let factor = 1;
  const stats = tf.tidy(() => {
    const count = (b: tf.Tensor) => tf.sum(tf.cast(b, 'float32'));
    const saturated =
      saturation === 'symmetric'
        ? count(tf.greater(tf.abs(t), 0.99))
        : saturation === 'unit'
          ? count(tf.logicalOr(tf.less(t, 0.01), tf.greater(t, 0.99)))
          : tf.scalar(0);
    const sq = deviceSumSq(t);
    factor = sq.factor;
    return tf.keep(
      tf.stack([
        tf.sum(t),
        sq.value,
        tf.max(t),
        tf.min(t),
        count(tf.equal(t, 0)),
        saturated,
        count(tf.logicalNot(tf.isFinite(t))),
      ]),
    );
  });
  return { stats, factor };
}

/** hostReduce()'s six numbers from deviceReduce()'s seven, read. */
export function fromDevice(v: ArrayLike<number>, o: number, factor: number): Float64Array {
  return Float64Array.of(
    v[o]!,
    v[o + 1]! * factor,
    Math.max(v[o + 2]!, -v[o + 3]!, 0),
    v[o + 4]!,
    v[o + 5]!,
    v[o + 6]!,
  );
}

/** Which saturation a layer's activation has: tanh-like (±1), sigmoid-like (0 and 1), or none. */
function saturationOf(layer: LayerLike): Saturation {
  const activation = layer.activation ?? layer.cell?.activation;
  const name = activation?.getClassName?.()?.toLowerCase() ?? layer.getClassName().toLowerCase();
  if (name === 'tanh' || name === 'softsign') return 'symmetric';
  if (name === 'sigmoid' || name === 'hardsigmoid') return 'unit';
  return null;
}
