// Tabuladores loaded from spreadsheets that `estructura.json` names:
//
//     "tabuladores": [{ "archivo": "tabuladores/sre-2018.csv", "nombre": "SRE_2018", "institucion": "SRE",
//                       "año": 2018, "fuente": "…", "hoja": "Mando",
//                       "columnas": { "nivel": "nivel", "bruto": "total_bruto",
//                                     "partes": ["sueldo_base", "ayuda_despensa", "compensacion_garantizada"] } }]
//
// A level may be the texts of several columns, joined by a space: the IMSS base tabulador prices a
// categoría by its jornada (`"nivel": ["categoria", "jornada_horas"]` gives «Abogado 8.0»).
//
// Each file is read with the one spreadsheet reader (spreadsheets/read.ts) into the same
// `TabuladorData` a declared `tabulador` gives (tabulador.ts), so later code sees one kind of
// tabulador. The header is the first row that holds the level column; rows below it without a
// level are skipped (blank, subtotal and note rows). Every problem names the file, the sheet and
// the row: a missing file, an unknown column, text in an amount cell, a gross that is not the sum
// of its parts (the test of tabulador-bruto-suma).
import { where, type Cell, type Sheet, type Workbook } from '../../spreadsheets/cells.js';
import { normalizeKey } from '../text-keys.js';
import { levelKey } from './levels.js';
import { centavosOf, grossMessage, type TabuladorData, type TabuladorRow } from './tabulador.js';

export interface TabuladorColumns {
    /** The column of the level, or the columns whose texts make it. */
    nivel: string | readonly string[];
    bruto?: string;
    partes: string[];
}

/** One entry of `tabuladores` in `estructura.json`. */
export interface TabuladorFileSpec {
    /** Relative to the folder of `estructura.json`. */
    archivo: string;
    nombre: string;
    /** The institution the tabulador is for; without it, every institution's. */
    institucion?: string;
    anio?: number;
    fuente?: string;
    vigencia?: string;
    /** The sheet to read (an XLSX may have several); by default the first. */
    hoja?: string;
    columnas: TabuladorColumns;
}

/** A problem of a loaded tabulador: the file it is about and the Spanish message (which names it). */
export interface TabuladorProblem {
    file: string;
    message: string;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Reads the `tabuladores` list of `estructura.json`; what is wrong goes to `problems`. */
export function parseTabuladorSpecs(value: unknown, where: string, problems: string[]): TabuladorFileSpec[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
        problems.push(`${where}: «tabuladores» debe ser una lista de { "archivo", "nombre", "columnas": { "nivel", "bruto", "partes" } }.`);
        return [];
    }
    const specs: TabuladorFileSpec[] = [];
    value.forEach((entry, index) => {
        const at = `${where}: tabuladores[${index}]`;
        const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
        const columns = (typeof e.columnas === 'object' && e.columnas !== null ? e.columnas : {}) as Record<string, unknown>;
        const year = e['año'] ?? e.anio;
        const partes = columns.partes ?? [];
        const wrong = [
            !isText(e.archivo) && '«archivo» (la ruta de la hoja de cálculo)',
            !isText(e.nombre) && '«nombre» (el identificador del tabulador)',
            !(isText(columns.nivel) || (Array.isArray(columns.nivel) && columns.nivel.length > 0 && columns.nivel.every(isText))) && '«columnas.nivel» (un nombre de columna o una lista)',
            columns.bruto !== undefined && !isText(columns.bruto) && '«columnas.bruto» (un nombre de columna)',
            !(Array.isArray(partes) && partes.every(isText)) && '«columnas.partes» (una lista de nombres de columna)',
            year !== undefined && !(Number.isInteger(year)) && '«año» (un número)'
        ].filter(Boolean);
        if (wrong.length > 0) {
            problems.push(`${at}: falta o no es válido ${wrong.join(', ')}; se ignora.`);
            return;
        }
        specs.push({
            archivo: e.archivo as string, nombre: e.nombre as string,
            institucion: isText(e.institucion) ? e.institucion : undefined,
            anio: year as number | undefined, fuente: isText(e.fuente) ? e.fuente : undefined,
            vigencia: isText(e.vigencia) ? e.vigencia : undefined, hoja: isText(e.hoja) ? e.hoja : undefined,
            columnas: { nivel: columns.nivel as string | string[], bruto: columns.bruto as string | undefined, partes: partes as string[] }
        });
    });
    return specs;
}

/**
 * Where a spec's `archivo` is, relative to the folder of `estructura.json`: the name messages give
 * it and how to read it (the host's spreadsheet reader: files/host.ts; tests may pass another).
 */
export type TabuladorOpener = (archivo: string) => { file: string; read: () => Promise<Workbook> };

/**
 * Loads every tabulador `estructura.json` names, relative to its folder. A file that cannot be read
 * or lacks a column gives no tabulador; a bad cell leaves that amount undefined.
 */
export async function loadTabuladores(specs: readonly TabuladorFileSpec[], open: TabuladorOpener): Promise<{ tabuladores: TabuladorData[]; problems: TabuladorProblem[] }> {
    const tabuladores: TabuladorData[] = [];
    const problems: TabuladorProblem[] = [];
    for (const spec of specs) {
        const { file, read } = open(spec.archivo);
        let book: Workbook;
        try {
            book = await read();
        } catch (error) {
            problems.push({ file, message: `tabulador «${spec.nombre}»: ${(error as Error).message}` });
            continue;
        }
        const tabulador = tabuladorFromWorkbook(spec, book, message => problems.push({ file, message }));
        if (tabulador) tabuladores.push(tabulador);
    }
    return { tabuladores, problems };
}

/** The tabulador a spreadsheet holds under `spec`; undefined when its sheet or a column is missing. */
export function tabuladorFromWorkbook(spec: TabuladorFileSpec, book: Workbook, problem: (message: string) => void): TabuladorData | undefined {
    const sheet = spec.hoja ? book.sheets.find(s => normalizeKey(s.name) === normalizeKey(spec.hoja!)) : book.sheets[0];
    if (!sheet) {
        problem(`${where(book.file)}: tabulador «${spec.nombre}»: no hay una hoja «${spec.hoja ?? ''}» (hojas: ${book.sheets.map(s => `«${s.name}»`).join(', ')}).`);
        return undefined;
    }
    const sheetName = book.format === 'xlsx' ? sheet.name : undefined;
    const columns = findColumns(spec.columnas, sheet);
    if ('missing' in columns) {
        const at = where(book.file, sheetName, columns.headerRow);
        problem(`${at}: tabulador «${spec.nombre}»: ${columns.missing.length === 1 ? 'la columna' : 'las columnas'} ${columns.missing.map(c => `«${c}»`).join(', ')} no ${columns.missing.length === 1 ? 'está' : 'están'} en el encabezado.`);
        return undefined;
    }
    const filas: TabuladorRow[] = [];
    for (const row of sheet.rows.filter(r => r.row > columns.headerRow)) {
        const nivel = columns.nivel.map(i => row.cells[i]?.text.trim() ?? '').filter(Boolean).join(' ');
        if (!nivel) continue;
        const at = where(book.file, sheetName, row.row);
        const amount = (index: number, column: string) => {
            const value = amountOf(row.cells[index]);
            if (value === 'invalid') problem(`${at}: el valor «${row.cells[index].text}» de la columna «${column}» no es un importe en pesos.`);
            return value === 'invalid' ? undefined : value;
        };
        const fila: TabuladorRow = {
            nivel, key: levelKey(nivel),
            brutoCentavos: columns.bruto !== undefined ? amount(columns.bruto, spec.columnas.bruto!) : undefined,
            partes: spec.columnas.partes.map((column, i) => ({ concepto: column, centavos: amount(columns.partes[i], column) })),
            origen: { archivo: spec.archivo, hoja: sheetName, fila: row.row }
        };
        const mismatch = grossMessage(fila);
        if (mismatch) problem(`${at}: ${mismatch}`);
        filas.push(fila);
    }
    return {
        nombre: spec.nombre, institucion: spec.institucion ?? '', fuente: spec.fuente, anio: spec.anio, vigencia: spec.vigencia,
        filas, origen: { tipo: 'archivo', archivo: spec.archivo, hoja: sheetName }
    };
}

type FoundColumns = { headerRow: number; nivel: number[]; bruto?: number; partes: number[] } | { headerRow: number | undefined; missing: string[] };

/** The header row (the first that names the level column) and each column's index, by name (accents and case aside). */
function findColumns(columns: TabuladorColumns, sheet: Sheet): FoundColumns {
    const key = (text: string) => normalizeKey(text);
    const levels = typeof columns.nivel === 'string' ? [columns.nivel] : [...columns.nivel];
    const header = sheet.rows.find(r => r.cells.some(c => key(c.text) === key(levels[0])));
    if (!header) return { headerRow: undefined, missing: [levels[0]] };
    const indexOf = (name: string) => header.cells.findIndex(c => key(c.text) === key(name));
    const wanted = [...levels, ...(columns.bruto !== undefined ? [columns.bruto] : []), ...columns.partes];
    const missing = wanted.filter(name => indexOf(name) < 0);
    if (missing.length > 0) return { headerRow: header.row, missing };
    return {
        headerRow: header.row, nivel: levels.map(indexOf),
        bruto: columns.bruto !== undefined ? indexOf(columns.bruto) : undefined,
        partes: columns.partes.map(indexOf)
    };
}

/** A cell's amount in centavos: a number cell, or text such as `34,967.02` or `$785`; undefined when empty. */
function amountOf(cell: Cell | undefined): number | undefined | 'invalid' {
    if (!cell || cell.kind === 'empty' || cell.text.trim() === '') return undefined;
    if (cell.kind === 'number' && cell.number !== undefined) return cell.number >= 0 ? Math.round(cell.number * 100) : 'invalid';
    return centavosOf(cell.text.replace(/[$,\s]/g, '')) ?? 'invalid';
}
