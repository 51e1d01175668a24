export {
  type AnalysisReport,
  type AnalyzeOptions,
  analyze,
  type FoundAlert,
  type Level,
  type RunReport,
  type SeriesTrend,
} from './analyze.js';
export { type ExportFormat, type ExportResult, exportLogdir } from './export.js';
export { type FollowOptions, follow } from './follow.js';
export { renderJson, renderMarkdown, renderText, sparkline } from './format.js';
export {
  type HistogramPoint,
  type InvalidValue,
  type LoadedLogdir,
  type LoadedRun,
  type LoadOptions,
  type LogdirProblems,
  loadLogdir,
  type ScalarSeries,
  type TextPoint,
} from './load.js';
export type { Axis } from './series.js';
export type { Step } from './step.js';
