/**
 * Runs stock TensorBoard (from the repo's .venv, see scripts/setup-venv.sh) for the compatibility tests.
 * Under CI=true a missing TensorBoard is a failure, never a skip.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const REPO = resolve(import.meta.dirname, '../..');
export const VENV_PYTHON = join(REPO, '.venv/bin/python');
export const TENSORBOARD = join(REPO, '.venv/bin/tensorboard');

/** True if the venv has TensorBoard. Throws under CI=true if it does not. */
export function tensorboardAvailable(): boolean {
  const ok = existsSync(TENSORBOARD) && existsSync(VENV_PYTHON);
  if (!ok && process.env.CI === 'true') {
    throw new Error(
      `TensorBoard is required under CI=true but ${TENSORBOARD} is missing; run npm run setup:python`,
    );
  }
  return ok;
}

export async function runPython(script: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(VENV_PYTHON, [script, ...args], { maxBuffer: 64 << 20 });
  return stdout;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

export interface TensorBoardServer {
  url: string;
  loadFast: boolean;
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body: unknown): Promise<T>;
  stop(): Promise<void>;
  log(): string;
}

/** Starts `tensorboard --logdir <logdir> --load_fast=<loadFast>` on 127.0.0.1 and waits until it answers. */
export async function startTensorBoard(logdir: string, loadFast: boolean): Promise<TensorBoardServer> {
  const port = await freePort();
  const args = [
    '--logdir',
    logdir,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    `--load_fast=${loadFast}`,
    '--reload_interval',
    '1',
  ];
  const child: ChildProcess = spawn(TENSORBOARD, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const request = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(url + path, init);
    const text = await res.text();
    if (!res.ok)
      throw new Error(`${init?.method ?? 'GET'} ${path} -> HTTP ${res.status} (load_fast=${loadFast})`);
    return JSON.parse(text) as T;
  };
  const server: TensorBoardServer = {
    url,
    loadFast,
    get: (path) => request(path),
    post: (path, body) =>
      request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
    log: () => output,
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tensorboard exited with ${child.exitCode}:\n${output}`);
    try {
      await server.get('/data/plugins_listing');
      return server;
    } catch {
      if (Date.now() > deadline) {
        await server.stop();
        throw new Error(`tensorboard did not answer within 90 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Polls `check` until it returns true (TensorBoard loads logdirs in the background). */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not ready yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** TensorBoard serves non-finite floats as the strings "NaN", "Infinity", "-Infinity". */
export function num(x: unknown): number {
  if (typeof x === 'number') return x;
  if (x === 'NaN' || x === 'Infinity' || x === '-Infinity') return Number(x);
  throw new TypeError(`not a served number: ${JSON.stringify(x)}`);
}

/**
 * Starts RustBoard (--load_fast=true) and the Python loader (--load_fast=false) on `logdir` and waits
 * until `ready` holds for each (TensorBoard loads logdirs in the background).
 */
export async function startBothLoaders(
  logdir: string,
  ready: (server: TensorBoardServer) => Promise<boolean>,
): Promise<TensorBoardServer[]> {
  const servers = await Promise.all([startTensorBoard(logdir, true), startTensorBoard(logdir, false)]);
  try {
    await Promise.all(
      servers.map((s) => waitUntil(`${logdir} loaded (load_fast=${s.loadFast})`, () => ready(s))),
    );
  } catch (err) {
    await Promise.all(servers.map((s) => s.stop()));
    throw err;
  }
  return servers;
}

/** One HParams session group as the dashboard receives it. */
export interface SessionGroup {
  name: string;
  hparams: Record<string, unknown>;
  metricValues: Array<{ name: { tag: string; group: string }; value: number; trainingStep?: number }>;
}

/** The HParams dashboard's session-groups query, asking for the given hparam and metric columns. */
export async function sessionGroups(
  server: TensorBoardServer,
  colParams: Array<{ hparam: string } | { metric: { tag: string; group: string } }>,
): Promise<SessionGroup[]> {
  const res = await server.post<{ sessionGroups: SessionGroup[] }>('/data/plugin/hparams/session_groups', {
    experimentName: '',
    startIndex: 0,
    sliceSize: 10,
    allowedStatuses: ['STATUS_UNKNOWN', 'STATUS_SUCCESS', 'STATUS_FAILURE', 'STATUS_RUNNING'],
    colParams,
  });
  return res.sessionGroups;
}
