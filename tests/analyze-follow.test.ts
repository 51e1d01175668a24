/**
 * follow() (the watch command) on logdirs that come, go and stop growing: it waits for a logdir that
 * does not exist yet, survives runs and files that disappear while it polls, reports alerts at the
 * last step of a run, and keeps one abort listener however long it runs.
 */
import { getEventListeners } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { follow } from '../src/analyze/follow.js';
import type { Alert } from '../src/detect/types.js';
import { EventFileReader } from '../src/events/reader.js';
import { scalarEvent, writeEvents } from './analyze-helpers.js';
import { tempDir } from './helpers.js';

/** A run whose gradient norm spikes at `spikeAt` (and ends at `steps`). */
function spikingRun(dir: string, steps: number, spikeAt: number, name = 'events.out.tfevents.1.test') {
  return writeEvents(
    dir,
    Array.from({ length: steps }, (_, i) =>
      scalarEvent(i + 1, [['grad_norm', i + 1 === spikeAt ? 80 : 1 + 0.05 * Math.sin(i)]]),
    ),
    name,
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond() && Date.now() < deadline) await sleep(25);
}

function start(logdir: string, intervalMs = 50) {
  const seen: Array<[string, string, number]> = [];
  const notes: string[] = [];
  const stop = new AbortController();
  const done = follow(logdir, {
    intervalMs,
    signal: stop.signal,
    onAlert: (run: string, a: Alert) => seen.push([run, a.rule, a.step]),
    onNote: (m: string) => notes.push(m),
  });
  // A rejection is checked by the test's own await; this keeps it from being reported as unhandled.
  done.catch(() => undefined);
  return { seen, notes, stop, signal: stop.signal, done };
}

describe('follow()', () => {
  it('waits for a logdir that does not exist yet, and for one that is removed and made again (issue 13 #10)', async () => {
    const logdir = join(tempDir(), 'not-yet');
    const f = start(logdir);
    await sleep(200);
    await spikingRun(join(logdir, 'a'), 40, 30);
    await until(() => f.seen.length > 0);
    expect(f.seen).toEqual([['a', 'grad_spike', 30]]);
    rmSync(logdir, { recursive: true });
    await sleep(200);
    await spikingRun(join(logdir, 'b'), 40, 20);
    await until(() => f.seen.length > 1);
    f.stop.abort();
    await f.done;
    expect(f.seen).toEqual([
      ['a', 'grad_spike', 30],
      ['b', 'grad_spike', 20],
    ]);
    expect(f.notes.filter((n) => n.includes('waiting for'))).toHaveLength(2);
  });

  it('goes on when a run directory or an event file disappears while it reads (issue 13 #10)', async () => {
    const logdir = tempDir();
    const gone = await spikingRun(join(logdir, 'gone'), 10, 0);
    await spikingRun(join(logdir, 'stays'), 40, 30);
    // The file vanishes between discovery and reading (as when a run directory is deleted mid-poll).
    const real = EventFileReader.prototype.eventBatches;
    const spy = vi.spyOn(EventFileReader.prototype, 'eventBatches').mockImplementation(function (
      this: EventFileReader,
    ) {
      if (this.path !== gone) return real.call(this);
      return (async function* () {
        yield* [];
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${gone}'`), {
          code: 'ENOENT',
        });
      })();
    });
    try {
      const f = start(logdir);
      await until(() => f.seen.length > 0);
      await sleep(150);
      f.stop.abort();
      await f.done;
      expect(f.seen).toEqual([['stays', 'grad_spike', 30]]);
      expect(f.notes.some((n) => n.includes(gone) && n.includes('disappeared'))).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('reports an alert at the last step of a run once the run stops growing (issue 13 #11)', async () => {
    const logdir = tempDir();
    await spikingRun(join(logdir, 'run'), 40, 40);
    const f = start(logdir);
    await until(() => f.seen.length > 0, 3000);
    f.stop.abort();
    await f.done;
    expect(f.seen).toEqual([['run', 'grad_spike', 40]]);
  });

  it('evaluates the steps it has read when it is stopped (issue 13 #11)', async () => {
    const logdir = tempDir();
    await spikingRun(join(logdir, 'run'), 40, 40);
    const f = start(logdir, 60_000);
    await sleep(400);
    f.stop.abort();
    await f.done;
    expect(f.seen).toEqual([['run', 'grad_spike', 40]]);
  });

  it('keeps at most one abort listener, however many polls (issue 13 #12)', async () => {
    const logdir = tempDir();
    await spikingRun(join(logdir, 'run'), 5, 0);
    const f = start(logdir, 50);
    await sleep(800);
    expect(getEventListeners(f.signal, 'abort').length).toBeLessThanOrEqual(1);
    f.stop.abort();
    await f.done;
    expect(getEventListeners(f.signal, 'abort').length).toBe(0);
  });
});
