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

    constructor(services: LangiumCoreServices) {
        super(services);
        this.scopes = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    override getScope(context: ReferenceInfo): Scope {
        const type = this.reflection.getReferenceType(context);
        const institution = institutionOf(context.container);
        return this.scopes.get(`${type}|${institution}`, () => this.namespaceScope(type, institution));
    }

    /** Qualified names for everything, plus bare ids for the institution the reference is written in. */
    private namespaceScope(type: string, institution: string): Scope {
        const descriptions: AstNodeDescription[] = [];
        const local: AstNodeDescription[] = [];
        // In file order: when two files declare the same id (an error of its own), the one a
        // reference resolves to must not depend on the order files were loaded or reindexed in
        // (a cold check and an editor after some edits would disagree).
        const all = this.indexManager.allElements(type).toArray()
            .sort((a, b) => compareUris(a.documentUri.toString(), b.documentUri.toString()));
        for (const description of all) {
            descriptions.push(description);
            const [namespace, id] = splitQualified(description.name);
            if ((namespace ?? '') === institution && namespace !== undefined) {
                local.push(renamed(description, id));
            }
        }
        // Bare ids first in a map of their own so that a bare id never shadows a qualified one.
        return new MapScope(local, new MapScope(descriptions));
    }
}

function compareUris(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
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
