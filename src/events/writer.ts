/**
 * Append-only event-file writer with an in-memory buffer and asynchronous flushes, so training code
 * never waits on the disk. Records are framed as they are written (cheap) and written out:
 * every `flushMillis`, when `maxQueue` records or 1 MiB are buffered, on `flush()`, on `close()`,
 * synchronously on process exit, and asynchronously on SIGINT/SIGTERM.
 *
 * I/O failures never throw into the caller's training step: they reject `flush()`/`close()` and are
 * emitted as 'error' events (or, with no 'error' listener, printed once per error code as a process
 * warning). Unwritten records stay buffered and are retried on the next flush, up to
 * `maxPendingBytes`; past that, new records are dropped and counted in `stats.droppedRecords`.
 * A write that fails half-way through a record is cut back to the last whole record (ftruncate), or,
 * if that fails too, the writer continues in a new file, so no file ever holds a torn record followed
 * by more data.
 */
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import { type FileHandle, mkdir, open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Event, type EventInit } from '../proto/index.js';
import { frameRecord, RECORD_OVERHEAD, writeRecord } from '../tfrecord/index.js';
import { type ExitFlushable, registerForExit, unregisterForExit } from './exit-hooks.js';
import { eventFileName, nextFileCounter } from './file-name.js';

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
 * A failure of the writer, naming the file or directory: an I/O failure (`code` is the system error
 * code, e.g. ENOSPC), or a call the writer refuses at run time (`code` 'ERR_WRITER_CLOSED' for a
 * call after close()).
 */
export class EventWriterError extends Error {
  override readonly name = 'EventWriterError';
  readonly code: string | undefined;
  readonly path: string;
  constructor(message: string, path: string, cause?: unknown, code?: string) {
    super(message, cause === undefined ? undefined : { cause });
    this.path = path;
    this.code = code ?? (cause as NodeJS.ErrnoException | undefined)?.code;
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

const CHUNK_BYTES = 64 * 1024;
const HIGH_WATER_BYTES = 1024 * 1024;
const FILE_VERSION = 'brain.Event:2';

/** The longest interval a Node timer takes: a longer one fires after 1 ms (TimeoutOverflowWarning). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** The largest payload a TFRecord length can give without its high word (which readers cap anyway). */
const MAX_RECORD_BYTES = 2 ** 32 - 1;

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

/**
 * If `logdir` cannot be a directory because it, or the nearest of its ancestors that exists, is not
 * a directory, the error that says so (code ENOTDIR); otherwise null.
 */
export function notADirectory(logdir: string): EventWriterError | null {
  for (let p = logdir; ; ) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Anything but "missing" (no permission, a loop): the write will report what happens.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return null;
    }
    if (st) {
      if (st.isDirectory()) return null;
      const msg =
        p === logdir
          ? `logdir ${logdir} is a file, not a directory`
          : `logdir ${logdir} cannot be created: ${p} is a file, not a directory`;
      return new EventWriterError(msg, logdir, undefined, 'ENOTDIR');
    }
    const parent = dirname(p);
    if (parent === p) return null;
    p = parent;
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

export class EventFileWriter extends EventEmitter implements ExitFlushable {
  /** Directory the file lives in (absolute). */
  readonly logdir: string;
  readonly stats: EventFileWriterStats = {
    recordsWritten: 0,
    bytesWritten: 0,
    recordsPending: 0,
    bytesPending: 0,
    droppedRecords: 0,
    failedFlushes: 0,
    filesOpened: 0,
  };

  readonly #flushMillis: number;
  readonly #maxQueue: number;
  readonly #maxPendingBytes: number;
  readonly #maxRecordBytes: number;
  readonly #suffix: string;
  readonly #host: string | undefined;

  #path: string;
  #fh: FileHandle | null = null;
  #fileBytes = 0;
  #chunks: Buffer[] = [];
  #cur: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  #curLen = 0;
  #inFlight = false;
  #chain: Promise<void> = Promise.resolve();
  #backgroundQueued = false;
  #timer: NodeJS.Timeout;
  #closed = false;
  #closePromise: Promise<void> | null = null;
  #warnedCodes = new Set<string>();

  constructor(logdir: string, options: EventFileWriterOptions = {}) {
    super();
    if (typeof logdir !== 'string' || logdir.length === 0) {
      throw new TypeError(
        `logdir must be a non-empty string, got ${typeof logdir === 'string' ? '""' : describeValue(logdir)}`,
      );
    }
    if (logdir.includes('\0')) throw new TypeError('logdir must not contain a NUL character');
    checkOptionNames(options, 'EventFileWriter', EVENT_FILE_WRITER_OPTIONS);
    this.#flushMillis = intOption(
      'flushMillis',
      options.flushMillis,
      2000,
      1,
      MAX_TIMER_MS,
      ' (about 24.8 days)',
    );
    this.#maxQueue = intOption('maxQueue', options.maxQueue, 10_000);
    this.#maxPendingBytes = intOption('maxPendingBytes', options.maxPendingBytes, 64 * 1024 * 1024);
    this.#maxRecordBytes = intOption(
      'maxRecordBytes',
      options.maxRecordBytes,
      64 * 1024 * 1024,
      1,
      MAX_RECORD_BYTES,
    );
    const suffix = options.filenameSuffix ?? '';
    if (typeof suffix !== 'string') {
      throw new TypeError(`filenameSuffix must be a string, got ${typeAndValue(suffix)}`);
    }
    if (/[/\\\0]/.test(suffix)) {
      throw new TypeError(
        `filenameSuffix must be a string without path separators or NUL, got ${describeValue(suffix)}`,
      );
    }
    this.#suffix = suffix;
    const host = options.host;
    if (host !== undefined && typeof host !== 'string') {
      throw new TypeError(`host must be a string, got ${typeAndValue(host)}`);
    }
    if (host === '') throw new TypeError('host must be a non-empty string, got ""');
    this.#host = host;
    this.logdir = resolve(logdir);
    // Refused here, once, rather than as a failed write at every flush: nothing could ever be written.
    const notDir = notADirectory(this.logdir);
    if (notDir) throw notDir;
    this.#path = this.#newPath();
    this.#timer = setInterval(() => this.#backgroundFlush(), this.#flushMillis);
    this.#timer.unref();
    registerForExit(this);
  }

  /** Path of the file being written. It changes only if the writer had to start a new file. */
  get path(): string {
    return this.#path;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Serializes and buffers one event. Returns false if it was dropped because the buffer is full.
   * `what` names the event in errors (default "event").
   */
  writeEvent(event: EventInit, what?: string): boolean {
    if (this.#closed) throw closedError('EventFileWriter', this.logdir, 'a write');
    return this.writePayload(Event.encode(event).finish(), what);
  }

  /**
   * Buffers one already-serialized Event. Returns false if it was dropped because the buffer is full.
   * Throws (and buffers nothing) if the writer is closed or the event exceeds maxRecordBytes.
   */
  writePayload(payload: Uint8Array, what = 'event'): boolean {
    if (this.#closed) throw closedError('EventFileWriter', this.logdir, 'a write');
    const size = payload.length + RECORD_OVERHEAD;
    if (payload.length > this.#maxRecordBytes) {
      throw new RangeError(
        `${what} is ${payload.length} bytes serialized, more than maxRecordBytes (${this.#maxRecordBytes})`,
      );
    }
    if (this.stats.bytesPending + size > this.#maxPendingBytes) {
      this.stats.droppedRecords++;
      if (this.stats.droppedRecords === 1 || this.stats.droppedRecords % 10_000 === 0) {
        this.#report(
          new EventWriterError(
            `event buffer full (${this.stats.bytesPending} bytes unwritten): ${this.stats.droppedRecords} record(s) dropped so far`,
            this.#path,
          ),
        );
      }
      return false;
    }
    if (this.#cur.length - this.#curLen < size) {
      if (this.#curLen > 0) this.#chunks.push(this.#cur.subarray(0, this.#curLen));
      this.#cur = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, size));
      this.#curLen = 0;
    }
    this.#curLen = writeRecord(this.#cur, this.#curLen, payload);
    this.stats.bytesPending += size;
    this.stats.recordsPending++;
    if (this.stats.recordsPending >= this.#maxQueue || this.stats.bytesPending >= HIGH_WATER_BYTES) {
      this.#backgroundFlush();
    }
    return true;
  }

  /**
   * Writes everything buffered so far. Rejects with an EventWriterError if the disk refuses, or
   * (code 'ERR_WRITER_CLOSED') if the writer was closed.
   */
  flush(): Promise<void> {
    if (this.#closed) return Promise.reject(closedError('EventFileWriter', this.logdir, 'flush()'));
    return this.#enqueueFlush();
  }

  #enqueueFlush(): Promise<void> {
    const p = this.#chain.then(() => this.#flushOnce());
    this.#chain = p.catch(() => undefined);
    return p;
  }

  /** Flushes, closes the file and stops the timer. Idempotent. Rejects if the final flush failed. */
  close(): Promise<void> {
    if (this.#closePromise) return this.#closePromise;
    this.#closed = true;
    clearInterval(this.#timer);
    this.#closePromise = (async () => {
      let failure: unknown = null;
      try {
        await this.#enqueueFlush();
      } catch (err) {
        failure = err;
      }
      const fh = this.#fh;
      this.#fh = null;
      if (fh) {
        try {
          await fh.close();
        } catch (err) {
          failure ??= new EventWriterError(`closing ${this.#path} failed: ${String(err)}`, this.#path, err);
        }
      }
      unregisterForExit(this);
      if (failure) throw failure;
    })();
    return this.#closePromise;
  }

  // ---- ExitFlushable ----

  flushSyncOnExit(): void {
    // An asynchronous write still in progress cannot be ordered against a synchronous one, so the
    // buffer is left alone in that case (only the last flush window can be lost).
    if (this.#inFlight || (this.stats.bytesPending === 0 && this.#fh)) return;
    const data = this.#takePending();
    try {
      let fd: number;
      let fresh = false;
      if (this.#fh) {
        fd = this.#fh.fd;
      } else {
        fs.mkdirSync(this.logdir, { recursive: true });
        fd = fs.openSync(this.#path, 'ax');
        fresh = true;
      }
      const out = fresh ? Buffer.concat([this.#fileVersionRecord(), data]) : data;
      let off = 0;
      while (off < out.length) off += fs.writeSync(fd, out, off, out.length - off);
      if (fresh) fs.closeSync(fd);
      this.stats.bytesWritten += data.length;
    } catch {
      // Nothing can be reported from an exit handler; the records are lost.
    }
  }

  async flushOnSignal(): Promise<void> {
    try {
      await this.#enqueueFlush();
    } catch {
      // Already reported through the 'error' event.
    }
  }

  // ---- internals ----

  #newPath(): string {
    const name = eventFileName({
      seconds: Date.now() / 1000,
      counter: nextFileCounter(),
      suffix: this.#suffix,
      ...(this.#host === undefined ? {} : { host: this.#host }),
    });
    return join(this.logdir, name);
  }

  #fileVersionRecord(): Buffer {
    return frameRecord(Event.encode({ wallTime: Date.now() / 1000, fileVersion: FILE_VERSION }).finish());
  }

  #backgroundFlush(): void {
    if (this.#backgroundQueued || (this.stats.bytesPending === 0 && this.#fh)) return;
    this.#backgroundQueued = true;
    this.#enqueueFlush()
      .catch(() => undefined) // reported by #flushOnce
      .finally(() => {
        this.#backgroundQueued = false;
      });
  }

  #takePending(): Buffer {
    const last = this.#cur.subarray(0, this.#curLen);
    let data: Buffer;
    if (this.#chunks.length === 0) {
      data = last;
      this.#cur = Buffer.allocUnsafe(CHUNK_BYTES);
    } else {
      this.#chunks.push(last);
      data = Buffer.concat(this.#chunks);
      this.#chunks = [];
    }
    this.#curLen = 0;
    this.stats.bytesPending = 0;
    this.stats.recordsPending = 0;
    return data;
  }

  /** Puts unwritten whole records back in front of the buffer. */
  #restore(data: Buffer): void {
    if (data.length === 0) return;
    if (this.#curLen > 0) this.#chunks.push(this.#cur.subarray(0, this.#curLen));
    this.#chunks.unshift(data);
    this.#cur = Buffer.allocUnsafe(CHUNK_BYTES);
    this.#curLen = 0;
    let bytes = 0;
    for (const c of this.#chunks) bytes += c.length;
    this.stats.bytesPending = bytes;
    this.stats.recordsPending += countRecords(data);
  }

  async #open(): Promise<FileHandle> {
    await mkdir(this.logdir, { recursive: true }).catch(async (err: NodeJS.ErrnoException) => {
      // A file where the logdir or one of its parents should be: say that, not "EEXIST: mkdir".
      if (err.code === 'EEXIST' || err.code === 'ENOTDIR') throw notADirectory(this.logdir) ?? err;
      // Node's recursive mkdir reports ENOENT for a directory it cannot create on a read-only
      // filesystem; one plain mkdir of the last level gives the real reason (EROFS, EACCES).
      if (err.code !== 'ENOENT') throw err;
      await mkdir(this.logdir);
    });
    for (let attempt = 0; ; attempt++) {
      try {
        const fh = await open(this.#path, 'ax');
        this.#fileBytes = 0;
        this.stats.filesOpened++;
        return fh;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw err;
        this.#path = this.#newPath();
      }
    }
  }

  async #flushOnce(): Promise<void> {
    // The first flush creates the file (with its file_version record) even if nothing else was written.
    if (this.stats.bytesPending === 0 && this.#fh) return;
    const records = this.stats.recordsPending;
    let data = this.#takePending();
    let written = 0;
    this.#inFlight = true;
    try {
      let fh = this.#fh;
      if (fh) {
        // Writing to a file someone deleted succeeds silently and loses everything: check first.
        const st = await fh.stat();
        if (st.nlink === 0) {
          const deleted = this.#path;
          this.#fh = null;
          await fh.close().catch(() => undefined);
          fh = null;
          this.#path = this.#newPath();
          this.#report(
            new EventWriterError(`event file ${deleted} was deleted; continuing in ${this.#path}`, deleted),
          );
        }
      }
      if (!fh) {
        fh = await this.#open();
        this.#fh = fh;
        data = Buffer.concat([this.#fileVersionRecord(), data]);
      }
      while (written < data.length) {
        const { bytesWritten } = await fh.write(data, written, data.length - written);
        written += bytesWritten;
        this.#fileBytes += bytesWritten;
      }
      this.stats.recordsWritten += records;
      this.stats.bytesWritten += data.length;
    } catch (err) {
      this.stats.failedFlushes++;
      await this.#recover(data, written);
      const wrapped = new EventWriterError(
        `writing ${this.#path} failed: ${(err as Error).message ?? String(err)}`,
        this.#path,
        err,
      );
      this.#report(wrapped);
      throw wrapped;
    } finally {
      this.#inFlight = false;
    }
  }

  async #recover(data: Buffer, written: number): Promise<void> {
    let boundary = 0;
    while (boundary < data.length) {
      const next = boundary + RECORD_OVERHEAD + data.readUInt32LE(boundary);
      if (next > written) break;
      boundary = next;
    }
    const torn = written - boundary;
    if (torn > 0 && this.#fh) {
      try {
        await this.#fh.truncate(this.#fileBytes - torn);
        this.#fileBytes -= torn;
      } catch {
        // Cannot cut the partial record off: leave that file as it is (readers see a truncated tail)
        // and continue in a new one.
        const fh = this.#fh;
        this.#fh = null;
        await fh.close().catch(() => undefined);
        this.#path = this.#newPath();
      }
    }
    this.#restore(data.subarray(boundary));
  }

  #report(err: EventWriterError): void {
    if (this.listenerCount('error') > 0) {
      this.emit('error', err);
      return;
    }
    const key = err.code ?? err.message.slice(0, 40);
    if (this.#warnedCodes.has(key)) return;
    this.#warnedCodes.add(key);
    process.emitWarning(`${err.message} (further errors of this kind are not shown)`, {
      code: 'GRADWATCH_WRITER',
    });
  }
}

function countRecords(data: Buffer): number {
  let n = 0;
  for (let off = 0; off + 8 <= data.length; off += RECORD_OVERHEAD + data.readUInt32LE(off)) n++;
  return n;
}
