// The history of a structure, as the Introducción or the Antecedentes state it: who approved a
// change (an Acuerdo of the H. Consejo Técnico, or before 2016 an oficio), when, and what changed
// (a unit renamed, transformed, created, suppressed, moved with its subtree). Only sentences whose
// wording is recognized become records; the rest stays in the prose (which is kept verbatim) and the
// report lists the paragraphs that mention a change but yielded none.
import { nameWords } from '../language/mentions/words.js';
import type { ImportedManual } from './model.js';
import { nameAfter, sentenceAt, sentencesOf, type Known } from './history-names.js';
import { changesIn } from './history-patterns.js';
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

export interface Approval {
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
