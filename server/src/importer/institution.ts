// A federal manual's institution, from the document itself: its name as the manual's title gives
// it ("Manual de Organización General de la Secretaría de Energía"), and the id the units'
// namespace takes: the acronym the text uses for that name ("Secretaría de Energía (SENER)",
// "la SENER") when it is made of the name's words, else the initials of the name (Comisión
// Nacional de Energía → CNE). Other institutions the text cites (the ISSSTE law, the CONUEE) do not
// count: only an acronym built from this name's words is this institution's.

import { normalizeSpace, stripAccents } from '../language/text-keys.js';

const CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'para', 'en', 'a', 'al', 'sobre']);
const STOPWORDS = new Set([...CONNECTORS, 'o', 'u', 'con', 'por', 'su', 'sus']);

export interface InstitutionInfo {
    /** The institution's name as written (`Secretaría de Energía`), if the text gives one. */
    name?: string;
    /** The manual's title, when the text names it with the institution. */
    title?: string;
    /** The namespace id (`SENER`). */
    id: string;
    /** How the id was decided, in Spanish (for the report). */
    source: string;
}

const TITLE = /\bManual\s+de\s+Organizaci[oó]n(?:\s+General)?\s+(?:de\s+la|de\s+las|de\s+los|del|de)\s+/iu;

/**
 * The institution a text names as the owner of its manual: the words after "Manual de
 * Organización (General) de la", capitalized words and connectors up to a comma, a period or a
 * lowercase word. A mixed-case mention is preferred to one in capitals (a cover), which keeps its
 * capitals. `fallbackName` (the root unit's name) is used when the text never says it.
 */
export function findInstitution(texts: string[], fallbackName?: string): InstitutionInfo {
    let best: { name: string; title: string } | undefined;
    for (const raw of texts) {
        const text = normalizeSpace(raw);
        for (let m = TITLE.exec(text), from = 0; m; m = TITLE.exec(text.slice(from))) {
            const start = from + m.index;
            const nameStart = start + m[0].length;
            const name = capitalizedPhrase(text.slice(nameStart));
            from = nameStart;
            if (!name) continue;
            const title = text.slice(start, nameStart) + name;
            const caps = title === title.toUpperCase();
            if (!best || (!caps && best.title === best.title.toUpperCase())) best = { name, title: caps ? title : title[0].toUpperCase() + title.slice(1) };
            if (!caps) break;
        }
        if (best && best.title !== best.title.toUpperCase()) break;
    }
    const found = best?.name ?? fallbackName;
    if (!found) return { id: 'APF', source: 'el texto no nombra la institución: se usa «APF»' };
    const name = found === found.toUpperCase() ? mixedCase(texts, found) ?? found : found;
    // "Manual de Organización General de la SEGOB": the text names it by its acronym.
    if (/^[A-ZÁÉÍÓÚÑ]{2,12}$/u.test(name)) return { name, title: best?.title, id: upperAscii(name), source: `el texto nombra la institución por sus siglas, «${name}»` };
    const words = significantWords(name);
    const given = declaredAcronym(texts, name, words);
    if (given) return { name, title: best?.title, id: given.id, source: given.source };
    const initials = words.map(w => w[0]).join('') || 'APF';
    return { name, title: best?.title, id: initials, source: `iniciales de «${name}» (el texto no le da siglas)` };
}

/** The name as the text writes it in mixed case somewhere ("Secretaría de Hacienda…" for "SECRETARÍA DE HACIENDA…"). */
function mixedCase(texts: string[], name: string): string | undefined {
    for (const raw of texts) {
        const text = normalizeSpace(raw);
        for (const at of occurrences(text, name)) {
            const written = text.slice(at, at + name.length);
            if (written !== written.toUpperCase()) return written;
        }
    }
    return undefined;
}

/** Where `name` occurs in `text` as whole words, ignoring case and accents. */
function occurrences(text: string, name: string): number[] {
    const folded = upperAscii(name).replace(/\s+/gu, ' ');
    const pattern = new RegExp(`(?<![A-Z0-9])${folded.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![A-Z0-9])`, 'gu');
    return [...upperAscii(text).matchAll(pattern)].map(m => m.index);
}

/** Capitalized words joined by connectors, from the start of `text`, without a trailing connector. */
function capitalizedPhrase(text: string): string | undefined {
    const words: string[] = [];
    for (const m of text.matchAll(/(\S+?)([,.;:()"“”«»]|\s|$)/gu)) {
        const word = m[1];
        if (/^\p{Lu}/u.test(word)) words.push(word);
        else if (CONNECTORS.has(word.toLowerCase()) && words.length > 0) words.push(word);
        else break;
        if (m[2] !== ' ' && m[2] !== '') break;
    }
    while (words.length > 0 && CONNECTORS.has(words.at(-1)!.toLowerCase())) words.pop();
    return words.length > 0 ? words.join(' ') : undefined;
}

/** Upper case without accents, as acronyms and the folded names compared with them. */
function upperAscii(text: string): string {
    return stripAccents(text).toUpperCase();
}

function significantWords(name: string): string[] {
    return upperAscii(name).split(/[^A-Z0-9]+/u).filter(w => w && !STOPWORDS.has(w.toLowerCase()));
}

/** Whether `acronym` is the name's words in order, each contributing its first letters ("S"+"ENER"). */
export function acronymOf(acronym: string, words: string[]): boolean {
    const a = upperAscii(acronym);
    const fits = (i: number, w: number): boolean => {
        if (w === words.length) return i === a.length;
        for (let len = 1; len <= words[w].length && i + len <= a.length; len++) {
            if (a.slice(i, i + len) !== words[w].slice(0, len)) break;
            if (fits(i + len, w + 1)) return true;
        }
        return false;
    };
    return words.length > 0 && fits(0, 0);
}

/**
 * The acronym the text gives the name: right after it in parentheses ("Secretaría de Energía
 * (SENER)", "(en lo sucesivo, la CNE)"), or else the first "la SENER" / "el IMSS" whose letters are
 * the name's words.
 */
function declaredAcronym(texts: string[], name: string, words: string[]): { id: string; source: string } | undefined {
    const token = /[A-ZÁÉÍÓÚÑ]{2,12}/u.source;
    const afterName = new RegExp(`\\(\\s*(?:en\\s+(?:adelante|lo\\s+sucesivo),?\\s*)?(?:(?:la|el)\\s+)?["“«]?(${token})["”»]?\\s*\\)`, 'u');
    for (const raw of texts) {
        const text = normalizeSpace(raw);
        for (const at of occurrences(text, name)) {
            const m = afterName.exec(text.slice(at + name.length, at + name.length + 60));
            if (m && m.index <= 1 && acronymOf(m[1], words)) return { id: upperAscii(m[1]), source: `siglas que el texto da a «${name}»: «${m[1]}»` };
        }
    }
    const article = new RegExp(`(?<![\\p{L}])(?:la|el|La|El)\\s+(${token})(?![\\p{L}])`, 'gu');
    for (const raw of texts) {
        for (const m of raw.matchAll(article)) {
            if (acronymOf(m[1], words)) return { id: upperAscii(m[1]), source: `siglas con que el texto nombra a «${name}»: «${m[0]}»` };
        }
    }
    return undefined;
}
