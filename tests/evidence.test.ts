/**
 * keepEvidence (issue 15, part 4): with a post-mortem, the weights before the bad update and the
 * step's batch are saved in the run, in tfjs' own formats, and load back to reproduce the failure
 * without the training script: the loaded model on the loaded batch gives the replay's loss; the
 * batch is the exact rows of the bad step; tf.loadLayersModel reads the folder on tfjs-node.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze } from '../src/analyze/analyze.js';
import { renderText } from '../src/analyze/format.js';
import { loadEvidence, readSummaries, tensorBoard } from '../src/index.js';
import { suiteBackends, tfjsNodeModule, useBackend } from './backends.js';
import { tempDir } from './helpers.js';

const ROWS = 32;
const BATCH = 8;
/** The step at which the first layer's kernel is blown up (1-based, as gradwatch counts). */
const BAD_STEP = 3;

const xs = () =>
  tf.tensor2d(
    Array.from({ length: ROWS * 4 }, (_, i) => Math.sin(i * 0.37)),
    [ROWS, 4],
  );
const ys = () =>
  tf.tensor2d(
    Array.from({ length: ROWS }, (_, i) => 0.5 + 0.4 * Math.cos(i)),
    [ROWS, 1],
  );

function sequential(): tf.Sequential {
  const m = tf.sequential();
  m.add(
    tf.layers.dense({
      units: 6,
      activation: 'relu',
      inputShape: [4],
      name: 'h1',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
    }),
  );
  m.add(
    tf.layers.dense({
      units: 1,
      name: 'head',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
    }),
  );
  m.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
  return m;
}

/** Blows up `layer`'s kernel at the start of BAD_STEP; returns the model's weights as they were then. */
function sabotage(model: tf.LayersModel, layer: string) {
  let step = 0;
  const at: { weights: Float32Array[] | null } = { weights: null };
  const cb = new tf.CustomCallback({
    onBatchBegin: async () => {
      if (++step !== BAD_STEP) return;
      const l = model.getLayer(layer);
      const [k, ...rest] = l.getWeights();
      l.setWeights([tf.mul(k!, 1e12), ...rest]);
      at.weights = model
        .getWeights()
        .map((w) => w.dataSync() as Float32Array)
        .map((d) => Float32Array.from(d));
    },
  });
  return { cb, at };
}

async function quietFit(
  model: tf.LayersModel,
  x: tf.Tensor | tf.Tensor[],
  y: tf.Tensor,
  callbacks: tf.CustomCallback[] | unknown[],
) {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    await model.fit(x, y, {
      epochs: 1,
      batchSize: BATCH,
      shuffle: false,
      verbose: 0,
      callbacks: callbacks as tf.CustomCallback[],
    });
  } finally {
    warn.mockRestore();
  }
}

async function postMortemText(logdir: string, step: number): Promise<string | undefined> {
  for await (const p of readSummaries(logdir)) {
    if (p.value.kind === 'text' && p.value.tag === `postmortem/${step}`) return p.value.text;
  }
  return undefined;
}

describe.each(suiteBackends())('keepEvidence on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it('keeps the weights before the update and the exact batch, which reproduce the loss', async () => {
    const logdir = tempDir();
    const model = sequential();
    const [x, y] = [xs(), ys()];
    const { cb: bad, at } = sabotage(model, 'h1');
    const cb = tensorBoard(logdir, { keepEvidence: true });
    const before = tf.memory().numTensors;
    await quietFit(model, x, y, [bad, cb]);
    await cb.close();
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before + 1);

    const dir = join(logdir, 'train', `evidence-${BAD_STEP}`);
    expect(readdirSync(dir).sort()).toEqual(['batch.bin', 'batch.json', 'model.json', 'weights.bin']);
    expect(await postMortemText(logdir, BAD_STEP)).toContain(`Evidence kept in \`evidence-${BAD_STEP}/\``);
    const pm = JSON.parse(readFileSync(join(logdir, 'train', `postmortem-${BAD_STEP}.json`), 'utf8'));
    expect(pm.evidence).toMatchObject({ dir: `evidence-${BAD_STEP}` });

    // gradwatch analyze points at it.
    const report = await analyze(logdir);
    expect(report.runs.find((r) => r.run === 'train')?.postMortems[0]?.evidence).toBe(
      `evidence-${BAD_STEP}/`,
    );
    expect(renderText(report)).toContain(`(evidence: evidence-${BAD_STEP}/)`);

    const e = await loadEvidence(dir);
    expect(e.step).toBe(BAD_STEP);
    // The weights as the bad step found them (the sabotaged kernel, not the update after it).
    const loaded = e.model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(loaded).toEqual(at.weights!.map((w) => Array.from(w)));
    // The batch: rows 16..23 of x and y (step 3 of an unshuffled fit, batch 8).
    const rows = [(BAD_STEP - 1) * BATCH, BATCH] as const;
    expect(Array.from(e.inputs[0]!.dataSync())).toEqual(
      Array.from(x.slice([rows[0], 0], [rows[1], 4]).dataSync()),
    );
    expect(Array.from(e.targets[0]!.dataSync())).toEqual(
      Array.from(y.slice([rows[0], 0], [rows[1], 1]).dataSync()),
    );
    expect(e.inputs[0]!.shape).toEqual([BATCH, 4]);
    // Reproduced without the training script: the loaded (compiled) model's loss on the batch.
    const again = (
      e.model.evaluate(e.inputs[0]!, e.targets[0]!, { batchSize: BATCH }) as tf.Scalar
    ).dataSync()[0]!;
    expect(Number.isFinite(e.loss) && e.loss > 1e6).toBe(true);
    expect(Math.abs(again - e.loss) / Math.abs(e.loss)).toBeLessThan(1e-5);
    tf.dispose([x, y, ...e.inputs, ...e.targets] as tf.Tensor[]);
    e.model.dispose();
    model.dispose();

    if (backend === 'tensorflow') {
      // tfjs-node's own file:// loader reads the folder as it is.
      const node = tfjsNodeModule() as typeof tf;
      const m = await node.loadLayersModel(`file://${join(dir, 'model.json')}`);
      expect(m.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(loaded);
      m.dispose();
    }
  });

  it("puts a functional model's inputs in the order of model.inputs", async () => {
    const logdir = tempDir();
    const a = tf.input({ shape: [3], name: 'a' });
    const b = tf.input({ shape: [2], name: 'b' });
    // b is consumed first in the graph, a second: the order must still be the model's.
    const hb = tf.layers
      .dense({ units: 4, name: 'hb', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) })
      .apply(b) as tf.SymbolicTensor;
    const ha = tf.layers
      .dense({ units: 4, name: 'ha', kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) })
      .apply(a) as tf.SymbolicTensor;
    const sum = tf.layers.add().apply([hb, ha]) as tf.SymbolicTensor;
    const out = tf.layers
      .dense({ units: 1, name: 'head', kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) })
      .apply(sum) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [a, b], outputs: out });
    model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
    const xa = tf.tensor2d(
      Array.from({ length: ROWS * 3 }, (_, i) => i / 100),
      [ROWS, 3],
    );
    const xb = tf.tensor2d(
      Array.from({ length: ROWS * 2 }, (_, i) => -i / 50),
      [ROWS, 2],
    );
    const y = ys();
    const { cb: bad } = sabotage(model, 'ha');
    const cb = tensorBoard(logdir, { keepEvidence: true });
    await quietFit(model, [xa, xb], y, [bad, cb]);
    await cb.close();
    const e = await loadEvidence(join(logdir, 'train', `evidence-${BAD_STEP}`));
    const start = (BAD_STEP - 1) * BATCH;
    expect(e.inputs.map((t) => t!.shape)).toEqual([
      [BATCH, 3],
      [BATCH, 2],
    ]);
    expect(Array.from(e.inputs[0]!.dataSync())).toEqual(
      Array.from(xa.slice([start, 0], [BATCH, 3]).dataSync()),
    );
    expect(Array.from(e.inputs[1]!.dataSync())).toEqual(
      Array.from(xb.slice([start, 0], [BATCH, 2]).dataSync()),
    );
    tf.dispose([xa, xb, y, ...e.inputs, ...e.targets] as tf.Tensor[]);
    e.model.dispose();
    model.dispose();
  });

  it('skips evidence over maxBytes with a note, and keeps none without the option', async () => {
    for (const options of [{ keepEvidence: { maxBytes: 100 } }, { postMortem: true }]) {
      const logdir = tempDir();
      const model = sequential();
      const [x, y] = [xs(), ys()];
      const { cb: bad } = sabotage(model, 'h1');
      const cb = tensorBoard(logdir, options);
      await quietFit(model, x, y, [bad, cb]);
      await cb.close();
      expect(existsSync(join(logdir, 'train', `evidence-${BAD_STEP}`))).toBe(false);
      const text = await postMortemText(logdir, BAD_STEP);
      if ('keepEvidence' in options) {
        expect(text).toMatch(
          /Evidence not kept: the weights \(.* MiB\) and the batch \(.* MiB\) exceed keepEvidence's limit of 0\.00 MiB/,
        );
      } else {
        expect(text).toBeDefined();
        expect(text).not.toContain('Evidence');
      }
      tf.dispose([x, y]);
      model.dispose();
    }
  });
});

describe('keepEvidence options', () => {
  it('refuses what cannot work, naming the option', () => {
    expect(() => tensorBoard(tempDir(), { keepEvidence: true, postMortem: false })).toThrow(
      /keepEvidence needs the post-mortem, but postMortem is false/,
    );
    expect(() => tensorBoard(tempDir(), { keepEvidence: { maxBytes: -1 } })).toThrow(
      /keepEvidence.maxBytes must be an integer >= 0/,
    );
    expect(() => tensorBoard(tempDir(), { keepEvidence: { maxMB: 3 } as never })).toThrow(
      /keepEvidence: unknown option "maxMB"/,
    );
    expect(() => tensorBoard(tempDir(), { keepEvidence: 'yes' as never })).toThrow(
      /keepEvidence must be true, false or \{ maxBytes \}/,
    );
  });

  it('loadEvidence says what is wrong with a folder that is not evidence', async () => {
    await expect(loadEvidence(tempDir())).rejects.toThrow(/loadEvidence: cannot read .*model\.json/);
    // A crafted manifest may not read outside its folder.
    const dir = tempDir();
    writeFileSync(
      join(dir, 'model.json'),
      JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['../../etc/passwd'], weights: [] }] }),
    );
    writeFileSync(
      join(dir, 'batch.json'),
      JSON.stringify({ format: 'gradwatch-evidence', weightsManifest: [] }),
    );
    await expect(loadEvidence(dir)).rejects.toThrow(
      /names "\.\.\/\.\.\/etc\/passwd", not a file in its folder/,
    );
  });
});
