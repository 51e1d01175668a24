/**
 * Evidence of a bad step, kept so the failure can be reproduced without the training script: the
 * model's weights as the step found them (before its update) and the step's batch, copied to host
 * memory inside the step (the update comes right after, so nothing here may wait), then encoded as
 * files tfjs reads back:
 * - `model.json` + `weights.bin`: the layers-model format of `model.save()`
 *   (`tf.loadLayersModel('file://…/model.json')` in tfjs-node, or `tf.io.fromMemory` anywhere);
 * - `batch.json` + `batch.bin`: a weights manifest over the batch (`input/<i>`, `target/<i>`), which
 *   `tf.io.decodeWeights` turns back into tensors.
 * No file system here: the caller decides where the files go.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { mean } from '@tensorflow/tfjs-core';

/** A tensor's values copied out of the backend. */
export interface HostTensor {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool';
  data: Float32Array | Int32Array | Uint8Array;
}

export interface Evidence {
  step: number;
  loss: number;
  /**
   * What the model's own losses give on the batch (its compiled losses' means plus the regularizers'
   * penalties), when it differs from `loss`: fit's classWeight weighted the step, and that is not kept.
   */
  modelLoss?: number;
  /** `model.toJSON(null, false)`: the topology `tf.loadLayersModel` rebuilds. */
  topology: unknown;
  /** The model's loss, metrics and optimizer config, so the loaded model comes back compiled. */
  trainingConfig?: unknown;
  /** Every weight of the model (trainable or not) by its original name, as `model.save()` names them. */
  weights: HostTensor[];
  /** The batch, in the order of the model's inputs and outputs; null where it could not be seen. */
  inputs: Array<HostTensor | null>;
  targets: Array<HostTensor | null>;
}

export interface EvidenceFile {
  name: string;
  bytes: Uint8Array;
}

/** What gradwatch writes: files, or why there are none. */
export type EncodedEvidence = { files: EvidenceFile[]; bytes: number } | { skipped: string; bytes: number };

export const EVIDENCE_FORMAT = 'gradwatch-evidence';

/** Copies a tensor's values (a backend may hand out its own storage, so always a copy). */
export function toHost(name: string, t: tf.Tensor): HostTensor | null {
  const values = t.dataSync();
  const shape = t.shape.slice();
  if (t.dtype === 'float32')
    return { name, shape, dtype: 'float32', data: Float32Array.from(values as Float32Array) };
  if (t.dtype === 'int32')
    return { name, shape, dtype: 'int32', data: Int32Array.from(values as Int32Array) };
  if (t.dtype === 'bool') return { name, shape, dtype: 'bool', data: Uint8Array.from(values as Uint8Array) };
  return null;
}

interface WeightLike {
  originalName?: string;
  name: string;
  read(): tf.Tensor;
}

/** The model's weights, named as `model.save()` names them (so `loadLayersModel` matches them). */
export function captureWeights(model: unknown): HostTensor[] {
  const weights = (model as { weights?: WeightLike[] }).weights ?? [];
  const out: HostTensor[] = [];
  for (const w of weights) {
    const h = toHost(w.originalName ?? w.name, w.read());
    if (h) out.push(h);
  }
  return out;
}

/** Topology and training config, as `model.save()` records them; undefined parts are left out. */
export function describeModel(model: unknown): { topology: unknown; trainingConfig?: unknown } {
  const m = model as { toJSON(a: unknown, b: boolean): unknown; getTrainingConfig?: () => unknown };
  const topology = m.toJSON(null, false);
  let trainingConfig: unknown;
  try {
    trainingConfig = m.getTrainingConfig?.();
  } catch {
    // Not compiled with a serializable loss (a custom function): the model loads uncompiled.
  }
  return trainingConfig === undefined ? { topology } : { topology, trainingConfig };
}

/** Bytes of the tensors, as they are stored in a weights file. */
const sizeOf = (ts: Array<HostTensor | null>) => ts.reduce((n, t) => n + (t?.data.byteLength ?? 0), 0);

function pack(ts: HostTensor[]): {
  specs: Array<{ name: string; shape: number[]; dtype: string }>;
  data: Uint8Array;
} {
  const data = new Uint8Array(sizeOf(ts));
  let at = 0;
  for (const t of ts) {
    data.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), at);
    at += t.data.byteLength;
  }
  return { specs: ts.map((t) => ({ name: t.name, shape: t.shape, dtype: t.dtype })), data };
}

const json = (v: unknown) => new TextEncoder().encode(`${JSON.stringify(v, null, 1)}\n`);

/**
 * The evidence as files, or a note saying why not when its weights and batch together exceed
 * `maxBytes` (nothing is half-written: a batch without its weights reproduces nothing).
 */
export function encodeEvidence(e: Evidence, maxBytes: number, generatedBy: string): EncodedEvidence {
  const bytes = sizeOf(e.weights) + sizeOf(e.inputs) + sizeOf(e.targets);
  if (bytes > maxBytes) {
    return {
      skipped: `the weights (${mb(sizeOf(e.weights))}) and the batch (${mb(sizeOf(e.inputs) + sizeOf(e.targets))}) exceed keepEvidence's limit of ${mb(maxBytes)} (keepEvidence: { maxBytes })`,
      bytes,
    };
  }
  const weights = pack(e.weights);
  const batchTensors = [...e.inputs, ...e.targets].filter((t): t is HostTensor => t !== null);
  const batch = pack(batchTensors);
  const model = {
    modelTopology: e.topology,
    format: 'layers-model',
    generatedBy,
    convertedBy: null,
    ...(e.trainingConfig === undefined ? {} : { trainingConfig: e.trainingConfig }),
    weightsManifest: [{ paths: ['weights.bin'], weights: weights.specs }],
  };
  const batchJson = {
    format: EVIDENCE_FORMAT,
    version: 1,
    step: e.step,
    loss: Number.isFinite(e.loss) ? e.loss : String(e.loss),
    ...(e.modelLoss === undefined
      ? {}
      : { modelLoss: e.modelLoss, note: weightingNote(e.loss, e.modelLoss) }),
    inputs: e.inputs.map((t) => t?.name ?? null),
    targets: e.targets.map((t) => t?.name ?? null),
    weightsManifest: [{ paths: ['batch.bin'], weights: batch.specs }],
  };
  return {
    files: [
      { name: 'model.json', bytes: json(model) },
      { name: 'weights.bin', bytes: weights.data },
      { name: 'batch.json', bytes: json(batchJson) },
      { name: 'batch.bin', bytes: batch.data },
    ],
    bytes,
  };
}

/**
 * The model's own loss on the batch when the step's loss differs from it (fit's classWeight weighted
 * the step: the evidence holds no weights of the samples, so the loaded model on the loaded batch
 * gives the model's loss, not the step's); undefined when they agree or either is unknown.
 */
export function weightedLoss(loss: number, modelLoss: number): number | undefined {
  if (!Number.isFinite(loss) || !Number.isFinite(modelLoss)) return undefined;
  return Math.abs(loss - modelLoss) > 1e-3 * Math.max(1, Math.abs(loss)) ? modelLoss : undefined;
}

/** Says why the evidence gives another loss than the step's (see weightedLoss). */
export function weightingNote(loss: number, modelLoss: number): string {
  return `the step's loss (${loss.toPrecision(6)}) was weighted by fit's classWeight, which the evidence does not hold: the loaded model on the loaded batch gives ${modelLoss.toPrecision(6)}`;
}

function mb(n: number): string {
  return `${(n / 2 ** 20).toFixed(n < 2 ** 20 ? 2 : 1)} MiB`;
}

interface NodeLike {
  outboundLayer?: unknown;
  inputTensors?: unknown[];
}
interface ModelLike {
  inputs?: unknown[];
  outputs?: unknown[];
  inputLayers?: Array<{ outboundNodes?: NodeLike[] }>;
  lossFunctions?: Array<(yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor>;
  /** A Sequential's inner model, which holds the compiled loss. */
  model?: ModelLike;
}

const tensorList = (x: unknown): tf.Tensor[] =>
  (Array.isArray(x) ? x : [x]).filter(
    (t): t is tf.Tensor => t !== null && typeof t === 'object' && 'dataId' in t && 'shape' in t,
  );

/**
 * Sees the batch of a replayed step: fit's loss function holds the step's inputs and targets in a
 * closure, so they are caught where they surface: each model input where the layer that consumes it
 * is called (from the model's graph: input i is argument j of layer L), each target where the
 * compiled loss function receives it (`model.lossFunctions[i]`, read by fit at every call).
 */
export class BatchCapture {
  readonly inputs: Array<HostTensor | null>;
  readonly targets: Array<HostTensor | null>;
  /** The mean of each compiled loss function's result in the replay (before any classWeight). */
  readonly outputLosses: Array<number | null>;
  readonly #consumers = new Map<unknown, Array<{ input: number; position: number }>>();
  /** Tensors a wrapped layer produced: anything else a layer receives came from outside (the batch). */
  readonly #produced = new Set<unknown>();
  readonly #outside: tf.Tensor[] = [];
  readonly #placed = new Set<unknown>();
  readonly #model: ModelLike;

  constructor(model: unknown) {
    const m = model as ModelLike;
    this.#model = m.lossFunctions ? m : (m.model ?? m);
    const inputs = this.#model.inputs ?? [];
    this.inputs = inputs.map(() => null);
    this.targets = (this.#model.outputs ?? []).map(() => null);
    this.outputLosses = (this.#model.lossFunctions ?? []).map(() => null);
    (this.#model.inputLayers ?? []).forEach((layer, i) => {
      for (const node of layer.outboundNodes ?? []) {
        const position = node.inputTensors?.indexOf(inputs[i]) ?? -1;
        if (position < 0 || !node.outboundLayer) continue;
        const list = this.#consumers.get(node.outboundLayer) ?? [];
        list.push({ input: i, position });
        this.#consumers.set(node.outboundLayer, list);
      }
    });
  }

  /** Called with each layer call's inputs before the call runs, and its outputs after. */
  layerInputs(layer: unknown, inputs: unknown): void {
    const ts = tensorList(inputs);
    for (const { input, position } of this.#consumers.get(layer) ?? []) {
      const t = ts[position];
      if (t && this.inputs[input] === null) {
        this.inputs[input] = toHost(`input/${input}`, t);
        this.#placed.add(t);
      }
    }
    for (const t of ts) if (!this.#produced.has(t) && !this.#outside.includes(t)) this.#outside.push(t);
  }

  layerOutputs(...outputs: unknown[]): void {
    for (const o of outputs) for (const t of tensorList(o)) this.#produced.add(t);
  }

  /** Wraps the compiled loss functions to see the targets; returns the function that restores them. */
  wrapLosses(): () => void {
    const fns = this.#model.lossFunctions;
    if (!fns) return () => {};
    const originals = fns.slice();
    fns.forEach((fn, i) => {
      fns[i] = (yTrue, yPred) => {
        if (this.targets[i] === null) this.targets[i] = toHost(`target/${i}`, yTrue);
        const out = fn(yTrue, yPred);
        if (this.outputLosses[i] === null) {
          // Off the path to the step's loss, so its gradients are untouched.
          const m = mean(out);
          this.outputLosses[i] = m.dataSync()[0]!;
          m.dispose();
        }
        return out;
      };
    });
    return () => fns.splice(0, fns.length, ...originals);
  }

  /**
   * The model's own loss on the replayed batch: its compiled losses' means plus its regularizers'
   * penalties (what fit's loss is, unless classWeight weighted it). NaN when a loss was not seen.
   * Called inside the step (the weights are still those of the replay).
   */
  modelLoss(): number {
    if (this.outputLosses.length === 0 || this.outputLosses.some((l) => l === null)) return Number.NaN;
    let sum = this.outputLosses.reduce((a: number, b) => a + b!, 0);
    const m = this.#model as { calculateLosses?: () => tf.Scalar[] };
    try {
      for (const r of m.calculateLosses?.() ?? []) {
        sum += r.dataSync()[0]!;
        r.dispose();
      }
    } catch {
      return Number.NaN; // unknown, so nothing is said about it
    }
    return sum;
  }

  /**
   * Inputs the graph did not place (a nested model consumes them) are the tensors that reached a
   * layer without any layer having made them, in the order they were first seen.
   */
  finish(): void {
    const outside = this.#outside.filter((t) => !this.#produced.has(t) && !this.#placed.has(t));
    const unplaced = outside.filter((t) => !t.isDisposed);
    for (let i = 0; i < this.inputs.length && unplaced.length > 0; i++) {
      if (this.inputs[i] === null) this.inputs[i] = toHost(`input/${i}`, unplaced.shift()!);
    }
  }
}
