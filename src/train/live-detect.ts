/**
 * The detector during training: turns the gradient watch's per-step statistics into detector
 * records, runs the rules, writes `alerts/<rule>` scalars and markdown explanations, warns once per
 * burst on the console, and carries out the actions (warn, skip the update, stop training).
 *
 * Alerts on the gradient half of a step can skip its update only if they are decided inside the step,
 * before the optimizer runs: when some action needs that (or an onAlert hook may ask for it), the
 * watcher calls `gate` synchronously at every step, at the cost of one small download per step.
 * Otherwise everything runs when the statistics are drained, off the training step's critical path.
 */
import { Detector } from '../detect/detector.js';
import { alertLine, explainAlert } from '../detect/explain.js';
import { type DetectorOptions, resolveDetectorOptions } from '../detect/options.js';
import {
  type Alert,
  type LayerRecord,
  RULES,
  type RuleName,
  SEVERITY_LEVEL,
  type StepRecord,
} from '../detect/types.js';
import type { SummaryWriter } from '../summary/writer.js';
import { writeStepStats } from '../watch/log.js';
import type { GradientCheck, StepStats } from '../watch/step-stats.js';

export type AlertAction = 'warn' | 'skip' | 'stop';

export interface DetectOptions extends DetectorOptions {
  /**
   * What to do when a rule fires, for all rules or per rule (default 'warn'). 'skip' drops the step's
   * update (rules decided before the update: gradients and loss); 'stop' stops training (in fit:
   * model.stopTraining, for the current fit only, as TerminateOnNaN does; with watchOptimizer: no
   * further updates), before the offending update when the rule is decided before it.
   */
  actions?: AlertAction | Partial<Record<RuleName, AlertAction>>;
  /** Called for every alert, inside the training step for gradient rules; may return an action. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook that returns nothing is the common case
  onAlert?: (alert: Alert) => AlertAction | undefined | void;
  /** Print one console line per burst of a rule. Default true. */
  console?: boolean;
}

/** Rules decided after the update is applied: they can warn or stop, not skip. */
const WEIGHT_RULES: ReadonlySet<RuleName> = new Set(['non_finite_weights', 'update_ratio']);
const ACTIONS: readonly AlertAction[] = ['warn', 'skip', 'stop'];

export const ALERT_TAGS = {
  level: (rule: RuleName) => `alerts/${rule}`,
  explanation: 'alerts/explanation',
} as const;

export interface Decided {
  alert: Alert;
  action: AlertAction;
}

export class LiveDetector {
  readonly #detector: Detector;
  readonly #actions: Record<RuleName, AlertAction>;
  readonly #onAlert: DetectOptions['onAlert'];
  readonly #console: boolean;
  readonly #rules: RuleName[];
  /** Gradient halves already observed by the gate, waiting for their step's statistics. */
  #gated = new Map<number, Decided[]>();
  #lastGated = Number.NEGATIVE_INFINITY;
  #toldWhere = false;
  #quiet: ReadonlyArray<readonly [string, number]> | undefined;
  /** Set once an alert's action was 'stop' (until `resume()`). */
  stopped = false;
  readonly needsGate: boolean;

  constructor(options: DetectOptions, where: string) {
    if (options === null || typeof options !== 'object')
      throw new TypeError(`${where}: detect must be true, false or an object`);
    const { actions, onAlert, console: toConsole, ...rest } = options;
    this.#detector = new Detector(resolveDetectorOptions(rest, `${where}: detect`));
    this.#rules = RULES.filter((r) => this.#detector.options.rules[r]);
    this.#actions = resolveActions(actions, `${where}: detect.actions`);
    if (onAlert !== undefined && typeof onAlert !== 'function')
      throw new TypeError(`${where}: detect.onAlert must be a function`);
    if (toConsole !== undefined && typeof toConsole !== 'boolean')
      throw new TypeError(`${where}: detect.console must be a boolean`);
    this.#onAlert = onAlert;
    this.#console = toConsole ?? true;
    // 'stop' is gated too: stopping before the update keeps the weights finite (and a custom loop
    // has no fit to stop, so there the gate is what refuses the updates).
    this.needsGate = onAlert !== undefined || RULES.some((r) => this.#actions[r] !== 'warn');
  }

  /**
   * Forgets a 'stop': a stop ends the current fit only (like TerminateOnNaN), so the callback
   * resumes at the start of each fit. The rules' state (baselines, bursts) carries over.
   */
  resume(): void {
    this.stopped = false;
  }

  /** Inside the step, before the update: observe its gradient half and decide whether to apply it. */
  gate(check: GradientCheck): 'apply' | 'skip' {
    if (this.stopped) return 'skip';
    const decided = this.#detector
      .observeGradients(recordFromVariables(check.step, check.loss, check.variables))
      .map((a) => this.#decide(a, true));
    this.#lastGated = check.step;
    if (decided.length > 0) this.#gated.set(check.step, decided);
    return decided.some((d) => d.action !== 'warn') ? 'skip' : 'apply';
  }

  /** Whether alerts are printed on the console (detect.console). */
  get printsToConsole(): boolean {
    return this.#console;
  }

  /** The alerts the gate raised at `step` (before its update), if any. */
  gatedAt(step: number): readonly Decided[] {
    return this.#gated.get(step) ?? [];
  }

  /**
   * After the statistics of some steps were downloaded: the remaining rules, then the output.
   * `final` (at the end of training) also reports gated steps newer than the statistics.
   */
  take(stats: readonly StepStats[], writer: SummaryWriter | null, final = false): Decided[] {
    const out: Decided[] = [];
    const steps = new Map<number, Decided[]>();
    for (const s of stats) steps.set(s.step, this.takeStep(s));
    for (const [step, decided] of this.#leftovers(
      final ? Number.POSITIVE_INFINITY : Math.max(0, ...steps.keys()),
    ))
      steps.set(step, decided);
    for (const [step, decided] of [...steps].sort(([a], [b]) => a - b)) {
      out.push(...decided);
      if (writer) writer.scalars(this.levels(decided), step);
      this.explain(writer, step, decided);
    }
    return out;
  }

  /** One step's decisions (the rules not already run by the gate), without output. */
  takeStep(s: StepStats): Decided[] {
    const r = recordFromStats(s);
    const gradientHalf =
      s.step <= this.#lastGated
        ? (this.#gated.get(s.step) ?? [])
        : this.#detector.observeGradients(r).map((a) => this.#decide(a, false));
    this.#gated.delete(s.step);
    const weightHalf = this.#detector.observeWeights(r).map((a) => this.#decide(a, false));
    return weightHalf.length === 0 ? gradientHalf : [...gradientHalf, ...weightHalf];
  }

  /**
   * Gated steps up to `upTo` whose statistics never came (the optimizer threw after the gate): their
   * alerts are still reported, in step order.
   */
  #leftovers(upTo: number): Array<[number, Decided[]]> {
    const out: Array<[number, Decided[]]> = [];
    for (const [step, decided] of this.#gated) {
      if (step > upTo) continue;
      out.push([step, decided]);
      this.#gated.delete(step);
    }
    return out;
  }

  /** The `alerts/<rule>` levels of a step: 0 quiet, 1 warning, 2 error. */
  levels(decided: readonly Decided[]): ReadonlyArray<readonly [string, number]> {
    // The common case, a quiet step, has the same all-zero list every time.
    this.#quiet ??= this.#rules.map((r) => [ALERT_TAGS.level(r), 0] as const);
    if (decided.length === 0) return this.#quiet;
    const level = new Map<RuleName, number>(this.#rules.map((r) => [r, 0]));
    for (const { alert } of decided)
      level.set(alert.rule, Math.max(level.get(alert.rule) ?? 0, SEVERITY_LEVEL[alert.severity]));
    return [...level].map(([rule, v]) => [ALERT_TAGS.level(rule), v] as const);
  }

  /** The explanation of each burst's first alert (Text tab) and its console line. */
  explain(writer: SummaryWriter | null, step: number, decided: readonly Decided[]): void {
    if (decided.length === 0) return;
    if (this.#console) for (const d of decided) if (d.alert.first) this.#print(d);
    if (!writer) return;
    const firsts = decided.filter((d) => d.alert.first || d.action !== 'warn');
    if (firsts.length === 0) return;
    const text = firsts.map((d) => explainAlert(d.alert) + actionText(d)).join('\n\n---\n\n');
    // Layer names are the user's: one with a lone surrogate would make the text unencodable.
    writer.text(ALERT_TAGS.explanation, text.toWellFormed(), step);
  }

  #decide(alert: Alert, beforeUpdate: boolean): Decided {
    let action = this.#actions[alert.rule];
    if (this.#onAlert) {
      let chosen: unknown;
      try {
        chosen = this.#onAlert(alert);
      } catch (err) {
        console.warn(`gradwatch: detect.onAlert threw at step ${alert.step}: ${(err as Error).message}`);
      }
      if (chosen !== undefined && chosen !== null) {
        if (ACTIONS.includes(chosen as AlertAction)) action = chosen as AlertAction;
        else
          console.warn(
            `gradwatch: detect.onAlert returned ${JSON.stringify(chosen)}; expected 'warn', 'skip', 'stop' or nothing`,
          );
      }
    }
    // An update already applied cannot be skipped: report it as a warning.
    if (action === 'skip' && !beforeUpdate) action = 'warn';
    if (action === 'stop') this.stopped = true;
    return { alert, action };
  }

  #print(d: Decided): void {
    const where = this.#toldWhere ? '' : ' (explanations: TensorBoard, Text tab, alerts/explanation)';
    this.#toldWhere = true;
    const act = d.action === 'skip' ? ' [update skipped]' : d.action === 'stop' ? ' [training stopped]' : '';
    console.warn(`${alertLine(d.alert)}${act}${where}`);
  }
}

function actionText(d: Decided): string {
  if (d.action === 'skip') return "\n\n**Action.** This step's update was skipped.";
  if (d.action === 'stop') {
    return d.alert.phase === 'gradients'
      ? "\n\n**Action.** Training was stopped before this step's update was applied."
      : '\n\n**Action.** Training was stopped.';
  }
  return '';
}

function resolveActions(a: DetectOptions['actions'], where: string): Record<RuleName, AlertAction> {
  const out = Object.fromEntries(RULES.map((r) => [r, 'warn'])) as Record<RuleName, AlertAction>;
  if (a === undefined) return out;
  if (typeof a === 'string') {
    if (!ACTIONS.includes(a))
      throw new TypeError(`${where} must be 'warn', 'skip' or 'stop', got ${JSON.stringify(a)}`);
    // 'skip' for all: the rules decided after the update warn instead.
    for (const r of RULES) out[r] = a === 'skip' && WEIGHT_RULES.has(r) ? 'warn' : a;
    return out;
  }
  if (a === null || typeof a !== 'object')
    throw new TypeError(`${where} must be an action or { rule: action }`);
  for (const [rule, v] of Object.entries(a)) {
    if (!(RULES as readonly string[]).includes(rule))
      throw new TypeError(`${where}: unknown rule "${rule}" (rules: ${RULES.join(', ')})`);
    if (!ACTIONS.includes(v as AlertAction))
      throw new TypeError(`${where}.${rule} must be 'warn', 'skip' or 'stop', got ${JSON.stringify(v)}`);
    if (v === 'skip' && WEIGHT_RULES.has(rule as RuleName)) {
      throw new TypeError(
        `${where}.${rule}: '${rule}' is decided after the update is applied, so it cannot skip it; use 'stop' or 'warn'`,
      );
    }
    out[rule as RuleName] = v as AlertAction;
  }
  return out;
}

type VariableLike = GradientCheck['variables'][number] &
  Partial<Pick<StepStats['variables'][number], 'weightNorm' | 'weightNonFinite'>>;

/** Per-layer detector records from per-variable statistics, layers in the order they first appear. */
export function recordFromVariables(
  step: number,
  loss: number | undefined,
  variables: readonly VariableLike[],
): StepRecord {
  // Plain loops and one object per layer: this runs every step (see bench/detector.ts).
  const index = new Map<string, number>();
  const layers: LayerRecord[] = [];
  const g2: number[] = [];
  const w2: number[] = [];
  const hasGrad: boolean[] = [];
  for (const v of variables) {
    let i = index.get(v.layer);
    if (i === undefined) {
      i = layers.length;
      index.set(v.layer, i);
      layers.push({
        name: v.layer,
        gradNonFinite: 0,
        gradNaN: 0,
        gradPosInf: 0,
        gradNegInf: 0,
        weightNonFiniteBefore: 0,
      });
      g2.push(0);
      w2.push(0);
      hasGrad.push(false);
    }
    const l = layers[i]!;
    if (v.hasGradient) {
      hasGrad[i] = true;
      g2[i]! += v.gradNorm * v.gradNorm;
      l.gradNaN! += v.gradNaN;
      l.gradPosInf! += v.gradPosInf;
      l.gradNegInf! += v.gradNegInf;
      l.gradNonFinite! += v.gradNaN + v.gradPosInf + v.gradNegInf;
    }
    l.weightNonFiniteBefore! += v.weightNonFiniteBefore;
    if (v.weightNorm !== undefined) {
      w2[i]! += v.weightNorm * v.weightNorm;
      l.weightNonFinite = (l.weightNonFinite ?? 0) + (v.weightNonFinite ?? 0);
    }
  }
  for (let i = 0; i < layers.length; i++) {
    if (hasGrad[i]) layers[i]!.gradNorm = Math.sqrt(g2[i]!);
    if (layers[i]!.weightNonFinite !== undefined) layers[i]!.weightNorm = Math.sqrt(w2[i]!);
  }
  return loss === undefined ? { step, layers } : { step, loss, layers };
}

/** The detector record of a logged step, from its per-layer statistics. */
export function recordFromStats(s: StepStats): StepRecord {
  const layers: LayerRecord[] = new Array(s.layers.length);
  for (let i = 0; i < s.layers.length; i++) {
    const l = s.layers[i]!;
    const r: LayerRecord = {
      name: l.name,
      gradNonFinite: l.gradNaN + l.gradPosInf + l.gradNegInf,
      gradNaN: l.gradNaN,
      gradPosInf: l.gradPosInf,
      gradNegInf: l.gradNegInf,
      weightNonFiniteBefore: l.weightNonFiniteBefore,
    };
    // A layer none of whose variables got a gradient has no gradient norm (its sum is 0).
    if (l.gradNorm > 0 || s.variables.some((v) => v.layer === l.name && v.hasGradient))
      r.gradNorm = l.gradNorm;
    if (l.weightNorm !== undefined) {
      r.weightNorm = l.weightNorm;
      r.weightNonFinite = l.weightNonFinite ?? 0;
    }
    // A layer that got no gradient was not updated: its ratio of 0 says nothing about its learning rate.
    if (l.hasGradient && l.updateRatio !== undefined && !Number.isNaN(l.updateRatio) && !s.skipped)
      r.updateRatio = l.updateRatio;
    layers[i] = r;
  }
  if (s.activations) {
    const at = new Map(layers.map((l, i) => [l.name, i]));
    s.activations.forEach((a, i) => {
      const activation = {
        zeroFraction: a.zeroFraction,
        maxAbs: a.maxAbs,
        ...(a.saturatedFraction === undefined ? {} : { saturatedFraction: a.saturatedFraction }),
        ...(i === s.activations!.length - 1 ? { output: true } : {}),
      };
      const k = at.get(a.layer);
      if (k === undefined) layers.push({ name: a.layer, activation });
      else layers[k]!.activation = activation;
    });
  }
  const record: StepRecord = {
    step: s.step,
    layers,
    globalGradNorm: s.globalGradNorm,
    gradNonFinite: s.gradNonFinite,
  };
  if (s.loss !== undefined) record.loss = s.loss;
  if (s.skipped) record.skipped = true;
  if (s.clip)
    record.clip = { clipped: s.clip.clipped, postClipNorm: s.clip.postClipNorm, threshold: s.clip.threshold };
  return record;
}

/**
 * Logs one step, as the callback and watchOptimizer both do: the detector's decisions (a failing
 * detector is reported through `warn` and then says nothing for the step), the step's statistics with
 * the alert levels in the same event, and the explanations. Returns the decisions.
 */
export function logStep(
  writer: SummaryWriter,
  s: StepStats,
  learningRate: number | undefined,
  detector: LiveDetector | null,
  warn: (key: string, message: string) => void,
): Decided[] {
  let decided: Decided[] = [];
  if (detector) {
    try {
      decided = detector.takeStep(s);
    } catch (err) {
      warn('detect', `gradwatch: the detector failed: ${(err as Error).message}`);
    }
  }
  writeStepStats(writer, s, learningRate, detector?.levels(decided));
  detector?.explain(writer, s.step, decided);
  return decided;
}
