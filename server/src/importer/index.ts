// The importer: a manual's extracted text in, `.estructura` files and a report out.

import { parseApf } from './apf.js';
import { findAttachmentStatements, formerNamesOf, type AttachmentStatement, type LineLocator } from './attachment.js';
import { detectProfile, PROFILES, type Detection } from './detect.js';
import { emitManual, type AttachmentOrigin, type EmittedFile, type KnownUnit } from './emit.js';
import { foldName, normalizeSpace } from '../language/text-keys.js';
import { extractHistory, type History } from './history.js';
import { parseImss } from './imss.js';
import { parseIssste } from './issste.js';
import type { ImportedManual, ImportedUnit, LineFate, Profile, SourceLine } from './model.js';
import { decodeManual, ImportError, splitLines, stripMarkdown } from './source.js';

export { ImportError, detectProfile, PROFILES, type Detection };

export interface ImportOptions {
    profile?: Profile | 'auto';
    /** Base name of the output files; defaults to the source's name without extension. */
    baseName?: string;
    known?: KnownUnit[];
}

export interface ImportReport {
    archivo: string;
    perfil: Profile;
    manual: { id: string; titulo: string; institucion: string; vigencia: string | null };
    archivos: string[];
    /**
     * `numero` is unique in the manual (the parent's `numero` in `padre`); `numeroEscrito` is the
     * numeral as the heading writes it when that had to be qualified (`a` → `II.a`).
     */
    unidades: Array<{ numero: string; numeroEscrito?: string; nombre: string; padre: string | null; tipo: string; funciones: number; id: string; linea: number }>;
    funciones: number;
    lineas: {
        total: number;
        conservadas: number;
        descartadas: Array<{ linea: number; regla: string }>;
        descartadasPorRegla: Record<string, number>;
        sinReconocer: number[];
    };
    /** Names listed outside the body (Estructura Orgánica, organigramas) that match no unit. */
    listadosSinUnidad: Array<{ nombre: string; linea: number }>;
    /** Changes read from the Introducción/Antecedentes; paragraphs that mention one but yielded none. */
    historia: { cambios: number; sinInterpretar: number[] };
    /**
     * For each root unit of the manual: the unit it is attached to (`adscrita a`) or the same unit
     * elsewhere (`misma unidad que`), and where that came from: the sentence of the text that
     * states the parent, or why the root stays unattached.
     */
    raices: Array<{
        numero: string;
        nombre: string;
        id: string;
        origen: AttachmentOrigin;
        /** The unit written after `adscrita a`, as the workspace (or this manual) defines it. */
        adscripcion: { id: string; nombre: string } | null;
        /** The unit written after `misma unidad que`. */
        mismaUnidadQue: { id: string; nombre: string } | null;
        /** The sentence that names the parent: its line, its text, the parent's name as written, the section. */
        evidencia: { linea: number; texto: string; unidad: string; seccion: string } | null;
        explicacion: string;
        /** Other sentences that name a different parent. */
        otrasDeclaraciones: Array<{ linea: number; texto: string; unidad: string }>;
    }>;
    avisos: string[];
}

export interface ImportResult {
    manual: ImportedManual;
    files: EmittedFile[];
    report: ImportReport;
}

const FAMILY: Record<Profile, string> = {
    imss: 'del IMSS',
    issste: 'del ISSSTE',
    apf: 'de la Administración Pública Federal (Secretarías y Comisiones, publicado en el DOF)'
};

const PARSERS: Record<Profile, (lines: SourceLine[], fates: LineFate[]) => ImportedManual> = { imss: parseImss, issste: parseIssste, apf: parseApf };

export function importManual(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportResult {
    const text = decodeManual(bytes, fileName);
    // The family comes from the document's structure (see detect.ts); a chosen profile is checked
    // against it, and the report says when the structure points elsewhere.
    const detection = detectProfile(text);
    const auto = !options.profile || options.profile === 'auto';
    if (auto && !detection.profile) throw new ImportError(`${fileName}: ${detection.reason}`);
    const profile = auto ? detection.profile! : options.profile as Profile;
    const lines = splitLines(text);
    // A trailing newline does not make a line of its own.
    if (lines.length > 1 && lines.at(-1)!.text === '' && /\n$/u.test(text)) lines.pop();
    const fates: LineFate[] = new Array(lines.length);
    const manual = PARSERS[profile](lines, fates);
    const elsewhere = detection.verdicts.filter(v => v.profile !== profile && v.units > manual.units.length).sort((a, b) => b.units - a.units)[0];
    if (manual.units.length === 0) {
        const hint = elsewhere ? `; por su estructura parece del perfil «${elsewhere.profile}» (${elsewhere.units} unidades): pruebe --perfil ${elsewhere.profile}` : '';
        throw new ImportError(`${fileName}: no parece un manual de organización ${FAMILY[profile]}: no se encontró ningún encabezado de unidad con sus funciones (perfil «${profile}»)${hint}.`);
    }
    if (!auto && elsewhere) {
        (manual.notes ??= []).push(`Por su estructura, el texto parece del perfil «${elsewhere.profile}» (${elsewhere.units} unidades frente a ${manual.units.length} con «${profile}»).`);
    }
    const baseName = options.baseName ?? fileName.split(/[\\/]/u).pop()!.replace(/\.[^.]*$/u, '');
    const sourceName = fileName.split(/[\\/]/u).pop()!;
    const known = (options.known ?? []).filter(k => k.institution === manual.institution);
    const history = extractHistory(manual, [...manual.units.map(u => u.name), ...known.map(k => k.name)]);
    const attachments = rootStatements(manual, history, lineLocator(lines, fates));
    const emitted = emitManual(manual, { sourceName, baseName, known: options.known ?? [], history: history.changes, attachments });
    return { manual, files: emitted.files, report: buildReport(manual, sourceName, emitted, history) };
}

/** What the text states about the parent of each root unit, under its name or a former one. */
function rootStatements(manual: ImportedManual, history: History, locate: LineLocator): Map<ImportedUnit, AttachmentStatement[]> {
    const renames = history.changes.map(c => ({ from: c.nombreAnterior, to: c.nombreNuevo }));
    const out = new Map<ImportedUnit, AttachmentStatement[]>();
    for (const root of manual.units.filter(u => u.parent === null)) {
        out.set(root, findAttachmentStatements(manual, { root, names: [root.name, ...formerNamesOf(root.name, renames)] }, locate));
    }
    return out;
}

/**
 * The source line of an offset in a paragraph's joined text: the paragraph's lines are the kept
 * lines from its first one on (furniture and blank lines between them were dropped), joined by a
 * space. Each paragraph's line lengths are added up once.
 */
function lineLocator(lines: SourceLine[], fates: LineFate[]): LineLocator {
    const ends = new Map<number, Array<[line: number, end: number]>>();
    return (start, offset) => {
        let paragraph = ends.get(start);
        if (!paragraph) {
            paragraph = [];
            let length = -1;
            for (let n = start; n <= lines.length && n < start + 400; n++) {
                if (fates[n - 1]?.kind === 'dropped') continue;
                const text = normalizeSpace(stripMarkdown(lines[n - 1].text));
                if (text === '') continue;
                length += 1 + text.length;
                paragraph.push([n, length]);
            }
            ends.set(start, paragraph);
        }
        return paragraph.find(([, end]) => end >= offset)?.[0] ?? start;
    };
}

function buildReport(manual: ImportedManual, sourceName: string, emitted: ReturnType<typeof emitManual>, history: History): ImportReport {
    const descartadas: ImportReport['lineas']['descartadas'] = [];
    const porRegla: Record<string, number> = {};
    const sinReconocer: number[] = [];
    let conservadas = 0;
    manual.fates.forEach((fate, i) => {
        if (!fate || fate.kind === 'unrecognized') sinReconocer.push(i + 1);
        else if (fate.kind === 'kept') conservadas++;
        else {
            descartadas.push({ linea: i + 1, regla: fate.rule });
            porRegla[fate.rule] = (porRegla[fate.rule] ?? 0) + 1;
        }
    });
    const unitNames = new Set(manual.units.map(u => foldName(u.name)));
    const listadosSinUnidad = manual.listedNames
        .filter(l => !unitNames.has(foldName(l.text)))
        .map(l => ({ nombre: l.text, linea: l.line }));
    return {
        archivo: sourceName,
        perfil: manual.profile,
        manual: { id: emitted.manualId, titulo: manual.title, institucion: manual.institution, vigencia: manual.vigencia ?? null },
        archivos: emitted.files.map(f => f.name),
        unidades: manual.units.map(u => ({
            numero: u.number, ...(u.written ? { numeroEscrito: u.written } : {}), nombre: u.name, padre: u.parent, tipo: u.kind, funciones: u.functions.length,
            id: emitted.ids.get(u.number)!, linea: u.line
        })),
        funciones: manual.units.reduce((n, u) => n + u.functions.length, 0),
        lineas: { total: manual.fates.length, conservadas, descartadas, descartadasPorRegla: porRegla, sinReconocer },
        listadosSinUnidad,
        historia: { cambios: history.changes.length, sinInterpretar: history.uninterpreted },
        raices: emitted.roots.map(r => ({
            numero: r.unit.number,
            nombre: r.unit.name,
            id: emitted.ids.get(r.unit.number)!,
            origen: r.origin,
            adscripcion: r.parent ? { id: r.parent.id, nombre: r.parent.name } : null,
            mismaUnidadQue: r.same ? { id: r.same.id, nombre: r.same.name } : null,
            evidencia: r.statement ? { linea: r.statement.line, texto: r.statement.text, unidad: r.statement.parentName, seccion: r.statement.where } : null,
            explicacion: r.explanation,
            otrasDeclaraciones: r.others.map(o => ({ linea: o.line, texto: o.text, unidad: o.parentName }))
        })),
        avisos: [...(manual.notes ?? []), ...emitted.notes]
    };
}
