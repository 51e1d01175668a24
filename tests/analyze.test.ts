/**
 * analyze(), follow() and their pieces on logdirs written by gradwatch: alerts written during
 * training, damaged and torn files (reported with file and byte offset, the rest still analysed),
 * following a growing run, run globs and sparklines.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze/analyze.js';
import { Downsampler } from '../src/analyze/downsample.js';
import { exportLogdir } from '../src/analyze/export.js';
import { follow } from '../src/analyze/follow.js';
import { sparkline } from '../src/analyze/format.js';
import { globToRegExp } from '../src/analyze/load.js';
import type { Alert } from '../src/detect/types.js';
import { SummaryWriter } from '../src/index.js';
import { tempDir } from './helpers.js';

/** A run as the callback writes it: two layers, a NaN from `nanFrom` on, an alert series. */
async function writeRun(dir: string, steps: number, nanFrom = Number.POSITIVE_INFINITY): Promise<string> {
  const w = new SummaryWriter(dir);
  for (let s = 1; s <= steps; s++) {
    const bad = s >= nanFrom;
    const wobble = 1 + 0.05 * Math.sin(s * 1.7);
    const a = bad ? Number.NaN : 1 * wobble;
    const b = bad ? Number.NaN : 0.5 * wobble;
    w.scalars(
      [
        ['grad_norm/global', Math.hypot(a, b)],
        ['grad_norm/dense_1', a],
        ['grad_norm/dense_2', b],
        ['grad_norm/dense_1/kernel', a],
        ['grad_max/dense_1/kernel', 0.1],
        ['nonfinite/dense_1/kernel/nan', bad ? 12 : 0],
        ['weight_norm/dense_1', 3],
        ['update_ratio/dense_1', 1e-3],
        ['alerts/non_finite_grad', bad ? 2 : 0],
        ['batch_loss', bad ? Number.NaN : 1 / s],
      ],
      s,
    );
    if (s === nanFrom) w.text('alerts/explanation', '### Non-finite gradients', s);
  }
  await w.close();
  return w.path;
}

describe('analyze() on gradwatch logs', () => {
  it('reports the span, the alerts written during training, the detector findings and the verdict', async () => {
    const dir = tempDir();
    await writeRun(join(dir, 'train'), 60, 50);
    const report = await analyze(dir);
    const r = report.runs[0]!;
    expect(r.run).toBe('train');
    expect(r.steps).toEqual({ first: 1, last: 60 });
    expect(r.tags).toEqual({ scalars: 10, histograms: 0, texts: 1, other: 0 });
    expect(r.loss?.tag).toBe('batch_loss');
    expect(r.gradients?.tag).toBe('grad_norm/global');
    expect(r.gradients?.topLayers.map((l) => l.layer)).toEqual(['dense_1', 'dense_2']);
    expect(r.gradients!.topLayers[0]!.share).toBeCloseTo(0.8, 2);
    expect(r.alertsLogged).toEqual([{ rule: 'non_finite_grad', steps: 11, firstStep: 50, level: 2 }]);
    expect(r.explanationsLogged).toBe(1);
    const nf = r.alertsFound.find((a) => a.rule === 'non_finite_grad')!;
    expect(nf.step).toBe(50);
    expect(nf.details.nan).toBe(12);
    expect(r.firstNonFinite?.step).toBe(50);
    expect(r.rulesRun).toEqual([
      'non_finite_grad',
      'non_finite_weights',
      'non_finite_loss',
      'grad_spike',
      'loss_spike',
      'grad_growth',
      'vanishing',
      'update_ratio',
    ]);
    expect(r.level).toBe('error');
    expect(report.level).toBe('error');
  });

  it('reports damaged records and torn tails with file and byte offset, and analyses the rest', async () => {
    const dir = tempDir();
    const path = await writeRun(join(dir, 'train'), 30);
    const bytes = readFileSync(path);
    // Flip a byte inside the 10th record's payload (records: file_version, then one per step).
    let offset = 0;
    for (let i = 0; i < 10; i++) offset += 16 + Number(bytes.readBigUInt64LE(offset));
    bytes[offset + 20] = bytes[offset + 20]! ^ 0xff;
    writeFileSync(path, bytes);
    appendFileSync(path, Buffer.from([9, 9, 9]));
    const report = await analyze(dir);
    expect(report.corrupt).toEqual([expect.objectContaining({ file: path, offset })]);
    expect(report.truncated).toEqual([{ file: path, offset: bytes.length, bytes: 3 }]);
    expect(report.runs[0]!.loss?.points).toBe(29);
    expect(report.runs[0]!.steps).toEqual({ first: 1, last: 30 });
    expect(report.level).toBe('warning');
  });

  it('names a logdir it cannot read', async () => {
    await expect(analyze('/nonexistent/logdir')).rejects.toThrow('cannot read logdir /nonexistent/logdir');
  });

  it('filters runs by glob and tags by regex', async () => {
    const dir = tempDir();
    await writeRun(join(dir, 'a', 'train'), 5);
    await writeRun(join(dir, 'b', 'train'), 5);
    const report = await analyze(dir, { run: 'a/*', tag: /^grad_norm\// });
    expect(report.runs.map((r) => r.run)).toEqual(['a/train']);
    expect(report.runs[0]!.tags.scalars).toBe(4);
    expect(report.runs[0]!.loss).toBeUndefined();
  });

  it('filters tags statelessly: a RegExp with the g or y flag keeps every point (issue 13 #21)', async () => {
    const dir = tempDir();
    const w = new SummaryWriter(join(dir, 'train'));
    for (let s = 1; s <= 20; s++) w.scalar('batch_loss', 1 / s, s);
    await w.close();
    for (const tag of [/loss/g, /batch_loss/y]) {
      const report = await analyze(dir, { tag });
      expect(report.runs[0]!.loss?.points).toBe(20);
      const chunks: string[] = [];
      const out = new PassThrough().on('data', (d: Buffer) => chunks.push(d.toString()));
      const r = await exportLogdir(dir, 'csv', out, { tag });
      expect(r.rows).toBe(20);
      expect(tag.lastIndex).toBe(0);
    }
  });
});

describe('follow()', () => {
  it('prints the alerts of a growing run as its steps complete', async () => {
    const dir = tempDir();
    const w = new SummaryWriter(join(dir, 'live'));
    const seen: Array<[string, Alert]> = [];
    const stop = new AbortController();
    const following = follow(dir, {
      intervalMs: 50,
      signal: stop.signal,
      onAlert: (run, a) => seen.push([run, a]),
    });
    for (let s = 1; s <= 60; s++) w.scalar('grad_norm', s === 40 ? 50 : 1 + 0.05 * Math.sin(s), s);
    await w.flush();
    const deadline = Date.now() + 10_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    stop.abort();
    await following;
    await w.close();
    expect(seen.map(([run, a]) => [run, a.rule, a.step])).toEqual([['live', 'grad_spike', 40]]);
  });
});

describe('pieces', () => {
  it('matches run globs: * within a segment, ** across, ? one character', () => {
    expect(globToRegExp('exp*/train').test('exp1/train')).toBe(true);
    expect(globToRegExp('exp*').test('exp1/train')).toBe(false);
    expect(globToRegExp('**/train').test('a/b/train')).toBe(true);
    expect(globToRegExp('run?').test('run1')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });

  it('draws sparklines, on a log scale for wide ranges, with non-finite values marked', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([1, 10, 100, 1000, Number.NaN])).toBe('▁▃▆█×');
  });

  it('keeps a bounded, evenly spaced sample of a long series', () => {
    const d = new Downsampler(100);
    for (let i = 0; i < 1_000_000; i++) d.push(i, i);
    expect(d.steps.length).toBeGreaterThanOrEqual(100);
    expect(d.steps.length).toBeLessThan(200);
    const gaps = new Set(d.steps.slice(1).map((s, i) => s - d.steps[i]!));
    expect(gaps.size).toBe(1);
  });
});

describe('StepSeries', () => {
  it('keeps steps sorted, replaces a repeated step, and inserts late ones in place', async () => {
    const { StepSeries } = await import('../src/analyze/step-series.js');
    const s = new StepSeries();
    for (let i = 0; i < 100; i++) s.set(i * 2, i);
    s.set(10, -1); // repeated: replaced
    s.set(11, 0.5); // late: inserted
    expect(s.size).toBe(101);
    expect(s.get(10)).toBe(-1);
    expect(s.get(11)).toBe(0.5);
    expect(s.get(13)).toBeUndefined();
    const keys = [...s.keys()];
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect([...s].slice(5, 7)).toEqual([
      [10, -1],
      [11, 0.5],
    ]);
  });
});
