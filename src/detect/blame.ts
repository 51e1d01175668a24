/**
 * Per-layer history for blame. A single step rarely says which layer is at fault: one NaN anywhere
 * makes every upstream gradient NaN in the same backward pass, and a spike shows in every layer the
 * gradient flows through. What does say it is time: the layer whose own norm left its usual range
 * first, whose weights went non-finite first, or (when only some layers went non-finite) the one
 * nearest the output, since backpropagation carries a non-finite value from there to the input side.
 */
import { Ema } from './running.js';
import type { Blame, LayerRecord, LayerShare } from './types.js';

/** Per-layer EMA factor of log ||g||: faster than the global one, so the first mover stands out. */
const LAYER_ALPHA = 0.9;
/** A layer deviates when log ||g|| is this many EMA sigmas above its mean ... */
const DEVIATION_Z = 3;
/** ... and at least this many times its EMA level; it is back when under RECOVERED times. */
const DEVIATION_RATIO = 2;
const RECOVERED_RATIO = 1.25;
/** Steps of a layer's own history before its deviations count. */
const LAYER_WARMUP = 5;

interface LayerState {
  index: number;
  ema: Ema;
  /** First step of the current deviation, if the layer is deviating. */
  since?: number;
  /** Latest ratio of ||g|| to its EMA level. */
  ratio: number;
  lastFiniteNorm: number;
  firstNonFiniteWeights?: number;
  firstNonFiniteGrad?: number;
}

export class LayerHistory {
  #layers = new Map<string, LayerState>();

  #state(name: string, index: number): LayerState {
    let s = this.#layers.get(name);
    if (!s) {
      s = { index, ema: new Ema(LAYER_ALPHA), ratio: Number.NaN, lastFiniteNorm: Number.NaN };
      this.#layers.set(name, s);
    }
    s.index = index;
    return s;
  }

  /** Takes the gradient half of a step (call before blaming anything for that step). */
  observeGradients(step: number, layers: readonly LayerRecord[]): void {
    layers.forEach((l, i) => {
      const s = this.#state(l.name, i);
      // Before this step's update ranks ahead of every layer that goes non-finite in the update.
      if ((l.weightNonFiniteBefore ?? 0) > 0) s.firstNonFiniteWeights ??= step - 0.5;
      if ((l.gradNonFinite ?? 0) > 0 || (l.gradNorm !== undefined && !Number.isFinite(l.gradNorm))) {
        s.firstNonFiniteGrad ??= step;
        return;
      }
      const g = l.gradNorm;
      if (g === undefined || !(g > 0)) return;
      const x = Math.log(g);
      if (s.ema.count >= LAYER_WARMUP) {
        s.ratio = Math.exp(x - s.ema.mean);
        if (s.ema.z(x) >= DEVIATION_Z && s.ratio >= DEVIATION_RATIO) s.since ??= step;
        else if (s.ratio < RECOVERED_RATIO) delete s.since;
      }
      // Like ZClip, the EMA takes a clamped value, so one spike does not become the new normal.
      const cap = s.ema.count >= LAYER_WARMUP ? s.ema.mean + DEVIATION_Z * Math.max(s.ema.std, 0.05) : x;
      s.ema.update(Math.min(x, cap));
      s.lastFiniteNorm = g;
    });
  }

  /** Takes the weight half of a step. */
  observeWeights(step: number, layers: readonly LayerRecord[]): void {
    layers.forEach((l, i) => {
      const s = this.#state(l.name, i);
      const bad =
        (l.weightNonFinite ?? 0) > 0 || (l.weightNorm !== undefined && !Number.isFinite(l.weightNorm));
      if (bad) s.firstNonFiniteWeights ??= step;
    });
  }

  /** Shares of ||g||² from each layer's last finite norm, largest first. */
  shares(): LayerShare[] {
    const rows = [...this.#layers.entries()]
      .filter(([, s]) => Number.isFinite(s.lastFiniteNorm))
      .map(([layer, s]) => ({ layer, gradNorm: s.lastFiniteNorm, share: 0 }));
    const total = rows.reduce((a, r) => a + r.gradNorm * r.gradNorm, 0);
    for (const r of rows) r.share = total > 0 ? (r.gradNorm * r.gradNorm) / total : Number.NaN;
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
    const deviating = [...this.#layers.entries()].filter(([, s]) => s.since !== undefined);
    if (deviating.length > 0) {
      deviating.sort(([, a], [, b]) => a.since! - b.since! || b.ratio - a.ratio);
      const [name, s] = deviating[0]!;
      const others = deviating.length - 1;
      return this.#blame(
        name,
        `its gradient norm left its own recent range first (step ${s.since}, now ${fmt(s.ratio)}x its average)` +
          (others > 0 ? `; ${others} other layer${others > 1 ? 's' : ''} followed` : ''),
        s.since,
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
      const at = weights
        .filter(([, s]) => s.firstNonFiniteWeights === first)
        .sort(([, a], [, b]) => a.index - b.index);
      const [name] = at[0]!;
      const when = Number.isInteger(first) ? `at step ${first}` : `before the update of step ${first + 0.5}`;
      return this.#blame(
        name,
        `its weights went non-finite first (${when}), before any other layer's`,
        Math.ceil(first),
      );
    }
    const withGrad = layers.filter((l) => l.gradNorm !== undefined || l.gradNonFinite !== undefined);
    const bad = withGrad.filter((l) => (l.gradNonFinite ?? 0) > 0 || !Number.isFinite(l.gradNorm ?? 0));
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

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e4 || a < 1e-3)) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}
