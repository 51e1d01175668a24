/**
 * Per-layer history for blame. A single step rarely says which layer is at fault: one NaN anywhere
 * makes every upstream gradient NaN in the same backward pass, and a spike shows in every layer the
 * gradient flows through. What does say it is time: the layer whose own gradient norm left its range
 * first and stayed out (its onset: a jump over its recent level, or a slow drift above its own lowest
 * level), whose weights went non-finite first, or (when only some layers went non-finite) the one
 * nearest the output, since backpropagation carries a non-finite value from there to the input side.
 * Without any onset (an explosion in the first steps), a layer whose weights are an order of
 * magnitude larger than every other layer's, and whose updates are as much smaller, is the suspect.
 */
import { Ema, median, trend, Window } from './running.js';
import type { Blame, LayerRecord, LayerShare } from './types.js';

/** Its range: a slow EMA of log ||g|| (about the last 20 steps) and its spread. */
const SLOW_ALPHA = 0.95;
/** The layer is out of range when its norm is this many times its slow level ... */
const OUT_RATIO = Math.log(2);
/** ... and this many spreads above it ... */
const OUT_Z = 3;
/** ... for this many steps in a row (one noisy batch is not an onset); back when under BACK_RATIO. */
const OUT_STEPS = 2;
const BACK_RATIO = Math.log(1.25);
/** Steps of a layer's own history before its departures count. */
const LAYER_WARMUP = 3;
/**
 * A drift: over its last DRIFT_WINDOW steps (at least DRIFT_MIN), the layer's log norm follows a
 * straight line (R² >= DRIFT_R2) that at least doubles it: slow, steady growth that no jump test
 * sees, because its own recent level follows it.
 */
const DRIFT_WINDOW = 30;
const DRIFT_MIN = 10;
const DRIFT_R2 = 0.8;
const DRIFT_FACTOR = Math.log(2);
/** Oversized weights: ||w|| this many times the other layers' median, and ||Δw||/||w|| as many times smaller. */
const OVERSIZED = 10;

interface LayerState {
  index: number;
  slow: Ema;
  /** Consecutive steps out of range, and the first of them. */
  outRun: number;
  outFrom: number;
  /** Onset of the current sustained departure, if the layer is out. */
  since?: number;
  /** Latest norm over its slow level. */
  ratio: number;
  /** Its last log norms and their steps, for drifts (fitted only when an alert asks for blame). */
  recent: Window;
  recentSteps: Window;
  /** Latest measured weight norm and update ratio. */
  weightNorm: number;
  updateRatio: number;
  lastFiniteNorm: number;
  firstNonFiniteWeights?: number;
  firstNonFiniteGrad?: number;
}

export class LayerHistory {
  #layers = new Map<string, LayerState>();

  #state(name: string, index: number): LayerState {
    let s = this.#layers.get(name);
    if (!s) {
      s = {
        index,
        slow: new Ema(SLOW_ALPHA),
        outRun: 0,
        outFrom: 0,
        ratio: Number.NaN,
        recent: new Window(DRIFT_WINDOW),
        recentSteps: new Window(DRIFT_WINDOW),
        weightNorm: Number.NaN,
        updateRatio: Number.NaN,
        lastFiniteNorm: Number.NaN,
      };
      this.#layers.set(name, s);
    }
    s.index = index;
    return s;
  }

  /** Takes the gradient half of a step (call before blaming anything for that step). */
  observeGradients(step: number, layers: readonly LayerRecord[]): void {
    for (let i = 0; i < layers.length; i++) {
      const l = layers[i]!;
      const s = this.#state(l.name, i);
      // Before this step's update ranks ahead of every layer that goes non-finite in the update.
      if ((l.weightNonFiniteBefore ?? 0) > 0) s.firstNonFiniteWeights ??= step - 0.5;
      if (gradsNonFinite(l)) {
        s.firstNonFiniteGrad ??= step;
        continue;
      }
      const g = l.gradNorm;
      // An infinite norm of finite values (a float32 sum that overflowed): the largest share, no range.
      if (g === Number.POSITIVE_INFINITY) s.lastFiniteNorm = g;
      if (g === undefined || !(g > 0) || !Number.isFinite(g)) continue;
      const x = Math.log(g);
      if (s.slow.count >= LAYER_WARMUP) {
        const d = x - s.slow.mean;
        s.ratio = Math.exp(d);
        if (d >= OUT_RATIO && d >= OUT_Z * Math.max(s.slow.std, 0.05)) {
          if (s.outRun++ === 0) s.outFrom = step;
          if (s.outRun >= OUT_STEPS) s.since ??= s.outFrom;
        } else {
          s.outRun = 0;
          if (d < BACK_RATIO) delete s.since;
        }
      }
      s.recent.push(x);
      s.recentSteps.push(step);
      // Like ZClip, the range takes a clamped value, so a departure does not become the new normal.
      const cap = s.slow.count >= LAYER_WARMUP ? s.slow.mean + OUT_Z * Math.max(s.slow.std, 0.05) : x;
      s.slow.update(Math.min(x, cap));
      s.lastFiniteNorm = g;
    }
  }

  /** Takes the weight half of a step. */
  observeWeights(step: number, layers: readonly LayerRecord[]): void {
    layers.forEach((l, i) => {
      const s = this.#state(l.name, i);
      if (weightsNonFinite(l)) s.firstNonFiniteWeights ??= step;
      if (l.weightNorm !== undefined && Number.isFinite(l.weightNorm)) s.weightNorm = l.weightNorm;
      if (l.updateRatio !== undefined && Number.isFinite(l.updateRatio)) s.updateRatio = l.updateRatio;
    });
  }

  /**
   * A layer whose weights are OVERSIZED times the median of the others' and whose update ratio is
   * OVERSIZED times smaller: it amplifies what flows through it (the layers after it see huge inputs,
   * the layers before it huge gradients) while its own updates barely move it. Its initialisation, or
   * whatever set its weights, is the suspect.
   */
  #oversized(): Blame | undefined {
    const known = [...this.#layers.entries()].filter(
      ([, s]) => s.weightNorm > 0 && s.updateRatio > 0 && Number.isFinite(s.updateRatio),
    );
    if (known.length < 3) return undefined;
    const hits = known.filter(([name, s]) => {
      const others = known.filter(([n]) => n !== name);
      const w = median(others.map(([, o]) => o.weightNorm));
      const u = median(others.map(([, o]) => o.updateRatio));
      return s.weightNorm >= OVERSIZED * w && s.updateRatio * OVERSIZED <= u;
    });
    if (hits.length !== 1) return undefined;
    const [name, s] = hits[0]!;
    const w = median(known.filter(([n]) => n !== name).map(([, o]) => o.weightNorm));
    return this.#blame(
      name,
      `its weights are far larger than the other layers' (norm ${fmt(s.weightNorm)}, ${fmt(s.weightNorm / w)}x their median) while its updates are tiny relative to them: it amplifies what flows through it; check its initialisation or whatever set its weights`,
    );
  }

  /** Shares of ||g||² from each layer's last finite norm, largest first. */
  shares(): LayerShare[] {
    const rows = [...this.#layers.entries()]
      .filter(([, s]) => !Number.isNaN(s.lastFiniteNorm))
      .map(([layer, s]) => ({ layer, gradNorm: s.lastFiniteNorm, share: 0 }));
    // Norms that overflowed dominate every finite one: they share the whole.
    const overflowed = rows.filter((r) => r.gradNorm === Number.POSITIVE_INFINITY).length;
    const total = rows.reduce((a, r) => a + r.gradNorm * r.gradNorm, 0);
    for (const r of rows) {
      r.share =
        overflowed > 0
          ? r.gradNorm === Number.POSITIVE_INFINITY
            ? 1 / overflowed
            : 0
          : total > 0
            ? (r.gradNorm * r.gradNorm) / total
            : Number.NaN;
    }
    return rows.sort((a, b) => b.share - a.share);
  }

  #blame(layer: string, reason: string, since?: number): Blame {
    const shares = this.shares();
    return {
      layer,
      reason,
      share: shares.find((r) => r.layer === layer)?.share ?? Number.NaN,
      ...(since === undefined ? {} : { since }),
      top: shares.slice(0, 3),
    };
  }

  /** For spikes and growth: the layer that deviated first, else the largest share. */
  blameDeviation(): Blame | undefined {
    // Onset: the earliest current departure, a jump over its recent level or a steady drift.
    const onsets = [...this.#layers.entries()].flatMap(([name, s]) => {
      const drift = driftOf(s);
      const since = Math.min(s.since ?? Infinity, drift?.since ?? Infinity);
      return Number.isFinite(since)
        ? [{ name, s, since, drift: drift?.since === since ? drift : undefined }]
        : [];
    });
    if (onsets.length > 0) {
      onsets.sort(
        (a, b) => a.since - b.since || (b.drift?.factor ?? b.s.ratio) - (a.drift?.factor ?? a.s.ratio),
      );
      const { name, s, since, drift } = onsets[0]!;
      const others = onsets.length - 1;
      const how = drift
        ? `its gradient norm has grown steadily the longest (${fmt(drift.factor)}x over the last ${drift.steps} steps, R² = ${fmt(drift.r2)}, from step ${since})`
        : `its gradient norm left its own range first and stayed out (from step ${since}; now ${fmt(s.ratio)}x its usual level)`;
      return this.#blame(
        name,
        how + (others > 0 ? `; ${others} other layer${others > 1 ? 's' : ''} followed` : ''),
        since,
      );
    }
    const oversized = this.#oversized();
    if (oversized) return oversized;
    const rising = [...this.#layers.entries()]
      .filter(([, s]) => s.ratio >= 1.5)
      .sort(([, a], [, b]) => b.ratio - a.ratio)[0];
    if (rising) {
      return this.#blame(
        rising[0],
        `its gradient norm rose the most relative to its own usual level (${fmt(rising[1].ratio)}x)`,
      );
    }
    const top = this.shares()[0];
    return top
      ? this.#blame(top.layer, 'it carries the largest share of the squared gradient norm')
      : undefined;
  }

  /**
   * For non-finite values in this step's `layers`: the layer whose weights went non-finite first; else, if only
   * some layers' gradients went non-finite, the one nearest the output; else the first to deviate
   * before, or the one growing fastest relative to its own average.
   */
  blameNonFinite(layers: readonly LayerRecord[]): Blame | undefined {
    const all = [...this.#layers.entries()];
    const weights = all.filter(([, s]) => s.firstNonFiniteWeights !== undefined);
    if (weights.length > 0) {
      const first = Math.min(...weights.map(([, s]) => s.firstNonFiniteWeights!));
      const at = weights.filter(([, s]) => s.firstNonFiniteWeights === first);
      // Several layers' weights turning non-finite in the same update say nothing about which one
      // started it: the other evidence decides.
      if (at.length === 1) {
        const [name] = at[0]!;
        const when = Number.isInteger(first)
          ? `at step ${first}`
          : `before the update of step ${first + 0.5}`;
        return this.#blame(
          name,
          `its weights went non-finite first (${when}), before any other layer's`,
          Math.ceil(first),
        );
      }
    }
    const withGrad = layers.filter((l) => l.gradNorm !== undefined || l.gradNonFinite !== undefined);
    const bad = withGrad.filter(gradsNonFinite);
    if (bad.length > 0 && bad.length < withGrad.length) {
      const last = bad[bad.length - 1]!;
      return this.#blame(
        last.name,
        'it is the non-finite layer nearest the output; backpropagation carried the non-finite values from it to the layers before it',
      );
    }
    const deviated = this.blameDeviation();
    if (deviated?.since !== undefined) return deviated;
    const growing = all
      .filter(([, s]) => Number.isFinite(s.ratio))
      .sort(([, a], [, b]) => b.ratio - a.ratio)[0];
    if (growing && growing[1].ratio > 1) {
      return this.#blame(
        growing[0],
        `its gradient norm was growing fastest just before (${fmt(growing[1].ratio)}x its average)`,
      );
    }
    return deviated;
  }
}

/** A layer's steady drift over its recent steps, if it has one: growth factor, fit, and first step. */
function driftOf(s: LayerState): { factor: number; r2: number; steps: number; since: number } | undefined {
  const n = s.recent.length;
  if (n < DRIFT_MIN) return undefined;
  const { slope, r2 } = trend(s.recent.values);
  if (r2 < DRIFT_R2 || slope * (n - 1) < DRIFT_FACTOR) return undefined;
  return { factor: Math.exp(slope * (n - 1)), r2, steps: n, since: s.recentSteps.values[0]! };
}

/**
 * Whether a layer's weights hold a NaN or an infinity. Counts decide when present (a finite weight
 * whose square overflows float32 can make a float32 norm infinite); without counts (a logged norm
 * series), a non-finite norm is taken as non-finite weights.
 */
export function weightsNonFinite(l: LayerRecord): boolean {
  if (l.weightNonFinite !== undefined) return l.weightNonFinite > 0;
  return l.weightNorm !== undefined && !Number.isFinite(l.weightNorm);
}

/** Whether a layer's gradients hold a NaN or an infinity (counts decide when present, as for weights). */
export function gradsNonFinite(l: LayerRecord): boolean {
  if (l.gradNonFinite !== undefined && (l.gradNonFinite > 0 || l.gradNaN !== undefined))
    return l.gradNonFinite > 0;
  return l.gradNorm !== undefined && !Number.isFinite(l.gradNorm);
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e4 || a < 1e-3)) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}
