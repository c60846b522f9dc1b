// Identifiers people will type: acronyms of the official name ("Dirección de Operación y
// Evaluación" → DOE), made unique within the institution by appending the parent's id.
import { stripAccents } from '../language/text-keys.js';

const STOPWORDS = new Set([
    'de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'a', 'al', 'en', 'con', 'para', 'por', 'o', 'u', 'su', 'sus', 'entre', 'sobre', 'ante'
]);

/** Initials of the significant words of a name, uppercase ASCII. */
export function acronym(name: string): string {
    const words = stripAccents(name).split(/[^A-Za-z0-9]+/u).filter(w => w && !STOPWORDS.has(w.toLowerCase()));
    // A one-word name ("Delegaciones") reads better whole than as one letter.
    const letters = words.length === 1 ? words[0].toUpperCase() : words.map(w => (/^\d+$/u.test(w) ? w : w[0].toUpperCase())).join('');
    const id = letters || 'U';
    return /^[A-Z_]/u.test(id) ? id : `U${id}`;
}

/** Hands out unique ids within one institution; `taken` starts with the ids already in the workspace. */
export class IdAllocator {
    constructor(private readonly taken: Set<string> = new Set()) {}

    allocate(name: string, parentId: string | undefined, fallbackSuffix?: string): string {
        const base = acronym(name);
        const candidates = [base];
        if (parentId) candidates.push(`${base}_${parentId}`);
        if (fallbackSuffix) candidates.push(`${base}_${fallbackSuffix}`);
        for (const candidate of candidates) if (this.claim(candidate)) return candidate;
        const root = candidates.at(-1)!;
        for (let n = 2; ; n++) if (this.claim(`${root}_${n}`)) return `${root}_${n}`;
    }

    claim(id: string): boolean {
        if (this.taken.has(id)) return false;
        this.taken.add(id);
        return true;
    }
}
