/**
 * The collector's protocol, version 1, without the HTTP: what a run name, a session id and a request
 * body may be. A page POSTs framed TensorBoard event records to `/v1/runs/<run>/events`; the body is
 * checked whole here before anything is written (all or nothing per request).
 *
 * Pure functions over strings and bytes (framing and CRCs from tfrecord/, the Event schema from
 * proto/): no file system, no network.
 */
import { Event, type EventMessage } from '../proto/index.js';
import { HEADER_BYTES, parseRecord, RECORD_OVERHEAD } from '../tfrecord/index.js';

/** The protocol version this collector speaks (the `/v1/` in its paths). */
export const COLLECTOR_PROTOCOL = 1;

/** Most path segments a run name may have. */
export const MAX_RUN_SEGMENTS = 8;
/** Longest run name segment. */
export const MAX_SEGMENT_CHARS = 100;
/** One run name segment: letters, digits, '.', '_' and '-' (never '.' or '..'). */
const SEGMENT = /^[A-Za-z0-9._-]{1,100}$/;
/** A session id (X-Gradwatch-Session or ?session=). */
const SESSION = /^[A-Za-z0-9_-]{1,64}$/;
/** Largest event payload accepted, as the collector's event file writers take (their maxRecordBytes). */
export const MAX_EVENT_BYTES = 64 * 1024 * 1024;

/**
 * A request the collector refuses: `status` is the HTTP status it answers with, the message the
 * sentence it puts in `{"error": ...}` (naming the header, run name segment or record at fault).
 * `details` are extra JSON fields of the answer (a bad record's index and byte offset).
 */
export class CollectorRefusal extends Error {
  override readonly name = 'CollectorRefusal';
  readonly status: number;
  readonly details: Readonly<Record<string, number | string>>;
  constructor(status: number, message: string, details: Record<string, number | string> = {}) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

/**
 * The run path of `/v1/runs/<raw>/events`, from `raw` as it appeared in the request target (still
 * percent-encoded; '/' may be literal or %2F). Returns the segments. Throws a CollectorRefusal (400)
 * naming the segment at fault: empty (an absolute path, '//'), '.', '..', a character outside
 * [A-Za-z0-9._-] (a backslash, a space, a NUL, a non-ASCII letter), too long, or too many segments.
 */
export function parseRunPath(raw: string): string[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new CollectorRefusal(400, `run name ${quote(raw)} is not valid percent-encoding`);
  }
  if (decoded.length === 0) throw new CollectorRefusal(400, 'run name is empty');
  if (decoded.startsWith('/')) {
    throw new CollectorRefusal(
      400,
      `run name ${quote(decoded)} is an absolute path; it must be relative to the logdir (e.g. "exp1/train")`,
    );
  }
  const segments = decoded.split('/');
  if (segments.length > MAX_RUN_SEGMENTS) {
    throw new CollectorRefusal(
      400,
      `run name ${quote(decoded)} has ${segments.length} segments; at most ${MAX_RUN_SEGMENTS} are allowed`,
    );
  }
  for (const [i, s] of segments.entries()) {
    const which = `run name segment ${i + 1} of ${quote(decoded)}`;
    if (s === '') throw new CollectorRefusal(400, `${which} is empty ('//' or a trailing '/')`);
    if (s === '.' || s === '..') {
      throw new CollectorRefusal(
        400,
        `${which} is ${quote(s)}, which would leave the run's place in the logdir`,
      );
    }
    if (s.length > MAX_SEGMENT_CHARS) {
      throw new CollectorRefusal(
        400,
        `${which} is ${s.length} characters long; at most ${MAX_SEGMENT_CHARS} are allowed`,
      );
    }
    if (!SEGMENT.test(s)) {
      const bad = [...s].find((c) => !/[A-Za-z0-9._-]/.test(c)) ?? '';
      throw new CollectorRefusal(
        400,
        `${which} (${quote(s)}) contains ${describeChar(bad)}; only letters, digits, '.', '_' and '-' are allowed`,
      );
    }
  }
  return segments;
}

/**
 * The session id from the X-Gradwatch-Session header and/or the `session` query parameter (they
 * must agree when both are given), or undefined for none. Throws a CollectorRefusal (400) naming
 * which one is malformed.
 */
export function parseSession(header: string | undefined, query: string | null): string | undefined {
  if (header !== undefined && !SESSION.test(header)) {
    throw new CollectorRefusal(
      400,
      `header X-Gradwatch-Session ${quote(header)} is not a session id (1-64 of A-Z a-z 0-9 _ -)`,
    );
  }
  if (query !== null && !SESSION.test(query)) {
    throw new CollectorRefusal(
      400,
      `query parameter session=${quote(query)} is not a session id (1-64 of A-Z a-z 0-9 _ -)`,
    );
  }
  if (header !== undefined && query !== null && header !== query) {
    throw new CollectorRefusal(
      400,
      `header X-Gradwatch-Session ${quote(header)} and query parameter session=${quote(query)} disagree`,
    );
  }
  return header ?? query ?? undefined;
}

/** The events of a checked request body. */
export interface EventBatch {
  /** Serialized events to write, in body order (views into the body), file_version events left out. */
  payloads: Uint8Array[];
  /** Records in the body. */
  records: number;
  /** Each payload's record index in the body (file_version records are counted, not written). */
  recordIndex: number[];
  /** Records left out because their event carries file_version (the collector writes its own). */
  droppedFileVersion: number;
  /** Bytes of the payloads to write. */
  payloadBytes: number;
}

/**
 * Checks a whole request body: zero or more complete TFRecord records (u64le length, u32le masked
 * CRC32C of the length, data, u32le masked CRC32C of the data), each holding a serialized
 * tensorboard Event. Throws a CollectorRefusal (400) naming the first bad record's index and byte
 * offset and what is wrong with it (cut off, a checksum mismatch, a length over `maxEventBytes`, not
 * an Event); its `details` carry `record` and `offset` too.
 */
export function validateEventBatch(body: Uint8Array, maxEventBytes = MAX_EVENT_BYTES): EventBatch {
  const payloads: Uint8Array[] = [];
  const recordIndex: number[] = [];
  let droppedFileVersion = 0;
  let payloadBytes = 0;
  let index = 0;
  for (let off = 0; off < body.length; index++) {
    const bad = (what: string) =>
      new CollectorRefusal(400, `record ${index} at byte ${off} of the body: ${what}; nothing was written`, {
        record: index,
        offset: off,
      });
    const r = parseRecord(body, off, body.length, maxEventBytes);
    if (r.kind === 'incomplete') {
      const left = body.length - off;
      throw bad(
        r.needed === HEADER_BYTES
          ? `the body ends inside its ${HEADER_BYTES}-byte header (${left} byte(s) left); records must be complete`
          : `it is cut off: its length field says ${r.needed - RECORD_OVERHEAD} bytes of data, so the record needs ${r.needed} bytes, but the body has ${left} left`,
      );
    }
    if (r.kind === 'corrupt') {
      const hint =
        r.reason === 'length checksum mismatch'
          ? ' (not a TFRecord record, or the bytes before it are not whole records)'
          : '';
      throw bad(`${r.reason}${hint}`);
    }
    const payload = body.subarray(r.payloadStart, r.payloadEnd);
    let event: EventMessage;
    try {
      event = Event.decode(payload);
    } catch (err) {
      throw bad(
        `its ${payload.length}-byte payload is not a serialized tensorboard Event: ${(err as Error).message}`,
      );
    }
    if (event.what === 'fileVersion') droppedFileVersion++;
    else {
      payloads.push(payload);
      recordIndex.push(index);
      payloadBytes += payload.length;
    }
    off = r.next;
  }
  return { payloads, records: index, recordIndex, droppedFileVersion, payloadBytes };
}

/** A string as an error message quotes it: JSON-quoted (control characters escaped), shortened. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 120 ? `${s.slice(0, 120)}…` : s);
}

function describeChar(c: string): string {
  if (c === '\\') return 'a backslash';
  if (c === ' ') return 'a space';
  if (c === '\0') return 'a NUL character';
  const cp = c.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return cp < 0x20 || cp === 0x7f ? `the control character ${code}` : `${JSON.stringify(c)} (${code})`;
}

/**
 * The `seq` query parameter: where a request's records start in its session's stream (a sender's
 * count of records before them), or undefined when absent.
 */
export function parseSeq(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d{1,15}$/.test(raw)) {
    throw new CollectorRefusal(400, `query seq is ${quote(raw)}; it must be a count of records (0 or more)`);
  }
  return Number(raw);
}
