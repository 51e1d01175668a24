export { crc32c, maskCrc, maskedCrc32c, unmaskCrc } from './crc32c.js';
export {
  FOOTER_BYTES,
  frameRecord,
  HEADER_BYTES,
  parseRecord,
  RECORD_OVERHEAD,
  type RecordParse,
  writeRecord,
} from './framing.js';
