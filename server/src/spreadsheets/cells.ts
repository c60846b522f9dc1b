// What the spreadsheet reader (read.ts) gives, and the small helpers that go with it, without
// the reader itself: code that only reads its results (tabulador files, the positions importer)
// imports this, so the language server's bundle does not pull exceljs in (see lazy-reader.ts).

export type CellKind = 'empty' | 'text' | 'number' | 'date' | 'boolean' | 'error' | 'formula-without-value';

export interface Cell {
    /** What the sheet shows: '' when empty; a number as written; a date as YYYY-MM-DD; an error as `#N/A`. */
    text: string;
    kind: CellKind;
    /** The number, for number cells (a formula's cached number included). */
    number?: number;
    /** The formula's text (without `=`), when the cell holds one; its value is the cached one. */
    formula?: string;
    /** For a cell inside a merged range other than its top-left one: that cell's address (`B4`). */
    mergedFrom?: string;
}

export interface Row {
    /** 1-based, as the spreadsheet program shows it. */
    row: number;
    /** Column A first; as many cells as the sheet's widest row, empty where nothing is written. */
    cells: Cell[];
}

export interface Sheet {
    name: string;
    rows: Row[];
}

export interface Workbook {
    /** The file as given. */
    file: string;
    format: 'csv' | 'xlsx';
    sheets: Sheet[];
}

/** A file that cannot be read as a spreadsheet; the message names the file (and sheet and row when known). */
export class SpreadsheetError extends Error {
    constructor(message: string, readonly file: string, readonly sheet?: string, readonly row?: number) {
        super(`${where(file, sheet, row)}: ${message}`);
    }
}

/** `archivo.xlsx, hoja «Plantilla», fila 12`: how messages name a place in a spreadsheet. */
export function where(file: string, sheet?: string, row?: number): string {
    return `${baseName(file)}${sheet !== undefined ? `, hoja «${sheet}»` : ''}${row !== undefined ? `, fila ${row}` : ''}`;
}

/** Column letters of a 0-based column index (0 → A, 27 → AB). */
export function columnLetter(index: number): string {
    let n = index + 1;
    let letters = '';
    while (n > 0) {
        letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
        n = Math.floor((n - 1) / 26);
    }
    return letters;
}

/** The file's name without its folders (both separators: the name may come from Windows). */
function baseName(file: string): string {
    return file.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? file;
}
