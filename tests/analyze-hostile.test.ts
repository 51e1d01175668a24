/**
 * analyze() and inspect on hostile logdirs written at the proto level: wall times that are not dates,
 * steps beyond 2^53, epoch and step axes, tensors whose shape promises more than the file holds,
 * symlink chains.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze/analyze.js';
import { renderText } from '../src/analyze/format.js';
import { inspectLogdir, renderInspection } from '../src/inspect.js';
import { cli, scalarEvent, writeEvents } from './analyze-helpers.js';
import { tempDir } from './helpers.js';

const T0 = 1_700_000_000;

describe('wall times that are not dates (issue 13 #9)', () => {
  it('are left out of the span and counted, in inspect and analyze, never crashing', async () => {
    const dir = tempDir();
    const bad = [Number.POSITIVE_INFINITY, 1e20, -1e20, Number.NaN, Number.NEGATIVE_INFINITY];
    await writeEvents(join(dir, 'run'), [
      scalarEvent(1, [['loss', 1]], T0),
      ...bad.map((t, i) => scalarEvent(2 + i, [['loss', 1]], t)),
      scalarEvent(10, [['loss', 0.5]], T0 + 90),
    ]);
    const x = await inspectLogdir(dir);
    expect(x.runs[0]!.firstWallTime).toBe(T0);
    expect(x.runs[0]!.lastWallTime).toBe(T0 + 90);
    expect(x.runs[0]!.invalidWallTimes).toBe(bad.length);
    const text = renderInspection(x);
    expect(text).toContain(
      `${new Date(T0 * 1000).toISOString()} .. ${new Date((T0 + 90) * 1000).toISOString()}`,
    );
    expect(text).toContain('5 event(s) with a wall time that is not a date');
    const c = await cli(['inspect', dir]);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('5 event(s) with a wall time that is not a date');

    const report = await analyze(dir);
    const r = report.runs[0]!;
    expect(r.wallTime).toEqual({ first: T0, last: T0 + 90 });
    expect(r.invalidWallTimes).toBe(bad.length);
    const out = renderText(report);
    expect(out).toContain('steps 1-10, 1m 30s;');
    expect(out).toContain('5 events with a wall time that is not a date');
  });
});
