/**
 * Options of the gradient watch, shared by the tensorBoard() callback and watchOptimizer(), with
 * validation that names the bad option.
 */
import { DEFAULT_BUCKETS, MAX_BUCKETS } from '../summary/histogram.js';
import { type ClipConfig, checkClipConfig } from './clip.js';

export interface WatchOptions {
  /**
   * Every N optimizer steps, the detail statistics: weight norms, update ratios, max |g|, weight
   * non-finite counts. Gradient norms (global, per layer, per variable), non-finite gradient counts
   * and the loss are taken at every step whatever this is. Default 'auto': as often as `budget` allows.
   */
  statsFreq?: number | 'auto';
  /** Histograms every N optimizer steps; 0 turns them off. Default 'auto': every 100 steps, or less often if `budget` requires. */
  histogramFreq?: number | 'auto';
  /**
   * With 'auto' frequencies: the fraction of training time the detail statistics and histograms may
   * add on average, as the watch measures it. Default 0.01 (1%).
   */
  budget?: number;
  /** Which histograms to take: gradients (default on), weights and updates (default off). `true` takes all three. */
  histograms?: boolean | { gradients?: boolean; weights?: boolean; updates?: boolean };
  /** Buckets per histogram. Default 30. */
  buckets?: number;
  /** Measure the update ratio ||Δw||/||w|| from the update actually applied. Default true. */
  updateRatio?: boolean;
  /** Milliseconds between background flushes of the event files. Default 2000. */
  flushMillis?: number;
  /** Clip the gradients before every update: { globalNorm: n }, { norm: n } (per variable) or { value: n }. Default: off. */
  clip?: ClipConfig;
}

export interface ResolvedWatchOptions {
  statsFreq: number | 'auto';
  histogramFreq: number | 'auto';
  budget: number;
  histograms: { gradients: boolean; weights: boolean; updates: boolean };
  buckets: number;
  updateRatio: boolean;
  flushMillis: number;
  clip: ClipConfig | undefined;
}

export const WATCH_OPTION_NAMES = [
  'statsFreq',
  'histogramFreq',
  'budget',
  'histograms',
  'buckets',
  'updateRatio',
  'flushMillis',
  'clip',
];

export function checkKnownOptions(options: object, known: readonly string[], where: string): void {
  for (const k of Object.keys(options)) {
    if (!known.includes(k)) {
      throw new TypeError(`${where}: unknown option "${k}" (known: ${[...known].sort().join(', ')})`);
    }
  }
}

export function checkInt(name: string, v: unknown, min: number, where: string): number {
  if (typeof v !== 'number') throw new TypeError(`${where}: ${name} must be a number, got ${typeof v}`);
  if (!Number.isSafeInteger(v) || v < min) {
    throw new RangeError(`${where}: ${name} must be an integer >= ${min}, got ${v}`);
  }
  return v;
}

function checkBool(name: string, v: unknown, where: string): boolean {
  if (typeof v !== 'boolean') throw new TypeError(`${where}: ${name} must be a boolean, got ${typeof v}`);
  return v;
}

/** The longest interval Node's timers take (a longer one fires after 1 ms, with a warning). */
const MAX_TIMER_MS = 2 ** 31 - 1;

function checkFlushMillis(v: unknown, where: string): number {
  const ms = checkInt('flushMillis', v, 1, where);
  if (ms > MAX_TIMER_MS) {
    throw new RangeError(`${where}: flushMillis must be at most ${MAX_TIMER_MS} (about 24 days), got ${ms}`);
  }
  return ms;
}

/**
 * Validates a logdir given as an option, naming the function: a non-empty string without NUL (the
 * destination then checks what it can: for files, no file where a directory should be).
 */
export function checkLogdir(logdir: unknown, where: string, hint = ''): string {
  if (typeof logdir !== 'string' || logdir.length === 0) {
    const got = typeof logdir === 'string' ? '""' : logdir === null ? 'null' : typeof logdir;
    throw new TypeError(`${where}: logdir must be a non-empty string${hint}, got ${got}`);
  }
  if (logdir.includes('\0')) throw new TypeError(`${where}: logdir must not contain a NUL character`);
  return logdir;
}

export const DEFAULT_BUDGET = 0.01;

function checkBudget(v: unknown, where: string): number {
  if (typeof v !== 'number') throw new TypeError(`${where}: budget must be a number, got ${typeof v}`);
  if (!(v > 0 && v <= 1)) {
    throw new RangeError(`${where}: budget must be a fraction of step time in (0, 1] (0.02 is 2%), got ${v}`);
  }
  return v;
}

export function resolveWatchOptions(o: WatchOptions, where: string): ResolvedWatchOptions {
  let histograms = { gradients: true, weights: false, updates: false };
  if (o.histograms !== undefined) {
    if (typeof o.histograms === 'boolean') {
      histograms = { gradients: o.histograms, weights: o.histograms, updates: o.histograms };
    } else if (o.histograms !== null && typeof o.histograms === 'object') {
      checkKnownOptions(o.histograms, ['gradients', 'weights', 'updates'], `${where}: histograms`);
      const h = o.histograms;
      histograms = {
        gradients: h.gradients === undefined ? true : checkBool('histograms.gradients', h.gradients, where),
        weights: h.weights === undefined ? false : checkBool('histograms.weights', h.weights, where),
        updates: h.updates === undefined ? false : checkBool('histograms.updates', h.updates, where),
      };
    } else {
      throw new TypeError(`${where}: histograms must be a boolean or { gradients, weights, updates }`);
    }
  }
  const buckets = o.buckets === undefined ? DEFAULT_BUCKETS : checkInt('buckets', o.buckets, 1, where);
  if (buckets > MAX_BUCKETS)
    throw new RangeError(`${where}: buckets must be at most ${MAX_BUCKETS}, got ${buckets}`);
  return {
    statsFreq:
      o.statsFreq === undefined || o.statsFreq === 'auto'
        ? 'auto'
        : checkInt('statsFreq', o.statsFreq, 1, where),
    histogramFreq:
      o.histogramFreq === undefined || o.histogramFreq === 'auto'
        ? 'auto'
        : checkInt('histogramFreq', o.histogramFreq, 0, where),
    budget: o.budget === undefined ? DEFAULT_BUDGET : checkBudget(o.budget, where),
    histograms,
    buckets,
    updateRatio: o.updateRatio === undefined ? true : checkBool('updateRatio', o.updateRatio, where),
    flushMillis: o.flushMillis === undefined ? 2000 : checkFlushMillis(o.flushMillis, where),
    clip: o.clip === undefined ? undefined : checkClipConfig(o.clip, where),
  };
}
