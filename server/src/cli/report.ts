// What `estructura revisar` prints, in each of its formats: plain lines (piped), lines grouped by
// file (terminal), JSON, SARIF 2.1.0 and GitHub workflow commands. Pure functions of the findings,
// so tests can render them without a terminal.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type Rule } from '../language/rules/catalog.js';
import { ruleAnchor } from '../language/rules/docs-link.js';
import { ruleCard } from '../language/rules/docs.js';
import { REPOSITORY_URL, VERSION } from './package-info.js';
import { countOf, SEVERITIES, type SeverityInfo } from '../language/severity.js';

/** One diagnostic, with 1-based positions; `endColumn` is the column after the last character. */
export interface Finding {
    /** Relative to the working folder (absolute when outside it), with the platform's separators. */
    file: string;
    absolute: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: SeverityInfo;
    code: string;
    message: string;
}

export interface CheckReport {
    /** The findings shown (at or above --minimo), by file, line and column. */
    findings: Finding[];
    /** How many were below --minimo. */
    hidden: number;
    threshold?: SeverityInfo;
    /** Files reported on, and files loaded only as context (--espacio). */
    files: number;
    contextFiles: number;
    /** The working folder paths are relative to. */
    cwd: string;
    /** Inputs that could not be read (named on stderr too). */
    problems: ReadonlyArray<{ file: string; message: string }>;
}

export type OutputFormat = 'texto' | 'json' | 'sarif' | 'github';

/** Findings per rule code, most frequent first (ties by code). */
export function countsByRule(findings: readonly Finding[]): Array<[code: string, count: number]> {
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function countBySeverity(findings: readonly Finding[], severity: SeverityInfo): number {
    return findings.filter(f => f.severity === severity).length;
}

/** `65 archivos revisados: 8 errores, 20 advertencias, 558 informativos, 0 sugerencias.` */
export function summaryLine(report: CheckReport): string {
    const files = `${report.files} ${report.files === 1 ? 'archivo revisado' : 'archivos revisados'}`;
    const context = report.contextFiles > 0 ? ` (${report.contextFiles} más de --espacio, sin reportar)` : '';
    const shown = SEVERITIES.filter(s => !report.threshold || s.lsp <= report.threshold.lsp);
    const counts = shown.map(s => countOf(countBySeverity(report.findings, s), s)).join(', ');
    const hidden = report.threshold && shown.length < SEVERITIES.length
        ? `; ${report.hidden} de menor severidad ${report.hidden === 1 ? 'oculto' : 'ocultos'} por --minimo ${report.threshold.word}`
        : '';
    return `${files}${context}: ${counts}${hidden}.`;
}

/** `  funcion-duplicada: 441`, one line per rule, under a heading; nothing when nothing is shown. */
function ruleTable(report: CheckReport, paint: Paint): string[] {
    const rows = countsByRule(report.findings);
    if (rows.length === 0) return [];
    return ['Por regla:', ...rows.map(([code, n]) => `  ${paint.dim(code)}: ${n}`)];
}

/** The plain output, for pipes: `archivo:línea:columna severidad código mensaje` per line. */
export function plainText(report: CheckReport): string {
    const lines = report.findings.map(f => `${f.file}:${f.line}:${f.column} ${f.severity.word} ${f.code} ${f.message}`);
    return [...lines, ...ruleTable(report, NO_PAINT), summaryLine(report)].join('\n') + '\n';
}

interface Paint {
    severity(severity: SeverityInfo, text: string): string;
    file(text: string): string;
    dim(text: string): string;
}

const NO_PAINT: Paint = { severity: (_, text) => text, file: text => text, dim: text => text };

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const ANSI: Paint = {
    severity: (severity, text) => [sgr(31, 39), sgr(33, 39), sgr(36, 39), sgr(90, 39)][severity.lsp - 1](text),
    file: text => sgr(1, 22)(sgr(4, 24)(text)),
    dim: sgr(90, 39)
};

/** The terminal output: the findings under a heading per file, aligned; colored if `color`. */
export function groupedText(report: CheckReport, color: boolean): string {
    const paint = color ? ANSI : NO_PAINT;
    const out: string[] = [];
    const byFile = new Map<string, Finding[]>();
    for (const f of report.findings) {
        let list = byFile.get(f.file);
        if (!list) byFile.set(f.file, list = []);
        list.push(f);
    }
    const severityWidth = Math.max(...SEVERITIES.map(s => s.word.length));
    for (const [file, findings] of byFile) {
        out.push(paint.file(file));
        const positionWidth = Math.max(...findings.map(f => `${f.line}:${f.column}`.length));
        const codeWidth = Math.max(...findings.map(f => f.code.length));
        for (const f of findings) {
            const position = `${f.line}:${f.column}`.padEnd(positionWidth);
            out.push(`  ${paint.dim(position)}  ${paint.severity(f.severity, f.severity.word.padEnd(severityWidth))}  ${paint.dim(f.code.padEnd(codeWidth))}  ${f.message}`);
        }
        out.push('');
    }
    const table = ruleTable(report, paint);
    if (table.length > 0) out.push(...table, '');
    out.push(summaryLine(report));
    return out.join('\n') + '\n';
}

/** `{diagnostics, summary}`: positions 1-based, severities in Spanish, counts of what is shown. */
export function jsonReport(report: CheckReport): string {
    const [errors, warnings, infos, hints] = SEVERITIES.map(s => countBySeverity(report.findings, s));
    return JSON.stringify({
        diagnostics: report.findings.map(f => ({
            file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn,
            severity: f.severity.word, code: f.code, message: f.message
        })),
        summary: {
            files: report.files,
            errors, warnings, infos, hints,
            hidden: report.hidden,
            porRegla: Object.fromEntries(countsByRule(report.findings))
        }
    }, null, 2) + '\n';
}

// ---- SARIF 2.1.0 ----------------------------------------------------------------------------

/** The public schema location GitHub and editors know for SARIF 2.1.0. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * The rule's section of docs/reglas.md in the package's repository (package.json `repository`),
 * an absolute https URI as SARIF requires of `helpUri`; undefined without an http(s) repository.
 */
export function ruleHelpUri(code: string): string | undefined {
    return REPOSITORY_URL ? `${REPOSITORY_URL}/blob/main/docs/reglas.md#${ruleAnchor(code)}` : undefined;
}

/** The first sentence of a catalog description (not split after an initial: «del H. Consejo»). */
export function firstSentence(text: string): string {
    const match = /^.+?(?<=[\p{Ll}\d)»`’"]\.)(?=\s+[\p{Lu}¿«(`]|\s*$)/su.exec(text);
    return (match?.[0] ?? text).trim();
}

const SARIF_LEVEL: Record<string, 'error' | 'warning' | 'note'> = Object.fromEntries(SEVERITIES.map(s => [s.catalog, s.sarif]));

function sarifRule(rule: Rule) {
    const helpUri = ruleHelpUri(rule.code);
    return {
        id: rule.code,
        shortDescription: { text: firstSentence(rule.description) },
        fullDescription: { text: rule.description },
        ...(helpUri ? { helpUri } : {}),
        help: { text: rule.description, markdown: ruleCard(rule) },
        defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
        properties: { tags: [rule.source] }
    };
}

/** `a/b c.estructura` → `a/b%20c.estructura`: relative, `/`-separated, percent-encoded. */
function relativeUri(relative: string): string {
    return relative.split(path.sep).map(encodeURIComponent).join('/');
}

/** One run: the whole catalog as rules, each finding as a result located relative to %SRCROOT%. */
export function sarifReport(report: CheckReport): string {
    const rules = [...RULES.values()].map(sarifRule);
    const index = new Map(rules.map((r, i) => [r.id, i]));
    for (const f of report.findings) {
        // A code outside the catalog (none today) still gets a rule, so every ruleIndex is valid.
        if (!index.has(f.code)) {
            index.set(f.code, rules.length);
            rules.push({ id: f.code, shortDescription: { text: f.code }, fullDescription: { text: f.code }, help: { text: f.code, markdown: f.code }, defaultConfiguration: { level: f.severity.sarif }, properties: { tags: [] } });
        }
    }
    const srcroot = pathToFileURL(report.cwd).href.replace(/\/?$/, '/');
    const results = report.findings.map(f => {
        const relative = path.relative(report.cwd, f.absolute);
        const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
        return {
            ruleId: f.code,
            ruleIndex: index.get(f.code)!,
            level: f.severity.sarif,
            message: { text: f.message },
            locations: [{
                physicalLocation: {
                    artifactLocation: inside ? { uri: relativeUri(relative), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(f.absolute).href },
                    region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn }
                }
            }]
        };
    });
    const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'estructura', version: VERSION, semanticVersion: VERSION, ...(REPOSITORY_URL ? { informationUri: REPOSITORY_URL } : {}), rules } },
            invocations: [{
                executionSuccessful: report.problems.length === 0,
                ...(report.problems.length > 0 ? {
                    toolExecutionNotifications: report.problems.map(p => ({ level: 'error', message: { text: `${p.file}: ${p.message}` } }))
                } : {})
            }],
            originalUriBaseIds: { '%SRCROOT%': { uri: srcroot } },
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}

// ---- GitHub workflow commands ---------------------------------------------------------------

/** The escaping of a workflow command's message (actions/toolkit `escapeData`). */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The escaping of a workflow command's property value (`escapeProperty`): also `:` and `,`. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=código::mensaje`, one per finding
 * (`warning` for advertencias, `notice` for the rest), then the summary as a plain log line.
 * GitHub takes `col` and `endColumn` only within one line: a finding over several lines has none.
 */
export function githubReport(report: CheckReport): string {
    const lines = report.findings.map(f => {
        const file = f.file.split(path.sep).join('/');
        const properties = [`file=${escapeProperty(file)}`, `line=${f.line}`];
        if (f.endLine === f.line) properties.push(`col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`);
        else properties.push(`endLine=${f.endLine}`);
        properties.push(`title=${escapeProperty(f.code)}`);
        return `::${f.severity.github} ${properties.join(',')}::${escapeData(f.message)}`;
    });
    return [...lines, summaryLine(report)].join('\n') + '\n';
}
