/**
 * The ground truth of the activation scenarios, measured outside gradwatch: before each training
 * step, the harness runs the model's own layers on that step's batch (a `tf.model` whose outputs are
 * every layer's output, sharing the trained layers, with the weights the step's forward pass uses)
 * and keeps per layer the fraction of exact zeros, the fraction saturated (by the layer's configured
 * activation), the largest |a| and the root mean square, and the RMS of the layer's input. From these
 * `score.ts` derives which layer is dead, saturated or amplifying, and from which step.
 *
 * It runs in `onBatchBegin` before gradwatch's callback, so gradwatch's activation tap (armed in its
 * own onBatchBegin) is not armed yet and never sees these forward passes; they run in inference mode
 * (no dropout), which for the dense models it is used on is the training forward pass.
 */
import * as tf from '@tensorflow/tfjs';

export type SaturationKind = 'symmetric' | 'unit' | null;

/** Per step (1-based: `steps[0]` is step 1), per layer in `layers` order. */
export interface LayerOutputs {
  layers: string[];
  /** Saturation of each layer's configured activation: tanh/softsign, sigmoid/hard sigmoid, other. */
  kinds: SaturationKind[];
  /** The layer each layer reads (its first input), or null for the model's input. */
  inputOf: Array<string | null>;
  /** The model's output layers (their saturation is confidence, not a fault). */
  outputLayers: string[];
  steps: Array<{
    zero: number[];
    /** null for layers without a saturating activation. */
    saturated: Array<number | null>;
    maxAbs: number[];
    rms: number[];
    /** RMS of each layer's (first) input. */
    inputRms: number[];
  }>;
}

interface LayerLike {
  name: string;
  getClassName(): string;
  getConfig(): Record<string, unknown>;
  inboundNodes: Array<{ inputTensors: tf.SymbolicTensor[] }>;
  output: tf.SymbolicTensor | tf.SymbolicTensor[];
}

export function saturationKind(activation: unknown): SaturationKind {
  const a = typeof activation === 'string' ? activation.toLowerCase() : '';
  if (a === 'tanh' || a === 'softsign') return 'symmetric';
  if (a === 'sigmoid' || a === 'hardsigmoid') return 'unit';
  return null;
}

/** Statistics of one output's values, as the ground truth defines them. */
export function outputStats(
  x: ArrayLike<number>,
  kind: SaturationKind,
): { zero: number; saturated: number | null; maxAbs: number; rms: number } {
  let zeros = 0;
  let sat = 0;
  let max = 0;
  let sq = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === 0) zeros++;
    const a = Math.abs(v);
    if (a > max) max = a;
    sq += v * v;
    if (kind === 'symmetric' ? a > 0.99 : kind === 'unit' && (v < 0.01 || v > 0.99)) sat++;
  }
  const n = Math.max(1, x.length);
  return { zero: zeros / n, saturated: kind ? sat / n : null, maxAbs: max, rms: Math.sqrt(sq / n) };
}

export class OutputProbe {
  readonly outputs: LayerOutputs;
  readonly #model: tf.LayersModel;
  readonly #x: tf.Tensor;
  readonly #batchSize: number;
  readonly #inputIndex: number[];

  constructor(model: tf.LayersModel, x: tf.Tensor, batchSize: number) {
    const layers = (model.layers as unknown as LayerLike[]).filter(
      (l) => l.getClassName() !== 'InputLayer' && !Array.isArray(l.output),
    );
    const index = new Map(layers.map((l, i) => [l.name, i]));
    const inputOf = layers.map((l) => {
      const src = l.inboundNodes[0]?.inputTensors[0]?.sourceLayer?.name;
      return src !== undefined && index.has(src) ? src : null;
    });
    this.outputs = {
      layers: layers.map((l) => l.name),
      kinds: layers.map((l) => saturationKind(l.getConfig().activation)),
      inputOf,
      outputLayers: model.outputs.map((t) => t.sourceLayer.name),
      steps: [],
    };
    this.#inputIndex = inputOf.map((n) => (n === null ? -1 : index.get(n)!));
    // Shares the model's layers (and weights); never disposed, as disposing it would free them.
    this.#model = tf.model({
      inputs: model.inputs,
      outputs: layers.map((l) => l.output as tf.SymbolicTensor),
    });
    this.#x = x;
    this.#batchSize = batchSize;
  }

  /** Before step `batch` (0-based within the epoch) of an unshuffled fit: measure its batch. */
  measure(batch: number): void {
    const n = this.#x.shape[0]!;
    const start = batch * this.#batchSize;
    const size = Math.min(this.#batchSize, n - start);
    if (size <= 0) return;
    const rest = this.#x.shape.slice(1).map(() => -1);
    const xb = this.#x.slice([start, ...rest.map(() => 0)], [size, ...rest]);
    const outs = tf.tidy(() => {
      const o = this.#model.predict(xb);
      return Array.isArray(o) ? o : [o];
    });
    try {
      const input = outputStats(xb.dataSync(), null);
      const stats = outs.map((t, i) => outputStats(t.dataSync(), this.outputs.kinds[i]!));
      this.outputs.steps.push({
        zero: stats.map((s) => s.zero),
        saturated: stats.map((s) => s.saturated),
        maxAbs: stats.map((s) => s.maxAbs),
        rms: stats.map((s) => s.rms),
        inputRms: this.#inputIndex.map((k) => (k < 0 ? input.rms : stats[k]!.rms)),
      });
    } finally {
      tf.dispose([xb, ...outs]);
    }
  }
}
