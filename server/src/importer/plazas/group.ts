// `--agrupar`: a plantilla lists one row per plaza, so a unit's forty «Enfermera general» rows are
// one position with forty plazas. Rows of a unit that agree on everything a position says (cargo,
// superior, level, denominación, tipo de personal) become one position: its plazas, ocupadas and
// vacantes are the rows' sums and its plaza keys theirs, in row order; it keeps the first row's
// number as where it comes from. A head position, and one that others report to, stays alone: it
// is the one position its name stands for. Without `--agrupar` each row is a position (a directory
// of positions, like the IFAI's, lists each position once).
import { foldName } from '../../language/text-keys.js';
import { levelKey } from '../../language/positions/levels.js';
import type { PositionRecord } from './rows.js';
import type { PlannedPosition, Tree } from './tree.js';

/** Merges identical rows of each unit; returns how many rows went into another row's position. */
export function groupPlazas(tree: Tree): number {
    const superiors = new Set(tree.units.flatMap(u => u.positions).map(p => p.reportsTo).filter(Boolean));
    let merged = 0;
    for (const unit of tree.units) {
        const kept: PlannedPosition[] = [];
        const groups = new Map<string, PlannedPosition>();
        for (const position of unit.positions) {
            if (position.head || superiors.has(position.id)) {
                kept.push(position);
                continue;
            }
            const key = groupKey(position);
            const first = groups.get(key);
            if (!first) {
                groups.set(key, position);
                kept.push(position);
                continue;
            }
            first.record = mergeRecords(first.record, position.record);
            merged++;
        }
        unit.positions = kept;
    }
    return merged;
}

function groupKey(p: PlannedPosition): string {
    const r = p.record;
    return [foldName(r.cargo), foldName(r.superior ?? ''), levelKey(r.nivel), foldName(r.denominacion ?? ''), r.personal ?? '', p.reportsTo ?? ''].join('\u0000');
}

/** The sum of two rows' counts: a row without plazas is one plaza; ocupadas and vacantes only where both rows give them. */
function mergeRecords(a: PositionRecord, b: PositionRecord): PositionRecord {
    const sum = (x: number | undefined, y: number | undefined) => (x === undefined || y === undefined ? undefined : x + y);
    return {
        ...a,
        plazas: (a.plazas ?? 1) + (b.plazas ?? 1),
        ocupadas: sum(a.ocupadas, b.ocupadas),
        vacantes: sum(a.vacantes, b.vacantes),
        clavesPlaza: [...a.clavesPlaza, ...b.clavesPlaza]
    };
}
