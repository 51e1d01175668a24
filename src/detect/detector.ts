/**
 * The explosion detector: a fold over a stream of per-step numbers (`StepRecord`), returning the
 * alerts each step raises. It has no tfjs dependency: the live callback feeds it the statistics it
 * has just downloaded, and `gradwatch analyze` feeds it series read back from event files.
 *
 * A step has two halves. The gradient half (loss, gradient norms and non-finite counts) is known
 * before the update is applied, so alerts on it can still skip the update; the weight half (weights
 * after the update, update ratios) is known only after. `observe` takes both.
 */
import { fmt, gradsNonFinite, LayerHistory, weightsNonFinite } from './blame.js';
import { LossContext } from './loss-context.js';
import { type DetectorOptions, type ResolvedDetectorOptions, resolveDetectorOptions } from './options.js';
import { mad, median, Window } from './running.js';
import { LogScale } from './scale.js';
import type { Alert, Blame, LayerRecord, RuleName, Severity, StepRecord } from './types.js';

type Draft = Omit<Alert, 'first' | 'phase' | 'step'> & { key?: string };

export class Detector {
  readonly options: ResolvedDetectorOptions;
  readonly #history = new LayerHistory();
  /** The global gradient norm's scale: starting, current and lowest level. */
  readonly #norm: LogScale;
  readonly #loss: LossContext;
  /**
   * The highest log norm the run has shown to be healthy at: a spike the loss fell through (a run
   * leaving a plateau). The "far above its starting scale" test measures from here.
   */
  #accepted = Number.NEGATIVE_INFINITY;
  /** Consecutive steps whose loss passed the spike test, for a loss spike no gradient confirms. */
  #lossSpikeRun = 0;
  /** The last growth.climbSteps + 1 norms and losses, for the climb test. */
  readonly #climbNorms: Window;
  readonly #climbLosses: Window;
  /** Norm level and recent loss before the current run of rising steps. */
  #climbFrom = { norm: Number.NaN, lossCount: 0 };
  readonly #low = new Map<string, { run: number; zero: boolean }>();
  readonly #ratios = new Map<string, RatioState>();
  /** Measured steps in a row the forward pass amplified. */
  #growthRun = 0;
  /** Measured steps in a row each layer's output was dead (mostly zeros) or saturated. */
  readonly #activationRuns = { dead_units: new Map<string, number>(), saturation: new Map<string, number>() };
  readonly #lastFired = new Map<string, number>();
  #firstNonFinite: { step: number; what: 'gradients' | 'weights' | 'loss' } | undefined;

  /** Options are validated here (resolving resolved options again is a no-op). */
  constructor(options: DetectorOptions = {}) {
    this.options = resolveDetectorOptions(options);
    this.#norm = new LogScale(this.options.growth.window);
    this.#loss = new LossContext(this.options.lossSpike.window);
    this.#climbNorms = new Window(this.options.growth.climbSteps + 1);
    this.#climbLosses = new Window(this.options.growth.climbSteps + 1);
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
    } else if (g !== undefined && g > 0) {
      // An infinite norm with counts that say every value is finite: a float32 sum that overflowed.
      const x = Math.log(Math.min(g, Number.MAX_VALUE));
      if (this.#norm.count > 0) {
        if (on.grad_spike) drafts.push(...this.#spike(r, g, x));
        if (on.grad_growth && drafts.length === 0) drafts.push(...this.#growthRule(r, g));
      }
      this.#norm.push(x, r.step);
    }
    if (r.loss !== undefined) {
      if (!Number.isFinite(r.loss)) {
        this.#markNonFinite(r.step, 'loss');
        if (on.non_finite_loss) drafts.push(this.#nonFiniteLoss(r));
      } else {
        if (on.loss_spike) drafts.push(...this.#lossSpike(r.loss));
        this.#loss.push(r.loss);
      }
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
    const bad = layers.filter(weightsNonFinite);
    if (bad.length > 0) {
      this.#markNonFinite(r.step, 'weights');
      if (this.options.rules.non_finite_weights) drafts.push(this.#nonFiniteWeights(r, bad));
    }
    if (this.options.rules.update_ratio && !r.skipped) drafts.push(...this.#updateRatio(layers));
    if (this.options.rules.dead_units) drafts.push(...this.#activationRule('dead_units', layers));
    if (this.options.rules.saturation) drafts.push(...this.#activationRule('saturation', layers));
    if (this.options.rules.activation_growth) drafts.push(...this.#activationGrowth(layers));
    return this.#finish(r.step, drafts, 'weights');
  }

  /**
   * Converged: the loss, or the gradient norm when no loss is known (a custom loop), fell to a
   * thousandth of where it started. Tiny gradients and tiny updates are then the point.
   */
  #converged(): boolean {
    if (this.#loss.count > 0) return this.#loss.converged();
    const n = this.#norm;
    return n.count > 0 && n.level <= n.early + Math.log(CONVERGED);
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
    const affected = layers.filter(gradsNonFinite);
    const counted = layers.some((l) => l.gradNaN !== undefined);
    const nan = sum((l) => l.gradNaN);
    const posInf = sum((l) => l.gradPosInf);
    const negInf = sum((l) => l.gradNegInf);
    return {
      rule: 'non_finite_grad',
      severity: 'error',
      summary: counted
        ? `${fmtCount(count)} non-finite gradient values (NaN ${nan}, +Inf ${posInf}, -Inf ${negInf}) in ${affected.length || 'some'} of ${layers.length || '?'} layers`
        : `the gradient norm is ${globalNorm(r) ?? 'non-finite'} (no per-value counts in this data)`,
      value: count,
      threshold: 0,
      details: { nan, posInf, negInf, layersAffected: affected.length, layers: layers.length },
      ...withBlame(this.#history.blameNonFinite(layers)),
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
    const names = bad.slice(0, 3).map((l) => l.name);
    return {
      rule: 'non_finite_weights',
      severity: 'error',
      summary: `${count > 0 ? `${fmtCount(count)} non-finite weight values` : 'non-finite weights'} in ${bad.length} layer${bad.length > 1 ? 's' : ''} after the update (${names.join(', ')}${bad.length > 3 ? ', ...' : ''})`,
      value: count,
      threshold: 0,
      details: { count, layersAffected: bad.length },
      ...withBlame(this.#history.blameNonFinite(r.layers ?? [])),
    };
  }

  /**
   * A sudden jump: the norm an order of magnitude above its recent level while above its starting
   * scale, or an order of magnitude above its starting scale (and above any scale the run has shown
   * to be healthy at). Not while the loss falls: that is a run leaving a plateau, and its norm
   * becomes the healthy scale. An error when it is `errorFactor` times the level, or when its square
   * overflows float32 (optimizers that square it, like Adam, then write non-finite weights).
   */
  #spike(r: StepRecord, g: number, x: number): Draft[] {
    const o = this.options.spike;
    const n = this.#norm;
    const overLevel = x - n.level;
    const overEarly = x - n.early;
    const overHealthy = x - Math.max(n.early, this.#accepted);
    const overflow = g > FLOAT32_NORM_LIMIT;
    // The common case first: under `factor` on both counts, nothing more to compute.
    let limit = Math.log(o.factor);
    if (!(overLevel >= limit && overEarly >= 0) && !(overHealthy >= limit) && !overflow) return [];
    // Noisy runs (small batches, heavy tails) swing by more than 10x without exploding: there the
    // limit is also noiseZ spreads of log ||g||, unless the loss is climbing too (a few-step median
    // at least twice its best), which is how an explosion feeds on itself.
    const climbing = this.#loss.aboveBest(r.loss) >= LOSS_CLIMBING;
    if (!climbing) limit = Math.max(limit, o.noiseZ * n.spread);
    const byJump = overLevel >= limit && overEarly >= 0;
    const byScale = overHealthy >= limit;
    if (!byJump && !byScale && !overflow) return [];
    const error = overflow || overLevel >= Math.log(o.errorFactor) || overEarly >= Math.log(o.errorFactor);
    if (!error && this.#loss.falling(r.loss)) {
      this.#accepted = Math.max(this.#accepted, x);
      return [];
    }
    const ratio = Math.exp(overLevel);
    const early = Math.exp(n.early);
    const absorbed = r.clip?.clipped
      ? `; clipping applied, the update used a norm of ${fmt(r.clip.postClipNorm)}`
      : '';
    const why = overflow
      ? `; its square overflows float32 (above 3.4e38), so optimizers that square it write non-finite weights`
      : '';
    return [
      {
        rule: 'grad_spike',
        severity: error ? 'error' : 'warning',
        summary: `gradient norm ${fmt(g)} is ${fmt(ratio)}x its recent level ${fmt(Math.exp(n.level))} and ${fmt(g / early)}x its starting scale ${fmt(early)}, while the loss is not falling${why}${absorbed}`,
        value: Math.max(ratio, g / early),
        threshold: o.factor,
        details: {
          norm: g,
          level: Math.exp(n.level),
          ratioToLevel: ratio,
          startingScale: early,
          ratioToStart: g / early,
          limit: Math.exp(limit),
          lossClimbing: String(climbing),
          ...(overflow ? { overflow: 'true' } : {}),
          ...(r.clip ? { clipped: String(r.clip.clipped), postClipNorm: r.clip.postClipNorm } : {}),
        },
        ...withBlame(this.#history.blameDeviation()),
      },
    ];
  }

  /**
   * Slow compounding growth: the norm's level at least `factor` times its lowest level since the
   * first steps and above its starting scale, on a steady upward trend over `window` steps (at least
   * 2x, R² >= minR2), while the loss has not fallen over the same steps.
   */
  #growthRule(r: StepRecord, g: number): Draft[] {
    const climb = this.#climb(r, g);
    if (climb) return [climb];
    const o = this.options.growth;
    const n = this.#norm;
    if (!Number.isFinite(n.floor) || n.level - n.floor < Math.log(o.factor) || n.level < n.early) return [];
    const { factor, r2, points } = n.growth();
    if (!(factor >= 2 && r2 >= o.minR2)) return [];
    const lossChange = this.#loss.change(r.loss, points);
    if (lossChange < 0.5) return [];
    const sinceFloor = Math.exp(n.level - n.floor);
    return [
      {
        rule: 'grad_growth',
        severity: 'warning',
        summary: `gradient norm has grown ${fmt(sinceFloor)}x since step ${n.floorStep} (a steady ${fmt(factor)}x over the last ${points} steps, R² = ${fmt(r2)}), now ${fmt(g)}, while the loss ${lossChange >= 1 ? `rose ${fmt(lossChange)}x` : 'did not fall'}`,
        value: sinceFloor,
        threshold: o.factor,
        details: {
          norm: g,
          sinceLowest: sinceFloor,
          lowestAtStep: n.floorStep,
          trendFactor: factor,
          r2,
          window: points,
          lossChange,
        },
        ...withBlame(this.#history.blameDeviation()),
      },
    ];
  }

  /**
   * Positive feedback, in its first steps: the gradient norm and the loss both rose at every one of
   * the last `climbSteps` steps, each by at least `factor` in total. A run that learns has a falling
   * loss; noise does not rise that many steps in a row; a warm restart lifts the loss for a step or
   * two. Needs the loss (a custom loop that hides it from gradwatch only gets the slower trend rule).
   */
  #climb(r: StepRecord, g: number): Draft | undefined {
    const o = this.options.growth;
    const k = o.climbSteps;
    const gs = this.#climbNorms;
    const ls = this.#climbLosses;
    const loss = r.loss !== undefined && Number.isFinite(r.loss) && r.loss > 0 ? r.loss : Number.NaN;
    if (gs.length === 0 || !(gs.last() < g && ls.last() < loss)) {
      // A new climb could start here: remember the level it would be measured from, and where the
      // losses before it are (their median is taken only if the climb completes).
      this.#climbFrom = {
        norm: Math.max(g, this.#norm.count > 0 ? Math.exp(this.#norm.level) : g),
        lossCount: this.#loss.pushed,
      };
    }
    gs.push(g);
    ls.push(loss);
    if (gs.length <= k) return undefined;
    for (let i = 1; i <= k; i++) if (!(gs.at(i) > gs.at(i - 1) && ls.at(i) > ls.at(i - 1))) return undefined;
    // Measured from the levels before the climb, not from its first point: a climb that starts at
    // one lucky low batch is noise.
    const gUp = g / this.#climbFrom.norm;
    const before = this.#loss.medianBefore(this.#climbFrom.lossCount, 5);
    const lUp = loss / (Number.isNaN(before) ? ls.at(0) : Math.max(ls.at(0), before));
    if (!(gUp >= o.factor && lUp >= o.factor)) return undefined;
    return {
      rule: 'grad_growth',
      severity: 'warning',
      summary: `gradient norm and loss have both risen at each of the last ${k} steps, the norm ${fmt(gUp)}x (now ${fmt(g)}) and the loss ${fmt(lUp)}x: the updates are feeding the growth`,
      value: gUp,
      threshold: o.factor,
      details: { norm: g, normRise: gUp, lossRise: lUp, steps: k },
      ...withBlame(this.#history.blameDeviation()),
    };
  }

  /**
   * The loss an order of magnitude above its rolling median for `steps` steps in a row. One batch's
   * loss is noise (a heavy-tailed batch, a hard example), and a warm restart lifts it for a few steps:
   * neither is a warning. A loss `divergence` times its starting value is an error: the run diverged.
   */
  #lossSpike(loss: number): Draft[] {
    const o = this.options.lossSpike;
    const c = this.#loss;
    const w = c.window;
    const toStart = c.ratioToEarly(loss);
    if (c.count > 0 && toStart >= o.divergence) {
      this.#lossSpikeRun++;
      return [
        {
          rule: 'loss_spike',
          severity: 'error',
          summary: `loss ${fmt(loss)} is ${fmt(toStart)}x its starting value ${fmt(c.earlyMedian)}: the run has diverged`,
          value: toStart,
          threshold: o.divergence,
          details: { loss, startingLoss: c.earlyMedian, ratioToStart: toStart },
          ...withBlame(this.#history.blameDeviation()),
        },
      ];
    }
    if (w.length < o.minPoints) return [];
    // Cheap test first: a positive loss under factor x the window's minimum is under factor x its median.
    const floor = w.min();
    if (floor > 0 && loss < o.factor * floor) {
      this.#lossSpikeRun = 0;
      return [];
    }
    const m = median(w.values);
    const sigma = 1.4826 * mad(w.values, m);
    const z = (loss - m) / Math.max(sigma, 1e-3 * Math.abs(m), 1e-12);
    const ratio = m > 0 ? loss / m : Number.NaN;
    if (!(z >= o.madZ && (m <= 0 || ratio >= o.factor))) {
      this.#lossSpikeRun = 0;
      return [];
    }
    this.#lossSpikeRun++;
    if (this.#lossSpikeRun < o.steps) return [];
    return [
      {
        rule: 'loss_spike',
        severity: 'warning',
        summary: `loss ${fmt(loss)} is ${Number.isNaN(ratio) ? '' : `${fmt(ratio)}x and `}${fmt(z)} robust deviations above its rolling median ${fmt(m)}, for ${this.#lossSpikeRun} steps in a row`,
        value: Number.isNaN(ratio) ? z : ratio,
        threshold: o.factor,
        details: {
          loss,
          median: m,
          robustZ: z,
          ratioToMedian: ratio,
          steps: this.#lossSpikeRun,
        },
        ...withBlame(this.#history.blameDeviation()),
      },
    ];
  }

  /**
   * Layers whose gradients are a tiny fraction of the largest layer's (or exactly zero) for `window`
   * steps in a row. Not once the loss has converged (tiny gradients are then the point). One alert
   * names the worst layer: for dead layers the one nearest the output (it blocks the gradient of every
   * layer before it), else the one furthest below the others.
   */
  #vanishing(layers: readonly LayerRecord[]): Draft[] {
    const o = this.options.vanishing;
    let max = 0;
    for (const l of layers)
      if (l.gradNorm !== undefined && Number.isFinite(l.gradNorm) && l.gradNorm > max) max = l.gradNorm;
    if (!(max > 0)) return [];
    const low: Array<{ l: LayerRecord; index: number; rel: number; zero: boolean; run: number }> = [];
    layers.forEach((l, index) => {
      if (l.gradNorm === undefined || !Number.isFinite(l.gradNorm)) return;
      const s = this.#low.get(l.name) ?? { run: 0, zero: true };
      const rel = l.gradNorm / max;
      if (rel < o.relative) {
        s.run++;
        s.zero &&= l.gradNorm === 0;
      } else {
        s.run = 0;
        s.zero = true;
      }
      this.#low.set(l.name, s);
      if (s.run >= o.window) low.push({ l, index, rel, zero: s.zero, run: s.run });
    });
    if (low.length === 0 || this.#converged()) return [];
    const dead = low.filter((x) => x.zero);
    const worst =
      dead.length > 0 ? dead.sort((a, b) => b.index - a.index)[0]! : low.sort((a, b) => a.rel - b.rel)[0]!;
    const others = low.length - 1;
    const name = worst.l.name;
    return [
      {
        rule: 'vanishing',
        severity: 'warning',
        summary:
          (worst.zero
            ? `layer ${name} is dead: its gradients have been exactly zero for ${worst.run} steps`
            : `layer ${name}'s gradient norm has stayed under ${fmt(o.relative)} of the largest layer's for ${worst.run} steps (now ${fmt(worst.l.gradNorm!)}, ${fmt(worst.rel)} of it)`) +
          (others > 0
            ? `; ${others} other layer${others > 1 ? 's' : ''} too (${low
                .filter((x) => x !== worst)
                .slice(0, 3)
                .map((x) => x.l.name)
                .join(', ')}${others > 3 ? ', ...' : ''})`
            : ''),
        value: worst.l.gradNorm!,
        threshold: o.relative * max,
        details: {
          layer: name,
          gradNorm: worst.l.gradNorm!,
          relativeToLargest: worst.rel,
          steps: worst.run,
          dead: String(worst.zero),
          layersAffected: low.length,
          // Every affected layer, worst first, with its norm relative to the largest layer's.
          ranked: [...low]
            .sort((a, b) => (a.zero === b.zero ? a.rel - b.rel : a.zero ? -1 : 1))
            .map((x) => `${x.l.name} (${x.zero ? 'dead' : fmt(x.rel)})`)
            .join(', '),
        },
        blame: {
          layer: name,
          reason: worst.zero
            ? dead.length > 1
              ? 'its gradients are exactly zero and it is the dead layer nearest the output, which blocks the gradient of the layers before it'
              : 'its gradients are exactly zero'
            : 'its gradient norm is the furthest below the other layers',
          share: Number.NaN,
          top: this.#history.shares().slice(0, 3),
        },
      },
    ];
  }

  /**
   * Activations, at the steps they were measured: a layer whose output is `fraction` exact zeros
   * (dead ReLU units: no gradient flows through them) or `fraction` saturated (tanh or sigmoid at
   * their flat ends: the gradient through them is nearly zero), `steps` measurements in a row. The
   * model's last layer is not judged for saturation: confident predictions saturate by design. One
   * alert names the layer nearest the input (its units starve every layer after it).
   */
  #activationRule(rule: 'dead_units' | 'saturation', layers: readonly LayerRecord[]): Draft[] {
    const o = rule === 'dead_units' ? this.options.deadUnits : this.options.saturation;
    const runs = this.#activationRuns[rule];
    const hits: Array<{ l: LayerRecord; value: number; run: number }> = [];
    const measured = layers.filter((l) => l.activation !== undefined);
    measured.forEach((l) => {
      const v = rule === 'dead_units' ? l.activation!.zeroFraction : l.activation!.saturatedFraction;
      if (v === undefined || !Number.isFinite(v) || (rule === 'saturation' && l.activation!.output)) return;
      const run = v >= o.fraction ? (runs.get(l.name) ?? 0) + 1 : 0;
      runs.set(l.name, run);
      if (run >= o.steps) hits.push({ l, value: v, run });
    });
    if (hits.length === 0 || (rule === 'saturation' && this.#converged())) return [];
    const first = hits[0]!;
    const others = hits.length - 1;
    const what = rule === 'dead_units' ? 'exactly zero' : 'saturated';
    return [
      {
        rule,
        severity: 'warning',
        summary:
          `layer ${first.l.name}'s output is ${fmt(100 * first.value)}% ${what} at ${first.run} measured steps in a row` +
          (others > 0
            ? `; ${others} other layer${others > 1 ? 's' : ''} too (${hits
                .slice(1, 4)
                .map((h) => h.l.name)
                .join(', ')}${others > 3 ? ', ...' : ''})`
            : ''),
        value: first.value,
        threshold: o.fraction,
        details: {
          layer: first.l.name,
          fraction: first.value,
          steps: first.run,
          layersAffected: hits.length,
        },
        blame: {
          layer: first.l.name,
          reason:
            rule === 'dead_units'
              ? 'its units output exactly zero for nearly the whole batch, so no gradient flows through them'
              : 'its units sit at the flat ends of their activation, where the gradient is nearly zero',
          share: Number.NaN,
          top: this.#history.shares().slice(0, 3),
        },
      },
    ];
  }

  /**
   * The forward pass amplifying: max |a| grows at least `factor` times from each layer to the next
   * over `layers` layers in a row (in forward order), at `steps` measured steps in a row. A layer
   * whose output is all zeros (max |a| = 0, a dead layer) amplifies nothing: what follows it is not
   * growth, however small. Blame: the first layer that amplifies, the one after the run's base (the
   * base is measured not to: it is under `factor` times the layer before it); when the run starts at
   * the first measured layer, whose input is not measured and cannot be cleared, that layer.
   */
  #activationGrowth(layers: readonly LayerRecord[]): Draft[] {
    const o = this.options.activationGrowth;
    const acts = layers.filter(
      (l) => l.activation?.maxAbs !== undefined && Number.isFinite(l.activation.maxAbs),
    );
    if (acts.length === 0) return [];
    let best: { from: number; to: number } | undefined;
    let start = 0;
    for (let i = 1; i <= acts.length; i++) {
      const prev = i < acts.length ? acts[i - 1]!.activation!.maxAbs! : 0;
      const grows = prev > 0 && acts[i]!.activation!.maxAbs! >= o.factor * prev;
      if (grows) continue;
      if (i - 1 - start >= o.layers && (!best || i - 1 - start > best.to - best.from))
        best = { from: start, to: i - 1 };
      start = i;
    }
    this.#growthRun = best ? this.#growthRun + 1 : 0;
    if (!best || this.#growthRun < o.steps) return [];
    const a = acts[best.from]!;
    const b = acts[best.to]!;
    const total = b.activation!.maxAbs! / a.activation!.maxAbs!;
    const culprit = best.from === 0 ? a : acts[best.from + 1]!;
    return [
      {
        rule: 'activation_growth',
        severity: 'warning',
        summary: `the forward pass amplifies: max |a| grows at least ${fmt(o.factor)}x at each of ${best.to - best.from} layers from ${a.name} to ${b.name} (${fmt(total)}x in all), ${this.#growthRun} measured steps in a row`,
        value: total,
        threshold: o.factor ** o.layers,
        details: {
          from: a.name,
          to: b.name,
          layers: best.to - best.from,
          ratio: total,
          steps: this.#growthRun,
        },
        blame: {
          layer: culprit.name,
          reason:
            culprit === a
              ? 'the activations grow layer after layer from its output on (the first layer measured: its input is not)'
              : `its max |a| is at least ${fmt(o.factor)}x the previous layer's (${a.name}, which is not ${fmt(o.factor)}x the one before it): the first of ${best.to - best.from} layers in a row that amplify`,
          share: Number.NaN,
          top: this.#history.shares().slice(0, 3),
        },
      },
    ];
  }

  /**
   * Per layer, with ||Δw||/||w|| measured against the weights the update was applied to: an update
   * `extreme` times the weights (an error, from the first step: the clearest early sign of a learning
   * rate or an initialisation that will explode), updates as large as the weights for `highSteps`
   * measured steps in a row (the weights are being replaced, not tuned), or a median ratio under
   * `low` over `window` measured steps (not learning; not once the run has converged).
   */
  #updateRatio(layers: readonly LayerRecord[]): Draft[] {
    const o = this.options.updateRatio;
    const out: Draft[] = [];
    for (const l of layers) {
      const u = l.updateRatio;
      if (u === undefined || !Number.isFinite(u)) continue;
      let st = this.#ratios.get(l.name);
      if (!st) {
        st = { measured: 0, highRun: 0, window: new RatioWindow(o.window, o.low) };
        this.#ratios.set(l.name, st);
      }
      st.measured++;
      st.window.push(u);
      st.highRun = u >= o.high ? st.highRun + 1 : 0;
      // An update an order of magnitude larger than the weights it was applied to wipes the layer out,
      // from the very first step: no optimizer step recovers from that at the same learning rate.
      const extreme = u >= o.extreme;
      const high = extreme || st.highRun >= o.highSteps;
      const low = !high && st.window.full && st.window.below * 2 > st.window.size && !this.#converged();
      if (!high && !low) continue;
      const m = high ? u : median(st.window.values);
      out.push({
        rule: 'update_ratio',
        key: `update_ratio:${l.name}`,
        severity: extreme ? 'error' : 'warning',
        summary: extreme
          ? `layer ${l.name}'s update is ${fmt(u)}x the weights it was applied to (||Δw||/||w||; rule of thumb: about 1e-3): the step replaced the layer's weights`
          : high
            ? `layer ${l.name}'s updates are as large as its weights: ||Δw||/||w|| = ${fmt(u)}, at least ${fmt(o.high)} for ${st.highRun} measured steps in a row (rule of thumb: about 1e-3)`
            : `layer ${l.name}'s update ratio ||Δw||/||w|| has a median of ${fmt(m)} over ${st.window.length} measured steps, below ${fmt(o.low)}: it is not learning (rule of thumb: about 1e-3)`,
        value: m,
        threshold: extreme ? o.extreme : high ? o.high : o.low,
        details: {
          layer: l.name,
          ratio: m,
          steps: high ? st.highRun : st.window.length,
          direction: high ? 'high' : 'low',
        },
        blame: {
          layer: l.name,
          reason: `its own updates are ${high ? 'as large as' : 'tiny relative to'} its weights`,
          share: Number.NaN,
          top: this.#history.shares().slice(0, 3),
        },
      });
    }
    return out;
  }
}

interface RatioState {
  measured: number;
  highRun: number;
  window: RatioWindow;
}

/** A window of update ratios that counts how many lie below `low`. */
class RatioWindow extends Window {
  below = 0;
  constructor(
    size: number,
    readonly low: number,
  ) {
    super(size);
  }
  override push(x: number): void {
    if (this.full && this.oldest() < this.low) this.below--;
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
 * update turns the weights non-finite even though every gradient value is finite: a spike that is
 * an error.
 */
/** The loss is climbing when its few-step median is at least this many times the best one. */
const LOSS_CLIMBING = 2;

/** The fraction of its starting value at which the loss (or the gradient norm) has converged. */
const CONVERGED = 1e-3;

export const FLOAT32_NORM_LIMIT = Math.sqrt(3.4028234663852886e38);

/** Non-finite gradient values: the counts, or without counts (a logged norm series) a NaN/Inf norm. */
function gradNonFinite(r: StepRecord, g: number | undefined): number {
  const counted = r.gradNonFinite ?? (r.layers ?? []).reduce((a, l) => a + (l.gradNonFinite ?? 0), 0);
  if (counted > 0) return counted;
  const layers = r.layers ?? [];
  if (layers.some((l) => l.gradNaN !== undefined)) return 0;
  return g !== undefined && !Number.isFinite(g) ? 1 : 0;
}

function withBlame(b: Blame | undefined): { blame?: Blame } {
  return b ? { blame: b } : {};
}

function fmtCount(n: number): string {
  return n.toLocaleString('en-US');
}

export type { Alert, RuleName, Severity, StepRecord };
