/** The destination used when none is given: files, in Node (the browser build uses default.browser.ts). */
export { files as defaultDestination } from './files.js';
