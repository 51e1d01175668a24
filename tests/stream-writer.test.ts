/**
 * StreamEventWriter (src/events/stream-writer.ts) against an in-memory RecordSink: every append is
 * whole, valid TFRecord records in write order, the file_version event first; a failed append keeps
 * its records for the next flush (sent once, in order); batches respect the sink's limit; the pending
 * bound drops and reports; close() flushes then closes the sink; a pagehide hands only the records not
 * in flight to the last-chance path, and they are never sent again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventWriterError } from '../src/events/index.js';
import { type RecordSink, StreamEventWriter } from '../src/events/stream-writer.js';
import { type EventMessage, int64ToNumber, Event as ProtoEvent } from '../src/proto/index.js';
import { frameRecord, parseRecord, RECORD_OVERHEAD } from '../src/tfrecord/index.js';

// ---- helpers ----

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(err: Error): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** A sink that keeps what it was given; appends can be made to fail or to wait. */
class MemorySink implements RecordSink {
  readonly path = 'memory://run';
  maxAppendBytes: number | undefined;
  /** Every append attempted, in call order (copies). */
  readonly attempts: Uint8Array[] = [];
  /** The appends that succeeded (copies). */
  readonly kept: Uint8Array[] = [];
  /** What the last-chance path took (copies). */
  readonly exits: Uint8Array[] = [];
  /** Set: the next appends reject with it. */
  failWith: Error | null = null;
  /** Set: the next append waits for it (then it is cleared). */
  hold: Deferred | null = null;
  /** Whether appendOnExit takes the bytes. */
  takeOnExit = true;
  active = 0;
  maxActive = 0;
  readonly log: string[] = [];

  constructor(maxAppendBytes?: number) {
    this.maxAppendBytes = maxAppendBytes;
  }

  async append(bytes: Uint8Array): Promise<void> {
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    this.attempts.push(bytes.slice());
    this.log.push('append');
    try {
      const hold = this.hold;
      this.hold = null;
      if (hold) await hold.promise;
      if (this.failWith) throw this.failWith;
      this.kept.push(bytes.slice());
    } finally {
      this.active--;
    }
  }

  appendOnExit(bytes: Uint8Array): boolean {
    this.log.push('exit');
    if (!this.takeOnExit) return false;
    this.exits.push(bytes.slice());
    return true;
  }

  async close(): Promise<void> {
    this.log.push('close');
  }
}

/** The events of a byte string of whole records; fails the test on anything else. */
function decodeRecords(bytes: Uint8Array): EventMessage[] {
  const out: EventMessage[] = [];
  let off = 0;
  while (off < bytes.length) {
    const r = parseRecord(bytes, off, bytes.length, 1 << 30);
    if (r.kind !== 'record') throw new Error(`not a whole valid record at byte ${off}: ${JSON.stringify(r)}`);
    out.push(ProtoEvent.decode(bytes.subarray(r.payloadStart, r.payloadEnd)));
    off = r.next;
  }
  return out;
}

/** Each event as a short label: 'fv' for file_version, else `<tag>@<step>`. */
function labels(chunks: Uint8Array[]): string[] {
  return chunks.flatMap((c) =>
    decodeRecords(c).map((e) =>
      e.fileVersion ? 'fv' : `${e.summary?.value?.[0]?.tag}@${int64ToNumber(e.step)}`,
    ),
  );
}

function scalar(step: number, tag = 't') {
  return { wallTime: 1_700_000_000 + step, step, summary: { value: [{ tag, simpleValue: step / 2 }] } };
}

/** A serialized Event of exactly `size` bytes (a text-ish tag padded to length). */
function payloadOfSize(size: number, step: number): Uint8Array {
  // Event{step: 1..127} is 2 bytes; summary{value{tag}} adds 2 + 2 + tag bytes (tag < 124 chars).
  for (let tagLen = 1; tagLen < 4000; tagLen++) {
    const p = ProtoEvent.encode({ step, summary: { value: [{ tag: 'x'.repeat(tagLen) }] } }).finish();
    if (p.length === size) return p;
    if (p.length > size) break;
  }
  throw new Error(`cannot make a payload of ${size} bytes`);
}

function writer(sink: RecordSink, options: ConstructorParameters<typeof StreamEventWriter>[2] = {}) {
  const w = new StreamEventWriter('page/train', sink, { flushMillis: 60_000, ...options });
  opened.push(w);
  return w;
}

const opened: StreamEventWriter[] = [];
afterEach(async () => {
  for (const w of opened.splice(0)) await w.close().catch(() => undefined);
});

async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Lets the writer's promise chain move on (the append it starts runs up to its first await). */
const ticks = async (n = 10) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

// ---- tests ----

describe('StreamEventWriter', () => {
  it('appends the file_version event first, then every event in order, each a valid TFRecord', async () => {
    const sink = new MemorySink();
    const w = writer(sink);
    expect(w.path).toBe('memory://run');
    expect(w.logdir).toBe('page/train');
    for (let s = 1; s <= 5; s++) expect(w.writeEvent(scalar(s))).toBe(true);
    expect(w.stats).toMatchObject({ recordsPending: 6, recordsWritten: 0 });
    await w.flush();
    expect(sink.kept).toHaveLength(1);
    const events = decodeRecords(sink.kept[0]!);
    expect(events[0]!.fileVersion).toBe('brain.Event:2');
    expect(events[0]!.wallTime).toBeGreaterThan(1e9);
    expect(labels(sink.kept)).toEqual(['fv', 't@1', 't@2', 't@3', 't@4', 't@5']);
    expect(events[3]!.summary!.value![0]!.simpleValue).toBe(1.5);
    expect(w.stats).toMatchObject({
      recordsWritten: 6,
      bytesWritten: sink.kept[0]!.length,
      recordsPending: 0,
      bytesPending: 0,
      failedFlushes: 0,
      droppedRecords: 0,
    });
    // A flush with nothing buffered appends nothing.
    await w.flush();
    expect(sink.attempts).toHaveLength(1);
  });

  it('keeps the records of a failed append and sends them once, in order, at the next flush', async () => {
    const sink = new MemorySink();
    const w = writer(sink);
    const errors: Error[] = [];
    w.on('error', (e) => errors.push(e));
    w.writeEvent(scalar(1));
    w.writeEvent(scalar(2));
    sink.failWith = new Error('network is down');
    const err = await w.flush().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EventWriterError);
    expect(err).toMatchObject({ code: 'ERR_SEND', path: 'memory://run' });
    expect((err as Error).message).toBe('could not send events to memory://run: network is down');
    expect((err as Error).cause).toBe(sink.failWith);
    expect(errors).toEqual([err]);
    expect(sink.kept).toHaveLength(0);
    expect(w.stats).toMatchObject({
      recordsWritten: 0,
      recordsPending: 3,
      failedFlushes: 1,
      bytesWritten: 0,
    });
    const pendingBytes = w.stats.bytesPending;
    expect(pendingBytes).toBe(sink.attempts[0]!.length);

    // Still failing: a second try, the same records.
    await expect(w.flush()).rejects.toBeInstanceOf(EventWriterError);
    expect(w.stats).toMatchObject({ recordsPending: 3, failedFlushes: 2 });
    expect(sink.attempts[1]).toEqual(sink.attempts[0]);

    sink.failWith = null;
    w.writeEvent(scalar(3));
    await w.flush();
    expect(labels(sink.kept)).toEqual(['fv', 't@1', 't@2', 't@3']);
    expect(w.stats).toMatchObject({
      recordsWritten: 4,
      recordsPending: 0,
      bytesPending: 0,
      failedFlushes: 2,
      droppedRecords: 0,
    });
    expect(w.stats.bytesWritten).toBe(sink.kept.reduce((n, c) => n + c.length, 0));
    expect(errors).toHaveLength(2);
  });

  it("passes a sink's own EventWriterError through unchanged", async () => {
    const sink = new MemorySink();
    const w = writer(sink);
    const refusal = new EventWriterError('the collector refused: HTTP 401', sink.path, undefined, 'HTTP_401');
    sink.failWith = refusal;
    const seen: Error[] = [];
    w.on('error', (e) => seen.push(e));
    await expect(w.flush()).rejects.toBe(refusal);
    expect(seen).toEqual([refusal]);
  });

  it('sends records written while an append is in flight after it, one append at a time', async () => {
    const sink = new MemorySink();
    const w = writer(sink);
    w.writeEvent(scalar(1));
    sink.hold = deferred();
    const hold = sink.hold;
    const first = w.flush();
    await ticks();
    expect(sink.attempts).toHaveLength(1);
    w.writeEvent(scalar(2));
    w.writeEvent(scalar(3));
    const second = w.flush();
    await ticks();
    expect(sink.attempts).toHaveLength(1); // nothing overtakes the append in flight
    expect(w.stats).toMatchObject({ recordsPending: 4, recordsWritten: 0 });
    hold.resolve();
    await Promise.all([first, second]);
    expect(sink.maxActive).toBe(1);
    expect(labels(sink.kept.slice(0, 1))).toEqual(['fv', 't@1']);
    expect(labels(sink.kept)).toEqual(['fv', 't@1', 't@2', 't@3']);
    expect(w.stats).toMatchObject({ recordsPending: 0, recordsWritten: 4 });
  });

  it('a failure while later records wait keeps all of them, in order, and sends each once', async () => {
    const sink = new MemorySink();
    const w = writer(sink);
    w.on('error', () => undefined);
    w.writeEvent(scalar(1));
    sink.hold = deferred();
    const hold = sink.hold;
    const first = w.flush().catch((e: unknown) => e);
    await ticks();
    w.writeEvent(scalar(2));
    sink.failWith = new Error('boom');
    hold.resolve();
    expect(await first).toBeInstanceOf(EventWriterError);
    expect(w.stats).toMatchObject({ recordsPending: 3, failedFlushes: 1, recordsWritten: 0 });
    sink.failWith = null;
    w.writeEvent(scalar(3));
    await w.flush();
    expect(labels(sink.kept)).toEqual(['fv', 't@1', 't@2', 't@3']);
    expect(w.stats).toMatchObject({ recordsPending: 0, failedFlushes: 1, recordsWritten: 4 });
  });

  it('batches up to maxAppendBytes, greedily, and sends a larger record alone, never split', async () => {
    const limit = 300;
    const sink = new MemorySink(limit);
    const w = writer(sink);
    const sizes = [40, 100, 120, 30, 500, 60, 200, 90, 284, 10, 285, 9];
    const framed: Uint8Array[] = [];
    for (const [i, size] of sizes.entries()) {
      const p = payloadOfSize(size, i + 1);
      framed.push(frameRecord(p));
      expect(w.writePayload(p)).toBe(true);
    }
    const fvBytes = w.stats.bytesPending - framed.reduce((n, r) => n + r.length, 0);
    await w.flush();
    // The records as written, one after another, exactly.
    const all = Buffer.concat(sink.kept);
    expect(all.subarray(fvBytes)).toEqual(Buffer.concat(framed));
    expect(decodeRecords(all)).toHaveLength(sizes.length + 1);
    // Every append is whole records; over the limit only when it is a single record.
    const recordLengths = [fvBytes, ...framed.map((r) => r.length)];
    let at = 0;
    for (const chunk of sink.kept) {
      const n = decodeRecords(chunk).length;
      if (chunk.length > limit) expect(n).toBe(1);
      // Greedy: the next record would not have fitted.
      at += n;
      if (at < recordLengths.length) expect(chunk.length + recordLengths[at]!).toBeGreaterThan(limit);
    }
    expect(at).toBe(recordLengths.length);
    expect(sink.kept.some((c) => c.length === 516)).toBe(true); // the 500-byte payload, alone
    expect(sink.kept.some((c) => c.length === 300)).toBe(true); // 284 + 16: exactly the limit
    expect(w.stats).toMatchObject({ recordsWritten: sizes.length + 1, recordsPending: 0 });
    expect(w.stats.bytesWritten).toBe(all.length);
  });

  it('drops records past maxPendingBytes, counts them, and reports ERR_BUFFER_FULL once', async () => {
    const sink = new MemorySink();
    const w = writer(sink, { maxPendingBytes: 400 });
    const errors: Error[] = [];
    w.on('error', (e) => errors.push(e));
    const fv = w.stats.bytesPending;
    const p = payloadOfSize(50, 1); // 66 bytes framed
    const fits = Math.floor((400 - fv) / (50 + RECORD_OVERHEAD));
    const results = Array.from({ length: fits + 3 }, () => w.writePayload(p));
    expect(results).toEqual([...Array(fits).fill(true), false, false, false]);
    expect(w.stats).toMatchObject({ droppedRecords: 3, recordsPending: fits + 1 });
    expect(w.stats.bytesPending).toBe(fv + fits * 66);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(EventWriterError);
    expect(errors[0]).toMatchObject({ code: 'ERR_BUFFER_FULL', path: 'memory://run' });
    expect(errors[0]!.message).toMatch(/event buffer full .* 1 record\(s\) dropped so far/);
    // Sent, the buffer takes records again.
    await w.flush();
    expect(w.writePayload(p)).toBe(true);
    await w.flush();
    expect(decodeRecords(Buffer.concat(sink.kept))).toHaveLength(fits + 2);
    expect(w.stats).toMatchObject({ droppedRecords: 3, recordsWritten: fits + 2 });
  });

  it('without an error listener, warns once per kind on the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const sink = new MemorySink();
      const w = writer(sink);
      sink.failWith = new Error('offline');
      await expect(w.flush()).rejects.toThrow('offline');
      await expect(w.flush()).rejects.toThrow('offline');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain('could not send events to memory://run: offline');
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses a payload over maxRecordBytes, a non-object event, and unknown options', () => {
    const w = writer(new MemorySink(), { maxRecordBytes: 10 });
    expect(() => w.writePayload(new Uint8Array(11))).toThrow(RangeError);
    expect(() => w.writeEvent(null as never)).toThrow(TypeError);
    expect(() => w.writePayload('x' as never)).toThrow(TypeError);
    expect(w.stats.recordsPending).toBe(1);
    expect(() => new StreamEventWriter('x', new MemorySink(), { flushMilis: 5 } as never)).toThrow(
      /unknown option "flushMilis" \(did you mean "flushMillis"\?\)/,
    );
    expect(() => new StreamEventWriter('', new MemorySink())).toThrow(TypeError);
  });

  it('close() flushes, then closes the sink; later calls throw or reject with ERR_WRITER_CLOSED', async () => {
    const sink = new MemorySink();
    const w = writer(sink);
    w.writeEvent(scalar(1));
    const closing = w.close();
    expect(w.close()).toBe(closing);
    expect(w.closed).toBe(true);
    await closing;
    expect(sink.log).toEqual(['append', 'close']);
    expect(labels(sink.kept)).toEqual(['fv', 't@1']);
    expect(() => w.writeEvent(scalar(2))).toThrow(EventWriterError);
    try {
      w.writePayload(new Uint8Array(1));
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'ERR_WRITER_CLOSED' });
      expect((e as Error).message).toBe('event writer for page/train is closed: a write after close()');
    }
    await expect(w.flush()).rejects.toMatchObject({ code: 'ERR_WRITER_CLOSED' });
    expect(sink.attempts).toHaveLength(1);
  });

  it('flush() during close() waits for the final append (an archive of browser storage does)', async () => {
    const sink = new MemorySink();
    const w = writer(sink);
    w.writeEvent(scalar(1));
    sink.hold = deferred();
    const hold = sink.hold;
    const closing = w.close();
    let flushed = false;
    const flushing = w.flush().then(() => {
      flushed = true;
    });
    await ticks();
    expect(flushed).toBe(false);
    hold.resolve();
    await flushing;
    expect(labels(sink.kept)).toEqual(['fv', 't@1']);
    expect(sink.log).toEqual(['append', 'close']);
    await closing;
    await expect(w.flush()).rejects.toMatchObject({ code: 'ERR_WRITER_CLOSED' });
  });

  it('close() rejects when the final append fails, still closes the sink, and never appends after', async () => {
    const sink = new MemorySink();
    const w = writer(sink);
    w.on('error', () => undefined);
    w.writeEvent(scalar(1));
    sink.failWith = new Error('gone');
    await expect(w.close()).rejects.toMatchObject({ code: 'ERR_SEND' });
    expect(sink.log).toEqual(['append', 'close']);
    expect(w.stats).toMatchObject({ recordsPending: 2, failedFlushes: 1 });
    // The sink is closed: a flush() now must not append to it.
    sink.failWith = null;
    await expect(w.flush()).rejects.toMatchObject({ code: 'ERR_WRITER_CLOSED' });
    expect(sink.log).toEqual(['append', 'close']);
    expect(sink.kept).toHaveLength(0);
  });

  it('flushes on its own every flushMillis, and reports a failed background flush as an error', async () => {
    const sink = new MemorySink();
    const w = writer(sink, { flushMillis: 20 });
    w.writeEvent(scalar(1));
    await until(() => sink.kept.length === 1);
    expect(labels(sink.kept)).toEqual(['fv', 't@1']);
    const errors: Error[] = [];
    w.on('error', (e) => errors.push(e));
    sink.failWith = new Error('flaky');
    w.writeEvent(scalar(2));
    await until(() => errors.length >= 1);
    expect(errors[0]).toMatchObject({ code: 'ERR_SEND' });
    sink.failWith = null;
    await until(() => w.stats.recordsPending === 0);
    expect(labels(sink.kept)).toEqual(['fv', 't@1', 't@2']);
  });

  it('starts a flush at maxQueue buffered records without waiting for the timer', async () => {
    const sink = new MemorySink();
    const w = writer(sink, { maxQueue: 3 });
    w.writeEvent(scalar(1));
    await ticks();
    expect(sink.attempts).toHaveLength(0);
    w.writeEvent(scalar(2)); // 3 buffered with the file_version record
    await until(() => sink.kept.length === 1);
    expect(labels(sink.kept)).toEqual(['fv', 't@1', 't@2']);
  });

  it('while the sink fails, writes past maxQueue do not each start another append (the timer retries)', async () => {
    const sink = new MemorySink();
    const w = writer(sink, { maxQueue: 3 });
    const errors: Error[] = [];
    w.on('error', (e) => errors.push(e));
    sink.failWith = new Error('HTTP 401');
    w.writeEvent(scalar(1));
    w.writeEvent(scalar(2)); // 3 buffered: a flush starts, and fails
    await until(() => errors.length === 1);
    // A training loop: one write per step, the event loop turning in between.
    for (let s = 3; s <= 30; s++) {
      w.writeEvent(scalar(s));
      await ticks();
    }
    expect(sink.attempts).toHaveLength(1);
    expect(w.stats).toMatchObject({ failedFlushes: 1, recordsPending: 31 });
    // flush() still tries at once; once it succeeds, writes start flushes again.
    sink.failWith = null;
    await w.flush();
    expect(w.stats).toMatchObject({ recordsWritten: 31, recordsPending: 0, failedFlushes: 1 });
    w.writeEvent(scalar(31));
    w.writeEvent(scalar(32));
    w.writeEvent(scalar(33));
    await until(() => w.stats.recordsPending === 0);
    expect(labels(sink.kept)).toEqual(['fv', ...Array.from({ length: 33 }, (_, i) => `t@${i + 1}`)]);
  });

  describe('when the page goes away', () => {
    const g = globalThis as unknown as Record<string, unknown>;
    let page: EventTarget;
    const saved = { add: g.addEventListener, remove: g.removeEventListener, document: g.document };

    function installPage(): void {
      page = new EventTarget();
      g.addEventListener = page.addEventListener.bind(page);
      g.removeEventListener = page.removeEventListener.bind(page);
    }

    afterEach(() => {
      for (const [k, v] of [
        ['addEventListener', saved.add],
        ['removeEventListener', saved.remove],
        ['document', saved.document],
      ] as const) {
        if (v === undefined) delete g[k];
        else g[k] = v;
      }
    });

    it('hands only the records not in flight to appendOnExit, and never sends them again', async () => {
      installPage();
      const sink = new MemorySink();
      const w = writer(sink);
      w.writeEvent(scalar(1));
      sink.hold = deferred();
      const hold = sink.hold;
      const flushing = w.flush();
      await ticks();
      w.writeEvent(scalar(2));
      w.writeEvent(scalar(3));
      page.dispatchEvent(new Event('pagehide'));
      expect(labels(sink.exits)).toEqual(['t@2', 't@3']);
      expect(w.stats).toMatchObject({ recordsWritten: 2, recordsPending: 2 });
      hold.resolve();
      await flushing;
      w.writeEvent(scalar(4));
      await w.close();
      expect(labels(sink.kept)).toEqual(['fv', 't@1', 't@4']);
      expect(labels(sink.exits)).toEqual(['t@2', 't@3']);
      expect(w.stats).toMatchObject({ recordsWritten: 5, recordsPending: 0, bytesPending: 0 });
      expect(w.stats.bytesWritten).toBe([...sink.kept, ...sink.exits].reduce((n, c) => n + c.length, 0));
    });

    it('a pagehide after the append in flight failed sends everything, and the retry sends nothing twice', async () => {
      installPage();
      const sink = new MemorySink();
      const w = writer(sink);
      w.on('error', () => undefined);
      w.writeEvent(scalar(1));
      sink.failWith = new Error('offline');
      await expect(w.flush()).rejects.toThrow('offline');
      page.dispatchEvent(new Event('pagehide'));
      expect(labels(sink.exits)).toEqual(['fv', 't@1']);
      sink.failWith = null;
      await w.flush();
      expect(sink.kept).toHaveLength(0);
      expect(w.stats).toMatchObject({ recordsWritten: 2, recordsPending: 0 });
    });

    it('runs beforeExit hooks first, so records held upstream go with the last-chance send; a removed hook does not run', async () => {
      installPage();
      const sink = new MemorySink();
      const w = writer(sink);
      w.writeEvent(scalar(1));
      const removed = w.beforeExit(() => w.writeEvent(scalar(9)));
      removed();
      w.beforeExit(() => {
        throw new Error('a failing hook');
      });
      w.beforeExit(() => w.writeEvent(scalar(2)));
      page.dispatchEvent(new Event('pagehide'));
      expect(labels(sink.exits)).toEqual(['fv', 't@1', 't@2']);
      await w.close();
    });

    it('keeps the records when appendOnExit refuses them, for a later flush', async () => {
      installPage();
      const sink = new MemorySink();
      sink.takeOnExit = false;
      const w = writer(sink);
      w.writeEvent(scalar(1));
      page.dispatchEvent(new Event('pagehide'));
      expect(sink.log).toEqual(['exit']);
      expect(w.stats).toMatchObject({ recordsWritten: 0, recordsPending: 2 });
      await w.flush();
      expect(labels(sink.kept)).toEqual(['fv', 't@1']);
    });

    it('sends through the last-chance path when the page is hidden (a close may follow), and stops listening once closed', async () => {
      installPage();
      const doc = { visibilityState: 'visible' };
      g.document = doc;
      const sink = new MemorySink();
      const w = writer(sink);
      w.writeEvent(scalar(1));
      page.dispatchEvent(new Event('visibilitychange'));
      await ticks();
      expect(sink.attempts).toHaveLength(0);
      doc.visibilityState = 'hidden';
      page.dispatchEvent(new Event('visibilitychange'));
      // Browsers fire this before pagehide and cancel a closing page's ordinary requests.
      expect(sink.log).toEqual(['exit']);
      expect(sink.exits).toHaveLength(1);
      await w.close();
      page.dispatchEvent(new Event('pagehide'));
      expect(sink.log).toEqual(['exit', 'close']);
    });

    it('falls back to an ordinary flush when the page is hidden and the last-chance path refuses', async () => {
      installPage();
      const doc = { visibilityState: 'hidden' };
      g.document = doc;
      const sink = new MemorySink();
      sink.takeOnExit = false;
      const w = writer(sink);
      w.writeEvent(scalar(1));
      page.dispatchEvent(new Event('visibilitychange'));
      await until(() => sink.kept.length === 1);
      await w.close();
      expect(sink.log).toEqual(['exit', 'append', 'close']);
    });

    it('hands the last-chance path only the oldest whole records that fit its quota', async () => {
      installPage();
      const sink = new MemorySink();
      const w = writer(sink);
      await w.flush();
      for (let i = 1; i <= 10; i++) w.writeEvent(scalar(i));
      // Every scalar record here has the same size: the quota fits three and a bit.
      const record = ProtoEvent.encode(scalar(1)).finish().length + 16;
      Object.assign(sink, { maxExitBytes: record * 3 + 1 });
      page.dispatchEvent(new Event('pagehide'));
      expect(labels(sink.exits)).toEqual(['t@1', 't@2', 't@3']);
      expect(w.stats.recordsPending).toBe(7);
      await w.close();
      expect(labels(sink.kept.slice(1))).toEqual(['t@4', 't@5', 't@6', 't@7', 't@8', 't@9', 't@10']);
    });
  });
});
