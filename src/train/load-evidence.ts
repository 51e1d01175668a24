/**
 * Loading back the evidence a post-mortem kept (`keepEvidence`): the model with its weights before
 * the bad update, and the step's batch, so the failure can be reproduced without the training script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Tensor } from '@tensorflow/tfjs-core';
import { type LayersModel, loadLayersModel } from '@tensorflow/tfjs-layers';
import { EVIDENCE_FORMAT } from '../watch/evidence.js';
import { describeValue } from '../watch/tap.js';

export interface LoadedEvidence {
  /** The model as the bad step found it (compiled when its loss and optimizer could be saved). */
  model: LayersModel;
  /** The step's batch, in the order of the model's inputs and outputs (null: not seen in the replay). */
  inputs: Array<Tensor | null>;
  targets: Array<Tensor | null>;
  step: number;
  /** The loss the replay computed (NaN and infinities included). */
  loss: number;
}

interface Manifest {
  weightsManifest: Array<{ paths: string[]; weights: io.WeightsManifestEntry[] }>;
}

/** Bytes per value of the dtypes a weights file holds (tfjs' own; quantized ones by their storage). */
const DTYPE_BYTES: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

/**
 * Reads a manifest's weight files (one or more, concatenated) and checks they hold exactly what the
 * manifest describes, so a cut-off or foreign file is named here rather than by tfjs' decoder.
 */
function readWeights(
  dir: string,
  manifest: Manifest,
  file: string,
): { specs: io.WeightsManifestEntry[]; data: ArrayBuffer } {
  const where = join(dir, file);
  const groups = (manifest as Partial<Manifest> | null)?.weightsManifest;
  if (
    !Array.isArray(groups) ||
    !groups.every(
      (g) => g !== null && typeof g === 'object' && Array.isArray(g.paths) && Array.isArray(g.weights),
    )
  ) {
    throw new Error(
      `loadEvidence: ${where} has no weightsManifest (a list of { paths, weights }), so it is not gradwatch evidence`,
    );
  }
  const files: string[] = [];
  const specs = groups.flatMap((g) => g.weights);
  const parts = groups.flatMap((g) =>
    g.paths.map((p) => {
      // A manifest names files in its own folder, nothing else (a crafted one must not read elsewhere).
      if (typeof p !== 'string' || !/^[A-Za-z0-9._-]+$/.test(p) || p === '..' || p === '.') {
        throw new Error(
          `loadEvidence: ${dir}: the manifest names ${JSON.stringify(p)}, not a file in its folder`,
        );
      }
      files.push(join(dir, p));
      try {
        return readFileSync(join(dir, p));
      } catch (err) {
        throw new Error(
          `loadEvidence: cannot read ${join(dir, p)} (named by ${where}): ${(err as Error).message}`,
        );
      }
    }),
  );
  let expected = 0;
  for (const w of specs) {
    const dtype = w?.quantization?.dtype ?? w?.dtype;
    const per = DTYPE_BYTES[dtype as string];
    if (
      per === undefined ||
      !Array.isArray(w.shape) ||
      !w.shape.every((d) => Number.isSafeInteger(d) && d >= 0)
    ) {
      throw new Error(
        `loadEvidence: ${where} describes weight ${JSON.stringify(w?.name)} as ${JSON.stringify(w?.dtype)} of shape ${JSON.stringify(w?.shape)}, which a weights file cannot hold`,
      );
    }
    expected += per * w.shape.reduce((a, b) => a * b, 1);
  }
  const total = parts.reduce((n, b) => n + b.byteLength, 0);
  if (total !== expected) {
    throw new Error(
      `loadEvidence: ${files.join(' + ') || where} ${files.length > 1 ? 'are' : 'is'} ${total} bytes, but ${where} describes ${expected} bytes of weights: ${total < expected ? 'cut off (a copy or a write that did not finish?)' : 'longer than its manifest says (not the file it was written with?)'}`,
    );
  }
  const data = new Uint8Array(total);
  let at = 0;
  for (const b of parts) {
    data.set(b, at);
    at += b.byteLength;
  }
  return { specs, data: data.buffer };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`loadEvidence: cannot read ${path}: ${(err as Error).message}`);
  }
}

/**
 * Loads the evidence folder of a post-mortem (`<logdir>/train/evidence-<step>`) on any backend.
 * Models with custom layers need those layers registered first, as for `tf.loadLayersModel`.
 *
 * @example
 * const { model, inputs, targets } = await loadEvidence('runs/exp/train/evidence-412');
 * const loss = tf.losses.meanSquaredError(targets[0]!, model.predict(inputs[0]!) as tf.Tensor);
 */
export async function loadEvidence(dir: string): Promise<LoadedEvidence> {
  if (typeof dir !== 'string' || dir === '') {
    throw new TypeError(
      `loadEvidence: dir must be the path of an evidence folder (<logdir>/train/evidence-<step>), got ${typeof dir === 'string' ? '""' : describeValue(dir)}`,
    );
  }
  const modelJson = readJson(join(dir, 'model.json')) as Manifest & {
    modelTopology: object;
    trainingConfig?: io.TrainingConfig;
  };
  const batchJson = readJson(join(dir, 'batch.json')) as Manifest & {
    format?: string;
    step: number;
    loss: number | string;
    inputs: Array<string | null>;
    targets: Array<string | null>;
  };
  if (batchJson.format !== EVIDENCE_FORMAT) {
    throw new Error(
      `loadEvidence: ${join(dir, 'batch.json')} is not gradwatch evidence (format ${String(batchJson.format)})`,
    );
  }
  const weights = readWeights(dir, modelJson, 'model.json');
  for (const key of ['inputs', 'targets'] as const) {
    if (!Array.isArray(batchJson[key])) {
      throw new Error(`loadEvidence: ${join(dir, 'batch.json')} has no list of ${key}`);
    }
  }
  const batch = readWeights(dir, batchJson, 'batch.json');
  if (modelJson.modelTopology === null || typeof modelJson.modelTopology !== 'object') {
    throw new Error(`loadEvidence: ${join(dir, 'model.json')} has no modelTopology`);
  }
  let model: LayersModel;
  try {
    model = await loadLayersModel(
      io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs: weights.specs,
        weightData: weights.data,
        ...(modelJson.trainingConfig ? { trainingConfig: modelJson.trainingConfig } : {}),
      }),
    );
  } catch (err) {
    // Most often a custom layer not registered (tfjs' message says how to register it).
    throw new Error(
      `loadEvidence: cannot rebuild the model of ${join(dir, 'model.json')}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const named = io.decodeWeights(batch.data, batch.specs);
  const pick = (names: Array<string | null>) => names.map((n) => (n === null ? null : (named[n] ?? null)));
  return {
    model,
    inputs: pick(batchJson.inputs),
    targets: pick(batchJson.targets),
    step: batchJson.step,
    loss: Number(batchJson.loss),
  };
}
