// Where a root unit of a manual hangs from, as the manual's own text states it. A manual describes
// one unit and its subtree; the unit above it (the Dirección General above a Dirección, the OOAD
// above one of its Jefaturas) is defined in another manual, and the text says which in a sentence
// such as "la Dirección de Operación y Evaluación, se encuentra adscrita a la Dirección General"
// or "La Jefatura … depende jerárquicamente del Órgano de Operación Administrativa Desconcentrada".
// Such a sentence is recognized by its shape: the root's name (or a former name, or "esta
// Jefatura") as the subject, a singular present or future predicate of hierarchical dependence,
// and the name of a unit after it. The named unit is then looked up among the units the
// workspace defines (official name, alias, former name; a generic or grouping unit stands for its
// instances). Nothing is guessed: no sentence, or a unit the workspace does not have, leaves the
// root without `adscrita a`, and the report says why.

import { CONTRACTIONS, fold } from '../language/text-keys.js';
import type { ImportedFunction, ImportedManual, ImportedUnit, Paragraph } from './model.js';

/** A sentence of the manual that states which unit a root depends on. */
export interface AttachmentStatement {
    /** Source line where the statement's subject starts. */
    line: number;
    /** The statement, from its subject to the parent's name (the whole sentence when short). */
    text: string;
    /** The parent's name as written (its capitalized phrase). */
    parentName: string;
    /** Comparison keys of the words after the predicate, up to the first hard punctuation. */
    parentWords: string[];
    /** How many of `parentWords` the capitalized phrase spans. */
    phraseLength: number;
    /** Where the sentence is: a section's title, or the root's «Objetivo» / «Funciones». */
    where: string;
}

/** A unit a root may be attached to: one of the workspace's, or another unit of the same manual. */
export interface AttachmentCandidate {
    id: string;
    /** Official name; the id is shown qualified with the institution in messages. */
    name: string;
    aliases?: string[];
    formerNames?: string[];
    /** Stands for many instances (Delegaciones) or groups them (Órganos de Operación…): an instance's qualifier may follow its name. */
    generic?: boolean;
}

export type AttachmentResolution =
    | { kind: 'found'; candidate: AttachmentCandidate; by: 'nombre' | 'alias' | 'nombre anterior' }
    | { kind: 'missing' }
    | { kind: 'ambiguous'; candidates: AttachmentCandidate[] };

/** Locates the source line of a character offset in a paragraph that starts at `line`. */
export type LineLocator = (line: number, offset: number) => number;

// ---------------------------------------------------------------------------------------------
// Words

interface Token {
    /** Folded: lower case, no accents. */
    norm: string;
    /** Comparison key: folded, contractions expanded (del → de), plural-insensitive. */
    key: string;
    start: number;
    end: number;
    cap: boolean;
}

const ARTICLES = new Set(['el', 'la', 'los', 'las']);

/** Singular and plural compare equal: "Órganos" = "Órgano", "Delegaciones" = "Delegación". */
function stem(norm: string): string {
    const w = CONTRACTIONS[norm] ?? norm;
    return w.length > 3 ? w.replace(/s$/u, '').replace(/e$/u, '') : w;
}

function tokenize(text: string, base = 0): Token[] {
    const out: Token[] = [];
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
        const norm = fold(m[0]);
        out.push({ norm, key: stem(norm), start: base + m.index, end: base + m.index + m[0].length, cap: m[0][0] !== m[0][0].toLowerCase() });
    }
    return out;
}

/** A name as comparison keys: articles left out ("de la Calidad" = "de Calidad"), plural-insensitive. */
export function nameKeys(name: string): string[] {
    return tokenize(name).filter(t => !ARTICLES.has(t.norm)).map(t => t.key);
}

// Words that start a unit's name ("Dirección", "Órgano"…), folded, singular.
const HEADS = new Set([
    'direccion', 'subdireccion', 'coordinacion', 'subcoordinacion', 'unidad', 'division', 'jefatura', 'subjefatura',
    'departamento', 'delegacion', 'subdelegacion', 'secretaria', 'subsecretaria', 'prosecretaria', 'tesoreria',
    'organo', 'oficina', 'gerencia', 'presidencia', 'contraloria'
].map(stem));
// Words that join the parts of a name without ending it.
const CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'en', 'para', 'por', 'con', 'a', 'al', 'sobre', 'entre', 'ante', 'o', 'u']);
// After these a new unit-kind word starts another name ("… y la Dirección …").
const SEPARATING = new Set(['y', 'e', 'en', 'para', 'por', 'con', 'a', 'al', 'sobre', 'entre', 'ante', 'o', 'u']);
// Before a unit's name, these make it the complement of another phrase ("la Unidad … de la Dirección General").
// ("y la Jefatura … depende" joins two clauses: the singular predicate keeps the subject single.)
const GOVERNING = new Set(['de', 'del', 'a', 'al', 'por', 'con', 'en', 'para', 'sobre', 'entre', 'ante', 'hacia', 'desde', 'segun']);
// Words that may stand between the subject and the predicate: "la X, que actualmente", "la X es una unidad administrativa".
const FILLER = new Set([
    'que', 'cual', 'quien', 'misma', 'mismo', 'actualmente', 'hoy', 'dia', 'en', 'actualidad', 'la', 'el', 'es', 'sera',
    'un', 'una', 'organo', 'unidad', 'administrativa', 'administrativo', 'area', 'instancia', 'apoyo', 'staff', 'tambien',
    'asimismo', 'ahora', 'igualmente', 'se', 'encuentra', 'halla', 'normativo', 'normativa', 'desconcentrado', 'desconcentrada',
    'jerarquicamente', 'directamente', 'organicamente', 'administrativamente'
]);
// "esta Jefatura", "dicha Dirección": the manual's root when the head word is its own; "la Jefatura"
// when no other unit of the manual has that head word.
const DEICTIC = new Set(['esta', 'este', 'dicha', 'dicho', 'citada', 'citado', 'referida', 'referido', 'mencionada', 'mencionado', 'presente', 'aludida']);

// ---------------------------------------------------------------------------------------------
// The predicates of hierarchical dependence. Singular (a root is one unit), present or future:
// "dependía", "estaba adscrita", "dependiente hasta entonces de" tell the past, and an adverb other
// than a hierarchical one ("depende normativamente de") states another relation.

// "jerárquicamente", "directamente"; "jerárquica y funcionalmente", "técnica y jerárquicamente".
const ADVERB = '(?:jer[aá]rquica|directa|org[aá]nica|administrativa)';
const HIERARCHICAL = `(?:${ADVERB}mente\\s+|${ADVERB}(?:mente)?\\s+y\\s+\\p{Ll}+mente\\s+|\\p{Ll}+(?:mente)?\\s+y\\s+${ADVERB}mente\\s+)?`;
const TO = '(?:a\\s+la|a\\s+el|al|a)\\s+';
const OF = '(?:de\\s+la|de\\s+el|del|de)\\s+';
const PREDICATES: RegExp[] = [
    // "(se encuentra | está | queda | quedará…) (jerárquicamente) adscrita (directamente) a la X"
    new RegExp(`(?<![\\p{L}])(?:(?:se\\s+)?(?:encuentra|halla|mantiene)\\s+|(?:est[aá]|estar[aá]|queda|qued[oó]|quedar[aá]|quedando|es|ser[aá]|permanece|permanecer[aá]|contin[uú]a)\\s+)?${HIERARCHICAL}adscrit[oa]\\s+${HIERARCHICAL}${TO}`, 'giu'),
    // "depende (jerárquicamente) de la X", "dependerá de la X"
    new RegExp(`(?<![\\p{L}])(?:depende|depender[aá]|(?:sigue|seguir[aá]|contin[uú]a|continuar[aá])\\s+dependiendo)\\s+${HIERARCHICAL}${OF}`, 'giu'),
    // "dependiente (directamente) de la X", "subordinada a la X"
    new RegExp(`(?<![\\p{L}])(?:dependiente\\s+${HIERARCHICAL}${OF}|subordinad[oa]\\s+${HIERARCHICAL}(?:${TO}|${OF}))`, 'giu'),
    // "es el órgano de apoyo de la X", "como unidad administrativa de la X"
    new RegExp(`(?<![\\p{L}])(?:es|ser[aá]|como)\\s+(?:(?:un|una|el|la)\\s+)?(?:[oó]rgano|unidad\\s+administrativa)\\s+(?:\\p{Ll}+\\s+){0,3}?${OF}(?=\\p{Lu})`, 'gu'),
    // "forma parte (de la estructura orgánica) de la X", "bajo la dependencia directa de la X"
    new RegExp(`(?<![\\p{L}])(?:forma|formar[aá])\\s+parte\\s+(?:de\\s+la\\s+estructura\\s+(?:org[aá]nica\\s+|b[aá]sica\\s+)?)?${OF}(?=\\p{Lu})`, 'gu'),
    new RegExp(`(?<![\\p{L}])bajo\\s+la\\s+(?:dependencia|adscripci[oó]n)\\s+(?:(?:jer[aá]rquica|directa|org[aá]nica)\\s+)?${OF}(?=\\p{Lu})`, 'gu')
];
// "se adscribe la X a la Y": the subject follows the verb.
const ADSCRIBE = /(?<![\p{L}])se\s+adscrib(?:e|ir[aá])\s+(?:a\s+)?(?:la|el)\s+/giu;

/** Sentence ends: ". ", "; ", ": " (not after an initial or "No.", "Art."). */
const BOUNDARY = /(?<!(?:^|[^\p{L}])(?:\p{Lu}|No|Núm|núm|Art|art|fracc))[.;:]\s+/gu;

/** Where sentences start and end in a text: `[start, end)` pairs in order. */
function sentencesOf(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let start = 0;
    for (const m of text.matchAll(BOUNDARY)) {
        out.push([start, m.index + 1]);
        start = m.index + m[0].length;
    }
    out.push([start, text.length]);
    return out;
}

function sentenceAt(sentences: Array<[number, number]>, offset: number): [number, number] {
    let low = 0;
    let high = sentences.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (sentences[mid][0] <= offset) low = mid;
        else high = mid - 1;
    }
    return sentences[low];
}

/** A subject, a predicate and a parent's name fit in far fewer characters: longer stretches are not read. */
const REACH = 500;

// ---------------------------------------------------------------------------------------------
// Finding the statements

/** The names the root goes by in the text: its official name and the former names the history gives. */
export interface RootNames {
    root: ImportedUnit;
    names: string[];
}

/**
 * Every statement of the manual that `root` depends on a named unit, in document order: in the
 * prose sections (Introducción, Objetivo, Antecedentes, Atribuciones, Organigrama…) and in the
 * root's own objetivo and functions.
 */
export function findAttachmentStatements(manual: ImportedManual, root: RootNames, locate: LineLocator): AttachmentStatement[] {
    const out: AttachmentStatement[] = [];
    const subjects = root.names.map(nameKeys).filter(k => k.length > 0);
    // "la Jefatura" alone names the root only if no other unit of the manual starts with that word.
    const keys = nameKeys(root.root.name);
    const bare = manual.units.every(u => u === root.root || nameKeys(u.name)[0] !== keys[0]);
    const short: ShortName = { keys, bare };
    const scan = (p: Paragraph, where: string) => {
        for (const s of statementsIn(p.text, subjects, short)) {
            out.push({ ...s, line: locate(p.line, s.offset), where });
        }
    };
    for (const section of manual.sections) for (const p of section.paragraphs) scan(p, section.title);
    if (root.root.objetivo) scan(root.root.objetivo, 'Objetivo');
    for (const f of root.root.functions) {
        scan(functionParagraph(f), 'Funciones');
        for (const item of f.items) scan({ text: item.text, line: item.line }, 'Funciones');
    }
    return out;
}

function functionParagraph(f: ImportedFunction): Paragraph {
    return { text: f.text, line: f.line };
}

type Found = Omit<AttachmentStatement, 'line' | 'where'> & { offset: number };

function statementsIn(text: string, subjects: string[][], short: ShortName): Found[] {
    if (!/adscri|depend|subordinad|[oó]rgano|unidad administrativa|parte|bajo la/iu.test(text)) return [];
    const sentences = sentencesOf(text);
    const found: Found[] = [];
    for (const pattern of PREDICATES) {
        for (const m of text.matchAll(pattern)) {
            if (/^\s*no$/iu.test(text.substring(Math.max(0, m.index - 3), m.index).trim())) continue;
            const [sentenceStart, sentenceEnd] = sentenceAt(sentences, m.index);
            const subject = subjectBefore(text, sentenceStart, m.index, subjects, short);
            if (subject === undefined) continue;
            const parent = parentAfter(text, m.index + m[0].length, sentenceEnd);
            if (!parent) continue;
            found.push({ offset: subject, ...parent, text: excerpt(text, sentenceStart, sentenceEnd, subject, parent.end) });
        }
    }
    for (const m of text.matchAll(ADSCRIBE)) {
        const [sentenceStart, sentenceEnd] = sentenceAt(sentences, m.index);
        const from = m.index + m[0].length;
        const after = tokenize(text.substring(from, Math.min(sentenceEnd, from + REACH)), from).filter(t => !ARTICLES.has(t.norm));
        const key = subjects.find(s => s.length <= after.length && s.every((k, i) => after[i].key === k));
        if (!key) continue;
        const nameEnd = after[key.length - 1].end;
        const to = new RegExp(`^\\s*,?\\s*${TO}`, 'iu').exec(text.substring(nameEnd));
        const parent = to && parentAfter(text, nameEnd + to[0].length, sentenceEnd);
        if (!parent) continue;
        found.push({ offset: m.index, ...parent, text: excerpt(text, sentenceStart, sentenceEnd, m.index, parent.end) });
    }
    return found.sort((a, b) => a.offset - b.offset);
}

/**
 * Where the subject starts if the words before `at` (within the sentence) end with the root's
 * name, or "esta/dicha <head word>", once filler words ("que", "actualmente", "es una unidad
 * administrativa") and parentheses (an acronym) are set aside; undefined if they do not.
 */
function subjectBefore(text: string, sentenceStart: number, at: number, subjects: string[][], short: ShortName): number | undefined {
    const from = Math.max(sentenceStart, at - REACH);
    const before = text.substring(from, at).replace(/\([^()]*\)/gu, m => ' '.repeat(m.length));
    const tokens = tokenize(before, from);
    let end = tokens.length;
    for (let pops = 0; end > 0 && pops <= 8; pops++) {
        const start = subjectEndingAt(tokens, end, subjects, short);
        if (start !== undefined) return start;
        if (!FILLER.has(tokens[end - 1].norm)) break;
        end--;
    }
    return undefined;
}

/** How the root may be named short: its head word ("Jefatura"), the first words of its name. */
interface ShortName {
    keys: string[];
    /** With the article alone ("la Jefatura"), not only with "esta", "dicha"… */
    bare: boolean;
}

function subjectEndingAt(tokens: Token[], end: number, subjects: string[][], short: ShortName): number | undefined {
    // The significant words (no articles) ending at `end`, with their index in `tokens`.
    const significant: number[] = [];
    for (let i = end - 1; i >= 0 && significant.length < 40; i--) if (!ARTICLES.has(tokens[i].norm)) significant.unshift(i);
    for (const key of subjects) {
        if (key.length > significant.length) continue;
        const first = significant.length - key.length;
        if (!key.every((k, i) => tokens[significant[first + i]].key === k)) continue;
        const index = significant[first];
        if (!tokens[index].cap) continue;
        // Not the complement of another phrase: "la Unidad … de la Dirección General".
        let previous = index - 1;
        const article = previous >= 0 && ARTICLES.has(tokens[previous].norm) ? previous : undefined;
        if (article !== undefined) previous--;
        if (previous >= 0 && GOVERNING.has(tokens[previous].norm)) continue;
        return tokens[article ?? index].start;
    }
    // "esta Jefatura", "dicha Jefatura de Servicios", "dicha Dirección Normativa"; "la Jefatura".
    for (let d = end - 2; d >= 0 && d >= end - 1 - short.keys.length; d--) {
        const word = tokens[d + 1];
        if (word.key !== short.keys[0] || !word.cap) continue;
        const rest = tokens.slice(d + 2, end);
        const ofName = rest.filter(t => !ARTICLES.has(t.norm)).every((t, i) => t.key === short.keys[i + 1]);
        if (!ofName && !rest.every(t => t.norm === 'normativa' || t.norm === 'normativo')) continue;
        if (DEICTIC.has(tokens[d].norm)) return tokens[d > 0 && ARTICLES.has(tokens[d - 1].norm) ? d - 1 : d].start;
        if (short.bare && ARTICLES.has(tokens[d].norm) && !(d > 0 && GOVERNING.has(tokens[d - 1].norm))) return tokens[d].start;
    }
    return undefined;
}

/**
 * The unit named at `from`: a capitalized phrase that starts with a unit-kind word ("Dirección",
 * "Órgano"…), after "(la persona) titular de la" when the text names the head instead of the unit.
 */
function parentAfter(text: string, from: number, sentenceEnd: number): { parentName: string; parentWords: string[]; phraseLength: number; end: number } | undefined {
    const titular = /^(?:(?:la\s+)?persona\s+)?titular(?:idad)?\s+(?:de\s+la|de\s+el|del|de)\s+/iu.exec(text.substring(from));
    const start = from + (titular ? titular[0].length : 0);
    // Up to the first punctuation other than a comma or a hyphen: no name reaches beyond it.
    const reach = Math.min(sentenceEnd, start + REACH);
    const hard = /[^\s\p{L}\p{N},\-‐‑–'’]/u.exec(text.substring(start, reach));
    const stop = hard ? start + hard.index : reach;
    const tokens = tokenize(text.substring(start, stop), start).slice(0, 40);
    if (tokens.length === 0 || !tokens[0].cap || !HEADS.has(tokens[0].key)) return undefined;
    // The capitalized phrase: capitalized words joined by connectors; a comma, a lowercase word, or
    // a connector followed by another unit-kind word ends it.
    let last = 0;
    let separated = false;
    for (let k = 1; k < tokens.length; k++) {
        const gap = text.substring(tokens[k - 1].end, tokens[k].start);
        if (gap.includes(',')) break;
        const t = tokens[k];
        if (t.cap) {
            if (separated && HEADS.has(t.key)) break;
            last = k;
            separated = false;
        } else if (CONNECTORS.has(t.norm)) {
            if (SEPARATING.has(t.norm)) separated = true;
        } else break;
    }
    const significant = tokens.filter(t => !ARTICLES.has(t.norm));
    const phraseLength = significant.filter(t => t.start <= tokens[last].start).length;
    return {
        parentName: text.substring(tokens[0].start, tokens[last].end).replace(/\s+/gu, ' '),
        parentWords: significant.map(t => t.key),
        phraseLength,
        end: tokens[last].end
    };
}

function excerpt(text: string, sentenceStart: number, sentenceEnd: number, from: number, to: number): string {
    const sentence = sentenceEnd - sentenceStart <= 400 ? text.substring(sentenceStart, sentenceEnd).replace(/\s+/gu, ' ').trim() : undefined;
    if (sentence !== undefined && sentence.length <= 200) return sentence;
    const core = text.substring(from, to).replace(/\s+/gu, ' ').trim();
    const head = from > sentenceStart ? '…' : '';
    const tail = to < sentenceEnd - 1 ? '…' : '';
    return `${head}${core}${tail}`;
}

// ---------------------------------------------------------------------------------------------
// Resolving the named unit

/**
 * The unit a statement names, among `candidates`: the longest name (official, alias or former)
 * whose words start the words after the predicate and cover the capitalized phrase (or, for a
 * generic or grouping unit, are followed by an instance's qualifier: "Delegación Estatal en…").
 * An official name wins over an alias, an alias over a former name; two units left → ambiguous.
 */
export function resolveParent(statement: AttachmentStatement, candidates: AttachmentCandidate[]): AttachmentResolution {
    const words = statement.parentWords;
    let best: { length: number; rank: number; found: AttachmentCandidate[] } | undefined;
    const ranks: Array<[rank: number, names: (c: AttachmentCandidate) => string[] | undefined]> = [
        [0, c => [c.name]], [1, c => c.aliases], [2, c => c.formerNames]
    ];
    for (const candidate of candidates) {
        for (const [rank, names] of ranks) {
            for (const name of names(candidate) ?? []) {
                const key = nameKeys(name);
                if (key.length === 0 || key.length > words.length || !key.every((k, i) => words[i] === k)) continue;
                if (key.length < statement.phraseLength && !candidate.generic) continue;
                const better = !best || key.length > best.length || (key.length === best.length && rank < best.rank);
                if (better) best = { length: key.length, rank, found: [candidate] };
                else if (key.length === best!.length && rank === best!.rank && !best!.found.some(c => c.id === candidate.id)) best!.found.push(candidate);
            }
        }
    }
    if (!best) return { kind: 'missing' };
    if (best.found.length > 1) return { kind: 'ambiguous', candidates: best.found };
    return { kind: 'found', candidate: best.found[0], by: best.rank === 0 ? 'nombre' : best.rank === 1 ? 'alias' : 'nombre anterior' };
}

/** The former names of a unit the history states: "cambio de denominación de la A por la B" makes A a former name of B. */
export function formerNamesOf(name: string, renames: Array<{ from?: string; to?: string }>): string[] {
    const out: string[] = [];
    const seen = new Set([nameKeys(name).join(' ')]);
    const queue = [name];
    while (queue.length > 0) {
        const current = nameKeys(queue.shift()!).join(' ');
        for (const r of renames) {
            if (!r.from || !r.to || nameKeys(r.to).join(' ') !== current) continue;
            const key = nameKeys(r.from).join(' ');
            if (seen.has(key)) continue;
            seen.add(key);
            out.push(r.from);
            queue.push(r.from);
        }
    }
    return out;
}
