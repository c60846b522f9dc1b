// `estructura exportar`: the manuals of a workspace as printable HTML, Markdown, the full model as
// JSON, or the organigramas as SVG. Writes only where told: stdout for one document, else the
// file or folder given with --salida, never replacing a file without --sobrescribir.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { buildManualDocuments, fileOf, type ManualDocument } from '../export/manual-document.js';
import { EXPORTERS, type ExportContext, type ExportFormat, type ExportOutput } from '../export/exporters.js';
import { ChartBuilder } from '../organigrama/index.js';
import { isDocumento, isManual } from '../language/generated/ast.js';
import { manualKey } from '../language/model.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace.js';
import { last, OUTPUT_OPTIONS, readOptions, spanishList, type OptionSpecs } from './args.js';
import { exists } from './files.js';
import { EXPORTAR_USAGE as USAGE } from './help.js';

interface ExportArgs {
    paths: string[];
    format: ExportFormat;
    output?: string;
    manuals: string[];
    workspace: string[];
    overwrite: boolean;
}

const OPTIONS = {
    ...OUTPUT_OPTIONS,
    formato: { type: 'string', aliases: ['format'], short: 'f' },
    manual: { type: 'string' }
} as const satisfies OptionSpecs;

function parseArgs(args: string[]): ExportArgs | string {
    const read = readOptions(args, OPTIONS);
    if (typeof read === 'string') return read;
    const { values, positionals: paths } = read;
    const formato = last(values.formato)?.toLowerCase();
    const named = formato === 'markdown' ? 'md' : formato;
    const format = named !== undefined && Object.hasOwn(EXPORTERS, named) ? named as ExportFormat : undefined;
    if (formato !== undefined && !format) return `formato desconocido «${formato}»: use ${spanishList(Object.keys(EXPORTERS))}.`;
    if (paths.length === 0) return 'indique al menos un archivo o carpeta a exportar.';
    if (!format) return `indique el formato con --formato ${spanishList(Object.keys(EXPORTERS))}.`;
    return { paths, format, output: last(values.salida), manuals: values.manual, workspace: values.espacio, overwrite: values.sobrescribir };
}

/** Where the export goes: stdout (no --salida), one file, or a folder. */
interface Destination {
    toStdout: boolean;
    singleFile?: string;
    /** The folder written to (for stdout, the working folder). */
    folder: string;
}

export async function runExport(rawArgs: string[]): Promise<number> {
    const args = parseArgs(rawArgs);
    if (typeof args === 'string') {
        process.stderr.write(`estructura exportar: ${args}\n${USAGE}\n`);
        return 2;
    }
    const workspace = await loadWorkspace([...args.paths, ...args.workspace], false);
    if (workspace.problems.length > 0) {
        for (const problem of workspace.problems) process.stderr.write(`estructura exportar: ${problem.file}: ${problem.message}\n`);
        return 2;
    }
    const syntaxErrors = reportSyntaxErrors(workspace.documents);
    if (syntaxErrors > 0) {
        process.stderr.write(`estructura exportar: ${syntaxErrors} errores de sintaxis; no se exporta nada (corríjalos y vuelva a intentar, o revise con «estructura revisar»).\n`);
        return 1;
    }
    const manuals = await manualsToExport(workspace, args);
    if (typeof manuals === 'number') return manuals;
    await warnFilesLeftOut(manuals, workspace, args.paths);

    const destination = destinationOf(args);
    const outputs = await EXPORTERS[args.format].write(manuals, exportContext(workspace, destination));
    const documents = outputs.filter(o => !o.companion);
    if ((destination.toStdout || destination.singleFile) && documents.length !== 1) {
        const what = args.format === 'svg' ? `${documents.length} organigramas` : `${documents.length} manuales (${manuals.map(m => m.id ?? '?').join(', ')})`;
        process.stderr.write(`estructura exportar: se exportan ${what}: indique una carpeta con --salida <carpeta>${args.format === 'svg' ? '' : ' o elija uno con --manual <ID>'}.\n`);
        return 2;
    }
    if (destination.toStdout) {
        process.stdout.write(documents[0].text);
        return 0;
    }
    return writeOutputs(outputs, destination, args.overwrite);
}

/** A file that does not parse would be exported with pieces missing: name each error instead. */
function reportSyntaxErrors(documents: LangiumDocument[]): number {
    const cwd = process.cwd();
    let syntaxErrors = 0;
    for (const document of documents) {
        const file = path.relative(cwd, fileOf(document)) || fileOf(document);
        for (const e of document.parseResult.lexerErrors) {
            syntaxErrors++;
            process.stderr.write(`${file}:${e.line ?? 0}:${e.column ?? 0} error de sintaxis: ${e.message}\n`);
        }
        for (const e of document.parseResult.parserErrors) {
            syntaxErrors++;
            process.stderr.write(`${file}:${Number.isNaN(e.token.startLine) ? '?' : e.token.startLine}:${Number.isNaN(e.token.startColumn) ? '?' : e.token.startColumn} error de sintaxis: ${e.message}\n`);
        }
    }
    return syntaxErrors;
}

/**
 * The manuals with a file under the given paths (--espacio only resolves references), only those
 * --manual names if given; else the exit code, the problem said.
 */
async function manualsToExport(workspace: LoadedWorkspace, args: ExportArgs): Promise<ManualDocument[] | number> {
    const wanted = await exportedFiles(workspace.documents, args.paths);
    let manuals = buildManualDocuments(workspace.documents).filter(m => m.files.some(d => wanted.has(fileOf(d))));
    if (args.manuals.length > 0) {
        const unknown = args.manuals.filter(id => !manuals.some(m => m.id === id || m.key === id || `${m.institution}.${m.id}` === id));
        if (unknown.length > 0) {
            process.stderr.write(`estructura exportar: no se encontró el manual ${unknown.map(id => `«${id}»`).join(', ')}; manuales en las rutas: ${manuals.map(m => m.id ?? '(sin encabezado)').join(', ') || 'ninguno'}.\n`);
            return 2;
        }
        manuals = manuals.filter(m => args.manuals.some(id => m.id === id || m.key === id || `${m.institution}.${m.id}` === id));
    }
    if (manuals.length === 0) {
        process.stderr.write(`estructura exportar: no hay manuales que exportar en ${args.paths.join(', ')} (ningún archivo .estructura).\n`);
        return 1;
    }
    return manuals;
}

/** A split manual exported from some of its files only: say what was left out and how to add it. */
async function warnFilesLeftOut(manuals: ManualDocument[], workspace: LoadedWorkspace, paths: string[]): Promise<void> {
    const cwd = process.cwd();
    for (const left of await filesLeftOut(manuals, workspace, paths)) {
        const folder = path.relative(cwd, left.folder) || '.';
        const parts = left.parts === 0 ? '' : `${left.parts} ${left.parts === 1 ? 'parte' : 'partes'}`;
        const what = left.main ? (parts ? `el archivo principal y ${parts}` : 'el archivo principal') : parts;
        const total = left.manual.files.length + left.parts + (left.main ? 1 : 0);
        process.stderr.write(`estructura exportar: aviso: ${left.parts + (left.main ? 1 : 0) === 1 ? 'queda' : 'quedan'} fuera ${what} del manual ${left.manual.id}`
            + ` que ${left.parts + (left.main ? 1 : 0) === 1 ? 'está' : 'están'} en ${folder} y no se dieron; se exporta con ${left.manual.files.length} de sus ${total} archivos.`
            + ` Para exportarlo completo, dé la carpeta (estructura exportar ${folder} …) o añádala con --espacio ${folder}.\n`);
    }
}

/** --salida names a file when it ends with the format's extension, else a folder. */
function destinationOf(args: ExportArgs): Destination {
    if (args.output === undefined) return { toStdout: true, folder: process.cwd() };
    if (EXPORTERS[args.format].extension.test(args.output)) {
        return { toStdout: false, singleFile: args.output, folder: path.dirname(path.resolve(args.output)) };
    }
    return { toStdout: false, folder: path.resolve(args.output) };
}

function exportContext(workspace: LoadedWorkspace, destination: Destination): ExportContext {
    const charts = new ChartBuilder(workspace.documents);
    return {
        // A manual without units (an occupational structure file) has no chart.
        chartsOf: manual => (manual.units.length === 0 ? [] : charts.statedCharts(manual.files[0].parseResult.value).filter(c => c.roots.length > 0)),
        mentions: workspace.services.structure.MentionIndex,
        // Paths relative to where the JSON is read from: its folder, or the working folder for stdout.
        folder: destination.folder,
        toStdout: destination.toStdout,
        singleFile: destination.singleFile
    };
}

/** Writes the outputs into the destination's folder (never over a file without --sobrescribir) and lists them. */
async function writeOutputs(outputs: ExportOutput[], destination: Destination, overwrite: boolean): Promise<number> {
    const cwd = process.cwd();
    const { folder, singleFile } = destination;
    const files = outputs.map(o => ({ file: !o.companion && singleFile ? path.resolve(singleFile) : path.join(folder, o.name), text: o.text }));
    if (!overwrite) {
        const existing = (await Promise.all(files.map(async f => ((await exists(f.file)) ? f.file : undefined)))).filter((f): f is string => Boolean(f));
        if (existing.length > 0) {
            const shown = path.relative(cwd, existing[0]) || existing[0];
            process.stderr.write(`estructura exportar: ${existing.length === 1 ? `ya existe ${shown}` : `ya existen ${existing.length} archivos de salida (p. ej. ${shown})`}; use --sobrescribir para reemplazarlos.\n`);
            return 2;
        }
    }
    try {
        await fs.mkdir(folder, { recursive: true });
        for (const f of files) await fs.writeFile(f.file, f.text, 'utf-8');
    } catch (error) {
        process.stderr.write(`estructura exportar: no se puede escribir en ${path.relative(cwd, folder) || folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.\n`);
        return 2;
    }
    const size = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1e3))} KB`);
    for (const f of files) process.stderr.write(`${path.relative(cwd, f.file) || f.file} (${size(Buffer.byteLength(f.text))})\n`);
    return 0;
}

interface LeftOut {
    manual: ManualDocument;
    folder: string;
    /** Files with `parte de` the manual, and whether its `manual` file is among them. */
    parts: number;
    main: boolean;
}

/**
 * Files of the exported manuals that sit beside a given file but were not loaded (neither given
 * nor under --espacio): `exportar manual.estructura` without the `parte de` files next to it.
 * Only their headers matter, so they are parsed, not linked.
 */
async function filesLeftOut(manuals: ManualDocument[], workspace: LoadedWorkspace, paths: string[]): Promise<LeftOut[]> {
    const byKey = new Map(manuals.filter(m => m.id !== undefined).map(m => [m.key, m]));
    const loaded = new Set(workspace.documents.map(fileOf));
    const folders = new Set<string>();
    for (const p of paths) {
        // A given folder brought every file under it; a given file may have left its siblings.
        if (p.endsWith('.estructura') && loaded.has(path.resolve(p))) folders.add(path.dirname(path.resolve(p)));
    }
    const found = new Map<string, LeftOut>();
    for (const folder of folders) {
        let entries: string[];
        try {
            entries = (await fs.readdir(folder)).sort();
        } catch {
            continue;
        }
        for (const entry of entries) {
            const file = path.join(folder, entry);
            if (!entry.endsWith('.estructura') || loaded.has(file)) continue;
            let text: string;
            try {
                text = await fs.readFile(file, 'utf-8');
            } catch {
                continue;
            }
            const root = workspace.services.parser.LangiumParser.parse(text).value;
            if (!isDocumento(root)) continue;
            const manual = byKey.get(manualKey(root));
            if (!manual) continue;
            const id = `${manual.key}|${folder}`;
            const left = found.get(id) ?? { manual, folder, parts: 0, main: false };
            if (isManual(root.encabezado)) left.main = true;
            else left.parts++;
            found.set(id, left);
        }
    }
    return [...found.values()];
}

/** The `.estructura` files under the paths to export (the --espacio folders only give context). */
async function exportedFiles(documents: LangiumDocument[], paths: string[]): Promise<Set<string>> {
    const roots = paths.map(p => path.resolve(p));
    const out = new Set<string>();
    for (const document of documents) {
        const file = fileOf(document);
        if (roots.some(root => file === root || file.startsWith(root + path.sep))) out.add(file);
    }
    return out;
}
