/**
 * Loading back the evidence a post-mortem kept (`keepEvidence`): the model with its weights before
 * the bad update, and the step's batch, so the failure can be reproduced without the training script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Tensor } from '@tensorflow/tfjs-core';
import { type LayersModel, loadLayersModel } from '@tensorflow/tfjs-layers';
import { EVIDENCE_FORMAT } from '../watch/evidence.js';

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

/** Reads a manifest's weight files (one or more, concatenated) and decodes them into named tensors. */
function readWeights(
  dir: string,
  manifest: Manifest,
): { specs: io.WeightsManifestEntry[]; data: ArrayBuffer } {
  if (!Array.isArray(manifest?.weightsManifest)) {
    throw new Error(`loadEvidence: ${dir} has a manifest without weightsManifest`);
  }
  const specs = manifest.weightsManifest.flatMap((g) => g.weights);
  const parts = manifest.weightsManifest.flatMap((g) =>
    g.paths.map((p) => {
      // A manifest names files in its own folder, nothing else (a crafted one must not read elsewhere).
      if (typeof p !== 'string' || !/^[A-Za-z0-9._-]+$/.test(p) || p === '..' || p === '.') {
        throw new Error(
          `loadEvidence: ${dir}: the manifest names ${JSON.stringify(p)}, not a file in its folder`,
        );
      }
      return readFileSync(join(dir, p));
    }),
  );
  const total = parts.reduce((n, b) => n + b.byteLength, 0);
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
  const weights = readWeights(dir, modelJson);
  const model = await loadLayersModel(
    io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: weights.specs,
      weightData: weights.data,
      ...(modelJson.trainingConfig ? { trainingConfig: modelJson.trainingConfig } : {}),
    }),
  );
  const batch = readWeights(dir, batchJson);
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
