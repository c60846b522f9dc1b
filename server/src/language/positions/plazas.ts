// The estructura ocupacional in numbers: how many plazas a position holds, how many are occupied
// or vacant when the text says, and the positions of a unit and its subtree with their totals by
// level, class and tipo de personal. One module for the hover, the code lens, the
// `estructura/plazas` request, `estructura plazas` and the rules that count plazas.
//
// Everything reads the linked workspace through the StructureIndex's snapshot (positions attached
// to each unit, sub-units in any file); a unit's subtree totals are cached per snapshot, that is
// per build, so the code lens of a manual walks each subtree once.
import { AstUtils, type AstNode } from 'langium';
import { isPuesto, isUnidad, type Puesto, type Unidad } from '../generated/ast.js';
import { institutionOf, parentOf, qualifiedName, structureElements } from '../model.js';
import type { PlazaPuesto } from '../../protocol.js';
import type { StructureSnapshot } from '../structure-index.js';
import { levelKey } from './levels.js';

/** How many plazas a position holds: `plazas N`, 1 when not written. */
export function plazasOf(position: Puesto): number {
    const written = count(position.plazas);
    return written ?? 1;
}

export interface Occupancy {
    plazas: number;
    /** Undefined when the text says neither `ocupadas` nor `vacantes`. */
    ocupadas?: number;
    vacantes?: number;
}

/**
 * A position's plazas and, when the text says either, its occupied and vacant ones: the one not
 * written is the rest of the plazas (never below 0; a contradiction is the rules' business).
 */
export function occupancyOf(position: Puesto): Occupancy {
    const plazas = plazasOf(position);
    const ocupadas = count(position.ocupadas);
    const vacantes = count(position.vacantes);
    if (ocupadas === undefined && vacantes === undefined) return { plazas };
    return {
        plazas,
        ocupadas: ocupadas ?? Math.max(0, plazas - vacantes!),
        vacantes: vacantes ?? Math.max(0, plazas - ocupadas!)
    };
}

function count(text: string | undefined): number | undefined {
    if (text === undefined) return undefined;
    const value = Number(text);
    return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** A sum of positions. `sinDato` are the plazas of positions whose occupancy the text does not say. */
export interface PlazaTotals {
    puestos: number;
    plazas: number;
    ocupadas: number;
    vacantes: number;
    sinDato: number;
}

export function emptyTotals(): PlazaTotals {
    return { puestos: 0, plazas: 0, ocupadas: 0, vacantes: 0, sinDato: 0 };
}

/** Adds a position (or another sum) into `totals`. */
export function addTo(totals: PlazaTotals, item: Puesto | PlazaTotals): PlazaTotals {
    if (isPuesto(item)) {
        const occupancy = occupancyOf(item);
        totals.puestos++;
        totals.plazas += occupancy.plazas;
        if (occupancy.ocupadas === undefined) totals.sinDato += occupancy.plazas;
        else {
            totals.ocupadas += occupancy.ocupadas;
            totals.vacantes += occupancy.vacantes!;
        }
    } else {
        totals.puestos += item.puestos;
        totals.plazas += item.plazas;
        totals.ocupadas += item.ocupadas;
        totals.vacantes += item.vacantes;
        totals.sinDato += item.sinDato;
    }
    return totals;
}

/** Whether any plaza of the sum has its occupancy written. */
export function occupancyKnown(totals: PlazaTotals): boolean {
    return totals.ocupadas + totals.vacantes > 0 || (totals.plazas > 0 && totals.sinDato === 0);
}

/**
 * «12 plazas», «12 plazas (10 ocupadas, 2 vacantes)», «12 plazas (8 ocupadas, 1 vacante, 3 sin
 * dato)»: the hover's, the code lens' and the CLI's words for a sum.
 */
export function plazasText(totals: PlazaTotals): string {
    const head = plural(totals.plazas, 'plaza', 'plazas');
    if (!occupancyKnown(totals)) return head;
    const parts = [plural(totals.ocupadas, 'ocupada', 'ocupadas'), plural(totals.vacantes, 'vacante', 'vacantes')];
    if (totals.sinDato > 0) parts.push(`${totals.sinDato} sin dato`);
    return `${head} (${parts.join(', ')})`;
}

function plural(n: number, one: string, many: string): string {
    return `${n.toLocaleString('es-MX')} ${n === 1 ? one : many}`;
}

/** A unit of a subtree, with the positions attached to it and the sums of its own and of its subtree. */
export interface UnitPlazas {
    unit: Unidad;
    /** 0 for the subtree's root. */
    depth: number;
    /** The unit one level up in this subtree (undefined for the root). */
    parent?: Unidad;
    positions: readonly Puesto[];
    own: PlazaTotals;
    subtree: PlazaTotals;
}

/** Sums by a property of the position: level (`levelKey`, '' when none), clase, tipo de personal. */
export interface PlazaBreakdown {
    total: PlazaTotals;
    porNivel: Map<string, PlazaTotals>;
    porClase: Map<string, PlazaTotals>;
    porPersonal: Map<string, PlazaTotals>;
}

export interface SubtreePlazas extends PlazaBreakdown {
    /** The root first, then each sub-unit after its parent (pre-order, each unit once). */
    units: UnitPlazas[];
}

/** The units of a unit's subtree in pre-order, each once (a cycle of adscriptions cannot loop). */
export function subtreeUnits(root: Unidad, structure: StructureSnapshot): Array<{ unit: Unidad; depth: number; parent?: Unidad }> {
    const out: Array<{ unit: Unidad; depth: number; parent?: Unidad }> = [];
    const seen = new Set<Unidad>();
    const stack: Array<{ unit: Unidad; depth: number; parent?: Unidad }> = [{ unit: root, depth: 0 }];
    while (stack.length > 0) {
        const entry = stack.pop()!;
        if (seen.has(entry.unit)) continue;
        seen.add(entry.unit);
        out.push(entry);
        const children = structure.children.get(entry.unit);
        for (let i = children.length - 1; i >= 0; i--) stack.push({ unit: children[i], depth: entry.depth + 1, parent: entry.unit });
    }
    return out;
}

/** The positions attached to a unit (nested, `adscrito a`, `titular de`, in any file). */
export function positionsOf(unit: Unidad, structure: StructureSnapshot): readonly Puesto[] {
    return structure.positions.get(unit);
}

const subtreeCache = new WeakMap<StructureSnapshot, Map<Unidad, PlazaTotals>>();

/** The sum of the positions of a unit and its subtree; cached per snapshot (per build). */
export function subtreeTotals(unit: Unidad, structure: StructureSnapshot): PlazaTotals {
    let cache = subtreeCache.get(structure);
    if (!cache) subtreeCache.set(structure, cache = new Map());
    let totals = cache.get(unit);
    if (!totals) {
        totals = emptyTotals();
        for (const { unit: member } of subtreeUnits(unit, structure)) {
            for (const position of positionsOf(member, structure)) addTo(totals, position);
        }
        cache.set(unit, totals);
    }
    return totals;
}

/** Every unit of a subtree with its positions and sums, and the subtree's sums by level, class and personal. */
export function subtreePlazas(root: Unidad, structure: StructureSnapshot): SubtreePlazas {
    const units: UnitPlazas[] = subtreeUnits(root, structure).map(({ unit, depth, parent }) => {
        const positions = positionsOf(unit, structure);
        const own = emptyTotals();
        for (const position of positions) addTo(own, position);
        return { unit, depth, parent, positions, own, subtree: emptyTotals() };
    });
    // Children come after their parent: adding each unit into its ancestors, from the last one up.
    const byUnit = new Map(units.map(entry => [entry.unit, entry]));
    for (let i = units.length - 1; i >= 0; i--) {
        const entry = units[i];
        addTo(entry.subtree, entry.own);
        const parent = entry.parent && byUnit.get(entry.parent);
        if (parent) addTo(parent.subtree, entry.subtree);
    }
    return { units, ...breakdown(units.flatMap(entry => entry.positions)) };
}

/** The sums of some positions: all of them, by level, by clase, by tipo de personal. */
export function breakdown(positions: Iterable<Puesto>): PlazaBreakdown {
    const result: PlazaBreakdown = { total: emptyTotals(), porNivel: new Map(), porClase: new Map(), porPersonal: new Map() };
    const into = (map: Map<string, PlazaTotals>, key: string, position: Puesto) => {
        let totals = map.get(key);
        if (!totals) map.set(key, totals = emptyTotals());
        addTo(totals, position);
    };
    for (const position of positions) {
        addTo(result.total, position);
        into(result.porNivel, levelKey(position.nivel), position);
        into(result.porClase, position.clase ?? '', position);
        into(result.porPersonal, position.tipoPersonal ?? '', position);
    }
    return result;
}

/** A breakdown's entries in reading order: levels and names in natural order (`K31` before `MC3`), '' (not written) last. */
export function sortedEntries(map: ReadonlyMap<string, PlazaTotals>): Array<[string, PlazaTotals]> {
    return [...map].sort(([a], [b]) => a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'es', { numeric: true }));
}

/** The units of some documents that hang from no unit (the roots of every subtree), in workspace order. */
export function rootUnits(roots: Iterable<AstNode>): Unidad[] {
    const out: Unidad[] = [];
    for (const root of roots) {
        for (const element of structureElements(root)) if (isUnidad(element) && !parentOf(element)) out.push(element);
    }
    return out;
}

/** The positions of some documents that are attached to no unit. */
export function unattachedPositions(roots: Iterable<AstNode>, structure: StructureSnapshot): Puesto[] {
    const attached = new Set<Puesto>();
    const out: Puesto[] = [];
    for (const root of roots) {
        for (const element of structureElements(root)) {
            if (isUnidad(element)) for (const position of positionsOf(element, structure)) attached.add(position);
        }
    }
    for (const root of roots) {
        for (const element of structureElements(root)) if (isPuesto(element) && !attached.has(element)) out.push(element);
    }
    return out;
}

/** A position as plain data, for the tables of the CLI and of the editor: `archivo` is the file's URI. */
export function plazaRow(position: Puesto, unit: Unidad | undefined): PlazaPuesto {
    const occupancy = occupancyOf(position);
    const row: PlazaPuesto = {
        id: qualifiedName(institutionOf(position), position.name ?? ''),
        titulo: position.titulo ?? '',
        plazas: occupancy.plazas,
        archivo: AstUtils.getDocument(position).uri.toString(),
        linea: (position.$cstNode?.range.start.line ?? 0) + 1
    };
    if (position.nivel !== undefined) row.nivel = position.nivel;
    if (position.clave !== undefined) row.clave = position.clave;
    if (position.denominacion !== undefined) row.denominacion = position.denominacion;
    if (position.clase !== undefined) row.clase = position.clase;
    if (position.tipoPersonal !== undefined) row.personal = position.tipoPersonal;
    if (occupancy.ocupadas !== undefined) {
        row.ocupadas = occupancy.ocupadas;
        row.vacantes = occupancy.vacantes;
    }
    if (unit?.name) row.unidad = qualifiedName(institutionOf(unit), unit.name);
    return row;
}
