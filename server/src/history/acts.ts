// Ties each difference to the `cambio` records of the later version that authorize it, marks the
// differences that need an act and have none, and lists the records new in the later version whose
// change the comparison does not show.
import { normalizeKey } from '../language/text-keys.js';
import { NEEDS_ACT, type ChangeKind, type Comparison, type Difference, type RecordRef } from './differences.js';
import { isAtOrBelow, type ChangeRecord, type RecordKind, type Snapshot } from './snapshot.js';

/**
 * The record kinds that can authorize each kind of change. A unit created (or suppressed) between
 * the two versions is covered by every record about it: its renames in between are part of it.
 */
const AUTHORIZED_BY: Partial<Record<ChangeKind, readonly RecordKind[]>> = {
    'unidad-creada': ['creacion', 'transformacion', 'fusion', 'denominacion', 'adscripcion', 'reubicacion'],
    'unidad-suprimida': ['supresion', 'fusion', 'transformacion', 'denominacion', 'adscripcion', 'reubicacion'],
    'unidad-renombrada': ['denominacion', 'transformacion'],
    'unidad-transformada': ['transformacion', 'denominacion'],
    'unidad-movida': ['adscripcion', 'reubicacion', 'transformacion', 'creacion', 'fusion'],
    'puesto-creado': ['creacion', 'reubicacion', 'transformacion'],
    'puesto-eliminado': ['supresion', 'reubicacion', 'transformacion'],
    'puesto-movido': ['reubicacion', 'adscripcion', 'transformacion'],
    'puesto-reclasificado': ['transformacion', 'reubicacion', 'creacion'],
    'puesto-nivel': ['transformacion', 'reubicacion', 'creacion'],
    'puesto-plazas': ['creacion', 'supresion', 'reubicacion', 'transformacion']
};

const SUBTREE_KINDS: ReadonlySet<RecordKind> = new Set(['creacion', 'supresion', 'fusion']);

export function refOf(record: ChangeRecord): RecordRef {
    return { act: record.act, date: record.date, kind: record.kind, source: record.source, place: record.place };
}

/** Fills `records` and `uncovered` of each difference; returns the unfulfilled records. */
export function attributeChanges(differences: Difference[], before: Snapshot, after: Snapshot): Comparison['unfulfilled'] {
    // New records: not in the earlier version, and not dated up to the date it speaks for (a
    // Dirección's manual retells, in its own words, changes the institutional manual already had).
    const earlier = new Set(before.records.map(recordIdentity));
    const isNew = (record: ChangeRecord) => !earlier.has(recordIdentity(record))
        && (before.date === undefined || record.date === undefined || record.date > before.date);
    const used = new Set<ChangeRecord>();
    // Units that came or went with a created or suppressed unit: a record about one of them (moved
    // into the new unit, renamed before it went) shows no change of its own, and is no mystery.
    const cameOrWent = new Set<string>();
    for (const d of differences) {
        if ((d.kind === 'unidad-creada' || d.kind === 'unidad-suprimida') && d.unit !== undefined) {
            cameOrWent.add(d.unit);
            for (const id of d.subtree ?? []) cameOrWent.add(id);
        }
    }
    for (const record of after.records) if (record.units.some(id => cameOrWent.has(id))) used.add(record);
    for (const difference of differences) {
        const kinds = AUTHORIZED_BY[difference.kind];
        if (!kinds) continue;
        const covering = after.records.filter(record => record.kind !== undefined && kinds.includes(record.kind) && covers(record, difference, after));
        if (difference.kind === 'unidad-movida' && covering.length > 0) {
            // The steps in between: a unit moved away and back again by two new records ends where
            // the last one left it, and both are part of how it got there.
            for (const record of after.records) {
                if (!covering.includes(record) && isNew(record) && record.kind !== undefined && kinds.includes(record.kind)
                    && record.units.includes(difference.unit!)) covering.push(record);
            }
            covering.sort((a, b) => after.records.indexOf(a) - after.records.indexOf(b));
        }
        for (const record of covering) used.add(record);
        difference.records = covering.map(refOf);
        difference.uncovered = NEEDS_ACT[difference.kind] && covering.length === 0;
    }
    return after.records
        .filter(record => record.source === 'cambio' && !used.has(record) && isNew(record))
        .map(record => ({
            record: refOf(record),
            units: record.units,
            reason: record.units.length === 0 && record.positions.length === 0
                ? 'no nombra unidades ni puestos, y ningún cambio de la comparación coincide con su descripción'
                : 'la comparación no muestra el cambio que registra'
        }));
}

/** Two records are the same act on the same units, wherever the file puts them. */
function recordIdentity(record: ChangeRecord): string {
    return [record.act, record.date, record.kind, [...record.units].sort().join(','), [...record.positions].sort().join(','),
        normalizeKey(record.nameBefore ?? ''), normalizeKey(record.nameAfter ?? ''), record.parentBefore, record.parentAfter].join('|');
}

function covers(record: ChangeRecord, d: Difference, after: Snapshot): boolean {
    if (d.position !== undefined) {
        if (record.positions.includes(d.position)) return true;
        // A position created or removed with the unit it belongs to.
        return (d.kind === 'puesto-creado' || d.kind === 'puesto-eliminado') && d.unit !== undefined && record.units.includes(d.unit)
            && (record.kind === 'creacion' || record.kind === 'supresion' || record.kind === 'transformacion');
    }
    const ids = new Set([d.unit, d.unitBefore].filter((x): x is string => x !== undefined));
    const names = (list: Array<string | undefined>) => new Set(list.filter((x): x is string => x !== undefined).map(normalizeKey));
    // A creation or suppression record may name the units created or suppressed with the head.
    const named = record.units.some(id => ids.has(id))
        || (d.subtree !== undefined && d.kind !== 'unidad-movida' && SUBTREE_KINDS.has(record.kind!) && record.units.some(id => d.subtree!.includes(id)));
    switch (d.kind) {
        case 'unidad-creada':
            return named || (record.units.length === 0 && record.nameAfter !== undefined && names([d.after]).has(normalizeKey(record.nameAfter)));
        case 'unidad-suprimida':
            return named || (record.units.length === 0 && record.nameBefore !== undefined && names([d.before]).has(normalizeKey(record.nameBefore)));
        case 'unidad-renombrada':
            if (record.nameBefore !== undefined && record.nameAfter !== undefined
                && normalizeKey(record.nameBefore) === normalizeKey(d.before!) && normalizeKey(record.nameAfter) === normalizeKey(d.after!)) return true;
            return named && (record.nameAfter === undefined || normalizeKey(record.nameAfter) === normalizeKey(d.after!)
                || record.nameBefore !== undefined && normalizeKey(record.nameBefore) === normalizeKey(d.before!));
        case 'unidad-transformada':
            return named;
        case 'unidad-movida': {
            // The record left the unit under its new adscription, directly or (once later records
            // put a unit in between) further down.
            if (record.parentAfter !== undefined && !isAtOrBelow(after, d.after, record.parentAfter)) return false;
            if (named) return true;
            // A record that names no unit ("la Coordinación … y su tramo de control, de dicha Dirección
            // a la Dirección Jurídica") covers a move between the two adscriptions it gives.
            return record.units.length === 0 && record.parentBefore !== undefined && record.parentAfter !== undefined
                && record.parentBefore === d.before;
        }
        default:
            return false;
    }
}
