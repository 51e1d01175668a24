/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) and the LevelDB/TFRecord mask.
 *
 * Slicing-by-8 tables: eight table lookups per 8 input bytes. `npm run bench` compares it with a
 * byte-at-a-time table and with the native crc32c of @node-rs/crc32 when that is installed; for the
 * 12 to 200 byte records that dominate event files the JS version wins because a native call costs
 * more than the CRC itself (numbers in bench/README.md).
 */

const POLY = 0x82f63b78;

/** TABLES[k][b] = CRC of byte b followed by k zero bytes. */
const TABLES: Uint32Array[] = (() => {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  const t0 = tables[0]!;
  for (let b = 0; b < 256; b++) {
    let c = b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    t0[b] = c >>> 0;
  }
  for (let b = 0; b < 256; b++) {
    let c = t0[b]!;
    for (let k = 1; k < 8; k++) {
      c = (c >>> 8) ^ t0[c & 0xff]!;
      tables[k]![b] = c >>> 0;
    }
  }
  return tables;
})();

const [T0, T1, T2, T3, T4, T5, T6, T7] = TABLES as [
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
];

/** CRC-32C of `bytes[start, end)`. `crc32c(ascii "123456789") === 0xE3069283`. */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  let i = start;
  // Bulk: 8 bytes per iteration.
  const bulkEnd = end - ((end - i) & 7);
  while (i < bulkEnd) {
    const lo =
      (crc ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))) >>> 0;
    crc =
      T7[lo & 0xff]! ^
      T6[(lo >>> 8) & 0xff]! ^
      T5[(lo >>> 16) & 0xff]! ^
      T4[lo >>> 24]! ^
      T3[bytes[i + 4]!]! ^
      T2[bytes[i + 5]!]! ^
      T1[bytes[i + 6]!]! ^
      T0[bytes[i + 7]!]!;
    i += 8;
  }
  while (i < end) crc = (crc >>> 8) ^ T0[(crc ^ bytes[i++]!) & 0xff]!;
  return (crc ^ 0xffffffff) >>> 0;
}

/** Reference byte-at-a-time CRC-32C; kept for the benchmark and as a cross-check in tests. */
export function crc32cBytewise(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = (crc >>> 8) ^ T0[(crc ^ bytes[i]!) & 0xff]!;
  return (crc ^ 0xffffffff) >>> 0;
}

const MASK_DELTA = 0xa282ead8;

/** TFRecord's masking: rotate right by 15 bits, then add 0xA282EAD8 (mod 2^32). */
export function maskCrc(crc: number): number {
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}

/** Inverse of {@link maskCrc}. */
export function unmaskCrc(masked: number): number {
  const rot = (masked - MASK_DELTA) >>> 0;
  return ((rot >>> 17) | (rot << 15)) >>> 0;
}

/** Masked CRC-32C of `bytes[start, end)`, as stored in TFRecord headers and footers. */
export function maskedCrc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return maskCrc(crc32c(bytes, start, end));
}
