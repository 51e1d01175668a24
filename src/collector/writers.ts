/**
 * The collector's event file writers: one per (run, session), created at a run's first request,
 * closed (flushed) after a while without requests, at a disk error, and at close. The number open at
 * once is bounded. Also the check that a run's directory, as it is on disk, lies inside the logdir.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { EventFileWriter, type EventWriterError } from '../events/writer.js';
import { CollectorRefusal, quote } from './protocol.js';

/** One event file writer: a run, a session (or none), and the requests using it. */
export interface Slot {
  readonly key: string;
  /** 'exp1/train' or 'exp1/train (session abc)', for messages. */
  readonly label: string;
  readonly writer: EventFileWriter;
  /** Requests using it now. */
  busy: number;
  lastUsed: number;
  /** Taken out of use (idle, a disk error, close): no new request gets it; closed once not busy. */
  retired: boolean;
  /** Sessions that send `seq`: the position in their stream up to which records are written. */
  next: number;
  /** Requests waiting for the records before theirs. */
  readonly waiting: Set<() => void>;
}

/** How long a request waits for the records before it (a request still in flight) before writing anyway. */
export const ORDER_WAIT_MS = 2000;

export interface WriterPoolOptions {
  /** Absolute logdir (not necessarily a real path). */
  logdir: string;
  maxWriters: number;
  idleMillis: number;
  /** Unwritten bytes a writer may hold (its maxPendingBytes). */
  maxPendingBytes: number;
  note: (line: string) => void;
}

export class WriterPool {
  readonly #o: WriterPoolOptions;
  readonly #slots = new Map<string, Slot>();
  /** Closes in progress (idle and failed writers), awaited by closeAll. */
  readonly #closing = new Set<Promise<void>>();
  readonly #sweep: NodeJS.Timeout;

  constructor(options: WriterPoolOptions) {
    this.#o = options;
    this.#sweep = setInterval(
      () => this.#closeIdle(),
      Math.min(5000, Math.max(10, Math.floor(options.idleMillis / 4))),
    );
    this.#sweep.unref();
  }

  /** Writers open now. */
  get size(): number {
    return this.#slots.size;
  }

  /**
   * The writer of (run, session), created in `dir` if there is none; marked busy until release().
   * Throws a CollectorRefusal: 503 when maxWriters are open, 409/503/507 when the writer cannot be
   * created.
   */
  acquire(run: string, session: string | undefined, dir: string): Slot {
    const key = `${run}\0${session ?? ''}`;
    let slot = this.#slots.get(key);
    if (!slot) {
      if (this.#slots.size >= this.#o.maxWriters) {
        throw new CollectorRefusal(
          503,
          `the collector has ${this.#slots.size} writers open (one per run and session), its limit (maxWriters / --max-writers); a writer closes after ${seconds(this.#o.idleMillis)} without requests`,
        );
      }
      let writer: EventFileWriter;
      try {
        writer = new EventFileWriter(dir, { maxPendingBytes: this.#o.maxPendingBytes });
      } catch (err) {
        throw this.writeRefusal(err, run);
      }
      const label = session === undefined ? run : `${run} (session ${session})`;
      writer.on('error', (err: EventWriterError) =>
        this.#o.note(`writer of run ${label}: ${this.clientText(err)}`),
      );
      slot = {
        key,
        label,
        writer,
        busy: 0,
        lastUsed: Date.now(),
        retired: false,
        next: 0,
        waiting: new Set(),
      };
      this.#slots.set(key, slot);
      this.#o.note(`run ${label} -> ${this.relative(writer.path)}`);
    }
    slot.busy++;
    return slot;
  }

  /**
   * Waits until the records before `seq` in the slot's session are written (they may be in a
   * request that arrived later: a page's keepalive at close overtakes its request in flight), at
   * most ORDER_WAIT_MS (a request lost on the way must not hold up the ones after it for good).
   */
  inOrder(slot: Slot, seq: number): Promise<void> {
    if (slot.next >= seq) return Promise.resolve();
    return new Promise((done) => {
      const check = () => {
        if (slot.next < seq) return;
        finish();
      };
      const finish = () => {
        clearTimeout(timer);
        slot.waiting.delete(check);
        done();
      };
      const timer = setTimeout(finish, ORDER_WAIT_MS);
      slot.waiting.add(check);
    });
  }

  /** Records up to `end` of the slot's session are written: requests waiting for them go on. */
  advance(slot: Slot, end: number): void {
    slot.next = Math.max(slot.next, end);
    for (const check of [...slot.waiting]) check();
  }

  release(slot: Slot): void {
    slot.busy--;
    slot.lastUsed = Date.now();
    if (slot.retired && slot.busy === 0) this.#close(slot, null);
  }

  /** Takes a writer out of use: the next request of its (run, session) starts a new file. */
  retire(slot: Slot, why: string | null): void {
    if (slot.retired) return;
    slot.retired = true;
    if (this.#slots.get(slot.key) === slot) this.#slots.delete(slot.key);
    if (slot.busy === 0) this.#close(slot, why);
  }

  /** Flushes and closes every writer. Resolves with the failures, one sentence each. */
  async closeAll(): Promise<string[]> {
    clearInterval(this.#sweep);
    const failures: string[] = [];
    const open = [...this.#slots.values()];
    this.#slots.clear();
    await Promise.all(
      open.map((slot) =>
        slot.writer.close().catch((err: unknown) => {
          failures.push(`run ${slot.label}: ${this.clientText(err)}`);
        }),
      ),
    );
    await Promise.all([...this.#closing]);
    return failures;
  }

  /** A path under the logdir as answers show it: relative, with '/'. */
  relative(path: string): string {
    return relative(this.#o.logdir, path).split(sep).join('/');
  }

  /** An error's text for a client: paths relative to the logdir, whose place stays private. */
  clientText(err: unknown): string {
    const text = err instanceof Error ? err.message : String(err);
    const dir = this.#o.logdir;
    return text.split(`${dir}${sep}`).join('').split(dir).join('<logdir>');
  }

  /** The refusal for a writer that failed: 507 for a full disk or quota, 409 for a file in the way, else 503. */
  writeRefusal(err: unknown, run: string): CollectorRefusal {
    const code = (err as NodeJS.ErrnoException).code;
    const status = code === 'ENOSPC' || code === 'EDQUOT' ? 507 : code === 'ENOTDIR' ? 409 : 503;
    return new CollectorRefusal(status, `writing run ${quote(run)} failed: ${this.clientText(err)}`);
  }

  #closeIdle(): void {
    const now = Date.now();
    for (const slot of [...this.#slots.values()]) {
      if (slot.busy === 0 && now - slot.lastUsed >= this.#o.idleMillis) {
        this.retire(slot, `no request for ${seconds(this.#o.idleMillis)}`);
      }
    }
  }

  #close(slot: Slot, why: string | null): void {
    const p = slot.writer.close().then(
      () => {
        if (why)
          this.#o.note(`${why}: closed the writer of run ${slot.label} (${this.relative(slot.writer.path)})`);
      },
      (err: unknown) =>
        this.#o.note(`closing the writer of run ${slot.label} failed: ${this.clientText(err)}`),
    );
    this.#closing.add(p);
    void p.finally(() => this.#closing.delete(p));
  }
}

/**
 * Checks a run's directory as it is on disk: each part of it that exists must be a directory (or a
 * symbolic link to one) inside the logdir. Returns the directory (`logdir/segments...`). Throws a
 * CollectorRefusal: 403 for a symbolic link that leads out of the logdir (or nowhere), 409 for a file.
 */
export async function runDirectory(logdir: string, logdirReal: string, segments: string[]): Promise<string> {
  const run = segments.join('/');
  let p = logdir;
  for (const [i, s] of segments.entries()) {
    p = join(p, s);
    const which = `run name segment ${i + 1} of ${quote(run)} (${quote(s)})`;
    let isLink: boolean;
    try {
      isLink = (await lstat(p)).isSymbolicLink();
    } catch {
      break; // missing: the writer creates it, and what follows, as plain directories
    }
    let real: string;
    try {
      real = await realpath(p);
    } catch {
      throw new CollectorRefusal(403, `${which} is a symbolic link that leads nowhere`);
    }
    if (real !== logdirReal && !real.startsWith(logdirReal + sep)) {
      throw new CollectorRefusal(403, `${which} is a symbolic link that leads out of the logdir`);
    }
    if (!(await stat(real)).isDirectory()) {
      throw new CollectorRefusal(
        409,
        `${which} is ${isLink ? 'a link to ' : ''}a file in the logdir, not a directory`,
      );
    }
  }
  return join(logdir, ...segments);
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
