import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EventFileReader,
  EventFileWriter,
  type EventFileWriterOptions,
  EventWriterError,
  eventFileName,
} from '../src/events/index.js';
import { int64ToNumber } from '../src/proto/index.js';
import { tempDir } from './helpers.js';

async function readAll(path: string) {
  const out = [];
  for await (const r of new EventFileReader(path).events()) out.push(r.event);
  return out;
}

describe('event file names', () => {
  it('follow events.out.tfevents.<10-digit secs>.<host>.<pid>.<6-digit counter><suffix>', () => {
    expect(eventFileName({ seconds: 12.7, host: 'box', pid: 42, counter: 3, suffix: '.v2' })).toBe(
      'events.out.tfevents.0000000012.box.42.000003.v2',
    );
    expect(eventFileName({ seconds: 1_700_000_000, host: 'a/b', pid: 1, counter: 0 })).toBe(
      'events.out.tfevents.1700000000.a_b.1.000000',
    );
    // Sorted by name, a later file of the same second and process comes later (.10 after .9).
    const names = [9, 10, 100].map((counter) => eventFileName({ seconds: 5, host: 'h', pid: 7, counter }));
    expect([...names].sort()).toEqual(names);
  });

  it('are unique across writers in one process, even in the same second', async () => {
    const dir = tempDir();
    const writers = Array.from({ length: 20 }, () => new EventFileWriter(dir));
    await Promise.all(writers.map((w) => w.close()));
    const files = readdirSync(dir);
    expect(files).toHaveLength(20);
    expect(new Set(writers.map((w) => w.path)).size).toBe(20);
    for (const f of files) expect(f).toMatch(/^events\.out\.tfevents\.\d{10}\.[^.]+(\.[^.]+)*\.\d+\.\d+$/);
  });
});

describe('EventFileWriter', () => {
  it('writes file_version first, then the events in order, on close', async () => {
    const dir = tempDir();
    const w = new EventFileWriter(dir);
    for (let i = 0; i < 100; i++) w.writeEvent({ wallTime: 1000 + i, step: i, summary: { value: [] } });
    expect(existsSync(w.path)).toBe(false); // nothing on disk before a flush: training never waited
    await w.close();
    const events = await readAll(w.path);
    expect(events[0]!.fileVersion).toBe('brain.Event:2');
    expect(events.slice(1).map((e) => int64ToNumber(e.step))).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    );
    expect(w.stats.recordsWritten).toBe(100);
    expect(w.stats.bytesWritten).toBe(statSync(w.path).size);
  });

  it('flushes on its interval without being asked, and appends on later flushes', async () => {
    const dir = tempDir();
    const w = new EventFileWriter(dir, { flushMillis: 50 });
    w.writeEvent({ wallTime: 1, step: 1 });
    await new Promise((r) => setTimeout(r, 300));
    const size1 = statSync(w.path).size;
    expect((await readAll(w.path)).length).toBe(2);
    w.writeEvent({ wallTime: 2, step: 2 });
    await w.flush();
    expect(statSync(w.path).size).toBeGreaterThan(size1);
    expect((await readAll(w.path)).length).toBe(3);
    await w.close();
  });

  it('starts a flush when maxQueue records are buffered', async () => {
    const dir = tempDir();
    const w = new EventFileWriter(dir, { flushMillis: 60_000, maxQueue: 5 });
    for (let i = 0; i < 5; i++) w.writeEvent({ wallTime: 1, step: i });
    await new Promise((r) => setTimeout(r, 100));
    expect((await readAll(w.path)).length).toBe(6);
    await w.close();
  });

  it('close is idempotent and later writes throw a clear error', async () => {
    const w = new EventFileWriter(tempDir());
    await Promise.all([w.close(), w.close()]);
    await w.close();
    expect(() => w.writeEvent({ step: 1 })).toThrow(/is closed/);
  });

  it('refuses flush() after close() and leaves no file behind (issue 13 #25)', async () => {
    const dir = tempDir();
    const w = new EventFileWriter(dir);
    w.writeEvent({ wallTime: 1, step: 1 });
    await w.close();
    const before = readdirSync(dir);
    const err = await w.flush().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EventWriterError);
    expect((err as EventWriterError).code).toBe('ERR_WRITER_CLOSED');
    expect((err as Error).message).toMatch(/flush\(\) after close\(\)/);
    expect((err as Error).message).toContain(dir);
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(dir)).toEqual(before);
    expect(() => w.writeEvent({ step: 2 })).toThrow(EventWriterError);
  });

  it('refuses a logdir that is a file, saying so once, clearly (issue 13 #28)', () => {
    const dir = tempDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const errors: unknown[] = [];
    for (const logdir of [file, join(file, 'train')]) {
      try {
        new EventFileWriter(logdir);
      } catch (err) {
        errors.push(err);
      }
    }
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(EventWriterError);
    expect((errors[0] as EventWriterError).code).toBe('ENOTDIR');
    expect((errors[0] as Error).message).toBe(`logdir ${file} is a file, not a directory`);
    expect((errors[1] as Error).message).toBe(
      `logdir ${join(file, 'train')} cannot be created: ${file} is a file, not a directory`,
    );
    expect(readdirSync(dir)).toEqual(['a-file']);
  });

  it('says clearly when the logdir became a file after the writer was made (issue 13 #28)', async () => {
    const dir = tempDir();
    const logdir = join(dir, 'run');
    const w = new EventFileWriter(logdir);
    const errors: Error[] = [];
    w.on('error', (e) => errors.push(e));
    writeFileSync(logdir, 'x');
    w.writeEvent({ wallTime: 1, step: 1 });
    await expect(w.flush()).rejects.toThrow(`logdir ${logdir} is a file, not a directory`);
    expect(errors.map((e) => e.message)).toEqual([
      `writing ${w.path} failed: logdir ${logdir} is a file, not a directory`,
    ]);
    expect((errors[0] as EventWriterError).code).toBe('ENOTDIR');
    await w.close().catch(() => {});
  });

  it('reports an unusable logdir through flush(), close() and the error event, without throwing', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'not-a-dir');
    const w = new EventFileWriter(join(blocker, 'run'));
    writeFileSync(blocker, 'x'); // after the constructor, which would refuse it
    const errors: Error[] = [];
    w.on('error', (e) => errors.push(e));
    w.writeEvent({ wallTime: 1, step: 1 });
    await expect(w.flush()).rejects.toBeInstanceOf(EventWriterError);
    await expect(w.flush()).rejects.toThrow(/ENOTDIR|EEXIST|not a directory/i);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect((errors[0] as EventWriterError).path).toContain('not-a-dir');
    expect(w.stats.recordsPending).toBe(1); // kept for a retry, not lost
    await expect(w.close()).rejects.toBeInstanceOf(EventWriterError);
  });

  it('recovers once the logdir becomes writable: buffered records are written', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'later');
    const w = new EventFileWriter(join(blocker, 'run'));
    writeFileSync(blocker, 'x');
    w.on('error', () => {});
    for (let i = 0; i < 3; i++) w.writeEvent({ wallTime: 1, step: i });
    await expect(w.flush()).rejects.toThrow();
    rmSync(blocker);
    await w.close();
    const steps = (await readAll(w.path)).slice(1).map((e) => int64ToNumber(e.step));
    expect(steps).toEqual([0, 1, 2]);
  });

  it('notices its file was deleted and continues in a new one, reporting it', async () => {
    const dir = tempDir();
    const w = new EventFileWriter(join(dir, 'run'));
    const errors: Error[] = [];
    w.on('error', (e) => errors.push(e));
    w.writeEvent({ wallTime: 1, step: 1 });
    await w.flush();
    const first = w.path;
    rmSync(join(dir, 'run'), { recursive: true });
    w.writeEvent({ wallTime: 2, step: 2 });
    await w.flush();
    expect(errors[0]?.message).toMatch(/was deleted/);
    expect(errors[0]).toMatchObject({ code: 'ERR_FILE_DELETED', path: first });
    expect(w.path).not.toBe(first);
    const events = await readAll(w.path);
    expect(events[0]!.fileVersion).toBe('brain.Event:2');
    expect(int64ToNumber(events[1]!.step)).toBe(2);
    await w.close();
  });

  it('drops and counts records beyond maxPendingBytes while the disk refuses', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'f');
    const w = new EventFileWriter(join(blocker, 'run'), { maxPendingBytes: 1000 });
    writeFileSync(blocker, 'x');
    const errors: Error[] = [];
    w.on('error', (e) => errors.push(e));
    let accepted = 0;
    for (let i = 0; i < 100; i++) if (w.writeEvent({ wallTime: 1, step: i })) accepted++;
    expect(accepted).toBeLessThan(100);
    expect(w.stats.droppedRecords).toBe(100 - accepted);
    expect(errors.some((e) => /buffer full/.test(e.message))).toBe(true);
    expect(errors.find((e) => /buffer full/.test(e.message))).toMatchObject({ code: 'ERR_BUFFER_FULL' });
    await w.close().catch(() => {});
  });

  it('validates its options', () => {
    const dir = tempDir();
    expect(() => new EventFileWriter('')).toThrow(TypeError);
    expect(() => new EventFileWriter(dir, { flushMillis: 0 })).toThrow(/flushMillis/);
    expect(() => new EventFileWriter(dir, { maxQueue: 1.5 })).toThrow(/maxQueue/);
    expect(() => new EventFileWriter(dir, { filenameSuffix: '/x' })).toThrow(/filenameSuffix/);
  });

  it('validates the type and range of every option, and refuses unknown ones (issue 13 #21)', async () => {
    const dir = tempDir();
    const make = (o: unknown) => () => new EventFileWriter(dir, o as EventFileWriterOptions);
    // A timer of 2^31 ms or more fires after 1 ms in Node: such an interval is refused.
    expect(make({ flushMillis: 2 ** 31 })).toThrow(
      new RangeError('flushMillis must be an integer from 1 to 2147483647 (about 24.8 days), got 2147483648'),
    );
    expect(make({ flushMillis: Number.POSITIVE_INFINITY })).toThrow(/flushMillis .* got Infinity/);
    expect(make({ flushMillis: '50' })).toThrow(
      new TypeError('flushMillis must be a number, got string "50"'),
    );
    expect(make({ maxQueue: -1 })).toThrow(/maxQueue must be a positive integer, got -1/);
    expect(make({ maxPendingBytes: Number.NaN })).toThrow(/maxPendingBytes .* got NaN/);
    expect(make({ maxRecordBytes: 0 })).toThrow(/maxRecordBytes .* got 0/);
    expect(make({ host: 5 })).toThrow(new TypeError('host must be a string, got number 5'));
    expect(make({ host: '' })).toThrow(/host must be a non-empty string/);
    expect(make({ filenameSuffix: 3 })).toThrow(/filenameSuffix must be a string, got number 3/);
    expect(make({ flushMilis: 50 })).toThrow(
      new TypeError(
        'unknown option "flushMilis" (did you mean "flushMillis"?); EventFileWriter knows: flushMillis, maxQueue, filenameSuffix, maxPendingBytes, maxRecordBytes, host',
      ),
    );
    expect(make(null)).toThrow(/options must be an object, got null/);
    expect(make(5)).toThrow(/options must be an object, got number/);
    // The largest interval is accepted, and its timer does not fire early.
    const w = new EventFileWriter(dir, { flushMillis: 2 ** 31 - 1 });
    w.writeEvent({ wallTime: 1, step: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(w.path)).toBe(false);
    await w.close();
  });

  it('a synchronous flush takes over an asynchronous one at any step, each record once and in order (issue 13 #1)', async () => {
    // flushSyncOnExit() is what the exit handler calls; here the process goes on after it, so the
    // superseded asynchronous flush resumes too and must change nothing.
    const turn = () => new Promise((r) => setImmediate(r));
    for (const opened of [false, true]) {
      for (const deleted of opened ? [false, true] : [false]) {
        for (let turns = 0; turns <= 12; turns++) {
          const dir = tempDir();
          const w = new EventFileWriter(join(dir, 'run'), { flushMillis: 600_000 });
          w.on('error', () => {});
          let step = 0;
          const write = (n: number) => {
            for (let i = 0; i < n; i++, step++) {
              w.writeEvent({ wallTime: 1, step, summary: { value: [{ tag: 'x', simpleValue: step }] } });
            }
          };
          if (opened) {
            write(10);
            await w.flush();
          }
          const first = w.path;
          if (deleted) rmSync(first);
          write(3000);
          const pending = w.flush();
          write(50);
          for (let t = 0; t < turns; t++) await turn();
          w.flushSyncOnExit();
          write(20);
          await pending;
          await w.close();
          const files = readdirSync(join(dir, 'run')).sort();
          const steps: number[] = [];
          for (const f of files) {
            const r = new EventFileReader(join(dir, 'run', f));
            const events = [];
            for await (const e of r.events()) events.push(e.event);
            expect(r.incomplete).toBeNull();
            expect(events[0]!.fileVersion).toBe('brain.Event:2');
            steps.push(...events.slice(1).map((e) => int64ToNumber(e.step)));
          }
          const label = `opened ${opened}, deleted ${deleted}, takeover after ${turns} turns`;
          const from = deleted ? 10 : 0;
          expect(steps, label).toEqual(Array.from({ length: step - from }, (_, i) => from + i));
          expect(w.stats.recordsWritten, label).toBe(step);
          expect(w.stats.recordsPending, label).toBe(0);
        }
      }
    }
  });

  it('writes synchronously from a loop that blocks the event loop, signals left to their default meanwhile (issue 13 #4)', async () => {
    const dir = tempDir();
    const w = new EventFileWriter(dir, { flushMillis: 100 });
    await new Promise((r) => setTimeout(r, 250)); // the heartbeat has run: our handlers are installed
    const held = process.listenerCount('SIGINT');
    expect(held).toBeGreaterThan(0);
    const sizeBefore = statSync(w.path).size; // the file_version record of the first timed flush
    let step = 0;
    let sizeInLoop = 0;
    let listenersInLoop = -1;
    const end = performance.now() + 900;
    while (performance.now() < end) {
      w.writeEvent({ wallTime: 1, step: step++ });
      if (performance.now() > end - 100) {
        sizeInLoop = existsSync(w.path) ? statSync(w.path).size : 0;
        listenersInLoop = process.listenerCount('SIGINT');
      }
    }
    expect(sizeInLoop).toBeGreaterThan(sizeBefore + 1000); // written while the loop still ran
    expect(listenersInLoop).toBe(held - 1); // Ctrl-C would have ended the process
    expect(process.listenerCount('SIGTERM')).toBe(held - 1);
    await new Promise((r) => setTimeout(r, 250));
    expect(process.listenerCount('SIGINT')).toBe(held); // back once the event loop turned
    await w.close();
    const steps = (await readAll(w.path)).slice(1).map((e) => int64ToNumber(e.step));
    expect(steps).toEqual(Array.from({ length: step }, (_, i) => i));
  });

  it('names the bad argument of a low-level write, and throws no raw error (issue 13 #29)', async () => {
    const w = new EventFileWriter(tempDir());
    expect(() => w.writeEvent(null as never)).toThrow(new TypeError('event must be an object, got null'));
    expect(() => w.writeEvent({ step: 'abc' as never })).toThrow(
      new TypeError('event.step must be an integer, got string "abc"'),
    );
    expect(() => w.writeEvent({ step: 1.5 })).toThrow(/event.step must be an integer, got 1.5/);
    expect(() => w.writeEvent({ wallTime: '1' as never })).toThrow(
      /event.wallTime must be a number, got string "1"/,
    );
    expect(() => w.writeEvent({ summary: { value: [null as never] } })).toThrow(
      /event could not be encoded as an Event: /,
    );
    expect(() => w.writePayload(null as never)).toThrow(
      new TypeError('payload must be a Uint8Array (a serialized Event), got null'),
    );
    expect(() => w.writePayload('abc' as never)).toThrow(/payload must be a Uint8Array .* got string "abc"/);
    expect(w.stats.recordsPending).toBe(0);
    await w.close();
  });

  it('keeps the file byte-identical to what it reported', async () => {
    const dir = tempDir();
    const w = new EventFileWriter(dir);
    w.writeEvent({ wallTime: 5, step: 7, summary: { value: [{ tag: 'x', simpleValue: 0 }] } });
    await w.close();
    const bytes = readFileSync(w.path);
    // file_version record, then one 16-byte-framed event whose payload ends in simple_value 0.
    expect(bytes.length).toBe(w.stats.bytesWritten);
    expect(bytes.subarray(bytes.length - 9, bytes.length - 4).toString('hex')).toBe('1500000000');
  });
});
