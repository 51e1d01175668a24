/**
 * Turns Summary.Value messages from any writer (gradwatch, TF2/Keras, PyTorch, tensorboardX) back
 * into typed points. A tag's plugin is fixed by the first value of the tag that carries metadata, as in
 * TensorBoard, so later values without metadata are still understood.
 *
 * - scalar: `simple_value`, or a one-element float/double/int tensor of a "scalars" tag
 *   (TF2 writes rank-0 DT_FLOAT, PyTorch optionally rank-0 DT_DOUBLE);
 * - histogram: legacy `histo` (converted to [k,3] like TensorBoard's Python loader: empty buckets at
 *   both ends dropped, min/max as the outer edges) or a [k,3] tensor of a "histograms" tag;
 * - text: string tensor of a "text" tag (rank 0 as is; higher ranks as their cells).
 * Anything else is reported as 'other' with its plugin name, so callers can count what they skip. A
 * tensor of the scalars, histograms or text plugin that cannot be decoded (a shape its values do not
 * fill, a single value broadcast to more than MAX_BROADCAST elements, the wrong rank or dtype) is
 * 'other' with a `problem` saying what is wrong: the work done on a value is bounded by its bytes,
 * never by the shape it declares.
 */

import { discoverRuns, type ReadLogdirOptions } from '../events/logdir.js';
import { EventFileReader } from '../events/reader.js';
import {
  DataType,
  type HistogramMessage,
  int64ToNumber,
  type SummaryValue,
  type TensorMessage,
} from '../proto/index.js';

export type DecodedValue =
  | { kind: 'scalar'; tag: string; value: number }
  | { kind: 'histogram'; tag: string /** Row-major [k,3]: left, right, count. */; buckets: Float64Array }
  | { kind: 'text'; tag: string; text: string; cells: string[] }
  | {
      kind: 'other';
      tag: string;
      plugin: string;
      /** Set when the value belongs to a plugin gradwatch reads but is malformed: what is wrong. */
      problem?: string;
    };

/**
 * Most elements a single listed value is broadcast to. TensorBoard broadcasts one value to the whole
 * shape (make_ndarray); TensorFlow's summary ops never write such tensors, and a declared shape costs
 * nothing to write: beyond this a 20-byte value would cost gigabytes ([1e12,3]).
 */
export const MAX_BROADCAST = 4096;

const utf8 = new TextDecoder('utf-8');

/** Decodes values, remembering each tag's plugin. Use one per run. */
export class ValueDecoder {
  readonly #plugin = new Map<string, string>();

  decode(v: SummaryValue): DecodedValue {
    const tag = v.tag ?? '';
    const declared = v.metadata?.pluginData?.pluginName;
    if (declared && !this.#plugin.has(tag)) this.#plugin.set(tag, declared);
    if (v.simpleValue != null) {
      this.#plugin.set(tag, this.#plugin.get(tag) ?? 'scalars');
      return { kind: 'scalar', tag, value: v.simpleValue };
    }
    if (v.histo != null) {
      this.#plugin.set(tag, this.#plugin.get(tag) ?? 'histograms');
      return { kind: 'histogram', tag, buckets: migrateLegacyHistogram(v.histo) };
    }
    const plugin = this.#plugin.get(tag) ?? '';
    if (v.tensor != null) {
      const bad = (problem: string): DecodedValue => ({ kind: 'other', tag, plugin, problem });
      if (plugin === 'scalars') {
        const nums = decodeTensor(v.tensor);
        if (typeof nums === 'string') return bad(`scalar ${nums}`);
        if (nums.length !== 1) return bad(`scalar tensor holds ${nums.length} values, not 1`);
        return { kind: 'scalar', tag, value: nums[0]! };
      }
      if (plugin === 'histograms') {
        const dims = shapeOf(v.tensor);
        if (dims.length !== 2 || dims[1] !== 3)
          return bad(`histogram tensor of shape ${shapeText(dims)}, not [k,3]`);
        const nums = decodeTensor(v.tensor);
        if (typeof nums === 'string') return bad(`histogram ${nums}`);
        return { kind: 'histogram', tag, buckets: nums };
      }
      if (plugin === 'text') {
        if (v.tensor.dtype !== DataType.DT_STRING)
          return bad(
            `text tensor of dtype ${DataType[v.tensor.dtype ?? 0] ?? v.tensor.dtype}, not DT_STRING`,
          );
        const cells = (v.tensor.stringVal ?? []).map((b) => utf8.decode(b));
        return { kind: 'text', tag, text: cells.join('\n'), cells };
      }
    }
    return { kind: 'other', tag, plugin: plugin || (v.image ? 'images' : v.audio ? 'audio' : 'unknown') };
  }
}

/** Dimension sizes of a tensor; [] for rank 0 (or an absent shape). */
export function shapeOf(t: TensorMessage): number[] {
  return (t.tensorShape?.dim ?? []).map((d) => int64ToNumber(d.size));
}

/** A numeric tensor's values as float64 (a copy, never a view of the file buffer); null if not numeric. */
export function tensorNumbers(t: TensorMessage): Float64Array | null {
  const r = decodeTensor(t);
  return typeof r === 'string' ? null : r;
}

function shapeText(dims: readonly number[]): string {
  return `[${dims.join(',')}]`;
}

/**
 * A numeric tensor's values, or what is wrong with it. Every allocation is sized by the values
 * present (at most MAX_BROADCAST for a broadcast), never by the declared shape alone.
 */
export function decodeTensor(t: TensorMessage): Float64Array | string {
  const dims = shapeOf(t);
  const size = dims.reduce((a, b) => a * b, 1);
  const what = `tensor of shape ${shapeText(dims)}`;
  if (!dims.every((d) => Number.isSafeInteger(d) && d >= 0) || !Number.isSafeInteger(size))
    return `${what}: not a valid shape`;
  const raw = t.tensorContent;
  let values: Float64Array | null = null;
  if (raw && raw.length > 0) {
    const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const width = (
      {
        [DataType.DT_FLOAT]: 4,
        [DataType.DT_DOUBLE]: 8,
        [DataType.DT_INT32]: 4,
        [DataType.DT_INT64]: 8,
      } as Record<number, number>
    )[t.dtype ?? 0];
    if (!width) return `${what}: dtype ${DataType[t.dtype ?? 0] ?? t.dtype} is not numeric`;
    if (raw.length % width !== 0) return `${what}: ${raw.length} content bytes are not whole values`;
    const n = raw.length / width;
    // Checked before the copy: the content's size is known without decoding it.
    if (n !== size && !(n === 1 && size <= MAX_BROADCAST))
      return `${what} holds ${n} value${n === 1 ? '' : 's'}`;
    values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const o = i * width;
      switch (t.dtype) {
        case DataType.DT_FLOAT:
          values[i] = dv.getFloat32(o, true);
          break;
        case DataType.DT_DOUBLE:
          values[i] = dv.getFloat64(o, true);
          break;
        case DataType.DT_INT32:
          values[i] = dv.getInt32(o, true);
          break;
        default:
          values[i] = Number(dv.getBigInt64(o, true));
      }
    }
  } else if (t.dtype === DataType.DT_FLOAT) values = Float64Array.from(t.floatVal ?? []);
  else if (t.dtype === DataType.DT_DOUBLE) values = Float64Array.from(t.doubleVal ?? []);
  else if (t.dtype === DataType.DT_INT32) values = Float64Array.from(t.intVal ?? []);
  else if (t.dtype === DataType.DT_INT64)
    values = Float64Array.from(t.int64Val ?? [], (x) => int64ToNumber(x));
  if (!values) return `${what}: dtype ${DataType[t.dtype ?? 0] ?? t.dtype} is not numeric`;
  if (values.length === size) return values;
  // A single listed value is broadcast to the whole shape, as TensorBoard's make_ndarray does, up to
  // MAX_BROADCAST elements: beyond, the shape alone would decide the work.
  if (values.length === 1 && size > 1 && size <= MAX_BROADCAST)
    return new Float64Array(size).fill(values[0]!);
  const n = values.length;
  return `${what} holds ${n} value${n === 1 ? '' : 's'}${n === 1 && size > MAX_BROADCAST ? ` (broadcast to at most ${MAX_BROADCAST} elements)` : ''}`;
}

/** Legacy HistogramProto to [k,3] rows, as TensorBoard's Python loader converts it. */
export function migrateLegacyHistogram(h: HistogramMessage): Float64Array {
  const counts = h.bucket ?? [];
  const limits = h.bucketLimit ?? [];
  const min = h.min ?? 0;
  const max = h.max ?? 0;
  let start = 0;
  while (start < counts.length && !(counts[start]! > 0)) start++;
  let end = counts.length - 1;
  while (end >= 0 && !(counts[end]! > 0)) end--;
  if (start > end) return new Float64Array(0);
  const k = end - start + 1;
  const out = new Float64Array(k * 3);
  for (let i = 0; i < k; i++) {
    out[i * 3] = i === 0 ? min : limits[start + i - 1]!;
    out[i * 3 + 1] = i === k - 1 ? max : limits[start + i]!;
    out[i * 3 + 2] = counts[start + i]!;
  }
  return out;
}

export interface SummaryPoint {
  run: string;
  step: number;
  wallTime: number;
  value: DecodedValue;
}

/**
 * Yields every summary value under `logdir`, decoded, run by run, in batches (the points from one
 * read of a file). The fast way to consume a large logdir: async iteration costs per step, so a
 * step per batch instead of per point makes reading several times faster.
 */
export async function* readSummaryBatches(
  logdir: string,
  options: ReadLogdirOptions = {},
): AsyncGenerator<SummaryPoint[]> {
  const { runs } = await discoverRuns(logdir);
  for (const run of runs) {
    const decoder = new ValueDecoder();
    for (const file of run.files) {
      const reader = new EventFileReader(file, options);
      for await (const batch of reader.eventBatches()) {
        const points: SummaryPoint[] = [];
        for (const { event } of batch) {
          if (!event.summary) continue;
          const step = int64ToNumber(event.step);
          const wallTime = event.wallTime ?? 0;
          for (const v of event.summary.value ?? [])
            points.push({ run: run.name, step, wallTime, value: decoder.decode(v) });
        }
        if (points.length > 0) yield points;
      }
      if (options.onProblem) for (const p of reader.problems) options.onProblem(p);
    }
  }
}

/** Yields every summary value under `logdir`, decoded, one at a time (see {@link readSummaryBatches}). */
export async function* readSummaries(
  logdir: string,
  options: ReadLogdirOptions = {},
): AsyncGenerator<SummaryPoint> {
  for await (const batch of readSummaryBatches(logdir, options)) yield* batch;
}
