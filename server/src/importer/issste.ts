// ISSSTE manuals (Normateca format): the DOF Acuerdos that issue and amend the manual, fichas
// técnicas and cédulas de actualización, an index, roman-numbered sections (I. Introducción …
// V. Diagrama de Organización), then every unit as a coded heading (`5.3.0.1 Departamento de…`)
// followed by `Objetivo:` and a numbered `Funciones:` list. Codes are independent of the section
// numbers, `.0.` marks staff units attached to the unit above, and document order is not code
// order. Amendments are appended where they were published (the 10.1 part), and the transitorios
// of the Acuerdos may follow the last unit.

import { isClosingClause } from '../language/closing-clause.js';
import { kindFromName, type KindGuess } from '../language/kinds.js';
import { foldName, normalizeSpace } from '../language/text-keys.js';
import { FunctionListBuilder, LETTERED_ITEM, NUMBERED_ITEM } from './functions.js';
import type {
    ImportedManual, ImportedOrganigrama, ImportedSection, ImportedUnit, LineFate, SourceLine
} from './model.js';
import { cleanUnitName, fallbackTitle, keepUnrecognized, markKept } from './shared.js';
import { dropFurniture, joinLines, parseSpanishDate, runningTitle, stripMarkdown } from './source.js';

/** A unit code at the start of a line: `1.`, `1.1`, `10.1.`, `5.3.0.1`; group 1 is the code without the final period. */
const UNIT_CODE = /^\s*(\d{1,2}(?:\.\d{1,2}){0,6})\.?\s+(?=\p{Lu})/u;
/** `Objetivo:` alone on its line, or followed by the objetivo's first words. */
const OBJETIVO = /^\s*Objetivo\s*:\s*/iu;
const FUNCIONES = /^\s*Funciones\s*:\s*$/iu;
/** A listed unit name: an optional list dash, the code, the name, an optional page number after a tab. */
const LISTED_UNIT = /^\s*(?:[-–•]\s+)?(\d{1,2}(?:\.\d{1,2}){0,6})\.?\s+(\p{Lu}[^\t]*?)\s*(?:\t\s*\d*\s*)?$/u;
const ROMAN_HEADING = /^\s*(X{0,2}(?:IX|IV|V?I{0,3}))\.\s+(\p{Lu}[^\t;]{0,80}?)\.?\s*$/u;
const ACUERDO_HEADING = /^\s*(?:ACUERDO|Acuerdo) por (?:el|la) que\b/u;
const NORMATECA_HEADING = /^\s*(?:FICHA TÉCNICA|CÉDULA DE ACTUALIZACIÓN|Contenido|CONTENIDO|TRANSITORIOS DEL ACUERDO\b.*)\s*$/u;
/** A dash or bullet the extraction put before a list line; what follows may be a function, an inciso or a continuation. */
const LIST_DASH = /^\s*[-–•]\s+/u;
/** "10.10. Elaborar…": a function number the extraction doubled. */
const DOUBLED_NUMBER = /^\s*(\d{1,3})\.\1\.\s+(?=\S)/u;
const SUPERSCRIPTS = /[\u00b9\u00b2\u00b3\u2070-\u2079]+/gu;
/** "(Nombre propuesto: …)" after a unit's name: a note, not part of the name. */
const PROPOSED_NAME = /\s*\(\s*nombre propuesto\s*:\s*([^)]*?)\.?\s*\)\s*\.?\s*$/iu;
// A wrapped heading or title ends on a word that cannot end a name.
const DANGLING = /(?:(?<!\p{L})(?:de|del|la|las|los|el|y|e|a|al|con|en|para|por|sobre|entre|que)|,)$/iu;
const VIGENCIA_LINE = /\bVIGENCIA\s*:\s*(.*)$/iu;

interface UnitHeading {
    /** Index in `content` of the code line. */
    start: number;
    /** Index in `content` of the `Objetivo:` line. */
    objetivo: number;
    /** The code; absent when the heading before an `Objetivo:` has none (the unit cannot be placed). */
    number?: string;
}

export function parseIssste(lines: SourceLine[], fates: LineFate[]): ImportedManual {
    const content = dropFurniture(lines, fates);
    const manual: ImportedManual = {
        profile: 'issste', institution: 'ISSSTE', title: '', acuerdos: [], sections: [], units: [],
        organigramas: [], listedNames: [], fates
    };
    const headings = findUnitHeadings(content);
    const headingAt = new Map(headings.map(h => [h.start, h]));
    const prose = new ProseReader(manual);
    const kinds = new Map<string, KindGuess | undefined>();

    let i = 0;
    while (i < content.length) {
        const heading = headingAt.get(i);
        if (heading) {
            i = parseUnit(content, heading, headingAt, manual, kinds);
            prose.afterBody();
            continue;
        }
        i = prose.read(content, i);
    }

    resolveParents(manual.units);
    manual.organigramas = prose.organigramas();
    manual.title = findTitle(lines) ?? runningTitle(lines, fates) ?? fallbackTitle(manual.units[0]?.name);
    manual.vigencia = findVigencia(content);
    return manual;
}

/**
 * Unit headings: a line that starts with a code, followed (after the lines of a wrapped name) by
 * `Objetivo:`. Every ISSSTE unit states its Objetivo, which tells a heading from a numbered
 * function or an entry of the Estructura Orgánica list.
 */
function findUnitHeadings(content: SourceLine[]): UnitHeading[] {
    const headings: UnitHeading[] = [];
    for (let k = 0; k < content.length; k++) {
        if (!OBJETIVO.test(stripMarkdown(content[k].text))) continue;
        let found: UnitHeading | undefined;
        for (let back = 1; back <= 4 && k - back >= 0; back++) {
            const text = stripMarkdown(content[k - back].text);
            const m = UNIT_CODE.exec(text);
            if (m && isHeadingName(text.slice(m[0].length))) {
                found = { start: k - back, objetivo: k, number: m[1] };
                break;
            }
            if (FUNCIONES.test(text) || OBJETIVO.test(text) || NUMBERED_ITEM.test(text) || !isHeadingName(text)) break;
        }
        // An Objetivo whose heading has no code: its unit cannot be placed, but its text must
        // not run into the functions of the unit before.
        headings.push(found ?? { start: Math.max(0, k - 1), objetivo: k });
    }
    return headings;
}

/** A heading's name (or a line of it) does not end like a function or a list entry. */
function isHeadingName(text: string): boolean {
    const t = text.trim();
    return t !== '' && !/(?:[;:]|,\s*y)$/u.test(t) && !isClosingClause(t);
}

/** Reads one unit (heading, objetivo, functions) and returns the index after it. */
function parseUnit(
    content: SourceLine[], heading: UnitHeading, headingAt: Map<number, UnitHeading>, manual: ImportedManual, kinds: Map<string, KindGuess | undefined>
): number {
    const { fates } = manual;
    if (heading.number === undefined) return skipUnplaced(content, heading, headingAt, manual);
    const nameParts = [stripMarkdown(content[heading.start].text).replace(UNIT_CODE, '')];
    for (let k = heading.start; k < heading.objetivo; k++) markKept(fates, content[k].line);
    for (let k = heading.start + 1; k < heading.objetivo; k++) nameParts.push(stripMarkdown(content[k].text));
    // A proposed name is a note on the heading: the unit keeps its registered name and the
    // proposal is listed, so the report shows it as a name without a unit.
    const { name, proposed } = splitProposedName(cleanUnitName(joinLines(nameParts).replace(SUPERSCRIPTS, '')));
    if (proposed) manual.listedNames.push({ text: proposed, line: content[heading.start].line });
    // Many units share a name (every Coordinación Administrativa has a Departamento de Recursos
    // Humanos): guess each name's kind once.
    if (!kinds.has(name)) kinds.set(name, kindFromName(name));
    const guess = kinds.get(name);
    const unit: ImportedUnit = {
        number: heading.number, name, parent: null, kind: guess?.kind ?? fallbackKind(name), line: content[heading.start].line, functions: [],
        ...(guess?.generic ? { generic: true } : {}), ...(guess?.grouping ? { grouping: true } : {})
    };
    manual.units.push(unit);

    // Objetivo: everything up to `Funciones:` (or the next heading when a unit has no functions).
    markKept(fates, content[heading.objetivo].line);
    const first = stripMarkdown(content[heading.objetivo].text).replace(OBJETIVO, '');
    const objetivo: Array<{ text: string; line: number }> = first.trim() !== '' ? [{ text: first, line: content[heading.objetivo].line }] : [];
    let i = heading.objetivo + 1;
    while (i < content.length && !FUNCIONES.test(stripMarkdown(content[i].text)) && !headingAt.has(i)
        && !(isProseHeading(content[i].text) && (objetivo.length === 0 || /[.;:]\s*$/u.test(objetivo[objetivo.length - 1].text)))) {
        objetivo.push({ text: stripMarkdown(content[i].text), line: content[i].line });
        markKept(fates, content[i].line);
        i++;
    }
    if (objetivo.length > 0) unit.objetivo = { text: joinLines(objetivo.map(l => l.text)), line: objetivo[0].line };
    if (i < content.length && FUNCIONES.test(stripMarkdown(content[i].text))) {
        markKept(fates, content[i].line);
        i = parseFunctions(content, i + 1, headingAt, unit, manual);
    }
    return i;
}

/**
 * A heading without a code, its objetivo and functions: kept as unrecognized text, up to the
 * next heading or the end of the body.
 */
function skipUnplaced(content: SourceLine[], heading: UnitHeading, headingAt: Map<number, UnitHeading>, manual: ImportedManual): number {
    let i = heading.start;
    do {
        keepUnrecognized(manual, content[i].line, stripMarkdown(content[i].text));
        i++;
    } while (i < content.length && !headingAt.has(i) && !isProseHeading(content[i].text));
    return i;
}

/**
 * A unit's function list, up to the next unit heading or the end of the body. A numbered line
 * starts a function; a lettered line (`a)`, `- a)`) an inciso of the function before; a dash line
 * an item when the function before introduces a list (ends with a colon) or already has items, a
 * function whose number the extraction lost otherwise, and a continuation when its text goes on
 * in lowercase (a page break the extraction turned into a dash). Any other line continues the
 * function or inciso before: paragraphs split by page breaks are joined again.
 */
function parseFunctions(content: SourceLine[], start: number, headingAt: Map<number, UnitHeading>, unit: ImportedUnit, manual: ImportedManual): number {
    const list = new FunctionListBuilder(unit);

    let i = start;
    for (; i < content.length && !headingAt.has(i); i++) {
        const l = content[i];
        const raw = stripMarkdown(l.text);
        // A section heading ends the body, unless it continues an unfinished function ("…en
        // términos del" / "Acuerdo por el que se emiten…").
        const open = list.current;
        if (isProseHeading(raw) && !(open && !/[.;:]\s*$|,\s*y\s*$/u.test(list.lastPart!))) break;
        // After a finished closing clause, a line that starts no function ends the body.
        if (open && !list.inItem && open.items.length === 0 && !NUMBERED_ITEM.test(raw) && !LIST_DASH.test(raw) && !/^\s*\p{Ll}/u.test(raw)
            && /[.]\s*$/u.test(list.lastPart!) && isClosingClause(list.currentText())) break;

        const dash = LIST_DASH.exec(raw);
        const rest = dash ? raw.slice(dash[0].length) : raw;
        const doubled = DOUBLED_NUMBER.exec(rest);
        const num = doubled ?? NUMBERED_ITEM.exec(rest);
        const letter = LETTERED_ITEM.exec(rest);
        if (num && isFunctionNumber(num, rest, unit)) {
            list.startFunction(l.line, rest.slice(num[0].length), num[1] + '.');
        } else if (open && letter) {
            list.startItem(l.line, letter[1], rest.slice(letter[0].length));
        } else if (dash && /^\p{Ll}/u.test(rest) && open) {
            list.append(rest);
        } else if (dash && open && (list.inItem || open.items.length > 0 || /:\s*$/u.test(list.lastPart!))) {
            list.startItem(l.line, '-', rest);
        } else if (dash) {
            list.startFunction(l.line, rest);
        } else if (!list.append(raw)) {
            keepUnrecognized(manual, l.line, raw);
            continue;
        }
        markKept(manual.fates, l.line);
    }
    list.finish();
    return i;
}

/**
 * A numbered line starts a function when its number is the next one (even if the extraction lost
 * the start of its text: "8. poder del Instituto…"), or when it is written with its period and
 * its text starts like a function: the source's numbering has glitches. A number without a
 * period ("76 de la Ley…") only starts a function when it is the next one and a capital follows.
 */
function isFunctionNumber(num: RegExpExecArray, rest: string, unit: ImportedUnit): boolean {
    const text = rest.slice(num[0].length);
    const n = Number(num[1]);
    const expected = unit.functions.length + 1;
    const punctuated = /^\s*\d{1,3}(?:\.\d{1,3})?(?:\.-|\.|\))/u.test(rest);
    if (!punctuated) return n === expected && /^\p{Lu}/u.test(text);
    return n === expected || (/^\p{Lu}/u.test(text) && n >= 1 && n <= expected + 1);
}

/** "Departamento de Redacción. (Nombre propuesto: Departamento de Redacción e Información.)" */
function splitProposedName(text: string): { name: string; proposed?: string } {
    const m = PROPOSED_NAME.exec(text);
    if (!m) return { name: text };
    return { name: cleanUnitName(text.slice(0, m.index)), ...(m[1] ? { proposed: cleanUnitName(m[1]) } : {}) };
}

function fallbackKind(name: string): string {
    return name.split(/\s+/u)[0] ?? name;
}

/** Parents from the codes: drop the last segment, then the `.0` that marks staff units. */
function resolveParents(units: ImportedUnit[]): void {
    const numbers = new Set(units.map(u => u.number));
    for (const u of units) {
        const segments = u.number.split('.');
        segments.pop();
        while (segments.length > 0 && segments[segments.length - 1] === '0') segments.pop();
        const parent = segments.join('.');
        u.parent = parent !== '' && numbers.has(parent) ? parent : null;
    }
    for (const u of units) {
        if (u.functions.length === 0 && units.some(c => c.parent === u.number)) u.grouping = true;
    }
}

/** Headings that start a prose section, and end a unit's function list when the body is over. */
function isProseHeading(raw: string): boolean {
    const t = stripMarkdown(raw).trim();
    if (t.includes('\t')) return false;
    return (ROMAN_HEADING.test(t) && ROMAN_HEADING.exec(t)![1] !== '') || ACUERDO_HEADING.test(t) || NORMATECA_HEADING.test(t);
}

/**
 * The front and back matter as sections of paragraphs. A section starts at a roman-numbered
 * heading (`III. Marco Jurídico.`), at the title of an Acuerdo (`Acuerdo por el que se expide…`)
 * or at a Normateca heading (Ficha Técnica, Cédula de Actualización, Contenido, Transitorios).
 * In the index, the Estructura Orgánica and the Diagrama de Organización, lines naming units are
 * also listed names.
 */
class ProseReader {
    private current: ImportedSection | undefined;
    private chart: ImportedOrganigrama | undefined;
    private readonly charts: ImportedOrganigrama[] = [];

    constructor(private readonly manual: ImportedManual) {}

    /** After a unit: whatever prose follows belongs to a new section. */
    afterBody(): void {
        this.current = undefined;
        this.chart = undefined;
    }

    read(content: SourceLine[], i: number): number {
        const l = content[i];
        const raw = stripMarkdown(l.text);
        if (isProseHeading(raw)) {
            let end = i + 1;
            const parts = [raw];
            // A title wrapped over lines: "…Trabajadores del Estado," / "en la parte relativa a…".
            while (end < content.length && end - i < 4 && content[end].line === content[end - 1].line + 1
                && (DANGLING.test(joinLines(parts)) || /^\s*\p{Ll}/u.test(content[end].text)) && !isProseHeading(content[end].text)) {
                parts.push(stripMarkdown(content[end].text));
                end++;
            }
            const title = sectionTitle(joinLines(parts));
            this.current = { title, line: l.line, paragraphs: [] };
            this.manual.sections.push(this.current);
            this.chart = undefined;
            for (let k = i; k < end; k++) markKept(this.manual.fates, content[k].line);
            return end;
        }
        if (!this.current) {
            this.current = { title: this.manual.units.length > 0 ? 'Texto posterior' : 'Preámbulo', line: l.line, paragraphs: [] };
            this.manual.sections.push(this.current);
        }
        const end = paragraphEnd(content, i);
        const text = joinLines(content.slice(i, end).map(x => stripMarkdown(x.text)));
        this.current.paragraphs.push({ text, line: l.line });
        for (let k = i; k < end; k++) markKept(this.manual.fates, content[k].line);
        if (/^(?:Contenido|Estructura Orgánica|Diagrama de Organización)$/iu.test(this.current.title)) this.listNames(content, i, end, text);
        return end;
    }

    private listNames(content: SourceLine[], i: number, end: number, text: string): void {
        const line = content[i].line;
        // Entries may be in italics ("- 7.1.1.1 *Departamento de…*").
        const listed = end === i + 1 ? LISTED_UNIT.exec(stripMarkdown(content[i].text).replace(/\*/gu, '')) : null;
        if (listed) {
            const { name, proposed } = splitProposedName(cleanUnitName(listed[2].replace(SUPERSCRIPTS, '')));
            if (name !== '') this.manual.listedNames.push({ text: name, line });
            if (proposed) this.manual.listedNames.push({ text: proposed, line });
            return;
        }
        if (!/^Diagrama/iu.test(this.current!.title)) return;
        const vigencia = VIGENCIA_LINE.exec(text);
        if (vigencia) {
            const date = parseSpanishDate(vigencia[1]);
            if (this.chart && date && !this.chart.vigencia) this.chart.vigencia = date;
            return;
        }
        // An organigram's caption: the unit it draws, in capitals, shortly before its VIGENCIA or
        // "ESTRUCTURA ACTUAL / PROPUESTA" (a unit named in a signature block is not a caption).
        if (text !== text.toUpperCase() || /\bINSTITUTO\b/u.test(text) || !kindFromName(text)) return;
        const name = normalizeSpace(text);
        this.manual.listedNames.push({ text: name, line });
        const caption = content.slice(end, end + 3).some(l => VIGENCIA_LINE.test(l.text) || /^\s*ESTRUCTURA (?:ACTUAL|PROPUESTA)\b/u.test(l.text));
        if (!caption) return;
        this.chart = { title: name, line };
        this.charts.push(this.chart);
    }

    /**
     * The captions that name a unit of this manual become its organigrama, one per unit (the
     * registered chart comes before the proposal); a chart of a unit since renamed stays a listed name.
     */
    organigramas(): ImportedOrganigrama[] {
        const out: ImportedOrganigrama[] = [];
        if (this.charts.length === 0) return out;
        const byName = new Map<string, ImportedUnit>();
        for (const u of this.manual.units) if (!byName.has(foldName(u.name))) byName.set(foldName(u.name), u);
        for (const chart of this.charts) {
            const unit = byName.get(foldName(chart.title));
            if (!unit || out.some(o => o.number === unit.number)) continue;
            out.push({ number: unit.number, title: unit.name, line: chart.line, ...(chart.vigencia ? { vigencia: chart.vigencia } : {}) });
        }
        return out;
    }
}

/** Consecutive lines of one paragraph: a line continues the previous one when it goes on in lowercase or the previous one dangles. */
function paragraphEnd(content: SourceLine[], start: number): number {
    let end = start + 1;
    while (end < content.length && content[end].line === content[end - 1].line + 1) {
        const prev = stripMarkdown(content[end - 1].text).trim();
        const next = stripMarkdown(content[end].text);
        if (prev.includes('\t') || next.includes('\t') || isProseHeading(next) || LIST_DASH.test(next)) break;
        if (!/^\s*\p{Ll}/u.test(next) && !DANGLING.test(prev)) break;
        end++;
    }
    return end;
}

function sectionTitle(heading: string): string {
    const roman = ROMAN_HEADING.exec(heading);
    if (roman && roman[1] !== '') return roman[2].replace(/\s*\.$/u, '').trim();
    const clean = heading.replace(SUPERSCRIPTS, '').replace(/\s*\.\s*$/u, '').trim();
    const fixed: Record<string, string> = { 'FICHA TÉCNICA': 'Ficha Técnica', 'CÉDULA DE ACTUALIZACIÓN': 'Cédula de Actualización', CONTENIDO: 'Contenido' };
    return fixed[clean] ?? clean;
}

/**
 * The manual's title: the first line (a cover or running head, whatever its fate) that starts
 * with "Manual de Organización", preferring one written in mixed case; its first cell when the
 * head is a table.
 */
function findTitle(lines: SourceLine[]): string | undefined {
    let caps: SourceLine | undefined;
    for (const l of lines) {
        const cell = stripMarkdown(l.text).split('\t').map(c => c.trim()).find(c => c !== '') ?? '';
        if (!/^Manual de Organizaci[oó]n\b/iu.test(cell)) continue;
        if (cell === cell.toUpperCase()) { caps ??= l; continue; }
        return normalizeSpace(cell.replace(SUPERSCRIPTS, '').replace(/\s*\.\s*$/u, ''));
    }
    return caps ? normalizeSpace(stripMarkdown(caps.text).trim()) : undefined;
}

/** The latest "Fecha de entrada en vigor" the fichas técnicas give, or the latest entry into force the transitorios state. */
function findVigencia(content: SourceLine[]): string | undefined {
    const dates = (pattern: RegExp) => content.filter(l => pattern.test(l.text)).map(l => parseSpanishDate(l.text)).filter((d): d is string => !!d).sort();
    return dates(/fecha de entrada en vigor/iu).at(-1) ?? dates(/entrar[áa]n? en vigor/iu).at(-1);
}
