// From candidates to mentions: which unit (or units, or class) a name in prose refers to.
// The longest name wins ("Coordinación Técnica de Vinculación con el Congreso" is not
// "Coordinación de Vinculación"); a phrase that is the official name with a word or two left out
// is a variant spelling of it; plural heads expand to several units ("las Direcciones de Finanzas
// y Jurídica") or name a class ("las Direcciones Normativas"); a member of such a list that names
// no unit is an unknown name like any other.
import type { Unidad } from '../generated/ast.js';
import { adscriptionPath, manualKey, parentOf } from '../model.js';
import { isExternal, isKindClass } from './classes.js';
import { endsKey, type NameDictionary, type NameEntry } from './dictionary.js';
import { singularHead, type Candidate, type TextScan } from './scan.js';
import { nameWords, spelledWords, type Word } from './words.js';

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
    /** For an unknown member of a plural list: the list as written («Direcciones de Finanzas y Jurídica»). */
    list?: string;
}

/** Variant spellings leave out at most this many words of the official name. */
const MAX_LEFT_OUT = 2;

export function resolveText(text: string, scan: TextScan, dictionary: NameDictionary, context: { unit?: Unidad; institution: string }): ResolvedMention[] {
    const norms = scan.words.map(w => w.norm);
    const institution = context.institution;
    const out: ResolvedMention[] = [];
    let covered = -1;
    for (const candidate of scan.candidates) {
        if (candidate.head <= covered) continue;
        const mention = resolveCandidate(text, scan, norms, candidate, dictionary, institution, context.unit);
        if (!mention) continue;
        out.push(mention.mention, ...(mention.members ?? []));
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
    institution: string, unit: Unidad | undefined
): { mention: ResolvedMention; members?: ResolvedMention[]; last: number } | undefined {
    const words = scan.words;
    const span = (from: number, to: number) => ({ start: words[from].start, end: words[to].end });
    const exact = dictionary.longest(norms, c.head, c.hardEnd, institution);
    const singular = singularHead(norms[c.head]);

    if (singular) {
        if (exact && exact.end >= c.phraseEnd) {
            return { mention: { ...span(c.head, exact.end), kind: 'clase', units: closest(units(preferred(exact.entries)), unit) }, last: exact.end };
        }
        // The list past commas when it names a unit, else the phrase up to its first comma.
        for (const end of c.listEnd > c.phraseEnd ? [c.listEnd, c.phraseEnd] : [c.phraseEnd]) {
            const members = expandPlural(text, words, norms, c.head, end, singular, dictionary, institution, unit);
            if (!members?.some(m => m.units.length > 0)) continue;
            const at = span(c.head, end);
            const list = text.substring(at.start, at.end).replace(/\s+/g, ' ');
            const unknown = members.filter(m => m.units.length === 0 && namesUnit(norms, words, m, singular))
                .map((m): ResolvedMention => ({ ...span(m.nameStart, m.last), kind: 'desconocida', units: [], list }));
            return { mention: { ...at, kind: 'plural', units: [...new Set(members.flatMap(m => m.units))] }, members: unknown, last: end };
        }
        return { mention: { ...span(c.head, c.phraseEnd), kind: 'clase', units: [] }, last: c.phraseEnd };
    }

    if (exact && exact.end >= c.phraseEnd) return { mention: fromEntries(text, span(c.head, exact.end), exact.entries, unit), last: exact.end };
    const variant = findVariant(norms, c, exact?.end ?? c.head, dictionary, institution, unit, scan);
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
function preferred(entries: readonly NameEntry[]): readonly NameEntry[] {
    for (const kind of ['oficial', 'alias', 'anterior'] as const) {
        const found = entries.filter(e => e.kind === kind);
        if (found.length > 0) return found;
    }
    return entries;
}

function units(entries: readonly NameEntry[]): Unidad[] {
    return [...new Set(entries.flatMap(e => (e.unit ? [e.unit] : [])))];
}

function fromEntries(text: string, at: { start: number; end: number }, entries: readonly NameEntry[], unit: Unidad | undefined): ResolvedMention {
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
    institution: string, unit: Unidad | undefined, scan: TextScan
): { end: number; unit: Unidad } | undefined {
    for (let end = c.phraseEnd; end > exactEnd; end--) {
        if (!scan.words[end].cap) continue;
        const names = dictionary.officialByEndsIn(endsKey(norms[c.head], norms[end]), institution);
        if (names.length === 0) continue;
        const phrase = norms.slice(c.head, end + 1);
        let best = MAX_LEFT_OUT + 1;
        let found: Unidad[] = [];
        for (const name of names) {
            const leftOut = name.words.length - phrase.length;
            if (leftOut < 1 || leftOut > best || !name.entry.unit || !isSubsequence(phrase, name.words)) continue;
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

/** One member of a plural list: the words that complete the singular head, and the units they name. */
interface Member {
    /** Index of its first word (a «de» included) and of its last word. */
    first: number;
    last: number;
    /** Index of the first word of its name proper: past a leading «de». */
    nameStart: number;
    units: Unidad[];
}

/** The parts of a list after its head word: split at «y»/«e» (dropped) and at commas. */
function listParts(text: string, words: Word[], norms: string[], head: number, end: number): Array<{ first: number; last: number }> {
    const parts: Array<{ first: number; last: number }> = [];
    let first = head + 1;
    for (let i = head + 1; i <= end; i++) {
        if (norms[i] === 'y' || norms[i] === 'e') {
            parts.push({ first, last: i - 1 });
            first = i + 1;
        } else if (i > first && text.substring(words[i - 1].end, words[i].start).includes(',')) {
            parts.push({ first, last: i - 1 });
            first = i;
        }
    }
    parts.push({ first, last: end });
    return parts;
}

/**
 * "las Direcciones de Finanzas y Jurídica" → Dirección de Finanzas, Dirección Jurídica: the parts
 * joined by "y" or by commas each complete the singular head; consecutive parts are merged when
 * together they spell one name ("… Administrativa y de Finanzas", "de Prestaciones Económicas,
 * Sociales y Culturales"). A part right after one that named a unit may leave out what it shares
 * with the first part: its «de» ("de Finanzas y Administración") or the words up to one of its
 * «de» ("Jefaturas de Servicios de Personal y de Prestaciones"). Consecutive parts that name no
 * unit, the later without its own «de», are one member ("de Innovación y Calidad"): official names
 * hold «y» more often than lists leave out «de». Undefined when the phrase is no list.
 */
function expandPlural(
    text: string, words: Word[], norms: string[], head: number, end: number, singular: string, dictionary: NameDictionary,
    institution: string, unit: Unidad | undefined
): Member[] | undefined {
    const parts = listParts(text, words, norms, head, end);
    if (parts.length < 2 || parts.some(p => p.last < p.first)) return undefined;
    // What a later part may share with the first: the words before each «de» of the first part.
    const firstPart = norms.slice(parts[0].first, parts[0].last + 1);
    const stems = firstPart.flatMap((w, i) => (w === 'de' ? [firstPart.slice(0, i)] : []));
    const name = (from: number, to: number, borrow: boolean): Unidad[] => {
        const own = norms.slice(parts[from].first, parts[to].last + 1);
        const spellings = [[singular, ...own]];
        if (borrow) for (const stem of stems) spellings.push([singular, ...stem, ...(own[0] === 'de' ? own : ['de', ...own])]);
        for (const spelling of spellings) {
            const targets = closest(units(preferred(dictionary.exact(spelling, institution))), unit);
            if (targets.length > 0) return targets;
        }
        return [];
    };
    const members: Member[] = [];
    const member = (from: number, to: number, targets: Unidad[]): Member => {
        const start = parts[from].first;
        return { first: start, last: parts[to].last, nameStart: norms[start] === 'de' && start < parts[to].last ? start + 1 : start, units: targets };
    };
    for (let from = 0; from < parts.length;) {
        const borrow = from > 0 && (members.at(-1)?.units.length ?? 0) > 0;
        let matched = false;
        for (let to = parts.length - 1; to >= from && !matched; to--) {
            const targets = name(from, to, borrow);
            if (targets.length > 0) {
                members.push(member(from, to, targets));
                from = to + 1;
                matched = true;
            }
        }
        if (matched) continue;
        const previous = members.at(-1);
        if (previous && previous.units.length === 0 && norms[parts[from].first] !== 'de') previous.last = parts[from].last;
        else members.push(member(from, from, []));
        from++;
    }
    return members;
}

/**
 * Whether a member that names no unit has the form of a unit's name, by the criteria of a singular
 * name: not a kind used as a class ("Dirección Normativa"), not a body outside the institution
 * ("Secretaría de Salud"), and not a plural qualifier ("las Unidades Administrativas y …").
 */
function namesUnit(norms: string[], words: Word[], m: Member, singular: string): boolean {
    const own = norms.slice(m.first, m.last + 1);
    const first = words[m.nameStart];
    if (!first.cap) return false;
    if (own[0] !== 'de' && own[0].endsWith('s')) return false;
    const phrase = [singular, ...own];
    const withDe = own[0] === 'de' ? phrase : [singular, 'de', ...own];
    return !isKindClass(phrase) && !isExternal(phrase) && !isExternal(withDe);
}
