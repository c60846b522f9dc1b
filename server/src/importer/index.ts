// The importer: a manual's extracted text in, `.estructura` files and a report out.

import { emitManual, foldName, type EmittedFile, type KnownUnit } from './emit.js';
import { extractHistory, type History } from './history.js';
import { parseImss } from './imss.js';
import { parseIssste } from './issste.js';
import type { ImportedManual, LineFate, Profile } from './model.js';
import { decodeManual, ImportError, splitLines } from './source.js';

export { ImportError };

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
    unidades: Array<{ numero: string; nombre: string; padre: string | null; tipo: string; funciones: number; id: string; linea: number }>;
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
    avisos: string[];
}

export interface ImportResult {
    manual: ImportedManual;
    files: EmittedFile[];
    report: ImportReport;
}

/** Which family a text belongs to, from the institution it names most. */
export function detectProfile(text: string): Profile {
    const issste = (text.match(/Instituto de Seguridad y Servicios Sociales de los Trabajadores del Estado|\bISSSTE\b/giu) ?? []).length;
    const imss = (text.match(/Instituto Mexicano del Seguro Social|\bIMSS\b/gu) ?? []).length;
    return issste > imss ? 'issste' : 'imss';
}

export function importManual(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportResult {
    const text = decodeManual(bytes, fileName);
    const profile = !options.profile || options.profile === 'auto' ? detectProfile(text) : options.profile;
    const lines = splitLines(text);
    // A trailing newline does not make a line of its own.
    if (lines.length > 1 && lines.at(-1)!.text === '' && /\n$/u.test(text)) lines.pop();
    const fates: LineFate[] = new Array(lines.length);
    const manual = profile === 'issste' ? parseIssste(lines, fates) : parseImss(lines, fates);
    if (manual.units.length === 0) {
        throw new ImportError(`${fileName}: no parece un manual de organización ${profile === 'issste' ? 'del ISSSTE' : 'del IMSS'}: no se encontró ningún encabezado de unidad con sus funciones (perfil «${profile}»).`);
    }
    const baseName = options.baseName ?? fileName.split(/[\\/]/u).pop()!.replace(/\.[^.]*$/u, '');
    const sourceName = fileName.split(/[\\/]/u).pop()!;
    const known = (options.known ?? []).filter(k => k.institution === manual.institution);
    const history = extractHistory(manual, [...manual.units.map(u => u.name), ...known.map(k => k.name)]);
    const emitted = emitManual(manual, { sourceName, baseName, known: options.known ?? [], history: history.changes });
    return { manual, files: emitted.files, report: buildReport(manual, sourceName, emitted, history) };
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
            numero: u.number, nombre: u.name, padre: u.parent, tipo: u.kind, funciones: u.functions.length,
            id: emitted.ids.get(u.number)!, linea: u.line
        })),
        funciones: manual.units.reduce((n, u) => n + u.functions.length, 0),
        lineas: { total: manual.fates.length, conservadas, descartadas, descartadasPorRegla: porRegla, sinReconocer },
        listadosSinUnidad,
        historia: { cambios: history.changes.length, sinInterpretar: history.uninterpreted },
        avisos: emitted.notes
    };
}
