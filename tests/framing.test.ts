import { describe, expect, it } from 'vitest';
import { Event } from '../src/proto/index.js';
import { frameRecord, maskedCrc32c, parseRecord } from '../src/tfrecord/index.js';
import { fromHex, hex } from './helpers.js';

// "Real TF event file" records from tensorflow/tensorboard data/server/tf_record.rs tests.
const FILE_VERSION_RECORD = fromHex(
  '1800000000000000 a37f4b22 0900008038 99d6d7411a0d 627261696e2e4576656e743a32 124b36ab',
);
const SCALAR_PAYLOAD = fromHex(
  '09c405b73d99d6d741 104d 2a25 0a23 0a08 6163637572616379 420a 0801 1200 2204 a4707d3f 4a0b 0a09 0a07 7363616c617273',
);

describe('TFRecord framing', () => {
  it('frames the file_version event byte for byte as TensorFlow does', () => {
    const payload = Event.encode({ wallTime: 1599759586, fileVersion: 'brain.Event:2' }).finish();
    expect(hex(frameRecord(payload))).toBe(hex(FILE_VERSION_RECORD));
  });

  it('reproduces a TF2 scalar event (tensor form) byte for byte', () => {
    const payload = Event.encode({
      wallTime: 1599759606.859727,
      step: 77,
      summary: {
        value: [
          {
            tag: 'accuracy',
            tensor: { dtype: 1, tensorShape: {}, tensorContent: fromHex('a4707d3f') },
            metadata: { pluginData: { pluginName: 'scalars' } },
          },
        ],
      },
    }).finish();
    expect(hex(payload)).toBe(hex(SCALAR_PAYLOAD));
    const rec = frameRecord(payload);
    expect(hex(rec.subarray(0, 12))).toBe('3200000000000000' + '241956ec');
    expect(hex(rec.subarray(rec.length - 4))).toBe('a55b6433');
  });

  it('parses whole records and reports where the next one starts', () => {
    const two = Buffer.concat([FILE_VERSION_RECORD, FILE_VERSION_RECORD]);
    const r = parseRecord(two, 0, two.length, 1 << 20);
    expect(r).toEqual({ kind: 'record', payloadStart: 12, payloadEnd: 36, next: 40 });
    expect(parseRecord(two, 40, two.length, 1 << 20)).toMatchObject({ kind: 'record', next: 80 });
  });

  it('reports a torn record as incomplete with the bytes it needs', () => {
    for (let cut = 0; cut < FILE_VERSION_RECORD.length; cut++) {
      const r = parseRecord(FILE_VERSION_RECORD, 0, cut, 1 << 20);
      expect(r).toEqual({ kind: 'incomplete', needed: cut < 12 ? 12 : 40 });
    }
  });

  it('detects a flipped bit in the length, the payload and the footer', () => {
    const badLen = Buffer.from(FILE_VERSION_RECORD);
    badLen[0] = badLen[0]! ^ 0x01;
    expect(parseRecord(badLen, 0, badLen.length, 1 << 20)).toMatchObject({ kind: 'corrupt', length: null });
    const badPayload = Buffer.from(FILE_VERSION_RECORD);
    badPayload[20] = badPayload[20]! ^ 0x80;
    expect(parseRecord(badPayload, 0, badPayload.length, 1 << 20)).toMatchObject({
      kind: 'corrupt',
      reason: 'payload checksum mismatch',
      length: 24,
    });
    const badFooter = Buffer.from(FILE_VERSION_RECORD);
    badFooter[39] = badFooter[39]! ^ 0x10;
    expect(parseRecord(badFooter, 0, badFooter.length, 1 << 20)).toMatchObject({
      kind: 'corrupt',
      length: 24,
    });
  });

  it('refuses a length above the cap before reading the payload', () => {
    const huge = frameRecord(new Uint8Array(100));
    expect(parseRecord(huge, 0, 12, 99)).toMatchObject({ kind: 'corrupt', length: null });
    // A valid header claiming 2^63 bytes.
    const header = Buffer.alloc(12);
    header.writeBigUInt64LE(1n << 63n, 0);
    header.writeUInt32LE(maskedCrc32c(header, 0, 8), 8);
    const r = parseRecord(header, 0, 12, 64 << 20);
    expect(r.kind).toBe('corrupt');
    expect(r.kind === 'corrupt' && r.reason).toMatch(/exceeds the cap/);
  });
});
