/**
 * follow(): tails a live logdir and reports the detector's alerts as they appear. Each poll reads
 * what was appended to every event file since the last one (new runs and files are picked up), and
 * runs the detector over each step once it is complete: once a later step has arrived, or once its
 * run has written nothing for a whole interval (the last step of a finished run), or when following
 * stops (the steps read so far).
 *
 * A logdir that does not exist yet is waited for (watch is started before training), as is one that
 * is removed and made again; a run directory or an event file that disappears is dropped with a note.
 */
import { Detector } from '../detect/detector.js';
import type { DetectorOptions } from '../detect/options.js';
import type { Alert } from '../detect/types.js';
import { discoverRuns, type RunInfo } from '../events/logdir.js';
import { EventFileReader, type ReadProblem } from '../events/reader.js';
import { ValueDecoder } from '../summary/decode.js';
import { recordsFromSeries } from './analyze.js';
import { RunCollector } from './collect.js';
import {
  decodeOrProblem,
  describe,
  fileBatches,
  globToRegExp,
  type InvalidValue,
  tagMatcher,
} from './load.js';
import { assignRoles } from './series.js';
import { exactStep } from './step.js';

export interface FollowOptions {
  /** Milliseconds between polls. Default 1000. */
  intervalMs?: number;
  /** Stops following. */
  signal?: AbortSignal;
  run?: string;
  /** Only tags matching this regular expression (a string is compiled as one). */
  tag?: RegExp | string;
  detector?: DetectorOptions;
  onAlert: (run: string, alert: Alert) => void;
  onProblem?: (p: ReadProblem) => void;
  /** A summary value that cannot be decoded, skipped (the rest of its file is still read). */
  onInvalid?: (v: InvalidValue) => void;
  /**
   * What following met and went on from: the logdir does not exist (yet, or any more), a file
   * disappeared or could not be read. Each situation is noted once, not at every poll.
   */
  onNote?: (message: string) => void;
}

interface RunState {
  collector: RunCollector;
  decoder: ValueDecoder;
  readers: Map<string, EventFileReader>;
  detector: Detector;
  done: number;
}

/** Each error names the option and what it was given. */
function checkFollowOptions(o: FollowOptions): void {
  if (o === null || typeof o !== 'object')
    throw new TypeError(`options must be an object, got ${describe(o)}`);
  const ms = o.intervalMs;
  if (ms !== undefined && !(typeof ms === 'number' && ms >= 1 && ms <= 2 ** 31 - 1))
    throw new TypeError(
      `intervalMs must be a number of milliseconds from 1 to 2147483647, got ${describe(ms)}`,
    );
  if (typeof o.onAlert !== 'function')
    throw new TypeError(`onAlert must be a function, got ${describe(o.onAlert)}`);
  for (const k of ['onProblem', 'onInvalid', 'onNote'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'function')
      throw new TypeError(`${k} must be a function, got ${describe(o[k])}`);
  }
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal))
    throw new TypeError(`signal must be an AbortSignal, got ${describe(o.signal)}`);
  if (o.run !== undefined && typeof o.run !== 'string')
    throw new TypeError(`run must be a glob string, got ${describe(o.run)}`);
  tagMatcher(o.tag);
}

/** Resolves after `ms`, or at once when `signal` aborts; leaves no listener behind either way. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function follow(logdir: string, o: FollowOptions): Promise<void> {
  checkFollowOptions(o);
  const runs = new Map<string, RunState>();
  const runFilter = o.run === undefined ? null : globToRegExp(o.run);
  const tagFilter = tagMatcher(o.tag);
  const interval = o.intervalMs ?? 1000;
  const noted = new Set<string>();
  /** Notes a situation once (until `clear` says it is over). */
  const note = (key: string, message: string) => {
    if (noted.has(key)) return;
    noted.add(key);
    o.onNote?.(message);
  };
  const clear = (key: string) => noted.delete(key);

  /** Reads what the run's files gained since the last poll; true if they gained anything. */
  async function read(s: RunState, info: RunInfo): Promise<boolean> {
    let grew = false;
    for (const file of info.files) {
      let reader = s.readers.get(file);
      if (!reader) {
        reader = new EventFileReader(file, { onCorrupt: 'skip' });
        s.readers.set(file, reader);
      }
      const before = reader.offset + (reader.incomplete?.bytes ?? 0);
      const known = reader.problems.length;
      let failed = false;
      const batches = fileBatches(reader, (err) => {
        failed = true;
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          // Deleted since discovery (its run directory too, perhaps): a file of that name is new.
          s.readers.delete(file);
          o.onNote?.(`${file} disappeared`);
        } else note(`read ${file}`, `cannot read ${file} (${code ?? (err as Error).message}); retrying`);
      });
      for await (const batch of batches) {
        for (const { offset, event } of batch) {
          if (!event.summary) continue;
          const step = exactStep(event.step);
          for (const v of event.summary.value ?? []) {
            if (tagFilter && !tagFilter(v.tag ?? '')) continue;
            const d = decodeOrProblem(s.decoder, v);
            if (d.problem !== undefined) o.onInvalid?.({ file, offset, tag: v.tag ?? '', reason: d.problem });
            else s.collector.add(step, event.wallTime ?? 0, d.value);
          }
        }
      }
      if (!failed) clear(`read ${file}`);
      for (const p of reader.problems.slice(known)) o.onProblem?.(p);
      if (reader.offset + (reader.incomplete?.bytes ?? 0) !== before) grew = true;
    }
    return grew;
  }

  /** Runs the detector over the run's complete steps not seen yet (all of them when `all`). */
  function detect(name: string, s: RunState, all: boolean): void {
    const c = s.collector;
    const tags = [...c.tags.values()];
    const roles = assignRoles(
      tags.filter((t) => t.kind === 'scalar').map((t) => t.tag),
      tags.filter((t) => t.kind === 'histogram').map((t) => t.tag),
    );
    for (const r of recordsFromSeries(c, roles).records) {
      if (r.step <= s.done) continue;
      // The newest step may still be being written, unless the run has gone quiet.
      if (!all && r.step >= c.lastStep) continue;
      for (const a of s.detector.observe(r)) if (a.first) o.onAlert(name, a);
      s.done = r.step;
    }
  }

  while (!o.signal?.aborted) {
    let found: RunInfo[] | null = null;
    try {
      found = (await discoverRuns(logdir)).runs;
      clear('missing');
    } catch (err) {
      // Not there yet (started before training), or removed: wait for it. Anything else (a file
      // given as the logdir) is the caller's mistake and ends following.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      note('missing', `waiting for ${logdir} to exist`);
      // Whatever appears there next is new: the runs read so far are evaluated to their end.
      for (const [name, s] of runs) detect(name, s, true);
      runs.clear();
    }
    for (const info of found ?? []) {
      if (runFilter && !runFilter.test(info.name)) continue;
      let s = runs.get(info.name);
      if (!s) {
        s = {
          collector: new RunCollector(info.name),
          decoder: new ValueDecoder(),
          readers: new Map(),
          detector: new Detector(o.detector),
          done: Number.NEGATIVE_INFINITY,
        };
        runs.set(info.name, s);
      }
      const grew = await read(s, info);
      // A run that wrote nothing for a whole interval has finished its newest step.
      detect(info.name, s, !grew);
    }
    await sleep(interval, o.signal);
  }
  // Stopped: the steps read so far are all there will be.
  for (const [name, s] of runs) detect(name, s, true);
}
