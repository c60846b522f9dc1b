// A workspace-wide view of the structure, computed once per build and shared by the
// validations and language features that look beyond one file (children declared in
// another manual, titulares, subordinates).
import { DocumentState, MultiMap, WorkspaceCache, type LangiumSharedCoreServices, type LangiumDocuments } from 'langium';
import { isPuesto, isUnidad, type Puesto, type Unidad } from './generated/ast.js';
import { institutionOf, manualKey, normalizeKey, parentOf, qualifiedName, structureElements, titularTarget, unitOfPosition } from './model.js';

export interface StructureSnapshot {
    /** Sub-units of a unit: nested ones and those attached with `adscrita a` in any file. */
    readonly children: MultiMap<Unidad, Unidad>;
    /** Positions attached to a unit, in any file. */
    readonly positions: MultiMap<Unidad, Puesto>;
    readonly titulares: MultiMap<Unidad, Puesto>;
    /** Positions that `reporta a` a position. */
    readonly subordinates: MultiMap<Puesto, Puesto>;
    /** Units and positions by qualified id, to find duplicates. */
    readonly byQualifiedId: MultiMap<string, Unidad | Puesto>;
    /** Units whose parent is not in their own manual (or that have none), by `manualKey`. */
    readonly rootsByManual: MultiMap<string, Unidad>;
    /** Units by `unitNameKey` (institution and accent/case/space-folded name), to find equal names. */
    readonly unitsByName: MultiMap<string, Unidad>;
    /** `misma unidad que` links, in both directions: the other descriptions of the same unit. */
    readonly equivalents: MultiMap<Unidad, Unidad>;
}

/** The key of `unitsByName`: a unit's institution and its name as a reader compares it. */
export function unitNameKey(institution: string, name: string): string {
    return `${institution}|${normalizeKey(name)}`;
}

export class StructureIndex {
    private readonly cache: WorkspaceCache<string, StructureSnapshot>;
    private readonly documents: LangiumDocuments;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        // Evicted when linking finishes, so it always reflects resolved references.
        this.cache = new WorkspaceCache(shared, DocumentState.Linked);
    }

    get snapshot(): StructureSnapshot {
        return this.cache.get('snapshot', () => this.compute());
    }

    private compute(): StructureSnapshot {
        const snapshot: StructureSnapshot = {
            children: new MultiMap(), positions: new MultiMap(), titulares: new MultiMap(),
            subordinates: new MultiMap(), byQualifiedId: new MultiMap(), rootsByManual: new MultiMap(),
            unitsByName: new MultiMap(), equivalents: new MultiMap()
        };
        for (const document of this.documents.all) {
            const root = document.parseResult.value;
            const institution = institutionOf(root);
            for (const node of structureElements(root)) {
                if (isUnidad(node)) {
                    const parent = parentOf(node);
                    if (parent) snapshot.children.add(parent, node);
                    if (!parent || manualKey(parent) !== manualKey(node)) snapshot.rootsByManual.add(manualKey(node), node);
                    if (node.name) snapshot.byQualifiedId.add(qualifiedName(institution, node.name), node);
                    if (node.nombre) snapshot.unitsByName.add(unitNameKey(institution, node.nombre), node);
                    const same = node.equivalente?.ref;
                    if (same && same !== node) {
                        snapshot.equivalents.add(node, same);
                        snapshot.equivalents.add(same, node);
                    }
                } else if (isPuesto(node)) {
                    const unit = unitOfPosition(node);
                    if (unit) snapshot.positions.add(unit, node);
                    const titularOf = titularTarget(node);
                    if (titularOf) snapshot.titulares.add(titularOf, node);
                    const boss = node.reportaA?.ref;
                    if (boss) snapshot.subordinates.add(boss, node);
                    if (node.name) snapshot.byQualifiedId.add(qualifiedName(institution, node.name), node);
                }
            }
        }
        return snapshot;
    }
}
