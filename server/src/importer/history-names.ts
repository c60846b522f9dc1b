// Reading the history's prose: its sentences, and the unit names it spells (a known official name
// where the text has one, else the capitalized phrase that starts at a unit-kind word).
import { scanText } from '../language/mentions/scan.js';

/** Where sentences end in `text` ("H." and "No." do not end one; "; " ends an enumerated item). */
function boundariesOf(text: string): number[] {
    return [...text.matchAll(/(?<!\b(?:\p{Lu}|No))[.;]\s+(?=\S)/gu)].map(m => m.index + 1);
}

/** The sentence of `text` around `offset`. */
export function sentenceAt(text: string, offset: number): string {
    const boundaries = boundariesOf(text);
    const start = Math.max(0, ...boundaries.filter(b => b <= offset));
    const end = boundaries.find(b => b > offset) ?? text.length;
    return text.substring(start, end).trim();
}

export function sentencesOf(text: string): string[] {
    return [0, ...boundariesOf(text)].map(start => sentenceAt(text, start));
}

export interface Name { text: string; start: number; end: number }
export type Known = Array<{ name: string; words: string[] }>;

/**
 * The unit name that starts at the first unit-kind word at or after `from` (within `within`
 * characters): a known official name when the text spells one there, else the capitalized phrase.
 */
export function nameAfter(text: string, from: number, known: Known, within = 12): Name | undefined {
    const scan = scanText(text.substring(from));
    const candidate = scan.candidates[0];
    if (!candidate) return undefined;
    const words = scan.words;
    if (words[candidate.head].start > within) return undefined;
    const following = words.slice(candidate.head, candidate.hardEnd + 1).map(w => w.norm);
    // A known name that reaches past the phrase holds a comma ("…de Análisis, Prospectiva y…");
    // a shorter one is only the start of another name ("División de Evaluación Administrativa y Financiera").
    const match = known.find(k => k.words.length <= following.length && k.words.every((w, i) => w === following[i]));
    const last = match && candidate.head + match.words.length - 1 > candidate.phraseEnd ? candidate.head + match.words.length - 1 : candidate.phraseEnd;
    const start = from + words[candidate.head].start;
    const end = from + words[last].end;
    return { text: text.substring(start, end).replace(/\s+/gu, ' '), start, end };
}

/** The unit name that ends right before `offset` (a comma or a few words may separate them). */
export function nameBefore(text: string, offset: number, known: Known): Name | undefined {
    const from = Math.max(0, text.lastIndexOf('. ', offset) + 1);
    let best: Name | undefined;
    for (let at = from; at < offset;) {
        const name = nameAfter(text, at, known, offset - at);
        if (!name || name.start >= offset) break;
        if (name.end <= offset) best = name;
        at = name.end;
    }
    return best;
}

/** Every unit name that starts in `text` between `from` and `to`; "X (ahora Y)" counts as Y, today's name. */
export function namesBetween(text: string, from: number, to: number, known: Known): Name[] {
    const names: Name[] = [];
    for (let at = from; at < to;) {
        const name = nameAfter(text, at, known, to - at);
        if (!name || name.start >= to) break;
        const now = /^\s*\(ahora (?:la |el )?/u.exec(text.substring(name.end));
        const current = now ? nameAfter(text, name.end + now[0].length, known, 0) : undefined;
        names.push(current ?? name);
        at = current ? current.end : name.end;
    }
    return names;
}

/** "dicha Dirección Normativa", "dicha Coordinación": the last unit of that kind named before `offset`. */
export function named(text: string, offset: number, kind: string, known: Known): Name | undefined {
    return namesBetween(text, 0, offset, known).filter(n => n.text.startsWith(`${kind} `)).at(-1);
}
