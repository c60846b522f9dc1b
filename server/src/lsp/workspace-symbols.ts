// Workspace symbols: units and positions found by official name or id, ignoring accents and case.
// At most MAX_SYMBOLS answers, best first: a one-letter query matched every unit of a workspace of
// 1,530 files (tens of thousands of symbols, 190 ms and megabytes of JSON per keystroke), and the
// editor filters and re-asks as the user types. Each description's folded text is computed once
// (descriptions are made again when their document is parsed again).
import type { AstNodeDescription, IndexManager } from 'langium';
import { DefaultWorkspaceSymbolProvider, type LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { isPuesto, isUnidad } from '../language/generated/ast.js';
import { normalizeKey } from '../language/text-keys.js';

/** The most symbols one query answers. */
export const MAX_SYMBOLS = 1000;

interface Searchable {
    /** The id without its institution, folded. */
    id: string;
    /** Id and title, folded. */
    haystack: string;
    title: string | undefined;
}

export class EstructuraWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    private readonly index: IndexManager;
    private readonly searchable = new WeakMap<AstNodeDescription, Searchable>();

    constructor(services: LangiumSharedServices) {
        super(services);
        this.index = services.workspace.IndexManager;
    }

    override async getSymbols(params: WorkspaceSymbolParams, _cancelToken?: CancellationToken): Promise<WorkspaceSymbol[]> {
        const query = normalizeKey(params.query);
        const words = query.split(' ').filter(Boolean);
        // Best first: the id itself, then an id or a title that starts with the query, then the rest
        // (each in workspace order).
        const ranks: AstNodeDescription[][] = [[], [], []];
        for (const description of this.index.allElements()) {
            const s = this.searchableOf(description);
            if (!words.every(w => s.haystack.includes(w))) continue;
            const rank = s.id === query ? 0 : s.haystack.startsWith(query) || s.haystack.includes(` ${query}`) ? 1 : 2;
            if (ranks[rank].length < MAX_SYMBOLS) ranks[rank].push(description);
        }
        const symbols: WorkspaceSymbol[] = [];
        for (const description of ranks.flat()) {
            if (symbols.length >= MAX_SYMBOLS) break;
            const symbol = this.symbolOf(description, this.searchableOf(description).title);
            if (symbol) symbols.push(symbol);
        }
        return symbols;
    }

    private searchableOf(description: AstNodeDescription): Searchable {
        let s = this.searchable.get(description);
        if (!s) {
            const node = description.node;
            const title = isUnidad(node) ? node.nombre : isPuesto(node) ? node.titulo : undefined;
            s = { id: normalizeKey(description.name.substring(description.name.lastIndexOf('.') + 1)), haystack: normalizeKey(`${description.name} ${title ?? ''}`), title };
            this.searchable.set(description, s);
        }
        return s;
    }

    private symbolOf(description: AstNodeDescription, title: string | undefined): WorkspaceSymbol | undefined {
        const symbol = this.getWorkspaceSymbol(description);
        if (!symbol) return undefined;
        const numero = isUnidad(description.node) ? description.node.numero : undefined;
        return { ...symbol, name: title ?? description.name, containerName: [numero, description.name].filter(Boolean).join(' ') };
    }
}
