/**
 * analyze() and inspect on hostile logdirs written at the proto level: wall times that are not dates,
 * steps beyond 2^53, epoch and step axes, tensors whose shape promises more than the file holds,
 * symlink chains.
 */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze/analyze.js';
import { exportLogdir } from '../src/analyze/export.js';
import { follow } from '../src/analyze/follow.js';
import { renderJson, renderText } from '../src/analyze/format.js';
import { inspectLogdir, renderInspection } from '../src/cli/inspect.js';
import { discoverRuns } from '../src/events/logdir.js';
import { cli, int64, scalarEvent, writeEvents } from './analyze-helpers.js';
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

describe('steps beyond 2^53 (issue 13 #8)', () => {
  const MAX = 2n ** 63n - 1n;
  async function hugeSteps(): Promise<string> {
    const dir = tempDir();
    await writeEvents(join(dir, 'run'), [
      ...Array.from({ length: 40 }, (_, s) =>
        scalarEvent(s + 1, [
          ['batch_loss', 1 / (s + 1)],
          ['grad_norm', s === 30 ? 80 : 1 + 0.05 * Math.sin(s)],
        ]),
      ),
      scalarEvent(int64(MAX - 1n), [['batch_loss', 0.25]]),
      scalarEvent(int64(MAX), [['batch_loss', 0.5]]),
      scalarEvent(int64(-(2n ** 60n)), [['batch_loss', 0.75]]),
    ]);
    return dir;
  }

  it('keeps them exact in analyze, inspect and export, and runs the detector on the rest', async () => {
    const dir = await hugeSteps();
    const report = await analyze(dir);
    const r = report.runs[0]!;
    expect(r.steps).toEqual({ first: -(2n ** 60n), last: MAX });
    expect(r.unsafeStepPoints).toBe(3);
    expect(r.alertsFound.map((a) => [a.rule, a.step])).toEqual([['grad_spike', 31]]);
    expect(renderText(report)).toContain(`steps ${-(2n ** 60n)}-${MAX}`);
    expect(JSON.parse(renderJson(report)).runs[0].steps).toEqual({
      first: String(-(2n ** 60n)),
      last: String(MAX),
    });

    const x = await inspectLogdir(dir);
    const loss = x.runs[0]!.tags.find((t) => t.tag === 'batch_loss')!;
    expect([loss.firstStep, loss.lastStep]).toEqual([-(2n ** 60n), MAX]);
    expect(renderInspection(x)).toContain(`steps ${-(2n ** 60n)}..${MAX}`);

    const csv = await exportText(dir, 'csv');
    expect(csv).toContain(`run,batch_loss,scalar,${MAX - 1n},`);
    expect(csv).toContain(`run,batch_loss,scalar,${MAX},`);
    const steps = (await exportText(dir, 'jsonl'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).step);
    expect(steps.slice(-3)).toEqual([String(MAX - 1n), String(MAX), String(-(2n ** 60n))]);
    expect(steps[0]).toBe(1);
  });

  it('in follow (watch): the detector runs on the safe steps, nothing throws', async () => {
    const dir = await hugeSteps();
    const seen: Array<[string, number]> = [];
    const stop = new AbortController();
    const following = follow(dir, {
      intervalMs: 50,
      signal: stop.signal,
      onAlert: (_run, a) => seen.push([a.rule, a.step]),
    });
    const deadline = Date.now() + 5000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    stop.abort();
    await following;
    expect(seen).toEqual([['grad_spike', 31]]);
  });

  it('in the CLI: analyze reports, inspect --json prints', async () => {
    const dir = await hugeSteps();
    const a = await cli(['analyze', dir]);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('3 points at steps beyond 2^53');
    const b = await cli(['inspect', dir, '--json']);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout).runs[0].tags[0].lastStep).toBe(String(MAX));
    const c = await cli(['analyze', dir, '--format', 'json']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).runs[0].steps.last).toBe(String(MAX));
  });
});

async function exportText(dir: string, format: 'csv' | 'jsonl'): Promise<string> {
  const chunks: string[] = [];
  const out = new PassThrough().on('data', (d: Buffer) => chunks.push(d.toString()));
  await exportLogdir(dir, format, out);
  return chunks.join('');
}

describe('epoch and step axes (issue 13 #7)', () => {
  it('never compares an epoch with a step, and says which axis a step is on', async () => {
    const dir = tempDir();
    // Keras-style: batch series on the optimizer-step axis, epoch_* series on the epoch axis.
    await writeEvents(join(dir, 'keras'), [
      ...Array.from({ length: 16 }, (_, i) =>
        scalarEvent(i + 1, [
          ['batch_loss', i + 1 >= 2 ? Number.NaN : 1],
          ['grad_norm', i + 1 >= 2 ? Number.POSITIVE_INFINITY : 1],
        ]),
      ),
      scalarEvent(1, [['epoch_loss', Number.NaN]]),
      scalarEvent(2, [['epoch_loss', Number.NaN]]),
    ]);
    // Only epoch series.
    await writeEvents(join(dir, 'epochs'), [
      ...[1, 2, 3, 4, 5].map((e) => scalarEvent(e, [['epoch_loss', e >= 3 ? Number.NaN : 1 / e]])),
    ]);
    const report = await analyze(dir);
    const [epochs, keras] = report.runs;
    expect(keras!.firstNonFinite).toEqual({ axis: 'step', step: 2, tag: 'batch_loss' });
    expect(keras!.steps).toEqual({ first: 1, last: 16 });
    expect(keras!.epochs).toEqual({ first: 1, last: 2 });
    expect(epochs!.firstNonFinite).toEqual({ axis: 'epoch', step: 3, tag: 'epoch_loss' });
    expect(epochs!.steps).toBeNull();
    expect(epochs!.epochs).toEqual({ first: 1, last: 5 });
    expect(epochs!.loss).toMatchObject({ tag: 'epoch_loss', axis: 'epoch', firstNonFinite: 3 });
    expect(epochs!.alertsFound.map((a) => [a.rule, a.axis, a.step])).toEqual([
      ['non_finite_loss', 'epoch', 3],
    ]);
    const text = renderText(report);
    expect(text).toContain('first non-finite value: step 2 (batch_loss)');
    expect(text).not.toMatch(/step 1 \(epoch_loss\)/);
    expect(text).toContain('steps 1-16, epochs 1-2');
    expect(text).toContain('first non-finite value: epoch 3 (epoch_loss)');
    expect(text).toContain('verdict: ERROR diverged: non-finite epoch_loss from epoch 3');
    expect(text).toContain('non-finite from epoch 3');
    expect(text).toMatch(/ {4}epoch 3 non_finite_loss \[error\]/);
  });
});

describe('tensors whose shape promises more than the file holds (issue 13 #19)', () => {
  const DT_FLOAT = 1;
  const tensorValue = (tag: string, plugin: string, dims: number[], floatVal: number[]) => ({
    tag,
    metadata: { pluginData: { pluginName: plugin } },
    tensor: { dtype: DT_FLOAT, tensorShape: { dim: dims.map((size) => ({ size })) }, floatVal },
  });

  it('are reported as bad values with file and offset, in bounded memory, and the rest of the file is read', async () => {
    const dir = tempDir();
    const events = [
      ...Array.from({ length: 10 }, (_, i) => scalarEvent(i + 1, [['batch_loss', 1 / (i + 1)]])),
      {
        wallTime: T0,
        step: 10,
        summary: { value: [tensorValue('grad_hist/a', 'histograms', [2e7, 3], [1])] },
      },
      {
        wallTime: T0,
        step: 10,
        summary: { value: [tensorValue('grad_hist/b', 'histograms', [1e12, 3], [1])] },
      },
      { wallTime: T0, step: 10, summary: { value: [tensorValue('big_scalar', 'scalars', [1e12], [1])] } },
      {
        wallTime: T0,
        step: 10,
        summary: { value: [tensorValue('grad_hist/c', 'histograms', [-1, 3], [1, 2, 3])] },
      },
      ...Array.from({ length: 10 }, (_, i) =>
        scalarEvent(i + 11, [['batch_loss', i + 11 >= 15 ? Number.NaN : 1 / (i + 11)]]),
      ),
    ];
    const path = await writeEvents(join(dir, 'run'), events);
    const before = process.memoryUsage().rss;
    const report = await analyze(dir);
    expect(process.memoryUsage().rss - before).toBeLessThan(100e6);
    const r = report.runs[0]!;
    expect(r.steps).toEqual({ first: 1, last: 20 });
    expect(r.loss?.points).toBe(20);
    expect(r.firstNonFinite).toEqual({ axis: 'step', step: 15, tag: 'batch_loss' });
    expect(report.invalid.map((p) => [p.file, p.tag])).toEqual([
      [path, 'grad_hist/a'],
      [path, 'grad_hist/b'],
      [path, 'big_scalar'],
      [path, 'grad_hist/c'],
    ]);
    expect(report.invalid[0]!.reason).toMatch(/shape \[20000000,3\] .*1 value/);
    expect(report.invalid[0]!.offset).toBeGreaterThan(0);
    expect(report.level).toBe('error');
    expect(renderText(report)).toMatch(
      new RegExp(
        `bad value skipped: ${path} at byte \\d+: grad_hist/a: histogram tensor of shape \\[20000000,3\\]`,
      ),
    );

    const x = await inspectLogdir(dir);
    expect(x.invalid.map((p) => p.tag)).toEqual(['grad_hist/a', 'grad_hist/b', 'big_scalar', 'grad_hist/c']);
    expect(x.runs[0]!.tags.find((t) => t.tag === 'batch_loss')!.points).toBe(20);
    expect(renderInspection(x)).toContain('bad value skipped: ');
  });

  it('do not hide the rest of a run from a clean verdict', async () => {
    const dir = tempDir();
    await writeEvents(join(dir, 'run'), [
      {
        wallTime: T0,
        step: 1,
        summary: { value: [tensorValue('grad_hist/b', 'histograms', [1e12, 3], [1])] },
      },
      ...Array.from({ length: 10 }, (_, i) => scalarEvent(i + 1, [['batch_loss', 1 / (i + 1)]])),
    ]);
    const report = await analyze(dir);
    expect(report.runs[0]!.loss?.points).toBe(10);
    expect(report.unreadable).toEqual([]);
    expect(report.level).toBe('warning');
  });
});

describe('symlinks (issue 13 #20)', () => {
  const event = (dir: string) => writeEvents(dir, [scalarEvent(1, [['loss', 1]])]);

  it('are followed, but each real directory is visited once: chains of two links per level stay linear', async () => {
    const root = tempDir();
    const depth = 12;
    for (let i = 0; i <= depth; i++) await event(join(root, 'real', `d${i}`));
    for (let i = 0; i < depth; i++) {
      for (const l of ['l1', 'l2'])
        symlinkSync(join(root, 'real', `d${i + 1}`), join(root, 'real', `d${i}`, l));
    }
    symlinkSync(join(root, 'real', 'd0'), join(root, 'logdir-link'));
    const started = Date.now();
    const { runs } = await discoverRuns(join(root, 'logdir-link'));
    expect(Date.now() - started).toBeLessThan(5000);
    // d0 is the logdir; d1 is reached through d0/l1, d2 through d0/l1/l1, ...
    expect(runs.map((r) => r.name)).toEqual(
      Array.from({ length: depth + 1 }, (_, i) => (i === 0 ? '.' : Array(i).fill('l1').join('/'))),
    );
  });

  it('name a directory by its path without links when there is one, else by the fewest links', async () => {
    const root = tempDir();
    await event(join(root, 'b'));
    await event(join(root, 'c', 'deep'));
    const outside = tempDir();
    await event(join(outside, 'ext'));
    symlinkSync(join(root, 'b'), join(root, 'a_link')); // sorts before b
    symlinkSync(join(root, 'c'), join(root, 'b', 'to_c'));
    symlinkSync(join(outside, 'ext'), join(root, 'external'));
    symlinkSync(root, join(root, 'c', 'loop'));
    const { runs } = await discoverRuns(root);
    expect(runs.map((r) => r.name)).toEqual(['b', 'c/deep', 'external']);
  });
});
