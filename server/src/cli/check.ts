// `estructura revisar`: the same diagnostics the server publishes, for a terminal or CI.
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { loadWorkspace } from '../workspace.js';
import { last, readOptions, type OptionSpecs } from './args.js';
import { REVISAR_USAGE } from './help.js';
import { groupedText, githubReport, jsonReport, plainText, sarifReport, type CheckReport, type Finding, type OutputFormat } from './report.js';
import { countOf, parseSeverity, SEVERITIES, SEVERITY_CHOICES, severityOf, type SeverityInfo } from '../language/severity.js';

interface CheckOptions {
    paths: string[];
    format: OutputFormat;
    config?: string;
    threshold?: SeverityInfo;
    maxWarnings?: number;
    context: string[];
}

const OPTIONS = {
    formato: { type: 'string', aliases: ['format'] },
    config: { type: 'string', aliases: ['configuracion', 'configuración'] },
    minimo: { type: 'string', aliases: ['mínimo', 'minimum'] },
    'max-advertencias': { type: 'string', aliases: ['max-warnings'] },
    espacio: { type: 'string', aliases: ['workspace'] }
} as const satisfies OptionSpecs;

const FORMATS: Record<string, OutputFormat> = { texto: 'texto', text: 'texto', json: 'json', sarif: 'sarif', github: 'github' };

function parseArgs(args: string[]): CheckOptions | string {
    const read = readOptions(args, OPTIONS);
    if (typeof read === 'string') return read;
    const formato = last(read.values.formato) ?? 'texto';
    const format = Object.hasOwn(FORMATS, formato.toLowerCase()) ? FORMATS[formato.toLowerCase()] : undefined;
    if (!format) return `formato desconocido «${formato}»: use texto, json, sarif o github.`;
    const minimo = last(read.values.minimo);
    const threshold = minimo === undefined ? undefined : parseSeverity(minimo);
    if (minimo !== undefined && !threshold) return `severidad desconocida «${minimo}» en --minimo: use ${SEVERITY_CHOICES} (o error, warning, info, hint).`;
    const max = last(read.values['max-advertencias']);
    if (max !== undefined && !/^\d+$/.test(max)) return `--max-advertencias espera un número entero de 0 en adelante, no «${max}».`;
    if (max !== undefined && threshold === SEVERITIES[0]) {
        return '--max-advertencias no se combina con --minimo error: las advertencias que cuenta no se mostrarían.';
    }
    if (read.positionals.length === 0) return 'indique al menos un archivo o carpeta a revisar.';
    return {
        paths: read.positionals, format, config: last(read.values.config), threshold,
        maxWarnings: max === undefined ? undefined : Number(max), context: read.values.espacio
    };
}

export async function runCheck(args: string[]): Promise<number> {
    const options = parseArgs(args);
    if (typeof options === 'string') {
        process.stderr.write(`estructura revisar: ${options}\n${REVISAR_USAGE}\nMás detalles: estructura revisar --help\n`);
        return 2;
    }
    const workspace = await loadWorkspace(options.paths, true, options.config, { context: options.context });
    for (const problem of workspace.problems) {
        process.stderr.write(`estructura revisar: ${problem.file}: ${problem.message}\n`);
    }
    const cwd = process.cwd();
    const reported = workspace.documents.filter(d => !workspace.contextOnly.has(d.uri.fsPath));
    const { findings, hidden } = findingsOf(reported, options.threshold, cwd);
    findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    // Nothing could be read: the reasons are on stderr, and an empty report would pass for a clean one.
    if (reported.length === 0 && workspace.problems.length > 0) return 2;

    const report: CheckReport = {
        findings, hidden, threshold: options.threshold, files: reported.length,
        contextFiles: workspace.documents.length - reported.length, cwd, problems: workspace.problems
    };
    switch (options.format) {
        case 'json': process.stdout.write(jsonReport(report)); break;
        case 'sarif': process.stdout.write(sarifReport(report)); break;
        case 'github': process.stdout.write(githubReport(report)); break;
        case 'texto':
            // Grouped by file in a terminal; the plain lines, which scripts read, everywhere else.
            process.stdout.write(process.stdout.isTTY ? groupedText(report, useColor()) : plainText(report));
            break;
    }
    // Unreadable or wrong inputs were reported above; the rest was still checked.
    if (workspace.problems.length > 0) return 2;
    const errors = findings.filter(f => f.severity === SEVERITIES[0]).length;
    const warnings = findings.filter(f => f.severity === SEVERITIES[1]).length;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
        process.stderr.write(`estructura revisar: ${countOf(warnings, SEVERITIES[1])}, más de las ${options.maxWarnings} que permite --max-advertencias.\n`);
        return 1;
    }
    return errors > 0 ? 1 : 0;
}

/** The diagnostics of the documents at or above the threshold, and how many it hid. */
function findingsOf(reported: LangiumDocument[], threshold: SeverityInfo | undefined, cwd: string): { findings: Finding[]; hidden: number } {
    const findings: Finding[] = [];
    let hidden = 0;
    for (const document of reported) {
        const absolute = document.uri.fsPath;
        const file = path.relative(cwd, absolute) || absolute;
        for (const d of document.diagnostics ?? []) {
            const severity = severityOf(d.severity);
            if (threshold && severity.lsp > threshold.lsp) {
                hidden++;
                continue;
            }
            findings.push({
                file, absolute,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
                severity,
                code: String(d.code ?? ''),
                message: typeof d.message === 'string' ? d.message : d.message.value
            });
        }
    }
    return { findings, hidden };
}

/**
 * Colors on a terminal unless NO_COLOR is set to anything but the empty string (no-color.org) or
 * the terminal says it has none (TERM=dumb).
 */
function useColor(): boolean {
    return !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}
