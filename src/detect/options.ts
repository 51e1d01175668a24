/**
 * The detector's rules and their defaults, with validation that names the bad option. The numbers
 * are orders of magnitude and rules of thumb (10x is an order of magnitude, 100x the loss of a
 * diverged run, an update as large as the weights themselves), not fits to particular runs; the
 * evaluation suite (tests/eval, `npm run eval:detect`) measures what they catch and what they miss.
 */
import { RULES, type RuleName } from './types.js';

export interface SpikeOptions {
  /**
   * A step's gradient norm this many times its recent level (and above its starting scale), or this
   * many times its starting scale, is a spike, unless the loss is falling (a run leaving a plateau).
   */
  factor?: number;
  /** In a noisy run the factor grows to this many spreads (EMA standard deviations) of log ||g||. */
  noiseZ?: number;
  /** A spike this many times the recent level is an error: no optimizer step recovers from it. */
  errorFactor?: number;
}

export interface GrowthOptions {
  /** Steps over which the trend of log ||g|| is fitted. */
  window?: number;
  /** Alert when the norm's level is at least this many times its lowest level since the start ... */
  factor?: number;
  /** ... and the fitted trend over `window` at least doubles it, with this R² at least. */
  minR2?: number;
  /** Or: the norm and the loss both rose at each of this many steps in a row, each by `factor` in total. */
  climbSteps?: number;
}

export interface LossSpikeOptions {
  /** Rolling window of losses. */
  window?: number;
  /** Losses needed in the window before the spike test runs. */
  minPoints?: number;
  /** Loss at least this many times the rolling median ... */
  factor?: number;
  /** ... and at least this many robust standard deviations (1.4826 MAD) above it ... */
  madZ?: number;
  /** ... for this many steps in a row. */
  steps?: number;
  /** A loss this many times the starting loss is an error: the run diverged. */
  divergence?: number;
}

export interface VanishingOptions {
  /** A layer whose gradient norm is under this fraction of the largest layer's (or exactly zero) ... */
  relative?: number;
  /** ... for this many consecutive steps is vanishing (dead if exactly zero). */
  window?: number;
}

export interface UpdateRatioOptions {
  /** A layer whose update ||Δw|| is at least `high` times ||w|| for `highSteps` measured steps in a row ... */
  high?: number;
  highSteps?: number;
  /** ... or at least `extreme` times ||w|| at one step (an error) ... */
  extreme?: number;
  /** ... or whose median ratio over `window` measured steps is under `low` (not learning). */
  low?: number;
  window?: number;
}

export interface ActivationRuleOptions {
  /** A layer whose output has at least this fraction of exact zeros (dead_units) or of saturated values (saturation) ... */
  fraction?: number;
  /** ... at this many measured steps in a row. */
  steps?: number;
}

export interface ActivationGrowthOptions {
  /** The forward pass amplifies: max |a| grows at least `factor` times from layer to layer ... */
  factor?: number;
  /** ... over this many layers in a row ... */
  layers?: number;
  /** ... at this many measured steps in a row. */
  steps?: number;
}

export interface DetectorOptions {
  /** Rules to run (default: all). Set one to false to turn it off. */
  rules?: Partial<Record<RuleName, boolean>>;
  spike?: SpikeOptions;
  growth?: GrowthOptions;
  lossSpike?: LossSpikeOptions;
  vanishing?: VanishingOptions;
  updateRatio?: UpdateRatioOptions;
  deadUnits?: ActivationRuleOptions;
  saturation?: ActivationRuleOptions;
  activationGrowth?: ActivationGrowthOptions;
  /** A rule that fires again within this many steps continues the same burst (one warning, one text). */
  burstGap?: number;
}

export interface ResolvedDetectorOptions {
  rules: Record<RuleName, boolean>;
  spike: Required<SpikeOptions>;
  growth: Required<GrowthOptions>;
  lossSpike: Required<LossSpikeOptions>;
  vanishing: Required<VanishingOptions>;
  updateRatio: Required<UpdateRatioOptions>;
  deadUnits: Required<ActivationRuleOptions>;
  saturation: Required<ActivationRuleOptions>;
  activationGrowth: Required<ActivationGrowthOptions>;
  burstGap: number;
}

export const DETECTOR_DEFAULTS: Omit<ResolvedDetectorOptions, 'rules'> = {
  spike: { factor: 10, noiseZ: 6, errorFactor: 1000 },
  growth: { window: 30, factor: 4, minR2: 0.5, climbSteps: 4 },
  lossSpike: { window: 50, minPoints: 5, factor: 10, madZ: 8, steps: 3, divergence: 100 },
  vanishing: { relative: 1e-4, window: 50 },
  updateRatio: { high: 1, highSteps: 3, extreme: 10, low: 1e-6, window: 50 },
  deadUnits: { fraction: 0.99, steps: 3 },
  saturation: { fraction: 0.95, steps: 3 },
  activationGrowth: { factor: 3, layers: 4, steps: 2 },
  burstGap: 20,
};

type Check = 'positive' | 'above1' | 'fraction' | 'int1' | 'int3' | 'int0' | 'nonneg';
const SPEC: { [K in keyof typeof DETECTOR_DEFAULTS]: K extends 'burstGap' ? Check : Record<string, Check> } =
  {
    spike: { factor: 'above1', noiseZ: 'nonneg', errorFactor: 'above1' },
    growth: { window: 'int3', factor: 'above1', minR2: 'fraction', climbSteps: 'int1' },
    lossSpike: {
      window: 'int1',
      minPoints: 'int1',
      factor: 'above1',
      madZ: 'positive',
      steps: 'int1',
      divergence: 'above1',
    },
    vanishing: { relative: 'fraction', window: 'int1' },
    updateRatio: { high: 'positive', highSteps: 'int1', extreme: 'positive', low: 'nonneg', window: 'int1' },
    deadUnits: { fraction: 'fraction', steps: 'int1' },
    saturation: { fraction: 'fraction', steps: 'int1' },
    activationGrowth: { factor: 'above1', layers: 'int1', steps: 'int1' },
    burstGap: 'int0',
  };

function check(where: string, name: string, v: unknown, c: Check): number {
  if (typeof v !== 'number' || Number.isNaN(v))
    throw new TypeError(`${where}: ${name} must be a number, got ${String(v)}`);
  const ok =
    c === 'positive'
      ? v > 0 && Number.isFinite(v)
      : c === 'above1'
        ? v > 1 && Number.isFinite(v)
        : c === 'nonneg'
          ? v >= 0 && Number.isFinite(v)
          : c === 'fraction'
            ? v > 0 && v < 1
            : Number.isSafeInteger(v) && v >= (c === 'int3' ? 3 : c === 'int1' ? 1 : 0);
  if (!ok) {
    const want = {
      positive: 'a finite number > 0',
      above1: 'a finite number > 1',
      int3: 'an integer >= 3',
      nonneg: 'a finite number >= 0',
      fraction: 'between 0 and 1 (exclusive)',
      int1: 'an integer >= 1',
      int0: 'an integer >= 0',
    }[c];
    throw new RangeError(`${where}: ${name} must be ${want}, got ${v}`);
  }
  return v;
}

export function resolveDetectorOptions(o: DetectorOptions = {}, where = 'detector'): ResolvedDetectorOptions {
  if (o === null || typeof o !== 'object') throw new TypeError(`${where}: options must be an object`);
  const known = ['rules', ...Object.keys(SPEC)];
  for (const k of Object.keys(o)) {
    if (!known.includes(k))
      throw new TypeError(`${where}: unknown option "${k}" (known: ${known.sort().join(', ')})`);
  }
  const rules = Object.fromEntries(RULES.map((r) => [r, true])) as Record<RuleName, boolean>;
  for (const [k, v] of Object.entries(o.rules ?? {})) {
    if (!(RULES as readonly string[]).includes(k))
      throw new TypeError(`${where}: unknown rule "${k}" (rules: ${RULES.join(', ')})`);
    if (typeof v !== 'boolean') throw new TypeError(`${where}: rules.${k} must be a boolean`);
    rules[k as RuleName] = v;
  }
  const out = {
    rules,
    burstGap:
      o.burstGap === undefined ? DETECTOR_DEFAULTS.burstGap : check(where, 'burstGap', o.burstGap, 'int0'),
  } as ResolvedDetectorOptions;
  for (const group of [
    'spike',
    'growth',
    'lossSpike',
    'vanishing',
    'updateRatio',
    'deadUnits',
    'saturation',
    'activationGrowth',
  ] as const) {
    const given = (o[group] ?? {}) as Record<string, unknown>;
    if (given === null || typeof given !== 'object')
      throw new TypeError(`${where}: ${group} must be an object`);
    const spec = SPEC[group];
    const merged: Record<string, number> = { ...DETECTOR_DEFAULTS[group] };
    for (const [k, v] of Object.entries(given)) {
      const c = spec[k];
      if (!c)
        throw new TypeError(
          `${where}: unknown option "${group}.${k}" (known: ${Object.keys(spec).sort().join(', ')})`,
        );
      merged[k] = check(where, `${group}.${k}`, v, c);
    }
    (out as unknown as Record<string, unknown>)[group] = merged;
  }
  if (out.spike.errorFactor < out.spike.factor) {
    throw new RangeError(
      `${where}: spike.errorFactor (${out.spike.errorFactor}) must be at least spike.factor (${out.spike.factor})`,
    );
  }
  if (out.updateRatio.low >= out.updateRatio.high) {
    throw new RangeError(
      `${where}: updateRatio.low (${out.updateRatio.low}) must be below updateRatio.high (${out.updateRatio.high})`,
    );
  }
  return out;
}
