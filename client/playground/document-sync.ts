// Keeps the server's open documents equal to the editor's models: a model of a `.estructura` file
// is didOpen'ed when created (a tab, or a file a definition or a peek shows), its edits are sent
// as they happen, and it is didClose'd when disposed. After a restart every model is opened again.
// Diagnostics arrive here too and become markers.
import * as monaco from 'monaco-editor';
import {
    DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
    PublishDiagnosticsNotification, TextDocumentSyncKind, type Diagnostic, type ServerCapabilities
} from 'vscode-languageserver-protocol/browser';
import { pathOf } from './file-store.js';
import { toMarker, toRange } from './lsp-convert.js';
import type { RunningServer } from './server-connection.js';

export const LANGUAGE_ID = 'estructura';
const MARKER_OWNER = 'estructura';

function syncKind(capabilities: ServerCapabilities): TextDocumentSyncKind {
    const sync = capabilities.textDocumentSync;
    return typeof sync === 'number' ? sync : sync?.change ?? TextDocumentSyncKind.None;
}

function isServerDocument(model: monaco.editor.ITextModel): boolean {
    return model.getLanguageId() === LANGUAGE_ID && pathOf(model.uri.toString()) !== undefined;
}

export class DocumentSync {
    private server: RunningServer | undefined;
    /** The server's last diagnostics per URI, whether or not a model shows them. */
    readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly listeners: Array<(uri: string) => void> = [];

    constructor() {
        monaco.editor.onDidCreateModel(model => {
            this.open(model);
            this.showMarkers(model.uri.toString());
            model.onDidChangeContent(event => this.change(model, event));
        });
        monaco.editor.onWillDisposeModel(model => {
            if (this.server && isServerDocument(model)) {
                void this.server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: model.uri.toString() } });
            }
        });
    }

    /** Called after each diagnostics notification, with its URI. */
    onDiagnostics(listener: (uri: string) => void): void {
        this.listeners.push(listener);
    }

    /** A new server (the first, or after a restart): it learns every model. */
    attach(server: RunningServer | undefined): void {
        this.server = server;
        if (!server) return;
        server.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.showMarkers(params.uri);
            for (const listener of this.listeners) listener(params.uri);
        });
        for (const model of monaco.editor.getModels()) this.open(model);
    }

    private open(model: monaco.editor.ITextModel): void {
        if (!this.server || !isServerDocument(model)) return;
        void this.server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: model.uri.toString(), languageId: LANGUAGE_ID, version: model.getVersionId(), text: model.getValue() }
        });
    }

    private change(model: monaco.editor.ITextModel, event: monaco.editor.IModelContentChangedEvent): void {
        if (!this.server || !isServerDocument(model)) return;
        // Monaco lists a change's parts from the end of the text to its start: applied in order,
        // each one's range is still right.
        const incremental = syncKind(this.server.capabilities) === TextDocumentSyncKind.Incremental;
        const contentChanges = incremental
            ? event.changes.map(change => ({ range: toRange(change.range), rangeLength: change.rangeLength, text: change.text }))
            : [{ text: model.getValue() }];
        void this.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: model.uri.toString(), version: model.getVersionId() }, contentChanges
        });
        // For scripts/bench-web.mjs: from here the server checks while the page must stay responsive.
        performance.mark('estructura:cambio-enviado');
    }

    private showMarkers(uri: string): void {
        const model = monaco.editor.getModel(monaco.Uri.parse(uri));
        if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, (this.diagnostics.get(uri) ?? []).map(toMarker));
    }
}
