// The positions table (`estructura plazas`) as text, CSV and XLSX: one row per position and the
// totals by level, clase and tipo de personal. A spreadsheet program runs a cell that starts with
// `=`, `+`, `-` or `@` as a formula: in CSV such text goes with a leading apostrophe (the way
// spreadsheets mark text); in XLSX every text is a string cell, never a formula.
import ExcelJS from 'exceljs';
import type { PlazaGrupo, PlazaPuesto, PlazasResult, PlazaTotales, PlazaUnidad } from '../protocol.js';
import { plazasText } from '../language/positions/plazas.js';

/** The columns of a position's row: header and value. */
const COLUMNS: ReadonlyArray<[string, (row: PlazaPuesto, unit: PlazaUnidad | undefined) => string | number | undefined]> = [
    ['Unidad', (_, unit) => unit?.id],
    ['Nombre de la unidad', (_, unit) => unit?.nombre],
    ['Puesto', row => row.id],
    ['Título', row => row.titulo],
    ['Nivel', row => row.nivel],
    ['Clave', row => row.clave],
    ['Denominación', row => row.denominacion],
    ['Clase', row => row.clase],
    ['Personal', row => row.personal],
    ['Plazas', row => row.plazas],
    ['Ocupadas', row => row.ocupadas],
    ['Vacantes', row => row.vacantes],
    ['Archivo', row => row.archivo],
    ['Línea', row => row.linea]
];

const TOTAL_COLUMNS = ['Agrupación', 'Clave', 'Puestos', 'Plazas', 'Ocupadas', 'Vacantes', 'Sin dato'];

/** Every position of the report with its unit (undefined: attached to none). */
function positionRows(report: PlazasResult): Array<[PlazaPuesto, PlazaUnidad | undefined]> {
    return [
        ...report.unidades.flatMap(unit => unit.puestos.map(row => [row, unit] as [PlazaPuesto, PlazaUnidad])),
        ...report.sinUnidad.map(row => [row, undefined] as [PlazaPuesto, undefined])
    ];
}

/** The totals' rows: the whole report, then each level, clase and tipo de personal. */
function totalRows(report: PlazasResult): Array<Array<string | number>> {
    const row = (group: string, key: string, t: PlazaTotales) => [group, key, t.puestos, t.plazas, t.ocupadas, t.vacantes, t.sinDato];
    const named = (group: string, list: PlazaGrupo[], none: string) => list.map(g => row(group, g.clave || none, g));
    return [
        row('Total', '', report.totales),
        ...named('Nivel', report.porNivel, '(sin nivel)'),
        ...named('Clase', report.porClase, '(sin clase)'),
        ...named('Personal', report.porPersonal, '(sin tipo)')
    ];
}

/** Text a spreadsheet would run as a formula, made plain text. */
export function spreadsheetText(text: string): string {
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: string | number | undefined): string {
    if (value === undefined) return '';
    if (typeof value === 'number') return String(value);
    const text = spreadsheetText(value);
    return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (UTF-8 with a byte-order mark, so spreadsheets read the accents): the positions, a blank line, the totals. */
export function plazasCsv(report: PlazasResult): string {
    const line = (cells: ReadonlyArray<string | number | undefined>) => cells.map(csvCell).join(',');
    const lines = [line(COLUMNS.map(([header]) => header))];
    for (const [row, unit] of positionRows(report)) lines.push(line(COLUMNS.map(([, value]) => value(row, unit))));
    lines.push('', line(TOTAL_COLUMNS), ...totalRows(report).map(line));
    return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** XLSX: a sheet «Puestos» (one row per position) and a sheet «Totales». */
export async function plazasXlsx(report: PlazasResult): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'estructura';
    const sheet = workbook.addWorksheet('Puestos', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(COLUMNS.map(([header]) => header)).font = { bold: true };
    for (const [row, unit] of positionRows(report)) {
        // Values as they are: a string cell is text however it starts (ExcelJS writes a formula only from { formula }).
        sheet.addRow(COLUMNS.map(([, value]) => value(row, unit) ?? null));
    }
    sheet.columns.forEach((column, i) => { column.width = [12, 40, 16, 40, 8, 14, 30, 10, 10, 8, 9, 9, 40, 7][i]; });
    const totals = workbook.addWorksheet('Totales');
    totals.addRow(TOTAL_COLUMNS).font = { bold: true };
    for (const row of totalRows(report)) totals.addRow(row);
    totals.columns.forEach((column, i) => { column.width = i < 2 ? 16 : 10; });
    return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Text for a terminal: the units with plazas as a tree, each position under its unit, then the totals. */
export function plazasTextReport(report: PlazasResult): string {
    const out = [`Plazas: ${report.titulo}`, `Total: ${plazasText(report.totales)} en ${report.totales.puestos} ${report.totales.puestos === 1 ? 'puesto' : 'puestos'}`, ''];
    for (const unit of report.unidades) {
        if (unit.totales.plazas === 0) continue;
        const indent = '  '.repeat(unit.profundidad);
        out.push(`${indent}${unit.nombre} (${unit.id}): ${plazasText(unit.totales)}`);
        for (const row of unit.puestos) out.push(`${indent}  · ${positionLine(row)}`);
    }
    if (report.sinUnidad.length > 0) {
        out.push('Sin unidad:');
        for (const row of report.sinUnidad) out.push(`  · ${positionLine(row)}`);
    }
    for (const [title, list, none] of [['Por nivel', report.porNivel, '(sin nivel)'], ['Por clase', report.porClase, '(sin clase)'], ['Por tipo de personal', report.porPersonal, '(sin tipo)']] as const) {
        if (list.length === 0) continue;
        out.push('', `${title}:`);
        const width = Math.max(...list.map(g => (g.clave || none).length));
        for (const group of list) out.push(`  ${(group.clave || none).padEnd(width)}  ${plazasText(group)}`);
    }
    return out.join('\n') + '\n';
}

function positionLine(row: PlazaPuesto): string {
    const facts = [row.nivel, row.clase, row.personal].filter(Boolean).join(', ');
    const occupancy = row.ocupadas === undefined ? '' : ` (${row.ocupadas} ocupadas, ${row.vacantes} vacantes)`;
    return `${row.titulo} [${row.id}]${facts ? ` ${facts}` : ''}: ${row.plazas} ${row.plazas === 1 ? 'plaza' : 'plazas'}${occupancy} — ${row.archivo}:${row.linea}`;
}
