// `estructura importar-plazas`: a positions spreadsheet (a directory of positions, an analítico
// de plazas, a plantilla) → `.estructura` files of positions, and a report that accounts for
// every row. The steps: the sheet and its header (columns.ts), the rows (rows.ts), units and
// superiors (tree.ts), the units the position tree implies (implied.ts), the text (emit.ts).
import * as path from 'node:path';
import { where, type Sheet, type Workbook } from '../../spreadsheets/cells.js';
import { acronym } from '../ids.js';
import { findHeader, isPositionsTable, type Field, type Header } from './columns.js';
import { emitPositions, type PositionsFile } from './emit.js';
import { groupPlazas } from './group.js';
import { readRows, type Notice, type Omitted } from './rows.js';
import { buildTree, type WorkspaceUnit } from './tree.js';

export { FIELDS, type Field } from './columns.js';
export type { WorkspaceUnit } from './tree.js';

/** An import that cannot go on; the message names the file and sheet (and row when there is one). */
export class PositionsImportError extends Error {}

export interface PositionsImportOptions {
    /** The workspace's units (of every institution). */
    known: readonly WorkspaceUnit[];
    /** Every id each institution already uses (units and positions). */
    takenIds: ReadonlyMap<string, ReadonlySet<string>>;
    sheet?: string;
    mapping?: Partial<Record<Field, string>>;
    institution?: string;
    baseName?: string;
    /** Identical rows of a unit become one position with their plazas (group.ts). */
    group?: boolean;
}

export interface PositionsReport {
    archivo: string;
    hoja: string;
    filaEncabezado: number;
    institucion: string;
    columnas: Partial<Record<Field, string>>;
    columnasSinUsar: string[];
    hojasSinUsar: Array<{ hoja: string; motivo: string }>;
    filas: number;
    puestos: number;
    /** The plazas of the positions written (a position without `plazas` is one). */
    plazas: number;
    /** With --agrupar: the rows that went into the position of an identical earlier row. */
    agrupadas: number;
    unidades: {
        /** `implicita`: the unit is implied by the position tree (a position heading others whose cargo names a unit), not named by the unit column. */
        encontradas: Array<{ nombre: string; id: string; implicita: boolean; puestos: number }>;
        creadas: Array<{ nombre: string; id: string; implicita: boolean; tipo: string | null; hoja: string; fila: number; adscritaA: string | null; puestos: number }>;
    };
    omitidas: Omitted[];
    avisos: Notice[];
    archivos: string[];
}

export interface PositionsImport {
    files: PositionsFile[];
    report: PositionsReport;
}

export function importPositions(book: Workbook, options: PositionsImportOptions): PositionsImport {
    const { sheet, header, skipped } = chooseSheet(book, options);
    const rows = readRows(sheet, header);
    const institution = institutionOf(book, sheet, rows.records.map(r => r.institucion), options);
    const known = options.known.filter(u => u.institution === institution);
    const tree = buildTree(rows.records, known, new Set(options.takenIds.get(institution) ?? []));
    const grouped = options.group ? groupPlazas(tree) : 0;
    const source = path.basename(book.file);
    const baseName = options.baseName ?? path.basename(book.file, path.extname(book.file)).replace(/[^\p{L}\d._-]+/gu, '-');
    const manualId = `PUESTOS_${baseName.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
    const files = emitPositions(tree.units, { manualId, institution, source, sheets: book.format === 'xlsx', baseName });
    const omitted = [...rows.omitted, ...tree.omitted].sort((a, b) => a.fila - b.fila);
    const notices = [...rows.notices, ...tree.notices].sort((a, b) => a.fila - b.fila);
    const report: PositionsReport = {
        archivo: source,
        hoja: sheet.name,
        filaEncabezado: header.row,
        institucion: institution,
        columnas: Object.fromEntries(Object.entries(header.columns).map(([f, i]) => [f, header.labels[i]])),
        columnasSinUsar: header.unused,
        hojasSinUsar: skipped,
        filas: sheet.rows.length,
        puestos: tree.units.reduce((n, u) => n + u.positions.length, 0),
        plazas: tree.units.reduce((n, u) => n + u.positions.reduce((m, p) => m + (p.record.plazas ?? 1), 0), 0),
        agrupadas: grouped,
        unidades: {
            encontradas: tree.units.filter(u => u.existing).map(u => ({ nombre: u.name, id: u.id, implicita: u.implied === true, puestos: u.positions.length })),
            creadas: tree.units.filter(u => !u.existing).map(u => ({ nombre: u.name, id: u.id, implicita: u.implied === true, tipo: u.kind ?? null, hoja: u.hoja, fila: u.fila, adscritaA: u.parent ?? null, puestos: u.positions.length }))
        },
        omitidas: omitted,
        avisos: notices,
        archivos: files.map(f => f.name)
    };
    return { files, report };
}

/** The sheet `--hoja` names, else the one that looks most like a positions table. */
function chooseSheet(book: Workbook, options: PositionsImportOptions): { sheet: Sheet; header: Header; skipped: Array<{ hoja: string; motivo: string }> } {
    const fail = (message: string, sheet?: string, row?: number) => new PositionsImportError(`${where(book.file, sheet, row)}: ${message}`);
    const named = options.sheet !== undefined ? book.sheets.filter(s => s.name === options.sheet) : book.sheets;
    if (named.length === 0) throw fail(`no hay una hoja «${options.sheet}»; sus hojas son ${book.sheets.map(s => `«${s.name}»`).join(', ')}.`);
    const candidates = named.map(sheet => ({ sheet, header: findHeader(sheet, options.mapping) }));
    const tables = candidates.filter(c => c.header && isPositionsTable(c.header));
    const best = tables.sort((a, b) => Object.keys(b.header!.columns).length - Object.keys(a.header!.columns).length)[0];
    if (!best) {
        const only = named.length === 1 ? named[0] : undefined;
        if (only && only.rows.every(r => r.cells.every(c => c.kind === 'empty'))) throw fail('la hoja está vacía.', only.name);
        const missing = (h: Header | undefined) => h?.columns.unidad === undefined
            ? 'la columna de la unidad (p. ej. «Unidad Administrativa», «Área de adscripción», «ADSCRIPCION»)'
            : 'la columna del cargo (p. ej. «Nombre del Cargo», «Puesto funcional», «Nivel»)';
        const why = candidates.map(c => `hoja «${c.sheet.name}»: falta ${missing(c.header)}`).join('; ');
        const mapped = options.mapping ? ' con el mapa de --columnas' : '';
        throw fail(`no es una tabla de puestos${mapped} (${why}); indique las columnas con --columnas mapa.json.`, only?.name);
    }
    if (options.mapping) {
        const absent = (Object.keys(options.mapping) as Field[]).filter(f => best.header!.columns[f] === undefined);
        if (absent.length > 0) throw fail(`el mapa de --columnas nombra columnas que el encabezado (fila ${best.header!.row}) no tiene: ${absent.map(f => `${f} → «${options.mapping![f]}»`).join(', ')}.`, best.sheet.name);
    }
    const skipped = book.sheets.filter(s => s !== best.sheet).map(s => ({
        hoja: s.name,
        motivo: tables.some(t => t.sheet === s) ? 'otra tabla de puestos, con menos columnas reconocidas (use --hoja para importarla)' : s.rows.length === 0 ? 'hoja vacía' : 'no es una tabla de puestos'
    }));
    return { sheet: best.sheet, header: best.header!, skipped };
}

/** `--institucion`, else the institution of the workspace's units, else the initials of the sheet's institution column. */
function institutionOf(book: Workbook, sheet: Sheet, named: Array<string | undefined>, options: PositionsImportOptions): string {
    if (options.institution) return options.institution;
    const workspace = [...new Set(options.known.map(u => u.institution).filter(Boolean))];
    if (workspace.length === 1) return workspace[0];
    const name = named.find(Boolean);
    if (name) {
        // The words in capitals before any lower-case word: the name, not a note after it.
        const words = name.split(' ');
        const end = words.findIndex(w => /\p{Ll}/u.test(w) && !/^(de|del|la|las|los|y|e|a|en|para)$/u.test(w));
        return acronym(words.slice(0, end === -1 ? words.length : end).join(' '));
    }
    throw new PositionsImportError(`${where(book.file, sheet.name)}: la hoja no dice la institución (no tiene columna «Institución»)${workspace.length > 1 ? ` y el espacio de trabajo tiene varias (${workspace.join(', ')})` : ''}: indíquela con --institucion <ID>.`);
}
