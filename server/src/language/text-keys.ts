// Every way two texts are compared "as a reader would": one key function per kind of comparison,
// all of them here. They differ on purpose (a unit's name keeps its periods, a function's text does
// not; the mention index drops articles, the importer does not); the table says what each ignores.
//
// | key                | for                                         | accents | case | white space      | hyphens -‐‑– | other punctuation         | articles, "del"/"al"  | also                                   |
// |--------------------|---------------------------------------------|---------|------|------------------|--------------|---------------------------|-----------------------|----------------------------------------|
// | `normalizeKey`     | unit names, kinds, titles, record kinds, queries, keywords (model, rules, history, lsp) | ignored | ignored | runs → 1 space, trimmed | like a space | kept (`.` `,` `(`…) | kept | memoized by text |
// | `fold`             | one word of prose; the start of a function (closing clause); history's function pairing before `historyFunctionKey` | ignored | ignored | kept | kept | kept | kept | ASCII skips the decomposition |
// | `foldInPlace`      | a whole text folded keeping every offset (mention scanner, `comparisonKey`'s fast path) | Spanish accents only; undefined when another mark or a length change | ignored | kept | kept | kept | kept | same length as the text, or undefined |
// | mention words (`WordReader`, `nameWords` in mentions/words.ts) | names in function prose (mention index, importer attachment) | ignored (`fold`) | ignored | separator | separator | separator | `MENTION_IGNORED` dropped, `CONTRACTIONS` read as de/a | "H." dropped |
// | `spelledWords` (mentions/words.ts) | variant spelling of a mention | ignored (`fold`) | ignored | separator | separator | separator | kept; "del" = "de el", "al" = "a el" | |
// | `comparisonKey`    | function texts (duplicate, similar functions; comparisons) | ignored | ignored | runs → 1 space, trimmed | like a space | like a space (any non letter/digit, `\p{N}` digits kept) | kept | a final " y" (ISSSTE's ", y") dropped |
// | `historyFunctionKey` | pairing a unit's functions between two versions (history/functions.ts) | ignored | ignored | runs → 1 space, trimmed | kept | kept | kept | |
// | `foldName`         | the importer's names (outline, attachment, history links, ISSSTE charts) | ignored | ignored | runs → 1 space, trimmed | like a space | like a space (any non letter/ASCII digit: `²`, `½` separate) | kept | |
// | `normalizeSpace`   | a text as displayed (string literals, charts, exports) | kept | kept | runs → 1 space, trimmed | kept | kept | kept | the only one that is not lower case |
// | `stripAccents`     | the importer's ids and acronyms | ignored | kept | kept | kept | kept | kept | |
// | `labelKey`         | a spreadsheet's column labels (importar-plazas: `nombre_cargo` = «Nombre del Cargo») | ignored | ignored | separator | separator | separator (`_`, `/`, `.` too) | de, del, la, las, los, el, y, o dropped | |
//
// Not identical, kept apart: `comparisonKey` and `foldName` differ in digits (`\p{N}` against ASCII
// `\d`) and in the final " y"; `normalizeKey` keeps the punctuation both drop. The importer uses
// `normalizeSpace` too (its own whitespace collapse, by another regex, gave the same result).
import { memoByText } from './memo.js';

/** Marks left by the canonical decomposition: the accents of á, ü, ñ. */
const MARKS = /\p{M}/gu;

/** The text without accents (ñ becomes n), case kept. */
export function stripAccents(text: string): string {
    return text.normalize('NFD').replace(MARKS, '');
}

/** Lower case, no accents, single spaces (hyphens count as spaces): for comparing names and kinds as a reader would. */
export const normalizeKey: (text: string) => string = memoByText(text =>
    text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/[\s\-‐‑–]+/g, ' ').trim());

/** Lower case without accents; ASCII text skips the decomposition. */
export function fold(text: string): string {
    return /^[\x00-\x7f]*$/u.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

const ACCENTED: Record<string, string> = {
    á: 'a', à: 'a', â: 'a', ä: 'a', ã: 'a', é: 'e', è: 'e', ê: 'e', ë: 'e', í: 'i', ì: 'i', î: 'i', ï: 'i',
    ó: 'o', ò: 'o', ô: 'o', ö: 'o', õ: 'o', ú: 'u', ù: 'u', û: 'u', ü: 'u', ñ: 'n', ç: 'c'
};

/**
 * The whole text folded at once, keeping every offset: lower case, Spanish accents removed. Texts
 * whose folding would change their length (decomposed accents, rare letters) return undefined.
 */
export function foldInPlace(text: string): string | undefined {
    const lower = text.toLowerCase();
    if (lower.length !== text.length) return undefined;
    const folded = lower.replace(/[áàâäãéèêëíìîïóòôöõúùûüñç]/g, c => ACCENTED[c]);
    return /[^\x00-\x7f]/.test(folded) && /\p{M}/u.test(folded) ? undefined : folded;
}

/** Words the mention index leaves out when comparing names: articles, and the "H." of "H. Consejo Técnico". */
export const MENTION_IGNORED: ReadonlySet<string> = new Set(['el', 'la', 'los', 'las', 'lo', 'h']);
/** "del" and "al" read as "de" and "a" when names are compared. */
export const CONTRACTIONS: Readonly<Record<string, string>> = { del: 'de', al: 'a' };

/**
 * A function's text as a reader compares it: no accents, lower case, no punctuation, single spaces,
 * and without the conjunction the ISSSTE lists put at the end of the second to last function (", y").
 */
export function comparisonKey(text: string): string {
    // Fast path: Spanish text folds to ASCII letters, so an ASCII class finds the separators
    // (unless a letter or digit outside ASCII is left, tested without building a string).
    const folded = foldInPlace(text);
    const words = folded !== undefined && !/(?![\x00-\x7f])[\p{L}\p{N}]/u.test(folded)
        ? folded.replace(/[^a-z0-9]+/g, ' ')
        : text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
    return words.trim().replace(/(?:^| )y$/u, '').trim();
}

/** A function's text when two versions of a unit are compared: wrapping, accents and case aside, punctuation kept. */
export function historyFunctionKey(text: string): string {
    return fold(text).replace(/\s+/g, ' ').trim();
}

/**
 * A name as the importer compares it: no accents, lower case, anything but letters and ASCII digits
 * as one space. Memoized: a positions sheet compares the same unit and cargo names row after row.
 */
export const foldName: (text: string) => string = memoByText(text =>
    // The run of separators is replaced whole, so only the ends are left to trim.
    text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/[^\p{L}\d]+/gu, ' ').trim());

/** Collapses every run of white space (line breaks of a wrapped string included) to one space. */
export function normalizeSpace(text: string): string {
    // Every string literal passes here while parsing. Replacing only what changes (a line break
    // with its indentation, two or more spaces, a tab or other single white space) is twice as
    // fast on the manuals as replacing every /\s+/, single spaces included.
    return text.replace(/\s*\n\s*|\s{2,}|[^\S ]/g, ' ').trim();
}

const LABEL_CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'o']);

/** A column label as a reader matches it: `foldName`'s words without connectors (`nombre_cargo` = «Nombre del Cargo»). */
export function labelKey(text: string): string {
    return foldName(text).split(' ').filter(w => !LABEL_CONNECTORS.has(w)).join(' ');
}
