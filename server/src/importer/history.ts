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
    /** The units the change is about, by name (the emitter links those that exist). */
    unidades?: string[];
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
const MENTIONS_CHANGE = /denominaci[oó]n|adscripci[oó]n|se cre[óoa]|creara|suprimi|transform|convierte|conversi[oó]n|sustituci[oó]n|incorpor[óo]|se sum[óo]|transferi|dependientes? hasta entonces|fusi[oó]n|convertid|cancelaci[oó]n|reubic/iu;

interface Approval {
    acuerdo?: string;
    oficio?: string;
    fecha?: string;
    /** The unit whose structure the approval modified: where "Se incorporó la X" puts X. */
    subject?: string;
}

/** `names`: the official names of the units known (this manual and the workspace), longest first. */
export function extractHistory(manual: ImportedManual, names: string[]): History {
    const known = names.map(name => ({ name, words: nameWords(name) })).sort((a, b) => b.words.length - a.words.length);
    const changes: ImportedChange[] = [];
    const uninterpreted: number[] = [];
    for (const section of manual.sections.filter(s => HISTORY_SECTION.test(s.title))) {
        let approval: Approval | undefined;
        let previous = '';
        for (const paragraph of section.paragraphs) {
            const own = approvalOf(paragraph.text, known);
            // "Asimismo, en dicho acuerdo…", "Las principales modificaciones fueron…", or a numbered
            // list that a page break split ("…; 6) | A esta última…"): the previous approval.
            if (own) approval = own;
            else if (!/dicho acuerdo|principales modificaciones|^asimismo|^por cuanto hace/iu.test(paragraph.text) && !/\d\)\s*$/u.test(previous)) approval = undefined;
            previous = paragraph.text;
            const found = approval ? changesIn(paragraph, approval, known) : [];
            for (const change of found) {
                if (!changes.some(c => sameChange(c, change))) changes.push(change);
            }
            // A sentence (or list item) that speaks of a change but is the statement of no record.
            const stated = new Set(found.map(c => c.descripcion));
            if (sentencesOf(paragraph.text).some(s => MENTIONS_CHANGE.test(s) && !stated.has(s))) uninterpreted.push(paragraph.line);
        }
    }
    return { changes, uninterpreted };
}

function sameChange(a: ImportedChange, b: ImportedChange): boolean {
    return a.acuerdo === b.acuerdo && a.oficio === b.oficio && a.tipo === b.tipo && a.nombreNuevo === b.nombreNuevo && a.nombreAnterior === b.nombreAnterior
        && a.adscripcionNueva === b.adscripcionNueva && String(a.unidades) === String(b.unidades);
}

function approvalOf(text: string, known: Known): Approval | undefined {
    const acdo = /\bACDO[.-][A-Z0-9.]+\/[A-Z0-9.-]+[A-Z0-9]/u.exec(text);
    const numbered = acdo ? undefined : /\bAcuerdo\b[^.]*?\bn[úu]mero (\d+\/\d{4})/u.exec(text);
    const oficio = acdo || numbered ? undefined : /\boficio (?:n[úu]mero|No\.)\s*([0-9][0-9A-Z ./]*[0-9A-Z])\s+de fecha/iu.exec(text);
    const found = acdo ?? numbered ?? oficio;
    if (!found) return undefined;
    // The session's or the oficio's date: the one in the sentence that names the approval.
    const fecha = parseSpanishDate(sentenceAt(text, found.index)) ?? parseSpanishDate(text);
    const structure = /modificaci[oó]n a la estructura org[aá]nica de (?:la|el)\s+/u.exec(text);
    const subject = structure ? nameAfter(text, structure.index + structure[0].length, known, 0)?.text : undefined;
    if (acdo) return { acuerdo: acdo[0], fecha, subject };
    if (numbered) return { acuerdo: numbered[1], fecha, subject };
    return { oficio: oficio![1], fecha, subject };
}

/** Where sentences end in `text` ("H." and "No." do not end one; "; " ends an enumerated item). */
function boundariesOf(text: string): number[] {
    return [...text.matchAll(/(?<!\b(?:\p{Lu}|No))[.;]\s+(?=\S)/gu)].map(m => m.index + 1);
}

/** The sentence of `text` around `offset`. */
function sentenceAt(text: string, offset: number): string {
    const boundaries = boundariesOf(text);
    const start = Math.max(0, ...boundaries.filter(b => b <= offset));
    const end = boundaries.find(b => b > offset) ?? text.length;
    return text.substring(start, end).trim();
}

function sentencesOf(text: string): string[] {
    return [0, ...boundariesOf(text)].map(start => sentenceAt(text, start));
}

interface Name { text: string; start: number; end: number }
type Known = Array<{ name: string; words: string[] }>;

/**
 * The unit name that starts at the first unit-kind word at or after `from` (within `within`
 * characters): a known official name when the text spells one there, else the capitalized phrase.
 */
function nameAfter(text: string, from: number, known: Known, within = 12): Name | undefined {
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
function nameBefore(text: string, offset: number, known: Known): Name | undefined {
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
function namesBetween(text: string, from: number, to: number, known: Known): Name[] {
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
function named(text: string, offset: number, kind: string, known: Known): Name | undefined {
    return namesBetween(text, 0, offset, known).filter(n => n.text.startsWith(`${kind} `)).at(-1);
}

function changesIn(paragraph: Paragraph, approval: Approval, known: Known): ImportedChange[] {
    const text = paragraph.text;
    const out: ImportedChange[] = [];
    const add = (at: number, change: Omit<ImportedChange, 'descripcion' | 'line' | keyof Approval>) => {
        const { subject: _, ...who } = approval;
        out.push({ ...who, ...change, descripcion: sentenceAt(text, at), line: paragraph.line });
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
            add(match.index, { tipo: 'denominación', nombreAnterior: before.text, nombreNuevo: after.text, unidades: [after.text] });
            const more = /^\s*,?\s*(?:así como|y)\s+(?:de\s+)?(?:la|el)\s+/u.exec(text.substring(after.end));
            if (!more) break;
            at = after.end + more[0].length;
        }
    });
    // "La X cambió de denominación a Y"; "… de la X, así como el cambio de denominación a Y".
    each(/(?:cambi[óo] de denominaci[oó]n|el cambio de denominaci[oó]n) a\s+(?:la |el )?/u, match => {
        const before = nameBefore(text, match.index, known);
        const after = nameAfter(text, match.index + match[0].length, known, 0);
        if (before && after) add(match.index, { tipo: 'denominación', nombreAnterior: before.text, nombreNuevo: after.text, unidades: [after.text] });
    });
    // "modificando su denominación de X, por la de Y".
    each(/modificando su denominaci[oó]n de\s+/u, match => {
        const before = nameAfter(text, match.index + match[0].length, known, 0);
        const by = before && /^\s*,?\s*por la de\s+/u.exec(text.substring(before.end));
        const after = before && by && nameAfter(text, before.end + by[0].length, known, 0);
        if (before && after) add(match.index, { tipo: 'denominación', nombreAnterior: before.text, nombreNuevo: after.text, unidades: [after.text] });
    });
    // "se aprobó el cambio de la X por la Y" (one unit replaced by another).
    each(/\bel cambio de (?:la|el)\s+/u, match => {
        const before = nameAfter(text, match.index + match[0].length, known, 0);
        const by = before && /^\s+por (?:la|el)\s+/u.exec(text.substring(before.end));
        const after = before && by && nameAfter(text, before.end + by[0].length, known, 0);
        if (before && after) add(match.index, { tipo: 'transformación', nombreAnterior: before.text, nombreNuevo: after.text, unidades: [after.text] });
    });
    // "la X se transforme en Y"; "la conversión de la X a Y".
    each(/se transform[eó] en\s+(?:la |el )?/u, match => {
        const before = nameBefore(text, match.index, known);
        const after = nameAfter(text, match.index + match[0].length, known, 0);
        if (before && after) add(match.index, { tipo: 'transformación', nombreAnterior: before.text, nombreNuevo: after.text, unidades: [after.text] });
    });
    each(/conversi[oó]n de (?:la|el)\s+/u, match => {
        const before = nameAfter(text, match.index + match[0].length, known, 0);
        const to = before && /^\s+a\s+(?:la |el )?/u.exec(text.substring(before.end));
        const after = before && to && nameAfter(text, before.end + to[0].length, known, 0);
        if (before && after) add(match.index, { tipo: 'transformación', nombreAnterior: before.text, nombreNuevo: after.text, unidades: [after.text] });
    });
    // A position converted into a unit: "la reubicación de un puesto … adscrito a la A a dicha
    // Coordinación y se convierte en la X": it moved from A to the Coordinación named before, and
    // became X there.
    each(/se convierte en (?:la|el)\s+/u, match => {
        const after = nameAfter(text, match.index + match[0].length, known, 0);
        if (!after) return;
        const moved = /reubicaci[oó]n de un puesto [^;.]*? adscrito a (?:la|el)\s+/u.exec(text.substring(0, match.index));
        const from = moved ? nameAfter(text, moved.index + moved[0].length, known, 0) : undefined;
        const to = from && /^\s+a dich[ao] (\p{Lu}\p{L}*)/u.exec(text.substring(from.end));
        const target = to ? named(text, from.end, to[1], known) : undefined;
        add(match.index, { tipo: 'transformación', nombreNuevo: after.text, unidades: [after.text], ...(from && target ? { adscripcionAnterior: from.text, adscripcionNueva: target.text } : {}) });
    });
    // "comenzara a operar la X, en sustitución de la Y"; "la transformación de la Y en la X".
    each(/comenzara a operar (?:la|el)\s+/u, match => {
        const after = nameAfter(text, match.index + match[0].length, known, 0);
        const instead = after && /^\s*,?\s*en sustituci[oó]n de (?:la|el)\s+/u.exec(text.substring(after.end));
        const before = after && instead && nameAfter(text, after.end + instead[0].length, known, 0);
        if (before) add(match.index, { tipo: 'transformación', nombreAnterior: before.text, nombreNuevo: after!.text, unidades: [after!.text] });
    });
    each(/transformaci[oó]n de (?:la|el)\s+/u, match => {
        const before = nameAfter(text, match.index + match[0].length, known, 0);
        const into = before && /^\s+en (?:la|el)\s+/u.exec(text.substring(before.end));
        const after = before && into && nameAfter(text, before.end + into[0].length, known, 0);
        if (after) add(match.index, { tipo: 'transformación', nombreAnterior: before!.text, nombreNuevo: after.text, unidades: [after.text] });
    });
    // "1) Su denominación cambió a X": the unit whose structure the approval modified.
    each(/\bSu denominaci[oó]n cambi[óo] a (?:la |el )?/u, match => {
        const after = nameAfter(text, match.index + match[0].length, known, 0);
        if (after && approval.subject) add(match.index, { tipo: 'denominación', nombreAnterior: approval.subject, nombreNuevo: after.text, unidades: [after.text] });
    });
    // "se creó la X", "se creara la X", "Se crearon la X y la Y".
    each(/\bse cre(?:ó|o|ara|aron)\s+(?:la|el)\s+/iu, match => {
        let at = match.index + match[0].length;
        for (;;) {
            const created = nameAfter(text, at, known, 0);
            if (!created) break;
            add(match.index, { tipo: 'creación', nombreNuevo: created.text, unidades: [created.text] });
            const more = /^\s+y\s+(?:la|el)\s+/u.exec(text.substring(created.end));
            if (!more) break;
            at = created.end + more[0].length;
        }
    });
    // "la X …, la cual se suprimió".
    each(/,?\s*(?:la|el) cual se suprimi[óo]/u, match => {
        const before = nameBefore(text, match.index + 1, known);
        if (before) add(match.index, { tipo: 'supresión', nombreAnterior: before.text, unidades: [before.text] });
    });
    // "cambio de adscripción de la X y su tramo de control, de (dicha) A a la (nueva) B".
    each(/cambio de adscripci[oó]n de (?:la|el)\s+/u, match => {
        const moved = nameAfter(text, match.index + match[0].length, known, 0);
        if (!moved) return;
        const rest = text.substring(moved.end);
        const tramo = /^\s*y su tramo de control/u.test(rest);
        const from = /^(?:\s*y su tramo de control)?\s*,?\s*de (?:(?:la|el)\s+|dich[ao] (\p{Lu}\p{L}*))/u.exec(rest);
        const source = !from ? undefined
            : from[1] ? named(text, match.index, from[1], known)
            : nameAfter(text, moved.end + from[0].length, known, 0);
        const to = / a (?:la|el)\s+(?:nueva\s+)?/u.exec(rest);
        const target = to && nameAfter(text, moved.end + to.index + to[0].length, known, 0);
        if (target) add(match.index, { tipo: 'adscripción', unidades: [moved.text], adscripcionAnterior: source?.text, adscripcionNueva: target.text, tramo });
    });
    // "que la X, así como la Y dependiente de ésta cambiaran de adscripción de la A, a la B".
    each(/\bcambiaran de adscripci[oó]n de (?:la|el)\s+/u, match => {
        const clause = Math.max(0, text.lastIndexOf(' que ', match.index) + 5);
        const moved = namesBetween(text, clause, match.index, known);
        const source = nameAfter(text, match.index + match[0].length, known, 0);
        const to = source && /^\s*,?\s*a (?:la|el)\s+/u.exec(text.substring(source.end));
        const target = source && to && nameAfter(text, source.end + to[0].length, known, 0);
        if (moved.length > 0 && target) add(match.index, { tipo: 'adscripción', unidades: moved.map(n => n.text), adscripcionAnterior: source!.text, adscripcionNueva: target.text });
    });
    // Units that came from elsewhere: "Se incorporó la X, con la A y la B, todas ellas dependientes hasta
    // entonces de la P" (into the unit whose structure was modified), "… y se le incorporó la X,
    // dependiente hasta entonces de la P" (into the item's subject), "la Y, la cual … agrega a su
    // estructura a la A, …, todas ellas anteriormente comprendidas en la estructura orgánica de la P".
    each(/,?\s*(?:todas ellas |ambas )?(?:dependientes? hasta entonces|anteriormente comprendidas en la estructura org[aá]nica) de (?:la|el)\s+/u, match => {
        const source = nameAfter(text, match.index + match[0].length, known, 0);
        const clause = Math.max(0, ...[...text.substring(0, match.index).matchAll(/(?:^|;\s*|\d\)\s*)/gu)].map(m => m.index + m[0].length));
        const verb = /\b(se le incorpor[óo]|se incorpor[óo]|agrega a su estructura a)\s+/iu.exec(text.substring(clause, match.index));
        if (!source || !verb) return;
        const target = /le incorpor/u.test(verb[1]) ? nameAfter(text, clause, known, text.length)
            : /agrega/u.test(verb[1]) ? nameBefore(text, text.lastIndexOf(', la cual', clause + verb.index), known)
            : approval.subject ? { text: approval.subject } : undefined;
        const moved = namesBetween(text, clause + verb.index + verb[0].length, match.index, known);
        if (target && moved.length > 0) add(match.index, { tipo: 'adscripción', unidades: moved.map(n => n.text), adscripcionAnterior: source.text, adscripcionNueva: target.text });
    });
    return out;
}
