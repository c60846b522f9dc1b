// Document sync beyond Langium's defaults: closing an editor without saving discards its text, so
// the server must go back to the file on disk (or forget a file that exists only in the editor).
// Langium keeps the closed buffer's text otherwise, with its diagnostics, units and charts.
import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FileChangeType, type DidChangeWatchedFilesParams, type TextDocumentChangeEvent } from 'vscode-languageserver';
import type { FileSystemProvider } from 'langium';
import type { FileAccess } from '../files/file-access.js';
import type { EstructuraSharedServices } from '../language/estructura-module.js';

export class EstructuraDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;
    private readonly fileAccess: FileAccess;

    constructor(services: EstructuraSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.fileAccess = services.host.Host.fileAccess;
    }

    /** The host learns which files exist (a web worker cannot look at the disk when an editor closes). */
    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const uris = (type: (t: FileChangeType) => boolean) => params.changes.filter(c => type(c.type)).map(c => URI.parse(c.uri));
        this.fileAccess.noteChanges?.(uris(t => t === FileChangeType.Created), uris(t => t === FileChangeType.Deleted));
        super.didChangeWatchedFiles(params);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        // Synchronous, so the update is queued before any request that follows the close.
        let onDisk = false;
        try {
            onDisk = this.fileSystem.existsSync(uri);
        } catch {
            onDisk = false;
        }
        if (onDisk) this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }
}
