/**
 * The loss as context for the gradient rules. A gradient that jumps while the loss falls is a run
 * leaving a plateau, not an explosion; tiny gradients at a loss near zero are convergence, not a
 * vanishing layer; and an explosion feeds on itself, so its loss stops falling. The loss of one batch
 * is noisy (one heavy-tailed batch can be 10x the others), so the context uses medians of a few steps.
 */
import { median, Window } from './running.js';

/** Losses whose median is the starting loss. */
const EARLY_STEPS = 10;
/** Recent losses (the current one included) whose median is "the loss now". */
const NOW_STEPS = 5;
/** The loss now is "falling" when under this fraction of the median of the steps before. */
const FALLING = 0.8;
/** The loss has "converged" at or below this fraction of its starting value. */
const CONVERGED = 1e-3;

export class LossContext {
  readonly #early: number[] = [];
  earlyMedian = Number.NaN;
  readonly window: Window;
  last = Number.NaN;

  constructor(window: number) {
    this.window = new Window(Math.max(window, 2 * NOW_STEPS));
  }

  get count(): number {
    return this.window.length;
  }

  /** Finite losses pushed so far. */
  pushed = 0;

  /** Median of the `n` losses pushed before the `at`-th push (NaN if they left the window). */
  medianBefore(at: number, n: number): number {
    const end = this.window.length - (this.pushed - at);
    if (end <= 0) return Number.NaN;
    const out: number[] = [];
    for (let i = Math.max(0, end - n); i < end; i++) out.push(this.window.at(i));
    return median(out);
  }

  push(loss: number): void {
    if (!Number.isFinite(loss)) return;
    if (this.#early.length < EARLY_STEPS) {
      this.#early.push(loss);
      this.earlyMedian = median(this.#early);
    }
    this.window.push(loss);
    this.pushed++;
    this.last = loss;
  }

  /**
   * Whether `loss` (this step's, not yet pushed) shows the loss falling: below most of the recent
   * steps and, smoothed over a few steps, clearly under what came before.
   */
  falling(loss: number | undefined): boolean {
    const w = this.window.values;
    if (loss === undefined || !Number.isFinite(loss) || w.length === 0) return false;
    const before = median(w.slice(-2 * NOW_STEPS));
    if (!(loss < before)) return false;
    if (loss < FALLING * before || w.length < 2 * NOW_STEPS) return loss < FALLING * before;
    const now = median([...w.slice(-(NOW_STEPS - 1)), loss]);
    const earlier = median(w.slice(-2 * NOW_STEPS, -(NOW_STEPS - 1)));
    return now < FALLING * earlier;
  }

  /** The loss now, relative to the lowest a few-step median reached in the window (>= 1). */
  aboveBest(loss: number | undefined): number {
    const w = this.window.values;
    if (loss === undefined || !Number.isFinite(loss) || w.length < NOW_STEPS) return Number.NaN;
    const now = median([...w.slice(-(NOW_STEPS - 1)), loss]);
    let best = Number.POSITIVE_INFINITY;
    for (let i = NOW_STEPS; i <= w.length; i++) best = Math.min(best, median(w.slice(i - NOW_STEPS, i)));
    return best > 0 ? now / best : Number.NaN;
  }

  /**
   * The loss now over the loss `steps` ago, each a median of a few steps (NaN without enough history):
   * under 1 it fell, above 1 it rose.
   */
  change(loss: number | undefined, steps: number): number {
    const w = this.window.values;
    if (loss === undefined || !Number.isFinite(loss) || w.length < steps + NOW_STEPS - 1) return Number.NaN;
    const now = median([...w.slice(-(NOW_STEPS - 1)), loss]);
    const end = w.length - steps + 1;
    const then = median(w.slice(Math.max(0, end - NOW_STEPS), end));
    return then > 0 ? now / then : Number.NaN;
  }

  /** Whether the run has converged: the recent losses are a tiny fraction of the starting loss. */
  converged(): boolean {
    const w = this.window.values;
    if (w.length < NOW_STEPS || !(this.earlyMedian > 0)) return false;
    return median(w.slice(-NOW_STEPS)) <= CONVERGED * this.earlyMedian;
  }

  /** The loss relative to the starting loss (NaN if unknown or not positive). */
  ratioToEarly(loss: number | undefined): number {
    if (loss === undefined || !(this.earlyMedian > 0)) return Number.NaN;
    return loss / this.earlyMedian;
  }
}
