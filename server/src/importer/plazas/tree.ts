// Positions attached to units and to each other: each sheet unit matched to a workspace unit
// (id, number, official name or alias; accents, case, spaces and double-encoded accents aside)
// or created from the sheet; ids from the importer's acronym allocator; `reporta a` from the
// superior's name, looked for in the same unit first, then in the whole sheet; then the units the
// position tree implies inside each sheet unit (implied.ts).
import { foldName } from '../../language/text-keys.js';
import { IdAllocator } from '../ids.js';
import { impliedUnits, namesUnit, unitKindOf } from './implied.js';
import type { Notice, Omitted, PositionRecord } from './rows.js';

/** A unit of the workspace the positions can be attached to. */
export interface WorkspaceUnit {
    id: string;
    name: string;
    numero?: string;
    institution: string;
    aliases?: readonly string[];
    /** The id of the unit it hangs from (nested or `adscrita a`). */
    parent?: string;
}

export interface PlannedUnit {
    /** The unit as the sheet writes it (first occurrence). */
    sheetName: string;
    id: string;
    name: string;
    /** A workspace unit: positions are written `adscrito a` it. Otherwise created from the sheet. */
    existing: boolean;
    /** Implied by the position tree (a position that heads others and whose cargo names a unit), not named by the sheet's unit column. */
    implied?: boolean;
    /** For a unit the sheet names: the row of its own head (its cargo names the unit), written `titular` when the unit is created. */
    headRecord?: PositionRecord;
    /** For a created unit: the kind its name suggests (kinds.ts), written as `tipo`. */
    kind?: string;
    hoja: string;
    fila: number;
    /** For a created unit: the unit it hangs from (for a named one, the unit its head position reports into). */
    parent?: string;
    positions: PlannedPosition[];
}

export interface PlannedPosition {
    record: PositionRecord;
    id: string;
    head: boolean;
    reportsTo?: string;
}

export interface Tree {
    units: PlannedUnit[];
    omitted: Omitted[];
    notices: Notice[];
}

const key = (text: string) => foldName(text);

/** Units and positions with their ids and links; `taken` is every id the institution already uses. */
export function buildTree(records: PositionRecord[], known: readonly WorkspaceUnit[], taken: Set<string>): Tree {
    const tree: Tree = { units: [], omitted: [], notices: [] };
    const ids = new IdAllocator(taken);
    const byKey = new Map<string, PlannedUnit>();
    // The rows of each sheet unit, gathered once (50,000 rows name a few hundred units).
    const rowsOf = new Map<string, PositionRecord[]>();
    for (const record of records) {
        const k = key(record.unidad);
        const rows = rowsOf.get(k);
        if (rows) rows.push(record);
        else rowsOf.set(k, [record]);
    }
    for (const record of records) {
        const k = key(record.unidad);
        let unit = byKey.get(k);
        if (!unit) {
            const matches = matchUnit(record.unidad, known);
            if (matches.length > 1) {
                tree.omitted.push({ hoja: record.hoja, fila: record.fila, motivo: `unidad ambigua «${record.unidad}»: en el espacio de trabajo son ${matches.map(m => `${m.id} («${m.name}»)`).join(' y ')}` });
                continue;
            }
            const named = rowsOf.get(k)!.find(r => key(r.cargo) === k);
            const name = named?.cargo ?? record.unidad;
            unit = matches.length === 1
                ? { sheetName: record.unidad, id: matches[0].id, name: matches[0].name, existing: true, hoja: record.hoja, fila: record.fila, positions: [] }
                : { sheetName: record.unidad, id: ids.allocate(name, undefined), name, kind: unitKindOf(name), existing: false, hoja: record.hoja, fila: record.fila, positions: [] };
            byKey.set(k, unit);
            unit.headRecord = named ?? headOf(rowsOf.get(k)!, record.unidad);
            tree.units.push(unit);
        }
        const head = !unit.existing && unit.headRecord === record;
        unit.positions.push({ record, id: head ? headId(unit.id, ids) : ids.allocate(record.cargo, unit.id), head });
    }
    linkSuperiors(tree);
    tree.units = impliedUnits(tree.units, known);
    attachCreatedUnits(tree);
    return tree;
}

/**
 * Without a row whose cargo is the unit's name, the one row whose cargo starts with it («Secretaría
 * General  Coordinación Ejecutiva»), else the one row of the unit's kind whose superior is outside
 * the unit (the unit «SECRETARÍA DE PROTECCIÓN DE DATOS PERSONALES», the cargo «Secretaría de
 * Protección de Datos  Coordinación de Protección de Datos», superior «Pleno»).
 */
function headOf(rows: PositionRecord[], unit: string): PositionRecord | undefined {
    const prefixed = rows.filter(r => namesUnit(r.cargo, [unit]));
    if (prefixed.length > 0) return prefixed.length === 1 ? prefixed[0] : undefined;
    const kind = unitKindOf(unit);
    const inside = new Set(rows.map(r => key(r.cargo)));
    const heads = rows.filter(r => kind && unitKindOf(r.cargo) === kind && !(r.superior && inside.has(key(r.superior))));
    return heads.length === 1 ? heads[0] : undefined;
}

function headId(unitId: string, ids: IdAllocator): string {
    for (let n = 1; ; n++) {
        const id = n === 1 ? `TIT_${unitId}` : `TIT_${unitId}_${n}`;
        if (ids.claim(id)) return id;
    }
}

/** Workspace units the sheet's unit names: by id or number as written, else by official name or alias. */
export function matchUnit(text: string, known: readonly WorkspaceUnit[]): WorkspaceUnit[] {
    const trimmed = text.trim();
    const byId = known.filter(u => u.id === trimmed || (u.numero !== undefined && u.numero === trimmed));
    if (byId.length > 0) return byId;
    const k = key(text);
    return known.filter(u => key(u.name) === k || (u.aliases ?? []).some(a => key(a) === k));
}

/** `reporta a` each position's superior, by name: in its unit if there, else anywhere in the sheet. */
function linkSuperiors(tree: Tree): void {
    const byName = new Map<string, Array<{ position: PlannedPosition; unit: PlannedUnit }>>();
    for (const unit of tree.units) for (const position of unit.positions) {
        const k = key(position.record.cargo);
        const same = byName.get(k);
        if (same) same.push({ position, unit });
        else byName.set(k, [{ position, unit }]);
    }
    for (const unit of tree.units) for (const position of unit.positions) {
        const { superior, hoja, fila } = position.record;
        if (!superior) continue;
        const all = (byName.get(key(superior)) ?? []).filter(c => c.position !== position);
        const inUnit = all.filter(c => c.unit === unit);
        const candidates = inUnit.length > 0 ? inUnit : all;
        if (candidates.length === 1) position.reportsTo = candidates[0].position.id;
        else if (candidates.length === 0) tree.notices.push({ hoja, fila, mensaje: `superior «${superior}» no es el cargo de ninguna fila importada: el puesto queda sin «reporta a»` });
        else tree.notices.push({ hoja, fila, mensaje: `superior «${superior}» ambiguo: ${candidates.length} puestos tienen ese cargo (filas ${candidates.map(c => c.position.record.fila).join(', ')}); el puesto queda sin «reporta a»` });
    }
    breakCycles(tree);
}

/** A chain of superiors that comes back to a position (bad data) loses its last link. */
function breakCycles(tree: Tree): void {
    const all = new Map(tree.units.flatMap(u => u.positions).map(p => [p.id, p]));
    for (const start of all.values()) {
        const seen = new Set<string>([start.id]);
        for (let p = start.reportsTo ? all.get(start.reportsTo) : undefined; p; p = p.reportsTo ? all.get(p.reportsTo) : undefined) {
            if (p.reportsTo && seen.has(p.reportsTo)) {
                tree.notices.push({ hoja: p.record.hoja, fila: p.record.fila, mensaje: `«reporta a» formaría un ciclo (${p.record.cargo} → ${p.record.superior}): no se escribe` });
                p.reportsTo = undefined;
                break;
            }
            seen.add(p.id);
        }
    }
}

/** A created sheet unit hangs from the unit its head position reports into (when that keeps the units a tree). */
function attachCreatedUnits(tree: Tree): void {
    const unitOf = new Map(tree.units.flatMap(u => u.positions.map(p => [p.id, u] as const)));
    for (const unit of tree.units) {
        if (unit.existing || unit.implied) continue;
        const head = unit.positions.find(p => p.head);
        const parent = head?.reportsTo ? unitOf.get(head.reportsTo) : undefined;
        if (!parent || parent === unit) continue;
        let up: PlannedUnit | undefined = parent;
        while (up && up !== unit) up = up.parent ? tree.units.find(u => u.id === up!.parent) : undefined;
        if (!up) unit.parent = parent.id;
    }
}
