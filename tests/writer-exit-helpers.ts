/**
 * Helpers for the tests that end a writing child process at random moments (tests/exit.test.ts,
 * tests/kill.test.ts): run tests/fixtures/writer-exit-child.ts, and read back what reached disk.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { discoverRuns, EventFileReader } from '../src/index.js';
import { int64ToNumber } from '../src/proto/index.js';

const ROOT = resolve(import.meta.dirname, '..');

/** Runs tests/fixtures/writer-exit-child.ts; resolves with how it ended and the lines it printed. */
export function writerChild(
  args: string[],
  onLine?: (line: string, kill: (s: NodeJS.Signals) => void) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[] }> {
  return new Promise((done, fail) => {
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests/fixtures/writer-exit-child.ts'), ...args],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines: string[] = [];
    let buf = '';
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        onLine?.(line, (sig) => p.kill(sig));
      }
    });
    p.on('error', fail);
    p.on('exit', (code, signal) => done({ code, signal, lines }));
  });
}

/** The steps of tag "x" in every event file under `dir`, files in TensorBoard's order; files with a torn tail. */
export async function writtenSteps(dir: string): Promise<{ steps: number[]; torn: string[] }> {
  const steps: number[] = [];
  const torn: string[] = [];
  if (!existsSync(dir)) return { steps, torn };
  for (const run of (await discoverRuns(dir)).runs) {
    for (const file of run.files) {
      const reader = new EventFileReader(file); // onCorrupt 'throw': a damaged record fails the test
      for await (const { event } of reader.events()) {
        for (const v of event.summary?.value ?? []) if (v.tag === 'x') steps.push(int64ToNumber(event.step));
      }
      if (reader.incomplete) torn.push(file);
    }
  }
  return { steps, torn };
}

/** Runs `jobs` at most `width` at a time. */
export async function pool<T>(jobs: Array<() => Promise<T>>, width = 3): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return out;
}
