import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Event } from '../src/proto/index.js';
import { encodeScalarEvent } from '../src/summary/scalar-event.js';

const reference = (wallTime: number, step: number, values: Array<readonly [string, number]>) =>
  Event.encode({
    wallTime,
    step,
    summary: { value: values.map(([tag, simpleValue]) => ({ tag, simpleValue })) },
  }).finish();

describe('encodeScalarEvent', () => {
  it('writes exactly the bytes protobufjs writes for the same Event', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(0), fc.double({ min: 1e9, max: 2e9, noNaN: true })),
        fc.oneof(
          fc.integer({ min: 0, max: 300 }),
          fc.constantFrom(127, 128, 16383, 16384, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER),
        ),
        fc.array(
          fc.tuple(
            // Multi-byte and long tags (varint lengths of two bytes), as layer names can be.
            fc
              .oneof(
                fc.string({ minLength: 1, maxLength: 12 }),
                fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
                fc.constant('x'.repeat(200)),
              )
              .filter((t) => t.isWellFormed()),
            fc.oneof(
              fc.double(),
              fc.constantFrom(
                Number.NaN,
                Number.POSITIVE_INFINITY,
                Number.NEGATIVE_INFINITY,
                -0,
                1e-45,
                3.5e38,
              ),
            ),
          ),
          { maxLength: 30 },
        ),
        (wallTime, step, values) => {
          expect(Buffer.from(encodeScalarEvent(wallTime, step, values)).toString('hex')).toBe(
            Buffer.from(reference(wallTime, step, values)).toString('hex'),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('decodes to the same event (float32 values, NaN and infinities kept)', () => {
    const bytes = encodeScalarEvent(1.5e9, 7, [
      ['loss', 0.25],
      ['grad_norm/é', Number.NaN],
      ['w', Number.NEGATIVE_INFINITY],
    ]);
    const e = Event.decode(bytes);
    expect(Number(e.step)).toBe(7);
    expect(e.wallTime).toBe(1.5e9);
    expect(e.summary!.value!.map((v) => [v.tag, v.simpleValue])).toEqual([
      ['loss', 0.25],
      ['grad_norm/é', Number.NaN],
      ['w', Number.NEGATIVE_INFINITY],
    ]);
  });
});
