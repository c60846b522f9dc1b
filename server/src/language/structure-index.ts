// A workspace-wide view of the structure, shared by the validations and language features that
// look beyond one file (children declared in another manual, titulares, subordinates). Each
// document contributes a part, recomputed only when that document is parsed or linked again.
import { DocumentState, MultiMap, WorkspaceCache, type AstNode, type LangiumSharedCoreServices } from 'langium';
import { MergedMultiMap, PerDocumentParts, SharedUnion, type Lookup } from './per-document-index.js';
import { isPuesto, isUnidad, type Puesto, type Unidad } from './generated/ast.js';
import { institutionOf, manualKey, parentOf, qualifiedName, structureElements, titularTarget, unitOfPosition } from './model.js';
import { normalizeKey } from './text-keys.js';

export interface StructureSnapshot {
    /** Sub-units of a unit: nested ones and those attached with `adscrita a` in any file. */
    readonly children: Lookup<Unidad, Unidad>;
    /** Positions attached to a unit, in any file. */
    readonly positions: Lookup<Unidad, Puesto>;
    readonly titulares: Lookup<Unidad, Puesto>;
    /** Positions that `reporta a` a position. */
    readonly subordinates: Lookup<Puesto, Puesto>;
    /** Units and positions by qualified id, to find duplicates. */
    readonly byQualifiedId: Lookup<string, Unidad | Puesto>;
    /** Units whose parent is not in their own manual (or that have none), by `manualKey`. */
    readonly rootsByManual: Lookup<string, Unidad>;
    /** Units by `unitNameKey` (institution and accent/case/space-folded name), to find equal names. */
    readonly unitsByName: Lookup<string, Unidad>;
    /** `misma unidad que` links, in both directions: the other descriptions of the same unit. */
    readonly equivalents: Lookup<Unidad, Unidad>;
}

/** The key of `unitsByName`: a unit's institution and its name as a reader compares it. */
export function unitNameKey(institution: string, name: string): string {
    return `${institution}|${normalizeKey(name)}`;
}

type PartOf<L> = L extends Lookup<infer K, infer V> ? MultiMap<K, V> : never;
/** One document's contribution to each lookup. */
type StructurePart = { [P in keyof StructureSnapshot]: PartOf<StructureSnapshot[P]> };

export class StructureIndex {
    private readonly cache: WorkspaceCache<string, StructureSnapshot>;
    private readonly parts: PerDocumentParts<StructurePart>;
    /** Per lookup, the union its successive snapshots move from one list of parts to the next. */
    private readonly unions = new Map<keyof StructureSnapshot, SharedUnion<unknown, unknown>>();

    constructor(shared: LangiumSharedCoreServices) {
        // One part per document, kept until it is parsed or linked again; the merged view is rebuilt (cheaply)
        // once linking finishes, so it always reflects resolved references.
        this.parts = new PerDocumentParts(shared, document => computePart(document.parseResult.value));
        this.cache = new WorkspaceCache(shared, DocumentState.Linked);
    }

    get snapshot(): StructureSnapshot {
        return this.cache.get('snapshot', () => {
            const parts = this.parts.all();
            const merged = <P extends keyof StructureSnapshot>(key: P) => {
                let shared = this.unions.get(key);
                if (!shared) this.unions.set(key, shared = new SharedUnion());
                return new MergedMultiMap<unknown, unknown>(parts.map(part => part[key] as MultiMap<unknown, unknown>), shared) as StructureSnapshot[P];
            };
            return {
                children: merged('children'), positions: merged('positions'), titulares: merged('titulares'),
                subordinates: merged('subordinates'), byQualifiedId: merged('byQualifiedId'), rootsByManual: merged('rootsByManual'),
                unitsByName: merged('unitsByName'), equivalents: merged('equivalents')
            };
        });
    }
}

function computePart(root: AstNode): StructurePart {
    const part: StructurePart = {
        children: new MultiMap(), positions: new MultiMap(), titulares: new MultiMap(),
        subordinates: new MultiMap(), byQualifiedId: new MultiMap(), rootsByManual: new MultiMap(),
        unitsByName: new MultiMap(), equivalents: new MultiMap()
    };
    const institution = institutionOf(root);
    for (const node of structureElements(root)) {
        if (isUnidad(node)) {
            const parent = parentOf(node);
            if (parent) part.children.add(parent, node);
            if (!parent || manualKey(parent) !== manualKey(node)) part.rootsByManual.add(manualKey(node), node);
            if (node.name) part.byQualifiedId.add(qualifiedName(institution, node.name), node);
            if (node.nombre) part.unitsByName.add(unitNameKey(institution, node.nombre), node);
            const same = node.equivalente?.ref;
            if (same && same !== node) {
                part.equivalents.add(node, same);
                part.equivalents.add(same, node);
            }
        } else if (isPuesto(node)) {
            const unit = unitOfPosition(node);
            if (unit) part.positions.add(unit, node);
            const titularOf = titularTarget(node);
            if (titularOf) part.titulares.add(titularOf, node);
            const boss = node.reportaA?.ref;
            if (boss) part.subordinates.add(boss, node);
            if (node.name) part.byQualifiedId.add(qualifiedName(institution, node.name), node);
        }
    }
    return part;
}
