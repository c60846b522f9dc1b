// `estructura revisar`: the same diagnostics the server publishes, for a terminal or CI.
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { loadWorkspace } from '../workspace.js';
import { last, readOptions, type OptionSpecs } from './args.js';

const SEVERITY_NAMES: Record<number, string> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'advertencia',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'sugerencia'
};

export interface CliDiagnostic {
    file: string;
    line: number;
    column: number;
    severity: string;
    code: string;
    message: string;
}

interface CheckOptions { paths: string[]; format: 'texto' | 'json'; config?: string }

const OPTIONS = {
    formato: { type: 'string', aliases: ['format'] },
    config: { type: 'string', aliases: ['configuracion', 'configuración'] }
} as const satisfies OptionSpecs;

function parseArgs(args: string[]): CheckOptions | string {
    const read = readOptions(args, OPTIONS);
    if (typeof read === 'string') return read;
    const formato = last(read.values.formato) ?? 'texto';
    const format = formato === 'json' ? 'json' : formato === 'texto' || formato === 'text' ? 'texto' : undefined;
    if (!format) return `formato desconocido «${formato}»: use texto o json.`;
    if (read.positionals.length === 0) return 'indique al menos un archivo o carpeta a revisar.';
    return { paths: read.positionals, format, config: last(read.values.config) };
}

export async function runCheck(args: string[]): Promise<number> {
    const options = parseArgs(args);
    if (typeof options === 'string') {
        process.stderr.write(`estructura revisar: ${options}\nUso: estructura revisar <rutas…> [--formato texto|json] [--config estructura.json]\n`);
        return 2;
    }
    const workspace = await loadWorkspace(options.paths, true, options.config);
    for (const problem of workspace.problems) {
        process.stderr.write(`estructura revisar: ${problem.file}: ${problem.message}\n`);
    }
    const cwd = process.cwd();
    const diagnostics: CliDiagnostic[] = [];
    for (const document of workspace.documents) {
        const file = path.relative(cwd, document.uri.fsPath) || document.uri.fsPath;
        for (const d of document.diagnostics ?? []) {
            diagnostics.push({
                file,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                severity: SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error],
                code: String(d.code ?? ''),
                message: typeof d.message === 'string' ? d.message : d.message.value
            });
        }
    }
    diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    const summary = {
        errors: diagnostics.filter(d => d.severity === 'error').length,
        warnings: diagnostics.filter(d => d.severity === 'advertencia').length,
        infos: diagnostics.filter(d => d.severity === 'info' || d.severity === 'sugerencia').length
    };
    if (options.format === 'json') {
        process.stdout.write(JSON.stringify({ diagnostics, summary }, null, 2) + '\n');
    } else {
        for (const d of diagnostics) {
            process.stdout.write(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`);
        }
        process.stdout.write(`${workspace.documents.length} archivos revisados: ${summary.errors} errores, ${summary.warnings} advertencias, ${summary.infos} informativos.\n`);
    }
    // Unreadable or wrong inputs were reported above; the rest was still checked.
    if (workspace.problems.length > 0) return 2;
    return summary.errors > 0 ? 1 : 0;
}
