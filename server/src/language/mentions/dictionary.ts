// The names a text can use for a unit, over the whole workspace: official names, declared aliases,
// and former names (`anterior "…"` on the unit, or a `cambio` with `nombre anterior`/`nombre nuevo`,
// followed along later renames to the unit that carries the name today).
import { MultiMap, type LangiumDocuments } from 'langium';
import { isCambio, isUnidad, type Cambio, type Unidad } from '../generated/ast.js';
import { institutionOf, normalizeKey, structureElements } from '../model.js';
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

interface TrieNode {
    next: Map<string, TrieNode>;
    entries: NameEntry[];
}

export class NameDictionary {
    private readonly root: TrieNode = { next: new Map(), entries: [] };
    /** Official names by their first and last words, for variant spellings (which keep both). */
    readonly officialByEnds = new MultiMap<string, { words: string[]; entry: NameEntry }>();
    /** Former names by unit, for hover cards. */
    readonly formerNames = new MultiMap<Unidad, NameEntry>();
    /** How many names it holds. */
    size = 0;

    add(entry: NameEntry): void {
        // A half-typed `anterior` (or alias) whose string the parser could not read has no name;
        // the AST types say string, but error recovery leaves it undefined (found by fuzzing).
        if (typeof entry.name !== 'string') return;
        const key = nameWords(entry.name);
        if (key.length === 0) return;
        let node = this.root;
        for (const word of key) {
            let child = node.next.get(word);
            if (!child) node.next.set(word, child = { next: new Map(), entries: [] });
            node = child;
        }
        node.entries.push(entry);
        this.size++;
        if (entry.kind === 'oficial') this.officialByEnds.add(endsKey(key[0], key[key.length - 1]), { words: key, entry });
        if (entry.kind === 'anterior' && entry.unit) this.formerNames.add(entry.unit, entry);
    }

    /**
     * The longest name that the words starting at `from` spell, up to `last` (inclusive); with the
     * index of its last word. `accept` filters entries (by institution).
     */
    longest(words: readonly string[], from: number, last: number, accept: (e: NameEntry) => boolean): { end: number; entries: NameEntry[] } | undefined {
        let node: TrieNode | undefined = this.root;
        let best: { end: number; entries: NameEntry[] } | undefined;
        for (let i = from; i <= last && node; i++) {
            node = node.next.get(words[i]);
            if (!node || node.entries.length === 0) continue;
            const entries = node.entries.filter(accept);
            if (entries.length > 0) best = { end: i, entries };
        }
        return best;
    }

    /** Entries whose name is exactly these words. */
    exact(words: readonly string[], accept: (e: NameEntry) => boolean): NameEntry[] {
        const found = this.longest(words, 0, words.length - 1, accept);
        return found?.end === words.length - 1 ? found.entries : [];
    }
}

export function buildDictionary(documents: LangiumDocuments): NameDictionary {
    const dictionary = new NameDictionary();
    const officialByName = new MultiMap<string, Unidad>();
    const changes: Cambio[] = [];
    for (const document of documents.all) {
        for (const node of structureElements(document.parseResult.value)) {
            if (isUnidad(node) && node.nombre) {
                const institution = institutionOf(node);
                officialByName.add(`${institution}|${normalizeKey(node.nombre)}`, node);
                dictionary.add({ kind: 'oficial', name: node.nombre, unit: node, current: node.nombre, institution });
                for (const alias of node.alias) dictionary.add({ kind: 'alias', name: alias, unit: node, current: node.nombre, institution });
                for (const former of node.anteriores) {
                    dictionary.add({ kind: 'anterior', name: former.nombre, unit: node, current: node.nombre, institution, until: former.hasta, change: former.acuerdo });
                }
            } else if (isCambio(node) && node.nombreAnterior && node.nombreNuevo) {
                changes.push(node);
            }
        }
    }
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
        dictionary.add({
            kind: 'anterior', name: change.nombreAnterior!, unit, current: unit?.nombre ?? current, institution,
            until: change.fecha, change: change.acuerdo ?? change.oficio
        });
    }
    return dictionary;
}

export function endsKey(first: string, last: string): string {
    return `${first}|${last}`;
}
