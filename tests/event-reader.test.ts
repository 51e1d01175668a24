import { appendFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  discoverRuns,
  EventFileCorruptError,
  EventFileReader,
  type EventFileReaderOptions,
  EventFileWriter,
  readLogdir,
} from '../src/events/index.js';
import { Event, int64ToNumber } from '../src/proto/index.js';
import { frameRecord } from '../src/tfrecord/index.js';
import { tempDir } from './helpers.js';

function record(step: number): Buffer {
  return frameRecord(
    Event.encode({ wallTime: 1, step, summary: { value: [{ tag: 't', simpleValue: step }] } }).finish(),
  );
}

async function steps(reader: EventFileReader): Promise<number[]> {
  const out: number[] = [];
  for await (const { event } of reader.events()) out.push(int64ToNumber(event.step));
  return out;
}

describe('EventFileReader', () => {
  it('reads every record, across chunk boundaries', async () => {
    const dir = tempDir();
    const path = join(dir, 'events.out.tfevents.1');
    writeFileSync(path, Buffer.concat(Array.from({ length: 500 }, (_, i) => record(i))));
    const r = new EventFileReader(path, { chunkBytes: 64 });
    expect(await steps(r)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(r.incomplete).toBeNull();
    expect(r.offset).toBe(readFileSync(path).length);
  });

  it('treats a torn last record as incomplete and continues from it when the file grows', async () => {
    const dir = tempDir();
    const path = join(dir, 'events.out.tfevents.2');
    const third = record(3);
    writeFileSync(path, Buffer.concat([record(1), record(2), third.subarray(0, 5)]));
    const r = new EventFileReader(path);
    expect(await steps(r)).toEqual([1, 2]);
    expect(r.incomplete).toEqual({ offset: record(1).length * 2, bytes: 5 });
    appendFileSync(path, third.subarray(5, 20));
    expect(await steps(r)).toEqual([]);
    expect(r.incomplete?.bytes).toBe(20);
    appendFileSync(path, Buffer.concat([third.subarray(20), record(4)]));
    expect(await steps(r)).toEqual([3, 4]);
    expect(r.incomplete).toBeNull();
  });

  it('names the file and byte offset of a corrupt record', async () => {
    const dir = tempDir();
    const path = join(dir, 'events.out.tfevents.3');
    const bad = record(2);
    bad[bad.length - 6] = bad[bad.length - 6]! ^ 0xff; // inside the payload
    const first = record(1);
    writeFileSync(path, Buffer.concat([first, bad, record(3)]));
    const r = new EventFileReader(path);
    const seen: number[] = [];
    const err = await (async () => {
      try {
        for await (const { event } of r.events()) seen.push(int64ToNumber(event.step));
      } catch (e) {
        return e;
      }
    })();
    expect(seen).toEqual([1]);
    expect(err).toBeInstanceOf(EventFileCorruptError);
    expect((err as EventFileCorruptError).offset).toBe(first.length);
    expect((err as Error).message).toBe(
      `${path}: corrupt record at byte ${first.length}: payload checksum mismatch`,
    );
  });

  it("with onCorrupt 'skip', steps over a bad payload and resyncs after a bad length", async () => {
    const dir = tempDir();
    const path = join(dir, 'events.out.tfevents.4');
    const badPayload = record(2);
    badPayload[14] = badPayload[14]! ^ 0x01;
    const badLength = record(4);
    badLength[1] = badLength[1]! ^ 0x40;
    const parts = [
      record(1),
      badPayload,
      record(3),
      badLength,
      record(5),
      Buffer.from('garbage!'),
      record(6),
    ];
    writeFileSync(path, Buffer.concat(parts));
    const r = new EventFileReader(path, { onCorrupt: 'skip' });
    expect(await steps(r)).toEqual([1, 3, 5, 6]);
    const len = record(1).length;
    expect(r.problems.map((p) => [p.offset, p.reason])).toEqual([
      [len, 'payload checksum mismatch'],
      [3 * len, 'damaged length field'],
      [5 * len, 'damaged length field'],
    ]);
    expect(r.problems[1]!.skippedBytes).toBe(len);
    expect(r.problems[2]!.skippedBytes).toBe(8);
  });

  it('validates its options, naming the option and the value (issue 13 #21)', async () => {
    const dir = tempDir();
    const path = join(dir, 'events.out.tfevents.opts');
    writeFileSync(path, Buffer.concat([record(1), record(2)]));
    const make = (o: unknown) => () => new EventFileReader(path, o as EventFileReaderOptions);
    expect(make({ chunkBytes: 0 })).toThrow(
      new RangeError('chunkBytes must be an integer from 1 to 1073741824, got 0'),
    );
    expect(make({ chunkBytes: -1 })).toThrow(/chunkBytes .* got -1/);
    expect(make({ chunkBytes: '1' })).toThrow(new TypeError('chunkBytes must be a number, got string "1"'));
    expect(make({ chunkBytes: 1.5 })).toThrow(/chunkBytes .* got 1.5/);
    expect(make({ maxRecordBytes: Number.NaN })).toThrow(/maxRecordBytes must be an integer .* got NaN/);
    expect(make({ maxRecordBytes: -5 })).toThrow(/maxRecordBytes .* got -5/);
    expect(make({ offset: -1 })).toThrow(
      new RangeError('offset must be a non-negative safe integer, got -1'),
    );
    expect(make({ offset: '0' })).toThrow(/offset must be a number, got string "0"/);
    expect(make({ onCorrupt: 'ignore' })).toThrow(/onCorrupt must be 'throw' or 'skip', got "ignore"/);
    expect(make(null)).toThrow(/options must be an object, got null/);
    expect(() => new EventFileReader('')).toThrow(/path must be a non-empty string, got ""/);
    // The smallest chunk still reads everything (one byte at a time).
    expect(await steps(new EventFileReader(path, { chunkBytes: 1 }))).toEqual([1, 2]);
  });

  it('names the file in a read error, and says when it is a directory (issue 13 #29)', async () => {
    const dir = tempDir();
    const read = async (path: string) => {
      for await (const _ of new EventFileReader(path).events()) {
        // read everything
      }
    };
    await expect(read(dir)).rejects.toThrow(`${dir} is a directory, not an event file`);
    await expect(read(dir)).rejects.toMatchObject({ code: 'EISDIR', path: dir });
    await expect(read(join(dir, 'missing'))).rejects.toMatchObject({
      code: 'ENOENT',
      message: expect.stringContaining(join(dir, 'missing')),
    });
  });

  it('never sizes a buffer from a huge length field', async () => {
    const dir = tempDir();
    const path = join(dir, 'events.out.tfevents.5');
    const big = frameRecord(new Uint8Array(2048));
    writeFileSync(path, Buffer.concat([record(1), big]));
    const r = new EventFileReader(path, { maxRecordBytes: 1024 });
    await expect(steps(r)).rejects.toThrow(/exceeds the cap of 1024 bytes/);
  });

  it('reports a payload that is not an Event as corrupt', async () => {
    const dir = tempDir();
    const path = join(dir, 'events.out.tfevents.6');
    writeFileSync(path, Buffer.concat([record(1), frameRecord(Buffer.from([0xff, 0xff, 0xff]))]));
    await expect(steps(new EventFileReader(path))).rejects.toThrow(/payload is not an Event/);
    const r = new EventFileReader(path, { onCorrupt: 'skip' });
    expect(await steps(r)).toEqual([1]);
    expect(r.problems).toHaveLength(1);
  });

  it('reads what the writer wrote while the writer is still open', async () => {
    const dir = tempDir();
    const w = new EventFileWriter(dir);
    const r = new EventFileReader(w.path);
    w.writeEvent({ wallTime: 1, step: 10 });
    await w.flush();
    expect(await steps(r)).toEqual([0, 10]);
    w.writeEvent({ wallTime: 1, step: 11 });
    await w.flush();
    expect(await steps(r)).toEqual([11]);
    await w.close();
  });
});

describe('run discovery', () => {
  it('finds every directory that directly holds an event file, nested runs included', async () => {
    const root = tempDir();
    const mk = (rel: string, name = 'events.out.tfevents.1.h') => {
      mkdirSync(join(root, rel), { recursive: true });
      writeFileSync(join(root, rel, name), record(1));
    };
    mk('.');
    mk('a');
    mk('a/b');
    mk('a/b', 'events.out.tfevents.0.h');
    mk('c/d/e');
    mkdirSync(join(root, 'empty'));
    writeFileSync(join(root, 'c', 'notes.txt'), 'x');
    mk('p', 'events.out.tfevents.1.h.profile-empty');
    symlinkSync(join(root, 'a'), join(root, 'link'));
    symlinkSync(root, join(root, 'c', 'loop'));
    const { runs, unreadable } = await discoverRuns(root);
    // 'link' points at 'a': each real directory is one run, named by its path without links (issue 13 #20).
    expect(runs.map((r) => r.name)).toEqual(['.', 'a', 'a/b', 'c/d/e']);
    expect(runs.find((r) => r.name === 'a/b')!.files.map((f) => f.split('/').pop())).toEqual([
      'events.out.tfevents.0.h',
      'events.out.tfevents.1.h',
    ]);
    expect(unreadable).toEqual([]);
  });

  it('names a logdir that does not exist', async () => {
    await expect(discoverRuns('/nonexistent/gradwatch')).rejects.toThrow(
      /cannot read logdir \/nonexistent\/gradwatch/,
    );
  });

  it('readLogdir streams all runs in order', async () => {
    const root = tempDir();
    for (const run of ['train', 'val']) {
      const w = new EventFileWriter(join(root, run));
      w.writeEvent({ wallTime: 1, step: run === 'train' ? 1 : 2 });
      await w.close();
    }
    const got: Array<[string, number]> = [];
    for await (const e of readLogdir(root)) got.push([e.run, int64ToNumber(e.event.step)]);
    expect(got).toEqual([
      ['train', 0],
      ['train', 1],
      ['val', 0],
      ['val', 2],
    ]);
  });
});
