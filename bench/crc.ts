/** CRC-32C implementation choice: slicing-by-8 vs byte-at-a-time, with Node's native zlib.crc32 (IEEE) as the cost of a native call. */
import * as zlib from 'node:zlib';
import { crc32c, crc32cBytewise } from '../src/tfrecord/crc32c.js';

export interface CrcRow {
  bytes: number;
  slicing8: number;
  bytewise: number;
  nativeIeee: number | null;
}

function nsPerCall(fn: (b: Uint8Array) => number, buf: Uint8Array): number {
  const budget = 3e7; // bytes per timing run
  const iters = Math.max(1000, Math.floor(budget / Math.max(buf.length, 16)));
  let sink = 0;
  for (let i = 0; i < iters / 10; i++) sink ^= fn(buf); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) sink ^= fn(buf);
    samples.push(Number(process.hrtime.bigint() - t) / iters);
  }
  if (sink === 0.5) console.log(sink);
  return samples.sort((a, b) => a - b)[2]!;
}

export function crcBench(): CrcRow[] {
  const native = (zlib as unknown as { crc32?: (b: Uint8Array) => number }).crc32;
  return [16, 40, 64, 200, 1024, 16384].map((bytes) => {
    const buf = Buffer.alloc(bytes, 7);
    return {
      bytes,
      slicing8: nsPerCall((b) => crc32c(b), buf),
      bytewise: nsPerCall((b) => crc32cBytewise(b), buf),
      nativeIeee: native ? nsPerCall((b) => native(b), buf) : null,
    };
  });
}
