// Federal manuals (Administración Pública Federal): the Manual de Organización General that every
// Secretaría and Comisión publishes in the DOF. Prose sections with known titles (Presentación,
// Objetivo del manual, Antecedentes, Marco jurídico, Atribuciones, Estructura orgánica,
// Organigrama, Objetivos y funciones, Transitorios), numbered with arabic or Roman numerals or not
// at all, often repeated first in an ÍNDICE; an Estructura orgánica list written with letters,
// Roman numerals and "I.1." sub-numbers that gives the tree; then, under Objetivos y funciones,
// every unit as a heading with the institution's own code ("111. Dirección General de…") or a Roman
// numeral or letter ("I. DIRECCIÓN GENERAL…", "a) Dirección General de…"), an `Objetivo:` paragraph
// and a `Funciones:` list numbered with Roman numerals ("I. Acordar…", "XXV. Las demás…").
//
// A unit heading is told from a Roman-numbered function by what follows it: a heading is followed
// (after the lines of a wrapped name) by `Objetivo:` or `Funciones:`, a function by another
// function or the next heading. Sub-headings of the Objetivos y funciones section ("8.1. OFICINA DE
// LA PERSONA TITULAR DE LA SECRETARÍA.") repeat the letters of the Estructura orgánica: they group
// units and are no unit (see `resolveParents`). Parents come from the Estructura orgánica list,
// matched by name, or from the codes where they nest.

import { isClosingClause } from '../language/closing-clause.js';
import { kindFromName } from '../language/kinds.js';
import { foldName, normalizeSpace } from '../language/text-keys.js';
import { FunctionListBuilder, LETTERED_ITEM, NUMBERED_ITEM } from './functions.js';
import { findInstitution } from './institution.js';
import type { ImportedManual, ImportedSection, ImportedUnit, LineFate, SourceLine } from './model.js';
import { romanValue, toRoman } from '../language/numerals.js';
import { cleanUnitName, keepUnrecognized, markKept } from './shared.js';
import { dropFurniture, joinLines, parseSpanishDate, stripMarkdown } from './source.js';

// ---------------------------------------------------------------------------------------------
// Line shapes

/** `Objetivo:`, `OBJETIVO GENERAL:`, or the word alone on its line; what follows the colon is the objetivo's start. */
const OBJETIVO_LABEL = /^\s*objetivos?(?:\s+generale?s?)?\s*(?::\s*|\.?\s*$)/iu;
const FUNCIONES_LABEL = /^\s*funciones(?:\s+(?:espec[ií]ficas|principales|generales|sustantivas))?\s*[:.]?\s*$/iu;
/** A unit heading's numeral: a code (`100.`, `8.1.2`), `I.1.`, a Roman numeral (`IV.`), a letter (`a)`, `A.`). */
const UNIT_MARK = /^\s*(?:(\d{1,4}(?:\.\d{1,3}){0,6})\.?-?|([IVXLC]{1,7}(?:\.\d{1,3})+)\.?|([IVXLC]{1,7})\.-?|([A-Za-zñ])[.)])\s+(?=\p{Lu})/u;
/** A Roman-numbered function: "XXV. Las demás…"; group 1 is the numeral. */
const ROMAN_ITEM = /^\s*([IVXLCDM]{1,8})(?:\.-?|\))\s+(?=\S)/u;
const DASH = /^\s*[-–•·●▪]\s+/u;
/** A numbering before a section title: `8.`, `8.1`, `VIII.`, `8.-`. */
const SECTION_NUMBER = /^\s*(?:(\d{1,2}(?:\.\d{1,2})?)|([IVXL]{1,6}))\s*(?:\.-|\.|\)|-)?\s+/u;
const ACUERDO_HEADING = /^\s*(?:ACUERDO|Acuerdo)\s+(?:por\s+(?:el|la)\s+que|mediante\s+el\s+cual)\b/u;
/** A sub-heading of Objetivos y funciones: `8.1. OFICINA DE LA PERSONA TITULAR…`. */
const SUBSECTION = /^\s*(\d{1,2})\.(\d{1,2})\.?\s+(\p{Lu}.*)$/u;
const DANGLING = /(?:(?<![\p{L}])(?:de|del|la|las|los|el|y|e|a|al|con|en|para|por|sobre|entre|que)|,)$/iu;

// Lines of a DOF page printed in two columns that the extraction glued into one: a wide gap
// between two runs of text, a page head in mid-line, or what the format always puts on its own
// line (a unit label, a function or a code after the end of a sentence) in mid-line.
const GLUED: RegExp[] = [
    /\S(?: {3,}|\t+)(?!\s*[\d.…]*\s*$)\S/u,
    // Only the right column: the left one is empty on this line.
    /^ {20,}\S/u,
    /DIARIO OFICIAL\s+\(\p{L}+ Sección\)|\(\p{L}+ Sección\)\s+DIARIO OFICIAL/u,
    /\S\s+(?:Objetivo|OBJETIVO|Funciones|FUNCIONES)\s*:/u,
    /[.;:]\s+(?:[IVXLC]{1,7}|\d{3})\.\s+\p{Lu}/u
];

export function isGluedLine(text: string): boolean {
    return GLUED.some(p => p.test(text));
}

/**
 * What a glued line shows of the function list it interrupts: the highest function numeral in its
 * pieces, and whether a piece ends the list or starts another unit (a closing clause, a unit
 * label, a unit code).
 */
function gluedPieces(text: string): { highest: number; switched: boolean } {
    let highest = 0;
    let switched = false;
    for (const piece of text.split(/ {3,}|\t+|(?<=[.;:])\s+(?=(?:[IVXLC]{1,7}|\d{3})\.\s+\p{Lu})/u)) {
        const t = piece.trim();
        if (t === '') continue;
        const roman = ROMAN_ITEM.exec(t);
        const value = roman ? romanValue(roman[1]) : undefined;
        if (value !== undefined) highest = Math.max(highest, value);
        if (OBJETIVO_LABEL.test(t) || FUNCIONES_LABEL.test(t) || /^\d{3}\.\s+\p{Lu}/u.test(t) || (roman && isClosingClause(t))) switched = true;
    }
    if (/\S\s+(?:Objetivo|OBJETIVO|Funciones|FUNCIONES)\s*:/u.test(text)) switched = true;
    return { highest, switched };
}

// Section titles of the federal guide for manuals de organización, folded. `numbered`: only with a
// number (a bare "Misión" is a sub-heading, a bare "Objetivo:" a unit's label); `qualified`: may go
// on ("Objetivos y funciones de las unidades administrativas", "Marco jurídico-administrativo").
type SectionKind = 'prose' | 'index' | 'list' | 'body';
const TITLES: Array<{ key: string; kind: SectionKind; numbered?: boolean; qualified?: boolean }> = [
    { key: 'presentacion', kind: 'prose' }, { key: 'introduccion', kind: 'prose' },
    { key: 'indice', kind: 'index', qualified: true }, { key: 'contenido', kind: 'index' },
    { key: 'objetivo del manual', kind: 'prose', qualified: true }, { key: 'objetivos del manual', kind: 'prose', qualified: true },
    { key: 'objetivo general', kind: 'prose', qualified: true }, { key: 'objetivo', kind: 'prose', numbered: true }, { key: 'objetivos', kind: 'prose', numbered: true },
    { key: 'conceptos estrategicos', kind: 'prose' }, { key: 'mision', kind: 'prose', numbered: true }, { key: 'vision', kind: 'prose', numbered: true },
    { key: 'mision y vision', kind: 'prose', qualified: true }, { key: 'mision vision y valores', kind: 'prose' },
    { key: 'antecedentes', kind: 'prose', qualified: true },
    { key: 'marco juridico', kind: 'prose', qualified: true }, { key: 'marco normativo', kind: 'prose', qualified: true },
    { key: 'marco legal', kind: 'prose', qualified: true }, { key: 'fundamento legal', kind: 'prose', qualified: true }, { key: 'base legal', kind: 'prose' },
    { key: 'atribuciones', kind: 'prose', qualified: true },
    { key: 'estructura organica', kind: 'list', qualified: true }, { key: 'estructura basica', kind: 'list', qualified: true },
    { key: 'organigrama', kind: 'prose', qualified: true }, { key: 'organigramas', kind: 'prose', qualified: true },
    { key: 'objetivos y funciones', kind: 'body', qualified: true }, { key: 'objetivo y funciones', kind: 'body', qualified: true },
    { key: 'descripcion de objetivos y funciones', kind: 'body', qualified: true }, { key: 'descripcion de funciones', kind: 'body', qualified: true },
    { key: 'funciones', kind: 'body', numbered: true },
    { key: 'glosario', kind: 'prose', qualified: true }, { key: 'disposiciones transitorias', kind: 'prose' },
    { key: 'transitorios', kind: 'prose' }, { key: 'transitorio', kind: 'prose' }, { key: 'anexos', kind: 'prose' },
    { key: 'directorio', kind: 'prose' }, { key: 'politicas', kind: 'prose', qualified: true },
    { key: 'acta de autorizacion', kind: 'prose' }, { key: 'hoja de autorizacion', kind: 'prose' }, { key: 'autorizacion', kind: 'prose' },
    { key: 'hoja de validacion', kind: 'prose' }, { key: 'validacion', kind: 'prose', qualified: true }
];

interface SectionHeading {
    kind: SectionKind;
    number?: string;
    title: string;
}

/** A line that opens a section: a known title, numbered or not as the title requires, or the title of a DOF Acuerdo. */
function sectionHeading(raw: string): SectionHeading | undefined {
    const t = raw.trim();
    if (t === '' || t.length > 160 || /[;,]$/u.test(t)) return undefined;
    if (ACUERDO_HEADING.test(t)) return { kind: 'prose', title: t.replace(/\s*\.\s*$/u, '') };
    if (t.length > 110) return undefined;
    const m = SECTION_NUMBER.exec(t);
    const roman = m?.[2];
    const number = m && (m[1] ?? (roman && romanValue(roman) !== undefined ? roman : undefined));
    if (m && !number) return undefined;
    const title = (m ? t.slice(m[0].length) : t).replace(/\s*[.:]\s*$/u, '').trim();
    if (!/^\p{Lu}/u.test(title)) return undefined;
    const key = foldName(title);
    for (const entry of TITLES) {
        const fits = key === entry.key || (entry.qualified && key.startsWith(entry.key + ' ') && key.split(' ').length - entry.key.split(' ').length <= 8);
        if (!fits) continue;
        if (entry.numbered && !number) return undefined;
        // A decimal number ("8.1") is a sub-heading, not a section.
        if (number?.includes('.')) return undefined;
        return { kind: entry.kind, ...(number ? { number } : {}), title };
    }
    return undefined;
}

// ---------------------------------------------------------------------------------------------
// The index: a run of entries after ÍNDICE / CONTENIDO, up to the first line that repeats one
// (the body's first heading) or is no entry (a paragraph).

/** An index entry folded: no numbering, no dot leaders, no page number. */
function entryKey(raw: string): string {
    return foldName(raw.replace(SECTION_NUMBER, '').replace(/(?:\s*\.{2,}|\s*…+)?\s*\d*\s*$/u, '').replace(/[\t]+\d+\s*$/u, ''));
}

function findIndex(text: string[], sections: Map<number, SectionHeading>): { start: number; end: number } | undefined {
    for (const [start, heading] of sections) {
        if (heading.kind !== 'index') continue;
        const seen = new Set<string>();
        let end = start + 1;
        for (; end < text.length && end - start < 300; end++) {
            const t = text[end].trim();
            const key = entryKey(t);
            if (key === '' || seen.has(key)) break;
            const words = t.split(/\s+/u).length;
            const entryShaped = words <= 16 && !/[;,]$/u.test(t) && (SECTION_NUMBER.test(t) || sections.has(end) || /\d\s*$/u.test(t) || words <= 12);
            if (!entryShaped) break;
            seen.add(key);
        }
        if (end > start + 1) return { start, end };
    }
    return undefined;
}

// ---------------------------------------------------------------------------------------------
// The Estructura orgánica list

/**
 * `A.`, `I.`, `I.1.` (with its depth: `romanSub2` for `I.1.2`), `1.`, a code of three or four
 * digits (`111.`, which says nothing of nesting by itself), `1.1` (with its depth), `a)`, a bullet.
 */
type MarkerKind = 'upper' | 'roman' | `romanSub${number}` | 'arabic' | 'code' | `decimal${number}` | 'lower' | 'bullet';

interface ListEntry {
    /** The marker as written, without its period (`A`, `I`, `I.1`, `a`), empty when the line has none. */
    marker: string;
    kind: MarkerKind;
    name: string;
    line: number;
    parent?: ListEntry;
    /** The body unit with this name. */
    unit?: ImportedUnit;
    /** The body sub-heading (a grouping) with this name. */
    group?: Group;
}

const LIST_MARK = /^\s*(?:([IVXLC]{1,7}(?:\.\d{1,3})+)\.?|(\d{1,3}(?:\.\d{1,3})+)\.?|([A-Z]{1,7})\.-?|(\d{3,4})(?:\.-|\.|\)|-)?|(\d{1,2})(?:\.-|\.|\))|([a-zñ])[.)]|([-–•·●▪]))\s+(?=\S)/u;

/**
 * Places the entries of an outline by their markers: a marker of a kind already open goes back to
 * that level, a new kind goes one level deeper ("A." → "I." → "I.1."). A single letter that is
 * also a Roman numeral (I, V, X, C…) is the next letter after the previous one, the next numeral
 * after the previous one, and a Roman one when it is "I".
 */
class Outline {
    readonly entries: ListEntry[] = [];
    private readonly stack: ListEntry[] = [];

    /** The kind of a marker written with upper-case letters, given what is open. */
    private letterKind(token: string): MarkerKind | undefined {
        const value = romanValue(token);
        if (token.length > 1) return value !== undefined ? 'roman' : undefined;
        if (value === undefined) return 'upper';
        const upper = this.stack.find(e => e.kind === 'upper');
        const roman = this.stack.find(e => e.kind === 'roman');
        if (upper && upper.marker.length === 1 && token.charCodeAt(0) === upper.marker.charCodeAt(0) + 1) return 'upper';
        if (roman && romanValue(roman.marker) !== undefined && romanValue(roman.marker)! + 1 === value) return 'roman';
        if (token === 'I') return 'roman';
        return upper ? 'upper' : 'roman';
    }

    /** Reads one line; returns its entry, or undefined when the line is no entry (prose). */
    add(raw: string, line: number): ListEntry | undefined {
        const m = LIST_MARK.exec(raw);
        let kind: MarkerKind | undefined;
        let marker = '';
        if (m) {
            marker = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? '';
            const depth = (numeral: string) => numeral.split('.').length - 1;
            kind = m[1] ? `romanSub${depth(m[1])}` : m[2] ? `decimal${depth(m[2])}` : m[3] ? this.letterKind(m[3])
                : m[4] ? 'code' : m[5] ? 'arabic' : m[6] ? 'lower' : 'bullet';
        }
        const rest = m && kind ? raw.slice(m[0].length) : raw;
        const name = cleanUnitName(normalizeSpace(rest));
        if (!kind) {
            // A name whose marker was lost: a sibling of the entry before.
            const previous = this.entries.at(-1);
            if (!previous || !looksLikeUnitName(name)) return undefined;
            kind = previous.kind;
            marker = '';
        }
        if (name === '' || !/^\p{Lu}/u.test(name)) return undefined;
        const level = this.stack.findIndex(e => e.kind === kind);
        const depth = level >= 0 ? level : this.stack.length;
        this.stack.length = depth;
        const entry: ListEntry = { marker, kind, name, line, ...(depth > 0 ? { parent: this.stack[depth - 1] } : {}) };
        this.stack.push(entry);
        this.entries.push(entry);
        return entry;
    }
}

/** A unit's name: starts with a capital, says no sentence, not too long. */
function looksLikeUnitName(name: string): boolean {
    return /^\p{Lu}/u.test(name) && !/[;:]$/u.test(name) && name.split(/\s+/u).length <= 25 && (kindOf(name) !== undefined || name === name.toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// Kinds: the language's table (federal kinds included), else the name's first word.

function kindOf(name: string): string | undefined {
    return kindFromName(name)?.kind;
}

// ---------------------------------------------------------------------------------------------
// Unit headings

interface UnitHeading {
    /** Index in `text` of the heading's first line. */
    start: number;
    /** Index of its `Objetivo:` or `Funciones:` label. */
    label: number;
    /** The numeral as written, without its period; absent when the heading has none (the unit cannot be placed). */
    numeral?: string;
}

function isHeadingName(text: string): boolean {
    const t = text.trim();
    return t !== '' && !/(?:[;:]|,\s*y)$/u.test(t) && !isClosingClause(t) && t.split(/\s+/u).length <= 30 && !isGluedLine(t);
}

/**
 * Unit headings: a line with a numeral followed, after at most three lines of a wrapped name, by
 * `Objetivo:` (or directly by `Funciones:`). An `Objetivo:` whose heading has no numeral still
 * starts a unit, which cannot be placed: its lines must not run into the unit before.
 */
function findUnitHeadings(text: string[], from: number, sections: Map<number, SectionHeading>): UnitHeading[] {
    const headings: UnitHeading[] = [];
    for (let k = from; k < text.length; k++) {
        if (isGluedLine(text[k])) continue;
        const objetivo = OBJETIVO_LABEL.test(text[k]);
        if (!objetivo && !FUNCIONES_LABEL.test(text[k])) continue;
        let found: UnitHeading | undefined;
        for (let back = 1; back <= 4 && k - back >= from; back++) {
            const t = text[k - back];
            if (sections.has(k - back) || isGluedLine(t)) break;
            const m = UNIT_MARK.exec(t);
            const numeral = m && (m[1] ?? m[2] ?? m[3] ?? m[4]);
            if (m && numeral && (!m[3] || romanValue(m[3]) !== undefined) && isHeadingName(t.slice(m[0].length))) {
                found = { start: k - back, label: k, numeral };
                break;
            }
            if (OBJETIVO_LABEL.test(t) || FUNCIONES_LABEL.test(t) || !isHeadingName(t) || ROMAN_ITEM.test(t) || NUMBERED_ITEM.test(t)) break;
        }
        if (found) headings.push(found);
        else if (objetivo) headings.push({ start: k > from && isHeadingName(text[k - 1]) && !sections.has(k - 1) && !ROMAN_ITEM.test(text[k - 1]) ? k - 1 : k, label: k });
    }
    return headings;
}

// ---------------------------------------------------------------------------------------------
// The parser

/** A sub-heading of Objetivos y funciones that groups units (`8.1. OFICINA DE LA PERSONA TITULAR…`). */
interface Group {
    number?: string;
    name: string;
    line: number;
    units: ImportedUnit[];
}

interface Context {
    manual: ImportedManual;
    content: SourceLine[];
    text: string[];
    headingAt: Map<number, UnitHeading>;
    sections: Map<number, SectionHeading>;
    /** Indices of the sub-headings of Objetivos y funciones. */
    groupAt: Set<number>;
    /** The number of the Objetivos y funciones section (`8`), if it has one. */
    bodyNumber?: string;
    /** The Estructura orgánica list, read before the body. */
    outline: Outline;
    notes: string[];
}

// Long because it is one pass over the manual's lines whose branches (section headings, the
// Estructura orgánica list, unit headings and sub-headings, prose, unrecognized and glued lines)
// share the pass's state (mode, current section, group, pending lines); split, that state would
// travel through every piece and the order of the branches, which decides, would be harder to see.
export function parseApf(lines: SourceLine[], fates: LineFate[]): ImportedManual {
    const content = dropFurniture(lines, fates);
    const text = content.map(l => stripMarkdown(l.text));
    const notes: string[] = [];
    const manual: ImportedManual = {
        profile: 'apf', institution: 'APF', title: '', acuerdos: [], sections: [], units: [], organigramas: [], listedNames: [], fates, notes
    };

    const sections = new Map<number, SectionHeading>();
    text.forEach((t, i) => { const s = sectionHeading(t); if (s) sections.set(i, s); });
    const index = findIndex(text, sections);
    if (index) for (let i = index.start + 1; i < index.end; i++) sections.delete(i);
    // The body: the last Objetivos y funciones heading (the index repeats the first).
    const bodyStart = [...sections].filter(([, s]) => s.kind === 'body').map(([i]) => i).at(-1);
    const bodyNumber = bodyStart !== undefined ? sections.get(bodyStart)!.number : undefined;
    const headings = findUnitHeadings(text, bodyStart ?? (index?.end ?? 0), sections);
    const outline = new Outline();
    const ctx: Context = {
        manual, content, text, headingAt: new Map(headings.map(h => [h.start, h])), sections, groupAt: new Set(), outline, notes,
        ...(bodyNumber !== undefined ? { bodyNumber } : {})
    };

    const groups: Group[] = [];
    let group: Group | undefined;
    let mode: SectionKind = 'prose';
    let section: ImportedSection | undefined;
    let bodySection: ImportedSection | undefined;
    let unrecognized: number[] = [];
    let gluedBetween: number[] = [];
    const flushUnrecognized = () => {
        if (unrecognized.length > 0) notes.push(`${lineRanges(unrecognized)}: texto entre unidades que no es encabezado, objetivo ni función; se conserva en «Texto sin reconocer».`);
        if (gluedBetween.length > 0) notes.push(`${lineRanges(gluedBetween)}: renglones con las dos columnas de una página del DOF pegadas, entre unidades; no se leyeron como unidades y se conservan en «Texto sin reconocer».`);
        unrecognized = [];
        gluedBetween = [];
    };

    let i = 0;
    while (i < content.length) {
        if (index && i === index.start) {
            section = { title: sections.get(i)?.title ?? stripMarkdown(text[i]).trim(), line: content[i].line, paragraphs: [] };
            manual.sections.push(section);
            for (let k = index.start; k < index.end; k++) {
                if (k > index.start) section.paragraphs.push({ text: joinLines([text[k]]), line: content[k].line });
                markKept(fates, content[k].line);
            }
            i = index.end;
            section = undefined;
            continue;
        }
        const heading = ctx.headingAt.get(i);
        if (heading) {
            flushUnrecognized();
            const unit = parseUnit(ctx, heading);
            if (unit && group) group.units.push(unit);
            i = unit ? endOfUnit(ctx, heading, unit) : skipUnplaced(ctx, heading);
            mode = 'body';
            continue;
        }
        const sectionHere = sections.get(i);
        if (sectionHere) {
            flushUnrecognized();
            section = { title: sectionHere.title, line: content[i].line, paragraphs: [] };
            manual.sections.push(section);
            markKept(fates, content[i].line);
            mode = sectionHere.kind === 'index' ? 'prose' : sectionHere.kind;
            if (mode === 'body') { bodySection = section; group = undefined; }
            i++;
            continue;
        }
        const raw = text[i];
        const l = content[i];
        if (mode === 'body') {
            if (isSubsection(ctx, i)) {
                flushUnrecognized();
                const sub = SUBSECTION.exec(raw);
                group = { ...(sub ? { number: `${sub[1]}.${sub[2]}` } : {}), name: cleanUnitName(sub ? sub[3] : stripListMark(raw)), line: l.line, units: [] };
                groups.push(group);
                ctx.groupAt.add(i);
                const target = bodySection ?? section;
                if (target) target.paragraphs.push({ text: joinLines([raw]), line: l.line });
                else keepUnrecognized(manual, l.line, raw);
                markKept(fates, l.line);
                i++;
                continue;
            }
            // Prose between the section's title and its first unit or sub-heading introduces the section.
            if (section && section === bodySection && groups.length === 0 && !manual.units.some(u => u.line > section!.line) && !isGluedLine(raw)) {
                const end = paragraphEnd(ctx, i);
                section.paragraphs.push({ text: joinLines(text.slice(i, end)), line: l.line });
                for (let k = i; k < end; k++) markKept(fates, content[k].line);
                i = end;
                continue;
            }
            keepUnrecognized(manual, l.line, raw);
            const mark = UNIT_MARK.exec(raw);
            if (!isGluedLine(raw) && mark && isHeadingName(raw.slice(mark[0].length))) {
                flushUnrecognized();
                notes.push(`línea ${l.line}: encabezado de unidad sin «Objetivo:» ni «Funciones:»${i + 1 >= content.length ? ' (el texto termina ahí: el manual parece cortado)' : ''}; no se lee como unidad y se conserva en «Texto sin reconocer».`);
            } else (isGluedLine(raw) ? gluedBetween : unrecognized).push(l.line);
            i++;
            continue;
        }
        if (!section) {
            section = { title: manual.units.length > 0 ? 'Texto posterior' : 'Preámbulo', line: l.line, paragraphs: [] };
            manual.sections.push(section);
        }
        if (mode === 'list') {
            if (isGluedLine(raw)) {
                keepUnrecognized(manual, l.line, raw);
                notes.push(`línea ${l.line}: renglón de la Estructura orgánica con dos columnas de la página pegadas; no se leyó como unidad.`);
                i++;
                continue;
            }
            section.paragraphs.push({ text: joinLines([raw]), line: l.line });
            markKept(fates, l.line);
            outline.add(raw, l.line);
            i++;
            continue;
        }
        const end = paragraphEnd(ctx, i);
        section.paragraphs.push({ text: joinLines(text.slice(i, end)), line: l.line });
        for (let k = i; k < end; k++) markKept(fates, content[k].line);
        i = end;
    }
    flushUnrecognized();

    qualifyRepeatedNumbers(manual.units, resolveParents(manual, outline.entries, groups, notes));
    for (const e of outline.entries) {
        if (!e.group) manual.listedNames.push({ text: e.name, line: e.line });
    }

    const info = findInstitution(
        text.slice(0, bodyStart ?? text.length),
        manual.units.find(u => u.parent === null)?.name
    );
    manual.institution = info.id;
    if (info.name) manual.institutionName = info.name;
    manual.title = info.title ?? coverTitle(text) ?? (info.name ? `Manual de Organización General de ${info.name}` : 'Manual de Organización General');
    manual.vigencia = findVigencia(lines, fates, text);
    notes.unshift(`Institución ${info.id}: ${info.source}.`);
    return manual;
}

function stripListMark(raw: string): string {
    return raw.replace(LIST_MARK, '').trim();
}

/** Consecutive lines of one paragraph: a line continues one that dangles or goes on in lowercase. */
function paragraphEnd(ctx: Context, start: number): number {
    const { text, content, sections, headingAt } = ctx;
    let end = start + 1;
    while (end < text.length && content[end].line === content[end - 1].line + 1 && !sections.has(end) && !headingAt.has(end)) {
        const previous = text[end - 1].trim();
        const next = text[end];
        if (DASH.test(next) || ROMAN_ITEM.test(next) || NUMBERED_ITEM.test(next) || LIST_MARK.test(next)) break;
        if (!/^\s*\p{Ll}/u.test(next) && !DANGLING.test(previous)) break;
        end++;
    }
    return end;
}

/** Reads a unit's heading and returns the unit (functions are read by `endOfUnit`). */
function parseUnit(ctx: Context, heading: UnitHeading): ImportedUnit | undefined {
    const { content, text, manual } = ctx;
    if (heading.numeral === undefined) return undefined;
    const m = UNIT_MARK.exec(text[heading.start])!;
    const nameParts = [text[heading.start].slice(m[0].length)];
    for (let k = heading.start + 1; k < heading.label; k++) nameParts.push(text[k]);
    for (let k = heading.start; k < heading.label; k++) markKept(manual.fates, content[k].line);
    const name = cleanUnitName(joinLines(nameParts));
    const guess = kindFromName(name);
    const unit: ImportedUnit = {
        number: heading.numeral.replace(/\.$/u, ''), name, parent: null, kind: kindOf(name) ?? fallbackKind(name),
        line: content[heading.start].line, functions: [],
        ...(guess?.generic ? { generic: true } : {}), ...(guess?.grouping ? { grouping: true } : {})
    };
    manual.units.push(unit);
    return unit;
}

/** "SECRETARIA DE ENERGÍA" → "Secretaria": the first word, as a name would write it. */
function fallbackKind(name: string): string {
    const first = name.split(/\s+/u)[0] ?? name;
    return first === first.toUpperCase() ? first[0] + first.slice(1).toLowerCase() : first;
}

/** Whether line `i` ends what a unit's objetivo or functions may hold. */
function stopsUnit(ctx: Context, i: number): boolean {
    return ctx.headingAt.has(i) || ctx.sections.has(i) || isSubsection(ctx, i);
}

/**
 * A sub-heading of Objetivos y funciones: a decimal number under the section's (`8.2.
 * SUBSECRETARÍA…`), or the name of a top entry of the Estructura orgánica ("A. OFICINA DE LA
 * PRESIDENCIA"), on a line of its own that is no unit heading.
 */
function isSubsection(ctx: Context, i: number): boolean {
    if (ctx.groupAt.has(i)) return true;
    const t = ctx.text[i];
    if (ctx.headingAt.has(i) || !isHeadingName(t)) return false;
    const sub = SUBSECTION.exec(t);
    if (sub) {
        // The section may be numbered in Roman numerals and its sub-headings in arabic (VI. → 6.1).
        const section = ctx.bodyNumber === undefined ? undefined : romanValue(ctx.bodyNumber) ?? Number(ctx.bodyNumber);
        return (Number(sub[1]) === section || (section === undefined && (sub[3] === sub[3].toUpperCase() || /\.\s*$/u.test(sub[3]))))
            && !/^\s*1(?:\.-|\.|\)|-)?\s+/u.test(ctx.text[i + 1] ?? '');
    }
    const name = foldName(stripListMark(t));
    return name !== '' && ctx.outline.entries.some(e => !e.parent && foldName(e.name) === name);
}

/** The objetivo and the functions of a unit; returns the index after them. */
function endOfUnit(ctx: Context, heading: UnitHeading, unit: ImportedUnit): number {
    const { content, text, manual, notes } = ctx;
    let i = heading.label;
    const where = `«${unit.name}» (línea ${unit.line})`;
    if (OBJETIVO_LABEL.test(text[i])) {
        markKept(manual.fates, content[i].line);
        const parts: Array<{ text: string; line: number }> = [];
        const first = text[i].replace(OBJETIVO_LABEL, '');
        if (first.trim() !== '') parts.push({ text: first, line: content[i].line });
        i++;
        for (; i < content.length && !stopsUnit(ctx, i) && !FUNCIONES_LABEL.test(text[i]); i++) {
            // A Roman-numbered list after a finished objetivo: the `Funciones:` label was lost.
            const roman = ROMAN_ITEM.exec(text[i]);
            if (roman && romanValue(roman[1]) === 1 && parts.length > 0 && /[.:]\s*$/u.test(parts.at(-1)!.text)) {
                notes.push(`${where}: sus funciones empiezan en la línea ${content[i].line} sin la etiqueta «Funciones:».`);
                break;
            }
            if (isGluedLine(text[i])) {
                keepUnrecognized(manual, content[i].line, text[i]);
                notes.push(`línea ${content[i].line}: renglón con dos columnas de la página pegadas en el objetivo de ${where}; se conserva en «Texto sin reconocer».`);
                continue;
            }
            parts.push({ text: text[i], line: content[i].line });
            markKept(manual.fates, content[i].line);
        }
        if (parts.length > 0) unit.objetivo = { text: joinLines(parts.map(p => p.text)), line: parts[0].line };
    }
    if (i < content.length && FUNCIONES_LABEL.test(text[i])) {
        markKept(manual.fates, content[i].line);
        i++;
    } else if (!(i < content.length && ROMAN_ITEM.test(text[i]) && !stopsUnit(ctx, i))) {
        notes.push(`${where}: no tiene «Funciones:»${i >= content.length ? '; el texto termina ahí' : ''}.`);
        return i;
    }
    return parseFunctions(ctx, i, unit);
}

type Style = 'roman' | 'arabic' | 'none';

/**
 * A unit's function list, up to the next unit heading, sub-heading or section. A numbered line
 * starts a function when its numeral is the next one, or a later one after a finished sentence
 * (numbers the extraction lost are reported); a lettered line starts an inciso; any other line
 * continues the function or inciso before (a page break splits paragraphs). A line whose page
 * columns were glued together is kept aside, and what follows it without a numeral cannot be
 * told apart from the other column: it is kept aside too, up to the next numbered function. A
 * list that starts again at I. belongs to a unit whose heading was not recognized.
 */
// Long because it is one state machine over a unit's lines (the expected numeral, the open
// function and inciso, the glued-column quarantine, the numbering style) whose cases read and
// set that state together; the comment above lists the cases in the order the code tries them.
function parseFunctions(ctx: Context, start: number, unit: ImportedUnit): number {
    const { content, text, manual, notes } = ctx;
    const list = new FunctionListBuilder(unit);
    const where = `«${unit.name}» (línea ${unit.line})`;
    let style: Style | undefined;
    let last = 0;
    let broken = false;
    let orphan = false;
    /** The list ended inside a glued line: what follows belongs to another unit. */
    let afterGlued = false;
    const aside = (i: number) => { keepUnrecognized(manual, content[i].line, text[i]); };
    const glued: number[] = [];
    const orphaned: number[] = [];
    const loose: number[] = [];

    let i = start;
    for (; i < content.length && !stopsUnit(ctx, i); i++) {
        const raw = text[i];
        const line = content[i].line;
        if (orphan) { aside(i); orphaned.push(line); continue; }
        if (isGluedLine(raw)) {
            aside(i);
            glued.push(line);
            list.finish();
            broken = true;
            // The other column may end this list or start another unit: what follows is then
            // another unit's, whose heading is lost. Else the numbering goes on after its numerals.
            const pieces = gluedPieces(raw);
            if (pieces.switched && !orphan) { orphan = true; afterGlued = true; }
            last = Math.max(last, pieces.highest);
            continue;
        }
        const open = list.current;
        const finished = open && !list.inItem && open.items.length === 0 && /[.]\s*$/u.test(list.lastPart!) && isClosingClause(list.currentText());
        const roman = ROMAN_ITEM.exec(raw);
        const arabic = NUMBERED_ITEM.exec(raw);
        const numeral = style !== 'arabic' && roman && romanValue(roman[1]) !== undefined
            ? { value: romanValue(roman[1])!, match: roman, style: 'roman' as const }
            : style !== 'roman' && arabic ? { value: Number(arabic[1]), match: arabic, style: 'arabic' as const } : undefined;
        const body = numeral ? raw.slice(numeral.match[0].length) : raw;
        const sentenceDone = !open || /(?:[.;:]|,\s*y)\s*$/u.test(list.lastPart ?? '');
        if (numeral && /^\p{Lu}/u.test(body) && (numeral.value === last + 1 || (numeral.value > last + 1 && (sentenceDone || broken)))) {
            if (numeral.value > last + 1) {
                const show = (n: number) => (numeral.style === 'roman' ? toRoman(n) : String(n));
                notes.push(`${where}: la numeración de sus funciones salta de ${last === 0 ? 'su inicio' : show(last)} a ${show(numeral.value)} (línea ${line}); ${numeral.value - last - 1 === 1 ? 'falta la función' : 'faltan las funciones'} ${show(last + 1)}${numeral.value - last - 1 > 1 ? ` a ${show(numeral.value - 1)}` : ''}.`);
            }
            list.startFunction(line, body, `${numeral.style === 'roman' ? roman![1] : arabic![1]}.`);
            style = numeral.style;
            last = numeral.value;
            broken = false;
        } else if (numeral && numeral.value === 1 && last > 1 && /^\p{Lu}/u.test(body)) {
            // The numbering starts again: the list of another unit whose heading was not recognized.
            list.finish();
            orphan = true;
            aside(i);
            orphaned.push(line);
            continue;
        } else if (finished && !/^\s*\p{Ll}/u.test(raw)) {
            // After the closing clause, a line that starts no function ends the list.
            break;
        } else if (open && !broken && LETTERED_ITEM.test(raw)) {
            const letter = LETTERED_ITEM.exec(raw)!;
            list.startItem(line, letter[1], raw.slice(letter[0].length));
        } else if (open && !broken && style === 'roman' && arabic && (list.inItem || open.items.length > 0 || /:\s*$/u.test(list.lastPart!))) {
            list.startItem(line, arabic[1], raw.slice(arabic[0].length));
        } else if (open && !broken && DASH.test(raw) && (list.inItem || open.items.length > 0 || /:\s*$/u.test(list.lastPart!))) {
            list.startItem(line, '-', raw.replace(DASH, ''));
        } else if (open && !broken && (style !== 'none' || (!DASH.test(raw) && (!/^\s*\p{Lu}/u.test(raw) || !/[.;]\s*$/u.test(list.lastPart!))))) {
            list.append(raw);
        } else if (!broken && (style === undefined || style === 'none') && /^\s*(?:[-–•·●▪]\s+)?\p{Lu}/u.test(raw)) {
            // A list whose numbers were lost: a paragraph per function.
            list.startFunction(line, raw.replace(DASH, ''));
            style = 'none';
        } else {
            aside(i);
            (broken ? glued : loose).push(line);
            continue;
        }
        markKept(manual.fates, line);
    }
    list.finish();
    if (glued.length > 0) {
        notes.push(`${where}: ${lineRanges(glued)} sin reconocer: renglones con las dos columnas de una página del DOF pegadas (y lo que los continúa sin número); no se leyeron como funciones ni como unidades y se conservan en «Texto sin reconocer».`);
    }
    if (loose.length > 0) {
        notes.push(`${where}: ${lineRanges(loose)} sin reconocer: texto de la lista de funciones que no empieza ninguna función ni continúa una; se conserva en «Texto sin reconocer».`);
    }
    if (orphaned.length > 0) {
        notes.push(afterGlued
            ? `${where}: su lista termina en una página cuyas dos columnas quedaron pegadas, donde empieza otra unidad; ${lineRanges(orphaned)} (lo que sigue hasta el próximo encabezado reconocido) quedan sin reconocer: son de una unidad cuyo encabezado no se pudo leer.`
            : `${where}: en la línea ${orphaned[0]} la numeración de funciones vuelve a empezar sin encabezado de unidad; ${lineRanges(orphaned)} quedan sin reconocer (el encabezado de esa unidad no se reconoció).`);
    }
    const final = unit.functions.at(-1);
    if (unit.functions.length === 0) {
        notes.push(`${where}: su lista de funciones está vacía.`);
    } else if (!final!.closing) {
        const cut = i >= content.length ? ' y el texto termina ahí: el manual parece cortado' : '';
        notes.push(`${where}: su lista de funciones no termina con la cláusula de cierre («Las demás…»); la última función empieza en la línea ${final!.line}${cut}.`);
    }
    return i;
}

/** An `Objetivo:` whose heading has no numeral: kept as unrecognized text, up to the next heading. */
function skipUnplaced(ctx: Context, heading: UnitHeading): number {
    const { content, text, manual, notes } = ctx;
    let i = heading.start;
    const skipped: number[] = [];
    do {
        keepUnrecognized(manual, content[i].line, text[i]);
        skipped.push(content[i].line);
        i++;
    } while (i < content.length && !stopsUnit(ctx, i));
    notes.push(`línea ${content[heading.start].line}: un «Objetivo:» sin encabezado de unidad con número o código; ${lineRanges(skipped)} se conservan en «Texto sin reconocer».`);
    return i;
}

// ---------------------------------------------------------------------------------------------
// Parents

/**
 * Parents. The Estructura orgánica list gives the tree: a unit hangs from the unit its entry's
 * parent entry names. A top entry of the list ("A. Oficina de la persona Titular de la
 * Secretaría") that the body repeats as a sub-heading groups units and is no unit: it stands for
 * the unit the sub-heading opens with (the Secretaría, 100) when that unit has no entry of its
 * own, so "I. Unidad de Asuntos Jurídicos" under "A." hangs from the Secretaría. A unit the list
 * does not place hangs where its code nests: a code that extends another's significant digits
 * (121 under 120, 111 under 100), a decimal code under the one without its last segment, a
 * lettered heading under the Roman-numbered one before it. The list and the codes are
 * cross-checked and every disagreement is reported.
 */
function resolveParents(manual: ImportedManual, entries: ListEntry[], groups: Group[], notes: string[]): Map<ImportedUnit, ImportedUnit | null> {
    const units = manual.units;
    linkEntries(units, entries, groups);
    const entryOf = new Map(entries.filter(e => e.unit).map(e => [e.unit!, e]));

    const codeParents = parentsFromCodes(units);
    // A list whose markers are the units' codes, or that never nests, says nothing of the tree.
    const nests = entries.some(e => e.parent);
    const parents = new Map<ImportedUnit, ImportedUnit | null>();
    for (const u of units) {
        const entry = entryOf.get(u);
        const fromCode = codeParents.get(u);
        if (entry && (!nests || entry.kind === 'code')) {
            parents.set(u, fromCode ?? null);
            continue;
        }
        if (!entry) {
            parents.set(u, fromCode ?? null);
            if (entries.length > 0) notes.push(`«${u.name}» (línea ${u.line}) no figura en la Estructura orgánica; ${fromCode ? `se adscribe a «${fromCode.name}» por su código` : 'queda como raíz'}.`);
            continue;
        }
        // A top entry is at the root; else the first entry above that names a unit of the body.
        if (!entry.parent) {
            parents.set(u, null);
            if (fromCode) notes.push(`«${u.name}» (línea ${u.line}): la Estructura orgánica la pone en su primer nivel y su código bajo «${fromCode.name}»; se sigue la Estructura orgánica.`);
            continue;
        }
        let above: ListEntry | undefined = entry.parent;
        while (above && !above.unit) {
            notes.push(`«${u.name}» (línea ${u.line}): su unidad superior en la Estructura orgánica, «${above.name}» (línea ${above.line}), no está en el cuerpo del manual${above.parent ? '' : fromCode ? `; se adscribe a «${fromCode.name}» por su código` : '; queda como raíz'}.`);
            above = above.parent;
        }
        if (!above) {
            parents.set(u, fromCode ?? null);
            continue;
        }
        parents.set(u, above.unit!);
        if (fromCode && above.unit !== fromCode) {
            notes.push(`«${u.name}» (línea ${u.line}): la Estructura orgánica la pone bajo «${above.unit!.name}» y su código bajo «${fromCode.name}»; se sigue la Estructura orgánica.`);
        }
    }
    return parents;
}

/**
 * Gives each entry of the Estructura orgánica the unit of the body it names: by name, else the
 * head of the group of that name; an «Oficina de la persona titular…» the first unit no entry names.
 */
function linkEntries(units: ImportedUnit[], entries: ListEntry[], groups: Group[]): void {
    const byName = new Map<string, ImportedUnit[]>();
    for (const u of units) byName.set(foldName(u.name), [...(byName.get(foldName(u.name)) ?? []), u]);
    const listed = new Set<ImportedUnit>();
    for (const e of entries) {
        const unit = (byName.get(foldName(e.name)) ?? []).find(u => !listed.has(u));
        if (unit) { e.unit = unit; listed.add(unit); }
    }
    for (const e of entries) {
        if (e.unit) continue;
        const g = groups.find(x => foldName(x.name) === foldName(e.name));
        if (!g) continue;
        e.group = g;
        const head = g.units[0];
        if (head && !listed.has(head)) { e.unit = head; listed.add(head); }
    }
    // "Oficina de la persona titular…" with no sub-heading in the body stands for the titular's
    // unit: the first unit of the body that no entry names (100 SECRETARÍA DE …).
    for (const e of entries) {
        if (e.unit || e.parent || !/^oficina\b/u.test(foldName(e.name))) continue;
        const head = units.find(u => !listed.has(u));
        if (head) { e.unit = head; e.group = { name: e.name, line: e.line, units: [head] }; listed.add(head); }
    }
}

/** Parents that the numerals themselves show. */
function parentsFromCodes(units: ImportedUnit[]): Map<ImportedUnit, ImportedUnit> {
    const out = new Map<ImportedUnit, ImportedUnit>();
    // Codes of digits: 121 under 120 (significant digits "12"), 111 under 100 ("1").
    const numeric = units.filter(u => /^\d{2,4}$/u.test(u.number));
    const significant = (code: string) => code.replace(/0+$/u, '') || '0';
    for (const u of numeric) {
        const own = significant(u.number);
        let best: ImportedUnit | undefined;
        for (const p of numeric) {
            if (p === u || p.number.length !== u.number.length) continue;
            const s = significant(p.number);
            if (s.length < own.length && u.number.startsWith(s) && (!best || s.length > significant(best.number).length)) best = p;
        }
        if (best) out.set(u, best);
    }
    // Decimal codes: 8.1.2 under 8.1.
    const byNumber = new Map(units.map(u => [u.number, u]));
    for (const u of units) {
        if (!/^\d+(?:\.\d+)+$/u.test(u.number)) continue;
        const parent = byNumber.get(u.number.split('.').slice(0, -1).join('.'));
        if (parent) out.set(u, parent);
    }
    // Roman numerals, "I.1" forms and letters, in document order: each kind nests under the kind above it.
    const stack: Array<{ kind: string; unit: ImportedUnit }> = [];
    for (const u of units) {
        const kind = /^[IVXLC]+\.\d+$/u.test(u.number) ? 'romanSub' : /^[IVXLC]+$/u.test(u.number) && u.number !== 'C' ? 'roman'
            : /^[a-zñ]$/u.test(u.number) ? 'lower' : /^[A-Z]$/u.test(u.number) ? 'upper' : undefined;
        if (!kind) continue;
        const level = stack.findIndex(s => s.kind === kind);
        stack.length = level >= 0 ? level : stack.length;
        const parent = kind === 'romanSub' ? units.find(p => p.number === u.number.split('.')[0]) : stack.at(-1)?.unit;
        if (parent && !out.has(u)) out.set(u, parent);
        stack.push({ kind, unit: u });
    }
    return out;
}

/**
 * Lettered headings start again under each Roman numeral: a numeral written by more than one unit
 * is qualified by its parent's number (`II.a`), shallow units first, so numbers stay unique. Then
 * each unit's parent is written as its parent's number.
 */
function qualifyRepeatedNumbers(units: ImportedUnit[], parents: Map<ImportedUnit, ImportedUnit | null>): void {
    const count = new Map<string, number>();
    for (const u of units) count.set(u.number, (count.get(u.number) ?? 0) + 1);
    if ([...count.values()].some(n => n > 1)) {
        const depth = (u: ImportedUnit): number => { let d = 0; for (let p = parents.get(u); p && d < 50; p = parents.get(p)) d++; return d; };
        const taken = new Set(units.filter(u => count.get(u.number) === 1).map(u => u.number));
        for (const u of [...units].sort((a, b) => depth(a) - depth(b))) {
            if (count.get(u.number) === 1) continue;
            const parent = parents.get(u);
            const written = u.number;
            const base = parent ? `${parent.number}.${written}` : written;
            let number = base;
            for (let n = 2; taken.has(number); n++) number = `${base}_${n}`;
            taken.add(number);
            if (number !== written) u.written = written;
            u.number = number;
        }
    }
    for (const u of units) u.parent = parents.get(u)?.number ?? null;
    for (const u of units) {
        if (u.functions.length === 0 && units.some(c => c.parent === u.number)) u.grouping = true;
    }
}

// ---------------------------------------------------------------------------------------------
// Title, vigencia

/** "MANUAL DE ORGANIZACIÓN GENERAL…" on the cover, as written. */
function coverTitle(text: string[]): string | undefined {
    const line = text.find(t => /^\s*Manual de Organizaci[oó]n\b/iu.test(t));
    return line ? normalizeSpace(line).replace(/\s*\.\s*$/u, '') : undefined;
}

/**
 * The date the manual enters into force: the one a transitorio states, or the day after the
 * publication (the date of the DOF page heads) when it says "al día siguiente de su publicación".
 */
function findVigencia(lines: SourceLine[], fates: LineFate[], text: string[]): string | undefined {
    const stated = text.filter(t => /entrar[áa]n? en vigor/iu.test(t)).map(t => parseSpanishDate(t)).filter((d): d is string => !!d).sort().at(-1);
    if (stated) return stated;
    if (!text.some(t => /entrar[áa]n? en vigor al d[íi]a siguiente de su publicaci[óo]n/iu.test(t))) return undefined;
    const head = lines.find(l => fates[l.line - 1]?.kind === 'dropped' && (fates[l.line - 1] as { rule: string }).rule === 'encabezado-dof');
    const published = head && parseSpanishDate(head.text);
    if (!published) return undefined;
    const next = new Date(`${published}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return next.toISOString().slice(0, 10);
}

/** "líneas 12-14, 20" */
function lineRanges(lines: number[]): string {
    const parts: string[] = [];
    for (let k = 0; k < lines.length; k++) {
        let end = k;
        while (end + 1 < lines.length && lines[end + 1] === lines[end] + 1) end++;
        parts.push(end > k ? `${lines[k]}-${lines[end]}` : `${lines[k]}`);
        k = end;
    }
    return `${lines.length === 1 ? 'línea' : 'líneas'} ${parts.join(', ')}`;
}
