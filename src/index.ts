/**
 * gradwatch: TensorBoard event files in pure TypeScript, for TensorFlow.js training on any backend.
 *
 * Layers (each imports only from the ones before it):
 *   proto/    wire schema (protobufjs static code generated from proto/*.proto)
 *   tfrecord/ record framing and masked CRC32C
 *   events/   event files: buffered writer, streaming reader, run discovery
 *   summary/  value builders and decoders, SummaryWriter
 *   watch/    gradient tap, on-device statistics
 *   callback  the model.fit callback; watch-optimizer: the same for custom loops
 */

export {
  GRADIENT_HEALTH_LAYOUT,
  TensorBoardCallback,
  type TensorBoardOptions,
  tensorBoard,
} from './callback.js';
export * from './events/index.js';
export * from './summary/index.js';
export { crc32c, maskedCrc32c } from './tfrecord/index.js';
export * from './watch/index.js';
export { type Unwatch, type WatchOptimizerOptions, watchOptimizer } from './watch-optimizer.js';
