/**
 * The scale of a positive series (a gradient norm, globally or per layer), kept in log space where a
 * norm that doubles moves as far as one that halves. Three references answer three questions:
 * - `early`: the median of the first steps: how large was it when training started? Known from the
 *   second step on, so rules work from step 2, not after a long warm-up.
 * - `level`: a fast exponential average: where is it now? One step that jumps enters it clamped, so a
 *   single spike neither hides the next one nor becomes the new normal (as in ZClip).
 * - `floor`: the lowest level since the first steps: the long-horizon reference against which slow
 *   compounding growth shows, which a moving average would follow.
 */
import { median, trend, Window } from './running.js';

/** Steps whose median is the early scale. */
const EARLY_STEPS = 20;
/** EMA factor of the level: about the last 4 steps. */
const LEVEL_ALPHA = 0.75;
/** A point enters the level at most this far (log) above it: a spike moves it by at most 2x. */
const LEVEL_CLAMP = Math.log(2);
/** Recent steps whose differences measure the noise, and how many are needed. */
const SPREAD_STEPS = 20;
const SPREAD_AFTER = 5;
/** Fewest points a trend is fitted to (the window may not be full yet). */
const MIN_TREND = 10;
/** Steps before the floor is tracked: the first steps off the initialisation often move fast. */
const FLOOR_AFTER = 5;

export class LogScale {
  readonly #early: number[] = [];
  #earlyMedian = Number.NaN;
  level = Number.NaN;
  /** |Δ log x| between consecutive steps, recent ones: their median is the noise, blind to trends. */
  readonly #steps = new Window(SPREAD_STEPS);
  floor = Number.POSITIVE_INFINITY;
  /** Step at which the floor was last lowered. */
  floorStep = 0;
  count = 0;
  readonly recent: Window;
  last = Number.NaN;

  constructor(trendWindow: number) {
    this.recent = new Window(trendWindow);
  }

  /**
   * Step-to-step noise of log x as a standard deviation (0 until there are a few steps): the median
   * of |Δ log x| over recent steps, scaled as for a normal distribution (1.4826 MAD, over √2 for a
   * difference). Differences of consecutive steps ignore a trend (the fast fall off the
   * initialisation, a slow drift) and the median ignores the spikes themselves.
   */
  get spread(): number {
    return this.#steps.length >= SPREAD_AFTER ? (1.4826 / Math.SQRT2) * median(this.#steps.values) : 0;
  }

  /** Log of the early median (NaN before the first point). */
  get early(): number {
    return this.#earlyMedian;
  }

  /** Takes log(x) of the step's value; call after the rules have compared it with the references. */
  push(logX: number, step: number): void {
    if (this.#early.length < EARLY_STEPS) {
      insertSorted(this.#early, logX);
      const n = this.#early.length;
      const h = n >> 1;
      this.#earlyMedian = n % 2 ? this.#early[h]! : (this.#early[h - 1]! + this.#early[h]!) / 2;
    }
    if (this.count > 0) this.#steps.push(Math.abs(logX - this.last));
    this.level =
      this.count === 0
        ? logX
        : LEVEL_ALPHA * this.level + (1 - LEVEL_ALPHA) * Math.min(logX, this.level + LEVEL_CLAMP);
    this.count++;
    if (this.count > FLOOR_AFTER && this.level < this.floor) {
      this.floor = this.level;
      this.floorStep = step;
    }
    this.recent.push(logX);
    this.last = logX;
  }

  /** Trend of the recent window: growth factor over it and the fit's R² (NaN under MIN_TREND points). */
  growth(): { factor: number; r2: number; points: number } {
    const n = this.recent.length;
    if (n < MIN_TREND) return { factor: Number.NaN, r2: Number.NaN, points: n };
    const { slope, r2 } = trend(this.recent.values);
    return { factor: Math.exp(slope * (n - 1)), r2, points: n };
  }
}

function insertSorted(xs: number[], x: number): void {
  let i = xs.length;
  xs.push(x);
  while (i > 0 && xs[i - 1]! > x) {
    xs[i] = xs[i - 1]!;
    i--;
  }
  xs[i] = x;
}
