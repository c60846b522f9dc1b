// Where a text may name units: every capitalized unit-kind word ("Dirección", "Coordinaciones"…)
// starts a candidate, and the capitalized phrase that follows bounds it. This does not depend on
// which units exist, so it is computed once per document version and kept until the text changes.
import { breaksName, words, type Word } from './words.js';

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
}

export interface TextScan {
    words: Word[];
    candidates: Candidate[];
    /** "su superior jerárquico": the unit above, resolved from the structure. */
    superior: Array<{ start: number; end: number }>;
}

export function scanText(text: string): TextScan {
    const list = words(text);
    const candidates: Candidate[] = [];
    const gaps = new Gaps(text, list);
    let hardEnd = -1;
    for (let i = 0; i < list.length; i++) {
        if (!list[i].cap || !isHead(list[i].norm)) continue;
        if (i > hardEnd) {
            hardEnd = i;
            while (hardEnd + 1 < list.length && gaps.after(hardEnd) !== Gap.Hard) hardEnd++;
        }
        candidates.push({ head: i, phraseEnd: phraseEnd(gaps, list, i, hardEnd), hardEnd });
    }
    const superior = /superior/iu.test(text)
        ? [...text.matchAll(/\bsu(?:s)?\s+superior(?:es)?\s+jer[aá]rquic[oa]s?\b/giu)].map(m => ({ start: m.index, end: m.index + m[0].length }))
        : [];
    return { words: list, candidates, superior };
}

const enum Gap { None, Comma, Hard }

/** What separates each word from the next, computed on demand and kept. */
class Gaps {
    private readonly known: Gap[] = [];
    constructor(private readonly text: string, private readonly list: Word[]) {}

    after(i: number): Gap {
        let gap = this.known[i];
        if (gap === undefined) {
            gap = classify(this.text.substring(this.list[i].end, this.list[i + 1].start));
            this.known[i] = gap;
        }
        return gap;
    }
}

function classify(gap: string): Gap {
    if (gap === ' ') return Gap.None;
    let comma = false;
    for (const char of gap) {
        if (char === ',') comma = true;
        else if (breaksName(char)) return Gap.Hard;
    }
    return comma ? Gap.Comma : Gap.None;
}

function phraseEnd(gaps: Gaps, list: Word[], head: number, hardEnd: number): number {
    let end = head;
    let separated = false;
    for (let k = head + 1; k <= hardEnd; k++) {
        const word = list[k];
        if (gaps.after(k - 1) === Gap.Comma) break;
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
