/**
 * Watcher: the tap plus the statistics of one optimizer.
 *
 * At every step it takes the sum of squares of each gradient and the step's loss (one batched
 * reduction, see sum-squares.ts); at detail steps also the values of the gradients and of the weights
 * before and after the update, and at histogram steps what the histograms need. How often the
 * detail and histogram steps come is the cadence's call (cadence.ts), unless the user fixed it.
 *
 * Where values come from depends on the backend:
 * - host-memory backends (cpu, wasm, tensorflow): read synchronously during the step (a copy at
 *   most, nothing kept), so the numbers of a step are on the host before the next one starts, and
 *   values are read only where needed: a gradient whose sum of squares is non-finite, and the weights
 *   before the update at such a step (the detector's blame);
 * - GPU backends (webgl, webgpu): nothing is read during the step. The sums stay on the device and
 *   the gradients and weights are kept as clones (which share their buffer: free), all downloaded
 *   asynchronously in `drain()`, which then keeps only what the step turned out to need.
 * Either way the statistics are computed by the same host code (step-stats.ts). Gradients are only
 * read, never changed, so monitoring does not change what the model learns.
 */
import * as tf from '@tensorflow/tfjs-core';
import { bucketsFromCounts } from '../summary/histogram.js';
import { Cadence, type StepPlan } from './cadence.js';
import {
  type AutoClipState,
  type ClipConfig,
  clipGradients,
  clipMode,
  clipThreshold,
  type ZClipState,
} from './clip.js';
import { hostClip } from './clip-host.js';
import type { Values } from './host-stats.js';
import type { ResolvedWatchOptions } from './options.js';
import {
  type DeviceDetail,
  deviceDetail,
  deviceHistogram,
  deviceSumSquares,
  HOST_MEMORY_BACKENDS,
  hostSumSquares,
  reducedOnHost,
} from './reduce.js';
import {
  assembleStepStats,
  type GradientCheck,
  gradientHalf,
  nonFiniteSums,
  type StepCapture,
  type StepStats,
  type VariableInfo,
} from './step-stats.js';
import { describeValue, type Gradient, type TapOwner, tapOptimizer } from './tap.js';

export interface WatcherOptions {
  /** Fixed interval of the detail statistics; undefined: chosen from `budget`. */
  statsFreq?: number;
  /** Fixed interval of histograms (0: never); undefined: chosen from `budget`. */
  histogramFreq?: number;
  /** Fraction of a step's time the detail statistics and histograms may add on average. */
  budget: number;
  /** Which histograms to take on histogram steps. */
  histograms: { gradients: boolean; weights: boolean; updates: boolean };
  buckets: number;
  /** Measure ||Δw|| at detail steps. */
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
   * The last step of the training this watch serves, when known (fit knows its epochs and batches):
   * it gets histograms like the first, so even a run shorter than the histogram interval has its
   * distributions at both ends.
   */
  lastStep?: () => number | undefined;
  /**
   * Checked before each update: false means whoever attached the watcher is gone (a fit that threw
   * never calls onTrainEnd), so the watcher detaches itself and the optimizer is restored. A new
   * watch of the optimizer checks it too, and then releases this one's tap.
   */
  alive?: () => boolean;
  /** Who attaches the watcher, named in the error a second watch of the optimizer gets. */
  owner?: TapOwner['kind'];
  /** Called after a step's statistics were queued (watchOptimizer uses it to drain in the background). */
  onQueued?: () => void;
  /** Clip the gradients before every update. */
  clip?: ClipConfig;
  /**
   * Called synchronously inside every step, before the update (and before clipping), with the
   * gradient half of the step's statistics; returning 'skip' drops the update. On GPU backends this
   * costs one small synchronous download per step; on host-memory backends nothing extra.
   */
  gate?: (check: GradientCheck) => 'apply' | 'skip';
  /** Running state for { zclip } clipping, owned by the caller (it outlives one fit). */
  zclipState?: ZClipState;
  /** Norm history for { autoclip } clipping, owned by the caller. */
  autoclipState?: AutoClipState;
  /** Read values during the step ('sync') or download them in drain() ('async'). Default: by backend. */
  reads?: 'sync' | 'async';
}

/**
 * The watch's own cost, as it measures it: the time spent in its code at each step (the tap's hooks,
 * assembling the statistics, and whatever the consumer of drain() does with them: writing them and
 * running the detector, in the callback), not counting garbage collection it may cause.
 */
export interface WatchCost {
  /** Steps measured. */
  steps: number;
  /** Mean of the watch's own time per step (ms). */
  msPerStep: number;
  /** Running mean of the wall time between the starts of consecutive steps (ms), NaN before two. */
  stepMs: number;
  /** Current interval of the detail statistics. */
  statsEvery: number;
  /** Current interval of histograms (0: off). */
  histogramEvery: number;
}

/** GPU backends: steps waiting for drain() that keep their gradients and weights (see #before). */
const MAX_KEPT_STEPS = 8;

/** Logged steps over which the clip rate is computed. */
export const CLIP_RATE_WINDOW = 100;

/** A value on the host, or a kept tensor to download in drain(). */
type Taken = Values | tf.Tensor | null;

interface Pending {
  step: number;
  plan: StepPlan;
  skipped: boolean;
  variables: VariableInfo[];
  sumSq: Float64Array | tf.Tensor;
  hasLoss: boolean;
  grads: Taken[];
  before: Taken[];
  after: Taken[];
  clip: { mode: ReturnType<typeof clipMode>; threshold: number; info: ArrayLike<number> | tf.Tensor } | null;
  /** Some gradient's sum of squares is non-finite (known during the step on host-memory backends). */
  badSums: boolean;
  /**
   * Host-memory backends, detail steps: variables too large to read, whose detail statistics are
   * reduced on the device after the update, with a snapshot of their weights from before it.
   */
  large: Array<{ index: number; before: tf.Tensor | null }>;
  /** Their results, by variable. */
  reduced: Array<DeviceDetail | null>;
  /** Gradient histograms bucketed on the device (large variables on tfjs-node), by variable. */
  gradHistograms: Array<Float64Array | null>;
  /** max |g| known from such a histogram's range, by variable. */
  gradMaxAbs: number[];
  /** Time spent in the tap's hooks for this step (ms). */
  ownMs: number;
  /** Bytes of host values it holds, counted once when it is queued (see Watcher.heldBytes). */
  heldBytes: number;
  /**
   * GPU backends: the step's downloads, started as soon as it is queued, and whether they have
   * settled (drain({ wait: false }) takes only settled steps, so no step waits on the GPU).
   */
  download?: Promise<StepCapture>;
  settled?: boolean;
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
      Pick<
        WatcherOptions,
        | 'alive'
        | 'owner'
        | 'onQueued'
        | 'zclipState'
        | 'autoclipState'
        | 'gate'
        | 'tagName'
        | 'reads'
        | 'lastStep'
      >
    > & {
      /** Steps already seen (skipped updates do not advance the optimizer's counter). */
      stepsSeen?: number;
    },
): WatcherOptions {
  const iterations = (optimizer as unknown as { iterations?: number }).iterations ?? 0;
  const { stepsSeen = 0, ...rest } = extra;
  return {
    ...(o.statsFreq === 'auto' ? {} : { statsFreq: o.statsFreq }),
    ...(o.histogramFreq === 'auto' ? {} : { histogramFreq: o.histogramFreq }),
    budget: o.budget,
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
  readonly #options: WatcherOptions;
  readonly #cadence: Cadence;
  #restore: (() => void) | null = null;
  #step: number;
  #queue: Pending[] = [];
  /** See heldBytes. */
  #heldBytes = 0;
  #current: Pending | null = null;
  #clipHistory: boolean[] = [];
  #infoNames: string[] = [];
  readonly #badLayerOf = new Set<string>();
  #info: VariableInfo[] = [];

  constructor(options: WatcherOptions) {
    this.#options = options;
    this.#step = options.firstStep - 1;
    const anyHistogram = Object.values(options.histograms).some(Boolean);
    this.#cadence = new Cadence({
      budget: options.budget,
      ...(options.statsFreq === undefined ? {} : { statsFreq: options.statsFreq }),
      ...(anyHistogram
        ? options.histogramFreq === undefined
          ? {}
          : { histogramFreq: options.histogramFreq }
        : { histogramFreq: 0 }),
    });
  }

  /** Steps queued for drain(). */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Bytes of values the queued steps hold (host-memory backends: copies of whole tensors read at
   * detail and histogram steps and after non-finite gradients), which a caller that lets steps queue
   * up should bound.
   */
  get heldBytes(): number {
    return this.#heldBytes;
  }

  /** Whether a step's numbers are on the host when it ends (read in the step, not downloaded later). */
  get readsOnHost(): boolean {
    return (this.#options.reads ?? (HOST_MEMORY_BACKENDS.has(tf.getBackend()) ? 'sync' : 'async')) === 'sync';
  }

  /** Steps this watch has seen so far (written or not yet). */
  get stepsWatched(): number {
    return this.#step - (this.#options.firstStep - 1);
  }

  /** Step number of the last update seen. */
  get step(): number {
    return this.#step;
  }

  /** What the watch costs, as it measures itself, and its current intervals. */
  get cost(): WatchCost {
    const c = this.#cadence.cost;
    return {
      steps: c.steps,
      msPerStep: c.steps > 0 ? c.ownMs / c.steps : 0,
      stepMs: c.stepMs,
      statsEvery: this.#cadence.statsEvery,
      histogramEvery: this.#cadence.histogramEvery,
    };
  }

  /** Starts watching `optimizer`. */
  attach(optimizer: tf.Optimizer): void {
    if (this.#restore) throw new Error('Watcher is already attached');
    const o = this.#options;
    this.#restore = tapOptimizer(
      optimizer,
      {
        before: (grads, loss, lossFn) => this.#before(grads, loss, lossFn),
        after: (grads, skipped) => this.#after(grads, skipped),
      },
      {
        kind: o.owner ?? 'watchOptimizer()',
        ...(o.alive ? { alive: o.alive } : {}),
        release: () => this.detach(),
      },
    );
  }

  /** Stops watching and restores the optimizer. Queued statistics stay until drain(). */
  detach(): void {
    this.#restore?.();
    this.#restore = null;
    this.#discardCurrent();
  }

  /**
   * Computes and returns the statistics of the steps queued since the last drain. `consume`, called
   * with each step's statistics, is timed with the watch's own cost (writing them is part of it).
   * With `wait: false` it takes only the steps whose downloads have arrived (GPU backends: a step or
   * two late, never waiting on the GPU); the default waits for all.
   */
  async drain(consume?: (s: StepStats) => void, options: { wait?: boolean } = {}): Promise<StepStats[]> {
    // Without waiting: the steps at the head of the queue whose downloads have arrived (on host
    // backends, all of them), in order; the rest stay for a later drain.
    let n = this.#queue.length;
    if (options.wait === false) {
      n = this.#queue.findIndex((p) => p.download !== undefined && !p.settled);
      if (n < 0) n = this.#queue.length;
    }
    const queue = this.#queue.splice(0, n);
    for (const p of queue) this.#heldBytes -= p.heldBytes;
    const out: StepStats[] = [];
    try {
      for (const p of queue) {
        const t0 = performance.now();
        const r = p.download ?? this.#resolve(p);
        const s = assembleStepStats(r instanceof Promise ? await r : r, this.#options);
        if (s.clip) {
          this.#clipHistory.push(s.clip.clipped);
          if (this.#clipHistory.length > CLIP_RATE_WINDOW) this.#clipHistory.shift();
          s.clip.rate = this.#clipHistory.filter(Boolean).length / this.#clipHistory.length;
        }
        consume?.(s);
        out.push(s);
        this.#cadence.charge(p.plan, p.ownMs + performance.now() - t0);
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
    this.#heldBytes = 0;
    this.#discardCurrent();
  }

  #variable(name: string): tf.Variable | undefined {
    return tf.engine().registeredVariables[name];
  }

  /** Names, layers and sizes of the step's variables (the same list every step: built once). */
  #variables(grads: Gradient[]): VariableInfo[] {
    const o = this.#options;
    let same = grads.length === this.#infoNames.length;
    for (let i = 0; same && i < grads.length; i++) same = grads[i]!.name === this.#infoNames[i];
    if (!same) {
      this.#infoNames = grads.map((g) => g.name);
      this.#info = grads.map((g) => ({
        name: o.tagName ? o.tagName(g.name) : g.name,
        layer: this.#layerOf(g.name),
        hasGradient: true,
        size: this.#variable(g.name)?.size ?? g.tensor?.size ?? 0,
      }));
    }
    let all = true;
    for (const g of grads) all &&= g.tensor !== undefined;
    return all
      ? this.#info
      : this.#info.map((v, i) => ({ ...v, hasGradient: grads[i]!.tensor !== undefined }));
  }

  /**
   * The user's layerOf, guarded: one that throws or returns no name is reported once per variable
   * (naming it) and the variable is grouped by its name, as without layerOf; training goes on.
   */
  #layerOf(name: string): string {
    let layer: unknown;
    let problem: string | undefined;
    try {
      layer = this.#options.layerOf(name);
    } catch (err) {
      problem = `threw (${err instanceof Error ? err.message : String(err)})`;
    }
    if (problem === undefined) {
      if (typeof layer === 'string' && layer.length > 0) return layer;
      problem = `must return a non-empty string, got ${typeof layer === 'string' ? '""' : typeof layer === 'number' ? layer : describeValue(layer)}`;
    }
    const fallback = layerFromVariableName(name);
    if (!this.#badLayerOf.has(name)) {
      this.#badLayerOf.add(name);
      const who = this.#options.owner ?? 'watchOptimizer()';
      console.warn(
        `gradwatch: ${who}: layerOf(${JSON.stringify(name)}) ${problem}; grouping ${JSON.stringify(name)} under layer ${JSON.stringify(fallback)}`,
      );
    }
    return fallback;
  }

  #before(
    grads: Gradient[],
    loss: tf.Tensor | undefined,
    lossFn?: () => tf.Tensor,
  ): Array<tf.Tensor | undefined> | 'skip' | undefined {
    const o = this.#options;
    if (o.alive && !o.alive()) {
      // Queued steps stay: their owner winds up and drains them (the callback's poll, within
      // 200 ms), though this step is not watched.
      this.detach();
      return undefined;
    }
    // A step whose update threw never reached #after: free what it kept.
    this.#discardCurrent();
    const t0 = performance.now();
    const step = ++this.#step;
    const plan = this.#cadence.plan(step, t0);
    // The first step of a watch always has every statistic, the starting point of each series, and
    // the first and last steps have histograms (when they are on) whatever the interval.
    if (step === o.firstStep) plan.detail = true;
    if ((step === o.firstStep || step === o.lastStep?.()) && this.#cadence.histogramEvery > 0) {
      plan.detail = true;
      plan.histogram = true;
    }
    const variables = this.#variables(grads);
    const sync = this.readsOnHost;
    const tensors = grads.map((g) => g.tensor);
    const hasLoss = loss !== undefined && loss.size === 1;
    const p: Pending = {
      step,
      plan,
      skipped: false,
      variables,
      sumSq: new Float64Array(0),
      hasLoss,
      grads: tensors.map(() => null),
      before: tensors.map(() => null),
      after: tensors.map(() => null),
      clip: null,
      badSums: false,
      large: [],
      reduced: [],
      gradHistograms: [],
      gradMaxAbs: [],
      ownMs: 0,
      heldBytes: 0,
    };
    this.#current = p;
    let check: GradientCheck | undefined;
    try {
      if (sync) {
        const sumSq = hostSumSquares(tensors, hasLoss ? loss : undefined);
        p.sumSq = sumSq;
        const bad = nonFiniteSums(variables, sumSq);
        p.badSums = bad.length > 0;
        const backend = tf.getBackend();
        // A plain step (the common case) reads nothing more: the loop is for the other kinds.
        const reads = plan.detail || plan.histogram || p.badSums;
        for (let i = 0; reads && i < grads.length; i++) {
          const t = tensors[i];
          const v = this.#variable(grads[i]!.name);
          const onHost = reducedOnHost(v?.size ?? t?.size ?? 0, backend);
          if (plan.detail && !onHost && v) {
            // Snapshot for the update's size: a clone shares the buffer, the optimizer swaps in a new one.
            p.large.push({ index: i, before: o.updates ? tf.keep(tf.clone(v)) : null });
          }
          let histogram = plan.histogram && o.histograms.gradients;
          if (histogram && !onHost && t && !bad.includes(i)) {
            const h = deviceHistogram(t, o.buckets);
            if (h) {
              p.gradHistograms[i] = bucketsFromCounts(h.min, h.max, h.counts);
              // The range gives max |g| too: the detail reduction need not take it again.
              p.gradMaxAbs[i] = Math.max(-h.min, h.max);
              histogram = false;
            }
          }
          const g = (plan.detail && onHost) || histogram || bad.includes(i);
          if (g && t) p.grads[i] = t.dataSync();
          const b =
            (plan.detail && onHost && o.updates) ||
            (plan.histogram && o.histograms.updates) ||
            bad.length > 0;
          if (b && v) p.before[i] = v.dataSync();
        }
        if (o.gate) {
          check = gradientHalf({ ...p, sumSq, grads: p.grads as Values[], before: p.before as Values[] });
        }
      } else {
        p.sumSq = tf.keep(deviceSumSquares(tensors, hasLoss ? loss : undefined));
        // Clones share the buffers, and drain() decides what it needs: the gradients and the weights
        // before the update, for exact counts if a sum turns out non-finite. They hold memory the
        // step would have freed until then, so a loop that never yields to drain() keeps them for
        // a bounded number of steps only (then such a step reports its norms without exact counts).
        const keep = plan.detail || plan.histogram || this.#queue.length < MAX_KEPT_STEPS;
        if (keep) {
          p.grads = tensors.map((t) => (t ? tf.keep(tf.clone(t)) : null));
          p.before = grads.map((g) => {
            const v = this.#variable(g.name);
            return v ? tf.keep(tf.clone(v)) : null;
          });
        }
        if (o.gate) check = this.#syncCheck(p);
      }
      if (check && lossFn) check.lossFn = lossFn;
      if (check && o.gate!(check) === 'skip') {
        p.ownMs += performance.now() - t0;
        return 'skip';
      }
      const replaced = o.clip ? this.#clip(p, tensors, grads, sync) : undefined;
      p.ownMs += performance.now() - t0;
      return replaced;
    } catch (err) {
      this.#discardCurrent();
      throw err;
    }
  }

  /** The gate's view of a step on a GPU backend: one synchronous read of the sums, and more if one is non-finite. */
  #syncCheck(p: Pending): GradientCheck {
    const sumSq = (p.sumSq as tf.Tensor).dataSync();
    const bad = nonFiniteSums(p.variables, sumSq);
    const read = (t: Taken) => (t instanceof tf.Tensor ? t.dataSync() : t);
    return gradientHalf({
      step: p.step,
      variables: p.variables,
      sumSq,
      hasLoss: p.hasLoss,
      grads: p.grads.map((t, i) => (bad.includes(i) ? read(t) : null)),
      before: bad.length > 0 ? p.before.map(read) : p.before.map(() => null),
    });
  }

  #clip(
    p: Pending,
    tensors: Array<tf.Tensor | undefined>,
    grads: Gradient[],
    sync: boolean,
  ): Array<tf.Tensor | undefined> | undefined {
    const o = this.#options;
    const c = o.clip!;
    const n = tensors.length;
    if (sync) {
      // Variables without a gradient count 0.
      const hostNorms = new Float64Array(n);
      for (let i = 0; i < n; i++) hostNorms[i] = tensors[i] ? Math.sqrt((p.sumSq as Float64Array)[i]!) : 0;
      const h = hostClip(c, hostNorms, o.zclipState, o.autoclipState);
      if (h) {
        p.clip = { mode: clipMode(c), threshold: clipThreshold(c), info: h.info };
        return scaleGradients(tensors, h.scales);
      }
    }
    const norms = tf.tidy(() => {
      if (!sync) {
        // Each norm as m * ||g / m|| with m = max |g|: a float32 sum of squares overflows for values
        // above 1e19, and clipping is for exactly such gradients.
        return tf.stack(
          tensors.map((t) => {
            // No gradient, or one with no elements (a reduction of nothing differs by backend).
            if (!t || t.size === 0) return tf.scalar(0);
            const m = tf.max(tf.abs(t));
            const safe = tf.where(tf.greater(m, 0), m, tf.onesLike(m));
            return tf.mul(m, tf.sqrt(tf.sum(tf.square(tf.div(t, safe)))));
          }),
        ) as tf.Tensor1D;
      }
      // Norms, not sums: a norm above 1.8e19 is still a float32, its square is not. Variables without
      // a gradient count 0.
      const host = new Float32Array(n);
      for (let i = 0; i < n; i++) host[i] = tensors[i] ? Math.sqrt((p.sumSq as Float64Array)[i]!) : 0;
      return tf.tensor1d(host);
    });
    const r = clipGradients(
      tensors,
      norms,
      c,
      o.zclipState,
      // Only AGC needs the weights; skip the lookups on every other step.
      'agc' in c ? grads.map((g) => this.#variable(g.name)) : undefined,
      o.autoclipState,
      // A finite sum of squares on the host: no NaN or ±Inf in the gradient.
      sync ? tensors.map((t, i) => !t || Number.isFinite((p.sumSq as Float64Array)[i]!)) : undefined,
    );
    norms.dispose();
    let info: ArrayLike<number> | tf.Tensor = r.info;
    if (sync) {
      info = r.info.dataSync();
      r.info.dispose();
    }
    p.clip = { mode: clipMode(c), threshold: clipThreshold(c), info };
    return r.grads;
  }

  #after(grads: Gradient[], skipped: boolean): void {
    const p = this.#current;
    if (!p) return;
    this.#current = null;
    const t0 = performance.now();
    const o = this.#options;
    p.skipped = skipped;
    try {
      const sync = !(p.sumSq instanceof tf.Tensor);
      if (!sync) {
        // The weights after the update, kept like the step's other clones (drain() reads them at
        // detail and histogram steps, and after non-finite gradients).
        if (p.grads.some((t) => t !== null) || p.plan.detail || p.plan.histogram) {
          p.after = grads.map((g) => {
            const v = this.#variable(g.name);
            return v ? tf.keep(tf.clone(v)) : null;
          });
        }
      } else if (p.plan.detail || p.plan.histogram || p.badSums) {
        const large = new Set(p.large.map((l) => l.index));
        // After a step with non-finite gradients the weights are checked too (non_finite_weights),
        // whatever the cadence.
        const all = (p.plan.histogram && (o.histograms.weights || o.histograms.updates)) || p.badSums;
        p.after = grads.map((g, i) => {
          if (!all && !(p.plan.detail && !large.has(i))) return null;
          return this.#variable(g.name)?.dataSync() ?? null;
        });
        if (p.large.length > 0) this.#reduceLarge(p, grads);
      }
    } catch (err) {
      disposePending(p);
      throw err;
    }
    p.ownMs += performance.now() - t0;
    if (p.sumSq instanceof tf.Tensor) {
      // Started now, awaited in drain(): the readbacks overlap the next steps instead of stalling them.
      const download = this.#download(p);
      p.download = download;
      download.then(
        () => {
          p.settled = true;
        },
        () => {
          p.settled = true;
        },
      );
    }
    this.#queue.push(p);
    p.heldBytes = valueBytes(p);
    this.#heldBytes += p.heldBytes;
    o.onQueued?.();
  }

  /** Detail statistics of the step's large variables, on the device; exact counts if non-finite. */
  #reduceLarge(p: Pending, grads: Gradient[]): void {
    const entries = p.large.flatMap((l) => {
      const weight = this.#variable(grads[l.index]!.name);
      const known = p.gradMaxAbs[l.index];
      const grad = known === undefined ? grads[l.index]!.tensor : undefined;
      return weight ? [{ index: l.index, grad, weight, before: l.before, known }] : [];
    });
    try {
      const results = deviceDetail(entries);
      p.reduced = grads.map(() => null);
      entries.forEach((e, j) => {
        p.reduced[e.index] = e.known === undefined ? results[j]! : { ...results[j]!, gradMaxAbs: e.known };
        // Non-finite weights: their exact counts come from the values (rare).
        if (!Number.isFinite(results[j]!.weightSumSq)) p.after[e.index] = e.weight.dataSync();
      });
    } finally {
      for (const l of p.large) l.before?.dispose();
      p.large = [];
    }
  }

  /** What a queued step took, on the host: at once on host-memory backends, else after downloads. */
  #resolve(p: Pending): StepCapture | Promise<StepCapture> {
    if (p.sumSq instanceof tf.Tensor) return this.#download(p);
    // On host-memory backends nothing is a tensor any more at this point.
    const info = p.clip?.info as ArrayLike<number> | undefined;
    return this.#capture(p, p.sumSq, p.grads as Values[], p.before as Values[], p.after as Values[], info);
  }

  /** Downloads what a step kept on a GPU backend, and no more than its statistics turned out to need. */
  async #download(p: Pending): Promise<StepCapture> {
    const o = this.#options;
    const sumSq = await (p.sumSq as tf.Tensor).data();
    const bad = nonFiniteSums(p.variables, sumSq);
    const wantGrads = p.plan.detail || (p.plan.histogram && o.histograms.gradients);
    const wantBefore =
      (p.plan.detail && o.updates) || (p.plan.histogram && o.histograms.updates) || bad.length > 0;
    const wantAfter =
      p.plan.detail || (p.plan.histogram && (o.histograms.weights || o.histograms.updates)) || bad.length > 0;
    const read = async (t: Taken, wanted: boolean) =>
      t instanceof tf.Tensor ? (wanted ? await t.data() : null) : t;
    const grads = await Promise.all(p.grads.map((t, i) => read(t, wantGrads || bad.includes(i))));
    const before = await Promise.all(p.before.map((t) => read(t, wantBefore)));
    const after = await Promise.all(p.after.map((t) => read(t, wantAfter)));
    const clipInfo = p.clip?.info;
    const info = clipInfo instanceof tf.Tensor ? await clipInfo.data() : (clipInfo ?? null);
    return this.#capture(p, sumSq, grads, before, after, info);
  }

  #capture(
    p: Pending,
    sumSq: ArrayLike<number>,
    grads: Array<Values | null>,
    before: Array<Values | null>,
    after: Array<Values | null>,
    info: ArrayLike<number> | null | undefined,
  ): StepCapture {
    const c: StepCapture = {
      step: p.step,
      skipped: p.skipped,
      detail: p.plan.detail,
      histogram: p.plan.histogram,
      variables: p.variables,
      sumSq,
      hasLoss: p.hasLoss,
      grads,
      before,
      after,
    };
    if (p.clip && info) c.clip = { mode: p.clip.mode, threshold: p.clip.threshold, info };
    if (p.reduced.length > 0) c.reduced = p.reduced;
    if (p.gradHistograms.length > 0) c.gradHistograms = p.gradHistograms;
    return c;
  }

  #discardCurrent(): void {
    if (this.#current) disposePending(this.#current);
    this.#current = null;
  }
}

/** Bytes of host values a queued step holds (tensors kept on a GPU backend count 0). */
function valueBytes(p: Pending): number {
  let n = 0;
  const add = (xs: Taken[]) => {
    for (const x of xs) if (x !== null && !(x instanceof tf.Tensor)) n += x.byteLength;
  };
  add(p.grads);
  add(p.before);
  add(p.after);
  return n;
}

function disposePending(p: Pending): void {
  const free = (t: Taken | ArrayLike<number>) => {
    if (t instanceof tf.Tensor) t.dispose();
  };
  free(p.sumSq);
  for (const t of p.grads) free(t);
  for (const t of p.before) free(t);
  for (const t of p.after) free(t);
  if (p.clip) free(p.clip.info);
  for (const l of p.large) free(l.before);
}

/**
 * The gradients multiplied by their scales, or undefined when every scale is 1 (nothing to replace:
 * the optimizer gets the originals). One scalar per distinct scale.
 */
function scaleGradients(
  tensors: ReadonlyArray<tf.Tensor | undefined>,
  scales: Float64Array,
): Array<tf.Tensor | undefined> | undefined {
  // NaN (a NaN norm) is not >= 1: such gradients are scaled, and stay NaN, as on the device.
  if (scales.every((x, i) => x >= 1 || !tensors[i])) return undefined;
  const factors = new Map<number, tf.Scalar>();
  try {
    return tensors.map((t, i) => {
      const s = scales[i]!;
      if (!t || s >= 1) return t;
      const key = Number.isNaN(s) ? Number.NaN : s;
      let f = factors.get(key);
      if (!f) {
        f = tf.scalar(s);
        factors.set(key, f);
      }
      return tf.mul(t, f);
    });
  } finally {
    for (const f of factors.values()) f.dispose();
  }
}
