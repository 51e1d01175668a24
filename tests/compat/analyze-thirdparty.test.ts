/**
 * `gradwatch analyze` and `export` on logdirs written by third-party writers in the test venv
 * (tensorboardX; TensorBoard's summary helpers with float tensors; double tensors as PyTorch writes
 * them; gradient histograms only): the report finds what was put there, and the export holds exactly
 * the values written.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AnalysisReport, analyze } from '../../src/analyze/analyze.js';
import { exportLogdir } from '../../src/analyze/export.js';
import { loadLogdir } from '../../src/analyze/load.js';
import { tempDir } from '../helpers.js';
import { num, REPO, runPython, tensorboardAvailable } from './tensorboard.js';

const available = tensorboardAvailable();
type Written = Record<string, Record<string, Array<[number, number | string]>>>;

const cli = (args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), ...args], {
    cwd: REPO,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe.skipIf(!available)('analyze and export on third-party logdirs', () => {
  const root = tempDir('gradwatch-thirdparty-');
  const logdir = join(root, 'logs');
  let written: Written;
  let report: AnalysisReport;
  const run = (name: string) => report.runs.find((r) => r.run === name)!;

  beforeAll(async () => {
    await runPython(join(REPO, 'tests/compat/py/write_training_logdirs.py'), [
      logdir,
      join(root, 'written.json'),
    ]);
    written = JSON.parse(readFileSync(join(root, 'written.json'), 'utf8')) as Written;
    report = await analyze(logdir);
  }, 60_000);

  it('finds the explosion in the tensorboardX run before the first non-finite value', () => {
    const r = run('torch_explodes');
    expect(r.loss?.tag).toBe('train/loss'); // not val/loss
    expect(r.gradients?.tag).toBe('train/grad_norm');
    expect(r.firstNonFinite).toEqual({ step: 108, tag: 'train/grad_norm', axis: 'step' });
    expect(r.loss?.firstNonFinite).toBe(110);
    expect(r.level).toBe('error');
    const first = r.alertsFound[0]!;
    expect(['grad_spike', 'grad_growth']).toContain(first.rule);
    expect(first.step).toBeGreaterThanOrEqual(90);
    expect(first.step).toBeLessThan(108);
    expect(r.alertsFound.find((a) => a.rule === 'non_finite_grad')?.step).toBe(108);
    expect(r.alertsFound.find((a) => a.rule === 'non_finite_loss')?.step).toBe(110);
    expect(r.rulesSkipped.map((s) => s.rule)).toEqual([
      'non_finite_weights',
      'vanishing',
      'update_ratio',
      'dead_units',
      'saturation',
      'activation_growth',
    ]);
    expect(r.verdict).toMatch(
      /^diverged: non-finite train\/grad_norm from step 108; first warning at step \d+/,
    );
  });

  it('calls the healthy float-tensor run clean, with its loss trend', () => {
    const r = run('keras_healthy');
    expect(r.level).toBe('clean');
    expect(r.loss?.tag).toBe('batch_loss');
    expect(r.loss?.points).toBe(200);
    expect(r.loss!.change).toBeLessThan(0.2);
    expect(r.loss!.first).toBe(num(written.keras_healthy!.batch_loss![0]![1]));
    // The v2 gradient histograms give estimated norms, so the gradient rules run too.
    expect(r.gradients?.source).toBe('histograms');
    expect(r.rulesRun).toEqual([
      'non_finite_grad',
      'non_finite_loss',
      'grad_spike',
      'loss_spike',
      'grad_growth',
      'vanishing',
    ]);
    expect(r.tags).toEqual({ scalars: 1, histograms: 1, texts: 1, other: 0 });
  });

  it('reads double tensors and blames the layer that spiked', () => {
    const r = run('lightning_double');
    expect(r.gradients?.tag).toBe('grad_2.0_norm_total');
    const spike = r.alertsFound.find((a) => a.rule === 'grad_spike')!;
    expect(spike.step).toBe(150);
    expect(spike.blame?.layer).toBe('layer2.weight');
    expect(r.alertsFound.filter((a) => a.step !== 150)).toEqual([]);
  });

  it('estimates gradient norms from histograms when no norm was logged', () => {
    const r = run('hist_only');
    expect(r.gradients?.source).toBe('histograms');
    const spike = r.alertsFound.find((a) => a.rule === 'grad_spike')!;
    expect(spike.step).toBe(40);
    expect(spike.blame?.layer).toBe('gradients/fc2');
  });

  it('exports every scalar with the value written, in CSV and JSON Lines', async () => {
    for (const format of ['csv', 'jsonl'] as const) {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const res = await exportLogdir(logdir, format, out);
      const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n');
      const rows =
        format === 'csv'
          ? lines.slice(1).map((l) => {
              const [runName, tag, kind, step, , value, , , ...rest] = l.split(',');
              // The text column comes last, quoted when it holds a comma; numbers never are.
              const joined = rest.join(',');
              const text = joined.startsWith('"')
                ? joined.slice(1, joined.lastIndexOf('"')).replace(/""/g, '"')
                : joined;
              return { run: runName!, tag: tag!, kind: kind!, step: Number(step), value: value!, text };
            })
          : lines.map(
              (l) =>
                JSON.parse(l) as {
                  run: string;
                  tag: string;
                  kind: string;
                  step: number;
                  value: number | string;
                  text?: string;
                },
            );
      expect(rows).toHaveLength(res.rows);
      const parse = (v: number | string) =>
        typeof v === 'number'
          ? v
          : v === 'nan' || v === 'NaN'
            ? Number.NaN
            : v === 'inf' || v === 'Infinity'
              ? Infinity
              : v === '-inf' || v === '-Infinity'
                ? -Infinity
                : Number(v);
      for (const [runName, tags] of Object.entries(written)) {
        for (const [tag, points] of Object.entries(tags)) {
          const got = rows.filter((r) => r.run === runName && r.tag === tag && r.kind === 'scalar');
          const isDouble = runName === 'lightning_double';
          expect(got.map((r) => [r.step, parse(r.value)])).toEqual(
            points.map(([s, v]) => [s, isDouble ? num(v) : Math.fround(num(v))]),
          );
        }
      }
      // Histogram buckets as rows: each of fc1's 60 histograms counts its 500 values.
      const buckets = rows.filter((r) => r.run === 'hist_only' && r.tag === 'gradients/fc1');
      const perStep = new Map<number, number>();
      for (const b of buckets) perStep.set(b.step, (perStep.get(b.step) ?? 0) + Number(b.value));
      expect([...perStep.values()]).toEqual(Array(60).fill(500));
      // v2 histograms ([k,3] tensors) and text from TensorBoard's own helpers.
      const v2 = rows.filter((r) => r.run === 'keras_healthy' && r.tag === 'grads/dense');
      const v2Steps = new Map<number, number>();
      for (const b of v2) v2Steps.set(b.step, (v2Steps.get(b.step) ?? 0) + Number(b.value));
      expect([...v2Steps]).toEqual([0, 50, 100, 150].map((s) => [s, 300]));
      const text = rows.filter((r) => r.kind === 'text');
      expect(text.map((r) => [r.run, r.tag, r.step, r.text])).toEqual([
        ['keras_healthy', 'notes', 0, 'lr 1e-3, *adam*'],
      ]);
    }
  });

  it('loads typed series with loadLogdir', async () => {
    const loaded = await loadLogdir(logdir, { run: 'torch_*', tag: /^train\// });
    expect(loaded.runs.map((r) => r.name)).toEqual(['torch_explodes']);
    const loss = loaded.runs[0]!.scalars.get('train/loss')!;
    expect(loss.steps).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(loss.values.slice(0, 3)).toEqual(
      written.torch_explodes!['train/loss']!.slice(0, 3).map(([, v]) => Math.fround(num(v))),
    );
    expect([...loaded.runs[0]!.scalars.keys()].sort()).toEqual(['train/grad_norm', 'train/loss']);
  });

  it('exits 1 on errors (the default --fail-on), 0 on a clean run, and prints markdown for CI', async () => {
    const all = await cli(['analyze', logdir, '--format', 'markdown']);
    expect(all.code).toBe(1);
    expect(all.stdout).toContain('## gradwatch analyze: ❌ ERROR');
    // Names are escaped for markdown (a crafted name cannot add markup to a CI summary).
    expect(all.stdout).toMatch(/\| <code>torch\\_explodes<\/code> \| 0-119 \|/);
    const clean = await cli(['analyze', logdir, '--run', 'keras_*']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('verdict: OK healthy: no alerts, loss down');
    const json = await cli([
      'analyze',
      logdir,
      '--run',
      'hist_only',
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).runs[0].gradients.source).toBe('histograms');
  });
});
