// The names a text can use for a unit, over the whole workspace: official names, declared aliases,
// and former names (`anterior "…"` on the unit, or a `cambio` with `nombre anterior`/`nombre nuevo`,
// followed along later renames to the unit that carries the name today).
import { MultiMap, type AstNode, type LangiumDocuments } from 'langium';
import { isCambio, isUnidad, type Cambio, type Unidad } from '../generated/ast.js';
import { institutionOf, structureElements } from '../model.js';
import { normalizeKey } from '../text-keys.js';
import { MergedMultiMap, SharedUnion, type Lookup } from '../per-document-index.js';
import { nameWords } from './words.js';

export type NameKind = 'oficial' | 'alias' | 'anterior';

export interface NameEntry {
    kind: NameKind;
    /** The name as declared. */
    name: string;
    /** The unit it names today; undefined for a former name whose current unit is not in the workspace. */
    unit?: Unidad;
    /** The name to use today (the unit's official name, or the last `nombre nuevo` of the chain). */
    current: string;
    institution: string;
    /** For a former name: until when it was used, and by which Acuerdo or oficio it changed. */
    until?: string;
    change?: string;
}

/** A name's key: its folded words, joined by spaces. */
function nameKey(words: readonly string[]): string {
    return words.join(' ');
}

/** One document's names: the official names, aliases and former names of its units, and its renames. */
export interface DictionaryPart {
    /** Entries by `nameKey`, in the document's order. */
    names: MultiMap<string, NameEntry>;
    officialByEnds: MultiMap<string, { words: string[]; entry: NameEntry }>;
    formerNames: MultiMap<Unidad, NameEntry>;
    /** Units by institution and normalized official name (renames follow names to units). */
    officialByName: MultiMap<string, Unidad>;
    /** `cambio` records with both `nombre anterior` and `nombre nuevo`. */
    renames: Cambio[];
}

export function dictionaryPart(root: AstNode): DictionaryPart {
    const part: DictionaryPart = { names: new MultiMap(), officialByEnds: new MultiMap(), formerNames: new MultiMap(), officialByName: new MultiMap(), renames: [] };
    for (const node of structureElements(root)) {
        if (isUnidad(node) && node.nombre) {
            const institution = institutionOf(node);
            part.officialByName.add(`${institution}|${normalizeKey(node.nombre)}`, node);
            addEntry(part, { kind: 'oficial', name: node.nombre, unit: node, current: node.nombre, institution });
            for (const alias of node.alias) addEntry(part, { kind: 'alias', name: alias, unit: node, current: node.nombre, institution });
            for (const former of node.anteriores) {
                addEntry(part, { kind: 'anterior', name: former.nombre, unit: node, current: node.nombre, institution, until: former.hasta, change: former.acuerdo });
            }
        } else if (isCambio(node) && node.nombreAnterior && node.nombreNuevo) {
            part.renames.push(node);
        }
    }
    return part;
}

function addEntry(part: Pick<DictionaryPart, 'names' | 'officialByEnds' | 'formerNames'>, entry: NameEntry): void {
    // A half-typed `anterior` (or alias) whose string the parser could not read has no name;
    // the AST types say string, but error recovery leaves it undefined (found by fuzzing).
    if (typeof entry.name !== 'string') return;
    const words = nameWords(entry.name);
    if (words.length === 0) return;
    part.names.add(nameKey(words), entry);
    if (entry.kind === 'oficial') part.officialByEnds.add(endsKey(words[0], words[words.length - 1]), { words, entry });
    if (entry.kind === 'anterior' && entry.unit) part.formerNames.add(entry.unit, entry);
}

interface TrieNode {
    next: Map<string, TrieNode>;
    /** The `nameKey` of the words that lead here. */
    key: string;
}

/**
 * What the successive dictionaries share: the unions of their parts (moved from one build's parts
 * to the next by their difference) and a trie of every name key seen. The trie only grows: a key
 * no current name has leads to no entries, so each dictionary's answers are its own parts' names.
 */
export class DictionaryUnions {
    readonly names = new SharedUnion<string, NameEntry>();
    readonly officialByEnds = new SharedUnion<string, { words: string[]; entry: NameEntry }>();
    readonly formerNames = new SharedUnion<Unidad, NameEntry>();
    readonly officialByName = new SharedUnion<string, Unidad>();
    readonly trie: TrieNode = { next: new Map(), key: '' };
    private readonly inTrie = new WeakSet<MultiMap<string, NameEntry>>();

    /** Adds the keys of these parts to the trie (once per part). */
    grow(parts: ReadonlyArray<MultiMap<string, NameEntry>>): void {
        for (const part of parts) {
            if (this.inTrie.has(part)) continue;
            this.inTrie.add(part);
            for (const [key, entries] of part.entriesGroupedByKey()) {
                let node = this.trie;
                for (const word of nameWords(entries[0].name)) {
                    let child = node.next.get(word);
                    if (!child) node.next.set(word, child = { next: new Map(), key: node.key === '' ? word : `${node.key} ${word}` });
                    node = child;
                }
                if (node.key !== key) throw new Error(`name key mismatch: ${node.key} ≠ ${key}`);
            }
        }
    }
}

/**
 * The names of the workspace (every document's part, then the renames), built from the documents'
 * parts: an edit recomputes the parts of the documents it parsed again and the renames.
 */
export class NameDictionary {
    /** Official names by their first and last words, for variant spellings (which keep both). */
    readonly officialByEnds: Lookup<string, { words: string[]; entry: NameEntry }>;
    /** Former names by unit, for hover cards. */
    readonly formerNames: Lookup<Unidad, NameEntry>;
    private readonly nameParts: ReadonlyArray<MultiMap<string, NameEntry>>;
    private readonly names: Lookup<string, NameEntry>;
    private readonly trie: TrieNode;

    constructor(parts: readonly DictionaryPart[], shared = new DictionaryUnions()) {
        const officialByName = new MergedMultiMap(parts.map(p => p.officialByName), shared.officialByName);
        const renames: Pick<DictionaryPart, 'names' | 'officialByEnds' | 'formerNames'> = { names: new MultiMap(), officialByEnds: new MultiMap(), formerNames: new MultiMap() };
        for (const entry of renameEntries(parts.flatMap(p => p.renames), officialByName)) addEntry(renames, entry);
        const names = [...parts.map(p => p.names), renames.names];
        shared.grow(names);
        this.trie = shared.trie;
        this.names = new MergedMultiMap(names, shared.names);
        this.officialByEnds = new MergedMultiMap(parts.map(p => p.officialByEnds), shared.officialByEnds);
        this.formerNames = new MergedMultiMap([...parts.map(p => p.formerNames), renames.formerNames], shared.formerNames);
        this.nameParts = names;
    }

    /** How many names it holds (for measurements: it counts every part's entries, key by key). */
    get size(): number {
        return this.nameParts.reduce((n, part) => n + part.size, 0);
    }

    /**
     * The longest name that the words starting at `from` spell, up to `last` (inclusive); with the
     * index of its last word. Only entries of `institution` count (all of them when it is empty).
     */
    longest(words: readonly string[], from: number, last: number, institution: string): { end: number; entries: readonly NameEntry[] } | undefined {
        let node: TrieNode | undefined = this.trie;
        let best: { end: number; entries: readonly NameEntry[] } | undefined;
        for (let i = from; i <= last && node; i++) {
            node = node.next.get(words[i]);
            if (!node) continue;
            const entries = this.entriesIn(node.key, institution);
            if (entries.length > 0) best = { end: i, entries };
        }
        return best;
    }

    /** Entries whose name is exactly these words (of `institution`, or all when it is empty). */
    exact(words: readonly string[], institution: string): readonly NameEntry[] {
        const found = this.longest(words, 0, words.length - 1, institution);
        return found?.end === words.length - 1 ? found.entries : [];
    }

    /** Official names of `institution` (all when empty) by their first and last words (`endsKey`). */
    officialByEndsIn(key: string, institution: string): ReadonlyArray<{ words: string[]; entry: NameEntry }> {
        const all = this.officialByEnds.get(key);
        if (!institution || all.length === 0) return all;
        return byInstitution(this.endsPerInstitution, key, all, name => name.entry.institution).get(institution) ?? NONE;
    }

    /**
     * The entries of a name key in one institution. Grouped once per key and dictionary: a
     * workspace of N institutions that share names (the ×30 benchmark) had every lookup filter N
     * times the entries it keeps.
     */
    private entriesIn(key: string, institution: string): readonly NameEntry[] {
        const all = this.names.get(key);
        if (!institution || all.length === 0) return all;
        return byInstitution(this.namesPerInstitution, key, all, entry => entry.institution).get(institution) ?? NONE;
    }

    private readonly namesPerInstitution = new Map<string, Map<string, NameEntry[]>>();
    private readonly endsPerInstitution = new Map<string, Map<string, Array<{ words: string[]; entry: NameEntry }>>>();
}

const NONE: readonly never[] = [];

/** The values of a key grouped by institution (in their order), computed once per key. */
function byInstitution<V>(cache: Map<string, Map<string, V[]>>, key: string, all: readonly V[], institutionOf: (value: V) => string): Map<string, V[]> {
    let groups = cache.get(key);
    if (!groups) {
        groups = new Map();
        for (const value of all) {
            const institution = institutionOf(value);
            const group = groups.get(institution);
            if (group) group.push(value);
            else groups.set(institution, [value]);
        }
        cache.set(key, groups);
    }
    return groups;
}

/** Every document's names at once (the CLI's and the tests' one-shot dictionary). */
export function buildDictionary(documents: LangiumDocuments): NameDictionary {
    return new NameDictionary(documents.all.map(document => dictionaryPart(document.parseResult.value)).toArray());
}

/** The former names that renames give, in the order of the records. */
function renameEntries(changes: readonly Cambio[], officialByName: Lookup<string, Unidad>): NameEntry[] {
    const out: NameEntry[] = [];
    // A rename names the unit in `unidades`, or the unit that now bears the new name, possibly
    // through later renames (A → B in 2015, B → C in 2021: A and B both name C).
    const renamedFrom = new Map<string, Cambio>();
    for (const change of changes) renamedFrom.set(`${institutionOf(change)}|${normalizeKey(change.nombreAnterior!)}`, change);
    for (const change of changes) {
        const institution = institutionOf(change);
        let current = change.nombreNuevo!;
        let unit = change.unidades.length === 1 ? change.unidades[0].ref : undefined;
        const seen = new Set<Cambio>([change]);
        while (!unit) {
            const key = `${institution}|${normalizeKey(current)}`;
            const bearers = officialByName.get(key);
            if (bearers.length === 1) unit = bearers[0];
            const later = renamedFrom.get(key);
            if (unit || !later || seen.has(later)) break;
            seen.add(later);
            current = later.nombreNuevo!;
            if (later.unidades.length === 1) unit = later.unidades[0].ref;
        }
        out.push({
            kind: 'anterior', name: change.nombreAnterior!, unit, current: unit?.nombre ?? current, institution,
            until: change.fecha, change: change.acuerdo ?? change.oficio
        });
    }
    return out;
}

export function endsKey(first: string, last: string): string {
    return `${first}|${last}`;
}
