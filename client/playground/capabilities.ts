// What the playground's LSP client can do, as the server reads it in `initialize`: only what
// lsp-bridge.ts implements.
import { MarkupKind, type ClientCapabilities } from 'vscode-languageserver-protocol/browser';

export const clientCapabilities: ClientCapabilities = {
    general: { positionEncodings: ['utf-16'] },
    workspace: {
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: false },
        applyEdit: false
    },
    textDocument: {
        synchronization: { didSave: false, willSave: false, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] }, dataSupport: true },
        hover: { contentFormat: [MarkupKind.Markdown, MarkupKind.PlainText] },
        completion: {
            completionItem: {
                snippetSupport: true, documentationFormat: [MarkupKind.Markdown, MarkupKind.PlainText],
                insertReplaceSupport: true, labelDetailsSupport: true, deprecatedSupport: true
            },
            contextSupport: true
        },
        definition: { linkSupport: false },
        references: {},
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
            isPreferredSupport: true,
            dataSupport: true,
            resolveSupport: { properties: ['edit'] }
        },
        formatting: {},
        foldingRange: { lineFoldingOnly: true }
    }
};
