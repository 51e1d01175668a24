/** Running statistics the rules share: an EMA of mean and variance, and a fixed-size window. */

/** Exponential moving mean and variance (the ZClip update: mean first, then variance about it). */
export class Ema {
  mean = Number.NaN;
  variance = 0;
  count = 0;
  constructor(readonly alpha: number) {}

  get std(): number {
    return Math.sqrt(this.variance);
  }

  /** z-score of x against the current estimate (NaN before the first point). */
  z(x: number): number {
    if (this.count === 0) return Number.NaN;
    // A floor on sigma keeps a perfectly flat series from turning every wobble into a huge z.
    const sigma = Math.max(this.std, 1e-3 * Math.abs(this.mean), 1e-12);
    return (x - this.mean) / sigma;
  }

  update(x: number): void {
    if (this.count === 0) {
      this.mean = x;
      this.variance = 0;
    } else {
      const a = this.alpha;
      const d = x - this.mean;
      this.mean = a * this.mean + (1 - a) * x;
      this.variance = a * this.variance + (1 - a) * d * d;
    }
    this.count++;
  }
}

/** The last `size` values in arrival order. */
export class Window {
  #buf: number[] = [];
  constructor(readonly size: number) {}

  get length(): number {
    return this.#buf.length;
  }
  get values(): readonly number[] {
    return this.#buf;
  }
  get full(): boolean {
    return this.#buf.length >= this.size;
  }
  push(x: number): void {
    this.#buf.push(x);
    if (this.#buf.length > this.size) this.#buf.shift();
  }
  clear(): void {
    this.#buf = [];
  }
  min(): number {
    let m = Number.POSITIVE_INFINITY;
    for (const x of this.#buf) if (x < m) m = x;
    return m;
  }
  max(): number {
    let m = Number.NEGATIVE_INFINITY;
    for (const x of this.#buf) if (x > m) m = x;
    return m;
  }
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Median absolute deviation about `m`. */
export function mad(xs: readonly number[], m: number): number {
  return median(xs.map((x) => Math.abs(x - m)));
}

/** Least-squares slope (per step) of ys against 0..n-1, and the fit's R². */
export function trend(ys: readonly number[]): { slope: number; r2: number } {
  const n = ys.length;
  if (n < 2) return { slope: 0, r2: 0 };
  const mx = (n - 1) / 2;
  let my = 0;
  for (const y of ys) my += y;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  ys.forEach((y, x) => {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) * (x - mx);
    syy += (y - my) * (y - my);
  });
  const slope = sxy / sxx;
  return { slope, r2: syy === 0 ? 0 : (sxy * sxy) / (sxx * syy) };
}
