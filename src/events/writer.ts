/**
 * Append-only event-file writer with an in-memory buffer and asynchronous flushes, so training code
 * never waits on the disk. Records are framed as they are written (cheap) and written out:
 * every `flushMillis`, when `maxQueue` records or 1 MiB are buffered, on `flush()`, on `close()`,
 * and synchronously on process exit and on SIGINT/SIGTERM. Called from a loop that keeps the event
 * loop blocked (where neither the timer nor an asynchronous write can run), it writes synchronously
 * every `flushMillis` instead (see exit-hooks).
 *
 * Every write goes to an explicit file offset (the file is not opened in append mode), which is what
 * lets the synchronous exit path take over an asynchronous flush at any point: it writes the bytes
 * that flush had in hand again at the same offset (the same bytes, so whatever part of the
 * asynchronous write lands too changes nothing), then the rest of the buffer after them, and the
 * asynchronous flush, superseded, stops at its next step. So on exit every record handed over is
 * written once, in order, whatever the asynchronous flush was doing (creating the directory, opening
 * the file, checking it, writing).
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
import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { EventInit } from '../proto/index.js';
import { frameRecord, RECORD_OVERHEAD, writeRecord } from '../tfrecord/index.js';
import { callerBlocksLoop, type ExitFlushable, registerForExit, unregisterForExit } from './exit-hooks.js';
import { eventFileName, nextFileCounter } from './file-name.js';
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
  typeAndValue,
  writerLimits,
} from './writer-api.js';

export {
  checkOptionNames,
  closedError,
  describeValue,
  EVENT_FILE_WRITER_OPTIONS,
  type EventFileWriterOptions,
  type EventFileWriterStats,
  EventWriterError,
  type EventWriterLike,
  intOption,
  typeAndValue,
} from './writer-api.js';

const CHUNK_BYTES = 64 * 1024;
const HIGH_WATER_BYTES = 1024 * 1024;

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

export class EventFileWriter extends EventEmitter implements ExitFlushable, EventWriterLike {
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
  /** The file being written, or null before the first flush and while a new one must be opened. */
  #file: OpenFile | null = null;
  #chunks: Buffer[] = [];
  #cur: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  #curLen = 0;
  /** What the asynchronous flush in progress has taken from the buffer, and how far it got. */
  #inflight: FlushJob | null = null;
  /** Bumped when the synchronous path takes over: an asynchronous flush of an older epoch stops. */
  #epoch = 0;
  /** The latest synchronous takeover, and its error if it failed (for the flush it superseded). */
  #takeover: { epoch: number; error: EventWriterError | null } | null = null;
  /** Descriptors of files given up while an asynchronous step might still use them; closed later. */
  #orphans: number[] = [];
  #chain: Promise<void> = Promise.resolve();
  #backgroundQueued = false;
  #timer: NodeJS.Timeout;
  #closed = false;
  #closePromise: Promise<void> | null = null;
  /** Whether the last write came from a loop that blocks the event loop (see #writeFromBlockedLoop). */
  #blocked = false;
  #lastSyncFlush = 0;
  readonly #exitHooks = new ExitHooks();
  #lastSyncOk = true;
  #warnedCodes = new Set<string>();

  constructor(logdir: string, options: EventFileWriterOptions = {}) {
    super();
    if (typeof logdir !== 'string' || logdir.length === 0) {
      throw new TypeError(
        `logdir must be a non-empty string, got ${typeof logdir === 'string' ? '""' : describeValue(logdir)}`,
      );
    }
    if (logdir.includes('\0')) throw new TypeError('logdir must not contain a NUL character');
    const limits = writerLimits(options, 'EventFileWriter');
    this.#flushMillis = limits.flushMillis;
    this.#maxQueue = limits.maxQueue;
    this.#maxPendingBytes = limits.maxPendingBytes;
    this.#maxRecordBytes = limits.maxRecordBytes;
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
    return this.writePayload(encodeEvent(event, what), what);
  }

  /**
   * Buffers one already-serialized Event. Returns false if it was dropped because the buffer is full.
   * Throws (and buffers nothing) if the writer is closed or the event exceeds maxRecordBytes.
   */
  writePayload(payload: Uint8Array, what = 'event'): boolean {
    if (this.#closed) throw closedError('EventFileWriter', this.logdir, 'a write');
    checkPayload(payload, what, this.#maxRecordBytes);
    const size = payload.length + RECORD_OVERHEAD;
    if (this.stats.bytesPending + size > this.#maxPendingBytes) {
      this.stats.droppedRecords++;
      const full = bufferFullError(this.stats, 'unwritten', this.#path);
      if (full) this.#report(full);
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
    const due = this.stats.recordsPending >= this.#maxQueue || this.stats.bytesPending >= HIGH_WATER_BYTES;
    if (callerBlocksLoop()) this.#writeFromBlockedLoop(due);
    else {
      this.#blocked = false;
      if (due) this.#backgroundFlush();
    }
    return true;
  }

  /**
   * The caller has kept the event loop blocked for a while (a synchronous training loop): neither the
   * flush timer nor an asynchronous write can run, and SIGINT/SIGTERM now end the process at once
   * (see exit-hooks). So the buffer is written synchronously: at once, then every flushMillis, and
   * when it is full (unless the last attempt failed: then only every flushMillis).
   */
  #writeFromBlockedLoop(due: boolean): void {
    const now = performance.now();
    const first = !this.#blocked;
    this.#blocked = true;
    if (first || now - this.#lastSyncFlush >= this.#flushMillis || (due && this.#lastSyncOk)) {
      this.#lastSyncFlush = now;
      this.#lastSyncOk = this.#flushSync();
    }
  }

  /**
   * Writes everything buffered so far. Rejects with an EventWriterError if the disk refuses, or
   * (code 'ERR_WRITER_CLOSED') if the writer was closed.
   */
  beforeExit(fn: () => void): () => void {
    return this.#exitHooks.add(fn);
  }

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
      const f = this.#file;
      this.#file = null;
      if (f) {
        try {
          await closeAsync(f.fd);
        } catch (err) {
          failure ??= new EventWriterError(`closing ${f.path} failed: ${errText(err)}`, f.path, err);
        }
      }
      this.#closeOrphans();
      unregisterForExit(this);
      if (failure) throw failure;
    })();
    return this.#closePromise;
  }

  // ---- ExitFlushable ----

  flushSyncOnExit(): void {
    this.#exitHooks.run();
    this.#flushSync();
  }

  // ---- internals ----

  #newPath(): string {
    const name = eventFileName({
      seconds: Date.now() / 1000,
      counter: nextFileCounter(),
      suffix: this.#suffix,
      host: this.#host ?? hostname(),
      pid: process.pid,
    });
    return join(this.logdir, name);
  }

  #fileVersionRecord(): Buffer {
    return frameRecord(fileVersionPayload());
  }

  #backgroundFlush(): void {
    if (this.#backgroundQueued || (this.stats.bytesPending === 0 && this.#file)) return;
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

  /** Puts `count` unwritten whole records back in front of the buffer. */
  #restore(data: Buffer, count: number): void {
    if (data.length === 0) return;
    if (this.#curLen > 0) this.#chunks.push(this.#cur.subarray(0, this.#curLen));
    this.#chunks.unshift(data);
    this.#cur = Buffer.allocUnsafe(CHUNK_BYTES);
    this.#curLen = 0;
    let bytes = 0;
    for (const c of this.#chunks) bytes += c.length;
    this.stats.bytesPending = bytes;
    this.stats.recordsPending += count;
  }

  /** Creates the logdir; a file in its way is reported as such, not as a failed mkdir. */
  async #mkdir(): Promise<void> {
    await mkdir(this.logdir, { recursive: true }).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code === 'EEXIST' || err.code === 'ENOTDIR') throw notADirectory(this.logdir) ?? err;
      // Node's recursive mkdir reports ENOENT for a directory it cannot create on a read-only
      // filesystem; one plain mkdir of the last level gives the real reason (EROFS, EACCES).
      if (err.code !== 'ENOENT') throw err;
      await mkdir(this.logdir);
    });
  }

  #mkdirSync(): void {
    try {
      fs.mkdirSync(this.logdir, { recursive: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTDIR') throw notADirectory(this.logdir) ?? err;
      if (code !== 'ENOENT') throw err;
      fs.mkdirSync(this.logdir);
    }
  }

  /** Opens a new file (asynchronously); null if the synchronous path took over meanwhile. */
  async #open(job: FlushJob, epoch: number): Promise<OpenFile | null> {
    await this.#mkdir();
    if (epoch !== this.#epoch) return null;
    for (let attempt = 0; ; attempt++) {
      const path = this.#path;
      job.opening = path;
      let fd: number;
      try {
        fd = await openAsync(path, 'wx');
      } catch (err) {
        if (epoch !== this.#epoch) return null;
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw err;
        this.#path = this.#newPath();
        continue;
      }
      job.opening = null;
      if (epoch !== this.#epoch) {
        // The synchronous path opened the file itself (or another one): this descriptor is not needed.
        fs.close(fd, ignore);
        return null;
      }
      this.stats.filesOpened++;
      return { fd, path, size: 0 };
    }
  }

  /** Opens a new file synchronously. `job` is the asynchronous flush it takes over, if any. */
  #openSync(job: FlushJob | null): OpenFile {
    this.#mkdirSync();
    for (let attempt = 0; ; attempt++) {
      const path = this.#path;
      let fd: number;
      try {
        fd = fs.openSync(path, 'wx');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw err;
        // The asynchronous flush may have created this very file (its open did not report back yet):
        // then it is new and empty, and is used. Anything else there is someone else's.
        let adopted = -1;
        if (job?.opening === path) {
          const other = fs.openSync(path, 'r+');
          if (fs.fstatSync(other).size === 0) adopted = other;
          else fs.closeSync(other);
        }
        if (adopted < 0) {
          this.#path = this.#newPath();
          continue;
        }
        fd = adopted;
      }
      this.stats.filesOpened++;
      return { fd, path, size: 0 };
    }
  }

  /** The event file was deleted under us: report it and continue in a new file. */
  #fileDeleted(f: OpenFile, inUse: boolean, sync: boolean): void {
    this.#file = null;
    this.#giveUp(f, inUse);
    this.#path = this.#newPath();
    this.#report(
      new EventWriterError(
        `event file ${f.path} was deleted; continuing in ${this.#path}`,
        f.path,
        undefined,
        'ERR_FILE_DELETED',
      ),
      sync,
    );
  }

  /** Closes a file no longer written to, or, if an asynchronous step may still use it, later. */
  #giveUp(f: OpenFile, inUse: boolean): void {
    if (inUse) this.#orphans.push(f.fd);
    else fs.close(f.fd, ignore);
  }

  #closeOrphans(): void {
    for (const fd of this.#orphans) fs.close(fd, ignore);
    this.#orphans = [];
  }

  async #flushOnce(): Promise<void> {
    const epoch = this.#epoch;
    if (await this.#writeOut()) return;
    // Superseded: the synchronous path took the records over. If it failed, so did this flush.
    const takeover = this.#takeover;
    if (takeover && takeover.epoch === epoch + 1 && takeover.error) throw takeover.error;
  }

  /** One asynchronous flush. False if the synchronous path took it over. */
  async #writeOut(): Promise<boolean> {
    // The first flush creates the file (with its file_version record) even if nothing else was written.
    if (this.stats.bytesPending === 0 && this.#file) return true;
    // Flushes run one at a time, so no asynchronous step of an earlier one is still running.
    this.#closeOrphans();
    const epoch = this.#epoch;
    const count = this.stats.recordsPending;
    const job: FlushJob = {
      records: this.#takePending(),
      count,
      opening: null,
      file: null,
      base: 0,
      bytes: null,
    };
    this.#inflight = job;
    let written = 0;
    try {
      let f = this.#file;
      if (f) {
        // Writing to a file someone deleted succeeds silently and loses everything: check first.
        const st = await fstatAsync(f.fd);
        if (epoch !== this.#epoch) return false;
        if (st.nlink === 0) {
          this.#fileDeleted(f, false, false);
          f = null;
        }
      }
      if (!f) {
        f = await this.#open(job, epoch);
        if (!f) return false;
        this.#file = f;
      }
      const bytes = f.size === 0 ? Buffer.concat([this.#fileVersionRecord(), job.records]) : job.records;
      job.file = f;
      job.base = f.size;
      job.bytes = bytes;
      while (written < bytes.length) {
        written += await writeAsync(f.fd, bytes, written, bytes.length - written, job.base + written);
        if (epoch !== this.#epoch) return false;
      }
      f.size = job.base + bytes.length;
      this.stats.recordsWritten += count;
      this.stats.bytesWritten += bytes.length;
      return true;
    } catch (err) {
      if (epoch !== this.#epoch) return false; // the synchronous path took these records over
      this.stats.failedFlushes++;
      const path = job.file?.path ?? this.#path;
      const wrapped = new EventWriterError(`writing ${path} failed: ${errText(err)}`, path, err);
      await this.#recover(job, written, epoch);
      this.#report(wrapped);
      throw wrapped;
    } finally {
      if (this.#inflight === job) this.#inflight = null;
    }
  }

  /**
   * After a failed asynchronous write of `written` bytes: counts the whole records that made it,
   * puts the rest back in the buffer, and cuts a torn record off the file (or, if that fails, leaves
   * the file and continues in a new one).
   */
  async #recover(job: FlushJob, written: number, epoch: number): Promise<void> {
    this.#inflight = null;
    const f = job.file;
    if (!f || !job.bytes) {
      this.#restore(job.records, job.count); // failed before writing anything
      return;
    }
    const torn = this.#keepWhole(
      f,
      job.bytes,
      job.bytes.length - job.records.length,
      job.records,
      job.count,
      job.base,
      written,
    );
    if (torn === 0) return;
    // Detached while it is cut back, so that a synchronous flush meanwhile uses a new file.
    this.#file = null;
    let cut = true;
    try {
      await ftruncateAsync(f.fd, f.size);
    } catch {
      cut = false;
    }
    if (epoch !== this.#epoch || !cut) {
      fs.close(f.fd, ignore);
      if (epoch === this.#epoch) this.#path = this.#newPath();
      return;
    }
    this.#file = f;
  }

  /**
   * The bookkeeping after `written` bytes of `data` (a file_version record of `headerLen` bytes, then
   * `records`, `count` of them) landed at offset `base` of `f`: the whole records count as written,
   * the rest go back to the buffer. Returns the bytes of a torn record left after the last whole one.
   */
  #keepWhole(
    f: OpenFile,
    data: Buffer,
    headerLen: number,
    records: Buffer,
    count: number,
    base: number,
    written: number,
  ): number {
    let boundary = 0;
    while (boundary < data.length) {
      const next = boundary + RECORD_OVERHEAD + data.readUInt32LE(boundary);
      if (next > written) break;
      boundary = next;
    }
    f.size = base + boundary;
    const done = boundary > headerLen ? countRecords(data.subarray(headerLen, boundary)) : 0;
    this.stats.recordsWritten += done;
    this.stats.bytesWritten += boundary;
    this.#restore(records.subarray(Math.max(0, boundary - headerLen)), count - done);
    return written - boundary;
  }

  /**
   * Writes everything buffered, and whatever an asynchronous flush has in hand, synchronously (on
   * exit, where nothing asynchronous can finish). Returns false if the disk refused (reported).
   */
  #flushSync(): boolean {
    const job = this.#inflight;
    if (!job && this.stats.bytesPending === 0 && (this.#file || this.#closed)) return true;
    this.#epoch++; // an asynchronous flush in progress stops at its next step
    this.#inflight = null;
    this.#takeover = { epoch: this.#epoch, error: null };
    const count = (job?.count ?? 0) + this.stats.recordsPending;
    const pending = this.#takePending();
    const records = job ? Buffer.concat([job.records, pending]) : pending;
    let f = this.#file;
    let data: Buffer | null = null;
    let headerLen = 0;
    let pos = 0;
    let written = 0;
    try {
      const writing = job?.bytes && job.file === f; // an asynchronous write to f may be under way
      if (f && fs.fstatSync(f.fd).nlink === 0) {
        // Not closed while an asynchronous step (a stat, a write) may still be using it.
        this.#fileDeleted(f, job !== null, true);
        f = null;
      }
      if (f && writing) {
        // Its bytes again at the same offset (the asynchronous write may have landed in part, or
        // may still land: the same bytes), then the rest of the buffer after them.
        pos = job.base;
        headerLen = job.bytes!.length - job.records.length;
        data = Buffer.concat([job.bytes!, pending]);
      } else {
        if (!f) {
          f = this.#openSync(job);
          this.#file = f;
        }
        pos = f.size;
        if (pos === 0) {
          const header = this.#fileVersionRecord();
          headerLen = header.length;
          data = Buffer.concat([header, records]);
        } else data = records;
      }
      while (written < data.length) {
        written += fs.writeSync(f.fd, data, written, data.length - written, pos + written);
      }
      f.size = pos + data.length;
      this.stats.recordsWritten += count;
      this.stats.bytesWritten += data.length;
      return true;
    } catch (err) {
      this.stats.failedFlushes++;
      const path = f?.path ?? this.#path;
      if (f && data) {
        const torn = this.#keepWhole(f, data, headerLen, records, count, pos, written);
        if (torn > 0) {
          try {
            fs.ftruncateSync(f.fd, f.size);
          } catch {
            this.#file = null;
            this.#giveUp(f, true);
            this.#path = this.#newPath();
          }
        }
      } else this.#restore(records, count);
      const error = new EventWriterError(`writing ${path} failed: ${errText(err)}`, path, err);
      this.#takeover = { epoch: this.#epoch, error };
      this.#report(error, true);
      return false;
    }
  }

  /**
   * Reports an error: to 'error' listeners, or else once per kind as a process warning. `sync` (from
   * an exit or signal handler, where a process warning would never be printed) writes it to stderr.
   */
  #report(err: EventWriterError, sync = false): void {
    if (this.listenerCount('error') > 0) {
      try {
        this.emit('error', err);
      } catch (thrown) {
        if (!sync) throw thrown;
      }
      return;
    }
    const key = err.code ?? err.message.slice(0, 40);
    if (this.#warnedCodes.has(key)) return;
    this.#warnedCodes.add(key);
    const message = `${err.message} (further errors of this kind are not shown)`;
    if (!sync) {
      process.emitWarning(message, { code: 'GRADWATCH_WRITER' });
      return;
    }
    try {
      fs.writeSync(2, `(node:${process.pid}) [GRADWATCH_WRITER] Warning: ${message}\n`);
    } catch {
      // stderr is gone: nothing more can be done
    }
  }
}

interface OpenFile {
  fd: number;
  path: string;
  /** Bytes in the file that are known written: where the next write goes. */
  size: number;
}

/** What an asynchronous flush took from the buffer, and how far it got. */
interface FlushJob {
  /** Framed records, without the file_version record a new file starts with. */
  records: Buffer;
  count: number;
  /** The path it is opening, while an open may be in flight. */
  opening: string | null;
  /** Once its write is issued: the file, the offset, and the bytes (file_version first in a new file). */
  file: OpenFile | null;
  base: number;
  bytes: Buffer | null;
}

function ignore(): void {}

function errText(err: unknown): string {
  return (err as Error | undefined)?.message ?? String(err);
}

function openAsync(path: string, flags: string): Promise<number> {
  return new Promise((ok, fail) => fs.open(path, flags, (err, fd) => (err ? fail(err) : ok(fd))));
}

function fstatAsync(fd: number): Promise<fs.Stats> {
  return new Promise((ok, fail) => fs.fstat(fd, (err, st) => (err ? fail(err) : ok(st))));
}

function writeAsync(
  fd: number,
  buf: Buffer,
  offset: number,
  length: number,
  position: number,
): Promise<number> {
  return new Promise((ok, fail) =>
    fs.write(fd, buf, offset, length, position, (err, n) => (err ? fail(err) : ok(n))),
  );
}

function ftruncateAsync(fd: number, size: number): Promise<void> {
  return new Promise((ok, fail) => fs.ftruncate(fd, size, (err) => (err ? fail(err) : ok())));
}

function closeAsync(fd: number): Promise<void> {
  return new Promise((ok, fail) => fs.close(fd, (err) => (err ? fail(err) : ok())));
}

function countRecords(data: Buffer): number {
  let n = 0;
  for (let off = 0; off + 8 <= data.length; off += RECORD_OVERHEAD + data.readUInt32LE(off)) n++;
  return n;
}
