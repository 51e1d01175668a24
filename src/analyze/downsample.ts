/**
 * Bounded-memory downsampling of a stream of points of unknown length: keeps every point until
 * 2*size, then every other point, and so on (the stride doubles), so a series of any length is held
 * as between size and 2*size evenly spaced points. Used for the sparklines of long runs.
 */
export class Downsampler {
  readonly steps: number[] = [];
  readonly values: number[] = [];
  #stride = 1;
  #seen = 0;

  constructor(readonly size = 128) {}

  push(step: number, value: number): void {
    if (this.#seen++ % this.#stride !== 0) return;
    this.steps.push(step);
    this.values.push(value);
    if (this.steps.length >= 2 * this.size) {
      this.#stride *= 2;
      let j = 0;
      for (let i = 0; i < this.steps.length; i += 2, j++) {
        this.steps[j] = this.steps[i]!;
        this.values[j] = this.values[i]!;
      }
      this.steps.length = j;
      this.values.length = j;
    }
  }
}

/** `width` values from `xs`: the mean of each of `width` equal slices (fewer if xs is shorter). */
export function resample(xs: readonly number[], width: number): number[] {
  if (xs.length <= width) return [...xs];
  const out: number[] = [];
  for (let b = 0; b < width; b++) {
    const from = Math.floor((b * xs.length) / width);
    const to = Math.floor(((b + 1) * xs.length) / width);
    let s = 0;
    let n = 0;
    let bad = Number.NaN;
    for (let i = from; i < to; i++) {
      const x = xs[i]!;
      if (Number.isFinite(x)) {
        s += x;
        n++;
      } else bad = x;
    }
    out.push(n > 0 ? s / n : bad);
  }
  return out;
}
