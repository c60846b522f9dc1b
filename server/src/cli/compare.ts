// `estructura comparar`: the structural difference between two versions of a structure (folders or
// git revisions), each change tied to the records that authorize it; or, with --al, the structure
// in force at a date, derived from today's records, and its difference to today.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { stateAt } from '../history/as-of.js';
import { compareSnapshots } from '../history/compare.js';
import { comparisonJson, renderHtml, renderMarkdown, renderText, type ReportInput } from '../history/render/index.js';
import { scalesFor } from '../history/plaza-changes.js';
import { isPath, loadPayScaleFile, loadSide, SideError, type LoadedSide } from '../history/sides.js';
import { last, readOptions, type OptionSpecs } from './args.js';
import { exists } from './files.js';
import { COMPARAR_USAGE } from './help.js';

type Format = 'texto' | 'json' | 'markdown' | 'html';

const FORMATS: Record<string, Format> = { texto: 'texto', text: 'texto', json: 'json', markdown: 'markdown', md: 'markdown', html: 'html' };

const OPTIONS = {
    formato: { type: 'string', aliases: ['format'], short: 'f' },
    al: { type: 'string', aliases: ['at', 'fecha'] },
    unidad: { type: 'string', aliases: ['unit'] },
    salida: { type: 'string', aliases: ['output'], short: 'o' },
    sobrescribir: { type: 'boolean', aliases: ['overwrite'] },
    tabulador: { type: 'string', aliases: ['pay-scale'] }
} as const satisfies OptionSpecs;

interface CompareCommand {
    sides: string[];
    format: Format;
    date?: string;
    root?: string;
    output?: string;
    overwrite: boolean;
    /** A `.estructura` file (or folder) whose tabuladores price both versions. */
    tabulador?: string;
}

function parse(args: string[]): CompareCommand | string {
    const read = readOptions(args, OPTIONS);
    if (typeof read === 'string') return read;
    const formato = last(read.values.formato) ?? 'texto';
    const format = Object.hasOwn(FORMATS, formato.toLowerCase()) ? FORMATS[formato.toLowerCase()] : undefined;
    if (!format) return `formato desconocido «${formato}»: use texto, json, markdown o html.`;
    const date = last(read.values.al);
    if (date !== undefined && !isDate(date)) return `--al espera una fecha AAAA-MM-DD, no «${date}».`;
    const expected = date === undefined ? 2 : 1;
    if (read.positionals.length !== expected) {
        return date === undefined
            ? `indique las dos versiones a comparar (antes y después), no ${read.positionals.length}.`
            : `con --al indique una sola versión (la de hoy), no ${read.positionals.length}.`;
    }
    return {
        sides: read.positionals, format, date, root: last(read.values.unidad),
        output: last(read.values.salida), overwrite: read.values.sobrescribir, tabulador: last(read.values.tabulador)
    };
}

function isDate(text: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    const parsed = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text);
}

export async function runCompare(args: string[]): Promise<number> {
    const command = parse(args);
    if (typeof command === 'string') {
        process.stderr.write(`estructura comparar: ${command}\n${COMPARAR_USAGE}\nMás detalles: estructura comparar --help\n`);
        return 2;
    }
    if (command.output !== undefined && !command.overwrite && await exists(command.output)) {
        process.stderr.write(`estructura comparar: ${command.output} ya existe; use --sobrescribir para reemplazarlo.\n`);
        return 2;
    }
    const cwd = process.cwd();
    let input: ReportInput;
    try {
        const given = command.tabulador === undefined ? undefined : await loadPayScaleFile(command.tabulador, cwd);
        if (command.date !== undefined) {
            const today = await loadSide({ spec: command.sides[0], defaultPaths: [], cwd });
            const result = stateAt(today.snapshot, command.date);
            const payScales = scalesFor(today.payScale, today.payScale, given);
            input = { comparison: compareSnapshots(result.state, today.snapshot, { root: command.root, payScales }), asOf: { date: command.date, result } };
        } else {
            const [beforeSpec, afterSpec] = command.sides;
            // A bare revision reads the same folders as the other side, when that side is a folder.
            const folders = async (spec: string) => await isPath(spec, cwd) ? [spec] : [];
            const after = await loadSide({ spec: afterSpec, defaultPaths: await folders(beforeSpec), cwd });
            const before = await loadSide({ spec: beforeSpec, defaultPaths: await defaultsFrom(after, afterSpec, cwd), cwd });
            const payScales = scalesFor(before.payScale, after.payScale, given);
            input = { comparison: compareSnapshots(before.snapshot, after.snapshot, { root: command.root, payScales }) };
        }
    } catch (error) {
        if (error instanceof SideError) {
            process.stderr.write(`estructura comparar: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
    const scope = input.comparison.scope;
    if (scope && scope.before === undefined && scope.after === undefined) {
        process.stderr.write(`estructura comparar: no hay una unidad «${command.root}» en ninguna de las dos versiones.\n`);
        return 2;
    }
    for (const side of [input.comparison.before, input.comparison.after]) writeProblems(side.problems);
    const text = render(input, command.format);
    if (command.output !== undefined) {
        await fs.mkdir(path.dirname(path.resolve(command.output)), { recursive: true });
        await fs.writeFile(command.output, text);
    } else {
        process.stdout.write(text);
    }
    return input.comparison.differences.length > 0 ? 1 : 0;
}

/** Syntax errors, a few per file: a file that lost a quote has hundreds, all from the first. */
const ERRORS_PER_FILE = 3;

function writeProblems(problems: ReportInput['comparison']['before']['problems']): void {
    const byFile = new Map<string, typeof problems>();
    for (const problem of problems) {
        let list = byFile.get(problem.file);
        if (!list) byFile.set(problem.file, list = []);
        list.push(problem);
    }
    for (const [file, list] of byFile) {
        for (const problem of list.slice(0, ERRORS_PER_FILE)) {
            process.stderr.write(`estructura comparar: ${file}${problem.line ? `:${problem.line}` : ''}: ${problem.message} (se compara lo que se pudo leer)\n`);
        }
        if (list.length > ERRORS_PER_FILE) process.stderr.write(`estructura comparar: ${file}: y ${list.length - ERRORS_PER_FILE} errores de sintaxis más\n`);
    }
}

async function defaultsFrom(after: LoadedSide, spec: string, cwd: string): Promise<string[]> {
    return after.kind === 'carpeta' && await isPath(spec, cwd) ? [spec] : after.paths;
}

function render(input: ReportInput, format: Format): string {
    switch (format) {
        case 'json': return JSON.stringify(comparisonJson(input), null, 2) + '\n';
        case 'markdown': return renderMarkdown(input);
        case 'html': return renderHtml(input);
        case 'texto': return renderText(input, { color: process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb' });
    }
}
