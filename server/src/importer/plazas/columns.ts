// Which column holds what: the usual labels of positions spreadsheets (the open-data directories,
// an «analítico de plazas», the IMSS SIAP plantilla), folded with text-keys' `labelKey`, as a table;
// the header row found wherever it is (title rows above it) and the sheet that looks like a
// positions table.
import { foldName, labelKey } from '../../language/text-keys.js';
import type { Row, Sheet } from '../../spreadsheets/cells.js';

/** What a column can hold. */
export const FIELDS = [
    'unidad', 'cargo', 'superior', 'nivel', 'denominacion', 'personal', 'plazas', 'ocupadas', 'vacantes', 'estatus', 'clavePlaza', 'institucion'
] as const;
export type Field = typeof FIELDS[number];

/** Columns that hold counts: the only ones a total row fills. */
export const COUNT_FIELDS: ReadonlySet<Field> = new Set(['plazas', 'ocupadas', 'vacantes']);

/**
 * Label → field. When several columns of one sheet map to one field, the earlier label in this
 * table wins (ADSCRIPCION before NOMBREAR); the others are listed as unused.
 */
const LABELS: ReadonlyArray<readonly [string, Field]> = [
    ['Unidad Administrativa', 'unidad'], ['Unidad', 'unidad'], ['Unidad Responsable', 'unidad'], ['Área de adscripción', 'unidad'],
    ['Adscripción', 'unidad'], ['Área', 'unidad'], ['Nombre del área', 'unidad'], ['NOMBREAR', 'unidad'],
    ['Nombre del Cargo', 'cargo'], ['Cargo', 'cargo'], ['Denominación del cargo', 'cargo'], ['Puesto funcional', 'cargo'],
    ['Nombre del puesto funcional', 'cargo'],
    ['Nombre del Cargo Superior', 'superior'], ['Cargo superior', 'superior'], ['Jefe inmediato', 'superior'],
    ['Puesto del jefe inmediato', 'superior'], ['Superior', 'superior'], ['Reporta a', 'superior'],
    ['Clave del Puesto', 'nivel'], ['Clave del Puesto/Remuneración Salarial', 'nivel'], ['Nivel', 'nivel'], ['Nivel salarial', 'nivel'],
    ['Código', 'nivel'], ['Código del puesto', 'nivel'], ['CATEGORIA', 'nivel'], ['Grupo grado nivel', 'nivel'],
    ['Nombre del Puesto', 'denominacion'], ['Denominación', 'denominacion'], ['Denominación del puesto', 'denominacion'], ['Puesto', 'denominacion'],
    ['Tipo de Personal', 'personal'], ['Tipo personal', 'personal'], ['TipoConfianza', 'personal'], ['Tipo de confianza', 'personal'],
    ['Plazas', 'plazas'], ['PLZAUT', 'plazas'], ['Plazas autorizadas', 'plazas'], ['Número de plazas', 'plazas'],
    ['PLZOCU', 'ocupadas'], ['Ocupadas', 'ocupadas'], ['Plazas ocupadas', 'ocupadas'],
    ['Vacantes', 'vacantes'], ['Plazas vacantes', 'vacantes'],
    ['Ocupada o vacante', 'estatus'], ['Ocupada/Vacante', 'estatus'], ['Estatus', 'estatus'], ['Estatus de la plaza', 'estatus'], ['Situación', 'estatus'],
    ['Clave de plaza', 'clavePlaza'], ['Número de plaza', 'clavePlaza'], ['Clave presupuestal', 'clavePlaza'], ['Núm. de plaza', 'clavePlaza'], ['Plaza', 'clavePlaza'],
    ['Institución', 'institucion'], ['Dependencia o entidad', 'institucion']
];

const BY_LABEL = new Map<string, { field: Field; rank: number }>();
LABELS.forEach(([label, field], rank) => { if (!BY_LABEL.has(labelKey(label))) BY_LABEL.set(labelKey(label), { field, rank }); });

/** A header: the row, each used field's column (0-based), and the labels left unused. */
export interface Header {
    row: number;
    columns: Partial<Record<Field, number>>;
    /** Header cells that map to no field (or lost to a better label for theirs), as written. */
    unused: string[];
    labels: string[];
}

/** How many rows from the top are searched for the header. */
const HEADER_SEARCH = 30;

/** The header a row would be, if its labels map to fields (`mapping`: field → label the user gave). */
export function headerOf(row: Row, mapping?: Partial<Record<Field, string>>): Header {
    const labels = row.cells.map(c => c.text.trim());
    const columns: Partial<Record<Field, number>> = {};
    const unused: string[] = [];
    if (mapping) {
        for (const [field, label] of Object.entries(mapping) as Array<[Field, string]>) {
            const index = labels.findIndex(l => l !== '' && labelKey(l) === labelKey(label));
            if (index !== -1) columns[field] = index;
        }
        labels.forEach((l, i) => { if (l && !Object.values(columns).includes(i)) unused.push(l); });
        return { row: row.row, columns, unused, labels };
    }
    const ranks: Partial<Record<Field, number>> = {};
    labels.forEach((label, index) => {
        const known = label ? BY_LABEL.get(labelKey(label)) : undefined;
        if (!known) {
            if (label) unused.push(label);
            return;
        }
        const previous = ranks[known.field];
        if (previous === undefined || known.rank < previous) {
            if (columns[known.field] !== undefined) unused.push(labels[columns[known.field]!]);
            columns[known.field] = index;
            ranks[known.field] = known.rank;
        } else unused.push(label);
    });
    return { row: row.row, columns, unused, labels };
}

/** A positions table needs the unit and something that names the position. */
export function isPositionsTable(header: Header): boolean {
    const c = header.columns;
    return c.unidad !== undefined && (c.cargo !== undefined || c.denominacion !== undefined || c.nivel !== undefined);
}

/** The best header of a sheet: the row among the first ones that maps the most fields (at least two). */
export function findHeader(sheet: Sheet, mapping?: Partial<Record<Field, string>>): Header | undefined {
    let best: Header | undefined;
    const score = (h: Header) => Object.keys(h.columns).length + (isPositionsTable(h) ? 100 : 0);
    for (const row of sheet.rows.slice(0, HEADER_SEARCH)) {
        const header = headerOf(row, mapping);
        if (Object.keys(header.columns).length >= 2 && (!best || score(header) > score(best))) best = header;
    }
    return best;
}

/** Whether a data row repeats the header (a sheet printed page by page). */
export function repeatsHeader(row: Row, header: Header): boolean {
    const c = Object.values(header.columns);
    return c.length > 0 && c.every(i => foldName(row.cells[i]?.text ?? '') === foldName(header.labels[i] ?? ''));
}
