// The spreadsheet reader for the language server, loaded when first needed. exceljs is most of
// the reader's weight (~1 MB of minified code, more than the rest of the server): the server's
// bundle keeps it in a file of its own, out/spreadsheets.cjs (scripts/bundle.mjs points this
// import there), compiled the first time a tabulador spreadsheet named by estructura.json or a
// comparison's tabulador is read, so starting the server does not pay for it.
import type { readSpreadsheet as ReadSpreadsheet } from './read.js';

let reader: Promise<typeof import('./read.js')> | undefined;

export const readSpreadsheetLazily: typeof ReadSpreadsheet = async (...args) => (await (reader ??= import('./read.js'))).readSpreadsheet(...args);
