/**
 * SummaryWriter: the public writer. Its methods are a superset of tfjs-node's
 * `tf.node.summaryFileWriter()` writer (scalar, histogram, flush), so code written for tfjs-node ports
 * by changing an import, and it runs on every tfjs backend (it never touches one: a Tensor argument is
 * read with dataSync()).
 *
 * Steps: TensorBoard keeps a tag's points only if their steps increase strictly (RustBoard erases
 * later points when a step repeats or goes back). So a repeated or decreasing step for a tag is, by
 * default, rejected with a RangeError; with `onStepConflict: 'skip'` the point is dropped instead,
 * counted in `skippedPoints` and reported once per tag through a process warning.
 */
import {
  checkOptionNames,
  closedError,
  describeValue,
  EVENT_FILE_WRITER_OPTIONS,
  type EventFileWriterOptions,
  type EventFileWriterStats,
  type EventWriterLike,
  emitWarning,
} from '../events/writer-api.js';
import { defaultDestination } from '../platform/default.js';
import type { Destination } from '../platform/destination.js';
import type { SummaryValueInit } from '../proto/index.js';
import {
  computeHistogram,
  DEFAULT_BUCKETS,
  fromPrecomputed,
  type Histogram,
  type PrecomputedHistogram,
  validateBucketCount,
} from './histogram.js';
import { encodeScalarEvent } from './scalar-event.js';
import {
  CUSTOM_SCALARS_TAG,
  type CustomScalarLayout,
  customScalarsValue,
  type HParamMetric,
  type HParamValue,
  histogramValue,
  hparamsExperimentValue,
  hparamsSessionEndValue,
  hparamsSessionStartValue,
  scalarValue,
  textValue,
} from './values.js';

export interface SummaryWriterOptions extends EventFileWriterOptions {
  /** What to do with a repeated or decreasing step for a tag. Default 'throw'. */
  onStepConflict?: 'throw' | 'skip';
  /**
   * Where the events go: event files in Node (default), the page's browser storage in the browser
   * build (default there), or a collector (`collector(url, { token })`, `gradwatch serve`).
   */
  destination?: Destination;
}

const SUMMARY_WRITER_OPTIONS: readonly string[] = [
  'onStepConflict',
  'destination',
  ...EVENT_FILE_WRITER_OPTIONS,
];

/** Checks a destination option (an object from files(), collector() or browserStorage()). */
export function checkDestination(d: unknown, where: string): Destination {
  if (d === undefined) return defaultDestination();
  const needed = ['openWriter', 'claimRun', 'join', 'checkLogdir', 'lastStep'] as const;
  if (
    d === null ||
    typeof d !== 'object' ||
    needed.some((k) => typeof (d as Destination)[k] !== 'function')
  ) {
    throw new TypeError(
      `${where}: destination must be made by collector(), browserStorage() or files(), got ${describeValue(d)}`,
    );
  }
  return d as Destination;
}

/** The part of a tfjs Tensor the writer uses (duck-typed, so no tfjs import is needed). */
export interface TensorLike {
  readonly shape: readonly number[];
  readonly dtype: string;
  dataSync(): ArrayLike<number> | ArrayLike<string> | Uint8Array[];
}

export type HistogramData = TensorLike | ArrayLike<number> | PrecomputedHistogram;

/** What histogram() wrote, including the non-finite values it kept out of the buckets. */
export type HistogramSummary = Pick<Histogram, 'count' | 'nan' | 'posInf' | 'negInf' | 'min' | 'max'> & {
  /** Number of buckets written. */
  buckets: number;
};

function isTensorLike(x: unknown): x is TensorLike {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as TensorLike).dataSync === 'function' &&
    Array.isArray((x as TensorLike).shape)
  );
}

function checkTag(tag: unknown): asserts tag is string {
  if (typeof tag !== 'string' || tag.length === 0) {
    throw new TypeError(`tag must be a non-empty string, got ${tag === '' ? '""' : typeof tag}`);
  }
  if (!tag.isWellFormed()) throw new TypeError(`tag ${JSON.stringify(tag)} contains a lone surrogate`);
}

function checkStep(step: unknown): asserts step is number {
  if (typeof step !== 'number') throw new TypeError(`step must be a number, got ${typeof step}`);
  if (!Number.isSafeInteger(step) || step < 0) {
    throw new RangeError(`step must be a non-negative safe integer, got ${step}`);
  }
}

function checkEventName(event: unknown): void {
  if (event !== 'error') {
    throw new TypeError(`a SummaryWriter emits only 'error' events, got ${describeValue(event)}`);
  }
}

function checkDescription(description: unknown): asserts description is string | undefined {
  if (description !== undefined && typeof description !== 'string') {
    throw new TypeError(`description must be a string, got ${typeof description}`);
  }
}

export class SummaryWriter {
  readonly logdir: string;
  /** Points dropped because of a step conflict (onStepConflict: 'skip'). */
  skippedPoints = 0;
  readonly #events: EventWriterLike;
  readonly #onStepConflict: 'throw' | 'skip';
  readonly #lastStep = new Map<string, number>();
  readonly #warnedTags = new Set<string>();
  /** Tags of the scalars() call in progress (reused to spare an allocation per call). */
  readonly #seen = new Set<string>();
  #layoutStep = 0;
  #hparamsWritten = false;

  constructor(logdir: string, options: SummaryWriterOptions = {}) {
    checkOptionNames(options, 'SummaryWriter', SUMMARY_WRITER_OPTIONS);
    const { onStepConflict = 'throw', destination, ...fileOptions } = options ?? {};
    if (onStepConflict !== 'throw' && onStepConflict !== 'skip') {
      throw new TypeError(`onStepConflict must be 'throw' or 'skip', got ${describeValue(onStepConflict)}`);
    }
    this.#onStepConflict = onStepConflict;
    this.#events = checkDestination(destination, 'SummaryWriter').openWriter(logdir, fileOptions);
    this.logdir = this.#events.logdir;
  }

  /** The event file being written. */
  get path(): string {
    return this.#events.path;
  }

  get closed(): boolean {
    return this.#events.closed;
  }

  get stats(): Readonly<EventFileWriterStats> {
    return this.#events.stats;
  }

  /** Listens for I/O errors ('error'). Without a listener they are printed once per kind as process warnings. */
  on(event: 'error', listener: (err: Error) => void): this {
    checkEventName(event);
    this.#events.on(event, listener);
    return this;
  }

  off(event: 'error', listener: (err: Error) => void): this {
    checkEventName(event);
    this.#events.off(event, listener);
    return this;
  }

  /** Writes a scalar (stored as float32, NaN and ±Inf included). `value` may be a number or a scalar Tensor. */
  scalar(tag: string, value: number | TensorLike, step: number, description?: string): void {
    this.#checkOpen('scalar');
    checkTag(tag);
    let v: number;
    if (typeof value === 'number') v = value;
    else if (isTensorLike(value)) {
      const data = readTensor(value, `value for tag "${tag}"`);
      if (data.length !== 1 || typeof data[0] !== 'number') {
        throw new TypeError(
          `value must be a number or a one-element numeric Tensor, got shape [${value.shape}]`,
        );
      }
      v = data[0];
    } else throw new TypeError(`value must be a number, got ${value === null ? 'null' : typeof value}`);
    checkStep(step);
    checkDescription(description);
    if (!this.#admit(tag, step)) return;
    this.#write(tag, step, scalarValue(tag, v, description), 'scalar');
  }

  /**
   * Writes several scalars at one step as a single event (cheaper than one event per tag; how the
   * gradient watch logs a step). Each tag follows the same rules as {@link scalar}; with
   * onStepConflict 'skip' only the conflicting tags are dropped.
   */
  scalars(values: Iterable<readonly [string, number]>, step: number): void {
    this.#checkOpen('scalars');
    checkStep(step);
    if (values === null || typeof (values as Partial<Iterable<unknown>>)?.[Symbol.iterator] !== 'function') {
      throw new TypeError(
        `values must be an iterable of [tag, value] pairs, got ${values === null ? 'null' : typeof values}`,
      );
    }
    // Everything is checked before anything is recorded: a call that throws leaves no trace.
    const out: Array<readonly [string, number]> = [];
    const skipped: Array<[string, string]> = [];
    const seen = this.#seen;
    seen.clear();
    let i = 0;
    for (const pair of values) {
      if (pair === null || typeof pair !== 'object') {
        throw new TypeError(`values[${i}] must be a [tag, value] pair`);
      }
      const tag = pair[0];
      const value = pair[1];
      checkTag(tag);
      if (typeof value !== 'number')
        throw new TypeError(`value for tag "${tag}" must be a number, got ${typeof value}`);
      i++;
      let conflict = this.#conflict(tag, step);
      if (conflict === null && seen.has(tag)) {
        conflict = `tag "${tag}" appears twice in one scalars() call at step ${step}; TensorBoard needs strictly increasing steps per tag`;
      }
      seen.add(tag);
      if (conflict === null)
        out.push([tag, value]); // a copy: the iterable may refill one array
      else if (this.#onStepConflict === 'throw') throw new RangeError(conflict);
      else skipped.push([tag, conflict]);
    }
    if (out.length > 0) {
      const payload = encodeScalarEvent(Date.now() / 1000, step, out);
      const what = `scalars at step ${step} (${out.length} tags)`;
      if (this.#events.writePayload(payload, what)) for (const [tag] of out) this.#lastStep.set(tag, step);
    }
    for (const [tag, msg] of skipped) this.#skip(tag, msg);
  }

  /**
   * Writes a histogram of `data` (a Tensor, typed array, number[] or precomputed buckets) with
   * `buckets` equal-width buckets. NaN and ±Inf are counted, left out of the buckets, and returned.
   */
  histogram(
    tag: string,
    data: HistogramData,
    step: number,
    buckets: number = DEFAULT_BUCKETS,
    description?: string,
  ): HistogramSummary {
    this.#checkOpen('histogram');
    checkTag(tag);
    checkStep(step);
    validateBucketCount(buckets);
    checkDescription(description);
    const h = toHistogram(data, buckets, tag);
    const summary = summaryOf(h);
    if (this.#admit(tag, step)) this.#write(tag, step, histogramValue(tag, h, description), 'histogram');
    return summary;
  }

  /**
   * Writes several histograms at one step as a single event (cheaper than one event per tag; how the
   * gradient watch logs a step's distributions). Each entry is `[tag, data]`, with `data` as for
   * {@link histogram}; with onStepConflict 'skip' only the conflicting tags are dropped. Returns what
   * each written histogram held, by tag.
   *
   * @example
   * writer.histograms(
   *   [
   *     ['weights/dense/kernel', kernel], // a Tensor
   *     ['latency_ms', [12, 15, 11, 40]],
   *   ],
   *   step,
   * );
   */
  histograms(
    entries: Iterable<readonly [string, HistogramData]>,
    step: number,
    buckets: number = DEFAULT_BUCKETS,
  ): Map<string, HistogramSummary> {
    this.#checkOpen('histograms');
    checkStep(step);
    validateBucketCount(buckets);
    if (
      entries === null ||
      typeof (entries as Partial<Iterable<unknown>>)?.[Symbol.iterator] !== 'function'
    ) {
      throw new TypeError(
        `entries must be an iterable of [tag, data] pairs, got ${entries === null ? 'null' : typeof entries}`,
      );
    }
    // Everything is checked (and bucketed) before anything is recorded: a call that throws leaves no trace.
    const values: SummaryValueInit[] = [];
    const out = new Map<string, HistogramSummary>();
    const skipped: Array<[string, string]> = [];
    let i = 0;
    for (const entry of entries) {
      if (entry === null || typeof entry !== 'object')
        throw new TypeError(`entries[${i}] must be a [tag, data] pair`);
      const tag = entry[0];
      checkTag(tag);
      i++;
      let conflict = this.#conflict(tag, step);
      if (conflict === null && out.has(tag)) {
        conflict = `tag "${tag}" appears twice in one histograms() call at step ${step}; TensorBoard needs strictly increasing steps per tag`;
      }
      const h = toHistogram(entry[1], buckets, tag);
      if (conflict !== null) {
        if (this.#onStepConflict === 'throw') throw new RangeError(conflict);
        skipped.push([tag, conflict]);
        continue;
      }
      out.set(tag, summaryOf(h));
      values.push(histogramValue(tag, h));
    }
    if (values.length > 0) {
      const event = { wallTime: Date.now() / 1000, step, summary: { value: values } };
      if (this.#events.writeEvent(event, `histograms at step ${step} (${values.length} tags)`)) {
        for (const tag of out.keys()) this.#lastStep.set(tag, step);
      } else out.clear();
    }
    for (const [tag, msg] of skipped) this.#skip(tag, msg);
    return out;
  }

  /** Writes markdown text, shown in TensorBoard's Text dashboard. */
  text(tag: string, markdown: string, step: number, description?: string): void {
    this.#checkOpen('text');
    checkTag(tag);
    if (typeof markdown !== 'string')
      throw new TypeError(`markdown must be a string, got ${typeof markdown}`);
    if (!markdown.isWellFormed()) throw new TypeError('markdown contains a lone surrogate');
    checkStep(step);
    checkDescription(description);
    if (!this.#admit(tag, step)) return;
    this.#write(tag, step, textValue(tag, markdown, description), 'text');
  }

  /**
   * Writes a Custom Scalars dashboard layout. TensorBoard uses the latest layout of each run (merged
   * across runs), so calling this again replaces the earlier layout.
   */
  customScalars(layout: CustomScalarLayout): void {
    this.#checkOpen('customScalars');
    const value = customScalarsValue(layout);
    const step = this.#layoutStep;
    if (this.#write(CUSTOM_SCALARS_TAG, step, value, 'customScalars layout')) this.#layoutStep++;
  }

  /**
   * Records this run's hyperparameters and the metrics (scalar tags) the HParams dashboard should show
   * for it. The run (this writer's directory) becomes one session; a metric's value is the last point
   * of its tag, in this run or, with `group`, in a sub-run such as "val". Once per writer.
   */
  hparams(config: Record<string, HParamValue>, metrics: ReadonlyArray<string | HParamMetric> = []): void {
    this.#checkOpen('hparams');
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      throw new TypeError('config must be an object of hyperparameter names to values');
    }
    for (const [k, v] of Object.entries(config)) {
      if (k.length === 0) throw new TypeError('config has an empty hyperparameter name');
      const ok =
        typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
      if (!ok)
        throw new TypeError(`config.${k} must be a string, boolean or finite number, got ${String(v)}`);
    }
    if (!Array.isArray(metrics)) throw new TypeError('metrics must be an array of tags or metric objects');
    const ms: HParamMetric[] = metrics.map((m, i) => {
      const metric = typeof m === 'string' ? { tag: m } : m;
      if (!metric || typeof metric.tag !== 'string' || metric.tag.length === 0) {
        throw new TypeError(`metrics[${i}] must be a tag or an object with a non-empty tag`);
      }
      if (
        metric.datasetType !== undefined &&
        metric.datasetType !== 'training' &&
        metric.datasetType !== 'validation'
      ) {
        throw new TypeError(`metrics[${i}].datasetType must be 'training' or 'validation'`);
      }
      return metric;
    });
    if (this.#hparamsWritten) throw new Error(`hparams were already written for ${this.logdir}`);
    const now = Date.now() / 1000;
    this.#events.writeEvent(
      {
        wallTime: now,
        step: 0,
        summary: { value: [hparamsExperimentValue(config, ms, now), hparamsSessionStartValue(config, now)] },
      },
      'hparams',
    );
    this.#hparamsWritten = true;
  }

  /** Marks the hparams session as ended (shown as its status in the HParams dashboard). */
  hparamsEnd(status: 'success' | 'failure' | 'running' = 'success'): void {
    this.#checkOpen('hparamsEnd');
    if (status !== 'success' && status !== 'failure' && status !== 'running') {
      throw new TypeError(`status must be 'success', 'failure' or 'running', got ${describeValue(status)}`);
    }
    if (!this.#hparamsWritten) throw new Error('hparamsEnd() needs an earlier hparams() call');
    const now = Date.now() / 1000;
    this.#events.writeEvent({
      wallTime: now,
      step: 0,
      summary: { value: [hparamsSessionEndValue(status, now)] },
    });
  }

  /** Writes everything buffered. Rejects with an EventWriterError if the disk refuses. */
  /**
   * Runs `fn` synchronously just before the writer's last-chance flush (process exit, SIGINT/SIGTERM,
   * the page hidden or closed), so that records a caller still holds reach the file; returns what
   * removes it. A destination whose writer has no such flush never runs it.
   *
   * @example
   * const held: Array<[string, number, number]> = [];
   * const remove = writer.beforeExit(() => {
   *   for (const [tag, value, step] of held.splice(0)) writer.scalar(tag, value, step);
   * });
   */
  beforeExit(fn: () => void): () => void {
    return this.#events.beforeExit?.(fn) ?? (() => {});
  }

  flush(): Promise<void> {
    if (this.#events.closed) return Promise.reject(closedError('SummaryWriter', this.logdir, 'flush()'));
    return this.#events.flush();
  }

  /** Flushes and closes the file. Idempotent; rejects if the final flush failed. */
  close(): Promise<void> {
    return this.#events.close();
  }

  #checkOpen(what: string): void {
    if (this.#events.closed) throw closedError('SummaryWriter', this.logdir, `${what}()`);
  }

  /** Why a point at `step` cannot follow the tag's earlier points, or null if it can. */
  #conflict(tag: string, step: number): string | null {
    const last = this.#lastStep.get(tag);
    if (last === undefined || step > last) return null;
    const what = step === last ? 'repeats' : 'goes back from';
    return `step ${step} for tag "${tag}" ${what} step ${last}; TensorBoard needs strictly increasing steps per tag`;
  }

  /**
   * True if a point at `step` may be written for `tag`. A conflicting step throws (onStepConflict
   * 'throw') or is skipped and counted (returns false). Records nothing: the step is the tag's
   * latest only once the point is written (see #write), so a write that throws leaves no trace.
   */
  #admit(tag: string, step: number): boolean {
    const conflict = this.#conflict(tag, step);
    if (conflict === null) return true;
    if (this.#onStepConflict === 'throw') throw new RangeError(conflict);
    this.#skip(tag, conflict);
    return false;
  }

  #skip(tag: string, msg: string): void {
    this.skippedPoints++;
    if (!this.#warnedTags.has(tag)) {
      this.#warnedTags.add(tag);
      emitWarning(`${msg}; point skipped (further skips for this tag are not shown)`, 'GRADWATCH_STEP');
    }
  }

  /** Writes one value as an event and, once it is buffered, records `step` as the tag's latest. */
  #write(tag: string, step: number, value: SummaryValueInit, kind: string): boolean {
    const event = { wallTime: Date.now() / 1000, step, summary: { value: [value] } };
    if (!this.#events.writeEvent(event, `${kind} "${tag}" at step ${step}`)) return false;
    this.#lastStep.set(tag, step);
    return true;
  }
}

/** A Tensor's values; a Tensor that cannot be read (disposed, say) throws naming `what`. */
function readTensor(t: TensorLike, what: string): ReturnType<TensorLike['dataSync']> {
  try {
    return t.dataSync();
  } catch (err) {
    throw new TypeError(`${what} could not be read: ${(err as Error)?.message ?? String(err)}`, {
      cause: err,
    });
  }
}

function summaryOf(h: Histogram): HistogramSummary {
  return {
    count: h.count,
    nan: h.nan,
    posInf: h.posInf,
    negInf: h.negInf,
    min: h.min,
    max: h.max,
    buckets: h.buckets.length / 3,
  };
}

function toHistogram(data: HistogramData, buckets: number, tag: string): Histogram {
  if (isTensorLike(data)) {
    if (data.dtype === 'string' || data.dtype === 'complex64') {
      throw new TypeError(`data must be a numeric Tensor, got dtype ${data.dtype}`);
    }
    return computeHistogram(readTensor(data, `data for tag "${tag}"`) as ArrayLike<number>, buckets);
  }
  if (Array.isArray(data) || ArrayBuffer.isView(data)) {
    if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
      throw new TypeError('data must not be a BigInt typed array');
    }
    if (Array.isArray(data)) {
      for (let i = 0; i < data.length; i++) {
        if (typeof data[i] !== 'number')
          throw new TypeError(`data[${i}] must be a number, got ${typeof data[i]}`);
      }
    }
    return computeHistogram(data as ArrayLike<number>, buckets);
  }
  if (data !== null && typeof data === 'object' && 'buckets' in data) return fromPrecomputed(data);
  throw new TypeError(
    'data must be a Tensor, a typed array, a number[] or { buckets: [left, right, count][] }',
  );
}

const cached = new Map<string, SummaryWriter>();

/**
 * Drop-in for tfjs-node's `tf.node.summaryFileWriter(logdir, maxQueue, flushMillis, filenameSuffix)`:
 * returns one shared writer per logdir (a closed one is replaced). Omitted arguments take gradwatch's
 * defaults (flush every 2 s) rather than tfjs-node's (10 events or 120 s), so data shows up sooner.
 */
export function summaryFileWriter(
  logdir: string,
  maxQueue?: number,
  flushMillis?: number,
  filenameSuffix = '.v2',
): SummaryWriter {
  if (typeof logdir !== 'string' || logdir.length === 0) {
    throw new TypeError(
      `logdir must be a non-empty string, got ${logdir === '' ? '""' : describeValue(logdir)}`,
    );
  }
  const existing = cached.get(logdir);
  if (existing && !existing.closed) return existing;
  const writer = new SummaryWriter(logdir, {
    filenameSuffix,
    ...(maxQueue === undefined ? {} : { maxQueue }),
    ...(flushMillis === undefined ? {} : { flushMillis }),
  });
  cached.set(logdir, writer);
  return writer;
}
