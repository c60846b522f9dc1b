// The history of a unit or a position, as the analyst reads it: one entry per change record that
// concerns it (wherever in the workspace the record is), plus the unit's own `anterior` lines,
// oldest first, each tied to the place of its record so a hover (or an export) can link to it.
import { AstUtils, type LangiumDocuments, type Reference } from 'langium';
import { isCambio, isDocumento, isUnidad, type Cambio, type NombreAnterior, type Puesto, type Unidad } from '../language/generated/ast.js';
import { institutionOf } from '../language/model.js';
import { normalizeKey } from '../language/text-keys.js';
import { recordKindOf } from '../history/record-kinds.js';
import { markdownText } from './markdown.js';

export interface HistoryEntry {
    /** The record's `fecha`, or the `hasta` of an `anterior` line; undefined when not given. */
    date?: string;
    /** What happened, in Spanish: «denominación «A» → «B»», «recibió …». */
    text: string;
    /** `Acuerdo …` or `oficio …`; undefined when the record gives none. */
    act?: string;
    /**
     * `cambio`: a record about the subject itself; `recibe`/`cede`: a record moving other units or
     * positions into or out of the unit; `anterior`: one of the unit's own `anterior` lines.
     */
    role: 'cambio' | 'recibe' | 'cede' | 'anterior';
    /** The record or the `anterior` line. */
    node: Cambio | NombreAnterior;
    /** The file of the node, and the 0-based line where it starts. */
    uri: string;
    line: number;
}

/** How many entries a hover lists; the older ones beyond are counted. */
export const HISTORY_LIMIT = 12;

/**
 * The changes of a unit or a position, oldest first (undated last). For a unit: the records naming
 * it (or another description of it, `same`) in `unidades`; the records naming no unit whose
 * `nombre anterior`/`nombre nuevo` is one of its names, in its institution; the records where it is
 * the former or new adscription of other units or positions; and its `anterior` lines not already
 * told by a record. For a position: the records naming it in `puestos`.
 */
export function historyOf(subject: Unidad | Puesto, documents: LangiumDocuments, same: Iterable<Unidad> = []): HistoryEntry[] {
    return historyAmong(subject, changeRecords(documents), same);
}

/** Every change record of the workspace, in workspace order. */
export function changeRecords(documents: LangiumDocuments): Cambio[] {
    const records: Cambio[] = [];
    for (const document of documents.all) {
        const root = document.parseResult.value;
        // Records are top-level elements only (the grammar nests none in a unit).
        if (isDocumento(root)) for (const element of root.elementos) if (isCambio(element)) records.push(element);
    }
    return records;
}

/** `historyOf` among records already collected (`changeRecords`), for many subjects at once. */
export function historyAmong(subject: Unidad | Puesto, records: readonly Cambio[], same: Iterable<Unidad> = []): HistoryEntry[] {
    const entries = isUnidad(subject) ? unitHistory(subject, [subject, ...same], records) : positionHistory(subject, records);
    return entries
        .map((entry, order) => ({ entry, order }))
        .sort((a, b) => compareDates(a.entry.date, b.entry.date) || a.order - b.order)
        .map(({ entry }) => entry)
        .filter(dedupe());
}

function unitHistory(unit: Unidad, units: Unidad[], records: readonly Cambio[]): HistoryEntry[] {
    const self = new Set(units);
    const own = ownRecords(unit, self, records);
    const entries: HistoryEntry[] = [];
    for (const record of records) {
        if (own.has(record)) {
            entries.push(recordEntry(record, 'cambio', describeOwn(record, 'unidad')));
            continue;
        }
        const from = isIn(record.adscripcionAnterior, self);
        const to = isIn(record.adscripcionNueva, self);
        if (from === to) continue;
        const moved = movedList(record);
        const tramo = record.tramo ? ', con su tramo de control' : '';
        entries.push(from
            ? recordEntry(record, 'cede', `cedió ${moved}${record.adscripcionNueva ? ` a ${refName(record.adscripcionNueva)}` : ''}${tramo}`)
            : recordEntry(record, 'recibe', `recibió ${moved}${record.adscripcionAnterior ? ` de ${refName(record.adscripcionAnterior)}` : ''}${tramo}`));
    }
    // The `anterior` lines a record of the list does not already tell.
    const renamedFrom = new Set([...own].map(r => r.nombreAnterior).filter((n): n is string => typeof n === 'string').map(n => normalizeKey(n)));
    for (const u of self) {
        for (const former of u.anteriores) {
            if (typeof former.nombre !== 'string' || renamedFrom.has(normalizeKey(former.nombre))) continue;
            entries.push({
                date: former.hasta, text: `se llamaba ${quote(former.nombre)}`, act: former.acuerdo && `Acuerdo ${former.acuerdo}`,
                role: 'anterior', node: former, ...placeOf(former)
            });
        }
    }
    return entries;
}

/** The records about the unit: those that name it, and those that name no unit but one of its names. */
function ownRecords(unit: Unidad, self: Set<Unidad>, records: readonly Cambio[]): Set<Cambio> {
    const institution = institutionOf(unit);
    const names = new Set<string>();
    const addName = (name: string | undefined) => { if (typeof name === 'string') names.add(normalizeKey(name)); };
    for (const u of self) {
        addName(u.nombre);
        for (const former of u.anteriores) addName(former.nombre);
    }
    const own = new Set<Cambio>();
    for (const record of records) {
        if (record.unidades.some(ref => isIn(ref, self))) {
            own.add(record);
            addName(record.nombreAnterior);
            addName(record.nombreNuevo);
        }
    }
    // Records that name no unit, by name; a match adds the record's other name, so a chain of
    // renames (A → B, then B → today's name) is followed back.
    const byName = records.filter(r => r.unidades.length === 0 && (r.nombreAnterior !== undefined || r.nombreNuevo !== undefined)
        && sameInstitution(institutionOf(r), institution));
    for (let grew = true; grew;) {
        grew = false;
        for (const record of byName) {
            if (own.has(record)) continue;
            if ([record.nombreAnterior, record.nombreNuevo].some(n => typeof n === 'string' && names.has(normalizeKey(n)))) {
                own.add(record);
                addName(record.nombreAnterior);
                addName(record.nombreNuevo);
                grew = true;
            }
        }
    }
    return own;
}

function positionHistory(position: Puesto, records: readonly Cambio[]): HistoryEntry[] {
    return records
        .filter(record => record.puestos.some(ref => ref.ref === position))
        .map(record => recordEntry(record, 'cambio', describeOwn(record, 'puesto')));
}

/** What a record did to its subject (a unit, or a position), in Spanish. */
function describeOwn(record: Cambio, subject: 'unidad' | 'puesto'): string {
    const ending = subject === 'unidad' ? 'a' : 'o';
    const rename = record.nombreAnterior !== undefined && record.nombreNuevo !== undefined
        ? `${quote(record.nombreAnterior)} → ${quote(record.nombreNuevo)}`
        : undefined;
    const move = moveText(record);
    const parts: string[] = [];
    switch (recordKindOf(record.tipo)) {
        case 'creacion':
            parts.push(`cread${ending}${record.nombreNuevo ? ` como ${quote(record.nombreNuevo)}` : ''}`
                + (record.adscripcionNueva && !record.adscripcionAnterior ? ` en ${refName(record.adscripcionNueva)}` : ''));
            if (record.adscripcionAnterior && move) parts.push(move);
            break;
        case 'supresion':
            parts.push(`suprimid${ending}`);
            break;
        case 'fusion':
            parts.push(`fusionad${ending}${record.nombreNuevo ? ` en ${quote(record.nombreNuevo)}` : ''}`);
            if (move) parts.push(move);
            break;
        case 'denominacion':
            parts.push(rename ? `denominación ${rename}` : record.nombreNuevo ? `denominación → ${quote(record.nombreNuevo)}` : 'cambio de denominación');
            if (move) parts.push(move);
            break;
        case 'adscripcion':
            parts.push(move ?? 'cambio de adscripción');
            if (rename) parts.push(`denominación ${rename}`);
            break;
        case 'transformacion': {
            const into = rename ? `: ${rename}` : record.nombreNuevo ? ` en ${quote(record.nombreNuevo)}` : '';
            // A position that becomes a unit, told from either side.
            const other = subject === 'unidad'
                ? record.puestos.length > 0 ? ` (antes ${names(record.puestos, 'el puesto', 'los puestos')})` : ''
                : record.unidades.length > 0 && !record.nombreNuevo ? ` en ${names(record.unidades, 'la unidad', 'las unidades')}` : '';
            parts.push(`transformad${ending}${into}${other}`);
            if (move) parts.push(move);
            break;
        }
        case 'reubicacion':
            parts.push(`reubicad${ending}`);
            if (move) parts.push(move);
            if (rename) parts.push(`denominación ${rename}`);
            break;
        default:
            parts.push(rename ? `denominación ${rename}` : 'cambio');
            if (move) parts.push(move);
    }
    return parts.join('; ') + (record.tramo ? ', con su tramo de control' : '');
}

/** A record's change of adscripción: «adscripción A → B» (either side may be missing). */
function moveText(record: Cambio): string | undefined {
    return record.adscripcionAnterior && record.adscripcionNueva
        ? `adscripción ${refName(record.adscripcionAnterior)} → ${refName(record.adscripcionNueva)}`
        : record.adscripcionNueva ? `adscripción → ${refName(record.adscripcionNueva)}`
        : record.adscripcionAnterior ? `adscripción ${refName(record.adscripcionAnterior)} → ?` : undefined;
}

/** The units and positions a record moves, for «recibió …»/«cedió …». */
function movedList(record: Cambio): string {
    const moved = [
        ...record.unidades.map(ref => refName(ref)),
        ...record.puestos.map(ref => `el puesto ${quote(ref.ref?.titulo ?? ref.$refText)}`)
    ];
    if (moved.length === 0) return 'unidades';
    const shown = moved.length > 3 ? [...moved.slice(0, 2), `${moved.length - 2} más`] : moved;
    return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} y ${shown[shown.length - 1]}`;
}

function names(refs: Array<Reference<Unidad> | Reference<Puesto>>, one: string, many: string): string {
    const list = refs.map(ref => refName(ref));
    return `${list.length === 1 ? one : many} ${list.join(', ')}`;
}

function refName(ref: Reference<Unidad> | Reference<Puesto>): string {
    const target = ref.ref;
    const name = target ? (isUnidad(target) ? target.nombre : target.titulo) : undefined;
    return quote(name ?? ref.$refText);
}

function quote(name: string): string {
    return `«${name}»`;
}

function isIn(ref: Reference<Unidad> | undefined, units: Set<Unidad>): boolean {
    const target = ref?.ref;
    return target !== undefined && units.has(target);
}

function sameInstitution(a: string, b: string): boolean {
    return a === '' || b === '' || a === b;
}

function recordEntry(record: Cambio, role: HistoryEntry['role'], text: string): HistoryEntry {
    return {
        date: record.fecha, text, role, node: record, ...placeOf(record),
        act: record.acuerdo !== undefined ? `Acuerdo ${record.acuerdo}` : record.oficio !== undefined ? `oficio ${record.oficio}` : undefined
    };
}

function placeOf(node: Cambio | NombreAnterior): { uri: string; line: number } {
    return { uri: AstUtils.getDocument(node).uri.toString(), line: node.$cstNode?.range.start.line ?? 0 };
}

/** Dated entries by date; undated ones after them. */
function compareDates(a: string | undefined, b: string | undefined): number {
    if (a === b) return 0;
    if (a === undefined) return 1;
    if (b === undefined) return -1;
    return a.localeCompare(b);
}

/** Drops an entry that says exactly what an earlier one says (the same record in two manuals). */
function dedupe(): (entry: HistoryEntry) => boolean {
    const seen = new Set<string>();
    return entry => {
        const key = `${entry.date}|${entry.act}|${entry.text}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    };
}

/**
 * The «Historia» section of a hover card: one line per entry, the act linked to its record
 * (`file:…#L<line>`, 1-based, which VS Code opens at that line). The newest `limit` entries when
 * there are more, with the count of the older ones. Empty when there is no entry.
 */
export function historyMarkdown(entries: readonly HistoryEntry[], limit = HISTORY_LIMIT): string {
    if (entries.length === 0) return '';
    const hidden = Math.max(0, entries.length - limit);
    const lines = entries.slice(hidden).map(entry => {
        const date = entry.date === undefined ? 'sin fecha' : entry.role === 'anterior' ? `hasta ${entry.date}` : entry.date;
        const href = `${entry.uri}#L${entry.line + 1}`.replace(/\(/g, '%28').replace(/\)/g, '%29');
        const link = `[${markdownText(entry.act ?? `línea ${entry.line + 1}`)}](${href})`;
        return `- ${date} · ${markdownText(entry.text)} · ${link}`;
    });
    if (hidden > 0) lines.unshift(`- *… y ${hidden} ${hidden === 1 ? 'cambio anterior' : 'cambios anteriores'}*`);
    return ['**Historia**', lines.join('\n')].join('\n\n');
}
