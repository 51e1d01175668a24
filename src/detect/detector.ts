/**
 * The explosion detector: a fold over a stream of per-step numbers (`StepRecord`), returning the
 * alerts each step raises. It has no tfjs dependency: the live callback feeds it the statistics it
 * has just downloaded, and `gradwatch analyze` feeds it series read back from event files.
 *
 * A step has two halves. The gradient half (loss, gradient norms and non-finite counts) is known
 * before the update is applied, so alerts on it can still skip the update; the weight half (weights
 * after the update, update ratios) is known only after. `observe` takes both.
 */
import { fmt, LayerHistory } from './blame.js';
import { type DetectorOptions, type ResolvedDetectorOptions, resolveDetectorOptions } from './options.js';
import { Ema, mad, median, trend, Window } from './running.js';
import type { Alert, Blame, LayerRecord, RuleName, Severity, StepRecord } from './types.js';

type Draft = Omit<Alert, 'first' | 'phase' | 'step'> & { key?: string };

export class Detector {
  readonly options: ResolvedDetectorOptions;
  readonly #history = new LayerHistory();
  readonly #norms: Ema;
  readonly #recentNorms: Window;
  readonly #growth: Window;
  readonly #losses: Window;
  readonly #low = new Map<string, { run: number; zero: boolean }>();
  readonly #ratios = new Map<string, RatioWindow>();
  readonly #lastFired = new Map<string, number>();
  #finiteSteps = 0;
  #firstNonFinite: { step: number; what: 'gradients' | 'weights' | 'loss' } | undefined;

  /** Options are validated here (resolving resolved options again is a no-op). */
  constructor(options: DetectorOptions = {}) {
    this.options = resolveDetectorOptions(options);
    const o = this.options;
    this.#norms = new Ema(o.spike.alpha);
    this.#recentNorms = new Window(o.spike.maxWindow);
    this.#growth = new Window(o.growth.window);
    this.#losses = new Window(o.lossSpike.window);
  }

  /** First step at which gradients, weights or the loss were non-finite. */
  get firstNonFinite(): { step: number; what: 'gradients' | 'weights' | 'loss' } | undefined {
    return this.#firstNonFinite;
  }

  /** Both halves of a step. */
  observe(r: StepRecord): Alert[] {
    return [...this.observeGradients(r), ...this.observeWeights(r)];
  }

  /** The half known before the update: loss, gradient norms, non-finite gradients. */
  observeGradients(r: StepRecord): Alert[] {
    checkRecord(r);
    const layers = r.layers ?? [];
    this.#history.observeGradients(r.step, layers);
    const drafts: Draft[] = [];
    const on = this.options.rules;
    const g = globalNorm(r);
    const nonFinite = gradNonFinite(r, g);
    if (nonFinite > 0) {
      this.#markNonFinite(r.step, 'gradients');
      if (on.non_finite_grad) drafts.push(this.#nonFiniteGrad(r, nonFinite));
    } else if (g !== undefined) {
      this.#finiteSteps++;
      if (on.grad_spike) drafts.push(...this.#spike(r, g));
      if (on.grad_growth) drafts.push(...this.#growthRule(g));
    }
    if (r.loss !== undefined) {
      if (!Number.isFinite(r.loss)) {
        this.#markNonFinite(r.step, 'loss');
        if (on.non_finite_loss) drafts.push(this.#nonFiniteLoss(r));
      } else if (on.loss_spike) drafts.push(...this.#lossSpike(r.loss));
    }
    if (on.vanishing) drafts.push(...this.#vanishing(layers));
    return this.#finish(r.step, drafts, 'gradients');
  }

  /** The half known after the update: weights and update ratios. */
  observeWeights(r: StepRecord): Alert[] {
    checkRecord(r);
    const layers = r.layers ?? [];
    this.#history.observeWeights(r.step, layers);
    const drafts: Draft[] = [];
    const bad = layers.filter(
      (l) => (l.weightNonFinite ?? 0) > 0 || (l.weightNorm !== undefined && !Number.isFinite(l.weightNorm)),
    );
    if (bad.length > 0) {
      this.#markNonFinite(r.step, 'weights');
      if (this.options.rules.non_finite_weights) drafts.push(this.#nonFiniteWeights(r, bad));
    }
    if (this.options.rules.update_ratio && !r.skipped) drafts.push(...this.#updateRatio(layers));
    return this.#finish(r.step, drafts, 'weights');
  }

  #markNonFinite(step: number, what: 'gradients' | 'weights' | 'loss'): void {
    this.#firstNonFinite ??= { step, what };
  }

  #finish(step: number, drafts: Draft[], phase: Alert['phase']): Alert[] {
    return drafts.map(({ key, ...d }) => {
      const k = key ?? d.rule;
      const last = this.#lastFired.get(k);
      this.#lastFired.set(k, step);
      return { ...d, step, phase, first: last === undefined || step - last > this.options.burstGap };
    });
  }

  #nonFiniteGrad(r: StepRecord, count: number): Draft {
    const layers = r.layers ?? [];
    const sum = (f: (l: LayerRecord) => number | undefined) => layers.reduce((a, l) => a + (f(l) ?? 0), 0);
    const affected = layers.filter((l) => (l.gradNonFinite ?? 0) > 0 || !Number.isFinite(l.gradNorm ?? 0));
    const blame = this.#history.blameNonFinite(layers);
    const kinds = sum((l) => l.gradNaN) + sum((l) => l.gradPosInf) + sum((l) => l.gradNegInf);
    const counted = layers.some((l) => l.gradNaN !== undefined);
    // Every value finite but the norm's square beyond float32 (a norm above 1.8e19).
    const g = globalNorm(r);
    const overflow = kinds === 0 && (counted || (g !== undefined && Number.isFinite(g)));
    return {
      rule: 'non_finite_grad',
      severity: 'error',
      summary: overflow
        ? `the gradient norm${g !== undefined && Number.isFinite(g) ? ` ${fmt(g)}` : ''} overflows float32 (sum of squares above 3.4e38) although every gradient value is finite`
        : !counted && kinds === 0
          ? `the gradient norm is ${globalNorm(r) ?? 'non-finite'} (no per-value counts in this data)`
          : `${fmtCount(count)} non-finite gradient values (NaN ${sum((l) => l.gradNaN)}, +Inf ${sum((l) => l.gradPosInf)}, -Inf ${sum((l) => l.gradNegInf)}) in ${affected.length || 'some'} of ${layers.length || '?'} layers`,
      value: count,
      threshold: 0,
      details: {
        nan: sum((l) => l.gradNaN),
        posInf: sum((l) => l.gradPosInf),
        negInf: sum((l) => l.gradNegInf),
        layersAffected: affected.length,
        layers: layers.length,
        ...(overflow ? { overflow: 'true' } : {}),
      },
      ...withBlame(blame),
    };
  }

  #nonFiniteLoss(r: StepRecord): Draft {
    return {
      rule: 'non_finite_loss',
      severity: 'error',
      summary: `the loss is ${r.loss}`,
      value: r.loss!,
      threshold: 0,
      details: { loss: String(r.loss) },
      ...withBlame(this.#history.blameNonFinite(r.layers ?? [])),
    };
  }

  #nonFiniteWeights(r: StepRecord, bad: LayerRecord[]): Draft {
    const count = bad.reduce((a, l) => a + (l.weightNonFinite ?? 0), 0);
    return {
      rule: 'non_finite_weights',
      severity: 'error',
      summary: `non-finite weights in ${bad.length} layer${bad.length > 1 ? 's' : ''} after the update (${bad
        .slice(0, 3)
        .map((l) => l.name)
        .join(', ')}${bad.length > 3 ? ', ...' : ''})`,
      value: count,
      threshold: 0,
      details: { count, layersAffected: bad.length },
      ...withBlame(this.#history.blameNonFinite(r.layers ?? [])),
    };
  }

  #spike(r: StepRecord, g: number): Draft[] {
    const o = this.options.spike;
    const ema = this.#norms;
    const out: Draft[] = [];
    if (ema.count >= o.warmupSteps) {
      const z = ema.z(g);
      const ratio = g / ema.mean;
      const priorMax = this.#recentNorms.max();
      const overMax = g / priorMax;
      const byZ = z >= o.zThreshold && ratio >= o.minRatio;
      const byMax = overMax >= o.maxRatio;
      if (byZ || byMax) {
        const absorbed = r.clip?.clipped
          ? `; clipping applied, the update used a norm of ${fmt(r.clip.postClipNorm)}`
          : '';
        out.push({
          rule: 'grad_spike',
          severity: byMax ? 'error' : 'warning',
          summary: `gradient norm ${fmt(g)} is ${fmt(ratio)}x its recent mean ${fmt(ema.mean)} (z = ${fmt(z)}, ${fmt(overMax)}x the largest of the last ${this.#recentNorms.length} steps)${absorbed}`,
          value: z,
          threshold: o.zThreshold,
          details: {
            norm: g,
            emaMean: ema.mean,
            emaStd: ema.std,
            z,
            ratioToMean: ratio,
            ratioToRecentMax: overMax,
            ...(r.clip ? { clipped: String(r.clip.clipped), postClipNorm: r.clip.postClipNorm } : {}),
          },
          ...withBlame(this.#history.blameDeviation()),
        });
      }
      ema.update(Math.min(g, ema.mean + o.zThreshold * ema.std));
    } else {
      ema.update(g);
    }
    this.#recentNorms.push(g);
    return out;
  }

  #growthRule(g: number): Draft[] {
    const o = this.options.growth;
    if (!(g > 0)) return [];
    if (this.#finiteSteps <= o.warmupSteps) return [];
    this.#growth.push(Math.log(g));
    if (!this.#growth.full) return [];
    const ys = this.#growth.values;
    const { slope, r2 } = trend(ys);
    const factor = Math.exp(slope * (ys.length - 1));
    if (factor < o.factor || r2 < o.minR2) return [];
    return [
      {
        rule: 'grad_growth',
        severity: 'warning',
        summary: `gradient norm grew ${fmt(factor)}x over the last ${ys.length} steps (steady trend, R² = ${fmt(r2)}), now ${fmt(g)}`,
        value: factor,
        threshold: o.factor,
        details: { factor, r2, slopePerStep: slope, window: ys.length, from: Math.exp(ys[0]!), to: g },
        ...withBlame(this.#history.blameDeviation()),
      },
    ];
  }

  #lossSpike(loss: number): Draft[] {
    const o = this.options.lossSpike;
    const w = this.#losses;
    const out: Draft[] = [];
    // Cheap test first: a positive loss under factor x the window's minimum is under factor x its median.
    const floor = w.length >= o.minPoints ? w.min() : Number.NaN;
    if (w.length >= o.minPoints && !(floor > 0 && loss < o.factor * floor)) {
      const m = median(w.values);
      const sigma = 1.4826 * mad(w.values, m);
      const z = (loss - m) / Math.max(sigma, 1e-3 * Math.abs(m), 1e-12);
      const ratio = m > 0 ? loss / m : Number.NaN;
      if (z >= o.madZ && (m <= 0 || ratio >= o.factor)) {
        out.push({
          rule: 'loss_spike',
          severity: 'warning',
          summary: `loss ${fmt(loss)} is ${Number.isNaN(ratio) ? '' : `${fmt(ratio)}x and `}${fmt(z)} robust deviations above its rolling median ${fmt(m)}`,
          value: Number.isNaN(ratio) ? z : ratio,
          threshold: o.factor,
          details: { loss, median: m, robustZ: z, ratioToMedian: ratio, window: w.length },
          ...withBlame(this.#history.blameDeviation()),
        });
      }
    }
    w.push(loss);
    return out;
  }

  #vanishing(layers: readonly LayerRecord[]): Draft[] {
    const o = this.options.vanishing;
    const out: Draft[] = [];
    for (const l of layers) {
      if (l.gradNorm === undefined || !Number.isFinite(l.gradNorm)) continue;
      const s = this.#low.get(l.name) ?? { run: 0, zero: true };
      if (l.gradNorm <= o.floor) {
        s.run++;
        s.zero &&= l.gradNorm === 0;
      } else {
        s.run = 0;
        s.zero = true;
      }
      this.#low.set(l.name, s);
      if (s.run < o.window) continue;
      out.push({
        rule: 'vanishing',
        key: `vanishing:${l.name}`,
        severity: 'warning',
        summary: s.zero
          ? `layer ${l.name} is dead: its gradients have been exactly zero for ${s.run} steps`
          : `layer ${l.name}'s gradient norm has stayed below ${fmt(o.floor)} for ${s.run} steps (now ${fmt(l.gradNorm)})`,
        value: l.gradNorm,
        threshold: o.floor,
        details: { layer: l.name, gradNorm: l.gradNorm, steps: s.run, dead: String(s.zero) },
        blame: {
          layer: l.name,
          reason: 'its own gradient norm stayed below the floor',
          share: Number.NaN,
          top: this.#history.shares().slice(0, 3),
        },
      });
    }
    return out;
  }

  #updateRatio(layers: readonly LayerRecord[]): Draft[] {
    const o = this.options.updateRatio;
    const out: Draft[] = [];
    for (const l of layers) {
      const u = l.updateRatio;
      if (u === undefined || !Number.isFinite(u)) continue;
      const w = this.#ratios.get(l.name) ?? new RatioWindow(o.window, o.low, o.high);
      this.#ratios.set(l.name, w);
      w.push(u);
      // The median is above `high` exactly when more than half the window is (odd windows; the
      // middle pair for even ones): counting keeps this O(1) per layer per step.
      if (!w.full) continue;
      const high = w.above * 2 > w.size;
      if (!high && !(w.below * 2 > w.size)) continue;
      const m = median(w.values);
      out.push({
        rule: 'update_ratio',
        key: `update_ratio:${l.name}`,
        severity: 'warning',
        summary: `layer ${l.name}'s update ratio ||Δw||/||w|| has a median of ${fmt(m)} over ${w.length} steps, ${high ? 'above' : 'below'} ${fmt(high ? o.high : o.low)} (rule of thumb: about 1e-3)`,
        value: m,
        threshold: high ? o.high : o.low,
        details: { layer: l.name, median: m, window: w.length, direction: high ? 'high' : 'low' },
        blame: {
          layer: l.name,
          reason: `its own updates are ${high ? 'large' : 'tiny'} relative to its weights`,
          share: Number.NaN,
          top: this.#history.shares().slice(0, 3),
        },
      });
    }
    return out;
  }
}

/** A window of update ratios that counts how many lie above `high` and below `low`. */
class RatioWindow extends Window {
  above = 0;
  below = 0;
  constructor(
    size: number,
    readonly low: number,
    readonly high: number,
  ) {
    super(size);
  }
  override push(x: number): void {
    if (this.full) {
      const old = this.values[0]!;
      if (old > this.high) this.above--;
      if (old < this.low) this.below--;
    }
    if (x > this.high) this.above++;
    if (x < this.low) this.below++;
    super.push(x);
  }
}

/** Runs the detector over a whole series (post-hoc analysis). */
export function detect(records: Iterable<StepRecord>, options: DetectorOptions = {}): Alert[] {
  const d = new Detector(options);
  const out: Alert[] = [];
  for (const r of records) out.push(...d.observe(r));
  return out;
}

function checkRecord(r: StepRecord): void {
  if (r === null || typeof r !== 'object') throw new TypeError('detector: a step record must be an object');
  if (!Number.isSafeInteger(r.step))
    throw new TypeError(`detector: step must be an integer, got ${String(r.step)}`);
  if (r.layers !== undefined && !Array.isArray(r.layers))
    throw new TypeError(`detector: layers of step ${r.step} must be an array`);
}

function globalNorm(r: StepRecord): number | undefined {
  if (r.globalGradNorm !== undefined) return r.globalGradNorm;
  const norms = (r.layers ?? []).map((l) => l.gradNorm).filter((x): x is number => x !== undefined);
  if (norms.length === 0) return undefined;
  return Math.sqrt(norms.reduce((a, x) => a + x * x, 0));
}

/**
 * Largest gradient norm whose square a float32 holds. Above it the optimizers' own float32 arithmetic
 * overflows (Adam's second moment, RMSProp's mean square, any ||g||² taken on the device), so the
 * update turns the weights non-finite even though every gradient value is finite: an error, like a
 * non-finite value.
 */
export const FLOAT32_NORM_LIMIT = Math.sqrt(3.4028234663852886e38);

function gradNonFinite(r: StepRecord, g: number | undefined): number {
  const counted = r.gradNonFinite ?? (r.layers ?? []).reduce((a, l) => a + (l.gradNonFinite ?? 0), 0);
  if (counted > 0) return counted;
  // A non-finite norm without counts (e.g. a logged series), or one whose square overflows float32:
  // at least one value.
  return g !== undefined && !(Math.abs(g) <= FLOAT32_NORM_LIMIT) ? 1 : 0;
}

function withBlame(b: Blame | undefined): { blame?: Blame } {
  return b ? { blame: b } : {};
}

function fmtCount(n: number): string {
  return n.toLocaleString('en-US');
}

export type { Alert, RuleName, Severity, StepRecord };
