import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSummaries } from '../src/index.js';
import { tempDir } from './helpers.js';
import { pool, writerChild, writtenSteps } from './writer-exit-helpers.js';

const ROOT = resolve(import.meta.dirname, '..');

function child(dir: string, how: string, n: number, signal?: NodeJS.Signals) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((done) => {
    const t = Date.now();
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests/fixtures/exit-child.ts'), dir, how, String(n)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    p.stdout.on('data', (d: Buffer) => {
      if (signal && d.toString().includes('ready')) p.kill(signal);
    });
    p.on('exit', (code, sig) => done({ code, signal: sig, ms: Date.now() - t }));
  });
}

async function steps(dir: string): Promise<number[]> {
  const out: number[] = [];
  for await (const p of readSummaries(dir)) out.push(p.step);
  return out;
}

const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('nothing buffered is lost when the process ends', () => {
  it('flushes on natural exit, and its timer does not keep the process alive', async () => {
    const dir = tempDir();
    const r = await child(dir, 'natural', 5000);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(15_000); // the 600 s flush timer did not hold the process
    expect(await steps(dir)).toEqual(all(5000));
  });

  it('flushes on process.exit()', async () => {
    const dir = tempDir();
    expect((await child(dir, 'exit', 3000)).code).toBe(0);
    expect(await steps(dir)).toEqual(all(3000));
  });

  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    it(`flushes on ${sig} and still ends by that signal`, async () => {
      const dir = tempDir();
      const r = await child(dir, 'wait', 2000, sig);
      expect(r.signal).toBe(sig);
      expect(await steps(dir)).toEqual(all(2000));
    });
  }
});

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

// Issue 13 #1: the exit-time flush used to do nothing while an asynchronous write was in flight, so
// a process.exit() at the wrong moment lost everything that write and the buffer held. Each case
// below ends the process at a different point relative to the writer's asynchronous steps (mkdir,
// open, stat, write, a second write) and checks what the writer promises: every point handed over
// before the exit is on disk, once, in order, and no record is torn.
describe('process.exit() with a write in flight (issue 13 #1)', () => {
  it('keeps every point when the process exits a few turns after a flush() it did not await', async () => {
    const cases: Array<[number, string]> = [];
    for (const how of ['none', 'microtask', 'immediate', 'timeout']) {
      for (const turns of how === 'none' ? [0] : [1, 2, 3, 5, 8]) cases.push([turns, how]);
    }
    const results = await pool(
      cases.map(([turns, how]) => async () => {
        const dir = tempDir();
        const r = await writerChild([dir, 'unawaited', String(turns), how]);
        return { turns, how, code: r.code, ...(await writtenSteps(dir)) };
      }),
    );
    for (const r of results) {
      const label = `exit after ${r.turns} turn(s) by ${r.how}`;
      expect(r.code, label).toBe(0);
      expect(r.torn, label).toEqual([]);
      expect(r.steps, label).toEqual(range(0, 2000));
    }
  }, 120_000);

  it('keeps every point when an async training loop exits at random moments', async () => {
    // Deterministic spread of exit moments and flush intervals; a large text every 50 steps makes
    // writes long enough to be caught in flight.
    const cases = Array.from({ length: 12 }, (_, i) => ({
      flushMillis: [1, 5, 50][i % 3]!,
      ms: 120 + ((i * 7919) % 480),
      exit: i % 2 === 0 ? 'timer' : 'inline',
    }));
    const results = await pool(
      cases.map((c) => async () => {
        const dir = tempDir();
        const r = await writerChild([dir, 'loop', String(c.flushMillis), String(c.ms), c.exit]);
        const wrote = Number(r.lines.find((l) => l.startsWith('wrote '))?.slice(6) ?? Number.NaN);
        return {
          ...c,
          code: r.code,
          wrote,
          errors: r.lines.filter((l) => l.startsWith('error')),
          ...(await writtenSteps(dir)),
        };
      }),
    );
    for (const r of results) {
      const label = `flushMillis ${r.flushMillis}, exit ${r.exit} after ${r.ms} ms`;
      expect(r.code, label).toBe(0);
      expect(r.errors, label).toEqual([]);
      expect(r.torn, label).toEqual([]);
      expect(r.wrote, label).toBeGreaterThan(0);
      expect(r.steps.length, `${label}: wrote ${r.wrote}, file has ${r.steps.length}`).toBe(r.wrote);
      expect(r.steps, label).toEqual(range(0, r.wrote));
    }
  }, 120_000);

  it('keeps the points written after the event file or the logdir was deleted', async () => {
    const cases: Array<[string, number, string]> = [];
    for (const what of ['file', 'dir'])
      for (const turns of [0, 2]) for (const flush of ['no', 'yes']) cases.push([what, turns, flush]);
    const results = await pool(
      cases.map(([what, turns, flush]) => async () => {
        const dir = tempDir();
        const r = await writerChild([dir, 'deleted', what, String(turns), flush]);
        return { what, turns, flush, code: r.code, ...(await writtenSteps(dir)) };
      }),
    );
    for (const r of results) {
      const label = `${r.what} deleted, exit after ${r.turns} turn(s), flush ${r.flush}`;
      expect(r.code, label).toBe(0);
      expect(r.torn, label).toEqual([]);
      expect(r.steps, label).toEqual(range(500, 1000));
    }
  }, 120_000);
});

// Issue 13 #4: with a writer open, gradwatch's signal handlers used to replace Node's default, and a
// synchronous training loop (no await) never lets a handler run: Ctrl-C was ignored for the whole
// loop. Now a writer called from a loop that keeps the event loop blocked leaves SIGINT and SIGTERM
// to their default action and writes synchronously every flushMillis, so the signal ends the
// process at once and what was written by then is on disk, in order.
describe('a signal stops a synchronous training loop (issue 13 #4)', () => {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    it(`${sig} ends a loop that never yields, keeping what was written`, async () => {
      const dir = tempDir();
      let sentAt = 0;
      let written = 0;
      const send = (kill: (s: NodeJS.Signals) => void) => {
        if (sentAt) return;
        sentAt = Date.now();
        kill(sig);
      };
      let fallback: NodeJS.Timeout | undefined;
      const r = await writerChild([dir, 'syncloop', '100', '25'], (line, kill) => {
        if (line === 'ready') fallback = setTimeout(() => send(kill), 5000);
        if (line.startsWith('written ') && !sentAt) {
          written = Number(line.slice(8));
          send(kill);
        }
      });
      clearTimeout(fallback);
      const took = Date.now() - sentAt;
      expect(r.lines).not.toContain('done');
      expect(r.signal).toBe(sig);
      expect(took).toBeLessThan(5000); // the loop would have gone on for 25 s
      expect(written).toBeGreaterThan(0);
      const { steps } = await writtenSteps(dir); // reads with onCorrupt 'throw'; a torn tail is allowed
      expect(steps.length).toBeGreaterThanOrEqual(written);
      expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i));
    }, 60_000);
  }
});

// The callback writes a step's statistics a run of steps at a time (HOLD_MS in src/train/callback.ts):
// steps it still holds when the process ends go into the file with the writer's last flush.
describe('steps the callback still holds are written when the process ends mid-fit', () => {
  function fitChild(dir: string, how: 'exit' | 'wait', atBatch: number, signal?: NodeJS.Signals) {
    return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
      const p = spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'tests/fixtures/fit-exit-child.ts'), dir, how, String(atBatch)],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      p.stdout.on('data', (d: Buffer) => {
        if (signal && d.toString().includes('ready')) p.kill(signal);
      });
      p.on('exit', (code, sig) => done({ code, signal: sig }));
    });
  }

  async function normSteps(dir: string): Promise<number[]> {
    const out: number[] = [];
    for await (const p of readSummaries(join(dir, 'train')))
      if (p.value.tag === 'grad_norm/global') out.push(p.step);
    return out;
  }

  it('on process.exit() from a batch callback', async () => {
    const dir = tempDir();
    expect((await fitChild(dir, 'exit', 7)).code).toBe(0);
    expect(await normSteps(dir)).toEqual(range(1, 8));
  });

  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${sig} while the fit waits in a batch callback`, async () => {
      const dir = tempDir();
      expect((await fitChild(dir, 'wait', 9, sig)).signal).toBe(sig);
      expect(await normSteps(dir)).toEqual(range(1, 10));
    });
  }
});
