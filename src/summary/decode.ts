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
 * Anything else is reported as 'other' with its plugin name, so callers can count what they skip.
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
  | { kind: 'other'; tag: string; plugin: string };

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
      if (plugin === 'scalars') {
        const nums = tensorNumbers(v.tensor);
        if (nums && nums.length === 1) return { kind: 'scalar', tag, value: nums[0]! };
      } else if (plugin === 'histograms') {
        const nums = tensorNumbers(v.tensor);
        const dims = shapeOf(v.tensor);
        if (nums && dims.length === 2 && dims[1] === 3 && nums.length === dims[0]! * 3) {
          return { kind: 'histogram', tag, buckets: nums };
        }
      } else if (plugin === 'text' && v.tensor.dtype === DataType.DT_STRING) {
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
  const dims = shapeOf(t);
  const size = dims.reduce((a, b) => a * b, 1);
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
    if (!width || raw.length % width !== 0) return null;
    const n = raw.length / width;
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
  if (!values) return null;
  // A single listed value is broadcast to the whole shape, as TensorBoard's make_ndarray does.
  if (values.length === 1 && size > 1) return new Float64Array(size).fill(values[0]!);
  if (values.length === 0 && size === 0) return values;
  return values.length === size ? values : null;
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
