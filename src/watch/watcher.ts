/**
 * Watcher: the tap plus on-device statistics for one optimizer.
 *
 * During the training step (synchronously, inside the tap) it only does what needs the step's
 * tensors at that moment: reductions over the gradients before the update and over the weights after
 * it, packed into one kept tensor, plus buffer-sharing clones of the gradients and weights (free:
 * tf.clone shares the data, and the optimizer's assign() swaps in a new buffer). `drain()` downloads
 * the packed numbers once per step and then does the rest from the clones: exact non-finite counts
 * (only where a sum came back non-finite) and histograms (with the cheap unmasked bucketing when the
 * sums show the values are all finite). Gradients are only read, never changed, so monitoring does
 * not change what the model learns.
 */
import * as tf from '@tensorflow/tfjs-core';
import { bucketsFromCounts } from '../summary/histogram.js';
import {
  type AutoClipState,
  type ClipConfig,
  clipGradients,
  clipMode,
  clipThreshold,
  type ZClipState,
} from './clip.js';
import {
  gradientStats,
  histogramBlock,
  nonFiniteCounts,
  STATS_PER_VAR,
  Stat,
  weightStats,
} from './device-stats.js';
import type { ResolvedWatchOptions } from './options.js';
import {
  type GradientCheck,
  type HistogramKind,
  type NonFiniteCounts,
  type PackLayout,
  type StepHistogram,
  type StepStats,
  unpackGradientCheck,
  unpackStepStats,
  variablesNeedingCounts,
} from './step-stats.js';
import { type Gradient, tapOptimizer } from './tap.js';

export interface WatcherOptions {
  /** Log statistics every N steps (0: never). */
  statsFreq: number;
  /** Histograms every N steps (0: never). */
  histogramFreq: number;
  /** Which histograms to take on histogram steps. */
  histograms: { gradients: boolean; weights: boolean; updates: boolean };
  buckets: number;
  /** Measure ||Δw|| (one subtraction per variable on logged steps). */
  updates: boolean;
  /** Layer that owns a variable. */
  layerOf: (variableName: string) => string;
  /**
   * The name a variable's series are logged under (default: its name). tfjs makes variable names
   * unique per process (`dense/kernel_1` for a second model); the callback logs the name the layer
   * gave it, so runs trained one after another in a process share tags and overlay in TensorBoard.
   */
  tagName?: (variableName: string) => string;
  /** Step number of the first update seen. */
  firstStep: number;
  /**
   * Checked before each update: false means whoever attached the watcher is gone (a fit that threw
   * never calls onTrainEnd), so the watcher detaches itself and the optimizer is restored.
   */
  alive?: () => boolean;
  /** Called after a step's statistics were queued (watchOptimizer uses it to drain in the background). */
  onQueued?: () => void;
  /** Clip the gradients before every update. */
  clip?: ClipConfig;
  /**
   * Called synchronously inside every step, before the update (and before clipping), with the
   * gradient half of the step's statistics; returning 'skip' drops the update. Setting it costs one
   * small synchronous download per step.
   */
  gate?: (check: GradientCheck) => 'apply' | 'skip';
  /** Running state for { zclip } clipping, owned by the caller (it outlives one fit). */
  zclipState?: ZClipState;
  /** Norm history for { autoclip } clipping, owned by the caller. */
  autoclipState?: AutoClipState;
}

/** Logged steps over which the clip rate is computed. */
export const CLIP_RATE_WINDOW = 100;

interface Pending {
  layout: PackLayout;
  packed: tf.Tensor;
  histogram: boolean;
  /** Buffer-sharing clones of the step's gradients and of the weights before and after the update. */
  grads: Array<tf.Tensor | null>;
  before: Array<tf.Tensor | null>;
  weights: Array<tf.Tensor | null>;
}

interface InProgress {
  step: number;
  stats: boolean;
  histogram: boolean;
  gradPart: tf.Tensor;
  clipInfo: tf.Tensor | null;
  loss: tf.Tensor | null;
  grads: Array<tf.Tensor | null>;
  before: Array<tf.Tensor | null>;
}

/**
 * Watcher options for `optimizer` from the resolved user options: steps continue from the optimizer's
 * own update counter, so statistics keep counting across fit calls and watcher instances.
 */
export function watcherOptionsFor(
  optimizer: tf.Optimizer,
  o: ResolvedWatchOptions,
  extra: Pick<WatcherOptions, 'layerOf'> &
    Partial<
      Pick<WatcherOptions, 'alive' | 'onQueued' | 'zclipState' | 'autoclipState' | 'gate' | 'tagName'>
    > & {
      /** Steps already seen (skipped updates do not advance the optimizer's counter). */
      stepsSeen?: number;
    },
): WatcherOptions {
  const iterations = (optimizer as unknown as { iterations?: number }).iterations ?? 0;
  const { stepsSeen = 0, ...rest } = extra;
  return {
    statsFreq: o.statsFreq,
    histogramFreq: o.histogramFreq,
    histograms: o.histograms,
    buckets: o.buckets,
    updates: o.updateRatio,
    firstStep: Math.max(iterations, stepsSeen) + 1,
    ...(o.clip ? { clip: o.clip } : {}),
    ...rest,
  };
}

/** Default grouping for variables without a model: `dense_Dense1/kernel` belongs to `dense_Dense1`. */
export function layerFromVariableName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash > 0 ? name.slice(0, slash) : name;
}

export class Watcher {
  #options: WatcherOptions;
  #restore: (() => void) | null = null;
  #step: number;
  #queue: Pending[] = [];
  #current: InProgress | null = null;
  #clipHistory: boolean[] = [];

  constructor(options: WatcherOptions) {
    this.#options = options;
    this.#step = options.firstStep - 1;
  }

  /** Step number of the last update seen. */
  get step(): number {
    return this.#step;
  }

  /** Starts watching `optimizer`. */
  attach(optimizer: tf.Optimizer): void {
    if (this.#restore) throw new Error('Watcher is already attached');
    this.#restore = tapOptimizer(optimizer, {
      before: (grads, loss) => this.#before(grads, loss),
      after: (grads, skipped) => this.#after(grads, skipped),
    });
  }

  /** Stops watching and restores the optimizer. Queued statistics stay until drain(). */
  detach(): void {
    this.#restore?.();
    this.#restore = null;
    this.#discardCurrent();
  }

  /** Downloads and returns the statistics of the steps logged since the last drain. */
  async drain(): Promise<StepStats[]> {
    const queue = this.#queue;
    this.#queue = [];
    const out: StepStats[] = [];
    try {
      for (const p of queue) {
        const data = await p.packed.data();
        const counts = await this.#exactCounts(p, data);
        const histograms = p.histogram ? await this.#histograms(p, data) : [];
        const s = unpackStepStats(p.layout, data, counts, histograms);
        if (s.clip) {
          this.#clipHistory.push(s.clip.clipped);
          if (this.#clipHistory.length > CLIP_RATE_WINDOW) this.#clipHistory.shift();
          s.clip.rate = this.#clipHistory.filter(Boolean).length / this.#clipHistory.length;
        }
        out.push(s);
      }
    } finally {
      for (const p of queue) disposePending(p);
    }
    return out;
  }

  /** Frees queued statistics without reading them. */
  dispose(): void {
    for (const p of this.#queue) disposePending(p);
    this.#queue = [];
    this.#discardCurrent();
  }

  #variable(name: string): tf.Variable | undefined {
    return tf.engine().registeredVariables[name];
  }

  #before(grads: Gradient[], loss: tf.Tensor | undefined): Array<tf.Tensor | undefined> | 'skip' | undefined {
    const o = this.#options;
    if (o.alive && !o.alive()) {
      this.detach();
      this.dispose();
      return undefined;
    }
    const step = ++this.#step;
    const stats = o.statsFreq > 0 && step % o.statsFreq === 0;
    const histogram = o.histogramFreq > 0 && step % o.histogramFreq === 0;
    if (!stats && !histogram && !o.clip && !o.gate) return undefined;
    const gradPart = tf.keep(tf.tidy(() => tf.concat(grads.map((g) => gradientStats(g.tensor)))));
    if (o.gate && o.gate(this.#gradientCheck(step, grads, gradPart, loss)) === 'skip') {
      if (stats || histogram)
        this.#current = this.#snapshot(step, stats, histogram, grads, gradPart, null, loss);
      else gradPart.dispose();
      return 'skip';
    }
    let replaced: Array<tf.Tensor | undefined> | undefined;
    let clipInfo: tf.Tensor | null = null;
    if (o.clip) {
      const sumSq = tf.tidy(
        () => tf.reshape(tf.slice(tf.reshape(gradPart, [-1, 3]), [0, 0], [-1, 1]), [-1]) as tf.Tensor1D,
      );
      const r = clipGradients(
        grads.map((g) => g.tensor),
        sumSq,
        o.clip,
        o.zclipState,
        // Only AGC needs the weights; skip the lookups on every other step.
        'agc' in o.clip ? grads.map((g) => this.#variable(g.name)) : undefined,
        o.autoclipState,
      );
      sumSq.dispose();
      replaced = r.grads;
      clipInfo = r.info;
    }
    if (!stats && !histogram) {
      gradPart.dispose();
      clipInfo?.dispose();
      return replaced;
    }
    this.#current = this.#snapshot(step, stats, histogram, grads, gradPart, clipInfo, loss);
    return replaced;
  }

  /** Keeps what the step's statistics need after the update: buffer-sharing clones, so no copies. */
  #snapshot(
    step: number,
    stats: boolean,
    histogram: boolean,
    grads: Gradient[],
    gradPart: tf.Tensor,
    clipInfo: tf.Tensor | null,
    loss: tf.Tensor | undefined,
  ): InProgress {
    const o = this.#options;
    // The weights before the update serve the update ratio, update histograms, and the count of
    // weights that were already non-finite when a step's gradients are (blame needs it).
    const wantBefore = stats || (histogram && o.histograms.updates);
    return {
      step,
      stats,
      histogram,
      gradPart,
      clipInfo,
      loss: stats && loss ? tf.keep(tf.tidy(() => tf.reshape(tf.cast(loss, 'float32'), [1]))) : null,
      grads: grads.map((g) => (g.tensor ? tf.keep(tf.clone(g.tensor)) : null)),
      before: grads.map((g) => {
        const v = wantBefore ? this.#variable(g.name) : undefined;
        return v ? tf.keep(tf.clone(v)) : null;
      }),
    };
  }

  /** The gate's view of the step: one synchronous read, plus exact counts if a sum is non-finite. */
  #gradientCheck(
    step: number,
    grads: Gradient[],
    gradPart: tf.Tensor,
    loss: tf.Tensor | undefined,
  ): GradientCheck {
    const o = this.#options;
    const triples = gradPart.dataSync();
    const lossValue = loss ? loss.dataSync()[0] : undefined;
    const counts = new Map<number, NonFiniteCounts>();
    const count = (t: tf.Tensor): [number, number, number] => {
      const c = tf.tidy(() => nonFiniteCounts(t));
      const d = c.dataSync();
      c.dispose();
      return [d[0]!, d[1]!, d[2]!];
    };
    const bad = grads.map((g, i) => g.tensor !== undefined && !Number.isFinite(triples[i * 3]!));
    if (bad.some(Boolean)) {
      grads.forEach((g, i) => {
        const v = this.#variable(g.name);
        counts.set(i, {
          ...(bad[i] ? { grad: count(g.tensor!) } : {}),
          ...(v ? { weightBefore: count(v) } : {}),
        });
      });
    }
    const variables = grads.map((g) => ({
      name: g.name,
      layer: o.layerOf(g.name),
      hasGradient: g.tensor !== undefined,
      size: 0,
    }));
    return unpackGradientCheck(step, variables, triples, counts, lossValue);
  }

  #after(grads: Gradient[], skipped: boolean): void {
    const cur = this.#current;
    if (!cur) return;
    this.#current = null;
    const o = this.#options;
    try {
      const weights = grads.map((g) => {
        const v = this.#variable(g.name);
        return v ? tf.keep(tf.clone(v)) : null;
      });
      const packed = tf.keep(
        tf.tidy(() => {
          const weightPart = tf.stack(
            weights.map((w, i) =>
              w ? weightStats(w, cur.stats && o.updates ? cur.before[i]! : null) : tf.zeros([2]),
            ),
          );
          // [3 gradient numbers, 2 weight numbers] per variable, then the clip numbers if clipping.
          const perVar = tf.reshape(tf.concat([tf.reshape(cur.gradPart, [-1, 3]), weightPart], 1), [-1]);
          // Then the clip numbers if clipping, then the loss if known.
          const parts = [perVar, ...(cur.clipInfo ? [cur.clipInfo] : []), ...(cur.loss ? [cur.loss] : [])];
          return parts.length > 1 ? tf.concat(parts) : perVar;
        }),
      );
      this.#queue.push({
        packed,
        histogram: cur.histogram,
        grads: cur.grads,
        before: cur.before,
        weights,
        layout: {
          step: cur.step,
          scalars: cur.stats,
          variables: grads.map((g) => ({
            name: o.tagName ? o.tagName(g.name) : g.name,
            layer: o.layerOf(g.name),
            hasGradient: g.tensor !== undefined,
            size: g.tensor?.size ?? 0,
          })),
          updatesMeasured: cur.stats && o.updates && cur.before.some((t) => t !== null),
          loss: cur.loss !== null,
          skipped,
          ...(o.clip && cur.clipInfo
            ? { clip: { mode: clipMode(o.clip), threshold: clipThreshold(o.clip) } }
            : {}),
        },
      });
      cur.gradPart.dispose();
      cur.clipInfo?.dispose();
      cur.loss?.dispose();
      o.onQueued?.();
    } catch (err) {
      disposeInProgress(cur);
      throw err;
    }
  }

  /** The slow path: exact NaN/±Inf counts for the variables whose sums were non-finite. */
  async #exactCounts(p: Pending, data: ArrayLike<number>): Promise<Map<number, NonFiniteCounts>> {
    const need = variablesNeedingCounts(p.layout, data);
    const counts = new Map<number, NonFiniteCounts>();
    const take = async (t: tf.Tensor | null | undefined): Promise<[number, number, number] | undefined> => {
      if (!t) return undefined;
      const c = tf.tidy(() => nonFiniteCounts(t));
      try {
        const d = await c.data();
        return [d[0]!, d[1]!, d[2]!];
      } finally {
        c.dispose();
      }
    };
    for (const i of need.grad) counts.set(i, { ...counts.get(i), grad: await take(p.grads[i]) });
    // Which weights were already non-finite before a step whose gradients are: the detector's blame.
    if (need.grad.length > 0) {
      for (const [i, b] of p.before.entries())
        counts.set(i, { ...counts.get(i), weightBefore: await take(b) });
    }
    for (const i of need.weight) counts.set(i, { ...counts.get(i), weight: await take(p.weights[i]) });
    return counts;
  }

  /** All requested histograms of a step, bucketed on the device and read in one download. */
  async #histograms(p: Pending, data: ArrayLike<number>): Promise<StepHistogram[]> {
    const o = this.#options;
    const k = o.buckets;
    const finite = (i: number, s: Stat) => Number.isFinite(data[i * STATS_PER_VAR + s]!);
    const jobs: Array<{ kind: HistogramKind; variable: string; make: () => tf.Tensor1D }> = [];
    p.layout.variables.forEach((v, i) => {
      const g = p.grads[i];
      const w = p.weights[i];
      const b = p.before[i];
      if (o.histograms.gradients && g) {
        jobs.push({
          kind: 'grad',
          variable: v.name,
          make: () => histogramBlock(g, k, finite(i, Stat.GradSumSq)),
        });
      }
      if (o.histograms.weights && w) {
        jobs.push({
          kind: 'weight',
          variable: v.name,
          make: () => histogramBlock(w, k, finite(i, Stat.WeightSumSq)),
        });
      }
      if (o.histograms.updates && w && b) {
        jobs.push({ kind: 'update', variable: v.name, make: () => histogramBlock(tf.sub(w, b), k) });
      }
    });
    if (jobs.length === 0) return [];
    const blocks = tf.tidy(() => tf.concat(jobs.map((j) => j.make())));
    try {
      const d = await blocks.data();
      return jobs.map((j, n) => {
        const o2 = n * (k + 2);
        return {
          kind: j.kind,
          variable: j.variable,
          buckets: bucketsFromCounts(d[o2]!, d[o2 + 1]!, d.subarray(o2 + 2, o2 + 2 + k)),
        };
      });
    } finally {
      blocks.dispose();
    }
  }

  #discardCurrent(): void {
    if (this.#current) disposeInProgress(this.#current);
    this.#current = null;
  }
}

function disposeInProgress(c: InProgress): void {
  c.gradPart.dispose();
  c.clipInfo?.dispose();
  c.loss?.dispose();
  for (const t of c.grads) t?.dispose();
  for (const t of c.before) t?.dispose();
}

function disposePending(p: Pending): void {
  p.packed.dispose();
  for (const t of p.grads) t?.dispose();
  for (const t of p.before) t?.dispose();
  for (const t of p.weights) t?.dispose();
}
