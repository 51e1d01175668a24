/**
 * gradwatch: TensorBoard event files in pure TypeScript, for TensorFlow.js training on any backend.
 *
 * Layers (each imports only from the ones before it):
 *   proto/    wire schema (protobufjs static code generated from proto/*.proto)
 *   tfrecord/ record framing and masked CRC32C
 *   events/   event files: buffered writer, streaming reader, run discovery
 *   platform/ where bytes go: files (Node), a collector over HTTP, browser storage (the one seam;
 *             the browser build swaps default.ts for default.browser.ts)
 *   summary/  value builders and decoders, SummaryWriter
 *   watch/    gradient tap, per-step reductions (host or device), cadence, clipping
 *   detect/   the explosion detector: a pure fold over per-step numbers (no tfjs)
 *   analyze/  post-hoc: loadLogdir, analyze (the detector over logged series), export, follow
 *   train/    tfjs glue: the model.fit callback, watchOptimizer for custom loops, and the detector
 *             during training (live-detect: outputs and actions)
 *   collector/ gradwatch serve: pages' event records over HTTP into a logdir (Node)
 *   cli/      the gradwatch command (inspect, analyze, export, follow, serve)
 */

export * from './analyze/index.js';
export * from './collector/index.js';
export * from './detect/index.js';
export * from './events/index.js';
export { files } from './platform/files.js';
export * from './platform/index.js';
export * from './summary/index.js';
export { crc32c, maskedCrc32c } from './tfrecord/index.js';
export {
  GRADIENT_HEALTH_LAYOUT,
  TensorBoardCallback,
  type TensorBoardOptions,
  tensorBoard,
} from './train/callback.js';
export {
  ALERT_TAGS,
  type AlertAction,
  type DetectOptions,
  recordFromStats,
  recordFromVariables,
} from './train/live-detect.js';
export { type LoadedEvidence, loadEvidence } from './train/load-evidence.js';
export { type Unwatch, type WatchOptimizerOptions, watchOptimizer } from './train/watch-optimizer.js';
export * from './watch/index.js';
