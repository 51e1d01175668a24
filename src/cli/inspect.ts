/**
 * `gradwatch inspect`: a summary of what a logdir holds, read with the streaming reader (damaged
 * records are skipped and listed with file and byte offset, torn tails noted).
 */

import { isWallTime } from '../analyze/collect.js';
import { decodeOrProblem, fileBatches, type InvalidValue } from '../analyze/load.js';
import { exactStep, type Step } from '../analyze/step.js';
import { safeLines, safeText } from '../analyze/text.js';
import { discoverRuns, EventFileReader, type ReadProblem } from '../events/index.js';
import { ValueDecoder } from '../summary/decode.js';

export interface TagInspection {
  tag: string;
  kind: string;
  points: number;
  /** Exact: a bigint beyond 2^53 (TensorBoard's steps are int64), a decimal string in JSON. */
  firstStep: Step;
  lastStep: Step;
  /** Last scalar value (null for other kinds). */
  last: number | null;
}

export interface RunInspection {
  run: string;
  files: number;
  events: number;
  /** The span of the wall times that are dates (see invalidWallTimes). */
  firstWallTime: number | null;
  lastWallTime: number | null;
  /** Events whose wall time is set but is not a date (Infinity, NaN, 1e20): left out of the span. */
  invalidWallTimes: number;
  tags: TagInspection[];
}

export interface LogdirInspection {
  logdir: string;
  runs: RunInspection[];
  problems: ReadProblem[];
  truncated: Array<{ file: string; offset: number; bytes: number }>;
  unreadable: Array<{ dir: string; error: string }>;
  /** Event files that could not be read to the end (the rest of the logdir still is). */
  unreadableFiles: Array<{ file: string; error: string }>;
  /** Summary values that cannot be decoded (file, record offset, tag, what is wrong): skipped. */
  invalid: InvalidValue[];
}

export async function inspectLogdir(logdir: string): Promise<LogdirInspection> {
  const { runs, unreadable } = await discoverRuns(logdir);
  const out: LogdirInspection = {
    logdir,
    runs: [],
    problems: [],
    truncated: [],
    unreadable,
    unreadableFiles: [],
    invalid: [],
  };
  for (const run of runs) {
    const decoder = new ValueDecoder();
    const tags = new Map<string, TagInspection>();
    const r: RunInspection = {
      run: run.name,
      files: run.files.length,
      events: 0,
      firstWallTime: null,
      lastWallTime: null,
      invalidWallTimes: 0,
      tags: [],
    };
    for (const file of run.files) {
      const reader = new EventFileReader(file, { onCorrupt: 'skip' });
      const batches = fileBatches(reader, (err) =>
        out.unreadableFiles.push({
          file,
          error: (err as NodeJS.ErrnoException).code ?? (err as Error).message,
        }),
      );
      for await (const { offset, event } of flatten(batches)) {
        r.events++;
        const wallTime = event.wallTime ?? 0;
        if (isWallTime(wallTime)) {
          r.firstWallTime = r.firstWallTime === null ? wallTime : Math.min(r.firstWallTime, wallTime);
          r.lastWallTime = r.lastWallTime === null ? wallTime : Math.max(r.lastWallTime, wallTime);
        } else if (wallTime !== 0) r.invalidWallTimes++;
        const step = exactStep(event.step);
        for (const v of event.summary?.value ?? []) {
          const decoded = decodeOrProblem(decoder, v);
          if (decoded.problem !== undefined) {
            out.invalid.push({ file, offset, tag: v.tag ?? '', reason: decoded.problem });
            continue;
          }
          const d = decoded.value;
          const kind = d.kind === 'other' ? d.plugin : d.kind;
          let t = tags.get(d.tag);
          if (!t) {
            t = { tag: d.tag, kind, points: 0, firstStep: step, lastStep: step, last: null };
            tags.set(d.tag, t);
          }
          t.points++;
          if (step < t.firstStep) t.firstStep = step;
          if (step > t.lastStep) t.lastStep = step;
          if (d.kind === 'scalar') t.last = d.value;
        }
      }
      out.problems.push(...reader.problems);
      if (reader.incomplete) out.truncated.push({ file, ...reader.incomplete });
    }
    r.tags = [...tags.values()].sort((a, b) => (a.tag < b.tag ? -1 : 1));
    out.runs.push(r);
  }
  return out;
}

async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

export function renderInspection(x: LogdirInspection): string {
  const lines: string[] = [`logdir ${x.logdir}: ${x.runs.length} run(s)`];
  for (const r of x.runs) {
    const span =
      r.firstWallTime !== null && r.lastWallTime !== null
        ? `, ${new Date(r.firstWallTime * 1000).toISOString()} .. ${new Date(r.lastWallTime * 1000).toISOString()}`
        : '';
    lines.push('', `run ${r.run}: ${r.files} file(s), ${r.events} event(s)${span}`);
    if (r.invalidWallTimes > 0)
      lines.push(
        `  ${r.invalidWallTimes} event(s) with a wall time that is not a date (left out of the span)`,
      );
    // Names are made safe before they are padded: the escapes take room.
    const width = Math.max(3, ...r.tags.map((t) => safeText(t.tag).length));
    for (const t of r.tags) {
      const last = t.last === null ? '' : `  last=${t.last}`;
      lines.push(
        `  ${safeText(t.tag).padEnd(width)}  ${safeText(t.kind).padEnd(14)} ${String(t.points).padStart(7)} pts  steps ${t.firstStep}..${t.lastStep}${last}`,
      );
    }
  }
  for (const p of x.problems)
    lines.push(`damaged: ${p.file} at byte ${p.offset}: ${p.reason} (${p.skippedBytes} bytes skipped)`);
  for (const t of x.truncated)
    lines.push(`incomplete tail: ${t.file} at byte ${t.offset} (${t.bytes} bytes)`);
  for (const u of x.unreadable) lines.push(`unreadable directory: ${u.dir} (${u.error})`);
  for (const u of x.unreadableFiles) lines.push(`unreadable: ${u.file} (${u.error})`);
  for (const v of x.invalid)
    lines.push(`bad value skipped: ${v.file} at byte ${v.offset}: ${v.tag}: ${v.reason}`);
  // Each line is made safe as a whole: no name in it can start a line of its own or drive the terminal.
  return `${safeLines(lines)}\n`;
}
