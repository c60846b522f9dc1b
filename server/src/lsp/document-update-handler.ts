// Document sync beyond Langium's defaults: closing an editor without saving discards its text, so
// the server must go back to the file on disk (or forget a file that exists only in the editor).
// Langium keeps the closed buffer's text otherwise, with its diagnostics, units and charts.
import { URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { FileSystemProvider } from 'langium';

export class EstructuraDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
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
