// What a comparison does to plazas: per unit (and per unit with the units below it) the plazas of
// each version, those created, suppressed, moved and re-levelled, and, with a tabulador, the monthly
// gross of each version. A position counts its `plazas`; growing from 3 to 5 plazas creates 2, a
// moved position moves its plazas, a re-levelled one re-levels those it keeps.
import { splitQualified } from '../language/model.js';
import { levelKey } from '../language/positions/levels.js';
import type { PlazaCost, PlazaCounts, PlazaReport, PlazaUnit, UnpricedPlazas } from './differences.js';
import type { Matching } from './match.js';
import { lookUpLevel, type PayScale } from './pay-scale.js';
import { pairPositions, positionInScope } from './position-match.js';
import type { PositionState, Snapshot } from './snapshot.js';

export interface PayScales {
    before?: PayScale;
    after?: PayScale;
}

/**
 * What prices each version: a tabulador named for the comparison prices both; otherwise each its
 * own, and a version without one is priced with the other's (the same plazas, the same pay).
 */
export function scalesFor(before: PayScale | undefined, after: PayScale | undefined, given?: PayScale): PayScales {
    if (given) return { before: given, after: given };
    return { before: before ?? after, after: after ?? before };
}

type Field = 'before' | 'after' | 'created' | 'suppressed' | 'relevelled' | 'unpricedBefore' | 'unpricedAfter' | 'costBefore' | 'costAfter';

function zero(): PlazaCounts {
    return { before: 0, after: 0, created: 0, suppressed: 0, movedIn: 0, movedOut: 0, relevelled: 0, unpricedBefore: 0, unpricedAfter: 0 };
}

/** The units of both versions as one tree: the later version's, and the suppressed ones under their earlier parent. */
class UnitTree {
    readonly own = new Map<string, PlazaCounts>();
    readonly subtree = new Map<string, PlazaCounts>();

    constructor(private readonly before: Snapshot, private readonly after: Snapshot, private readonly matching: Matching) {}

    /** A node: the later id of a unit the later version has, else its earlier id; `''` for no unit. */
    parentOf(id: string): string | undefined {
        const now = this.after.units.get(id);
        if (now) return now.parent !== undefined && this.isNode(now.parent) ? now.parent : undefined;
        const old = this.before.units.get(id);
        if (!old || old.parent === undefined) return undefined;
        const parent = this.matching.forward.get(old.parent)?.after ?? old.parent;
        return this.isNode(parent) ? parent : undefined;
    }

    isNode(id: string): boolean {
        return this.after.units.has(id) || (this.before.units.has(id) && !this.matching.forward.has(id));
    }

    /** The node and those above it, nearest first (stops at a cycle of adscriptions). */
    chain(id: string): string[] {
        const out: string[] = [];
        for (let current: string | undefined = id; current !== undefined && !out.includes(current); current = current === '' ? undefined : this.parentOf(current)) out.push(current);
        return out;
    }

    private counts(map: Map<string, PlazaCounts>, id: string): PlazaCounts {
        let counts = map.get(id);
        if (!counts) map.set(id, counts = zero());
        return counts;
    }

    add(unit: string | undefined, field: Field, n: number): void {
        if (n === 0) return;
        const id = unit ?? '';
        const own = this.counts(this.own, id);
        own[field] = (own[field] ?? 0) + n;
        for (const node of this.chain(id)) {
            const counts = this.counts(this.subtree, node);
            counts[field] = (counts[field] ?? 0) + n;
        }
    }

    /** `n` plazas from one unit to another: out of every subtree that holds the first and not the second, and into the others. */
    move(from: string | undefined, to: string | undefined, n: number): void {
        const a = this.chain(from ?? '');
        const b = this.chain(to ?? '');
        this.counts(this.own, from ?? '').movedOut += n;
        this.counts(this.own, to ?? '').movedIn += n;
        for (const node of a) if (!b.includes(node)) this.counts(this.subtree, node).movedOut += n;
        for (const node of b) if (!a.includes(node)) this.counts(this.subtree, node).movedIn += n;
    }
}

/** The sums of a comparison: the unit tree's, the total's, and the plazas no tabulador prices. */
class Tally {
    readonly total: PlazaReport['total'] = { ...zero(), moved: 0 };
    readonly unpriced: UnpricedPlazas[] = [];

    constructor(readonly tree: UnitTree, private readonly scales: PayScales) {}

    add(unit: string | undefined, field: Field, n: number): void {
        this.total[field] = (this.total[field] ?? 0) + n;
        this.tree.add(unit, field, n);
    }

    /** A position's plazas in a version, and their monthly gross when its level is in the tabulador. */
    count(side: 'before' | 'after', p: PositionState, unit: string | undefined): void {
        this.add(unit, side, p.plazas);
        const scale = this.scales[side];
        if (!scale) return;
        const row = lookUpLevel(scale, splitQualified(p.id)[0], p.nivel);
        if (row) {
            this.add(unit, side === 'before' ? 'costBefore' : 'costAfter', p.plazas * row.monthly);
        } else {
            this.add(unit, side === 'before' ? 'unpricedBefore' : 'unpricedAfter', p.plazas);
            this.unpriced.push({ side, position: p.id, unit, level: p.nivel, plazas: p.plazas });
        }
    }

    /** A position in both versions: plazas added or taken, moved with it, re-levelled. */
    change(old: PositionState, now: PositionState, from: string | undefined, was: boolean, is: boolean): void {
        const kept = Math.min(old.plazas, now.plazas);
        if (now.plazas > old.plazas && is) this.add(now.unit, 'created', now.plazas - old.plazas);
        if (old.plazas > now.plazas && was) this.add(from, 'suppressed', old.plazas - now.plazas);
        if (from !== now.unit && kept > 0) {
            this.total.moved += kept;
            this.tree.move(from, now.unit, kept);
            if (!was) this.total.movedIn += kept;
            if (!is) this.total.movedOut += kept;
        }
        if (is && levelKey(old.nivel) !== levelKey(now.nivel)) this.add(now.unit, 'relevelled', kept);
    }
}

/** Plazas and cost of two versions; undefined when neither has positions in scope. */
export function comparePlazas(
    before: Snapshot, after: Snapshot, matching: Matching, inScope: { before: Set<string>; after: Set<string> }, scales: PayScales = {}
): PlazaReport | undefined {
    const inBefore = (p: PositionState) => positionInScope(before, inScope.before, p);
    const inAfter = (p: PositionState) => positionInScope(after, inScope.after, p);
    const { pairs, created } = pairPositions(before, after, matching.forward);
    const tally = new Tally(new UnitTree(before, after, matching), scales);
    for (const { old, now, mappedUnit } of pairs) {
        const was = inBefore(old);
        const is = now !== undefined && inAfter(now);
        if (was) tally.count('before', old, mappedUnit);
        if (now && is) tally.count('after', now, now.unit);
        if (!now) {
            if (was) tally.add(mappedUnit, 'suppressed', old.plazas);
        } else if (was || is) {
            tally.change(old, now, mappedUnit, was, is);
        }
    }
    for (const p of created) {
        if (!inAfter(p)) continue;
        tally.count('after', p, p.unit);
        tally.add(p.unit, 'created', p.plazas);
    }
    const { total, unpriced, tree } = tally;
    if (total.before === 0 && total.after === 0 && total.moved === 0) return undefined;
    const cost = scales.before || scales.after ? costOf(total, unpriced, scales) : undefined;
    return { units: unitRows(tree, before, after, inScope, scales.before !== undefined && scales.after !== undefined), total, ...(cost ? { cost } : {}) };
}

/** Annual = 12 × the monthly gross: tabuladores state monthly amounts, and nothing else (aguinaldo, prima vacacional…) is added. */
export const MONTHS = 12;

function costOf(total: PlazaCounts, unpriced: UnpricedPlazas[], scales: PayScales): PlazaCost {
    const monthlyBefore = scales.before ? total.costBefore ?? 0 : undefined;
    const monthlyAfter = scales.after ? total.costAfter ?? 0 : undefined;
    return {
        scale: { before: scales.before?.label, after: scales.after?.label },
        monthlyBefore, monthlyAfter,
        annualBefore: monthlyBefore === undefined ? undefined : MONTHS * monthlyBefore,
        annualAfter: monthlyAfter === undefined ? undefined : MONTHS * monthlyAfter,
        unpriced
    };
}

/** The units with plazas in their subtree in either version, depth first, in the later version's order. */
function unitRows(tree: UnitTree, before: Snapshot, after: Snapshot, inScope: { before: Set<string>; after: Set<string> }, bothPriced: boolean): PlazaUnit[] {
    const nodes = [...after.units.keys(), ...[...before.units.keys()].filter(id => tree.isNode(id) && !after.units.has(id))];
    if (tree.subtree.has('')) nodes.push('');
    const inScopeNode = (id: string) => id === '' || (after.units.has(id) ? inScope.after.has(id) : inScope.before.has(id));
    const children = new Map<string, string[]>();
    const roots: string[] = [];
    for (const id of nodes) {
        const parent = id === '' ? undefined : tree.parentOf(id);
        if (parent === undefined) roots.push(id);
        else {
            let list = children.get(parent);
            if (!list) children.set(parent, list = []);
            list.push(id);
        }
    }
    const rows: PlazaUnit[] = [];
    const seen = new Set<string>();
    const visit = (id: string, depth: number) => {
        if (seen.has(id)) return;
        seen.add(id);
        const subtree = tree.subtree.get(id);
        const shown = subtree !== undefined && (subtree.before > 0 || subtree.after > 0 || subtree.movedIn > 0 || subtree.movedOut > 0) && inScopeNode(id);
        if (shown) {
            const changed = subtree.created > 0 || subtree.suppressed > 0 || subtree.movedIn > 0 || subtree.movedOut > 0 || subtree.relevelled > 0
                || (bothPriced && (subtree.costBefore ?? 0) !== (subtree.costAfter ?? 0));
            rows.push({
                unit: id, name: after.units.get(id)?.name ?? before.units.get(id)?.name ?? '', depth,
                suppressed: id !== '' && !after.units.has(id), own: tree.own.get(id) ?? zero(), subtree, changed
            });
        }
        // Units above the compared one (--unidad) are not shown: what hangs from it starts at depth 0.
        for (const child of children.get(id) ?? []) visit(child, shown ? depth + 1 : depth);
    };
    for (const id of roots) visit(id, 0);
    for (const id of nodes) visit(id, 0);
    return rows;
}
