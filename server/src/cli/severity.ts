// The four severities as the command line names them: one table for the diagnostic lines, the
// summary, --minimo, the JSON, SARIF and GitHub outputs. The singular is the word docs/reglas.md
// and the hover use (SEVERITY_NAMES of rules/docs.ts).
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Severity } from '../language/rules/catalog.js';
import { SEVERITY_NAMES } from '../language/rules/docs.js';

export interface SeverityInfo {
    /** LSP severity: 1 error … 4 hint; a lower number is more severe. */
    lsp: DiagnosticSeverity;
    /** The catalog's and estructura.json's English name. */
    catalog: Severity;
    /** Spanish, as in `archivo:línea:columna advertencia código mensaje`. */
    word: string;
    plural: string;
    sarif: 'error' | 'warning' | 'note';
    github: 'error' | 'warning' | 'notice';
}

/** From most to least severe. */
export const SEVERITIES: readonly SeverityInfo[] = [
    { lsp: DiagnosticSeverity.Error, catalog: 'error', word: SEVERITY_NAMES.error, plural: 'errores', sarif: 'error', github: 'error' },
    { lsp: DiagnosticSeverity.Warning, catalog: 'warning', word: SEVERITY_NAMES.warning, plural: 'advertencias', sarif: 'warning', github: 'warning' },
    { lsp: DiagnosticSeverity.Information, catalog: 'info', word: SEVERITY_NAMES.info, plural: 'informativos', sarif: 'note', github: 'notice' },
    { lsp: DiagnosticSeverity.Hint, catalog: 'hint', word: SEVERITY_NAMES.hint, plural: 'sugerencias', sarif: 'note', github: 'notice' }
];

export function severityOf(lsp: DiagnosticSeverity | undefined): SeverityInfo {
    return SEVERITIES.find(s => s.lsp === (lsp ?? DiagnosticSeverity.Error)) ?? SEVERITIES[0];
}

export function severityByWord(word: string): SeverityInfo | undefined {
    return SEVERITIES.find(s => s.word === word);
}

/** The value of --minimo: the Spanish word or the English name (`warning`, `info`, `hint`). */
export function parseSeverity(value: string): SeverityInfo | undefined {
    const v = value.toLowerCase();
    return SEVERITIES.find(s => s.word === v || s.catalog === v);
}

/** `1 error`, `2 errores`. */
export function countOf(n: number, severity: SeverityInfo): string {
    return `${n} ${n === 1 ? severity.word : severity.plural}`;
}

/** The words --minimo accepts, for its message. */
export const SEVERITY_CHOICES = SEVERITIES.map(s => s.word).join(', ');
