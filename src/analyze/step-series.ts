/**
 * A step -> value series in two growable Float64Arrays, sorted by step: 16 bytes per point where a
 * Map takes several times that, which is what bounds the analysis's memory on million-step runs.
 * Steps almost always arrive in increasing order (appended in O(1)); an out-of-order step is
 * inserted in place, and a repeated one replaces the value (as TensorBoard keeps the later point).
 */
export class StepSeries {
  #steps = new Float64Array(16);
  #values = new Float64Array(16);
  #n = 0;

  get size(): number {
    return this.#n;
  }

  set(step: number, value: number): this {
    const n = this.#n;
    if (n === 0 || step > this.#steps[n - 1]!) {
      if (n === this.#steps.length) this.#grow();
      this.#steps[n] = step;
      this.#values[n] = value;
      this.#n++;
      return this;
    }
    const i = this.#search(step);
    if (i < n && this.#steps[i] === step) {
      this.#values[i] = value;
      return this;
    }
    if (n === this.#steps.length) this.#grow();
    this.#steps.copyWithin(i + 1, i, n);
    this.#values.copyWithin(i + 1, i, n);
    this.#steps[i] = step;
    this.#values[i] = value;
    this.#n++;
    return this;
  }

  get(step: number): number | undefined {
    const i = this.#search(step);
    return i < this.#n && this.#steps[i] === step ? this.#values[i] : undefined;
  }

  *keys(): IterableIterator<number> {
    for (let i = 0; i < this.#n; i++) yield this.#steps[i]!;
  }

  *values(): IterableIterator<number> {
    for (let i = 0; i < this.#n; i++) yield this.#values[i]!;
  }

  *[Symbol.iterator](): IterableIterator<[number, number]> {
    for (let i = 0; i < this.#n; i++) yield [this.#steps[i]!, this.#values[i]!];
  }

  /** First index whose step is >= `step`. */
  #search(step: number): number {
    let lo = 0;
    let hi = this.#n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#steps[mid]! < step) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #grow(): void {
    const steps = new Float64Array(this.#steps.length * 2);
    steps.set(this.#steps);
    this.#steps = steps;
    const values = new Float64Array(this.#values.length * 2);
    values.set(this.#values);
    this.#values = values;
  }
}
