/**
 * collector(url, { token }) (src/platform/collector-client.ts) in Node against a real collector
 * (startCollector): a SummaryWriter's and a model.fit callback's events land in the collector's logdir
 * exactly; a refusal (a wrong token) and an unreachable collector surface as EventWriterErrors naming
 * the reason, keep the records, and never crash training; run names and URLs the collector would
 * refuse are refused when the writer is made.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type Collector,
  collector,
  EventWriterError,
  readSummaries,
  type SummaryPoint,
  SummaryWriter,
  startCollector,
  tensorBoard,
} from '../src/index.js';
import { tempDir } from './helpers.js';

const TOKEN = 'gradwatch-test-token-0123456789abcdef';

let logdir: string;
let c: Collector;
const notes: string[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
  logdir = tempDir('gradwatch-collector-client-');
  c = await startCollector({ logdir, port: 0, token: TOKEN, log: (l) => notes.push(l) });
});

afterAll(async () => {
  await c?.close();
});

async function points(dir: string, run?: string): Promise<SummaryPoint[]> {
  const out: SummaryPoint[] = [];
  for await (const p of readSummaries(dir)) if (run === undefined || p.run === run) out.push(p);
  return out;
}

function scalarSeries(ps: SummaryPoint[], tag: string): Array<[number, number]> {
  return ps.flatMap((p) =>
    p.value.kind === 'scalar' && p.value.tag === tag ? [[p.step, p.value.value] as [number, number]] : [],
  );
}

async function until(cond: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('collector() destination', () => {
  it('a SummaryWriter sends scalars, histograms and text that the collector writes exactly', async () => {
    const w = new SummaryWriter('exp/summ', { destination: collector(c.url, { token: TOKEN }) });
    expect(w.path).toMatch(new RegExp(`^${c.url} run exp/summ \\(session [0-9a-f]{32}\\)$`));
    w.scalar('loss', 0.5, 1);
    w.scalar('loss', 0.25, 2);
    w.scalar('loss', -3, 7);
    w.histogram('weights', [1, 2, 3, 4, Number.NaN], 2, 4);
    w.text('notes', 'hello *markdown*', 3);
    await w.close();
    expect(w.stats).toMatchObject({ recordsPending: 0, failedFlushes: 0, droppedRecords: 0 });
    expect(readdirSync(join(logdir, 'exp', 'summ'))).toHaveLength(1);
    const ps = await points(logdir, 'exp/summ');
    expect(scalarSeries(ps, 'loss')).toEqual([
      [1, 0.5],
      [2, 0.25],
      [7, -3],
    ]);
    const hist = ps.find((p) => p.value.kind === 'histogram');
    expect(hist?.step).toBe(2);
    if (hist?.value.kind !== 'histogram') throw new Error('no histogram');
    const b = [...hist.value.buckets];
    const counts = b.filter((_, i) => i % 3 === 2);
    expect(counts.reduce((a, x) => a + x, 0)).toBe(4); // the NaN is counted apart, not bucketed
    expect(b[0]).toBe(1);
    expect(b[b.length - 2]).toBe(4);
    const text = ps.find((p) => p.value.kind === 'text');
    expect(text?.step).toBe(3);
    expect(text?.value).toMatchObject({ tag: 'notes', text: 'hello *markdown*' });
  });

  it('splits a backlog into requests of at most maxRequestBytes, all arriving in order', async () => {
    const w = new SummaryWriter('exp/batched', {
      destination: collector(`${c.url}/`, { token: TOKEN, maxRequestBytes: 120 }),
    });
    for (let s = 1; s <= 40; s++) w.scalar('x', s * 0.5, s);
    await w.close();
    expect(w.stats).toMatchObject({ recordsWritten: 41, recordsPending: 0 });
    const series = scalarSeries(await points(logdir, 'exp/batched'), 'x');
    expect(series).toEqual(Array.from({ length: 40 }, (_, i) => [i + 1, (i + 1) * 0.5]));
  });

  it('a tensorBoard() callback in model.fit writes the train run: loss and grad_norm/global per step', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({
          units: 4,
          activation: 'tanh',
          inputShape: [3],
          kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }),
        }),
        tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }),
      ],
    });
    model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
    const x = tf.tensor2d(
      Array.from({ length: 48 }, (_, i) => Math.sin(i)),
      [16, 3],
    );
    const y = tf.tensor2d(
      Array.from({ length: 16 }, (_, i) => Math.cos(i)),
      [16, 1],
    );
    const losses: number[] = [];
    const record = new tf.CustomCallback({
      onBatchEnd: async (_batch, logs) => {
        losses.push(logs?.loss as number);
      },
    });
    const cb = tensorBoard('fit', {
      destination: collector(c.url, { token: TOKEN }),
      updateFreq: 'batch',
      detect: false,
    });
    await model.fit(x, y, { epochs: 2, batchSize: 4, shuffle: false, callbacks: [cb, record], verbose: 0 });
    await cb.close();
    x.dispose();
    y.dispose();
    expect(losses).toHaveLength(8);
    const ps = await points(logdir, 'fit/train');
    const loss = scalarSeries(ps, 'batch_loss');
    expect(loss.map(([s]) => s)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(loss.map(([, v]) => v)).toEqual(losses.map((l) => Math.fround(l)));
    const norm = scalarSeries(ps, 'grad_norm/global');
    expect(norm.map(([s]) => s)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const [, v] of norm) expect(v).toBeGreaterThan(0);
    expect(scalarSeries(ps, 'epoch_loss').map(([s]) => s)).toEqual([1, 2]);
  });

  it("a wrong token: flush() rejects and 'error' listeners hear the collector's 401 and its reason", async () => {
    const w = new SummaryWriter('exp/refused', { destination: collector(c.url, { token: `${TOKEN}x` }) });
    const errors: Error[] = [];
    w.on('error', (e) => errors.push(e));
    w.scalar('loss', 1, 1);
    const err = await w.flush().then(
      () => null,
      (e: unknown) => e as EventWriterError,
    );
    expect(err).toBeInstanceOf(EventWriterError);
    expect(err?.code).toBe('HTTP_401');
    expect(err?.message).toContain('the collector refused events for');
    expect(err?.message).toContain(
      "HTTP 401: the token in header Authorization is not this collector's token",
    );
    expect(errors).toEqual([err]);
    expect(w.stats).toMatchObject({ recordsPending: 2, failedFlushes: 1, recordsWritten: 0 });
    await expect(w.close()).rejects.toMatchObject({ code: 'HTTP_401' });
    await expect(points(logdir, 'exp/refused')).resolves.toEqual([]);
    expect(notes.some((l) => l.includes('401') && l.includes('/v1/runs/exp/refused/events'))).toBe(true);
  });

  it('a wrong token does not stop model.fit: it trains, and the refusal is warned once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const x = tf.ones([8, 2]);
      const y = tf.zeros([8, 1]);
      const cb = tensorBoard('fit-refused', {
        destination: collector(c.url, { token: 'not-the-token-0123456789' }),
        updateFreq: 'batch',
        detect: false,
        flushMillis: 5,
      });
      const history = await model.fit(x, y, { epochs: 3, batchSize: 4, callbacks: [cb], verbose: 0 });
      await cb.close();
      x.dispose();
      y.dispose();
      expect(history.history.loss).toHaveLength(3);
      const lines = warn.mock.calls.map((args) => String(args[0]));
      const refusals = lines.filter((l) => l.includes('HTTP 401'));
      expect(refusals.length).toBeGreaterThanOrEqual(1);
      expect(refusals[0]).toContain("is not this collector's token");
      // Not once per step or per retry: once while training, and once per writer at its close
      // (train and the root run's hparams).
      expect(refusals.length).toBeLessThanOrEqual(3);
      await expect(points(logdir, 'fit-refused/train')).resolves.toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses run names the collector would refuse, when the writer or callback is made', () => {
    const to = collector(c.url, { token: TOKEN });
    const nine = Array.from({ length: 9 }, (_, i) => `s${i}`).join('/');
    for (const bad of ['../x', 'a/../b', 'a\\b', '', '.', 'a b', `${'x'.repeat(101)}`, nine]) {
      expect(() => new SummaryWriter(bad, { destination: to }), bad).toThrow(TypeError);
      expect(() => new SummaryWriter(bad, { destination: to }), bad).toThrow(JSON.stringify(bad));
      expect(() => tensorBoard(bad, { destination: to }), bad).toThrow(TypeError);
    }
    expect(() => new SummaryWriter(nine, { destination: to })).toThrow(/1 to 8 '\/'-separated names/);
    expect(() => new SummaryWriter(42 as never, { destination: to })).toThrow(
      /run sent to a collector must be .*got 42/,
    );
    // Eight segments are fine.
    const eight = Array.from({ length: 8 }, (_, i) => `s${i}`).join('/');
    return new SummaryWriter(eight, { destination: to }).close();
  });

  it('refuses URLs that are not http(s), naming them, and bad options', () => {
    for (const url of ['ftp://x', 'not a url', '', 'file:///tmp/runs']) {
      expect(() => collector(url), url).toThrow(TypeError);
      expect(() => collector(url), url).toThrow(
        `collector: url must be an http(s) URL, got ${JSON.stringify(url)}`,
      );
    }
    expect(() => collector(c.url, { token: '' })).toThrow(/token must be a non-empty string/);
    expect(() => collector(c.url, { token: 5 as never })).toThrow(TypeError);
    expect(() => collector(c.url, { tokne: TOKEN } as never)).toThrow(/unknown option "tokne"/);
    for (const bad of [0, -1, 1.5, Number.NaN, '8' as never]) {
      expect(() => collector(c.url, { maxRequestBytes: bad }), String(bad)).toThrow(/maxRequestBytes/);
    }
  });

  it('a collector that is down: flush() rejects with ERR_SEND naming why, records kept; sent once it is back', async (ctx) => {
    const dir = tempDir('gradwatch-collector-down-');
    const first = await startCollector({ logdir: dir, port: 0, token: TOKEN, log: () => undefined });
    const { port, url } = first;
    await first.close();
    const w = new SummaryWriter('back', { destination: collector(url, { token: TOKEN }) });
    const errors: Error[] = [];
    w.on('error', (e) => errors.push(e));
    w.scalar('x', 1, 1);
    const err = (await w.flush().catch((e: unknown) => e)) as EventWriterError;
    expect(err).toBeInstanceOf(EventWriterError);
    expect(err.code).toBe('ERR_SEND');
    expect(err.message).toContain(`could not send events to ${url} run back`);
    expect(err.message).toContain('ECONNREFUSED');
    expect(errors).toEqual([err]);
    expect(w.stats).toMatchObject({ recordsPending: 2, failedFlushes: 1 });
    w.scalar('x', 2, 2);
    let again: Collector;
    try {
      again = await startCollector({ logdir: dir, port, token: TOKEN, log: () => undefined });
    } catch {
      await w.close().catch(() => undefined);
      ctx.skip(); // the port was taken meanwhile
      return;
    }
    try {
      await w.flush();
      w.scalar('x', 3, 3);
      await w.close();
      expect(w.stats).toMatchObject({ recordsPending: 0, recordsWritten: 4, failedFlushes: 1 });
    } finally {
      await again.close();
    }
    expect(scalarSeries(await points(dir, 'back'), 'x')).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('a collector whose --max-body is smaller than maxRequestBytes: a 413, then smaller requests get through', async () => {
    const dir = tempDir('gradwatch-collector-small-');
    const small = await startCollector({
      logdir: dir,
      port: 0,
      token: TOKEN,
      maxBodyBytes: 300,
      log: () => undefined,
    });
    try {
      const w = new SummaryWriter('small', { destination: collector(small.url, { token: TOKEN }) });
      const errors: Error[] = [];
      w.on('error', (e) => errors.push(e));
      for (let s = 1; s <= 20; s++) w.scalar('x', s, s);
      const first = (await w.flush().catch((e: unknown) => e)) as EventWriterError;
      expect(first).toMatchObject({ code: 'HTTP_413' });
      expect(first.message).toContain("more than the collector's limit of 300");
      let tries = 1;
      while (w.stats.recordsPending > 0 && tries < 8) {
        await w.flush().catch(() => undefined);
        tries++;
      }
      expect(w.stats.recordsPending).toBe(0);
      await w.close();
      expect(w.stats).toMatchObject({ recordsWritten: 21, droppedRecords: 0 });
      expect(w.stats.failedFlushes).toBe(tries - 1);
      expect(scalarSeries(await points(dir, 'small'), 'x')).toEqual(
        Array.from({ length: 20 }, (_, i) => [i + 1, i + 1]),
      );
    } finally {
      await small.close();
    }
  });

  it('on pagehide, the records not yet sent go in one keepalive request (token in the query) and only once', async () => {
    const g = globalThis as unknown as Record<string, unknown>;
    const page = new EventTarget();
    g.addEventListener = page.addEventListener.bind(page);
    g.removeEventListener = page.removeEventListener.bind(page);
    try {
      const w = new SummaryWriter('exp/exit', { destination: collector(c.url, { token: TOKEN }) });
      w.scalar('x', 10, 1);
      await w.flush();
      w.scalar('x', 20, 2);
      w.scalar('x', 30, 3);
      page.dispatchEvent(new Event('pagehide'));
      expect(w.stats).toMatchObject({ recordsPending: 0, recordsWritten: 4 });
      await until(async () => scalarSeries(await points(logdir, 'exp/exit'), 'x').length === 3);
      await w.close();
      expect(readdirSync(join(logdir, 'exp', 'exit'))).toHaveLength(1); // the same session, one file
      expect(scalarSeries(await points(logdir, 'exp/exit'), 'x')).toEqual([
        [1, 10],
        [2, 20],
        [3, 30],
      ]);
    } finally {
      delete g.addEventListener;
      delete g.removeEventListener;
    }
  });
});
