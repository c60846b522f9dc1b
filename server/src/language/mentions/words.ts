// Words of prose as the mention index compares them: accent-, case-, whitespace- and
// hyphen-insensitive, articles tolerated ("de la Calidad" = "de Calidad"), "H." optional. The folding
// itself and the words left out are text-keys.ts's (its table says what each key ignores).
import { memoByText } from '../memo.js';
import { CONTRACTIONS, fold, foldInPlace, MENTION_IGNORED } from '../text-keys.js';

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

/** The significant words of a text, in order, with their offsets. */
export function words(text: string): Word[] {
    const out: Word[] = [];
    const reader = new WordReader(text);
    for (let word = reader.next(0); word; word = reader.next(word.end)) out.push(word);
    return out;
}

/** Reads the significant words of a text one at a time, from any offset. */
export class WordReader {
    private readonly folded: string | undefined;

    constructor(readonly text: string) {
        this.folded = foldInPlace(text);
    }

    /** The next significant word at or after `from`, or undefined at the end. */
    next(from: number): Word | undefined {
        const text = this.text;
        const length = text.length;
        let i = from;
        while (i < length) {
            while (i < length && !isWordChar(text.charCodeAt(i))) i++;
            if (i >= length) return undefined;
            const start = i;
            while (i < length && isWordChar(text.charCodeAt(i))) i++;
            const norm = this.folded ? this.folded.substring(start, i) : fold(text.substring(start, i));
            if (MENTION_IGNORED.has(norm)) continue;
            const first = text[start];
            return { norm: CONTRACTIONS[norm] ?? norm, start, end: i, cap: first !== first.toLowerCase() };
        }
        return undefined;
    }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
/** Unicode class of each UTF-16 code once looked up: 0 not yet, 1 word character, 2 not. */
const WORD_CHAR = new Uint8Array(65536);

/** A character of a word: ASCII letters and digits by code, anything else by its Unicode class. */
function isWordChar(code: number): boolean {
    if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    // Spanish prose is full of á, é, ñ, «, –: one regular expression per distinct character.
    let known = WORD_CHAR[code];
    if (known === 0) WORD_CHAR[code] = known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    return known === 1;
}

/** A name as a sequence of folded significant words: the key the dictionary stores (folded once per name). */
export const nameWords: (name: string) => string[] = memoByText(name => words(name).map(w => w.norm));

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
export const spelledWords: (text: string) => string = memoByText(
    text => [...text.matchAll(WORD)].map(m => fold(m[0])).map(w => (w === 'del' ? 'de el' : w === 'al' ? 'a el' : w)).join(' ')
);
