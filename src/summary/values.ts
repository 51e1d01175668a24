/**
 * Builders of Summary.Value messages in the forms both TensorBoard loaders read (see
 * shared reference, "Recommended recipe"): scalars as simple_value, histograms as [k,3] DT_DOUBLE
 * tensors, text as rank-0 DT_STRING, custom-scalars layouts and hparams as plugin data.
 */
import {
  DataClass,
  DataType,
  type google,
  HParamsPluginData,
  Layout,
  type SummaryValueInit,
  tensorboard,
} from '../proto/index.js';
import type { Histogram } from './histogram.js';

type Metadata = NonNullable<SummaryValueInit['metadata']>;

function metadata(plugin: string, dataClass: number, description?: string, content?: Uint8Array): Metadata {
  const m: Metadata = { pluginData: { pluginName: plugin }, dataClass };
  if (content) m.pluginData!.content = content;
  if (description) m.summaryDescription = description;
  return m;
}

/**
 * A scalar as `simple_value` (float32). With a description, the value also carries scalars metadata
 * with an explicit data class, which RustBoard needs in order to keep the description.
 */
export function scalarValue(tag: string, value: number, description?: string): SummaryValueInit {
  const v: SummaryValueInit = { tag, simpleValue: value };
  if (description) v.metadata = metadata('scalars', DataClass.DATA_CLASS_SCALAR, description);
  return v;
}

/** A v2 histogram: DT_DOUBLE tensor of shape [k, 3] with rows (left, right, count). */
export function histogramValue(tag: string, h: Histogram, description?: string): SummaryValueInit {
  const k = h.buckets.length / 3;
  const bytes = new Uint8Array(h.buckets.buffer, h.buckets.byteOffset, h.buckets.byteLength);
  return {
    tag,
    metadata: metadata('histograms', DataClass.DATA_CLASS_TENSOR, description),
    tensor: {
      dtype: DataType.DT_DOUBLE,
      tensorShape: { dim: [{ size: k }, { size: 3 }] },
      // Float64Array is little-endian on every platform Node supports, as tensor_content requires.
      tensorContent: bytes,
    },
  };
}

const utf8 = new TextEncoder();

/** Markdown text: a rank-0 DT_STRING tensor. */
export function textValue(tag: string, markdown: string, description?: string): SummaryValueInit {
  return {
    tag,
    metadata: metadata('text', DataClass.DATA_CLASS_TENSOR, description),
    tensor: { dtype: DataType.DT_STRING, tensorShape: {}, stringVal: [utf8.encode(markdown)] },
  };
}

export const CUSTOM_SCALARS_TAG = 'custom_scalars__config__';

/** One chart of a custom-scalars layout: several tags (regular expressions) on one chart, or margin series. */
export type CustomScalarChart =
  | { title: string; multiline: string[] }
  | { title: string; margin: Array<{ value: string; lower: string; upper: string }> };

export interface CustomScalarCategory {
  title: string;
  /** Collapsed when the dashboard opens. */
  closed?: boolean;
  charts: CustomScalarChart[];
}

export interface CustomScalarLayout {
  categories: CustomScalarCategory[];
}

/** Checks a layout's shape, naming the first bad part, and serializes it. */
export function customScalarsValue(layout: CustomScalarLayout): SummaryValueInit {
  if (layout === null || typeof layout !== 'object' || !Array.isArray(layout.categories)) {
    throw new TypeError('layout must be an object with a categories array');
  }
  const category = layout.categories.map((c, i) => {
    const at = `layout.categories[${i}]`;
    if (c === null || typeof c !== 'object') throw new TypeError(`${at} must be an object`);
    if (typeof c.title !== 'string' || c.title.length === 0)
      throw new TypeError(`${at}.title must be a non-empty string`);
    if (!Array.isArray(c.charts)) throw new TypeError(`${at}.charts must be an array`);
    const chart = c.charts.map((ch, j) => {
      const cat = `${at}.charts[${j}]`;
      if (ch === null || typeof ch !== 'object') throw new TypeError(`${cat} must be an object`);
      if (typeof ch.title !== 'string') throw new TypeError(`${cat}.title must be a string`);
      if ('multiline' in ch) {
        if (
          !Array.isArray(ch.multiline) ||
          !ch.multiline.every((t) => typeof t === 'string' && t.length > 0)
        ) {
          throw new TypeError(`${cat}.multiline must be an array of non-empty tag regular expressions`);
        }
        for (const re of ch.multiline) {
          try {
            new RegExp(re);
          } catch {
            throw new TypeError(`${cat}.multiline has an invalid regular expression: ${re}`);
          }
        }
        return { title: ch.title, multiline: { tag: ch.multiline } };
      }
      if ('margin' in ch) {
        if (!Array.isArray(ch.margin)) throw new TypeError(`${cat}.margin must be an array`);
        for (const [k, s] of ch.margin.entries()) {
          if (
            !s ||
            typeof s.value !== 'string' ||
            typeof s.lower !== 'string' ||
            typeof s.upper !== 'string'
          ) {
            throw new TypeError(`${cat}.margin[${k}] must have string value, lower and upper tags`);
          }
        }
        return { title: ch.title, margin: { series: ch.margin } };
      }
      throw new TypeError(`${cat} needs either multiline or margin`);
    });
    return { title: c.title, chart, closed: c.closed === true };
  });
  const bytes = Layout.encode({ category }).finish();
  return {
    tag: CUSTOM_SCALARS_TAG,
    metadata: metadata('custom_scalars', DataClass.DATA_CLASS_TENSOR),
    tensor: { dtype: DataType.DT_STRING, tensorShape: {}, stringVal: [bytes] },
  };
}

export type HParamValue = string | number | boolean;

/** A metric for the HParams dashboard: a scalar tag, in this run (group "") or a sub-run such as "val". */
export interface HParamMetric {
  tag: string;
  group?: string;
  displayName?: string;
  description?: string;
  datasetType?: 'training' | 'validation';
}

export const HPARAMS_EXPERIMENT_TAG = '_hparams_/experiment';
export const HPARAMS_SESSION_START_TAG = '_hparams_/session_start_info';
export const HPARAMS_SESSION_END_TAG = '_hparams_/session_end_info';

function pbValue(v: HParamValue): google.protobuf.Value.$Properties {
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  return { stringValue: v };
}

function hparamsMetadataValue(tag: string, content: Uint8Array): SummaryValueInit {
  // The payload is the plugin content; the tensor is an explicit empty DT_FLOAT [0], as TensorBoard's
  // own hparams writer emits. The Python loader only invents that null tensor when data_class is unset,
  // so with data_class set it must be present or the tag is lost there.
  return {
    tag,
    metadata: metadata('hparams', DataClass.DATA_CLASS_TENSOR, undefined, content),
    tensor: { dtype: DataType.DT_FLOAT, tensorShape: { dim: [{ size: 0 }] } },
  };
}

/** The experiment record: which hparams and metrics the HParams dashboard shows, with their types. */
export function hparamsExperimentValue(
  config: Record<string, HParamValue>,
  metrics: HParamMetric[],
  timeCreatedSecs: number,
): SummaryValueInit {
  const T = tensorboard.hparams.DataType;
  const hparamInfos = Object.entries(config).map(([name, v]) => ({
    name,
    type:
      typeof v === 'number'
        ? T.DATA_TYPE_FLOAT64
        : typeof v === 'boolean'
          ? T.DATA_TYPE_BOOL
          : T.DATA_TYPE_STRING,
  }));
  const metricInfos = metrics.map((m) => ({
    name: { group: m.group ?? '', tag: m.tag },
    displayName: m.displayName ?? '',
    description: m.description ?? '',
    datasetType:
      m.datasetType === 'training'
        ? tensorboard.hparams.DatasetType.DATASET_TRAINING
        : m.datasetType === 'validation'
          ? tensorboard.hparams.DatasetType.DATASET_VALIDATION
          : tensorboard.hparams.DatasetType.DATASET_UNKNOWN,
  }));
  const content = HParamsPluginData.encode({
    version: 0,
    experiment: { timeCreatedSecs, hparamInfos, metricInfos },
  }).finish();
  return hparamsMetadataValue(HPARAMS_EXPERIMENT_TAG, content);
}

/** The session record: this run's hparam values. */
export function hparamsSessionStartValue(
  config: Record<string, HParamValue>,
  startTimeSecs: number,
): SummaryValueInit {
  const hparams: Record<string, google.protobuf.Value.$Properties> = {};
  for (const [k, v] of Object.entries(config)) hparams[k] = pbValue(v);
  const content = HParamsPluginData.encode({
    version: 0,
    sessionStartInfo: { hparams, startTimeSecs, groupName: '' },
  }).finish();
  return hparamsMetadataValue(HPARAMS_SESSION_START_TAG, content);
}

/** The end of a session, with its outcome. */
export function hparamsSessionEndValue(
  status: 'success' | 'failure' | 'running',
  endTimeSecs: number,
): SummaryValueInit {
  const S = tensorboard.hparams.Status;
  const code =
    status === 'success' ? S.STATUS_SUCCESS : status === 'failure' ? S.STATUS_FAILURE : S.STATUS_RUNNING;
  const content = HParamsPluginData.encode({
    version: 0,
    sessionEndInfo: { status: code, endTimeSecs },
  }).finish();
  return hparamsMetadataValue(HPARAMS_SESSION_END_TAG, content);
}
