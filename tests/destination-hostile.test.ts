/**
 * Destinations used as a hostile or careless user would (Node, cpu backend, a real collector): run
 * names and URLs the collector would refuse or silently reinterpret, a record larger than the
 * collector's --max-body (dropped and said, never blocking the records after it), a server on the
 * port that is not a collector (an HTML 200 keeps nothing), a collector that never answers (a
 * timeout, so close() and the end of a fit cannot hang), browser storage and download() in Node,
 * keepEvidence to a collector, evidence of a step weighted by classWeight, and loadEvidence on cut
 * off or malformed folders (errors naming the file, not tfjs internals).
 */
import { cpSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  browserStorage,
  type Collector,
  collector,
  download,
  EventWriterError,
  loadEvidence,
  readSummaries,
  SummaryWriter,
  startCollector,
  tensorBoard,
} from '../src/index.js';
import { tempDir } from './helpers.js';

const TOKEN = 'gradwatch-hostile-token-0123456789';

let logdir: string;
let c: Collector;

beforeAll(async () => {
  await tf.setBackend('cpu');
  logdir = tempDir('gradwatch-dest-hostile-');
  c = await startCollector({ logdir, port: 0, token: TOKEN, maxBodyBytes: 4000, log: () => undefined });
});

afterAll(async () => {
  await c?.close();
});

async function scalars(dir: string, run: string, tag: string): Promise<Array<[number, number]>> {
  const out: Array<[number, number]> = [];
  for await (const p of readSummaries(dir)) {
    if (p.run === run && p.value.kind === 'scalar' && p.value.tag === tag) out.push([p.step, p.value.value]);
  }
  return out;
}

async function texts(dir: string, run: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const p of readSummaries(dir)) {
    if (p.run === run && p.value.kind === 'text') out.set(p.value.tag, p.value.text);
  }
  return out;
}

/** A server on a free port that is not a collector. */
async function otherServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{
  url: string;
  server: Server;
  stop: () => Promise<void>;
}> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('collector(): names and URLs', () => {
  it('refuses an absolute logdir (the collector would put it elsewhere, or refuse it) and keeps ./ and a/ working', async () => {
    const to = collector(c.url, { token: TOKEN });
    for (const abs of ['/tmp/runs/exp', '/exp']) {
      expect(() => new SummaryWriter(abs, { destination: to }), abs).toThrow(
        `not an absolute path, got ${JSON.stringify(abs)}`,
      );
      expect(() => tensorBoard(abs, { destination: to }), abs).toThrow(TypeError);
    }
    // The callback's default logdir, and other spellings of a relative path, still go through.
    const w = new SummaryWriter('./rel/a/', { destination: to });
    w.scalar('x', 1, 1);
    await w.close();
    expect(await scalars(logdir, 'rel/a', 'x')).toEqual([[1, 1]]);
    tensorBoard(undefined, { destination: to });
  });

  it('refuses a token the collector could never take (a space or line break copied with it) without showing it', () => {
    for (const token of [
      `${TOKEN}\n`,
      ` ${TOKEN}`,
      'gradwatch token with spaces',
      'tökén-0123456789abcdef',
    ]) {
      expect(() => collector(c.url, { token }), JSON.stringify(token)).toThrow(
        /collector: token must be the one gradwatch serve printed: 16 or more of A-Z a-z 0-9 \. _ ~ -/,
      );
      expect(() => collector(c.url, { token })).not.toThrow(token.trim());
    }
    expect(() => collector(c.url, { token: `${TOKEN}\n` })).toThrow(/U\+000A among them/);
  });

  it('refuses a URL with a query, fragment or credentials (left out of every request, so a token there was lost)', () => {
    for (const url of [`${c.url}/?token=${TOKEN}`, `${c.url}#x`, 'http://user:pw@127.0.0.1:6008']) {
      expect(() => collector(url), url).toThrow(/collector: url must be the collector's address alone/);
    }
    expect(() => collector(`${c.url}/?token=${TOKEN}`)).toThrow(
      /pass the token as collector\(url, \{ token \}\)/,
    );
    expect(() => collector(c.url, { timeoutMillis: 0 })).toThrow(/timeoutMillis/);
  });
});

describe('collector(): what comes back', () => {
  it('a record larger than the collector takes is dropped and said; the records after it arrive', async () => {
    const w = new SummaryWriter('big', { destination: collector(c.url, { token: TOKEN }) });
    const errors: EventWriterError[] = [];
    w.on('error', (e) => errors.push(e as EventWriterError));
    w.scalar('x', 1, 1);
    w.text('huge', 'x'.repeat(6000), 2);
    w.scalar('x', 3, 3);
    // The first flush may meet the 413 on the whole batch; then the big record alone, which goes.
    for (let i = 0; i < 4 && w.stats.recordsPending > 0; i++) await w.flush().catch(() => undefined);
    expect(w.stats).toMatchObject({ recordsPending: 0, droppedRecords: 1, recordsWritten: 3 });
    w.scalar('x', 4, 4);
    await w.close();
    expect(await scalars(logdir, 'big', 'x')).toEqual([
      [1, 1],
      [3, 3],
      [4, 4],
    ]);
    const dropped = errors.find((e) => e.code === 'ERR_RECORD_TOO_LARGE');
    expect(dropped?.message).toMatch(
      /a \d+-byte record for .* run big .* is larger than the collector takes in one request \(HTTP 413: .*limit of 4000.*\); raise gradwatch serve --max-body, or write smaller events; it was dropped \(1 record\(s\) dropped so far\)/,
    );
  });

  it('close() whose batch the collector refuses as too large (413) sends it in smaller requests, not lost', async () => {
    const w = new SummaryWriter('closing', { destination: collector(c.url, { token: TOKEN }) });
    const errors: Error[] = [];
    w.on('error', (e) => errors.push(e));
    for (let s = 1; s <= 200; s++) w.scalar('x', s, s);
    expect(w.stats.bytesPending).toBeGreaterThan(4000);
    await w.close();
    expect(w.stats).toMatchObject({ recordsPending: 0, droppedRecords: 0, recordsWritten: 201 });
    expect(errors).toEqual([]);
    expect(await scalars(logdir, 'closing', 'x')).toEqual(
      Array.from({ length: 200 }, (_, i) => [i + 1, i + 1]),
    );
  });

  it('a server that is not a collector: an HTML 200 keeps nothing, and a 404 says what answered', async () => {
    const html = await otherServer((req, res) => {
      req.resume();
      res.writeHead(req.url?.includes('/missing/') ? 404 : 200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><html><body>Welcome to nginx!</body></html>');
    });
    try {
      const w = new SummaryWriter('r', { destination: collector(html.url, { token: TOKEN }) });
      w.on('error', () => undefined);
      w.scalar('x', 1, 1);
      const err = (await w.flush().catch((e: unknown) => e)) as EventWriterError;
      expect(err).toBeInstanceOf(EventWriterError);
      expect(err.code).toBe('ERR_NOT_A_COLLECTOR');
      expect(err.message).toContain(`not a gradwatch collector's answer: text/html, "<!doctype html>`);
      expect(err.message).toContain(`is another server at ${html.url}?`);
      expect(w.stats).toMatchObject({ recordsWritten: 0, recordsPending: 2 });
      await w.close().catch(() => undefined);

      const w404 = new SummaryWriter('missing', { destination: collector(html.url, { token: TOKEN }) });
      w404.on('error', () => undefined);
      w404.scalar('x', 1, 1);
      const e404 = (await w404.flush().catch((e: unknown) => e)) as EventWriterError;
      expect(e404.code).toBe('HTTP_404');
      expect(e404.message).toMatch(/HTTP 404 \(not a gradwatch collector's answer: text\/html/);
      await w404.close().catch(() => undefined);
    } finally {
      await html.stop();
    }
  });

  it('a collector that never answers: the request times out, the records are kept, close() settles', async () => {
    let requests = 0;
    const stuck = await otherServer((req) => {
      requests++;
      req.resume(); // and never answer
    });
    try {
      const w = new SummaryWriter('stuck', {
        destination: collector(stuck.url, { token: TOKEN, timeoutMillis: 200 }),
        flushMillis: 20,
      });
      w.on('error', () => undefined);
      for (let s = 1; s <= 5; s++) w.scalar('x', s, s);
      const t0 = Date.now();
      const err = (await w.flush().catch((e: unknown) => e)) as EventWriterError;
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(err.code).toBe('ERR_SEND');
      expect(err.message).toContain('no answer within 200 ms (timeoutMillis)');
      expect(w.stats.recordsPending).toBe(6);
      // One request at a time, whatever the timer does meanwhile: they never pile up.
      const before = requests;
      await new Promise((r) => setTimeout(r, 150));
      expect(requests - before).toBeLessThanOrEqual(1);
      const closed = await Promise.race([
        w.close().then(
          () => 'resolved',
          () => 'rejected',
        ),
        new Promise((r) => setTimeout(() => r('hung'), 3000)),
      ]);
      expect(closed).toBe('rejected');
    } finally {
      await stuck.stop();
    }
  });
});

describe('browser storage in Node', () => {
  it('archive() and download() say what they need; bad options are refused', async () => {
    await expect(browserStorage().archive()).rejects.toThrow(
      /browser storage needs the Origin Private File System .*Node has none/,
    );
    await expect(download()).rejects.toThrow('download() needs a page (document)');
    await expect(browserStorage().download()).rejects.toThrow('download() needs a page (document)');
    expect(() => browserStorage(null as never)).toThrow(
      /browserStorage\(\) options must be an object, got null/,
    );
    expect(() => browserStorage({ rot: 'x' } as never)).toThrow(
      /unknown option "rot" \(did you mean "root"\?\)/,
    );
    expect(() => browserStorage({ root: null as never })).toThrow(/root must be one directory name/);
  });
});

/** A model whose last layer's kernel is blown up at step 2 (1-based), so the detector fires there. */
function sabotaged(model: tf.LayersModel, layer: string, factor: number): tf.CustomCallback {
  let step = 0;
  return new tf.CustomCallback({
    onBatchBegin: async () => {
      if (++step !== 2) return;
      const l = model.getLayer(layer);
      const [k, ...rest] = l.getWeights();
      l.setWeights([tf.mul(k!, factor), ...rest]);
    },
  });
}

function twoOutputs(regularize = false): tf.LayersModel {
  const inp = tf.input({ shape: [3] });
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const reg = regularize ? { kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }) } : {};
  const h = tf.layers
    .dense({ units: 4, activation: 'relu', name: 'h', kernelInitializer: init(1), ...reg })
    .apply(inp) as tf.SymbolicTensor;
  const o1 = tf.layers
    .dense({ units: 2, activation: 'softmax', name: 'o1', kernelInitializer: init(2) })
    .apply(h) as tf.SymbolicTensor;
  const o2 = tf.layers
    .dense({ units: 2, name: 'o2', kernelInitializer: init(3) })
    .apply(h) as tf.SymbolicTensor;
  const model = tf.model({ inputs: inp, outputs: [o1, o2] });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: ['categoricalCrossentropy', 'meanSquaredError'] });
  return model;
}

const labels = (seed: number) =>
  tf
    .oneHot(
      tf.tensor1d(
        Array.from({ length: 16 }, (_, i) => (i * seed + (i >> 2)) % 2),
        'int32',
      ),
      2,
    )
    .toFloat();

describe('keepEvidence', () => {
  it('to a collector: said when the callback is made, and on the post-mortem line', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const model = tf.sequential({
        layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'd' })],
      });
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const cb = tensorBoard('ev', { destination: collector(c.url, { token: TOKEN }), keepEvidence: true });
      const lines = () => warn.mock.calls.map((a) => String(a[0]));
      expect(
        lines().some((l) => l.includes('keepEvidence: a collector keeps only event records, so no evidence')),
      ).toBe(true);
      const [x, y] = [
        tf.randomNormal([8, 2], 0, 1, 'float32', 4),
        tf.randomNormal([8, 1], 0, 1, 'float32', 5),
      ];
      await model.fit(x, y, {
        epochs: 1,
        batchSize: 4,
        shuffle: false,
        verbose: 0,
        callbacks: [sabotaged(model, 'd', 1e20), cb],
      });
      await cb.close();
      expect(
        lines().some((l) =>
          /post-mortem of step 2 .*evidence not kept: a collector keeps only event records/.test(l),
        ),
      ).toBe(true);
      expect((await texts(logdir, 'ev/train')).get('postmortem/2')).toContain(
        'Evidence not kept: a collector keeps only event records.',
      );
      tf.dispose([x, y]);
      model.dispose();
    } finally {
      warn.mockRestore();
    }
  });

  it("two outputs with classWeight: the evidence says the step's loss was weighted and what the model gives", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const classWeight of [
        undefined,
        [
          { 0: 5, 1: 0.1 },
          { 0: 3, 1: 0.2 },
        ],
      ]) {
        for (const regularize of classWeight ? [false] : [false, true]) {
          const dir = tempDir();
          const model = twoOutputs(regularize);
          const x = tf.randomNormal([16, 3], 0, 1, 'float32', 1);
          const [y1, y2] = [labels(1), labels(3)];
          const cb = tensorBoard(dir, { keepEvidence: true });
          await model.fit(x, [y1, y2], {
            epochs: 1,
            batchSize: 4,
            shuffle: false,
            verbose: 0,
            callbacks: [sabotaged(model, 'o2', 1e4), cb],
            ...(classWeight ? { classWeight } : {}),
          } as tf.ModelFitArgs);
          await cb.close();
          const evidence = join(dir, 'train', 'evidence-2');
          const batch = JSON.parse(readFileSync(join(evidence, 'batch.json'), 'utf8'));
          const e = await loadEvidence(evidence);
          const out = e.model.predict(e.inputs[0]!) as tf.Tensor[];
          const own =
            tf.metrics.categoricalCrossentropy(e.targets[0]!, out[0]!).mean().dataSync()[0]! +
            tf.losses.meanSquaredError(e.targets[1]!, out[1]!).dataSync()[0]! +
            (regularize
              ? tf.mul(0.01, tf.sum(tf.square(e.model.getLayer('h').getWeights()[0]!))).dataSync()[0]!
              : 0);
          const text = (await texts(dir, 'train')).get('postmortem/2');
          if (classWeight) {
            expect(Math.abs(e.loss - own) / e.loss).toBeGreaterThan(0.01);
            expect(Math.abs(batch.modelLoss - own) / own).toBeLessThan(1e-4);
            expect(batch.note).toMatch(
              /the step's loss \(.*\) was weighted by fit's classWeight, which the evidence does not hold/,
            );
            expect(text).toMatch(
              /Evidence kept in `evidence-2\/` .*; the step's loss \(.*\) was weighted by fit's classWeight/,
            );
          } else {
            // Unweighted (regularizers included): the loaded model reproduces the loss, no note.
            expect(Math.abs(e.loss - own) / e.loss).toBeLessThan(1e-4);
            expect(batch.modelLoss).toBeUndefined();
            expect(batch.note).toBeUndefined();
            expect(text).not.toContain('classWeight');
          }
          tf.dispose([x, y1, y2, ...out, ...(e.inputs as tf.Tensor[]), ...(e.targets as tf.Tensor[])]);
          e.model.dispose();
          model.dispose();
        }
      }
    } finally {
      warn.mockRestore();
    }
  });
});

describe('loadEvidence on damaged folders', () => {
  let good: string;

  beforeAll(async () => {
    const dir = tempDir();
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 4, inputShape: [3], name: 'h' }),
        tf.layers.dense({ units: 1, name: 'o' }),
      ],
    });
    model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
    const [x, y] = [tf.randomNormal([8, 3], 0, 1, 'float32', 1), tf.randomNormal([8, 1], 0, 1, 'float32', 2)];
    const cb = tensorBoard(dir, { keepEvidence: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await model.fit(x, y, {
        epochs: 1,
        batchSize: 4,
        shuffle: false,
        verbose: 0,
        callbacks: [sabotaged(model, 'o', 1e20), cb],
      });
      await cb.close();
    } finally {
      warn.mockRestore();
    }
    good = join(dir, 'train', 'evidence-2');
    tf.dispose([x, y]);
    model.dispose();
  });

  function damaged(change: (dir: string) => void): string {
    const dir = tempDir();
    cpSync(good, dir, { recursive: true });
    change(dir);
    return dir;
  }
  const cut = (file: string) => (dir: string) =>
    truncateSync(join(dir, file), statSync(join(dir, file)).size - 5);
  const editJson = (file: string, edit: (j: Record<string, unknown>) => void) => (dir: string) => {
    const j = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    edit(j);
    writeFileSync(join(dir, file), JSON.stringify(j));
  };

  it('a cut-off weights.bin or batch.bin: named, with its size and the size its manifest describes', async () => {
    for (const [bin, json] of [
      ['weights.bin', 'model.json'],
      ['batch.bin', 'batch.json'],
    ]) {
      const dir = damaged(cut(bin!));
      await expect(loadEvidence(dir)).rejects.toThrow(
        new RegExp(
          `^loadEvidence: ${join(dir, bin!)} is \\d+ bytes, but ${join(dir, json!)} describes \\d+ bytes of weights: cut off`,
        ),
      );
    }
  });

  it('malformed manifests, a missing weights file, an unregistered custom layer: loadEvidence errors naming the file', async () => {
    const cases: Array<[(dir: string) => void, (dir: string) => RegExp | string]> = [
      [
        editJson('batch.json', (j) => {
          (j.weightsManifest as Array<{ paths: string[] }>)[0]!.paths = ['gone.bin'];
        }),
        (d) => `loadEvidence: cannot read ${join(d, 'gone.bin')} (named by ${join(d, 'batch.json')})`,
      ],
      [
        editJson('model.json', (j) => {
          (j.weightsManifest as Array<{ paths: unknown }>)[0]!.paths = 'weights.bin';
        }),
        (d) => `loadEvidence: ${join(d, 'model.json')} has no weightsManifest`,
      ],
      [
        editJson('model.json', (j) => delete j.modelTopology),
        (d) => `loadEvidence: ${join(d, 'model.json')} has no modelTopology`,
      ],
      [
        editJson('batch.json', (j) => delete j.inputs),
        (d) => `loadEvidence: ${join(d, 'batch.json')} has no list of inputs`,
      ],
      [
        editJson('batch.json', (j) => {
          (j.weightsManifest as Array<{ weights: Array<{ dtype: string }> }>)[0]!.weights[0]!.dtype =
            'complex64';
        }),
        (d) => `loadEvidence: ${join(d, 'batch.json')} describes weight "input/0" as "complex64"`,
      ],
      [
        (d) =>
          writeFileSync(
            join(d, 'model.json'),
            readFileSync(join(d, 'model.json'), 'utf8').replace('"Dense"', '"NotRegisteredHostile"'),
          ),
        (d) =>
          new RegExp(
            `^loadEvidence: cannot rebuild the model of ${join(d, 'model.json')}: Unknown layer: NotRegisteredHostile`,
          ),
      ],
    ];
    for (const [change, expected] of cases) {
      const dir = damaged(change);
      await expect(loadEvidence(dir)).rejects.toThrow(expected(dir));
    }
    await expect(loadEvidence(undefined as never)).rejects.toThrow(
      /^loadEvidence: dir must be the path of an evidence folder .*got undefined/,
    );
    // The undamaged folder loads.
    const e = await loadEvidence(good);
    expect(e.inputs[0]!.shape).toEqual([4, 3]);
    e.model.dispose();
  });
});

describe('destinations checked up front', () => {
  it('refuses a callback logdir whose train run a collector would refuse (9 segments), at construction', async () => {
    const { tensorBoard, collector } = await import('../src/index.js');
    const to = collector('http://127.0.0.1:9');
    expect(() => tensorBoard('a/b/c/d/e/f/g/h', { destination: to })).toThrow(/1 to 8 '\/'-separated names/);
    expect(() => tensorBoard('a/b/c/d/e/f/g', { destination: to })).not.toThrow();
  });

  it('refuses an object that only looks like a destination, naming what is missing', async () => {
    const { SummaryWriter } = await import('../src/index.js');
    expect(() => new SummaryWriter('x', { destination: { openWriter() {} } as never })).toThrow(
      /destination must be made by collector\(\), browserStorage\(\) or files\(\)/,
    );
  });
});
