// The structural difference between two versions of a structure, each change tied to the `cambio`
// records of the later version that authorize it. Renderers (text, JSON, Markdown, HTML) read the
// `Comparison` this builds (its shape is in differences.ts; its JSON documented in docs/comparar.md).
import { normalizeKey } from '../language/text-keys.js';
import { attributeChanges } from './acts.js';
import type { Comparison, Difference } from './differences.js';
import { diffFunctions } from './functions.js';
import { matchUnits, type MatchBasis, type Matching } from './match.js';
import { childrenOf, subtreeOf, type ChangeRecord, type PositionState, type Snapshot, type UnitState } from './snapshot.js';
import { levelKey } from '../language/positions/levels.js';
import { comparePlazas, type PayScales } from './plaza-changes.js';
import { pairPositions, positionInScope } from './position-match.js';

export interface CompareOptions {
    /** Compare only the subtree of this unit (an id of either version). */
    root?: string;
    /** The tabulador that prices each version's plazas (the same one for both, or each its own). */
    payScales?: PayScales;
}

export function compareSnapshots(before: Snapshot, after: Snapshot, options: CompareOptions = {}): Comparison {
    const matching = matchUnits(before, after);
    const inScope = scopeOf(before, after, matching, options.root);
    const differences: Difference[] = [];
    const afterChildren = childrenOf(after);
    const beforeChildren = childrenOf(before);

    // Units: suppressed and created ones as whole subtrees (the head, with what went with it).
    for (const unit of before.units.values()) {
        if (!inScope.before.has(unit.id) || matching.forward.has(unit.id)) continue;
        if (unit.parent !== undefined && before.units.has(unit.parent) && !matching.forward.has(unit.parent) && inScope.before.has(unit.parent)) continue;
        differences.push({
            kind: 'unidad-suprimida', unit: unit.id, unitName: unit.name, before: unit.name,
            subtree: subtreeOf(before, unit.id, beforeChildren).slice(1).filter(id => !matching.forward.has(id)), placeBefore: unit.place, records: [], uncovered: false
        });
    }
    for (const unit of after.units.values()) {
        if (!inScope.after.has(unit.id)) continue;
        const match = matching.backward.get(unit.id);
        if (!match) {
            if (unit.parent !== undefined && after.units.has(unit.parent) && !matching.backward.has(unit.parent) && inScope.after.has(unit.parent)) continue;
            differences.push({
                kind: 'unidad-creada', unit: unit.id, unitName: unit.name, after: unit.name,
                subtree: subtreeOf(after, unit.id, afterChildren).slice(1).filter(id => !matching.backward.has(id)),
                placeAfter: unit.place, records: [], uncovered: false
            });
            continue;
        }
        differences.push(...matchedUnitDifferences(before.units.get(match.before)!, unit, before, after, matching, afterChildren));
    }

    differences.push(...comparePositions(before, after, matching.forward, inScope));
    const unfulfilled = attributeChanges(differences, before, after);
    const plazas = comparePlazas(before, after, matching, inScope, options.payScales);
    return {
        before: summaryOf(before),
        after: summaryOf(after),
        matches: [...matching.forward.values()].filter(m => m.by !== 'id')
            .filter(m => inScope.before.has(m.before))
            .map(m => ({ before: m.before, after: m.after, by: m.by as Exclude<MatchBasis, 'id'> })),
        differences,
        ...(options.root !== undefined ? { scope: { before: inScope.root.before, after: inScope.root.after } } : {}),
        unfulfilled,
        ...(plazas ? { plazas } : {})
    };
}

/** What changed in a unit both versions have: its name, kind, number, adscription and functions. */
function matchedUnitDifferences(
    old: UnitState, unit: UnitState, before: Snapshot, after: Snapshot, matching: Matching, afterChildren: Map<string, string[]>
): Difference[] {
    const found: Difference[] = [];
    const base = {
        unit: unit.id, unitName: unit.name, ...(old.id !== unit.id ? { unitBefore: old.id } : {}),
        placeBefore: old.place, placeAfter: unit.place, records: [], uncovered: false
    };
    // Names are stored with their white space collapsed (snapshot.ts): wrapping is no rename.
    if (old.name !== unit.name) {
        found.push({ ...base, kind: 'unidad-renombrada', before: old.name, after: unit.name });
    }
    if (old.kind !== undefined && unit.kind !== undefined && normalizeKey(old.kind) !== normalizeKey(unit.kind)) {
        found.push({ ...base, kind: 'unidad-transformada', before: old.kind, after: unit.kind });
    }
    if ((old.number ?? '') !== (unit.number ?? '') && old.number !== undefined && unit.number !== undefined) {
        found.push({ ...base, kind: 'unidad-renumerada', before: old.number, after: unit.number });
    }
    // The earlier adscription, in the later version's ids.
    const oldParent = old.parent === undefined ? undefined : matching.forward.get(old.parent)?.after ?? old.parent;
    if (oldParent !== unit.parent) {
        found.push({
            ...base, kind: 'unidad-movida', before: oldParent, after: unit.parent,
            beforeName: nameIn(before, old.parent) ?? nameIn(after, oldParent), afterName: nameIn(after, unit.parent),
            subtree: subtreeOf(after, unit.id, afterChildren).slice(1)
        });
    }
    // A function's places are its own: a removed one has none in the later version.
    for (const change of diffFunctions(old.functions, unit.functions)) {
        found.push({ ...base, placeBefore: undefined, placeAfter: undefined, ...change });
    }
    return found;
}

function nameIn(snapshot: Snapshot, id: string | undefined): string | undefined {
    return id === undefined ? undefined : snapshot.units.get(id)?.name;
}

function summaryOf(snapshot: Snapshot): Comparison['before'] {
    return {
        label: snapshot.label, files: snapshot.files.length, units: snapshot.units.size,
        positions: snapshot.positions.size, problems: snapshot.problems
    };
}

/** The units each side compares: all, or the subtree of the chosen root and of its match. */
function scopeOf(before: Snapshot, after: Snapshot, matching: ReturnType<typeof matchUnits>, root: string | undefined) {
    if (root === undefined) return { before: new Set(before.units.keys()), after: new Set(after.units.keys()), root: {} };
    const find = (snapshot: Snapshot) => snapshot.units.has(root) ? root
        : [...snapshot.units.keys()].find(id => id.endsWith(`.${root}`));
    let b = find(before);
    let a = find(after);
    if (b !== undefined && a === undefined) a = matching.forward.get(b)?.after;
    if (a !== undefined && b === undefined) b = matching.backward.get(a)?.before;
    return {
        before: new Set(b === undefined ? [] : subtreeOf(before, b)),
        after: new Set(a === undefined ? [] : subtreeOf(after, a)),
        root: { before: b, after: a }
    };
}

function comparePositions(
    before: Snapshot, after: Snapshot, unitMatch: Map<string, { after: string }>,
    inScope: { before: Set<string>; after: Set<string> }
): Difference[] {
    const out: Difference[] = [];
    const inBefore = (p: PositionState) => positionInScope(before, inScope.before, p);
    const inAfter = (p: PositionState) => positionInScope(after, inScope.after, p);
    const unitName = (id: string | undefined) => id === undefined ? undefined : after.units.get(id)?.name ?? before.units.get(id)?.name;
    const { pairs, created } = pairPositions(before, after, unitMatch);
    for (const { old, now, mappedUnit } of pairs) {
        if (!now) {
            if (inBefore(old)) {
                out.push({
                    kind: 'puesto-eliminado', position: old.id, unit: mappedUnit, unitName: unitName(mappedUnit), before: old.title,
                    placeBefore: old.place, records: [], uncovered: false
                });
            }
            continue;
        }
        if (!inBefore(old) && !inAfter(now)) continue;
        const base = { position: now.id, unit: now.unit, unitName: unitName(now.unit), placeBefore: old.place, placeAfter: now.place, records: [], uncovered: false };
        if (mappedUnit !== now.unit) {
            out.push({ ...base, kind: 'puesto-movido', before: mappedUnit, after: now.unit, beforeName: unitName(mappedUnit), afterName: unitName(now.unit) });
        }
        if (normalizeKey(old.title) !== normalizeKey(now.title)) out.push({ ...base, kind: 'puesto-renombrado', before: old.title, after: now.title });
        if ((old.clase ?? '') !== (now.clase ?? '')) out.push({ ...base, kind: 'puesto-reclasificado', before: old.clase, after: now.clase });
        if (levelKey(old.nivel) !== levelKey(now.nivel)) out.push({ ...base, kind: 'puesto-nivel', before: old.nivel, after: now.nivel });
        if (old.plazas !== now.plazas) out.push({ ...base, kind: 'puesto-plazas', before: String(old.plazas), after: String(now.plazas) });
    }
    for (const p of created) {
        if (!inAfter(p)) continue;
        out.push({ kind: 'puesto-creado', position: p.id, unit: p.unit, unitName: unitName(p.unit), after: p.title, placeAfter: p.place, records: [], uncovered: false });
    }
    return out;
}

export type { ChangeRecord, UnitState };
// The comparison's shape, for the renderers and the requests that read it.
export type { ChangeKind, Comparison, Difference, PlazaCost, PlazaCounts, PlazaReport, PlazaUnit, RecordRef } from './differences.js';
export type { PayScales } from './plaza-changes.js';
