/**
 * The detector's rules and their defaults, with validation that names the bad option. Defaults were
 * chosen on the evaluation suite (tests/detect-eval.test.ts): they alert on every explosion there
 * before the loss turns non-finite and stay quiet on the stable runs.
 */
import { RULES, type RuleName } from './types.js';

export interface SpikeOptions {
  /** EMA factor of the mean and variance of the global gradient norm (ZClip's default). */
  alpha?: number;
  /** z-score above which a step is a spike. */
  zThreshold?: number;
  /** The norm must also be at least this many times the EMA mean (keeps tiny-variance runs quiet). */
  minRatio?: number;
  /** A norm this many times the largest of the last `maxWindow` norms is a spike whatever its z (Megatron: 10). */
  maxRatio?: number;
  maxWindow?: number;
  /** Steps that only collect statistics. */
  warmupSteps?: number;
}

export interface LossSpikeOptions {
  /** Rolling window of losses. */
  window?: number;
  /** Losses needed in the window before the rule runs. */
  minPoints?: number;
  /** Loss at least this many times the rolling median (when the median is positive). */
  factor?: number;
  /** And at least this many robust standard deviations (1.4826 MAD) above the median. */
  madZ?: number;
}

export interface GrowthOptions {
  /** Steps over which the trend of log ||g|| is fitted. */
  window?: number;
  /** Alert when the fitted trend multiplies the norm by at least this over the window. */
  factor?: number;
  /** How well a straight line must fit log ||g|| (R²), so noise is not mistaken for a trend. */
  minR2?: number;
  /** Steps before the rule runs (the first steps off the initialisation often grow fast). */
  warmupSteps?: number;
}

export interface VanishingOptions {
  /** A layer whose gradient norm stays below this (or at exactly zero) ... */
  floor?: number;
  /** ... for this many consecutive steps is vanishing (dead if exactly zero). */
  window?: number;
}

export interface UpdateRatioOptions {
  /** Rolling median of ||Δw||/||w|| per layer over this many steps ... */
  window?: number;
  /** ... above `high` or below `low` (the rule of thumb is about 1e-3). */
  low?: number;
  high?: number;
}

export interface DetectorOptions {
  /** Rules to run (default: all). Set one to false to turn it off. */
  rules?: Partial<Record<RuleName, boolean>>;
  spike?: SpikeOptions;
  lossSpike?: LossSpikeOptions;
  growth?: GrowthOptions;
  vanishing?: VanishingOptions;
  updateRatio?: UpdateRatioOptions;
  /** A rule that fires again within this many steps continues the same burst (one warning, one text). */
  burstGap?: number;
}

export interface ResolvedDetectorOptions {
  rules: Record<RuleName, boolean>;
  spike: Required<SpikeOptions>;
  lossSpike: Required<LossSpikeOptions>;
  growth: Required<GrowthOptions>;
  vanishing: Required<VanishingOptions>;
  updateRatio: Required<UpdateRatioOptions>;
  burstGap: number;
}

export const DETECTOR_DEFAULTS: Omit<ResolvedDetectorOptions, 'rules'> = {
  spike: { alpha: 0.97, zThreshold: 6, minRatio: 4, maxRatio: 10, maxWindow: 100, warmupSteps: 25 },
  lossSpike: { window: 50, minPoints: 10, factor: 3, madZ: 8 },
  growth: { window: 20, factor: 4, minR2: 0.6, warmupSteps: 10 },
  vanishing: { floor: 1e-8, window: 50 },
  updateRatio: { window: 50, low: 1e-6, high: 0.3 },
  burstGap: 20,
};

type Check = 'positive' | 'fraction' | 'int1' | 'int0' | 'nonneg';
const SPEC: { [K in keyof typeof DETECTOR_DEFAULTS]: K extends 'burstGap' ? Check : Record<string, Check> } =
  {
    spike: {
      alpha: 'fraction',
      zThreshold: 'positive',
      minRatio: 'positive',
      maxRatio: 'positive',
      maxWindow: 'int1',
      warmupSteps: 'int0',
    },
    lossSpike: { window: 'int1', minPoints: 'int1', factor: 'positive', madZ: 'positive' },
    growth: { window: 'int1', factor: 'positive', minR2: 'fraction', warmupSteps: 'int0' },
    vanishing: { floor: 'nonneg', window: 'int1' },
    updateRatio: { window: 'int1', low: 'nonneg', high: 'positive' },
    burstGap: 'int0',
  };

function check(where: string, name: string, v: unknown, c: Check): number {
  if (typeof v !== 'number' || Number.isNaN(v))
    throw new TypeError(`${where}: ${name} must be a number, got ${String(v)}`);
  const ok =
    c === 'positive'
      ? v > 0 && Number.isFinite(v)
      : c === 'nonneg'
        ? v >= 0 && Number.isFinite(v)
        : c === 'fraction'
          ? v > 0 && v < 1
          : Number.isSafeInteger(v) && v >= (c === 'int1' ? 1 : 0);
  if (!ok) {
    const want = {
      positive: 'a finite number > 0',
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
  for (const group of ['spike', 'lossSpike', 'growth', 'vanishing', 'updateRatio'] as const) {
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
  if (out.updateRatio.low >= out.updateRatio.high) {
    throw new RangeError(
      `${where}: updateRatio.low (${out.updateRatio.low}) must be below updateRatio.high (${out.updateRatio.high})`,
    );
  }
  return out;
}
