import { readdirSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EventWriterError } from '../src/events/index.js';
import { readSummaries, SummaryWriter, type SummaryWriterOptions, summaryFileWriter } from '../src/index.js';
import { tempDir } from './helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function readBack(dir: string) {
  const out = [];
  for await (const p of readSummaries(dir)) out.push(p);
  return out;
}

describe('SummaryWriter', () => {
  it('writes scalars as float32 simple values, non-finite included', async () => {
    const dir = tempDir();
    const w = new SummaryWriter(dir);
    const values = [0, 0.1, -2.5e-8, 3e38, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const [i, v] of values.entries()) w.scalar('s', v, i);
    await w.close();
    const got = (await readBack(dir)).map((p) => [p.step, p.value.kind === 'scalar' ? p.value.value : null]);
    expect(got).toEqual(values.map((v, i) => [i, Math.fround(v)]));
  });

  it('writes several scalars at one step, from any iterable, even one that reuses its pair', async () => {
    const dir = tempDir();
    const w = new SummaryWriter(dir);
    function* reused(): Generator<[string, number]> {
      const pair: [string, number] = ['', 0];
      for (const [t, v] of [
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ] as const) {
        pair[0] = t;
        pair[1] = v;
        yield pair;
      }
    }
    w.scalars(reused(), 4);
    await w.close();
    const got = (await readBack(dir)).map((p) => [
      p.step,
      p.value.tag,
      p.value.kind === 'scalar' ? p.value.value : null,
    ]);
    expect(got).toEqual([
      [4, 'a', 1],
      [4, 'b', 2],
      [4, 'c', 3],
    ]);
  });

  it('accepts scalar Tensors and reads histograms from Tensors without leaking', async () => {
    const dir = tempDir();
    const w = new SummaryWriter(dir);
    const before = tf.memory().numTensors;
    const t = tf.tensor1d([1, 2, Number.NaN, 4]);
    const s = tf.scalar(0.25);
    w.scalar('t', s, 1);
    const summary = w.histogram('h', t, 1, 3);
    t.dispose();
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(summary).toEqual({ count: 3, nan: 1, posInf: 0, negInf: 0, min: 1, max: 4, buckets: 3 });
    await w.close();
    const pts = await readBack(dir);
    expect(pts[0]!.value).toEqual({ kind: 'scalar', tag: 't', value: 0.25 });
    expect(pts[1]!.value.kind).toBe('histogram');
  });

  it('writes several histograms at one step as one event, skipping conflicting tags', async () => {
    const dir = tempDir();
    const w = new SummaryWriter(dir, { onStepConflict: 'skip' });
    w.histogram('late', [1], 5);
    const records = () => w.stats.recordsWritten + w.stats.recordsPending;
    const n = records();
    const t = tf.tensor1d([0, 1, 2, 3]);
    const got = w.histograms(
      [
        ['a', [0, 1, 2, 3]],
        ['b', t],
        ['c', { buckets: new Float64Array([-1, 0, 2, 0, 1, 3]) }],
        ['late', [7]],
      ],
      4,
      2,
    );
    t.dispose();
    expect(records()).toBe(n + 1);
    expect([...got.keys()]).toEqual(['a', 'b', 'c']);
    expect(got.get('c')).toEqual({ count: 5, nan: 0, posInf: 0, negInf: 0, min: -1, max: 1, buckets: 2 });
    expect(w.skippedPoints).toBe(1);
    await w.close();
    const pts = (await readBack(dir)).filter((p) => p.step === 4);
    expect(pts.map((p) => p.value.tag)).toEqual(['a', 'b', 'c']);
    const rows = (tag: string) => {
      const v = pts.find((p) => p.value.tag === tag)!.value;
      return v.kind === 'histogram' ? v.buckets : null;
    };
    expect(rows('a')).toEqual(rows('b'));
    expect([...(rows('c') ?? [])]).toEqual([-1, 0, 2, 0, 1, 3]);
  });

  it('writes nothing of a histograms() call with a bad entry, and names it', async () => {
    const dir = tempDir();
    const w = new SummaryWriter(dir);
    const flat = (b: number[]) => ({ buckets: new Float64Array(b) });
    expect(() =>
      w.histograms(
        [
          ['a', [1]],
          ['b', flat([0, 1])],
        ],
        0,
      ),
    ).toThrow(
      'data.buckets as a Float64Array must hold rows of [left, right, count] (a length divisible by 3), got 2',
    );
    expect(() =>
      w.histograms(
        [
          ['a', [1]],
          ['b', flat([1, 0, 1])],
        ],
        0,
      ),
    ).toThrow('data.buckets[0] needs finite edges with left <= right, got [1, 0]');
    expect(() =>
      w.histograms(
        [
          ['a', [1]],
          ['b', flat([0, 1, -1])],
        ],
        0,
      ),
    ).toThrow('data.buckets[0] count must be >= 0, got -1');
    expect(() =>
      w.histograms(
        [
          ['a', [1]],
          ['a', [2]],
        ],
        0,
      ),
    ).toThrow('tag "a" appears twice');
    expect(() => w.histograms(null as never, 0)).toThrow(
      'entries must be an iterable of [tag, data] pairs, got null',
    );
    w.histograms([['a', [1]]], 0);
    await w.close();
    expect((await readBack(dir)).map((p) => [p.value.tag, p.step])).toEqual([['a', 0]]);
  });

  it('writes text and reads it back', async () => {
    const dir = tempDir();
    const w = new SummaryWriter(dir);
    w.text('notes', '# Title\n\n* ünïcode ✓', 3);
    await w.close();
    const [p] = await readBack(dir);
    expect(p!.value).toMatchObject({ kind: 'text', text: '# Title\n\n* ünïcode ✓' });
  });

  it('rejects bad arguments with errors naming them', async () => {
    const w = new SummaryWriter(tempDir());
    expect(() => w.scalar('', 1, 0)).toThrow(new TypeError('tag must be a non-empty string, got ""'));
    expect(() => w.scalar(3 as unknown as string, 1, 0)).toThrow(
      /tag must be a non-empty string, got number/,
    );
    expect(() => w.scalar('a\uD800', 1, 0)).toThrow(/lone surrogate/);
    expect(() => w.scalar('a', '1' as unknown as number, 0)).toThrow(
      new TypeError('value must be a number, got string'),
    );
    expect(() => w.scalar('a', 1, -1)).toThrow(
      new RangeError('step must be a non-negative safe integer, got -1'),
    );
    expect(() => w.scalar('a', 1, 1.5)).toThrow(RangeError);
    expect(() => w.scalar('a', 1, 2 ** 53)).toThrow(RangeError);
    expect(() => w.scalar('a', 1, '1' as unknown as number)).toThrow(
      new TypeError('step must be a number, got string'),
    );
    expect(() => w.histogram('h', [1], 0, 0)).toThrow(/buckets must be an integer/);
    expect(() => w.histogram('h', ['x'] as unknown as number[], 0)).toThrow(/data\[0\] must be a number/);
    expect(() => w.histogram('h', {} as unknown as number[], 0)).toThrow(/data must be a Tensor/);
    expect(() => w.text('t', 5 as unknown as string, 0)).toThrow(/markdown must be a string/);
    expect(() => w.hparams({ lr: Number.NaN }, [])).toThrow(/config.lr must be/);
    expect(() =>
      w.customScalars({ categories: [{ title: 'x', charts: [{ title: 'c' } as never] }] }),
    ).toThrow(/layout.categories\[0\].charts\[0\] needs either multiline or margin/);
    await w.close();
    expect(() => w.scalar('a', 1, 0)).toThrow(/is closed/);
  });

  it('rejects a repeated or decreasing step per tag, or skips it when asked', async () => {
    const dir = tempDir();
    const w = new SummaryWriter(dir);
    w.scalar('a', 1, 5);
    w.scalar('b', 1, 5); // other tags are independent
    expect(() => w.scalar('a', 2, 5)).toThrow(/step 5 for tag "a" repeats step 5/);
    expect(() => w.scalar('a', 2, 4)).toThrow(/goes back from step 5/);
    await w.close();

    const dir2 = tempDir();
    const s = new SummaryWriter(dir2, { onStepConflict: 'skip' });
    s.scalar('a', 1, 5);
    s.scalar('a', 2, 5);
    s.scalar('a', 3, 6);
    expect(s.skippedPoints).toBe(1);
    await s.close();
    const got = (await readBack(dir2)).map((p) => p.value.kind === 'scalar' && p.value.value);
    expect(got).toEqual([1, 3]);
  });

  it('refuses every call after close(), flush() included, without writing a file (issue 13 #25)', async () => {
    const dir = tempDir();
    const w = new SummaryWriter(dir);
    w.scalar('a', 1, 0);
    await w.close();
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    await expect(w.flush()).rejects.toThrow(/SummaryWriter for .* is closed: flush\(\) after close\(\)/);
    await expect(w.flush()).rejects.toBeInstanceOf(EventWriterError);
    expect(() => w.scalar('a', 1, 1)).toThrow(EventWriterError);
    expect(() => w.text('t', 'x', 1)).toThrow(/is closed: text\(\) after close\(\)/);
    await w.close(); // still idempotent
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(dir)).toEqual(files);
  });

  it('a write that throws leaves no trace: its steps stay free (issue 13 #24)', async () => {
    const dir = tempDir();
    const w = new SummaryWriter(dir, { maxRecordBytes: 1000 });
    expect(() =>
      w.scalars(
        [
          ['loss', 0.5],
          ['acc', 'oops' as unknown as number],
        ],
        5,
      ),
    ).toThrow(/value for tag "acc" must be a number/);
    w.scalar('loss', 0.5, 5); // not a repeated step: the failed call reserved nothing
    expect(() =>
      w.scalars(
        [
          ['acc', 0.9],
          ['acc', 0.8],
        ],
        5,
      ),
    ).toThrow(/tag "acc" appears twice/);
    expect(() => w.text('notes', 'x'.repeat(2000), 5)).toThrow(/more than maxRecordBytes/);
    w.text('notes', 'short', 5);
    const many = Array.from({ length: 200 }, (_, i) => [`t${i}`, i] as [string, number]);
    expect(() => w.scalars(many, 6)).toThrow(/more than maxRecordBytes/);
    w.scalars(many.slice(0, 3), 6);
    expect(() =>
      w.histogram(
        'h',
        new Float32Array(10).map((_, i) => i),
        7,
        500,
      ),
    ).toThrow(/more than maxRecordBytes/);
    w.histogram('h', [1, 2, 3], 7);
    const big = { categories: [{ title: 'x'.repeat(2000), charts: [{ title: 'c', multiline: ['a'] }] }] };
    expect(() => w.customScalars(big)).toThrow(/more than maxRecordBytes/);
    w.customScalars({ categories: [{ title: 'x', charts: [{ title: 'c', multiline: ['a'] }] }] });
    expect(() => w.hparams({ lr: 0.1, note: 'x'.repeat(2000) }, ['loss'])).toThrow(
      /more than maxRecordBytes/,
    );
    w.hparams({ lr: 0.1 }, ['loss']); // not "already written"
    await w.close();
    const got = (await readBack(dir)).map((p) => [p.value.tag, p.step]);
    expect(got).toEqual([
      ['loss', 5],
      ['notes', 5],
      ['t0', 6],
      ['t1', 6],
      ['t2', 6],
      ['h', 7],
      ['custom_scalars__config__', 0],
      ['_hparams_/experiment', 0],
      ['_hparams_/session_start_info', 0],
    ]);

    // With onStepConflict 'skip', a call that throws counts no skipped point.
    const s = new SummaryWriter(tempDir(), { onStepConflict: 'skip' });
    s.scalar('a', 1, 5);
    expect(() =>
      s.scalars(
        [
          ['a', 1],
          ['b', Symbol() as unknown as number],
        ],
        5,
      ),
    ).toThrow(/tag "b"/);
    expect(s.skippedPoints).toBe(0);
    s.scalars(
      [
        ['a', 1],
        ['b', 2],
      ],
      5,
    );
    expect(s.skippedPoints).toBe(1);
    await s.close();
  });

  it('refuses unknown or mistyped options, naming them (issue 13 #21)', () => {
    const dir = tempDir();
    const make = (o: unknown) => () => new SummaryWriter(dir, o as SummaryWriterOptions);
    expect(make({ flushMilis: 50 })).toThrow(
      new TypeError(
        'unknown option "flushMilis" (did you mean "flushMillis"?); SummaryWriter knows: onStepConflict, destination, flushMillis, maxQueue, filenameSuffix, maxPendingBytes, maxRecordBytes, host',
      ),
    );
    expect(make({ onStepconflict: 'skip' })).toThrow(
      /unknown option "onStepconflict" \(did you mean "onStepConflict"\?\)/,
    );
    expect(make({ verbose: true })).toThrow(/^unknown option "verbose"; SummaryWriter knows: /);
    expect(make({ host: 5 })).toThrow(new TypeError('host must be a string, got number 5'));
    expect(make({ flushMillis: 2 ** 31 })).toThrow(/flushMillis must be an integer from 1 to 2147483647/);
    expect(make({ onStepConflict: 'ignore' })).toThrow(
      /onStepConflict must be 'throw' or 'skip', got "ignore"/,
    );
    expect(make(null)).toThrow(/options must be an object, got null/);
    expect(() => summaryFileWriter(dir, 0)).toThrow(/maxQueue must be a positive integer, got 0/);
  });

  it('names the bad thing in every error, raw library errors included (issue 13 #29)', async () => {
    const w = new SummaryWriter(tempDir());
    const t = tf.scalar(1);
    t.dispose();
    expect(() => w.scalar('loss', t, 1)).toThrow(
      new TypeError('value for tag "loss" could not be read: Tensor is disposed.'),
    );
    const h = tf.tensor1d([1, 2]);
    h.dispose();
    expect(() => w.histogram('weights', h, 1)).toThrow(
      new TypeError('data for tag "weights" could not be read: Tensor is disposed.'),
    );
    w.scalar('loss', 1, 1); // neither failed call reserved its step
    w.histogram('weights', [1, 2], 1);
    expect(() => w.hparamsEnd('bogus' as never)).toThrow(
      new TypeError("status must be 'success', 'failure' or 'running', got \"bogus\""),
    );
    expect(() => summaryFileWriter(5 as never)).toThrow(
      new TypeError('logdir must be a non-empty string, got 5'),
    );
    expect(() => w.on('data' as never, () => {})).toThrow(/only 'error' events.*got "data"/);
    await w.close();
  });

  it('summaryFileWriter returns one writer per logdir, like tfjs-node', async () => {
    const dir = tempDir();
    const a = summaryFileWriter(dir);
    expect(summaryFileWriter(dir)).toBe(a);
    expect(a.path).toMatch(/\.v2$/);
    await a.close();
    const b = summaryFileWriter(dir);
    expect(b).not.toBe(a);
    await b.close();
  });
});
