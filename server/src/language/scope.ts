// Names resolve by id within the institution's namespace, across the whole workspace.
// Every unit and position is exported (not only the root's children, Langium's default),
// under its qualified name `INSTITUCION.ID`.
import {
    AstUtils, DefaultScopeComputation, DefaultScopeProvider, DocumentState, MapScope, MultiMap, WorkspaceCache,
    type AstNodeDescription, type LangiumCoreServices, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope
} from 'langium';
import { CancellationToken } from 'vscode-languageserver-protocol';
import { isManual, isPuesto, isUnidad } from './generated/ast.js';
import { institutionOf, qualifiedName, splitQualified } from './model.js';

export class EstructuraScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, _cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const institution = institutionOf(root);
        const exports: AstNodeDescription[] = [];
        for (const node of AstUtils.streamAst(root)) {
            if ((isUnidad(node) || isPuesto(node) || isManual(node)) && node.name) {
                exports.push(this.descriptions.createDescription(node, qualifiedName(institution, node.name), document));
            }
        }
        return exports;
    }

    // All symbols are global (see the scope provider), so there is nothing local to collect.
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap();
    }
}

export class EstructuraScopeProvider extends DefaultScopeProvider {
    private readonly scopes: WorkspaceCache<string, Scope>;
    private readonly declarations: WorkspaceCache<string, Declarations>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.scopes = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        this.declarations = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    override getScope(context: ReferenceInfo): Scope {
        const type = this.reflection.getReferenceType(context);
        const institution = institutionOf(context.container);
        return this.scopes.get(`${type}|${institution}`, () => this.namespaceScope(type, institution));
    }

    /**
     * Qualified names for everything, plus bare ids for the institution the reference is written in.
     * An id declared twice (an error of its own, `estructura-id-duplicado`) resolves to its first
     * declaration in workspace order: the first file by path, and in that file the first one from the
     * top. Not the order of Langium's index, which loading in parallel and reindexing change (an edited
     * document's symbols go to its end): a cold check and an editor after some edits would disagree.
     */
    private namespaceScope(type: string, institution: string): Scope {
        const { global, byNamespace } = this.declarations.get(type, () => this.declarationsOf(type));
        const local = (byNamespace.get(institution) ?? []).map(([description, id]) => renamed(description, id));
        // Bare ids first in a map of their own so that a bare id never shadows a qualified one.
        return new MapScope(local, global);
    }

    /**
     * The first declaration of each qualified name, once per type and build, shared by every
     * institution's scope: each one walked the whole index and built a scope of all of it (quadratic
     * in the institutions, 4 % of the startup at ×30). Bare ids by namespace, in the same order.
     */
    private declarationsOf(type: string): Declarations {
        const first = new Map<string, AstNodeDescription>();
        for (const description of this.indexManager.allElements(type)) {
            const seen = first.get(description.name);
            if (!seen || comesBefore(description, seen)) first.set(description.name, description);
        }
        const byNamespace = new Map<string, Array<[AstNodeDescription, string]>>();
        for (const description of first.values()) {
            const [namespace, id] = splitQualified(description.name);
            if (namespace === undefined) continue;
            const list = byNamespace.get(namespace);
            if (list) list.push([description, id]);
            else byNamespace.set(namespace, [[description, id]]);
        }
        return { global: new MapScope(first.values()), byNamespace };
    }
}

interface Declarations {
    global: Scope;
    byNamespace: Map<string, Array<[AstNodeDescription, string]>>;
}

/** Workspace order of two declarations: by document URI (compared as strings), then by offset. */
function comesBefore(a: AstNodeDescription, b: AstNodeDescription): boolean {
    const ua = a.documentUri.toString();
    const ub = b.documentUri.toString();
    if (ua !== ub) return ua < ub;
    return (a.node?.$cstNode?.offset ?? 0) < (b.node?.$cstNode?.offset ?? 0);
}

/**
 * The description under another name. Not a spread: that would call the lazy `nameSegment` getter,
 * a CST search per unit and position of the workspace before any of them is looked up.
 */
function renamed(description: AstNodeDescription, name: string): AstNodeDescription {
    return {
        node: description.node,
        name,
        get nameSegment() { return description.nameSegment; },
        selectionSegment: description.selectionSegment,
        type: description.type,
        documentUri: description.documentUri,
        path: description.path
    };
}
