// Workspace symbols: units and positions found by official name or id, ignoring accents and case.
import type { AstNodeDescription, IndexManager } from 'langium';
import { DefaultWorkspaceSymbolProvider, type LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { isPuesto, isUnidad } from '../language/generated/ast.js';
import { normalizeKey } from '../language/model.js';

export class EstructuraWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    private readonly index: IndexManager;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.index = services.workspace.IndexManager;
    }

    override async getSymbols(params: WorkspaceSymbolParams, _cancelToken?: CancellationToken): Promise<WorkspaceSymbol[]> {
        const words = normalizeKey(params.query).split(' ').filter(Boolean);
        const symbols: WorkspaceSymbol[] = [];
        for (const description of this.index.allElements()) {
            const node = description.node;
            const title = isUnidad(node) ? node.nombre : isPuesto(node) ? node.titulo : undefined;
            const haystack = normalizeKey(`${description.name} ${title ?? ''}`);
            if (words.every(w => haystack.includes(w))) {
                const symbol = this.symbolOf(description, title);
                if (symbol) symbols.push(symbol);
            }
        }
        return symbols;
    }

    private symbolOf(description: AstNodeDescription, title: string | undefined): WorkspaceSymbol | undefined {
        const symbol = this.getWorkspaceSymbol(description);
        if (!symbol) return undefined;
        const numero = isUnidad(description.node) ? description.node.numero : undefined;
        return { ...symbol, name: title ?? description.name, containerName: [numero, description.name].filter(Boolean).join(' ') };
    }
}
