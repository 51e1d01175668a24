/**
 * Encodes an Event that holds only scalar values (`simple_value`), byte for byte what
 * `Event.encode` (protobufjs) writes for the same message, which the tests check.
 *
 * Why not protobufjs: the gradient watch writes one such event at every training step, and on
 * tfjs-node a step can take 3-4 ms, so the encoder's cost counts. Measured inside a training loop,
 * protobufjs spends about 10 µs on an event of 15 scalars (building the message objects, then a
 * generic field-by-field encoder); this one copies a tag's bytes, encoded once and cached, and
 * writes four bytes of float per value (bench/README.md, "Encoding the per-step event").
 *
 * Wire format (tensorboard/compat/proto/event.proto, summary.proto):
 *   Event   { 1: double wall_time, 2: int64 step, 5: Summary summary }
 *   Summary { repeated 1: Value value }
 *   Value   { 1: string tag, 2: float simple_value }
 */

/** [0x0a, len(tag), tag bytes..., 0x15]: a Value up to its float, per tag. */
const prefixes = new Map<string, Uint8Array>();
const MAX_CACHED_TAGS = 100_000;
const utf8 = new TextEncoder();

function prefixOf(tag: string): Uint8Array {
  let p = prefixes.get(tag);
  if (!p) {
    const bytes = utf8.encode(tag);
    p = new Uint8Array(1 + varintSize(bytes.length) + bytes.length + 1);
    p[0] = 0x0a;
    let o = writeVarint(p, 1, bytes.length);
    p.set(bytes, o);
    o += bytes.length;
    p[o] = 0x15;
    if (prefixes.size >= MAX_CACHED_TAGS) prefixes.clear();
    prefixes.set(tag, p);
  }
  return p;
}

function varintSize(n: number): number {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

/** Writes a non-negative safe integer as a varint at `o`; returns the offset after it. */
function writeVarint(buf: Uint8Array, o: number, n: number): number {
  while (n >= 128) {
    buf[o++] = (n % 128) | 128;
    n = Math.floor(n / 128);
  }
  buf[o++] = n;
  return o;
}

const f32 = new Float32Array(1);
const f32Bytes = new Uint8Array(f32.buffer);
const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function writeFloat(buf: Uint8Array, o: number, x: number): void {
  f32[0] = x;
  if (LITTLE_ENDIAN) buf.set(f32Bytes, o);
  else for (let i = 0; i < 4; i++) buf[o + i] = f32Bytes[3 - i]!;
}

function writeDouble(buf: Uint8Array, o: number, x: number): void {
  f64[0] = x;
  if (LITTLE_ENDIAN) buf.set(f64Bytes, o);
  else for (let i = 0; i < 8; i++) buf[o + i] = f64Bytes[7 - i]!;
}

/**
 * The serialized Event { wall_time, step, summary { value: [{ tag, simple_value }...] } }.
 * `step` must be a non-negative safe integer and tags well-formed strings (the writer checks both).
 */
export function encodeScalarEvent(
  wallTime: number,
  step: number,
  values: ReadonlyArray<readonly [string, number]>,
): Uint8Array {
  const tags: Uint8Array[] = new Array(values.length);
  let summaryLen = 0;
  for (let i = 0; i < values.length; i++) {
    const p = prefixOf(values[i]![0]);
    tags[i] = p;
    const valueLen = p.length + 4;
    summaryLen += 1 + varintSize(valueLen) + valueLen;
  }
  // proto3 leaves fields at their default out (wall_time +0.0, step 0), as protobufjs does.
  const hasTime = !Object.is(wallTime, 0);
  const hasStep = step !== 0;
  const size =
    (hasTime ? 9 : 0) + (hasStep ? 1 + varintSize(step) : 0) + 1 + varintSize(summaryLen) + summaryLen;
  const buf = new Uint8Array(size);
  let o = 0;
  if (hasTime) {
    buf[o++] = 0x09;
    writeDouble(buf, o, wallTime);
    o += 8;
  }
  if (hasStep) {
    buf[o++] = 0x10;
    o = writeVarint(buf, o, step);
  }
  buf[o++] = 0x2a;
  o = writeVarint(buf, o, summaryLen);
  for (let i = 0; i < values.length; i++) {
    const p = tags[i]!;
    buf[o++] = 0x0a;
    o = writeVarint(buf, o, p.length + 4);
    buf.set(p, o);
    o += p.length;
    writeFloat(buf, o, values[i]![1]);
    o += 4;
  }
  return buf;
}
