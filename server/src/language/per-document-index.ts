// Workspace-wide indexes made of one part per document. A part depends on its document's AST and
// resolved references only, so it is kept until the document is parsed or linked again (an edit
// relinks the edited file and the files that point at it); the merged view asks every part.
import { DocumentState, type AstNode, type LangiumDocument, type LangiumSharedCoreServices, type MultiMap } from 'langium';
import { EstructuraDocumentBuilder } from './document-builder.js';
import { EstructuraLangiumDocuments } from './workspace-documents.js';

export class PerDocumentParts<P> {
    /** By document URI: the part and the AST it was computed from. */
    private readonly parts = new Map<string, { root: AstNode; part: P }>();
    private readonly documents: EstructuraLangiumDocuments;

    /**
     * The last answer of `all()` and the list of documents it was made from (with each document's
     * position), and the documents reset since: an edit asks each index for every part once per
     * build, and walking the workspace's documents for it cost 6 % of an edit at ×30. While no
     * document came or went, only the parts of the documents reset since are looked up again.
     */
    private listed: { documents: readonly LangiumDocument[]; at: Map<string, number>; parts: P[] } | undefined;
    private readonly reset = new Set<string>();

    constructor(shared: LangiumSharedCoreServices, private readonly compute: (document: LangiumDocument) => P) {
        const documents = shared.workspace.LangiumDocuments;
        if (!(documents instanceof EstructuraLangiumDocuments)) throw new Error('PerDocumentParts needs the EstructuraLangiumDocuments (inOrder)');
        this.documents = documents;
        const builder = shared.workspace.DocumentBuilder;
        if (!(builder instanceof EstructuraDocumentBuilder)) throw new Error('PerDocumentParts needs the EstructuraDocumentBuilder (onReset)');
        // Evicted when the document's state drops below Linked (it is about to be parsed or linked
        // again), not when it reaches Linked: Langium skips phase listeners when a newer edit cancels
        // the build right after the linking, and a part of the previous parse (or of the previous
        // references) survived into the next build's validation (an id «already defined» at its own line).
        builder.onReset(document => {
            const key = document.uri.toString();
            this.parts.delete(key);
            this.reset.add(key);
        });
    }

    /** The part of every document of the workspace (in workspace order), computing those that are missing. */
    all(): P[] {
        const documents = this.documents.inOrder;
        const listed = this.listed;
        // A part computed for a document not linked yet is not kept (see partOf): nor is the list.
        const linked = (document: LangiumDocument) => document.state >= DocumentState.Linked;
        let parts: P[];
        let kept: boolean;
        if (listed?.documents === documents && [...this.reset].every(key => listed.at.has(key))) {
            if (this.reset.size === 0) return listed.parts;
            // A new list (the unions compare lists by identity), the same parts but for the reset documents'.
            parts = [...listed.parts];
            kept = true;
            for (const key of this.reset) {
                const document = documents[listed.at.get(key)!];
                parts[listed.at.get(key)!] = this.partOf(document);
                kept &&= linked(document);
            }
        } else {
            parts = documents.map(document => this.partOf(document));
            kept = documents.every(linked);
        }
        this.reset.clear();
        const at = listed?.documents === documents ? listed.at : new Map(documents.map((document, i) => [document.uri.toString(), i]));
        this.listed = kept ? { documents, at, parts } : undefined;
        return parts;
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
 * The union of several multimaps, read-only: under a key, the values of every part that has it, in
 * the order of the parts. Each build has its own list of parts (one per document), and most of them
 * are the previous build's: the union is kept in a `SharedUnion` that the views move from one list
 * of parts to another by their difference, so that an edit costs the parts it changed, not the
 * workspace (rebuilding the union at each build cost 12 % of an edit at ×10, see the README).
 */
export class MergedMultiMap<K, V> implements Lookup<K, V> {
    constructor(private readonly parts: ReadonlyArray<MultiMap<K, V>>, private readonly shared = new SharedUnion<K, V>()) {}

    get(key: K): readonly V[] {
        return this.shared.at(this.parts).get(key) ?? NONE;
    }
}

/**
 * The union of one list of parts at a time (the list of the view that asked last), moved to another
 * list by the difference of the two: the keys of the parts that left or came are recomputed from the
 * parts that have them, in the new list's order. Any list can be asked for at any time (a request
 * that kept an older snapshot moves the union back), so every answer is that of its own parts. The
 * parts must not change once listed (each is computed once from one AST and never added to), and
 * the arrays handed out are never changed afterwards (a key recomputed gets a new array).
 */
export class SharedUnion<K, V> {
    private parts: ReadonlyArray<MultiMap<K, V>> = [];
    private readonly union = new Map<K, V[]>();
    /** The parts that have each key, in list order. */
    private readonly owners = new Map<K, Array<MultiMap<K, V>>>();

    /** The union of these parts (the map is valid until the next call with another list). */
    at(parts: ReadonlyArray<MultiMap<K, V>>): ReadonlyMap<K, readonly V[]> {
        if (parts !== this.parts) this.move(parts);
        return this.union;
    }

    private move(parts: ReadonlyArray<MultiMap<K, V>>): void {
        if (this.moveInPlace(parts)) return;
        const before = new Set(this.parts);
        const after = new Set(parts);
        const removed = this.parts.filter(part => !after.has(part));
        const added = parts.filter(part => !before.has(part));
        // The parts both lists have must keep their order (documents keep theirs: a document parsed
        // again gets a new part); otherwise, or when most parts changed, build it again.
        const keptBefore = this.parts.filter(part => after.has(part));
        const keptAfter = parts.filter(part => before.has(part));
        const sameOrder = keptBefore.length === keptAfter.length && keptBefore.every((part, i) => part === keptAfter[i]);
        this.parts = parts;
        if (!sameOrder || removed.length + added.length > parts.length / 2) {
            this.rebuild();
            return;
        }
        this.apply(parts, removed, added);
    }

    /**
     * The common case of an edit: the same number of parts, the same ones at the same positions
     * but for a few replaced (the documents parsed or linked again). Found by comparing the lists
     * position by position, without the sets of the general case (two sets of every part of the
     * workspace, per union and build: 8 % of an edit at ×30). False when the lists differ otherwise.
     */
    private moveInPlace(parts: ReadonlyArray<MultiMap<K, V>>): boolean {
        const previous = this.parts;
        if (previous.length !== parts.length || previous.length === 0) return false;
        const removed: Array<MultiMap<K, V>> = [];
        const added: Array<MultiMap<K, V>> = [];
        for (let i = 0; i < parts.length; i++) {
            if (previous[i] === parts[i]) continue;
            removed.push(previous[i]);
            added.push(parts[i]);
            if (removed.length + added.length > parts.length / 2) return false;
        }
        // A part listed at another position (documents reordered) is no replacement.
        const gone = new Set(removed);
        if (added.some(part => gone.has(part))) return false;
        this.parts = parts;
        this.apply(parts, removed, added);
        return true;
    }

    /** Recomputes the keys of the parts that left or came, in the order of `parts` (the new list). */
    private apply(parts: ReadonlyArray<MultiMap<K, V>>, removed: ReadonlyArray<MultiMap<K, V>>, added: ReadonlyArray<MultiMap<K, V>>): void {
        if (removed.length === 0 && added.length === 0) return;
        let position: Map<MultiMap<K, V>, number> | undefined;
        const touched = new Set<K>();
        const gone = new Set(removed);
        for (const part of removed) {
            for (const key of part.keys()) {
                touched.add(key);
                const owners = this.owners.get(key)?.filter(owner => !gone.has(owner));
                if (owners && owners.length > 0) this.owners.set(key, owners);
                else this.owners.delete(key);
            }
        }
        for (const part of added) {
            for (const key of part.keys()) {
                touched.add(key);
                const owners = this.owners.get(key);
                if (owners) owners.push(part);
                else this.owners.set(key, [part]);
            }
        }
        for (const key of touched) {
            const owners = this.owners.get(key);
            if (!owners) {
                this.union.delete(key);
                continue;
            }
            if (owners.length > 1) {
                const at = position ??= new Map(parts.map((part, i) => [part, i]));
                owners.sort((a, b) => at.get(a)! - at.get(b)!);
            }
            this.union.set(key, owners.length === 1 ? [...owners[0].get(key)] : owners.flatMap(owner => owner.get(key)));
        }
    }

    private rebuild(): void {
        this.union.clear();
        this.owners.clear();
        for (const part of this.parts) {
            for (const [key, values] of part.entriesGroupedByKey()) {
                const existing = this.union.get(key);
                if (existing) {
                    existing.push(...values);
                    this.owners.get(key)!.push(part);
                } else {
                    this.union.set(key, [...values]);
                    this.owners.set(key, [part]);
                }
            }
        }
    }
}
