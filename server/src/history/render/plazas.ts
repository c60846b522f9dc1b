// The «plazas y costo por unidad» part of a comparison report, as format-free pieces: the table's
// cells (each unit with the units below it, then the total), the cost sentences with the warning
// of a proposal that raises the cost, and the plazas the tabulador does not price.
import type { PlazaCost, PlazaCounts, PlazaReport, PlazaUnit } from '../differences.js';
import { pesos, pesosDelta } from '../pay-scale.js';
import { MONTHS } from '../plaza-changes.js';
import { plural } from './labels.js';
import type { Span } from './model.js';

export const PLAZA_WORDS = {
    heading: 'Plazas y costo por unidad',
    note: 'Cada unidad cuenta sus plazas y las de las unidades que dependen de ella; se listan las que cambian. '
        + 'Movidas: plazas que llegan (+) de otra unidad o salen (-) a otra.',
    unit: 'Unidad',
    columns: ['Plazas antes', 'Plazas después', 'Creadas', 'Suprimidas', 'Movidas', 'Reniveladas'],
    costColumns: ['Costo mensual antes', 'Costo mensual después', 'Diferencia'],
    total: 'Total',
    noUnit: 'sin unidad',
    suppressed: '(suprimida)',
    unpricedCell: (n: number) => `(${plural(n, 'plaza', 'plazas')} sin costo)`,
    scaleBoth: (label: string) => `Tabulador (para las dos versiones): ${label}.`,
    scaleEach: (before: string, after: string) => `Tabulador de la versión antes: ${before}; de la versión después: ${after}.`,
    noScale: 'sin tabulador',
    counted: `Se cuenta el sueldo bruto mensual del tabulador: plazas × bruto mensual de su nivel. El costo anual es ${MONTHS} veces el mensual; `
        + 'no incluye aguinaldo, prima vacacional, aportaciones ni otras prestaciones.',
    monthly: 'Costo mensual',
    annual: `Costo anual (${MONTHS} meses)`,
    before: 'antes',
    after: 'después',
    difference: 'diferencia',
    increases: (monthly: string, annual: string) =>
        `La propuesta aumenta el costo en ${monthly} mensuales (${annual} anuales): no es compensada (una propuesta es compensada cuando su costo no aumenta).`,
    compensated: 'La propuesta no aumenta el costo: es compensada.',
    compensatedPartial: 'La propuesta no aumenta el costo de las plazas que el tabulador valúa; las plazas sin costo no se cuentan.',
    unpriced: 'Plazas sin costo (su nivel no está en el tabulador, o no tienen nivel); no se cuentan en el costo',
    unpricedColumns: ['Versión', 'Puesto', 'Unidad', 'Nivel', 'Plazas'],
    noLevel: 'sin nivel'
} as const;

/** `+2`, `-1`, `+2 / -1`, `0`. */
export function movedText(counts: PlazaCounts): string {
    const parts = [counts.movedIn > 0 ? `+${counts.movedIn}` : '', counts.movedOut > 0 ? `-${counts.movedOut}` : ''].filter(x => x !== '');
    return parts.length === 0 ? '0' : parts.join(' / ');
}

/** A side's cost cell: the amount, with the plazas it leaves out. */
function costCell(cost: number | undefined, unpriced: number): string {
    const amount = pesos(cost ?? 0);
    return unpriced > 0 ? `${amount} ${PLAZA_WORDS.unpricedCell(unpriced)}` : amount;
}

export interface PlazaTableRow {
    /** The unit (id and name), or the total; `depth` for indentation. */
    unit: Span[];
    depth: number;
    total: boolean;
    /** The cells after the unit, as plain text, in the order of `plazaColumns`. */
    cells: string[];
}

export function plazaColumns(report: PlazaReport): string[] {
    return [PLAZA_WORDS.unit, ...PLAZA_WORDS.columns, ...(report.cost ? PLAZA_WORDS.costColumns : [])];
}

function cells(counts: PlazaCounts, priced: boolean, moved?: number): string[] {
    const out = [String(counts.before), String(counts.after), String(counts.created), String(counts.suppressed),
        moved === undefined ? movedText(counts) : String(moved), String(counts.relevelled)];
    if (priced) {
        out.push(costCell(counts.costBefore, counts.unpricedBefore), costCell(counts.costAfter, counts.unpricedAfter),
            pesosDelta((counts.costAfter ?? 0) - (counts.costBefore ?? 0)));
    }
    return out;
}

function unitCell(row: PlazaUnit): Span[] {
    if (row.unit === '') return [{ text: PLAZA_WORDS.noUnit, style: 'muted' }];
    const out: Span[] = [{ text: row.unit, style: 'id' }];
    if (row.name) out.push({ text: ` ${row.name}` });
    if (row.suppressed) out.push({ text: ` ${PLAZA_WORDS.suppressed}`, style: 'muted' });
    return out;
}

/** The rows of the table: the units that change (each with those below it), then the total. */
export function plazaRows(report: PlazaReport): PlazaTableRow[] {
    const priced = report.cost !== undefined;
    const rows: PlazaTableRow[] = report.units.filter(u => u.changed).map(u => ({ unit: unitCell(u), depth: u.depth, total: false, cells: cells(u.subtree, priced) }));
    const total = report.total;
    // Without --unidad every move is inside the total: its count is the plazas moved.
    const moved = total.movedIn === 0 && total.movedOut === 0 ? total.moved : undefined;
    rows.push({ unit: [{ text: PLAZA_WORDS.total, style: 'label' }], depth: 0, total: true, cells: cells(total, priced, moved) });
    return rows;
}

/** The cost sentences: the tabulador, what is counted, monthly and annual amounts, the warning. */
export function costLines(cost: PlazaCost): Span[][] {
    const lines: Span[][] = [];
    const { before, after } = cost.scale;
    lines.push([{ text: before === after && before !== undefined ? PLAZA_WORDS.scaleBoth(before) : PLAZA_WORDS.scaleEach(before ?? PLAZA_WORDS.noScale, after ?? PLAZA_WORDS.noScale) }]);
    lines.push([{ text: PLAZA_WORDS.counted }]);
    const amounts = (label: string, a: number | undefined, b: number | undefined): Span[] => {
        const parts = [`${PLAZA_WORDS.before} ${a === undefined ? '—' : pesos(a)}`, `${PLAZA_WORDS.after} ${b === undefined ? '—' : pesos(b)}`];
        if (a !== undefined && b !== undefined) parts.push(`${PLAZA_WORDS.difference} ${pesosDelta(b - a)}`);
        return [{ text: `${label}: `, style: 'label' }, { text: `${parts.join('; ')}.` }];
    };
    lines.push(amounts(PLAZA_WORDS.monthly, cost.monthlyBefore, cost.monthlyAfter));
    lines.push(amounts(PLAZA_WORDS.annual, cost.annualBefore, cost.annualAfter));
    if (cost.monthlyBefore !== undefined && cost.monthlyAfter !== undefined) {
        const delta = cost.monthlyAfter - cost.monthlyBefore;
        if (delta > 0) lines.push([{ text: PLAZA_WORDS.increases(pesos(delta), pesos(MONTHS * delta)), style: 'warn' }]);
        else lines.push([{ text: cost.unpriced.length > 0 ? PLAZA_WORDS.compensatedPartial : PLAZA_WORDS.compensated }]);
    }
    return lines;
}

/** The plazas left out of the cost, one row each: version, position, unit, level, plazas. */
export function unpricedRows(cost: PlazaCost): Array<Array<Span[]>> {
    return cost.unpriced.map(u => [
        [{ text: u.side === 'before' ? PLAZA_WORDS.before : PLAZA_WORDS.after }],
        [{ text: u.position, style: 'id' }],
        u.unit === undefined ? [{ text: PLAZA_WORDS.noUnit, style: 'muted' }] : [{ text: u.unit, style: 'id' }],
        [{ text: u.level ?? PLAZA_WORDS.noLevel, style: u.level === undefined ? 'muted' : undefined }],
        [{ text: String(u.plazas) }]
    ]);
}
