// Which family a manual belongs to, from its structure: how its unit headings and function lists
// are numbered and which sections it has. Never from the institutions it names (a SENER manual
// cites the ISSSTE law; an IMSS manual quotes the federal Ley Orgánica).
//
// Each family has one signal that finds its units (a heading numbered as the family numbers them,
// followed by what the family puts under a heading) and supporting signals (sections and page
// shapes of the family). The family whose unit signal finds the most units wins; a tie is broken
// by the supporting signals; when no unit signal finds a unit, or a tie remains, the importer says
// which profiles it tried and why each failed.

import type { Profile } from './model.js';
import { furnitureRule, stripMarkdown } from './source.js';
import { romanValue } from '../language/numerals.js';

export interface ProfileVerdict {
    profile: Profile;
    /** Units the family's unit signal finds. */
    units: number;
    /** The supporting signals present, as the message names them. */
    support: string[];
}

export type Detection =
    | { profile: Profile; verdicts: ProfileVerdict[] }
    | { profile: undefined; verdicts: ProfileVerdict[]; reason: string };

/** The lines a signal reads: non-blank, page furniture dropped, markdown emphasis removed. */
type Scan = string[];

interface Signal {
    profile: Profile;
    /** What the signal looks for, in Spanish. */
    label: string;
    /** `unidades`: counts the units the family's structure gives; `apoyo`: a section or shape of the family. */
    role: 'unidades' | 'apoyo';
    count: (scan: Scan, shapes: LabelledUnit[]) => number;
}

// ---------------------------------------------------------------------------------------------
// Shapes

const OBJETIVO_LABEL = /^\s*objetivos?(?:\s+generale?s?)?\s*(?::|\.?\s*$)/iu;
const FUNCIONES_LABEL = /^\s*funciones(?:\s+(?:espec[ií]ficas|principales|generales|sustantivas))?\s*[:.]?\s*$/iu;
/** `1.1 Dirección…`, `5.3.0.1 Departamento…`: a decimal code (one or two digits per segment). */
const DECIMAL_CODE = /^\s*(\d{1,2}(?:\.\d{1,3})*)\.?\s+\p{Lu}/u;
/** `100. SECRETARÍA…`, `111. Dirección…`: a code of three or four digits. */
const NUMERIC_CODE = /^\s*(\d{3,4})\.?-?\s+\p{Lu}/u;
const ROMAN_MARK = /^\s*([IVXLC]{1,7})(?:\.\d{1,3})*\.-?\s+\p{Lu}/u;
const LETTER_MARK = /^\s*[A-Za-zñ][.)]\s+\p{Lu}/u;
const ARABIC_ITEM = /^\s*(?:[-–•]\s+)?1(?:\.-|\.|\)|-)?\s+\S/u;
const DASH_ITEM = /^\s*[-–•]\s+\S/u;
const ROMAN_ITEM = /^\s*I(?:\.-?|\))\s+\p{Lu}/u;

type HeadingKind = 'decimal' | 'numeric' | 'roman' | 'letter';
type ListKind = 'arabic' | 'roman' | 'dash' | 'other' | 'none';

/** A heading followed by `Objetivo:` (or directly by `Funciones:`), and how its function list is numbered. */
interface LabelledUnit {
    heading: HeadingKind;
    list: ListKind;
}

function headingKind(text: string): HeadingKind | undefined {
    if (NUMERIC_CODE.test(text)) return 'numeric';
    if (DECIMAL_CODE.test(text)) return 'decimal';
    const roman = ROMAN_MARK.exec(text);
    if (roman && romanValue(roman[1]) !== undefined) return 'roman';
    if (LETTER_MARK.test(text)) return 'letter';
    return undefined;
}

/** Headings with an `Objetivo:` or `Funciones:` label under them (a wrapped name may sit between). */
function labelledUnits(scan: Scan): LabelledUnit[] {
    const out: LabelledUnit[] = [];
    for (let k = 0; k < scan.length; k++) {
        const objetivo = OBJETIVO_LABEL.test(scan[k]);
        if (!objetivo && !FUNCIONES_LABEL.test(scan[k])) continue;
        let heading: HeadingKind | undefined;
        for (let back = 1; back <= 4 && k - back >= 0; back++) {
            const text = scan[k - back];
            heading = headingKind(text);
            if (heading || OBJETIVO_LABEL.test(text) || FUNCIONES_LABEL.test(text) || /[;:]\s*$/u.test(text)) break;
        }
        if (!heading) continue;
        // The list: the first line after the unit's `Funciones:` label.
        let list: ListKind = 'none';
        const end = Math.min(scan.length, k + 40);
        for (let f = objetivo ? k + 1 : k; f < end; f++) {
            if (!FUNCIONES_LABEL.test(scan[f])) continue;
            const first = scan[f + 1] ?? '';
            list = ROMAN_ITEM.test(first) ? 'roman' : ARABIC_ITEM.test(first) ? 'arabic' : DASH_ITEM.test(first) ? 'dash' : 'other';
            break;
        }
        out.push({ heading, list });
    }
    return out;
}

const SECTION_NUMBER = /^\s*(\d{1,2})\.?\s+(.*)$/u;
const OUTLINE = /^\s*(\d{1,2})((?:\.\d{1,3})+)\.?\s+\p{Lu}/u;
const INFINITIVE_START = /^\s*(?:[\u2022\u25cf\u25aa\uf0b7·]\s*)?\p{Lu}\p{Ll}+(?:ar|er|ir)(?![\p{L}])/u;

/**
 * IMSS units: decimal headings (`7.1`, `7.1.1`) under a numbered Funciones section (`7 Funciones
 * Sustantivas`), followed by their functions (numbered from 1, or paragraphs that open with an
 * infinitive), or by the end of the text, and not by an `Objetivo:` label or another heading.
 */
function imssUnits(scan: Scan): number {
    const sections = new Set<string>();
    for (const text of scan) {
        const m = SECTION_NUMBER.exec(text);
        if (m && m[2].length <= 60 && /\bfunciones\b/iu.test(m[2]) && !/[;:]\s*$/u.test(m[2])) sections.add(m[1]);
    }
    if (sections.size === 0) return 0;
    let count = 0;
    for (let k = 0; k < scan.length; k++) {
        const m = OUTLINE.exec(scan[k]);
        if (!m || !sections.has(m[1])) continue;
        // (A heading the text ends on counts: its functions may be on a page the extraction moved.)
        if (k === scan.length - 1) count++;
        for (let next = k + 1; next < Math.min(scan.length, k + 4); next++) {
            const text = scan[next];
            if (/^\s*1(?:\.-|\.|\)|-)?\s+\S/u.test(text) || INFINITIVE_START.test(text)) { count++; break; }
            if (OBJETIVO_LABEL.test(text) || FUNCIONES_LABEL.test(text) || /^\s*(?:\d|[IVXLC]+\.|[A-Za-z][.)])/u.test(text)) break;
        }
    }
    return count;
}

const OBJETIVOS_Y_FUNCIONES = /^\s*(?:(?:\d{1,2}|[IVXL]{1,5})\s*\.?-?\s+)?objetivos?\s+y\s+funciones\b[^;:]{0,80}$/iu;
const ESTRUCTURA_ORGANICA = /^\s*(?:(?:\d{1,2}|[IVXL]{1,5})\s*\.?-?\s+)?estructura\s+org[aá]nica\b[^;:]{0,40}$/iu;
const LIST_ITEM = /^\s*(?:[A-Z]\.|[IVXLC]{1,7}\.|[IVXLC]{1,7}\.\d{1,3}\.?)\s+\p{Lu}/u;

/** An Estructura orgánica list written with letters, Roman numerals or `I.1.` sub-numbers (three items or more). */
function lettered(scan: Scan): number {
    let found = 0;
    for (let k = 0; k < scan.length; k++) {
        if (!ESTRUCTURA_ORGANICA.test(scan[k])) continue;
        let items = 0;
        for (let n = k + 1; n < Math.min(scan.length, k + 12); n++) if (LIST_ITEM.test(scan[n])) items++;
        if (items >= 3) found++;
    }
    return found;
}

const SIGNALS: Signal[] = [
    {
        profile: 'imss', role: 'unidades',
        label: 'encabezados con numeración decimal (7.1, 7.1.1) bajo una sección numerada de Funciones, seguidos de sus funciones',
        count: scan => imssUnits(scan)
    },
    { profile: 'imss', role: 'apoyo', label: 'organigramas con «Vigencia»', count: scan => scan.filter(t => /^\s*Vigencia\b/iu.test(t)).length },
    { profile: 'imss', role: 'apoyo', label: 'Acuerdos del H. Consejo Técnico (ACDO.…HCT…)', count: scan => scan.filter(t => /\bACDO\.[A-Z0-9.]*HCT\./u.test(t)).length },
    {
        profile: 'issste', role: 'unidades',
        label: 'encabezados con código (1.1, 5.3.0.1) seguidos de «Objetivo:» y de «Funciones:» numeradas con arábigos (1., 2.)',
        count: (_scan, shapes) => shapes.filter(s => s.heading === 'decimal' && (s.list === 'arabic' || s.list === 'dash')).length
    },
    {
        profile: 'issste', role: 'apoyo', label: 'encabezados de página de la Normateca (Hoja: N de M, Código:)',
        count: scan => scan.filter(t => /Hoja:\s*\d+\s*de\s*\d+|\tCódigo:/u.test(t)).length
    },
    { profile: 'issste', role: 'apoyo', label: 'códigos con «.0.» de unidades staff (5.3.0.1)', count: scan => scan.filter(t => /^\s*\d{1,2}(?:\.\d{1,2})*\.0\.\d{1,2}\s+\p{Lu}/u.test(t)).length },
    {
        profile: 'apf', role: 'unidades',
        label: 'listas «Funciones:» numeradas con romanos (I., II.) bajo un encabezado de unidad (100., I., a)) y su «Objetivo:»',
        count: (_scan, shapes) => shapes.filter(s => s.list === 'roman').length
    },
    { profile: 'apf', role: 'apoyo', label: 'sección «Objetivos y funciones»', count: scan => scan.filter(t => OBJETIVOS_Y_FUNCIONES.test(t)).length },
    { profile: 'apf', role: 'apoyo', label: 'Estructura orgánica con letras, romanos o «I.1.» (A., I., I.1.)', count: scan => lettered(scan) }
];

/** Every importer family, in the order `--perfil` lists them. */
export const PROFILES: readonly Profile[] = ['imss', 'issste', 'apf'];

export function detectProfile(text: string): Detection {
    const scan: Scan = [];
    for (const raw of text.split(/\r\n|\r|\n/u)) {
        if (raw.trim() === '' || furnitureRule(raw)) continue;
        scan.push(stripMarkdown(raw).replace(/\*/gu, ''));
    }
    const shapes = labelledUnits(scan);
    const verdicts: ProfileVerdict[] = PROFILES.map(profile => {
        let units = 0;
        const support: string[] = [];
        for (const s of SIGNALS.filter(x => x.profile === profile)) {
            const n = s.count(scan, shapes);
            if (s.role === 'unidades') units += n;
            else if (n > 0) support.push(s.label);
        }
        return { profile, units, support };
    });
    // A federal manual may number its functions with arabic numerals, like the ISSSTE: its units
    // count for the federal family too when the text has a section or list shape of that family.
    const apf = verdicts.find(v => v.profile === 'apf')!;
    if (apf.support.length > 0) apf.units += shapes.filter(s => s.list === 'arabic' || s.list === 'dash').length;

    const ranked = [...verdicts].sort((a, b) => b.units - a.units || b.support.length - a.support.length);
    const [best, second] = ranked;
    if (best.units > 0 && (best.units > second.units || best.support.length > second.support.length)) return { profile: best.profile, verdicts };
    return { profile: undefined, verdicts, reason: undecided(verdicts, best.units > 0 ? ranked.filter(v => v.units === best.units && v.support.length === best.support.length) : []) };
}

/** Why no profile was chosen: each profile, what it looked for and what it found. */
function undecided(verdicts: ProfileVerdict[], tied: ProfileVerdict[]): string {
    const unitLabel = (p: Profile) => SIGNALS.find(s => s.profile === p && s.role === 'unidades')!.label;
    const parts = verdicts.map(v => {
        if (v.units === 0) return `${v.profile}: ninguna unidad (busca ${unitLabel(v.profile)})`;
        const support = v.support.length > 0 ? `, con ${v.support.join(' y ')}` : ', sin otras señales de la familia';
        return `${v.profile}: ${v.units} ${v.units === 1 ? 'unidad' : 'unidades'}${support}`;
    });
    const head = tied.length > 1
        ? `no se pudo decidir a qué familia pertenece el manual: ${tied.map(v => v.profile).join(' y ')} encuentran las mismas unidades y las mismas señales`
        : 'no se pudo decidir a qué familia pertenece el manual: ningún perfil encuentra unidades con su estructura';
    return `${head}. Perfiles probados: ${parts.join('; ')}. Indique el perfil con --perfil imss, issste o apf.`;
}
