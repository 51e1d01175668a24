export type { AgcOptions, AutoClipOptions, ClipConfig, ZClipOptions } from './clip.js';
export { TAGS, writeStepStats } from './log.js';
export { type ResolvedWatchOptions, resolveWatchOptions, type WatchOptions } from './options.js';
export type { HistogramKind, LayerStats, StepHistogram, StepStats, VariableStats } from './step-stats.js';
export { type Gradient, tapOptimizer } from './tap.js';
export { layerFromVariableName, type WatchCost, Watcher, type WatcherOptions } from './watcher.js';
