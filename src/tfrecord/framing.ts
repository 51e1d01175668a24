/**
 * TFRecord framing: `u64 length | u32 masked_crc(length) | payload | u32 masked_crc(payload)`, all
 * little-endian, 16 bytes of overhead per record, no file header.
 */
import { maskedCrc32c } from './crc32c.js';

export const HEADER_BYTES = 12;
export const FOOTER_BYTES = 4;
export const RECORD_OVERHEAD = HEADER_BYTES + FOOTER_BYTES;

/**
 * Frames `payload` into a new buffer holding exactly one record: a Node Buffer where there is one,
 * else (a browser) a Uint8Array.
 */
export function frameRecord(payload: Uint8Array): Buffer {
  const size = payload.length + RECORD_OVERHEAD;
  const out = typeof Buffer === 'function' ? Buffer.allocUnsafe(size) : new Uint8Array(size);
  writeRecord(out, 0, payload);
  return out as Buffer;
}

/**
 * Writes one framed record for `payload` into `out` at `offset` and returns the offset after it.
 * `out` must have `payload.length + 16` bytes free at `offset`.
 */
export function writeRecord(out: Uint8Array, offset: number, payload: Uint8Array): number {
  const len = payload.length;
  // u64 LE length: payloads are far below 2^32 (the writer caps them), so the high word is 0.
  writeU32(out, offset, len >>> 0);
  writeU32(out, offset + 4, Math.floor(len / 0x100000000));
  writeU32(out, offset + 8, maskedCrc32c(out, offset, offset + 8));
  out.set(payload, offset + HEADER_BYTES);
  const end = offset + HEADER_BYTES + len;
  writeU32(out, end, maskedCrc32c(out, offset + HEADER_BYTES, end));
  return end + FOOTER_BYTES;
}

/** Little-endian, byte by byte: the same on a Node Buffer and a plain Uint8Array (browsers). */
function writeU32(out: Uint8Array, at: number, v: number): void {
  out[at] = v & 0xff;
  out[at + 1] = (v >>> 8) & 0xff;
  out[at + 2] = (v >>> 16) & 0xff;
  out[at + 3] = (v >>> 24) & 0xff;
}

/** Outcome of trying to parse one record at a position in a byte buffer. */
export type RecordParse =
  /** A whole, valid record: payload is `buf[payloadStart, payloadEnd)`, the next record starts at `next`. */
  | { kind: 'record'; payloadStart: number; payloadEnd: number; next: number }
  /** The buffer ends inside this record; `needed` bytes from the record start would complete it. */
  | { kind: 'incomplete'; needed: number }
  /** The record is damaged; `length` is known (and the record skippable) only if the length CRC was good. */
  | { kind: 'corrupt'; reason: string; length: number | null };

/**
 * Parses the record at `buf[offset]`, checking both CRCs. Never allocates: a huge length is judged
 * against `maxPayloadBytes` before anything is read or buffered for it.
 */
export function parseRecord(
  buf: Uint8Array,
  offset: number,
  end: number,
  maxPayloadBytes: number,
): RecordParse {
  const avail = end - offset;
  if (avail < HEADER_BYTES) return { kind: 'incomplete', needed: HEADER_BYTES };
  const lenCrc = readU32(buf, offset + 8);
  if (maskedCrc32c(buf, offset, offset + 8) !== lenCrc) {
    return { kind: 'corrupt', reason: 'length checksum mismatch', length: null };
  }
  const lo = readU32(buf, offset);
  const hi = readU32(buf, offset + 4);
  if (hi !== 0 || lo > maxPayloadBytes) {
    const length = hi * 0x100000000 + lo;
    return {
      kind: 'corrupt',
      reason: `record length ${hi === 0 ? length : `${hi}*2^32+${lo}`} exceeds the cap of ${maxPayloadBytes} bytes`,
      length: null,
    };
  }
  const total = lo + RECORD_OVERHEAD;
  if (avail < total) return { kind: 'incomplete', needed: total };
  const payloadStart = offset + HEADER_BYTES;
  const payloadEnd = payloadStart + lo;
  if (maskedCrc32c(buf, payloadStart, payloadEnd) !== readU32(buf, payloadEnd)) {
    return { kind: 'corrupt', reason: 'payload checksum mismatch', length: lo };
  }
  return { kind: 'record', payloadStart, payloadEnd, next: payloadEnd + FOOTER_BYTES };
}

function readU32(buf: Uint8Array, at: number): number {
  return (buf[at]! | (buf[at + 1]! << 8) | (buf[at + 2]! << 16) | (buf[at + 3]! << 24)) >>> 0;
}
