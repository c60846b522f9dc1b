// The data rows of a positions sheet: each becomes a position record or is listed as omitted
// with its reason (blank, title, total or subtotal, repeated header, an unreadable cell, a plaza
// key already used…), recognized by structure, never by row number. Cells are data: a formula's
// cached value is read, never computed.
import { foldName, normalizeSpace } from '../../language/text-keys.js';
import { columnLetter, type Cell, type Row, type Sheet } from '../../spreadsheets/cells.js';
import { COUNT_FIELDS, repeatsHeader, type Field, type Header } from './columns.js';
import { repairMojibake } from './mojibake.js';

export type Personal = 'confianza' | 'base' | 'eventual';

/** One position read from one row. */
export interface PositionRecord {
    hoja: string;
    fila: number;
    unidad: string;
    cargo: string;
    superior?: string;
    nivel?: string;
    denominacion?: string;
    personal?: Personal;
    plazas?: number;
    ocupadas?: number;
    vacantes?: number;
    clavesPlaza: string[];
    institucion?: string;
}

export interface Omitted { hoja: string; fila: number; motivo: string }
export interface Notice { hoja: string; fila: number; mensaje: string }

export interface ReadRows {
    records: PositionRecord[];
    omitted: Omitted[];
    notices: Notice[];
}

/** Cell texts that say «no value» where a level or a superior is expected. */
const NO_VALUE = new Set(['-', '--', '—', '–', 'n/a', '#n/a', 'na', 'n.a.', 's/n', 'nd', 'n/d']);
/** The first label of a total row. */
const TOTAL_LABEL = /^(?:sub ?)?total(?:es)?\b|^gran total\b|^suma\b/u;
const COUNT = /^-?\d+(?:[.,]\d+)?$/u;

/** A cell's text as data: double-encoded accents repaired, control characters dropped, white space collapsed. */
export function cleanText(text: string): string {
    return normalizeSpace(repairMojibake(text).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu, ''));
}

/** Reads the rows below the header; rows above it are titles. */
export function readRows(sheet: Sheet, header: Header): ReadRows {
    const out: ReadRows = { records: [], omitted: [], notices: [] };
    const plazaKeys = new Map<string, number>();
    const repaired = new Map<string, { to: string; rows: number[] }>();
    const masters = new Map<string, Cell>();
    for (const row of sheet.rows) row.cells.forEach((cell, i) => masters.set(`${columnLetter(i)}${row.row}`, cell));
    for (const row of sheet.rows) {
        if (row.row < header.row) out.omitted.push({ hoja: sheet.name, fila: row.row, motivo: 'fila anterior al encabezado (título)' });
        if (row.row <= header.row) continue;
        const reason = structuralReason(row, header);
        if (reason) {
            out.omitted.push({ hoja: sheet.name, fila: row.row, motivo: reason });
            continue;
        }
        const read = readRecord(sheet.name, row, header, masters, out.notices);
        if (typeof read === 'string') {
            out.omitted.push({ hoja: sheet.name, fila: row.row, motivo: read });
            continue;
        }
        const repeated = read.clavesPlaza.find(k => plazaKeys.has(k));
        if (repeated !== undefined) {
            out.omitted.push({ hoja: sheet.name, fila: row.row, motivo: `clave de plaza «${repeated}» repetida (ya en la fila ${plazaKeys.get(repeated)})` });
            continue;
        }
        for (const key of read.clavesPlaza) plazaKeys.set(key, row.row);
        for (const i of Object.values(header.columns)) {
            const text = row.cells[i]?.text ?? '';
            const fixed = repairMojibake(text);
            if (fixed !== text) {
                const entry = repaired.get(text) ?? { to: normalizeSpace(fixed), rows: [] };
                entry.rows.push(row.row);
                repaired.set(text, entry);
            }
        }
        out.records.push(read);
    }
    for (const [from, { to, rows }] of repaired) {
        out.notices.push({ hoja: sheet.name, fila: rows[0], mensaje: `acentos mal codificados reparados: «${cleanText(from.replace(/[\u0080-\u009F]/gu, '?'))}» se lee «${to}» (${rows.length === 1 ? 'fila' : 'filas'} ${rows.join(', ')})` });
    }
    return out;
}

/** Why a row is no position, from its shape alone: blank, a repeated header, a total, a title. */
function structuralReason(row: Row, header: Header): string | undefined {
    const filled = row.cells.map((c, i) => ({ c, i })).filter(({ c }) => c.kind !== 'empty' && c.text.trim() !== '');
    if (filled.length === 0) return row.cells.some(c => c.mergedFrom) ? 'fila vacía dentro de celdas combinadas' : 'fila en blanco';
    if (repeatsHeader(row, header)) return 'encabezado repetido';
    const countColumns = new Set(Object.entries(header.columns).filter(([f]) => COUNT_FIELDS.has(f as Field)).map(([, i]) => i));
    const [first, ...rest] = filled;
    const label = foldName(first.c.text);
    if (TOTAL_LABEL.test(label) && rest.every(({ c, i }) => countColumns.has(i) || COUNT.test(c.text.trim()))) {
        return `fila de ${label.startsWith('sub') ? 'subtotal' : 'total'} («${cleanText(first.c.text)}»)`;
    }
    // Numbers only in the count columns and no text: a total without its label.
    if (filled.every(({ c, i }) => countColumns.has(i) && COUNT.test(c.text.trim()))) return 'fila de total (solo cifras en las columnas de plazas)';
    const dataColumns = new Set(Object.values(header.columns));
    if (filled.length === 1 && (!dataColumns.has(first.i) || first.i !== header.columns.cargo)) {
        return `fila de título o de sección (un solo texto: «${cleanText(first.c.text)}»)`;
    }
    return undefined;
}

type Masters = ReadonlyMap<string, Cell>;

/** The row's position, or why it cannot be read. */
function readRecord(hoja: string, row: Row, header: Header, masters: Masters, notices: Notice[]): PositionRecord | string {
    const notice = (mensaje: string) => notices.push({ hoja, fila: row.row, mensaje });
    const texts: Partial<Record<Field, string>> = {};
    for (const [field, index] of Object.entries(header.columns) as Array<[Field, number]>) {
        const at = `${columnLetter(index)}${row.row}`;
        const label = header.labels[index] || columnLetter(index);
        let cell = row.cells[index] ?? { text: '', kind: 'empty' };
        if (cell.mergedFrom) {
            const master = masters.get(cell.mergedFrom) ?? cell;
            if (master.text) notice(`celda combinada ${at} (columna «${label}»): se toma el valor de ${cell.mergedFrom}, «${cleanText(master.text)}»`);
            cell = master;
        }
        if (cell.kind === 'formula-without-value') return `celda ilegible: ${at} (columna «${label}») es una fórmula sin valor guardado (=${cell.formula}); las fórmulas no se calculan`;
        if (cell.formula !== undefined) notice(`${at} (columna «${label}») es una fórmula (=${cell.formula}): se usa su valor guardado «${cell.text}», no se calcula`);
        const text = cleanText(cell.text);
        if ((cell.kind === 'error' || /^#[A-Z/0!?]+[!?A]?$/u.test(text)) && field !== 'superior' && field !== 'nivel') {
            return `celda ilegible: ${at} (columna «${label}») contiene el error ${text}`;
        }
        if (text) texts[field] = text;
    }
    return buildRecord(hoja, row.row, header, texts, notice);
}

function buildRecord(hoja: string, fila: number, header: Header, t: Partial<Record<Field, string>>, notice: (m: string) => void): PositionRecord | string {
    const label = (f: Field) => header.labels[header.columns[f]!];
    const counts: Partial<Record<'plazas' | 'ocupadas' | 'vacantes', number>> = {};
    for (const f of ['plazas', 'ocupadas', 'vacantes'] as const) {
        if (t[f] === undefined) continue;
        if (!/^\d+(?:\.0+)?$/u.test(t[f]!)) return `celda ilegible: «${t[f]}» en la columna «${label(f)}» no es un número entero de plazas`;
        counts[f] = Number(t[f]);
    }
    const cargo = t.cargo ?? t.denominacion ?? t.nivel;
    if (!t.unidad) return `sin unidad (columna «${label('unidad')}» vacía)`;
    if (!cargo) return 'sin nombre del cargo, denominación ni nivel';
    const record: PositionRecord = { hoja, fila, unidad: t.unidad, cargo, clavesPlaza: [], ...counts };
    if (t.superior !== undefined) {
        if (NO_VALUE.has(t.superior.toLowerCase())) notice(`superior «${t.superior}» (columna «${label('superior')}»): el puesto queda sin «reporta a»`);
        else record.superior = t.superior;
    }
    if (t.nivel !== undefined) {
        if (NO_VALUE.has(t.nivel.toLowerCase())) notice(`nivel «${t.nivel}» (columna «${label('nivel')}») no es un nivel: el puesto queda sin nivel`);
        else record.nivel = t.nivel;
    }
    if (t.denominacion !== undefined && t.denominacion !== cargo) record.denominacion = t.denominacion;
    if (t.personal !== undefined) {
        const kind = /^(confianza|base|eventual)\b/u.exec(foldName(t.personal))?.[1] as Personal | undefined;
        if (kind) record.personal = kind;
        else notice(`tipo de personal «${t.personal}» no reconocido (confianza, base o eventual): no se escribe`);
    }
    if (t.estatus !== undefined) statusInto(record, t.estatus, notice);
    if (t.clavePlaza !== undefined) record.clavesPlaza = t.clavePlaza.split(/\s*[,;]\s*/u).filter(Boolean);
    if (t.institucion !== undefined) record.institucion = t.institucion;
    return record;
}

/** «Ocupada» / «Vacante» (or O / V) on a row: its plazas are all occupied or all vacant. */
function statusInto(record: PositionRecord, status: string, notice: (m: string) => void): void {
    const key = foldName(status);
    const plazas = record.plazas ?? 1;
    if (/^(ocupad|o$)/u.test(key)) {
        record.ocupadas ??= plazas;
        record.vacantes ??= 0;
    } else if (/^(vacant|v$)/u.test(key)) {
        record.vacantes ??= plazas;
        record.ocupadas ??= 0;
    } else notice(`estatus «${status}» no reconocido (ocupada o vacante): no se escribe`);
}
