// Which unit of one version is which unit of the other. By id first; where ids differ, by the
// recorded history of the later version (a `cambio` or `anterior` that gives the earlier name), then
// by the same official name, then by the same functions. Never by number: numbers are local to a
// manual and change when a sibling is added.
import { normalizeKey } from '../language/text-keys.js';
import type { Snapshot, UnitState } from './snapshot.js';

export type MatchBasis = 'id' | 'historia' | 'nombre' | 'contenido';

export interface UnitMatch {
    before: string;
    after: string;
    by: MatchBasis;
}

export interface Matching {
    /** before id → after id. */
    forward: Map<string, UnitMatch>;
    /** after id → before id. */
    backward: Map<string, UnitMatch>;
}

/** Share of function texts two units have in common for them to be the same unit renamed. */
const CONTENT_THRESHOLD = 0.5;

export function matchUnits(before: Snapshot, after: Snapshot): Matching {
    const matching: Matching = { forward: new Map(), backward: new Map() };
    const link = (b: string, a: string, by: MatchBasis) => {
        const match = { before: b, after: a, by };
        matching.forward.set(b, match);
        matching.backward.set(a, match);
    };
    for (const id of before.units.keys()) if (after.units.has(id)) link(id, id, 'id');
    const free = () => ({
        b: [...before.units.values()].filter(u => !matching.forward.has(u.id)),
        a: [...after.units.values()].filter(u => !matching.backward.has(u.id))
    });

    // The later version's records tell the names a unit had.
    let { b, a } = free();
    if (b.length > 0 && a.length > 0) {
        const formerNames = new Map<string, Set<string>>();
        for (const record of after.records) {
            if (record.nameBefore === undefined) continue;
            for (const id of record.units) {
                let names = formerNames.get(id);
                if (!names) formerNames.set(id, names = new Set());
                names.add(normalizeKey(record.nameBefore));
            }
        }
        pairUnique(b, a.filter(u => formerNames.has(u.id)), (x, y) => formerNames.get(y.id)!.has(normalizeKey(x.name)), link, 'historia');
    }

    ({ b, a } = free());
    if (b.length > 0 && a.length > 0) pairUnique(b, a, (x, y) => normalizeKey(x.name) === normalizeKey(y.name), link, 'nombre');

    ({ b, a } = free());
    if (b.length > 0 && a.length > 0) pairByContent(b, a, link);
    return matching;
}

/** Pairs units by the function texts they share (at least CONTENT_THRESHOLD): greedy on the best overlap, each unit used once. */
function pairByContent(b: UnitState[], a: UnitState[], link: (b: string, a: string, by: MatchBasis) => void): void {
    const keysOf = (u: UnitState) => new Set(u.functions.map(f => normalizeKey(f.text)).filter(k => k !== ''));
    const bKeys = b.map(keysOf);
    const aKeys = a.map(keysOf);
    const candidates: Array<{ i: number; j: number; score: number }> = [];
    const byKey = new Map<string, number[]>();
    aKeys.forEach((keys, j) => { for (const k of keys) { let l = byKey.get(k); if (!l) byKey.set(k, l = []); l.push(j); } });
    bKeys.forEach((keys, i) => {
        const shared = new Map<number, number>();
        for (const k of keys) for (const j of byKey.get(k) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
        for (const [j, count] of shared) {
            const score = count / Math.max(keys.size, aKeys[j].size);
            if (score >= CONTENT_THRESHOLD) candidates.push({ i, j, score });
        }
    });
    candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
    const usedB = new Set<number>();
    const usedA = new Set<number>();
    for (const { i, j } of candidates) {
        if (usedB.has(i) || usedA.has(j)) continue;
        usedB.add(i);
        usedA.add(j);
        link(b[i].id, a[j].id, 'contenido');
    }
}

/** Pairs units that satisfy `same` with exactly one unit of the other side, and only then. */
function pairUnique(
    b: UnitState[], a: UnitState[], same: (x: UnitState, y: UnitState) => boolean,
    link: (b: string, a: string, by: MatchBasis) => void, by: MatchBasis
): void {
    const options = new Map<UnitState, UnitState[]>();
    const takers = new Map<UnitState, number>();
    for (const x of b) {
        const found = a.filter(y => same(x, y));
        options.set(x, found);
        for (const y of found) takers.set(y, (takers.get(y) ?? 0) + 1);
    }
    for (const [x, found] of options) {
        if (found.length === 1 && takers.get(found[0]) === 1) link(x.id, found[0].id, by);
    }
}
