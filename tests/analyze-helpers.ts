/**
 * Helpers for the analyze/CLI tests: hostile logdirs written at the proto level with the project's
 * own writer, and the CLI run as a child process.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Long from 'long';
import { Event, type EventInit, type SummaryValueInit } from '../src/proto/index.js';
import { frameRecord } from '../src/tfrecord/index.js';

export const ROOT = resolve(import.meta.dirname, '..');
const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion. */
export function cli(args: string[], timeout = 60_000): Promise<CliResult> {
  return promisify(execFile)(process.execPath, [...CLI, ...args], {
    cwd: ROOT,
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

/** Starts the CLI, returning the child (stdout and stderr piped). */
export function spawnCli(args: string[]) {
  return spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves with the exit code and stderr of a child. */
export function exited(child: ReturnType<typeof spawnCli>): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((res) => child.on('close', (code) => res({ code, stderr })));
}

/** An int64 step, exact (a decimal string for values beyond 2^53). */
export function int64(v: number | string | bigint): Long {
  return Long.fromString(String(v));
}

/**
 * Writes exactly these events (no file_version record added) as one event file in `dir`, framed by
 * the project's TFRecord framing. Returns the file's path.
 */
export async function writeEvents(
  dir: string,
  events: EventInit[],
  name = 'events.out.tfevents.1.test',
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, Buffer.concat(events.map((e) => frameRecord(Event.encode(e).finish()))));
  return path;
}

/** A simple_value scalar summary value. */
export function scalarValue(tag: string, value: number): SummaryValueInit {
  return { tag, simpleValue: value };
}

/** An event at `step` holding scalar values. */
export function scalarEvent(
  step: number | Long,
  values: Array<[string, number]>,
  wallTime = 1_700_000_000,
): EventInit {
  return { wallTime, step, summary: { value: values.map(([t, v]) => scalarValue(t, v)) } };
}
