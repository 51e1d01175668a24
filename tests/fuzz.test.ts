/**
 * Fuzzing the reader, and property-based tests of the framing and the histogram bucketing.
 *
 * The reader gets FUZZ_CASES (default 10,000) event files made from a real one by bit flips,
 * truncation (also inside a header), random and huge lengths (up to 2^63, with and without a valid
 * length checksum), records with valid framing around garbage, inserted and appended garbage, and
 * pure noise. Each must read without an exception (in 'skip' mode) or with only an
 * EventFileCorruptError naming the file and offset (in 'throw' mode), in bounded time, with every
 * problem reported inside the file. `npm run test:heavy` runs 100,000 cases.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventFileCorruptError, EventFileReader } from '../src/events/reader.js';
import { computeHistogram } from '../src/summary/histogram.js';
import { SummaryWriter } from '../src/summary/writer.js';
import { maskedCrc32c } from '../src/tfrecord/crc32c.js';
import { frameRecord, parseRecord } from '../src/tfrecord/framing.js';
import { tempDir } from './helpers.js';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);

/** A small deterministic PRNG (mulberry32), so a failing case can be reproduced from its index. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Record boundaries of a well-formed file. */
function boundaries(buf: Buffer): number[] {
  const out: number[] = [];
  for (let o = 0; o < buf.length; o += 16 + Number(buf.readBigUInt64LE(o))) out.push(o);
  return out;
}

function lengthHeader(length: bigint, validCrc: boolean, r: () => number): Buffer {
  const h = Buffer.alloc(12);
  h.writeBigUInt64LE(length, 0);
  h.writeUInt32LE(validCrc ? maskedCrc32c(h, 0, 8) : Math.floor(r() * 2 ** 32), 8);
  return h;
}

function mutate(base: Buffer, seed: number): Buffer {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const starts = boundaries(base);
  const at = starts[int(starts.length)]!;
  switch (seed % 9) {
    case 0: {
      // 1-8 random bit flips
      const b = Buffer.from(base);
      for (let i = 1 + int(8); i > 0; i--) b[int(b.length)]! ^= 1 << int(8);
      return b;
    }
    case 1: // truncated anywhere
      return base.subarray(0, int(base.length));
    case 2: // truncated inside a record header
      return base.subarray(0, at + int(12));
    case 3: {
      // a random or huge length, with a valid length checksum half of the time
      const huge = [
        2n ** 63n,
        2n ** 63n - 1n,
        2n ** 32n,
        BigInt(2 ** 31),
        BigInt(int(2 ** 30)),
        BigInt(int(100_000)),
      ][int(6)]!;
      return Buffer.concat([base.subarray(0, at), lengthHeader(huge, r() < 0.5, r), base.subarray(at + 12)]);
    }
    case 4: {
      // valid framing around garbage: both checksums right, the payload is not an Event
      const garbage = Buffer.from(Array.from({ length: int(200) }, () => int(256)));
      return Buffer.concat([base.subarray(0, at), frameRecord(garbage), base.subarray(at)]);
    }
    case 5: {
      // garbage inserted between records
      const garbage = Buffer.from(Array.from({ length: 1 + int(64) }, () => int(256)));
      return Buffer.concat([base.subarray(0, at), garbage, base.subarray(at)]);
    }
    case 6: // garbage appended
      return Buffer.concat([base, Buffer.from(Array.from({ length: 1 + int(64) }, () => int(256)))]);
    case 7: // pure noise
      return Buffer.from(Array.from({ length: int(4096) }, () => int(256)));
    default: {
      // a record's payload overwritten with noise (payload checksum wrong, length right)
      const b = Buffer.from(base);
      const len = Number(b.readBigUInt64LE(at));
      for (let i = 0; i < len; i++) b[at + 12 + i] = int(256);
      return b;
    }
  }
}

async function readAll(path: string, onCorrupt: 'skip' | 'throw') {
  const reader = new EventFileReader(path, { onCorrupt });
  let events = 0;
  for await (const batch of reader.eventBatches()) events += batch.length;
  return { reader, events };
}

describe('reader fuzzing', () => {
  it(`reads ${CASES} mutated event files without crashing, hanging or reporting outside the file`, async () => {
    const dir = tempDir();
    const w = new SummaryWriter(join(dir, 'base'));
    for (let s = 0; s < 20; s++) {
      w.scalar('loss', 1 / (s + 1), s);
      if (s % 5 === 0) w.histogram('grad', [s, -s, s * 0.5, Number.NaN], s);
    }
    w.text('note', '**hello**', 20);
    await w.close();
    const base = readFileSync(w.path);
    const files = join(dir, 'cases');
    mkdirSync(files);
    const rssBefore = process.memoryUsage().rss;
    let slowest = 0;
    let problems = 0;
    let thrown = 0;
    for (let seed = 0; seed < CASES; seed++) {
      const data = mutate(base, seed);
      const path = join(files, `events.out.tfevents.${seed}`);
      writeFileSync(path, data);
      const t = performance.now();
      const { reader } = await readAll(path, 'skip').catch((err: Error) => {
        throw new Error(`case ${seed}: the reader threw in skip mode: ${err.stack}`);
      });
      for (const p of reader.problems) {
        expect(p.file).toBe(path);
        expect(p.offset).toBeGreaterThanOrEqual(0);
        expect(p.offset).toBeLessThan(data.length);
        expect(p.skippedBytes).toBeGreaterThan(0);
        expect(p.offset + p.skippedBytes).toBeLessThanOrEqual(data.length);
      }
      if (reader.incomplete) expect(reader.incomplete.offset + reader.incomplete.bytes).toBe(data.length);
      problems += reader.problems.length;
      try {
        await readAll(path, 'throw');
      } catch (err) {
        if (!(err instanceof EventFileCorruptError)) throw new Error(`case ${seed}: ${(err as Error).stack}`);
        expect(err.message).toContain(path);
        thrown++;
      }
      slowest = Math.max(slowest, performance.now() - t);
    }
    // Bounded time per file: a hang or a quadratic resync would blow far past this.
    expect(slowest).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * 2 ** 20);
    expect(problems).toBeGreaterThan(CASES / 4);
    expect(thrown).toBeGreaterThan(CASES / 4);
  }, 600_000);
});

describe('properties', () => {
  it('framing: any payloads framed back to back parse back to the same payloads', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), (payloads) => {
        const file = Buffer.concat(payloads.map((p) => frameRecord(p)));
        const out: Uint8Array[] = [];
        let o = 0;
        while (o < file.length) {
          const r = parseRecord(file, o, file.length, 1 << 20);
          if (r.kind !== 'record') return false;
          out.push(file.subarray(r.payloadStart, r.payloadEnd));
          o = r.next;
        }
        expect(out.map((p) => Buffer.from(p).toString('hex'))).toEqual(
          payloads.map((p) => Buffer.from(p).toString('hex')),
        );
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('histograms: counts are conserved, non-finite values counted, edges finite and ordered', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 400 }), fc.integer({ min: 1, max: 60 }), (values, k) => {
        const h = computeHistogram(values, k);
        const nan = values.filter(Number.isNaN).length;
        const pos = values.filter((v) => v === Infinity).length;
        const neg = values.filter((v) => v === -Infinity).length;
        expect([h.nan, h.posInf, h.negInf]).toEqual([nan, pos, neg]);
        expect(h.count).toBe(values.length - nan - pos - neg);
        let total = 0;
        let prevRight = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < h.buckets.length; i += 3) {
          const [l, r, c] = [h.buckets[i]!, h.buckets[i + 1]!, h.buckets[i + 2]!];
          expect(Number.isFinite(l) && Number.isFinite(r)).toBe(true);
          expect(l).toBeLessThanOrEqual(r);
          expect(l).toBeGreaterThanOrEqual(
            prevRight === Number.NEGATIVE_INFINITY ? l : prevRight - Math.abs(prevRight) * 1e-12,
          );
          expect(c).toBeGreaterThanOrEqual(0);
          prevRight = r;
          total += c;
        }
        expect(total).toBe(h.count);
      }),
      { numRuns: 1000 },
    );
  });
});
