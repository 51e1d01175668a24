/**
 * The collector (`gradwatch serve`, startCollector): events POSTed by pages land in event files that
 * the project's reader reads back exactly; every refusal has its status and a message naming what is
 * wrong, writes nothing, and is logged; the server survives clients that go away, full disks and
 * hostile names; SIGTERM/SIGINT of the CLI flush, close and exit 0.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_VERSION } from '../src/collector/version.js';
import {
  type Collector,
  CollectorError,
  type CollectorOptions,
  CollectorRefusal,
  parseRunPath,
  readEventFile,
  startCollector,
} from '../src/index.js';
import { Event, type EventInit, int64ToNumber } from '../src/proto/index.js';
import { frameRecord } from '../src/tfrecord/index.js';
import { ROOT } from './analyze-helpers.js';
import { tempDir } from './helpers.js';

// ---- helpers ----

function scalar(step: number, value: number, tag = 'loss'): EventInit {
  return { wallTime: 1_700_000_000 + step, step, summary: { value: [{ tag, simpleValue: value }] } };
}

function records(events: EventInit[]): Buffer {
  return Buffer.concat(events.map((e) => frameRecord(Event.encode(e).finish())));
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer, looked into by each test.
  json: any;
}

/**
 * One request exactly as given (the path is sent as it is, never normalized, and the Host header can
 * be set), by node:http.
 */
function send(
  url: string,
  path: string,
  init: { method?: string; headers?: Record<string, string | number>; body?: Buffer | string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // Host, port and path given apart: a URL string would be normalized ('/a/../b', '%2e%2e', '\\').
    const { hostname, port } = new URL(url);
    const options = { hostname, port, path, method: init.method ?? 'GET', headers: init.headers ?? {} };
    const req = request(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        text += d;
      });
      res.on('end', () => {
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON (a static file)
        }
        resolve({ status: res.statusCode!, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A POST of `body` to run `run` (as it goes in the path), with the token unless `auth` is given. */
function post(
  c: Collector,
  run: string,
  body: Buffer,
  headers: Record<string, string | number> = { Authorization: `Bearer ${c.token}` },
  query = '',
): Promise<Answer> {
  return send(c.url, `/v1/runs/${run}/events${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', ...headers },
    body,
  });
}

/** Every event of the files of one run directory, file by file (sorted by name). */
async function runEvents(dir: string): Promise<Array<{ file: string; events: EventInit[] }>> {
  const out = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.includes('tfevents'))
    .sort()) {
    const events = [];
    for await (const { event } of readEventFile(join(dir, file))) events.push(event);
    out.push({ file, events });
  }
  return out;
}

/** (step, tag, value) of the scalar events. */
function points(events: EventInit[]): Array<[number, string, number]> {
  return events
    .filter((e) => e.summary)
    .map((e) => [
      int64ToNumber(e.step as number),
      e.summary!.value![0]!.tag!,
      e.summary!.value![0]!.simpleValue!,
    ]);
}

/** Collectors started by the tests, closed at the end. */
const started: Collector[] = [];
afterAll(() => Promise.all(started.map((c) => c.close().catch(() => undefined))));

/** A collector on a fresh logdir, on a free port, its log lines kept. */
async function collector(
  options: Partial<CollectorOptions> = {},
): Promise<{ c: Collector; logdir: string; lines: string[] }> {
  const logdir = options.logdir ?? join(tempDir('gradwatch-collector-'), 'runs');
  const lines: string[] = [];
  const c = await startCollector({ port: 0, ...options, logdir, log: (l) => lines.push(l) });
  started.push(c);
  return { c, logdir, lines };
}

function eventFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('tfevents'));
}

// ---- tests ----

describe('collector: events in, event files out', () => {
  it('writes the POSTed events to the run, exact values in step order, after its own file_version', async () => {
    const { c, logdir } = await collector();
    const values = [2.5, 1.75, Number.NaN, 0.5, Number.POSITIVE_INFINITY, -0.125, 3e-8];
    const first = await post(c, 'exp1/train', records(values.slice(0, 4).map((v, s) => scalar(s, v))));
    expect(first.status).toBe(200);
    expect(first.json.accepted).toBe(4);
    expect(first.json.file).toMatch(/^exp1\/train\/events\.out\.tfevents\.\d{10}\./);
    expect(Object.keys(first.json).sort()).toEqual(['accepted', 'file']);
    // The 200 means flushed: the file holds the events now.
    const now = await runEvents(join(logdir, 'exp1/train'));
    expect(points(now[0]!.events).map((p) => p[0])).toEqual([0, 1, 2, 3]);
    // A page's own file_version event is dropped (the collector's writer wrote its own first).
    const ownHeader = { wallTime: 1, fileVersion: 'brain.Event:2' };
    const second = await post(
      c,
      'exp1%2Ftrain', // '/' may come percent-encoded too
      records([ownHeader, ...values.slice(4).map((v, i) => scalar(4 + i, v))]),
    );
    expect(second.status).toBe(200);
    expect(second.json).toEqual({ accepted: 3, file: first.json.file });
    const files = await runEvents(join(logdir, 'exp1/train'));
    expect(files).toHaveLength(1); // no session: one writer, one file, for the run
    const [header, ...rest] = files[0]!.events;
    expect(header!.fileVersion).toBe('brain.Event:2');
    expect(rest.filter((e) => e.fileVersion)).toEqual([]);
    expect(points(rest)).toEqual(values.map((v, s) => [s, 'loss', Math.fround(v)]));
    expect(rest.map((e) => e.wallTime)).toEqual(values.map((_, s) => 1_700_000_000 + s));
    // An empty body is a valid batch of nothing.
    const empty = await post(c, 'exp1/train', Buffer.alloc(0));
    expect(empty.json).toEqual({ accepted: 0, file: first.json.file });
  });

  it('gives each session of a run its own file; without a session, one shared writer', async () => {
    const { c, logdir, lines } = await collector();
    const auth = { Authorization: `Bearer ${c.token}` };
    const a = await post(c, 'shared', records([scalar(0, 1), scalar(1, 2)]), {
      ...auth,
      'X-Gradwatch-Session': 'tab-A',
    });
    const b = await post(c, 'shared', records([scalar(0, 10)]), auth, '?session=tab_B');
    const a2 = await post(c, 'shared', records([scalar(2, 3)]), auth, '?session=tab-A');
    const none = await post(c, 'shared', records([scalar(5, 50)]));
    for (const r of [a, b, a2, none]) expect(r.status).toBe(200);
    expect(new Set([a.json.file, b.json.file, none.json.file]).size).toBe(3);
    expect(a2.json.file).toBe(a.json.file);
    const files = await runEvents(join(logdir, 'shared'));
    expect(files).toHaveLength(3);
    const byFile = new Map(files.map((f) => [`shared/${f.file}`, points(f.events)]));
    expect(byFile.get(a.json.file)).toEqual([
      [0, 'loss', 1],
      [1, 'loss', 2],
      [2, 'loss', 3],
    ]);
    expect(byFile.get(b.json.file)).toEqual([[0, 'loss', 10]]);
    expect(byFile.get(none.json.file)).toEqual([[5, 'loss', 50]]);
    expect(lines.filter((l) => l.includes('run shared (session tab-A) ->'))).toHaveLength(1);
    // Header and query must agree, and be session ids.
    const clash = await post(c, 'shared', records([]), { ...auth, 'X-Gradwatch-Session': 'x' }, '?session=y');
    expect(clash.status).toBe(400);
    expect(clash.json.error).toContain(
      'header X-Gradwatch-Session "x" and query parameter session="y" disagree',
    );
    const bad = await post(c, 'shared', records([]), { ...auth, 'X-Gradwatch-Session': 'a b' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toContain('header X-Gradwatch-Session "a b" is not a session id');
  });

  it('answers /v1/health with the package version and protocol, never the logdir; 404 and 405 otherwise', async () => {
    const { c, logdir } = await collector();
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(PACKAGE_VERSION, 'src/collector/version.ts must follow package.json').toBe(pkg.version);
    const h = await send(c.url, '/v1/health');
    expect(h.status).toBe(200);
    expect(h.json).toEqual({ ok: true, version: pkg.version, protocol: 1 });
    expect(h.text).not.toContain(logdir);
    const missing = await send(c.url, '/v1/nothing');
    expect(missing.status).toBe(404);
    expect(missing.json.error).toContain('no endpoint "/v1/nothing"');
    const root = await send(c.url, '/');
    expect(root.status).toBe(404); // no static directory
    const getEvents = await send(c.url, '/v1/runs/x/events');
    expect(getEvents.status).toBe(405);
    expect(getEvents.headers.allow).toBe('POST, OPTIONS');
    expect(getEvents.json.error).toContain('method GET is not allowed on /v1/runs/<run>/events; use POST');
    const postHealth = await send(c.url, '/v1/health', { method: 'POST', body: 'x' });
    expect(postHealth.status).toBe(405);
  });

  it('closes a writer left idle (flushed), and a later request starts a new file', async () => {
    const { c, logdir, lines } = await collector({ idleMillis: 150 });
    const first = await post(c, 'idle', records([scalar(0, 1)]));
    await new Promise((r) => setTimeout(r, 600));
    expect(lines.some((l) => /no request for 150 ms: closed the writer of run idle/.test(l))).toBe(true);
    const second = await post(c, 'idle', records([scalar(1, 2)]));
    expect(second.status).toBe(200);
    expect(second.json.file).not.toBe(first.json.file);
    const files = await runEvents(join(logdir, 'idle'));
    expect(files.map((f) => points(f.events))).toEqual([[[0, 'loss', 1]], [[1, 'loss', 2]]]);
  });

  it('refuses a new (run, session) past maxWriters with 503', async () => {
    const { c } = await collector({ maxWriters: 2 });
    expect((await post(c, 'w1', records([scalar(0, 1)]))).status).toBe(200);
    expect((await post(c, 'w2', records([scalar(0, 1)]))).status).toBe(200);
    const third = await post(c, 'w3', records([scalar(0, 1)]));
    expect(third.status).toBe(503);
    expect(third.json.error).toContain(
      'the collector has 2 writers open (one per run and session), its limit',
    );
    expect((await post(c, 'w1', records([scalar(1, 1)]))).status).toBe(200); // open ones still work
  });
});

describe('collector: who may POST', () => {
  let c: Collector;
  let logdir: string;
  let lines: string[];
  const ALLOWED = 'http://localhost:5173';
  beforeAll(async () => {
    ({ c, logdir, lines } = await collector({ allowOrigins: [ALLOWED] }));
  });
  const body = records([scalar(0, 1)]);

  it('refuses a POST without a token (401), with a wrong one (401), with a malformed Authorization (401)', async () => {
    const none = await post(c, 'auth', body, {});
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.json.error).toContain("no token: send header 'Authorization: Bearer <token>'");
    const wrong = await post(c, 'auth', body, { Authorization: `Bearer ${'0'.repeat(32)}` });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toContain("the token in header Authorization is not this collector's token");
    const wrongQuery = await post(c, 'auth', body, {}, `?token=${'1'.repeat(32)}`);
    expect(wrongQuery.status).toBe(401);
    expect(wrongQuery.json.error).toContain(
      "the token in query parameter token is not this collector's token",
    );
    const basic = await post(c, 'auth', body, { Authorization: 'Basic dXNlcjpwYXNz' });
    expect(basic.status).toBe(401);
    expect(basic.json.error).toContain("header Authorization is not 'Bearer <token>'");
    expect(eventFilesUnder(logdir)).toEqual([]);
    // The query token (for sendBeacon and keepalive fetches, which cannot set headers) works.
    const viaQuery = await post(c, 'auth', body, {}, `?token=${c.token}`);
    expect(viaQuery.status).toBe(200);
  });

  it('refuses a page of a disallowed Origin without the token (403); allowed and own origins need none', async () => {
    const evil = await post(c, 'origin', body, { Origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.json.error).toBe(
      'Origin "https://evil.example" is not allowed (it is neither the collector\'s own nor one given with --allow-origin / allowOrigins) and the request carries no token',
    );
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    expect(eventFilesUnder(join(logdir, 'origin'))).toEqual([]);
    const allowed = await post(c, 'origin', body, { Origin: ALLOWED });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(allowed.headers.vary).toBe('Origin');
    const own = await post(c, 'origin', body, { Origin: c.url });
    expect(own.status).toBe(200);
    // The token is the credential: any origin that has it may POST, and read the answer.
    const withToken = await post(c, 'origin', body, {
      Origin: 'https://notebook.example',
      Authorization: `Bearer ${c.token}`,
    });
    expect(withToken.status).toBe(200);
    expect(withToken.headers['access-control-allow-origin']).toBe('https://notebook.example');
  });

  it('refuses a Host header that does not name the collector (DNS rebinding) with 403, on every path', async () => {
    for (const host of ['evil.example', `evil.example:${c.port}`, `127.0.0.1:${c.port + 1}`, 'localhost']) {
      const r = await post(c, 'rebind', body, { Host: host, Authorization: `Bearer ${c.token}` });
      expect(r.status, host).toBe(403);
      expect(r.json.error).toContain(`header Host is ${JSON.stringify(host)}`);
      expect(r.json.error).toContain('a defence against DNS rebinding');
    }
    const health = await send(c.url, '/v1/health', { headers: { Host: 'attacker.test' } });
    expect(health.status).toBe(403);
    for (const host of [`localhost:${c.port}`, `127.0.0.1:${c.port}`, `LOCALHOST:${c.port}`]) {
      expect((await send(c.url, '/v1/health', { headers: { Host: host } })).status, host).toBe(200);
    }
    expect(eventFilesUnder(join(logdir, 'rebind'))).toEqual([]);
  });

  it("bound to every interface, answers to the machine's addresses but never to a name", async () => {
    const { c: all } = await collector({ host: '0.0.0.0' });
    expect(all.url).toBe(`http://127.0.0.1:${all.port}`);
    for (const [host, status] of [
      [`10.1.2.3:${all.port}`, 200],
      [`[fe80::1]:${all.port}`, 200],
      [`localhost:${all.port}`, 200],
      [`evil.example:${all.port}`, 403],
      [`10.1.2.3:${all.port + 1}`, 403],
    ] as const) {
      expect((await send(all.url, '/v1/health', { headers: { Host: host } })).status, host).toBe(status);
    }
  });

  it('answers CORS preflights for any origin, with the methods and headers a page needs', async () => {
    const r = await send(c.url, '/v1/runs/exp/events', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://notebook.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, x-gradwatch-session',
        'Access-Control-Request-Private-Network': 'true',
      },
    });
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('https://notebook.example');
    expect(r.headers['access-control-allow-methods']).toBe('POST');
    expect(r.headers['access-control-allow-headers']).toBe(
      'Authorization, Content-Type, X-Gradwatch-Session',
    );
    expect(r.headers['access-control-allow-private-network']).toBe('true');
    expect(r.headers.vary).toBe('Origin');
    expect(eventFilesUnder(join(logdir, 'exp'))).toEqual([]);
  });

  it('logs every refusal on one line naming it', () => {
    const refused = lines.filter((l) => l.startsWith('gradwatch collector: refused '));
    expect(refused.length).toBeGreaterThanOrEqual(10);
    for (const l of refused) expect(l).not.toContain('\n');
    expect(refused.some((l) => l.includes('(Origin https://evil.example): 403 Origin'))).toBe(true);
    expect(refused.some((l) => l.includes('401 no token'))).toBe(true);
    // The token never reaches the log (the query string is left out of it).
    expect(lines.join('\n')).not.toContain(c.token);
  });
});

describe('collector: run names', () => {
  let c: Collector;
  let logdir: string;
  let outside: string;
  beforeAll(async () => {
    const base = tempDir('gradwatch-collector-names-');
    outside = join(base, 'outside');
    mkdirSync(outside);
    ({ c, logdir } = await collector({ logdir: join(base, 'runs') }));
    symlinkSync(outside, join(logdir, 'escape'));
    mkdirSync(join(logdir, 'real'));
    symlinkSync(join(logdir, 'real'), join(logdir, 'alias'));
    writeFileSync(join(logdir, 'afile'), 'x');
  });
  const body = records([scalar(0, 1)]);

  const cases: Array<[string, number, string]> = [
    ['..', 400, 'run name segment 1 of ".." is "..", which would leave'],
    ['a/../../x', 400, 'run name segment 2 of "a/../../x" is ".."'],
    ['%2e%2e', 400, 'run name segment 1 of ".." is ".."'],
    ['%2E%2E%2Fx', 400, 'run name segment 1 of "../x" is ".."'],
    ['a/./b', 400, 'run name segment 2 of "a/./b" is "."'],
    ['/etc', 400, 'run name "/etc" is an absolute path'],
    ['%2Fetc%2Fcron.d', 400, 'run name "/etc/cron.d" is an absolute path'],
    ['a%5C..%5Cb', 400, 'contains a backslash'],
    ['a\\b', 400, 'contains a backslash'],
    ['a//b', 400, "run name segment 2 of \"a//b\" is empty ('//' or a trailing '/')"],
    ['a%00b', 400, 'contains a NUL character'],
    ['caf%C3%A9', 400, 'contains "é" (U+00E9)'],
    ['%ZZ', 400, 'run name "%ZZ" is not valid percent-encoding'],
    ['1/2/3/4/5/6/7/8/9', 400, 'has 9 segments; at most 8 are allowed'],
    ['x'.repeat(101), 400, 'is 101 characters long; at most 100'],
    [
      'escape',
      403,
      'run name segment 1 of "escape" ("escape") is a symbolic link that leads out of the logdir',
    ],
    ['escape/deeper', 403, 'is a symbolic link that leads out of the logdir'],
    ['afile', 409, 'run name segment 1 of "afile" ("afile") is a file in the logdir, not a directory'],
    ['afile/x', 409, 'is a file in the logdir'],
  ];
  for (const [run, status, message] of cases) {
    it(`refuses ${JSON.stringify(run)} with ${status}`, async () => {
      const r = await post(c, run, body);
      expect(r.status).toBe(status);
      expect(r.json.error).toContain(message);
      expect(eventFilesUnder(outside)).toEqual([]);
      expect(eventFilesUnder(join(logdir, '..')).filter((f) => !f.startsWith('runs'))).toEqual([]);
    });
  }

  it('takes a symbolic link that stays inside the logdir, and the deepest run name there is', async () => {
    const r = await post(c, 'alias/train', body);
    expect(r.status).toBe(200);
    expect(eventFilesUnder(join(logdir, 'real', 'train'))).toHaveLength(1);
    const deep = `${'a'.repeat(100)}/._-/b.c/d/e/f/g/h`;
    expect(parseRunPath(deep)).toHaveLength(8);
    expect((await post(c, deep, body)).status).toBe(200);
  });

  it('names what is wrong in parseRunPath', () => {
    expect(parseRunPath('exp1%2Ftrain')).toEqual(['exp1', 'train']);
    expect(() => parseRunPath('')).toThrow(CollectorRefusal);
    expect(() => parseRunPath('a/')).toThrow(
      "run name segment 2 of \"a/\" is empty ('//' or a trailing '/')",
    );
  });
});

describe('collector: bodies', () => {
  let c: Collector;
  let logdir: string;
  let lines: string[];
  beforeAll(async () => {
    ({ c, logdir, lines } = await collector({ maxBodyBytes: 64 * 1024, requestTimeoutMillis: 1500 }));
  });
  const good = [scalar(0, 1), scalar(1, 2), scalar(2, 3)];

  /** The body of `good` with byte `at` of record `index` changed. */
  function damaged(index: number, at: (len: number) => number): { body: Buffer; offset: number } {
    const parts = good.map((e) => frameRecord(Event.encode(e).finish()));
    const offset = parts.slice(0, index).reduce((n, p) => n + p.length, 0);
    const part = parts[index]!;
    part[at(part.length)]! ^= 0x40;
    return { body: Buffer.concat(parts), offset };
  }

  async function refused(run: string, body: Buffer, status: number, message: string) {
    const r = await post(c, run, body);
    expect(r.status).toBe(status);
    expect(r.json.error).toContain(message);
    expect(eventFilesUnder(join(logdir, run)), 'nothing written').toEqual([]);
    return r;
  }

  it('refuses a body whose record has a wrong payload CRC, naming the record and its byte offset', async () => {
    const { body, offset } = damaged(2, (n) => n - 1);
    const r = await refused(
      'crc',
      body,
      400,
      `record 2 at byte ${offset} of the body: payload checksum mismatch`,
    );
    expect(r.json.error).toContain('nothing was written');
    expect(r.json.record).toBe(2);
    expect(r.json.offset).toBe(offset);
  });

  it('refuses a record whose length CRC is wrong', async () => {
    const { body, offset } = damaged(1, () => 9);
    await refused('lencrc', body, 400, `record 1 at byte ${offset} of the body: length checksum mismatch`);
  });

  it('refuses a torn last record and a body that ends inside a header', async () => {
    const whole = records(good);
    const torn = whole.subarray(0, whole.length - 3);
    const lastStart = records(good.slice(0, 2)).length;
    await refused('torn', torn, 400, `record 2 at byte ${lastStart} of the body: it is cut off`);
    await refused(
      'torn',
      Buffer.concat([whole, Buffer.alloc(5)]),
      400,
      `record 3 at byte ${whole.length} of the body: the body ends inside its 12-byte header (5 byte(s) left)`,
    );
  });

  it('refuses garbage, and a well-framed payload that is not an Event', async () => {
    await refused(
      'garbage',
      Buffer.from('hello, this is not a TFRecord at all'),
      400,
      'record 0 at byte 0 of the body: length checksum mismatch',
    );
    const notEvent = Buffer.concat([records(good.slice(0, 1)), frameRecord(Buffer.from([0xff, 0xff, 0xff]))]);
    await refused(
      'garbage',
      notEvent,
      400,
      `record 1 at byte ${records(good.slice(0, 1)).length} of the body: its 3-byte payload is not a serialized tensorboard Event`,
    );
  });

  it('refuses other content types and encodings (415)', async () => {
    const r = await post(c, 'ctype', records(good), {
      Authorization: `Bearer ${c.token}`,
      'Content-Type': 'application/json',
    });
    expect(r.status).toBe(415);
    expect(r.json.error).toContain('header Content-Type is "application/json"');
    const plain = await post(c, 'ctype', records(good), {
      Authorization: `Bearer ${c.token}`,
      'Content-Type': 'text/plain;charset=UTF-8',
    });
    expect(plain.status).toBe(200); // what a fetch with a Blob body and no type header may send
    const gz = await post(c, 'ctype', records(good), {
      Authorization: `Bearer ${c.token}`,
      'Content-Encoding': 'gzip',
    });
    expect(gz.status).toBe(415);
  });

  it('refuses an oversized body with 413, by its Content-Length or as it streams, and keeps serving', async () => {
    const big = Buffer.alloc(64 * 1024 + 1);
    const declared = await post(c, 'big', big);
    expect(declared.status).toBe(413);
    expect(declared.json.error).toContain(
      "header Content-Length says 65537 bytes, more than the collector's limit of 65536",
    );
    // Chunked (no Content-Length): refused once more than the limit has come; the rest is dropped.
    const streamed = await new Promise<Answer>((resolve, reject) => {
      const req = request(
        `${c.url}/v1/runs/big/events`,
        { method: 'POST', headers: { Authorization: `Bearer ${c.token}` } },
        (res) => {
          let text = '';
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, text, json: JSON.parse(text) }),
          );
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 40; i++) req.write(Buffer.alloc(4096));
      req.end();
    });
    expect(streamed.status).toBe(413);
    expect(streamed.json.error).toContain('the request body is more than 65536 bytes');
    expect(eventFilesUnder(join(logdir, 'big'))).toEqual([]);
    expect((await post(c, 'big', records(good))).status).toBe(200);
  });

  it('writes nothing for a client that goes away mid-body, and serves the next request', async () => {
    const body = records(good);
    await new Promise<void>((resolve) => {
      const socket = connect(c.port, '127.0.0.1', () => {
        socket.write(
          `POST /v1/runs/aborted/events HTTP/1.1\r\nHost: 127.0.0.1:${c.port}\r\nAuthorization: Bearer ${c.token}\r\nContent-Length: ${body.length}\r\n\r\n`,
        );
        socket.write(body.subarray(0, 40), () => setTimeout(() => socket.destroy(), 100));
      });
      socket.on('close', () => resolve());
    });
    for (let i = 0; i < 50 && !lines.some((l) => l.includes('aborted/events')); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(lines.find((l) => l.includes('aborted/events'))).toContain(
      'the client went away after 40 bytes of the body; nothing was written',
    );
    expect(eventFilesUnder(join(logdir, 'aborted'))).toEqual([]);
    const next = await post(c, 'aborted', body);
    expect(next.status).toBe(200);
    expect(points((await runEvents(join(logdir, 'aborted')))[0]!.events)).toHaveLength(3);
  });

  it('answers 408 to a body that stops arriving, and writes nothing', async () => {
    const body = records(good);
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(c.port, '127.0.0.1', () => {
        socket.write(
          `POST /v1/runs/slow/events HTTP/1.1\r\nHost: 127.0.0.1:${c.port}\r\nAuthorization: Bearer ${c.token}\r\nContent-Length: ${body.length}\r\n\r\n`,
        );
        socket.write(body.subarray(0, 10));
      });
      socket.on('data', (d) => {
        text += d;
      });
      socket.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain(
      'the request body did not arrive within 1500 ms (10 bytes came); nothing was written',
    );
    expect(eventFilesUnder(join(logdir, 'slow'))).toEqual([]);
  });
});

describe('collector: --static', () => {
  let c: Collector;
  let site: string;
  beforeAll(async () => {
    const base = tempDir('gradwatch-collector-static-');
    site = join(base, 'site');
    mkdirSync(join(site, 'app'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>page</title>');
    writeFileSync(join(site, 'app', 'index.html'), '<p>app</p>');
    writeFileSync(join(site, 'main.mjs'), 'export {};');
    writeFileSync(join(site, 'tfjs-backend-wasm.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
    writeFileSync(join(site, 'style.css'), 'p{}');
    writeFileSync(join(site, '.env'), 'secret\n');
    writeFileSync(join(base, 'secret.txt'), 'secret');
    symlinkSync(join(base, 'secret.txt'), join(site, 'link-out.txt'));
    symlinkSync(base, join(site, 'dir-out'));
    ({ c } = await collector({ logdir: join(base, 'runs'), staticDir: site }));
  });

  it('serves the files with their content types, index.html for directories', async () => {
    const index = await send(c.url, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.text).toContain('<title>page</title>');
    const types: Array<[string, string]> = [
      ['/main.mjs', 'text/javascript; charset=utf-8'],
      ['/tfjs-backend-wasm.wasm', 'application/wasm'],
      ['/style.css', 'text/css; charset=utf-8'],
      ['/app/', 'text/html; charset=utf-8'],
    ];
    for (const [path, type] of types) {
      const r = await send(c.url, path);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toBe(type);
    }
    const redirect = await send(c.url, '/app');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/app/');
    const head = await send(c.url, '/main.mjs', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('10');
    expect(head.text).toBe('');
  });

  it('refuses paths that leave the directory, by .. or by a symbolic link, and other methods', async () => {
    const cases: Array<[string, number, string]> = [
      ['/../secret.txt', 403, "contains '..'"],
      ['/%2e%2e/secret.txt', 403, "contains '..'"],
      ['/app/%2E%2E/%2E%2E/secret.txt', 403, "contains '..'"],
      ['/..%5Csecret.txt', 400, 'contains a backslash'],
      ['/link-out.txt', 403, 'leads out of the static directory (through a symbolic link)'],
      ['/dir-out/secret.txt', 403, 'leads out of the static directory'],
      ['/missing.js', 404, 'no file "/missing.js" in the static directory'],
      ['/.env', 403, 'names a hidden file or directory (".env"), which is not served'],
    ];
    for (const [path, status, message] of cases) {
      const r = await send(c.url, path);
      expect(r.status, path).toBe(status);
      expect(r.json.error, path).toContain(message);
      expect(r.text).not.toContain('secret\n');
    }
    const put = await send(c.url, '/index.html', { method: 'PUT', body: 'x' });
    expect(put.status).toBe(405);
  });

  it('lets its own pages POST without the token', async () => {
    const r = await post(c, 'page', records([scalar(0, 1)]), { Origin: c.url });
    expect(r.status).toBe(200);
    const elsewhere = await post(c, 'page', records([scalar(0, 1)]), { Origin: 'http://127.0.0.1:1' });
    expect(elsewhere.status).toBe(403);
  });
});

describe('collector: start and stop', () => {
  it('refuses options that cannot work with named errors', async () => {
    const base = tempDir('gradwatch-collector-opts-');
    writeFileSync(join(base, 'file'), 'x');
    await expect(startCollector({ logdir: join(base, 'file'), port: 0 })).rejects.toMatchObject({
      name: 'CollectorError',
      code: 'ENOTDIR',
    });
    await expect(startCollector({ logdir: base, port: 0, token: 'short' })).rejects.toThrow(
      /token must be at least 16 characters/,
    );
    await expect(
      startCollector({ logdir: base, port: 0, allowOrigins: ['http://localhost:5173/app'] }),
    ).rejects.toThrow(/has a path, query or fragment/);
    await expect(startCollector({ logdir: base, port: 0, maxBodyBytes: 0 })).rejects.toThrow(RangeError);
    await expect(
      startCollector({ logdir: base, port: 0, maxBodyByte: 5 } as unknown as CollectorOptions),
    ).rejects.toThrow(/unknown option "maxBodyByte" \(did you mean "maxBodyBytes"\?\)/);
    const first = await startCollector({ logdir: base, port: 0, log: () => undefined });
    try {
      const clash = startCollector({ logdir: base, port: first.port, log: () => undefined });
      await expect(clash).rejects.toBeInstanceOf(CollectorError);
      await expect(clash).rejects.toMatchObject({ code: 'EADDRINUSE' });
      await expect(clash).rejects.toThrow(`port ${first.port} is in use on 127.0.0.1`);
    } finally {
      await first.close();
    }
    expect(first.token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('close() refuses a body still arriving (nothing written) and flushes what was accepted', async () => {
    const { c, logdir } = await collector();
    expect((await post(c, 'closing', records([scalar(0, 1)]))).status).toBe(200);
    const body = records([scalar(1, 2)]);
    const answer = new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(c.port, '127.0.0.1', () => {
        socket.write(
          `POST /v1/runs/closing/events HTTP/1.1\r\nHost: 127.0.0.1:${c.port}\r\nAuthorization: Bearer ${c.token}\r\nContent-Length: ${body.length}\r\n\r\n`,
        );
        socket.write(body.subarray(0, 10));
      });
      socket.on('data', (d) => {
        text += d;
      });
      socket.on('close', () => resolve(text));
    });
    await new Promise((r) => setTimeout(r, 200));
    await c.close();
    expect(await answer).toContain('the collector is shutting down; nothing was written');
    expect(points((await runEvents(join(logdir, 'closing')))[0]!.events)).toEqual([[0, 'loss', 1]]);
    await c.close(); // idempotent
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`gradwatch serve: ${signal} flushes and closes the event files and exits 0`, {
      timeout: 60_000,
    }, async () => {
      const logdir = join(tempDir('gradwatch-collector-cli-'), 'runs');
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--logdir', logdir, '--port', '0'],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
      for (let i = 0; i < 400 && !stdout.includes('point a page at it'); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const m = /gradwatch collector: (http:\/\/127\.0\.0\.1:\d+) {2}token ([0-9a-f]{32}) {2}logdir /.exec(
        stdout,
      );
      expect(m, stdout + stderr).not.toBeNull();
      const c = { url: m![1]!, token: m![2]!, port: 0, close: async () => {} };
      const sent = [scalar(0, 0.5), scalar(1, 0.25), scalar(2, 0.125)];
      const r = await post(c, 'cli/run', records(sent));
      expect(r.status).toBe(200);
      const bad = await post(c, 'cli/run', Buffer.from('junk'), {});
      expect(bad.status).toBe(401);
      child.kill(signal);
      expect(await exited, stderr).toBe(0);
      expect(stderr).toContain(
        `gradwatch collector: ${signal}: stopping, flushing and closing the event files`,
      );
      expect(stderr).toContain('gradwatch collector: stopped');
      expect(stderr).toMatch(
        /gradwatch collector: refused POST \/v1\/runs\/cli\/run\/events from [^\n]*: 401 no token/,
      );
      const files = await runEvents(join(logdir, 'cli', 'run'));
      expect(files).toHaveLength(1);
      expect(files[0]!.events[0]!.fileVersion).toBe('brain.Event:2');
      expect(points(files[0]!.events)).toEqual(
        sent.map((e) => [e.step, 'loss', e.summary!.value![0]!.simpleValue]),
      );
    });
  }

  it('gradwatch serve: usage errors exit 2 with the reason', async () => {
    const { cli } = await import('./analyze-helpers.js');
    const a = await cli(['serve']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("required option '--logdir <dir>' not specified");
    const b = await cli(['serve', '--logdir', tempDir(), '--max-body', 'lots']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('must be a positive number of bytes');
    const c = await cli(['serve', '--logdir', tempDir(), '--port', '0', '--token', 'abc']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('gradwatch: token must be at least 16 characters');
  });
});

/** A tmpfs (needs root): a full disk for the collector's writer. */
function canMount(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'gradwatch-mnt-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!canMount())('collector: a full disk', () => {
  it('answers 507 with the error, leaves no torn record, and keeps serving', async () => {
    const mount = mkdtempSync(join(tmpdir(), 'gradwatch-mnt-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
    try {
      const lines: string[] = [];
      const c = await startCollector({ logdir: join(mount, 'runs'), port: 0, log: (l) => lines.push(l) });
      try {
        let r: Answer | null = null;
        let step = 0;
        for (let i = 0; i < 40; i++) {
          const batch = Array.from({ length: 200 }, () => scalar(step++, step / 7, `tag/${'x'.repeat(20)}`));
          r = await post(c, 'full', records(batch));
          if (r.status !== 200) break;
        }
        expect(r!.status).toBe(507);
        expect(r!.json.error).toMatch(
          /^writing run "full" failed: writing full\/events\.out\.tfevents\.[^ ]+ failed: ENOSPC/,
        );
        expect(r!.json.error).not.toContain(mount);
        expect(lines.some((l) => l.includes(': 507 writing run "full" failed'))).toBe(true);
        expect((await send(c.url, '/v1/health')).status).toBe(200);
        // Whatever was written reads without a damaged or torn record.
        for (const f of eventFilesUnder(join(mount, 'runs'))) {
          const events = [];
          for await (const e of readEventFile(join(mount, 'runs', f))) events.push(e);
          expect(events.length).toBeGreaterThan(0);
        }
      } finally {
        await c.close().catch(() => undefined);
      }
    } finally {
      execFileSync('umount', ['-l', mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  });
});

describe('collector: a session stream in order (seq)', () => {
  const fv = { wallTime: 1_700_000_000, fileVersion: 'brain.Event:2' };

  it('writes a request that overtook the one before it after that one (a keepalive at page close)', async () => {
    const { c, logdir } = await collector();
    const q = (seq: number) => `?session=s1&seq=${seq}`;
    // Records 3 and 4 arrive first; 0 (file_version), 1 and 2 come 100 ms later.
    const later = post(c, 'page/train', records([scalar(3, 3), scalar(4, 4)]), undefined, q(3));
    await new Promise((r) => setTimeout(r, 100));
    const first = await post(c, 'page/train', records([fv, scalar(1, 1), scalar(2, 2)]), undefined, q(0));
    expect(first.status).toBe(200);
    expect((await later).status).toBe(200);
    const [file] = await runEvents(join(logdir, 'page/train'));
    expect(points(file!.events).map((p) => p[0])).toEqual([1, 2, 3, 4]);
  });

  it('writes a retried request once (its answer was lost), and goes on after a gap it waited for', async () => {
    const { c, logdir } = await collector();
    const q = (seq: number) => `?session=s2&seq=${seq}`;
    const body = records([fv, scalar(1, 1), scalar(2, 2)]);
    expect((await post(c, 'r', body, undefined, q(0))).status).toBe(200);
    // The same request again, and one that overlaps it: only the new records are written.
    expect((await post(c, 'r', body, undefined, q(0))).status).toBe(200);
    expect((await post(c, 'r', records([scalar(2, 2), scalar(3, 3)]), undefined, q(2))).status).toBe(200);
    // Records 4 and 5 never come (the page died sending them): 6 is written after a wait, not lost.
    const t0 = Date.now();
    expect((await post(c, 'r', records([scalar(6, 6)]), undefined, q(6))).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1500);
    const [file] = await runEvents(join(logdir, 'r'));
    expect(points(file!.events).map((p) => p[0])).toEqual([1, 2, 3, 6]);
  });

  it('refuses a seq that is not a count', async () => {
    const { c } = await collector();
    const a = await post(c, 'r', records([scalar(1, 1)]), undefined, '?session=s3&seq=-1');
    expect(a.status).toBe(400);
    expect(a.json.error).toMatch(/query seq is "-1"; it must be a count of records/);
  });
});
