// Where a text may name units: every capitalized unit-kind word ("Dirección", "Coordinaciones"…)
// starts a candidate, and the capitalized phrase that follows bounds it. This does not depend on
// which units exist, so it is computed once per document version and kept until the text changes.
import { breaksName, WordReader, type Word } from './words.js';

/** Unit-kind words that start a unit's name, singular → plural (folded). */
const HEADS: Record<string, string> = {
    direccion: 'direcciones', subdireccion: 'subdirecciones', coordinacion: 'coordinaciones',
    subcoordinacion: 'subcoordinaciones', unidad: 'unidades', division: 'divisiones',
    jefatura: 'jefaturas', subjefatura: 'subjefaturas', departamento: 'departamentos',
    delegacion: 'delegaciones', subdelegacion: 'subdelegaciones', secretaria: 'secretarias',
    prosecretaria: 'prosecretarias', tesoreria: 'tesorerias', organo: 'organos'
};
const SINGULAR = new Map(Object.entries(HEADS).map(([one, many]) => [many, one]));

/** The singular of a plural head word, or undefined when the word is not a plural head. */
export function singularHead(norm: string): string | undefined {
    return SINGULAR.get(norm);
}

export function isHead(norm: string): boolean {
    return norm in HEADS || SINGULAR.has(norm);
}

/** Words that join the parts of a name ("de", "con el", "y") without ending it. */
const CONNECTORS = new Set(['de', 'y', 'e', 'con', 'para', 'en', 'a', 'por', 'sobre', 'entre', 'ante', 'o', 'u']);
/** Connectors after which a new unit-kind word starts another name ("… y la Dirección …"). */
const SEPARATING = new Set(['y', 'e', 'con', 'para', 'en', 'a', 'por', 'sobre', 'entre', 'ante', 'o', 'u']);

export interface Candidate {
    /** Index of the head word in `words`. */
    head: number;
    /** Index of the last capitalized word of the phrase the head starts (a comma ends it). */
    phraseEnd: number;
    /**
     * Index of the last word before punctuation other than a comma: no name reaches beyond it.
     * Official names may hold a comma ("Dirección de Prestaciones Económicas, Sociales y Culturales").
     */
    hardEnd: number;
    /**
     * For a plural head, the end of the list its phrase opens across commas, when the list closes
     * with «y»/«e» («las Direcciones de Comunicación Social, de Finanzas y Jurídica»); otherwise
     * `phraseEnd`. Whether it is read as a list depends on the names its members resolve to.
     */
    listEnd: number;
}

export interface TextScan {
    words: Word[];
    candidates: Candidate[];
    /** "su superior jerárquico": the unit above, resolved from the structure. */
    superior: Array<{ start: number; end: number }>;
}

/** A capitalized head word, accented or not, as a whole word: where a segment to read starts. */
const HEAD_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...Object.keys(HEADS), ...SINGULAR.keys()].map(accentInsensitive).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

function accentInsensitive(word: string): string {
    const vowels: Record<string, string> = { a: 'aá', e: 'eé', i: 'ií', o: 'oó', u: 'uú' };
    return [...word].map((c, i) => {
        const options = vowels[c] ?? c;
        return `[${i === 0 ? options.toUpperCase() : options}]`;
    }).join('');
}

export function scanText(text: string): TextScan {
    const superior = /superior/iu.test(text)
        ? [...text.matchAll(/\bsu(?:s)?\s+superior(?:es)?\s+jer[aá]rquic[oa]s?\b/giu)].map(m => ({ start: m.index, end: m.index + m[0].length }))
        : [];
    HEAD_WORD.lastIndex = 0;
    let head = HEAD_WORD.exec(text);
    if (!head) return { words: [], candidates: [], superior };
    // Only the stretches that start at a head word and run to the next punctuation are read:
    // most function texts name no unit, and most of a text that does is not a name.
    const reader = new WordReader(text);
    const list: Word[] = [];
    const gaps: Gap[] = [];
    const candidates: Candidate[] = [];
    while (head) {
        const first = list.length;
        let word = reader.next(head.index);
        while (word) {
            list.push(word);
            const next = reader.next(word.end);
            const gap = next ? classify(text.substring(word.end, next.start)) : Gap.Hard;
            gaps.push(gap);
            if (gap === Gap.Hard) break;
            word = next;
        }
        const hardEnd = list.length - 1;
        for (let k = first; k <= hardEnd; k++) {
            if (!list[k].cap || !isHead(list[k].norm)) continue;
            const end = phraseEnd(gaps, list, k, hardEnd);
            candidates.push({ head: k, phraseEnd: end, hardEnd, listEnd: SINGULAR.has(list[k].norm) ? listEnd(gaps, list, k, end, hardEnd) : end });
        }
        HEAD_WORD.lastIndex = list[hardEnd].end;
        head = HEAD_WORD.exec(text);
    }
    return { words: list, candidates, superior };
}

const enum Gap { None, Comma, Hard }

function classify(gap: string): Gap {
    if (gap === ' ') return Gap.None;
    let comma = false;
    for (const char of gap) {
        if (char === ',') comma = true;
        else if (breaksName(char)) return Gap.Hard;
    }
    return comma ? Gap.Comma : Gap.None;
}

function phraseEnd(gaps: Gap[], list: Word[], head: number, hardEnd: number): number {
    let end = head;
    let separated = false;
    for (let k = head + 1; k <= hardEnd; k++) {
        const word = list[k];
        if (gaps[k - 1] === Gap.Comma) break;
        if (word.cap) {
            if (separated && isHead(word.norm)) break;
            end = k;
            separated = false;
        } else if (CONNECTORS.has(word.norm)) {
            if (SEPARATING.has(word.norm)) separated = true;
        } else {
            break;
        }
    }
    return end;
}

/**
 * Where a plural's list of members ends when it goes on past commas: each segment after a comma
 * starts with a capitalized word or «de» and one (not a unit-kind word, which starts another name),
 * and the list must close with «y»/«e» inside a segment («…, de Finanzas y Jurídica»). A phrase
 * whose first segment already holds the «y», or a list that never closes, stays `phraseEnd`.
 */
function listEnd(gaps: Gap[], list: Word[], head: number, end: number, hardEnd: number): number {
    if (hasJoint(list, head + 1, end)) return end;
    let last = end;
    while (last < hardEnd && gaps[last] === Gap.Comma) {
        const start = last + 1;
        const first = list[start];
        const named = first.norm === 'de' && !first.cap
            ? start < hardEnd && gaps[start] === Gap.None && list[start + 1].cap && !isHead(list[start + 1].norm)
            : first.cap && !isHead(first.norm);
        if (!named) break;
        const segmentEnd = phraseEnd(gaps, list, start, hardEnd);
        if (hasJoint(list, start + 1, segmentEnd)) return segmentEnd;
        last = segmentEnd;
    }
    return end;
}

function hasJoint(list: Word[], from: number, to: number): boolean {
    for (let k = from; k <= to; k++) if (list[k].norm === 'y' || list[k].norm === 'e') return true;
    return false;
}
