/**
 * SIGKILL at random moments: a child trains with the callback (flush interval 1 s) and is killed
 * between 0.3 and 3 s into training, KILL_TRIALS times (default 20). Every event file left behind
 * reads without error in our reader and in real TensorBoard (both loaders), and every record the
 * writer had reported written (its completed writes, which the child prints after each batch) is in
 * the files: what the writer promises and can observe, whatever the machine's load. How many steps
 * older than the flush interval plus 0.6 s (SLACK_MS) were still unwritten is printed, not asserted:
 * on a busy machine the event loop that runs the writes is late (issue 14 #2). SIGINT and SIGTERM
 * take the normal exit path and lose nothing (tests/exit.test.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventFileReader } from '../src/events/reader.js';
import { discoverRuns, readSummaries } from '../src/index.js';
import { num, startBothLoaders, type TensorBoardServer, tensorboardAvailable } from './compat/tensorboard.js';
import { tempDir } from './helpers.js';
import { pool, writerChild, writtenSteps } from './writer-exit-helpers.js';

const TRIALS = Number(process.env.KILL_TRIALS ?? 20);
const FLUSH_MS = 1000;
// The flush timer fires every FLUSH_MS, but the file's open and write run as async steps whose
// continuations wait for the event loop, which a training step holds for tens of milliseconds at
// a time. With 0.3 s of slack one trial of twenty lost its step 1, which had ended 1.37 s before
// the kill: a first flush (mkdir, open, write) can land that much past the interval.
const SLACK_MS = 600;
const ROOT = join(import.meta.dirname, '..');

interface Trial {
  name: string;
  killedAt: number;
  /** step -> time its batch ended (what the child had handed to the writer). */
  ended: Map<number, number>;
  /** The most records the train run's writer reported written (on disk) before the kill. */
  written: number;
}

/** Runs one child and kills it `delay` ms after its first batch. */
function trial(logdir: string, name: string, delay: number): Promise<Trial> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests/fixtures/kill-child.ts'), join(logdir, name)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    const ended = new Map<number, number>();
    let killedAt = 0;
    let written = 0;
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const line of lines) {
        const [s, t, w] = line.split(' ');
        if (t === undefined) continue;
        ended.set(Number(s), Number(t));
        written = Math.max(written, Number(w ?? 0));
        if (ended.size === 1) {
          setTimeout(() => {
            killedAt = Date.now();
            child.kill('SIGKILL');
          }, delay);
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`child ${name} ended with ${signal ?? _code} before the kill`));
      else resolve({ name, killedAt, ended, written });
    });
  });
}

/** [step, value] of batch_loss in a run directory ([] if the child never flushed one). */
async function batchLosses(dir: string): Promise<Array<[number, number]>> {
  if (!existsSync(dir)) return [];
  const out: Array<[number, number]> = [];
  for await (const p of readSummaries(dir)) {
    if (p.value.kind === 'scalar' && p.value.tag === 'batch_loss') out.push([p.step, p.value.value]);
  }
  return out;
}

const available = tensorboardAvailable();

describe.skipIf(!available)(`SIGKILL at random moments (${TRIALS} trials)`, () => {
  const logdir = tempDir('gradwatch-kill-');
  const trials: Trial[] = [];
  let servers: TensorBoardServer[] = [];

  beforeAll(async () => {
    // Deterministic spread of kill delays, two children at a time.
    const delays = Array.from({ length: TRIALS }, (_, i) => 300 + ((i * 7919) % 2700));
    for (let i = 0; i < TRIALS; i += 2) {
      trials.push(
        ...(await Promise.all(
          delays.slice(i, i + 2).map((d, j) => trial(logdir, `t${String(i + j).padStart(2, '0')}`, d)),
        )),
      );
    }
    // A child killed before its first flush leaves no train/ file: wait only for the runs that exist.
    const expected: string[] = [];
    for (const t of trials)
      if ((await batchLosses(join(logdir, t.name, 'train'))).length > 0) expected.push(`${t.name}/train`);
    servers = await startBothLoaders(logdir, async (s) => {
      const tags = await s.get<Record<string, Record<string, unknown>>>('/data/plugin/scalars/tags');
      return expected.every((run) => tags[run]?.batch_loss !== undefined);
    });
  }, 600_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('leaves files our reader reads without error, and loses nothing the writer reported written', async () => {
    let torn = 0;
    let late = 0;
    for (const t of trials) {
      // Killed before the first flush: no files at all (nothing was due yet).
      const { runs } = existsSync(join(logdir, t.name))
        ? await discoverRuns(join(logdir, t.name))
        : { runs: [] };
      let trainRecords = 0;
      for (const run of runs) {
        for (const f of run.files) {
          const reader = new EventFileReader(f); // onCorrupt 'throw': any damage fails the test
          for await (const batch of reader.eventBatches()) {
            if (run.name === 'train') trainRecords += batch.filter((e) => !e.event.fileVersion).length;
          }
          if (reader.incomplete) torn++;
        }
      }
      // Everything the writer had reported written is on disk (a kill does not undo a completed write).
      expect(trainRecords, `${t.name}: records on disk vs reported written`).toBeGreaterThanOrEqual(
        t.written,
      );
      const steps = new Set((await batchLosses(join(logdir, t.name, 'train'))).map(([s]) => s));
      const due = [...t.ended].filter(([, at]) => at < t.killedAt - FLUSH_MS - SLACK_MS).map(([s]) => s);
      late += due.filter((s) => !steps.has(s)).length;
    }
    // Reported for the closing note: how many kills landed with a write in flight.
    const checked = trials.reduce(
      (a, t) => a + [...t.ended.values()].filter((at) => at < t.killedAt - FLUSH_MS - SLACK_MS).length,
      0,
    );
    console.log(
      `kill trials: ${trials.length}, steps older than the flush interval + ${SLACK_MS} ms: ${checked}, of which unwritten at the kill (a late event loop): ${late}; files with a torn tail: ${torn}`,
    );
  });

  it('leaves files both TensorBoard loaders read, with the same points as our reader', async () => {
    for (const server of servers) {
      for (const t of trials) {
        const ours = await batchLosses(join(logdir, t.name, 'train'));
        if (ours.length === 0) continue; // killed before its first flush: no file to serve
        const rows = await server.get<Array<[number, number, unknown]>>(
          `/data/plugin/scalars/scalars?run=${encodeURIComponent(`${t.name}/train`)}&tag=batch_loss`,
        );
        expect(
          rows.map((r) => [r[1], num(r[2])]),
          `${t.name} (load_fast=${server.loadFast})`,
        ).toEqual(ours);
      }
    }
  });
});

// Issue 13 #1: the writer now writes at explicit file offsets and can finish an asynchronous write
// synchronously. A SIGKILL at any moment must still leave files that read without error, hold each
// point once and in order, and hold everything a resolved flush() covered. A plain SIGKILL cannot
// flush, so points after the last resolved flush may be missing; nothing before it may be.
describe('SIGKILL of a writer at random moments relative to its writes (issue 13 #1)', () => {
  it('leaves readable files with every flushed point, once and in order', async () => {
    const cases = Array.from({ length: 12 }, (_, i) => ({
      flushMillis: [1, 5, 50][i % 3]!,
      flushesBeforeKill: 1 + (i % 4),
      extraMs: (i * 37) % 23,
    }));
    const results = await pool(
      cases.map((c) => async () => {
        const dir = tempDir('gradwatch-writer-kill-');
        let flushed = 0;
        let seen = 0;
        let killed = false;
        const r = await writerChild([dir, 'loop', String(c.flushMillis), '0', 'kill'], (line, kill) => {
          if (!line.startsWith('flushed ')) return;
          if (!killed) flushed = Number(line.slice(8));
          if (++seen === c.flushesBeforeKill && !killed) {
            setTimeout(() => {
              killed = true;
              kill('SIGKILL');
            }, c.extraMs);
          }
        });
        return { ...c, signal: r.signal, flushed, ...(await writtenSteps(dir)) };
      }),
    );
    for (const r of results) {
      const label = `flushMillis ${r.flushMillis}, killed ${r.extraMs} ms after flush ${r.flushesBeforeKill}`;
      expect(r.signal, label).toBe('SIGKILL');
      expect(r.flushed, label).toBeGreaterThan(0);
      expect(r.steps.length, `${label}: ${r.flushed} flushed`).toBeGreaterThanOrEqual(r.flushed);
      expect(r.steps, label).toEqual(Array.from({ length: r.steps.length }, (_, i) => i));
    }
  }, 120_000);
});
