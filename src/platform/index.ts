export {
  type BrowserStorage,
  type BrowserStorageOptions,
  browserStorage,
  download,
} from './browser-storage.js';
export { type CollectorDestinationOptions, collector } from './collector-client.js';
export type { Destination, RunClaim } from './destination.js';
