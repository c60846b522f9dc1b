// Workspace-wide indexes made of one part per document. A part depends on its document's AST and
// resolved references only, so it is kept until the document is parsed or linked again (an edit
// relinks the edited file and the files that point at it); the merged view asks every part.
import { DocumentState, type AstNode, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices, type MultiMap } from 'langium';
import { EstructuraDocumentBuilder } from './document-builder.js';

export class PerDocumentParts<P> {
    /** By document URI: the part and the AST it was computed from. */
    private readonly parts = new Map<string, { root: AstNode; part: P }>();
    private readonly documents: LangiumDocuments;

    constructor(shared: LangiumSharedCoreServices, private readonly compute: (document: LangiumDocument) => P) {
        this.documents = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        if (!(builder instanceof EstructuraDocumentBuilder)) throw new Error('PerDocumentParts needs the EstructuraDocumentBuilder (onReset)');
        // Evicted when the document's state drops below Linked (it is about to be parsed or linked
        // again), not when it reaches Linked: Langium skips phase listeners when a newer edit cancels
        // the build right after the linking, and a part of the previous parse (or of the previous
        // references) survived into the next build's validation (an id «already defined» at its own line).
        builder.onReset(document => this.parts.delete(document.uri.toString()));
    }

    /** The part of every document of the workspace, computing those that are missing. */
    all(): P[] {
        return this.documents.all.map(document => this.partOf(document)).toArray();
    }

    private partOf(document: LangiumDocument): P {
        const key = document.uri.toString();
        const root = document.parseResult.value;
        const kept = this.parts.get(key);
        if (kept && kept.root === root) return kept.part;
        const part = this.compute(document);
        // Kept only once the document is linked: before, its references are unresolved (or resolved
        // lazily by a request), and nothing would evict the part when it is linked. From Linked on,
        // its AST and references change only after a reset, which evicts the part.
        if (document.state >= DocumentState.Linked) this.parts.set(key, { root, part });
        else this.parts.delete(key);
        return part;
    }
}

/** What an index answers: the values under a key, across every document. */
export interface Lookup<K, V> {
    get(key: K): readonly V[];
}

const NONE: readonly never[] = [];

/**
 * The union of several multimaps, read-only. The union is built on the first lookup, in one pass
 * over the parts: asking every part on each lookup cost a full check ~80 ms on examples/ (65
 * parts × thousands of lookups), while the union costs a few ms and only when someone asks.
 */
export class MergedMultiMap<K, V> implements Lookup<K, V> {
    private union: Map<K, V[]> | undefined;

    constructor(private readonly maps: ReadonlyArray<MultiMap<K, V>>) {}

    get(key: K): readonly V[] {
        this.union ??= this.merge();
        return this.union.get(key) ?? NONE;
    }

    private merge(): Map<K, V[]> {
        const union = new Map<K, V[]>();
        for (const map of this.maps) {
            for (const [key, values] of map.entriesGroupedByKey()) {
                const existing = union.get(key);
                if (existing) existing.push(...values);
                else union.set(key, [...values]);
            }
        }
        return union;
    }
}
