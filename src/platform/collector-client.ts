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
}

/** What a page's keepalive requests in flight may carry together (Fetch spec). */
const KEEPALIVE_BYTES = 64 * 1024;
/** Bytes of this page's keepalive requests not yet answered. */
let keepaliveInFlight = 0;
const SEGMENT = /^[A-Za-z0-9._-]{1,100}$/;

/** The run path a collector accepts: 1-8 segments of letters, digits, '.', '_' and '-'. */
export function collectorRunPath(logdir: string): string {
  if (typeof logdir !== 'string') {
    throw new TypeError(
      `a run sent to a collector must be 1 to 8 '/'-separated names of letters, digits, '.', '_' and '-', got ${describeValue(logdir)}`,
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

class CollectorSink implements RecordSink {
  readonly path: string;
  /** Lowered when the collector answers 413 (its --max-body is smaller): the retry sends less. */
  maxAppendBytes: number;
  readonly #url: string;
  readonly #token: string | undefined;

  constructor(base: string, run: string, options: CollectorDestinationOptions) {
    const session = sessionId();
    const route = `${base}/v1/runs/${run.split('/').map(encodeURIComponent).join('/')}/events`;
    this.#url = `${route}?session=${session}`;
    this.#token = options.token;
    this.path = `${base} run ${run} (session ${session})`;
    this.maxAppendBytes = options.maxRequestBytes ?? 8 * 2 ** 20;
  }

  async append(bytes: Uint8Array): Promise<void> {
    let res: Response;
    try {
      res = await fetch(this.#url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/octet-stream',
          ...(this.#token ? { Authorization: `Bearer ${this.#token}` } : {}),
        },
        body: bytes as NonNullable<RequestInit['body']>,
      });
    } catch (err) {
      // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, ...) is its cause.
      const why = ((err as Error).cause as Error | undefined)?.message;
      throw new Error(`${(err as Error).message}${why ? ` (${why})` : ''}`, { cause: err });
    }
    if (res.ok) return;
    if (res.status === 413 && bytes.length > 1) {
      this.maxAppendBytes = Math.min(this.maxAppendBytes, Math.floor(bytes.length / 2));
    }
    let why = '';
    try {
      why = ((await res.json()) as { error?: string }).error ?? '';
    } catch {
      // Not the collector's JSON (a proxy, another server on the port).
    }
    throw new EventWriterError(
      `the collector refused events for ${this.path}: HTTP ${res.status}${why ? `: ${why}` : ''}`,
      this.path,
      undefined,
      `HTTP_${res.status}`,
    );
  }

  /** What the page's keepalive quota has left (shared by every writer of the page). */
  get maxExitBytes(): number {
    return KEEPALIVE_BYTES - keepaliveInFlight;
  }

  appendOnExit(bytes: Uint8Array): boolean {
    if (bytes.length > this.maxExitBytes) return false;
    // A simple request (text/plain, the token in the query): no preflight, which a page being
    // closed has no time for.
    const url = this.#token ? `${this.#url}&token=${encodeURIComponent(this.#token)}` : this.#url;
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
  checkOptionNames(options, 'collector()', ['token', 'maxRequestBytes']);
  let base: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`protocol ${u.protocol}`);
    base = `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch (err) {
    throw new TypeError(
      `collector: url must be an http(s) URL, got ${JSON.stringify(url)} (${(err as Error).message})`,
    );
  }
  if (options.token !== undefined && (typeof options.token !== 'string' || options.token === '')) {
    throw new TypeError('collector: token must be a non-empty string');
  }
  intOption('maxRequestBytes', options.maxRequestBytes, 0);
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
