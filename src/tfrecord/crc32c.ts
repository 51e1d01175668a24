/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) and the LevelDB/TFRecord mask.
 *
 * Slicing-by-8 in plain JS. Chosen by measurement (bench/README.md): for the 12 to 200 byte records
 * that dominate event files (scalars are about 40 bytes) it takes 20-100 ns, while a call into a
 * native CRC-32C (@node-rs/crc32) costs about 170 ns before any byte is hashed. Native wins only on
 * records above ~200 bytes, which are a minority and whose cost is dominated by protobuf anyway.
 */

const POLY = 0x82f63b78;

/**
 * Eight 256-entry tables in one flat Int32Array: T[k*256 + b] = CRC of byte b followed by k zero
 * bytes. One typed array (rather than eight) keeps the hot loop to a single elements load, which
 * measured about 1.5-2x faster on records of 200 bytes and more.
 */
const T: Int32Array = (() => {
  const t = new Int32Array(8 * 256);
  for (let b = 0; b < 256; b++) {
    let c = b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    t[b] = c;
  }
  for (let b = 0; b < 256; b++) {
    let c = t[b]!;
    for (let k = 1; k < 8; k++) {
      c = (c >>> 8) ^ t[c & 0xff]!;
      t[k * 256 + b] = c;
    }
  }
  return t;
})();

/** CRC-32C of `bytes[start, end)`. `crc32c(ascii "123456789") === 0xE3069283`. */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = -1;
  let i = start;
  // Bulk: 8 bytes per iteration (slicing-by-8).
  const bulkEnd = end - ((end - i) & 7);
  while (i < bulkEnd) {
    const lo = crc ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    crc =
      T[1792 + (lo & 0xff)]! ^
      T[1536 + ((lo >>> 8) & 0xff)]! ^
      T[1280 + ((lo >>> 16) & 0xff)]! ^
      T[1024 + (lo >>> 24)]! ^
      T[768 + bytes[i + 4]!]! ^
      T[512 + bytes[i + 5]!]! ^
      T[256 + bytes[i + 6]!]! ^
      T[bytes[i + 7]!]!;
    i += 8;
  }
  while (i < end) crc = (crc >>> 8) ^ T[(crc ^ bytes[i++]!) & 0xff]!;
  return (crc ^ -1) >>> 0;
}

/** Reference byte-at-a-time CRC-32C; kept for the benchmark and as a cross-check in tests. */
export function crc32cBytewise(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = -1;
  for (let i = start; i < end; i++) crc = (crc >>> 8) ^ T[(crc ^ bytes[i]!) & 0xff]!;
  return (crc ^ -1) >>> 0;
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
