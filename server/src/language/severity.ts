// The four severities in every vocabulary the project speaks, in one table: the catalog's and
// estructura.json's English names (also what `--minimo` and `estructura.reglas` accept), the Spanish
// words of the diagnostic lines, docs/reglas.md and the hover, the LSP numbers, SARIF levels and
// GitHub annotation commands. Every other module reads them from here, so none can disagree.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Severity } from './rules/catalog.js';

export interface SeverityInfo {
    /** LSP severity: 1 error … 4 hint; a lower number is more severe. */
    lsp: DiagnosticSeverity;
    /** The catalog's and estructura.json's English name. */
    catalog: Severity;
    /** Spanish, as in `archivo:línea:columna advertencia código mensaje`. */
    word: string;
    plural: string;
    /** Other spellings accepted wherever a severity is read (estructura.json, `estructura.reglas`, `--minimo`). */
    aliases: readonly string[];
    /** How VS Code shows it, for the descriptions of the `estructura.reglas` setting. */
    editor: string;
    sarif: 'error' | 'warning' | 'note';
    github: 'error' | 'warning' | 'notice';
}

/** From most to least severe. */
export const SEVERITIES: readonly SeverityInfo[] = [
    { lsp: DiagnosticSeverity.Error, catalog: 'error', word: 'error', plural: 'errores', aliases: [], editor: 'subrayado rojo; en el panel Problemas.', sarif: 'error', github: 'error' },
    { lsp: DiagnosticSeverity.Warning, catalog: 'warning', word: 'advertencia', plural: 'advertencias', aliases: [], editor: 'subrayado amarillo; en el panel Problemas.', sarif: 'warning', github: 'warning' },
    { lsp: DiagnosticSeverity.Information, catalog: 'info', word: 'informativo', plural: 'informativos', aliases: ['información', 'informacion'], editor: 'subrayado azul; en el panel Problemas.', sarif: 'note', github: 'notice' },
    { lsp: DiagnosticSeverity.Hint, catalog: 'hint', word: 'sugerencia', plural: 'sugerencias', aliases: [], editor: 'unos puntos discretos bajo el principio del texto; no aparece en el panel Problemas.', sarif: 'note', github: 'notice' }
];

/** The Spanish word of each catalog severity (docs/reglas.md, the hover, `estructura reglas`). */
export const SEVERITY_NAMES: Readonly<Record<Severity, string>> = Object.fromEntries(SEVERITIES.map(s => [s.catalog, s.word])) as Record<Severity, string>;

/** The LSP number of each catalog severity. */
export const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = Object.fromEntries(SEVERITIES.map(s => [s.catalog, s.lsp])) as Record<Severity, DiagnosticSeverity>;

/** The words that turn a rule off in estructura.json and `estructura.reglas`. */
export const OFF_WORDS: readonly string[] = ['off', 'apagada', 'desactivada', 'no'];

export function severityOf(lsp: DiagnosticSeverity | undefined): SeverityInfo {
    return SEVERITIES.find(s => s.lsp === (lsp ?? DiagnosticSeverity.Error)) ?? SEVERITIES[0];
}

export function severityByWord(word: string): SeverityInfo | undefined {
    return SEVERITIES.find(s => s.word === word);
}

/** A severity by any of its names (Spanish word, English name, alias), in any case. */
export function parseSeverity(value: string): SeverityInfo | undefined {
    const v = value.toLowerCase();
    return SEVERITIES.find(s => s.word === v || s.catalog === v || s.aliases.includes(v));
}

/** `1 error`, `2 errores`. */
export function countOf(n: number, severity: SeverityInfo): string {
    return `${n} ${n === 1 ? severity.word : severity.plural}`;
}

/** The words --minimo accepts, for its message. */
export const SEVERITY_CHOICES = SEVERITIES.map(s => s.word).join(', ');
