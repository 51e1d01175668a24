/**
 * Watcher: the tap plus on-device statistics for one optimizer. On a logged step it computes the
 * gradient statistics before the update and the weight/update statistics after it, each inside its
 * own tf.tidy, packs them into one tensor (kept past fit's per-batch tidy) and queues it. `drain()`
 * downloads each queued tensor once, disposes it and returns the unpacked statistics. Gradients are
 * only read, never changed, so monitoring does not change what the model learns.
 */
import * as tf from '@tensorflow/tfjs-core';
import { gradientStats, histogramBlock, nonFiniteCounts, weightStats } from './device-stats.js';
import {
  type HistogramKind,
  type NonFiniteCounts,
  type PackLayout,
  type StepStats,
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
  /** Measure ||Δw|| (costs one copy of the weights on logged steps). */
  updates: boolean;
  /** Layer that owns a variable. */
  layerOf: (variableName: string) => string;
  /** Step number of the first update seen. */
  firstStep: number;
  /**
   * Checked before each update: false means whoever attached the watcher is gone (a fit that threw
   * never calls onTrainEnd), so the watcher detaches itself and the optimizer is restored.
   */
  alive?: () => boolean;
  /** Called after a step's statistics were queued (watchOptimizer uses it to drain in the background). */
  onQueued?: () => void;
}

interface Pending {
  layout: PackLayout;
  packed: tf.Tensor;
  /** Shared-buffer clones of this step's gradients and updated weights, for exact non-finite counts. */
  grads: Array<tf.Tensor | null>;
  weights: Array<tf.Tensor | null>;
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
  // State of the step in progress, between the tap's before() and after().
  #gradPart: tf.Tensor | null = null;
  #gradKeep: Array<tf.Tensor | null> = [];
  #histParts: tf.Tensor[] = [];
  #histLayout: PackLayout['histograms'] = [];
  #snapshot: Map<string, tf.Tensor> | null = null;
  #current: { step: number; stats: boolean; hist: boolean } | null = null;

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
      before: (grads) => this.#before(grads),
      after: (grads) => this.#after(grads),
    });
  }

  /** Stops watching and restores the optimizer. Queued statistics stay until drain(). */
  detach(): void {
    this.#restore?.();
    this.#restore = null;
    this.#discardStepState();
  }

  /** Downloads and returns the statistics of the steps logged since the last drain. */
  async drain(): Promise<StepStats[]> {
    const queue = this.#queue;
    this.#queue = [];
    const out: StepStats[] = [];
    try {
      for (const p of queue) {
        const data = await p.packed.data();
        out.push(unpackStepStats(p.layout, data, await this.#exactCounts(p, data)));
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
    this.#discardStepState();
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
    for (const i of need.weight) counts.set(i, { ...counts.get(i), weight: await take(p.weights[i]) });
    return counts;
  }

  #variable(name: string): tf.Variable | undefined {
    return tf.engine().registeredVariables[name];
  }

  #before(grads: Gradient[]): void {
    const o = this.#options;
    if (o.alive && !o.alive()) {
      this.detach();
      this.dispose();
      return;
    }
    const step = ++this.#step;
    const stats = o.statsFreq > 0 && step % o.statsFreq === 0;
    const hist = o.histogramFreq > 0 && step % o.histogramFreq === 0;
    this.#current = { step, stats, hist };
    if (!stats && !hist) return;
    this.#gradPart = tf.keep(tf.tidy(() => tf.concat(grads.map((g) => gradientStats(g.tensor)))));
    this.#gradKeep = grads.map((g) => (g.tensor ? tf.keep(tf.clone(g.tensor)) : null));
    this.#histParts = [];
    this.#histLayout = [];
    if (hist && o.histograms.gradients) {
      for (const g of grads) {
        if (!g.tensor) continue;
        const t = g.tensor;
        this.#histParts.push(tf.keep(tf.tidy(() => histogramBlock(t, o.buckets))));
        this.#histLayout.push({ kind: 'grad', variable: g.name });
      }
    }
    const wantUpdates = (stats && o.updates) || (hist && o.histograms.updates);
    if (wantUpdates) {
      this.#snapshot = new Map();
      for (const g of grads) {
        const v = this.#variable(g.name);
        if (v) this.#snapshot.set(g.name, tf.keep(tf.clone(v)));
      }
    }
  }

  #after(grads: Gradient[]): void {
    const cur = this.#current;
    if (!cur || (!cur.stats && !cur.hist)) return;
    const o = this.#options;
    const snapshot = this.#snapshot;
    try {
      const weightPart = tf.tidy(() =>
        tf.stack(
          grads.map((g) => {
            const v = this.#variable(g.name);
            return v ? weightStats(v, snapshot?.get(g.name) ?? null) : tf.zeros([2]);
          }),
        ),
      );
      const weightKeep = grads.map((g) => {
        const v = this.#variable(g.name);
        return v ? tf.keep(tf.clone(v)) : null;
      });
      const extraKinds: HistogramKind[] = [];
      if (cur.hist && o.histograms.weights) extraKinds.push('weight');
      if (cur.hist && o.histograms.updates && snapshot) extraKinds.push('update');
      for (const kind of extraKinds) {
        for (const g of grads) {
          const v = this.#variable(g.name);
          if (!v) continue;
          const before = snapshot?.get(g.name);
          if (kind === 'update' && !before) continue;
          this.#histParts.push(
            tf.keep(tf.tidy(() => histogramBlock(kind === 'weight' ? v : tf.sub(v, before!), o.buckets))),
          );
          this.#histLayout.push({ kind, variable: g.name });
        }
      }
      const gradPart = this.#gradPart!;
      const packed = tf.keep(
        tf.tidy(() => {
          // Interleave to [3 gradient numbers, 2 weight numbers] per variable, then the histogram blocks.
          const perVar = tf.concat([tf.reshape(gradPart, [-1, 3]), weightPart], 1);
          return tf.concat([tf.reshape(perVar, [-1]), ...this.#histParts]);
        }),
      );
      weightPart.dispose();
      const gradKeep = this.#gradKeep;
      this.#gradKeep = [];
      this.#queue.push({
        packed,
        grads: gradKeep,
        weights: weightKeep,
        layout: {
          step: cur.step,
          variables: grads.map((g) => ({
            name: g.name,
            layer: o.layerOf(g.name),
            hasGradient: g.tensor !== undefined,
          })),
          updatesMeasured: cur.stats && o.updates && snapshot !== null,
          histograms: this.#histLayout,
          buckets: o.buckets,
        },
      });
      o.onQueued?.();
    } finally {
      this.#discardStepState();
    }
  }

  #discardStepState(): void {
    this.#gradPart?.dispose();
    this.#gradPart = null;
    for (const t of this.#gradKeep) t?.dispose();
    this.#gradKeep = [];
    for (const t of this.#histParts) t.dispose();
    this.#histParts = [];
    this.#histLayout = [];
    if (this.#snapshot) for (const t of this.#snapshot.values()) t.dispose();
    this.#snapshot = null;
    this.#current = null;
  }
}

function disposePending(p: Pending): void {
  p.packed.dispose();
  for (const t of p.grads) t?.dispose();
  for (const t of p.weights) t?.dispose();
}
