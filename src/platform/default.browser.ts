/** The destination used when none is given, in the browser build: the page's browser storage. */
export { defaultStorage as defaultDestination } from './browser-storage.js';
