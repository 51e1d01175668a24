/**
 * An event writer for destinations that are not local files (a collector over HTTP, browser
 * storage): the same framing, buffering and error handling as the file writer, with the bytes handed
 * to a `RecordSink` in whole records, in order, one append at a time. Nothing here is
 * platform-specific; the sinks are (src/platform/).
 *
 * A failed append keeps its records at the head of the buffer for the next flush (so nothing is
 * reordered or lost while the destination is away), up to `maxPendingBytes`; past that new records
 * are dropped and counted. When the page goes away (`pagehide`), the records not yet sent are handed
 * to the sink's last-chance path (a keepalive request), so a closed page loses at most what that
 * path refuses; a crash loses what was buffered since the last flush (at most `flushMillis`).
 */
import type { EventInit } from '../proto/index.js';
import { frameRecord, RECORD_OVERHEAD } from '../tfrecord/index.js';
import {
  bufferFullError,
  checkPayload,
  closedError,
  describeValue,
  type EventFileWriterOptions,
  type EventFileWriterStats,
  EventWriterError,
  type EventWriterLike,
  ExitHooks,
  encodeEvent,
  fileVersionPayload,
  writerLimits,
} from './writer-api.js';

/** Where a stream writer's bytes go. */
export interface RecordSink {
  /** Where the records end up, for messages (a URL, a storage path). */
  readonly path: string;
  /**
   * Appends `records` whole framed records; resolves once they are kept, rejects if they were not
   * (retried later). A single record the destination can never take (larger than it accepts) rejects
   * with an EventWriterError of code 'ERR_RECORD_TOO_LARGE': the writer drops it, reports it and goes
   * on with the records after it, which it would otherwise hold up forever. `first` is the position
   * of the first of them in the writer's stream (0 is the file_version record): a destination that
   * may receive two appends out of order (two requests in flight at a page's close) puts them back
   * in order by it, and drops a record it already has (a retry after a lost answer).
   */
  append(bytes: Uint8Array, records: number, first: number): Promise<void>;
  /** A last chance when the page goes away (nothing can be awaited): true if the bytes were taken. */
  appendOnExit?(bytes: Uint8Array, first: number): boolean;
  /** The most the last-chance path takes now (a keepalive request's quota); records are never split. */
  readonly maxExitBytes?: number;
  /** The most one append may carry (a collector's request limit); records are never split. */
  readonly maxAppendBytes?: number;
  close?(): Promise<void>;
}

/** Buffered bytes that start a flush before the interval is up. */
const HIGH_WATER_BYTES = 1024 * 1024;

/** The smallest event-target surface the writer needs of `globalThis` (a page, a worker). */
interface PageEvents {
  addEventListener?(type: string, listener: () => void): void;
  removeEventListener?(type: string, listener: () => void): void;
}

export class StreamEventWriter implements EventWriterLike {
  readonly logdir: string;
  readonly stats: EventFileWriterStats = {
    recordsWritten: 0,
    bytesWritten: 0,
    recordsPending: 0,
    bytesPending: 0,
    droppedRecords: 0,
    failedFlushes: 0,
    filesOpened: 1,
  };
  readonly #sink: RecordSink;
  readonly #maxQueue: number;
  readonly #maxPendingBytes: number;
  readonly #maxRecordBytes: number;
  /** Framed records not yet appended, oldest first. */
  #pending: Uint8Array[] = [];
  /** Each pending record's position in the stream (records leave #pending out of order at exit). */
  #seqs: number[] = [];
  #nextSeq = 0;
  /** How many records at the head of #pending the flush in progress still has to append. */
  #flushTarget = 0;
  /** How many records at the head of #pending an append in progress carries. */
  #inFlight = 0;
  #chain: Promise<void> = Promise.resolve();
  #flushQueued = false;
  #timer: ReturnType<typeof setInterval>;
  #closed = false;
  #closePromise: Promise<void> | null = null;
  #closeSettled = false;
  /**
   * The last append failed: writes past maxQueue / the high water no longer start appends (one per
   * write, each re-sending the whole backlog to a destination that refuses it); the timer and flush()
   * try again.
   */
  #failing = false;
  readonly #listeners = new Set<(err: Error) => void>();
  readonly #warned = new Set<string>();
  readonly #exitHooks = new ExitHooks();
  readonly #onPageHide = () => this.#exitFlush();
  /**
   * Hidden: maybe the tab is being closed (browsers fire this around pagehide, before or after it,
   * and cancel a closing page's ordinary requests), so what the last-chance path takes goes that
   * way, the rest as usual.
   */
  readonly #onHidden = () => {
    const doc = (globalThis as { document?: { visibilityState?: string } }).document;
    if (doc?.visibilityState !== 'hidden') return;
    this.#exitFlush();
    this.#startFlush();
  };

  constructor(logdir: string, sink: RecordSink, options: EventFileWriterOptions = {}) {
    if (typeof logdir !== 'string' || logdir.length === 0) {
      throw new TypeError(
        `logdir must be a non-empty string, got ${typeof logdir === 'string' ? '""' : describeValue(logdir)}`,
      );
    }
    const { flushMillis, maxQueue, maxPendingBytes, maxRecordBytes } = writerLimits(options, 'event writer');
    this.#maxQueue = maxQueue;
    this.#maxPendingBytes = maxPendingBytes;
    this.#maxRecordBytes = maxRecordBytes;
    this.logdir = logdir;
    this.#sink = sink;
    this.#buffer(frameRecord(fileVersionPayload()));
    this.#timer = setInterval(() => this.#startFlush(), flushMillis);
    (this.#timer as { unref?: () => void }).unref?.();
    const page = globalThis as PageEvents;
    page.addEventListener?.('pagehide', this.#onPageHide);
    page.addEventListener?.('visibilitychange', this.#onHidden);
  }

  get path(): string {
    return this.#sink.path;
  }

  get closed(): boolean {
    return this.#closed;
  }

  on(_event: 'error', listener: (err: Error) => void): this {
    this.#listeners.add(listener);
    return this;
  }

  off(_event: 'error', listener: (err: Error) => void): this {
    this.#listeners.delete(listener);
    return this;
  }

  writeEvent(event: EventInit, what?: string): boolean {
    if (this.#closed) throw closedError('event writer', this.logdir, 'a write');
    return this.writePayload(encodeEvent(event, what), what);
  }

  writePayload(payload: Uint8Array, what = 'event'): boolean {
    if (this.#closed) throw closedError('event writer', this.logdir, 'a write');
    checkPayload(payload, what, this.#maxRecordBytes);
    if (this.stats.bytesPending + payload.length + RECORD_OVERHEAD > this.#maxPendingBytes) {
      this.stats.droppedRecords++;
      const full = bufferFullError(this.stats, `unsent to ${this.path}`, this.path);
      if (full) this.#report(full);
      return false;
    }
    this.#buffer(frameRecord(payload));
    if (
      !this.#failing &&
      (this.stats.recordsPending >= this.#maxQueue || this.stats.bytesPending >= HIGH_WATER_BYTES)
    ) {
      this.#startFlush();
    }
    return true;
  }

  /** Appends everything buffered so far; rejects if the destination did not take it (it stays buffered). */
  beforeExit(fn: () => void): () => void {
    return this.#exitHooks.add(fn);
  }

  flush(): Promise<void> {
    // While closing, a flush is the final one (browser storage's archive() flushes the writers it
    // holds); once closed, the sink is too: an error, as for the file writer, and never an append.
    if (this.#closed) {
      return this.#closeSettled
        ? Promise.reject(closedError('event writer', this.logdir, 'flush()'))
        : this.#closePromise!;
    }
    return this.#enqueue();
  }

  close(): Promise<void> {
    if (this.#closePromise) return this.#closePromise;
    this.#closed = true;
    clearInterval(this.#timer);
    const page = globalThis as PageEvents;
    page.removeEventListener?.('pagehide', this.#onPageHide);
    page.removeEventListener?.('visibilitychange', this.#onHidden);
    this.#closePromise = this.#enqueue(true)
      .then(
        () => this.#sink.close?.(),
        async (err) => {
          await this.#sink.close?.();
          throw err;
        },
      )
      .finally(() => {
        this.#closeSettled = true;
      });
    return this.#closePromise;
  }

  #buffer(record: Uint8Array): void {
    this.#pending.push(record);
    this.#seqs.push(this.#nextSeq++);
    this.stats.recordsPending++;
    this.stats.bytesPending += record.length;
  }

  /** A flush in the background: its failure is reported as an 'error', not thrown. */
  #startFlush(): void {
    if (this.#flushQueued || this.#pending.length === 0) return;
    this.#enqueue().catch(() => {});
  }

  #enqueue(final = false): Promise<void> {
    this.#flushQueued = true;
    const run = this.#chain.then(() => {
      this.#flushQueued = false;
      return this.#appendAll(final);
    });
    this.#chain = run.catch(() => {});
    return run;
  }

  /** Appends the buffered records in batches of at most the sink's limit, stopping at the first failure. */
  async #appendAll(final: boolean): Promise<void> {
    let limit = this.#sink.maxAppendBytes ?? Number.POSITIVE_INFINITY;
    // What was buffered when the flush began, not what arrives while it runs (that waits for the
    // next flush, so a busy page sends a few larger requests rather than one per record).
    this.#flushTarget = this.#pending.length;
    while (this.#flushTarget > 0) {
      let n = 0;
      let size = 0;
      // At least one record per append, whatever its size: a record is never split.
      while (n < this.#flushTarget && (n === 0 || size + this.#pending[n]!.length <= limit)) {
        size += this.#pending[n]!.length;
        n++;
      }
      const bytes = concat(this.#pending.slice(0, n), size);
      this.#inFlight = n;
      try {
        await this.#sink.append(bytes, n, this.#seqs[0]!);
      } catch (err) {
        this.#inFlight = 0;
        if (n === 1 && err instanceof EventWriterError && err.code === 'ERR_RECORD_TOO_LARGE') {
          this.#drop(size, err);
          continue;
        }
        // close()'s flush is the last: when the destination took less than this at once (a
        // collector's smaller --max-body) and the sink lowered its limit, smaller appends are tried
        // now rather than the records lost. Ends: each retry carries fewer bytes.
        const lowered = this.#sink.maxAppendBytes ?? Number.POSITIVE_INFINITY;
        if (final && n > 1 && lowered < Math.min(limit, size)) {
          limit = lowered;
          continue;
        }
        this.#flushTarget = 0;
        this.#failing = true;
        this.stats.failedFlushes++;
        const e =
          err instanceof EventWriterError
            ? err
            : new EventWriterError(
                `could not send events to ${this.path}: ${(err as Error).message}`,
                this.path,
                err,
                'ERR_SEND',
              );
        this.#report(e);
        throw e;
      }
      // Records buffered meanwhile went after these: take exactly the ones sent off the head.
      this.#inFlight = 0;
      this.#failing = false;
      this.#flushTarget -= n;
      this.#pending.splice(0, n);
      this.#seqs.splice(0, n);
      this.stats.recordsPending -= n;
      this.stats.bytesPending -= size;
      this.stats.recordsWritten += n;
      this.stats.bytesWritten += size;
    }
  }

  /** Drops the record at the head, which the destination refused for good, and says so. */
  #drop(size: number, err: EventWriterError): void {
    this.#pending.shift();
    this.#seqs.shift();
    this.#flushTarget--;
    this.stats.recordsPending--;
    this.stats.bytesPending -= size;
    this.stats.droppedRecords++;
    this.#report(
      new EventWriterError(
        `${err.message}; it was dropped (${this.stats.droppedRecords} record(s) dropped so far) and the records after it are sent`,
        err.path,
        err,
        err.code,
      ),
    );
  }

  /**
   * The page may be going away: hand the oldest records not yet in flight, as many whole ones as the
   * sink's last-chance path takes, to it (the rest stay for an ordinary flush, if there is one).
   */
  #exitFlush(): void {
    this.#exitHooks.run();
    if (!this.#sink.appendOnExit) return;
    const limit = this.#sink.maxExitBytes ?? Number.POSITIVE_INFINITY;
    let n = 0;
    let size = 0;
    for (let i = this.#inFlight; i < this.#pending.length; i++) {
      const len = this.#pending[i]!.length;
      if (size + len > limit) break;
      size += len;
      n++;
    }
    if (n === 0) return;
    const taken = this.#pending.slice(this.#inFlight, this.#inFlight + n);
    if (this.#sink.appendOnExit(concat(taken, size), this.#seqs[this.#inFlight]!)) {
      this.#pending.splice(this.#inFlight, n);
      this.#seqs.splice(this.#inFlight, n);
      this.#flushTarget = Math.max(this.#inFlight, this.#flushTarget - n);
      this.stats.recordsWritten += n;
      this.stats.bytesWritten += size;
      this.stats.recordsPending -= n;
      this.stats.bytesPending -= size;
    }
  }

  #report(err: EventWriterError): void {
    if (this.#listeners.size > 0) {
      for (const l of this.#listeners) l(err);
      return;
    }
    const key = err.code ?? err.message.slice(0, 40);
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    console.warn(`gradwatch: ${err.message} (further errors of this kind are not shown)`);
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
