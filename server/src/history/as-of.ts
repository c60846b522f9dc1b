// The structure in force at a date, derived from today's version and its change records: every
// record dated after the date is undone, newest first (rename back, move back, un-create, restore
// what was suppressed). A record that names no unit of the version, or lacks what undoing it needs,
// is not applied and says why. Functions, numbers and positions have no dated history in the
// manuals: they stay as they are today.
import { kindFromName } from '../language/kinds.js';
import { normalizeKey } from '../language/text-keys.js';
import { childrenOf, cloneSnapshot, isAtOrBelow, subtreeOf, type ChangeRecord, type Snapshot, type UnitState } from './snapshot.js';

export interface AppliedRecord {
    record: ChangeRecord;
    /** Qualified ids of the units the record changed (the ones undone). */
    units: string[];
}

export interface SkippedRecord {
    record: ChangeRecord;
    /** In Spanish, for the report. */
    reason: string;
}

export interface StateAtDate {
    state: Snapshot;
    applied: AppliedRecord[];
    skipped: SkippedRecord[];
    /** Records whose stated end differs from the structure they were undone on (still undone). */
    inconsistencies: Array<{ record: ChangeRecord; message: string }>;
}

/** Records dated after `date`, newest first; records of one date in reverse file order. */
function recordsToUndo(records: readonly ChangeRecord[], date: string): ChangeRecord[] {
    return records
        .map((record, order) => ({ record, order }))
        .filter(({ record }) => record.date !== undefined && record.date > date)
        .sort((a, b) => b.record.date!.localeCompare(a.record.date!) || b.order - a.order)
        .map(({ record }) => record);
}

export function stateAt(today: Snapshot, date: string): StateAtDate {
    const state = cloneSnapshot(today, `estado al ${date}`);
    state.date = date;
    const result: StateAtDate = { state, applied: [], skipped: [], inconsistencies: [] };
    const undone = new Set<ChangeRecord>();
    for (const record of recordsToUndo(today.records, date)) {
        const outcome = undo(state, record, result);
        if (typeof outcome === 'string') result.skipped.push({ record, reason: outcome });
        else {
            result.applied.push({ record, units: outcome });
            undone.add(record);
        }
    }
    const undated = today.records.filter(r => r.date === undefined && r.source === 'cambio');
    for (const record of undated) result.skipped.push({ record, reason: 'no tiene fecha' });
    // The state at the date holds the records of its time only.
    state.records = today.records.filter(r => !undone.has(r) && (r.date === undefined || r.date <= date));
    return result;
}

/** The units a record is about: those it names that the state holds, else the one bearing its new name. */
function subjectsOf(state: Snapshot, record: ChangeRecord): UnitState[] {
    const named = record.units.map(id => state.units.get(id)).filter((u): u is UnitState => u !== undefined);
    if (named.length > 0 || record.units.length > 0 || record.nameAfter === undefined) return named;
    const key = normalizeKey(record.nameAfter);
    return [...state.units.values()].filter(u => normalizeKey(u.name) === key);
}

/** Undoes one record on the state; the ids it changed, or why it could not. */
function undo(state: Snapshot, record: ChangeRecord, result: StateAtDate): string[] | string {
    if (record.kind === undefined) return 'no dice qué tipo de cambio es';
    if (record.kind === 'supresion' || record.kind === 'fusion') return restore(state, record);
    const subjects = subjectsOf(state, record);
    if (subjects.length === 0) {
        return record.units.length > 0
            ? `las unidades que nombra (${record.units.join(', ')}) no están en esta versión`
            : 'no nombra unidades (solo la descripción)';
    }
    switch (record.kind) {
        case 'creacion': {
            const children = childrenOf(state);
            const removed = new Set<string>();
            for (const unit of subjects) for (const id of subtreeOf(state, unit.id, children)) removed.add(id);
            for (const id of removed) state.units.delete(id);
            return [...removed];
        }
        case 'denominacion':
        case 'transformacion': {
            const changed: string[] = [];
            for (const unit of subjects) {
                if (record.nameBefore !== undefined) {
                    if (record.nameAfter !== undefined && normalizeKey(unit.name) !== normalizeKey(record.nameAfter)) {
                        result.inconsistencies.push({ record, message: `${unit.id} se llama «${unit.name}», no «${record.nameAfter}»` });
                    }
                    rename(unit, record.nameBefore, record.kind === 'transformacion');
                    changed.push(unit.id);
                }
            }
            if (record.kind === 'transformacion' && record.parentBefore !== undefined) changed.push(...moveBack(state, record, subjects));
            if (changed.length === 0) return 'no registra el nombre anterior ni la adscripción anterior';
            return [...new Set(changed)];
        }
        case 'adscripcion':
        case 'reubicacion': {
            const moved = moveBack(state, record, subjects);
            return moved.length > 0 ? moved : 'ninguna de sus unidades está bajo la adscripción donde el registro la deja';
        }
    }
}

function rename(unit: UnitState, name: string, transformed: boolean): void {
    unit.name = name;
    // A transformation changes the kind of unit; a declared kind no longer holds for the old name.
    if (transformed || !unit.kindDeclared) {
        unit.kind = kindFromName(name)?.kind ?? (transformed ? undefined : unit.kind);
        unit.kindDeclared = false;
    }
}

/**
 * Moves the named units back under the former adscription. Units named together with their
 * superior ("la Unidad … con la Coordinación … y la División …") ride along with it: only those whose
 * superior is not named move.
 */
function moveBack(state: Snapshot, record: ChangeRecord, subjects: UnitState[]): string[] {
    const named = new Set(subjects.map(u => u.id));
    const movers = subjects.filter(u => u.parent === undefined || !named.has(u.parent));
    const moved: string[] = [];
    for (const unit of movers) {
        // The record left the unit under its new adscription; later records may have put units in
        // between (a Coordinación created later inside the Dirección): it is still under it.
        if (record.parentAfter !== undefined && !isAtOrBelow(state, unit.parent, record.parentAfter)) continue;
        unit.parent = record.parentBefore;
        moved.push(unit.id);
    }
    return moved;
}

/** Brings back a unit a record suppressed: only its name and adscription are known. */
function restore(state: Snapshot, record: ChangeRecord): string[] | string {
    const ids = record.units.filter(id => !state.units.has(id));
    if (ids.length === 0) {
        return record.units.length > 0 ? 'las unidades que nombra siguen en esta versión' : 'no nombra la unidad suprimida';
    }
    for (const id of ids) {
        const name = ids.length === 1 && record.nameBefore !== undefined ? record.nameBefore : id.replace(/^.*\./, '');
        state.units.set(id, {
            id, name, kind: kindFromName(name)?.kind, kindDeclared: false, parent: record.parentBefore, functions: []
        });
    }
    return ids;
}
