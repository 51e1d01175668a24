/**
 * Hostile names never make gradwatch write outside the logdir, and either round-trip or get a clear
 * error. Tags are never paths: "..", "/", NUL, control characters and very long tags are written
 * and read back as they are. Lone surrogates cannot be encoded as UTF-8: the writer rejects them
 * with an error naming the tag; names the callback builds tags from (layer and variable names) are
 * logged with U+FFFD in their place. File-name suffixes cannot contain path separators or NUL.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSummaries, SummaryWriter, tensorBoard, watchOptimizer } from '../src/index.js';
import { tempDir } from './helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const HOSTILE_TAGS = [
  '../../../../tmp/escape',
  '/etc/passwd',
  'a/../../b',
  'nul\0inside',
  'bell\u0007 tab\t newline\n cr\r esc\u001b',
  'x'.repeat(5000),
  '..',
  '\\windows\\path',
  'emoji 😀 and ünïcödé',
];

describe('hostile names', () => {
  it('writes hostile tags inside the logdir and reads them back unchanged', async () => {
    const parent = tempDir();
    const logdir = join(parent, 'run');
    const w = new SummaryWriter(logdir);
    HOSTILE_TAGS.forEach((tag, i) => {
      w.scalar(tag, i, 1);
      w.text(`${tag}/text`, `markdown for ${tag}`, 1);
      w.histogram(`${tag}/hist`, [1, 2, 3], 1);
    });
    await w.close();
    // Exactly one file, inside the logdir.
    expect(filesUnder(parent).map((f) => relative(parent, f))).toEqual([relative(parent, w.path)]);
    const tags = new Set<string>();
    for await (const p of readSummaries(logdir)) tags.add(p.value.tag);
    for (const t of HOSTILE_TAGS) {
      expect(tags.has(t)).toBe(true);
      expect(tags.has(`${t}/text`)).toBe(true);
      expect(tags.has(`${t}/hist`)).toBe(true);
    }
  });

  it('rejects what cannot be encoded, naming it', async () => {
    const w = new SummaryWriter(tempDir());
    expect(() => w.scalar('lone \ud800 surrogate', 1, 1)).toThrow(
      /tag "lone \\ud800 surrogate" contains a lone surrogate/,
    );
    expect(() => w.text('t', 'bad \udfff text', 1)).toThrow(/markdown contains a lone surrogate/);
    expect(() => w.scalar('', 1, 1)).toThrow(/tag must be a non-empty string/);
    await w.close();
    for (const suffix of ['/../../escape', '..\\x', 'a\0b']) {
      expect(() => new SummaryWriter(tempDir(), { filenameSuffix: suffix })).toThrow(
        /filenameSuffix must be a string without path separators or NUL/,
      );
    }
  });

  it('logs a model with path-like layer names inside the logdir (tfjs itself rejects control characters)', async () => {
    const parent = tempDir();
    const logdir = join(parent, 'exp');
    const names = ['evil/../../x', 'a..b', 'deep/er/name'];
    const model = tf.sequential();
    names.forEach((name, i) => {
      model.add(tf.layers.dense({ units: 3, name, ...(i === 0 ? { inputShape: [2] } : {}) }));
    });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const x = tf.ones([8, 2]);
    const y = tf.zeros([8, 3]);
    const cb = tensorBoard(logdir, { histogramFreq: 1 });
    await model.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0, callbacks: [cb] });
    await cb.close();
    tf.dispose([x, y]);
    model.dispose();
    for (const f of filesUnder(parent)) expect(relative(logdir, f).startsWith('..')).toBe(false);
    const tags = new Set<string>();
    for await (const p of readSummaries(logdir)) tags.add(p.value.tag);
    for (const n of names) {
      expect(tags.has(`grad_norm/${n}`)).toBe(true);
      expect(tags.has(`grad_hist/${n}/kernel`)).toBe(true);
    }
    expect(() => tf.layers.dense({ units: 1, name: 'ctl\u0007' }).apply(tf.input({ shape: [1] }))).toThrow(
      /Not a valid tensor name/,
    );
  });

  it('replaces lone surrogates in the names tags are built from, instead of losing the step', async () => {
    const dir = tempDir();
    const v = tf.variable(tf.ones([3]), true, 'w');
    const opt = tf.train.sgd(0.1);
    const warn: string[] = [];
    const orig = console.warn;
    console.warn = (m: string) => void warn.push(String(m));
    try {
      const unwatch = watchOptimizer(opt, {
        logdir: dir,
        layerOf: () => 'sur\ud800rogate',
        histogramFreq: 1,
      });
      for (let i = 0; i < 3; i++) opt.minimize(() => tf.sum(tf.square(v)) as tf.Scalar);
      await unwatch();
    } finally {
      console.warn = orig;
    }
    v.dispose();
    opt.dispose();
    expect(warn.filter((m) => m.includes('could not'))).toEqual([]);
    const tags = new Set<string>();
    for await (const p of readSummaries(dir)) tags.add(p.value.tag);
    expect(tags.has('grad_norm/sur\ufffdrogate')).toBe(true);
    expect([...tags].every((t) => t.isWellFormed())).toBe(true);
  });
});
