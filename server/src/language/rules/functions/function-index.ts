// Workspace-wide data of the function and metadata rules, computed once per build (like the
// StructureIndex): functions by normalized text for funcion-duplicada, and the dated changes that
// name each unit or position for vigencia-organigrama.
import { DocumentState, MultiMap, WorkspaceCache, type LangiumSharedCoreServices, type LangiumDocuments } from 'langium';
import { isCambio, isUnidad, type Cambio, type Funcion, type Puesto, type Unidad } from '../../generated/ast.js';
import { institutionOf, structureElements } from '../../model.js';
import { functionKey, isClosing } from './text.js';

export interface IndexedFunction {
    fn: Funcion;
    unit: Unidad;
    /** Position in the unit's list. */
    index: number;
    /** The unit this one is described as (`misma unidad que`), so two descriptions of it are one unit. */
    identity: Unidad;
}

export interface FunctionSnapshot {
    /** Functions (closing clauses left out) by institution and comparison key. */
    readonly byKey: MultiMap<string, IndexedFunction>;
    /** The key of every indexed function. */
    readonly keyOf: Map<Funcion, string>;
    /** Changes with a date, by the units and positions they name. */
    readonly changesByUnit: MultiMap<Unidad, Cambio>;
    readonly changesByPosition: MultiMap<Puesto, Cambio>;
    /** The first function with this key in each unit (by identity), computed once per key. */
    firstPerUnit(key: string): Map<Unidad, IndexedFunction>;
}

/** Follows `misma unidad que` to the unit all descriptions of a unit point at. */
export function unitIdentity(unit: Unidad): Unidad {
    const seen = new Set<Unidad>();
    let current = unit;
    while (!seen.has(current)) {
        seen.add(current);
        const next = current.equivalente?.ref;
        if (!next) break;
        current = next;
    }
    return current;
}

export class FunctionIndex {
    private readonly cache: WorkspaceCache<string, FunctionSnapshot>;
    private readonly documents: LangiumDocuments;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        // Evicted when linking finishes, so `misma unidad que` and change references are resolved.
        this.cache = new WorkspaceCache(shared, DocumentState.Linked);
    }

    get snapshot(): FunctionSnapshot {
        return this.cache.get('snapshot', () => this.compute());
    }

    private compute(): FunctionSnapshot {
        const perKey = new Map<string, Map<Unidad, IndexedFunction>>();
        const snapshot: FunctionSnapshot = {
            byKey: new MultiMap(), keyOf: new Map(), changesByUnit: new MultiMap(), changesByPosition: new MultiMap(),
            firstPerUnit(key) {
                let units = perKey.get(key);
                if (!units) {
                    units = new Map();
                    for (const entry of this.byKey.get(key)) if (!units.has(entry.identity)) units.set(entry.identity, entry);
                    perKey.set(key, units);
                }
                return units;
            }
        };
        for (const document of this.documents.all) {
            const root = document.parseResult.value;
            const institution = institutionOf(root);
            for (const node of structureElements(root)) {
                if (isUnidad(node)) {
                    const identity = unitIdentity(node);
                    node.funciones.forEach((fn, index) => {
                        if (!fn.texto || isClosing(fn)) return;
                        const text = functionKey(fn);
                        if (!text) return;
                        const key = `${institution}|${text}`;
                        snapshot.keyOf.set(fn, key);
                        snapshot.byKey.add(key, { fn, unit: node, index, identity });
                    });
                } else if (isCambio(node) && node.fecha) {
                    const units = [...node.unidades.map(r => r.ref), node.adscripcionAnterior?.ref, node.adscripcionNueva?.ref];
                    for (const unit of new Set(units)) if (unit) snapshot.changesByUnit.add(unit, node);
                    for (const position of new Set(node.puestos.map(r => r.ref))) if (position) snapshot.changesByPosition.add(position, node);
                }
            }
        }
        return snapshot;
    }
}
