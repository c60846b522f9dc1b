// What every format of a comparison report shows, as format-free pieces: the differences grouped
// (units, positions, functions per unit), the counts of the summary, the cells of the cuadro
// comparativo, and the tree of the structure at a date. Each format only escapes and lays them out.
import { compareNumbers } from '../../export/manual-document.js';
import type { ChangeKind, Comparison, Difference, RecordRef } from '../compare.js';
import type { StateAtDate } from '../as-of.js';
import type { ChangeRecord, Place, RecordKind, Snapshot, UnitState } from '../snapshot.js';
import { CHANGE_KINDS, KIND_LABELS, plural, RECORD_KIND_LABELS, WORDS } from './labels.js';

export interface ReportInput {
    comparison: Comparison;
    /** The state at a date the comparison starts from (`--al`), with how it was derived. */
    asOf?: { date: string; result: StateAtDate };
}

/** The sections every format of a report writes, in the order `writeSections` calls them. */
export interface ReportSections {
    /** Header: the two sides and what could not be read. */
    sides(comparison: Comparison): void;
    asOf(asOf: NonNullable<ReportInput['asOf']>): void;
    matches(comparison: Comparison): void;
    differences(comparison: Comparison): void;
    /** Plazas and their cost per unit; called only when the comparison has positions. */
    plazas(plazas: NonNullable<Comparison['plazas']>): void;
    unfulfilled(comparison: Comparison): void;
}

export function writeSections(report: ReportSections, input: ReportInput): void {
    report.sides(input.comparison);
    if (input.asOf) report.asOf(input.asOf);
    report.matches(input.comparison);
    report.differences(input.comparison);
    if (input.comparison.plazas) report.plazas(input.comparison.plazas);
    report.unfulfilled(input.comparison);
}

export interface RenderOptions {
    /** Link target for a place (a definition in a file); undefined = no link. */
    href?: (place: Place) => string | undefined;
    title?: string;
}

/** A piece of inline text: its role decides how a format shows it; a place makes it a link. */
export interface Span {
    text: string;
    style?: 'label' | 'id' | 'warn' | 'muted' | 'del' | 'ins';
    place?: Place;
}

export interface FunctionGroup {
    unit?: string;
    unitName?: string;
    differences: Difference[];
}

export interface Groups {
    units: Difference[];
    positions: Difference[];
    /** Per unit, in the order the unit first appears. */
    functions: FunctionGroup[];
}

export function groupDifferences(differences: readonly Difference[]): Groups {
    const groups: Groups = { units: [], positions: [], functions: [] };
    const byUnit = new Map<string, FunctionGroup>();
    for (const d of differences) {
        const group = KIND_LABELS[d.kind]?.group;
        if (group === 'funciones') {
            const key = d.unit ?? '';
            let entry = byUnit.get(key);
            if (!entry) {
                byUnit.set(key, entry = { unit: d.unit, unitName: d.unitName, differences: [] });
                groups.functions.push(entry);
            }
            entry.differences.push(d);
        } else if (group === 'puestos') groups.positions.push(d);
        else groups.units.push(d);
    }
    return groups;
}

export interface Summary {
    total: number;
    /** Every kind, in the label table's order, with its count (zero included). */
    byKind: Array<{ kind: ChangeKind; label: string; count: number }>;
    uncovered: number;
    unfulfilled: number;
}

export function summaryOf(comparison: Comparison): Summary {
    const counts = new Map<ChangeKind, number>();
    let uncovered = 0;
    for (const d of comparison.differences) {
        counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
        if (d.uncovered) uncovered++;
    }
    return {
        total: comparison.differences.length,
        byKind: CHANGE_KINDS.map(kind => ({ kind, label: KIND_LABELS[kind].label, count: counts.get(kind) ?? 0 })),
        uncovered,
        unfulfilled: comparison.unfulfilled.length
    };
}

/** `Resumen: 15 diferencias (Unidad creada: 2, …); 0 sin acuerdo que las autorice; 5 registros sin cambio visible.` */
export function summarySentence(summary: Summary): string {
    const kinds = summary.byKind.filter(k => k.count > 0).map(k => `${k.label}: ${k.count}`);
    const head = summary.total === 0 ? 'sin diferencias' : `${plural(summary.total, 'diferencia', 'diferencias')} (${kinds.join(', ')})`;
    return `${WORDS.summary}: ${head}; ${summary.uncovered} sin acuerdo que ${summary.uncovered === 1 ? 'la' : 'las'} autorice; `
        + `${plural(summary.unfulfilled, 'registro', 'registros')} sin cambio visible.`;
}

/** `file:line` of a problem; the file alone when it has no line (a file that could not be read). */
export function problemPlace(problem: { file: string; line: number }): string {
    return problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
}

export function placeText(place: Place | undefined): string | undefined {
    return place ? `${place.file}:${place.line}` : undefined;
}

export function recordKindLabel(kind: string | undefined): string | undefined {
    return kind === undefined ? undefined : RECORD_KIND_LABELS[kind as RecordKind] ?? kind;
}

/** `ACDO… (2021-04-28, adscripción)`, the act a link to the record. */
export function recordSpans(record: RecordRef | ChangeRecord): Span[] {
    const facts = [record.date ?? WORDS.noDate, recordKindLabel(record.kind)].filter(x => x !== undefined).join(', ');
    return [{ text: record.act || WORDS.noAct, place: record.place }, { text: ` (${facts})` }];
}

/** The acts of a difference, or the warning that it has none. */
export function actSpans(d: Difference): Span[] {
    if (d.records.length === 0) return d.uncovered ? [{ text: WORDS.uncovered, style: 'warn' }] : [];
    const out: Span[] = [];
    d.records.forEach((record, i) => {
        if (i > 0) out.push({ text: '; ' });
        out.push(...recordSpans(record));
    });
    return out;
}

/** An adscription: `Nombre (IMSS.DOE)`, the id alone if its name is unknown. */
function adscriptionSpans(id: string | undefined, name: string | undefined): Span[] {
    if (id === undefined) return [{ text: WORDS.noAdscription, style: 'muted' }];
    return name ? [{ text: `${name} (` }, { text: id, style: 'id' }, { text: ')' }] : [{ text: id, style: 'id' }];
}

/** The value before or after the change, without what it is (the kind says it); undefined if none. */
export function valueSpans(d: Difference, side: 'before' | 'after'): Span[] | undefined {
    const value = side === 'before' ? d.before : d.after;
    switch (d.kind) {
        case 'unidad-movida':
        case 'puesto-movido':
            return adscriptionSpans(value, side === 'before' ? d.beforeName : d.afterName);
        case 'unidad-creada':
        case 'puesto-creado':
            return side === 'before' ? undefined : [{ text: value ?? '' }];
        case 'unidad-suprimida':
        case 'puesto-eliminado':
            return side === 'after' ? undefined : [{ text: value ?? '' }];
        default:
            return value === undefined ? undefined : [{ text: value }];
    }
}

/** The units that went with a created, suppressed or moved unit: `con su tramo de control: IMSS.A, IMSS.B`. */
export function subtreeSpans(d: Difference): Span[] | undefined {
    if (!d.subtree || d.subtree.length === 0) return undefined;
    const lead = d.kind === 'unidad-creada' ? WORDS.withCreated : d.kind === 'unidad-suprimida' ? WORDS.withSuppressed : WORDS.withSubtree;
    const out: Span[] = [{ text: `${lead} (${d.subtree.length}): ` }];
    d.subtree.forEach((id, i) => {
        if (i > 0) out.push({ text: ', ' });
        out.push({ text: id, style: 'id' });
    });
    return out;
}

/** Where a change is: the definition in the later version, or in the earlier one for what was removed. */
export function placeOf(d: Difference): Place | undefined {
    return d.kind === 'unidad-suprimida' || d.kind === 'puesto-eliminado' || d.kind === 'funcion-eliminada' ? d.placeBefore : d.placeAfter ?? d.placeBefore;
}

/** `IMSS.CEIR Coordinación de …`, the id a link to `place`; its former id if it changed. */
export function unitSpans(d: Difference, place: Place | undefined): Span[] {
    if (d.unit === undefined) return [{ text: WORDS.none, style: 'muted' }];
    const out: Span[] = [{ text: d.unit, style: 'id', place }];
    if (d.unitBefore !== undefined) out.push({ text: ` (${WORDS.formerId} ` }, { text: d.unitBefore, style: 'id' }, { text: ')' });
    if (d.unitName) out.push({ text: ` ${d.unitName}` });
    return out;
}

export interface CuadroRow {
    difference: Difference;
    unit: Span[];
    current: Span[];
    proposed: Span[];
    act: Span[];
}

/** A row of the cuadro comparativo: the situation before and after, each saying what it is about. */
export function cuadroRow(d: Difference): CuadroRow {
    const entry = KIND_LABELS[d.kind];
    const isPosition = entry.group === 'puestos';
    const prefix = (): Span[] => {
        const out: Span[] = [];
        if (isPosition && d.position !== undefined) out.push({ text: `${WORDS.position} ` }, { text: d.position, style: 'id', place: placeOf(d) }, { text: entry.aspect ? ' — ' : ': ' });
        if (entry.aspect) out.push({ text: `${entry.aspect}: `, style: 'label' });
        return out;
    };
    const side = (which: 'before' | 'after'): Span[] => {
        const value = valueSpans(d, which);
        if (value === undefined) {
            if (which === 'after' && (d.kind === 'unidad-suprimida' || d.kind === 'puesto-eliminado')) {
                return [...prefix(), { text: WORDS.suppressed, style: 'label' }, ...withSubtree()];
            }
            return [{ text: WORDS.none, style: 'muted' }];
        }
        if (which === 'after' && (d.kind === 'unidad-creada' || d.kind === 'puesto-creado')) {
            return [...prefix(), { text: `${WORDS.created}: `, style: 'label' }, ...value, ...withSubtree()];
        }
        return [...prefix(), ...value, ...(which === 'after' && d.kind === 'unidad-movida' ? withSubtree() : [])];
    };
    const withSubtree = (): Span[] => {
        const spans = subtreeSpans(d);
        return spans ? [{ text: '; ' }, ...spans] : [];
    };
    const act = actSpans(d);
    return {
        difference: d,
        unit: unitSpans(d, isPosition ? undefined : placeOf(d)),
        current: side('before'),
        proposed: side('after'),
        act: act.length > 0 ? act : [{ text: WORDS.none, style: 'muted' }]
    };
}

/** Where a function is in each version (1-based): `posición 4 → 7`, or `posición 4` if it kept it. */
export function functionPosition(d: Difference): string {
    const before = d.index?.before;
    const after = d.index?.after;
    if (before !== undefined && after !== undefined) return before === after ? `${WORDS.place} ${after}` : `${WORDS.place} ${before} → ${after}`;
    return `${WORDS.place} ${after ?? before ?? '?'}`;
}

/** A function change's text: an edit as its word difference, an added or removed function whole. */
export function functionSpans(d: Difference): Span[] {
    if (d.kind === 'funcion-modificada' && d.words) {
        return d.words.map(part => ({ text: part.text, style: part.change === 'removed' ? 'del' : part.change === 'added' ? 'ins' : undefined }));
    }
    if (d.kind === 'funcion-eliminada') return [{ text: d.before ?? '', style: 'del' }];
    if (d.kind === 'funcion-agregada') return [{ text: d.after ?? '', style: 'ins' }];
    return [{ text: d.after ?? d.before ?? '' }];
}

/** A changed word run's leading and trailing white space stay outside the markers. */
export function splitSpace(text: string): [string, string, string] {
    let start = 0;
    let end = text.length;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    return [text.slice(0, start), text.slice(start, end), text.slice(end)];
}

function isSpace(code: number): boolean {
    return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2007 || code === 0x202f || code === 0xfeff;
}

export interface TreeEntry {
    unit: UnitState;
    depth: number;
}

/**
 * The units of a state as a tree, depth first, siblings in number order: each under its parent; a
 * unit whose parent is not in the state is a root (and so is any unit of a cycle of adscriptions).
 */
export function stateTree(state: Snapshot): TreeEntry[] {
    const children = new Map<string, string[]>();
    const roots: string[] = [];
    for (const unit of state.units.values()) {
        if (unit.parent === undefined || !state.units.has(unit.parent)) {
            roots.push(unit.id);
            continue;
        }
        let list = children.get(unit.parent);
        if (!list) children.set(unit.parent, list = []);
        list.push(unit.id);
    }
    // Siblings by number, segment by segment; those without a number after, in the state's order.
    const byNumber = (a: string, b: string) => compareNumbers(state.units.get(a)!.number, state.units.get(b)!.number);
    roots.sort(byNumber);
    for (const list of children.values()) list.sort(byNumber);
    const out: TreeEntry[] = [];
    const seen = new Set<string>();
    const visit = (root: string) => {
        const stack: Array<[string, number]> = [[root, 0]];
        while (stack.length > 0) {
            const [id, depth] = stack.pop()!;
            if (seen.has(id)) continue;
            seen.add(id);
            out.push({ unit: state.units.get(id)!, depth });
            const kids = children.get(id) ?? [];
            for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + 1]);
        }
    };
    for (const id of roots) visit(id);
    for (const unit of state.units.values()) if (!seen.has(unit.id)) visit(unit.id);
    return out;
}

/** `7.1 Dirección de Operación y Evaluación (IMSS.DOE)`. */
export function treeSpans(unit: UnitState): Span[] {
    return [{ text: `${unit.number ? `${unit.number} ` : ''}${unit.name} (` }, { text: unit.id, style: 'id', place: unit.place }, { text: ')' }];
}

/** With `--unidad`: `Solo IMSS.DOE y las unidades que dependen de ella (antes: …, después: …)`. */
export function scopeText(comparison: Comparison): string | undefined {
    const scope = comparison.scope;
    if (!scope) return undefined;
    const sides = [`${WORDS.before.toLowerCase()}: ${scope.before ?? WORDS.notFound}`, `${WORDS.after.toLowerCase()}: ${scope.after ?? WORDS.notFound}`];
    return scope.before !== undefined && scope.before === scope.after
        ? `${WORDS.scope(scope.before)}.`
        : `${WORDS.scope(scope.after ?? scope.before ?? '?')} (${sides.join('; ')}).`;
}

/** A side of the comparison: `label — 7 archivos, 57 unidades, 0 puestos`. */
export function sideFacts(side: Comparison['before']): string {
    return [plural(side.files, 'archivo', 'archivos'), plural(side.units, 'unidad', 'unidades'), plural(side.positions, 'puesto', 'puestos')].join(', ');
}

export function plainText(spans: readonly Span[]): string {
    let out = '';
    for (const span of spans) out += span.text;
    return out;
}
