// A typed phrase against a unit's (or a kind's) id, number and names, as a reader matches them:
// accents, case, hyphens and extra spaces aside. Shared by completion and «Buscar unidad…», so the
// editor finds the same units whichever way the analyst asks.
import { normalizeKey } from '../language/text-keys.js';

export interface MatchFields {
    /** The identifier as offered (`DOE`, `IMSS.DG`) or a kind's name. */
    id: string;
    numero?: string;
    /** The official name first, then aliases and former names. */
    names: readonly string[];
}

/**
 * How well `phrase` names the element, lower is better, or undefined when it does not:
 * 0 the id starts with it (or the phrase is empty); 1 the number or the official name starts with
 * it; 2 each of its words starts a word of the official name (in any order: «operacion direccion»);
 * 3 the same with an alias or a former name; 4 it is inside the id or a name (three letters or more).
 */
export function phraseRank(phrase: string, fields: MatchFields): number | undefined {
    const key = normalizeKey(phrase);
    if (!key) return 0;
    const id = normalizeKey(fields.id);
    if (id.startsWith(key) || id.substring(id.lastIndexOf('.') + 1).startsWith(key)) return 0;
    if (fields.numero && fields.numero.startsWith(key)) return 1;
    const names = fields.names.map(normalizeKey);
    if (names[0]?.startsWith(key)) return 1;
    const words = key.split(' ');
    const startsWords = (name: string) => {
        const nameWords = name.split(' ');
        return words.every(word => nameWords.some(w => w.startsWith(word)));
    };
    if (names[0] && startsWords(names[0])) return 2;
    if (names.slice(1).some(name => name.startsWith(key) || startsWords(name))) return 3;
    if (key.length >= 3 && (id.includes(key) || names.some(name => name.includes(key)))) return 4;
    return undefined;
}


/**
 * Where the phrase's first word starts a word of `name` (0 for the first word), to put «operacion»
 * nearer «Dirección de Operación…» than «Coordinación de Análisis … a la Operación»; 99 when it
 * does not.
 */
export function wordPosition(phrase: string, name: string): number {
    const first = normalizeKey(phrase).split(' ')[0];
    if (!first) return 0;
    const at = normalizeKey(name).split(' ').findIndex(word => word.startsWith(first));
    return at < 0 ? 99 : Math.min(at, 99);
}
