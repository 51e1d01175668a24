/**
 * The post-mortem of a bad step: the step's loss function is run once more, on the same batch and
 * the same weights (the update not applied yet), with a tap on every layer: the forward pass records
 * each layer's input and output (max |a|, non-finite values), the backward pass the gradient reaching
 * each layer's output and leaving it towards its input, and the gradients of its weights. From these
 * it names where the damage was created:
 * - forward: the first layer whose input is finite but whose output is not, or grows by orders of
 *   magnitude over its input;
 * - the loss: every layer's output finite, the loss not;
 * - backward: walking back from the loss, the first layer whose output gradient is finite but whose
 *   gradient to its input or to its weights is not (a layer that creates a NaN in the backward pass
 *   still receives a finite gradient, so the first non-finite output gradient would name the wrong
 *   layer); with everything finite, the first that multiplies the gradient by orders of magnitude.
 * Nothing is applied; every tensor made is freed.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BatchCapture } from './evidence.js';
import { summarize } from './host-stats.js';
import { type LayerLike, wrapLayerCalls } from './layer-calls.js';

/** Orders of magnitude between a layer's input and output (or its gradients) that count as blowing up. */
const FORWARD_JUMP = 1e4;

export interface TensorSummary {
  maxAbs: number;
  nonFinite: number;
}

export interface LayerReplay {
  layer: string;
  /** Position in the forward pass (a shared layer appears once per application). */
  index: number;
  input: TensorSummary;
  output: TensorSummary;
  /** Gradient of the loss at the layer's output, and towards its input (backward pass). */
  outputGrad?: TensorSummary & { norm: number };
  inputGrad?: TensorSummary & { norm: number };
  /** Gradients of the layer's own weights. */
  weightGrad?: TensorSummary & { norm: number };
  /** The layer's weights as the step found them (before its update). */
  weights?: TensorSummary;
}

export interface PostMortem {
  step: number;
  loss: number;
  layers: LayerReplay[];
  origin: {
    direction: 'forward' | 'loss' | 'backward' | 'unknown';
    layer?: string;
    why: string;
  };
  /** The model has layers whose output is random in training (dropout): the replay's masks differ. */
  random: boolean;
  ms: number;
  /** keepEvidence: the folder (in the run) holding the weights and batch, or why it was not kept. */
  evidence?: { dir?: string; skipped?: string; bytes: number };
}

/** Largest finite |a|, non-finite count and the norm of the finite values of some tensors (read on the host). */
function summarizeTensors(ts: tf.Tensor[]): TensorSummary & { norm: number } {
  let maxAbs = 0;
  let nonFinite = 0;
  let sq = 0;
  for (const t of ts) {
    const s = summarize(t.dataSync());
    maxAbs = Math.max(maxAbs, s.maxAbs);
    nonFinite += s.nan + s.posInf + s.negInf;
    sq += s.sumSq;
  }
  return { maxAbs, nonFinite, norm: Math.sqrt(sq) };
}

/** Whether the model has layers whose training output is random (dropout, noise). */
function hasRandomLayers(model: unknown): boolean {
  const any = (layers: LayerLike[]): boolean =>
    layers.some((l) => /dropout|noise/i.test(l.getClassName()) || any(l.layers ?? []));
  return any((model as { layers: LayerLike[] }).layers);
}

const tensorsOf = (x: unknown): tf.Tensor[] =>
  (Array.isArray(x) ? x : [x]).filter((t): t is tf.Tensor => t instanceof tf.Tensor);

/**
 * Replays `lossFn` (which must close over the step's batch, as fit's does) with per-layer taps on
 * `model`, and names the origin of the damage. `batch`, when given, is shown the step's inputs and
 * targets on the way.
 */
export function replayStep(
  model: unknown,
  lossFn: () => tf.Scalar,
  step: number,
  batch?: BatchCapture,
): PostMortem {
  const t0 = performance.now();
  const layers: LayerReplay[] = [];
  const layerOfVariable = new Map<string, string>();
  const weightsOf = new Map<LayerLike, tf.Tensor[]>();
  const random = hasRandomLayers(model);
  const restore = wrapLayerCalls(
    model,
    (layer, call, inputs) => {
      const entry: LayerReplay = {
        layer: layer.name,
        index: layers.length,
        input: summarizeTensors(tensorsOf(inputs)),
        output: { maxAbs: 0, nonFinite: 0 },
      };
      const weights = weightsOf.get(layer) ?? [];
      if (weights.length > 0) {
        const w = summarizeTensors(weights);
        entry.weights = { maxAbs: w.maxAbs, nonFinite: w.nonFinite };
      }
      layers.push(entry);
      batch?.layerInputs(layer, inputs);
      const out = call();
      entry.output = summarizeTensors(tensorsOf(out));
      // An identity whose gradient records what reaches this output; what leaves the layer towards
      // its input is what the identity on that input (the previous layer's output) records.
      const record = (x: tf.Tensor) =>
        tf.customGrad(((v: tf.Tensor) => ({
          value: tf.clone(v),
          gradFunc: (dy: tf.Tensor) => {
            entry.outputGrad = summarizeTensors([dy]);
            return dy;
          },
        })) as unknown as Parameters<typeof tf.customGrad>[0])(x);
      const returned =
        !Array.isArray(out) && out instanceof tf.Tensor && out.dtype === 'float32' ? record(out) : out;
      batch?.layerOutputs(out, returned);
      return returned;
    },
    (layer) => {
      const vars = (layer.trainableWeights ?? []).flatMap((w) =>
        w.val ? [w.val as unknown as tf.Tensor] : [],
      );
      weightsOf.set(layer, vars);
      for (const w of layer.trainableWeights ?? []) layerOfVariable.set(w.val?.name ?? w.name, layer.name);
    },
  );
  let loss = Number.NaN;
  const restoreLosses = batch?.wrapLosses();
  try {
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(lossFn);
      loss = value.dataSync()[0]!;
      const byLayer = new Map<string, tf.Tensor[]>();
      for (const [name, g] of Object.entries(grads)) {
        const layer = layerOfVariable.get(name);
        if (layer) byLayer.set(layer, [...(byLayer.get(layer) ?? []), g]);
      }
      for (const entry of layers) {
        const gs = byLayer.get(entry.layer);
        if (gs) entry.weightGrad = summarizeTensors(gs);
      }
    });
  } finally {
    restore();
    restoreLosses?.();
  }
  batch?.finish();
  // The gradient leaving a layer towards its input is the one reaching the layer before it (a chain).
  for (let i = 1; i < layers.length; i++) {
    const g = layers[i - 1]!.outputGrad;
    if (g) layers[i]!.inputGrad = g;
  }
  return { step, loss, layers, origin: origin(layers, loss), random, ms: performance.now() - t0 };
}

function origin(layers: LayerReplay[], loss: number): PostMortem['origin'] {
  for (const l of layers) {
    if (l.input.nonFinite > 0) continue;
    if (l.output.nonFinite > 0) {
      const w = l.weights?.nonFinite ?? 0;
      return {
        direction: 'forward',
        layer: l.layer,
        why:
          w > 0
            ? `its input is finite but ${w} of its weights are NaN or infinite (written by an earlier update, or by code that set them), so ${l.output.nonFinite} of its outputs are`
            : `its input is finite (max |a| ${fmt(l.input.maxAbs)}) but ${l.output.nonFinite} of its output values are NaN or infinite`,
      };
    }
    if (l.output.maxAbs >= FORWARD_JUMP * Math.max(l.input.maxAbs, 1)) {
      return {
        direction: 'forward',
        layer: l.layer,
        why: `its output (max |a| ${fmt(l.output.maxAbs)}) is ${fmt(l.output.maxAbs / Math.max(l.input.maxAbs, 1))}x its input (max |a| ${fmt(l.input.maxAbs)})`,
      };
    }
  }
  if (!Number.isFinite(loss)) {
    return {
      direction: 'loss',
      why: `every layer's output is finite, the loss is ${loss}: the loss function made it (log of 0, a division by 0, ...)`,
    };
  }
  for (let i = layers.length - 1; i >= 0; i--) {
    const l = layers[i]!;
    if (!l.outputGrad || l.outputGrad.nonFinite > 0) continue;
    const badIn = (l.inputGrad?.nonFinite ?? 0) > 0;
    const badW = (l.weightGrad?.nonFinite ?? 0) > 0;
    if (badIn || badW) {
      return {
        direction: 'backward',
        layer: l.layer,
        why: `the gradient reaching its output is finite (norm ${fmt(l.outputGrad.norm)}) but its gradient to ${badIn ? 'its input' : 'its weights'} holds ${badIn ? l.inputGrad!.nonFinite : l.weightGrad!.nonFinite} NaN or infinite values`,
      };
    }
  }
  // Everything finite, but a layer multiplies the gradient passing back through it by orders of
  // magnitude (a backward pass that explodes where the forward pass does not): the first such layer
  // walking back from the loss.
  for (let i = layers.length - 1; i >= 0; i--) {
    const l = layers[i]!;
    if (!l.outputGrad?.norm || !l.inputGrad) continue;
    const gain = l.inputGrad.norm / l.outputGrad.norm;
    if (gain >= FORWARD_JUMP) {
      return {
        direction: 'backward',
        layer: l.layer,
        why: `the gradient reaching its output (norm ${fmt(l.outputGrad.norm)}) leaves it towards its input ${fmt(gain)}x larger (norm ${fmt(l.inputGrad.norm)}), while its output is ${fmt(l.output.maxAbs / Math.max(l.input.maxAbs, 1e-30))}x its input`,
      };
    }
  }
  // Nothing non-finite (a spike, an update far larger than the weights): where the values grow most.
  let fwd: LayerReplay | undefined;
  let fwdX = 0;
  let bwd: LayerReplay | undefined;
  let bwdX = 0;
  for (const l of layers) {
    const f = l.output.maxAbs / Math.max(l.input.maxAbs, 1e-30);
    if (f > fwdX) [fwd, fwdX] = [l, f];
    if (l.outputGrad && l.inputGrad && l.outputGrad.norm > 0) {
      const b = l.inputGrad.norm / l.outputGrad.norm;
      if (b > bwdX) [bwd, bwdX] = [l, b];
    }
  }
  const parts = [
    ...(fwd ? [`forward at \`${fwd.layer}\` (output ${fmt(fwdX)}x its input)`] : []),
    ...(bwd ? [`backward at \`${bwd.layer}\` (gradient ${fmt(bwdX)}x across it)`] : []),
  ];
  return {
    direction: 'unknown',
    why: `no NaN or infinity in the replay; the values grow most ${parts.join(' and ') || 'nowhere measurable'}`,
  };
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a >= 1e4 || a < 1e-3) ? x.toExponential(2) : String(Number(x.toPrecision(3)));
}

/** The post-mortem as markdown for the Text tab: the verdict, then one row per layer in forward order. */
export function postMortemMarkdown(p: PostMortem): string {
  const o = p.origin;
  const where =
    o.direction === 'forward'
      ? `in the **forward** pass, at layer \`${o.layer}\``
      : o.direction === 'backward'
        ? `in the **backward** pass, at layer \`${o.layer}\``
        : o.direction === 'loss'
          ? 'in the **loss function**'
          : 'by no single layer the replay could see';
  const lines = [
    `### Post-mortem of step ${p.step}`,
    '',
    `The step was run again on the same batch and weights (nothing applied). The damage was created ${where}: ${o.why}.`,
    '',
    ...(p.random ? ['The model has dropout or noise layers: the replay drew new random masks.', ''] : []),
    `Loss in the replay: ${fmt(p.loss)}.`,
    '',
    ...(p.evidence?.dir
      ? [
          `Evidence kept in \`${p.evidence.dir}/\` of this run: the weights before the update and the batch (load them with \`loadEvidence\`)${p.evidence.skipped ? `; ${p.evidence.skipped}` : ''}.`,
          '',
        ]
      : p.evidence?.skipped
        ? [`Evidence not kept: ${p.evidence.skipped}.`, '']
        : []),
    '| # | layer | input max \\|a\\| | output max \\|a\\| | non-finite outputs | gradient at output (norm) | non-finite | weight gradient (norm) | non-finite |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const l of p.layers) {
    lines.push(
      `| ${l.index + 1} | \`${l.layer}\` | ${fmt(l.input.maxAbs)} | ${fmt(l.output.maxAbs)} | ${l.output.nonFinite} | ${l.outputGrad ? fmt(l.outputGrad.norm) : '-'} | ${l.outputGrad?.nonFinite ?? '-'} | ${l.weightGrad ? fmt(l.weightGrad.norm) : '-'} | ${l.weightGrad?.nonFinite ?? '-'} |`,
    );
  }
  return lines.join('\n');
}
