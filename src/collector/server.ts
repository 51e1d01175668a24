/**
 * The collector: a Node HTTP server that receives framed TensorBoard event records from web pages
 * (training with TensorFlow.js in the browser) and appends them to event files in a logdir, so that
 * `tensorboard --logdir <logdir>` shows the page's run while it trains. Protocol v1:
 *
 *   POST /v1/runs/<run>/events   body: whole TFRecord records, each a serialized Event; checked
 *                                whole, then written and flushed (all or nothing); 200
 *                                {"accepted": n, "file": "<path relative to the logdir>"} once on disk
 *   GET  /v1/health              {"ok": true, "version": "...", "protocol": 1}
 *   OPTIONS (CORS preflight)     for the two above
 *   GET/HEAD /...                files of staticDir, when given
 *
 * Each (run, session) pair has its own EventFileWriter (its own file in the run directory, as two
 * processes writing one run would); requests without a session share one writer per run.
 *
 * It runs on a developer's machine, so: it binds 127.0.0.1 by default; a POST needs the token (header
 * `Authorization: Bearer <token>` or query `?token=`) unless its Origin is allowed or the collector's
 * own; the Host header must name the collector (a DNS-rebinding defence); bodies, writers and the time
 * a body may take are bounded. Every refusal is a JSON `{"error": "..."}` naming what is wrong, and
 * one line in the log.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { checkOptionNames, intOption, notADirectory, typeAndValue } from '../events/writer.js';
import { RECORD_OVERHEAD } from '../tfrecord/index.js';
import {
  COLLECTOR_PROTOCOL,
  CollectorRefusal,
  MAX_EVENT_BYTES,
  parseRunPath,
  parseSeq,
  parseSession,
  quote,
  validateEventBatch,
} from './protocol.js';
import { serveStatic } from './static.js';
import { PACKAGE_VERSION } from './version.js';
import { runDirectory, seconds, WriterPool } from './writers.js';

export interface CollectorOptions {
  /** Directory the runs are written under (created if missing). */
  logdir: string;
  /** Address to bind. Default '127.0.0.1' (this machine only). */
  host?: string;
  /** Port to listen on; 0 picks a free one. Default 6008. */
  port?: number;
  /** The token a POST must carry. Default: 128 random bits as 32 hex digits. At least 16 characters. */
  token?: string;
  /** Origins (e.g. 'http://localhost:5173') whose POSTs need no token. */
  allowOrigins?: string[];
  /** Largest request body. Default 8 MiB; a larger one is refused with 413, its bytes not kept. */
  maxBodyBytes?: number;
  /** Most event file writers open at once (one per run and session). Default 256; past it, 503. */
  maxWriters?: number;
  /** A directory whose files are served at `/` (GET and HEAD), so a page shares the collector's origin. */
  staticDir?: string;
  /** Milliseconds a request body may take to arrive. Default 30000; past it, 408 and nothing written. */
  requestTimeoutMillis?: number;
  /** Milliseconds after which a writer no request used is flushed and closed. Default 60000. */
  idleMillis?: number;
  /** Where refusals and notes go, one line each. Default: standard error. */
  log?: (line: string) => void;
}

/** A running collector. */
export interface Collector {
  /** Its base URL, e.g. 'http://127.0.0.1:6008'. */
  readonly url: string;
  /** The port it listens on (the one picked, with port 0). */
  readonly port: number;
  /** The token a POST must carry (unless its Origin is allowed). */
  readonly token: string;
  /**
   * Stops accepting, refuses requests whose body is still arriving (503, nothing written), lets
   * requests being written finish, then flushes and closes every writer. Idempotent. Rejects with a
   * CollectorError (code 'ERR_CLOSE') if a writer's final flush failed; the others are closed anyway.
   */
  close(): Promise<void>;
}

/**
 * A failure of the collector itself, as opposed to a refused request (CollectorRefusal): an option
 * that cannot work ('ERR_INVALID_OPTION'), a logdir or static directory that cannot be used
 * ('ENOTDIR', 'ENOENT', ...), a port it cannot listen on ('EADDRINUSE', 'EACCES', ...), or writers
 * whose final flush failed at close ('ERR_CLOSE').
 */
export class CollectorError extends Error {
  override readonly name = 'CollectorError';
  readonly code: string | undefined;
  constructor(message: string, code?: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code ?? (cause as NodeJS.ErrnoException | undefined)?.code;
  }
}

/** The names CollectorOptions may have. */
const COLLECTOR_OPTIONS: readonly string[] = [
  'logdir',
  'host',
  'port',
  'token',
  'allowOrigins',
  'maxBodyBytes',
  'maxWriters',
  'staticDir',
  'requestTimeoutMillis',
  'idleMillis',
  'log',
];

/** The default port (TensorBoard's is 6006). */
export const DEFAULT_COLLECTOR_PORT = 6008;
const MIN_TOKEN_CHARS = 16;
const TOKEN_CHARS = /^[A-Za-z0-9._~-]+$/;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Time requests being written get to finish at close before their connections are cut. */
const CLOSE_GRACE_MS = 10_000;
/** Bytes of a refused body read and dropped (so the client reads the answer) before the connection is cut. */
const DISCARD_BYTES = 64 * 1024 * 1024;
const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, X-Gradwatch-Session';
const EVENTS_PATH = /^\/v1\/runs\/(.*)\/events$/;
const NO_ENDPOINT = 'the collector has POST /v1/runs/<run>/events and GET /v1/health';

/** Options checked, with defaults filled in. */
interface Settings {
  logdir: string;
  logdirReal: string;
  host: string;
  port: number;
  token: string;
  allowOrigins: Set<string>;
  maxBodyBytes: number;
  maxWriters: number;
  staticRoot: string | null;
  requestTimeoutMillis: number;
  idleMillis: number;
  log: (line: string) => void;
}

/** A request being handled, so that close() can end the ones still receiving their body. */
interface Active {
  /** Receiving the body: close() refuses it (nothing is written yet). */
  reading: boolean;
  abort: (refusal: CollectorRefusal) => void;
  done: Promise<void>;
}

/** The request's connection went away before its body was complete. */
class ClientGone extends Error {
  override readonly name = 'ClientGone';
}

/**
 * Starts a collector and resolves once it listens. Rejects with a CollectorError if the logdir or the
 * static directory cannot be used or the port cannot be listened on, and with a TypeError or
 * RangeError for an option of the wrong type or range.
 *
 * @example
 * ```ts
 * import { startCollector } from 'gradwatch';
 *
 * const collector = await startCollector({ logdir: 'runs', port: 0 });
 * console.log(`POST events to ${collector.url}/v1/runs/<run>/events, token ${collector.token}`);
 * // The page: fetch(`${url}/v1/runs/browser/events`, { method: 'POST',
 * //   headers: { Authorization: `Bearer ${token}` }, body: framedRecords }) -> 200 {"accepted": n, ...}
 * // and `tensorboard --logdir runs` shows the run "browser" while the page trains.
 * await collector.close(); // flushes and closes every event file
 * ```
 */
export async function startCollector(options: CollectorOptions): Promise<Collector> {
  const settings = await settle(options);
  const server = new CollectorServer(settings);
  await server.listen();
  return server.handle;
}

/** Checks the options, fills in defaults, creates the logdir and resolves the directories. */
async function settle(options: CollectorOptions): Promise<Settings> {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`startCollector options must be an object, got ${typeAndValue(options)}`);
  }
  checkOptionNames(options, 'startCollector', COLLECTOR_OPTIONS);
  const { logdir } = options;
  if (typeof logdir !== 'string' || logdir.length === 0) {
    throw new TypeError(`logdir must be a non-empty string, got ${typeAndValue(logdir)}`);
  }
  if (logdir.includes('\0')) throw new TypeError('logdir must not contain a NUL character');
  const host = options.host ?? '127.0.0.1';
  if (typeof host !== 'string' || host.length === 0) {
    throw new TypeError(`host must be a non-empty string, got ${typeAndValue(host)}`);
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (typeof log !== 'function') throw new TypeError(`log must be a function, got ${typeAndValue(log)}`);
  const token = options.token ?? randomBytes(16).toString('hex');
  if (typeof token !== 'string') throw new TypeError(`token must be a string, got ${typeAndValue(token)}`);
  if (token.length < MIN_TOKEN_CHARS || !TOKEN_CHARS.test(token)) {
    throw new CollectorError(
      `token must be at least ${MIN_TOKEN_CHARS} characters of A-Z a-z 0-9 . _ ~ - (it goes in a header and a URL), got ${token.length} character(s)${token === '' || TOKEN_CHARS.test(token) ? '' : ' with others among them'}`,
      'ERR_INVALID_OPTION',
    );
  }
  const allowOrigins = new Set<string>();
  if (options.allowOrigins !== undefined) {
    if (!Array.isArray(options.allowOrigins)) {
      throw new TypeError(
        `allowOrigins must be an array of strings, got ${typeAndValue(options.allowOrigins)}`,
      );
    }
    for (const o of options.allowOrigins) allowOrigins.add(normalizeOrigin(o));
  }
  const settings = {
    host,
    token,
    allowOrigins,
    log,
    port: intOption('port', options.port, DEFAULT_COLLECTOR_PORT, 0, 65535),
    maxBodyBytes: intOption('maxBodyBytes', options.maxBodyBytes, 8 * 1024 * 1024),
    maxWriters: intOption('maxWriters', options.maxWriters, 256),
    requestTimeoutMillis: intOption(
      'requestTimeoutMillis',
      options.requestTimeoutMillis,
      30_000,
      1,
      MAX_TIMER_MS,
    ),
    idleMillis: intOption('idleMillis', options.idleMillis, 60_000, 1, MAX_TIMER_MS),
  };

  // The logdir is created now, so that a file in its way is reported at start, not at the first POST.
  const logdirAbs = resolve(logdir);
  const notDir = notADirectory(logdirAbs);
  if (notDir) throw new CollectorError(notDir.message, 'ENOTDIR');
  try {
    await mkdir(logdirAbs, { recursive: true });
  } catch (err) {
    throw new CollectorError(`cannot create logdir ${logdir}: ${(err as Error).message}`, undefined, err);
  }
  const logdirReal = await realpath(logdirAbs);

  let staticRoot: string | null = null;
  if (options.staticDir !== undefined) {
    const dir = options.staticDir;
    if (typeof dir !== 'string' || dir.length === 0) {
      throw new TypeError(`staticDir must be a non-empty string, got ${typeAndValue(dir)}`);
    }
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      staticRoot = await realpath(dir);
      st = await stat(staticRoot);
    } catch (err) {
      throw new CollectorError(
        `cannot serve static directory ${dir}: ${(err as Error).message}`,
        undefined,
        err,
      );
    }
    if (!st.isDirectory()) throw new CollectorError(`static directory ${dir} is not a directory`, 'ENOTDIR');
  }
  return { ...settings, logdir: logdirAbs, logdirReal, staticRoot };
}

class CollectorServer {
  readonly #s: Settings;
  readonly #server: Server;
  readonly #writers: WriterPool;
  readonly #active = new Set<Active>();
  /** Bound to every interface (0.0.0.0, ::). */
  readonly #wildcard: boolean;
  /** The bound host as a Host header names it (IPv6 in brackets), lower case. */
  readonly #boundName: string;
  /**
   * Unwritten bytes a writer may hold: above one request's worth, so that a request is refused whole
   * (checked before writing) or written whole, never cut by the writer dropping records.
   */
  readonly #maxPending: number;
  #port: number;
  #closing = false;
  #closePromise: Promise<void> | null = null;

  constructor(settings: Settings) {
    this.#s = settings;
    this.#port = settings.port;
    this.#wildcard = ['0.0.0.0', '::', '[::]'].includes(settings.host);
    this.#boundName = hostForUrl(settings.host).toLowerCase();
    this.#maxPending = Math.max(64 * 1024 * 1024, 2 * settings.maxBodyBytes);
    this.#writers = new WriterPool({
      logdir: settings.logdir,
      maxWriters: settings.maxWriters,
      idleMillis: settings.idleMillis,
      maxPendingBytes: this.#maxPending,
      note: (line) => this.#note(line),
    });
    this.#server = createServer((req, res) => void this.#handle(req, res, false));
    this.#server.on('checkContinue', (req, res) => void this.#handle(req, res, true));
    this.#server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') this.#note(`malformed request: ${err.message}`);
      if (socket.writable) {
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      } else socket.destroy();
    });
    // A backstop behind the body timer (Node checks these only every few seconds).
    this.#server.requestTimeout = settings.requestTimeoutMillis + 5000;
    this.#server.headersTimeout = Math.min(60_000, this.#server.requestTimeout);
  }

  /** What startCollector hands out. */
  get handle(): Collector {
    const host = this.#wildcard ? '127.0.0.1' : hostForUrl(this.#s.host);
    return {
      url: `http://${host}:${this.#port}`,
      port: this.#port,
      token: this.#s.token,
      close: () => this.close(),
    };
  }

  async listen(): Promise<void> {
    const { host, port } = this.#s;
    try {
      await new Promise<void>((ok, fail) => {
        this.#server.once('error', fail);
        this.#server.listen(port, host, () => {
          this.#server.removeListener('error', fail);
          ok();
        });
      });
    } catch (e) {
      await this.#writers.closeAll();
      const err = e as NodeJS.ErrnoException;
      const why =
        err.code === 'EADDRINUSE'
          ? `port ${port} is in use on ${host}; choose another (port / --port; 0 picks a free one)`
          : err.code === 'EACCES'
            ? `no permission to listen on port ${port} of ${host}`
            : err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND'
              ? `${host} is not an address of this machine`
              : err.message;
      throw new CollectorError(`cannot listen on ${host}:${port}: ${why}`, undefined, err);
    }
    this.#server.on('error', (err) => this.#note(`server error: ${err.message}`));
    this.#port = (this.#server.address() as { port: number }).port;
  }

  close(): Promise<void> {
    this.#closePromise ??= (async () => {
      this.#closing = true;
      const stopped = new Promise<void>((r) => this.#server.close(() => r()));
      this.#server.closeIdleConnections();
      for (const a of this.#active) {
        if (a.reading)
          a.abort(new CollectorRefusal(503, 'the collector is shutting down; nothing was written'));
      }
      // Requests being written (a flush) finish, within a bound.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...this.#active].map((a) => a.done)),
        new Promise<void>((r) => {
          grace = setTimeout(r, CLOSE_GRACE_MS);
        }),
      ]);
      clearTimeout(grace);
      this.#server.closeAllConnections();
      await stopped;
      const failures = await this.#writers.closeAll();
      if (failures.length > 0) {
        throw new CollectorError(`closing writers failed: ${failures.join('; ')}`, 'ERR_CLOSE');
      }
    })();
    return this.#closePromise;
  }

  #note(line: string): void {
    try {
      this.#s.log(`gradwatch collector: ${escapeControls(line)}`);
    } catch {
      // a failing log must not take a request, or the server, down
    }
  }

  // ---- who may do what ----

  /** Whether a Host header's or an Origin's host name (IPv6 in brackets) names this collector. */
  #hostNameOk(name: string): boolean {
    const h = name.toLowerCase();
    if (h === 'localhost' || h === '127.0.0.1' || h === '[::1]' || h === this.#boundName) return true;
    // Bound to every interface: reachable through any of the machine's addresses, never by a name.
    return this.#wildcard && isIP(h.replace(/^\[(.*)\]$/, '$1')) !== 0;
  }

  #hostOk(value: string | undefined): boolean {
    if (!value) return false;
    const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value);
    return m !== null && Number(m[2] ?? 80) === this.#port && this.#hostNameOk(m[1]!);
  }

  /** Whether `origin` is a page of this collector itself (served with staticDir). */
  #ownOrigin(origin: string): boolean {
    let u: URL;
    try {
      u = new URL(origin);
    } catch {
      return false;
    }
    return u.protocol === 'http:' && Number(u.port || 80) === this.#port && this.#hostNameOk(u.hostname);
  }

  #originAllowed(origin: string): boolean {
    return this.#s.allowOrigins.has(origin) || this.#ownOrigin(origin);
  }

  /** Refuses a POST that has neither the token nor an allowed Origin. */
  #authorize(req: IncomingMessage, query: URLSearchParams): void {
    const origin = req.headers.origin;
    const auth = req.headers.authorization;
    let presented: { value: string; where: string } | null = null;
    if (auth !== undefined) {
      const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(auth);
      if (!m) {
        throw new CollectorRefusal(
          401,
          "header Authorization is not 'Bearer <token>' (the token is printed when the collector starts)",
        );
      }
      presented = { value: m[1]!, where: 'header Authorization' };
    } else {
      const q = query.get('token');
      if (q !== null) presented = { value: q, where: 'query parameter token' };
    }
    if (presented) {
      const a = Buffer.from(presented.value);
      const b = Buffer.from(this.#s.token);
      if (a.length !== b.length || !timingSafeEqual(a, b)) {
        throw new CollectorRefusal(
          401,
          `the token in ${presented.where} is not this collector's token (it is printed when the collector starts)`,
        );
      }
      return;
    }
    if (origin === undefined) {
      throw new CollectorRefusal(
        401,
        "no token: send header 'Authorization: Bearer <token>' or query parameter token=<token> (the token is printed when the collector starts)",
      );
    }
    if (!this.#originAllowed(origin)) {
      throw new CollectorRefusal(
        403,
        `Origin ${quote(origin)} is not allowed (it is neither the collector's own nor one given with --allow-origin / allowOrigins) and the request carries no token`,
      );
    }
  }

  // ---- requests ----

  async #handle(req: IncomingMessage, res: ServerResponse, expectContinue: boolean): Promise<void> {
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    // Never URL-normalized: '/v1/runs/../x/events' must reach the run name check as it was sent.
    const path = q < 0 ? target : target.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
    const origin = req.headers.origin;
    const remote = req.socket.remoteAddress ?? '?'; // gone from the socket once it is closed
    const api = path === '/v1' || path.startsWith('/v1/');
    const events = EVENTS_PATH.exec(path);
    let cors: Record<string, string> = {};
    try {
      if (!this.#hostOk(req.headers.host)) {
        const names = [this.#boundName, 'localhost', '127.0.0.1', '[::1]'];
        throw new CollectorRefusal(
          403,
          `header Host ${req.headers.host === undefined ? 'is missing' : `is ${quote(req.headers.host)}`}; this collector answers only to ${[...new Set(names)].join(', ')} on port ${this.#port} (a defence against DNS rebinding)`,
        );
      }
      if (api) {
        // Readable across origins by the allowed ones, and by a request that carries a token (the
        // token is the credential); preflights cannot carry it, so they are answered for any origin.
        cors = { Vary: 'Origin' };
        const credentialed =
          req.headers.authorization !== undefined ||
          query.has('token') ||
          (origin !== undefined && this.#originAllowed(origin));
        if (origin !== undefined && (credentialed || req.method === 'OPTIONS')) {
          cors['Access-Control-Allow-Origin'] = origin;
        }
      }
      if (this.#closing) throw new CollectorRefusal(503, 'the collector is shutting down');
      if (path === '/v1/health') {
        if (req.method === 'OPTIONS') return this.#preflight(req, res, cors, 'GET, HEAD');
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          throw new CollectorRefusal(405, `method ${req.method} is not allowed on /v1/health; use GET`);
        }
        const body = { ok: true, version: PACKAGE_VERSION, protocol: COLLECTOR_PROTOCOL };
        return send(res, 200, body, cors, req.method === 'HEAD');
      }
      if (events) {
        if (req.method === 'OPTIONS') return this.#preflight(req, res, cors, 'POST');
        if (req.method !== 'POST') {
          throw new CollectorRefusal(
            405,
            `method ${req.method} is not allowed on /v1/runs/<run>/events; use POST`,
          );
        }
        return await this.#events(req, res, events[1]!, query, cors, expectContinue);
      }
      if (api || !this.#s.staticRoot)
        throw new CollectorRefusal(404, `no endpoint ${quote(path)}; ${NO_ENDPOINT}`);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new CollectorRefusal(405, `method ${req.method} is not allowed on static files; use GET`);
      }
      await serveStatic(req, res, this.#s.staticRoot, path);
    } catch (err) {
      if (err instanceof ClientGone) {
        this.#note(`${req.method} ${path} from ${remote}: ${err.message}; nothing was written`);
        return;
      }
      const refusal =
        err instanceof CollectorRefusal
          ? err
          : new CollectorRefusal(500, `internal error: ${this.#writers.clientText(err)}`);
      const headers: Record<string, string | number> = { ...cors };
      if (refusal.status === 405) headers.Allow = events ? 'POST, OPTIONS' : 'GET, HEAD';
      if (refusal.status === 401) headers['WWW-Authenticate'] = 'Bearer';
      if (refusal.status === 408) headers.Connection = 'close';
      this.#note(
        `refused ${req.method} ${path.length > 200 ? `${path.slice(0, 200)}…` : path} from ${remote}${origin ? ` (Origin ${origin})` : ''}: ${refusal.status} ${refusal.message}`,
      );
      send(res, refusal.status, { error: refusal.message, ...refusal.details }, headers);
      // A body still arriving is read and dropped (never kept) with the connection kept open, so that
      // the client reads the answer rather than a reset; one that goes on too long ends the connection.
      if (!req.complete && refusal.status !== 408) this.#discardRest(req);
    }
  }

  #preflight(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>, methods: string): void {
    const headers: Record<string, string | number> = {
      ...cors,
      'Access-Control-Allow-Methods': methods,
      'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
      'Access-Control-Max-Age': 600,
      'Content-Length': 0,
    };
    // Chrome's Private Network Access: a page of a public site asking to reach this machine.
    if (req.headers['access-control-request-private-network'] === 'true') {
      headers['Access-Control-Allow-Private-Network'] = 'true';
    }
    res.writeHead(204, headers);
    res.end();
  }

  /** POST /v1/runs/<run>/events. */
  async #events(
    req: IncomingMessage,
    res: ServerResponse,
    rawRun: string,
    query: URLSearchParams,
    cors: Record<string, string>,
    expectContinue: boolean,
  ): Promise<void> {
    this.#authorize(req, query);
    const segments = parseRunPath(rawRun);
    const run = segments.join('/');
    const sessionHeader = req.headers['x-gradwatch-session'];
    const session = parseSession(
      Array.isArray(sessionHeader) ? sessionHeader.join(',') : sessionHeader,
      query.get('session'),
    );
    const type = req.headers['content-type'];
    const mime = type === undefined ? '' : type.split(';')[0]!.trim().toLowerCase();
    if (mime !== '' && mime !== 'application/octet-stream' && mime !== 'text/plain') {
      throw new CollectorRefusal(
        415,
        `header Content-Type is ${quote(type!)}; the body must be application/octet-stream (or text/plain) holding framed TFRecord records`,
      );
    }
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      throw new CollectorRefusal(
        415,
        `header Content-Encoding is ${quote(encoding)}; send the body uncompressed`,
      );
    }
    const length = req.headers['content-length'];
    if (length !== undefined && Number(length) > this.#s.maxBodyBytes) {
      throw new CollectorRefusal(
        413,
        `header Content-Length says ${length} bytes, more than the collector's limit of ${this.#s.maxBodyBytes} (maxBodyBytes / --max-body); send the events in smaller batches`,
      );
    }
    // Only a session's own stream has positions: without a session, pages share the writer.
    const seq = session === undefined ? undefined : parseSeq(query.get('seq'));
    if (expectContinue) res.writeContinue();
    const body = await this.#readBody(req);
    const batch = validateEventBatch(body, Math.min(MAX_EVENT_BYTES, this.#s.maxBodyBytes));
    const dir = await runDirectory(this.#s.logdir, this.#s.logdirReal, segments);
    if (this.#closing) throw new CollectorRefusal(503, 'the collector is shutting down; nothing was written');
    const slot = this.#writers.acquire(run, session, dir);
    const entry: Active = { reading: false, abort: () => undefined, done: Promise.resolve() };
    let done = () => {};
    entry.done = new Promise<void>((r) => {
      done = r;
    });
    this.#active.add(entry);
    let file: string;
    try {
      const writer = slot.writer;
      const bytes = batch.payloadBytes + batch.payloads.length * RECORD_OVERHEAD;
      if (writer.stats.bytesPending + bytes > this.#maxPending) {
        throw new CollectorRefusal(
          503,
          `the writer of run ${quote(slot.label)} holds ${writer.stats.bytesPending} bytes it could not write yet; nothing of this request was written`,
        );
      }
      // In the session's order: records before these may be in a request that arrives later.
      let skip = 0;
      if (seq !== undefined) {
        await this.#writers.inOrder(slot, seq);
        // Records this collector already wrote (a retry after a lost answer) are not written twice.
        skip = Math.max(0, slot.next - seq);
      }
      // Synchronous: no other request's records come between these.
      for (const [i, payload] of batch.payloads.entries()) {
        if (batch.recordIndex[i]! >= skip) writer.writePayload(payload, `event ${i}`);
      }
      if (seq !== undefined) this.#writers.advance(slot, seq + batch.records);
      await writer.flush();
      file = this.#writers.relative(writer.path);
    } catch (err) {
      if (err instanceof CollectorRefusal) throw err;
      // This request's records stay in the writer's buffer. A writer kept would write them at its
      // next flush, after the page was told they were not written (and sent them again), so it is
      // closed now (one more try at the disk) and the next request starts a new file.
      this.#writers.retire(slot, 'after a failed write');
      throw this.#writers.writeRefusal(err, run);
    } finally {
      this.#writers.release(slot);
      this.#active.delete(entry);
      done();
    }
    send(res, 200, { accepted: batch.payloads.length, file }, cors);
  }

  /**
   * Reads a whole request body, at most maxBodyBytes, within requestTimeoutMillis; close() may refuse
   * it meanwhile. Rejects with a CollectorRefusal (413, 408, 503) or ClientGone.
   */
  #readBody(req: IncomingMessage): Promise<Buffer> {
    const { maxBodyBytes, requestTimeoutMillis } = this.#s;
    return new Promise<Buffer>((ok, fail) => {
      let chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const entry: Active = { reading: true, abort: (r) => finish(r), done: Promise.resolve() };
      const finish = (err: Error | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.#active.delete(entry);
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
        chunks = [];
        if (err) fail(err);
        else ok(body);
      };
      const timer = setTimeout(
        () =>
          finish(
            new CollectorRefusal(
              408,
              `the request body did not arrive within ${seconds(requestTimeoutMillis)} (${size} bytes came); nothing was written`,
            ),
          ),
        requestTimeoutMillis,
      );
      this.#active.add(entry);
      req.on('data', (chunk: Buffer) => {
        if (settled) return; // refused already: the rest is dropped, not kept
        size += chunk.length;
        if (size > maxBodyBytes) {
          finish(
            new CollectorRefusal(
              413,
              `the request body is more than ${maxBodyBytes} bytes, the collector's limit (maxBodyBytes / --max-body); send the events in smaller batches`,
            ),
          );
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => finish(null));
      const gone = () => finish(new ClientGone(`the client went away after ${size} bytes of the body`));
      req.on('error', gone);
      req.on('close', () => {
        if (!req.complete) gone();
      });
    });
  }

  /** Reads and drops the rest of a refused request's body, up to a bound of bytes and of time. */
  #discardRest(req: IncomingMessage): void {
    let dropped = 0;
    const timer = setTimeout(() => {
      if (!req.complete) req.socket.destroy();
    }, this.#s.requestTimeoutMillis);
    timer.unref();
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DISCARD_BYTES) {
        clearTimeout(timer);
        req.socket.destroy();
      }
    });
    req.on('close', () => clearTimeout(timer));
    req.resume();
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | number> = {},
  headOnly = false,
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(headOnly ? undefined : text);
}

/** An allowed origin as browsers send Origin: scheme://host[:port], nothing after. */
function normalizeOrigin(o: unknown): string {
  if (typeof o !== 'string') throw new TypeError(`allowOrigins must hold strings, got ${typeAndValue(o)}`);
  let u: URL;
  try {
    u = new URL(o);
  } catch {
    throw new CollectorError(
      `allowed origin ${quote(o)} is not an origin like 'http://localhost:5173'`,
      'ERR_INVALID_OPTION',
    );
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password) {
    throw new CollectorError(
      `allowed origin ${quote(o)} must be http:// or https:// with a host and an optional port`,
      'ERR_INVALID_OPTION',
    );
  }
  if (u.pathname !== '/' || u.search || u.hash || /[?#]/.test(o)) {
    throw new CollectorError(
      `allowed origin ${quote(o)} has a path, query or fragment; an origin is scheme://host[:port] only (${u.origin})`,
      'ERR_INVALID_OPTION',
    );
  }
  return u.origin;
}

/** A host as it appears in a URL or a Host header: IPv6 literals in brackets. */
function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** Control characters, and the line separators of JavaScript. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;

/** Control characters as \uXXXX escapes, so a logged name cannot drive the terminal or fake a line. */
function escapeControls(s: string): string {
  return s.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
