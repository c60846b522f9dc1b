// Positions across two versions: which position of the later version is which of the earlier one,
// for the differences (compare.ts) and the plazas and their cost (plaza-changes.ts).
import { normalizeKey } from '../language/text-keys.js';
import type { PositionState, Snapshot } from './snapshot.js';

/** A position of the earlier version and the same position in the later one (or none). */
export interface PositionPair {
    old: PositionState;
    now?: PositionState;
    /** The earlier unit, in the later version's ids. */
    mappedUnit?: string;
}

/**
 * Positions across versions: the same id, else the same title in the matching unit. The later
 * positions no earlier one matched are the created ones.
 */
export function pairPositions(before: Snapshot, after: Snapshot, unitMatch: Map<string, { after: string }>): { pairs: PositionPair[]; created: PositionState[] } {
    const titleKey = (p: PositionState, unit: string | undefined) => `${unit ?? ''}|${normalizeKey(p.title)}`;
    const unmatchedAfter = new Map<string, PositionState>();
    for (const p of after.positions.values()) if (!before.positions.has(p.id)) unmatchedAfter.set(titleKey(p, p.unit), p);
    const matchedAfter = new Set<string>();
    const pairs: PositionPair[] = [];
    for (const old of before.positions.values()) {
        const mappedUnit = old.unit === undefined ? undefined : unitMatch.get(old.unit)?.after ?? old.unit;
        const now = after.positions.get(old.id) ?? unmatchedAfter.get(titleKey(old, mappedUnit));
        if (now) matchedAfter.add(now.id);
        pairs.push({ old, now, mappedUnit });
    }
    return { pairs, created: [...after.positions.values()].filter(p => !matchedAfter.has(p.id)) };
}

/** Whether a position is in the compared scope of its version (one without a unit only when all is). */
export function positionInScope(snapshot: Snapshot, scope: Set<string>, p: PositionState): boolean {
    return p.unit === undefined ? scope.size === snapshot.units.size : scope.has(p.unit);
}
