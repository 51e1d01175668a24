export {
  type DecodedValue,
  migrateLegacyHistogram,
  readSummaries,
  readSummaryBatches,
  type SummaryPoint,
  shapeOf,
  tensorNumbers,
  ValueDecoder,
} from './decode.js';
export {
  bucketsFromCounts,
  computeHistogram,
  DEFAULT_BUCKETS,
  fromPrecomputed,
  type Histogram,
  MAX_BUCKETS,
  type PrecomputedHistogram,
} from './histogram.js';
export {
  CUSTOM_SCALARS_TAG,
  type CustomScalarCategory,
  type CustomScalarChart,
  type CustomScalarLayout,
  HPARAMS_EXPERIMENT_TAG,
  HPARAMS_SESSION_END_TAG,
  HPARAMS_SESSION_START_TAG,
  type HParamMetric,
  type HParamValue,
} from './values.js';
export {
  type HistogramData,
  type HistogramSummary,
  SummaryWriter,
  type SummaryWriterOptions,
  summaryFileWriter,
  type TensorLike,
} from './writer.js';
