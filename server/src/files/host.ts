// What the language services need from where they run, and nothing else: the Node server and the
// CLI (node-file-access.ts) and the web worker (client-file-access.ts) each give one.
import type { URI } from 'langium';
import type { Workbook } from '../spreadsheets/cells.js';
import { NO_FILES, type FileAccess } from './file-access.js';
import { SpreadsheetError } from '../spreadsheets/cells.js';

export interface Host {
    fileAccess: FileAccess;
    /** docs/reglas.md as a link the editor can open, where the host ships it (a file URL). */
    ruleDocs?: string;
    /** Reads a tabulador spreadsheet that estructura.json names. */
    readTabulador: (uri: URI) => Promise<Workbook>;
}

/** A host with no files: tests and benchmarks that hand the services their texts. */
export const NO_HOST: Host = {
    fileAccess: NO_FILES,
    readTabulador: async uri => { throw new SpreadsheetError('no hay acceso a archivos.', uri.fsPath); }
};
