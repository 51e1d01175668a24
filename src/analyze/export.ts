/**
 * exportLogdir(): every point of a logdir in long form, one row per value (run, tag, kind, step,
 * wall_time, value; histograms as one row per bucket with its edges), as CSV or JSON Lines, for
 * pandas, DuckDB or a spreadsheet. Streams: memory does not grow with the logdir.
 *
 * Non-finite numbers (values, bucket edges and counts, wall times): CSV writes nan, inf and -inf
 * (what pandas and DuckDB parse as floats); JSON has no such numbers, so JSON Lines writes the strings
 * "NaN", "Infinity" and "-Infinity". Steps are exact int64s: beyond 2^53 CSV writes all their digits and
 * JSON Lines an exact decimal string. CSV text cells that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or CR) get a leading '.
 */
import type { Writable } from 'node:stream';
import { describe, type LoadOptions, type LogdirProblems, nothingFound, scanLogdir } from './load.js';

export type ExportFormat = 'csv' | 'jsonl';

export interface ExportResult extends LogdirProblems {
  rows: number;
  bytes: number;
  /** Why nothing was exported (no runs, none matching the run glob, no tag matching), if so. */
  nothingFound?: string;
}

// Texts have their own column, so `value` holds numbers only (pandas reads it as floats).
const CSV_HEADER = 'run,tag,kind,step,wall_time,value,bucket_left,bucket_right,text\n';

function csvNumber(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  return String(x);
}

/**
 * A text cell. One that starts with = + - @ (or a tab or CR) would run as a formula when the CSV is
 * opened in a spreadsheet: it gets a leading ' (OWASP's advice), which spreadsheets show as text.
 */
function csvText(s: string): string {
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function jsonNumber(x: number): number | string {
  return Number.isFinite(x) ? x : Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

export async function exportLogdir(
  logdir: string,
  format: ExportFormat,
  out: Writable,
  options: LoadOptions = {},
): Promise<ExportResult> {
  if (format !== 'csv' && format !== 'jsonl')
    throw new TypeError(`format must be 'csv' or 'jsonl', got ${String(format)}`);
  if (out === null || typeof out !== 'object' || typeof (out as Writable).write !== 'function')
    throw new TypeError(`out must be a writable stream, got ${describe(out)}`);
  let chunk: string[] = [];
  let size = 0;
  let rows = 0;
  const write = async () => {
    if (chunk.length === 0) return;
    const text = chunk.join('');
    chunk = [];
    size = 0;
    // An output that failed or was closed (a full disk; a pipe whose reader exited: EPIPE) ends the
    // export with its error, instead of waiting for a 'drain' that never comes.
    const failed = () =>
      out.errored ?? (out.destroyed ? new Error('the output was closed before the export finished') : null);
    if (failed()) throw failed();
    if (!out.write(text))
      await new Promise<void>((resolve, reject) => {
        const done = (err?: Error | null) => {
          out.off('drain', done);
          out.off('error', done);
          out.off('close', done);
          const e = err ?? failed();
          if (e) reject(e);
          else resolve();
        };
        out.once('drain', done);
        out.once('error', done);
        out.once('close', done);
      });
  };
  const push = (line: string) => {
    chunk.push(line);
    size += line.length;
    rows++;
  };
  if (format === 'csv') chunk.push(CSV_HEADER);
  const result = await scanLogdir(
    logdir,
    {
      ...options,
      afterBatch: async () => {
        if (size > 1 << 16) await write();
      },
    },
    (run, step, wallTime, v) => {
      if (format === 'csv') {
        const head = `${csvText(run)},${csvText(v.tag)},${v.kind},${step},${csvNumber(wallTime)}`;
        if (v.kind === 'scalar') push(`${head},${csvNumber(v.value)},,,\n`);
        else if (v.kind === 'histogram') {
          for (let i = 0; i < v.buckets.length; i += 3) {
            push(
              `${head},${csvNumber(v.buckets[i + 2]!)},${csvNumber(v.buckets[i]!)},${csvNumber(v.buckets[i + 1]!)},\n`,
            );
          }
        } else if (v.kind === 'text') push(`${head},,,,${csvText(v.text)}\n`);
      } else {
        // JSON numbers are doubles to most readers: a step beyond 2^53 is an exact decimal string.
        const base = {
          run,
          tag: v.tag,
          kind: v.kind,
          step: typeof step === 'bigint' ? String(step) : step,
          wall_time: jsonNumber(wallTime),
        };
        if (v.kind === 'scalar') push(`${JSON.stringify({ ...base, value: jsonNumber(v.value) })}\n`);
        else if (v.kind === 'histogram') {
          for (let i = 0; i < v.buckets.length; i += 3) {
            const row = {
              ...base,
              value: jsonNumber(v.buckets[i + 2]!),
              bucket_left: jsonNumber(v.buckets[i]!),
              bucket_right: jsonNumber(v.buckets[i + 1]!),
            };
            push(`${JSON.stringify(row)}\n`);
          }
        } else if (v.kind === 'text') push(`${JSON.stringify({ ...base, text: v.text })}\n`);
      }
    },
  );
  await write();
  const { runs, allRuns, discovered, points, ...rest } = result;
  const why = nothingFound(
    logdir,
    options,
    { discovered, points },
    runs.map((r) => r.name),
    allRuns,
  );
  return { ...rest, rows, ...(why === undefined ? {} : { nothingFound: why }) };
}
