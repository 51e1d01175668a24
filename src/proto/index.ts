/**
 * The wire schema: protobufjs static code generated from proto/*.proto by `npm run gen:proto`.
 * Everything above this layer imports message types from here, never from generated.js directly.
 */
import protobuf from 'protobufjs/minimal.js';
import { google, tensorboard } from './generated.js';

export { google, tensorboard };

/** protobufjs's byte reader, for decoding several messages out of one buffer without copying. */
export const ProtoReader = protobuf.Reader;
export type ProtoReaderInstance = protobuf.Reader;

export const Event = tensorboard.Event;
export const Summary = tensorboard.Summary;
export const SummaryMetadata = tensorboard.SummaryMetadata;
export const HistogramProto = tensorboard.HistogramProto;
export const TensorProto = tensorboard.TensorProto;
export const Layout = tensorboard.Layout;
export const HParamsPluginData = tensorboard.hparams.HParamsPluginData;
export const DataClass = tensorboard.DataClass;
export const DataType = tensorboard.DataType;

export type EventMessage = tensorboard.Event;
export type EventInit = tensorboard.Event.$Properties;
export type SummaryValue = tensorboard.Summary.Value.$Properties;
export type SummaryValueInit = tensorboard.Summary.Value.$Properties;
export type TensorMessage = tensorboard.TensorProto.$Properties;
export type HistogramMessage = tensorboard.HistogramProto.$Properties;

/** protobufjs decodes int64 as a Long object (or a number when it fits and Long is absent). */
export function int64ToNumber(v: number | { toNumber(): number } | null | undefined): number {
  if (v == null) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}
