/**
 * tensorBoard(): the model.fit callback. A drop-in for tfjs-node's tf.node.tensorBoard(logdir,
 * {updateFreq, histogramFreq}) (same runs `<logdir>/train` and `<logdir>/val`, same `batch_<metric>` /
 * `epoch_<metric>` tags) that works on every backend and adds the gradient watch: per-step gradient
 * and weight statistics, histograms, a "gradient health" custom-scalars dashboard and an hparams record.
 *
 * Logging never stops training: writer and statistics failures are reported once per kind with
 * console.warn, and the optimizer is always restored.
 *
 * The end of a fit releases everything the callback holds: the optimizer is restored and the event
 * files are closed (a sweep that creates a model and a callback per trial must not run out of file
 * descriptors), at train end or, if fit threw (tfjs then never calls onTrainEnd), as soon as the
 * callback notices that the model stopped training. A callback used for a later fit reopens its
 * files then, in the same runs, and its steps go on counting.
 */

import { getBackend, type Optimizer } from '@tensorflow/tfjs-core';
import { Callback, type LayersModel, type Logs } from '@tensorflow/tfjs-layers';
import type { Alert } from '../detect/types.js';
import type { EventFileWriterStats } from '../events/writer-api.js';
import type { Destination, RunClaim } from '../platform/destination.js';
import type { HParamValue } from '../summary/values.js';
import { checkDestination, SummaryWriter } from '../summary/writer.js';
import { ActivationTap } from '../watch/activations.js';
import { AutoClipState, clipMode, ZClipState } from '../watch/clip.js';
import {
  checkInt,
  checkKnownOptions,
  checkLogdir,
  type ResolvedWatchOptions,
  resolveWatchOptions,
  WATCH_OPTION_NAMES,
  type WatchOptions,
} from '../watch/options.js';
import { HOST_MEMORY_BACKENDS } from '../watch/reduce.js';
import type { GradientCheck, StepActivation } from '../watch/step-stats.js';
import { describeValue } from '../watch/tap.js';
import { type WatchCost, Watcher, watcherOptionsFor } from '../watch/watcher.js';
import { type Decided, type DetectOptions, LiveDetector, logStep } from './live-detect.js';
import { type KeepEvidenceOption, type PostMortemOption, PostMortems } from './postmortems.js';

export interface TensorBoardOptions extends WatchOptions {
  /** When to write batch_/epoch_ metrics: 'epoch' (default), 'batch', or every N batches. */
  updateFreq?: 'batch' | 'epoch' | number;
  /**
   * Activation statistics of every layer's output (`act/<layer>/{mean,std,max_abs,zero_fraction,
   * saturated_fraction,nonfinite}`), measured in the forward pass every N steps; 'auto' (default)
   * with the detail statistics, and at each fit's first and last step; 0 turns them off.
   */
  activationFreq?: number | 'auto';
  /**
   * When an error alert fires before the update, replay the step once with a tap on every layer and
   * write where the damage was created: `postmortem/<step>` in the Text tab, `postmortem-<step>.json`
   * in the train run, and a console line. It needs the detector's in-step check: 'auto' (default)
   * replays whenever that check runs anyway (a `detect` action other than 'warn', or an onAlert
   * hook); true turns the check on (on the cpu, wasm and tensorflow backends; about 2% CPU on a
   * 4 ms step, bench/README.md); false never replays.
   */
  postMortem?: PostMortemOption;
  /**
   * With each post-mortem, keep the evidence: the model's weights before the bad update
   * (`model.json` + `weights.bin`, loadable by `tf.loadLayersModel`) and the step's batch
   * (`batch.json` + `batch.bin`) in `<logdir>/train/evidence-<step>/`; `loadEvidence(dir)` loads
   * them back. Turns the post-mortem on. Skipped, with a note in the post-mortem, when weights and
   * batch exceed `maxBytes` (default 64 MiB).
   *
   * @example
   * await model.fit(xs, ys, { callbacks: [tensorBoard('runs/exp', { keepEvidence: true })] });
   * // later: const { model, inputs, targets } = await loadEvidence('runs/exp/train/evidence-412');
   */
  keepEvidence?: KeepEvidenceOption;
  /**
   * Where the runs go: files under `logdir` in Node (default); in the browser build the page's
   * browser storage (default, see `download()`) or a collector (`collector(url, { token })`).
   */
  destination?: Destination;
  /**
   * The model, for when tfjs does not hand it to the callback: if a plain-object callback comes first
   * in `callbacks`, tfjs wraps every callback and never calls setModel.
   */
  model?: LayersModel;
  /** Extra hyperparameters for the HParams dashboard (optimizer, learning rate, batch size and epochs are added). */
  hparams?: Record<string, HParamValue>;
  /**
   * The explosion detector (default on): `alerts/<rule>` scalars, explanations in the Text tab, a
   * console line per burst, and actions. `false` turns it off; an object sets rules and actions.
   */
  detect?: boolean | DetectOptions;
}

const MAX_KEPT_ALERTS = 10_000;
/** How often a fit in progress is checked for having ended without onTrainEnd (it threw). */
const FIT_END_POLL_MS = 200;
const OPTION_NAMES = [
  ...WATCH_OPTION_NAMES,
  'updateFreq',
  'model',
  'hparams',
  'detect',
  'activationFreq',
  'postMortem',
  'keepEvidence',
  'destination',
];
/** Steps measured for activation statistics at the start of a watch ('auto'): early findings. */
const EARLY_ACTIVATION_STEPS = 5;
/** The early steps are measured while a measured step costs at most this share of a step. */
const EARLY_ACTIVATION_SHARE = 0.1;
/**
 * On host-memory backends a step's numbers are on the host when it ends, and the callback writes them
 * and runs the detector for the steps of up to HOLD_MS of training (at most MAX_HELD_STEPS) at once:
 * the same code costs less run for several steps in a row than once between two training steps,
 * whose tensors have evicted it and its data from the caches (bench/README.md, "Writing steps in
 * runs"). Steps held are written at an epoch's end, the fit's, and before the writer's last-chance
 * flush (exit, SIGINT/SIGTERM, a page hidden), and as soon as the copies of tensors held steps keep
 * (detail and histogram steps) reach MAX_HELD_BYTES. The in-step gate does not wait: it decides in
 * the step.
 */
const HOLD_MS = 100;
const MAX_HELD_STEPS = 32;
const MAX_HELD_BYTES = 4 * 1024 * 1024;
const SKIPPED_LOG_KEYS = new Set(['batch', 'size', 'num_steps']);

type ScalarLike = number | { data(): Promise<ArrayLike<number> | Uint8Array[] | string[]> };

async function logValue(v: unknown): Promise<number | null> {
  if (typeof v === 'number') return v;
  if (v && typeof (v as { data?: unknown }).data === 'function') {
    const d = await (v as Exclude<ScalarLike, number>).data();
    return typeof d[0] === 'number' ? d[0] : null;
  }
  return null;
}

export class TensorBoardCallback extends Callback {
  readonly logdir: string;
  readonly #options: ResolvedWatchOptions;
  readonly #updateFreq: 'batch' | 'epoch' | number;
  /** Activation statistics every N steps, 'auto' with the detail statistics, 0 never. */
  readonly #activationFreq: number | 'auto';
  #activations: ActivationTap | null = null;
  /** Measured steps' activations, for the detector when those steps' statistics are drained. */
  readonly #stepActivations = new Map<number, StepActivation[]>();
  /** Running mean (ms) of what a measured step's activation statistics cost. */
  #activationMs = 0;
  /** What activation statistics have cost in all (ms). */
  #activationTotalMs = 0;
  readonly #postMortems: PostMortems;
  readonly #explicitModel: LayersModel | undefined;
  readonly #destination: Destination;
  readonly #extraHparams: Record<string, HParamValue>;
  #train: SummaryWriter | null = null;
  /** When the watch's queued steps were last written (performance.now()). */
  #lastDrain = 0;
  /** Removes the train writer's hook that writes held steps before its last-chance flush. */
  #unhookExit: (() => void) | null = null;
  #val: SummaryWriter | null = null;
  #root: SummaryWriter | null = null;
  #watcher: Watcher | null = null;
  #watchedModel: LayersModel | null = null;
  #wroteRunRecords = false;
  #batchesSeen = 0;
  #lastEpochStep = 0;
  /** Whether the epoch steps already in the logdir (from an earlier callback) were looked up. */
  #resumedEpochs = false;
  /** The last step of the running fit, when its epochs and batches are known (histograms there). */
  #lastStep: number | undefined;
  /** The run claims of the open writers (released when they close). */
  readonly #claims = new Map<SummaryWriter, RunClaim>();
  /** Whether the running fit is this callback's (a second onTrainBegin then means it is listed twice). */
  #fitAlive: (() => boolean) | null = null;
  /** The last batch and epoch hook calls, to ignore the second call of a callback listed twice. */
  #lastBatch: { batch: number; logs: Logs | undefined } | null = null;
  #lastEpoch: { epoch: number; logs: Logs | undefined } | null = null;
  #warned = new Set<string>();
  #stepsSeen = 0;
  #pastCost: WatchCost | null = null;
  readonly #alerts: Alert[] = [];
  readonly #detector: LiveDetector | null;
  readonly #zclip: ZClipState | undefined;
  readonly #autoclip: AutoClipState | undefined;
  /** While a fit runs: the check for a fit that ended without onTrainEnd. */
  #poll: ReturnType<typeof setInterval> | null = null;
  /** The end of the last fit (statistics written, files closed), when it is in progress. */
  #ending: Promise<void> | null = null;
  #closed = false;

  constructor(logdir = './logs', options: TensorBoardOptions = {}) {
    super();
    const where = 'tensorBoard()';
    checkLogdir(logdir, where);
    this.#destination = checkDestination(options.destination, where);
    // Its runs are logdir/train and logdir/val: checked now, not at the first fit.
    this.#destination.checkLogdir(logdir, where);
    this.#destination.checkLogdir(this.#destination.join(logdir, 'train'), where);
    if (options === null || typeof options !== 'object')
      throw new TypeError(`${where}: options must be an object, got ${describeValue(options)}`);
    checkKnownOptions(options, OPTION_NAMES, where);
    this.logdir = logdir;
    this.#options = resolveWatchOptions(options, where);
    const uf = options.updateFreq ?? 'epoch';
    if (uf !== 'batch' && uf !== 'epoch') {
      if (typeof uf !== 'number')
        throw new TypeError(`${where}: updateFreq must be 'batch', 'epoch' or a number of batches`);
      checkInt('updateFreq', uf, 1, where);
    }
    this.#updateFreq = uf;
    const af = options.activationFreq ?? 'auto';
    if (af !== 'auto') {
      if (typeof af !== 'number')
        throw new TypeError(
          `${where}: activationFreq must be 'auto', 0 (off) or a number of steps, got ${describeValue(af)}`,
        );
      checkInt('activationFreq', af, 0, where);
    }
    this.#activationFreq = af;
    this.#postMortems = new PostMortems(options, where, {
      destination: this.#destination,
      train: () => this.#train,
      printsToConsole: () => this.#detector?.printsToConsole ?? false,
      warn: (key, message) => this.#warn(key, message),
    });
    if (options.model !== undefined && typeof (options.model as { fit?: unknown })?.fit !== 'function') {
      throw new TypeError(`${where}: model must be a tfjs LayersModel`);
    }
    this.#explicitModel = options.model;
    this.#extraHparams = options.hparams === undefined ? {} : checkHparams(options.hparams, where);
    const detect = options.detect ?? true;
    if (typeof detect !== 'boolean' && (detect === null || typeof detect !== 'object')) {
      throw new TypeError(`${where}: detect must be true, false or an object`);
    }
    this.#detector = detect === false ? null : new LiveDetector(detect === true ? {} : detect, where);
    this.#zclip =
      this.#options.clip && 'zclip' in this.#options.clip
        ? new ZClipState(this.#options.clip.zclip)
        : undefined;
    this.#autoclip =
      this.#options.clip && 'autoclip' in this.#options.clip
        ? new AutoClipState(this.#options.clip.autoclip)
        : undefined;
    // tfjs wraps every callback in a CustomCallback when a plain object comes first and then calls
    // these as unbound functions; own bound copies keep them working there.
    this.onTrainBegin = this.onTrainBegin.bind(this);
    this.onTrainEnd = this.onTrainEnd.bind(this);
    this.onEpochEnd = this.onEpochEnd.bind(this);
    this.onBatchEnd = this.onBatchEnd.bind(this);
    this.onBatchBegin = this.onBatchBegin.bind(this);
  }

  /**
   * What the gradient watch has cost so far, as it measures itself: steps watched, its own time per
   * step (ms; its code in the step, writing the statistics, running the detector, and activation
   * statistics averaged over all steps), the mean step time and the current intervals of the detail
   * statistics and histograms. Null before training.
   *
   * @example
   * const cb = tensorBoard('runs/exp1');
   * await model.fit(xs, ys, { epochs: 5, callbacks: [cb] });
   * const c = cb.cost!;
   * console.log(`${(100 * c.msPerStep / c.stepMs).toFixed(1)}% of a step; details every ${c.statsEvery}`);
   */
  get cost(): WatchCost | null {
    const c = this.#watchCost();
    if (!c || c.steps === 0 || this.#activationTotalMs === 0) return c;
    return { ...c, msPerStep: c.msPerStep + this.#activationTotalMs / c.steps };
  }

  /** The watch's own cost over every fit so far (activation statistics not included). */
  #watchCost(): WatchCost | null {
    const now = this.#watcher?.cost;
    const past = this.#pastCost;
    if (!now) return past;
    if (!past || past.steps === 0) return now;
    const steps = past.steps + now.steps;
    return { ...now, steps, msPerStep: (past.msPerStep * past.steps + now.msPerStep * now.steps) / steps };
  }

  /**
   * What the event writers of the runs this callback writes have done so far (records and bytes
   * written, pending, dropped, failed flushes), while their files are open (during a fit); undefined
   * for a run not opened yet. Records counted as written are on disk: a kill cannot lose them.
   *
   * @example
   * const cb = tensorBoard('runs/exp1');
   * await model.fit(x, y, { callbacks: [cb, new tf.CustomCallback({
   *   onEpochEnd: async () => console.log(cb.writerStats.train?.recordsWritten),
   * })] });
   */
  get writerStats(): {
    train?: EventFileWriterStats;
    val?: EventFileWriterStats;
    root?: EventFileWriterStats;
  } {
    const out: { train?: EventFileWriterStats; val?: EventFileWriterStats; root?: EventFileWriterStats } = {};
    if (this.#train) out.train = { ...this.#train.stats };
    if (this.#val) out.val = { ...this.#val.stats };
    if (this.#root) out.root = { ...this.#root.stats };
    return out;
  }

  /** The detector's alerts so far: the first alert of each burst, in step order (capped at 10,000). */
  get alerts(): readonly Alert[] {
    return this.#alerts;
  }

  /**
   * Writes what is left, restores the optimizer and closes the event files (the end of each fit does
   * this too), and frees the clipping state. The callback cannot be used for training afterwards.
   */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#endFit();
    this.#zclip?.dispose();
    this.#autoclip?.dispose();
  }

  override async onTrainBegin(_logs?: Logs): Promise<void> {
    if (this.#closed) {
      throw new Error(
        'tensorBoard(): this callback was closed with close(); create a new tensorBoard() callback for another fit',
      );
    }
    // The same callback listed twice in `callbacks`: tfjs calls every hook twice, in a row.
    if (this.#fitAlive?.()) {
      this.#warn(
        'listed-twice',
        'gradwatch: this tensorBoard() callback is listed twice in `callbacks`; the second listing is ignored',
      );
      return;
    }
    // A previous fit that threw and was not wound up yet: its statistics and files first.
    await this.#endFit();
    this.#lastBatch = this.#lastEpoch = null;
    // A new callback on a logdir that already has epochs (an earlier callback, an earlier process)
    // continues after them, so TensorBoard keeps both (a repeated step would hide the old points).
    if (!this.#resumedEpochs) {
      this.#resumedEpochs = true;
      this.#lastEpochStep = Math.max(
        this.#lastEpochStep,
        await lastEpochStep(this.#destination, this.logdir),
      );
    }
    this.#train ??= this.#writer('train');
    const model = (this.model as LayersModel | null) ?? this.#explicitModel ?? null;
    if (!model) {
      this.#warn(
        'no-model',
        'gradwatch: tfjs did not pass the model to the callback (a plain-object callback came first in `callbacks`), ' +
          'so only metrics are logged. Pass it as tensorBoard(logdir, { model }) or put gradwatch first and wrap ' +
          'plain objects in new tf.CustomCallback({...}).',
      );
      return;
    }
    const optimizer = model.optimizer as Optimizer | undefined;
    if (!optimizer) throw new Error('tensorBoard(): the model must be compiled (it has no optimizer)');
    this.#detach();
    // 'stop' stopped the fit it happened in; this one starts afresh.
    this.#detector?.resume();
    const o = this.#options;
    const names = variableNames(model);
    // A Sequential trains through its inner LayersModel, which is the one whose isTraining flag fit sets.
    const inner = (model as unknown as { model?: { isTraining?: boolean; fit?: unknown } }).model;
    const trainee = (inner && typeof inner.fit === 'function' ? inner : model) as {
      isTraining?: boolean;
      history?: unknown;
    };
    // This fit is running: the model trains, and with this fit's History (a fit started after one
    // that threw sets isTraining again, with a new History).
    const history = trainee.history;
    const alive = () => trainee.isTraining !== false && trainee.history === history;
    this.#fitAlive = alive;
    const watcher = new Watcher(
      watcherOptionsFor(optimizer, o, {
        layerOf: (name) => names.layer.get(name) ?? name,
        tagName: (name) => names.tag.get(name) ?? name,
        alive,
        lastStep: () => this.#lastStep,
        owner: 'tensorBoard()',
        stepsSeen: this.#stepsSeen,
        // The gate decides in the step; a post-mortem needs it too, where reading the step's numbers
        // in the step costs nothing more (host-memory backends).
        ...(this.#detector &&
        (this.#detector.needsGate ||
          (this.#postMortems.mode === true && HOST_MEMORY_BACKENDS.has(getBackend())))
          ? { gate: (c) => this.#gate(c, model) }
          : {}),
        ...(this.#zclip ? { zclipState: this.#zclip } : {}),
        ...(this.#autoclip ? { autoclipState: this.#autoclip } : {}),
      }),
    );
    watcher.attach(optimizer);
    this.#watcher = watcher;
    this.#lastDrain = performance.now();
    this.#unhookExit = this.#train?.beforeExit(() => void this.#writeStats(false, false)) ?? null;
    if (this.#activationFreq !== 0) {
      this.#activations = new ActivationTap();
      this.#activations.attach(model);
    }
    this.#lastStep = lastStepOf(this.params, watcher.step);
    this.#watchedModel = model;
    // A fit that throws never calls onTrainEnd; tfjs clears isTraining when it returns either way.
    this.#poll = setInterval(() => {
      if (!alive()) void this.#endFit();
    }, FIT_END_POLL_MS);
    (this.#poll as { unref?: () => void }).unref?.();
    this.#batchesSeen = Math.max(this.#batchesSeen, watcher.step);
    if (!this.#wroteRunRecords) {
      this.#wroteRunRecords = true;
      this.#safely('run records', () => this.#writeRunRecords(optimizer));
    }
  }

  /** Before the step's forward pass: whether its activations are measured. */
  override async onBatchBegin(_batch: number, _logs?: Logs): Promise<void> {
    const tap = this.#activations;
    const watcher = this.#watcher;
    if (!tap || !watcher) return;
    const next = watcher.step + 1;
    const cost = watcher.cost;
    // 'auto': with the detail statistics, but no more often than a quarter of the watch's budget
    // allows for what a measured step costs (a large batch of wide layers costs more to reduce).
    const share = (this.#options.budget / 4) * cost.stepMs;
    const every =
      this.#activationFreq === 'auto'
        ? Math.max(cost.statsEvery, share > 0 ? Math.ceil(this.#activationMs / share) : 1)
        : this.#activationFreq;
    // The fit's first and last steps, like histograms, so every run has both ends; with 'auto', the
    // first few steps of a watch too, so a layer dead or saturated from the start is named early,
    // unless a measured step turned out to cost more than EARLY_ACTIVATION_SHARE of a step (a
    // convolution's outputs are large): then they come at the budget's pace after the first, the
    // last step included.
    const seen = watcher.stepsWatched;
    // Unknown (the second step: no step time yet) counts as affordable.
    const affordable = !(tap.lastCostMs > EARLY_ACTIVATION_SHARE * cost.stepMs);
    const early =
      this.#activationFreq === 'auto' && seen < EARLY_ACTIVATION_STEPS && this.#stepsSeen === 0 && affordable;
    const last = next === this.#lastStep && (this.#activationFreq !== 'auto' || affordable);
    tap.armed = seen === 0 || early || last || (every > 0 && next % every === 0);
  }

  override async onBatchEnd(batch: number, logs?: Logs): Promise<void> {
    // tfjs hands every callback the same logs object: the same batch with the same logs again is
    // this callback listed a second time.
    if (this.#lastBatch?.batch === batch && this.#lastBatch.logs === logs) return;
    this.#lastBatch = { batch, logs };
    this.#batchesSeen++;
    // Activations first: the detector reads them with the step's other statistics.
    await this.#writeActivations();
    // Not waiting for the GPU: a step's statistics are written once its downloads have arrived.
    if (this.#drainDue()) await this.#writeStats(false, false);
    const uf = this.#updateFreq;
    const due = uf === 'batch' || (typeof uf === 'number' && this.#batchesSeen % uf === 0);
    if (due && logs) await this.#writeMetrics(logs, 'batch_', this.#batchesSeen);
  }

  override async onEpochEnd(epoch: number, logs?: Logs): Promise<void> {
    if (this.#lastEpoch?.epoch === epoch && this.#lastEpoch.logs === logs) return;
    this.#lastEpoch = { epoch, logs };
    for (const c of this.#claims.values()) c.refresh();
    await this.#writeStats();
    const step = Math.max(epoch + 1, this.#lastEpochStep + 1);
    this.#lastEpochStep = step;
    if (logs) await this.#writeMetrics(logs, 'epoch_', step);
  }

  override async onTrainEnd(_logs?: Logs): Promise<void> {
    await this.#endFit();
  }

  /**
   * The end of a fit: its last statistics written, the optimizer restored, the event files closed
   * (reopened by the next fit). Idempotent; concurrent calls share one wind-up.
   */
  #endFit(): Promise<void> {
    this.#fitAlive = null;
    this.#ending ??= (async () => {
      if (this.#poll) clearInterval(this.#poll);
      this.#poll = null;
      await this.#writeStats(true);
      this.#detach();
      const writers = [this.#train, this.#val, this.#root];
      this.#train = this.#val = this.#root = null;
      await Promise.all(
        writers.map((w) =>
          w
            ?.close()
            .catch((err: Error) => this.#warn(`close-${err.message}`, `gradwatch: ${err.message}`))
            .finally(() => {
              this.#claims.get(w)?.release();
              this.#claims.delete(w);
            }),
        ),
      );
    })().finally(() => {
      this.#ending = null;
    });
    return this.#ending;
  }

  /** The writer of a run, or null (warned once) if it cannot be made: training goes on without it. */
  #writer(run: string): SummaryWriter | null {
    let w: SummaryWriter;
    // train and val hold the same tags as any other training's: another live writer there (a second
    // process on the same logdir) would hide ours or be hidden, so a sibling run is used instead.
    const join = this.#destination.join;
    const claim = run === '.' ? null : this.#destination.claimRun(join(this.logdir, run));
    if (claim?.heldBy) {
      this.#warn(
        `claim-${run}`,
        `gradwatch: ${join(this.logdir, run)} is being written by ${claim.heldBy}; writing to ${claim.dir} instead, so TensorBoard shows both (give each training its own logdir)`,
      );
    }
    try {
      w = new SummaryWriter(claim?.dir ?? this.logdir, {
        destination: this.#destination,
        flushMillis: this.#options.flushMillis,
        onStepConflict: 'skip',
      });
    } catch (err) {
      claim?.release();
      this.#warn('writer', `gradwatch: ${(err as Error).message}; training goes on without logging there`);
      return null;
    }
    if (claim) this.#claims.set(w, claim);
    w.on('error', (err) =>
      this.#warn(`io-${(err as { code?: string }).code ?? err.message}`, `gradwatch: ${err.message}`),
    );
    return w;
  }

  /** The armed step's activation statistics, as `act/<layer>/<stat>` at the step just taken. */
  async #writeActivations(): Promise<void> {
    const tap = this.#activations;
    const train = this.#train;
    if (!tap?.armed || !train || !this.#watcher) return;
    try {
      const stats = await tap.read();
      this.#activationTotalMs += tap.lastCostMs;
      this.#activationMs =
        this.#activationMs === 0 ? tap.lastCostMs : 0.8 * this.#activationMs + 0.2 * tap.lastCostMs;
      const pairs: Array<[string, number]> = [];
      for (const a of stats) {
        const t = (k: string) => `act/${a.layer}/${k}`;
        pairs.push(
          [t('mean'), a.mean],
          [t('std'), a.std],
          [t('max_abs'), a.maxAbs],
          [t('zero_fraction'), a.zeroFraction],
          [t('nonfinite'), a.nonFinite],
        );
        if (a.saturatedFraction !== undefined) pairs.push([t('saturated_fraction'), a.saturatedFraction]);
      }
      if (pairs.length > 0) train.scalars(pairs, this.#watcher.step);
      this.#stepActivations.set(
        this.#watcher.step,
        stats.map((a) => ({
          layer: a.layer,
          zeroFraction: a.zeroFraction,
          maxAbs: a.maxAbs,
          ...(a.saturatedFraction === undefined ? {} : { saturatedFraction: a.saturatedFraction }),
        })),
      );
    } catch (err) {
      tap.discard();
      this.#warn('activations', `gradwatch: could not log activation statistics: ${(err as Error).message}`);
    }
  }

  /** Whether the steps the watch queued are written now (see HOLD_MS). */
  #drainDue(): boolean {
    const w = this.#watcher;
    if (!w) return false;
    const now = performance.now();
    const hold = w.readsOnHost && w.heldBytes < MAX_HELD_BYTES && w.queued < MAX_HELD_STEPS;
    if (hold && now - this.#lastDrain < HOLD_MS) return false;
    this.#lastDrain = now;
    return true;
  }

  /** Inside the step: the detector decides whether this update is applied. */
  #gate(check: GradientCheck, model: LayersModel): 'apply' | 'skip' {
    const d = this.#detector!;
    try {
      const verdict = d.gate(check);
      if (d.stopped) model.stopTraining = true;
      const error = d.gatedAt(check.step).some((x) => x.alert.severity === 'error');
      if (this.#postMortems.wanted(check, error)) {
        // The replay's forward pass is not this step's: the activation statistics skip it.
        const armed = this.#activations?.armed ?? false;
        if (this.#activations) this.#activations.armed = false;
        try {
          this.#postMortems.run(model, check);
        } finally {
          if (this.#activations) this.#activations.armed = armed;
        }
      }
      return verdict;
    } catch (err) {
      this.#warn('detect', `gradwatch: the detector failed: ${(err as Error).message}`);
      return 'apply';
    }
  }

  #detach(): void {
    this.#unhookExit?.();
    this.#unhookExit = null;
    this.#activations?.detach();
    this.#activations = null;
    this.#stepActivations.clear();
    if (!this.#watcher) return;
    this.#stepsSeen = Math.max(this.#stepsSeen, this.#watcher.step);
    this.#pastCost = this.#watchCost();
    this.#watcher.detach();
    this.#watcher.dispose();
    this.#watcher = null;
    this.#watchedModel = null;
  }

  async #writeStats(final = false, wait = true): Promise<void> {
    const watcher = this.#watcher;
    const train = this.#train;
    if (!watcher) return;
    // No train run to write to (its writer could not be made): the steps are let go, not kept.
    if (!train) {
      await watcher.drain(undefined, { wait }).catch(() => undefined);
      return;
    }
    const detector = this.#detector;
    const keep = (decided: readonly Decided[]) => {
      for (const { alert } of decided) {
        if (alert.first && this.#alerts.length < MAX_KEPT_ALERTS) this.#alerts.push(alert);
      }
    };
    try {
      const lr = learningRateOf(this.#watchedModel?.optimizer);
      await watcher.drain(
        (s) => {
          const acts = this.#stepActivations.get(s.step);
          if (acts) s.activations = acts;
          for (const step of this.#stepActivations.keys())
            if (step <= s.step) this.#stepActivations.delete(step);
          keep(logStep(train, s, lr, detector, (k, m) => this.#warn(k, m)));
        },
        { wait },
      );
      if (detector && final) keep(detector.take([], train, true));
      if (detector?.stopped && this.#watchedModel) this.#watchedModel.stopTraining = true;
    } catch (err) {
      this.#warn('stats', `gradwatch: could not log gradient statistics: ${(err as Error).message}`);
    }
  }

  async #writeMetrics(logs: Logs, prefix: string, step: number): Promise<void> {
    // After close() (a fit still running) nothing reopens a run.
    if (this.#closed) return;
    const train: Array<[string, number]> = [];
    const val: Array<[string, number]> = [];
    for (const [key, raw] of Object.entries(logs)) {
      if (SKIPPED_LOG_KEYS.has(key)) continue;
      const v = await logValue(raw);
      if (v === null) continue;
      if (key.startsWith('val_')) val.push([`${prefix}${key.slice(4)}`, v]);
      else train.push([`${prefix}${key}`, v]);
    }
    this.#safely('metrics', () => {
      if (train.length > 0) {
        this.#train ??= this.#writer('train');
        this.#train?.scalars(train, step);
      }
      if (val.length > 0) {
        this.#val ??= this.#writer('val');
        this.#val?.scalars(val, step);
      }
    });
  }

  #writeRunRecords(optimizer: Optimizer): void {
    this.#root ??= this.#writer('.');
    const root = this.#root;
    if (!root) return;
    root.customScalars(GRADIENT_HEALTH_LAYOUT);
    const p = (this.params ?? {}) as { batchSize?: number | null; epochs?: number; metrics?: string[] };
    const lr = learningRateOf(optimizer);
    const o = this.#options;
    const config: Record<string, HParamValue> = {
      optimizer: optimizer.getClassName(),
      ...(lr === undefined ? {} : { learning_rate: lr }),
      ...(typeof p.batchSize === 'number' ? { batch_size: p.batchSize } : {}),
      ...(typeof p.epochs === 'number' ? { epochs: p.epochs } : {}),
      'gradwatch/statsFreq': o.statsFreq,
      'gradwatch/histogramFreq': o.histogramFreq,
      'gradwatch/budget': o.budget,
      'gradwatch/buckets': o.buckets,
      'gradwatch/updateFreq': String(this.#updateFreq),
      'gradwatch/detect': this.#detector !== null,
      'gradwatch/clip': o.clip ? clipMode(o.clip) : 'off',
      ...this.#extraHparams,
    };
    const names = (p.metrics ?? ['loss']).filter((m) => !m.startsWith('val_'));
    const metrics = names.flatMap((m) => [
      { tag: `epoch_${m}`, group: 'train', datasetType: 'training' as const },
      { tag: `epoch_${m}`, group: 'val', datasetType: 'validation' as const },
    ]);
    root.hparams(config, metrics);
  }

  #safely(what: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.#warn(what, `gradwatch: could not write ${what}: ${(err as Error).message}`);
    }
  }

  #warn(key: string, message: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    console.warn(message);
  }
}

/** The "gradient health" dashboard in TensorBoard's Custom Scalars tab. */
export const GRADIENT_HEALTH_LAYOUT = {
  categories: [
    {
      title: 'gradient health',
      charts: [
        { title: 'global gradient norm', multiline: ['grad_norm/global$'] },
        { title: 'gradient norm per layer', multiline: ['grad_norm/(?!global$)[^/]+$'] },
        {
          title: 'update ratio ||Δw||/||w|| per layer (rule of thumb: ~1e-3)',
          multiline: ['update_ratio/[^/]+$'],
        },
        { title: 'non-finite gradient values', multiline: ['nonfinite/grad_total$'] },
        { title: 'alerts (0 quiet, 1 warning, 2 error)', multiline: ['alerts/'] },
        { title: 'loss', multiline: ['batch_loss$', 'epoch_loss$'] },
      ],
    },
  ],
};

/**
 * Maps each trainable variable's tfjs name to its layer's name, and to the name its series are
 * logged under: the name before tfjs made it unique in the process (`rnn/kernel`, not `rnn/kernel_1`
 * for a second model), unless two variables of this model would then share it.
 */
function variableNames(model: LayersModel): { layer: Map<string, string>; tag: Map<string, string> } {
  const layer = layerMap(model);
  const original = new Map<string, string>();
  const count = new Map<string, number>();
  for (const w of model.trainableWeights) {
    const o = (w as unknown as { originalName?: string }).originalName ?? w.name;
    original.set(w.name, o);
    count.set(o, (count.get(o) ?? 0) + 1);
  }
  const tag = new Map<string, string>();
  for (const [name, o] of original) tag.set(name, count.get(o) === 1 ? o : name);
  return { layer, tag };
}

/** Maps each trainable variable's name to its layer's name, recursing into nested models. */
function layerMap(model: LayersModel): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (layers: LayersModel['layers'], prefix: string) => {
    for (const layer of layers) {
      const nested = (layer as unknown as { layers?: LayersModel['layers'] }).layers;
      if (Array.isArray(nested) && nested.length > 0) {
        visit(nested, `${prefix}${layer.name}/`);
        continue;
      }
      for (const w of layer.trainableWeights) out.set(w.name, `${prefix}${layer.name}`);
    }
  };
  visit(model.layers, '');
  return out;
}

/**
 * Validates `hparams` when the callback is created: the HParams record is written at train begin,
 * where one bad value would lose the whole record (it is checked again by the writer).
 */
function checkHparams(h: unknown, where: string): Record<string, HParamValue> {
  const what = (v: unknown) =>
    v === null
      ? 'null'
      : Array.isArray(v)
        ? 'an array'
        : typeof v === 'object'
          ? 'an object'
          : `a ${typeof v}`;
  if (h === null || typeof h !== 'object' || Array.isArray(h)) {
    throw new TypeError(`${where}: hparams must be an object of names to values, got ${what(h)}`);
  }
  for (const [k, v] of Object.entries(h)) {
    if (k.length === 0) throw new TypeError(`${where}: hparams has an empty name`);
    if (!k.isWellFormed()) {
      throw new TypeError(`${where}: hparams name ${JSON.stringify(k)} contains a lone surrogate`);
    }
    if (typeof v === 'string') {
      if (!v.isWellFormed()) throw new TypeError(`${where}: hparams.${k} contains a lone surrogate`);
      continue;
    }
    if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) continue;
    const got = typeof v === 'number' || v === undefined ? String(v) : what(v);
    throw new TypeError(`${where}: hparams.${k} must be a string, a boolean or a finite number, got ${got}`);
  }
  return { ...(h as Record<string, HParamValue>) };
}

function learningRateOf(optimizer: unknown): number | undefined {
  const lr = (optimizer as { learningRate?: unknown } | undefined)?.learningRate;
  return typeof lr === 'number' ? lr : undefined;
}

/** Creates the callback: `model.fit(x, y, { callbacks: [tensorBoard('./logs')] })`. */
export function tensorBoard(logdir = './logs', options: TensorBoardOptions = {}): TensorBoardCallback {
  return new TensorBoardCallback(logdir, options);
}

/**
 * The highest epoch step already written in the logdir's train and val runs (0 if none or unreadable):
 * read once, when a callback first trains, so its epochs continue after an earlier callback's.
 */
async function lastEpochStep(destination: Destination, logdir: string): Promise<number> {
  let last = 0;
  for (const run of ['train', 'val']) {
    last = Math.max(last, await destination.lastStep(destination.join(logdir, run), 'epoch_'));
  }
  return last;
}

/**
 * The step at which a fit ends, from the params tfjs gives callbacks: epochs (from initialEpoch) times
 * the batches of an epoch (`steps` for fitDataset, else samples over batchSize). Undefined when
 * unknown (a dataset of unknown length).
 */
function lastStepOf(params: Record<string, unknown> | undefined, stepsBefore: number): number | undefined {
  if (!params) return undefined;
  const num = (k: string) =>
    typeof params[k] === 'number' && Number.isFinite(params[k]) ? (params[k] as number) : undefined;
  const epochs = num('epochs');
  const perEpoch =
    num('steps') ??
    (num('samples') && num('batchSize') ? Math.ceil(num('samples')! / num('batchSize')!) : undefined);
  if (epochs === undefined || perEpoch === undefined) return undefined;
  return stepsBefore + (epochs - (num('initialEpoch') ?? 0)) * perEpoch;
}
