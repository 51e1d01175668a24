/**
 * The reductions behind the watch's statistics, each done where it is cheaper: on the host, in a JS
 * loop over the tensor's values, or on the device, by tensor ops whose small results are stacked and
 * read at once.
 *
 * They run inside every training step, so they are built for the number of calls into the backend:
 * on tfjs-node each tensor op is a native call that costs, inside a training loop, 20-80 µs (about
 * the cost of copying 30,000 values to the host and summing them in JS), and `sum(square(g))` is two
 * of them plus a tensor for the axes. So the choice is made per tensor, by size, with crossovers
 * measured per backend inside training (bench/README.md, "Where the statistics are computed"):
 * - on the host: tensors up to HOST_REDUCE_MAX elements on tfjs-node (read with a native copy, about
 *   1.6 ns per value); every tensor on the pure-JS `cpu` backend, whose values are host arrays
 *   already (reading copies nothing, while every tensor op allocates), and on `wasm`, whose values
 *   are read in place in the wasm heap (float64 sums, and faster than its Square and Sum kernels);
 * - on the device: larger tensors on tfjs-node, by TensorFlow's L2Loss op (sum(x²)/2 in one native
 *   op, multi-threaded), and every tensor on the other backends (webgl, webgpu), whose callers keep
 *   the results on the device and download them later (`deviceSumSquares`).
 * If tfjs-node's internals are not what this expects, it falls back to the portable ops, once.
 */
import * as tf from '@tensorflow/tfjs-core';
import { sumSquares } from './host-stats.js';

/** Backends whose tensors live in host memory: reading them synchronously stalls nothing. */
export const HOST_MEMORY_BACKENDS: ReadonlySet<string> = new Set(['cpu', 'wasm', 'tensorflow']);

/** Largest tensor (elements) reduced on the host, per backend; larger ones go to the device. */
export const HOST_REDUCE_MAX: Readonly<Record<string, number>> = {
  cpu: Number.POSITIVE_INFINITY,
  wasm: Number.POSITIVE_INFINITY,
  tensorflow: 32768,
};

/** Whether a tensor of `size` elements is reduced on the host on the current backend. */
export function reducedOnHost(size: number, backend = tf.getBackend()): boolean {
  return size <= (HOST_REDUCE_MAX[backend] ?? -1);
}

interface TfjsNodeBackend {
  executeSingleInput(op: string, input: tf.Tensor): tf.Tensor;
  executeSingleOutput(op: string, attrs: object[], inputs: tf.Tensor[]): tf.Tensor;
  binding: { TF_ATTR_TYPE: number; TF_FLOAT: number; TF_INT32: number };
}

let tfNodeFailed = false;

interface WasmBackend {
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  wasm: { HEAPU8: Uint8Array };
}

/**
 * A float32 tensor's values for a reduction done at once. On wasm, a view into the wasm heap instead
 * of `dataSync()`'s copy (which costs more than the sum itself, about 2 ns per value): valid only
 * until the next kernel runs, so never kept. Elsewhere `dataSync()` (on cpu, the values themselves).
 */
function valuesNow(t: tf.Tensor, backend: string): Float32Array {
  if (backend === 'wasm') {
    const b = tf.backend() as unknown as Partial<WasmBackend>;
    const offset = b.dataIdMap?.get(t.dataId)?.memoryOffset;
    const heap = b.wasm?.HEAPU8;
    if (typeof offset === 'number' && heap && offset % 4 === 0 && offset + 4 * t.size <= heap.byteLength) {
      return new Float32Array(heap.buffer, heap.byteOffset + offset, t.size);
    }
  }
  return t.dataSync() as Float32Array;
}

/**
 * Σx² of one tensor as a scalar on the device (inside a tidy), divided by the `factor` returned:
 * TensorFlow's L2Loss gives sum(x²)/2, and doubling it on the host saves a native op.
 */
export function deviceSumSq(x: tf.Tensor): { value: tf.Tensor; factor: number } {
  // A sum of nothing is 0: backends disagree on reductions of an empty tensor (wasm's read memory
  // that was never set), so none is asked for one.
  if (x.size === 0) return { value: tf.scalar(0), factor: 1 };
  const f = x.dtype === 'float32' ? x : tf.cast(x, 'float32');
  if (tf.getBackend() === 'tensorflow' && !tfNodeFailed) {
    const backend = tf.backend() as unknown as Partial<TfjsNodeBackend>;
    if (typeof backend.executeSingleInput === 'function') {
      try {
        return { value: backend.executeSingleInput('L2Loss', f), factor: 2 };
      } catch (err) {
        tfNodeFailed = true;
        console.warn(
          `gradwatch: the tfjs-node fast path failed (${(err as Error).message}); using portable tensor ops`,
        );
      }
    }
  }
  return { value: tf.sum(tf.square(f)), factor: 1 };
}

/**
 * Reads scalar results one by one and frees them. Cheaper than stacking them first: a read of a
 * scalar copies 4 bytes, while a stack is one more kernel (a native op of 20-40 µs inside a training
 * step on tfjs-node).
 */
function readScalars(ts: readonly tf.Tensor[]): Float64Array {
  const out = new Float64Array(ts.length);
  try {
    for (let i = 0; i < ts.length; i++) out[i] = ts[i]!.dataSync()[0]!;
  } finally {
    for (const t of ts) t.dispose();
  }
  return out;
}

/**
 * Σx² of each tensor (NaN where it is undefined), followed by the loss (NaN if absent), read to the
 * host synchronously: the per-step reduction. Meant for host-memory backends; elsewhere it works but
 * stalls on the read.
 */
export function hostSumSquares(
  tensors: ReadonlyArray<tf.Tensor | undefined>,
  loss?: tf.Tensor,
): Float64Array {
  const out = new Float64Array(tensors.length + 1);
  out.fill(Number.NaN);
  const backend = tf.getBackend();
  const large: number[] = [];
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i];
    if (!t) continue;
    if (t.dtype === 'float32' && reducedOnHost(t.size, backend)) out[i] = sumSquares(valuesNow(t, backend));
    else large.push(i);
  }
  if (large.length > 0) {
    const factors = new Float64Array(large.length);
    const d = readScalars(
      tf.tidy(() =>
        large.map((i, j) => {
          const r = deviceSumSq(tensors[i]!);
          factors[j] = r.factor;
          return tf.keep(r.value);
        }),
      ),
    );
    for (let j = 0; j < large.length; j++) out[large[j]!] = d[j]! * factors[j]!;
  }
  if (loss && loss.size === 1) out[tensors.length] = loss.dataSync()[0]!;
  return out;
}

/** One variable's detail statistics computed on the device. */
export interface DeviceDetail {
  gradMaxAbs: number;
  weightSumSq: number;
  /** NaN when no snapshot before the update was given. */
  updateSumSq: number;
  /** Σw² of the snapshot before the update (NaN without one). */
  beforeSumSq: number;
}

/**
 * Detail statistics of large variables on the device, read at once: max |g|, Σw² of the weights
 * after the update, Σ(w - before)² and Σbefore². `before` is a snapshot taken before the update.
 */
export function deviceDetail(
  entries: ReadonlyArray<{ grad: tf.Tensor | undefined; weight: tf.Tensor; before: tf.Tensor | null }>,
): DeviceDetail[] {
  if (entries.length === 0) return [];
  const factors = new Float64Array(entries.length * 4).fill(1);
  const sumSq = (x: tf.Tensor, at: number) => {
    const r = deviceSumSq(x);
    factors[at] = r.factor;
    return r.value;
  };
  const d = readScalars(
    tf.tidy(() =>
      entries.flatMap((e, j) =>
        [
          e.grad ? maxAbs(e.grad) : tf.scalar(Number.NaN),
          sumSq(e.weight, j * 4 + 1),
          e.before ? sumSq(tf.sub(e.weight, e.before), j * 4 + 2) : tf.scalar(Number.NaN),
          e.before ? sumSq(e.before, j * 4 + 3) : tf.scalar(Number.NaN),
        ].map((t) => tf.keep(t)),
      ),
    ),
  );
  return entries.map((_, j) => ({
    gradMaxAbs: d[j * 4]!,
    weightSumSq: d[j * 4 + 1]! * factors[j * 4 + 1]!,
    updateSumSq: d[j * 4 + 2]! * factors[j * 4 + 2]!,
    beforeSumSq: d[j * 4 + 3]! * factors[j * 4 + 3]!,
  }));
}

/**
 * max |x| on the device; 0 for a tensor with no elements, as on the host (backends disagree on the
 * max of nothing: NaN on cpu, -Inf on tfjs-node, memory that was never set on wasm).
 */
export function maxAbs(x: tf.Tensor): tf.Tensor {
  return x.size === 0 ? tf.scalar(0) : tf.max(tf.abs(x));
}

let tfHistogramFailed = false;

/**
 * Histogram of a large float32 tensor on tfjs-node, by TensorFlow's HistogramFixedWidth op over the
 * tensor's [min, max]: { min, max, counts } for `bucketsFromCounts`, or null where this does not apply
 * (another backend, values that are not all finite, or the op is unavailable): then the caller reads
 * the values and buckets them on the host. The values must be known to be finite (a finite sum of
 * squares): the op has no notion of NaN. Reading 1 MB of gradient to bucket it in JS costs about 10x
 * more inside a training step (bench/README.md). TensorFlow computes a value's bucket as
 * floor(float32(v - min) / ((max - min) / k)), the host as floor((v - min) * (k / (max - min))) in
 * float64: a value within a rounding error of an edge may land in the neighbouring bucket.
 */
export function deviceHistogram(
  x: tf.Tensor,
  k: number,
): { min: number; max: number; counts: Int32Array } | null {
  if (tf.getBackend() !== 'tensorflow' || tfHistogramFailed || x.dtype !== 'float32' || x.size === 0)
    return null;
  const backend = tf.backend() as unknown as Partial<TfjsNodeBackend>;
  const b = backend.binding;
  if (typeof backend.executeSingleOutput !== 'function' || !b || typeof b.TF_ATTR_TYPE !== 'number')
    return null;
  const [min, max] = readScalars(tf.tidy(() => [tf.keep(tf.min(x)), tf.keep(tf.max(x))]));
  // All equal, or a subnormal range that TensorFlow's min and max flushed to zero: the host decides.
  if (!Number.isFinite(min!) || !Number.isFinite(max!) || !(max! > min!)) return null;
  try {
    const counts = tf.tidy(() =>
      (backend as TfjsNodeBackend).executeSingleOutput(
        'HistogramFixedWidth',
        [
          { name: 'T', type: b.TF_ATTR_TYPE, value: b.TF_FLOAT },
          { name: 'dtype', type: b.TF_ATTR_TYPE, value: b.TF_INT32 },
        ],
        [x, tf.tensor1d([min!, max!], 'float32'), tf.scalar(k, 'int32')],
      ),
    );
    try {
      return { min: min!, max: max!, counts: counts.dataSync() as Int32Array };
    } finally {
      counts.dispose();
    }
  } catch (err) {
    tfHistogramFailed = true;
    console.warn(`gradwatch: tfjs-node's histogram op failed (${(err as Error).message}); bucketing in JS`);
    return null;
  }
}

/**
 * On the device: [Σx² of each tensor (0 where undefined)..., loss if given], one float32 tensor the
 * caller owns, to download when it suits (on GPU backends a synchronous read would stall the step).
 */
export function deviceSumSquares(
  tensors: ReadonlyArray<tf.Tensor | undefined>,
  loss?: tf.Tensor,
): tf.Tensor1D {
  return tf.tidy(() => {
    // Off tfjs-node (the only backend with a factor of 2), the factor is 1.
    const parts = tensors.map((t) => {
      if (!t) return tf.scalar(0);
      const r = deviceSumSq(t);
      return r.factor === 1 ? r.value : tf.mul(r.value, r.factor);
    });
    if (loss) parts.push(tf.reshape(tf.cast(loss, 'float32'), []));
    return tf.stack(parts) as tf.Tensor1D;
  });
}
