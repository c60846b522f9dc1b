// The units a sheet's position tree implies inside the units it names. Within a sheet unit, a
// position whose cargo has the shape of a unit name (it starts with a kind of kinds.ts:
// «Subdirección de Certificación») and that heads other positions (one reports to it, or a row
// of the unit names it as superior) is the titular of a unit of that name, hung from the unit of
// its own superior; the positions below it, down to the next such position, belong to that unit.
// Other cargos («Enlace», «Asesor», «Secretario Técnico») stay in the unit of their superior.
// Superiors are followed inside the sheet unit only, so every position stays in its sheet unit's
// subtree. A superior's name that several positions carry (five ponencias whose rows all say
// «Comisionado») still gives a unit when all of them are in one unit. Implied units are keyed by
// (parent unit, folded name): equal names under different parents are different units; under a
// workspace unit, a workspace unit of that name under it is the unit itself.
import { kindFromName } from '../../language/kinds.js';
import { foldName } from '../../language/text-keys.js';
import type { PlannedPosition, PlannedUnit, WorkspaceUnit } from './tree.js';

const key = (text: string) => foldName(text);

/** The kind a cargo's name suggests when it names one unit (not a plural heading). */
export function unitKindOf(name: string): string | undefined {
    const guess = kindFromName(name);
    return guess && !guess.generic && !guess.grouping ? guess.kind : undefined;
}

/** A cargo that is the sheet unit's own head: its name, or its name followed by more («Secretaría General  Coordinación Ejecutiva»). */
export function namesUnit(cargo: string, unitNames: readonly string[]): boolean {
    const c = key(cargo);
    return unitNames.some(name => { const n = key(name); return c === n || c.startsWith(n + ' '); });
}

/** Units implied under each sheet unit, returned in outline order after it; positions moved into them. */
export function impliedUnits(sheetUnits: readonly PlannedUnit[], known: readonly WorkspaceUnit[]): PlannedUnit[] {
    const reportedTo = new Set(sheetUnits.flatMap(u => u.positions).map(p => p.reportsTo).filter(Boolean));
    const out: PlannedUnit[] = [];
    const parents = new Map<PlannedUnit, PlannedUnit>();
    for (const unit of sheetUnits) {
        const resolver = new SheetUnitResolver(unit, reportedTo, known, parents);
        for (const position of unit.positions) resolver.unitOf(position);
        out.push(unit, ...resolver.place());
    }
    // Ids last: a created unit takes its first head's id (the head becomes TIT_…), then parents.
    const renamed = new Map<string, string>();
    for (const unit of out) if (unit.implied && !unit.existing) claimHeadId(unit, renamed);
    for (const position of out.flatMap(u => u.positions)) if (position.reportsTo && renamed.has(position.reportsTo)) position.reportsTo = renamed.get(position.reportsTo);
    for (const [unit, parent] of parents) unit.parent = parent.id;
    return out;
}

function claimHeadId(unit: PlannedUnit, renamed: Map<string, string>): void {
    const head = unit.positions.find(p => p.head)!;
    unit.id = head.id;
    head.id = `TIT_${head.id}`;
    renamed.set(unit.id, head.id);
}

/** The unit of each position of one sheet unit, and the implied units under it. */
class SheetUnitResolver {
    private readonly byCargo = new Map<string, PlannedPosition[]>();
    private readonly byId = new Map<string, PlannedPosition>();
    private readonly named = new Set<string>();
    private readonly units = new Map<PlannedPosition, PlannedUnit>();
    private readonly pending = new Set<PlannedPosition>();
    private readonly implied = new Map<PlannedUnit, Map<string, PlannedUnit>>();

    constructor(
        private readonly sheetUnit: PlannedUnit,
        private readonly reportedTo: ReadonlySet<string | undefined>,
        private readonly known: readonly WorkspaceUnit[],
        private readonly parents: Map<PlannedUnit, PlannedUnit>
    ) {
        for (const p of sheetUnit.positions) {
            this.byId.set(p.id, p);
            const k = key(p.record.cargo);
            const same = this.byCargo.get(k);
            if (same) same.push(p);
            else this.byCargo.set(k, [p]);
            if (p.record.superior) this.named.add(key(p.record.superior));
        }
    }

    unitOf(p: PlannedPosition): PlannedUnit {
        const done = this.units.get(p);
        if (done) return done;
        // A chain of names that comes back to the position (bad data): the sheet unit.
        if (this.pending.has(p) || this.ownHead(p)) return this.sheetUnit;
        this.pending.add(p);
        const above = [...new Set(this.superiors(p).map(s => this.unitOf(s)))];
        const parent = above.length === 1 ? above[0] : this.sheetUnit;
        const unit = this.heads(p) ? this.impliedUnit(parent, p) : parent;
        this.pending.delete(p);
        this.units.set(p, unit);
        return unit;
    }

    /** The positions moved into the implied units, which are returned in outline order. */
    place(): PlannedUnit[] {
        const positions = this.sheetUnit.positions;
        this.sheetUnit.positions = positions.filter(p => this.unitOf(p) === this.sheetUnit);
        // Whether each unit has its titular yet, asked of its positions once (a unit may hold thousands).
        const headed = new Map<PlannedUnit, boolean>();
        for (const p of positions) {
            const unit = this.unitOf(p);
            if (unit === this.sheetUnit) continue;
            if (!headed.has(unit)) headed.set(unit, unit.positions.some(q => q.head));
            // The titular: the first row with the unit's name; the unit says it comes from that row.
            if (!unit.existing && !headed.get(unit) && key(p.record.cargo) === key(unit.name)) {
                headed.set(unit, true);
                p.head = true;
                unit.hoja = p.record.hoja;
                unit.fila = p.record.fila;
            }
            unit.positions.push(p);
        }
        const outline = (unit: PlannedUnit): PlannedUnit[] => [...(this.implied.get(unit)?.values() ?? [])].flatMap(u => [u, ...outline(u)]);
        return outline(this.sheetUnit);
    }

    /** The sheet unit's own head (or a namesake of it): never an implied unit. */
    private ownHead(p: PlannedPosition): boolean {
        return p.head || p.record === this.sheetUnit.headRecord || namesUnit(p.record.cargo, [this.sheetUnit.sheetName, this.sheetUnit.name]);
    }

    /** Its superior: the position `reporta a` names when it is in this sheet unit, else every position of the unit with the superior's name. */
    private superiors(p: PlannedPosition): PlannedPosition[] {
        if (p.reportsTo) {
            const superior = this.byId.get(p.reportsTo);
            return superior ? [superior] : [];
        }
        const candidates = p.record.superior ? (this.byCargo.get(key(p.record.superior)) ?? []).filter(s => s !== p) : [];
        return candidates.length > 1 ? candidates : [];
    }

    private heads(p: PlannedPosition): boolean {
        return unitKindOf(p.record.cargo) !== undefined && (this.reportedTo.has(p.id) || this.named.has(key(p.record.cargo)));
    }

    private impliedUnit(parent: PlannedUnit, head: PlannedPosition): PlannedUnit {
        const children = this.implied.get(parent) ?? new Map<string, PlannedUnit>();
        this.implied.set(parent, children);
        const k = key(head.record.cargo);
        // A namesake below a unit (a second «Dirección de X» under the first) is a position of it.
        if (key(parent.name) === k) return parent;
        let unit = children.get(k);
        if (unit) return unit;
        const workspace = parent.existing
            ? this.known.filter(u => u.parent === parent.id && (key(u.name) === k || (u.aliases ?? []).some(a => key(a) === k)))
            : [];
        const { hoja, fila, cargo } = head.record;
        unit = workspace.length === 1
            ? { sheetName: cargo, id: workspace[0].id, name: workspace[0].name, existing: true, implied: true, hoja, fila, positions: [] }
            : { sheetName: cargo, id: head.id, name: cargo, kind: unitKindOf(cargo), existing: false, implied: true, hoja, fila, positions: [] };
        if (!unit.existing) this.parents.set(unit, parent);
        children.set(k, unit);
        return unit;
    }
}
