/**
 * What every event writer shares, with nothing platform-specific (the browser build uses it too):
 * the options and their limits, the statistics, the error type, and the checks of events and
 * payloads before they are buffered.
 */
import { Event, type EventInit } from '../proto/index.js';

export interface EventFileWriterOptions {
  /** Milliseconds between background flushes. Default 2000. */
  flushMillis?: number;
  /** Buffered records that start a flush before the interval is up. Default 10000. */
  maxQueue?: number;
  /** Appended to the file name, e.g. ".v2". Default "". */
  filenameSuffix?: string;
  /** Buffered bytes (unwritten because the disk is slow or failing) beyond which new records are dropped. Default 64 MiB. */
  maxPendingBytes?: number;
  /** Largest serialized event accepted. Default 64 MiB, the limit older TensorBoard protobuf parsers had. */
  maxRecordBytes?: number;
  /** Host name used in the file name. Default os.hostname(). */
  host?: string;
}

export interface EventFileWriterStats {
  recordsWritten: number;
  bytesWritten: number;
  recordsPending: number;
  bytesPending: number;
  droppedRecords: number;
  failedFlushes: number;
  filesOpened: number;
}

/**
 * A failure of the writer, naming the file or directory. `code` tells them apart: a system error
 * code for an I/O failure (ENOSPC, EROFS, ...; ENOTDIR for a logdir that is a file),
 * 'ERR_BUFFER_FULL' when records are dropped because `maxPendingBytes` are unwritten,
 * 'ERR_FILE_DELETED' when the event file was deleted (the writer continues in a new one), and
 * 'ERR_WRITER_CLOSED' for a call after close().
 */
export class EventWriterError extends Error {
  override readonly name = 'EventWriterError';
  readonly code: string | undefined;
  readonly path: string;
  constructor(message: string, path: string, cause?: unknown, code?: string) {
    super(message, cause === undefined ? undefined : { cause });
    this.path = path;
    this.code = code ?? (cause as { code?: string } | undefined)?.code;
  }
}

/** The error for a call after close(): `what` names the call. */
export function closedError(kind: string, logdir: string, what: string): EventWriterError {
  return new EventWriterError(
    `${kind} for ${logdir} is closed: ${what} after close()`,
    logdir,
    undefined,
    'ERR_WRITER_CLOSED',
  );
}

/** The names EventFileWriterOptions may have, in the order they are listed in errors. */
export const EVENT_FILE_WRITER_OPTIONS: readonly string[] = [
  'flushMillis',
  'maxQueue',
  'filenameSuffix',
  'maxPendingBytes',
  'maxRecordBytes',
  'host',
];

/** A value as an error message shows it: numbers and short strings as they are, objects by kind. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}

/** A value's type and value for "must be a number, got string "5""-style messages. */
export function typeAndValue(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? `${typeof v} ${describeValue(v)}`
    : describeValue(v);
}

/** An integer option from `min` to `max`; undefined gives `dflt`. */
export function intOption(
  name: string,
  v: unknown,
  dflt: number,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
  note = '',
): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number, got ${typeAndValue(v)}`);
  if (!Number.isInteger(v) || v < min || v > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER
        ? min === 1
          ? 'a positive integer'
          : min === 0
            ? 'a non-negative safe integer'
            : `an integer of at least ${min}`
        : `an integer from ${min} to ${max}${note}`;
    throw new RangeError(`${name} must be ${range}, got ${describeValue(v)}`);
  }
  return v;
}

/**
 * Checks that `options` is an object (or undefined) whose keys are all in `known`; an unknown key
 * (a typo would otherwise be ignored silently) throws a TypeError naming it and the known ones.
 */
export function checkOptionNames(options: unknown, kind: string, known: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${kind} options must be an object, got ${typeAndValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => k.toLowerCase() === key.toLowerCase() || editDistance(k, key) <= 2);
    throw new TypeError(
      `unknown option ${JSON.stringify(key)}${near ? ` (did you mean ${JSON.stringify(near)}?)` : ''}; ${kind} knows: ${known.join(', ')}`,
    );
  }
}

/** What a SummaryWriter needs of an event writer: the file writer in Node, a stream writer elsewhere. */
export interface EventWriterLike {
  readonly logdir: string;
  /** Where the events go (a file path, or a description of the destination). */
  readonly path: string;
  readonly closed: boolean;
  readonly stats: Readonly<EventFileWriterStats>;
  /** Adds a listener for I/O failures (EventWriterError). */
  on(event: 'error', listener: (err: Error) => void): unknown;
  off(event: 'error', listener: (err: Error) => void): unknown;
  /** Frames and buffers an event; false when it was refused (too large, buffer full, closed). */
  writeEvent(event: import('../proto/index.js').EventInit, what?: string): boolean;
  /** The same for an already serialized Event. */
  writePayload(payload: Uint8Array, what?: string): boolean;
  flush(): Promise<void>;
  close(): Promise<void>;
  /**
   * Runs `fn` synchronously just before the writer's last-chance flush (process exit or signal in
   * Node, the page hidden or closed), so records still held upstream get into it; returns what removes
   * it. Optional: a destination's own writer may leave it out.
   */
  beforeExit?(fn: () => void): () => void;
}

/**
 * The functions a writer runs before its last-chance flush (see EventWriterLike.beforeExit). One that
 * throws does not keep the others, or the flush, from running.
 */
export class ExitHooks {
  readonly #fns = new Set<() => void>();

  add(fn: () => void): () => void {
    this.#fns.add(fn);
    return () => {
      this.#fns.delete(fn);
    };
  }

  run(): void {
    for (const fn of [...this.#fns]) {
      try {
        fn();
      } catch {
        // Nothing to report to at exit; what the hook would have added is lost, the rest is not.
      }
    }
  }
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** A warning as a Node process warning (with its code), or on the console where there is no process (a page). */
export function emitWarning(message: string, code: string): void {
  const proc = (globalThis as { process?: { emitWarning?: (m: string, o: { code: string }) => void } })
    .process;
  if (proc?.emitWarning) proc.emitWarning(message, { code });
  else console.warn(`gradwatch [${code}]: ${message}`);
}

/** The first record of every event file: its format version. */
export function fileVersionPayload(): Uint8Array {
  return Event.encode({ wallTime: Date.now() / 1000, fileVersion: 'brain.Event:2' }).finish();
}

/** The longest interval a Node timer takes: a longer one fires after 1 ms (TimeoutOverflowWarning). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** The largest payload a TFRecord length can give without its high word (which readers cap anyway). */
const MAX_RECORD_BYTES = 2 ** 32 - 1;

/** The buffering limits every writer takes from EventFileWriterOptions. */
export interface WriterLimits {
  flushMillis: number;
  maxQueue: number;
  maxPendingBytes: number;
  maxRecordBytes: number;
}

/** Checks a writer's option names (`kind` names the writer in errors) and resolves its limits. */
export function writerLimits(options: EventFileWriterOptions, kind: string): WriterLimits {
  checkOptionNames(options, kind, EVENT_FILE_WRITER_OPTIONS);
  return {
    flushMillis: intOption('flushMillis', options.flushMillis, 2000, 1, MAX_TIMER_MS, ' (about 24.8 days)'),
    maxQueue: intOption('maxQueue', options.maxQueue, 10_000),
    maxPendingBytes: intOption('maxPendingBytes', options.maxPendingBytes, 64 * 1024 * 1024),
    maxRecordBytes: intOption(
      'maxRecordBytes',
      options.maxRecordBytes,
      64 * 1024 * 1024,
      1,
      MAX_RECORD_BYTES,
    ),
  };
}

/** A protobufjs Long (how int64 fields may be given). */
function isLong(v: unknown): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isInteger((v as { low?: unknown }).low) &&
    Number.isInteger((v as { high?: unknown }).high)
  );
}

/** Serializes an event after checking what protobufjs would silently mangle; `what` names it in errors. */
export function encodeEvent(event: EventInit, what?: string): Uint8Array {
  if (event === null || typeof event !== 'object') {
    throw new TypeError(`event must be an object, got ${typeAndValue(event)}`);
  }
  const { step, wallTime } = event;
  if (step !== undefined && step !== null && !Number.isInteger(step) && !isLong(step)) {
    throw new TypeError(
      `event.step must be an integer, got ${typeof step === 'number' ? describeValue(step) : typeAndValue(step)}`,
    );
  }
  if (wallTime !== undefined && wallTime !== null && typeof wallTime !== 'number') {
    throw new TypeError(`event.wallTime must be a number, got ${typeAndValue(wallTime)}`);
  }
  try {
    return Event.encode(event).finish();
  } catch (err) {
    throw new TypeError(
      `${what ?? 'event'} could not be encoded as an Event: ${(err as Error | undefined)?.message ?? String(err)}`,
      { cause: err },
    );
  }
}

/** Throws unless `payload` is a serialized event a writer with `maxRecordBytes` takes. */
export function checkPayload(
  payload: unknown,
  what: string,
  maxRecordBytes: number,
): asserts payload is Uint8Array {
  if (!(payload instanceof Uint8Array)) {
    throw new TypeError(`payload must be a Uint8Array (a serialized Event), got ${typeAndValue(payload)}`);
  }
  if (payload.length > maxRecordBytes) {
    throw new RangeError(
      `${what} is ${payload.length} bytes serialized, more than maxRecordBytes (${maxRecordBytes})`,
    );
  }
}

/**
 * The error for records dropped because the buffer is full, reported at the first drop and every
 * 10,000th after it (null otherwise); `held` says what the pending bytes are waiting for.
 */
export function bufferFullError(
  stats: EventFileWriterStats,
  held: string,
  path: string,
): EventWriterError | null {
  const n = stats.droppedRecords;
  if (n !== 1 && n % 10_000 !== 0) return null;
  return new EventWriterError(
    `event buffer full (${stats.bytesPending} bytes ${held}): ${n} record(s) dropped so far`,
    path,
    undefined,
    'ERR_BUFFER_FULL',
  );
}
