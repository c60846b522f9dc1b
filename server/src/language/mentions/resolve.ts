// From candidates to mentions: which unit (or units, or class) a name in prose refers to.
// The longest name wins ("Coordinación Técnica de Vinculación con el Congreso" is not
// "Coordinación de Vinculación"); a phrase that is the official name with a word or two left out
// is a variant spelling of it; plural heads expand to several units ("las Direcciones de Finanzas
// y Jurídica") or name a class ("las Direcciones Normativas").
import type { Unidad } from '../generated/ast.js';
import { adscriptionPath, manualKey, parentOf } from '../model.js';
import { isExternal, isKindClass } from './classes.js';
import { endsKey, type NameDictionary, type NameEntry } from './dictionary.js';
import { singularHead, type Candidate, type TextScan } from './scan.js';
import { nameWords, spelledWords } from './words.js';

export type MentionKind = 'oficial' | 'alias' | 'anterior' | 'variante' | 'plural' | 'clase' | 'externa' | 'contextual' | 'desconocida';

export interface ResolvedMention {
    /** Offsets in the scanned text. */
    start: number;
    end: number;
    kind: MentionKind;
    /** The units it names (none for an unknown name or a class without a unit). */
    units: Unidad[];
    /** For a former name or a variant: the name to write instead. */
    replacement?: string;
    /** For a former name: the dictionary entry, with its date and Acuerdo. */
    entry?: NameEntry;
}

/** Variant spellings leave out at most this many words of the official name. */
const MAX_LEFT_OUT = 2;

export function resolveText(text: string, scan: TextScan, dictionary: NameDictionary, context: { unit?: Unidad; institution: string }): ResolvedMention[] {
    const norms = scan.words.map(w => w.norm);
    const accept = (e: NameEntry) => !context.institution || e.institution === context.institution;
    const out: ResolvedMention[] = [];
    let covered = -1;
    for (const candidate of scan.candidates) {
        if (candidate.head <= covered) continue;
        const mention = resolveCandidate(text, scan, norms, candidate, dictionary, accept, context.unit);
        if (!mention) continue;
        out.push(mention.mention);
        covered = mention.last;
    }
    for (const span of scan.superior) {
        const above = context.unit && parentOf(context.unit);
        if (above) out.push({ start: span.start, end: span.end, kind: 'contextual', units: [above] });
    }
    return out.sort((a, b) => a.start - b.start);
}

function resolveCandidate(
    text: string, scan: TextScan, norms: string[], c: Candidate, dictionary: NameDictionary,
    accept: (e: NameEntry) => boolean, unit: Unidad | undefined
): { mention: ResolvedMention; last: number } | undefined {
    const words = scan.words;
    const span = (from: number, to: number) => ({ start: words[from].start, end: words[to].end });
    const exact = dictionary.longest(norms, c.head, c.hardEnd, accept);
    const singular = singularHead(norms[c.head]);

    if (singular) {
        if (exact && exact.end >= c.phraseEnd) {
            return { mention: { ...span(c.head, exact.end), kind: 'clase', units: closest(units(preferred(exact.entries)), unit) }, last: exact.end };
        }
        const members = expandPlural(norms, c.head, c.phraseEnd, singular, dictionary, accept, unit);
        if (members.length > 0) return { mention: { ...span(c.head, c.phraseEnd), kind: 'plural', units: members }, last: c.phraseEnd };
        return { mention: { ...span(c.head, c.phraseEnd), kind: 'clase', units: [] }, last: c.phraseEnd };
    }

    if (exact && exact.end >= c.phraseEnd) return { mention: fromEntries(text, span(c.head, exact.end), exact.entries, unit), last: exact.end };
    const variant = findVariant(norms, c, exact?.end ?? c.head, dictionary, accept, unit, scan);
    if (variant) return { mention: { ...span(c.head, variant.end), kind: 'variante', units: [variant.unit], replacement: variant.unit.nombre }, last: variant.end };
    if (exact) return { mention: fromEntries(text, span(c.head, exact.end), exact.entries, unit), last: exact.end };
    if (c.phraseEnd === c.head) {
        // "la Dirección", "esta Coordinación": the unit of that kind the text belongs to.
        const before = text.substring(Math.max(0, words[c.head].start - 12), words[c.head].start);
        if (!/\b(?:la|el|esta|este|dicha|dicho|su|sus|esa|ese)\s+$/iu.test(before)) return undefined;
        const near = unit && adscriptionPath(unit).find(u => norms[c.head] === firstWord(u.nombre));
        return near ? { mention: { ...span(c.head, c.head), kind: 'contextual', units: [near] }, last: c.head } : undefined;
    }
    const phrase = norms.slice(c.head, c.phraseEnd + 1);
    const kind = isKindClass(phrase) ? 'clase' : isExternal(phrase) ? 'externa' : 'desconocida';
    return { mention: { ...span(c.head, c.phraseEnd), kind, units: [] }, last: c.phraseEnd };
}

function firstWord(name: string | undefined): string | undefined {
    return name ? nameWords(name)[0] : undefined;
}

/** Official names first, then aliases, then former names: a current name beats an old one. */
function preferred(entries: NameEntry[]): NameEntry[] {
    for (const kind of ['oficial', 'alias', 'anterior'] as const) {
        const found = entries.filter(e => e.kind === kind);
        if (found.length > 0) return found;
    }
    return entries;
}

function units(entries: NameEntry[]): Unidad[] {
    return [...new Set(entries.flatMap(e => (e.unit ? [e.unit] : [])))];
}

function fromEntries(text: string, at: { start: number; end: number }, entries: NameEntry[], unit: Unidad | undefined): ResolvedMention {
    const best = preferred(entries);
    const kind = best[0].kind;
    const targets = closest(units(best), unit);
    const entry = best.find(e => e.unit === targets[0]) ?? best[0];
    if (kind === 'anterior') return { ...at, kind, units: targets, replacement: entry.current, entry };
    // Matched with an article more or less ("de Calidad Médica" for "de la Calidad Médica"): a variant spelling.
    const written = text.substring(at.start, at.end);
    if (kind === 'oficial' && written !== entry.name && spelledWords(written) !== spelledWords(entry.name)) {
        return { ...at, kind: 'variante', units: targets, replacement: entry.name };
    }
    return { ...at, kind, units: targets };
}

/**
 * Of several units with one name (ISSSTE has nine "Coordinación Administrativa"), the ones nearest
 * the text: in its manual, sharing the longest stretch of its adscription chain.
 */
function closest(candidates: Unidad[], unit: Unidad | undefined): Unidad[] {
    if (candidates.length < 2 || !unit) return candidates;
    const own = manualKey(unit);
    const sameManual = candidates.filter(c => manualKey(c) === own);
    const pool = sameManual.length > 0 ? sameManual : candidates;
    const chain = new Set(adscriptionPath(unit));
    const score = (c: Unidad) => adscriptionPath(c).filter(u => chain.has(u)).length;
    const best = Math.max(...pool.map(score));
    return pool.filter(c => score(c) === best);
}

/**
 * The official name the phrase spells with up to two of its words left out, ending with the same
 * word ("Coordinación de Vinculación con el Congreso" for "Coordinación Técnica de Vinculación con
 * el Congreso"). The phrase is tried from its full length down to just past the exact match.
 */
function findVariant(
    norms: string[], c: Candidate, exactEnd: number, dictionary: NameDictionary,
    accept: (e: NameEntry) => boolean, unit: Unidad | undefined, scan: TextScan
): { end: number; unit: Unidad } | undefined {
    for (let end = c.phraseEnd; end > exactEnd; end--) {
        if (!scan.words[end].cap) continue;
        const names = dictionary.officialByEnds.get(endsKey(norms[c.head], norms[end]));
        if (names.length === 0) continue;
        const phrase = norms.slice(c.head, end + 1);
        let best = MAX_LEFT_OUT + 1;
        let found: Unidad[] = [];
        for (const name of names) {
            const leftOut = name.words.length - phrase.length;
            if (leftOut < 1 || leftOut > best || !name.entry.unit || !accept(name.entry) || !isSubsequence(phrase, name.words)) continue;
            if (leftOut < best) { best = leftOut; found = []; }
            found.push(name.entry.unit!);
        }
        const targets = closest([...new Set(found)], unit);
        if (targets.length === 1) return { end, unit: targets[0] };
    }
    return undefined;
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
    let i = 0;
    for (const word of long) if (i < short.length && word === short[i]) i++;
    return i === short.length;
}

/**
 * "las Direcciones de Finanzas y Jurídica" → Dirección de Finanzas, Dirección Jurídica: the parts
 * joined by "y" each complete the singular head; consecutive parts are merged when together they
 * spell one name ("… Administrativa y de Finanzas").
 */
function expandPlural(
    norms: string[], head: number, end: number, singular: string, dictionary: NameDictionary,
    accept: (e: NameEntry) => boolean, unit: Unidad | undefined
): Unidad[] {
    const parts: string[][] = [[]];
    for (let i = head + 1; i <= end; i++) {
        if (norms[i] === 'y' || norms[i] === 'e') parts.push([]);
        else parts[parts.length - 1].push(norms[i]);
    }
    if (parts.length < 2 || parts.some(p => p.length === 0)) return [];
    const found: Unidad[] = [];
    for (let from = 0; from < parts.length;) {
        let matched = false;
        for (let to = parts.length - 1; to >= from && !matched; to--) {
            const words = [singular, ...parts.slice(from, to + 1).flatMap((p, i) => (i === 0 ? p : ['y', ...p]))];
            const targets = closest(units(preferred(dictionary.exact(words, accept))), unit);
            if (targets.length > 0) {
                found.push(...targets);
                from = to + 1;
                matched = true;
            }
        }
        if (!matched) return [];
    }
    return [...new Set(found)];
}
