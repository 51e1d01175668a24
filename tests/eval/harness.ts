/**
 * The detector evaluation's harness: runs one scenario (a small tfjs training run) with gradwatch
 * watching it, and measures the ground truth outside gradwatch, from the loss tfjs reports and the
 * weights read back after every step. A scenario only builds and trains its model; the harness
 * supplies the callbacks (fit) or the watch (custom loops) and stops the run a few steps after it
 * went bad.
 *
 * The result is a `Trace`: plain JSON (per-step loss, the ground truth, the live alerts, and the
 * detector records `gradwatch analyze` reads back from the logdir), so the detector and the
 * baselines can be replayed over it in milliseconds (bench/detect-eval.ts --replay).
 */
import * as tf from '@tensorflow/tfjs';
import { analyze, recordsFromSeries } from '../../src/analyze/analyze.js';
import { RunCollector } from '../../src/analyze/collect.js';
import { scanLogdir } from '../../src/analyze/load.js';
import { assignRoles } from '../../src/analyze/series.js';
import type { Alert, StepRecord } from '../../src/detect/types.js';
import { tensorBoard, watchOptimizer } from '../../src/index.js';
import { type LayerOutputs, OutputProbe } from './probe.js';

export type Kind = 'explodes' | 'stable' | 'vanishing' | 'activations';

/** The detector's rules on activations. */
export type ActivationRule = 'dead_units' | 'saturation' | 'activation_growth';

export interface Scenario {
  /** Unique, also the cache file's name. */
  name: string;
  kind: Kind;
  /** What goes wrong (or what makes a stable run hard), as a short label: the suite's causes. */
  cause: string;
  /** The one layer at fault, where the scenario has one by construction. */
  culprit?: string;
  /** Part of the fast subset that runs in CI. */
  fast?: boolean;
  /**
   * An activation fault by construction: the rule that should name it and the layer it should name.
   * The harness then measures every layer's output at every step (the ground truth, `Trace.outputs`).
   */
  activation?: { rule: ActivationRule; layer: string };
  /** Measure every layer's output at every step without expecting a fault (stable runs hard for the activation rules). */
  probe?: boolean;
  /**
   * gradwatch's `activationFreq` for this run (fit only); by default the user's default ('auto': each
   * of the first 5 steps, then with the detail statistics).
   */
  activationFreq?: number;
  run(ctx: RunContext): Promise<void>;
}

export interface RunContext {
  readonly logdir: string;
  /**
   * For `model.fit`/`fitDataset`: gradwatch's callback (batch-level metrics, so the loss is in the
   * logdir for the post-hoc check) and the ground-truth recorder, which stops training a few steps
   * after the run went bad. With the unshuffled `x` and batch size of the fit, scenarios that ask for
   * it (`activation`, `probe`) get their layers' outputs measured before each step.
   */
  callbacks(
    model: tf.LayersModel,
    data?: { x: tf.Tensor; batchSize: number },
  ): Array<tf.CustomCallback | tf.Callback>;
  /**
   * For custom loops: watch `optimizer`; after each step call `record(loss, variables)` with the
   * step's loss and the trainable variables (after the update). It returns false once the run should
   * stop. `finish()` must be awaited at the end.
   */
  watch(optimizer: tf.Optimizer, layerOf?: (variable: string) => string): void;
  record(loss: number, variables: readonly tf.Tensor[]): boolean;
  finish(): Promise<void>;
}

export interface Trace {
  name: string;
  kind: Kind;
  cause: string;
  culprit?: string;
  steps: number;
  losses: number[];
  /** First step whose loss or weights (after its update) were non-finite, or whose loss exceeded 100x the first. */
  badStep: number | null;
  badWhy: string | null;
  /** First alert of each burst, as gradwatch raised them during training. */
  live: Alert[];
  /** First alert of each burst that `gradwatch analyze` finds in the logdir after training. */
  analyzed: Alert[];
  /** What `gradwatch analyze` reads back from the logdir, step by step (to replay the detector). */
  records: StepRecord[];
  activation?: { rule: ActivationRule; layer: string };
  activationFreq?: number | 'auto';
  /** Every layer's output at every step, measured outside gradwatch (scenarios with `activation` or `probe`). */
  outputs?: LayerOutputs;
}

/** Steps trained after the bad step before the harness stops the run. */
const AFTER_BAD = 3;
/** The ground truth's loss limit, as a multiple of the first step's loss. */
export const LOSS_LIMIT = 100;

class GroundTruth {
  losses: number[] = [];
  badStep: number | null = null;
  badWhy: string | null = null;

  /** Activation faults run their full length: a loss spike on the way (a learning rate that kills units) is not where they end. */
  constructor(readonly stopAfterBad: boolean) {}

  /** Returns false once the run should stop. */
  step(loss: number, weights: readonly tf.Tensor[]): boolean {
    this.losses.push(loss);
    const step = this.losses.length;
    if (this.badStep === null) {
      const first = this.losses[0]!;
      const why = !Number.isFinite(loss)
        ? `loss ${loss}`
        : Math.abs(loss) > LOSS_LIMIT * Math.abs(first)
          ? `loss ${loss.toPrecision(3)} > ${LOSS_LIMIT}x the first ${first.toPrecision(3)}`
          : weights.some((w) => !allFinite(w))
            ? 'non-finite weights'
            : null;
      if (why) {
        this.badStep = step;
        this.badWhy = why;
      }
    }
    return this.badStep === null || !this.stopAfterBad || step < this.badStep + AFTER_BAD;
  }
}

function allFinite(t: tf.Tensor): boolean {
  const d = t.dataSync();
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i]!)) return false;
  return true;
}

/** What a run of the suite may change for every scenario. */
export interface RunOverrides {
  /** gradwatch's activationFreq for every fit, instead of each scenario's (e.g. 'auto' to see the default cadence). */
  activationFreq?: number | 'auto';
}

export async function runScenario(s: Scenario, logdir: string, overrides: RunOverrides = {}): Promise<Trace> {
  const activationFreq = overrides.activationFreq ?? s.activationFreq;
  const truth = new GroundTruth(s.kind !== 'activations');
  let live: Alert[] = [];
  let finish: () => Promise<void> = async () => {};
  let probe: OutputProbe | null = null;
  const before = tf.memory().numTensors;
  const ctx: RunContext = {
    logdir,
    callbacks(model, data) {
      const cb = tensorBoard(logdir, {
        updateFreq: 'batch',
        detect: { console: false },
        ...(activationFreq === undefined ? {} : { activationFreq }),
      });
      finish = async () => {
        await cb.close();
        live = [...cb.alerts];
      };
      const recorder = new tf.CustomCallback({
        onBatchEnd: async (_b, logs) => {
          const loss = logs?.loss as number;
          if (
            !truth.step(
              loss,
              model.trainableWeights.map((w) => w.read()),
            )
          )
            model.stopTraining = true;
        },
      });
      if (!(s.activation || s.probe)) return [cb, recorder];
      if (!data) throw new Error(`${s.name}: measuring the layers' outputs needs the fit's x and batch size`);
      const p = new OutputProbe(model, data.x, data.batchSize);
      probe = p;
      // First, before gradwatch's callback arms its activation tap for the step.
      const measure = new tf.CustomCallback({ onBatchBegin: async (batch) => p.measure(batch) });
      return [measure, cb, recorder];
    },
    watch(optimizer, layerOf) {
      const alerts: Alert[] = [];
      const unwatch = watchOptimizer(optimizer, {
        logdir: `${logdir}/train`,
        ...(layerOf ? { layerOf } : {}),
        detect: { console: false, onAlert: (a) => void (a.first && alerts.push(a)) },
      });
      finish = async () => {
        await unwatch();
        live = alerts;
      };
    },
    record: (loss, variables) => truth.step(loss, variables),
    finish: () => finish(),
  };
  await s.run(ctx);
  await finish();
  const leaked = tf.memory().numTensors - before;
  if (leaked > 0)
    throw new Error(`${s.name}: the scenario left ${leaked} tensors behind (dispose its data and model)`);
  return {
    name: s.name,
    kind: s.kind,
    cause: s.cause,
    ...(s.culprit ? { culprit: s.culprit } : {}),
    steps: truth.losses.length,
    losses: truth.losses,
    badStep: truth.badStep,
    badWhy: truth.badWhy,
    live: live.map(plainAlert),
    analyzed: ((await analyze(logdir)).runs.find((r) => r.run === 'train')?.alertsFound ?? []).map(
      plainAlert,
    ),
    records: await recordsOf(`${logdir}/train`),
    ...(s.activation ? { activation: s.activation } : {}),
    ...(activationFreq === undefined ? {} : { activationFreq }),
    ...(probe ? { outputs: (probe as OutputProbe).outputs } : {}),
  };
}

/** Traces as JSON that keeps NaN and the infinities (plain JSON turns them into null). */
export function traceToJson(t: Trace): string {
  return JSON.stringify(t, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `#${v}` : v));
}

export function traceFromJson(text: string): Trace {
  return JSON.parse(text, (_k, v) =>
    v === '#NaN'
      ? Number.NaN
      : v === '#Infinity'
        ? Number.POSITIVE_INFINITY
        : v === '#-Infinity'
          ? Number.NEGATIVE_INFINITY
          : v,
  ) as Trace;
}

/** An alert without its blame's `top` list (keeps traces small). */
function plainAlert(a: Alert): Alert {
  return a.blame ? { ...a, blame: { ...a.blame, top: [] } } : a;
}

/** The detector records `gradwatch analyze` builds from a run's event files. */
export async function recordsOf(run: string): Promise<StepRecord[]> {
  let collector: RunCollector | null = null;
  const out: StepRecord[] = [];
  await scanLogdir(
    run,
    {},
    (name, step, wallTime, value) => {
      if (collector?.name !== name) collector = new RunCollector(name);
      collector.add(step, wallTime, value);
    },
    () => {
      const c = collector;
      if (!c) return;
      const tags = [...c.tags.values()];
      const roles = assignRoles(
        tags.filter((t) => t.kind === 'scalar').map((t) => t.tag),
        tags.filter((t) => t.kind === 'histogram').map((t) => t.tag),
      );
      for (const r of recordsFromSeries(c, roles).records) out.push(r);
      collector = null;
    },
  );
  return out;
}
