// The workspace's documents, as the language server and the CLI see them.
//
// In workspace order: `all` lists the documents by URI (their path, for files), whatever order they
// were loaded in (the server reads the workspace's files in parallel and keeps them in the order the
// reads finished; the CLI, in the order of its arguments) or added later (a file created or opened
// in an editor). Every workspace-wide index is made of one part per document in this order, so the
// element a rule or a request picks among several (which definition of a repeated id another message
// names, the order a list in a message follows) is the same in a cold check and in an editor after
// any sequence of edits.
//
// A request about a document the server does not have (never opened, not in the workspace folder,
// forgotten when its unsaved editor closed) is a JSON-RPC error, ServerCancelled (-32802) with
// «No document found for URI: …», the answer Langium gives when a request waits for the document's
// build (hover, definition, symbols, completion, formatting, folding, code actions, semantic tokens).
// Requests that wait for the whole workspace instead (references, rename, prepareRename, highlights)
// asked `getOrCreateDocument`, which read an unknown file from disk: a missing file was an
// InternalError (-32603, ENOENT), and a file outside the workspace joined it, unbuilt, until the next
// edit built it as one more file of the workspace. In the language server a document is created only
// by the workspace's loading and by the builder (opened, changed or created files); here it is only
// looked up.
import { DefaultLangiumDocuments, stream, URI, type Cancellation, type LangiumDocument, type Stream } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export class EstructuraLangiumDocuments extends DefaultLangiumDocuments {
    /** `all` in workspace order, until a document is added or deleted. */
    private ordered: LangiumDocument[] | undefined;

    override get all(): Stream<LangiumDocument> {
        return stream(this.inOrder);
    }

    /** The documents in workspace order: the same array until a document is added or deleted. */
    get inOrder(): readonly LangiumDocument[] {
        return this.ordered ??= super.all.toArray().sort(byUri);
    }

    override addDocument(document: LangiumDocument): void {
        this.ordered = undefined;
        super.addDocument(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.ordered = undefined;
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.ordered = undefined;
        return super.deleteDocuments(folder);
    }

    override async getOrCreateDocument(uri: URI, cancellationToken?: Cancellation.CancellationToken): Promise<LangiumDocument> {
        const document = this.getDocument(uri);
        if (document) return document;
        // Without a client (CLI, tests) documents are still read on demand.
        if ((this.services as LangiumSharedServices).lsp?.Connection) throw unknownDocument(uri);
        return super.getOrCreateDocument(uri, cancellationToken);
    }
}

/** Workspace order: by URI, compared as strings (code units), as `byLocation` and the scope do. */
function byUri(a: LangiumDocument, b: LangiumDocument): number {
    const ua = a.uri.toString();
    const ub = b.uri.toString();
    return ua < ub ? -1 : ua > ub ? 1 : 0;
}

export function unknownDocument(uri: URI): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.ServerCancelled, `No document found for URI: ${uri.toString()}`);
}
