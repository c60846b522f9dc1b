// Workspace-wide data of the function and metadata rules (like the StructureIndex, one part per
// document, recomputed when that document is parsed or linked again): functions by normalized text for
// funcion-duplicada, and the dated changes that name each unit or position for vigencia-organigrama
// and cambio-incongruente. A service of the module (`structure.FunctionIndex`, estructura-module.ts).
import { AstUtils, DocumentState, MultiMap, WorkspaceCache, type AstNode, type LangiumSharedCoreServices } from 'langium';
import { isCambio, isUnidad, type Cambio, type Funcion, type Puesto, type Unidad } from './generated/ast.js';
import { institutionOf, structureElements } from './model.js';
import { MergedMultiMap, PerDocumentParts, SharedUnion, type Lookup } from './per-document-index.js';
import { functionKey, isClosing } from './rules/functions/text.js';

/** A function of the index, where it is. */
export interface FunctionEntry {
    fn: Funcion;
    unit: Unidad;
    /** Position in the unit's list. */
    index: number;
}

export interface IndexedFunction extends FunctionEntry {
    /** The unit this one is described as (`misma unidad que`), so two descriptions of it are one unit. */
    identity: Unidad;
}

export interface FunctionSnapshot {
    /** Functions (closing clauses left out) by institution and comparison key. */
    readonly byKey: Lookup<string, FunctionEntry>;
    /** The key of an indexed function (undefined for a closing clause or an empty text). */
    keyOf(fn: Funcion): string | undefined;
    /** Changes with a date, by the units and positions they name. */
    readonly changesByUnit: Lookup<Unidad, Cambio>;
    readonly changesByPosition: Lookup<Puesto, Cambio>;
    /**
     * The first function with this key in each unit (by identity), in workspace order (file, then
     * offset), computed once per key. Not in the order the documents were loaded: after an editor
     * closes and reopens files that order differs from a cold check's. The identity is followed
     * here, once per unit and snapshot, not stored in the parts: `misma unidad que` may go through
     * another file's unit to a third file, and a part is recomputed when its own document is
     * relinked, not when that third file is parsed again.
     */
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

interface FunctionPart {
    byKey: MultiMap<string, FunctionEntry>;
    changesByUnit: MultiMap<Unidad, Cambio>;
    changesByPosition: MultiMap<Puesto, Cambio>;
}

/** The key of a function in `byKey`: its institution and its comparison key. */
function keyOf(fn: Funcion): string | undefined {
    if (!fn.texto || isClosing(fn)) return undefined;
    const text = functionKey(fn);
    return text ? `${institutionOf(fn)}|${text}` : undefined;
}

export class FunctionIndex {
    private readonly cache: WorkspaceCache<string, FunctionSnapshot>;
    private readonly parts: PerDocumentParts<FunctionPart>;
    /** The unions the successive snapshots move from one list of parts to the next. */
    private readonly unions = {
        byKey: new SharedUnion<string, FunctionEntry>(),
        changesByUnit: new SharedUnion<Unidad, Cambio>(),
        changesByPosition: new SharedUnion<Puesto, Cambio>()
    };

    constructor(shared: LangiumSharedCoreServices) {
        this.parts = new PerDocumentParts(shared, document => computePart(document.parseResult.value));
        // The merged view is rebuilt once linking finishes, so `misma unidad que` and change references are resolved.
        this.cache = new WorkspaceCache(shared, DocumentState.Linked);
    }

    get snapshot(): FunctionSnapshot {
        return this.cache.get('snapshot', () => {
            const parts = this.parts.all();
            const byKey = new MergedMultiMap(parts.map(p => p.byKey), this.unions.byKey);
            const perKey = new Map<string, Map<Unidad, IndexedFunction>>();
            const identities = new Map<Unidad, Unidad>();
            const identityOf = (unit: Unidad) => {
                let identity = identities.get(unit);
                if (!identity) identities.set(unit, identity = unitIdentity(unit));
                return identity;
            };
            return {
                byKey,
                keyOf,
                changesByUnit: new MergedMultiMap(parts.map(p => p.changesByUnit), this.unions.changesByUnit),
                changesByPosition: new MergedMultiMap(parts.map(p => p.changesByPosition), this.unions.changesByPosition),
                firstPerUnit(key) {
                    let units = perKey.get(key);
                    if (!units) {
                        units = new Map();
                        for (const entry of inWorkspaceOrder(byKey.get(key))) {
                            const identity = identityOf(entry.unit);
                            if (!units.has(identity)) units.set(identity, { ...entry, identity });
                        }
                        perKey.set(key, units);
                    }
                    return units;
                }
            };
        });
    }
}

/**
 * Entries sorted as `byLocation` sorts their functions (file URI, then offset), each entry's
 * document and offset looked up once instead of at every comparison (the sort was 6 % of a cold
 * check at ×30). The sort is stable, as the comparator's was.
 */
function inWorkspaceOrder(entries: readonly FunctionEntry[]): FunctionEntry[] {
    if (entries.length < 2) return [...entries];
    const keyed = entries.map(entry => ({ entry, uri: AstUtils.getDocument(entry.fn).uri.toString(), offset: entry.fn.$cstNode?.offset ?? 0 }));
    keyed.sort((a, b) => a.uri !== b.uri ? (a.uri < b.uri ? -1 : 1) : a.offset - b.offset);
    return keyed.map(k => k.entry);
}

function computePart(root: AstNode): FunctionPart {
    const part: FunctionPart = { byKey: new MultiMap(), changesByUnit: new MultiMap(), changesByPosition: new MultiMap() };
    for (const node of structureElements(root)) {
        if (isUnidad(node)) {
            node.funciones.forEach((fn, index) => {
                const key = keyOf(fn);
                if (key) part.byKey.add(key, { fn, unit: node, index });
            });
        } else if (isCambio(node) && node.fecha) {
            const units = [...node.unidades.map(r => r.ref), node.adscripcionAnterior?.ref, node.adscripcionNueva?.ref];
            for (const unit of new Set(units)) if (unit) part.changesByUnit.add(unit, node);
            for (const position of new Set(node.puestos.map(r => r.ref))) if (position) part.changesByPosition.add(position, node);
        }
    }
    return part;
}
