import { describe, expect, it } from 'vitest';
import { crc32c, crc32cBytewise, maskCrc, maskedCrc32c, unmaskCrc } from '../src/tfrecord/crc32c.js';
import { fromHex } from './helpers.js';

const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'ascii'));
const range = (from: number, to: number) => {
  const step = from <= to ? 1 : -1;
  const out: number[] = [];
  for (let b = from; b !== to + step; b += step) out.push(b);
  return new Uint8Array(out);
};

// Published vectors: the standard check value, RFC 3720 B.4 / TF crc32c_test.cc, TB masked_crc.rs and tf_record.rs.
const vectors: Array<[string, Uint8Array, number, number]> = [
  ['"123456789"', ascii('123456789'), 0xe3069283, 0xc78ab0e5],
  ['"abcd"', ascii('abcd'), 0x92c80a31, 0xb6e61068],
  ['32 x 0x00', new Uint8Array(32), 0x8a9136aa, 0x0fd7fffa],
  ['32 x 0xFF', new Uint8Array(32).fill(0xff), 0x62a8ab43, 0xf909b029],
  ['0x00..0x1F', range(0, 31), 0x46dd794e, 0x951f7892],
  ['0x1F..0x00', range(31, 0), 0x113fdb5c, 0x593b0d57],
  ['empty', new Uint8Array(0), 0x00000000, 0xa282ead8],
];

describe('crc32c', () => {
  it.each(vectors)('%s', (_name, input, crc, masked) => {
    expect(crc32c(input)).toBe(crc);
    expect(crc32cBytewise(input)).toBe(crc);
    expect(maskCrc(crc)).toBe(masked);
    expect(maskedCrc32c(input)).toBe(masked);
    expect(unmaskCrc(masked)).toBe(crc);
  });

  it('matches TensorBoard masked-CRC vectors for record headers and payloads', () => {
    expect(maskedCrc32c(fromHex('1800000000000000'))).toBe(0x224b7fa3);
    expect(maskedCrc32c(fromHex('3200000000000000'))).toBe(0xec561924);
    expect(maskedCrc32c(new Uint8Array([0x1a, 0x11, ...ascii('CRC test, one two')]))).toBe(0x5794d08a);
  });

  it('slicing-by-8 agrees with the bytewise table at every length and alignment', () => {
    const data = new Uint8Array(300);
    for (let i = 0; i < data.length; i++) data[i] = (i * 131 + 7) & 0xff;
    for (let start = 0; start < 9; start++) {
      for (let end = start; end <= data.length; end += 7) {
        expect(crc32c(data, start, end)).toBe(crc32cBytewise(data, start, end));
      }
    }
  });

  it('is not the IEEE CRC-32 of zlib', () => {
    expect(crc32c(ascii('123456789'))).not.toBe(0xcbf43926);
  });
});
