/**
 * Sending a run to a collector (`gradwatch serve`): each writer POSTs its framed records to
 * `/v1/runs/<run>/events` under its own session (so each page's writer becomes its own event file),
 * and treats the collector's 200 as "kept". Uses only `fetch`, so it works in a page, a worker and
 * Node alike. When the page goes away, the records not yet sent go in one keepalive request (the
 * Fetch spec caps those at 64 KiB; what does not fit is lost, at most `flushMillis` of logging).
 */
import { type RecordSink, StreamEventWriter } from '../events/stream-writer.js';
import { checkOptionNames, describeValue, EventWriterError, intOption } from '../events/writer-api.js';
import { type Destination, joinSegments, unclaimedRun } from './destination.js';

export interface CollectorDestinationOptions {
  /** The token `gradwatch serve` printed; not needed by a page the collector serves itself. */
  token?: string;
  /** The most one request carries (the collector's --max-body, default 8 MiB). */
  maxRequestBytes?: number;
  /**
   * How long one request may take, its body sent and the collector's answer read, before it counts
   * as failed (its records are kept and sent again), so a collector that hangs cannot hold up a flush
   * or close() (nor the end of model.fit) forever. Default 30000; over a slow link to a remote
   * collector, raise it or lower maxRequestBytes. (A request that timed out after the collector
   * wrote it is sent again: its records are then in the run twice.)
   */
  timeoutMillis?: number;
}

/** What a page's keepalive requests in flight may carry together (Fetch spec). */
const KEEPALIVE_BYTES = 64 * 1024;
/** Bytes of this page's keepalive requests not yet answered. */
let keepaliveInFlight = 0;
const SEGMENT = /^[A-Za-z0-9._-]{1,100}$/;
/** A token as `gradwatch serve` makes and takes them (it goes in a header and a URL). */
const TOKEN = /^[A-Za-z0-9._~-]{16,}$/;
const DEFAULT_TIMEOUT_MS = 30_000;

/** The run path a collector accepts: 1-8 segments of letters, digits, '.', '_' and '-'. */
export function collectorRunPath(logdir: string): string {
  if (typeof logdir !== 'string') {
    throw new TypeError(
      `a run sent to a collector must be 1 to 8 '/'-separated names of letters, digits, '.', '_' and '-', got ${describeValue(logdir)}`,
    );
  }
  if (logdir.startsWith('/')) {
    // The collector refuses absolute runs: a path given for files would silently become another one.
    throw new TypeError(
      `a run sent to a collector is a path under the collector's own logdir (e.g. "exp1" or "page/exp1"), not an absolute path, got ${JSON.stringify(logdir)}`,
    );
  }
  const path = joinSegments(logdir);
  const segs = path.split('/');
  const bad = segs.find((s) => !SEGMENT.test(s) || s === '..');
  if (path === '.' || segs.length > 8 || bad !== undefined) {
    throw new TypeError(
      `a run sent to a collector must be 1 to 8 '/'-separated names of letters, digits, '.', '_' and '-' (not '..'), got ${JSON.stringify(logdir)}${bad !== undefined ? `: ${JSON.stringify(bad)}` : ''}`,
    );
  }
  return path;
}

function sessionId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return (
    c?.randomUUID?.().replace(/-/g, '') ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`
  );
}

/** The start of an answer that is not the collector's, for messages: its type and first characters. */
function describeAnswer(res: Response, text: string): string {
  const type = res.headers.get('content-type')?.split(';')[0]?.trim() || 'no content type';
  const head = text.replace(/\s+/g, ' ').trim();
  return `${type}, ${head ? JSON.stringify(head.length > 60 ? `${head.slice(0, 60)}…` : head) : 'empty'}`;
}

class CollectorSink implements RecordSink {
  readonly path: string;
  /** Lowered when the collector answers 413 (its --max-body is smaller): the retry sends less. */
  maxAppendBytes: number;
  readonly #url: string;
  readonly #token: string | undefined;
  readonly #timeoutMillis: number;

  constructor(base: string, run: string, options: CollectorDestinationOptions) {
    const session = sessionId();
    const route = `${base}/v1/runs/${run.split('/').map(encodeURIComponent).join('/')}/events`;
    this.#url = `${route}?session=${session}`;
    this.#token = options.token;
    this.path = `${base} run ${run} (session ${session})`;
    this.maxAppendBytes = options.maxRequestBytes ?? 8 * 2 ** 20;
    this.#timeoutMillis = options.timeoutMillis ?? DEFAULT_TIMEOUT_MS;
  }

  async append(bytes: Uint8Array, records?: number, first?: number): Promise<void> {
    // A collector that never answers (stopped, or another server that holds the connection) must
    // not hold the writer, its close() and the end of a fit forever.
    const abort = typeof AbortController === 'function' ? new AbortController() : undefined;
    const timer = setTimeout(() => abort?.abort(), this.#timeoutMillis);
    (timer as { unref?: () => void }).unref?.();
    let res: Response;
    let text: string;
    try {
      try {
        // seq: where these records start in the session's stream, so the collector writes requests
        // that arrive out of order (a keepalive overtaking a request at a page's close) in order.
        res = await fetch(first === undefined ? this.#url : `${this.#url}&seq=${first}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/octet-stream',
            ...(this.#token ? { Authorization: `Bearer ${this.#token}` } : {}),
          },
          body: bytes as NonNullable<RequestInit['body']>,
          ...(abort ? { signal: abort.signal } : {}),
        });
        text = await res.text();
      } catch (err) {
        if (abort?.signal.aborted) {
          throw new Error(
            `no answer within ${this.#timeoutMillis} ms (timeoutMillis); the records are sent again at the next flush`,
            { cause: err },
          );
        }
        // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, ...) is its cause.
        const why = ((err as Error).cause as Error | undefined)?.message;
        throw new Error(`${(err as Error).message}${why ? ` (${why})` : ''}`, { cause: err });
      }
    } finally {
      clearTimeout(timer);
    }
    let answer: { accepted?: unknown; error?: unknown } | undefined;
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      // Not the collector's JSON (a proxy, another server on the port): said below.
    }
    if (res.ok && typeof answer?.accepted === 'number') return;
    const collectors =
      answer !== null &&
      typeof answer === 'object' &&
      ('accepted' in answer || typeof answer.error === 'string');
    const notOurs = collectors
      ? ''
      : ` (not a gradwatch collector's answer: ${describeAnswer(res, text)}; is another server at ${this.path.split(' run ')[0]}?)`;
    if (res.ok) {
      // A 200 from something else took the records nowhere: keep them for a collector.
      throw new EventWriterError(
        `the events for ${this.path} were not kept: HTTP ${res.status}${notOurs}`,
        this.path,
        undefined,
        'ERR_NOT_A_COLLECTOR',
      );
    }
    const why = collectors && typeof answer?.error === 'string' ? answer.error : '';
    if (res.status === 413 && records === 1) {
      // One record the collector (or a proxy before it) will never take: the writer drops it rather
      // than retry it forever, holding up every record after it.
      throw new EventWriterError(
        `a ${bytes.length}-byte record for ${this.path} is larger than the collector takes in one request (HTTP 413${why ? `: ${why}` : ''}); raise gradwatch serve --max-body, or write smaller events`,
        this.path,
        undefined,
        'ERR_RECORD_TOO_LARGE',
      );
    }
    if (res.status === 413 && bytes.length > 1) {
      this.maxAppendBytes = Math.min(this.maxAppendBytes, Math.floor(bytes.length / 2));
    }
    throw new EventWriterError(
      `the collector refused events for ${this.path}: HTTP ${res.status}${why ? `: ${why}` : ''}${notOurs}`,
      this.path,
      undefined,
      `HTTP_${res.status}`,
    );
  }

  /** What the page's keepalive quota has left (shared by every writer of the page). */
  get maxExitBytes(): number {
    return KEEPALIVE_BYTES - keepaliveInFlight;
  }

  appendOnExit(bytes: Uint8Array, first?: number): boolean {
    if (bytes.length > this.maxExitBytes) return false;
    // A simple request (text/plain, the token in the query): no preflight, which a page being
    // closed has no time for.
    const withSeq = first === undefined ? this.#url : `${this.#url}&seq=${first}`;
    const url = this.#token ? `${withSeq}&token=${encodeURIComponent(this.#token)}` : withSeq;
    try {
      const sent = fetch(url, {
        method: 'POST',
        keepalive: true,
        headers: { 'Content-Type': 'text/plain' },
        body: bytes as NonNullable<RequestInit['body']>,
      });
      keepaliveInFlight += bytes.length;
      void sent
        .catch(() => {})
        .finally(() => {
          keepaliveInFlight -= bytes.length;
        });
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * A collector as the destination of a callback, watchOptimizer or SummaryWriter: the run (the
 * logdir argument, e.g. 'page/train') is created under the collector's own logdir.
 *
 * @example
 * // gradwatch serve --logdir runs   (prints the URL and a token)
 * const to = collector('http://127.0.0.1:6008', { token: '3f9a…' });
 * await model.fit(xs, ys, { callbacks: [tensorBoard('page-run', { destination: to })] });
 */
export function collector(url: string, options: CollectorDestinationOptions = {}): Destination {
  checkOptionNames(options, 'collector()', ['token', 'maxRequestBytes', 'timeoutMillis']);
  let base: string;
  let u: URL;
  try {
    u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`protocol ${u.protocol}`);
    base = `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch (err) {
    throw new TypeError(
      `collector: url must be an http(s) URL, got ${JSON.stringify(url)} (${(err as Error).message})`,
    );
  }
  // Left out of every request, so a token or credentials put there would silently be lost.
  if (u.search || u.hash || u.username || u.password) {
    throw new TypeError(
      `collector: url must be the collector's address alone (e.g. "http://127.0.0.1:6008"), without ${u.username || u.password ? 'credentials' : u.search ? 'a query' : 'a fragment'}; pass the token as collector(url, { token })`,
    );
  }
  if (options.token !== undefined && (typeof options.token !== 'string' || options.token === '')) {
    throw new TypeError('collector: token must be a non-empty string');
  }
  if (options.token !== undefined && !TOKEN.test(options.token)) {
    // The token itself is a credential: described, not shown.
    const bad = [...options.token].find((ch) => !/[A-Za-z0-9._~-]/.test(ch));
    throw new TypeError(
      `collector: token must be the one gradwatch serve printed: 16 or more of A-Z a-z 0-9 . _ ~ -, got ${options.token.length} character(s)${bad === undefined ? '' : ` with U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} among them (a space or line break copied with it?)`}`,
    );
  }
  intOption('maxRequestBytes', options.maxRequestBytes, 0);
  intOption('timeoutMillis', options.timeoutMillis, 0, 1, 2 ** 31 - 1);
  return {
    kind: 'collector',
    openWriter: (logdir, writerOptions) =>
      new StreamEventWriter(
        logdir,
        new CollectorSink(base, collectorRunPath(logdir), options),
        writerOptions,
      ),
    claimRun: unclaimedRun,
    join: joinSegments,
    checkLogdir(logdir) {
      collectorRunPath(logdir);
    },
    lastStep: async () => 0,
  };
}
