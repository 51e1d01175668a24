/**
 * How often the costlier statistics run: the "detail" ones (weight norms, update ratios, max |g|,
 * exact non-finite counts of the weights) and histograms. Gradient norms and the loss are taken at
 * every step; these cost more (a read of every weight before and after the update, and a pass over
 * each value), so unless the user fixed `statsFreq`/`histogramFreq`, the watch measures what they
 * cost here and spaces them so that, on average, they add at most `budget` (a fraction) to the time
 * of a training step. Half of the budget goes to each kind.
 *
 * The measurement is the watch's own: the wall time between the starts of consecutive steps, and the
 * time spent in its own code at each step (the tap's hooks, assembling the statistics, writing them)
 * by kind of step. A detail step's extra cost is its time minus that of a plain step. Intervals are
 * taken from 1, 2, 5, 10, 20, 50, ... so the logged steps stay round numbers; an interval rises at
 * once when a step turns out costlier than the budget allows, and falls one notch at a time.
 *
 * Pure (no tfjs, clock passed in), so it is tested with made-up timings.
 */

export interface CadenceOptions {
  /** Fraction of a step's time the costlier statistics may add on average, e.g. 0.02. */
  budget: number;
  /** Fixed interval of the detail statistics, or undefined to choose it from the budget. */
  statsFreq?: number;
  /** Fixed interval of histograms (0: never), or undefined to choose it from the budget. */
  histogramFreq?: number;
}

export interface StepPlan {
  detail: boolean;
  histogram: boolean;
}

/** 1, 2, 5, 10, 20, 50, ... up to 1e6. */
const NICE: readonly number[] = Array.from(
  { length: 19 },
  (_, i) => [1, 2, 5][i % 3]! * 10 ** Math.floor(i / 3),
);

export const AUTO_DETAIL = { initial: 10, min: 1, max: 1000 } as const;
/** Histograms every 100 steps at most (the old fixed default), less often when they cost more. */
export const AUTO_HISTOGRAM = { initial: 100, min: 100, max: 10_000 } as const;

/** Smoothing of the running means (weight of the newest observation). */
const ALPHA = 0.2;
/** Plain steps ignored at the start (module loading, the JIT's first compilations). */
const COLD_STEPS = 3;

class RunningMean {
  value = Number.NaN;
  seen = 0;
  push(x: number, alpha = ALPHA): void {
    this.seen++;
    this.value = Number.isNaN(this.value) ? x : this.value + alpha * (x - this.value);
  }
}

export class Cadence {
  readonly #budget: number;
  readonly #fixedDetail: number | undefined;
  readonly #fixedHistogram: number | undefined;
  #detailEvery: number;
  #histogramEvery: number;
  #lastStart = Number.NaN;
  readonly #stepMs = new RunningMean();
  /** The watch's time per step, by kind of step: plain, detail, histogram, both. */
  readonly #byKind = [new RunningMean(), new RunningMean(), new RunningMean(), new RunningMean()];
  readonly #seen = [0, 0, 0, 0];
  #steps = 0;
  #ownMs = 0;

  constructor(o: CadenceOptions) {
    this.#budget = o.budget;
    this.#fixedDetail = o.statsFreq;
    this.#fixedHistogram = o.histogramFreq;
    this.#detailEvery = o.statsFreq ?? AUTO_DETAIL.initial;
    this.#histogramEvery = o.histogramFreq ?? AUTO_HISTOGRAM.initial;
  }

  /** Current interval of the detail statistics. */
  get statsEvery(): number {
    return this.#detailEvery;
  }

  /** Current interval of histograms (0: never). */
  get histogramEvery(): number {
    return this.#histogramEvery;
  }

  /** What the watch measured of its own cost so far (see WatchCost). */
  get cost(): { steps: number; ownMs: number; stepMs: number } {
    return { steps: this.#steps, ownMs: this.#ownMs, stepMs: this.#stepMs.value };
  }

  /** What to take at `step`; `now` (ms) is when the step started. */
  plan(step: number, now: number): StepPlan {
    if (!Number.isNaN(this.#lastStart)) {
      let dt = now - this.#lastStart;
      // A pause between steps (validation, an epoch's callbacks, the user's own work) is not a step.
      const typical = this.#stepMs.value;
      if (!Number.isNaN(typical)) dt = Math.min(dt, 3 * typical);
      if (dt > 0) this.#stepMs.push(dt, 0.1);
    }
    this.#lastStart = now;
    const h = this.#histogramEvery;
    return { detail: step % this.#detailEvery === 0, histogram: h > 0 && step % h === 0 };
  }

  /** Reports the watch's own time (ms) for a step planned as `plan`. */
  charge(plan: StepPlan, ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) return;
    this.#steps++;
    this.#ownMs += ms;
    const kind = (plan.detail ? 1 : 0) + (plan.histogram ? 2 : 0);
    // The first steps of each kind run cold (the first compilations of their code): not representative.
    if (++this.#seen[kind]! > (kind === 0 ? COLD_STEPS : 1)) this.#byKind[kind]!.push(ms);
    if (kind !== 0) this.#replan();
  }

  /**
   * What a detail step (or a histogram step) adds, from the kinds measured so far: over a plain step,
   * or, when there are none (the other kind is taken at every step), over a step of the other kind.
   */
  #extra(what: 1 | 2): number {
    const other = 3 - what;
    const [plain, alone, otherAlone, both] = [0, what, other, 3].map((k) => this.#byKind[k]!.value);
    if (!Number.isNaN(alone!) && !Number.isNaN(plain!)) return Math.max(0, alone! - plain!);
    if (!Number.isNaN(both!) && !Number.isNaN(otherAlone!)) return Math.max(0, both! - otherAlone!);
    return Number.NaN;
  }

  #replan(): void {
    const step = this.#stepMs.value;
    if (!(step > 0)) return;
    const allowance = (this.#budget / 2) * step;
    const detail = this.#extra(1);
    if (this.#fixedDetail === undefined && !Number.isNaN(detail)) {
      this.#detailEvery = next(this.#detailEvery, detail / allowance, AUTO_DETAIL);
    }
    const histogram = this.#extra(2);
    if (this.#fixedHistogram === undefined && !Number.isNaN(histogram)) {
      this.#histogramEvery = next(this.#histogramEvery, histogram / allowance, AUTO_HISTOGRAM);
    }
  }
}

/** The interval after `current` for a wanted one of `target` steps: up at once, down one notch. */
function next(current: number, target: number, range: { min: number; max: number }): number {
  let want = NICE.find((n) => n >= target) ?? range.max;
  want = Math.min(range.max, Math.max(range.min, want));
  if (want >= current) return want;
  const i = NICE.indexOf(current);
  return i > 0 ? Math.max(want, NICE[i - 1]!) : want;
}
