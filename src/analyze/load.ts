/**
 * loadLogdir(): every run of a TensorBoard logdir as typed series (scalars, histograms, texts),
 * from any writer (gradwatch, TensorFlow/Keras, PyTorch, tensorboardX). Damaged records are skipped
 * and reported with file and byte offset, torn tails and unreadable directories are reported, and
 * the rest is still loaded.
 */
import { stat } from 'node:fs/promises';
import { discoverRuns } from '../events/logdir.js';
import { EventFileReader, type EventRecord } from '../events/reader.js';
import type { SummaryValue } from '../proto/index.js';
import { type DecodedValue, ValueDecoder } from '../summary/decode.js';
import { isWallTime } from './collect.js';
import { exactStep, type Step } from './step.js';

export interface ScalarSeries {
  tag: string;
  steps: number[];
  values: number[];
  wallTimes: number[];
}

export interface HistogramPoint {
  step: number;
  wallTime: number;
  /** Row-major [k,3]: left edge, right edge, count. */
  buckets: Float64Array;
}

export interface TextPoint {
  step: number;
  wallTime: number;
  text: string;
}

export interface LoadedRun {
  /** Path relative to the logdir ("." for the logdir itself). */
  name: string;
  files: string[];
  events: number;
  scalars: Map<string, ScalarSeries>;
  histograms: Map<string, { tag: string; points: HistogramPoint[] }>;
  texts: Map<string, { tag: string; points: TextPoint[] }>;
  /** Tags of other plugins (images, audio, ...): their point counts. */
  other: Map<string, number>;
}

export interface LogdirProblems {
  /** Damaged records skipped, with file and byte offset. */
  corrupt: Array<{ file: string; offset: number; reason: string; skippedBytes: number }>;
  /** Files that end inside a record (a writer still running, or killed mid-write). */
  truncated: Array<{ file: string; offset: number; bytes: number }>;
  /** Directories or files that could not be read. */
  unreadable: Array<{ path: string; error: string }>;
  /**
   * Summary values skipped because they cannot be decoded (a tensor whose shape its values do not
   * fill, ...): the record's file and byte offset, the tag, and what is wrong. The rest is read.
   */
  invalid: InvalidValue[];
}

export interface InvalidValue {
  file: string;
  /** Byte offset of the record holding the value. */
  offset: number;
  tag: string;
  reason: string;
}

/**
 * Decodes one value, or says why it cannot be: never throws, so a bad value costs only itself (not
 * the rest of its file), and the work is bounded by its bytes (see decodeTensor).
 */
export function decodeOrProblem(
  decoder: ValueDecoder,
  v: SummaryValue,
): { value: DecodedValue; problem?: undefined } | { value?: undefined; problem: string } {
  try {
    const value = decoder.decode(v);
    return value.kind === 'other' && value.problem ? { problem: value.problem } : { value };
  } catch (err) {
    return { problem: `cannot be decoded: ${(err as Error).message}` };
  }
}

/**
 * A reader's batches, where a read error (the file vanished, EIO) ends the file and is handed to
 * `onError` instead of reaching the caller's loop, whose own errors propagate as they are.
 */
export async function* fileBatches(
  reader: EventFileReader,
  onError: (err: unknown) => void,
): AsyncGenerator<EventRecord[]> {
  const it = reader.eventBatches();
  try {
    for (;;) {
      let r: IteratorResult<EventRecord[]>;
      try {
        r = await it.next();
      } catch (err) {
        onError(err);
        return;
      }
      if (r.done) return;
      yield r.value;
    }
  } finally {
    await it.return(undefined).catch(() => undefined);
  }
}

export interface LoadedLogdir extends LogdirProblems {
  logdir: string;
  runs: LoadedRun[];
  bytes: number;
}

export interface LoadOptions {
  /** Only runs whose name matches this glob (`*` within a path segment, `**` across, `?` one character). */
  run?: string;
  /** Only tags matching this regular expression (a string is compiled as one). */
  tag?: RegExp | string;
  /** Called as files are read: bytes read so far and in total. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Awaited after each batch of records (an exporter drains its output stream here). */
  afterBatch?: () => Promise<void> | void;
}

/** `*` matches within a path segment, `**` across segments, `?` one character; the rest is literal. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * A tag filter as a stateless test. A RegExp with the `g` or `y` flag keeps `lastIndex` between
 * `test()` calls, so a shared one would skip every other matching point: it is copied without them.
 */
export function tagMatcher(tag: RegExp | string | undefined): ((tag: string) => boolean) | null {
  if (tag === undefined) return null;
  let re: RegExp;
  if (tag instanceof RegExp) re = new RegExp(tag.source, tag.flags.replace(/[gy]/g, ''));
  else if (typeof tag === 'string') {
    try {
      re = new RegExp(tag);
    } catch (err) {
      throw new TypeError(`tag '${tag}' is not a valid regular expression: ${(err as Error).message}`);
    }
  } else throw new TypeError(`tag must be a RegExp or a string, got ${describe(tag)}`);
  return (t) => re.test(t);
}

/** A value as an error message shows it: strings quoted, objects by their kind. */
export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v !== 'object') return typeof v === 'function' ? 'a function' : String(v);
  return Array.isArray(v) ? 'an array' : `an object (${v.constructor?.name ?? 'Object'})`;
}

/** Checks the options every scan takes; each error names the option and what it was given. */
export function checkLoadOptions(o: LoadOptions): void {
  if (o === null || typeof o !== 'object')
    throw new TypeError(`options must be an object, got ${describe(o)}`);
  if (o.run !== undefined && typeof o.run !== 'string')
    throw new TypeError(`run must be a glob string, got ${describe(o.run)}`);
  tagMatcher(o.tag);
  for (const k of ['onProgress', 'afterBatch'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'function')
      throw new TypeError(`${k} must be a function, got ${describe(o[k])}`);
  }
}

/** What a scan found before and after its filters, to say why nothing was found. */
export interface ScanCounts {
  /** Runs in the logdir, before the run filter. */
  discovered: number;
  /** Summary values read, after both filters. */
  points: number;
}

/**
 * Why a scan found nothing to analyse or export (no runs, no run matching the glob, no value matching
 * the tag filter), or undefined when it found something. A wrong path must not pass as "all clear".
 */
export function nothingFound(
  logdir: string,
  options: Pick<LoadOptions, 'run' | 'tag'>,
  counts: ScanCounts,
  runNames: readonly string[],
  allNames: readonly string[],
): string | undefined {
  if (counts.points > 0) return undefined;
  const list = (names: readonly string[]) =>
    `${names.length} run${names.length === 1 ? '' : 's'} found: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}`;
  if (counts.discovered === 0) return `no event files under ${logdir}`;
  if (runNames.length === 0) return `no run matches '${options.run}' (${list(allNames)})`;
  const n = `${runNames.length} run${runNames.length === 1 ? '' : 's'}`;
  if (options.tag) return `no tag matches ${options.tag} in ${n}`;
  return `no summaries in ${n} (${runNames.slice(0, 5).join(', ')}${runNames.length > 5 ? ', ...' : ''})`;
}

/** Per-run scanning shared by loadLogdir and the analysis: calls `visit` for every decoded point. */
export async function scanLogdir(
  logdir: string,
  options: LoadOptions,
  visit: (run: string, step: Step, wallTime: number, value: ReturnType<ValueDecoder['decode']>) => void,
  /** After each run: its events, and how many of them have a wall time that is not a date. */
  onRun?: (run: { name: string; files: string[] }, events: number, invalidWallTimes: number) => void,
): Promise<
  LogdirProblems &
    ScanCounts & {
      bytes: number;
      runs: Array<{ name: string; files: string[] }>;
      /** Names of every run in the logdir, before the run filter. */
      allRuns: string[];
    }
> {
  checkLoadOptions(options);
  const { runs: all, unreadable } = await discoverRuns(logdir);
  const runFilter = options.run === undefined ? null : globToRegExp(options.run);
  const runs = runFilter ? all.filter((r) => runFilter.test(r.name)) : all;
  const tagFilter = tagMatcher(options.tag);
  const problems: LogdirProblems = {
    corrupt: [],
    truncated: [],
    unreadable: unreadable.map((u) => ({ path: u.dir, error: u.error })),
    invalid: [],
  };
  const sizes = new Map<string, number>();
  for (const r of runs) {
    for (const f of r.files)
      sizes.set(
        f,
        await stat(f).then(
          (s) => s.size,
          () => 0,
        ),
      );
  }
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  let done = 0;
  let points = 0;
  for (const run of runs) {
    const decoder = new ValueDecoder();
    let events = 0;
    let invalidWallTimes = 0;
    for (const file of run.files) {
      const reader = new EventFileReader(file, { onCorrupt: 'skip' });
      const batches = fileBatches(reader, (err) =>
        problems.unreadable.push({
          path: file,
          error: (err as NodeJS.ErrnoException).code ?? (err as Error).message,
        }),
      );
      for await (const batch of batches) {
        for (const { offset, event } of batch) {
          events++;
          const wallTime = event.wallTime ?? 0;
          if (wallTime !== 0 && !isWallTime(wallTime)) invalidWallTimes++;
          if (!event.summary) continue;
          const step = exactStep(event.step);
          for (const v of event.summary.value ?? []) {
            if (tagFilter && !tagFilter(v.tag ?? '')) continue;
            const d = decodeOrProblem(decoder, v);
            if (d.problem !== undefined) {
              problems.invalid.push({ file, offset, tag: v.tag ?? '', reason: d.problem });
              continue;
            }
            points++;
            visit(run.name, step, wallTime, d.value);
          }
        }
        options.onProgress?.(done + reader.offset, total);
        // Its errors are the consumer's (an export's output), not the file's: they propagate.
        if (options.afterBatch) await options.afterBatch();
      }
      problems.corrupt.push(...reader.problems);
      if (reader.incomplete) problems.truncated.push({ file, ...reader.incomplete });
      done += sizes.get(file) ?? 0;
      options.onProgress?.(done, total);
    }
    onRun?.(run, events, invalidWallTimes);
  }
  return {
    ...problems,
    bytes: total,
    runs,
    allRuns: all.map((r) => r.name),
    discovered: all.length,
    points,
  };
}

export async function loadLogdir(logdir: string, options: LoadOptions = {}): Promise<LoadedLogdir> {
  const byName = new Map<string, LoadedRun>();
  const runOf = (name: string): LoadedRun => {
    let r = byName.get(name);
    if (!r) {
      r = {
        name,
        files: [],
        events: 0,
        scalars: new Map(),
        histograms: new Map(),
        texts: new Map(),
        other: new Map(),
      };
      byName.set(name, r);
    }
    return r;
  };
  const result = await scanLogdir(
    logdir,
    options,
    (run, exact, wallTime, v) => {
      // The typed series hold steps as numbers: beyond 2^53 they are rounded (analyze and export
      // keep them exact).
      const step = Number(exact);
      const r = runOf(run);
      if (v.kind === 'scalar') {
        let s = r.scalars.get(v.tag);
        if (!s) {
          s = { tag: v.tag, steps: [], values: [], wallTimes: [] };
          r.scalars.set(v.tag, s);
        }
        s.steps.push(step);
        s.values.push(v.value);
        s.wallTimes.push(wallTime);
      } else if (v.kind === 'histogram') {
        let h = r.histograms.get(v.tag);
        if (!h) {
          h = { tag: v.tag, points: [] };
          r.histograms.set(v.tag, h);
        }
        h.points.push({ step, wallTime, buckets: v.buckets });
      } else if (v.kind === 'text') {
        let t = r.texts.get(v.tag);
        if (!t) {
          t = { tag: v.tag, points: [] };
          r.texts.set(v.tag, t);
        }
        t.points.push({ step, wallTime, text: v.text });
      } else {
        r.other.set(v.tag, (r.other.get(v.tag) ?? 0) + 1);
      }
    },
    (run, events) => {
      const r = runOf(run.name);
      r.files = run.files;
      r.events = events;
    },
  );
  const { runs: _runs, allRuns: _all, discovered: _d, points: _p, ...rest } = result;
  return {
    logdir,
    runs: [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    ...rest,
  };
}
