// Workspace-wide indexes made of one part per document. A part depends on its document's AST and
// resolved references only, so it is kept until the document is relinked (an edit relinks the
// edited file and the files that point at it); the merged view asks every part.
import { DocumentCache, DocumentState, MultiMap, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';

export class PerDocumentParts<P> {
    private readonly parts: DocumentCache<string, P>;
    private readonly documents: LangiumDocuments;

    constructor(shared: LangiumSharedCoreServices, private readonly compute: (document: LangiumDocument) => P) {
        this.documents = shared.workspace.LangiumDocuments;
        this.parts = new DocumentCache(shared, DocumentState.Linked);
    }

    /** The part of every document of the workspace, computing those that are missing. */
    all(): P[] {
        return this.documents.all.map(document => this.parts.get(document.uri, 'part', () => this.compute(document))).toArray();
    }
}

/** What an index answers: the values under a key, across every document. */
export interface Lookup<K, V> {
    get(key: K): V[];
}

/** The union of several multimaps, read-only: `get` concatenates what each one holds. */
export class MergedMultiMap<K, V> implements Lookup<K, V> {
    constructor(private readonly maps: ReadonlyArray<MultiMap<K, V>>) {}

    get(key: K): V[] {
        let found: V[] | undefined;
        for (const map of this.maps) {
            const values = map.get(key);
            if (values.length > 0) found = found ? found.concat(values) : [...values];
        }
        return found ?? [];
    }
}
