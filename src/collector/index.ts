export {
  COLLECTOR_PROTOCOL,
  CollectorRefusal,
  type EventBatch,
  parseRunPath,
  parseSession,
  validateEventBatch,
} from './protocol.js';
export { type Collector, CollectorError, type CollectorOptions, startCollector } from './server.js';
