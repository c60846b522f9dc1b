// The importer's intermediate model: what a manual's text says, before it becomes `.estructura`.
// Parsers (one per profile) fill it; the emitter and the report read it. Line numbers are 1-based
// lines of the original input file.

/** The families the importer reads: IMSS decimal outlines, ISSSTE codes, federal (APF) DOF manuals. */
export type Profile = 'imss' | 'issste' | 'apf';

export interface SourceLine {
    /** 1-based line number in the input file. */
    line: number;
    /** NFC-normalized text, trailing whitespace removed, tabs kept. */
    text: string;
}

/** A prose paragraph (or a single line of prose) and where it starts. */
export interface Paragraph {
    text: string;
    line: number;
}

export interface ImportedItem {
    /** `a`, `b`… for lettered incisos; `-` for dash items. */
    label: string;
    text: string;
    line: number;
}

export interface ImportedFunction {
    /** The number as written (`1.`, `12`, `XXV.`), absent for bullet lists whose numbers were lost. */
    number?: string;
    text: string;
    line: number;
    /** The closing catch-all ("Las demás que…", "Realizar las demás funciones…"). */
    closing: boolean;
    items: ImportedItem[];
}

export interface ImportedUnit {
    /**
     * Number or code as written in the manual, without a trailing period (`7.1.1`, `5.3.0.1`, `100`,
     * `I`, `I.1`, `a`); unique within the manual. A federal manual's lettered headings start again
     * under each Roman numeral (`a)` under `I.` and under `II.`): the repeated ones are qualified by
     * their parent's number (`II.a`) and `written` keeps the numeral as the heading writes it.
     */
    number: string;
    /** The numeral as written, when `number` had to be qualified to be unique. */
    written?: string;
    /** Official name, wrapped lines joined, footnote marks removed. */
    name: string;
    /** Parent's number/code, or null for a root of the manual. */
    parent: string | null;
    /** Kind suggested by the name's prefix (`Dirección`, `Jefatura de Servicios`…), or a fallback. */
    kind: string;
    /** Line of the heading. */
    line: number;
    objetivo?: Paragraph;
    functions: ImportedFunction[];
    /** A heading that groups units and has no functions of its own (IMSS 8.1.11). */
    grouping?: boolean;
    /** A plural heading standing for many instances (Delegaciones, UMAE). */
    generic?: boolean;
}

export interface ImportedSection {
    title: string;
    line: number;
    paragraphs: Paragraph[];
}

export interface ImportedOrganigrama {
    /** The unit number the chart is about, when the text gives one (`6.1.2`). */
    number?: string;
    title: string;
    line: number;
    /** ISO date `YYYY-MM-DD`. */
    vigencia?: string;
}

export interface ImportedAcuerdo {
    id: string;
    /** ISO date, from the id's DDMMYY segment or the text around it. */
    date?: string;
    line: number;
}

export type LineFate =
    | { kind: 'kept' }
    | { kind: 'dropped'; rule: string }
    | { kind: 'unrecognized' };

export interface ImportedManual {
    profile: Profile;
    /** The institution's id, the namespace of its units' ids (`IMSS`, `ISSSTE`, `SENER`, `CNE`…). */
    institution: string;
    /** The institution's name as the document gives it (`Secretaría de Energía`), when it does. */
    institutionName?: string;
    title: string;
    clave?: string;
    /** ISO date of the latest organigrama vigencia or publication, if any. */
    vigencia?: string;
    acuerdos: ImportedAcuerdo[];
    /** Prose sections in document order (Introducción, Antecedentes, Marco Jurídico…). */
    sections: ImportedSection[];
    /** Units in document order. */
    units: ImportedUnit[];
    organigramas: ImportedOrganigrama[];
    /** Unit names listed outside the body (Estructura Orgánica list, index, organigram remnants). */
    listedNames: Paragraph[];
    /** Fate of every input line, index = line - 1. */
    fates: LineFate[];
    /**
     * What the parser noticed and the report must say (in Spanish): list and body that disagree,
     * a function list cut short, lines of a page whose columns were glued together.
     */
    notes?: string[];
}
