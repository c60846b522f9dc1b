// IMSS manuals: numbered sections (1 Introducción … N Funciones Sustantivas), units as decimal
// outline headings under the Funciones section (`7.1.1.5.1.1`), functions numbered or as bullets
// whose glyph the extraction lost, lettered incisos, organigramas with a Vigencia date.

import { kindFromName } from '../language/kinds.js';
import { DASH_ITEM, FunctionListBuilder, LETTERED_ITEM, NUMBERED_ITEM } from './functions.js';
import type {
    ImportedFunction, ImportedManual, ImportedOrganigrama, ImportedSection, ImportedUnit, LineFate, Paragraph, SourceLine
} from './model.js';
import { collectAcuerdos, fallbackTitle, keepUnrecognized, markKept, unitHeadingName } from './shared.js';
import { continuesTitle, dropFurniture, isTitleLine, joinLines, parseSpanishDate, runningTitle, stripMarkdown } from './source.js';

// The sections the Norma prescribes for a manual de organización; a numbered line with one of
// these titles is a section heading wherever it appears.
const SECTION_TITLE = /^(?:Introducci[oó]n|Objetivos?|Antecedentes|Marco Jur[ií]dico|Atribuciones|Pol[ií]ticas|Organigramas?|Estructura Org[aá]nica|Funciones|Glosario|Misi[oó]n|Visi[oó]n|Anexos?|Descripci[oó]n de (?:Objetivos y )?Funciones)\b/iu;
const SECTION_HEADING = /^\s*(\d{1,2})(\.?)\s+(\p{Lu}[^.;:]*?)\s*$/u;
const OUTLINE_HEADING = /^\s*(\d{1,2}(?:\.\d{1,3})+)\.?\s+(\S.*)$/u;
const VIGENCIA = /^\s*Vigencia\s*:?\s*(.*)$/iu;
const BULLET_GLYPH = /^\s*[\u2022\u25cf\u25aa\u25e6\uf0b7\uf0a7\uf0d8·]\s*/u;
// A wrapped heading or title ends on a word that cannot end a name.
const DANGLING = /\b(?:de|del|la|las|los|el|y|e|a|al|con|en|para|por|sobre|entre)$/iu;
const CLAVE = /\bClave:\s*([A-Z0-9][A-Z0-9-]+)/u;

interface Heading { number: string; title: string; line: number; end: number }

export function parseImss(lines: SourceLine[], fates: LineFate[]): ImportedManual {
    const clave = lines.map(l => CLAVE.exec(l.text)?.[1]).find(Boolean);
    const content = dropFurniture(lines, fates);
    const { sections, functionsSection } = sectionHeadings(content);
    const manual: ImportedManual = {
        profile: 'imss', institution: 'IMSS', title: '', clave, acuerdos: [], sections: [], units: [],
        organigramas: [], listedNames: [], fates
    };
    readSections(content, manual, sections, functionsSection);
    manual.title = findTitle(content) ?? runningTitle(lines, fates) ?? fallbackTitle(manual.units[0]?.name);
    manual.acuerdos = collectAcuerdos(content);
    manual.vigencia = manual.organigramas.map(o => o.vigencia).filter(Boolean).sort().at(-1);
    return manual;
}

/**
 * Sections: a numbered heading with a prescribed title, or (before the Funciones section) any
 * short title whose number follows the previous section's.
 */
function sectionHeadings(content: SourceLine[]): { sections: Heading[]; functionsSection?: Heading } {
    const text = (i: number) => stripMarkdown(content[i].text);
    const sections: Heading[] = [];
    let functionsSection: Heading | undefined;
    for (let i = 0; i < content.length; i++) {
        const m = SECTION_HEADING.exec(text(i));
        if (!m) continue;
        const number = Number(m[1]);
        const title = m[3].trim();
        // "6 Organigrama" (no period) only with a prescribed title: a bare number may start a wrapped line.
        if (!m[2] && !SECTION_TITLE.test(title)) continue;
        const previous = sections.at(-1);
        const sequential = previous ? number === Number(previous.number) + 1 : true;
        // Extracts and partial manuals skip sections: a prescribed title only needs a higher number.
        const increasing = previous ? number > Number(previous.number) : true;
        const known = SECTION_TITLE.test(title);
        const titleLike = !functionsSection && sequential && title.split(/\s+/).length <= 6 && !DANGLING.test(title);
        if (!(known && increasing) && !(titleLike && (previous || number === 1))) continue;
        if (functionsSection && !known) continue;
        const heading = { number: m[1], title, line: content[i].line, end: i };
        sections.push(heading);
        if (/^(?:Funciones|Descripci[oó]n de (?:Objetivos y )?Funciones)/iu.test(title)) functionsSection = heading;
    }

    return { sections, functionsSection };
}

/**
 * The manual's text section by section: the Funciones section as units, the Organigrama as charts,
 * any other (or a markdown heading's) as paragraphs of prose; prose before the first heading goes
 * to a preamble.
 */
function readSections(content: SourceLine[], manual: ImportedManual, sections: Heading[], functionsSection: Heading | undefined): void {
    const fates = manual.fates;
    const sectionStart = new Map(sections.map(s => [s.end, s]));
    let preamble: ImportedSection | undefined;
    let current: ImportedSection | undefined;
    let i = 0;
    while (i < content.length) {
        const heading = sectionStart.get(i);
        if (heading) {
            markKept(fates, content[i].line);
            i++;
            if (heading === functionsSection) {
                const next = sections[sections.indexOf(heading) + 1];
                const stop = next ? next.end : content.length;
                parseUnits(content.slice(i, stop), manual, heading.number);
                i = stop;
                current = undefined;
                continue;
            }
            current = { title: heading.title, line: heading.line, paragraphs: [] };
            manual.sections.push(current);
            if (/^Organigrama/iu.test(heading.title)) {
                const next = sections[sections.indexOf(heading) + 1];
                const stop = next ? next.end : content.length;
                parseOrganigramas(content.slice(i, stop), manual, current);
                i = stop;
            }
            continue;
        }
        const markdownHeading = /^\s*#{1,6}\s+(.*)$/u.exec(content[i].text);
        if (markdownHeading) {
            current = { title: joinLines([stripMarkdown(markdownHeading[1])]), line: content[i].line, paragraphs: [] };
            manual.sections.push(current);
            markKept(fates, content[i].line);
            i++;
            continue;
        }
        if (!current) {
            preamble ??= { title: 'Preámbulo', line: content[i].line, paragraphs: [] };
            if (!manual.sections.includes(preamble)) manual.sections.unshift(preamble);
            current = preamble;
        }
        const end = proseParagraphEnd(content, i);
        current.paragraphs.push({ text: joinLines(content.slice(i, end).map(l => stripMarkdown(l.text))), line: content[i].line });
        for (let k = i; k < end; k++) markKept(fates, content[k].line);
        i = end;
    }
}

/**
 * A prose paragraph ends at a line that starts a new one (an indented capital where a bullet was
 * lost, a bullet glyph, a numbered item, a markdown heading) or at a blank gap, unless the gap
 * falls mid-sentence: a page break splits a paragraph whose next line starts in lowercase.
 */
function proseParagraphEnd(content: SourceLine[], start: number): number {
    let end = start + 1;
    while (end < content.length && !startsParagraph(content[end].text)) {
        const adjacent = content[end].line === content[end - 1].line + 1;
        const midSentence = !/[.:;)”"]\s*$/u.test(content[end - 1].text) && /^\s*\p{Ll}/u.test(content[end].text);
        if (!adjacent && !midSentence) break;
        end++;
    }
    return end;
}

function startsParagraph(raw: string): boolean {
    return /^\s+\p{Lu}/u.test(raw) || BULLET_GLYPH.test(raw) || NUMBERED_ITEM.test(raw) || LETTERED_ITEM.test(raw)
        || /^\s*(?:#|\*\*)/u.test(raw);
}

/**
 * The manual's own title: an all-caps "MANUAL DE ORGANIZACIÓN…" line, joined with the lines that
 * continue it when the PDF wrapped it (up to three lines in all): a line that `continuesTitle`, or
 * a title-shaped line right below it that does not start another heading of a cover (a unit's name,
 * the institution, a label such as "VIGENCIA").
 */
function findTitle(content: SourceLine[]): string | undefined {
    for (let i = 0; i < content.length; i++) {
        const t = stripMarkdown(content[i].text).trim();
        if (!/^MANUAL DE ORGANIZACI[ÓO]N\b/u.test(t) || t !== t.toUpperCase()) continue;
        const parts = [t];
        for (let k = i + 1; k < content.length && parts.length < 3; k++) {
            const next = stripMarkdown(content[k].text).trim();
            const below = content[k].line === content[k - 1].line + 1 && !/[.;]$/u.test(parts.at(-1)!)
                && isTitleLine(next) && !COVER_LINE.test(next) && !SECTION_TITLE.test(next);
            if (!continuesTitle(parts.at(-1)!, next) && !below) break;
            parts.push(next);
        }
        return joinLines(parts);
    }
    return undefined;
}

// Lines of a cover that stand on their own below the title: a unit's or the institution's name,
// a label, a date.
const COVER_LINE = /^(?:(?:SUB)?DIRECCI[ÓO]N|(?:SUB)?COORDINACI[ÓO]N|UNIDAD|(?:SUB)?JEFATURA|DIVISI[ÓO]N|DEPARTAMENTO|(?:SUB)?DELEGACI[ÓO]N|[ÓO]RGANO|(?:PRO|SUB)?SECRETAR[ÍI]A|TESORER[ÍI]A|INSTITUTO|GOBIERNO|VIGENCIA|CLAVE|FECHA|AUTORIZACI[ÓO]N|ACTUALIZACI[ÓO]N|REVISI[ÓO]N|EDICI[ÓO]N|VERSI[ÓO]N|HOJA|P[ÁA]GINA|ELABOR[ÓO]|[ÍI]NDICE|CONTENIDO|MOVIMIENTO|ENERO|FEBRERO|MARZO|ABRIL|MAYO|JUNIO|JULIO|AGOSTO|SEPTIEMBRE|OCTUBRE|NOVIEMBRE|DICIEMBRE)(?![\p{L}\p{N}])/u;

function parseOrganigramas(lines: SourceLine[], manual: ImportedManual, section: ImportedSection): void {
    let chart: ImportedOrganigrama | undefined;
    for (let i = 0; i < lines.length; i++) {
        const t = stripMarkdown(lines[i].text);
        const heading = OUTLINE_HEADING.exec(t);
        const vigencia = VIGENCIA.exec(t);
        if (heading) {
            const { name, consumed } = unitHeadingName(heading[2], lines, i, isHeadingContinuation);
            chart = { number: heading[1], title: name, line: lines[i].line };
            manual.organigramas.push(chart);
            manual.listedNames.push({ text: name, line: lines[i].line });
            for (let k = i; k <= i + consumed; k++) markKept(manual.fates, lines[k].line);
            i += consumed;
        } else if (vigencia) {
            chart ??= pushChart(manual, section);
            chart.vigencia = parseSpanishDate(vigencia[1]) ?? chart.vigencia;
            section.paragraphs.push({ text: joinLines([t]), line: lines[i].line });
            markKept(manual.fates, lines[i].line);
            chart = chart.number ? undefined : chart;
        } else {
            section.paragraphs.push({ text: joinLines([t]), line: lines[i].line });
            markKept(manual.fates, lines[i].line);
        }
    }
}

function pushChart(manual: ImportedManual, section: ImportedSection): ImportedOrganigrama {
    const chart = { title: section.title, line: section.line };
    manual.organigramas.push(chart);
    return chart;
}

/** A line continues a wrapped heading when the heading ends on a connector or the line is a short name fragment. */
function isHeadingContinuation(name: string, next: string): boolean {
    const t = next.trim();
    if (t === '' || NUMBERED_ITEM.test(next) || LETTERED_ITEM.test(next) || BULLET_GLYPH.test(next) || VIGENCIA.test(t) || OUTLINE_HEADING.test(t)) return false;
    if (DANGLING.test(name.trim())) return true;
    return /^\p{Lu}/u.test(t) && t.split(/\s+/).length <= 4 && !/[.;:,]$/u.test(t) && !/^\s+\p{Lu}\p{Ll}+(?:ar|er|ir)\b/u.test(next);
}

function parseUnits(lines: SourceLine[], manual: ImportedManual, sectionNumber: string): void {
    const prefix = sectionNumber + '.';
    let unit: ImportedUnit | undefined;
    let body: SourceLine[] = [];
    const flush = () => { if (unit) parseFunctions(body, unit, manual); body = []; };
    for (let i = 0; i < lines.length; i++) {
        const t = stripMarkdown(lines[i].text);
        const heading = OUTLINE_HEADING.exec(t);
        if (heading && heading[1].startsWith(prefix)) {
            flush();
            const { name, consumed } = unitHeadingName(heading[2], lines, i, isHeadingContinuation);
            for (let k = i; k <= i + consumed; k++) markKept(manual.fates, lines[k].line);
            const guess = kindFromName(name);
            unit = {
                number: heading[1], name, parent: null, kind: guess?.kind ?? name.split(/\s+/)[0], line: lines[i].line, functions: [],
                ...(guess?.generic ? { generic: true } : {}), ...(guess?.grouping ? { grouping: true } : {})
            };
            manual.units.push(unit);
            i += consumed;
            continue;
        }
        if (unit) body.push(lines[i]);
        else {
            // Text between the Funciones heading and the first unit: keep it, flagged.
            keepUnrecognized(manual, lines[i].line, t);
        }
    }
    flush();
    const numbers = new Set(manual.units.map(u => u.number));
    for (const u of manual.units) {
        const parentNumber = u.number.split('.').slice(0, -1).join('.');
        u.parent = numbers.has(parentNumber) ? parentNumber : null;
    }
    for (const u of manual.units) {
        if (u.functions.length === 0 && manual.units.some(c => c.parent === u.number)) u.grouping = true;
    }
}

/**
 * A unit's function list. Numbered lists start a function only at the next expected number (so a
 * wrapped line starting "76 de la Ley…" continues the text). Bullet lists whose glyph was lost
 * start a function at an indented capital, as the extraction leaves the bullet's indent.
 */
function parseFunctions(lines: SourceLine[], unit: ImportedUnit, manual: ImportedManual): void {
    const first = lines[0] && NUMBERED_ITEM.exec(lines[0].text);
    const numbered = !!first && Number(first[1]) === 1;
    const list = new FunctionListBuilder(unit);
    for (const l of lines) {
        const raw = stripMarkdown(l.text);
        const num = NUMBERED_ITEM.exec(raw);
        const letter = LETTERED_ITEM.exec(raw);
        const open = list.current;
        if (numbered ? num && Number(num[1]) === unit.functions.length + 1 : !letter && (BULLET_GLYPH.test(raw) || /^\s+\p{Lu}/u.test(raw) || !open)) {
            if (numbered && num) list.startFunction(l.line, raw.slice(num[0].length), num[1] + '.');
            else list.startFunction(l.line, raw.replace(BULLET_GLYPH, ''));
        } else if (open && letter && isNextLetter(open, letter[1])) {
            list.startItem(l.line, letter[1], raw.slice(letter[0].length));
        } else if (open && DASH_ITEM.test(raw)) {
            list.startItem(l.line, '-', raw.replace(DASH_ITEM, ''));
        } else if (!list.append(raw)) {
            keepUnrecognized(manual, l.line, raw);
            continue;
        }
        markKept(manual.fates, l.line);
    }
    list.finish();
}

function isNextLetter(f: ImportedFunction, letter: string): boolean {
    const last = f.items.filter(i => i.label !== '-').at(-1);
    const expected = last ? String.fromCharCode(last.label.charCodeAt(0) + 1) : 'a';
    return letter === expected || (expected === 'n' && letter === 'ñ') || (last?.label === 'ñ' && letter === 'o');
}

export type { Paragraph };
