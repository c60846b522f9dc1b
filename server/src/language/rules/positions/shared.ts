// Helpers the position rules share: the workspace's positions by level and its plaza keys (one
// scan of every file per build, cached until the next change), and the order of two levels.
import { MultiMap, WorkspaceCache, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import { isPuesto, type Puesto } from '../../generated/ast.js';
import { institutionOf, structureElements } from '../../model.js';
import { federalLevel, levelKey } from '../../positions/levels.js';
import type { InstitutionProfile } from '../../profiles.js';
import { normalizeKey, normalizeSpace } from '../../text-keys.js';

/** One `claves de plaza` entry: the position and the index of the key in its list. */
export interface PlazaKeyPlace {
    position: Puesto;
    index: number;
}

export interface PositionLookups {
    /**
     * For each `levelGroupKey`, the denominaciones its positions give (accents, case and spaces
     * aside), each with the first position that gives it, in workspace order: a level's names are
     * few, its positions may be thousands.
     */
    readonly namesByLevel: ReadonlyMap<string, ReadonlyMap<string, Puesto>>;
    /** Plaza keys by `plazaKeyOf`, in workspace order. */
    readonly byPlazaKey: MultiMap<string, PlazaKeyPlace>;
}

/** The key of `namesByLevel`: the institution and the level's `levelKey`. */
export function levelGroupKey(position: Puesto): string {
    return `${institutionOf(position)}|${levelKey(position.nivel)}`;
}

/** The key of `byPlazaKey`: the institution and the plaza key as written, spaces collapsed, upper case. */
export function plazaKeyOf(position: Puesto, key: string): string {
    return `${institutionOf(position)}|${normalizeSpace(key).toUpperCase()}`;
}

/** The lookups of the current build, computed once by whichever rule asks first. */
export class PositionLookupCache {
    private readonly cache: WorkspaceCache<string, PositionLookups>;

    constructor(shared: LangiumSharedCoreServices, private readonly documents: LangiumDocuments) {
        this.cache = new WorkspaceCache(shared);
    }

    get(): PositionLookups {
        return this.cache.get('lookups', () => {
            const namesByLevel = new Map<string, Map<string, Puesto>>();
            const byPlazaKey = new MultiMap<string, PlazaKeyPlace>();
            // LangiumDocuments lists the documents in workspace order (workspace-documents.ts).
            for (const document of this.documents.all) {
                for (const node of structureElements(document.parseResult.value)) {
                    if (!isPuesto(node)) continue;
                    if (node.nivel && node.denominacion) {
                        const level = levelGroupKey(node);
                        const names = namesByLevel.get(level) ?? new Map<string, Puesto>();
                        namesByLevel.set(level, names);
                        const name = normalizeKey(node.denominacion);
                        if (!names.has(name)) names.set(name, node);
                    }
                    node.clavesPlaza.forEach((key, index) => {
                        if (normalizeSpace(key)) byPlazaKey.add(plazaKeyOf(node, key), { position: node, index });
                    });
                }
            }
            return { namesByLevel, byPlazaKey };
        });
    }
}

/**
 * How a level ranks in the profile's order (`ordenNiveles`): a tuple compared element by element,
 * larger is higher. Undefined when the profile gives no order or the level is not in it.
 */
export function levelRank(level: string, profile: InstitutionProfile): number[] | undefined {
    const order = profile.ordenNiveles;
    if (!order) return undefined;
    if (order === 'federal' || order === 'federal-grado-nivel') {
        const federal = federalLevel(level);
        if (!federal) return undefined;
        // Grupo G is above H … above P. Within a grupo only if the profile says so: a higher grado,
        // then a higher nivel (the IFAI 2014 catalog puts its Secretarios, KA2 «Coordinador», over
        // Directores Generales at KB1–KB3, so a grupo's grados are not ordered everywhere).
        return order === 'federal' ? [-federal.grupo.charCodeAt(0)] : [-federal.grupo.charCodeAt(0), federal.grado.charCodeAt(0), federal.nivel];
    }
    const key = levelKey(level);
    const index = order.findIndex(written => levelKey(written) === key);
    return index < 0 ? undefined : [-index];
}

/** Compares two ranks: positive when `a` is higher. */
export function compareRanks(a: number[], b: number[]): number {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const difference = (a[i] ?? 0) - (b[i] ?? 0);
        if (difference !== 0) return difference;
    }
    return 0;
}
