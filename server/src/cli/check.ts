// `estructura revisar`: the same diagnostics the server publishes, for a terminal or CI.
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { loadWorkspace } from '../workspace.js';

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

function parseArgs(rawArgs: string[]): CheckOptions | string {
    // `--formato=json` is the same as `--formato json`.
    const args = rawArgs.flatMap(a => (a.startsWith('--') && a.includes('=') ? [a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1)] : [a]));
    const paths: string[] = [];
    let format: 'texto' | 'json' = 'texto';
    let config: string | undefined;
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--config' || arg === '--configuracion' || arg === '--configuración') {
            config = args[++i];
            if (!config) return 'falta el archivo de --config.';
            continue;
        }
        if (arg === '--formato' || arg === '--format') {
            const value = args[++i];
            if (value === 'json') format = 'json';
            else if (value === 'texto' || value === 'text') format = 'texto';
            else return `formato desconocido «${value ?? ''}»: use texto o json.`;
        } else if (arg.startsWith('-')) {
            return `opción desconocida «${arg}».`;
        } else {
            paths.push(arg);
        }
    }
    if (paths.length === 0) return 'indique al menos un archivo o carpeta a revisar.';
    return { paths, format, config };
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
