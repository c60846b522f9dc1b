// The history of a structure, as the Introducción or the Antecedentes state it: who approved a
// change (an Acuerdo of the H. Consejo Técnico, or before 2016 an oficio), when, and what changed
// (a unit renamed, transformed, created, suppressed, moved with its subtree). Only sentences whose
// wording is recognized become records; the rest stays in the prose (which is kept verbatim) and the
// report lists the paragraphs that mention a change but yielded none.
import { scanText } from '../language/mentions/scan.js';
import { nameWords } from '../language/mentions/words.js';
import type { ImportedManual, Paragraph } from './model.js';
import { parseSpanishDate } from './source.js';

export type ChangeKind = 'denominación' | 'adscripción' | 'creación' | 'supresión' | 'transformación';

export interface ImportedChange {
    acuerdo?: string;
    oficio?: string;
    /** ISO date of the session or the oficio. */
    fecha?: string;
    tipo: ChangeKind;
    nombreAnterior?: string;
    nombreNuevo?: string;
    /** The unit the change is about, by name (the emitter links it when it exists). */
    unidad?: string;
    adscripcionAnterior?: string;
    adscripcionNueva?: string;
    tramo?: boolean;
    /** The sentence of the source that states it. */
    descripcion: string;
    line: number;
}

export interface History {
    changes: ImportedChange[];
    /** Lines of paragraphs that mention a change, with no record recognized in them. */
    uninterpreted: number[];
}

const HISTORY_SECTION = /introducci[oó]n|antecedentes/iu;
const MENTIONS_CHANGE = /denominaci[oó]n|adscripci[oó]n|se cre[óoa]|creara|suprimi|transform|convierte|conversi[oó]n/iu;

interface Approval { acuerdo?: string; oficio?: string; fecha?: string }

/** `names`: the official names of the units known (this manual and the workspace), longest first. */
export function extractHistory(manual: ImportedManual, names: string[]): History {
    const known = names.map(name => ({ name, words: nameWords(name) })).sort((a, b) => b.words.length - a.words.length);
    const changes: ImportedChange[] = [];
    const uninterpreted: number[] = [];
    for (const section of manual.sections.filter(s => HISTORY_SECTION.test(s.title))) {
        let approval: Approval | undefined;
        for (const paragraph of section.paragraphs) {
            const own = approvalOf(paragraph.text);
            // "Asimismo, en dicho acuerdo…", "Las principales modificaciones fueron…": the previous approval.
            if (own) approval = own;
            else if (!/dicho acuerdo|principales modificaciones|^asimismo|^por cuanto hace/iu.test(paragraph.text)) approval = undefined;
            const found = approval ? changesIn(paragraph, approval, known) : [];
            for (const change of found) {
                if (!changes.some(c => sameChange(c, change))) changes.push(change);
            }
            if (found.length === 0 && MENTIONS_CHANGE.test(paragraph.text)) uninterpreted.push(paragraph.line);
        }
    }
    return { changes, uninterpreted };
}

function sameChange(a: ImportedChange, b: ImportedChange): boolean {
    return a.acuerdo === b.acuerdo && a.oficio === b.oficio && a.tipo === b.tipo && a.nombreNuevo === b.nombreNuevo && a.nombreAnterior === b.nombreAnterior;
}

function approvalOf(text: string): Approval | undefined {
    const acdo = /\bACDO[.-][A-Z0-9.]+\/[A-Z0-9.-]+[A-Z0-9]/u.exec(text);
    const numbered = acdo ? undefined : /\bAcuerdo\b[^.]*?\bn[úu]mero (\d+\/\d{4})/u.exec(text);
    const oficio = acdo || numbered ? undefined : /\boficio (?:n[úu]mero|No\.)\s*([0-9][0-9A-Z ./]*[0-9A-Z])\s+de fecha/iu.exec(text);
    const found = acdo ?? numbered ?? oficio;
    if (!found) return undefined;
    // The session's or the oficio's date: the one in the sentence that names the approval.
    const fecha = parseSpanishDate(sentenceAt(text, found.index)) ?? parseSpanishDate(text);
    if (acdo) return { acuerdo: acdo[0], fecha };
    if (numbered) return { acuerdo: numbered[1], fecha };
    return { oficio: oficio![1], fecha };
}

/** The sentence of `text` around `offset` ("H." and "No." do not end one; "; " ends an enumerated item). */
function sentenceAt(text: string, offset: number): string {
    const boundaries = [...text.matchAll(/(?<!\b(?:\p{Lu}|No))[.;]\s+(?=\S)/gu)].map(m => m.index + 1);
    const start = Math.max(0, ...boundaries.filter(b => b <= offset));
    const end = boundaries.find(b => b > offset) ?? text.length;
    return text.substring(start, end).trim();
}

interface Name { text: string; start: number; end: number }

/**
 * The unit name that starts at the first unit-kind word at or after `from` (within `within`
 * characters): a known official name when the text spells one there, else the capitalized phrase.
 */
function nameAfter(text: string, from: number, known: Array<{ name: string; words: string[] }>, within = 12): Name | undefined {
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
function nameBefore(text: string, offset: number, known: Array<{ name: string; words: string[] }>): Name | undefined {
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

function changesIn(paragraph: Paragraph, approval: Approval, known: Array<{ name: string; words: string[] }>): ImportedChange[] {
    const text = paragraph.text;
    const out: ImportedChange[] = [];
    const add = (at: number, change: Omit<ImportedChange, 'descripcion' | 'line' | keyof Approval>) => {
        out.push({ ...approval, ...change, descripcion: sentenceAt(text, at), line: paragraph.line });
    };
    const each = (pattern: RegExp, handle: (match: RegExpExecArray) => void) => {
        for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))) handle(match);
    };
    // "cambio de denominación de la X por (el de) Y", continued by "así como de la X2 por Y2" / ", y la X2 por Y2".
    each(/cambio de denominaci[oó]n de (?:la|el)\s+/u, match => {
        let at = match.index + match[0].length;
        for (;;) {
            const before = nameAfter(text, at, known, 0);
            const by = before && /^\s*,?\s*por (?:el de |la de )?(?:la |el )?/u.exec(text.substring(before.end));
            const after = before && by && nameAfter(text, before.end + by[0].length, known, 0);
            if (!before || !after) break;
            add(match.index, { tipo: 'denominación', nombreAnterior: before.text, nombreNuevo: after.text, unidad: after.text });
            const more = /^\s*,?\s*(?:así como|y)\s+(?:de\s+)?(?:la|el)\s+/u.exec(text.substring(after.end));
            if (!more) break;
            at = after.end + more[0].length;
        }
    });
    // "La X cambió de denominación a Y"; "… de la X, así como el cambio de denominación a Y".
    each(/(?:cambi[óo] de denominaci[oó]n|el cambio de denominaci[oó]n) a\s+(?:la |el )?/u, match => {
        const before = nameBefore(text, match.index, known);
        const after = nameAfter(text, match.index + match[0].length, known, 0);
        if (before && after) add(match.index, { tipo: 'denominación', nombreAnterior: before.text, nombreNuevo: after.text, unidad: after.text });
    });
    // "modificando su denominación de X, por la de Y".
    each(/modificando su denominaci[oó]n de\s+/u, match => {
        const before = nameAfter(text, match.index + match[0].length, known, 0);
        const by = before && /^\s*,?\s*por la de\s+/u.exec(text.substring(before.end));
        const after = before && by && nameAfter(text, before.end + by[0].length, known, 0);
        if (before && after) add(match.index, { tipo: 'denominación', nombreAnterior: before.text, nombreNuevo: after.text, unidad: after.text });
    });
    // "se aprobó el cambio de la X por la Y" (one unit replaced by another).
    each(/\bel cambio de (?:la|el)\s+/u, match => {
        const before = nameAfter(text, match.index + match[0].length, known, 0);
        const by = before && /^\s+por (?:la|el)\s+/u.exec(text.substring(before.end));
        const after = before && by && nameAfter(text, before.end + by[0].length, known, 0);
        if (before && after) add(match.index, { tipo: 'transformación', nombreAnterior: before.text, nombreNuevo: after.text, unidad: after.text });
    });
    // "la X se transforme en Y"; "la conversión de la X a Y".
    each(/se transform[eó] en\s+(?:la |el )?/u, match => {
        const before = nameBefore(text, match.index, known);
        const after = nameAfter(text, match.index + match[0].length, known, 0);
        if (before && after) add(match.index, { tipo: 'transformación', nombreAnterior: before.text, nombreNuevo: after.text, unidad: after.text });
    });
    each(/conversi[oó]n de (?:la|el)\s+/u, match => {
        const before = nameAfter(text, match.index + match[0].length, known, 0);
        const to = before && /^\s+a\s+(?:la |el )?/u.exec(text.substring(before.end));
        const after = before && to && nameAfter(text, before.end + to[0].length, known, 0);
        if (before && after) add(match.index, { tipo: 'transformación', nombreAnterior: before.text, nombreNuevo: after.text, unidad: after.text });
    });
    // A position converted into a unit: "… se convierte en la División de Análisis Prospectiva".
    each(/se convierte en (?:la|el)\s+/u, match => {
        const after = nameAfter(text, match.index + match[0].length, known, 0);
        if (after) add(match.index, { tipo: 'transformación', nombreNuevo: after.text, unidad: after.text });
    });
    // "se creó la X", "se creara la X", "Se crearon la X y la Y".
    each(/\bse cre(?:ó|o|ara|aron)\s+(?:la|el)\s+/iu, match => {
        let at = match.index + match[0].length;
        for (;;) {
            const created = nameAfter(text, at, known, 0);
            if (!created) break;
            add(match.index, { tipo: 'creación', nombreNuevo: created.text, unidad: created.text });
            const more = /^\s+y\s+(?:la|el)\s+/u.exec(text.substring(created.end));
            if (!more) break;
            at = created.end + more[0].length;
        }
    });
    // "la X …, la cual se suprimió".
    each(/,?\s*(?:la|el) cual se suprimi[óo]/u, match => {
        const before = nameBefore(text, match.index + 1, known);
        if (before) add(match.index, { tipo: 'supresión', nombreAnterior: before.text, unidad: before.text });
    });
    // "cambio de adscripción de la X y su tramo de control, de (dicha|la) A a la B".
    each(/cambio de adscripci[oó]n de (?:la|el)\s+/u, match => {
        const moved = nameAfter(text, match.index + match[0].length, known, 0);
        if (!moved) return;
        const rest = text.substring(moved.end);
        const tramo = /^\s*y su tramo de control/u.test(rest);
        const to = / a (?:la|el)\s+/u.exec(rest);
        const target = to && nameAfter(text, moved.end + to.index + to[0].length, known, 0);
        if (target) add(match.index, { tipo: 'adscripción', unidad: moved.text, adscripcionNueva: target.text, tramo });
    });
    return out;
}
