/**
 * gradwatch in a web page: the package's entry under the "browser" export condition (bundlers pick
 * it). The same callback, tap, clipping, detector and event encoding as in Node; what differs is
 * only where the bytes go (src/platform/): the page's browser storage by default (`download()`
 * saves the logdir as a zip), or a collector (`gradwatch serve`) with `destination: collector(...)`.
 * Nothing here reads files: post-hoc analysis (`analyze`, `loadLogdir`) stays in Node.
 */

export { Detector, detect } from './detect/detector.js';
export { alertLine, explainAlert, ruleTitle } from './detect/explain.js';
export { DETECTOR_DEFAULTS, type DetectorOptions } from './detect/options.js';
export type { Alert, Blame, LayerRecord, StepRecord } from './detect/types.js';
export { EventWriterError } from './events/writer-api.js';
export * from './platform/index.js';
export {
  type HistogramData,
  SummaryWriter,
  type SummaryWriterOptions,
  summaryFileWriter,
} from './summary/writer.js';
export { crc32c, maskedCrc32c } from './tfrecord/index.js';
export {
  GRADIENT_HEALTH_LAYOUT,
  TensorBoardCallback,
  type TensorBoardOptions,
  tensorBoard,
} from './train/callback.js';
export { ALERT_TAGS, type AlertAction, type DetectOptions } from './train/live-detect.js';
export { type Unwatch, type WatchOptimizerOptions, watchOptimizer } from './train/watch-optimizer.js';
export type { WatchOptions } from './watch/options.js';
