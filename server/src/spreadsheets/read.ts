// The one spreadsheet reader: a CSV or XLSX file as sheets of rows of cells, with exceljs.
//
//     const book = await readSpreadsheet('plantilla.xlsx');
//     for (const sheet of book.sheets) for (const row of sheet.rows) row.cells[0].text;
//
// Every row from 1 to the sheet's last is listed (blank ones too, with empty cells), numbered as
// the spreadsheet program numbers it (1-based; a CSV's record number). Each cell gives the text
// the sheet shows, so codes stay text: a CSV is read with every value as written (exceljs' own
// CSV reading turns `2095/001`-like or `2014-09-01` values into numbers and dates; ours does not).
// A formula is never evaluated: its cached value is read, and a formula saved without one is a
// cell of kind 'formula-without-value'. A merged range gives its value once, in its top-left
// cell; the other cells of the range are empty and name that cell in `mergedFrom`.
// What cannot be read (missing file, old `.xls`, a corrupt XLSX) throws a SpreadsheetError
// whose message names the file.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export { columnLetter, SpreadsheetError, where, type Cell, type CellKind, type Row, type Sheet, type Workbook } from './cells.js';
import { SpreadsheetError, type Cell, type Row, type Sheet, type Workbook } from './cells.js';

const EMPTY: Cell = { text: '', kind: 'empty' };

/** Reads a `.csv` (or `.txt`) or `.xlsx` (`.xlsm`) file; `bytes` when the caller has read it already. */
export async function readSpreadsheet(file: string, bytes?: Uint8Array): Promise<Workbook> {
    let data: Uint8Array;
    try {
        data = bytes ?? await fs.readFile(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new SpreadsheetError(code === 'ENOENT' ? 'el archivo no existe.' : code === 'EISDIR' ? 'es una carpeta, no una hoja de cálculo.' : `no se puede leer (${code ?? (error as Error).message}).`, file);
    }
    const format = formatOf(file, data);
    return { file, format, sheets: format === 'csv' ? [await readCsv(file, data)] : await readXlsx(file, data) };
}

function formatOf(file: string, data: Uint8Array): 'csv' | 'xlsx' {
    const ext = path.extname(file).toLowerCase();
    const zip = data[0] === 0x50 && data[1] === 0x4b;
    // The old binary format (OLE2 compound file), whatever the file is called.
    if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0 || ext === '.xls') {
        throw new SpreadsheetError('es un libro de Excel en el formato antiguo (.xls), que no se lee: guárdelo como .xlsx o .csv.', file);
    }
    if (ext === '.xlsx' || ext === '.xlsm' || zip) {
        if (!zip) throw new SpreadsheetError('no es un archivo .xlsx válido (está dañado o tiene otro formato).', file);
        return 'xlsx';
    }
    if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
    throw new SpreadsheetError(`extensión «${ext || '(ninguna)'}» desconocida: use un archivo .csv o .xlsx.`, file);
}

/** UTF-8 (with or without BOM), else Windows-1252 (the Spanish Excel's «CSV» export). */
function decode(data: Uint8Array): string {
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
    } catch {
        return new TextDecoder('windows-1252').decode(data);
    }
}

/** The separator of the first line: comma, semicolon or tab, whichever appears most outside quotes. */
function delimiterOf(text: string): string {
    const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')).replace(/"[^"]*"/g, '');
    const count = (c: string) => firstLine.split(c).length - 1;
    return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

async function readCsv(file: string, data: Uint8Array): Promise<Sheet> {
    const text = decode(data);
    if (text.includes('\u0000')) throw new SpreadsheetError('no es un archivo de texto CSV (contiene bytes binarios).', file);
    const workbook = new ExcelJS.Workbook();
    let worksheet: ExcelJS.Worksheet;
    try {
        // The identity map keeps every value as written (no numbers, dates or booleans).
        worksheet = await workbook.csv.read(Readable.from([text]), {
            sheetName: path.basename(file, path.extname(file)).slice(0, 31) || 'CSV',
            map: (value: string) => value,
            parserOptions: { delimiter: delimiterOf(text), ignoreEmpty: false, relaxColumnCountLess: true, relaxColumnCountMore: true }
        } as Parameters<typeof workbook.csv.read>[1]);
    } catch (error) {
        throw new SpreadsheetError(`CSV ilegible: ${(error as Error).message}`, file);
    }
    // A CSV's one sheet is named after the file, whole (exceljs cuts sheet names at 31 characters).
    return { ...sheetOf(worksheet, 'csv'), name: path.basename(file, path.extname(file)) || 'CSV' };
}

async function readXlsx(file: string, data: Uint8Array): Promise<Sheet[]> {
    const workbook = new ExcelJS.Workbook();
    try {
        await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
    } catch (error) {
        throw new SpreadsheetError(`no se puede abrir como .xlsx: está dañado o no es un libro de Excel (${(error as Error).message}).`, file);
    }
    return workbook.worksheets.map(worksheet => sheetOf(worksheet, 'xlsx'));
}

function sheetOf(worksheet: ExcelJS.Worksheet, format: 'csv' | 'xlsx'): Sheet {
    const rows: Row[] = [];
    let width = 0;
    for (let r = 1; r <= worksheet.rowCount; r++) {
        const source = worksheet.findRow(r);
        const cells: Cell[] = [];
        if (source) {
            for (let c = 1; c <= source.cellCount; c++) cells.push(cellOf(source.getCell(c), format));
        }
        while (cells.length > 0 && cells.at(-1)!.kind === 'empty' && !cells.at(-1)!.mergedFrom) cells.pop();
        width = Math.max(width, cells.length);
        rows.push({ row: r, cells });
    }
    for (const row of rows) while (row.cells.length < width) row.cells.push(EMPTY);
    return { name: worksheet.name, rows };
}

type FormulaValue = { formula?: string; sharedFormula?: string; result?: unknown };

function cellOf(cell: ExcelJS.Cell, format: 'csv' | 'xlsx'): Cell {
    if (cell.type === ExcelJS.ValueType.Merge) return { text: '', kind: 'empty', mergedFrom: cell.master.address };
    const value = cell.value as unknown;
    if (format === 'csv') return typeof value === 'string' && value !== '' ? { text: value, kind: 'text' } : EMPTY;
    if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
        const formula = value as FormulaValue;
        const text = formula.formula ?? formula.sharedFormula ?? '';
        if (formula.result === undefined || formula.result === null) return { text: '', kind: 'formula-without-value', formula: text };
        return { ...plainCell(formula.result, cell.numFmt), formula: text };
    }
    return plainCell(value, cell.numFmt);
}

function plainCell(value: unknown, numFmt: string | undefined): Cell {
    if (value === null || value === undefined || value === '') return EMPTY;
    if (typeof value === 'string') return { text: value, kind: 'text' };
    if (typeof value === 'number') return { text: numberText(value, numFmt), kind: 'number', number: value };
    if (typeof value === 'boolean') return { text: value ? 'VERDADERO' : 'FALSO', kind: 'boolean' };
    if (value instanceof Date) return { text: value.toISOString().slice(0, 10), kind: 'date' };
    const object = value as { error?: string; richText?: Array<{ text: string }>; text?: unknown };
    if (object.error) return { text: object.error, kind: 'error' };
    if (object.richText) return { text: object.richText.map(part => part.text).join(''), kind: 'text' };
    // A hyperlink: its text (itself a string or rich text).
    if (object.text !== undefined) return plainCell(object.text, numFmt);
    return { text: String(value), kind: 'text' };
}

/** A number as the sheet shows it where that matters: zero-padded codes (`000`) keep their zeros; no float noise. */
function numberText(value: number, numFmt: string | undefined): string {
    const padded = /^0+$/.exec(numFmt ?? '');
    if (padded && Number.isInteger(value) && value >= 0) return String(value).padStart(padded[0].length, '0');
    return String(Number(value.toPrecision(15)));
}
