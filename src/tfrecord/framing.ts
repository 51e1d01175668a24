/**
 * TFRecord framing: `u64 length | u32 masked_crc(length) | payload | u32 masked_crc(payload)`, all
 * little-endian, 16 bytes of overhead per record, no file header.
 */
import { maskedCrc32c } from './crc32c.js';

export const HEADER_BYTES = 12;
export const FOOTER_BYTES = 4;
export const RECORD_OVERHEAD = HEADER_BYTES + FOOTER_BYTES;

/** Frames `payload` into a new buffer holding exactly one record. */
export function frameRecord(payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(payload.length + RECORD_OVERHEAD);
  writeRecord(out, 0, payload);
  return out;
}

/**
 * Writes one framed record for `payload` into `out` at `offset` and returns the offset after it.
 * `out` must have `payload.length + 16` bytes free at `offset`.
 */
export function writeRecord(out: Buffer, offset: number, payload: Uint8Array): number {
  const len = payload.length;
  // u64 LE length: payloads are far below 2^32 (the writer caps them), so the high word is 0.
  out.writeUInt32LE(len >>> 0, offset);
  out.writeUInt32LE(Math.floor(len / 0x100000000), offset + 4);
  out.writeUInt32LE(maskedCrc32c(out, offset, offset + 8), offset + 8);
  out.set(payload, offset + HEADER_BYTES);
  const end = offset + HEADER_BYTES + len;
  out.writeUInt32LE(maskedCrc32c(out, offset + HEADER_BYTES, end), end);
  return end + FOOTER_BYTES;
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
