// Words of prose as the mention index compares them: accent-, case-, whitespace- and
// hyphen-insensitive, articles tolerated ("de la Calidad" = "de Calidad"), "H." optional.

export interface Word {
    /** Folded form: lower case, no accents; "del" → "de", "al" → "a". */
    norm: string;
    /** Offsets in the scanned text. */
    start: number;
    end: number;
    /** Written with a capital initial (names are; prose mostly is not). */
    cap: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Left out when comparing names: articles, and the "H." of "H. Consejo Técnico". */
const IGNORED = new Set(['el', 'la', 'los', 'las', 'lo', 'h']);
const CONTRACTIONS: Record<string, string> = { del: 'de', al: 'a' };

export function fold(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// Prose repeats a small vocabulary: folding each distinct word once keeps scanning fast.
const folded = new Map<string, string>();

function foldWord(word: string): string {
    let result = folded.get(word);
    if (result === undefined) {
        if (folded.size > 100_000) folded.clear();
        result = fold(word);
        folded.set(word, result);
    }
    return result;
}

/** The significant words of a text, in order, with their offsets. */
export function words(text: string): Word[] {
    const out: Word[] = [];
    const length = text.length;
    let i = 0;
    while (i < length) {
        if (!isWordChar(text.charCodeAt(i))) { i++; continue; }
        const start = i;
        while (i < length && isWordChar(text.charCodeAt(i))) i++;
        const word = text.substring(start, i);
        const norm = foldWord(word);
        if (IGNORED.has(norm)) continue;
        const first = word[0];
        out.push({ norm: CONTRACTIONS[norm] ?? norm, start, end: i, cap: first !== first.toLowerCase() });
    }
    return out;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** A character of a word: ASCII letters and digits by code, anything else by its Unicode class. */
function isWordChar(code: number): boolean {
    if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

/** A name as a sequence of folded significant words: the key the dictionary stores. */
export function nameWords(name: string): string[] {
    return words(name).map(w => w.norm);
}

/**
 * What separates two words, when it ends a name: any punctuation but the hyphen
 * ("Económico - Sociales", "IMSS-BIENESTAR") and the apostrophe.
 */
export function breaksName(gap: string): boolean {
    return /[^\s\p{L}\p{N}\-‐‑–'’]/u.test(gap);
}

/**
 * Every word, articles included ("del" = "de el"): two names with the same spelled words differ
 * only in accents, case, spacing or hyphens; otherwise one is a variant spelling of the other.
 */
export function spelledWords(text: string): string {
    return [...text.matchAll(WORD)].map(m => fold(m[0])).map(w => (w === 'del' ? 'de el' : w === 'al' ? 'a el' : w)).join(' ');
}
