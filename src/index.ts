/**
 * gradwatch: TensorBoard event files in pure TypeScript, for TensorFlow.js training on any backend.
 *
 * Layers (each imports only from the ones before it):
 *   proto/    wire schema (protobufjs static code generated from proto/*.proto)
 *   tfrecord/ record framing and masked CRC32C
 *   events/   event files: buffered writer, streaming reader, run discovery
 *   summary/  value builders and decoders, SummaryWriter
 *   watch/    gradient tap, per-step reductions (host or device), cadence, clipping
 *   detect/   the explosion detector: a pure fold over per-step numbers (no tfjs)
 *   analyze/  post-hoc: loadLogdir, analyze (the detector over logged series), export, follow
 *   callback  the model.fit callback; watch-optimizer: the same for custom loops; live-detect: the
 *             detector during training (outputs and actions)
 */

export * from './analyze/index.js';
export {
  GRADIENT_HEALTH_LAYOUT,
  TensorBoardCallback,
  type TensorBoardOptions,
  tensorBoard,
} from './callback.js';
export * from './detect/index.js';
export * from './events/index.js';
export {
  ALERT_TAGS,
  type AlertAction,
  type DetectOptions,
  recordFromStats,
  recordFromVariables,
} from './live-detect.js';
export * from './summary/index.js';
export { crc32c, maskedCrc32c } from './tfrecord/index.js';
export * from './watch/index.js';
export { type Unwatch, type WatchOptimizerOptions, watchOptimizer } from './watch-optimizer.js';
