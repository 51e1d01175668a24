export { eventFileName, isEventFileName } from './file-name.js';
export {
  type DiscoveryResult,
  discoverRuns,
  type LogdirEvent,
  type ReadLogdirOptions,
  type RunInfo,
  readLogdir,
} from './logdir.js';
export {
  EventFileCorruptError,
  EventFileReader,
  type EventFileReaderOptions,
  type EventRecord,
  type RawRecord,
  type ReadProblem,
  readEventFile,
} from './reader.js';
export {
  EventFileWriter,
  type EventFileWriterOptions,
  type EventFileWriterStats,
  EventWriterError,
} from './writer.js';
