// `estructura importar-plazas`: a positions spreadsheet (CSV or XLSX) → `.estructura` files of
// positions (+ a JSON report). Written to a temporary folder first and moved: a failed import
// leaves nothing behind.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { AstUtils } from 'langium';
import { isDocumento, isPuesto, isUnidad } from '../language/generated/ast.js';
import { parentOf } from '../language/model.js';
import { FIELDS, importPositions, PositionsImportError, type Field, type PositionsReport, type WorkspaceUnit } from '../importer/plazas/index.js';
import { readSpreadsheet, SpreadsheetError } from '../spreadsheets/read.js';
import { loadWorkspace } from '../workspace.js';
import { last, OUTPUT_OPTIONS, readOptions, type OptionSpecs } from './args.js';
import { exists } from './files.js';
import { IMPORTAR_PLAZAS_USAGE as USAGE } from './help.js';

const OPTIONS = {
    ...OUTPUT_OPTIONS,
    reporte: { type: 'string', aliases: ['report'] },
    hoja: { type: 'string', aliases: ['sheet'] },
    columnas: { type: 'string', aliases: ['columns'] },
    institucion: { type: 'string', aliases: ['institución', 'institution'] },
    agrupar: { type: 'boolean', aliases: ['group'] }
} as const satisfies OptionSpecs;

const NAME = 'estructura importar-plazas';

export async function runImportPositions(rawArgs: string[]): Promise<number> {
    const read = readOptions(rawArgs, OPTIONS);
    const usage = (message: string) => (process.stderr.write(`${NAME}: ${message}\n${USAGE}\n`), 2);
    if (typeof read === 'string') return usage(read);
    const { values, positionals } = read;
    if (positionals.length !== 1) return usage(positionals.length === 0 ? 'indique la hoja de cálculo (.csv o .xlsx).' : 'indique una sola hoja de cálculo.');
    const output = last(values.salida);
    if (!output) return usage('indique la carpeta de salida con --salida.');
    const institution = last(values.institucion);
    if (institution !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/u.test(institution)) return usage(`institución no válida «${institution}»: use un identificador (letras, dígitos y «_»), p. ej. IFAI.`);
    const mapping = await readMapping(last(values.columnas));
    if (typeof mapping === 'string') return usage(mapping);

    const input = positionals[0];
    const outputDir = path.resolve(output);
    let result;
    try {
        const book = await readSpreadsheet(input);
        const workspace = await workspaceUnits(values.espacio, outputDir);
        result = importPositions(book, { ...workspace, sheet: last(values.hoja), mapping, institution, group: values.agrupar });
    } catch (error) {
        if (error instanceof SpreadsheetError || error instanceof PositionsImportError) {
            process.stderr.write(`${NAME}: ${error.message}\n`);
            return error instanceof SpreadsheetError && /no existe|carpeta|no se puede leer \(/u.test(error.message) ? 2 : 1;
        }
        throw error;
    }
    const refused = await write(result.files, result.report, outputDir, last(values.reporte), values.sobrescribir);
    if (refused !== undefined) return refused;
    printSummary(result.report, outputDir);
    return 0;
}

/** `--columnas mapa.json`: `{ "unidad": "Área", … }`, or what is wrong with it. */
async function readMapping(file: string | undefined): Promise<Partial<Record<Field, string>> | undefined | string> {
    if (file === undefined) return undefined;
    let parsed: unknown;
    try {
        parsed = JSON.parse(await fs.readFile(file, 'utf-8'));
    } catch (error) {
        return `${file}: no se puede leer el mapa de columnas (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return `${file}: el mapa de columnas debe ser un objeto JSON { "campo": "encabezado" }.`;
    for (const [field, label] of Object.entries(parsed)) {
        if (!(FIELDS as readonly string[]).includes(field)) return `${file}: campo desconocido «${field}»; los campos son ${FIELDS.join(', ')}.`;
        if (typeof label !== 'string' || !label.trim()) return `${file}: el encabezado del campo «${field}» debe ser un texto.`;
    }
    return parsed as Partial<Record<Field, string>>;
}

/** The units of the `--espacio` folders (outside the output folder) and the ids each institution uses. */
async function workspaceUnits(paths: string[], outputDir: string): Promise<{ known: WorkspaceUnit[]; takenIds: Map<string, Set<string>> }> {
    const known: WorkspaceUnit[] = [];
    const takenIds = new Map<string, Set<string>>();
    const existing = [];
    for (const p of paths) {
        if (!(await exists(p))) throw new PositionsImportError(`${p}: la carpeta de --espacio no existe.`);
        existing.push(p);
    }
    if (existing.length === 0) return { known, takenIds };
    const workspace = await loadWorkspace(existing, false);
    for (const document of workspace.documents) {
        if (document.uri.fsPath.startsWith(outputDir + path.sep)) continue;
        const root = document.parseResult.value;
        if (!isDocumento(root)) continue;
        const institution = root.encabezado?.institucion ?? '';
        const ids = takenIds.get(institution) ?? new Set<string>();
        takenIds.set(institution, ids);
        for (const node of AstUtils.streamAllContents(root)) {
            if (isUnidad(node) && node.name) {
                ids.add(node.name);
                known.push({ id: node.name, name: node.nombre ?? '', numero: node.numero, institution, aliases: [...node.alias], parent: parentOf(node)?.name });
            } else if (isPuesto(node) && node.name) ids.add(node.name);
        }
    }
    return { known, takenIds };
}

/** Into a temporary folder beside the output, then moved; without --sobrescribir nothing is replaced. */
async function write(files: Array<{ name: string; text: string }>, report: PositionsReport, outputDir: string, reportFile: string | undefined, overwrite: boolean): Promise<number | undefined> {
    const targets = files.map(f => path.join(outputDir, f.name));
    if (!overwrite) {
        const written = reportFile ? [...targets, path.resolve(reportFile)] : targets;
        const present = [];
        for (const t of written) if (await exists(t)) present.push(t);
        if (present.length > 0) {
            process.stderr.write(`${NAME}: ya existen ${present.length} archivos de salida (p. ej. ${present[0]}); use --sobrescribir para reemplazarlos.\n`);
            return 2;
        }
    }
    await fs.mkdir(path.dirname(outputDir), { recursive: true });
    const temporary = await fs.mkdtemp(path.join(path.dirname(outputDir), `.${path.basename(outputDir)}-`));
    try {
        for (const file of files) await fs.writeFile(path.join(temporary, file.name), file.text, 'utf-8');
        await fs.mkdir(outputDir, { recursive: true });
        for (const file of files) await fs.rename(path.join(temporary, file.name), path.join(outputDir, file.name));
    } finally {
        await fs.rm(temporary, { recursive: true, force: true });
    }
    if (reportFile) {
        await fs.mkdir(path.dirname(path.resolve(reportFile)), { recursive: true });
        await fs.writeFile(reportFile, JSON.stringify(report, null, 2) + '\n', 'utf-8');
    }
    return undefined;
}

function printSummary(r: PositionsReport, outputDir: string): void {
    const out = process.stdout;
    const { encontradas, creadas } = r.unidades;
    const implied = creadas.filter(u => u.implicita).length;
    const below = implied > 0 ? `: ${creadas.length - implied} nombradas en la hoja, ${implied} implícitas en el árbol de puestos` : '';
    out.write(`${r.archivo} (hoja «${r.hoja}», encabezado en la fila ${r.filaEncabezado}): ${r.puestos} puestos (${r.plazas} plazas) en ${encontradas.length + creadas.length} unidades`
        + ` (${encontradas.length} del espacio de trabajo, ${creadas.length} creadas desde la hoja${below}), institución ${r.institucion}`
        + ` → ${r.archivos.length} archivos en ${path.relative(process.cwd(), outputDir) || '.'}\n`);
    const grouped = r.agrupadas > 0 ? ` (${r.agrupadas} agrupadas con una fila igual anterior de su unidad)` : '';
    out.write(`  filas: ${r.filas} en total, ${r.puestos + r.agrupadas} importadas${grouped}, ${r.omitidas.length} omitidas, 1 de encabezado; ${r.avisos.length} avisos\n`);
    out.write(`  columnas: ${Object.entries(r.columnas).map(([f, l]) => `${f} «${l}»`).join(', ')}\n`);
    for (const o of r.omitidas.slice(0, 20)) out.write(`  hoja «${o.hoja}», fila ${o.fila}: omitida: ${o.motivo}\n`);
    if (r.omitidas.length > 20) out.write(`  … y ${r.omitidas.length - 20} filas omitidas más (véase el reporte, «omitidas»).\n`);
    for (const a of r.avisos.slice(0, 20)) out.write(`  hoja «${a.hoja}», fila ${a.fila}: ${a.mensaje}\n`);
    if (r.avisos.length > 20) out.write(`  … y ${r.avisos.length - 20} avisos más (véase el reporte, «avisos»).\n`);
}
