// `estructura exportar`: the manuals of a workspace as printable HTML, Markdown, the full model as
// JSON, or the organigramas as SVG. Writes only where told: stdout for one document, else the
// file or folder given with --salida, never replacing a file without --sobrescribir.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { buildManualDocuments, fileOf, manualFileBase, type ManualDocument } from '../export/manual-document.js';
import { manualHtml } from '../export/html.js';
import { manualMarkdown } from '../export/markdown.js';
import { modelJson } from '../export/model-json.js';
import { chartPageSvgs, staticChartSvg } from '../export/charts.js';
import { ChartBuilder, type Chart } from '../organigrama/index.js';
import { isDocumento, isManual } from '../language/generated/ast.js';
import { manualKey } from '../language/model.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace.js';
import { last, OUTPUT_OPTIONS, readOptions, type OptionSpecs } from './args.js';
import { exists } from './files.js';
import { EXPORTAR_USAGE as USAGE } from './help.js';

export type ExportFormat = 'html' | 'md' | 'json' | 'svg';


const EXTENSIONS: Record<ExportFormat, RegExp> = { html: /\.html?$/i, md: /\.(md|markdown)$/i, json: /\.json$/i, svg: /\.svg$/i };

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
    const format: ExportFormat | undefined = formato === 'markdown' ? 'md'
        : formato === 'html' || formato === 'md' || formato === 'json' || formato === 'svg' ? formato : undefined;
    if (formato !== undefined && !format) return `formato desconocido «${formato}»: use html, md, json o svg.`;
    if (paths.length === 0) return 'indique al menos un archivo o carpeta a exportar.';
    if (!format) return 'indique el formato con --formato html, md, json o svg.';
    return { paths, format, output: last(values.salida), manuals: values.manual, workspace: values.espacio, overwrite: values.sobrescribir };
}

/** One file the export produces: its name inside the output folder and its text. */
interface Output {
    name: string;
    text: string;
    /** Charts that accompany a Markdown document, written next to it. */
    companion?: boolean;
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
    // A file that does not parse would be exported with pieces missing: name each error instead.
    const cwd = process.cwd();
    let syntaxErrors = 0;
    for (const document of workspace.documents) {
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
    if (syntaxErrors > 0) {
        process.stderr.write(`estructura exportar: ${syntaxErrors} errores de sintaxis; no se exporta nada (corríjalos y vuelva a intentar, o revise con «estructura revisar»).\n`);
        return 1;
    }

    // Export the manuals with a file under the given paths; --espacio only resolves references.
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

    // A split manual exported from some of its files only: say what was left out and how to add it.
    for (const left of await filesLeftOut(manuals, workspace, args.paths)) {
        const folder = path.relative(cwd, left.folder) || '.';
        const parts = left.parts === 0 ? '' : `${left.parts} ${left.parts === 1 ? 'parte' : 'partes'}`;
        const what = left.main ? (parts ? `el archivo principal y ${parts}` : 'el archivo principal') : parts;
        const total = left.manual.files.length + left.parts + (left.main ? 1 : 0);
        process.stderr.write(`estructura exportar: aviso: ${left.parts + (left.main ? 1 : 0) === 1 ? 'queda' : 'quedan'} fuera ${what} del manual ${left.manual.id}`
            + ` que ${left.parts + (left.main ? 1 : 0) === 1 ? 'está' : 'están'} en ${folder} y no se dieron; se exporta con ${left.manual.files.length} de sus ${total} archivos.`
            + ` Para exportarlo completo, dé la carpeta (estructura exportar ${folder} …) o añádala con --espacio ${folder}.\n`);
    }

    // Where it goes: stdout, one file, or a folder.
    const target = args.output === undefined ? undefined : await outputKind(args.output, args.format);
    const toStdout = target === undefined;
    const singleFile = target?.kind === 'file' ? target.path : undefined;

    const charts = new ChartBuilder(workspace.documents);
    // A manual without units (an occupational structure file) has no chart.
    const chartsOf = (manual: ManualDocument) => (manual.units.length === 0 ? [] : charts.statedCharts(manual.files[0].parseResult.value).filter(c => c.roots.length > 0));
    const outputs: Output[] = [];
    const chartName = (base: string, i: number, all: Chart[]) => `${base}.organigrama${all.length > 1 ? `-${i + 1}` : ''}.svg`;
    switch (args.format) {
        case 'json': {
            // Paths relative to where the JSON is read from: its folder, or the working folder for stdout.
            const base = singleFile ? path.dirname(path.resolve(singleFile)) : target ? path.resolve(target.path) : cwd;
            const json = modelJson(manuals, { base, mentions: workspace.services.structure.MentionIndex });
            outputs.push({ name: manuals.length === 1 ? `${manualFileBase(manuals[0])}.json` : 'estructura.json', text: JSON.stringify(json, null, 2) + '\n' });
            break;
        }
        case 'svg':
            for (const manual of manuals) {
                const list = chartsOf(manual);
                for (let i = 0; i < list.length; i++) outputs.push({ name: chartName(manualFileBase(manual), i, list), text: (await staticChartSvg(list[i])) + '\n' });
            }
            break;
        case 'html':
            for (const manual of manuals) {
                // A chart too big for one legible printed page goes on several (charts.ts).
                const svgs = (await Promise.all(chartsOf(manual).map(chart => chartPageSvgs(chart)))).flat();
                outputs.push({ name: `${manualFileBase(manual)}.html`, text: manualHtml(manual, svgs) });
            }
            break;
        case 'md':
            for (const manual of manuals) {
                const list = chartsOf(manual);
                const svgs = await Promise.all(list.map(chart => staticChartSvg(chart)));
                if (toStdout) {
                    outputs.push({ name: `${manualFileBase(manual)}.md`, text: manualMarkdown(manual, { inline: svgs }) });
                } else {
                    // Charts as files beside the document, linked by relative name.
                    const base = singleFile && manuals.length === 1 ? path.basename(singleFile).replace(EXTENSIONS.md, '') : manualFileBase(manual);
                    const names = list.map((_, i) => chartName(base, i, list));
                    outputs.push({ name: `${base}.md`, text: manualMarkdown(manual, { linked: names.map((name, i) => ({ file: name, title: list[i].title })) }) });
                    svgs.forEach((svg, i) => outputs.push({ name: names[i], text: svg + '\n', companion: true }));
                }
            }
            break;
    }

    const documents = outputs.filter(o => !o.companion);
    if (toStdout || singleFile) {
        if (documents.length !== 1) {
            const what = args.format === 'svg' ? `${documents.length} organigramas` : `${documents.length} manuales (${manuals.map(m => m.id ?? '?').join(', ')})`;
            process.stderr.write(`estructura exportar: se exportan ${what}: indique una carpeta con --salida <carpeta>${args.format === 'svg' ? '' : ' o elija uno con --manual <ID>'}.\n`);
            return 2;
        }
    }
    if (toStdout) {
        process.stdout.write(documents[0].text);
        return 0;
    }
    const folder = singleFile ? path.dirname(path.resolve(singleFile)) : path.resolve(target!.path);
    const files = outputs.map(o => ({ file: !o.companion && singleFile ? path.resolve(singleFile) : path.join(folder, o.name), text: o.text }));
    if (!args.overwrite) {
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

/** --salida names a file when it ends with the format's extension, else a folder. */
async function outputKind(output: string, format: ExportFormat): Promise<{ kind: 'file' | 'folder'; path: string }> {
    if (EXTENSIONS[format].test(output)) return { kind: 'file', path: output };
    return { kind: 'folder', path: output };
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
