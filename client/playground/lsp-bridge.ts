// Monaco's language providers answered by the language server: completion, hover, definition,
// references, document symbols, folding, quick fixes and formatting. Each asks the server of the moment
// (none while it restarts: the editor just gets no answer) and converts with lsp-convert.ts.
import * as monaco from 'monaco-editor';
import {
    CodeActionRequest, CodeActionResolveRequest, CompletionRequest, DefinitionRequest, DocumentFormattingRequest,
    DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, ReferencesRequest,
    type CodeAction, type Command, type CompletionTriggerKind, type DocumentSymbol, type Location, type LocationLink, type ProtocolConnection
} from 'vscode-languageserver-protocol/browser';
import { LANGUAGE_ID, type DocumentSync } from './document-sync.js';
import { fromRange, hoverContents, toCompletion, toPosition, toRange, toWorkspaceEdit } from './lsp-convert.js';
import type { RunningServer } from './server-connection.js';

export interface BridgeHost {
    server(): RunningServer | undefined;
    /** Makes sure a model exists for a URI of the folder (Monaco shows and edits models only). */
    ensureModel(uri: string): void;
}

type Cancel = monaco.CancellationToken;

/** Sends a request to the server of the moment; undefined without one or on failure. */
async function ask<R>(host: BridgeHost, send: (connection: ProtocolConnection) => Promise<R>): Promise<R | undefined> {
    const server = host.server();
    if (!server) return undefined;
    try {
        return await send(server.connection);
    } catch {
        return undefined;
    }
}

function textDocument(model: monaco.editor.ITextModel) {
    return { uri: model.uri.toString() };
}

function toLocations(host: BridgeHost, answer: Location | Location[] | LocationLink[] | null | undefined): monaco.languages.Location[] {
    const list = !answer ? [] : Array.isArray(answer) ? answer : [answer];
    return list.map(item => {
        const [uri, range] = 'targetUri' in item ? [item.targetUri, item.targetSelectionRange] : [item.uri, item.range];
        host.ensureModel(uri);
        return { uri: monaco.Uri.parse(uri), range: fromRange(range) };
    });
}

function toSymbol(symbol: DocumentSymbol): monaco.languages.DocumentSymbol {
    return {
        name: symbol.name, detail: symbol.detail ?? '', kind: symbol.kind - 1, tags: [],
        range: fromRange(symbol.range), selectionRange: fromRange(symbol.selectionRange),
        children: symbol.children?.map(toSymbol)
    };
}

function toAction(host: BridgeHost, action: CodeAction | Command): monaco.languages.CodeAction & { lsp: CodeAction | Command } {
    const edit = 'edit' in action && action.edit ? action.edit : undefined;
    for (const uri of Object.keys(edit?.changes ?? {})) host.ensureModel(uri);
    for (const change of edit?.documentChanges ?? []) if ('textDocument' in change) host.ensureModel(change.textDocument.uri);
    return {
        title: action.title,
        kind: 'kind' in action ? action.kind : undefined,
        isPreferred: 'isPreferred' in action ? action.isPreferred : undefined,
        diagnostics: undefined,
        edit: edit && toWorkspaceEdit(edit),
        lsp: action
    };
}

function codeActions(host: BridgeHost, sync: DocumentSync): monaco.languages.CodeActionProvider {
    return {
        async provideCodeActions(model, range, context, token: Cancel) {
            const uri = model.uri.toString();
            // The server's own diagnostics at the range (with their data), not Monaco's markers.
            const diagnostics = (sync.diagnostics.get(uri) ?? []).filter(d => monaco.Range.areIntersectingOrTouching(fromRange(d.range), range));
            const answer = await ask(host, c => c.sendRequest(CodeActionRequest.type, {
                textDocument: { uri }, range: toRange(range), context: { diagnostics, only: context.only ? [context.only] : undefined }
            }, token));
            return { actions: (answer ?? []).map(action => toAction(host, action)), dispose() {} };
        },
        async resolveCodeAction(action, token: Cancel) {
            const original = (action as { lsp?: CodeAction | Command }).lsp;
            if (!original || !('title' in original) || 'command' in original && typeof original.command === 'string') return action;
            const resolved = await ask(host, c => c.sendRequest(CodeActionResolveRequest.type, original as CodeAction, token));
            return resolved ? toAction(host, resolved) : action;
        }
    };
}

/**
 * The server's folding (units, function lists, sections): Monaco's own, by indentation, runs on
 * the page's thread and took 0.2 s at each edit of a 20 MB file.
 */
function foldingRanges(host: BridgeHost): monaco.languages.FoldingRangeProvider {
    return {
        async provideFoldingRanges(model, _context, token) {
            const ranges = await ask(host, c => c.sendRequest(FoldingRangeRequest.type, { textDocument: textDocument(model) }, token));
            return ranges?.map(r => ({
                start: r.startLine + 1, end: r.endLine + 1,
                kind: r.kind === 'comment' ? monaco.languages.FoldingRangeKind.Comment : r.kind === 'region' ? monaco.languages.FoldingRangeKind.Region : undefined
            }));
        }
    };
}

function formatting(host: BridgeHost): monaco.languages.DocumentFormattingEditProvider {
    return {
        async provideDocumentFormattingEdits(model, options, token) {
            const edits = await ask(host, c => c.sendRequest(DocumentFormattingRequest.type, {
                textDocument: textDocument(model), options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces }
            }, token));
            return edits?.map(e => ({ range: fromRange(e.range), text: e.newText }));
        }
    };
}

export function registerProviders(host: BridgeHost, sync: DocumentSync): void {
    const triggers = host.server()?.capabilities.completionProvider?.triggerCharacters;
    monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
        triggerCharacters: triggers ?? ['.', ' '],
        async provideCompletionItems(model, position, context, token) {
            const answer = await ask(host, c => c.sendRequest(CompletionRequest.type, {
                textDocument: textDocument(model), position: toPosition(position),
                context: { triggerKind: (context.triggerKind + 1) as CompletionTriggerKind, triggerCharacter: context.triggerCharacter }
            }, token));
            const word = model.getWordUntilPosition(position);
            const fallback = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
            const items = !answer ? [] : Array.isArray(answer) ? answer : answer.items;
            return { suggestions: items.map(item => toCompletion(item, fallback)), incomplete: !Array.isArray(answer) && answer?.isIncomplete };
        }
    });
    monaco.languages.registerHoverProvider(LANGUAGE_ID, {
        async provideHover(model, position, token) {
            const answer = await ask(host, c => c.sendRequest(HoverRequest.type, { textDocument: textDocument(model), position: toPosition(position) }, token));
            return answer ? { contents: hoverContents(answer.contents), range: answer.range && fromRange(answer.range) } : null;
        }
    });
    monaco.languages.registerDefinitionProvider(LANGUAGE_ID, {
        async provideDefinition(model, position, token) {
            return toLocations(host, await ask(host, c => c.sendRequest(DefinitionRequest.type, { textDocument: textDocument(model), position: toPosition(position) }, token)));
        }
    });
    monaco.languages.registerReferenceProvider(LANGUAGE_ID, {
        async provideReferences(model, position, context, token) {
            return toLocations(host, await ask(host, c => c.sendRequest(ReferencesRequest.type, {
                textDocument: textDocument(model), position: toPosition(position), context: { includeDeclaration: context.includeDeclaration }
            }, token)));
        }
    });
    monaco.languages.registerDocumentSymbolProvider(LANGUAGE_ID, {
        async provideDocumentSymbols(model, token) {
            const answer = await documentSymbols(host, model.uri.toString(), token);
            return answer?.map(toSymbol);
        }
    });
    monaco.languages.registerFoldingRangeProvider(LANGUAGE_ID, foldingRanges(host));
    monaco.languages.registerCodeActionProvider(LANGUAGE_ID, codeActions(host, sync), { providedCodeActionKinds: ['quickfix'] });
    monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, formatting(host));
}

/** The outline of a document (hierarchical), for the panel beside the editor and Monaco's own. */
export async function documentSymbols(host: BridgeHost, uri: string, token?: Cancel): Promise<DocumentSymbol[] | undefined> {
    const answer = await ask(host, c => c.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, token));
    return answer?.filter((symbol): symbol is DocumentSymbol => 'range' in symbol);
}
