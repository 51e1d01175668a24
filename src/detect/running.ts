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

/**
 * The last `size` values, in a ring: push is O(1) whatever the size, since the detector pushes into
 * several of these per layer per step. `values` copies them out in arrival order (for the rare
 * paths that fit or sort them).
 */
export class Window {
  readonly #buf: Float64Array;
  #start = 0;
  #length = 0;
  constructor(readonly size: number) {
    this.#buf = new Float64Array(size);
  }

  get length(): number {
    return this.#length;
  }
  get full(): boolean {
    return this.#length >= this.size;
  }
  /** The values, oldest first (a copy). */
  get values(): number[] {
    const out = new Array<number>(this.#length);
    for (let i = 0; i < this.#length; i++) out[i] = this.#buf[(this.#start + i) % this.size]!;
    return out;
  }
  /** The i-th value, oldest first. */
  at(i: number): number {
    return this.#buf[(this.#start + i) % this.size]!;
  }
  /** The newest value (NaN when empty). */
  last(): number {
    return this.#length === 0 ? Number.NaN : this.at(this.#length - 1);
  }
  /** The value the next push drops, if the window is full. */
  oldest(): number {
    return this.at(0);
  }
  push(x: number): void {
    if (this.#length < this.size) {
      this.#buf[(this.#start + this.#length) % this.size] = x;
      this.#length++;
    } else {
      this.#buf[this.#start] = x;
      this.#start = (this.#start + 1) % this.size;
    }
  }
  clear(): void {
    this.#start = 0;
    this.#length = 0;
  }
  min(): number {
    let m = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.#length; i++) if (this.#buf[i]! < m) m = this.#buf[i]!;
    return m;
  }
  max(): number {
    let m = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.#length; i++) if (this.#buf[i]! > m) m = this.#buf[i]!;
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
