// The written references to each unit and position (`adscrita a DOE`, `titular de DOE`,
// `reporta a IMSS.TIT_DG`, `unidades CAPSOI`, `raíz UEOD`…), over the whole workspace, by target.
// The code lens of every visible file and the call hierarchy ask it once per unit: Langium's
// `References.findReferences` walks every reference of the workspace on each call. One part per
// document (its resolved references), kept until the document is parsed or linked again, merged
// per build like the structure index.
import { DocumentState, MultiMap, WorkspaceCache, type AstNode, type LangiumDocument, type LangiumSharedCoreServices, type Reference } from 'langium';
import { isPuesto, isUnidad, type Puesto, type Unidad } from './generated/ast.js';
import { MergedMultiMap, PerDocumentParts, SharedUnion, type Lookup } from './per-document-index.js';

/** A reference as written: the node whose property it is, and the reference (its `$refNode` is the id). */
export interface IncomingReference {
    source: AstNode;
    reference: Reference;
}

export class IncomingReferences {
    private readonly parts: PerDocumentParts<MultiMap<Unidad | Puesto, IncomingReference>>;
    private readonly cache: WorkspaceCache<string, Lookup<Unidad | Puesto, IncomingReference>>;
    private readonly union = new SharedUnion<Unidad | Puesto, IncomingReference>();

    constructor(shared: LangiumSharedCoreServices) {
        this.parts = new PerDocumentParts(shared, computePart);
        this.cache = new WorkspaceCache(shared, DocumentState.Linked);
    }

    /** The resolved references to a unit or position, in workspace order (not its declaration). */
    to(target: Unidad | Puesto): readonly IncomingReference[] {
        return this.cache.get('merged', () => new MergedMultiMap(this.parts.all(), this.union)).get(target);
    }
}

function computePart(document: LangiumDocument): MultiMap<Unidad | Puesto, IncomingReference> {
    const part = new MultiMap<Unidad | Puesto, IncomingReference>();
    for (const reference of document.references) {
        // The grammar has no multi-references: each one names a single target.
        if (!('ref' in reference)) continue;
        const source = reference.$refNode?.astNode;
        const target = reference.ref;
        if (source && (isUnidad(target) || isPuesto(target))) part.add(target, { source, reference });
    }
    return part;
}
