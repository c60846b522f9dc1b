// `estructura plazas`: the positions of a unit and its subtree (every root without --unidad) with
// their totals by level, clase and tipo de personal, as text, CSV, XLSX or JSON.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { isUnidad, type Unidad } from '../language/generated/ast.js';
import { structureElements } from '../language/model.js';
import { plazasReport, unitId } from '../language/positions/report.js';
import { plazasCsv, plazasTextReport, plazasXlsx } from '../export/plazas-table.js';
import { loadWorkspace } from '../workspace.js';
import { last, OUTPUT_OPTIONS, readOptions, spanishList, type OptionSpecs } from './args.js';
import { exists } from './files.js';
import { PLAZAS_USAGE as USAGE } from './help.js';

const FORMATS = ['texto', 'csv', 'xlsx', 'json'] as const;
type Format = typeof FORMATS[number];

const OPTIONS = {
    ...OUTPUT_OPTIONS,
    formato: { type: 'string', aliases: ['format'], short: 'f' },
    unidad: { type: 'string', aliases: ['unit'] }
} as const satisfies OptionSpecs;

interface PlazasArgs {
    paths: string[];
    format: Format;
    unit?: string;
    output?: string;
    workspace: string[];
    overwrite: boolean;
}

function parse(args: string[]): PlazasArgs | string {
    const read = readOptions(args, OPTIONS);
    if (typeof read === 'string') return read;
    const { values, positionals: paths } = read;
    const output = last(values.salida);
    // Without --formato, the extension of --salida says it (plazas.xlsx, plazas.csv).
    const named = (last(values.formato) ?? (output ? path.extname(output).slice(1) : '') ?? '').toLowerCase();
    const format = named === 'text' ? 'texto' : named;
    if (last(values.formato) !== undefined && !(FORMATS as readonly string[]).includes(format)) {
        return `formato desconocido «${last(values.formato)}»: use ${spanishList(FORMATS)}.`;
    }
    if (paths.length === 0) return 'indique al menos un archivo o carpeta.';
    const chosen = (FORMATS as readonly string[]).includes(format) ? format as Format : 'texto';
    if (chosen === 'xlsx' && output === undefined) return 'el formato xlsx se escribe en un archivo: indíquelo con --salida <archivo.xlsx>.';
    return { paths, format: chosen, unit: last(values.unidad), output, workspace: values.espacio, overwrite: values.sobrescribir };
}

export async function runPlazas(rawArgs: string[]): Promise<number> {
    const args = parse(rawArgs);
    if (typeof args === 'string') {
        process.stderr.write(`estructura plazas: ${args}\n${USAGE}\nMás detalles: estructura plazas --help\n`);
        return 2;
    }
    if (args.output !== undefined && !args.overwrite && await exists(args.output)) {
        process.stderr.write(`estructura plazas: ${args.output} ya existe; use --sobrescribir para reemplazarlo.\n`);
        return 2;
    }
    const workspace = await loadWorkspace([...args.paths, ...args.workspace], false);
    for (const problem of workspace.problems) process.stderr.write(`estructura plazas: ${problem.file}: ${problem.message}\n`);
    if (workspace.problems.length > 0) return 2;
    const roots = workspace.documents.map(document => document.parseResult.value);
    const syntax = workspace.documents.filter(d => d.parseResult.lexerErrors.length + d.parseResult.parserErrors.length > 0);
    for (const document of syntax) process.stderr.write(`estructura plazas: ${relative(document.uri.toString())}: errores de sintaxis; se cuenta lo que se pudo leer.\n`);
    let unit: Unidad | undefined;
    if (args.unit !== undefined) {
        const found = findUnit(roots.flatMap(root => [...structureElements(root)].filter(isUnidad)), args.unit);
        if (typeof found === 'string') {
            process.stderr.write(`estructura plazas: ${found}\n`);
            return 2;
        }
        unit = found;
    }
    const report = plazasReport(roots, workspace.services.structure.StructureIndex.snapshot, unit, relative);
    const content = await render(report, args.format);
    if (args.output !== undefined) {
        await fs.mkdir(path.dirname(path.resolve(args.output)), { recursive: true });
        await fs.writeFile(args.output, content);
    } else {
        process.stdout.write(content);
    }
    return 0;
}

function relative(uri: string): string {
    const file = URI.parse(uri).fsPath;
    return path.relative(process.cwd(), file) || file;
}

/** The unit of `--unidad`: its qualified id (`IMSS.DG`), or a bare id that only one institution uses. */
function findUnit(units: Unidad[], id: string): Unidad | string {
    const exact = units.filter(unit => unitId(unit) === id);
    const matches = exact.length > 0 ? exact : units.filter(unit => unit.name === id);
    const ids = [...new Set(matches.map(unitId))];
    if (ids.length === 0) return `no hay una unidad «${id}» en los archivos dados.`;
    if (ids.length > 1) return `«${id}» es el identificador de varias unidades (${ids.join(', ')}): indique cuál con su institución.`;
    return matches[0];
}

async function render(report: ReturnType<typeof plazasReport>, format: Format): Promise<string | Buffer> {
    switch (format) {
        case 'json': return JSON.stringify(report, null, 2) + '\n';
        case 'csv': return plazasCsv(report);
        case 'xlsx': return plazasXlsx(report);
        case 'texto': return plazasTextReport(report);
    }
}
