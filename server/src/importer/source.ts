// Reading a manual's text: decoding, normalization and the page-furniture rules that drop lines
// the PDF extraction left behind (running heads, page numbers, signature blocks, markdown debris).

import type { LineFate, SourceLine } from './model.js';
import { normalizeSpace } from '../language/text-keys.js';

export class ImportError extends Error {}

/** Decodes a file's bytes as UTF-8 text, refusing binaries and other encodings with a clear message. */
export function decodeManual(bytes: Uint8Array, fileName: string): string {
    if (bytes.length === 0) throw new ImportError(`${fileName}: el archivo está vacío.`);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw new ImportError(`${fileName}: el archivo está en UTF-16; guárdelo como UTF-8 (por ejemplo: iconv -f UTF-16 -t UTF-8).`);
    }
    const sample = bytes.subarray(0, 65536);
    let control = 0;
    for (const b of sample) if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) control++;
    if (control > 0 && control / sample.length > 0.001) {
        throw new ImportError(`${fileName}: no es un archivo de texto (contiene ${control} bytes de control en los primeros ${sample.length}); importe el texto extraído del PDF.`);
    }
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        const line = firstInvalidUtf8Line(bytes);
        throw new ImportError(`${fileName}:${line}: el texto no está en UTF-8 (parece Latin-1 o Windows-1252); conviértalo, por ejemplo: iconv -f WINDOWS-1252 -t UTF-8.`);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') throw new ImportError(`${fileName}: el archivo solo contiene espacios en blanco.`);
    return text;
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
    let line = 1;
    for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i];
        if (b === 10) { line++; continue; }
        if (b < 0x80) continue;
        const extra = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
        if (extra < 0 || (b >= 0xe0 && b < 0xf0 && extra !== 2)) return line;
        for (let k = 1; k <= extra; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return line;
        i += extra;
    }
    return line;
}

/** Splits into NFC-normalized lines with trailing whitespace removed. Form feeds count as blanks. */
export function splitLines(text: string): SourceLine[] {
    return text.normalize('NFC').split(/\r\n|\r|\n/).map((raw, i) => ({
        line: i + 1,
        text: raw.replace(/\f/g, '').replace(/[\s\u00a0]+$/u, '')
    }));
}

// Page furniture: each rule names why a line is dropped; the report lists them.
const WEEKDAY = '(?:Lunes|Martes|Miércoles|Jueves|Viernes|Sábado|Domingo)';
const FURNITURE: Array<[rule: string, pattern: RegExp]> = [
    ['encabezado-dof', new RegExp(`^\\s*${WEEKDAY}\\s+\\d{1,2}\\s+de\\s+\\p{L}+\\s+de\\s+\\d{4}\\s+DIARIO OFICIAL\\b.*$`, 'u')],
    ['encabezado-dof', /^\s*(?:\d+\s+)?\(?\p{L}+ Sección\)?\s+DIARIO OFICIAL\b.*\d{4}\s*$/u],
    ['encabezado-dof', /^\s*DIARIO OFICIAL\s+(?:\(\p{L}+ Sección\)\s*)?\d+\s*$/u],
    ['hoja-normateca', /Hoja:\s*\d+\s*de\s*\d+\s*$/u],
    ['hoja-normateca', /^\s*Código:\s*$/u],
    ['hoja-normateca', /^\s*Fecha de Elaboración:\s*$/u],
    ['hoja-normateca', /^\s*Manual de Organización\b.*\tRevisión\s*$/u],
    ['firmas-normateca', /^\s*Elaboró\s+Revisó\s+Aprobó\s*$/u],
    ['pagina', /^\s*Página\s+\d+\s+de\s+\d+\b.*$/iu],
    ['registro-dof', /^\s*\(R\.-\s*\d+\)\s*$/u],
    ['markdown', /^\s*(?:[-=*_|:\t ]{3,}|#+|\*+|>+)\s*$/u],
    // Normateca page heads whose table cells the extraction split over several lines ("Hoja:" /
    // "26 de 474" / "Revisión"), or with the area's name, revision number and date filled in.
    ['hoja-normateca', /^\s*Hoja:\s*$/u],
    ['hoja-normateca', /^\s*\d{1,4}\s+de\s+\d{1,4}\s*$/u],
    ['hoja-normateca', /^\s*Revisión(?:\s+\d{1,3})?\s*$/u],
    ['hoja-normateca', /\tCódigo:[^\t]*$/u],
    ['hoja-normateca', /^\s*Manual de Organización\b.*\tRevisión\s+\d{1,3}\s*$/u],
    ['hoja-normateca', /^\s*Fecha de Elaboración:\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*$/u],
    // Signature rows of a Normateca page: "Elaboró ___ Revisó ___ Aprobó ___", the three cells
    // filled with names and posts, or the row of names alone above "Elaboró Revisó Aprobó".
    ['firmas-normateca', /^\s*Elaboró\s.*\sRevisó\s.*\sAprobó(?:\s.*)?$/u],
    ['firmas-normateca', /^\s*(?:(?:Lic|Licda|Ing|Arq|Act|Dr|Dra|Mtro|Mtra|Q\.F\.B|L\.C|C\.P(?:\.C)?|MAP|C)\.?\s+\p{Lu}[^\t]*\t\s*){2}(?:Lic|Licda|Ing|Arq|Act|Dr|Dra|Mtro|Mtra|Q\.F\.B|L\.C|C\.P(?:\.C)?|MAP|C)\.?\s+\p{Lu}[^\t]*$/u]
];

/** The rule that drops this line as page furniture, if any. Blank lines are not furniture. */
export function furnitureRule(text: string): string | undefined {
    for (const [rule, pattern] of FURNITURE) if (pattern.test(text)) return rule;
    return undefined;
}

/**
 * Marks furniture and blank lines in `fates` and returns the content lines. A running title is a
 * line naming the manual or institution that repeats at least three times; every occurrence is
 * dropped, with the lines that continue it (a title wrapped over two or three lines): a line that
 * `continuesTitle`, or a title-shaped line that follows the running title at least three times.
 * The parser may still use the text as the manual's title: see `runningTitle`.
 */
export function dropFurniture(lines: SourceLine[], fates: LineFate[]): SourceLine[] {
    const counts = new Map<string, number>();
    for (const l of lines) {
        const key = runningKey(l.text);
        if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const running = (text: string) => {
        const key = runningKey(text);
        return !!key && (counts.get(key) ?? 0) >= 3;
    };
    // The lines that follow a running title (its next two non-blank lines), and how often.
    const followers = new Map<string, number>();
    for (let i = 0; i < lines.length; i++) {
        if (!running(lines[i].text)) continue;
        let seen = 0;
        for (let k = i + 1; k < lines.length && seen < MAX_TITLE_CONTINUATIONS; k++) {
            if (lines[k].text.trim() === '') continue;
            if (running(lines[k].text)) break;
            const text = normalizeSpace(stripMarkdown(lines[k].text));
            followers.set(text, (followers.get(text) ?? 0) + 1);
            seen++;
        }
    }
    const content: SourceLine[] = [];
    // Continuation lines dropped after the current running title; -1 when not right after one.
    let chain = -1;
    let lastTitle = '';
    for (const l of lines) {
        if (l.text.trim() === '') { fates[l.line - 1] = { kind: 'dropped', rule: 'linea-vacia' }; continue; }
        const rule = furnitureRule(l.text);
        if (rule) { fates[l.line - 1] = { kind: 'dropped', rule }; chain = -1; continue; }
        const repeated = (followers.get(normalizeSpace(stripMarkdown(l.text))) ?? 0) >= 3;
        if (running(l.text)) chain = 0;
        else if (chain >= 0 && chain < MAX_TITLE_CONTINUATIONS && (continuesTitle(lastTitle, l.text) || (repeated && isTitleLine(l.text)))) chain++;
        else chain = -1;
        if (chain >= 0) {
            fates[l.line - 1] = { kind: 'dropped', rule: 'titulo-corrido' };
            lastTitle = stripMarkdown(l.text).trim();
            continue;
        }
        content.push(l);
    }
    return content;
}

/** The first running title (joined with its continuation lines), if the text has one. */
export function runningTitle(lines: SourceLine[], fates: LineFate[]): string | undefined {
    const parts: string[] = [];
    for (const l of lines) {
        const fate = fates[l.line - 1];
        if (fate?.kind === 'dropped' && fate.rule === 'titulo-corrido') {
            // The next running title starts another copy of the title.
            if (parts.length > 0 && runningKey(l.text)) break;
            parts.push(stripMarkdown(l.text));
        } else if (parts.length > 0 && l.text.trim() !== '') break;
    }
    return parts.length > 0 ? joinLines(parts) : undefined;
}

/** A manual's title wraps over at most three lines. */
const MAX_TITLE_CONTINUATIONS = 2;

// A title wrapped over lines: the title so far ends on a connector or a comma ("… DE LA JEFATURA
// DE SERVICIOS DE" / "SALUD EN EL TRABAJO, …"), or the next line starts with one ("… DE
// OPERACIÓN" / "Y EVALUACIÓN"). Other all-caps lines after a title (a chart's caption) stay.
const CONNECTOR_END = /(?:(?<![\p{L}\p{N}])(?:DE|DEL|LA|LAS|LOS|EL|Y|E|A|AL|EN|PARA|POR|CON|SOBRE|ENTRE)|,)$/u;
const CONNECTOR_START = /^(?:Y|E|DE|DEL|LA|LAS|LOS|EL|A|AL|EN|PARA|POR|CON|SOBRE|ENTRE)(?![\p{L}\p{N}])/u;

/**
 * A line shaped like part of a manual's title: written in capitals, with no digit (a date, a
 * clave, a page or section number), no colon (a label: "Clave:", "Fecha:"), no final period, and
 * at most 14 words.
 */
export function isTitleLine(text: string): boolean {
    const clean = normalizeSpace(stripMarkdown(text));
    return clean === clean.toUpperCase() && /\p{Lu}/u.test(clean) && !/[\d:]/u.test(clean) && !/\.$/u.test(clean)
        && clean.split(' ').length <= 14;
}

/**
 * Whether `next` continues a title whose last line so far is `previous`: a title-shaped line after
 * a title that cannot end there (a connector, a comma, the bare "MANUAL DE ORGANIZACIÓN"), or that
 * starts with a connector.
 */
export function continuesTitle(previous: string, next: string): boolean {
    if (!isTitleLine(next)) return false;
    const before = normalizeSpace(stripMarkdown(previous)).toUpperCase();
    return CONNECTOR_END.test(before) || /^MANUAL DE ORGANIZACI[ÓO]N$/u.test(before) || CONNECTOR_START.test(normalizeSpace(stripMarkdown(next)));
}

function runningKey(text: string): string | undefined {
    const clean = stripMarkdown(text).trim();
    if (!/^(?:Manual de Organizaci[oó]n\b|Instituto (?:Mexicano del Seguro Social|de Seguridad y Servicios Sociales)\b)/iu.test(clean)) return undefined;
    return clean.toUpperCase();
}

/** Removes markdown emphasis and heading markers that the extraction left in a line. */
export function stripMarkdown(text: string): string {
    return text.replace(/^\s*#{1,6}\s+/u, '').replace(/\*\*|__/gu, '').replace(/^\s*\*(.*)\*\s*$/u, '$1');
}

/** Collapses whitespace the way the language's STRING value does. */
/**
 * Joins wrapped lines of one paragraph. A line ending in a hyphen glued to a letter continues the
 * same word: the hyphen stays before an uppercase continuation (`IMSS-` + `BIENESTAR`) and goes
 * before a lowercase one (syllable break).
 */
export function joinLines(parts: string[]): string {
    let out = '';
    for (const raw of parts) {
        const part = raw.trim();
        if (part === '') continue;
        if (out === '') { out = part; continue; }
        if (/\p{L}-$/u.test(out) && /^\p{Lu}/u.test(part)) out += part;
        else if (/\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(part)) out = out.slice(0, -1) + part;
        else out += ' ' + part;
    }
    return normalizeSpace(out);
}

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** Parses "01 de octubre de 2022" (also "1o. de", "setiembre") into ISO `2022-10-01`. */
export function parseSpanishDate(text: string): string | undefined {
    const m = /(\d{1,2})(?:o\.|º)?\s+de\s+(\p{L}+)\s+(?:de|del)\s+(\d{4})/iu.exec(text);
    if (!m) return undefined;
    let month = MONTHS.indexOf(m[2].toLowerCase());
    if (month < 0 && m[2].toLowerCase() === 'setiembre') month = 8;
    if (month < 0) return undefined;
    const day = Number(m[1]);
    if (day < 1 || day > 31) return undefined;
    return `${m[3]}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ACUERDO_ID = /\bACDO\.[A-Z0-9]+(?:\.[A-Z0-9]+)*\.HCT\.\d{6}[/-]\d+\.[A-Z]+(?:\.[A-Z]+)*/gu;

/** Acuerdo ids of the H. Consejo Técnico in a text, with the date their DDMMYY segment encodes. */
export function findAcuerdos(text: string): Array<{ id: string; date?: string }> {
    const out: Array<{ id: string; date?: string }> = [];
    for (const m of text.matchAll(ACUERDO_ID)) {
        const id = m[0].replace(/\.$/u, '');
        const d = /\.HCT\.(\d{2})(\d{2})(\d{2})[/-]/u.exec(id);
        let date: string | undefined;
        if (d) {
            const [dd, mm, yy] = [Number(d[1]), Number(d[2]), Number(d[3])];
            if (dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12) date = `${2000 + yy}-${d[2]}-${d[1]}`;
        }
        out.push({ id, date });
    }
    return out;
}
